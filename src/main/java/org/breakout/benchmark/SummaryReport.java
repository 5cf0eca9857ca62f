package org.breakout.benchmark;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.breakout.bound.ObjectiveBound;

/**
 * The summary table of a benchmark, three ways: aligned text (the terminal), markdown with a header saying where,
 * on what and how it ran ({@code summary.md}, {@code --results}), and CSV for tools ({@code summary.csv}).
 */
public final class SummaryReport {

    /**
     * Everything the markdown header says.
     *
     * @param commandLine the command line that runs the same benchmark again
     * @param versions breakout's and Timefold's versions
     * @param limits the limits of every run, in words
     * @param reportDirectory the Benchmarker's report folder
     */
    public record Context(OffsetDateTime started, String commandLine, String versions, MachineInfo machine,
            String limits, List<BenchmarkConfigs.Named> configs, List<BenchmarkRunner.Dataset> datasets,
            Path reportDirectory, long millis) {
    }

    /** The columns of the table, with their definitions (the legend; benchmarks/README.md says the same). */
    public static final List<String[]> COLUMNS = List.of(
            new String[] { "dataset", "the dataset's name in the benchmark set (an alias runs under the real name)" },
            new String[] { "config", "the solver configuration" },
            new String[] { "seats", "wanted seats filled by the best schedule / wanted seats (one per attendee per "
                    + "wanted round)" },
            new String[] { "seat gap", "`maxSeatsFilled − seats filled`: seats the proven bound allows beyond this "
                    + "schedule (0: no schedule fills more)" },
            new String[] { "1st choice", "share of the filled seats that went to the attendee's first choice" },
            new String[] { "cost", "preference cost of the best schedule (`(rank − 1)²` per seat by default, see "
                    + "docs/constraints.md)" },
            new String[] { "cost bound", "`minPreferenceCostAt(seats filled)`: no schedule that keeps the rules and "
                    + "fills as many seats costs less (docs/bounds.md)" },
            new String[] { "cost gap", "`cost − cost bound`, and in % of the cost bound when that is above 0 "
                    + "(0: optimal for that number of seats, when the bound is exact)" },
            new String[] { "bound", "`exact`: the bound is reached by some schedule (it is the optimum); "
                    + "`relaxed`: a proven bound that may be out of reach (open timetables, see docs/bounds.md)" },
            new String[] { "feasible at", "solving time of the first best schedule that breaks no hard rule (every "
                    + "run placed; it may still have empty seats)" },
            new String[] { "1% at", "solving time of the first best schedule with the final hard and medium score "
                    + "and a soft score at most 1 % of |final soft score| worse than the final one" },
            new String[] { "time", "solving time of the run (it stops at the time limit, the no-improvement limit "
                    + "or the end of the last phase)" },
            new String[] { "calc/s", "score calculations per second over the whole run (the Benchmarker's figure)" },
            new String[] { "peak heap", "largest heap in use while the run solved, sampled every 50 ms from when its "
                    + "input was read (after a garbage collection) until its best schedule was written; includes "
                    + "garbage not yet collected, so it depends on the heap size and is an upper estimate of what the "
                    + "run needs" },
            new String[] { "score", "final best score `hard/medium/soft` as the solver saw it (hard: rules broken, "
                    + "medium: wanted seats left empty, soft: preference cost and other wishes)" });

    private static final String NONE = "–";

    private SummaryReport() {
    }

    // ************************************************************************
    // Cells
    // ************************************************************************

    static List<String> headers() {
        return COLUMNS.stream().map(c -> c[0]).toList();
    }

    static List<String> cells(SummaryRow row) {
        List<String> cells = new ArrayList<>();
        cells.add(row.dataset());
        cells.add(row.config());
        if (!row.ok()) {
            cells.add("FAILED");
            for (int i = 3; i < COLUMNS.size() - 1; i++) {
                cells.add(NONE);
            }
            cells.add(row.failure());
            return cells;
        }
        cells.add(row.seatsFilled() + "/" + row.seatsWanted());
        cells.add(String.valueOf(row.seatsGap()));
        cells.add(String.format(Locale.ROOT, "%.1f%%", 100 * row.firstChoiceShare()));
        cells.add(String.valueOf(row.preferenceCost()));
        cells.add(row.costBound() == null ? "ABOVE BOUND" : String.valueOf(row.costBound()));
        cells.add(row.costGap() == null ? NONE : row.costGap() + (row.costGapPercent() == null ? ""
                : String.format(Locale.ROOT, " (%.1f%%)", row.costGapPercent())));
        cells.add(row.boundExact() ? "exact" : "relaxed");
        cells.add(row.timeToFeasibleMillis() == null ? "never" : seconds(row.timeToFeasibleMillis()));
        cells.add(row.timeToNearFinalMillis() == null ? NONE : seconds(row.timeToNearFinalMillis()));
        cells.add(seconds(row.totalMillis()));
        cells.add(row.scoreCalculationSpeed() == null ? NONE
                : String.format(Locale.ROOT, "%,d", row.scoreCalculationSpeed()));
        cells.add(row.peakHeapBytes() == null ? NONE : megabytes(row.peakHeapBytes()));
        cells.add(row.score() + (row.feasible() ? "" : " (HARD RULES BROKEN)"));
        return cells;
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", Math.round(bytes / (1024.0 * 1024)));
    }

    // ************************************************************************
    // Text
    // ************************************************************************

    /** The table as aligned text, numbers right-aligned. */
    public static String text(List<SummaryRow> rows) {
        List<List<String>> table = new ArrayList<>();
        table.add(headers());
        rows.forEach(row -> table.add(cells(row)));
        int columns = COLUMNS.size();
        int[] widths = new int[columns];
        for (List<String> line : table) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], line.get(c).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < table.size(); r++) {
            List<String> line = table.get(r);
            StringBuilder out = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = line.get(c);
                boolean right = r > 0 && c >= 2 && c < columns - 1 && c != 8;
                String pad = " ".repeat(widths[c] - cell.length());
                out.append(c == 0 ? "" : "  ").append(right ? pad + cell : c == columns - 1 ? cell : cell + pad);
            }
            text.append(out.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    // ************************************************************************
    // Markdown
    // ************************************************************************

    public static String markdown(Context context, List<SummaryRow> rows) {
        StringBuilder md = new StringBuilder();
        md.append("# breakout benchmark, ")
                .append(context.started().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx", Locale.ROOT)))
                .append("\n\n");
        md.append("Made by `").append(context.commandLine()).append("` (from the repository root; the same "
                + "command runs it again: same datasets, configurations, limits and seed).\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| machine | ").append(escape(context.machine().describe())).append(" |\n");
        md.append("| software | ").append(escape(context.versions())).append(" |\n");
        md.append("| limits | ").append(escape(context.limits())).append(" |\n");
        md.append("| took | ").append(String.format(Locale.ROOT, "%.1f s (the benchmark; bounds not included)",
                context.millis() / 1000.0)).append(" |\n");
        md.append("| report | `").append(context.reportDirectory().resolve("index.html"))
                .append("` (Timefold Benchmarker: the best score over time and the score calculation speed per "
                        + "dataset and configuration) |\n\n");

        md.append("## Configurations\n\n");
        for (BenchmarkConfigs.Named config : context.configs()) {
            md.append("- `").append(config.name()).append("`: ").append(escape(config.description())).append('\n');
        }
        md.append('\n');

        md.append("## Datasets and their bounds\n\n");
        md.append("| dataset | file | attendees | seats wanted | max seats | min cost at max | bound | bound time |\n");
        md.append("|---|---|---:|---:|---:|---:|---|---:|\n");
        for (BenchmarkRunner.Dataset dataset : context.datasets()) {
            ObjectiveBound bound = dataset.bound();
            md.append("| ").append(dataset.name()).append(" | `").append(dataset.file()).append("` | ")
                    .append(dataset.attendees()).append(" | ").append(dataset.seatsWanted()).append(" | ")
                    .append(bound.maxSeatsFilled()).append(" | ").append(bound.minPreferenceCost()).append(" | ")
                    .append(bound.exact() ? "exact" : "relaxed").append(" (").append(bound.timetable())
                    .append(" timetable) | ").append(seconds(bound.millis())).append(" |\n");
        }
        md.append('\n');

        md.append("## Results\n\n");
        md.append(markdownTable(rows)).append('\n');

        md.append("## Columns\n\n");
        for (String[] column : COLUMNS) {
            md.append("- **").append(column[0]).append("**: ").append(column[1]).append('\n');
        }
        md.append("\nEvery run's best schedule is in the report folder: `<dataset file name>/<config>/sub0/"
                + "<dataset file name>.json`, written as `breakout solve` writes it.\n");
        return md.toString();
    }

    static String markdownTable(List<SummaryRow> rows) {
        StringBuilder md = new StringBuilder();
        md.append("| ").append(String.join(" | ", headers())).append(" |\n|");
        for (int c = 0; c < COLUMNS.size(); c++) {
            md.append(c >= 2 && c < COLUMNS.size() - 1 && c != 8 ? "---:|" : "---|");
        }
        md.append('\n');
        for (SummaryRow row : rows) {
            md.append("| ").append(String.join(" | ", cells(row).stream().map(SummaryReport::escape).toList()))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    // ************************************************************************
    // CSV
    // ************************************************************************

    /** Raw figures, one row per dataset and configuration; empty fields where a figure does not exist. */
    public static String csv(List<SummaryRow> rows) {
        StringBuilder csv = new StringBuilder("dataset,config,status,seats_wanted,seats_filled,seats_bound,seats_gap,"
                + "first_choice_share,preference_cost,cost_bound,cost_gap,cost_gap_percent,bound_exact,feasible,"
                + "time_to_feasible_ms,time_to_within_1pct_ms,time_ms,score_calculations_per_s,peak_heap_bytes,"
                + "final_score,output,failure\n");
        for (SummaryRow row : rows) {
            List<Object> fields = new ArrayList<>();
            fields.add(row.dataset());
            fields.add(row.config());
            fields.add(row.ok() ? "ok" : "failed");
            fields.add(row.seatsWanted());
            fields.add(row.ok() ? row.seatsFilled() : null);
            fields.add(row.maxSeatsFilled());
            fields.add(row.ok() ? row.seatsGap() : null);
            fields.add(row.ok() ? String.format(Locale.ROOT, "%.4f", row.firstChoiceShare()) : null);
            fields.add(row.ok() ? row.preferenceCost() : null);
            fields.add(row.costBound());
            fields.add(row.costGap());
            fields.add(row.costGapPercent() == null ? null : String.format(Locale.ROOT, "%.2f", row.costGapPercent()));
            fields.add(row.boundExact());
            fields.add(row.ok() ? row.feasible() : null);
            fields.add(row.timeToFeasibleMillis());
            fields.add(row.timeToNearFinalMillis());
            fields.add(row.totalMillis());
            fields.add(row.scoreCalculationSpeed());
            fields.add(row.peakHeapBytes());
            fields.add(row.score());
            fields.add(row.output());
            fields.add(row.failure());
            csv.append(String.join(",", fields.stream().map(SummaryReport::csvField).toList())).append('\n');
        }
        return csv.toString();
    }

    private static String csvField(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}

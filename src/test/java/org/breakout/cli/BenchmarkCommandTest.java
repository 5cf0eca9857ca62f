package org.breakout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.breakout.check.IndependentChecker;
import org.breakout.io.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code breakout benchmark} through the real command line, on a tiny benchmark set of the test events. */
class BenchmarkCommandTest {

    @TempDir
    Path dir;

    Path set;
    Path reports;

    @BeforeEach
    void tinySet() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        for (String name : List.of("minimal.json", "small-open.json")) {
            try (var in = getClass().getResourceAsStream("/events/" + name)) {
                Files.copy(in, data.resolve(name));
            }
        }
        set = dir.resolve("datasets.json");
        Files.writeString(set, """
                { "description": "test set",
                  "datasets": [
                    { "name": "minimal", "file": "%s" },
                    { "name": "small", "file": "%s" },
                    { "name": "tiny", "description": "another name", "sameAs": "minimal" }
                  ] }
                """.formatted(json(data.resolve("minimal.json")), json(data.resolve("small-open.json"))));
        reports = dir.resolve("reports");
    }

    private static String json(Path path) {
        return path.toAbsolutePath().toString().replace("\\", "\\\\");
    }

    @Test
    void benchmarksTwoConfigsAndEveryRowAgreesWithTheWrittenScheduleAndTheBound() throws Exception {
        Path results = dir.resolve("RESULTS.md");
        CliRun run = CliRun.of("benchmark", "--set", set.toString(), "--only", "tiny,small,minimal", "--config",
                "default", "--config", "plain", "--steps", "300", "--seed", "1", "--dir", reports.toString(),
                // The minimal event's one seat is optimal from the start: local search finds no move to accept, so
                // no step ends and only the time limit stops it. The small event stops after its 300 steps.
                "--time-limit", "3s",
                "--results", results.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);

        // One time-stamped report folder with the Benchmarker's HTML report and our summary beside it.
        List<Path> folders;
        try (Stream<Path> list = Files.list(reports)) {
            folders = list.toList();
        }
        assertThat(folders).hasSize(1);
        Path report = folders.get(0);
        assertThat(report.resolve("index.html")).isRegularFile();
        assertThat(Files.readString(report.resolve("index.html"))).contains("minimal").contains("plain");
        assertThat(run.out()).contains("Report      " + report.resolve("index.html"))
                .contains("dataset").contains("seat gap").contains("cost gap");

        // summary.csv: one row per dataset × configuration (the alias "tiny" runs once, as "minimal").
        List<String> lines = Files.readAllLines(report.resolve("summary.csv"));
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        assertThat(lines).hasSize(1 + 2 * 2);
        List<Map<String, String>> rows = lines.subList(1, lines.size()).stream().map(line -> {
            String[] fields = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), fields[i]);
            }
            return row;
        }).toList();
        assertThat(rows).extracting(row -> row.get("dataset") + "/" + row.get("config"))
                .containsExactly("minimal/default", "minimal/plain", "small/default", "small/plain");

        for (Map<String, String> row : rows) {
            assertThat(row.get("status")).isEqualTo("ok");
            // Seats and cost as an independent reading of the written schedule counts them.
            JsonNode output = Json.MAPPER.readTree(Path.of(row.get("output")).toFile());
            IndependentChecker.Result checked = IndependentChecker.check(output);
            assertThat(checked.violations()).as(row.toString()).isEmpty();
            assertThat(row.get("feasible")).isEqualTo("true");
            assertThat(Integer.parseInt(row.get("seats_filled"))).isEqualTo(checked.seatsFilled());
            assertThat(Integer.parseInt(row.get("seats_wanted"))).isEqualTo(checked.seatsWanted());
            assertThat(Long.parseLong(row.get("preference_cost"))).isEqualTo(checked.preferenceCost());
            double firstChoices = checked.byRank().getOrDefault(1, 0);
            assertThat(Double.parseDouble(row.get("first_choice_share")))
                    .isCloseTo(checked.seatsFilled() == 0 ? 0 : firstChoices / checked.seatsFilled(),
                            org.assertj.core.data.Offset.offset(0.0001));
            // Every row has a gap to a proven bound, never negative.
            assertThat(Integer.parseInt(row.get("seats_gap"))).isGreaterThanOrEqualTo(0)
                    .isEqualTo(Integer.parseInt(row.get("seats_bound")) - checked.seatsFilled());
            assertThat(Long.parseLong(row.get("cost_gap"))).isGreaterThanOrEqualTo(0)
                    .isEqualTo(checked.preferenceCost() - Long.parseLong(row.get("cost_bound")));
            assertThat(row.get("bound_exact")).isIn("true", "false");
            assertThat(row.get("time_to_feasible_ms")).isNotEmpty();
            assertThat(row.get("time_to_within_1pct_ms")).isNotEmpty();
            assertThat(row.get("peak_heap_bytes")).isNotEmpty();
            assertThat(row.get("score_calculations_per_s")).isNotEmpty();
            // The Benchmarker's best-score trace is there for the report.
            assertThat(Path.of(row.get("output")).resolveSibling("BEST_SCORE.csv")).isRegularFile();
        }
        // The minimal event (1 attendee) is solved to its proven optimum by both.
        assertThat(rows.get(0).get("cost_gap")).isEqualTo("0");
        assertThat(rows.get(0).get("seats_gap")).isEqualTo("0");

        // summary.md: the header, the same rows, the legend; --results is the same file.
        String markdown = Files.readString(report.resolve("summary.md"));
        assertThat(markdown).contains("./breakout benchmark --set " + set + " --only tiny,small,minimal --config default "
                + "--config plain --time-limit 3s --steps 300 --seed 1")
                .contains("| machine | ").contains("max heap").contains("Timefold Solver 1.32.0")
                .contains("- `plain`: ").contains("## Columns").contains("**cost gap**");
        assertThat(markdown.lines().filter(line -> line.startsWith("| minimal | default |")
                || line.startsWith("| minimal | plain |") || line.startsWith("| small | default |")
                || line.startsWith("| small | plain |"))).hasSize(4);
        assertThat(Files.readString(results)).isEqualTo(markdown);
        assertNoTemporaryFiles(report);
    }

    private static void assertNoTemporaryFiles(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void theBoundOptionsOfBoundChooseEveryDatasetsBoundAndAreInTheCommandLine() throws Exception {
        // 150 attendees of the huge shape: GLOP's seating LP is integral there (an exact bound); without the LP the
        // Lagrangian's bound is a relaxed one.
        Path event = dir.resolve("data/huge-150.json");
        CliRun generate = CliRun.of("generate", "event", "--preset", "huge", "--attendees", "150", "--seed", "1",
                "-o", event.toString());
        assertThat(generate.exitCode()).as(generate.err()).isEqualTo(ExitCodes.OK);
        Path hugeSet = dir.resolve("huge-set.json");
        Files.writeString(hugeSet, """
                { "datasets": [ { "name": "huge-150", "file": "%s" } ] }
                """.formatted(json(event)));
        Map<String, String> withLp = onlyRow(CliRun.of("benchmark", "--set", hugeSet.toString(), "--steps", "20",
                "--time-limit", "5s", "--dir", dir.resolve("with-lp").toString(), "--no-mip"));
        assertThat(withLp.get("bound_exact")).isEqualTo("true");
        CliRun withoutLpRun = CliRun.of("benchmark", "--set", hugeSet.toString(), "--steps", "20", "--time-limit",
                "5s", "--dir", dir.resolve("without-lp").toString(), "--no-mip", "--lp-max-variables", "0");
        Map<String, String> withoutLp = onlyRow(withoutLpRun);
        assertThat(withoutLp.get("bound_exact")).isEqualTo("false");
        // The same bound as `breakout bound` gives with the same options.
        CliRun bound = CliRun.of("bound", event.toString(), "--json", "--no-mip", "--lp-max-variables", "0");
        assertThat(bound.exitCode()).as(bound.err()).isEqualTo(ExitCodes.OK);
        JsonNode node = Json.MAPPER.readTree(bound.out());
        assertThat(Integer.parseInt(withoutLp.get("seats_bound"))).isEqualTo(node.get("maxSeatsFilled").asInt());
        assertThat(Long.parseLong(withoutLp.get("cost_bound")))
                .isLessThanOrEqualTo(Long.parseLong(withLp.get("cost_bound")));
        if (withoutLp.get("seats_filled").equals(withoutLp.get("seats_bound"))) {
            assertThat(Long.parseLong(withoutLp.get("cost_bound"))).isEqualTo(node.get("minPreferenceCost").asLong());
        }
        assertThat(Files.readString(summaryCsv(withoutLpRun).resolveSibling("summary.md")))
                .contains("--seed 0 --no-mip --lp-max-variables 0`");

        CliRun bad = CliRun.of("benchmark", "--set", hugeSet.toString(), "--lagrangian-problems", "0");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("--lagrangian-problems: must be at least 1");
    }

    /** The summary.csv a benchmark run names on its "Summary" line. */
    private static Path summaryCsv(CliRun run) {
        String line = run.out().lines().filter(l -> l.startsWith("Summary ")).findFirst().orElseThrow();
        return Arrays.stream(line.substring("Summary ".length()).split(", ")).map(String::trim)
                .filter(file -> file.endsWith("summary.csv")).map(Path::of).findFirst().orElseThrow();
    }

    /** The one row of a benchmark's summary.csv, by column name. */
    private static Map<String, String> onlyRow(CliRun run) throws Exception {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        List<String> lines = Files.readAllLines(summaryCsv(run));
        assertThat(lines).hasSize(2);
        String[] header = lines.get(0).split(",", -1);
        String[] fields = lines.get(1).split(",", -1);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
            row.put(header[i], fields[i]);
        }
        return row;
    }

    @Test
    void helpListsTheOptionsAndExitCodes() {
        CliRun run = CliRun.of("benchmark", "--help");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out().replaceAll("\\s+", " ")).contains("within 1 % of the final")
                .contains("--config=NAME|FILE.xml")
                .contains("--unimproved-limit").contains("--warm-up").contains("--results").doesNotContain("--steps")
                .contains("Exit codes:");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void unknownDatasetIsAUsageErrorListingTheKnownOnes() {
        CliRun run = CliRun.of("benchmark", "--set", set.toString(), "--only", "minimal,nope", "--dir",
                reports.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("unknown dataset(s) nope (known: minimal, small, tiny)");
        assertThat(reports).doesNotExist();
    }

    @Test
    void missingDatasetFileSaysHowToMakeIt() throws Exception {
        Files.writeString(set, """
                { "datasets": [
                    { "name": "medium-open", "file": "%s", "generate": { "preset": "medium-open", "seed": 1 } },
                    { "name": "gone", "file": "%s" } ] }
                """.formatted(json(dir.resolve("nowhere/medium-open.json")), json(dir.resolve("gone.json"))));
        CliRun run = CliRun.of("benchmark", "--set", set.toString(), "--dir", reports.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("2 dataset file(s) missing")
                .contains("medium-open: " + dir.resolve("nowhere/medium-open.json") + " not found")
                // A set other than the standard one: the command that makes its files names it.
                .contains("./breakout generate benchmark-set --set " + set + " --only medium-open")
                .contains("gone: ").contains("run from the repository root")
                .contains("Nothing was run.");
        assertThat(reports).doesNotExist();
    }

    @Test
    void unknownConfigurationIsAUsageError() {
        CliRun run = CliRun.of("benchmark", "--set", set.toString(), "--config", "fancy", "--dir", reports.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--config fancy: unknown configuration (built-in: default, plain, "
                + "no-local-search, peer; or a Timefold solver configuration FILE.xml)");
        assertThat(reports).doesNotExist();
    }

    @Test
    void badConfigurationFileIsBadInput() throws Exception {
        Path xml = dir.resolve("broken.xml");
        Files.writeString(xml, "<solver><localSearch><nonsense/></localSearch>");
        CliRun run = CliRun.of("benchmark", "--set", set.toString(), "--config", xml.toString(), "--dir",
                reports.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--config " + xml + ": not a Timefold solver configuration")
                .contains("Nothing was run.");
        CliRun missing = CliRun.of("benchmark", "--set", set.toString(), "--config", "gone.xml", "--dir",
                reports.toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("--config gone.xml: file not found");
        assertThat(reports).doesNotExist();
    }

    @Test
    void badDatasetListIsBadInput() throws Exception {
        Files.writeString(set, """
                { "datasets": [ { "name": "minimal", "file": "x.json", "colour": "red" }, { "name": "minimal" } ] }
                """);
        CliRun run = CliRun.of("benchmark", "--set", set.toString(), "--dir", reports.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("datasets[0].colour: unknown field")
                .contains("datasets[1].name: duplicate dataset name \"minimal\"").contains("Nothing was run.");
        assertThat(reports).doesNotExist();
    }

    @Test
    void invalidEventStopsBeforeAnythingRuns() throws Exception {
        Files.writeString(dir.resolve("data/small-open.json"), """
                { "rounds": [ { "id": "R1" } ], "rooms": [ { "id": "a", "capacity": 5 } ],
                  "sessions": [ { "id": "S1" } ], "attendees": [ { "id": "A1", "preferences": ["S2"] } ] }
                """);
        CliRun run = CliRun.of("benchmark", "--set", set.toString(), "--dir", reports.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("small: ").contains("attendees[0].preferences[0]: unknown session \"S2\"")
                .contains("Nothing was run.").doesNotContain("Exception");
        assertThat(reports).doesNotExist();
    }

    /**
     * {@code --plot} on a tiny series (the test events as {@code s-1} and {@code s-12}: 1 and 12 attendees): the
     * scaling table and plot beside the summary, and with {@code --results} in and beside that file; the plot read
     * back by an XML parser.
     */
    @Test
    void plotWritesTheScalingTableAndAnSvgThatParses() throws Exception {
        Path series = dir.resolve("series.json");
        Files.writeString(series, """
                { "datasets": [ { "name": "s-1", "file": "%s" }, { "name": "s-12", "file": "%s" } ] }
                """.formatted(json(dir.resolve("data/minimal.json")), json(dir.resolve("data/small-open.json"))));
        Path results = dir.resolve("SCALING.md");
        CliRun run = CliRun.of("benchmark", "--set", series.toString(), "--steps", "50", "--time-limit", "3s",
                "--dir", reports.toString(), "--plot", "--results", results.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        Path report;
        try (Stream<Path> list = Files.list(reports)) {
            report = list.findFirst().orElseThrow();
        }
        assertThat(run.out()).contains("Scaling     " + report.resolve("scaling.md"));
        String table = Files.readString(report.resolve("scaling.md"));
        assertThat(table).contains("](scaling.svg)").contains("| s | default | 1 | 1/1 |").contains("| s | default | 12 | ");
        String md = Files.readString(results);
        assertThat(md).contains("# breakout benchmark").contains("## Scaling").contains("](SCALING.svg)")
                .contains("--plot");
        for (Path svg : List.of(report.resolve("scaling.svg"), dir.resolve("SCALING.svg"))) {
            org.w3c.dom.Document document = org.breakout.benchmark.ScalingReportTest.parse(Files.readString(svg));
            assertThat(org.breakout.benchmark.ScalingReportTest.texts(document, "x-tick")).containsOnly("1", "12");
            assertThat(org.breakout.benchmark.ScalingReportTest.texts(document, "panel-title")).hasSize(4);
            assertThat(org.breakout.benchmark.ScalingReportTest.texts(document, null)).contains("s",
                    "attendees (log scale)", "peak heap");
        }
    }
}

package org.breakout.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import ai.timefold.solver.core.api.solver.SolverFactory;

import org.breakout.benchmark.BenchmarkConfigs;
import org.breakout.benchmark.BenchmarkRunner;
import org.breakout.benchmark.EventFileIO;
import org.breakout.benchmark.MachineInfo;
import org.breakout.benchmark.ScalingReport;
import org.breakout.benchmark.SummaryReport;
import org.breakout.benchmark.SummaryRow;
import org.breakout.bound.BoundCalculator;
import org.breakout.bound.ObjectiveBound;
import org.breakout.domain.Schedule;
import org.breakout.generate.BenchmarkSet;
import org.breakout.generate.BenchmarkSet.Dataset;
import org.breakout.io.EventFormatException;
import org.breakout.io.EventReader;
import org.breakout.io.JsonFiles;
import org.breakout.io.LoadedEvent;
import org.breakout.report.ScheduleSummary;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code breakout benchmark}: Timefold's Benchmarker over the benchmark set, and breakout's own summary table per
 * dataset and configuration, every row measured against the proven bound of its dataset.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Run one or more solver configurations on the benchmark set (benchmarks/datasets.json) with Timefold's "
                        + "Benchmarker: its HTML report, and a summary table per dataset and configuration (seats "
                        + "filled, first-choice share, preference cost, gap to the proven bound, time to first "
                        + "feasible, time to within 1 %% of the final, score calculation speed, peak heap), printed "
                        + "and written as summary.md and summary.csv beside the report.",
                "Every dataset's bound is computed once, as breakout bound computes it, with its options when "
                        + "given (--lp-solver columns and a long --lp-time-limit: a tighter bound for big events).",
                "Every dataset and configuration is checked before anything runs. Run from the repository root; "
                        + "make the synthetic datasets first with: ./breakout generate benchmark-set",
                "See benchmarks/README.md." },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every run finished; summary written",
                "1:a run failed (the summary marks it), or an internal error",
                "2:usage error (unknown option, dataset or configuration name)",
                "3:bad input: the dataset list, a dataset or a configuration file is missing or invalid; nothing ran",
                "4:every run finished, but a best schedule breaks hard rules (the summary marks it)",
                "7:the one failed run ran out of memory (the summary marks it, with the heap to try)" })
public class BenchmarkCommand implements Callable<Integer> {

    /** From this many wanted seats the bound of a dataset prints its stages while the datasets are checked. */
    static final int BIG_EVENT_SEATS = 50_000;

    static final String BUILT_IN_CONFIGS = String.join(", ", BenchmarkConfigs.BUILT_IN.keySet());

    @Spec
    CommandSpec spec;

    @Option(names = "--set", paramLabel = "LIST.json", defaultValue = "benchmarks/datasets.json",
            description = "The benchmark set (default: ${DEFAULT-VALUE}).")
    Path set;

    @Option(names = "--only", paramLabel = "NAME", split = ",",
            description = "Only these datasets (comma-separated; default: all). Another name (sameAs) runs once, "
                    + "under the dataset's own name.")
    List<String> only;

    @Option(names = "--config", paramLabel = "NAME|FILE.xml", defaultValue = "default",
            description = "A solver configuration to run; repeat to compare (default: ${DEFAULT-VALUE}). Built in: "
                    + "default, plain (without breakout's placement and seating phases), no-local-search; or a "
                    + "Timefold solver configuration XML file (its termination and seed are replaced by the "
                    + "options here).")
    List<String> configs;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "2m",
            description = "Stop each run after this long at the latest (default: ${DEFAULT-VALUE}).")
    Duration timeLimit;

    @Mixin
    SearchOptions search;

    /** How every dataset's bound is computed: the gaps are measured against it. */
    @Mixin
    BoundOptions boundOptions;

    @Option(names = "--warm-up", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "0s",
            description = "Warm the JVM up this long before the measured runs (default: none).")
    Duration warmUp;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "benchmarks/reports",
            description = "Where the Benchmarker makes its time-stamped report folder (default: ${DEFAULT-VALUE}, "
                    + "git-ignored).")
    Path dir;

    @Option(names = "--results", paramLabel = "FILE.md",
            description = "Also write the summary (markdown) to this file, e.g. benchmarks/RESULTS.md.")
    Path results;

    @Option(names = "--plot",
            description = "After the runs, also write the scaling curve beside the summary: scaling.md (a table) and "
                    + "scaling.svg (time to first feasible, time to within 1 %% of the final, peak heap and cost gap "
                    + "to the bound against attendees, one line per series: datasets named SERIES-SIZE, e.g. "
                    + "scale-fixed-10k). With --results FILE.md the table goes into that file too, and the plot "
                    + "beside it as FILE.svg. For benchmarks/scaling.json.")
    boolean plot;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (search.steps != null && search.steps < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--steps: must be at least 1");
        }
        if (timeLimit.isZero() || timeLimit.isNegative()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--time-limit: must be more than 0");
        }
        if (search.unimprovedLimit.isZero() || search.unimprovedLimit.isNegative()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--unimproved-limit: must be more than 0");
        }
        BoundCalculator.Options boundCalculatorOptions = boundOptions.toOptions();

        // 1. The datasets: the list, the names asked for, their files.
        List<Dataset> all;
        try {
            all = BenchmarkSet.read(set);
        } catch (IllegalArgumentException e) {
            err.println("breakout: " + e.getMessage());
            err.println("Nothing was run.");
            return ExitCodes.BAD_INPUT;
        }
        List<Dataset> datasets = select(all);
        List<String> missing = new ArrayList<>();
        for (Dataset dataset : datasets) {
            if (!Files.isRegularFile(dataset.file())) {
                missing.add(dataset.name() + ": " + dataset.file() + " not found" + (dataset.generated()
                        ? " (a generated dataset: make it with ./breakout generate benchmark-set"
                                + (set.equals(BenchmarkSet.DEFAULT_LIST) ? "" : " --set " + set) + " --only "
                                + dataset.name() + ")"
                        : " (a committed dataset: run from the repository root)"));
            }
        }
        if (!missing.isEmpty()) {
            err.println("breakout: " + missing.size() + " dataset file(s) missing:\n  " + String.join("\n  ", missing));
            err.println("Make the synthetic datasets with: ./breakout generate benchmark-set"
                    + (set.equals(BenchmarkSet.DEFAULT_LIST) ? "" : " --set " + set));
            err.println("Nothing was run.");
            return ExitCodes.BAD_INPUT;
        }
        Map<String, String> byProblemName = new HashMap<>();
        for (Dataset dataset : datasets) {
            String problem = EventFileIO.problemName(dataset.file());
            String other = byProblemName.putIfAbsent(problem, dataset.name());
            if (other != null) {
                err.println("breakout: datasets " + other + " and " + dataset.name() + " have files with the same name ("
                        + dataset.file().getFileName() + "); the Benchmarker names its results by file name. Nothing "
                        + "was run.");
                return ExitCodes.BAD_INPUT;
            }
        }

        // 2. The configurations, with their limits, each built once so that a bad one stops us now.
        BenchmarkConfigs.Limits limits = new BenchmarkConfigs.Limits(timeLimit, search.unimprovedLimit, search.steps,
                search.seed);
        List<BenchmarkConfigs.Named> named = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (String value : configs) {
            BenchmarkConfigs.Named config;
            try {
                config = BenchmarkConfigs.resolve(value);
            } catch (BenchmarkConfigs.ConfigException e) {
                if (e.usage()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
                }
                err.println("breakout: " + e.getMessage());
                err.println("Nothing was run.");
                return ExitCodes.BAD_INPUT;
            }
            if (!names.add(config.name())) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--config " + value + ": a configuration "
                        + "named " + config.name() + " is already in the benchmark");
            }
            try {
                SolverFactory.<Schedule> create(BenchmarkConfigs.withLimits(config.solverConfig(), limits)).buildSolver();
            } catch (RuntimeException e) {
                err.println("breakout: --config " + value + ": not a usable solver configuration for breakout: "
                        + e.getMessage());
                err.println("Nothing was run.");
                return ExitCodes.BAD_INPUT;
            }
            named.add(config);
        }

        // 3. Every event read and checked exactly as `solve` reads it, and its bound (once per dataset).
        List<BenchmarkRunner.Dataset> checked = new ArrayList<>();
        for (Dataset dataset : datasets) {
            LoadedEvent loaded;
            try {
                loaded = EventReader.read(dataset.file());
            } catch (EventFormatException e) {
                err.println(dataset.name() + ": " + e.getMessage());
                err.println("Nothing was run.");
                return ExitCodes.BAD_INPUT;
            }
            if (!loaded.warnings().isEmpty()) {
                err.printf("warning: %s: %d warning(s), e.g. %s (./breakout solve %s lists them all)%n", dataset.name(),
                        loaded.warnings().size(), loaded.warnings().get(0), dataset.file());
            }
            Schedule schedule = loaded.schedule();
            // A big dataset's bound takes a while: say which stage it is in (as `breakout bound` does).
            long boundStart = System.nanoTime();
            boolean big = schedule.getSeats().size() >= BIG_EVENT_SEATS;
            ObjectiveBound bound = BoundCalculator.compute(schedule, boundCalculatorOptions, stage -> {
                if (big) {
                    err.printf(Locale.ROOT, "%7.1fs  %s: bound: %s%n", (System.nanoTime() - boundStart) / 1e9,
                            dataset.name(), stage);
                    err.flush();
                }
            });
            checked.add(new BenchmarkRunner.Dataset(dataset.name(), dataset.file(), schedule.getAttendees().size(),
                    schedule.getSeats().size(), bound));
            err.printf(Locale.ROOT, "Checked %s (%s): %d attendees, %d seats wanted; bound %d seats, cost %d, %s "
                    + "(%.1f s)%n", dataset.name(), dataset.file(), schedule.getAttendees().size(),
                    schedule.getSeats().size(), bound.maxSeatsFilled(), bound.minPreferenceCost(),
                    bound.exact() ? "exact" : "relaxed", bound.millis() / 1000.0);
        }

        // 4. The benchmark.
        int runs = checked.size() * named.size();
        err.printf("Benchmarking %d run(s): %d dataset(s) × %d configuration(s) [%s]; %s%n", runs, checked.size(),
                named.size(), String.join(", ", names), limitsText());
        err.flush();
        AtomicInteger done = new AtomicInteger();
        BenchmarkRunner.Plan plan = new BenchmarkRunner.Plan(checked, named, limits, warmUp, dir);
        BenchmarkRunner.Outcome outcome = BenchmarkRunner.run(plan, new EventFileIO.Listener() {
            @Override
            public void written(Path output, ScheduleSummary summary) {
                // <report>/<problem>/<config>/sub0/<problem>.json
                Path configDir = output.getParent().getParent();
                String dataset = byProblemName.getOrDefault(configDir.getParent().getFileName().toString(), "?");
                err.printf(Locale.ROOT, "[%d/%d] %s × %s: %d of %d seats, cost %d, %s%n", done.incrementAndGet(),
                        runs, dataset, configDir.getFileName(), summary.seatsFilled(), summary.seatsWanted(),
                        summary.preferenceCost(), summary.score());
                err.flush();
            }
        });

        // 5. The summary.
        SummaryReport.Context context = new SummaryReport.Context(outcome.started(), commandLine(), versions(),
                MachineInfo.current(), limitsText(), named, checked, outcome.reportDirectory(), outcome.millis());
        String markdown = SummaryReport.markdown(context, outcome.rows());
        Path summaryMd = outcome.reportDirectory().resolve("summary.md");
        Path summaryCsv = outcome.reportDirectory().resolve("summary.csv");
        JsonFiles.writeAtomically(markdown, summaryMd);
        JsonFiles.writeAtomically(SummaryReport.csv(outcome.rows()), summaryCsv);
        List<Path> plots = new ArrayList<>();
        if (plot) {
            Map<String, Integer> attendees = new HashMap<>();
            checked.forEach(d -> attendees.put(d.name(), d.attendees()));
            List<ScalingReport.Point> points = ScalingReport.points(outcome.rows(), attendees);
            String title = "breakout scaling, " + set.getFileName() + " (" + limitsText() + ")";
            String svg = ScalingReport.svg(points, title);
            Path scalingSvg = outcome.reportDirectory().resolve("scaling.svg");
            Path scalingMd = outcome.reportDirectory().resolve("scaling.md");
            JsonFiles.writeAtomically(svg, scalingSvg);
            JsonFiles.writeAtomically(ScalingReport.markdown(points, scalingSvg.getFileName().toString()), scalingMd);
            plots.addAll(List.of(scalingMd, scalingSvg));
            if (results != null) {
                String name = results.getFileName().toString();
                Path resultsSvg = results.resolveSibling((name.endsWith(".md") ? name.substring(0, name.length() - 3)
                        : name) + ".svg");
                JsonFiles.writeAtomically(svg, resultsSvg);
                markdown = markdown + "\n" + ScalingReport.markdown(points, resultsSvg.getFileName().toString());
                plots.add(resultsSvg);
            }
        }
        if (results != null) {
            JsonFiles.writeAtomically(markdown, results);
        }
        out.print(SummaryReport.text(outcome.rows()));
        out.printf("Report      %s%n", outcome.htmlReport());
        out.printf("Summary     %s, %s%s%n", summaryMd, summaryCsv, results == null ? "" : ", " + results);
        if (!plots.isEmpty()) {
            out.printf("Scaling     %s%n", String.join(", ", plots.stream().map(Path::toString).toList()));
        }
        out.flush();
        List<String> aboveBound = outcome.rows().stream().filter(row -> row.ok() && row.costBound() == null)
                .map(row -> row.dataset() + " × " + row.config()).toList();
        if (!aboveBound.isEmpty()) {
            err.println("breakout: a schedule fills more seats than the proven bound allows (" + String.join(", ",
                    aboveBound) + "): a bug in the bound or the count; please report it with the dataset");
            return ExitCodes.INTERNAL_ERROR;
        }
        List<SummaryRow> failed = outcome.rows().stream().filter(row -> !row.ok()).toList();
        if (!failed.isEmpty() && failed.stream().allMatch(row -> row.failure().startsWith(BenchmarkRunner.OUT_OF_MEMORY))) {
            err.println("breakout: run(s) ran out of memory (the summary marks them):");
            failed.forEach(row -> err.println("  " + row.dataset() + " × " + row.config() + ": " + row.failure()));
            return ExitCodes.OUT_OF_MEMORY;
        }
        if (outcome.failure() != null || !failed.isEmpty()) {
            err.println("breakout: run(s) failed: " + outcome.failure());
            return ExitCodes.INTERNAL_ERROR;
        }
        return outcome.rows().stream().allMatch(SummaryRow::feasible) ? ExitCodes.OK : ExitCodes.HARD_RULES_BROKEN;
    }

    /** The datasets asked for, in list order; an alias (sameAs) stands for its dataset, which runs once. */
    private List<Dataset> select(List<Dataset> all) {
        Map<String, Dataset> byName = new LinkedHashMap<>();
        all.forEach(d -> byName.put(d.name(), d));
        Set<String> wanted = new LinkedHashSet<>();
        if (only == null) {
            all.stream().filter(d -> d.sameAs() == null).forEach(d -> wanted.add(d.name()));
        } else {
            List<String> unknown = only.stream().filter(name -> !byName.containsKey(name)).toList();
            if (!unknown.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--only: unknown dataset(s) "
                        + String.join(", ", unknown) + " (known: " + String.join(", ", byName.keySet()) + ")");
            }
            for (String name : only) {
                Dataset dataset = byName.get(name);
                wanted.add(dataset.sameAs() != null ? dataset.sameAs() : name);
            }
        }
        return all.stream().filter(d -> wanted.contains(d.name())).toList();
    }

    /** The limits in words, for the progress line and the summary. */
    private String limitsText() {
        String stop = search.steps != null
                ? "local search stops after " + search.steps + " steps (at the latest after " + format(timeLimit)
                        + ")"
                : "each run stops after " + format(timeLimit) + " or " + format(search.unimprovedLimit)
                        + " without a better schedule";
        return stop + "; seed " + search.seed + "; "
                + (warmUp.isZero() ? "no warm-up" : "warm-up " + format(warmUp))
                + "; one run at a time";
    }

    /** The command line that runs the same benchmark again (report folder and --results left out). */
    String commandLine() {
        List<String> words = new ArrayList<>(List.of("./breakout", "benchmark"));
        if (!set.equals(BenchmarkSet.DEFAULT_LIST)) {
            words.addAll(List.of("--set", quote(set.toString())));
        }
        if (only != null) {
            words.addAll(List.of("--only", quote(String.join(",", only))));
        }
        for (String config : configs) {
            words.addAll(List.of("--config", quote(config)));
        }
        words.addAll(List.of("--time-limit", format(timeLimit)));
        if (search.steps != null) {
            words.addAll(List.of("--steps", String.valueOf(search.steps)));
        } else {
            words.addAll(List.of("--unimproved-limit", format(search.unimprovedLimit)));
        }
        words.addAll(List.of("--seed", String.valueOf(search.seed)));
        words.addAll(boundOptions.given());
        if (!warmUp.isZero()) {
            words.addAll(List.of("--warm-up", format(warmUp)));
        }
        if (plot) {
            words.add("--plot");
        }
        return String.join(" ", words);
    }

    private static String quote(String word) {
        return word.matches("[\\w./,:=+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** A duration as the options take it: {@code 2m}, {@code 1h30m}, {@code 15s}, {@code 500ms}. */
    static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        long hours = duration.toHours();
        int minutes = duration.toMinutesPart();
        int seconds = duration.toSecondsPart();
        int millis = duration.toMillisPart();
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0) {
            text.append(minutes).append('m');
        }
        if (seconds > 0) {
            text.append(seconds).append('s');
        }
        if (millis > 0) {
            text.append(millis).append("ms");
        }
        return text.toString();
    }

    private static String versions() {
        try {
            return String.join("; ", new VersionProvider().getVersion());
        } catch (IOException e) {
            return "breakout (version unknown)";
        }
    }
}

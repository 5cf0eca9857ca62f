package org.breakout.benchmark;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ai.timefold.solver.benchmark.api.PlannerBenchmarkException;
import ai.timefold.solver.benchmark.api.PlannerBenchmarkFactory;
import ai.timefold.solver.benchmark.config.PlannerBenchmarkConfig;
import ai.timefold.solver.benchmark.config.ProblemBenchmarksConfig;
import ai.timefold.solver.benchmark.config.SolverBenchmarkConfig;
import ai.timefold.solver.benchmark.config.statistic.ProblemStatisticType;
import ai.timefold.solver.benchmark.impl.DefaultPlannerBenchmark;
import ai.timefold.solver.benchmark.impl.loader.FileProblemProvider;
import ai.timefold.solver.benchmark.impl.result.PlannerBenchmarkResult;
import ai.timefold.solver.benchmark.impl.result.ProblemBenchmarkResult;
import ai.timefold.solver.benchmark.impl.result.SingleBenchmarkResult;
import ai.timefold.solver.benchmark.impl.result.SubSingleBenchmarkResult;
import ai.timefold.solver.benchmark.impl.statistic.SubSingleStatistic;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import com.fasterxml.jackson.databind.JsonNode;

import org.breakout.bound.ObjectiveBound;
import org.breakout.io.Json;
import org.breakout.report.ScheduleSummary;

/**
 * Runs Timefold's Benchmarker over datasets and configurations and collects one {@link SummaryRow} per dataset and
 * configuration.
 * <p>
 * The Benchmarker is configured programmatically: one solver benchmark per configuration (with the same limits and
 * seed), every dataset an input file read and written by {@link EventFileIO}, one run at a time
 * ({@code parallelBenchmarkCount} 1, so speed and memory figures are not shared with another run), statistics
 * BEST_SCORE and SCORE_CALCULATION_SPEED. Not MEMORY_USE: in 1.32 it records one JVM memory pool, not the heap (see
 * {@link HeapSampler}, which measures the heap of each run instead). Afterwards the results are read from
 * {@link DefaultPlannerBenchmark#getPlannerBenchmarkResult()} and the statistics' CSV files: public classes of
 * Timefold's benchmark <em>implementation</em> ({@code impl} packages) of the pinned version 1.32; a Timefold upgrade
 * must check them.
 */
public final class BenchmarkRunner {

    /** The problem statistics every run records (the HTML report charts them). */
    static final List<ProblemStatisticType> STATISTICS = List.of(ProblemStatisticType.BEST_SCORE,
            ProblemStatisticType.SCORE_CALCULATION_SPEED);

    /**
     * A dataset, checked and bounded before the benchmark.
     *
     * @param file its event file (the Benchmarker's problem name is the file name without {@code .json})
     * @param bound the proven bound of the event as read
     */
    public record Dataset(String name, Path file, int attendees, int seatsWanted, ObjectiveBound bound) {
    }

    /**
     * What to run.
     *
     * @param directory where the Benchmarker makes its time-stamped report folder
     * @param warmUp warm-up time before the measured runs (0: none)
     */
    public record Plan(List<Dataset> datasets, List<BenchmarkConfigs.Named> configs, BenchmarkConfigs.Limits limits,
            Duration warmUp, Path directory) {
    }

    /**
     * What came out.
     *
     * @param reportDirectory the Benchmarker's report folder for this benchmark
     * @param htmlReport its {@code index.html}
     * @param rows one per dataset and configuration, datasets in plan order, configurations in plan order
     * @param failure the Benchmarker's failure message when runs failed, else null
     */
    public record Outcome(OffsetDateTime started, Path reportDirectory, Path htmlReport, List<SummaryRow> rows,
            long millis, String failure) {
    }

    private BenchmarkRunner() {
    }

    /** The Benchmarker's configuration for the plan. */
    static PlannerBenchmarkConfig config(Plan plan) {
        List<File> inputs = plan.datasets().stream().map(d -> d.file().toAbsolutePath().normalize().toFile()).toList();
        List<SolverBenchmarkConfig> solverBenchmarks = new ArrayList<>();
        for (BenchmarkConfigs.Named named : plan.configs()) {
            ProblemBenchmarksConfig problems = new ProblemBenchmarksConfig()
                    .withSolutionFileIOClass(EventFileIO.class)
                    .withWriteOutputSolutionEnabled(true)
                    .withInputSolutionFileList(inputs)
                    .withProblemStatisticTypeList(STATISTICS);
            solverBenchmarks.add(new SolverBenchmarkConfig()
                    .withName(named.name())
                    .withSolverConfig(BenchmarkConfigs.withLimits(named.solverConfig(), plan.limits()))
                    .withSubSingleCount(1)
                    .withProblemBenchmarksConfig(problems));
        }
        return new PlannerBenchmarkConfig(BenchmarkRunner.class.getClassLoader())
                .withName("breakout")
                .withBenchmarkDirectory(plan.directory().toFile())
                .withParallelBenchmarkCount("1")
                .withWarmUpMillisecondsSpentLimit(plan.warmUp().toMillis())
                .withSolverBenchmarkConfigList(solverBenchmarks);
    }

    /** Runs the plan; runs that fail are rows with a failure (the others are still summarised). */
    public static Outcome run(Plan plan, EventFileIO.Listener listener) throws IOException {
        DefaultPlannerBenchmark benchmark = (DefaultPlannerBenchmark) PlannerBenchmarkFactory.create(config(plan))
                .buildPlannerBenchmark();
        OffsetDateTime started = OffsetDateTime.now();
        long start = System.nanoTime();
        String failure = null;
        boolean firstFailureOutOfMemory = false;
        Map<Path, Long> peakHeap = new ConcurrentHashMap<>();
        try (HeapSampler sampler = new HeapSampler()) {
            EventFileIO.listen(new EventFileIO.Listener() {

                @Override
                public void read(Path input) {
                    // Measure the run from a clean heap: the parsed document is garbage now.
                    System.gc();
                    sampler.reset();
                }

                @Override
                public void solved(Path output) {
                    peakHeap.put(output.toAbsolutePath().normalize(), sampler.peak());
                }

                @Override
                public void written(Path output, ScheduleSummary summary) {
                    if (listener != null) {
                        listener.written(output, summary);
                    }
                }
            });
            benchmark.benchmark();
        } catch (PlannerBenchmarkException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            failure = e.getMessage() + ": " + cause;
            firstFailureOutOfMemory = outOfMemory(e);
        } finally {
            EventFileIO.listen(null);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        PlannerBenchmarkResult result = benchmark.getPlannerBenchmarkResult();
        List<SummaryRow> rows = rows(plan, result, peakHeap);
        if (firstFailureOutOfMemory) {
            rows = markOutOfMemory(plan, rows);
        }
        return new Outcome(started, result.getBenchmarkReportDirectory().toPath(),
                benchmark.getBenchmarkReport().getHtmlOverviewFile().toPath(), rows, millis, failure);
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static List<SummaryRow> rows(Plan plan, PlannerBenchmarkResult result, Map<Path, Long> peakHeap)
            throws IOException {
        Map<String, SummaryRow> byKey = new HashMap<>();
        for (ProblemBenchmarkResult<?> problem : (List<ProblemBenchmarkResult<?>>) (List) result
                .getUnifiedProblemBenchmarkResultList()) {
            File problemFile = ((FileProblemProvider<?>) problem.getProblemProvider()).getProblemFile();
            Dataset dataset = plan.datasets().stream()
                    .filter(d -> d.file().toAbsolutePath().normalize().toFile().equals(problemFile))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no dataset for " + problemFile));
            for (SingleBenchmarkResult single : problem.getSingleBenchmarkResultList()) {
                String config = single.getSolverBenchmarkResult().getName();
                SubSingleBenchmarkResult sub = single.getSubSingleBenchmarkResultList().get(0);
                byKey.put(dataset.name() + "\n" + config, row(dataset, config, problem.getName(), single, sub, peakHeap));
            }
        }
        List<SummaryRow> rows = new ArrayList<>();
        for (Dataset dataset : plan.datasets()) {
            for (BenchmarkConfigs.Named config : plan.configs()) {
                SummaryRow row = byKey.get(dataset.name() + "\n" + config.name());
                rows.add(row != null ? row
                        : SummaryRow.failed(dataset.name(), config.name(), "not run", dataset.seatsWanted(),
                                dataset.bound(), 0));
            }
        }
        return rows;
    }

    private static SummaryRow row(Dataset dataset, String config, String problemName, SingleBenchmarkResult single,
            SubSingleBenchmarkResult sub, Map<Path, Long> peakHeap) throws IOException {
        Path output = sub.getResultDirectory().toPath().resolve(problemName + ".json");
        if (!Boolean.TRUE.equals(sub.getSucceeded()) || !output.toFile().isFile()) {
            String failure = sub.hasAnyFailure() ? "the run failed (see the log and the report)" : "no schedule written";
            return SummaryRow.failed(dataset.name(), config, failure, dataset.seatsWanted(), dataset.bound(),
                    sub.getTimeMillisSpent());
        }
        JsonNode summary = Json.MAPPER.readTree(output.toFile()).path("summary");
        HardMediumSoftLongScore score = (HardMediumSoftLongScore) sub.getScore();
        RunStatistics statistics = RunStatistics.read(csv(sub, ProblemStatisticType.BEST_SCORE), score);
        return SummaryRow.of(dataset.name(), config, summary.path("seatsWanted").asInt(),
                summary.path("seatsFilled").asInt(), summary.path("firstChoiceShare").asDouble(),
                summary.path("preferenceCost").asLong(), summary.path("feasible").asBoolean(),
                score == null ? null : score.toString(), dataset.bound(), statistics, sub.getTimeMillisSpent(),
                single.getScoreCalculationSpeed(), peakHeap.get(output.toAbsolutePath().normalize()), output);
    }

    /**
     * The Benchmarker (1.32) keeps each run's failure in its runner, out of reach; it chains only the first failure to
     * the exception it throws at the end. When that one ran out of memory and it is the only failed run, its row says
     * so (with the heap to try); with more failed runs, each says that the first failed one ran out of memory.
     */
    static List<SummaryRow> markOutOfMemory(Plan plan, List<SummaryRow> rows) {
        long failed = rows.stream().filter(row -> !row.ok()).count();
        List<SummaryRow> marked = new ArrayList<>();
        for (SummaryRow row : rows) {
            if (row.ok()) {
                marked.add(row);
                continue;
            }
            Dataset dataset = plan.datasets().stream().filter(d -> d.name().equals(row.dataset())).findFirst()
                    .orElseThrow();
            String failure = failed == 1 ? outOfMemoryMessage(dataset)
                    : row.failure() + "; the first failed run ran out of memory (see the log)";
            marked.add(SummaryRow.failed(row.dataset(), row.config(), failure, row.seatsWanted(), dataset.bound(),
                    row.totalMillis()));
        }
        return marked;
    }

    /** What a failed row says when its run ran out of memory: starts with {@link #OUT_OF_MEMORY}. */
    public static final String OUT_OF_MEMORY = "out of memory";

    static boolean outOfMemory(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    static String outOfMemoryMessage(Dataset dataset) {
        long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        long suggested = Long.highestOneBit(Math.max(1, 2 * heapMb - 1)) << 1;
        String xmx = suggested >= 1024 && suggested % 1024 == 0 ? suggested / 1024 + "g" : suggested + "m";
        return String.format(java.util.Locale.ROOT, "%s: the heap is %,d MB at most (%,d attendees, %,d wanted seats); "
                + "run it with more, e.g. BREAKOUT_JAVA_OPTS=-Xmx%s ./breakout benchmark --only %s", OUT_OF_MEMORY,
                heapMb, dataset.attendees(), dataset.seatsWanted(), xmx, dataset.name());
    }

    private static Path csv(SubSingleBenchmarkResult sub, ProblemStatisticType type) {
        SubSingleStatistic<?, ?> statistic = sub.getSubSingleStatistic(type);
        return statistic == null ? null : statistic.getCsvFile().toPath();
    }
}

package org.breakout.solver;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.SolverJob;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import org.breakout.domain.Schedule;

/**
 * Solves a schedule with the default solver configuration and the given limits: the one place the CLI,
 * benchmarks and tests start the solver from. Reproducible for a given seed when the stop is a step limit.
 */
public final class ScheduleSolver implements AutoCloseable {

    /**
     * @param timeLimit overall cap on solving time
     * @param unimprovedLimit stop when the best score has not improved for this long
     * @param localSearchStepLimit if not null, local search stops after this many steps (deterministic; tests)
     * @param seed random seed of the solver
     */
    public record Options(Duration timeLimit, Duration unimprovedLimit, Integer localSearchStepLimit, long seed) {

        public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(5);
        public static final Duration DEFAULT_UNIMPROVED_LIMIT = Duration.ofSeconds(20);

        public static Options defaults() {
            return new Options(DEFAULT_TIME_LIMIT, DEFAULT_UNIMPROVED_LIMIT, null, 0L);
        }

        /** Deterministic: a step limit on local search and no clock (only a generous safety cap). */
        public static Options steps(int localSearchSteps, long seed) {
            return new Options(Duration.ofMinutes(10), null, localSearchSteps, seed);
        }
    }

    private static final Long PROBLEM_ID = 1L;

    private final SolverFactory<Schedule> solverFactory;
    private final SolverManager<Schedule, Long> solverManager;
    private final SolutionManager<Schedule, HardMediumSoftLongScore> solutionManager;
    private volatile SolverJob<Schedule, Long> job;
    private final PhaseListener phases;

    /** Told when each phase of the solver starts (progress lines; see {@link PhaseEvents}). */
    public interface PhaseListener {

        /**
         * The solve starts: called by {@link ScheduleSolver#solve} on the caller's thread just before the solver runs,
         * after the set-up that the constructor did (reading {@code solverConfig.xml}, the solver factory: about half
         * a second of class loading in a fresh JVM, the same for every event). What the solve takes counts from here.
         */
        default void solvingStarted() {
        }

        /**
         * @param index the phase's index in the configuration, from 0
         * @param phases how many phases the configuration has
         * @param name what the phase does: placement, construction heuristic, seating, timetable search, local search
         */
        void phaseStarted(int index, int phases, String name);

        /**
         * The phase that found the best schedule about to be given to {@code onNewBest} of {@link #solve} (called
         * just before it, on the same thread; new best schedules reach it after the solver has moved on, so the phase
         * running then may be a later one). -1 for the input itself.
         */
        default void newBestFrom(int index) {
        }

        /**
         * Where the running phase is, for phases that run long without a new best schedule (the seating of a big
         * event: "prices: step 300", "sweep 2, round R3"); called on the solver's thread, often.
         */
        default void stage(String text) {
        }
    }

    public ScheduleSolver(Options options) {
        this(SolverConfigs.defaultConfig(), options);
    }

    public ScheduleSolver(Options options, PhaseListener phases) {
        this(SolverConfigs.defaultConfig(), options, phases);
    }

    public ScheduleSolver(SolverConfig baseConfig, Options options) {
        this(baseConfig, options, null);
    }

    public ScheduleSolver(SolverConfig baseConfig, Options options, PhaseListener phases) {
        SolverConfig config = configure(baseConfig, options);
        this.solverFactory = SolverFactory.create(config);
        this.solverManager = SolverManager.create(phases == null ? solverFactory
                : PhaseEvents.reporting(solverFactory, config, phases));
        this.phases = phases;
        this.solutionManager = SolutionManager.create(solverFactory);
    }

    static SolverConfig configure(SolverConfig baseConfig, Options options) {
        SolverConfig config = SolverConfigs.seedTimetableClimb(baseConfig.copyConfig().withRandomSeed(options.seed()),
                options.seed());
        TerminationConfig termination = new TerminationConfig();
        if (options.timeLimit() != null) {
            termination.setSpentLimit(options.timeLimit());
            SolverConfigs.limitPlacement(config, options.timeLimit());
        }
        if (options.unimprovedLimit() != null) {
            termination.setUnimprovedSpentLimit(options.unimprovedLimit());
        }
        config.setTerminationConfig(termination);
        if (options.localSearchStepLimit() != null) {
            SolverConfigs.limitLocalSearchSteps(config, options.localSearchStepLimit());
        }
        return config;
    }

    /** Solves and blocks until the solver stops (by a limit or {@link #terminateEarly()}); returns the best. */
    public Schedule solve(Schedule problem, Consumer<Schedule> onNewBest) {
        if (phases != null) {
            phases.solvingStarted();
        }
        job = solverManager.solveBuilder()
                .withProblemId(PROBLEM_ID)
                .withProblem(problem)
                .withBestSolutionEventConsumer(event -> {
                    if (phases != null) {
                        phases.newBestFrom(event.producerId().phaseIndex().orElse(-1));
                    }
                    onNewBest.accept(event.solution());
                    if (event.solution().isProvenOptimal()) {
                        // Nothing can beat it (see SeatingPhase): no need to wait for the no-improvement limit.
                        // Not from this consumer thread: terminating waits for the consumer to finish.
                        CompletableFuture.runAsync(() -> solverManager.terminateEarly(PROBLEM_ID));
                    }
                })
                // The failure reaches the caller through getFinalBestSolution (below); Timefold's default handler
                // would also log it with a stack trace, which the CLI does not want (running out of memory is an
                // outcome it reports itself).
                .withExceptionHandler((id, failure) -> {
                })
                .run();
        try {
            return job.getFinalBestSolution();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Solving was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Solving failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            // The job holds the solver and its working solution: let them go (after running out of memory the
            // caller needs the heap to write the best schedule it has).
            job = null;
        }
    }

    public Schedule solve(Schedule problem) {
        return solve(problem, best -> {
        });
    }

    /** Asks the running solve to stop; {@link #solve} then returns the best schedule found so far. */
    public void terminateEarly() {
        SolverJob<Schedule, Long> running = job;
        if (running != null) {
            running.terminateEarly();
        }
    }

    public ScoreAnalysis<HardMediumSoftLongScore> analyze(Schedule schedule) {
        return solutionManager.analyze(schedule);
    }

    /** {@link #brokenRules(SolutionManager, Schedule)} with this solver's configuration. */
    public ScoreAnalysis<HardMediumSoftLongScore> analyzeBrokenRules(Schedule schedule) {
        return brokenRules(solutionManager, schedule);
    }

    /**
     * What a summary needs to list the broken rules ({@code ScheduleSummary.of}): match counts per constraint without
     * the matches, or null when the schedule's score says no hard rule is broken (there is nothing to list). A full
     * analysis builds a score session that keeps every match's justification: on {@code huge} (50,000 attendees) it
     * took 12 s after every solve, for a summary that lists nothing on a feasible schedule.
     */
    public static ScoreAnalysis<HardMediumSoftLongScore> brokenRules(
            SolutionManager<Schedule, HardMediumSoftLongScore> solutions, Schedule schedule) {
        HardMediumSoftLongScore score = schedule.getScore();
        if (score != null && score.isSolutionInitialized() && score.hardScore() == 0) {
            return null;
        }
        return solutions.analyze(schedule, ScoreAnalysisFetchPolicy.FETCH_MATCH_COUNT);
    }

    @Override
    public void close() {
        solverManager.close();
    }
}

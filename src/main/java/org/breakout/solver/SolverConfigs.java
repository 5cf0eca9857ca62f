package org.breakout.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.constructionheuristic.placer.QueuedEntityPlacerConfig;
import ai.timefold.solver.core.config.heuristic.selector.common.SelectionCacheType;
import ai.timefold.solver.core.config.heuristic.selector.entity.EntitySelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.value.ValueSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.AcceptorType;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import org.breakout.domain.Seat;

/** The solver configurations breakout ships, shared by the CLI, benchmarks and tests. */
public final class SolverConfigs {

    /** Classpath resource of the default configuration. */
    public static final String DEFAULT_CONFIG_RESOURCE = "org/breakout/solver/solverConfig.xml";

    private SolverConfigs() {
    }

    /**
     * The default configuration: placement phase, construction heuristic for runs, seating phase, local search. It has no termination: set one (for example
     * {@code config.withTerminationSpentLimit(...)}) or limit the local search with {@link #limitLocalSearch}.
     * Every call returns a new, independent instance.
     */
    public static SolverConfig defaultConfig() {
        return defaultConfig(TIMETABLE_LATE_ACCEPTANCE);
    }

    /** The timetable search stops after this long without a better schedule (if the solver has not stopped yet). */
    public static final java.time.Duration TIMETABLE_UNIMPROVED = java.time.Duration.ofSeconds(60);

    /** Late acceptance size of the timetable search (measured: benchmarks/README.md). */
    public static final int TIMETABLE_LATE_ACCEPTANCE = 20;

    /** The default configuration with another late acceptance size for the timetable search (benchmarks). */
    public static SolverConfig defaultConfig(int timetableLateAcceptance) {
        SolverConfig config = SolverConfig.createFromXmlResource(DEFAULT_CONFIG_RESOURCE,
                SolverConfigs.class.getClassLoader());
        @SuppressWarnings("rawtypes") // SolverConfig's phase list is raw.
        List<PhaseConfig> phases = new ArrayList<>(config.getPhaseConfigList());
        int seating = 0;
        while (!(phases.get(seating) instanceof CustomPhaseConfig custom
                && runs(custom, SeatingPhase.class))) {
            seating++;
        }
        phases.add(seating + 1, new CustomPhaseConfig().withCustomPhaseCommandList(new TimetableClimb(0, 0,
                new TimetableClimb.Settings(timetableLateAcceptance, 0, TimetableClimb.KICK_AFTER, TimetableClimb.CHUNKS)).commands()));
        phases.add(seating + 2, timetableSearch(timetableLateAcceptance));
        config.setPhaseConfigList(phases);
        return config;
    }

    /**
     * Gives the configuration's {@link TimetableClimb} phases the random seed (a new search object per call, so
     * configurations made from one base share no state); returns the configuration.
     */
    public static SolverConfig seedTimetableClimb(SolverConfig config, long seed) {
        for (PhaseConfig<?> phase : config.getPhaseConfigList()) {
            if (phase instanceof CustomPhaseConfig custom && isTimetableClimb(custom)) {
                TimetableClimb climb = (TimetableClimb) custom.getCustomPhaseCommandList().get(0);
                custom.setCustomPhaseCommandList(climb.withSeed(seed).commands());
            }
        }
        return config;
    }

    /**
     * The timetable search: late acceptance over {@link TimetableNeighborhood}, whose every move re-seats what it
     * touches exactly. On an open timetable it runs until the solver stops (its own limit, {@link #TIMETABLE_UNIMPROVED},
     * is longer than the solver's default no-improvement limit; Timefold needs one on a phase that others follow);
     * on a fixed one it has no move and ends at once, and the seat local search after it takes over.
     */
    static LocalSearchPhaseConfig timetableSearch(int lateAcceptance) {
        LocalSearchPhaseConfig search = new LocalSearchPhaseConfig()
                .withTerminationConfig(new TerminationConfig().withUnimprovedSpentLimit(TIMETABLE_UNIMPROVED))
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(lateAcceptance))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));
        search.setNeighborhoodProviderClass(TimetableNeighborhood.class);
        return search;
    }

    /** Hill climbing over the timetable moves, for the {@code peer} configuration; see {@link #timetableClimbEnd}. */
    public static LocalSearchPhaseConfig timetableHillClimbing() {
        LocalSearchPhaseConfig climb = new LocalSearchPhaseConfig()
                .withAcceptorConfig(new LocalSearchAcceptorConfig()
                        .withAcceptorTypeList(List.of(AcceptorType.HILL_CLIMBING)))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1))
                .withTerminationConfig(timetableClimbEnd());
        climb.setNeighborhoodProviderClass(TimetableNeighborhood.class);
        return climb;
    }

    /** Hill-climbing steps without a better schedule, or moves tried, before a climb counts as stuck. */
    public static final int CLIMB_UNIMPROVED_STEPS = 50;
    public static final long CLIMB_MOVES = 500;

    /**
     * When a hill climb is stuck: {@link #CLIMB_UNIMPROVED_STEPS} steps without a better schedule or
     * {@link #CLIMB_MOVES} moves tried (a random neighbourhood never runs out, so "no better neighbour" is a move count).
     */
    static TerminationConfig timetableClimbEnd() {
        return new TerminationConfig().withUnimprovedStepCountLimit(CLIMB_UNIMPROVED_STEPS)
                .withMoveCountLimit(CLIMB_MOVES);
    }

    /**
     * A construction heuristic for the seats (each unassigned seat gets its best run, or stays empty when every
     * run makes the score worse), for configurations without the seating phase. The default configuration has
     * none: after the seating phase it cannot fill anything and only costs time.
     */
    public static ConstructionHeuristicPhaseConfig seatConstructionHeuristic() {
        EntitySelectorConfig seats = new EntitySelectorConfig(Seat.class).withId("seatPlacerEntitySelector")
                .withCacheType(SelectionCacheType.PHASE);
        ChangeMoveSelectorConfig move = new ChangeMoveSelectorConfig()
                .withEntitySelectorConfig(EntitySelectorConfig.newMimicSelectorConfig("seatPlacerEntitySelector"))
                .withValueSelectorConfig(new ValueSelectorConfig("run"));
        return new ConstructionHeuristicPhaseConfig().withEntityPlacerConfig(new QueuedEntityPlacerConfig()
                .withEntitySelectorConfig(seats).withMoveSelectorConfigList(List.of(move)));
    }

    /** Moves evaluated per allowed step before a local search that cannot take any step gives up. */
    static final long MOVES_PER_STEP = 1_000;

    /**
     * Stops local search after {@code steps} steps: deterministic, for tests and reproducible runs. When no move can
     * be accepted (a tiny event already optimal), no step ever ends; the phase then also stops after
     * {@code steps × 1000} evaluated moves, which is just as deterministic.
     */
    public static SolverConfig limitLocalSearchSteps(SolverConfig config, int steps) {
        return limitLocalSearch(config, new TerminationConfig().withStepCountLimit(steps)
                .withMoveCountLimit(steps * MOVES_PER_STEP));
    }

    /**
     * Share of the solver's time limit the placement phase may take. The seating after it needs time too: on the
     * 10,000-attendee open {@code large} benchmark one sweep of the placement's local search takes about 10 s on this
     * machine (28 s with the machine busy), and the phase once used the whole 2-minute limit, leaving every seat empty.
     */
    public static final double PLACEMENT_TIME_SHARE = 0.3;

    /** Gives the placement phase its share of the time limit ({@link #PLACEMENT_TIME_SHARE}); returns the config. */
    public static SolverConfig limitPlacement(SolverConfig config, Duration timeLimit) {
        long millis = Math.max(1, (long) (timeLimit.toMillis() * PLACEMENT_TIME_SHARE));
        for (PhaseConfig<?> phase : config.getPhaseConfigList()) {
            if (phase instanceof CustomPhaseConfig custom
                    && runs(custom, PlacementPhase.class)) {
                custom.setTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofMillis(millis)));
            }
        }
        return config;
    }

    /**
     * Puts a termination on the local search phase(s) of the configuration, for limits that only exist per phase
     * (step counts), and returns the configuration.
     */
    public static SolverConfig limitLocalSearch(SolverConfig config, TerminationConfig termination) {
        for (PhaseConfig<?> phase : config.getPhaseConfigList()) {
            if (phase instanceof LocalSearchPhaseConfig localSearch) {
                localSearch.setTerminationConfig(termination.copyConfig());
            } else if (phase instanceof CustomPhaseConfig custom && termination.getStepCountLimit() != null
                    && isTimetableClimb(custom)) {
                // Its steps are chunks of TimetableClimb.CHUNK moves: a step limit keeps it just as deterministic.
                custom.setTerminationConfig(new TerminationConfig().withStepCountLimit(termination.getStepCountLimit()));
            }
        }
        return config;
    }

    /** Whether the custom phase runs a command of that class (given by class; the climb's are instances). */
    static boolean runs(CustomPhaseConfig custom, Class<?> command) {
        return custom.getCustomPhaseCommandClassList() != null && custom.getCustomPhaseCommandClassList().contains(command);
    }

    static boolean isTimetableClimb(CustomPhaseConfig custom) {
        return custom.getCustomPhaseCommandList() != null && !custom.getCustomPhaseCommandList().isEmpty()
                && custom.getCustomPhaseCommandList().get(0) instanceof TimetableClimb;
    }
}

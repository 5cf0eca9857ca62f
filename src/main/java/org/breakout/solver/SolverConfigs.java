package org.breakout.solver;

import java.util.List;

import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.constructionheuristic.placer.QueuedEntityPlacerConfig;
import ai.timefold.solver.core.config.heuristic.selector.common.SelectionCacheType;
import ai.timefold.solver.core.config.heuristic.selector.entity.EntitySelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.value.ValueSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
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
        return SolverConfig.createFromXmlResource(DEFAULT_CONFIG_RESOURCE, SolverConfigs.class.getClassLoader());
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
     * Puts a termination on the local search phase(s) of the configuration, for limits that only exist per phase
     * (step counts), and returns the configuration.
     */
    public static SolverConfig limitLocalSearch(SolverConfig config, TerminationConfig termination) {
        for (PhaseConfig<?> phase : config.getPhaseConfigList()) {
            if (phase instanceof LocalSearchPhaseConfig localSearch) {
                localSearch.setTerminationConfig(termination.copyConfig());
            }
        }
        return config;
    }
}

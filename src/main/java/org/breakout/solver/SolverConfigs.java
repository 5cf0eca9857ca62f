package org.breakout.solver;

import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/** The solver configurations breakout ships, shared by the CLI, benchmarks and tests. */
public final class SolverConfigs {

    /** Classpath resource of the default configuration. */
    public static final String DEFAULT_CONFIG_RESOURCE = "org/breakout/solver/solverConfig.xml";

    private SolverConfigs() {
    }

    /**
     * The default configuration: placement phase, construction heuristic for runs, seating phase, construction
     * heuristic for seats, local search. It has no termination: set one (for example
     * {@code config.withTerminationSpentLimit(...)}) or limit the local search with {@link #limitLocalSearch}.
     * Every call returns a new, independent instance.
     */
    public static SolverConfig defaultConfig() {
        return SolverConfig.createFromXmlResource(DEFAULT_CONFIG_RESOURCE, SolverConfigs.class.getClassLoader());
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

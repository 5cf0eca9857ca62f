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

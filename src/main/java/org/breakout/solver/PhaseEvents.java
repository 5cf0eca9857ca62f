package org.breakout.solver;

import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.impl.phase.event.PhaseLifecycleListenerAdapter;
import ai.timefold.solver.core.impl.phase.scope.AbstractPhaseScope;
import ai.timefold.solver.core.impl.solver.DefaultSolver;

import org.breakout.domain.Schedule;

/**
 * Tells a {@link ScheduleSolver.PhaseListener} when each phase of the solver starts, with a name people understand
 * ("seating", "timetable search", …), for the progress lines of {@code breakout solve}.
 * <p>
 * Timefold 1.32 has no public phase events: this wraps the solver factory that the {@code SolverManager} builds its
 * solver with and adds a phase lifecycle listener to that solver ({@code DefaultSolver.addPhaseLifecycleListener},
 * implementation API of the pinned version, like the Benchmarker's result classes that {@code benchmark} reads; a
 * Timefold upgrade must check it). The listener only reads the phase index; it changes nothing in the solve.
 */
final class PhaseEvents {

    private PhaseEvents() {
    }

    /** A factory whose solvers report their phase starts to {@code listener}. */
    static SolverFactory<Schedule> reporting(SolverFactory<Schedule> factory, SolverConfig config,
            ScheduleSolver.PhaseListener listener) {
        List<String> names = names(config);
        return new SolverFactory<>() {
            @Override
            public Solver<Schedule> buildSolver(SolverConfigOverride<Schedule> override) {
                Solver<Schedule> solver = factory.buildSolver(override);
                if (solver instanceof DefaultSolver<Schedule> defaultSolver) {
                    defaultSolver.addPhaseLifecycleListener(new PhaseLifecycleListenerAdapter<>() {
                        @Override
                        public void phaseStarted(AbstractPhaseScope<Schedule> phaseScope) {
                            int index = phaseScope.getPhaseIndex();
                            PhaseStages.attach(phaseScope.getWorkingSolution(), listener::stage);
                            listener.phaseStarted(index, names.size(),
                                    index >= 0 && index < names.size() ? names.get(index) : "phase " + (index + 1));
                        }
                    });
                }
                return solver;
            }
        };
    }

    /** The name of every phase of the configuration, in order. */
    static List<String> names(SolverConfig config) {
        List<String> names = new ArrayList<>();
        for (PhaseConfig<?> phase : config.getPhaseConfigList()) {
            names.add(name(phase));
        }
        return names;
    }

    static String name(PhaseConfig<?> phase) {
        if (phase instanceof CustomPhaseConfig custom) {
            List<String> commands = new ArrayList<>();
            if (custom.getCustomPhaseCommandClassList() != null) {
                custom.getCustomPhaseCommandClassList().stream().map(c -> commandName(c.getSimpleName())).distinct()
                        .forEach(commands::add);
            }
            if (custom.getCustomPhaseCommandList() != null) {
                // One name per kind of command: the timetable climb is one command many times.
                custom.getCustomPhaseCommandList().stream().map(c -> commandName(c.getClass().getSimpleName()))
                        .distinct().forEach(commands::add);
            }
            return commands.isEmpty() ? "custom phase" : String.join(", ", commands);
        }
        if (phase instanceof ConstructionHeuristicPhaseConfig) {
            return "construction heuristic";
        }
        if (phase instanceof LocalSearchPhaseConfig localSearch) {
            return localSearch.getNeighborhoodProviderClass() != null ? "timetable search"
                    : "local search";
        }
        return phase.getClass().getSimpleName().replace("PhaseConfig", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static String commandName(String simpleName) {
        return switch (simpleName) {
            case "PlacementPhase" -> "placement";
            case "SeatingPhase", "SeatingLpStep" -> "seating";
            case "RandomTimetablePhase" -> "random timetable";
            case "TimetableClimb" -> "timetable search on independent rounds";
            default -> simpleName.replaceAll("Phase$", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                    .toLowerCase(java.util.Locale.ROOT);
        };
    }
}

package org.breakout.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import org.breakout.solver.RandomTimetablePhase;
import org.breakout.solver.SeatingLpStep;
import org.breakout.solver.SeatingPhase;
import org.breakout.solver.SolverConfigs;
import org.breakout.solver.TimetableClimb;

/**
 * The solver configurations {@code breakout benchmark} can compare: built-in names, or a Timefold solver
 * configuration XML file. Every one gets the same limits and seed ({@link #withLimits}); a file's own solver-level
 * termination and random seed are replaced.
 */
public final class BenchmarkConfigs {

    /** The peer's restarts: more than any run within the benchmark's limits gets through (a restart of a small event
     * takes about 30 ms: 400 ran out after 11 s on rank-all-open-300). */
    static final int PEER_RESTARTS = 10_000;

    /**
     * The peer's climb on arrays: hill climbing (a move as good or better), stuck after as many moves in a row
     * without a better schedule as the Timefold climb may try ({@link SolverConfigs#CLIMB_MOVES}); at most 100 chunks
     * of {@link TimetableClimb} per restart (20,000 moves), so 10,000 restarts stay small in memory.
     */
    static final TimetableClimb.Settings PEER_CLIMB = new TimetableClimb.Settings(1, (int) SolverConfigs.CLIMB_MOVES,
            0, 100);

    /** The built-in configurations, by name, with what they are. */
    public static final Map<String, String> BUILT_IN;

    static {
        Map<String, String> builtIn = new LinkedHashMap<>();
        builtIn.put("default", "breakout's solver configuration (docs/solver.md): demand-aware placement, exact "
                + "seating, late acceptance over timetable moves that re-seat what they touch exactly, then the seat "
                + "local search");
        builtIn.put("plain", "the default without breakout's own phases and moves (placement, exact seating, the "
                + "timetable search): Timefold construction heuristics for runs and seats and the seat local search");
        builtIn.put("no-local-search", "the default without its local search: placement and seating only");
        builtIn.put("peer", "the published method of the closest peer tool (wassign), on breakout's seating engine: a "
                + "random timetable, the exact seating of each candidate timetable, hill climbing over moves and swaps "
                + "of single sessions (the default configuration's moves, on its faster arrays where rounds are "
                + "independent), and a restart from a new random timetable where the climb gets stuck");
        BUILT_IN = Collections.unmodifiableMap(builtIn);
    }

    /**
     * A configuration to benchmark.
     *
     * @param name its name in the report and the summary (a built-in name, or the file name without {@code .xml})
     * @param description what it is (for the summary)
     * @param solverConfig the configuration without limits
     */
    public record Named(String name, String description, SolverConfig solverConfig) {
    }

    /** The limits every run gets. {@code steps} (if not null) limits local search by steps instead of the clock. */
    public record Limits(Duration timeLimit, Duration unimprovedLimit, Integer steps, long seed) {
    }

    /** A {@code --config} value that is neither a built-in name nor a readable solver configuration file. */
    public static final class ConfigException extends Exception {

        private static final long serialVersionUID = 1L;
        private final boolean usage;

        ConfigException(String message, boolean usage) {
            super(message);
            this.usage = usage;
        }

        /** True when the value names nothing (a usage error); false when a file is there but cannot be used. */
        public boolean usage() {
            return usage;
        }
    }

    private BenchmarkConfigs() {
    }

    /**
     * A built-in name, or a solver configuration XML file (anything ending in {@code .xml} or an existing file).
     * A file without {@code solutionClass}, {@code entityClass} or {@code scoreDirectorFactory} gets breakout's.
     */
    public static Named resolve(String value) throws ConfigException {
        if (BUILT_IN.containsKey(value)) {
            return new Named(value, BUILT_IN.get(value), builtIn(value));
        }
        Path file = Path.of(value);
        boolean looksLikeFile = value.toLowerCase(Locale.ROOT).endsWith(".xml") || value.contains("/")
                || value.contains("\\");
        if (!Files.exists(file)) {
            if (looksLikeFile) {
                throw new ConfigException("--config " + value + ": file not found", false);
            }
            throw new ConfigException("--config " + value + ": unknown configuration (built-in: "
                    + String.join(", ", BUILT_IN.keySet()) + "; or a Timefold solver configuration FILE.xml)", true);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ConfigException("--config " + value + ": not a readable file", false);
        }
        SolverConfig config;
        try {
            config = SolverConfig.createFromXmlFile(file.toFile(), BenchmarkConfigs.class.getClassLoader());
        } catch (RuntimeException e) {
            throw new ConfigException("--config " + value + ": not a Timefold solver configuration: "
                    + rootMessage(e), false);
        }
        SolverConfig base = SolverConfigs.defaultConfig();
        if (config.getSolutionClass() == null) {
            config.setSolutionClass(base.getSolutionClass());
        }
        if (config.getEntityClassList() == null || config.getEntityClassList().isEmpty()) {
            config.setEntityClassList(base.getEntityClassList());
        }
        if (config.getScoreDirectorFactoryConfig() == null) {
            config.setScoreDirectorFactoryConfig(base.getScoreDirectorFactoryConfig());
        }
        return new Named(nameOf(file), "solver configuration file " + value
                + " (its solver termination and random seed replaced by the benchmark's)", config);
    }

    /** The configuration of a built-in name. */
    @SuppressWarnings("rawtypes") // SolverConfig's phase list is raw.
    static SolverConfig builtIn(String name) {
        SolverConfig config = SolverConfigs.defaultConfig();
        List<PhaseConfig> phases = new ArrayList<>(config.getPhaseConfigList());
        switch (name) {
            case "default" -> {
                return config;
            }
            case "plain" -> {
                // Neither the custom phases nor the timetable search (its moves re-seat with the seating flow).
                phases.removeIf(phase -> phase instanceof CustomPhaseConfig
                        || (phase instanceof LocalSearchPhaseConfig localSearch
                                && localSearch.getNeighborhoodProviderClass() != null));
                // Without the seating phase the seats need Timefold's construction heuristic, before local search.
                int firstLocalSearch = 0;
                while (!(phases.get(firstLocalSearch) instanceof LocalSearchPhaseConfig)) {
                    firstLocalSearch++;
                }
                phases.add(firstLocalSearch, SolverConfigs.seatConstructionHeuristic());
            }
            case "no-local-search" -> phases.removeIf(phase -> phase instanceof LocalSearchPhaseConfig);
            case "peer" -> {
                // The seating of the input's timetable first (a fixed timetable gets nothing else: its restarts
                // and climbs have nothing to move), then random restarts, each seated exactly, and a climb.
                phases.clear();
                phases.add(new CustomPhaseConfig().withCustomPhaseCommandClassList(List.of(SeatingPhase.class,
                        SeatingLpStep.class)));
                for (int restart = 0; restart < PEER_RESTARTS; restart++) {
                    phases.add(new CustomPhaseConfig()
                            .withCustomPhaseCommandClassList(List.of(RandomTimetablePhase.class))
                            .withCustomProperties(Map.of("restart", Integer.toString(restart))));
                    // The climb: on arrays where the event's rounds are independent (as fast as the default's
                    // search), else with Timefold's moves; each does nothing where the other climbs.
                    phases.add(new CustomPhaseConfig().withCustomPhaseCommandList(new TimetableClimb(0, restart,
                            PEER_CLIMB).commands()));
                    phases.add(SolverConfigs.timetableHillClimbing());
                }
            }
            default -> throw new IllegalArgumentException("no built-in configuration " + name);
        }
        config.setPhaseConfigList(phases);
        return config;
    }

    /**
     * A copy of the configuration with the limits and seed: a solver-level time limit, and either a
     * no-improvement limit or (with {@code steps}) a step limit on every local search phase.
     */
    public static SolverConfig withLimits(SolverConfig base, Limits limits) {
        SolverConfig config = SolverConfigs.seedTimetableClimb(base.copyConfig().withRandomSeed(limits.seed()),
                limits.seed());
        TerminationConfig termination = new TerminationConfig().withSpentLimit(limits.timeLimit());
        SolverConfigs.limitPlacement(config, limits.timeLimit());
        if (limits.steps() != null) {
            SolverConfigs.limitLocalSearchSteps(config, limits.steps());
        } else if (limits.unimprovedLimit() != null) {
            termination.setUnimprovedSpentLimit(limits.unimprovedLimit());
        }
        config.setTerminationConfig(termination);
        return config;
    }

    /** The file name without {@code .xml}, made safe for the Benchmarker's folder names. */
    static String nameOf(Path file) {
        String name = file.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".xml")) {
            name = name.substring(0, name.length() - 4);
        }
        name = name.replaceAll("[^\\w\\-.()]", "_");
        return name.isEmpty() ? "config" : name;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        return cause == e ? message : e.getMessage() + " (" + message + ")";
    }
}

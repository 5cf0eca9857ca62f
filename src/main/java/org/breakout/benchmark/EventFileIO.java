package org.breakout.benchmark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.persistence.common.api.domain.solution.SolutionFileIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.domain.Schedule;
import org.breakout.io.EventFormatException;
import org.breakout.io.EventReader;
import org.breakout.io.Json;
import org.breakout.io.ScheduleWriter;
import org.breakout.report.ScheduleSummary;
import org.breakout.solver.ScheduleSolver;
import org.breakout.solver.SolverConfigs;

/**
 * How Timefold's Benchmarker reads and writes breakout events: read = {@link EventReader} (the events are also
 * checked by {@code breakout benchmark} before anything runs, so a bad file never gets this far), write = the
 * schedule document exactly as {@code breakout solve} writes it (the input document with placements, assignments,
 * score and summary), atomically.
 * <p>
 * The Benchmarker (1.32, {@code FileProblemProvider}) calls {@link #read} with the input file at the start of every
 * run and {@link #write} with the run's best schedule (a planning clone) and {@code <run dir>/<problem name>.json},
 * where the problem name is the input file's name without its extension. So this instance remembers, per problem
 * name, which input file it read, and reads that file's document again when writing: keeping the documents in
 * memory during the runs would distort the memory figures.
 * <p>
 * The Benchmarker makes instances by reflection; the optional {@link Listener} is therefore static (set by
 * {@link BenchmarkRunner} around one benchmark).
 */
public final class EventFileIO implements SolutionFileIO<Schedule> {

    /** What happens in the runs (the Benchmarker runs one at a time: see {@link BenchmarkRunner}). */
    public interface Listener {

        /** A run's input has been read: its solver starts next. */
        default void read(Path input) {
        }

        /** A run has finished solving: its best schedule is about to be written to {@code output}. */
        default void solved(Path output) {
        }

        /** A run's best schedule has been written. */
        default void written(Path output, ScheduleSummary summary) {
        }
    }

    private static volatile Listener listener;

    private final Map<String, Path> inputs = new ConcurrentHashMap<>();
    private volatile SolutionManager<Schedule, HardMediumSoftLongScore> solutionManager;

    public EventFileIO() {
        // The Benchmarker instantiates it by reflection.
    }

    static void listen(Listener newListener) {
        listener = newListener;
    }

    @Override
    public String getInputFileExtension() {
        return "json";
    }

    @Override
    public Schedule read(File inputFile) {
        Path input = inputFile.toPath();
        Schedule schedule;
        try {
            schedule = EventReader.read(input).schedule();
        } catch (EventFormatException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + input, e);
        }
        inputs.put(problemName(input), input);
        Listener current = listener;
        if (current != null) {
            current.read(input);
        }
        return schedule;
    }

    @Override
    public void write(Schedule schedule, File outputFile) {
        Listener current = listener;
        if (current != null) {
            current.solved(outputFile.toPath());
        }
        Path input = inputs.get(problemName(outputFile.toPath()));
        if (input == null) {
            throw new IllegalStateException("no input read for " + outputFile + " (read: " + inputs.keySet() + ")");
        }
        try {
            JsonNode document = Json.MAPPER.readTree(Files.readString(input));
            ScheduleSummary summary = ScheduleSummary.of(schedule,
                    ScheduleSolver.brokenRules(solutionManager(), schedule));
            ScheduleWriter.write(ScheduleWriter.toDocument((ObjectNode) document, schedule, summary),
                    outputFile.toPath());
            if (current != null) {
                current.written(outputFile.toPath(), summary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + outputFile, e);
        }
    }

    /** Scores with breakout's constraints, whatever configuration solved (feasibility in the summary is ours). */
    private SolutionManager<Schedule, HardMediumSoftLongScore> solutionManager() {
        SolutionManager<Schedule, HardMediumSoftLongScore> manager = solutionManager;
        if (manager == null) {
            manager = SolutionManager.create(SolverFactory.create(SolverConfigs.defaultConfig()));
            solutionManager = manager;
        }
        return manager;
    }

    /**
     * The Benchmarker's problem name of an input file (and the name of its output file without {@code .json}): the
     * file name without its extension. Its results are in {@code <report>/<problem name>/<config>/sub0/}.
     */
    public static String problemName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}

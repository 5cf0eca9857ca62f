package org.breakout.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.breakout.generate.EventGenerator;
import org.breakout.generate.EventShape;
import org.breakout.io.JsonFiles;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code breakout generate event}: a seeded synthetic event of a given shape. */
@Command(name = "event", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Generate a synthetic event: rounds over one or more days, rooms (a few large, many small; tags; "
                        + "some unavailable), speakers (some in two or three sessions; a few unavailable), sessions "
                        + "(themes, repeats, audiences, required room tags, caps) and attendees with ranked "
                        + "preferences (skewed popularity, interests correlated through themes). A fixed timetable is "
                        + "feasible; an open one can be made feasible. See docs/generator.md.",
                "Start from --preset NAME or the defaults, and override any setting. The same settings and --seed "
                        + "give the same file, byte for byte." })
public class GenerateEventCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = { "-o", "--output" }, paramLabel = "EVENT.json", required = true,
            description = "Where to write the event (atomically).")
    Path output;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "Start from a named shape: medium, medium-open (= medium), medium-fixed, large, large-fixed, huge, "
                    + "repeat-all-400, repeat-all-2000, rank-all-open-300, rank-all-open-2000.")
    String preset;

    @Option(names = "--attendees", paramLabel = "N", description = "Attendees (default 500).")
    String attendees;

    @Option(names = "--sessions", paramLabel = "N", description = "Choice sessions (default 20).")
    String sessions;

    @Option(names = "--rounds", paramLabel = "N", description = "Rounds: time slots of parallel sessions (default 4).")
    String rounds;

    @Option(names = "--days", paramLabel = "N", description = "Days the rounds are spread over (default 1).")
    String days;

    @Option(names = "--rooms", paramLabel = "N", description = "Rooms (default 8).")
    String rooms;

    @Option(names = "--repeat-share", paramLabel = "F",
            description = "Share of the sessions given more than once (default 0.1).")
    String repeatShare;

    @Option(names = "--timetable", paramLabel = "fixed|open|mixed",
            description = "fixed: every run pinned; open: nothing placed; mixed: --pinned-share of the sessions "
                    + "pinned (default fixed).")
    String timetable;

    @Option(names = "--pinned-share", paramLabel = "F",
            description = "Share of the sessions pinned in a mixed timetable (default 0.5).")
    String pinnedShare;

    @Option(names = "--preferences", paramLabel = "per-round|event|rank-all",
            description = "per-round: a ranked list per round, ranks restarting at 1 (fixed timetable only); "
                    + "event: one ranked list over all sessions; rank-all: everyone ranks every session, with "
                    + "ties (default: per-round when fixed, else event).")
    String preferences;

    @Option(names = "--ranked", paramLabel = "K",
            description = "List length: sessions per round list, or in the one list (default 3 per round, or "
                    + "rounds + 3; with rank-all every session).")
    String ranked;

    @Option(names = "--tie-share", paramLabel = "F",
            description = "Share of ranked lists with a tie between two neighbouring choices; with rank-all, "
                    + "the chance that a choice shares the rank of the one before (default 0.05).")
    String tieShare;

    @Option(names = "--load", paramLabel = "F",
            description = "Seats wanted / seats available over all rounds (default 1.0; e.g. 0.9 to 1.2).")
    String load;

    @Option(names = "--skew", paramLabel = "F",
            description = "Zipf exponent of session popularity (default 1.0; 0 = all equally popular).")
    String skew;

    @Option(names = "--repeat-all", paramLabel = "true|false",
            description = "Every session given in every round; --repeat-share is then not used (default false).")
    String repeatAll;

    @Option(names = "--full-attendance", paramLabel = "true|false",
            description = "Every attendee wants a seat in every round: no day passes, skipped rounds or leaving "
                    + "early (default false).")
    String fullAttendance;

    @Option(names = "--uniform-rooms", paramLabel = "true|false",
            description = "Every room the same size, without tags, never unavailable (default false).")
    String uniformRooms;

    @Option(names = "--speakers", paramLabel = "true|false",
            description = "Sessions have speakers, some shared, a few unavailable; false: no speakers (default true).")
    String speakers;

    @Option(names = "--themes", paramLabel = "true|false",
            description = "Sessions have themes, attendees interests that steer their choices (default true).")
    String themes;

    @Option(names = "--audiences", paramLabel = "true|false",
            description = "Some sessions are for a small group of attendees only (default true).")
    String audiences;

    @Option(names = "--caps", paramLabel = "true|false",
            description = "Some hands-on sessions take fewer participants than their room holds (default true).")
    String caps;

    @Option(names = "--allowed-rounds", paramLabel = "true|false",
            description = "Some sessions may only be placed in some rounds (default true).")
    String allowedRounds;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default 1).")
    long seed;

    @Option(names = { "-q", "--quiet" }, description = "Print only where the file was written.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EventShape shape;
        try {
            shape = EventShape.of(preset, overrides());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        long started = System.nanoTime();
        EventGenerator.Result result = EventGenerator.generate(shape, seed);
        long size;
        try {
            JsonFiles.write(result.document(), output);
            size = Files.size(output);
        } catch (IOException e) {
            err.println("breakout: cannot write " + output + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!quiet) {
            out.print(result.stats().describe());
        }
        out.printf(Locale.ROOT, "Written     %s (%s) in %.1f s%n", output, megabytes(size), seconds);
        return ExitCodes.OK;
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** The settings given on the command line, by {@link EventShape} key. */
    private Map<String, String> overrides() {
        Map<String, String> overrides = new LinkedHashMap<>();
        put(overrides, "attendees", attendees);
        put(overrides, "sessions", sessions);
        put(overrides, "rounds", rounds);
        put(overrides, "days", days);
        put(overrides, "rooms", rooms);
        put(overrides, "repeatShare", repeatShare);
        put(overrides, "timetable", timetable);
        put(overrides, "pinnedShare", pinnedShare);
        put(overrides, "preferences", preferences);
        put(overrides, "ranked", ranked);
        put(overrides, "tieShare", tieShare);
        put(overrides, "load", load);
        put(overrides, "skew", skew);
        put(overrides, "repeatAll", repeatAll);
        put(overrides, "fullAttendance", fullAttendance);
        put(overrides, "uniformRooms", uniformRooms);
        put(overrides, "speakers", speakers);
        put(overrides, "themes", themes);
        put(overrides, "audiences", audiences);
        put(overrides, "caps", caps);
        put(overrides, "allowedRounds", allowedRounds);
        return overrides;
    }

    private static void put(Map<String, String> overrides, String key, String value) {
        if (value != null) {
            overrides.put(key, value);
        }
    }
}

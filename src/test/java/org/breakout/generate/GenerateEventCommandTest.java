package org.breakout.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.breakout.cli.CliRun;
import org.breakout.cli.ExitCodes;
import org.breakout.io.EventReader;
import org.breakout.io.JsonFiles;
import org.breakout.io.LoadedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code breakout generate event} through the real command line. */
class GenerateEventCommandTest {

    @TempDir
    Path dir;

    /** What the last {@link #run} printed. */
    private CliRun last = new CliRun(0, "", "");

    private int run(String... args) {
        last = CliRun.of(args);
        return last.exitCode();
    }

    @Test
    void writesTheEventTheGeneratorMakes() throws Exception {
        Path output = dir.resolve("sub").resolve("event.json");
        int code = run("generate", "event", "--attendees", "150", "--sessions", "12", "--rounds", "3", "--rooms", "6",
                "--repeat-share", "0.2", "--timetable", "fixed", "--preferences", "per-round", "--ranked", "2",
                "--tie-share", "0.1", "--load", "1.1", "--seed", "5", "-o", output.toString());
        assertThat(code).as(last.err()).isEqualTo(ExitCodes.OK);
        LoadedEvent event = EventReader.read(output);
        assertThat(event.warnings()).isEmpty();
        assertThat(event.schedule().getAttendees()).hasSize(150);
        assertThat(event.schedule().getSessions()).hasSize(12);
        EventShape shape = EventShape.of(null, Map.of("attendees", "150", "sessions", "12", "rounds", "3", "rooms", "6",
                "repeatShare", "0.2", "timetable", "fixed", "preferences", "per-round", "ranked", "2", "tieShare", "0.1",
                "load", "1.1"));
        assertThat(Files.readString(output, StandardCharsets.UTF_8))
                .isEqualTo(JsonFiles.render(EventGenerator.generate(shape, 5).document()));
        assertThat(last.out()).contains("150 attendees, 12 sessions").contains("load 1.10").contains("Written");
        try (var files = Files.list(output.getParent())) {
            assertThat(files).containsExactly(output); // no temporary file left behind
        }
    }

    @Test
    void presetWithOverrides() throws Exception {
        Path output = dir.resolve("event.json");
        int code = run("generate", "event", "--preset", "medium-fixed", "--attendees", "100", "--timetable", "mixed",
                "-q", "-o", output.toString());
        assertThat(code).as(last.err()).isEqualTo(ExitCodes.OK);
        assertThat(last.out()).startsWith("Written");
        String expected = JsonFiles.render(EventGenerator.generate(EventShape.of("medium-fixed",
                Map.of("attendees", "100", "timetable", "mixed")), 1).document());
        assertThat(Files.readString(output)).isEqualTo(expected);
        assertThat(expected).contains("--timetable mixed --pinned-share 0.5 --preferences event --ranked 8");
    }

    @Test
    void newPresetsAndSwitchesOnTheCommandLine() throws Exception {
        Path output = dir.resolve("rank-all.json");
        assertThat(run("generate", "event", "--preset", "rank-all-open-300", "--attendees", "60", "-q", "-o",
                output.toString())).as(last.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(output)).isEqualTo(JsonFiles.render(EventGenerator.generate(
                EventShape.of("rank-all-open-300", Map.of("attendees", "60")), 1).document()));
        Path switches = dir.resolve("switches.json");
        assertThat(run("generate", "event", "--attendees", "80", "--rooms", "20", "--repeat-all", "true", "--full-attendance", "true",
                "--uniform-rooms", "true", "--speakers", "false", "--themes", "false", "--audiences", "false",
                "--caps", "false", "--allowed-rounds", "false", "--preferences", "rank-all", "-q", "-o",
                switches.toString())).as(last.err()).isEqualTo(ExitCodes.OK);
        EventShape shape = EventShape.of(null, Map.ofEntries(Map.entry("attendees", "80"), Map.entry("rooms", "20"),
                Map.entry("repeatAll", "true"), Map.entry("fullAttendance", "true"), Map.entry("uniformRooms", "true"),
                Map.entry("speakers", "false"), Map.entry("themes", "false"), Map.entry("audiences", "false"),
                Map.entry("caps", "false"), Map.entry("allowedRounds", "false"), Map.entry("preferences", "rank-all")));
        assertThat(Files.readString(switches)).isEqualTo(JsonFiles.render(EventGenerator.generate(shape, 1).document()));
        LoadedEvent event = EventReader.read(switches);
        assertThat(event.warnings()).isEmpty();
        assertThat(event.schedule().getRuns()).hasSize(20 * 4);
        assertThat(event.schedule().getSpeakers()).isEmpty();

        Path o = dir.resolve("x.json");
        assertThat(run("generate", "event", "--speakers", "no", "-o", o.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(last.err()).contains("--speakers must be true or false, not \"no\"");
        assertThat(run("generate", "event", "--preset", "repeat-all-400", "--repeat-share", "0.3", "-o", o.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(last.err()).contains("--repeat-share does not go with --repeat-all true");
        assertThat(run("generate", "event", "--preset", "rank-all-open-300", "--ranked", "8", "-o", o.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(last.err()).contains("--ranked 8 does not go with --preferences rank-all");
        assertThat(o).doesNotExist();
    }

    @Test
    void usageErrorsExitWith2AndWriteNothing() {
        Path output = dir.resolve("x.json");
        String o = output.toString();
        assertThat(run("generate", "event")).isEqualTo(ExitCodes.USAGE); // no -o
        assertThat(last.err()).contains("--output");
        assertThat(run("generate", "event", "--preset", "gigantic", "-o", o)).isEqualTo(ExitCodes.USAGE);
        assertThat(last.err()).contains("unknown preset").contains("medium-open");
        assertThat(run("generate", "event", "--timetable", "open", "--preferences", "per-round", "-o", o))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(last.err()).contains("per-round needs --timetable fixed");
        assertThat(run("generate", "event", "--rooms", "2", "-o", o)).isEqualTo(ExitCodes.USAGE);
        assertThat(last.err()).contains("--rooms 2 is too few");
        assertThat(run("generate", "event", "--attendees", "lots", "-o", o)).isEqualTo(ExitCodes.USAGE);
        assertThat(last.err()).contains("--attendees must be a whole number");
        assertThat(run("generate", "event", "--load", "0", "-o", o)).isEqualTo(ExitCodes.USAGE);
        assertThat(run("generate", "event", "--seed", "x", "-o", o)).isEqualTo(ExitCodes.USAGE);
        assertThat(run("generate", "event", "--colour", "red", "-o", o)).isEqualTo(ExitCodes.USAGE);
        assertThat(output).doesNotExist();
        assertThat(run("generate")).isEqualTo(ExitCodes.USAGE);
        assertThat(last.err()).contains("event").contains("benchmark-set");
    }

    /** The help states the defaults of {@link EventShape#DEFAULTS} (written out there, so checked here). */
    @Test
    void helpStatesTheDefaults() {
        assertThat(run("generate", "event", "--help")).isEqualTo(ExitCodes.OK);
        String help = last.out().replaceAll("\\s+", " ");
        EventShape.DEFAULTS.forEach((key, value) -> {
            int at = help.lastIndexOf(EventShape.option(key) + "="); // the option list, after the synopsis
            assertThat(at).as(key).isNotNegative();
            int next = help.length();
            for (String option : List.of("--seed=", "--preset=", "-q, --quiet")) {
                next = help.lastIndexOf(option) > at ? Math.min(next, help.lastIndexOf(option)) : next;
            }
            for (String other : EventShape.KEYS) {
                int position = help.lastIndexOf(EventShape.option(other) + "=");
                next = position > at ? Math.min(next, position) : next;
            }
            String description = help.substring(at, next);
            assertThat(description).as(key).contains("default " + value);
        });
        for (String preset : EventShape.PRESETS.keySet()) {
            assertThat(help).contains(preset);
        }
    }
}

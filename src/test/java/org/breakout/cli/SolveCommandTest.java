package org.breakout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.breakout.check.IndependentChecker;
import org.breakout.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SolveCommandTest {

    @TempDir
    Path dir;

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private Path copyResource(String name) throws Exception {
        Path target = dir.resolve(name);
        try (var in = getClass().getResourceAsStream("/events/" + name)) {
            Files.copy(in, target);
        }
        return target;
    }

    @Test
    void solvesAnOpenEventFeasiblyAndTheCheckerAgrees() throws Exception {
        Path event = copyResource("small-open.json");
        Path out = dir.resolve("out.json");
        CliRun run = run("solve", event.toString(), "-o", out.toString(), "--steps", "2000", "--seed", "1");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("(feasible)").contains("Written");
        JsonNode doc = Json.MAPPER.readTree(out.toFile());
        IndependentChecker.Result result = IndependentChecker.check(doc);
        assertThat(result.violations()).isEmpty();
        assertThat(doc.get("summary").get("seatsFilled").asInt()).isEqualTo(result.seatsFilled());
        assertThat(doc.get("summary").get("preferenceCost").asLong()).isEqualTo(result.preferenceCost());
        assertThat(doc.get("summary").get("seatsWanted").asInt()).isEqualTo(result.seatsWanted());
        // Every attendee and session of the input is in the output.
        JsonNode input = Json.MAPPER.readTree(event.toFile());
        assertThat(doc.get("attendees")).hasSameSizeAs(input.get("attendees"));
        assertThat(doc.get("sessions")).hasSameSizeAs(input.get("sessions"));
        // The input is untouched.
        assertThat(Json.MAPPER.readTree(event.toFile())).isEqualTo(input);
    }

    @Test
    void sameSeedSameSchedule() throws Exception {
        Path event = copyResource("small-open.json");
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        assertThat(run("solve", event.toString(), "-o", a.toString(), "--steps", "500", "--seed", "7", "-q").exitCode()).isZero();
        assertThat(run("solve", event.toString(), "-o", b.toString(), "--steps", "500", "--seed", "7", "-q").exitCode()).isZero();
        assertThat(Files.readString(a)).isEqualTo(Files.readString(b));
    }

    @Test
    void badInputExitsWithThreeAndWritesNothing() throws Exception {
        Path event = dir.resolve("bad.json");
        Files.writeString(event, """
                { "rounds": [ { "id": "R1" } ], "rooms": [ { "id": "a", "capacity": 5 } ],
                  "sessions": [ { "id": "S1" } ],
                  "attendees": [ { "id": "A1", "preferences": ["S2"] }, { "id": "A1" } ] }
                """);
        Path out = dir.resolve("out.json");
        CliRun run = run("solve", event.toString(), "-o", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("bad.json: 2 problems")
                .contains("attendees[0].preferences[0]: unknown session \"S2\"")
                .contains("attendees[1].id: duplicate attendee id \"A1\"")
                .doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }

    @Test
    void brokenJsonAndMissingFile() {
        Path missing = dir.resolve("nope.json");
        CliRun run = run("solve", missing.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("nope.json").contains("file not found");
    }

    @Test
    void refusesToOverwriteTheInput() throws Exception {
        Path event = copyResource("minimal.json");
        String before = Files.readString(event);
        CliRun run = run("solve", event.toString(), "-o", event.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readString(event)).isEqualTo(before);
    }

    @Test
    void usageErrors() {
        assertThat(run("solve").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("solve", "x.json", "--time-limit", "soon").err()).contains("not a duration");
        assertThat(run("frobnicate").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void helpAndVersion() {
        CliRun help = run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("solve").contains("Exit codes");
        CliRun version = run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("breakout ").contains("Timefold Solver");
    }

    @Test
    void defaultOutputIsBesideTheEvent() {
        assertThat(SolveCommand.defaultOutput(Path.of("data", "event.json"))).isEqualTo(Path.of("data", "event-schedule.json"));
    }

    @Test
    void durations() {
        DurationConverter converter = new DurationConverter();
        assertThat(converter.convert("30s")).hasSeconds(30);
        assertThat(converter.convert("2m")).hasMinutes(2);
        assertThat(converter.convert("1h30m")).hasMinutes(90);
        assertThat(converter.convert("500ms")).hasMillis(500);
        assertThat(converter.convert("PT1M")).hasSeconds(60);
    }
}

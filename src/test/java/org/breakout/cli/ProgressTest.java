package org.breakout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.breakout.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress lines of solve and bound on stderr: phase, time since the start, best score, seats. */
class ProgressTest {

    @TempDir
    Path dir;

    private Path copy(String name) throws Exception {
        Path target = dir.resolve(name);
        Files.copy(Path.of("src/test/resources/events", name), target);
        return target;
    }

    @Test
    void solveSaysWhichPhaseItIsInWithTheBestScoreAndTheSeats() throws Exception {
        Path event = copy("small-open.json");
        CliRun run = CliRun.of("solve", event.toString(), "-o", dir.resolve("out.json").toString(), "--steps", "30");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        List<String> lines = run.err().lines().toList();
        // Every phase of the default configuration gets a line when it starts, in order.
        List<String> phases = lines.stream().filter(line -> line.matches("\\s*\\d+\\.\\ds  phase \\d+/\\d+: .*"))
                .map(line -> line.replaceAll("^\\s*\\d+\\.\\ds  phase (\\d+/\\d+: [a-z ,]+?)(  best .*)?$", "$1"))
                .toList();
        assertThat(phases).containsExactly("1/9: placement", "2/9: construction heuristic", "3/9: seating",
                "4/9: timetable search", "5/9: local search", "6/9: seating", "7/9: local search", "8/9: seating",
                "9/9: local search");
        // New best schedules: the phase that found them, the score, the seats filled of the seats wanted.
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .matches("\\s*\\d+\\.\\ds  seating  best 0hard/-\\d+medium/-\\d+soft  seats \\d+/33"));
        // A phase that starts after a best schedule carries it along.
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .matches("\\s*\\d+\\.\\ds  phase 5/9: local search  best 0hard/-\\d+medium/-\\d+soft  seats \\d+/33"));
    }

    @Test
    void quietSolveHasNoProgressLines() throws Exception {
        Path event = copy("small-open.json");
        CliRun run = CliRun.of("solve", event.toString(), "-o", dir.resolve("out.json").toString(), "--steps", "30",
                "-q");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).doesNotContain("phase ").doesNotContain("best ");
    }

    @Test
    void boundSaysWhichStageItIsInOnStderrAndKeepsJsonOnStdoutClean() throws Exception {
        Path event = copy("small-open.json");
        CliRun run = CliRun.of("bound", event.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(Json.MAPPER.readTree(run.out()).has("maxSeatsFilled")).isTrue();
        List<String> stages = run.err().lines().filter(line -> line.contains("  bound: "))
                .map(line -> line.replaceAll("^\\s*\\d+\\.\\ds  bound: ", "")).toList();
        // An open timetable: the model, then both flows (and the per-round totals where rooms bind).
        assertThat(stages).startsWith("model", "round flow", "session flow");
        assertThat(run.err()).containsPattern("\\d+\\.\\ds  bound of .*small-open.json \\(12 attendees, 33 wanted seats\\)");

        CliRun quiet = CliRun.of("bound", event.toString(), "-q");
        assertThat(quiet.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(quiet.err()).isEmpty();
        assertThat(quiet.out()).contains("Max seats");
    }
}

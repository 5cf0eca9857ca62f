package org.breakout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
        assertThat(phases).containsExactly("1/10: placement", "2/10: construction heuristic", "3/10: seating",
                "4/10: timetable search on independent rounds", "5/10: timetable search", "6/10: local search",
                "7/10: seating", "8/10: local search", "9/10: seating", "10/10: local search");
        // New best schedules: the phase that found them, the score, the seats filled of the seats wanted. They reach
        // the progress lines from Timefold's consumer thread, at most one a second: which ones are printed depends on
        // timing, but the format does not, and the last one printed is the final best.
        String best = "\\s*\\d+\\.\\ds  (start|placement|construction heuristic|seating|timetable search on independent rounds|timetable search|local search)"
                + "  best (\\S+)  seats \\d+/33";
        List<String> bests = lines.stream()
                .filter(line -> line.contains("  best ") && !line.contains("  phase ") && !line.contains(" …"))
                .toList();
        assertThat(bests).isNotEmpty().allSatisfy(line -> assertThat(line).matches(best));
        String score = run.out().lines().filter(line -> line.startsWith("Score ")).findFirst().orElseThrow()
                .replaceAll("^Score\\s+(\\S+).*", "$1");
        assertThat(bests.get(bests.size() - 1).replaceAll(best, "$2")).isEqualTo(score);
        // A phase that starts after a best schedule carries the best so far along.
        assertThat(lines).filteredOn(line -> line.contains("  phase "))
                .allSatisfy(line -> assertThat(line).matches("\\s*\\d+\\.\\ds  phase \\d+/10: [a-z ]+(  best \\S+  seats \\d+/33)?"));
    }

    @Test
    void theClockCountsFromTheStartOfTheSolveNotFromTheSolversSetUp() throws Exception {
        StringWriter text = new StringWriter();
        Progress progress = new Progress(new PrintWriter(text), false, false, 33);
        Thread.sleep(500); // what building the solver takes in a fresh JVM, before the solve starts
        progress.solvingStarted();
        progress.phaseStarted(0, 9, "placement");
        assertThat(progress.elapsed()).isLessThan(Duration.ofMillis(500));
        assertThat(text.toString()).matches("(?s)\\s*0\\.[0-4]s  phase 1/9: placement\\R");
    }

    @Test
    void theHeartbeatSaysWhereALongPhaseIs() throws Exception {
        StringWriter text = new StringWriter();
        Progress progress = new Progress(new PrintWriter(text), false, false, 33);
        progress.solvingStarted();
        progress.phaseStarted(2, 10, "seating");
        progress.stage("sweep 1, round R3");
        progress.startHeartbeat(Duration.ofMillis(50));
        try {
            awaitLine(text, "seating (sweep 1, round R3) …");
            progress.phaseStarted(3, 10, "local search"); // a new phase has not said where it is yet
            awaitLine(text, "local search …");
        } finally {
            progress.finish();
        }
    }

    /** Waits (up to 30 s: the heartbeat thread may be slow to run on a busy machine) for a line that ends so. */
    private static void awaitLine(StringWriter text, String ending) throws InterruptedException {
        for (int i = 0; i < 600 && text.toString().lines().noneMatch(line -> line.endsWith(ending)); i++) {
            Thread.sleep(50);
        }
        assertThat(text.toString().lines()).anySatisfy(line -> assertThat(line).matches("\\s*\\d+\\.\\ds  "
                + java.util.regex.Pattern.quote(ending)));
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
        assertThat(stages).startsWith("model", "round flow and session flow (side by side)");
        assertThat(run.err()).containsPattern("\\d+\\.\\ds  bound of .*small-open.json \\(12 attendees, 33 wanted seats\\)");

        CliRun quiet = CliRun.of("bound", event.toString(), "-q");
        assertThat(quiet.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(quiet.err()).isEmpty();
        assertThat(quiet.out()).contains("Max seats");
    }

    @Test
    void boundRejectsALagrangianBudgetBelowOneBeforeReadingTheEvent() throws Exception {
        Path event = copy("small-open.json");
        CliRun run = CliRun.of("bound", event.toString(), "--lagrangian-problems=0");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--lagrangian-problems: must be at least 1").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }
}

package org.breakout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.breakout.domain.Schedule;
import org.breakout.io.EventReader;
import org.breakout.io.Json;
import org.breakout.io.LoadedEvent;
import org.breakout.solver.ScheduleSolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running out of memory is an outcome with its own exit code and a message, not a stack trace. */
class OutOfMemoryTest {

    @TempDir
    Path dir;

    /**
     * A real JVM with a heap too small for the solver (28 MB for an 800-attendee fixed event: it reads the event and
     * runs out while solving): exit code 7, the heap and the -Xmx to try, no stack trace.
     */
    @Test
    void aSolveThatDoesNotFitInTheHeapSaysSoWithItsOwnExitCode() throws Exception {
        Path event = ForkedBreakout.largeFixed(dir, 800);
        Path out = dir.resolve("out.json");
        ForkedBreakout run = ForkedBreakout.run(dir, List.of("-Xmx28m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                "solve", event.toString(), "-o", out.toString(), "--steps", "10");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OUT_OF_MEMORY);
        assertThat(run.err()).contains("breakout: out of memory while ")
                .containsPattern("the Java heap is 2\\d MB at most, and it needed more")
                .contains("BREAKOUT_JAVA_OPTS=-Xmx64m ./breakout solve " + event)
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("OutOfMemoryError")
                .doesNotContain("internal error");
        if (run.err().contains("NOT final")) {
            // It had a best schedule when the heap ran out: that is written, complete and marked not final.
            JsonNode written = Json.MAPPER.readTree(out.toFile());
            assertThat(written.path("summary").path("final").asBoolean(true)).isFalse();
        } else {
            assertThat(run.err()).contains("nothing was written");
            assertThat(out).doesNotExist();
        }
    }

    /** With a best schedule in hand, the write after running out of memory: atomic, readable, marked not final. */
    @Test
    void theBestScheduleSoFarIsWrittenAndMarkedNotFinal() throws Exception {
        LoadedEvent loaded = EventReader.read(Path.of("src/test/resources/events/small-open.json"));
        Schedule best;
        try (ScheduleSolver solver = new ScheduleSolver(ScheduleSolver.Options.steps(20, 1))) {
            best = solver.solve(loaded.schedule());
        }
        Path out = dir.resolve("best.json");
        StringWriter err = new StringWriter();
        int code = SolveCommand.writeAfterOutOfMemory(new PrintWriter(err, true), loaded.document(), best, out, false);
        assertThat(code).isEqualTo(ExitCodes.OUT_OF_MEMORY);
        assertThat(err.toString()).contains("Written     " + out).contains("NOT final")
                .contains(best.getScore().toString());
        JsonNode written = Json.MAPPER.readTree(out.toFile());
        assertThat(written.path("summary").path("final").asBoolean(true)).isFalse();
        assertThat(written.path("summary").path("note").asText()).contains("not the final schedule");
        assertThat(written.path("score").asText()).isEqualTo(best.getScore().toString());
        // It reads back as an event (the next run's input), with its seats.
        LoadedEvent again = EventReader.read(out);
        assertThat(again.warnings()).isEmpty();
        assertThat(written.path("summary").path("seatsFilled").asInt())
                .isEqualTo((int) best.getSeats().stream().filter(seat -> seat.getRun() != null).count());

        // A solve that finished and ran out in the score analysis: the final schedule, not marked otherwise.
        Path solved = dir.resolve("solved.json");
        StringWriter err2 = new StringWriter();
        assertThat(SolveCommand.writeAfterOutOfMemory(new PrintWriter(err2, true), loaded.document(), best, solved,
                true)).isEqualTo(ExitCodes.OUT_OF_MEMORY);
        assertThat(err2.toString()).contains("the final schedule, without its score analysis").doesNotContain("NOT");
        JsonNode final_ = Json.MAPPER.readTree(solved.toFile());
        assertThat(final_.path("summary").has("final")).isFalse();
        assertThat(final_.path("summary").path("note").asText()).contains("brokenRules are not analysed");
        assertThat(final_.path("assignments")).isEqualTo(written.path("assignments"));
        assertThat(final_.path("attendees")).isEqualTo(written.path("attendees"));
    }

    @Test
    void withoutABestScheduleNothingIsWritten() {
        StringWriter err = new StringWriter();
        Path out = dir.resolve("none.json");
        assertThat(SolveCommand.writeAfterOutOfMemory(new PrintWriter(err, true), null, null, out, false))
                .isEqualTo(ExitCodes.OUT_OF_MEMORY);
        assertThat(err.toString()).contains("nothing was written");
        assertThat(out).doesNotExist();
    }

    @Test
    void theSuggestedHeapIsTwiceTheCurrentOneCappedByTheMachine() {
        long mb = 1024L * 1024;
        assertThat(OutOfMemory.suggestedMegabytes(247 * mb, 24L * 1024 * mb)).isEqualTo(512); // -Xmx256m
        assertThat(OutOfMemory.suggestedMegabytes(3641 * mb, 24L * 1024 * mb)).isEqualTo(8192); // -Xmx4g
        assertThat(OutOfMemory.suggestedMegabytes(3641 * mb, 0)).isEqualTo(8192); // machine unknown: no cap
        // 16 GB of a 16 GB machine's 3/4 = 12 GB: 12 GB is the most to try.
        assertThat(OutOfMemory.suggestedMegabytes(8 * 1024 * mb, 16L * 1024 * mb)).isEqualTo(12 * 1024);
        // Already at 3/4 of the machine: nothing bigger to suggest.
        assertThat(OutOfMemory.suggestedMegabytes(12 * 1024 * mb, 16L * 1024 * mb)).isZero();
        assertThat(OutOfMemory.xmx(512)).isEqualTo("512m");
        assertThat(OutOfMemory.xmx(8192)).isEqualTo("8g");
        assertThat(OutOfMemory.causedBy(new IllegalStateException("Solving failed",
                new IllegalStateException("job", new OutOfMemoryError("Java heap space"))))).isTrue();
        assertThat(OutOfMemory.causedBy(new IllegalStateException("Solving failed", new RuntimeException()))).isFalse();
    }
}

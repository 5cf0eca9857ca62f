package org.breakout.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.domain.Room;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.SessionRun;
import org.breakout.report.ScheduleSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleWriterTest {

    @TempDir
    Path dir;

    /** Places every run and seats everyone in their first eligible run of a distinct round: not optimal, just decisions. */
    private static void decide(Schedule schedule) {
        List<Round> rounds = schedule.getRounds();
        List<Room> rooms = schedule.getRooms();
        int i = 0;
        for (SessionRun run : schedule.getRuns()) {
            run.setRound(run.getAllowedRounds().get(i % run.getAllowedRounds().size()));
            run.setRoom(rooms.get(i % rooms.size()));
            i++;
        }
        for (Seat seat : schedule.getSeats()) {
            seat.getEligibleRuns().stream()
                    .filter(run -> seat.getAttendee().wants(run.getRound()))
                    .filter(run -> schedule.getSeats().stream().noneMatch(other -> other != seat
                            && other.getAttendee().equals(seat.getAttendee()) && other.getRun() != null
                            && (other.getRun().getRound().equals(run.getRound())
                                    || other.getRun().getSession().equals(run.getSession()))))
                    .findFirst()
                    .ifPresent(run -> {
                        seat.setRun(run);
                    });
        }
        assertThat(rounds).isNotEmpty();
    }

    @Test
    void writtenScheduleReadsBackToTheSameDecisionsAndDocument() throws Exception {
        LoadedEvent loaded = EventReaderTest.load("small-open.json");
        Schedule schedule = loaded.schedule();
        decide(schedule);
        ScheduleSummary summary = ScheduleSummary.of(schedule, null);
        ObjectNode written = ScheduleWriter.toDocument(loaded.document(), schedule, summary);
        Path out = dir.resolve("out.json");
        ScheduleWriter.write(written, out);

        LoadedEvent reread = EventReader.read(out);
        Schedule again = reread.schedule();
        assertThat(reread.warnings()).isEmpty();
        for (int i = 0; i < schedule.getRuns().size(); i++) {
            SessionRun before = schedule.getRuns().get(i);
            SessionRun after = again.getRuns().get(i);
            assertThat(after.getId()).isEqualTo(before.getId());
            assertThat(after.getRound()).isEqualTo(before.getRound());
            assertThat(after.getRoom()).isEqualTo(before.getRoom());
            assertThat(after.getPreviousRound()).isEqualTo(before.getRound());
        }
        for (int i = 0; i < schedule.getSeats().size(); i++) {
            Seat before = schedule.getSeats().get(i);
            Seat after = again.getSeats().stream()
                    .filter(s -> s.getAttendee().equals(before.getAttendee()) && s.getRun() != null
                            && before.getRun() != null && s.getRun().getId().equals(before.getRun().getId()))
                    .findFirst().orElse(null);
            if (before.getRun() != null) {
                assertThat(after).as("seat %s", before).isNotNull();
                assertThat(after.getPreviousSession()).isEqualTo(before.getRun().getSession());
            }
        }
        // The document round-trips: writing the re-read schedule gives the same JSON.
        ObjectNode writtenAgain = ScheduleWriter.toDocument(reread.document(), again, ScheduleSummary.of(again, null));
        assertThat(writtenAgain).isEqualTo(written);
    }

    @Test
    void keepsUnknownFieldsAndPinnedFlags() throws Exception {
        String json = EventReaderTest.resource("minimal.json")
                .replace("\"name\": \"J. Jansen\"", "\"name\": \"J. Jansen\", \"email\": \"j@jansen.nl\"");
        LoadedEvent loaded = EventReader.parse(Path.of("m.json"), json);
        ObjectNode written = ScheduleWriter.toDocument(loaded.document(), loaded.schedule(),
                ScheduleSummary.of(loaded.schedule(), null));
        JsonNode attendee = written.get("attendees").get(0);
        assertThat(attendee.get("email").asText()).isEqualTo("j@jansen.nl");
        assertThat(attendee.get("assignments")).hasSize(1);
        assertThat(attendee.get("assignments").get(0).get("session").asText()).isEqualTo("S01");
        assertThat(written.get("sessions").get(0).get("placements").get(0).get("pinned").asBoolean()).isTrue();
        assertThat(written.get("summary").get("seatsFilled").asInt()).isEqualTo(1);
        assertThat(written.get("summary").get("byRank").get("1").asInt()).isEqualTo(1);
    }

    @Test
    void writeIsAtomicAndLeavesNoTemporaryFiles() throws Exception {
        LoadedEvent loaded = EventReaderTest.load("minimal.json");
        Path out = dir.resolve("nested/out.json");
        ScheduleWriter.write(loaded.document(), out);
        ScheduleWriter.write(loaded.document(), out);
        try (var files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out);
        }
        assertThat(Json.MAPPER.readTree(out.toFile())).isEqualTo(loaded.document());
    }
}

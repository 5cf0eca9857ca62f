package org.breakout.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.breakout.domain.Attendee;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.SessionRun;
import org.breakout.io.LoadedEvent;
import org.breakout.io.export.ExportFixtures;
import org.junit.jupiter.api.Test;

class ScheduleCsvTest {

    /** Parses with Commons CSV (not the writer's library); the BOM must be there and is stripped first. */
    static List<CSVRecord> parse(String csv, char separator) throws IOException {
        assertThat(csv).startsWith(ScheduleCsv.BOM);
        assertThat(csv.substring(1)).doesNotStartWith(ScheduleCsv.BOM);
        try (CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(separator).setHeader()
                .setSkipHeaderRecord(true).get().parse(new StringReader(csv.substring(1)))) {
            return parser.getRecords();
        }
    }

    @Test
    void everyAttendeeHasOneRowWithTheirSessionRoomAndTimePerRound() throws IOException {
        LoadedEvent loaded = ExportFixtures.schiedam();
        Schedule schedule = loaded.schedule();
        List<CSVRecord> rows = parse(ScheduleCsv.attendees(ExportFixtures.view(loaded), ';'), ';');

        assertThat(rows).hasSize(schedule.getAttendees().size());
        Map<String, CSVRecord> byId = new HashMap<>();
        rows.forEach(row -> assertThat(byId.put(row.get("id"), row)).as("one row per attendee").isNull());
        for (Attendee attendee : schedule.getAttendees()) {
            CSVRecord row = byId.get(attendee.id());
            assertThat(row.get("name")).isEqualTo(attendee.name());
            for (Round round : schedule.getRounds()) {
                SessionRun run = ExportFixtures.seatOf(schedule, attendee.id(), round.id());
                if (run == null) {
                    run = ExportFixtures.placedRuns(schedule).stream()
                            .filter(r -> r.getSession().plenary() && r.getRound().equals(round)).findFirst().orElse(null);
                }
                if (run == null) {
                    assertThat(row.get(round.name() + " session")).isIn("", "no seat");
                    assertThat(row.get(round.name() + " room")).isEmpty();
                    continue;
                }
                assertThat(row.get(round.name() + " session")).isEqualTo(run.getSession().title());
                assertThat(row.get(round.name() + " room")).startsWith(run.getRoom().name());
                assertThat(row.get(round.name() + " time")).contains(round.start().toLocalDate().toString())
                        .contains(String.format("%02d:%02d", round.start().getHour(), round.start().getMinute()));
            }
        }
    }

    @Test
    void theAttendanceListHasEverySeatExactlyOnce() throws IOException {
        LoadedEvent loaded = ExportFixtures.schiedam();
        Schedule schedule = loaded.schedule();
        List<CSVRecord> rows = parse(ScheduleCsv.attendance(ExportFixtures.view(loaded), ';'), ';');

        List<String> expected = new ArrayList<>();
        for (Seat seat : schedule.getSeats()) {
            if (seat.getRun() != null) {
                expected.add(seat.getRun().getId() + " " + seat.getAttendee().id() + " " + seat.getRun().getRoom().name());
            }
        }
        List<String> actual = rows.stream()
                .map(row -> row.get("run") + " " + row.get("attendee") + " " + row.get("room").split(",")[0]).toList();
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).isNotEmpty();
    }

    @Test
    void hostileTextComesOutIntactWithEitherSeparator() throws IOException {
        LoadedEvent loaded = ExportFixtures.hostile();
        Schedule schedule = loaded.schedule();
        for (char separator : new char[] { ';', ',' }) {
            List<CSVRecord> rows = parse(ScheduleCsv.attendees(ExportFixtures.view(loaded), separator), separator);
            assertThat(rows).extracting(row -> row.get("name"))
                    .containsExactlyInAnyOrderElementsOf(schedule.getAttendees().stream().map(Attendee::name).toList());
            CSVRecord bob = rows.stream().filter(row -> row.get("id").equals("A1")).findFirst().orElseThrow();
            assertThat(bob.get("email")).isEqualTo("bob@example.org");
            assertThat(bob.get("roles")).isEqualTo("mayor");
            assertThat(bob.get("Round <1> session")).isEqualTo(
                    ExportFixtures.seatOf(schedule, "A1", "R1").getSession().title()).hasSizeGreaterThan(300);
            CSVRecord a2 = rows.stream().filter(row -> row.get("id").equals("A2")).findFirst().orElseThrow();
            assertThat(a2.get("Round <1> session")).isEqualTo(
                    "<script>alert(\"x\")</script> & 'single' \"double\"; semi;colon, comma 🎉");
            assertThat(a2.get("Round \"2\" room")).isEqualTo("Zaal <A> & \"B\", Hôtel de Ville <main>");
            CSVRecord a4 = rows.stream().filter(row -> row.get("id").equals("A4")).findFirst().orElseThrow();
            assertThat(a4.get("name")).isEqualTo("Line\nbreak; comma, \"quote\"");
            assertThat(a4.get("Round \"2\" session")).isEqualTo("no seat");
        }
    }
}

package org.breakout.io.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import org.breakout.domain.Attendee;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.SessionRun;
import org.breakout.io.LoadedEvent;
import org.breakout.io.export.ExportFixtures;
import org.breakout.io.export.ScheduleView;
import org.junit.jupiter.api.Test;

class ScheduleCalendarTest {

    private static final Instant STAMP = Instant.parse("2025-05-20T08:00:00Z");
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    static ICalendar parse(String text) {
        List<ICalendar> calendars = Biweekly.parse(text).all();
        assertThat(calendars).hasSize(1);
        return calendars.get(0);
    }

    static void assertFoldedAndCrlf(String text) {
        assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : text.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
    }

    @Test
    void theEventCalendarHasEveryRunAtItsRoundTimeAndRoom() {
        LoadedEvent loaded = ExportFixtures.schiedam();
        Schedule schedule = loaded.schedule();
        String text = ScheduleCalendar.event(ExportFixtures.view(loaded), STAMP);
        assertFoldedAndCrlf(text);
        ICalendar calendar = parse(text);

        List<SessionRun> runs = ExportFixtures.placedRuns(schedule);
        assertThat(calendar.getEvents()).hasSize(runs.size());
        Set<String> uids = new HashSet<>();
        for (SessionRun run : runs) {
            VEvent event = calendar.getEvents().stream()
                    .filter(e -> e.getUid().getValue().startsWith("run-" + run.getId().replace("#", "%23") + "@"))
                    .findFirst().orElseThrow(() -> new AssertionError("no entry for " + run.getId()));
            assertThat(uids.add(event.getUid().getValue())).isTrue();
            assertThat(event.getSummary().getValue()).isEqualTo(run.getSession().title());
            assertThat(event.getLocation().getValue()).isEqualTo(run.getRoom().name() + ", " + run.getRoom().venue());
            assertThat(event.getDateStart().getValue().toInstant())
                    .isEqualTo(run.getRound().start().atZone(AMSTERDAM).toInstant());
            assertThat(event.getDateEnd().getValue().toInstant())
                    .isEqualTo(run.getRound().end().atZone(AMSTERDAM).toInstant());
            assertThat(event.getDateTimeStamp().getValue().toInstant()).isEqualTo(STAMP);
        }
        assertThat(text).contains("DTSTART:20250604T093000Z"); // 11:30 in Schiedam is 09:30 UTC (summer time)
    }

    @Test
    void everyAttendeeCalendarHasTheirSeatsAndThePlenarySessions() {
        LoadedEvent loaded = ExportFixtures.schiedam();
        Schedule schedule = loaded.schedule();
        ScheduleView view = ExportFixtures.view(loaded);
        Map<String, ScheduleView.AttendeeRow> rows = view.attendees().stream()
                .collect(Collectors.toMap(ScheduleView.AttendeeRow::id, Function.identity()));
        for (Attendee attendee : schedule.getAttendees()) {
            ICalendar calendar = parse(ScheduleCalendar.attendee(view, rows.get(attendee.id()), STAMP));
            List<String> expected = new ArrayList<>();
            for (Round round : schedule.getRounds()) {
                SessionRun run = ExportFixtures.seatOf(schedule, attendee.id(), round.id());
                if (run == null) {
                    run = ExportFixtures.placedRuns(schedule).stream()
                            .filter(r -> r.getSession().plenary() && r.getRound().equals(round)).findFirst().orElse(null);
                }
                if (run != null) {
                    expected.add(run.getSession().title() + " | " + run.getRoom().name() + ", " + run.getRoom().venue()
                            + " | " + round.start().atZone(AMSTERDAM).toInstant());
                }
            }
            assertThat(calendar.getEvents()).extracting(e -> e.getSummary().getValue() + " | "
                    + e.getLocation().getValue() + " | " + e.getDateStart().getValue().toInstant())
                    .as(attendee.id()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void uidsAreStableAcrossExportsAndPerRoundForAnAttendee() {
        LoadedEvent loaded = ExportFixtures.hostile();
        ScheduleView view = ExportFixtures.view(loaded);
        ScheduleView.AttendeeRow bob = view.attendees().stream().filter(a -> a.id().equals("A1")).findFirst().orElseThrow();
        List<String> first = uids(ScheduleCalendar.attendee(view, bob, STAMP));
        List<String> later = uids(ScheduleCalendar.attendee(view, bob, STAMP.plusSeconds(86_400)));
        assertThat(later).isEqualTo(first).doesNotHaveDuplicates().hasSize(3);
        assertThat(first).allSatisfy(uid -> assertThat(uid).startsWith("attendee-A1-round-"));
        // The same round for another attendee is another entry.
        ScheduleView.AttendeeRow other = view.attendees().stream().filter(a -> a.id().equals("A2")).findFirst().orElseThrow();
        assertThat(uids(ScheduleCalendar.attendee(view, other, STAMP))).doesNotContainAnyElementsOf(first);
    }

    @Test
    void hostileTextIsEscapedAndComesBackIntact() {
        LoadedEvent loaded = ExportFixtures.hostile();
        Schedule schedule = loaded.schedule();
        String text = ScheduleCalendar.event(ExportFixtures.view(loaded), STAMP);
        assertFoldedAndCrlf(text);
        ICalendar calendar = parse(text);
        assertThat(calendar.getEvents()).extracting(e -> e.getSummary().getValue())
                .containsExactlyInAnyOrderElementsOf(ExportFixtures.placedRuns(schedule).stream()
                        .map(run -> run.getSession().title()).toList());
        VEvent s1 = calendar.getEvents().stream().filter(e -> e.getSummary().getValue().startsWith("<script>"))
                .findFirst().orElseThrow();
        assertThat(s1.getLocation().getValue()).isEqualTo("Zaal <A> & \"B\", Hôtel de Ville <main>");
        assertThat(s1.getDescription().getValue()).contains("Dr. <i>Evil</i> 😈").contains("Line one\nline two; <tag>");
        assertThat(text.replace("\r\n ", "")).contains("semi\\;colon\\, comma"); // TEXT escaping of RFC 5545 3.3.11
    }

    @Test
    void foldingNeverSplitsACharacter() {
        String line = "SUMMARY:" + "é😀".repeat(60);
        String folded = ScheduleCalendar.fold(line);
        for (String part : folded.split("\r\n")) {
            assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(folded.replace("\r\n ", "")).isEqualTo(line);
        assertThat(folded).contains("\r\n ");
    }

    private static List<String> uids(String text) {
        return parse(text).getEvents().stream().map(e -> e.getUid().getValue()).toList();
    }

    @Test
    void anEventWithoutATimeZoneGetsFloatingLocalTimes() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode document = (com.fasterxml.jackson.databind.node.ObjectNode)
                org.breakout.io.Json.MAPPER.readTree(ExportFixtures.hostileFile().toFile());
        document.remove("timezone");
        LoadedEvent loaded = org.breakout.io.EventReader.parse(java.nio.file.Path.of("floating.json"),
                org.breakout.io.Json.MAPPER.writeValueAsString(document));
        String text = ScheduleCalendar.event(ExportFixtures.view(loaded), STAMP);
        assertFoldedAndCrlf(text);
        // 10:00 on the day, whatever the reader's zone: no "Z", no TZID.
        assertThat(text).contains("DTSTART:20250604T100000\r\n").doesNotContain("TZID");
        assertThat(text).contains("DTSTAMP:20250520T080000Z");
    }
}

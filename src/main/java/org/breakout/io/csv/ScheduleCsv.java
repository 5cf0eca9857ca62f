package org.breakout.io.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.breakout.io.export.ScheduleView;
import org.breakout.io.export.ScheduleView.AttendeeRow;
import org.breakout.io.export.ScheduleView.Person;
import org.breakout.io.export.ScheduleView.RoundEntry;
import org.breakout.io.export.ScheduleView.RoundView;
import org.breakout.io.export.ScheduleView.RunView;

/**
 * CSV for spreadsheets and mail merge: one row per attendee (name, e-mail, and per round the session, room
 * and time) and one row per seat of every session run (attendance lists). UTF-8 with a byte-order mark, so
 * Excel reads accents and emoji; the separator is a choice (Excel takes {@code ;} in most European locales,
 * {@code ,} in English ones); every field is quoted when it needs to be.
 */
public final class ScheduleCsv {

    /** U+FEFF: tells Excel the file is UTF-8. */
    public static final String BOM = "\uFEFF";
    private static final CsvMapper MAPPER = new CsvMapper();

    private ScheduleCsv() {
    }

    /** Header: id, name, email, roles, then for every round "ROUND session", "ROUND room", "ROUND time". */
    public static String attendees(ScheduleView view, char separator) {
        List<String> header = new ArrayList<>(List.of("id", "name", "email", "roles"));
        for (RoundView round : view.rounds()) {
            header.add(round.name() + " session");
            header.add(round.name() + " room");
            header.add(round.name() + " time");
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (AttendeeRow attendee : view.attendees()) {
            List<String> row = new ArrayList<>(List.of(attendee.id(), attendee.name(), attendee.email(),
                    attendee.rolesText()));
            for (RoundEntry entry : attendee.perRound()) {
                RunView run = entry.shown();
                row.add(run == null ? (entry.wanted() ? "no seat" : "") : run.title());
                row.add(run == null ? "" : run.room().location());
                row.add(run == null ? "" : time(entry.round()));
            }
            rows.add(row);
        }
        return write(rows, separator);
    }

    /** One row per seat: the attendance list of every session run (speakers not included; plenaries have none). */
    public static String attendance(ScheduleView view, char separator) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("run", "session", "title", "round", "time", "room", "attendee", "name", "email", "roles"));
        Map<String, String> emails = new HashMap<>();
        view.attendees().forEach(a -> emails.put(a.id(), a.email()));
        for (RunView run : view.runs()) {
            for (Person person : run.seated()) {
                rows.add(List.of(run.id(), run.sessionId(), run.title(), run.round().name(), time(run.round()),
                        run.room().location(), person.id(), person.name(), emails.getOrDefault(person.id(), ""),
                        person.role()));
            }
        }
        return write(rows, separator);
    }

    private static String time(RoundView round) {
        String day = round.start() == null ? "" : round.start().toLocalDate().toString() + " ";
        return (day + round.timeRange()).strip();
    }

    private static String write(List<List<String>> rows, char separator) {
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator).withLineSeparator("\r\n");
        try {
            return BOM + MAPPER.writer(schema).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write CSV", e);
        }
    }
}

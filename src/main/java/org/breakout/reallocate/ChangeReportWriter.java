package org.breakout.reallocate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.breakout.io.Json;

/** The change report as JSON (machine-readable), as text (for the organiser) and as a mail-merge CSV. */
public final class ChangeReportWriter {

    /** One row of the mail-merge list: an attendee whose schedule changed, and their schedule now. */
    @JsonPropertyOrder({ "id", "name", "status", "changes", "schedule" })
    public record MailRow(String id, String name, String status, String changes, String schedule) {
    }

    private static final CsvMapper CSV = new CsvMapper();

    private ChangeReportWriter() {
    }

    /** The report with the run's metadata (inputs, policy, solver seed) first. */
    public static ObjectNode toJson(ChangeReport report, Map<String, Object> run) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.set("run", Json.MAPPER.valueToTree(run));
        ObjectNode body = Json.MAPPER.valueToTree(report);
        node.setAll(body);
        return node;
    }

    public static String toText(ChangeReport report) {
        ChangeReport.Counts c = report.counts();
        StringBuilder text = new StringBuilder();
        text.append(String.format("Policy      %s%s%n", report.policy(), report.upgrade() ? " (with --upgrade)" : ""));
        text.append(String.format("Attendees   %d published · %d newcomers · %d changed · %d cancelled → %d%n",
                c.publishedAttendees(), c.newcomers(), c.changed(), c.cancelled(), c.attendees()));
        text.append(String.format("Published   %d seats: %d kept · %d moved · %d removed · %d of cancelled attendees%s%n",
                c.publishedSeats(), c.seatsKept(), c.seatsMoved(), c.seatsRemoved(), c.seatsCancelled(),
                c.roomsChanged() > 0 ? " · " + c.roomsChanged() + " kept in another room" : ""));
        text.append(String.format("Newcomers   %d of %d seated in every round they want%s%n", c.newcomersSeated(),
                c.newcomers(), c.newcomersWithoutSeat() + c.newcomersPartlySeated() > 0
                        ? " (" + c.newcomersWithoutSeat() + " without any seat, " + c.newcomersPartlySeated()
                                + " partly seated)" : ""));
        text.append(String.format("Seats       %d of %d wanted seats filled · %d new%n", c.seatsFilled(), c.seatsWanted(),
                c.seatsAdded()));
        if (c.unexplainedMoves() > 0) {
            text.append(String.format("WARNING     %d published seat(s) moved without a reason (see the report)%n",
                    c.unexplainedMoves()));
        }
        if (!report.attendees().isEmpty()) {
            text.append(String.format("%nChanges per attendee%n"));
            for (ChangeReport.AttendeeChange change : report.attendees()) {
                String status = change.status().equals("unchanged") ? "registration unchanged"
                        : change.status() + (change.changedFields().isEmpty() ? ""
                                : " (" + String.join(", ", change.changedFields()) + ")");
                text.append(String.format("  %s %s: %s%n", change.id(), change.name() == null ? "" : change.name(), status));
                for (ChangeReport.SeatChange seat : change.seats()) {
                    text.append(String.format("      %-8s %s: %s%n", seat.kind(), seat.round(), describe(seat)));
                }
            }
        }
        if (!report.placements().isEmpty()) {
            text.append(String.format("%nPlacements moved%n"));
            for (ChangeReport.PlacementMove move : report.placements()) {
                text.append(String.format("  %s: %s/%s → %s/%s%n", move.session(), move.fromRound(), move.fromRoom(),
                        move.toRound(), move.toRoom()));
            }
        }
        text.append(String.format("%nSession runs (seats, before → after)%n"));
        for (ChangeReport.RunFill fill : report.sessions()) {
            text.append(String.format("  %-22s %-8s %-18s %4d  %4d → %4d  %s%n", fill.session(), fill.round(), fill.room(),
                    fill.seats(), fill.before(), fill.after(),
                    (fill.delta() == 0 ? "   " : String.format("%+3d", fill.delta()))
                            + (fill.after() >= fill.seats() ? "  full" : "")));
        }
        if (!report.unseated().isEmpty()) {
            text.append(String.format("%nWanted seats left empty%n"));
            for (ChangeReport.Unseated seat : report.unseated()) {
                text.append(String.format("  %s (%s) in %s: %s%n", seat.attendee(), seat.status(), seat.round(),
                        seat.reason()));
            }
        }
        return text.toString();
    }

    /** The attendees to mail: everyone whose seats changed, every newcomer and every cancellation. */
    public static List<MailRow> mailRows(ChangeReport report, ObjectNode schedule) {
        Names names = new Names(schedule);
        List<MailRow> rows = new ArrayList<>();
        for (ChangeReport.AttendeeChange change : report.attendees()) {
            if (change.seats().isEmpty() && !change.status().equals("newcomer")) {
                continue; // a change of name or tags that moved no seat
            }
            String changes = change.seats().stream().map(seat -> seat.kind() + " " + seat.round() + ": " + describe(seat))
                    .collect(Collectors.joining("; "));
            rows.add(new MailRow(change.id(), change.name(), change.status(), changes,
                    change.status().equals("cancelled") ? "" : names.scheduleOf(change.id())));
        }
        return rows;
    }

    public static String toCsv(List<MailRow> rows) {
        CsvSchema schema = CSV.schemaFor(MailRow.class).withHeader();
        try {
            return CSV.writer(schema).writeValueAsString(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(ChangeReport.SeatChange seat) {
        String from = seat.from() == null ? "" : seat.from().session() + " (" + seat.from().room() + ")";
        String to = seat.to() == null ? "" : seat.to().session() + " (" + seat.to().room() + ")";
        String place = seat.from() == null ? to : seat.to() == null ? from : from + " → " + to;
        return place + (seat.reason() == null ? "" : " — " + seat.reason());
    }

    /** Titles of sessions and names of rooms, for the mail merge. */
    private static final class Names {
        private final Map<String, String> sessions = new LinkedHashMap<>();
        private final Map<String, String> rooms = new LinkedHashMap<>();
        private final Map<String, JsonNode> attendees = new LinkedHashMap<>();

        Names(ObjectNode schedule) {
            schedule.path("sessions").forEach(s -> sessions.put(s.path("id").asText(), s.path("title").asText(s.path("id").asText())));
            schedule.path("rooms").forEach(r -> rooms.put(r.path("id").asText(), r.path("name").asText(r.path("id").asText())));
            schedule.path("attendees").forEach(a -> attendees.put(a.path("id").asText(), a));
        }

        String scheduleOf(String attendee) {
            JsonNode node = attendees.get(attendee);
            if (node == null) {
                return "";
            }
            List<String> parts = new ArrayList<>();
            for (JsonNode seat : node.path("assignments")) {
                parts.add(seat.path("round").asText() + ": " + sessions.getOrDefault(seat.path("session").asText(), "?")
                        + " (" + rooms.getOrDefault(seat.path("room").asText(), "?") + ")");
            }
            return String.join("; ", parts);
        }
    }
}

package org.breakout.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.SessionRun;
import org.breakout.report.ScheduleSummary;

/**
 * Writes a schedule as the event document it came from with the decisions filled in: {@code placements} on
 * every session, {@code assignments} on every attendee, {@code score} and {@code summary} at the top. Every
 * other field of the input is kept as it was, so the output can be the next run's input.
 */
public final class ScheduleWriter {

    private ScheduleWriter() {
    }

    public static ObjectNode toDocument(ObjectNode input, Schedule schedule, ScheduleSummary summary) {
        ObjectNode document = input.deepCopy();
        Map<String, List<SessionRun>> runsBySession = schedule.getRuns().stream()
                .collect(Collectors.groupingBy(run -> run.getSession().id(), LinkedHashMap::new, Collectors.toList()));
        Map<String, List<Seat>> seatsByAttendee = schedule.getSeats().stream()
                .collect(Collectors.groupingBy(seat -> seat.getAttendee().id(), LinkedHashMap::new, Collectors.toList()));

        for (JsonNode node : document.withArray("sessions")) {
            List<SessionRun> runs = runsBySession.get(node.path("id").asText());
            if (runs == null || !node.isObject()) {
                continue;
            }
            ArrayNode placements = ((ObjectNode) node).putArray("placements");
            for (SessionRun run : runs) {
                if (!run.isPlaced()) {
                    continue;
                }
                ObjectNode placement = placements.addObject()
                        .put("round", run.getRound().id())
                        .put("room", run.getRoom().id());
                if (run.isPinned()) {
                    placement.put("pinned", true);
                }
            }
        }
        for (JsonNode node : document.withArray("attendees")) {
            List<Seat> seats = seatsByAttendee.get(node.path("id").asText());
            if (seats == null || !node.isObject()) {
                continue;
            }
            ArrayNode assignments = ((ObjectNode) node).putArray("assignments");
            seats.stream()
                    .filter(seat -> seat.getRun() != null && seat.getRun().isPlaced())
                    .sorted(Comparator.comparing((Seat seat) -> seat.getRun().getRound()))
                    .forEach(seat -> {
                        ObjectNode assignment = assignments.addObject()
                                .put("round", seat.getRun().getRound().id())
                                .put("session", seat.getRun().getSession().id())
                                .put("room", seat.getRun().getRoom().id());
                        if (seat.isPinned()) {
                            assignment.put("pinned", true);
                        }
                    });
        }
        if (summary != null) {
            document.put("score", summary.score());
            document.set("summary", summaryNode(summary));
        }
        return document;
    }

    static ObjectNode summaryNode(ScheduleSummary summary) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("seatsWanted", summary.seatsWanted());
        node.put("seatsFilled", summary.seatsFilled());
        ObjectNode byRank = node.putObject("byRank");
        summary.byRank().forEach((rank, count) -> byRank.put(String.valueOf(rank), count));
        byRank.put("unranked", summary.unranked());
        node.put("firstChoiceShare", Math.round(summary.firstChoiceShare() * 10000) / 10000.0);
        node.put("preferenceCost", summary.preferenceCost());
        node.put("feasible", summary.feasible());
        node.set("brokenRules", Json.MAPPER.valueToTree(summary.brokenRules()));
        node.set("unfilled", Json.MAPPER.valueToTree(summary.unfilled()));
        return node;
    }

    /** Writes the document atomically (see {@link JsonFiles}). */
    public static void write(ObjectNode document, Path target) throws IOException {
        JsonFiles.write(document, target);
    }
}

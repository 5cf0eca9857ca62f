package org.breakout.reallocate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.domain.Schedule;
import org.breakout.domain.SessionRun;
import org.breakout.report.ScheduleSummary;

/**
 * What a reallocation changed, computed from the published and the new schedule documents: every attendee added,
 * cancelled or whose seats changed (from → to, with the reason), the fill of every session run before and after,
 * and every wanted seat left empty. Nothing is lost: every published seat is either kept or listed here.
 */
public record ChangeReport(String policy, boolean upgrade, Counts counts, List<AttendeeChange> attendees,
        List<RunFill> sessions, List<PlacementMove> placements, List<Unseated> unseated) {

    /** Seat kinds of {@link SeatChange}. */
    public static final String ADDED = "added";
    public static final String REMOVED = "removed";
    public static final String MOVED = "moved";
    public static final String ROOM_CHANGED = "roomChanged";

    /**
     * @param seatsKept published seats (of attendees not cancelled) still in the same session and round
     * @param seatsMoved published seats now in another session of that round
     * @param seatsRemoved published seats of attendees not cancelled that are gone (no seat in that round now)
     * @param seatsCancelled published seats of cancelled attendees
     * @param seatsAdded seats in rounds where the attendee had no published seat
     * @param unexplainedMoves moved or removed published seats with no reason (no change of theirs, no one seated
     *        by it, no better choice for them)
     */
    public record Counts(int publishedAttendees, int attendees, int newcomers, int changed, int cancelled,
            int publishedSeats, int seatsKept, int seatsMoved, int seatsRemoved, int seatsCancelled, int seatsAdded,
            int roomsChanged, int newcomersSeated, int newcomersPartlySeated, int newcomersWithoutSeat,
            int unexplainedMoves, int seatsFilled, int seatsWanted) {
    }

    /** A seat of an attendee that changed; {@code seated} is whom the move let in (null if not a move for that). */
    public record SeatChange(String kind, String round, Place from, Place to, String reason, String seated) {
    }

    public record Place(String session, String room) {
    }

    public record AttendeeChange(String id, String name, String status, List<String> changedFields,
            List<SeatChange> seats) {
    }

    public record RunFill(String session, String round, String room, int seats, int before, int after, int delta) {
    }

    public record PlacementMove(String session, String fromRound, String fromRoom, String toRound, String toRoom) {
    }

    public record Unseated(String attendee, String status, String round, String reason) {
    }

    public static ChangeReport of(ObjectNode published, ObjectNode output, MergedEvent merged, Schedule solved,
            ScheduleSummary summary, Policy policy, boolean upgrade) {
        Map<String, JsonNode> publishedAttendees = byId(published.path("attendees"));
        Map<String, JsonNode> outputAttendees = byId(output.path("attendees"));
        Map<String, String> before = seats(published.path("attendees"), "session");
        Map<String, String> beforeRooms = seats(published.path("attendees"), "room");
        Map<String, String> after = seats(output.path("attendees"), "session");
        Map<String, String> afterRooms = seats(output.path("attendees"), "room");
        Map<String, AttendeeStatus> statuses = merged.statuses();

        Set<String> freeLeavers = new LinkedHashSet<>(merged.releasedSeats().keySet());
        Map<String, Integer> limits = new HashMap<>();
        for (SessionRun run : solved.getRuns()) {
            if (run.isPlaced()) {
                limits.put(MoveReasons.runKey(run.getSession().id(), run.getRound().id()), run.seatLimit());
            }
        }
        MoveReasons reasons = new MoveReasons(before, after, freeLeavers, limits);

        Map<String, Set<String>> roundsOf = new HashMap<>();
        for (Map<String, String> seats : List.of(before, after)) {
            for (String key : seats.keySet()) {
                roundsOf.computeIfAbsent(MoveReasons.attendeeOf(key), a -> new TreeSet<>()).add(MoveReasons.roundOf(key));
            }
        }
        int kept = 0, moved = 0, removed = 0, cancelledSeats = 0, added = 0, roomsChanged = 0, unexplained = 0;
        List<AttendeeChange> changes = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>(publishedAttendees.keySet());
        ids.addAll(outputAttendees.keySet());
        for (String id : ids) {
            AttendeeStatus status = statuses.getOrDefault(id, AttendeeStatus.UNCHANGED);
            JsonNode person = outputAttendees.getOrDefault(id, publishedAttendees.get(id));
            Set<String> rounds = new TreeSet<>(roundsOf.getOrDefault(id, Set.of()));
            List<SeatChange> seatChanges = new ArrayList<>();
            for (String round : roundOrder(output, rounds)) {
                String key = MergedEvent.seatKey(id, round);
                String from = before.get(key);
                String to = after.get(key);
                Place fromPlace = from == null ? null : new Place(from, beforeRooms.get(key));
                Place toPlace = to == null ? null : new Place(to, afterRooms.get(key));
                if (from == null) {
                    added++;
                    seatChanges.add(new SeatChange(ADDED, round, null, toPlace,
                            status == AttendeeStatus.NEWCOMER ? "newcomer" : "new seat", null));
                    continue;
                }
                if (status == AttendeeStatus.CANCELLED) {
                    cancelledSeats++;
                    seatChanges.add(new SeatChange(REMOVED, round, fromPlace, null, "cancelled", null));
                    continue;
                }
                if (from.equals(to)) {
                    kept++;
                    if (!fromPlace.room().equals(toPlace.room())) {
                        roomsChanged++;
                        seatChanges.add(new SeatChange(ROOM_CHANGED, round, fromPlace, toPlace,
                                "the session moved to another room", null));
                    }
                    continue;
                }
                String kind = to == null ? REMOVED : MOVED;
                if (to == null) {
                    removed++;
                } else {
                    moved++;
                }
                String released = merged.releasedSeats().get(key);
                String reason;
                String seated = null;
                if (released != null) {
                    reason = released;
                } else {
                    MoveReasons.Credit credit = reasons.creditOf(key);
                    if (credit != null) {
                        seated = credit.seated();
                        boolean forced = policy == Policy.MINIMAL && !upgrade;
                        reason = "made room in " + from + " for " + credit.tookPlace()
                                + (credit.seated().equals(credit.tookPlace()) ? ", who had no seat in " + round
                                        : ", so that " + credit.seated() + " got a seat in " + round)
                                + (forced ? "" : policy == Policy.FREE ? " (free policy: better choices overall)"
                                        : " (--upgrade: better choices overall)");
                    } else {
                        reason = unforced(person, from, to, policy, upgrade);
                        if (reason == null) {
                            unexplained++;
                            reason = "no reason found";
                        }
                    }
                }
                seatChanges.add(new SeatChange(kind, round, fromPlace, toPlace, reason, seated));
            }
            if (status != AttendeeStatus.UNCHANGED || !seatChanges.isEmpty()) {
                changes.add(new AttendeeChange(id, person == null ? null : person.path("name").asText(null),
                        status.name().toLowerCase(Locale.ROOT), merged.changedFields().getOrDefault(id, List.of()),
                        List.copyOf(seatChanges)));
            }
        }

        List<Unseated> unseated = new ArrayList<>();
        Set<String> newcomersMissing = new LinkedHashSet<>();
        for (ScheduleSummary.UnfilledSeat seat : summary.unfilled()) {
            AttendeeStatus status = statuses.getOrDefault(seat.attendee(), AttendeeStatus.UNCHANGED);
            unseated.add(new Unseated(seat.attendee(), status.name().toLowerCase(Locale.ROOT), seat.round(), seat.reason()));
            if (status == AttendeeStatus.NEWCOMER) {
                newcomersMissing.add(seat.attendee());
            }
        }
        int newcomers = 0, newcomersWithoutSeat = 0;
        for (Map.Entry<String, AttendeeStatus> entry : statuses.entrySet()) {
            if (entry.getValue() != AttendeeStatus.NEWCOMER) {
                continue;
            }
            newcomers++;
            if (!roundsOf.containsKey(entry.getKey())) {
                newcomersWithoutSeat++;
            }
        }
        int newcomersPartly = newcomersMissing.size() - newcomersWithoutSeat;
        int cancelled = (int) statuses.values().stream().filter(s -> s == AttendeeStatus.CANCELLED).count();
        int changedCount = (int) statuses.values().stream().filter(s -> s == AttendeeStatus.CHANGED).count();
        Counts counts = new Counts(publishedAttendees.size(), outputAttendees.size(), newcomers, changedCount,
                cancelled, before.size(), kept, moved, removed, cancelledSeats, added, roomsChanged,
                newcomers - newcomersMissing.size(), newcomersPartly, newcomersWithoutSeat, unexplained,
                summary.seatsFilled(), summary.seatsWanted());
        return new ChangeReport(policy.id(), upgrade, counts, List.copyOf(changes), fills(published, output, limits, before, after),
                placementMoves(published, output), List.copyOf(unseated));
    }

    /** Whether a newcomer (or anyone) asked for a seat that could not be given. */
    public boolean newcomersUnseated() {
        return counts.newcomersWithoutSeat() + counts.newcomersPartlySeated() > 0;
    }

    /** A move that seated nobody but that the policy allows: a better choice for the attendee. */
    private static String unforced(JsonNode person, String from, String to, Policy policy, boolean upgrade) {
        if (policy == Policy.MINIMAL && !upgrade) {
            return null;
        }
        String why = policy == Policy.FREE ? " (free policy)" : " (--upgrade)";
        if (to != null) {
            int rankFrom = rank(person, from);
            int rankTo = rank(person, to);
            if (rankTo < rankFrom) {
                return "moved up from rank " + rankFrom + " to rank " + rankTo + why;
            }
        }
        return "made way for better choices of others" + why;
    }

    /** The attendee's rank of a session (1 = first choice); unranked = one worse than their worst. */
    static int rank(JsonNode person, String session) {
        int worst = 0;
        JsonNode preferences = person == null ? null : person.path("preferences");
        if (preferences != null) {
            for (int i = 0; i < preferences.size(); i++) {
                JsonNode preference = preferences.get(i);
                String id = preference.isTextual() ? preference.asText() : preference.path("session").asText();
                int rank = preference.isTextual() ? i + 1 : preference.path("rank").asInt();
                if (id.equals(session)) {
                    return rank;
                }
                worst = Math.max(worst, rank);
            }
        }
        return worst + 1;
    }

    private static List<RunFill> fills(ObjectNode published, ObjectNode output, Map<String, Integer> limits,
            Map<String, String> before, Map<String, String> after) {
        Map<String, Integer> beforeCount = new HashMap<>();
        before.forEach((seat, session) -> beforeCount.merge(MoveReasons.runKey(session, MoveReasons.roundOf(seat)), 1,
                Integer::sum));
        Map<String, Integer> afterCount = new HashMap<>();
        after.forEach((seat, session) -> afterCount.merge(MoveReasons.runKey(session, MoveReasons.roundOf(seat)), 1,
                Integer::sum));
        Map<String, String> rooms = new LinkedHashMap<>();
        for (ObjectNode document : List.of(output, published)) {
            for (JsonNode session : document.path("sessions")) {
                if (session.path("plenary").asBoolean(false)) {
                    continue;
                }
                for (JsonNode placement : session.path("placements")) {
                    rooms.putIfAbsent(MoveReasons.runKey(session.path("id").asText(), placement.path("round").asText()),
                            placement.path("room").asText());
                }
            }
        }
        List<RunFill> fills = new ArrayList<>();
        rooms.forEach((run, room) -> {
            int b = beforeCount.getOrDefault(run, 0);
            int a = afterCount.getOrDefault(run, 0);
            fills.add(new RunFill(run.substring(0, run.lastIndexOf('|')), MoveReasons.roundOf(run), room,
                    limits.getOrDefault(run, 0), b, a, a - b));
        });
        return List.copyOf(fills);
    }

    private static List<PlacementMove> placementMoves(ObjectNode published, ObjectNode output) {
        Map<String, JsonNode> before = byId(published.path("sessions"));
        List<PlacementMove> moves = new ArrayList<>();
        for (JsonNode session : output.path("sessions")) {
            JsonNode old = before.get(session.path("id").asText());
            JsonNode oldPlacements = old == null ? null : old.path("placements");
            JsonNode newPlacements = session.path("placements");
            for (int i = 0; oldPlacements != null && i < Math.min(oldPlacements.size(), newPlacements.size()); i++) {
                JsonNode a = oldPlacements.get(i);
                JsonNode b = newPlacements.get(i);
                if (!a.path("round").equals(b.path("round")) || !a.path("room").equals(b.path("room"))) {
                    moves.add(new PlacementMove(session.path("id").asText(), a.path("round").asText(),
                            a.path("room").asText(), b.path("round").asText(), b.path("room").asText()));
                }
            }
        }
        return List.copyOf(moves);
    }

    /** Seat key (attendee|round) → the assignment's field (session or room). */
    private static Map<String, String> seats(JsonNode attendees, String field) {
        Map<String, String> seats = new LinkedHashMap<>();
        for (JsonNode attendee : attendees) {
            for (JsonNode seat : attendee.path("assignments")) {
                seats.put(MergedEvent.seatKey(attendee.path("id").asText(), seat.path("round").asText()),
                        seat.path(field).asText());
            }
        }
        return seats;
    }

    private static List<String> roundOrder(ObjectNode document, Set<String> rounds) {
        List<String> ordered = new ArrayList<>();
        for (JsonNode round : document.path("rounds")) {
            if (rounds.contains(round.path("id").asText())) {
                ordered.add(round.path("id").asText());
            }
        }
        for (String round : rounds) {
            if (!ordered.contains(round)) {
                ordered.add(round);
            }
        }
        return ordered;
    }

    private static Map<String, JsonNode> byId(JsonNode nodes) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (JsonNode node : nodes) {
            byId.put(node.path("id").asText(), node);
        }
        return byId;
    }
}

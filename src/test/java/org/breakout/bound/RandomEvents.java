package org.breakout.bound;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.domain.Schedule;
import org.breakout.io.EventReader;
import org.breakout.io.Json;

/**
 * Small seeded random events, written as event JSON and read with the real {@link EventReader}, for comparing the
 * bound with a brute-force optimum.
 */
public final class RandomEvents {

    public enum Kind {
        /** Every session given once, every run placed (pinned or not). */
        FIXED_NO_REPEATS,
        /** Every run placed, some sessions given in two or three rounds. */
        FIXED_REPEATS,
        /** Some runs placed (pinned or not), others not placed. */
        OPEN
    }

    private RandomEvents() {
    }

    public static Schedule schedule(long seed, Kind kind) {
        try {
            return EventReader.parse(Path.of("random-" + kind + "-" + seed + ".json"), json(seed, kind)).schedule();
        } catch (Exception e) {
            throw new IllegalStateException("generator made an invalid event (seed " + seed + ", " + kind + "):\n"
                    + json(seed, kind), e);
        }
    }

    public static String json(long seed, Kind kind) {
        Random random = new Random(seed * 31 + kind.ordinal());
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("name", "random " + kind + " " + seed);
        ObjectNode settings = root.putObject("settings");
        settings.put("allowUnranked", random.nextInt(3) > 0);
        if (random.nextBoolean()) {
            ArrayNode costs = settings.putArray("rankCosts");
            int value = 0;
            for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                costs.add(value);
                value += 1 + random.nextInt(4);
            }
        }
        int roundCount = 2 + random.nextInt(2);
        ArrayNode rounds = root.putArray("rounds");
        for (int r = 0; r < roundCount; r++) {
            ObjectNode round = rounds.addObject();
            round.put("id", "R" + (r + 1));
            round.put("start", String.format("2025-06-04T%02d:00", 9 + 2 * r));
            round.put("end", String.format("2025-06-04T%02d:00", 10 + 2 * r));
        }
        boolean open = kind == Kind.OPEN;
        int roomCount = 2 + random.nextInt(2);
        ArrayNode rooms = root.putArray("rooms");
        for (int m = 0; m < roomCount; m++) {
            ObjectNode room = rooms.addObject();
            room.put("id", "room" + m);
            room.put("capacity", 1 + random.nextInt(3));
            if (open && (m == 0 || random.nextInt(3) == 0)) {
                room.putArray("tags").add("av");
            }
            if (open && random.nextInt(4) == 0) {
                room.putArray("unavailableRounds").add("R" + (1 + random.nextInt(roundCount)));
            }
        }
        ArrayNode speakers = root.putArray("speakers");
        speakers.addObject().put("id", "ann");
        ObjectNode bob = speakers.addObject().put("id", "bob");
        if (open && random.nextBoolean()) {
            bob.putArray("unavailableRounds").add("R" + (1 + random.nextInt(roundCount)));
        }

        // Slots (round, room) free for placements.
        List<int[]> slots = new ArrayList<>();
        for (int r = 0; r < roundCount; r++) {
            for (int m = 0; m < roomCount; m++) {
                slots.add(new int[] { r, m });
            }
        }
        Collections.shuffle(slots, random);
        int sessionCount = 2 + random.nextInt(open ? 3 : 4);
        ArrayNode sessions = root.putArray("sessions");
        List<String> sessionIds = new ArrayList<>();
        for (int s = 0; s < sessionCount; s++) {
            ObjectNode session = sessions.addObject();
            String id = "S" + (s + 1);
            sessionIds.add(id);
            session.put("id", id);
            if (random.nextInt(3) == 0) {
                session.put("capacity", 1 + random.nextInt(2));
            }
            if (random.nextInt(5) == 0) {
                session.putArray("audience").add("mayor");
            }
            if (open && random.nextInt(3) == 0) {
                session.putArray("speakers").add(random.nextBoolean() ? "ann" : "bob");
            }
            if (open && random.nextInt(4) == 0) {
                session.putArray("requiredRoomTags").add("av");
            }
            int runs = switch (kind) {
                case FIXED_NO_REPEATS -> 1;
                case FIXED_REPEATS -> s == 0 ? 2 : 1 + random.nextInt(Math.min(3, roundCount));
                case OPEN -> 1 + random.nextInt(2);
            };
            if (open && random.nextInt(3) == 0) {
                // A restricted set of allowed rounds, still room for every run.
                List<Integer> order = new ArrayList<>();
                for (int r = 0; r < roundCount; r++) {
                    order.add(r);
                }
                Collections.shuffle(order, random);
                ArrayNode allowed = session.putArray("allowedRounds");
                for (int r : order.subList(0, Math.max(runs, roundCount - 1)).stream().sorted().toList()) {
                    allowed.add("R" + (r + 1));
                }
            }
            session.put("runs", runs);
            // Placements: every run (fixed kinds) or some (open), each in its own round and a free slot.
            ArrayNode placements = null;
            List<Integer> usedRounds = new ArrayList<>();
            for (int k = 0; k < runs; k++) {
                boolean place = !open || random.nextInt(3) == 0;
                if (!place) {
                    break; // placements are for the first runs
                }
                int[] slot = null;
                for (int[] candidate : slots) {
                    if (!usedRounds.contains(candidate[0]) && allowed(session, candidate[0])) {
                        slot = candidate;
                        break;
                    }
                }
                if (slot == null) {
                    if (open) {
                        break;
                    }
                    return json(seed + 1_000_003, kind); // no slot left: try another instance
                }
                slots.remove(slot);
                usedRounds.add(slot[0]);
                if (placements == null) {
                    placements = session.putArray("placements");
                }
                ObjectNode placement = placements.addObject();
                placement.put("round", "R" + (slot[0] + 1));
                placement.put("room", "room" + slot[1]);
                if (random.nextInt(4) > 0) {
                    placement.put("pinned", true);
                }
            }
        }

        int attendeeCount = 3 + random.nextInt(open ? 2 : 4);
        ArrayNode attendees = root.putArray("attendees");
        for (int a = 0; a < attendeeCount; a++) {
            ObjectNode attendee = attendees.addObject();
            attendee.put("id", "P" + (a + 1));
            if (random.nextInt(3) == 0) {
                attendee.putArray("tags").add("mayor");
            }
            if (random.nextInt(3) == 0) {
                ArrayNode wanted = attendee.putArray("rounds");
                for (int r = 0; r < roundCount; r++) {
                    if (random.nextBoolean()) {
                        wanted.add("R" + (r + 1));
                    }
                }
                if (wanted.isEmpty()) {
                    wanted.add("R1");
                }
            }
            List<String> ranked = new ArrayList<>(sessionIds);
            Collections.shuffle(ranked, random);
            ranked = ranked.subList(0, random.nextInt(ranked.size() + 1));
            ArrayNode preferences = attendee.putArray("preferences");
            if (random.nextBoolean()) {
                ranked.forEach(preferences::add);
            } else {
                int rank = 1;
                for (String session : ranked) {
                    preferences.addObject().put("session", session).put("rank", rank);
                    if (random.nextInt(3) > 0) {
                        rank++;
                    }
                }
            }
        }
        addPinnedSeat(root, random);
        return root.toPrettyString();
    }

    private static boolean allowed(ObjectNode session, int round) {
        if (!session.has("allowedRounds")) {
            return true;
        }
        for (var r : session.get("allowedRounds")) {
            if (r.asText().equals("R" + (round + 1))) {
                return true;
            }
        }
        return false;
    }

    /** Sometimes pins one attendee's seat in a placed run of a round they want (or all rounds). */
    /** Whether the attendee may take the session (its audience, and ranked unless unranked seats are allowed). */
    private static boolean mayAttend(ObjectNode root, ObjectNode attendee, String sessionId) {
        for (var session : root.get("sessions")) {
            if (!session.get("id").asText().equals(sessionId)) {
                continue;
            }
            if (session.has("audience") && !session.get("audience").isEmpty()) {
                boolean admitted = false;
                for (var tag : attendee.path("tags")) {
                    for (var audience : session.get("audience")) {
                        admitted |= audience.asText().equals(tag.asText());
                    }
                }
                if (!admitted) {
                    return false;
                }
            }
        }
        if (root.path("settings").path("allowUnranked").asBoolean(true)) {
            return true;
        }
        for (var preference : attendee.path("preferences")) {
            String ranked = preference.isTextual() ? preference.asText() : preference.path("session").asText();
            if (ranked.equals(sessionId)) {
                return true;
            }
        }
        return false;
    }

    private static void addPinnedSeat(ObjectNode root, Random random) {
        if (random.nextInt(3) > 0) {
            return;
        }
        ArrayNode attendees = (ArrayNode) root.get("attendees");
        ObjectNode attendee = (ObjectNode) attendees.get(random.nextInt(attendees.size()));
        List<String[]> placed = new ArrayList<>();
        for (var session : root.get("sessions")) {
            if (session.has("placements")) {
                for (var placement : session.get("placements")) {
                    placed.add(new String[] { session.get("id").asText(), placement.get("round").asText(),
                            placement.get("room").asText() });
                }
            }
        }
        Collections.shuffle(placed, random);
        for (String[] p : placed) {
            boolean wanted = !attendee.has("rounds");
            if (attendee.has("rounds")) {
                for (var r : attendee.get("rounds")) {
                    wanted |= r.asText().equals(p[1]);
                }
            }
            if (wanted && mayAttend(root, attendee, p[0])) {
                if (!attendee.has("rounds")) {
                    // Explicit rounds: the default (rounds with a session they may attend) could be empty.
                    ArrayNode all = attendee.putArray("rounds");
                    root.get("rounds").forEach(r -> all.add(r.get("id").asText()));
                }
                attendee.putArray("assignments").addObject().put("round", p[1]).put("session", p[0])
                        .put("room", p[2]).put("pinned", true);
                return;
            }
        }
    }
}

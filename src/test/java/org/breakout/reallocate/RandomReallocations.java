package org.breakout.reallocate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.io.Json;

/**
 * Small seeded random events with a fixed timetable (every session pinned, in its own small room) and random changes
 * to them: cancellations, newcomers and changed choices. Rooms are tight so that changes force decisions.
 */
final class RandomReallocations {

    private RandomReallocations() {
    }

    static String event(long seed) {
        Random random = new Random(seed);
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("name", "random " + seed);
        root.putObject("settings").put("allowUnranked", random.nextBoolean());
        ArrayNode rounds = root.putArray("rounds");
        ArrayNode rooms = root.putArray("rooms");
        ArrayNode sessions = root.putArray("sessions");
        int roundCount = 1 + random.nextInt(3);
        for (int r = 1; r <= roundCount; r++) {
            rounds.addObject().put("id", "R" + r);
            int sessionCount = 2 + random.nextInt(2);
            for (int s = 1; s <= sessionCount; s++) {
                String id = "S" + r + s;
                rooms.addObject().put("id", "room" + id).put("capacity", 1 + random.nextInt(4));
                ObjectNode session = sessions.addObject().put("id", id);
                if (random.nextInt(5) == 0) {
                    session.putArray("audience").add("x");
                }
                session.putArray("placements").addObject().put("round", "R" + r).put("room", "room" + id)
                        .put("pinned", true);
            }
        }
        ArrayNode attendees = root.putArray("attendees");
        int count = 4 + random.nextInt(10);
        for (int i = 1; i <= count; i++) {
            attendees.add(attendee(random, root, "A" + i));
        }
        return root.toString();
    }

    /** An attendee with random rounds, tags and choices (ranks restart at 1 in each round). */
    static ObjectNode attendee(Random random, JsonNode event, String id) {
        ObjectNode attendee = Json.MAPPER.createObjectNode().put("id", id);
        if (random.nextInt(3) == 0) {
            attendee.putArray("tags").add("x");
        }
        List<String> rounds = new ArrayList<>();
        event.path("rounds").forEach(r -> {
            if (random.nextInt(4) > 0) {
                rounds.add(r.path("id").asText());
            }
        });
        if (rounds.isEmpty()) {
            rounds.add(event.path("rounds").get(0).path("id").asText());
        }
        ArrayNode roundsNode = attendee.putArray("rounds");
        rounds.forEach(roundsNode::add);
        ArrayNode preferences = attendee.putArray("preferences");
        for (String round : rounds) {
            List<String> inRound = new ArrayList<>();
            event.path("sessions").forEach(s -> {
                if (s.path("placements").get(0).path("round").asText().equals(round)) {
                    inRound.add(s.path("id").asText());
                }
            });
            Collections.shuffle(inRound, random);
            int ranked = 1 + random.nextInt(inRound.size());
            for (int k = 0; k < ranked; k++) {
                preferences.addObject().put("session", inRound.get(k)).put("rank", k + 1);
            }
        }
        return attendee;
    }

    /** Random changes to a published schedule: a few cancellations, newcomers and changed choices. */
    static ObjectNode changes(long seed, JsonNode published) {
        Random random = new Random(seed * 7919 + 1);
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode changes = root.putArray("attendees");
        List<JsonNode> people = new ArrayList<>();
        published.path("attendees").forEach(people::add);
        Collections.shuffle(people, random);
        int cancel = random.nextInt(Math.min(3, people.size()) + 1);
        int change = random.nextInt(3);
        int index = 0;
        for (; index < cancel; index++) {
            changes.addObject().put("id", people.get(index).path("id").asText()).put("cancelled", true);
        }
        for (int k = 0; k < change && index < people.size(); k++, index++) {
            // Same id, new random choices (and rounds).
            changes.add(attendee(random, published, people.get(index).path("id").asText()));
        }
        int newcomers = 1 + random.nextInt(6);
        for (int k = 1; k <= newcomers; k++) {
            changes.add(attendee(random, published, "N" + k));
        }
        return root;
    }
}

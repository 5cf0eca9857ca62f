package org.breakout.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a written schedule from its JSON alone — no breakout domain classes, no solver score — so that
 * end-to-end tests do not trust the code they test. Reports every broken hard rule and counts seats and the
 * preference cost by the rules of the design brief.
 */
public final class IndependentChecker {

    public record Result(List<String> violations, int seatsWanted, int seatsFilled, long preferenceCost,
            Map<Integer, Integer> byRank, int unranked) {
        public boolean feasible() {
            return violations.isEmpty();
        }
    }

    private IndependentChecker() {
    }

    public static Result check(JsonNode doc) {
        List<String> v = new ArrayList<>();
        List<String> roundIds = new ArrayList<>();
        doc.get("rounds").forEach(r -> roundIds.add(r.get("id").asText()));
        Map<String, JsonNode> rooms = byId(doc.get("rooms"));
        Map<String, JsonNode> speakers = byId(doc.path("speakers"));
        Map<String, JsonNode> sessions = byId(doc.get("sessions"));
        boolean allowUnranked = doc.path("settings").path("allowUnranked").asBoolean(true);
        JsonNode rankCosts = doc.path("settings").path("rankCosts");

        // Placements: (round, room) -> session; (session, round) -> room; speaker rounds.
        Map<String, String> roomUse = new HashMap<>();
        Map<String, String> placementRoom = new HashMap<>();
        Map<String, String> speakerUse = new HashMap<>();
        Map<String, Set<String>> themesByRound = new HashMap<>();
        for (JsonNode session : sessions.values()) {
            String id = session.get("id").asText();
            int runs = session.path("runs").asInt(Math.max(1, session.path("placements").size()));
            JsonNode placements = session.path("placements");
            if (placements.size() != runs) {
                v.add("session " + id + " has " + placements.size() + " placements for " + runs + " runs");
            }
            Set<String> allowed = strings(session.path("allowedRounds"));
            for (JsonNode p : placements) {
                String round = p.get("round").asText();
                String roomId = p.get("room").asText();
                JsonNode room = rooms.get(roomId);
                if (!allowed.isEmpty() && !allowed.contains(round)) {
                    v.add(id + " in round " + round + " not allowed");
                }
                if (room == null) {
                    v.add(id + " in unknown room " + roomId);
                    continue;
                }
                if (strings(room.path("unavailableRounds")).contains(round)) {
                    v.add(id + " in room " + roomId + " unavailable in " + round);
                }
                if (!strings(room.path("tags")).containsAll(strings(session.path("requiredRoomTags")))) {
                    v.add(id + " in room " + roomId + " without required tags");
                }
                String clash = roomUse.put(round + "|" + roomId, id);
                if (clash != null) {
                    v.add("room " + roomId + " double-booked in " + round + ": " + clash + ", " + id);
                }
                if (placementRoom.put(id + "|" + round, roomId) != null) {
                    v.add(id + " has two runs in round " + round);
                }
                for (String speaker : strings(session.path("speakers"))) {
                    String other = speakerUse.put(speaker + "|" + round, id);
                    if (other != null) {
                        v.add("speaker " + speaker + " in " + other + " and " + id + " in " + round);
                    }
                    if (strings(speakers.get(speaker).path("unavailableRounds")).contains(round)) {
                        v.add("speaker " + speaker + " unavailable in " + round + " for " + id);
                    }
                }
                themesByRound.computeIfAbsent(round, k -> new HashSet<>());
            }
        }

        // Seats.
        int attendeeCount = doc.get("attendees").size();
        Map<String, Integer> seated = new HashMap<>();
        int wanted = 0;
        int filled = 0;
        long cost = 0;
        int unranked = 0;
        Map<Integer, Integer> byRank = new LinkedHashMap<>();
        for (JsonNode attendee : doc.get("attendees")) {
            String id = attendee.get("id").asText();
            Set<String> tags = strings(attendee.path("tags"));
            Map<String, Integer> ranks = new HashMap<>();
            JsonNode prefs = attendee.path("preferences");
            for (int i = 0; i < prefs.size(); i++) {
                JsonNode p = prefs.get(i);
                if (p.isTextual()) {
                    ranks.put(p.asText(), i + 1);
                } else {
                    ranks.put(p.get("session").asText(), p.get("rank").asInt());
                }
            }
            int worst = ranks.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            Set<String> wantedRounds = attendee.has("rounds") ? strings(attendee.get("rounds"))
                    : defaultRounds(roundIds, sessions, tags, ranks, allowUnranked);
            wanted += wantedRounds.size();
            Set<String> rounds = new HashSet<>();
            Set<String> attended = new HashSet<>();
            for (JsonNode a : attendee.path("assignments")) {
                String round = a.get("round").asText();
                String sessionId = a.get("session").asText();
                JsonNode session = sessions.get(sessionId);
                filled++;
                if (!rounds.add(round)) {
                    v.add(id + " has two seats in " + round);
                }
                if (!attended.add(sessionId)) {
                    v.add(id + " attends " + sessionId + " twice");
                }
                if (!wantedRounds.contains(round)) {
                    v.add(id + " seated in unwanted round " + round);
                }
                String room = placementRoom.get(sessionId + "|" + round);
                if (room == null) {
                    v.add(id + " seated in " + sessionId + " in " + round + " where it is not placed");
                } else if (!room.equals(a.get("room").asText())) {
                    v.add(id + " seated in " + sessionId + " in room " + a.get("room").asText() + " but it is in " + room);
                }
                Set<String> audience = strings(session.path("audience"));
                if (!audience.isEmpty() && audience.stream().noneMatch(tags::contains)) {
                    v.add(id + " not in the audience of " + sessionId);
                }
                if (session.path("plenary").asBoolean(false)) {
                    v.add(id + " has a seat in plenary " + sessionId);
                }
                Integer rank = ranks.get(sessionId);
                if (rank == null) {
                    if (!allowUnranked) {
                        v.add(id + " seated in unranked " + sessionId);
                    }
                    unranked++;
                    rank = worst + 1;
                } else {
                    byRank.merge(rank, 1, Integer::sum);
                }
                cost += rankCost(rank, rankCosts);
                seated.merge(sessionId + "|" + round, 1, Integer::sum);
            }
        }
        for (Map.Entry<String, Integer> entry : seated.entrySet()) {
            String[] key = entry.getKey().split("\\|");
            JsonNode session = sessions.get(key[0]);
            String room = placementRoom.get(entry.getKey());
            if (room == null) {
                continue;
            }
            int limit = rooms.get(room).get("capacity").asInt();
            if (session.has("capacity")) {
                limit = Math.min(limit, session.get("capacity").asInt());
            }
            if (entry.getValue() > limit) {
                v.add(key[0] + " in " + key[1] + " has " + entry.getValue() + " seated for " + limit + " seats");
            }
        }
        for (JsonNode session : sessions.values()) {
            if (session.path("plenary").asBoolean(false)) {
                for (JsonNode p : session.path("placements")) {
                    if (rooms.get(p.get("room").asText()).get("capacity").asInt() < attendeeCount) {
                        v.add("plenary " + session.get("id").asText() + " room too small");
                    }
                }
            }
        }
        return new Result(v, wanted, filled, cost, byRank, unranked);
    }

    private static Set<String> defaultRounds(List<String> roundIds, Map<String, JsonNode> sessions, Set<String> tags,
            Map<String, Integer> ranks, boolean allowUnranked) {
        Set<String> rounds = new LinkedHashSet<>();
        for (String round : roundIds) {
            for (JsonNode s : sessions.values()) {
                Set<String> allowed = strings(s.path("allowedRounds"));
                Set<String> audience = strings(s.path("audience"));
                boolean may = !s.path("plenary").asBoolean(false)
                        && (audience.isEmpty() || audience.stream().anyMatch(tags::contains))
                        && (allowUnranked || ranks.containsKey(s.get("id").asText()));
                if (may && (allowed.isEmpty() || allowed.contains(round))) {
                    rounds.add(round);
                }
            }
        }
        return rounds;
    }

    static long rankCost(int rank, JsonNode rankCosts) {
        if (rankCosts == null || !rankCosts.isArray() || rankCosts.isEmpty()) {
            return (long) (rank - 1) * (rank - 1);
        }
        return rankCosts.get(Math.min(rank, rankCosts.size()) - 1).asLong();
    }

    private static Map<String, JsonNode> byId(JsonNode array) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        if (array != null) {
            array.forEach(n -> map.put(n.get("id").asText(), n));
        }
        return map;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> set = new LinkedHashSet<>();
        if (array != null) {
            array.forEach(n -> set.add(n.asText()));
        }
        return set;
    }
}

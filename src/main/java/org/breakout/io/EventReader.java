package org.breakout.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.domain.Attendee;
import org.breakout.domain.EventSettings;
import org.breakout.domain.Room;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;
import org.breakout.domain.Speaker;
import org.breakout.io.JsonFields.ArrayEntry;
import org.breakout.solver.ConstraintWeights;

/**
 * Reads an event file (or a schedule written by breakout: the same document with decisions filled in) and
 * validates it completely before anything is solved. Every problem is collected with its JSON path and
 * reported at once; nothing is dropped silently (unknown fields become warnings and are kept in the output).
 */
public final class EventReader {

    private static final Set<String> TOP_FIELDS = Set.of("name", "timezone", "settings", "rounds", "rooms",
            "speakers", "sessions", "attendees", "score", "summary", "description");
    private static final Set<String> SETTINGS_FIELDS = Set.of("allowUnranked", "rankCosts", "weights");
    private static final Set<String> ROUND_FIELDS = Set.of("id", "name", "start", "end");
    private static final Set<String> ROOM_FIELDS = Set.of("id", "name", "capacity", "venue", "tags",
            "unavailableRounds");
    private static final Set<String> SPEAKER_FIELDS = Set.of("id", "name", "unavailableRounds");
    private static final Set<String> SESSION_FIELDS = Set.of("id", "title", "speakers", "themes", "capacity", "runs",
            "allowedRounds", "requiredRoomTags", "audience", "placements", "plenary", "description");
    private static final Set<String> PLACEMENT_FIELDS = Set.of("round", "room", "pinned");
    private static final Set<String> ATTENDEE_FIELDS = Set.of("id", "name", "tags", "rounds", "preferences",
            "registered", "assignments", "email"); // email: only `breakout export` reads it (the mail-merge CSV)
    private static final Set<String> PREFERENCE_FIELDS = Set.of("session", "rank");
    private static final Set<String> ASSIGNMENT_FIELDS = Set.of("round", "session", "room", "pinned");

    private final Path file;
    /** The typed reading of fields, and every problem and warning found, with its JSON path. */
    private final JsonFields fields = new JsonFields();

    private EventReader(Path file) {
        this.file = file;
    }

    /** Reads and validates an event file. */
    public static LoadedEvent read(Path file) throws EventFormatException, IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new EventFormatException(file, List.of(new Problem("", "file not found")));
        }
        return parse(file, utf8(file, bytes));
    }

    /** The file's text: UTF-8, with or without a byte order mark (editors on Windows add one). */
    private static String utf8(Path file, byte[] bytes) throws EventFormatException {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = start; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new EventFormatException(file, List.of(new Problem("line " + line, "not UTF-8 text (byte 0x"
                    + String.format("%02X", bytes[in.position()] & 0xFF) + "): an event file is JSON in UTF-8; "
                    + "save it as UTF-8 in your editor")));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** Parses and validates event JSON; {@code file} only names the source in messages. */
    public static LoadedEvent parse(Path file, String json) throws EventFormatException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where = location == null ? "" : "line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new EventFormatException(file, List.of(new Problem(where, "not valid JSON: " + e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new EventFormatException(file, List.of(new Problem("", "the event must be a JSON object "
                    + "with rounds, rooms, sessions and attendees")));
        }
        EventReader reader = new EventReader(file);
        Schedule schedule = reader.build((ObjectNode) root);
        if (!reader.fields.problems().isEmpty()) {
            throw new EventFormatException(file, reader.fields.problems());
        }
        return new LoadedEvent(file, (ObjectNode) root, schedule, List.copyOf(reader.fields.warnings()));
    }

    // ************************************************************************
    // The document
    // ************************************************************************

    private Schedule build(ObjectNode root) {
        fields.checkFields(root, "", TOP_FIELDS);
        String name = fields.text(root, "name", "", false);
        String timezone = fields.text(root, "timezone", "", false);
        if (timezone != null) {
            try {
                fields.zone(ZoneId.of(timezone));
            } catch (RuntimeException e) {
                fields.problem("timezone",
                        "unknown time zone \"" + timezone + "\" (use a name such as Europe/Amsterdam)");
            }
        }
        JsonNode settingsNode = root.get("settings");
        EventSettings settings = EventSettings.DEFAULT;
        ConstraintWeightOverrides<HardMediumSoftLongScore> weights = ConstraintWeightOverrides.none();
        if (settingsNode != null && !settingsNode.isNull()) {
            if (!settingsNode.isObject()) {
                fields.problem("settings", "must be an object");
            } else {
                settings = settings((ObjectNode) settingsNode);
                weights = weights(settingsNode.get("weights"));
            }
        }

        Map<String, Round> rounds = rounds(fields.requiredArray(root, "rounds", ""));
        Map<String, Room> rooms = rooms(fields.requiredArray(root, "rooms", ""), rounds);
        Map<String, Speaker> speakers = speakers(fields.array(root, "speakers", ""), rounds);
        List<ArrayEntry> sessionNodes = fields.requiredArray(root, "sessions", "");
        Map<String, Session> sessions = sessions(sessionNodes, rounds, rooms, speakers);
        List<SessionRun> runs = runs(sessionNodes, sessions, rounds, rooms);
        List<ArrayEntry> attendeeNodes = fields.requiredArray(root, "attendees", "");
        Map<String, Attendee> attendees = attendees(attendeeNodes, rounds, sessions, settings);
        List<Seat> seats = seats(attendeeNodes, attendees, sessions, rounds, runs, settings);

        return new Schedule(name, settings, List.copyOf(rounds.values()), List.copyOf(rooms.values()),
                List.copyOf(speakers.values()), List.copyOf(sessions.values()), List.copyOf(attendees.values()),
                runs, seats, weights);
    }

    private EventSettings settings(ObjectNode node) {
        fields.checkFields(node, "settings", SETTINGS_FIELDS);
        Boolean allowUnranked = fields.bool(node, "allowUnranked", "settings");
        List<Integer> rankCosts = null;
        JsonNode costs = node.get("rankCosts");
        if (costs != null && !costs.isNull()) {
            if (!costs.isArray() || costs.isEmpty()) {
                fields.problem("settings.rankCosts", "must be a non-empty array of whole numbers, e.g. [0, 1, 4, 9]");
            } else {
                rankCosts = new ArrayList<>();
                for (int i = 0; i < costs.size(); i++) {
                    JsonNode cost = costs.get(i);
                    if (!cost.canConvertToInt() || !cost.isIntegralNumber() || cost.asInt() < 0) {
                        fields.problem("settings.rankCosts[" + i + "]", "must be a whole number ≥ 0, not " + cost);
                    } else {
                        rankCosts.add(cost.asInt());
                    }
                }
                rankCosts = List.copyOf(rankCosts);
            }
        }
        return new EventSettings(allowUnranked == null || allowUnranked, rankCosts);
    }

    private ConstraintWeightOverrides<HardMediumSoftLongScore> weights(JsonNode node) {
        if (node == null || node.isNull()) {
            return ConstraintWeightOverrides.none();
        }
        if (!node.isObject()) {
            fields.problem("settings.weights",
                    "must be an object of constraint name to weight, e.g. {\"preferenceCost\": 2}");
            return ConstraintWeightOverrides.none();
        }
        Map<String, HardMediumSoftLongScore> overrides = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = "settings.weights." + entry.getKey();
            HardMediumSoftLongScore defaultWeight = ConstraintWeights.defaultWeight(entry.getKey());
            if (defaultWeight == null) {
                fields.problem(path, "unknown constraint \"" + entry.getKey() + "\" (known: "
                        + String.join(", ", ConstraintWeights.names()) + ")");
                continue;
            }
            JsonNode value = entry.getValue();
            if (value.isIntegralNumber() && value.asLong() >= 0) {
                overrides.put(entry.getKey(), ConstraintWeights.scaled(defaultWeight, value.asLong()));
            } else if (value.isTextual()) {
                try {
                    HardMediumSoftLongScore weight = HardMediumSoftLongScore.parseScore(value.asText());
                    if (weight.hardScore() < 0 || weight.mediumScore() < 0 || weight.softScore() < 0) {
                        fields.problem(path, "a weight cannot be negative: " + value.asText());
                    } else {
                        overrides.put(entry.getKey(), weight);
                    }
                } catch (RuntimeException e) {
                    fields.problem(path, "not a weight: \"" + value.asText()
                            + "\" (write a multiple of the default such as 2, or a score such as \"0hard/0medium/3soft\")");
                }
            } else {
                fields.problem(path, "must be a whole number ≥ 0 (multiple of the default weight "
                        + defaultWeight + ") or a score such as \"0hard/0medium/3soft\"");
            }
        }
        return ConstraintWeightOverrides.of(overrides);
    }

    private Map<String, Round> rounds(List<ArrayEntry> nodes) {
        Map<String, Round> rounds = new LinkedHashMap<>();
        Round previous = null;
        for (ArrayEntry entry : nodes) {
            fields.checkFields(entry.node(), entry.path(), ROUND_FIELDS);
            String id = fields.id(entry, rounds.keySet(), "round");
            String name = fields.text(entry.node(), "name", entry.path(), false);
            LocalDateTime start = fields.dateTime(entry.node(), "start", entry.path());
            LocalDateTime end = fields.dateTime(entry.node(), "end", entry.path());
            if (start != null && end != null && !end.isAfter(start)) {
                fields.problem(entry.path() + ".end",
                        "the round ends (" + end + ") before or when it starts (" + start + ")");
            }
            if (id == null) {
                continue;
            }
            Round round = new Round(id, name == null ? id : name, start, end, rounds.size());
            if (previous != null && previous.start() != null && start != null) {
                if (start.isBefore(previous.start())) {
                    fields.problem(entry.path() + ".start", "round " + id + " starts before round " + previous.id()
                            + ", which is listed before it: list rounds in time order");
                } else if (previous.end() != null && start.isBefore(previous.end())) {
                    fields.problem(entry.path() + ".start", "round " + id + " starts (" + start + ") before round "
                            + previous.id() + " ends (" + previous.end() + "): rounds must not overlap");
                }
            }
            rounds.put(id, round);
            previous = round;
        }
        return rounds;
    }

    private Map<String, Room> rooms(List<ArrayEntry> nodes, Map<String, Round> rounds) {
        Map<String, Room> rooms = new LinkedHashMap<>();
        for (ArrayEntry entry : nodes) {
            fields.checkFields(entry.node(), entry.path(), ROOM_FIELDS);
            String id = fields.id(entry, rooms.keySet(), "room");
            String name = fields.text(entry.node(), "name", entry.path(), false);
            Integer capacity = fields.integer(entry.node(), "capacity", entry.path(), true, 1);
            String venue = fields.text(entry.node(), "venue", entry.path(), false);
            Set<String> tags = fields.stringSet(entry.node(), "tags", entry.path());
            Set<Round> unavailable = fields.refs(entry.node(), "unavailableRounds", entry.path(), rounds, "round");
            if (id != null) {
                // A missing or invalid capacity is already a problem (the event is rejected): the room stays known,
                // so that the placements in it are not reported as "unknown room" too, and at a capacity no other
                // check reads as too small.
                rooms.put(id, new Room(id, name == null ? id : name, capacity != null ? capacity : Integer.MAX_VALUE,
                        venue, tags, unavailable));
            }
        }
        return rooms;
    }

    private Map<String, Speaker> speakers(List<ArrayEntry> nodes, Map<String, Round> rounds) {
        Map<String, Speaker> speakers = new LinkedHashMap<>();
        for (ArrayEntry entry : nodes) {
            fields.checkFields(entry.node(), entry.path(), SPEAKER_FIELDS);
            String id = fields.id(entry, speakers.keySet(), "speaker");
            String name = fields.text(entry.node(), "name", entry.path(), false);
            Set<Round> unavailable = fields.refs(entry.node(), "unavailableRounds", entry.path(), rounds, "round");
            if (id != null) {
                speakers.put(id, new Speaker(id, name == null ? id : name, unavailable));
            }
        }
        return speakers;
    }

    private Map<String, Session> sessions(List<ArrayEntry> nodes, Map<String, Round> rounds,
            Map<String, Room> rooms, Map<String, Speaker> speakers) {
        Map<String, Session> sessions = new LinkedHashMap<>();
        for (ArrayEntry entry : nodes) {
            fields.checkFields(entry.node(), entry.path(), SESSION_FIELDS);
            String id = fields.id(entry, sessions.keySet(), "session");
            String title = fields.text(entry.node(), "title", entry.path(), false);
            List<Speaker> sessionSpeakers = List.copyOf(fields.refs(entry.node(), "speakers", entry.path(), speakers,
                    "speaker"));
            Set<String> themes = fields.stringSet(entry.node(), "themes", entry.path());
            Integer capacity = fields.integer(entry.node(), "capacity", entry.path(), false, 1);
            Integer runs = fields.integer(entry.node(), "runs", entry.path(), false, 1);
            Set<Round> allowedRounds = entry.node().hasNonNull("allowedRounds")
                    ? fields.refs(entry.node(), "allowedRounds", entry.path(), rounds, "round")
                    : new LinkedHashSet<>(rounds.values());
            if (entry.node().hasNonNull("allowedRounds") && entry.node().get("allowedRounds").isEmpty()) {
                fields.problem(entry.path() + ".allowedRounds", "is empty: leave it out to allow every round");
            }
            Set<String> requiredTags = fields.stringSet(entry.node(), "requiredRoomTags", entry.path());
            Set<String> audience = fields.stringSet(entry.node(), "audience", entry.path());
            Boolean plenary = fields.bool(entry.node(), "plenary", entry.path());
            int placementCount = entry.node().path("placements").isArray() ? entry.node().get("placements").size() : 0;
            int runCount = runs != null ? runs : Math.max(1, placementCount);
            if (runs != null && placementCount > runs) {
                fields.problem(entry.path() + ".placements", "has " + placementCount + " placements for " + runs
                        + " run(s): give one placement per run, or raise runs");
            }
            if (!allowedRounds.isEmpty() && runCount > allowedRounds.size()) {
                fields.problem(entry.path() + ".runs", runCount + " runs cannot fit in " + allowedRounds.size()
                        + " allowed round(s) (" + ids(allowedRounds) + "): an attendee can take a session once, "
                        + "so runs go in different rounds");
            }
            if (!requiredTags.isEmpty() && rooms.values().stream().noneMatch(r -> r.tags().containsAll(requiredTags))) {
                fields.problem(entry.path() + ".requiredRoomTags", "no room has all of " + requiredTags);
            }
            if (capacity != null && !rooms.isEmpty() && rooms.values().stream().allMatch(r -> r.capacity() < capacity)) {
                fields.warning(entry.path() + ".capacity", "cap " + capacity + " is above every room's capacity");
            }
            if (id != null) {
                sessions.put(id, new Session(id, title == null ? id : title, sessionSpeakers, themes, capacity,
                        runCount, allowedRounds, requiredTags, audience, plenary != null && plenary));
            }
        }
        return sessions;
    }

    private List<SessionRun> runs(List<ArrayEntry> nodes, Map<String, Session> sessions, Map<String, Round> rounds,
            Map<String, Room> rooms) {
        List<SessionRun> runs = new ArrayList<>();
        for (ArrayEntry entry : nodes) {
            Session session = sessions.get(entry.node().path("id").asText(null));
            if (session == null || !entry.firstWithId()) {
                continue;
            }
            List<ArrayEntry> placements = fields.array(entry.node(), "placements", entry.path());
            Set<Round> placedRounds = new LinkedHashSet<>();
            for (int index = 0; index < session.runs(); index++) {
                SessionRun run = new SessionRun(session, index);
                if (index < placements.size()) {
                    ArrayEntry placement = placements.get(index);
                    fields.checkFields(placement.node(), placement.path(), PLACEMENT_FIELDS);
                    Round round = fields.ref(placement.node(), "round", placement.path(), rounds, "round", true);
                    Room room = fields.ref(placement.node(), "room", placement.path(), rooms, "room", true);
                    Boolean pinned = fields.bool(placement.node(), "pinned", placement.path());
                    if (round != null && !session.isAllowedIn(round)) {
                        fields.problem(placement.path() + ".round", "session " + session.id() + " is placed in round "
                                + round.id() + " but its allowedRounds are " + ids(session.allowedRounds()));
                    }
                    if (round != null && !placedRounds.add(round)) {
                        fields.problem(placement.path() + ".round", "session " + session.id()
                                + " has two runs in round " + round.id());
                    }
                    if (round != null && room != null) {
                        run.setRound(round);
                        run.setRoom(room);
                        if (pinned != null && pinned) {
                            run.setPinned(true);
                        } else {
                            run.setPrevious(round, room);
                        }
                    }
                }
                runs.add(run);
            }
        }
        return runs;
    }

    private Map<String, Attendee> attendees(List<ArrayEntry> nodes, Map<String, Round> rounds,
            Map<String, Session> sessions, EventSettings settings) {
        Map<String, Attendee> attendees = new LinkedHashMap<>();
        for (ArrayEntry entry : nodes) {
            fields.checkFields(entry.node(), entry.path(), ATTENDEE_FIELDS);
            String id = fields.id(entry, attendees.keySet(), "attendee");
            String name = fields.text(entry.node(), "name", entry.path(), false);
            Set<String> tags = fields.stringSet(entry.node(), "tags", entry.path());
            Map<Session, Integer> ranks = preferences(entry, sessions);
            LocalDateTime registered = fields.dateTime(entry.node(), "registered", entry.path());
            Set<Round> wanted;
            if (entry.node().hasNonNull("rounds")) {
                wanted = fields.refs(entry.node(), "rounds", entry.path(), rounds, "round");
            } else {
                wanted = null;
            }
            if (id == null) {
                continue;
            }
            Attendee draft = new Attendee(id, name == null ? id : name, tags, Set.of(), ranks, registered);
            if (wanted == null) {
                // Default: every round that has a session this attendee may attend.
                wanted = new LinkedHashSet<>();
                for (Round round : rounds.values()) {
                    for (Session session : sessions.values()) {
                        if (session.isAllowedIn(round) && settings.mayAttend(draft, session)) {
                            wanted.add(round);
                            break;
                        }
                    }
                }
            }
            wanted = sortedRounds(wanted);
            Attendee attendee = new Attendee(id, draft.name(), tags, wanted, ranks, registered);
            for (Map.Entry<Session, Integer> ranked : ranks.entrySet()) {
                Session session = ranked.getKey();
                if (session.plenary()) {
                    fields.warning(entry.path() + ".preferences", "ranks plenary session " + session.id()
                            + ", which everyone attends without a seat; the preference is ignored");
                } else if (!session.admits(attendee)) {
                    fields.warning(entry.path() + ".preferences", "ranks " + session.id() + ", whose audience "
                            + session.audience() + " does not include this attendee's tags " + tags);
                } else if (Collections.disjoint(session.allowedRounds(), wanted)) {
                    fields.warning(entry.path() + ".preferences", "ranks " + session.id()
                            + ", which cannot be in any round this attendee wants a seat in");
                }
            }
            attendees.put(id, attendee);
        }
        return attendees;
    }

    private Map<Session, Integer> preferences(ArrayEntry entry, Map<String, Session> sessions) {
        Map<Session, Integer> ranks = new LinkedHashMap<>();
        JsonNode prefs = entry.node().get("preferences");
        if (prefs == null || prefs.isNull()) {
            return ranks;
        }
        if (!prefs.isArray()) {
            fields.problem(entry.path() + ".preferences", "must be an array: [\"S03\", \"S01\"] (rank = position) "
                    + "or [{\"session\": \"S03\", \"rank\": 1}, …]");
            return ranks;
        }
        for (int i = 0; i < prefs.size(); i++) {
            JsonNode pref = prefs.get(i);
            String path = entry.path() + ".preferences[" + i + "]";
            String sessionId;
            Integer rank;
            if (pref.isTextual()) {
                sessionId = pref.asText();
                rank = i + 1;
            } else if (pref.isObject()) {
                fields.checkFields(pref, path, PREFERENCE_FIELDS);
                sessionId = fields.text(pref, "session", path, true);
                rank = fields.integer(pref, "rank", path, true, 1);
            } else {
                fields.problem(path, "must be a session id or {\"session\": …, \"rank\": …}, not " + pref);
                continue;
            }
            if (sessionId == null || rank == null) {
                continue;
            }
            Session session = sessions.get(sessionId);
            if (session == null) {
                fields.problem(path, JsonFields.unknown("session", sessionId, sessions.keySet()));
            } else if (ranks.containsKey(session)) {
                fields.problem(path, "session " + sessionId + " is ranked twice");
            } else {
                ranks.put(session, rank);
            }
        }
        return ranks;
    }

    private List<Seat> seats(List<ArrayEntry> nodes, Map<String, Attendee> attendees, Map<String, Session> sessions,
            Map<String, Round> rounds, List<SessionRun> runs, EventSettings settings) {
        Map<Session, List<SessionRun>> runsBySession = runs.stream()
                .collect(Collectors.groupingBy(SessionRun::getSession, LinkedHashMap::new, Collectors.toList()));
        List<Seat> seats = new ArrayList<>();
        // Attendees with the same admissions share one list: solution clones then map one list, not one per seat.
        Map<List<SessionRun>, List<SessionRun>> interned = new HashMap<>();
        // With unranked seats allowed, the runs depend only on which sessions with an audience admit the attendee and
        // on their wanted rounds: worked out once for each such pair (per attendee, 50,000 × 400 sessions took
        // seconds; per distinct tags, 16,000 sets of them on huge, still two).
        Map<List<Object>, List<SessionRun>> byAdmissionsAndRounds = new HashMap<>();
        List<Session> withAudience = sessions.values().stream().filter(s -> !s.audience().isEmpty()).toList();
        for (ArrayEntry entry : nodes) {
            Attendee attendee = attendees.get(entry.node().path("id").asText(null));
            if (attendee == null || !entry.firstWithId()) {
                continue;
            }
            List<SessionRun> shared = settings.allowUnranked()
                    ? byAdmissionsAndRounds.computeIfAbsent(
                            List.of(admissions(attendee, withAudience), attendee.wantedRounds()),
                            key -> eligibleRuns(attendee, sessions, runsBySession, settings, interned))
                    : eligibleRuns(attendee, sessions, runsBySession, settings, interned);
            List<Seat> attendeeSeats = new ArrayList<>();
            for (int i = 0; i < attendee.wantedRounds().size(); i++) {
                attendeeSeats.add(new Seat(attendee, i, shared));
            }
            assignments(entry, attendee, attendeeSeats, sessions, rounds, runsBySession);
            seats.addAll(attendeeSeats);
        }
        return seats;
    }

    /** Which of the sessions with an audience admit the attendee (the others admit everyone or, plenaries, no one). */
    private static BitSet admissions(Attendee attendee, List<Session> withAudience) {
        BitSet admitted = new BitSet(withAudience.size());
        for (int i = 0; i < withAudience.size(); i++) {
            admitted.set(i, withAudience.get(i).admits(attendee));
        }
        return admitted;
    }

    /** The runs of the sessions the attendee may attend in one of their wanted rounds, as a shared list. */
    private static List<SessionRun> eligibleRuns(Attendee attendee, Map<String, Session> sessions,
            Map<Session, List<SessionRun>> runsBySession, EventSettings settings,
            Map<List<SessionRun>, List<SessionRun>> interned) {
        List<SessionRun> eligible = new ArrayList<>();
        for (Session session : sessions.values()) {
            if (settings.mayAttend(attendee, session)
                    && !Collections.disjoint(session.allowedRounds(), attendee.wantedRounds())) {
                eligible.addAll(runsBySession.getOrDefault(session, List.of()));
            }
        }
        return interned.computeIfAbsent(List.copyOf(eligible), list -> list);
    }

    /** Maps previous (or pinned) assignments onto the attendee's seats, in round order. */
    private void assignments(ArrayEntry entry, Attendee attendee, List<Seat> seats, Map<String, Session> sessions,
            Map<String, Round> rounds, Map<Session, List<SessionRun>> runsBySession) {
        List<ArrayEntry> nodes = fields.array(entry.node(), "assignments", entry.path());
        Set<Round> seen = new LinkedHashSet<>();
        int next = 0;
        for (ArrayEntry assignment : nodes) {
            fields.checkFields(assignment.node(), assignment.path(), ASSIGNMENT_FIELDS);
            Round round = fields.ref(assignment.node(), "round", assignment.path(), rounds, "round", true);
            Session session = fields.ref(assignment.node(), "session", assignment.path(), sessions, "session", true);
            Boolean pinned = fields.bool(assignment.node(), "pinned", assignment.path());
            if (round == null || session == null) {
                continue;
            }
            if (!seen.add(round)) {
                fields.problem(assignment.path() + ".round", "attendee " + attendee.id()
                        + " has two assignments in round " + round.id());
                continue;
            }
            if (next >= seats.size()) {
                fields.problem(assignment.path(), "attendee " + attendee.id() + " wants seats in " + seats.size()
                        + " round(s) (" + ids(attendee.wantedRounds()) + ") but has more assignments; "
                        + "add the round to the attendee's rounds or remove the assignment");
                continue;
            }
            Seat seat = seats.get(next++);
            SessionRun run = runsBySession.getOrDefault(session, List.of()).stream()
                    .filter(r -> round.equals(r.getRound())).findFirst().orElse(null);
            if (pinned != null && pinned) {
                if (run == null) {
                    fields.problem(assignment.path(), "pinned seat in " + session.id() + " in round " + round.id()
                            + ", but the session has no placement in that round: add the placement");
                    continue;
                }
                if (!seat.getEligibleRuns().contains(run)) {
                    // The solver cannot hold a seat outside the runs the attendee may take, pinned or not.
                    fields.problem(assignment.path(), "pinned seat in " + session.id() + " for attendee "
                            + attendee.id() + ", who may not attend it: " + (session.admits(attendee)
                                    ? "they did not rank it and the event does not allow unranked sessions (add it "
                                            + "to their preferences, or set settings.allowUnranked)"
                                    : "the session is only for " + String.join(", ", session.audience())
                                            + " (give the attendee one of those tags)")
                            + ", or remove the pin");
                    continue;
                }
                seat.setRun(run);
                seat.pin(round);
            } else {
                seat.setPrevious(session, round);
                // Warm start from the published seat when it still exists and is allowed.
                if (run != null && seat.getEligibleRuns().contains(run)) {
                    seat.setRun(run);
                }
            }
        }
    }

    // ************************************************************************
    // Field helpers: each records a problem and returns null when the field is unusable
    // ************************************************************************

    /** An object in an array; {@code firstWithId} is false for a repeated id (reported, then skipped). */
    private static Set<Round> sortedRounds(Set<Round> rounds) {
        return rounds.stream().sorted().collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static <T> String ids(Set<T> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}

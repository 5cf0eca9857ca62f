package org.breakout.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.check.IndependentChecker;
import org.breakout.domain.Attendee;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;
import org.breakout.domain.Speaker;
import org.breakout.generate.EventShape.Preferences;
import org.breakout.generate.EventShape.Timetable;
import org.breakout.io.EventReader;
import org.breakout.io.Json;
import org.breakout.io.JsonFiles;
import org.breakout.io.LoadedEvent;
import org.junit.jupiter.api.Test;

/** The synthetic event generator: reproducible, valid, feasible when fixed, and shaped as asked. */
class EventGeneratorTest {

    private static String text(EventShape shape, long seed) {
        return JsonFiles.render(EventGenerator.generate(shape, seed).document());
    }

    /** Generates, renders and reads back; the event must load without problems and without warnings. */
    private static LoadedEvent load(EventShape shape, long seed) throws Exception {
        String text = text(shape, seed);
        LoadedEvent event = EventReader.parse(Path.of("generated.json"), text);
        assertThat(event.warnings()).as("warnings for %s seed %d", shape, seed).isEmpty();
        return event;
    }

    private static EventShape shape(String preset, String... keysAndValues) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            overrides.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return EventShape.of(preset, overrides);
    }

    // ************************************************************************
    // Reproducible
    // ************************************************************************

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedAnotherEvent() {
        for (EventShape shape : List.of(EventShape.defaults(), shape("medium-open", "attendees", "300"),
                shape(null, "timetable", "mixed", "days", "2", "rounds", "6", "attendees", "200"))) {
            String first = text(shape, 7);
            assertThat(text(shape, 7)).as("%s", shape).isEqualTo(first);
            assertThat(first).doesNotContain("\r").endsWith("}\n");
            String other = text(shape, 8);
            assertThat(other).isNotEqualTo(first);
            assertThat(attendeesOf(other)).isNotEqualTo(attendeesOf(first));
            assertThat(sessionsOf(other)).isNotEqualTo(sessionsOf(first));
        }
    }

    @Test
    void theDocumentSaysHowToMakeItAgain() throws Exception {
        EventShape shape = shape(null, "attendees", "120", "timetable", "mixed", "load", "1.1");
        ObjectNode document = EventGenerator.generate(shape, 42).document();
        String description = document.get("description").asText();
        assertThat(description).contains("breakout generate event " + shape.options() + " --seed 42");
        assertThat(description).contains("--pinned-share 0.5").contains("--load 1.1");
        assertThat(document.get("timezone").asText()).isEqualTo("Europe/Amsterdam");
    }

    /** Fixed and open variants of one shape and seed: the same programme and attendees, placements aside. */
    @Test
    void timetableVariantsShareProgrammeAndAttendees() {
        EventShape open = shape("medium-open", "attendees", "400");
        ObjectNode openDocument = EventGenerator.generate(open, 3).document();
        ObjectNode fixedDocument = EventGenerator.generate(shape("medium-open", "attendees", "400",
                "timetable", "fixed", "preferences", "event"), 3).document();
        ObjectNode mixedDocument = EventGenerator.generate(shape("medium-open", "attendees", "400",
                "timetable", "mixed", "pinnedShare", "0.3"), 3).document();
        for (String field : List.of("rounds", "rooms", "speakers")) {
            assertThat(openDocument.get(field)).isEqualTo(fixedDocument.get(field));
            assertThat(mixedDocument.get(field)).isEqualTo(fixedDocument.get(field));
        }
        int pinned = 0;
        for (int i = 0; i < openDocument.get("sessions").size(); i++) {
            ObjectNode fixedSession = ((ObjectNode) fixedDocument.get("sessions").get(i)).deepCopy();
            ObjectNode mixedSession = (ObjectNode) mixedDocument.get("sessions").get(i);
            assertThat(fixedSession.get("placements")).hasSize(fixedSession.get("runs").asInt());
            if (mixedSession.has("placements")) {
                pinned++;
                assertThat(mixedSession).isEqualTo(fixedSession); // a pinned session keeps its reference placement
            }
            fixedSession.remove("placements");
            assertThat(openDocument.get("sessions").get(i)).isEqualTo(fixedSession);
            ObjectNode mixedWithout = mixedSession.deepCopy();
            mixedWithout.remove("placements");
            assertThat(mixedWithout).isEqualTo(fixedSession);
        }
        assertThat(pinned).isEqualTo(12); // 30 % of 40
        // The population is the same; with an open timetable people also rank sessions that a fixed timetable
        // places in rounds they do not come to.
        assertThat(namesOf(openDocument)).isEqualTo(namesOf(fixedDocument)).isEqualTo(namesOf(mixedDocument));
    }

    // ************************************************************************
    // Valid, and feasible when fixed, for every preset and many random shapes
    // ************************************************************************

    @Test
    void mediumPresetsAreValidAndShapedAsAsked() throws Exception {
        for (String preset : List.of("medium", "medium-fixed")) {
            EventShape shape = EventShape.of(preset, Map.of());
            EventGenerator.Result result = EventGenerator.generate(shape, 1);
            LoadedEvent event = EventReader.parse(Path.of(preset + ".json"), JsonFiles.render(result.document()));
            assertThat(event.warnings()).as(preset).isEmpty();
            checkShape(shape, event, result.stats());
            checkRealism(event);
            if (shape.timetable() == Timetable.FIXED) {
                checkFixedTimetable(event);
            }
        }
    }

    @Test
    void largePresetIsValidAndShapedAsAsked() throws Exception {
        EventShape shape = EventShape.of("large", Map.of());
        EventGenerator.Result result = EventGenerator.generate(shape, 1);
        LoadedEvent event = EventReader.parse(Path.of("large.json"), JsonFiles.render(result.document()));
        assertThat(event.warnings()).isEmpty();
        checkShape(shape, event, result.stats());
        checkRealism(event);
        // Two days, four rounds each, in the morning and afternoon.
        Schedule schedule = event.schedule();
        assertThat(schedule.getRounds().stream().map(r -> r.start().toLocalDate()).distinct()).hasSize(2);
        assertThat(schedule.getRounds()).allSatisfy(round -> {
            assertThat(round.start().getHour()).isBetween(9, 17);
            assertThat(round.end().getHour()).isBetween(9, 18);
        });
        // Day passes: some attendees come on one day only.
        assertThat(schedule.getAttendees().stream().filter(a -> a.wantedRounds().size() <= 4).count())
                .isGreaterThan(schedule.getAttendees().size() / 5);
        // The same shape with the reference timetable pinned is feasible.
        checkFixedTimetable(load(shape("large", "attendees", "500", "timetable", "fixed"), 1));
    }

    /** The huge preset scaled down to 2,500 attendees: the same programme, rooms and rounds. */
    @Test
    void hugePresetScaledDownIsValidAndFeasible() throws Exception {
        EventShape shape = shape("huge", "attendees", "2500");
        EventGenerator.Result result = EventGenerator.generate(shape, 1);
        LoadedEvent event = EventReader.parse(Path.of("huge.json"), JsonFiles.render(result.document()));
        assertThat(event.warnings()).isEmpty();
        checkShape(shape, event, result.stats());
        checkRealism(event);
        checkFixedTimetable(event);
    }

    @Test
    void randomShapesAreValidAndFixedTimetablesFeasible() throws Exception {
        Random random = new Random(2026);
        for (int i = 0; i < 40; i++) {
            int rounds = 1 + random.nextInt(8);
            int days = 1 + random.nextInt(Math.min(rounds, 3));
            int sessions = rounds + random.nextInt(40);
            double repeatShare = rounds < 2 ? 0 : random.nextInt(5) / 10.0;
            Timetable timetable = Timetable.values()[random.nextInt(3)];
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("attendees", Integer.toString(1 + random.nextInt(300)));
            settings.put("sessions", Integer.toString(sessions));
            settings.put("rounds", Integer.toString(rounds));
            settings.put("days", Integer.toString(days));
            settings.put("repeatShare", Double.toString(repeatShare));
            settings.put("timetable", timetable.label());
            settings.put("pinnedShare", Double.toString(random.nextDouble()));
            settings.put("preferences", timetable == Timetable.FIXED && random.nextBoolean() ? "per-round" : "event");
            settings.put("ranked", Integer.toString(1 + random.nextInt(8)));
            settings.put("tieShare", Double.toString(random.nextDouble() * 0.5));
            settings.put("load", Double.toString(0.6 + random.nextDouble()));
            settings.put("skew", Double.toString(random.nextDouble() * 2));
            settings.put("rooms", "5000");
            int runs = EventShape.of(null, settings).runs();
            settings.put("rooms", Integer.toString((runs + rounds - 1) / rounds + random.nextInt(4)));
            EventShape shape = EventShape.of(null, settings);
            long seed = random.nextLong();
            LoadedEvent event = load(shape, seed);
            checkShape(shape, event, null);
            Map<String, String> fixed = new LinkedHashMap<>(settings);
            fixed.put("timetable", "fixed");
            checkFixedTimetable(timetable == Timetable.FIXED ? event : load(EventShape.of(null, fixed), seed));
        }
    }

    // ************************************************************************
    // Checks
    // ************************************************************************

    /** Counts, repeats, list lengths, ranks, placements and (for realistic sizes) load and popularity skew. */
    private static void checkShape(EventShape shape, LoadedEvent event, EventGenerator.Stats stats) {
        Schedule schedule = event.schedule();
        String what = shape.toString();
        assertThat(schedule.getAttendees()).as(what).hasSize(shape.attendees());
        assertThat(schedule.getSessions()).as(what).hasSize(shape.sessions());
        assertThat(schedule.getRuns()).as(what).hasSize(shape.runs());
        assertThat(schedule.getRounds()).as(what).hasSize(shape.rounds());
        assertThat(schedule.getRooms()).as(what).hasSize(shape.rooms());
        assertThat(schedule.getRounds().stream().map(r -> r.start().toLocalDate()).distinct()).as(what)
                .hasSize(shape.days());
        // Repeat share: exactly the rounded share of the sessions has more than one run.
        assertThat(schedule.getSessions().stream().filter(s -> s.runs() > 1)).as(what).hasSize(shape.repeated());
        assertThat(schedule.getSessions()).allSatisfy(s -> assertThat(s.runs()).isBetween(1, 3));
        // Placements: all (fixed), none (open), all runs of a share of the sessions (mixed).
        long pinnedSessions = schedule.getSessions().stream()
                .filter(s -> schedule.getRuns().stream().anyMatch(r -> r.getSession().equals(s) && r.isPinned())).count();
        long expectedPinned = switch (shape.timetable()) {
            case FIXED -> shape.sessions();
            case OPEN -> 0;
            case MIXED -> Math.round(shape.pinnedShare() * shape.sessions());
        };
        assertThat(pinnedSessions).as(what).isEqualTo(expectedPinned);
        assertThat(schedule.getRuns()).allSatisfy(run -> assertThat(run.isPlaced()).isEqualTo(run.isPinned()));
        // Preferences: list lengths and ranks.
        for (Attendee attendee : schedule.getAttendees()) {
            assertThat(attendee.wantedRounds()).isNotEmpty();
            if (shape.preferences() == Preferences.EVENT) {
                assertThat(attendee.ranks().size()).as(what).isLessThanOrEqualTo(shape.ranked());
                assertThat(attendee.ranks().values()).allSatisfy(rank -> assertThat(rank).isBetween(1, shape.ranked()));
            } else {
                // Per round: each ranked session is given in a round the attendee wants; at most `ranked` per
                // round; ranks restart at 1 in every round (1, 2, 3 or with a tie 1, 1, 2). A repeated session is
                // ranked in one of its rounds (where it made the list), so its round is not known from the file.
                Map<Round, List<Integer>> byRound = new HashMap<>();
                attendee.ranks().forEach((session, rank) -> {
                    assertThat(rank).isBetween(1, shape.ranked());
                    List<Round> placed = schedule.getRuns().stream().filter(r -> r.getSession().equals(session))
                            .map(SessionRun::getRound).filter(attendee.wantedRounds()::contains).toList();
                    assertThat(placed).as("%s ranks %s, not in a round they want", attendee, session).isNotEmpty();
                    if (session.runs() == 1) {
                        byRound.computeIfAbsent(placed.get(0), r -> new ArrayList<>()).add(rank);
                    }
                });
                for (List<Integer> ranks : byRound.values()) {
                    assertThat(ranks.size()).isLessThanOrEqualTo(shape.ranked());
                    if (shape.repeated() == 0) {
                        List<Integer> sorted = ranks.stream().sorted().toList();
                        assertThat(sorted.get(0)).isEqualTo(1);
                        for (int i = 1; i < sorted.size(); i++) {
                            assertThat(sorted.get(i) - sorted.get(i - 1)).isBetween(0, 1);
                        }
                    }
                }
            }
        }
        if (stats == null) {
            return;
        }
        assertThat(stats.runs()).isEqualTo(shape.runs());
        // Load: seats wanted / seats in the reference timetable, as asked (rounding of room sizes aside).
        assertThat(stats.load()).as(what).isCloseTo(shape.load(), within(0.02 * shape.load()));
        long wanted = schedule.getAttendees().stream().mapToLong(a -> a.wantedRounds().size()).sum();
        assertThat(stats.seatsWanted()).isEqualTo(wanted);
        if (shape.timetable() == Timetable.FIXED) {
            // Measured on the file itself.
            long seats = DemandReport.of(schedule).rounds().stream().mapToLong(DemandReport.RoundDemand::seats).sum();
            assertThat(seats).isEqualTo(stats.seatsAvailable());
        }
        // Skewed popularity: the most wanted session is ranked first by at least twice as many as the median one.
        List<Integer> first = new ArrayList<>();
        for (Session session : schedule.getSessions()) {
            first.add((int) schedule.getAttendees().stream().filter(a -> Integer.valueOf(1).equals(a.ranks().get(session)))
                    .count());
        }
        first.sort(null);
        int median = first.get(first.size() / 2);
        assertThat(first.get(first.size() - 1)).as(what).isGreaterThanOrEqualTo(2 * median);
        assertThat(first).isEqualTo(stats.firstChoices().values().stream().sorted().toList());
    }

    /** The realism features are all there (for events of some size). */
    private static void checkRealism(LoadedEvent event) {
        Schedule schedule = event.schedule();
        // Rooms: a spread of capacities (a few large, many small), tags, some unavailable.
        List<Integer> capacities = schedule.getRooms().stream().map(r -> r.capacity()).sorted().toList();
        assertThat(capacities.get(capacities.size() - 1)).isGreaterThanOrEqualTo(3 * capacities.get(capacities.size() / 2));
        long large = capacities.stream().filter(c -> c >= 2 * capacities.get(capacities.size() / 2)).count();
        assertThat(large).isBetween(1L, capacities.size() / 2L);
        assertThat(schedule.getRooms().stream().filter(r -> r.tags().contains("stepfree"))).isNotEmpty();
        assertThat(schedule.getRooms().stream().filter(r -> r.tags().contains("av"))).isNotEmpty();
        assertThat(schedule.getRooms().stream().filter(r -> !r.unavailableRounds().isEmpty())).isNotEmpty();
        // Sessions requiring tags; participant caps below the room's capacity; allowed rounds; themes.
        assertThat(schedule.getSessions().stream().filter(s -> s.requiredRoomTags().contains("av"))).isNotEmpty();
        assertThat(schedule.getSessions().stream().filter(s -> s.requiredRoomTags().contains("stepfree"))).isNotEmpty();
        assertThat(schedule.getSessions().stream().filter(s -> s.capacity() != null)).isNotEmpty();
        assertThat(schedule.getSessions().stream().filter(s -> s.allowedRounds().size() < schedule.getRounds().size()))
                .isNotEmpty();
        assertThat(schedule.getSessions()).allSatisfy(s -> assertThat(s.themes()).isNotEmpty());
        assertThat(schedule.getSessions().stream().flatMap(s -> s.themes().stream()).distinct().count())
                .isGreaterThanOrEqualTo(Math.min(30, schedule.getSessions().size() / 8));
        // Speakers: some in two or three sessions, none in more; a few unavailable.
        Map<Speaker, Long> sessionsPerSpeaker = schedule.getSessions().stream().flatMap(s -> s.speakers().stream())
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertThat(sessionsPerSpeaker.values()).allSatisfy(n -> assertThat(n).isBetween(1L, 3L));
        assertThat(sessionsPerSpeaker.values().stream().filter(n -> n >= 2)).isNotEmpty();
        assertThat(schedule.getSpeakers().stream().filter(s -> !s.unavailableRounds().isEmpty())).isNotEmpty();
        // Audience-restricted sessions, and attendees who may (and who may not) attend them.
        List<Session> restricted = schedule.getSessions().stream().filter(s -> !s.audience().isEmpty()).toList();
        assertThat(restricted).isNotEmpty();
        for (Session session : restricted) {
            long admitted = schedule.getAttendees().stream().filter(session::admits).count();
            assertThat(admitted).as("%s admits", session).isBetween(1L, schedule.getAttendees().size() / 2L);
        }
        // Preferences: some rank none, some fewer than most; ties now and then; interests through themes.
        Map<Integer, Long> lengths = schedule.getAttendees().stream()
                .collect(Collectors.groupingBy(a -> a.ranks().size(), Collectors.counting()));
        assertThat(lengths.get(0)).isNotNull();
        assertThat(lengths).hasSizeGreaterThanOrEqualTo(3);
        assertThat(schedule.getAttendees().stream().filter(a -> a.ranks().values().stream().distinct().count()
                < a.ranks().size())).isNotEmpty();
        checkInterestsFollowThemes(schedule);
        // Registration before the event.
        LocalDateTime first = schedule.getRounds().get(0).start();
        assertThat(schedule.getAttendees()).allSatisfy(a -> assertThat(a.registered()).isBefore(first));
    }

    /**
     * Interests are correlated through themes: an attendee's first choices match their own interests clearly
     * more often than they match the interests of the next attendee in the file.
     */
    private static void checkInterestsFollowThemes(Schedule schedule) {
        List<Attendee> attendees = schedule.getAttendees();
        int own = 0;
        int other = 0;
        for (int i = 0; i < attendees.size(); i++) {
            Set<String> mine = interests(attendees.get(i));
            Set<String> next = interests(attendees.get((i + 1) % attendees.size()));
            for (Map.Entry<Session, Integer> entry : attendees.get(i).ranks().entrySet()) {
                if (entry.getValue() == 1) {
                    own += entry.getKey().themes().stream().anyMatch(mine::contains) ? 1 : 0;
                    other += entry.getKey().themes().stream().anyMatch(next::contains) ? 1 : 0;
                }
            }
        }
        assertThat(own).isGreaterThan(other * 13 / 10);
    }

    private static Set<String> interests(Attendee attendee) {
        return attendee.tags().stream().filter(t -> t.startsWith("interest:"))
                .map(t -> t.substring("interest:".length())).collect(Collectors.toSet());
    }

    /** Every run placed; no room double-booked, no speaker clash, rooms and speakers available, tags, rounds. */
    private static void checkFixedTimetable(LoadedEvent event) {
        Schedule schedule = event.schedule();
        assertThat(schedule.getRuns()).allSatisfy(run -> assertThat(run.isPinned()).isTrue());
        Set<String> rooms = new HashSet<>();
        Set<String> speakers = new HashSet<>();
        Set<String> sessionRounds = new HashSet<>();
        for (SessionRun run : schedule.getRuns()) {
            Session session = run.getSession();
            Round round = run.getRound();
            assertThat(rooms.add(round.id() + "|" + run.getRoom().id())).as("%s: room free", run).isTrue();
            assertThat(sessionRounds.add(round.id() + "|" + session.id())).as("%s: runs apart", run).isTrue();
            assertThat(run.getRoom().isAvailableIn(round)).as("%s: room available", run).isTrue();
            assertThat(run.getRoom().tags()).as("%s: room tags", run).containsAll(session.requiredRoomTags());
            assertThat(session.isAllowedIn(round)).as("%s: allowed round", run).isTrue();
            for (Speaker speaker : session.speakers()) {
                assertThat(speakers.add(round.id() + "|" + speaker.id())).as("%s: speaker %s free", run, speaker).isTrue();
                assertThat(speaker.unavailableRounds()).as("%s: speaker available", run).doesNotContain(round);
            }
            if (session.capacity() != null) {
                assertThat(session.capacity()).isLessThan(run.getRoom().capacity());
            }
        }
        // And by the independent JSON-level checker of the end-to-end tests.
        IndependentChecker.Result check = IndependentChecker.check(event.document());
        assertThat(check.violations()).isEmpty();
    }

    private static JsonNode attendeesOf(String text) {
        return tree(text).get("attendees");
    }

    private static JsonNode sessionsOf(String text) {
        return tree(text).get("sessions");
    }

    private static JsonNode tree(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> namesOf(ObjectNode document) {
        List<String> names = new ArrayList<>();
        document.get("attendees").forEach(a -> names.add(a.get("name").asText() + " " + a.get("rounds")
                + " " + a.get("tags") + " " + a.get("registered")));
        return names;
    }
}

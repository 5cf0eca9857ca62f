package org.breakout.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.breakout.check.IndependentChecker;
import org.breakout.domain.Attendee;
import org.breakout.domain.Room;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;
import org.breakout.io.EventReader;
import org.breakout.io.JsonFiles;
import org.breakout.io.LoadedEvent;
import org.junit.jupiter.api.Test;

/**
 * The repeat-all presets (every session in every round, pinned, one list for the event, tight rooms) and the
 * rank-all-open presets (the shape of wassign's inputs: every session once, nothing placed, everyone ranks every
 * session with ties, identical rooms, none of the other rules), each checked on the file as read back by
 * {@link EventReader}, not on what the generator says it made.
 */
class RepeatAllAndRankAllPresetsTest {

    private static EventShape shape(String preset, String... keysAndValues) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            overrides.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return EventShape.of(preset, overrides);
    }

    private static String text(EventShape shape, long seed) {
        return JsonFiles.render(EventGenerator.generate(shape, seed).document());
    }

    private static LoadedEvent load(EventShape shape, long seed) throws Exception {
        LoadedEvent event = EventReader.parse(Path.of("generated.json"), text(shape, seed));
        assertThat(event.warnings()).as("warnings for %s", shape).isEmpty();
        return event;
    }

    // ************************************************************************
    // repeat-all
    // ************************************************************************

    @Test
    void repeatAll400() throws Exception {
        checkRepeatAll(load(EventShape.of("repeat-all-400", Map.of()), 1), 427, 11, 3, 11, 5);
    }

    /** The 2,000-attendee programme with fewer attendees (the programme does not depend on how many come). */
    @Test
    void repeatAll2000() throws Exception {
        assertThat(EventShape.of("repeat-all-2000", Map.of()).attendees()).isEqualTo(2000);
        checkRepeatAll(load(shape("repeat-all-2000", "attendees", "500"), 1), 500, 20, 5, 20, 7);
    }

    private static void checkRepeatAll(LoadedEvent event, int attendees, int sessions, int rounds, int rooms,
            int ranked) {
        Schedule schedule = event.schedule();
        assertThat(schedule.getAttendees()).hasSize(attendees);
        assertThat(schedule.getSessions()).hasSize(sessions);
        assertThat(schedule.getRounds()).hasSize(rounds);
        assertThat(schedule.getRooms()).hasSize(rooms);
        // Every session once in every round, pinned; a room holds one run a round.
        assertThat(schedule.getRuns()).hasSize(sessions * rounds);
        assertThat(schedule.getRuns()).allSatisfy(run -> assertThat(run.isPinned()).isTrue());
        for (Session session : schedule.getSessions()) {
            assertThat(session.runs()).isEqualTo(rounds);
            List<Round> placed = schedule.getRuns().stream().filter(r -> r.getSession().equals(session))
                    .map(SessionRun::getRound).toList();
            assertThat(placed).as(session.id()).containsExactlyInAnyOrderElementsOf(schedule.getRounds());
        }
        Set<String> roomRounds = new HashSet<>();
        schedule.getRuns().forEach(run -> assertThat(roomRounds.add(run.getRound().id() + "|" + run.getRoom().id()))
                .as("%s: room free", run).isTrue());
        // Everyone wants every round; every session is open to everyone.
        assertThat(schedule.getAttendees()).allSatisfy(a -> assertThat(a.wantedRounds())
                .containsExactlyInAnyOrderElementsOf(schedule.getRounds()));
        assertThat(schedule.getSessions()).allSatisfy(s -> assertThat(s.audience()).isEmpty());
        // One list for the event, of `ranked` sessions for most, with a tie in some lists.
        assertThat(schedule.getAttendees()).allSatisfy(a -> {
            assertThat(a.ranks().size()).isLessThanOrEqualTo(ranked);
            assertThat(a.ranks().values()).allSatisfy(rank -> assertThat(rank).isBetween(1, ranked));
        });
        long full = schedule.getAttendees().stream().filter(a -> a.ranks().size() == ranked).count();
        assertThat(full).isGreaterThan(attendees * 3L / 4);
        assertThat(schedule.getAttendees().stream().filter(RepeatAllAndRankAllPresetsTest::hasTie)).isNotEmpty();
        // Tight rooms: in every round the runs give 1.0 to 1.05 seats per attendee.
        for (Round round : schedule.getRounds()) {
            int seats = schedule.getRuns().stream().filter(r -> r.getRound().equals(round))
                    .mapToInt(r -> r.getSession().seatLimitIn(r.getRoom())).sum();
            assertThat((double) seats / attendees).as(round.id()).isBetween(1.0, 1.05);
        }
        // The pinned timetable keeps every placement rule (the independent checker of the end-to-end tests).
        assertThat(IndependentChecker.check(event.document()).violations()).isEmpty();
    }

    // ************************************************************************
    // rank-all-open
    // ************************************************************************

    @Test
    void rankAllOpen300() throws Exception {
        LoadedEvent event = load(EventShape.of("rank-all-open-300", Map.of()), 1);
        checkRankAllOpen(event.schedule(), 300, 50, 5, 10);
    }

    /** At full size: the room capacity is what scales with the attendees. */
    @Test
    void rankAllOpen2000() throws Exception {
        LoadedEvent event = load(EventShape.of("rank-all-open-2000", Map.of()), 1);
        checkRankAllOpen(event.schedule(), 2000, 50, 5, 10);
        int small = load(EventShape.of("rank-all-open-300", Map.of()), 1).schedule().getRooms().get(0).capacity();
        assertThat(event.schedule().getRooms().get(0).capacity()).isGreaterThan(6 * small);
    }

    private static void checkRankAllOpen(Schedule schedule, int attendees, int sessions, int rounds, int rooms) {
        assertThat(schedule.getAttendees()).hasSize(attendees);
        assertThat(schedule.getSessions()).hasSize(sessions);
        assertThat(schedule.getRounds()).hasSize(rounds);
        assertThat(schedule.getRooms()).hasSize(rooms);
        // Every session once, nothing placed, no rule but the rooms.
        assertThat(schedule.getRuns()).hasSize(sessions);
        assertThat(schedule.getRuns()).allSatisfy(run -> {
            assertThat(run.isPlaced()).isFalse();
            assertThat(run.isPinned()).isFalse();
        });
        assertThat(schedule.getSpeakers()).isEmpty();
        assertThat(schedule.getSessions()).allSatisfy(s -> {
            assertThat(s.runs()).isEqualTo(1);
            assertThat(s.speakers()).isEmpty();
            assertThat(s.themes()).isEmpty();
            assertThat(s.audience()).isEmpty();
            assertThat(s.requiredRoomTags()).isEmpty();
            assertThat(s.capacity()).isNull();
            assertThat(s.allowedRounds()).containsExactlyInAnyOrderElementsOf(schedule.getRounds());
        });
        // Identical rooms, always available, no tags; seats per round 1.1 to 1.2 per attendee.
        int capacity = schedule.getRooms().get(0).capacity();
        assertThat(schedule.getRooms()).allSatisfy(room -> {
            assertThat(room.capacity()).isEqualTo(capacity);
            assertThat(room.tags()).isEmpty();
            assertThat(room.unavailableRounds()).isEmpty();
        });
        assertThat((double) rooms * capacity / attendees).isBetween(1.1, 1.2);
        assertThat(schedule.getRooms().stream().map(Room::id).distinct()).hasSize(rooms);
        // Everyone wants every round and ranks every session: ranks 1 … k without gaps, some shared.
        Set<Session> all = Set.copyOf(schedule.getSessions());
        int tied = 0;
        for (Attendee attendee : schedule.getAttendees()) {
            assertThat(attendee.wantedRounds()).containsExactlyInAnyOrderElementsOf(schedule.getRounds());
            assertThat(attendee.ranks().keySet()).as(attendee.id()).isEqualTo(all);
            List<Integer> ranks = attendee.ranks().values().stream().distinct().sorted().toList();
            assertThat(ranks.get(0)).isEqualTo(1);
            assertThat(ranks.get(ranks.size() - 1)).isEqualTo(ranks.size());
            tied += hasTie(attendee) ? 1 : 0;
        }
        assertThat(tied).isGreaterThan(attendees / 2);
        // Several sessions on one rank, not just a pair now and then.
        Attendee first = schedule.getAttendees().get(0);
        Map<Integer, Long> perRank = first.ranks().values().stream()
                .collect(Collectors.groupingBy(r -> r, Collectors.counting()));
        assertThat(perRank.size()).isBetween(sessions / 4, sessions - 5);
    }

    /** An open shape has a feasible timetable: the reference one, which the same shape made fixed pins. */
    @Test
    void rankAllOpenHasAFeasibleTimetable() throws Exception {
        LoadedEvent fixed = load(shape("rank-all-open-300", "timetable", "fixed"), 1);
        assertThat(fixed.schedule().getRuns()).allSatisfy(run -> assertThat(run.isPinned()).isTrue());
        assertThat(IndependentChecker.check(fixed.document()).violations()).isEmpty();
    }

    // ************************************************************************
    // Reproducible
    // ************************************************************************

    @Test
    void sameSeedGivesTheSameBytes() {
        for (EventShape shape : List.of(shape("repeat-all-2000", "attendees", "200"),
                shape("rank-all-open-2000", "attendees", "200"))) {
            String first = text(shape, 5);
            assertThat(text(shape, 5)).as("%s", shape).isEqualTo(first);
            assertThat(text(shape, 6)).as("%s", shape).isNotEqualTo(first);
        }
    }

    /** The written event says how to make it again, on/off settings included. */
    @Test
    void theDescriptionRebuildsTheShape() {
        EventShape shape = EventShape.of("rank-all-open-300", Map.of());
        String description = EventGenerator.generate(shape, 1).document().get("description").asText();
        assertThat(description).contains("--preferences rank-all").contains("--uniform-rooms true")
                .contains("--speakers false").contains("--themes false").doesNotContain("--ranked");
        assertThat(EventGenerator.generate(EventShape.of("repeat-all-400", Map.of()), 1).document().get("description")
                .asText()).contains("--repeat-all true").doesNotContain("--repeat-share");
    }

    private static boolean hasTie(Attendee attendee) {
        return attendee.ranks().values().stream().distinct().count() < attendee.ranks().size();
    }
}

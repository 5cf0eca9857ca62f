package org.breakout.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import org.breakout.domain.Attendee;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;
import org.junit.jupiter.api.Test;

class EventReaderTest {

    static String resource(String name) {
        try (InputStream in = EventReaderTest.class.getResourceAsStream("/events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static LoadedEvent load(String name) throws EventFormatException {
        return EventReader.parse(Path.of(name), resource(name));
    }

    private static List<Problem> problemsOf(String json) {
        try {
            EventReader.parse(Path.of("bad.json"), json);
        } catch (EventFormatException e) {
            return e.problems();
        }
        throw new AssertionError("expected the event to be rejected");
    }

    /** A valid small event, as a JSON string, with a placeholder to inject a fault into. */
    private static String event(String sessions, String attendees) {
        return """
                { "rounds": [ { "id": "R1", "start": "2025-06-04T10:00", "end": "2025-06-04T11:00" },
                              { "id": "R2", "start": "2025-06-04T11:15", "end": "2025-06-04T12:15" } ],
                  "rooms": [ { "id": "a", "capacity": 10 }, { "id": "b", "capacity": 5 } ],
                  "sessions": %s,
                  "attendees": %s }
                """.formatted(sessions, attendees);
    }

    private static final String TWO_SESSIONS = "[ { \"id\": \"S1\" }, { \"id\": \"S2\" } ]";

    @Test
    void readsTheContractExample() throws Exception {
        LoadedEvent loaded = load("minimal.json");
        Schedule schedule = loaded.schedule();
        assertThat(loaded.warnings()).isEmpty();
        assertThat(schedule.getName()).isEqualTo("Netwerkdag");
        assertThat(schedule.getSettings().rankCosts()).containsExactly(0, 1, 4, 9);
        assertThat(schedule.getRuns()).hasSize(1);
        SessionRun run = schedule.getRuns().get(0);
        assertThat(run.isPinned()).isTrue();
        assertThat(run.getRound().id()).isEqualTo("R1");
        assertThat(run.getRoom().id()).isEqualTo("raadzaal");
        assertThat(run.seatLimit()).isEqualTo(40);
        Seat seat = schedule.getSeats().get(0);
        assertThat(seat.getRun()).isSameAs(run);
        assertThat(seat.isPinned()).isFalse();
        assertThat(seat.getPreviousSession().id()).isEqualTo("S01");
    }

    @Test
    void preferencesAsListOrRanksWithTies() throws Exception {
        Schedule schedule = load("small-open.json").schedule();
        Attendee p02 = attendee(schedule, "P02");
        Attendee p06 = attendee(schedule, "P06");
        assertThat(p02.rankOf(session(schedule, "A"))).isEqualTo(1);
        assertThat(p02.rankOf(session(schedule, "C"))).isEqualTo(3);
        assertThat(p02.rankOf(session(schedule, "D"))).isEqualTo(4); // unranked: one worse than worst
        assertThat(p06.rankOf(session(schedule, "C"))).isEqualTo(1);
        assertThat(p06.rankOf(session(schedule, "D"))).isEqualTo(1);
        assertThat(attendee(schedule, "P10").rankOf(session(schedule, "A"))).isEqualTo(1);
    }

    @Test
    void defaultsAndDerivedModel() throws Exception {
        Schedule schedule = load("small-open.json").schedule();
        // Runs: A twice, others once.
        assertThat(schedule.getRuns()).extracting(SessionRun::getId)
                .containsExactly("A#1", "A#2", "B#1", "C#1", "D#1", "E#1", "F#1");
        assertThat(schedule.getRuns()).allMatch(run -> run.getRound() == null && !run.isPinned());
        // Without "rounds", an attendee wants every round with a session they may attend.
        assertThat(attendee(schedule, "P02").wantedRounds()).extracting(r -> r.id()).containsExactly("R1", "R2", "R3");
        assertThat(attendee(schedule, "P05").wantedRounds()).extracting(r -> r.id()).containsExactly("R1", "R2");
        assertThat(schedule.getSeats().stream().filter(s -> s.getAttendee().id().equals("P05"))).hasSize(2);
        // E is for mayors only: not in P02's eligible runs, in P01's.
        Seat p02Seat = schedule.getSeats().stream().filter(s -> s.getAttendee().id().equals("P02")).findFirst().orElseThrow();
        Seat p01Seat = schedule.getSeats().stream().filter(s -> s.getAttendee().id().equals("P01")).findFirst().orElseThrow();
        assertThat(p02Seat.getEligibleRuns()).extracting(SessionRun::getId).doesNotContain("E#1").contains("A#1", "A#2");
        assertThat(p01Seat.getEligibleRuns()).extracting(SessionRun::getId).contains("E#1");
    }

    @Test
    void weightOverridesByFactorOrScore() throws Exception {
        String json = event(TWO_SESSIONS, "[]").replaceFirst("\\{", """
                { "settings": { "weights": { "preferenceCost": 3, "themeClash": "0hard/0medium/7soft" } },""");
        Schedule schedule = EventReader.parse(Path.of("w.json"), json).schedule();
        assertThat(schedule.getConstraintWeightOverrides().getConstraintWeight("preferenceCost"))
                .isEqualTo(HardMediumSoftLongScore.ofSoft(3));
        assertThat(schedule.getConstraintWeightOverrides().getConstraintWeight("themeClash"))
                .isEqualTo(HardMediumSoftLongScore.ofSoft(7));
    }

    @Test
    void badJsonNamesLineAndColumn() {
        List<Problem> problems = problemsOf("{ \"rounds\": [ { \"id\": \"R1\" } \n, ]");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).path()).startsWith("line 2");
        assertThat(problems.get(0).message()).contains("not valid JSON");
    }

    @Test
    void unknownSessionInPreferenceNamesThePath() {
        List<Problem> problems = problemsOf(event(TWO_SESSIONS,
                "[ { \"id\": \"A1\", \"preferences\": [\"S1\", \"S9\"] } ]"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("attendees[0].preferences[1]");
            assertThat(p.message()).contains("unknown session \"S9\"").contains("S1, S2");
        });
    }

    @Test
    void duplicateAttendee() {
        List<Problem> problems = problemsOf(event(TWO_SESSIONS, "[ { \"id\": \"A1\" }, { \"id\": \"A1\" } ]"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("attendees[1].id");
            assertThat(p.message()).contains("duplicate attendee id \"A1\"");
        });
    }

    @Test
    void reportsEveryProblemAtOnce() {
        String json = """
                { "rounds": [ { "id": "R2", "start": "2025-06-04T11:15", "end": "2025-06-04T12:15" },
                              { "id": "R1", "start": "2025-06-04T10:00", "end": "2025-06-04T09:00" } ],
                  "rooms": [ { "id": "a", "capacity": 0 }, { "id": "b" } ],
                  "sessions": [ { "id": "S1", "runs": 3 }, { "id": "S2", "allowedRounds": ["R7"] },
                                { "id": "S3", "requiredRoomTags": ["av"] } ],
                  "attendees": [ { "id": "A1", "preferences": ["S1", "S1"], "rounds": ["R1", "R5"] } ] }
                """;
        assertThatThrownBy(() -> EventReader.parse(Path.of("bad.json"), json))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("bad.json: 9 problems")
                .hasMessageContaining("rounds[1].end: the round ends")
                .hasMessageContaining("rounds[1].start: round R1 starts before round R2")
                .hasMessageContaining("rooms[0].capacity: must be at least 1, not 0")
                .hasMessageContaining("rooms[1].capacity: missing")
                .hasMessageContaining("sessions[0].runs: 3 runs cannot fit in 2 allowed round(s)")
                .hasMessageContaining("sessions[1].allowedRounds[0]: unknown round \"R7\"")
                .hasMessageContaining("sessions[2].requiredRoomTags: no room has all of [av]")
                .hasMessageContaining("attendees[0].preferences[1]: session S1 is ranked twice")
                .hasMessageContaining("attendees[0].rounds[1]: unknown round \"R5\"");
    }

    @Test
    void aRoomWithABadCapacityIsOneProblemNotAlsoItsPlacements() {
        String json = """
                { "rounds": [ { "id": "R1" } ],
                  "rooms": [ { "id": "a", "capacity": -3 } ],
                  "sessions": [ { "id": "S1", "capacity": 20, "placements": [ { "round": "R1", "room": "a" } ] } ],
                  "attendees": [ { "id": "A1", "preferences": ["S1"] } ] }
                """;
        assertThat(problemsOf(json)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("rooms[0].capacity");
            assertThat(p.message()).isEqualTo("must be at least 1, not -3");
        });
    }

    @Test
    void typeErrorsAreProblemsNotExceptions() {
        List<Problem> problems = problemsOf(event("[ { \"id\": \"S1\", \"capacity\": \"forty\", \"plenary\": \"yes\" } ]",
                "[ { \"id\": 7 }, \"A2\" ]"));
        assertThat(problems).extracting(Problem::path)
                .containsExactlyInAnyOrder("sessions[0].capacity", "sessions[0].plenary", "attendees[0].id", "attendees[1]");
    }

    @Test
    void missingTopLevelListsAndNonObject() {
        assertThat(problemsOf("{}")).extracting(Problem::path).containsExactly("rounds", "rooms", "sessions", "attendees");
        assertThat(problemsOf("[1, 2]")).singleElement().satisfies(p -> assertThat(p.message()).contains("JSON object"));
    }

    @Test
    void placementProblems() {
        List<Problem> problems = problemsOf(event("""
                [ { "id": "S1", "allowedRounds": ["R1"], "placements": [ { "round": "R2", "room": "a" } ] },
                  { "id": "S2", "runs": 1, "placements": [ { "round": "R1", "room": "a" }, { "round": "R2", "room": "zz" } ] } ]
                """, "[ { \"id\": \"A1\", \"assignments\": [ { \"round\": \"R2\", \"session\": \"S2\", \"pinned\": true } ] } ]"));
        assertThat(problems).extracting(Problem::path).contains("sessions[0].placements[0].round",
                "sessions[1].placements", "attendees[0].assignments[0]");
    }

    @Test
    void pinnedSeatInASessionTheAttendeeMayNotAttend() {
        List<Problem> problems = problemsOf(event("""
                [ { "id": "S1", "audience": ["mayor"], "placements": [ { "round": "R1", "room": "a", "pinned": true } ] },
                  { "id": "S2", "placements": [ { "round": "R2", "room": "a", "pinned": true } ] } ]
                """, "[ { \"id\": \"A1\", \"assignments\": [ { \"round\": \"R1\", \"session\": \"S1\", "
                + "\"pinned\": true } ] } ]"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("attendees[0].assignments[0]");
            assertThat(p.message()).contains("pinned seat in S1 for attendee A1, who may not attend it",
                    "only for mayor", "remove the pin");
        });
    }

    @Test
    void unknownFieldsAreWarningsNotErrors() throws Exception {
        LoadedEvent loaded = EventReader.parse(Path.of("w.json"),
                event("[ { \"id\": \"S1\", \"capcity\": 4 } ]",
                        "[ { \"id\": \"A1\", \"phone\": \"0101234567\", \"email\": \"a@b.nl\" } ]"));
        // email is known (breakout export reads it); phone is not.
        assertThat(loaded.warnings()).extracting(Problem::path).containsExactly("sessions[0].capcity", "attendees[0].phone");
    }

    @Test
    void unknownWeightIsAProblem() {
        String json = event(TWO_SESSIONS, "[]").replaceFirst("\\{", "{ \"settings\": { \"weights\": { \"nope\": 2 } },");
        assertThat(problemsOf(json)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("settings.weights.nope");
            assertThat(p.message()).contains("unknown constraint").contains("preferenceCost");
        });
    }

    static Attendee attendee(Schedule schedule, String id) {
        return schedule.getAttendees().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    static Session session(Schedule schedule, String id) {
        return schedule.getSessions().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }
}

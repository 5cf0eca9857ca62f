package org.breakout.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.breakout.solver.TestEvents.attendee;
import static org.breakout.solver.TestEvents.pinnedRun;
import static org.breakout.solver.TestEvents.ranks;
import static org.breakout.solver.TestEvents.room;
import static org.breakout.solver.TestEvents.rounds;
import static org.breakout.solver.TestEvents.run;
import static org.breakout.solver.TestEvents.session;
import static org.breakout.solver.TestEvents.speaker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.breakout.domain.Attendee;
import org.breakout.domain.EventSettings;
import org.breakout.domain.Room;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;
import org.breakout.domain.Speaker;
import org.breakout.solver.PlacementPhase.Placement;
import org.junit.jupiter.api.Test;

class PlacementPhaseTest {

    @Test
    void coDemandedSessionsGoToDifferentRoundsWithoutClashes() {
        List<Round> rounds = rounds(2);
        Room plain = room("plain", 10);
        Room av = room("av", 10, "av");
        Speaker shared = speaker("shared");
        Session s1 = session("S1", 1, null, rounds, List.of(shared), Set.of(), Set.of(), Set.of());
        Session s2 = session("S2", 1, null, rounds, List.of(), Set.of(), Set.of("av"), Set.of());
        Session s3 = session("S3", 1, null, rounds, List.of(shared), Set.of(), Set.of(), Set.of());
        Session s4 = session("S4", 1, null, rounds);
        List<Session> sessions = List.of(s1, s2, s3, s4);
        List<SessionRun> runs = new ArrayList<>();
        for (Session session : sessions) {
            runs.add(new SessionRun(session, 0));
        }
        List<Attendee> attendees = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attendees.add(attendee("A" + i, Set.of(), rounds, ranks(s1, 1, s2, 2, s3, 3)));
            attendees.add(attendee("B" + i, Set.of(), rounds, ranks(s3, 1, s4, 2, s1, 3)));
        }
        Schedule schedule = TestEvents.schedule(EventSettings.DEFAULT, rounds, List.of(plain, av),
                List.of(shared), sessions, attendees, runs);

        Map<SessionRun, Placement> plan = PlacementPhase.plan(schedule);
        assertThat(plan.keySet()).containsExactlyInAnyOrderElementsOf(runs);
        apply(plan);

        assertPlacementRulesHold(schedule);
        assertThat(roundOf(runs, s1)).isNotEqualTo(roundOf(runs, s2));
        assertThat(roundOf(runs, s3)).isNotEqualTo(roundOf(runs, s4));
        assertThat(runs.get(1).getRoom()).isEqualTo(av);
    }

    @Test
    void pinnedAndGivenRunsAreKeptAndAvoided() {
        List<Round> rounds = rounds(2);
        Round r1 = rounds.get(0);
        Round r2 = rounds.get(1);
        Room a = room("a", 10);
        Room b = room("b", 10);
        Speaker host = speaker("host");
        Session pinned = session("P", 1, null, rounds, List.of(host), Set.of(), Set.of(), Set.of());
        Session given = session("G", 1, null, rounds);
        Session open1 = session("O1", 1, null, rounds, List.of(host), Set.of(), Set.of(), Set.of());
        Session open2 = session("O2", 1, null, rounds);
        SessionRun pinnedRun = pinnedRun(pinned, 0, r1, a);
        SessionRun givenRun = run(given, 0, r2, a);
        SessionRun o1 = new SessionRun(open1, 0);
        SessionRun o2 = new SessionRun(open2, 0);
        List<SessionRun> runs = List.of(pinnedRun, givenRun, o1, o2);
        Schedule schedule = TestEvents.schedule(EventSettings.DEFAULT, rounds, List.of(a, b), List.of(host),
                List.of(pinned, given, open1, open2), List.of(), runs);

        Map<SessionRun, Placement> plan = PlacementPhase.plan(schedule);
        assertThat(plan.keySet()).containsExactlyInAnyOrder(o1, o2);
        apply(plan);

        assertThat(pinnedRun.getRound()).isEqualTo(r1);
        assertThat(pinnedRun.getRoom()).isEqualTo(a);
        assertThat(givenRun.getRound()).isEqualTo(r2);
        assertThat(givenRun.getRoom()).isEqualTo(a);
        assertPlacementRulesHold(schedule);
        // The host speaks in P (round 1), so O1 must be in round 2, in the room G leaves free.
        assertThat(o1.getRound()).isEqualTo(r2);
        assertThat(o1.getRoom()).isEqualTo(b);
    }

    @Test
    void runsOfARepeatedSessionGoToDifferentRounds() {
        List<Round> rounds = rounds(3);
        Session repeated = session("R", 3, null, rounds);
        Session other = session("O", 1, null, rounds);
        List<SessionRun> runs = List.of(new SessionRun(repeated, 0), new SessionRun(repeated, 1),
                new SessionRun(repeated, 2), new SessionRun(other, 0));
        List<Attendee> attendees = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            attendees.add(attendee("A" + i, Set.of(), rounds, ranks(repeated, 1, other, 2)));
        }
        Schedule schedule = TestEvents.schedule(EventSettings.DEFAULT, rounds,
                List.of(room("m1", 10), room("m2", 10), room("m3", 10)), List.of(), List.of(repeated, other),
                attendees, runs);
        apply(PlacementPhase.plan(schedule));
        assertPlacementRulesHold(schedule);
        assertThat(Set.of(runs.get(0).getRound(), runs.get(1).getRound(), runs.get(2).getRound())).hasSize(3);
    }

    @Test
    void unavailableSpeakersAndRoomsAreAvoided() {
        List<Round> rounds = rounds(2);
        Round r1 = rounds.get(0);
        Round r2 = rounds.get(1);
        Speaker late = speaker("late", r1);
        Room closedEarly = room("closedEarly", 30, Set.of(), Set.of(r2));
        Room open = room("open", 10, Set.of(), Set.of());
        Session s1 = session("S1", 1, null, rounds, List.of(late), Set.of(), Set.of(), Set.of());
        Session s2 = session("S2", 1, null, rounds);
        Session s3 = session("S3", 1, null, List.of(r1));
        List<SessionRun> runs = List.of(new SessionRun(s1, 0), new SessionRun(s2, 0), new SessionRun(s3, 0));
        Schedule schedule = TestEvents.schedule(EventSettings.DEFAULT, rounds, List.of(closedEarly, open),
                List.of(late), List.of(s1, s2, s3), List.of(), runs);
        apply(PlacementPhase.plan(schedule));
        assertPlacementRulesHold(schedule);
        assertThat(runs.get(0).getRound()).isEqualTo(r2);
        assertThat(runs.get(2).getRound()).isEqualTo(r1);
    }

    @Test
    void popularSessionGetsTheBigRoom() {
        List<Round> rounds = rounds(1);
        Room big = room("big", 20);
        Room small = room("small", 5);
        Session popular = session("Popular", 1, null, rounds);
        Session niche = session("Niche", 1, null, rounds);
        List<SessionRun> runs = List.of(new SessionRun(niche, 0), new SessionRun(popular, 0));
        List<Attendee> attendees = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            attendees.add(attendee("P" + i, Set.of(), rounds, ranks(popular, 1, niche, 2)));
        }
        for (int i = 0; i < 3; i++) {
            attendees.add(attendee("N" + i, Set.of(), rounds, ranks(niche, 1, popular, 2)));
        }
        Schedule schedule = TestEvents.schedule(EventSettings.DEFAULT, rounds, List.of(small, big), List.of(),
                List.of(popular, niche), attendees, runs);
        apply(PlacementPhase.plan(schedule));
        assertThat(runs.get(1).getRoom()).isEqualTo(big);
        assertThat(runs.get(0).getRoom()).isEqualTo(small);
    }

    @Test
    void themesAreSpreadOverRounds() {
        List<Round> rounds = rounds(2);
        Session a1 = session("A1", 1, null, rounds, List.of(), Set.of("a"), Set.of(), Set.of());
        Session a2 = session("A2", 1, null, rounds, List.of(), Set.of("a"), Set.of(), Set.of());
        Session b1 = session("B1", 1, null, rounds, List.of(), Set.of("b"), Set.of(), Set.of());
        Session b2 = session("B2", 1, null, rounds, List.of(), Set.of("b"), Set.of(), Set.of());
        List<SessionRun> runs = List.of(new SessionRun(a1, 0), new SessionRun(a2, 0), new SessionRun(b1, 0),
                new SessionRun(b2, 0));
        Schedule schedule = TestEvents.schedule(EventSettings.DEFAULT, rounds, List.of(room("m1", 5), room("m2", 5)),
                List.of(), List.of(a1, a2, b1, b2), List.of(), runs);
        apply(PlacementPhase.plan(schedule));
        assertPlacementRulesHold(schedule);
        assertThat(runs.get(0).getRound()).isNotEqualTo(runs.get(1).getRound());
        assertThat(runs.get(2).getRound()).isNotEqualTo(runs.get(3).getRound());
    }

    @Test
    void leastBadOptionWhenNothingIsFeasible() {
        List<Round> rounds = rounds(1);
        Session s1 = session("S1", 1, null, rounds);
        Session s2 = session("S2", 1, null, rounds);
        List<SessionRun> runs = List.of(new SessionRun(s1, 0), new SessionRun(s2, 0));
        Schedule schedule = TestEvents.schedule(EventSettings.DEFAULT, rounds, List.of(room("only", 5)), List.of(),
                List.of(s1, s2), List.of(), runs);
        Map<SessionRun, Placement> plan = PlacementPhase.plan(schedule);
        assertThat(plan).hasSize(2);
    }

    @Test
    void partialPlacementKeepsItsHalf() {
        List<Round> rounds = rounds(2);
        Round r2 = rounds.get(1);
        Session s1 = session("S1", 1, null, rounds);
        SessionRun half = new SessionRun(s1, 0);
        half.setRound(r2);
        Schedule schedule = TestEvents.schedule(EventSettings.DEFAULT, rounds, List.of(room("m1", 5)), List.of(),
                List.of(s1), List.of(), List.of(half));
        assertThat(PlacementPhase.plan(schedule).get(half).round()).isEqualTo(r2);
    }

    @Test
    void deterministicAndCompleteOnALargerOpenEvent() {
        Schedule first = SyntheticEvents.perRoundSessions(5, 600, 4, 6, 4, 8, 1.1, false);
        Schedule second = SyntheticEvents.perRoundSessions(5, 600, 4, 6, 4, 8, 1.1, false);
        Map<SessionRun, Placement> planA = PlacementPhase.plan(first);
        Map<SessionRun, Placement> planB = PlacementPhase.plan(second);
        assertThat(planA).hasSize(first.getRuns().size());
        List<String> a = new ArrayList<>();
        planA.forEach((run, p) -> a.add(run.getId() + p));
        List<String> b = new ArrayList<>();
        planB.forEach((run, p) -> b.add(run.getId() + p));
        assertThat(a).isEqualTo(b);
        apply(planA);
        assertPlacementRulesHold(first);
    }

    // ************************************************************************
    // Helpers
    // ************************************************************************

    private static void apply(Map<SessionRun, Placement> plan) {
        plan.forEach((run, placement) -> {
            run.setRound(placement.round());
            run.setRoom(placement.room());
        });
    }

    private static Round roundOf(List<SessionRun> runs, Session session) {
        return runs.stream().filter(r -> r.getSession().equals(session)).findFirst().orElseThrow().getRound();
    }

    /** The hard placement rules, checked directly on the runs. */
    static void assertPlacementRulesHold(Schedule schedule) {
        Set<String> roomRounds = new HashSet<>();
        Map<Round, Set<Speaker>> speakers = new HashMap<>();
        Map<Round, Set<Session>> sessions = new HashMap<>();
        for (SessionRun run : schedule.getRuns()) {
            assertThat(run.isPlaced()).as("placed %s", run).isTrue();
            Round round = run.getRound();
            assertThat(roomRounds.add(run.getRoom().id() + "@" + round.id())).as("room clash %s", run).isTrue();
            assertThat(run.getRoom().isAvailableIn(round)).as("room available %s", run).isTrue();
            assertThat(run.getRoom().tags()).as("tags %s", run).containsAll(run.getSession().requiredRoomTags());
            assertThat(run.getSession().isAllowedIn(round)).as("allowed %s", run).isTrue();
            assertThat(sessions.computeIfAbsent(round, r -> new HashSet<>()).add(run.getSession()))
                    .as("two runs of a session in one round %s", run).isTrue();
            for (Speaker speaker : run.getSession().speakers()) {
                assertThat(speaker.isAvailableIn(round)).as("speaker available %s", run).isTrue();
                assertThat(speakers.computeIfAbsent(round, r -> new HashSet<>()).add(speaker))
                        .as("speaker clash %s", run).isTrue();
            }
        }
    }
}

package org.breakout.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.breakout.solver.TestEvents.attendee;
import static org.breakout.solver.TestEvents.pinSeat;
import static org.breakout.solver.TestEvents.ranks;
import static org.breakout.solver.TestEvents.room;
import static org.breakout.solver.TestEvents.rounds;
import static org.breakout.solver.TestEvents.run;
import static org.breakout.solver.TestEvents.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.breakout.domain.Attendee;
import org.breakout.domain.EventSettings;
import org.breakout.domain.Room;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;
import org.junit.jupiter.api.Test;

class SeatingFlowTest {

    // ************************************************************************
    // Hand-built cases, each checked against brute force
    // ************************************************************************

    @Test
    void capacityBinding() {
        List<Round> rounds = rounds(1);
        Round r1 = rounds.get(0);
        Session a = session("A", 1, 2, rounds);
        Session b = session("B", 1, null, rounds);
        Session c = session("C", 1, null, rounds);
        List<SessionRun> runs = List.of(run(a, 0, r1, room("big", 10)), run(b, 0, r1, room("one", 1)),
                run(c, 0, r1, room("onemore", 1)));
        List<Attendee> attendees = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            attendees.add(attendee("A" + i, Set.of(), rounds, ranks(a, 1, b, 2, c, 3)));
        }
        Schedule schedule = TestEvents.schedule(EventSettings.DEFAULT, rounds, roomsOf(runs), List.of(),
                List.of(a, b, c), attendees, runs);

        SeatingFlow.Result result = assertOptimal(schedule);
        // A holds 2 (its cap, below the room), B and C one each: one attendee is left without a seat.
        assertThat(result.seatsFilled()).isEqualTo(4);
        assertThat(result.cost()).isEqualTo(0 + 0 + 1 + 4);
        assertThat(result.provenOptimal()).isTrue();
    }

    @Test
    void tiesAndTwoRounds() {
        List<Round> rounds = rounds(2);
        Round r1 = rounds.get(0);
        Round r2 = rounds.get(1);
        Session a = session("A", 1, null, rounds);
        Session b = session("B", 1, null, rounds);
        Session c = session("C", 1, null, rounds);
        Session d = session("D", 1, null, rounds);
        List<SessionRun> runs = List.of(run(a, 0, r1, room("m1", 2)), run(b, 0, r1, room("m2", 1)),
                run(c, 0, r2, room("m3", 2)), run(d, 0, r2, room("m4", 2)));
        List<Attendee> attendees = List.of(
                attendee("X", Set.of(), rounds, ranks(a, 1, b, 1, c, 2, d, 3)),
                attendee("Y", Set.of(), rounds, ranks(a, 1, c, 1, d, 1)),
                attendee("Z", Set.of(), rounds, ranks(b, 1, a, 2, d, 2)),
                attendee("W", Set.of(), List.of(r2), ranks(c, 1)));
        Schedule schedule = TestEvents.schedule(EventSettings.DEFAULT, rounds, roomsOf(runs), List.of(),
                List.of(a, b, c, d), attendees, runs);

        SeatingFlow.Result result = assertOptimal(schedule);
        assertThat(result.seatsFilled()).isEqualTo(7);
    }

    @Test
    void pinnedSeatsReduceCapacityAndTakeTheirRound() {
        List<Round> rounds = rounds(2);
        Round r1 = rounds.get(0);
        Round r2 = rounds.get(1);
        Session a = session("A", 1, null, rounds);
        Session b = session("B", 1, null, rounds);
        Session c = session("C", 1, null, rounds);
        SessionRun runA = run(a, 0, r1, room("m1", 3));
        SessionRun runB = run(b, 0, r1, room("m2", 3));
        SessionRun runC = run(c, 0, r2, room("m3", 3));
        List<SessionRun> runs = List.of(runA, runB, runC);
        List<Attendee> attendees = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            attendees.add(attendee("A" + i, Set.of(), rounds, ranks(a, 1, b, 2, c, 1)));
        }
        Schedule schedule = TestEvents.schedule(EventSettings.DEFAULT, rounds, roomsOf(runs), List.of(),
                List.of(a, b, c), attendees, runs);
        // Two attendees already hold a pinned seat in A: one more fits. A0 also holds C (round 2) pinned.
        pinSeat(schedule, attendees.get(0), runA);
        pinSeat(schedule, attendees.get(1), runA);
        pinSeat(schedule, attendees.get(0), runC);

        SeatingFlow.Result result = assertOptimal(schedule);
        Map<Seat, SessionRun> seating = result.seating();
        assertThat(seating.keySet()).noneMatch(Seat::isPinned);
        assertThat(seating.values().stream().filter(runA::equals).count()).isEqualTo(1);
        // A0 has both rounds pinned: their (no) other seats stay empty.
        assertThat(seating.entrySet()).filteredOn(e -> e.getKey().getAttendee().equals(attendees.get(0)))
                .allMatch(e -> e.getValue() == null);
        // Round 1: 1 left in A, 3 in B for A1..A4 minus A1 (pinned in A): A2..A4 -> 1 in A, 2 in B.
        // Round 2: C has 3 seats, 1 taken by A0: 2 of A1..A4 get it, 2 stay empty.
        assertThat(result.seatsFilled()).isEqualTo(3 + 2);
    }

    @Test
    void repeatedSessionIsNotGivenTwice() {
        List<Round> rounds = rounds(2);
        Round r1 = rounds.get(0);
        Round r2 = rounds.get(1);
        Session popular = session("P", 2, null, rounds);
        Session other = session("O", 1, null, rounds);
        Session third = session("T", 1, null, rounds);
        List<SessionRun> runs = List.of(run(popular, 0, r1, room("m1", 2)), run(popular, 1, r2, room("m2", 2)),
                run(other, 0, r1, room("m3", 2)), run(third, 0, r2, room("m4", 2)));
        List<Attendee> attendees = List.of(
                attendee("X", Set.of(), rounds, ranks(popular, 1, other, 2, third, 3)),
                attendee("Y", Set.of(), rounds, ranks(popular, 1, third, 2)),
                attendee("Z", Set.of(), rounds, ranks(popular, 1, other, 2, third, 2)));
        Schedule schedule = TestEvents.schedule(EventSettings.DEFAULT, rounds, roomsOf(runs), List.of(),
                List.of(popular, other, third), attendees, runs);

        SeatingFlow.Result result = assertOptimal(schedule);
        // The relaxation gives someone P twice; the repair must not.
        assertThat(result.relaxedCost()).isLessThanOrEqualTo(result.cost());
        for (Attendee attendee : attendees) {
            assertThat(result.seating().entrySet().stream()
                    .filter(e -> e.getKey().getAttendee().equals(attendee) && e.getValue() != null)
                    .map(e -> e.getValue().getSession()).filter(popular::equals).count())
                    .isLessThanOrEqualTo(1);
        }
        assertThat(result.seatsFilled()).isEqualTo(6);
    }

    @Test
    void audienceRestrictedSessionOnlyForItsAudience() {
        List<Round> rounds = rounds(1);
        Round r1 = rounds.get(0);
        Session closed = session("Closed", 1, null, rounds, List.of(), Set.of(), Set.of(), Set.of("mayor"));
        Session open = session("Open", 1, null, rounds);
        List<SessionRun> runs = List.of(run(closed, 0, r1, room("m1", 5)), run(open, 0, r1, room("m2", 1)));
        Attendee mayor = attendee("mayor", Set.of("mayor"), rounds, ranks(closed, 1, open, 2));
        Attendee alderman = attendee("alderman", Set.of("alderman"), rounds, ranks(closed, 1, open, 2));
        Attendee official = attendee("official", Set.of(), rounds, ranks(closed, 1, open, 2));
        Schedule schedule = TestEvents.schedule(EventSettings.DEFAULT, rounds, roomsOf(runs), List.of(),
                List.of(closed, open), List.of(mayor, alderman, official), runs);
        // Make the restricted session eligible for everyone, so only the audience rule can keep them out.
        Schedule widened = widenEligibility(schedule);

        SeatingFlow.Result result = assertOptimal(widened);
        Map<String, String> byAttendee = new HashMap<>();
        result.seating().forEach((seat, run) -> byAttendee.put(seat.getAttendee().id(),
                run == null ? null : run.getSession().id()));
        assertThat(byAttendee.get("mayor")).isEqualTo("Closed");
        assertThat(byAttendee.values()).filteredOn("Closed"::equals).hasSize(1);
        // One of the other two gets the single open seat.
        assertThat(result.seatsFilled()).isEqualTo(2);
    }

    @Test
    void unrankedSessionsOnlyWhenAllowed() {
        List<Round> rounds = rounds(1);
        Round r1 = rounds.get(0);
        Session wanted = session("W", 1, null, rounds);
        Session other = session("O", 1, null, rounds);
        List<SessionRun> runs = List.of(run(wanted, 0, r1, room("m1", 1)), run(other, 0, r1, room("m2", 5)));
        List<Attendee> attendees = List.of(attendee("X", Set.of(), rounds, ranks(wanted, 1)),
                attendee("Y", Set.of(), rounds, ranks(wanted, 1)));
        Schedule allowed = TestEvents.schedule(EventSettings.DEFAULT, rounds, roomsOf(runs), List.of(),
                List.of(wanted, other), attendees, runs);
        assertThat(assertOptimal(allowed).seatsFilled()).isEqualTo(2);

        Schedule strict = widenEligibility(TestEvents.schedule(new EventSettings(false, null), rounds,
                roomsOf(runs), List.of(), List.of(wanted, other), attendees, runs));
        SeatingFlow.Result result = assertOptimal(strict);
        assertThat(result.seatsFilled()).isEqualTo(1);
    }

    @Test
    void rankCostsTableIsUsed() {
        List<Round> rounds = rounds(1);
        Round r1 = rounds.get(0);
        Session a = session("A", 1, null, rounds);
        Session b = session("B", 1, null, rounds);
        List<SessionRun> runs = List.of(run(a, 0, r1, room("m1", 1)), run(b, 0, r1, room("m2", 1)));
        // X does not mind (0, 1); Y minds a lot (0, 100): Y gets A although X asked first.
        EventSettings settings = new EventSettings(true, List.of(0, 1, 100));
        List<Attendee> attendees = List.of(attendee("X", Set.of(), rounds, ranks(a, 1, b, 2)),
                attendee("Y", Set.of(), rounds, ranks(a, 1, b, 3)));
        Schedule schedule = TestEvents.schedule(settings, rounds, roomsOf(runs), List.of(), List.of(a, b),
                attendees, runs);
        SeatingFlow.Result result = assertOptimal(schedule);
        assertThat(result.cost()).isEqualTo(1);
    }

    @Test
    void publishedSeatIsKeptWhenNothingBetterExists() {
        List<Round> rounds = rounds(1);
        Round r1 = rounds.get(0);
        Session a = session("A", 1, null, rounds);
        Session b = session("B", 1, null, rounds);
        List<SessionRun> runs = List.of(run(a, 0, r1, room("m1", 1)), run(b, 0, r1, room("m2", 1)));
        Attendee early = attendee("early", Set.of(), rounds, ranks(a, 1, b, 2));
        Attendee late = attendee("late", Set.of(), rounds, ranks(a, 1, b, 3));
        Schedule schedule = TestEvents.schedule(EventSettings.DEFAULT, rounds, roomsOf(runs), List.of(),
                List.of(a, b), List.of(early, late), runs);
        // "early" was told A: moving them costs 20, more than the 4 - 1 that "late" would gain.
        schedule.getSeats().get(0).setPrevious(a, r1);
        SeatingFlow.Result result = SeatingFlow.solveWithDetails(schedule);
        assertThat(result.seating().get(schedule.getSeats().get(0)).getSession()).isEqualTo(a);
        assertThat(result.seating().get(schedule.getSeats().get(1)).getSession()).isEqualTo(b);
        // Preference cost 4 (late at rank 3), no published seat changed.
        assertThat(result.cost()).isEqualTo(4);
        assertThat(result.provenOptimal()).isTrue();
    }

    @Test
    void unplacedRunOffersNoSeats() {
        List<Round> rounds = rounds(1);
        Round r1 = rounds.get(0);
        Session a = session("A", 1, null, rounds);
        Session b = session("B", 1, null, rounds);
        SessionRun unplaced = new SessionRun(a, 0);
        List<SessionRun> runs = List.of(unplaced, run(b, 0, r1, room("m2", 5)));
        Schedule schedule = TestEvents.schedule(EventSettings.DEFAULT, rounds, List.of(room("m2", 5)), List.of(),
                List.of(a, b), List.of(attendee("X", Set.of(), rounds, ranks(a, 1, b, 2))), runs);
        Map<Seat, SessionRun> seating = SeatingFlow.solve(schedule);
        assertThat(seating.values()).containsExactly(runs.get(1));
    }

    @Test
    void deterministic() {
        Schedule first = SyntheticEvents.everySessionEveryRound(3, 60, 5, 3, 4, 1.0);
        Schedule second = SyntheticEvents.everySessionEveryRound(3, 60, 5, 3, 4, 1.0);
        assertThat(idsOf(SeatingFlow.solve(first))).isEqualTo(idsOf(SeatingFlow.solve(second)));
    }

    // ************************************************************************
    // Random small events against brute force
    // ************************************************************************

    @Test
    void randomEventsWithoutRepeatsAreSolvedOptimally() {
        for (int seed = 0; seed < 60; seed++) {
            Schedule schedule = randomEvent(new Random(seed), false);
            SeatingFlow.Result result = assertOptimal(schedule);
            assertThat(result.provenOptimal()).as("seed %d", seed).isTrue();
        }
    }

    @Test
    void randomEventsWithRepeatsAreFeasibleAndWithinTheBound() {
        int optimal = 0;
        int cases = 60;
        for (int seed = 0; seed < cases; seed++) {
            Schedule schedule = randomEvent(new Random(1000 + seed), true);
            SeatingFlow.Result result = SeatingFlow.solveWithDetails(schedule);
            long[] best = BruteForce.optimum(schedule);
            assertFeasible(schedule, result.seating());
            // Relaxation >= optimum >= heuristic, lexicographically (more seats, then less cost).
            assertThat(compare(result.relaxedSeatsFilled(), result.relaxedCost(), best[0], best[1]))
                    .as("seed %d: bound", seed).isGreaterThanOrEqualTo(0);
            assertThat(compare(best[0], best[1], result.seatsFilled(), result.cost()))
                    .as("seed %d: optimum", seed).isGreaterThanOrEqualTo(0);
            if (best[0] == result.seatsFilled() && best[1] == result.cost()) {
                optimal++;
            }
        }
        // The repair is a heuristic, but on events this small it should nearly always find the optimum.
        assertThat(optimal).isGreaterThanOrEqualTo(cases * 9 / 10);
    }

    @Test
    void fillsAsManySeatsAsTheRelaxationOnAThousandAttendees() {
        // Speed is measured in benchmarks (benchmarks/README.md), not here.
        Schedule schedule = SyntheticEvents.perRoundSessions(3, 1000, 4, 8, 3, 8, 1.05, true);
        SeatingFlow.Result result = SeatingFlow.solveWithDetails(schedule);
        assertFeasible(schedule, result.seating());
        assertThat(result.seatsFilled()).isEqualTo(result.relaxedSeatsFilled());
    }

    // ************************************************************************
    // Helpers
    // ************************************************************************

    /** Checks the flow's seating is feasible and as good as brute force, and returns it. */
    private static SeatingFlow.Result assertOptimal(Schedule schedule) {
        SeatingFlow.Result result = SeatingFlow.solveWithDetails(schedule);
        assertFeasible(schedule, result.seating());
        long[] best = BruteForce.optimum(schedule);
        assertThat(result.seatsFilled()).as("seats filled").isEqualTo(best[0]);
        assertThat(result.cost()).as("preference cost").isEqualTo(best[1]);
        long cost = 0;
        for (Map.Entry<Seat, SessionRun> entry : result.seating().entrySet()) {
            if (entry.getValue() != null) {
                cost += schedule.getSettings().seatCost(entry.getKey().getAttendee(), entry.getValue().getSession());
            }
        }
        assertThat(cost).as("reported cost is the seating's cost").isEqualTo(result.cost());
        return result;
    }

    private static int compare(long filledA, long costA, long filledB, long costB) {
        if (filledA != filledB) {
            return Long.compare(filledA, filledB);
        }
        return Long.compare(costB, costA);
    }

    @Test
    void aTerminatedRepairStillGivesAFeasibleSeating() {
        int cut = 0;
        for (int seed = 0; seed < 120; seed++) {
            Schedule schedule = randomEvent(new Random(seed), true);
            SeatingFlow.Result full = SeatingFlow.solveWithDetails(schedule);
            SeatingFlow.Result stopped = SeatingFlow.solveWithDetails(schedule, () -> true);
            assertFeasible(schedule, stopped.seating());
            assertThat(stopped.seatsFilled()).as("seed %d", seed).isLessThanOrEqualTo(BruteForce.optimum(schedule)[0]);
            assertThat(stopped.flowSolves()).as("seed %d", seed).isLessThanOrEqualTo(full.flowSolves());
            cut += stopped.flowSolves() < full.flowSolves() ? 1 : 0;
        }
        assertThat(cut).as("events whose repair was cut short").isPositive();
    }

    static void assertFeasible(Schedule schedule, Map<Seat, SessionRun> seating) {
        assertThat(BruteForce.feasible(schedule, seating)).as("feasible seating %s", seating).isTrue();
        assertThat(seating.keySet()).containsExactlyInAnyOrderElementsOf(
                schedule.getSeats().stream().filter(s -> !s.isPinned()).toList());
    }

    private static List<String> idsOf(Map<Seat, SessionRun> seating) {
        List<String> ids = new ArrayList<>();
        seating.forEach((seat, run) -> ids.add(seat.getId() + "=" + (run == null ? "-" : run.getId())));
        return ids;
    }

    private static List<Room> roomsOf(List<SessionRun> runs) {
        List<Room> rooms = new ArrayList<>();
        for (SessionRun run : runs) {
            if (run.getRoom() != null && !rooms.contains(run.getRoom())) {
                rooms.add(run.getRoom());
            }
        }
        return rooms;
    }

    /** Same schedule, but every seat may take every run: the flow itself must apply audience and ranking rules. */
    private static Schedule widenEligibility(Schedule schedule) {
        List<Seat> seats = new ArrayList<>();
        for (Seat seat : schedule.getSeats()) {
            seats.add(new Seat(seat.getAttendee(), seat.getIndex(), schedule.getRuns()));
        }
        return new Schedule(schedule.getName(), schedule.getSettings(), schedule.getRounds(), schedule.getRooms(),
                schedule.getSpeakers(), schedule.getSessions(), schedule.getAttendees(), schedule.getRuns(), seats,
                schedule.getConstraintWeightOverrides());
    }

    /** 2-3 rounds, 3-5 sessions (with repeats if asked), 3-4 attendees, tight rooms, some pinned seats. */
    static Schedule randomEvent(Random random, boolean repeats) {
        List<Round> rounds = rounds(2 + random.nextInt(2));
        int sessionCount = 3 + random.nextInt(3);
        List<Session> sessions = new ArrayList<>();
        List<SessionRun> runs = new ArrayList<>();
        List<Room> rooms = new ArrayList<>();
        Map<Round, Integer> roomsUsed = new LinkedHashMap<>();
        for (int s = 0; s < sessionCount; s++) {
            int runCount = repeats && random.nextInt(2) == 0 ? 2 : 1;
            Set<String> audience = random.nextInt(6) == 0 ? Set.of("mayor") : Set.of();
            Integer cap = random.nextInt(4) == 0 ? 1 : null;
            Session session = session("S" + s, runCount, cap, rounds, List.of(), Set.of(), Set.of(), audience);
            sessions.add(session);
            List<Round> shuffled = new ArrayList<>(rounds);
            java.util.Collections.shuffle(shuffled, random);
            for (int i = 0; i < runCount; i++) {
                Round round = shuffled.get(i);
                Room room = room("m" + rooms.size(), 1 + random.nextInt(2));
                rooms.add(room);
                roomsUsed.merge(round, 1, Integer::sum);
                runs.add(run(session, i, round, room));
            }
        }
        List<Attendee> attendees = new ArrayList<>();
        int attendeeCount = 3 + random.nextInt(2);
        for (int a = 0; a < attendeeCount; a++) {
            Map<Session, Integer> ranks = new LinkedHashMap<>();
            for (Session session : sessions) {
                if (random.nextInt(3) > 0) {
                    ranks.put(session, 1 + random.nextInt(3));
                }
            }
            List<Round> wanted = new ArrayList<>();
            for (Round round : rounds) {
                if (random.nextInt(4) > 0) {
                    wanted.add(round);
                }
            }
            Set<String> tags = random.nextInt(3) == 0 ? Set.of("mayor") : Set.of();
            attendees.add(attendee("A" + a, tags, wanted, ranks));
        }
        EventSettings settings = new EventSettings(random.nextInt(3) > 0, null);
        Schedule schedule = TestEvents.schedule(settings, rounds, rooms, List.of(), sessions, attendees, runs);
        // Sometimes pin a seat of the first attendee in a run they may attend, in a round they want.
        if (random.nextBoolean()) {
            Attendee first = attendees.get(0);
            for (SessionRun run : runs) {
                if (settings.mayAttend(first, run.getSession()) && first.wants(run.getRound())) {
                    pinSeat(schedule, first, run);
                    break;
                }
            }
        }
        return schedule;
    }

    /** Exhaustive enumeration of seatings, independent of the flow. */
    static final class BruteForce {

        /** {seats filled, preference cost} of the best seating of the unpinned seats. */
        static long[] optimum(Schedule schedule) {
            List<Seat> free = schedule.getSeats().stream().filter(s -> !s.isPinned()).toList();
            Map<Seat, SessionRun> seating = new LinkedHashMap<>();
            long[] best = { -1, Long.MAX_VALUE };
            enumerate(schedule, free, 0, -1, seating, best);
            return best;
        }

        /**
         * Seats of one attendee are interchangeable (same eligible runs): their options are taken in non-decreasing
         * order (empty last), which skips the permutations of one seating.
         */
        private static void enumerate(Schedule schedule, List<Seat> free, int index, int previousOption,
                Map<Seat, SessionRun> seating, long[] best) {
            if (index == free.size()) {
                if (!feasible(schedule, seating)) {
                    return;
                }
                long filled = 0;
                long cost = 0;
                for (Map.Entry<Seat, SessionRun> entry : seating.entrySet()) {
                    if (entry.getValue() != null) {
                        filled++;
                        cost += schedule.getSettings().seatCost(entry.getKey().getAttendee(),
                                entry.getValue().getSession());
                    }
                }
                if (filled > best[0] || (filled == best[0] && cost < best[1])) {
                    best[0] = filled;
                    best[1] = cost;
                }
                return;
            }
            Seat seat = free.get(index);
            boolean sameAttendee = index > 0 && free.get(index - 1).getAttendee().equals(seat.getAttendee());
            List<SessionRun> options = new ArrayList<>(seat.getEligibleRuns());
            options.add(null);
            for (int option = sameAttendee ? previousOption : 0; option < options.size(); option++) {
                seating.put(seat, options.get(option));
                if (feasible(schedule, seating)) {
                    enumerate(schedule, free, index + 1, option, seating, best);
                }
            }
            seating.remove(seat);
        }

        /** Every hard rule on seats, for the given (partial) seating of unpinned seats plus the pinned seats. */
        static boolean feasible(Schedule schedule, Map<Seat, SessionRun> seating) {
            EventSettings settings = schedule.getSettings();
            Map<SessionRun, Integer> count = new HashMap<>();
            Map<Attendee, Set<Round>> roundsOf = new HashMap<>();
            Map<Attendee, Set<Session>> sessionsOf = new HashMap<>();
            List<Map.Entry<Seat, SessionRun>> all = new ArrayList<>();
            for (Seat seat : schedule.getSeats()) {
                if (seat.isPinned()) {
                    all.add(Map.entry(seat, seat.getRun()));
                }
            }
            for (Map.Entry<Seat, SessionRun> entry : seating.entrySet()) {
                if (entry.getValue() != null) {
                    all.add(entry);
                }
            }
            for (Map.Entry<Seat, SessionRun> entry : all) {
                Seat seat = entry.getKey();
                SessionRun run = entry.getValue();
                Attendee attendee = seat.getAttendee();
                if (!seat.isPinned()) {
                    if (!run.isPlaced() || !seat.getEligibleRuns().contains(run)
                            || !settings.mayAttend(attendee, run.getSession()) || !attendee.wants(run.getRound())) {
                        return false;
                    }
                }
                if (!roundsOf.computeIfAbsent(attendee, a -> new HashSet<>()).add(run.getRound())
                        || !sessionsOf.computeIfAbsent(attendee, a -> new HashSet<>()).add(run.getSession())) {
                    return false;
                }
                if (count.merge(run, 1, Integer::sum) > run.seatLimit() && !seat.isPinned()) {
                    return false;
                }
            }
            return true;
        }
    }
}

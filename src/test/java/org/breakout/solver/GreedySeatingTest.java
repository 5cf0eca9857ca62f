package org.breakout.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.breakout.solver.TestEvents.attendee;
import static org.breakout.solver.TestEvents.ranks;
import static org.breakout.solver.TestEvents.room;
import static org.breakout.solver.TestEvents.rounds;
import static org.breakout.solver.TestEvents.run;
import static org.breakout.solver.TestEvents.session;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.breakout.domain.Attendee;
import org.breakout.domain.EventSettings;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;
import org.junit.jupiter.api.Test;

class GreedySeatingTest {

    @Test
    void aFirstChoiceBeatsSomebodyElsesSecondChoiceWhateverTheOrder() {
        List<Round> rounds = rounds(1);
        Round r1 = rounds.get(0);
        Session wanted = session("W", 1, null, rounds);
        Session other = session("O", 1, null, rounds);
        SessionRun small = run(wanted, 0, r1, room("one", 1));
        SessionRun big = run(other, 0, r1, room("big", 10));
        // Listed first, but W is only their second choice: the one seat goes to B, for whom it is the first.
        Attendee a = attendee("A", Set.of(), rounds, ranks(other, 1, wanted, 2));
        Attendee b = attendee("B", Set.of(), rounds, ranks(wanted, 1, other, 2));
        Schedule schedule = TestEvents.schedule(EventSettings.DEFAULT, rounds, List.of(small.getRoom(), big.getRoom()),
                List.of(), List.of(wanted, other), List.of(a, b), List.of(small, big));

        Map<Seat, SessionRun> seating = GreedySeating.solve(schedule);

        SeatingFlowTest.assertFeasible(schedule, seating);
        assertThat(runOf(seating, "B")).isSameAs(small);
        assertThat(runOf(seating, "A")).isSameAs(big);
    }

    @Test
    void unrankedSeatsOnlyWhenAllowedAndThenInTheEmptiestRun() {
        List<Round> rounds = rounds(1);
        Round r1 = rounds.get(0);
        Session full = session("F", 1, null, rounds);
        Session roomy = session("R", 1, null, rounds);
        Session tight = session("T", 1, null, rounds);
        SessionRun fullRun = run(full, 0, r1, room("one", 1));
        SessionRun roomyRun = run(roomy, 0, r1, room("big", 10));
        SessionRun tightRun = run(tight, 0, r1, room("two", 2));
        List<Attendee> attendees = List.of(attendee("A", Set.of(), rounds, ranks(full, 1)),
                attendee("B", Set.of(), rounds, ranks(full, 1)));
        for (boolean allowUnranked : new boolean[] { true, false }) {
            Schedule schedule = TestEvents.schedule(new EventSettings(allowUnranked, null), rounds,
                    List.of(fullRun.getRoom(), roomyRun.getRoom(), tightRun.getRoom()), List.of(),
                    List.of(full, roomy, tight), attendees, List.of(fullRun, roomyRun, tightRun));

            Map<Seat, SessionRun> seating = GreedySeating.solve(schedule);

            SeatingFlowTest.assertFeasible(schedule, seating);
            assertThat(seating.values()).contains(fullRun);
            if (allowUnranked) {
                assertThat(seating.values()).containsExactlyInAnyOrder(fullRun, roomyRun);
            } else {
                assertThat(seating.values()).containsExactlyInAnyOrder(fullRun, null);
            }
        }
    }

    @Test
    void randomEventsAreFeasibleAndNeverBeatTheOptimum() {
        int cases = 120;
        int allSeatsOfTheOptimum = 0;
        for (int seed = 0; seed < cases; seed++) {
            Schedule schedule = SeatingFlowTest.randomEvent(new Random(seed), seed % 2 == 0);
            Map<Seat, SessionRun> seating = GreedySeating.solve(schedule);
            SeatingFlowTest.assertFeasible(schedule, seating);
            long filled = seating.values().stream().filter(run -> run != null).count();
            long[] best = SeatingFlowTest.BruteForce.optimum(schedule);
            assertThat(filled).as("seed %d", seed).isLessThanOrEqualTo(best[0]);
            if (filled == best[0]) {
                allSeatsOfTheOptimum++;
            }
        }
        // Greedy, not optimal: but on small events it should fill as many seats as the optimum most of the time.
        assertThat(allSeatsOfTheOptimum).isGreaterThan(cases * 2 / 3);
    }

    @Test
    void theSeatingPhaseSwitchesToGreedyAboveTheLimit() {
        Schedule schedule = SyntheticEvents.perRoundSessions(3, 200, 3, 6, 3, 6, 1.05, true);
        long options = schedule.seatOptions();
        assertThat(options).isGreaterThan(0);
        assertThat(SeatingPhase.seat(schedule, options).seating()).isEqualTo(SeatingFlow.solve(schedule));
        Map<Seat, SessionRun> greedy = GreedySeating.solve(schedule);
        assertThat(SeatingPhase.seat(schedule, options - 1)).isEqualTo(new SeatingPhase.Seating(greedy, false));

        // Once seats are taken (the phase runs again after local search), a big event keeps them as they are.
        Seat moved = schedule.getSeats().get(0);
        greedy.forEach(Seat::setRun);
        moved.setRun(null);
        Map<Seat, SessionRun> current = SeatingPhase.seat(schedule, options - 1).seating();
        assertThat(current.get(moved)).isNull();
        assertThat(current).isNotEqualTo(greedy).hasSameSizeAs(greedy);
    }

    private static SessionRun runOf(Map<Seat, SessionRun> seating, String attendeeId) {
        return seating.entrySet().stream().filter(e -> e.getKey().getAttendee().id().equals(attendeeId))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
    }
}

package org.breakout.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.breakout.bound.ExactSeating;
import org.breakout.bound.RandomEvents;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.SessionRun;
import org.junit.jupiter.api.Test;

/** {@link SeatingPhase}: the seating LP runs once per solve, where the timetable is pinned. */
class SeatingPhaseTest {

    @Test
    void theSeatingLpIsMarkedSolvedExactlyWhereItRan() {
        int ran = 0;
        int pinned = 0;
        for (long seed = 1; seed <= 40; seed++) {
            Schedule schedule = RandomEvents.schedule(seed, RandomEvents.Kind.FIXED_REPEATS);
            boolean everyRunPinned = schedule.getRuns().stream().allMatch(SessionRun::isPinned);
            // What the bound's exact paths do on this event when the LP is allowed (a fresh copy of the event).
            boolean lpAlone = lpSolvedAlone(RandomEvents.schedule(seed, RandomEvents.Kind.FIXED_REPEATS));
            SeatingPhase.seat(schedule, SeatingPhase.MAX_FLOW_SEAT_OPTIONS, () -> false);
            String what = "seed " + seed;
            // The phase allows the LP only on a pinned timetable, and marks the schedule when it solved it (the
            // schedule's later seating phases then skip it).
            assertThat(schedule.isSeatingLpSolved()).as(what).isEqualTo(everyRunPinned && lpAlone);
            pinned += everyRunPinned ? 1 : 0;
            ran += schedule.isSeatingLpSolved() ? 1 : 0;
        }
        assertThat(pinned).as("events with every run pinned").isPositive();
        assertThat(ran).as("events where the LP ran in the phase").isPositive();
    }

    @Test
    void aMarkedScheduleDoesNotSolveTheLpAgain() {
        int provenByTheLpOnly = 0;
        for (long seed = 1; seed <= 40; seed++) {
            Schedule schedule = RandomEvents.schedule(seed, RandomEvents.Kind.FIXED_REPEATS);
            SeatingPhase.Seating first = SeatingPhase.seat(schedule, SeatingPhase.MAX_FLOW_SEAT_OPTIONS, () -> false);
            Schedule again = RandomEvents.schedule(seed, RandomEvents.Kind.FIXED_REPEATS);
            ExactSeating.Paths paths = ExactSeating.of(again);
            boolean withoutLp = paths != null && paths.repaired().optimal()
                    || SeatingFlow.solveWithDetails(again, () -> false).provenOptimal();
            if (!schedule.isSeatingLpSolved() || !first.provenOptimal() || withoutLp) {
                continue;
            }
            // Only the LP proved this seating optimal: a phase on a marked schedule, which skips it, cannot.
            provenByTheLpOnly++;
            again.setSeatingLpSolved(true);
            SeatingPhase.Seating second = SeatingPhase.seat(again, SeatingPhase.MAX_FLOW_SEAT_OPTIONS, () -> false);
            assertThat(second.provenOptimal()).as("seed " + seed).isFalse();
            assertThat(second.seating()).as("seed " + seed).isNotEmpty();
        }
        assertThat(provenByTheLpOnly).as("events only the LP proves").isPositive();
    }

    @Test
    void anLpInTheStepAfterTheDescentProvesTheSameSeatings() {
        // With every LP counted as slow (quick limit 0) the seating phase leaves it to SeatingLpStep, which runs on
        // the phase's seating: the same events end proven optimal, at the same seats and cost.
        int proven = 0;
        int byTheStep = 0;
        for (long seed = 1; seed <= 40; seed++) {
            Schedule quick = RandomEvents.schedule(seed, RandomEvents.Kind.FIXED_REPEATS);
            Schedule slow = RandomEvents.schedule(seed, RandomEvents.Kind.FIXED_REPEATS);
            SeatingPhase.Seating first = SeatingPhase.seat(quick, SeatingPhase.MAX_FLOW_SEAT_OPTIONS, () -> false);
            SeatingPhase.Seating phase = SeatingPhase.seat(slow, SeatingPhase.MAX_FLOW_SEAT_OPTIONS, 0, () -> false);
            String what = "seed " + seed;
            assertThat(slow.isSeatingLpSolved()).as(what).isFalse();
            phase.seating().forEach(Seat::setRun);
            slow.setProvenOptimal(phase.provenOptimal());
            SeatingPhase.Seating step = SeatingLpStep.seat(slow, 0, () -> false);
            SeatingPhase.Seating after = step != null ? step : phase;
            assertThat(after.provenOptimal()).as(what).isEqualTo(first.provenOptimal());
            if (!phase.provenOptimal()) {
                // (The phase's own flow may prove what the LP proved first in the quick order: then no LP is needed.)
                assertThat(slow.isSeatingLpSolved()).as(what).isEqualTo(quick.isSeatingLpSolved());
            }
            if (first.provenOptimal()) {
                assertThat(seatsAndCost(slow, after)).as(what).containsExactly(seatsAndCost(quick, first));
                proven++;
                byTheStep += step != null ? 1 : 0;
            }
            // Once marked, the step does nothing.
            assertThat(SeatingLpStep.seat(slow, 0, () -> false)).as(what).isNull();
        }
        assertThat(proven).as("events proven optimal").isPositive();
        assertThat(byTheStep).as("events proven by the step's LP").isPositive();
    }

    private static long[] seatsAndCost(Schedule schedule, SeatingPhase.Seating seating) {
        long seats = 0;
        long cost = 0;
        for (var entry : seating.seating().entrySet()) {
            if (entry.getValue() != null) {
                seats++;
                cost += schedule.getSettings().seatCost(entry.getKey().getAttendee(), entry.getValue().getSession());
            }
        }
        return new long[] {seats, cost};
    }

    @Test
    void theLpIsAStageOfTheProgressLines() {
        for (long seed = 1; seed <= 40; seed++) {
            Schedule schedule = RandomEvents.schedule(seed, RandomEvents.Kind.FIXED_REPEATS);
            List<String> stages = new ArrayList<>();
            PhaseStages.attach(schedule, stages::add);
            SeatingPhase.seat(schedule, SeatingPhase.MAX_FLOW_SEAT_OPTIONS, () -> false);
            if (schedule.isSeatingLpSolved()) {
                assertThat(stages).as("seed " + seed).anyMatch(stage -> stage.matches("LP, [0-9,]+ variables"));
                return;
            }
        }
        throw new AssertionError("no event where the phase solved the LP");
    }

    /** Whether the exact paths alone, on a fresh copy, solve the LP: the round re-assignment fails and the LP runs. */
    private static boolean lpSolvedAlone(Schedule schedule) {
        ExactSeating.Paths paths = ExactSeating.of(schedule);
        return paths != null && paths.repaired().runs() == null && paths.lp(() -> false).lpSolved();
    }
}

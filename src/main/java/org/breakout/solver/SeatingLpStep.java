package org.breakout.solver;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;

import org.breakout.bound.ExactSeating;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.SessionRun;

/**
 * Custom phase step after {@link SeatingPhase}, in the same phase: the seating LP of a pinned timetable when it is too
 * big to solve before the seating phase's other seatings (more than {@link ExactSeating#QUICK_LP_MAX_VARIABLES}
 * variables, up to the LP's limit; scale-fixed-2k's 226,001 take 24–27 s). As a step of its own it comes after the
 * seating phase has handed its seating over (the first feasible schedule, scale-fixed-2k: about 5 s instead of
 * after the LP), and a time limit during the LP keeps that seating. Its seating replaces the schedule's when it is
 * better, or proven optimal (then the solver stops).
 */
public class SeatingLpStep implements PhaseCommand<Schedule> {

    @Override
    public void changeWorkingSolution(ScoreDirector<Schedule> scoreDirector, BooleanSupplier isPhaseTerminated) {
        SeatingPhase.Seating seating = seat(scoreDirector.getWorkingSolution(), ExactSeating.QUICK_LP_MAX_VARIABLES,
                isPhaseTerminated);
        if (seating != null) {
            SeatingPhase.apply(scoreDirector, seating);
        }
    }

    /**
     * The LP's seating of the schedule when the LP is not quick (above {@code quickLpMaxVariables}) and its seating is
     * proven optimal or better than the schedule's own seats; null when there is nothing to do.
     */
    static SeatingPhase.Seating seat(Schedule schedule, int quickLpMaxVariables, BooleanSupplier terminated) {
        if (terminated.getAsBoolean() || schedule.isProvenOptimal() || schedule.isSeatingLpSolved()
                || schedule.seatOptions() > SeatingPhase.MAX_FLOW_SEAT_OPTIONS
                || !SeatingPhase.timetablePinned(schedule)) {
            return null;
        }
        SeatingPhase.Candidate found = new SeatingPhase.ExactSeatings(schedule, quickLpMaxVariables, terminated)
                .slowLp();
        if (found == null) {
            return null;
        }
        Map<Seat, SessionRun> current = new LinkedHashMap<>();
        for (Seat seat : schedule.getSeats()) {
            if (!seat.isPinned()) {
                current.put(seat, seat.getRun());
            }
        }
        if (found.optimal() || SeatingPhase.better(schedule, found.seating(), current)) {
            return new SeatingPhase.Seating(found.seating(), found.optimal());
        }
        return null;
    }
}

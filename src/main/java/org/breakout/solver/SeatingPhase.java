package org.breakout.solver;

import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;

import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.SessionRun;

/**
 * Custom phase: seats everyone optimally for the timetable the working solution has now ({@link SeatingFlow}).
 * <p>
 * Only unpinned seats change; pinned seats and every run stay as they are. A run that is not placed (no round or
 * no room) offers no seats: a seat in it is moved or emptied, and nobody is seated in it. Placement should
 * therefore run first (the configured phases place every run before this one); the phase itself never fails on
 * an unplaced run. It is a single step, not interruptible: it only checks termination before it starts.
 */
public class SeatingPhase implements PhaseCommand<Schedule> {

    private static final String RUN = "run";

    @Override
    public void changeWorkingSolution(ScoreDirector<Schedule> scoreDirector, BooleanSupplier isPhaseTerminated) {
        if (isPhaseTerminated.getAsBoolean()) {
            return;
        }
        Map<Seat, SessionRun> seating = SeatingFlow.solve(scoreDirector.getWorkingSolution());
        boolean changed = false;
        for (Map.Entry<Seat, SessionRun> entry : seating.entrySet()) {
            Seat seat = entry.getKey();
            if (seat.isPinned() || Objects.equals(seat.getRun(), entry.getValue())) {
                continue;
            }
            scoreDirector.beforeVariableChanged(seat, RUN);
            seat.setRun(entry.getValue());
            scoreDirector.afterVariableChanged(seat, RUN);
            changed = true;
        }
        if (changed) {
            scoreDirector.triggerVariableListeners();
        }
    }
}

package org.breakout.solver;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningVariableMetaModel;
import ai.timefold.solver.core.preview.api.move.Move;
import ai.timefold.solver.core.preview.api.move.MutableSolutionView;

import org.breakout.domain.Room;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.SessionRun;
import org.breakout.domain.Slot;

/**
 * Puts a session run into a slot (a room in a round); the run that held the slot, if any, takes the run's old slot.
 * Then it re-seats every seat the change can affect, exactly: the seats in the two rounds involved and the empty
 * seats ({@link SeatingFlow#reseatRounds}). So a timetable is judged by the best seating it allows, not by the seating
 * the previous timetable had; the score (Timefold's, through the changed variables) stays the judge of the move, and
 * Timefold undoes it when it is not taken.
 * <p>
 * A move of a run within its round (another room) re-seats that round only: capacities change.
 */
final class TimetableMove implements Move<Schedule> {

    /** The planning variables the move changes. */
    record Variables(PlanningVariableMetaModel<Schedule, SessionRun, Round> round,
            PlanningVariableMetaModel<Schedule, SessionRun, Room> room,
            PlanningVariableMetaModel<Schedule, Seat, SessionRun> seat) {
    }

    private final Variables variables;
    private final IndependentRounds.Cache independentRounds;
    private final SessionRun run;
    private final Slot slot;

    TimetableMove(Variables variables, IndependentRounds.Cache independentRounds, SessionRun run, Slot slot) {
        this.variables = variables;
        this.independentRounds = independentRounds;
        this.run = run;
        this.slot = slot;
    }

    /**
     * Whether the move is possible: the run is placed, movable and allowed in the slot's round, the slot is not its
     * own, and a run already in the slot is movable and allowed in the run's round.
     */
    static boolean isDoable(SessionRun run, Slot slot) {
        if (run.isPinned() || !run.isPlaced() || !run.getAllowedRounds().contains(slot.round())
                || (run.getRound().equals(slot.round()) && run.getRoom().equals(slot.room()))) {
            return false;
        }
        SessionRun occupant = occupant(run, slot);
        return occupant == null
                || (!occupant.isPinned() && occupant.getAllowedRounds().contains(run.getRound()));
    }

    /** The run (other than {@code run}) placed in the slot, or null. */
    static SessionRun occupant(SessionRun run, Slot slot) {
        for (SessionRun other : run.getSchedule().getRuns()) {
            if (other != run && slot.round().equals(other.getRound()) && slot.room().equals(other.getRoom())) {
                return other;
            }
        }
        return null;
    }

    @Override
    public void execute(MutableSolutionView<Schedule> view) {
        Schedule schedule = run.getSchedule();
        Round fromRound = run.getRound();
        Room fromRoom = run.getRoom();
        SessionRun occupant = occupant(run, slot);
        view.changeVariable(variables.round(), run, slot.round());
        view.changeVariable(variables.room(), run, slot.room());
        if (occupant != null) {
            view.changeVariable(variables.round(), occupant, fromRound);
            view.changeVariable(variables.room(), occupant, fromRoom);
        }
        Set<Round> touched = new LinkedHashSet<>(List.of(fromRound, slot.round()));
        reseat(view, touched);
    }

    /**
     * Re-seats the seats of the given rounds and the empty seats optimally, through the view: from the arrays of
     * {@link IndependentRounds} when the event's rounds are independent, else with {@link SeatingFlow#reseatRounds}.
     */
    private void reseat(MutableSolutionView<Schedule> view, Set<Round> rounds) {
        Schedule schedule = run.getSchedule();
        IndependentRounds fast = independentRounds.get(schedule);
        Map<Seat, SessionRun> seating = fast == null ? null : fast.reseat(rounds);
        if (seating == null) {
            seating = SeatingFlow.reseatRounds(schedule, rounds).seating();
        }
        for (Map.Entry<Seat, SessionRun> entry : seating.entrySet()) {
            Seat seat = entry.getKey();
            if (seat.getRun() != entry.getValue()) {
                view.changeVariable(variables.seat(), seat, entry.getValue());
            }
        }
    }

    @Override
    public List<Object> getPlanningEntities() {
        List<Object> entities = new ArrayList<>(2);
        entities.add(run);
        return entities;
    }

    @Override
    public List<Object> getPlanningValues() {
        return List.of(slot);
    }

    @Override
    public String describe() {
        return "TimetableMove";
    }

    @Override
    public String toString() {
        return run.getId() + " -> " + slot;
    }
}

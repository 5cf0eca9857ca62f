package org.breakout.solver;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;

import org.breakout.domain.Room;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.SessionRun;
import org.breakout.domain.Slot;

/**
 * Custom phase of the timetable search's iterated local search: a kick out of the local optimum the hill climbing
 * before it ended in. It makes {@link #KICK_MOVES} random timetable moves (a movable run into a random slot of an
 * allowed round, swapping with a movable run there, as {@link TimetableMove} does) and re-seats the rounds they
 * touched exactly ({@link SeatingFlow#reseatRounds}). The hill climbing that follows starts from there; the best
 * schedule so far stays recorded by the solver. Without movable runs (a fixed timetable) it does nothing.
 * Seeded by {@link #setKick(String)} (a custom property), so a configuration's kicks are reproducible.
 */
public class PerturbationPhase implements PhaseCommand<Schedule> {

    static final int KICK_MOVES = 3;

    private static final String ROUND = "round";
    private static final String ROOM = "room";
    private static final String RUN = "run";

    private long kick;

    /** Which kick this phase is (its random seed); a custom property of the phase. */
    public void setKick(String kick) {
        this.kick = Long.parseLong(kick);
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<Schedule> scoreDirector, BooleanSupplier isPhaseTerminated) {
        if (isPhaseTerminated.getAsBoolean()) {
            return;
        }
        Schedule schedule = scoreDirector.getWorkingSolution();
        List<SessionRun> movable = new ArrayList<>();
        for (SessionRun run : schedule.getRuns()) {
            if (!run.isPinned() && run.isPlaced()) {
                movable.add(run);
            }
        }
        if (movable.isEmpty()) {
            return;
        }
        Random random = new Random(0xC1C_0000L + kick);
        Set<Round> touched = new LinkedHashSet<>();
        List<Slot> slots = schedule.getSlots();
        for (int moved = 0, tries = 0; moved < KICK_MOVES && tries < 100 * KICK_MOVES; tries++) {
            SessionRun run = movable.get(random.nextInt(movable.size()));
            Slot slot = slots.get(random.nextInt(slots.size()));
            if (!TimetableMove.isDoable(run, slot)) {
                continue;
            }
            SessionRun occupant = TimetableMove.occupant(run, slot);
            Round fromRound = run.getRound();
            Room fromRoom = run.getRoom();
            place(scoreDirector, run, slot.round(), slot.room());
            if (occupant != null) {
                place(scoreDirector, occupant, fromRound, fromRoom);
            }
            touched.add(fromRound);
            touched.add(slot.round());
            moved++;
        }
        for (Map.Entry<Seat, SessionRun> entry : SeatingFlow.reseatRounds(schedule, touched).seating().entrySet()) {
            Seat seat = entry.getKey();
            if (seat.getRun() != entry.getValue()) {
                scoreDirector.beforeVariableChanged(seat, RUN);
                seat.setRun(entry.getValue());
                scoreDirector.afterVariableChanged(seat, RUN);
            }
        }
        scoreDirector.triggerVariableListeners();
    }

    private static void place(ScoreDirector<Schedule> scoreDirector, SessionRun run, Round round,
            Room room) {
        scoreDirector.beforeVariableChanged(run, ROUND);
        run.setRound(round);
        scoreDirector.afterVariableChanged(run, ROUND);
        scoreDirector.beforeVariableChanged(run, ROOM);
        run.setRoom(room);
        scoreDirector.afterVariableChanged(run, ROOM);
    }
}

package org.breakout.solver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
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
 * Custom phase for the {@code peer} configuration, the published method of the closest peer tool (wassign): a random
 * timetable to start (or restart) from, seated exactly. Every movable run gets a random slot of an allowed round that
 * no other run holds yet (any room if none is free); then every unpinned seat is emptied and the {@link SeatingPhase}
 * seats everyone for that timetable. Without movable runs (a fixed timetable) it does nothing.
 * Seeded by {@link #setRestart(String)} (a custom property), so the restarts of a configuration are reproducible.
 */
public class RandomTimetablePhase implements PhaseCommand<Schedule> {

    private static final String ROUND = "round";
    private static final String ROOM = "room";
    private static final String RUN = "run";

    private long restart;

    /** Which restart this phase is (its random seed); a custom property of the phase. */
    public void setRestart(String restart) {
        this.restart = Long.parseLong(restart);
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<Schedule> scoreDirector, BooleanSupplier isPhaseTerminated) {
        if (isPhaseTerminated.getAsBoolean()) {
            return;
        }
        Schedule schedule = scoreDirector.getWorkingSolution();
        Random random = new Random(0x5EED_0000L + restart);
        Set<Slot> taken = new HashSet<>();
        List<SessionRun> movable = new ArrayList<>();
        for (SessionRun run : schedule.getRuns()) {
            if (run.isPinned()) {
                if (run.isPlaced()) {
                    taken.add(new Slot(run.getRound(), run.getRoom()));
                }
            } else {
                movable.add(run);
            }
        }
        if (movable.isEmpty()) {
            return;
        }
        Collections.shuffle(movable, random);
        for (SessionRun run : movable) {
            List<Slot> free = new ArrayList<>();
            List<Slot> any = new ArrayList<>();
            for (Slot slot : schedule.getSlots()) {
                if (run.getAllowedRounds().contains(slot.round())) {
                    any.add(slot);
                    if (!taken.contains(slot)) {
                        free.add(slot);
                    }
                }
            }
            List<Slot> choices = free.isEmpty() ? any : free;
            if (choices.isEmpty()) {
                continue;
            }
            Slot slot = choices.get(random.nextInt(choices.size()));
            taken.add(slot);
            change(scoreDirector, run, slot.round(), slot.room());
        }
        for (Seat seat : schedule.getSeats()) {
            if (!seat.isPinned() && seat.getRun() != null) {
                scoreDirector.beforeVariableChanged(seat, RUN);
                seat.setRun(null);
                scoreDirector.afterVariableChanged(seat, RUN);
            }
        }
        scoreDirector.triggerVariableListeners();
        new SeatingPhase().changeWorkingSolution(scoreDirector, isPhaseTerminated);
    }

    private static void change(ScoreDirector<Schedule> scoreDirector, SessionRun run, Round round, Room room) {
        scoreDirector.beforeVariableChanged(run, ROUND);
        run.setRound(round);
        scoreDirector.afterVariableChanged(run, ROUND);
        scoreDirector.beforeVariableChanged(run, ROOM);
        run.setRoom(room);
        scoreDirector.afterVariableChanged(run, ROOM);
    }
}

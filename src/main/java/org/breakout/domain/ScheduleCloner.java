package org.breakout.domain;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.domain.solution.cloner.SolutionCloner;

/**
 * Clones a schedule for the solver (best solutions, phase starts): new runs and seats, shared facts.
 * <p>
 * Timefold's generic cloner copies every collection of planning entities it meets, so each seat's list of eligible
 * runs (a value range of runs, which are entities) was copied once per seat and per clone: 334,000 seats × up to
 * 470 runs on the {@code huge} benchmark, gigabytes per clone. Seats of one attendee, and attendees with the same
 * admissions, share one list ({@code EventReader} interns them); this cloner maps each distinct list once, so a
 * clone costs one small object per seat and per run, plus one list per distinct eligibility.
 * <p>
 * Facts (rounds, rooms, sessions, attendees, slots, settings, weights) and their lists are shared with the
 * original: nothing changes them while solving.
 */
public final class ScheduleCloner implements SolutionCloner<Schedule> {

    @Override
    public Schedule cloneSolution(Schedule original) {
        Map<SessionRun, SessionRun> runClones = new IdentityHashMap<>();
        List<SessionRun> runs = new ArrayList<>(original.getRuns().size());
        for (SessionRun run : original.getRuns()) {
            SessionRun clone = run.copy();
            runClones.put(run, clone);
            runs.add(clone);
        }
        Map<List<SessionRun>, List<SessionRun>> listClones = new IdentityHashMap<>();
        List<Seat> seats = new ArrayList<>(original.getSeats().size());
        for (Seat seat : original.getSeats()) {
            List<SessionRun> eligible = seat.getEligibleRuns();
            List<SessionRun> eligibleClone = eligible == null ? null
                    : listClones.computeIfAbsent(eligible, list -> mapped(list, runClones));
            SessionRun run = seat.getRun();
            seats.add(seat.copy(eligibleClone, run == null ? null : mapped(run, runClones)));
        }
        Schedule clone = original.copyWith(runs, seats);
        for (SessionRun run : runs) {
            run.setSchedule(clone);
        }
        return clone;
    }

    private static List<SessionRun> mapped(List<SessionRun> list, Map<SessionRun, SessionRun> runClones) {
        List<SessionRun> clone = new ArrayList<>(list.size());
        for (SessionRun run : list) {
            clone.add(mapped(run, runClones));
        }
        return clone;
    }

    private static SessionRun mapped(SessionRun run, Map<SessionRun, SessionRun> runClones) {
        SessionRun clone = runClones.get(run);
        if (clone == null) {
            throw new IllegalStateException("Run " + run.getId() + " is referenced but not in the schedule's runs");
        }
        return clone;
    }
}

package org.breakout.solver;

import ai.timefold.solver.core.preview.api.domain.metamodel.GenuineEntityMetaModel;
import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningSolutionMetaModel;
import ai.timefold.solver.core.preview.api.neighborhood.Neighborhood;
import ai.timefold.solver.core.preview.api.neighborhood.NeighborhoodBuilder;
import ai.timefold.solver.core.preview.api.neighborhood.NeighborhoodProvider;
import ai.timefold.solver.core.preview.api.neighborhood.stream.joiner.NeighborhoodsJoiners;

import org.breakout.domain.Room;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.SessionRun;
import org.breakout.domain.Slot;

/**
 * The timetable search's moves (Timefold's Neighborhoods API, a preview feature in 1.32): a random movable run into a
 * random slot, swapping with the run there, each followed by an exact re-seating of what it touches
 * ({@link TimetableMove}).
 */
public class TimetableNeighborhood implements NeighborhoodProvider<Schedule> {

    @Override
    public Neighborhood defineNeighborhood(NeighborhoodBuilder<Schedule> builder) {
        PlanningSolutionMetaModel<Schedule> solution = builder.getSolutionMetaModel();
        GenuineEntityMetaModel<Schedule, SessionRun> run = solution.genuineEntity(SessionRun.class);
        GenuineEntityMetaModel<Schedule, Seat> seat = solution.genuineEntity(Seat.class);
        TimetableMove.Variables variables = new TimetableMove.Variables(run.basicVariable("round", Round.class),
                run.basicVariable("room", Room.class), seat.basicVariable("run", SessionRun.class));
        IndependentRounds.Cache independentRounds = new IndependentRounds.Cache();
        // Movable runs first: on a fixed timetable the neighbourhood is then empty at once (no sampling to exhaust).
        // Events too big for the exact seating (the seating phase seats them greedily) get no timetable moves: one
        // move's re-seating of two rounds took tens of seconds on the 10,000-attendee benchmark; the run and seat
        // local search after this phase works on them as before.
        // Events the TimetableClimb covers get no moves here either: it makes the same moves much faster.
        ClimbCovers climbCovers = new ClimbCovers();
        return builder.add(factory -> factory.pick(factory.forEach(SessionRun.class, false)
                .filter((view, movedRun) -> !movedRun.isPinned() && movedRun.isPlaced()
                        && movedRun.getSchedule().seatOptions() <= SeatingPhase.MAX_FLOW_SEAT_OPTIONS
                        && !climbCovers.test(movedRun.getSchedule())))
                .pick(factory.forEach(Slot.class, false),
                        NeighborhoodsJoiners.filtering((view, movedRun, slot) -> TimetableMove.isDoable(movedRun, slot)))
                .asMove((view, movedRun, slot) -> new TimetableMove(variables, independentRounds, movedRun, slot)))
                .build();
    }

    /** {@link TimetableClimb#covers}, worked out once per working solution. */
    private static final class ClimbCovers {
        private Schedule schedule;
        private boolean covers;

        synchronized boolean test(Schedule candidate) {
            if (candidate != schedule) {
                covers = TimetableClimb.covers(candidate);
                schedule = candidate;
            }
            return covers;
        }
    }
}

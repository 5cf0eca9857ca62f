package org.breakout.bound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.breakout.domain.Attendee;
import org.breakout.domain.Schedule;
import org.breakout.domain.SessionRun;

/**
 * A start for the solver's seating on big fixed timetables, from the prices of the capacity Lagrangian
 * ({@link CapacityLagrangian}): the attendees' own best seats at prices close to the LP optimum, cut down to the
 * capacities (cheapest seats first). It keeps every rule but may leave seats empty; the seating phase's
 * round-by-round descent then fills and improves it.
 */
public final class PricedSeating {

    private PricedSeating() {
    }

    /**
     * Runs per attendee for the unpinned seats, or null when the timetable is not fixed, a session has two runs
     * in one round, or the event is too big for that many steps ({@link CapacityLagrangian#affords}).
     *
     * @param iterations subgradient steps (deterministic)
     * @param stop checked between steps
     */
    public static Map<Attendee, List<SessionRun>> seat(Schedule schedule, int iterations, BooleanSupplier stop) {
        SeatingModel model = new SeatingModel(schedule);
        if (!model.timetableFixed() || !model.oneRunPerSessionAndRound) {
            return null;
        }
        long seats = 0;
        for (SeatingModel.AttendeeSlots slots : model.attendees) {
            seats += Math.min(slots.remainingSeats, slots.freeRounds.size());
        }
        CapacityLagrangian lagrangian = new CapacityLagrangian(model, seats);
        if (!lagrangian.affords(iterations)) {
            return null;
        }
        CapacityLagrangian.Result result = lagrangian.solve(iterations, stop);
        Map<Attendee, List<SessionRun>> runs = new LinkedHashMap<>();
        for (CapacityLagrangian.SeatChoice seat : result.choices()) {
            Attendee attendee = model.attendees.get(seat.attendee()).attendee;
            runs.computeIfAbsent(attendee, a -> new ArrayList<>())
                    .add(model.fixedRun.get(seat.session()).get(seat.round()));
        }
        return runs;
    }
}

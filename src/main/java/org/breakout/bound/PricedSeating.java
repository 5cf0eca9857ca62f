package org.breakout.bound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import org.slf4j.LoggerFactory;

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
     * @param onStep told the number of every step as it starts (progress)
     */
    public static Map<Attendee, List<SessionRun>> seat(Schedule schedule, int iterations, BooleanSupplier stop,
            IntConsumer onStep) {
        SeatingModel model = new SeatingModel(schedule);
        if (!model.timetableFixed() || !model.oneRunPerSessionAndRound) {
            return null;
        }
        CapacityLagrangian lagrangian = new CapacityLagrangian(model, wanted(model), CapacityLagrangian.Budget.PRICES);
        if (!lagrangian.affords(iterations)) {
            return null;
        }
        CapacityLagrangian.Result result = lagrangian.atSeats(seatTarget(model)).solve(iterations, stop, onStep);
        LoggerFactory.getLogger(PricedSeating.class).debug("prices: {} steps on a sample, {} on all, {} ms; bound {}",
                result.sampleIterations(), result.iterations(), result.millis(), result.costBound());
        Map<Attendee, List<SessionRun>> runs = new LinkedHashMap<>();
        for (CapacityLagrangian.SeatChoice seat : result.choices()) {
            Attendee attendee = model.attendees.get(seat.attendee()).attendee;
            runs.computeIfAbsent(attendee, a -> new ArrayList<>())
                    .add(model.fixedRun.get(seat.session()).get(seat.round()));
        }
        return runs;
    }

    /** Seats the attendees want and could take: for each, their seats left or their free rounds if fewer. */
    private static long wanted(SeatingModel model) {
        long wanted = 0;
        for (SeatingModel.AttendeeSlots slots : model.attendees) {
            wanted += Math.min(slots.remainingSeats, slots.freeRounds.size());
        }
        return wanted;
    }

    /**
     * The seats the prices aim at: what the round flow can fill (at least what any seating fills), not every wanted
     * seat. A target no seating reaches makes the dual unbounded: the seat price runs to its cap instead of settling.
     * Measured on the overloaded fixed events, where a tenth of the wanted seats cannot be filled: {@code large-fixed}
     * 1,130,318 → 1,125,246 at 1 minute, {@code huge} price ascent 92 s → 56 s (it converges).
     */
    static long seatTarget(SeatingModel model) {
        boolean hubs = model.unrankedSeatOptions() >= BoundCalculator.Options.DEFAULT_UNRANKED_HUBS_FROM;
        return Math.min(wanted(model), FlowRelaxation.maxSeats(model, FlowRelaxation.Grouping.ROUND,
                FlowRelaxation.Aggregate.SESSION, hubs));
    }
}

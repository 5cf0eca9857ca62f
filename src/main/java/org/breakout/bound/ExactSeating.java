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
 * The exact paths of the bound, for the solver's seating phase: on a fixed timetable, the session-flow optimum with
 * its rounds re-assigned ({@link RoundRepair}), or an integral optimum of the seating LP. When either succeeds, the
 * seating fills as many seats as any schedule can and costs the least preference cost with that many: the bound is
 * reached, so it is optimal. This is
 * what makes {@code breakout bound} exact on events whose sessions repeat in several rounds, where the round-based
 * seating flow of the solver only has a heuristic repair of duplicate sessions.
 */
public final class ExactSeating {

    private ExactSeating() {
    }

    /** Starts loading the seating LP's native libraries in the background (once), so that {@link #best} need not. */
    public static void prepare() {
        SeatingLp.loadInBackground();
    }

    /**
     * Runs per attendee for the unpinned seats, whether they are proven optimal, and whether the seating LP was solved
     * (its seating is then {@code runs}, optimal or not).
     *
     * @param runs null when there is no seating to offer
     */
    public record Outcome(Map<Attendee, List<SessionRun>> runs, boolean optimal, boolean lpSolved) {
    }

    /**
     * The best seating of the bound's exact paths: first the session-flow optimum with its rounds re-assigned, then the
     * seating LP ({@link SeatingLp}, up to {@link BoundCalculator.Options#DEFAULT_LP_MAX_VARIABLES} variables), proven
     * optimal when it reaches the LP's bound, otherwise the LP's integral part completed (a good seating, not proven).
     * No seating when the timetable is not fixed, a session has two runs in one round, or neither path gave one.
     *
     * @param withLp whether to try the LP at all
     * @param stop polled during the LP: true abandons it
     */
    public static Outcome best(Schedule schedule, boolean withLp, BooleanSupplier stop) {
        SeatingModel model = new SeatingModel(schedule);
        if (!model.timetableFixed() || !model.oneRunPerSessionAndRound) {
            return new Outcome(null, false, false);
        }
        FlowRelaxation.Result sessionFlow = FlowRelaxation.solve(model, FlowRelaxation.Grouping.SESSION,
                FlowRelaxation.Aggregate.SESSION, false);
        List<FlowRelaxation.SeatChoice> seats = RoundRepair.repaired(model, sessionFlow.solution());
        if (seats != null) {
            return new Outcome(runs(model, seats), true, false);
        }
        if (!withLp || stop.getAsBoolean() || SeatingLp.unavailable() != null
                || SeatingProgram.countVariables(model) > BoundCalculator.Options.DEFAULT_LP_MAX_VARIABLES) {
            return new Outcome(null, false, false);
        }
        SeatingLp.Result lp = SeatingLp.solve(new SeatingProgram(model), sessionFlow.curve().maxFlow(),
                BoundCalculator.Options.DEFAULT_LP_TIME_LIMIT, stop);
        return lp.solved() ? new Outcome(runs(model, lp.seating()), lp.exact(), true)
                : new Outcome(null, false, false);
    }

    private static Map<Attendee, List<SessionRun>> runs(SeatingModel model, List<FlowRelaxation.SeatChoice> seats) {
        Map<Attendee, List<SessionRun>> runs = new LinkedHashMap<>();
        for (FlowRelaxation.SeatChoice seat : seats) {
            Attendee attendee = model.attendees.get(seat.attendee()).attendee;
            runs.computeIfAbsent(attendee, a -> new ArrayList<>())
                    .add(model.fixedRun.get(seat.session()).get(seat.round()));
        }
        return runs;
    }
}

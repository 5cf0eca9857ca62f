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
 * reached, so it is optimal. This is what makes {@code breakout bound} exact on events whose sessions repeat in
 * several rounds, where the round-based seating flow of the solver only has a heuristic repair of duplicate sessions.
 */
public final class ExactSeating {

    /**
     * LPs up to this many variables take a few seconds (GLOP, 2 cores: medium-fixed's 81,413 about 2.5 s,
     * scale-fixed-1k's 112,432 7–9 s); the seating phase tries them before its other seatings. Bigger ones (up to
     * {@link BoundCalculator.Options#DEFAULT_LP_MAX_VARIABLES}; scale-fixed-2k's 226,001 took 27 s) come after them.
     */
    public static final int QUICK_LP_MAX_VARIABLES = 150_000;

    private ExactSeating() {
    }

    /** Starts loading the seating LP's native libraries in the background (once), so that {@link Paths#lp} need not wait. */
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

        static final Outcome NONE = new Outcome(null, false, false);
    }

    /**
     * The exact paths on one schedule, its seating model and session flow made once: {@link #repaired()} first, then
     * {@link #lp}. Null from {@link #of} when the timetable is not fixed or a session has two runs in one round.
     */
    public static final class Paths {
        private final SeatingModel model;
        private FlowRelaxation.Result sessionFlow;
        private int lpVariables = -1;

        private Paths(SeatingModel model) {
            this.model = model;
        }

        /** Made when first needed: an LP that is too big needs only the model to say so. */
        private FlowRelaxation.Result sessionFlow() {
            if (sessionFlow == null) {
                sessionFlow = FlowRelaxation.solve(model, FlowRelaxation.Grouping.SESSION,
                        FlowRelaxation.Aggregate.SESSION, false);
            }
            return sessionFlow;
        }

        /** The session-flow optimum with its rounds re-assigned: proven optimal, or no runs. */
        public Outcome repaired() {
            List<FlowRelaxation.SeatChoice> seats = RoundRepair.repaired(model, sessionFlow().solution());
            return seats == null ? Outcome.NONE : new Outcome(runs(model, seats), true, false);
        }

        /** The seating LP's variables (counted, not made). */
        public int lpVariables() {
            if (lpVariables < 0) {
                lpVariables = SeatingProgram.countVariables(model);
            }
            return lpVariables;
        }

        /**
         * The seating LP's seating, proven optimal when it reaches the LP's bound, otherwise its integral part completed
         * (a good seating, not proven); no runs when the LP is bigger than
         * {@link BoundCalculator.Options#DEFAULT_LP_MAX_VARIABLES}, its libraries do not load, or it is not solved.
         *
         * @param stop polled during the LP: true abandons it
         */
        public Outcome lp(BooleanSupplier stop) {
            if (stop.getAsBoolean() || SeatingLp.unavailable() != null
                    || lpVariables() > BoundCalculator.Options.DEFAULT_LP_MAX_VARIABLES) {
                return Outcome.NONE;
            }
            SeatingLp.Result lp = SeatingLp.solve(new SeatingProgram(model), sessionFlow().curve().maxFlow(),
                    BoundCalculator.Options.DEFAULT_LP_TIME_LIMIT, stop);
            return lp.solved() ? new Outcome(runs(model, lp.seating()), lp.exact(), true) : Outcome.NONE;
        }
    }

    /** The exact paths of a fixed timetable with at most one run per session and round, else null. */
    public static Paths of(Schedule schedule) {
        SeatingModel model = new SeatingModel(schedule);
        if (!model.timetableFixed() || !model.oneRunPerSessionAndRound) {
            return null;
        }
        return new Paths(model);
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

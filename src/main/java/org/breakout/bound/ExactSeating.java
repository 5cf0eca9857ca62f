package org.breakout.bound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.breakout.domain.Attendee;
import org.breakout.domain.Schedule;
import org.breakout.domain.SessionRun;

/**
 * The exact path of the bound, for the solver's seating phase: on a fixed timetable, the session-flow optimum with its
 * rounds re-assigned ({@link RoundRepair}). When the re-assignment succeeds, the seating fills as many seats as any
 * schedule can and costs the least preference cost with that many: the bound is reached, so it is optimal. This is
 * what makes {@code breakout bound} exact on events whose sessions repeat in several rounds, where the round-based
 * seating flow of the solver only has a heuristic repair of duplicate sessions.
 */
public final class ExactSeating {

    private ExactSeating() {
    }

    /**
     * The optimal runs per attendee for the unpinned seats, or null when the timetable is not fixed, a session has
     * two runs in one round, or the round re-assignment found nothing (which proves nothing).
     */
    public static Map<Attendee, List<SessionRun>> viaSessionFlow(Schedule schedule) {
        SeatingModel model = new SeatingModel(schedule);
        if (!model.timetableFixed() || !model.oneRunPerSessionAndRound) {
            return null;
        }
        FlowRelaxation.Result sessionFlow = FlowRelaxation.solve(model, FlowRelaxation.Grouping.SESSION,
                FlowRelaxation.Aggregate.SESSION, false);
        List<FlowRelaxation.SeatChoice> seats = RoundRepair.repaired(model, sessionFlow.solution());
        if (seats == null) {
            return null;
        }
        Map<Attendee, List<SessionRun>> runs = new LinkedHashMap<>();
        for (FlowRelaxation.SeatChoice seat : seats) {
            Attendee attendee = model.attendees.get(seat.attendee()).attendee;
            runs.computeIfAbsent(attendee, a -> new ArrayList<>())
                    .add(model.fixedRun.get(seat.session()).get(seat.round()));
        }
        return runs;
    }
}

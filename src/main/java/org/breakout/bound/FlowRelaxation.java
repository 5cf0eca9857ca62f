package org.breakout.bound;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.breakout.domain.Round;
import org.breakout.domain.Session;

/**
 * One min-cost-flow relaxation of the seating problem. Every schedule that keeps the rules is a flow of the
 * network with as many units as it has unpinned seats filled and the same preference cost, so the network's
 * cost curve is a lower bound on the least preference cost of any schedule with that many seats, and its maximum
 * flow an upper bound on the seats.
 * <p>
 * source → attendee (capacity: seats wanted minus pinned seats) → a per-attendee layer → (session, round) →
 * an aggregate layer → sink. The per-attendee layer is either
 * <ul>
 * <li>{@link Grouping#ROUND}: (attendee, round), capacity 1, then (attendee, round) → (session, round) with the
 * seat's preference cost: one seat per wanted round is kept, "never twice in the same session" is relaxed;</li>
 * <li>{@link Grouping#SESSION}: (attendee, session), capacity 1, with the seat's preference cost, then →
 * (session, round) for the attendee's wanted rounds: a session at most once and only in wanted rounds is kept,
 * "one seat per round" is relaxed.</li>
 * </ul>
 * The aggregate layer is either {@link Aggregate#SESSION}: (session, round) → session (capacity {@code U(s,r)})
 * → sink (capacity {@code U(s)}), or {@link Aggregate#ROUND}: (session, round) → round ({@code U(s,r)}) → sink
 * ({@code V(r)}); see {@link SeatingModel} for the capacities. With a fixed timetable {@code U(s,r)} is exactly
 * the run's remaining seats and the aggregates add nothing.
 */
final class FlowRelaxation {

    enum Grouping {
        ROUND, SESSION
    }

    enum Aggregate {
        SESSION, ROUND
    }

    /** A seat of the flow's optimal solution. */
    record SeatChoice(int attendee, Session session, Round round) {
    }

    /**
     * The outcome of one relaxation.
     *
     * @param solution the seats of a minimum-cost maximum flow
     */
    record Result(String name, Grouping grouping, String relaxes, CostCurve curve, List<SeatChoice> solution, int nodes,
            int arcs) {
    }

    private FlowRelaxation() {
    }

    static String name(Grouping grouping, Aggregate aggregate) {
        return (grouping == Grouping.ROUND ? "round" : "session") + "-flow"
                + (aggregate == Aggregate.ROUND ? "/round-capacity" : "");
    }

    static Result solve(SeatingModel model, Grouping grouping, Aggregate aggregate) {
        MinCostFlow flow = new MinCostFlow();
        int source = flow.addNode();
        int sink = flow.addNode();
        Map<Session, Map<Round, Integer>> sessionRoundNode = new LinkedHashMap<>();
        Map<Object, Integer> aggregateNode = new LinkedHashMap<>();
        for (Session session : model.sessions) {
            for (Round round : model.rounds) {
                long capacity = model.capacity(session, round);
                if (capacity <= 0) {
                    continue;
                }
                int node = flow.addNode();
                sessionRoundNode.computeIfAbsent(session, s -> new LinkedHashMap<>()).put(round, node);
                Object key = aggregate == Aggregate.SESSION ? session : round;
                Integer target = aggregateNode.get(key);
                if (target == null) {
                    target = flow.addNode();
                    aggregateNode.put(key, target);
                    long total = aggregate == Aggregate.SESSION ? model.capacity(session) : model.capacity(round);
                    flow.addArc(target, sink, total, 0);
                }
                flow.addArc(node, target, capacity, 0);
            }
        }

        List<int[]> seatArcs = new ArrayList<>();
        List<SeatChoice> seatChoices = new ArrayList<>();
        for (int i = 0; i < model.attendees.size(); i++) {
            SeatingModel.AttendeeSlots slots = model.attendees.get(i);
            if (slots.remainingSeats == 0 || slots.freeRounds.isEmpty()) {
                continue;
            }
            int attendeeNode = flow.addNode();
            flow.addArc(source, attendeeNode, slots.remainingSeats, 0);
            if (grouping == Grouping.ROUND) {
                for (Round round : slots.freeRounds) {
                    int roundNode = -1;
                    for (Session session : slots.sessions) {
                        Integer target = sessionRoundNode.getOrDefault(session, Map.of()).get(round);
                        if (target == null) {
                            continue;
                        }
                        if (roundNode < 0) {
                            roundNode = flow.addNode();
                            flow.addArc(attendeeNode, roundNode, 1, 0);
                        }
                        long cost = model.settings.seatCost(slots.attendee, session);
                        seatArcs.add(new int[] { flow.addArc(roundNode, target, 1, cost) });
                        seatChoices.add(new SeatChoice(i, session, round));
                    }
                }
            } else {
                for (Session session : slots.sessions) {
                    int sessionNode = -1;
                    for (Round round : slots.freeRounds) {
                        Integer target = sessionRoundNode.getOrDefault(session, Map.of()).get(round);
                        if (target == null) {
                            continue;
                        }
                        if (sessionNode < 0) {
                            sessionNode = flow.addNode();
                            flow.addArc(attendeeNode, sessionNode, 1, model.settings.seatCost(slots.attendee, session));
                        }
                        seatArcs.add(new int[] { flow.addArc(sessionNode, target, 1, 0) });
                        seatChoices.add(new SeatChoice(i, session, round));
                    }
                }
            }
        }
        CostCurve curve = flow.solve(source, sink);
        List<SeatChoice> solution = new ArrayList<>();
        for (int k = 0; k < seatArcs.size(); k++) {
            if (flow.flow(seatArcs.get(k)[0]) > 0) {
                solution.add(seatChoices.get(k));
            }
        }
        return new Result(name(grouping, aggregate), grouping, relaxes(model, grouping, aggregate), curve, solution,
                flow.nodeCount(), flow.arcCount());
    }

    static String relaxes(SeatingModel model, Grouping grouping, Aggregate aggregate) {
        StringBuilder text = new StringBuilder(grouping == Grouping.ROUND
                ? "an attendee may take the same session in two rounds (never twice in the same session is relaxed)"
                : "an attendee may take two sessions in the same round (one seat per round is relaxed)");
        if (!model.timetableFixed()) {
            text.append(aggregate == Aggregate.SESSION
                    ? "; unplaced runs become seat capacities per (session, round) and per session"
                    : "; unplaced runs become seat capacities per (session, round) and per round");
        }
        return text.toString();
    }

    /** Whether a relaxation's seats keep the per-attendee rules it relaxed: one per round, a session at most once. */
    static boolean keepsAttendeeRules(List<SeatChoice> solution) {
        Set<String> seen = new HashSet<>();
        for (SeatChoice choice : solution) {
            if (!seen.add(choice.attendee() + "/r/" + choice.round().id())
                    || !seen.add(choice.attendee() + "/s/" + choice.session().id())) {
                return false;
            }
        }
        return true;
    }
}

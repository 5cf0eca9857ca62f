package org.breakout.bound;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.breakout.domain.Round;
import org.breakout.domain.Session;
import org.breakout.flow.MinCostFlow;

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

    /**
     * @param hubs whether unranked seats go through shared hub nodes ({@link Hubs}) instead of one arc per unranked
     *        session and round
     */
    static Result solve(SeatingModel model, Grouping grouping, Aggregate aggregate, boolean hubs) {
        return solve(model, grouping, aggregate, hubs, false);
    }

    /**
     * The most seats of the relaxation, without its costs: every arc costs 0, so the min-cost flow is one phase of
     * blocking flows (on {@code huge}'s round flow about a second instead of six).
     */
    static long maxSeats(SeatingModel model, Grouping grouping, Aggregate aggregate, boolean hubs) {
        return solve(model, grouping, aggregate, hubs, true).curve().maxFlow();
    }

    private static Result solve(SeatingModel model, Grouping grouping, Aggregate aggregate, boolean hubs,
            boolean seatsOnly) {
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

        List<Integer> seatArcs = new ArrayList<>();
        List<SeatChoice> seatChoices = new ArrayList<>();
        Hubs shared = new Hubs(flow, sessionRoundNode);
        for (int i = 0; i < model.attendees.size(); i++) {
            SeatingModel.AttendeeSlots slots = model.attendees.get(i);
            if (slots.remainingSeats == 0 || slots.freeRounds.isEmpty()) {
                continue;
            }
            int attendeeNode = flow.addNode();
            flow.addArc(source, attendeeNode, slots.remainingSeats, 0);
            // Unranked options all cost the same for one attendee: with no pinned session to keep out, they go
            // through a hub shared by every attendee admitted to the same sessions (one arc in per round instead of
            // one per unranked session and round). The hub leads to all those sessions; that a ranked one can be
            // reached through it too, at the higher unranked cost, changes no least cost of the round flow.
            Session unranked = hubs && model.settings.allowUnranked() && slots.pinnedSessions.isEmpty()
                    ? slots.sessions.stream().filter(s -> !slots.attendee.ranked(s)).findFirst().orElse(null)
                    : null;
            List<Session> direct = unranked == null ? slots.sessions
                    : slots.sessions.stream().filter(slots.attendee::ranked).toList();
            List<Session> viaHub = unranked == null ? List.of() : slots.sessions;
            long unrankedCost = unranked == null || seatsOnly ? 0 : model.settings.seatCost(slots.attendee, unranked);
            Map<Round, Integer> hubOfRound = shared.byRound(viaHub);
            if (grouping == Grouping.ROUND) {
                for (Round round : slots.freeRounds) {
                    int roundNode = -1;
                    for (Session session : direct) {
                        Integer target = sessionRoundNode.getOrDefault(session, Map.of()).get(round);
                        if (target == null) {
                            continue;
                        }
                        if (roundNode < 0) {
                            roundNode = flow.addNode();
                            flow.addArc(attendeeNode, roundNode, 1, 0);
                        }
                        long cost = seatsOnly ? 0 : model.settings.seatCost(slots.attendee, session);
                        seatArcs.add(flow.addArc(roundNode, target, 1, cost));
                        seatChoices.add(new SeatChoice(i, session, round));
                    }
                    int hub = shared.node(hubOfRound, viaHub, round);
                    if (hub >= 0) {
                        if (roundNode < 0) {
                            roundNode = flow.addNode();
                            flow.addArc(attendeeNode, roundNode, 1, 0);
                        }
                        shared.enter(hub, i, flow.addArc(roundNode, hub, 1, unrankedCost));
                    }
                }
            } else {
                for (Session session : direct) {
                    int sessionNode = -1;
                    for (Round round : slots.freeRounds) {
                        Integer target = sessionRoundNode.getOrDefault(session, Map.of()).get(round);
                        if (target == null) {
                            continue;
                        }
                        if (sessionNode < 0) {
                            sessionNode = flow.addNode();
                            flow.addArc(attendeeNode, sessionNode, 1,
                                    seatsOnly ? 0 : model.settings.seatCost(slots.attendee, session));
                        }
                        seatArcs.add(flow.addArc(sessionNode, target, 1, 0));
                        seatChoices.add(new SeatChoice(i, session, round));
                    }
                }
                int unrankedNode = -1;
                for (Round round : slots.freeRounds) {
                    int hub = shared.node(hubOfRound, viaHub, round);
                    if (hub < 0) {
                        continue;
                    }
                    if (unrankedNode < 0) {
                        unrankedNode = flow.addNode();
                        flow.addArc(attendeeNode, unrankedNode, slots.remainingSeats, unrankedCost);
                    }
                    // At most one unranked seat per round: every schedule keeps that, so the bound stays valid.
                    shared.enter(hub, i, flow.addArc(unrankedNode, hub, 1, 0));
                }
            }
        }
        CostCurve curve = new CostCurve(flow.maxFlow(source, sink).stream()
                .map(piece -> new CostCurve.Piece(piece.units(), piece.costPerUnit())).toList());
        List<SeatChoice> solution = new ArrayList<>();
        for (int k = 0; k < seatArcs.size(); k++) {
            if (flow.flow(seatArcs.get(k)) > 0) {
                solution.add(seatChoices.get(k));
            }
        }
        shared.assign(solution);
        return new Result(name(grouping, aggregate), grouping, relaxes(model, grouping, aggregate, hubs), curve, solution,
                flow.nodeCount(), flow.arcCount());
    }

    /**
     * Shared nodes for unranked seats: one per (sessions an attendee may take unranked, round), with an arc to each
     * of those sessions in that round. An attendee enters with one arc at their unranked cost instead of one arc
     * per unranked session and round, which keeps big events (many sessions, unranked seats allowed) small.
     */
    private static final class Hubs {

        private record Entry(int attendee, int arc) {
        }

        private record Exit(Session session, int arc) {
        }

        private final MinCostFlow flow;
        private final Map<Session, Map<Round, Integer>> sessionRoundNode;
        private final Map<List<Session>, Map<Round, Integer>> nodes = new LinkedHashMap<>();
        private final Map<Integer, Round> roundOf = new LinkedHashMap<>();
        private final Map<Integer, List<Entry>> entries = new LinkedHashMap<>();
        private final Map<Integer, List<Exit>> exits = new LinkedHashMap<>();

        Hubs(MinCostFlow flow, Map<Session, Map<Round, Integer>> sessionRoundNode) {
            this.flow = flow;
            this.sessionRoundNode = sessionRoundNode;
        }

        /**
         * The hubs of these sessions by round, looked up once per attendee (the key is a list of every session they
         * are admitted to), or null when there are none.
         */
        Map<Round, Integer> byRound(List<Session> sessions) {
            return sessions.isEmpty() ? null : nodes.computeIfAbsent(sessions, k -> new LinkedHashMap<>());
        }

        /** The hub for these sessions ({@link #byRound}) in this round, or -1 when none can take seats in it. */
        int node(Map<Round, Integer> byRound, List<Session> sessions, Round round) {
            if (byRound == null) {
                return -1;
            }
            return byRound.computeIfAbsent(round, r -> {
                List<Exit> out = new ArrayList<>();
                int hub = -1;
                for (Session session : sessions) {
                    Integer target = sessionRoundNode.getOrDefault(session, Map.of()).get(round);
                    if (target == null) {
                        continue;
                    }
                    if (hub < 0) {
                        hub = flow.addNode();
                    }
                    out.add(new Exit(session, flow.addArc(hub, target, Integer.MAX_VALUE, 0)));
                }
                if (hub >= 0) {
                    roundOf.put(hub, round);
                    exits.put(hub, out);
                    entries.put(hub, new ArrayList<>());
                }
                return hub;
            });
        }

        void enter(int hub, int attendee, int arc) {
            entries.get(hub).add(new Entry(attendee, arc));
        }

        /**
         * Adds the hubs' seats to a solution: the flow says how many attendees each hub sends to each session, not
         * which; each attendee gets a session they do not hold yet where one is left (else any).
         */
        void assign(List<SeatChoice> solution) {
            Map<Integer, Set<Session>> held = new LinkedHashMap<>();
            for (SeatChoice choice : solution) {
                held.computeIfAbsent(choice.attendee(), a -> new HashSet<>()).add(choice.session());
            }
            for (Map.Entry<Integer, List<Entry>> hub : entries.entrySet()) {
                Round round = roundOf.get(hub.getKey());
                List<Exit> out = exits.get(hub.getKey());
                long[] left = new long[out.size()];
                for (int k = 0; k < out.size(); k++) {
                    left[k] = flow.flow(out.get(k).arc());
                }
                for (Entry entry : hub.getValue()) {
                    for (long units = flow.flow(entry.arc()); units > 0; units--) {
                        Set<Session> mine = held.computeIfAbsent(entry.attendee(), a -> new HashSet<>());
                        int pick = -1;
                        for (int k = 0; k < out.size() && (pick < 0 || mine.contains(out.get(pick).session())); k++) {
                            if (left[k] > 0 && (pick < 0 || !mine.contains(out.get(k).session()))) {
                                pick = k;
                            }
                        }
                        left[pick]--;
                        mine.add(out.get(pick).session());
                        solution.add(new SeatChoice(entry.attendee(), out.get(pick).session(), round));
                    }
                }
            }
        }
    }

    static String relaxes(SeatingModel model, Grouping grouping, Aggregate aggregate, boolean hubs) {
        StringBuilder text = new StringBuilder(grouping == Grouping.ROUND
                ? "an attendee may take the same session in two rounds (never twice in the same session is relaxed)"
                : hubs ? "an attendee may take two sessions in the same round (one seat per round is relaxed; unranked "
                        + "seats, shared hubs on this big event, stay at most one per round but may repeat a session)"
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

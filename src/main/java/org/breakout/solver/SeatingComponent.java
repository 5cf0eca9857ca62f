package org.breakout.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.breakout.domain.Attendee;
import org.breakout.domain.Round;
import org.breakout.domain.Seat;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;
import org.breakout.flow.MinCostFlow;

/**
 * One component of {@link SeatingFlow}'s network: runs and attendees' (attendee, round) groups that share no run and
 * no attendee constraint with the rest of the event, and its solving: a transportation problem when every attendee
 * has one seat in it, else the min-cost flow and the repair of duplicate sessions (an attendee given a session in
 * two rounds keeps it where losing it costs most; it is forbidden elsewhere and the flow re-optimised, at most
 * {@link SeatingFlow#MAX_REPAIR_SOLVES} times, then the rest dropped and refilled).
 */
final class SeatingComponent {

    /** Keeps M, and the potentials built from it, far from overflowing a long. */
    private static final long MAX_ARC_COST = 1L << 40;

    /** One placed run that can take seats. */
    static final class RunNode {
        final SessionRun run;
        final int remaining;
        int component;
        int vertex;

        RunNode(SessionRun run, int remaining) {
            this.run = run;
            this.remaining = remaining;
        }
    }

    /** An (attendee, round) node: the runs the attendee may take in that round, with their costs. */
    static final class Group {
        final Round round;
        final RunNode[] runs;
        final long[] costs;
        final boolean[] forbidden;
        /** Index into {@link #runs} of the run this group is seated in, -1 for none. */
        int assigned = -1;
        int vertex;
        /** Flow arc ids of the options, parallel to {@link #runs}. */
        int[] arcs;

        Group(Round round, List<RunNode> runs, List<Long> costs) {
            this.round = round;
            this.runs = runs.toArray(new RunNode[0]);
            this.costs = costs.stream().mapToLong(Long::longValue).toArray();
            this.forbidden = new boolean[this.runs.length];
        }

        Session assignedSession() {
            return assigned < 0 ? null : runs[assigned].run.getSession();
        }
    }

    static final class AttendeePlan {
        final Attendee attendee;
        final List<Seat> seats;
        final List<Group> groups;
        /** Whether the attendee has fewer unpinned seats than rounds with options (the source arc binds). */
        final boolean seatLimited;

        AttendeePlan(Attendee attendee, List<Seat> seats, List<Group> groups) {
            this.attendee = attendee;
            this.seats = seats;
            this.groups = groups;
            this.seatLimited = seats.size() < groups.size();
        }
    }

    /** The part of an attendee's plan inside one component. */
    record Part(AttendeePlan plan, List<Group> groups, int capacity) {
    }

    final List<RunNode> runs = new ArrayList<>();
    final List<Part> parts = new ArrayList<>();
    /** Flows solved, and seats dropped by the repair (some refilled), in this component. */
    int flowSolves;
    int duplicatesDropped;

    /**
     * Solves the component to the end (the repair of duplicate sessions stops when {@code terminated} says so);
     * returns the relaxation bound {seats filled, cost} of its first solve.
     */
    long[] solve(BooleanSupplier terminated) {
        long maxCost = 0;
        for (Part part : parts) {
            for (Group group : part.groups) {
                for (long cost : group.costs) {
                    maxCost = Math.max(maxCost, cost);
                }
            }
        }
        // An augmenting cycle that fills one more seat saves M and passes at most one arc of cost <= maxCost
        // into each run, so M > maxCost * runs makes "more seats" win over any cost.
        long bigM = Math.addExact(Math.multiplyExact(maxCost, runs.size()), 1);
        if (bigM > MAX_ARC_COST) {
            throw new IllegalStateException("Seat costs are too large for the seating flow (max seat cost "
                    + maxCost + " with " + runs.size() + " runs).");
        }
        if (oneSeatPerPart()) {
            // A round on its own without repeats: a transportation problem, solved exactly and much faster.
            solveTransportation(bigM);
            return tally();
        }
        long[] relaxed = null;
        int[] bestAssignment = null;
        long[] best = null;
        int droppedBefore = duplicatesDropped;
        int bestDropped = 0;
        // Which duplicate to give up is a heuristic choice: it is made twice, with the runs priced by the
        // flow's duals (a full run is given up first) and without, and the better seating is kept. Without
        // repeated sessions there is nothing to repair and the first flow is optimal.
        for (boolean priced : new boolean[] { true, false }) {
            if (best != null && terminated.getAsBoolean()) {
                break;
            }
            for (Part part : parts) {
                for (Group group : part.groups) {
                    Arrays.fill(group.forbidden, false);
                }
            }
            duplicatesDropped = droppedBefore;
            ComponentFlow flow = new ComponentFlow(bigM, priced);
            flow.solve();
            if (relaxed == null) {
                relaxed = tally();
            }
            boolean repaired = repair(flow, terminated);
            long[] outcome = tally();
            if (best == null || outcome[0] > best[0] || (outcome[0] == best[0] && outcome[1] < best[1])) {
                best = outcome;
                bestAssignment = assignments();
                bestDropped = duplicatesDropped - droppedBefore;
            }
            if (!repaired) {
                break;
            }
        }
        restore(bestAssignment);
        duplicatesDropped = droppedBefore + bestDropped;
        return relaxed;
    }

    /** Whether every attendee in the component has exactly one (attendee, round) group in it. */
    private boolean oneSeatPerPart() {
        for (Part part : parts) {
            if (part.groups.size() != 1 || part.capacity < 1) {
                return false;
            }
        }
        return true;
    }

    private void solveTransportation(long bigM) {
        flowSolves++;
        Map<RunNode, Integer> index = new IdentityHashMap<>();
        int[] seatLimits = new int[runs.size()];
        for (int i = 0; i < seatLimits.length; i++) {
            RunNode node = runs.get(i);
            index.put(node, i);
            seatLimits[i] = node.remaining;
        }
        int[][] options = new int[parts.size()][];
        long[][] costs = new long[options.length][];
        int[] current = new int[options.length];
        for (int p = 0; p < options.length; p++) {
            Part part = parts.get(p);
            Group group = part.groups.get(0);
            options[p] = new int[group.runs.length];
            current[p] = -1;
            for (int o = 0; o < group.runs.length; o++) {
                options[p][o] = index.get(group.runs[o]);
                for (Seat seat : part.plan.seats) {
                    if (seat.getRun() == group.runs[o].run) {
                        current[p] = o;
                    }
                }
            }
            costs[p] = group.costs;
        }
        // Among optimal seatings, the one closest to the current one (fewer changes for the score to follow).
        int[] assigned = TransportationSeating.solve(seatLimits, options, costs, bigM, current);
        for (int p = 0; p < options.length; p++) {
            parts.get(p).groups.get(0).assigned = assigned[p];
        }
    }

    /** Removes duplicate sessions; returns whether there were any. */
    private boolean repair(ComponentFlow flow, BooleanSupplier terminated) {
        boolean repaired = false;
        for (int repair = 0;; repair++) {
            boolean last = repair >= SeatingFlow.MAX_REPAIR_SOLVES || terminated.getAsBoolean();
            boolean anyDuplicate = false;
            for (Part part : parts) {
                anyDuplicate |= repairDuplicates(part, flow, !last);
            }
            if (!anyDuplicate) {
                return repaired;
            }
            repaired = true;
            if (last) {
                fillDropped();
                return true;
            }
            flow.solve();
        }
    }

    private int[] assignments() {
        List<Integer> assigned = new ArrayList<>();
        for (Part part : parts) {
            for (Group group : part.groups) {
                assigned.add(group.assigned);
            }
        }
        return assigned.stream().mapToInt(Integer::intValue).toArray();
    }

    private void restore(int[] assignments) {
        int i = 0;
        for (Part part : parts) {
            for (Group group : part.groups) {
                group.assigned = assignments[i++];
            }
        }
    }

    long[] tally() {
        long filled = 0;
        long cost = 0;
        for (Part part : parts) {
            for (Group group : part.groups) {
                if (group.assigned >= 0) {
                    filled++;
                    cost += group.costs[group.assigned];
                }
            }
        }
        return new long[] { filled, cost };
    }

    /**
     * The flow network of one component: each attendee part is a source (supply: its seats) with an arc to the
     * sink costing M per unit (a seat left empty); part → (attendee, round) group (capacity 1); group → run
     * (capacity 1, the seat cost); run → sink (capacity: seats left in the run).
     */
    private final class ComponentFlow {
        private final MinCostFlow network;
        private final int sink;
        private final long bigM;
        private final boolean priced;

        ComponentFlow(long bigM, boolean priced) {
            this.bigM = bigM;
            this.priced = priced;
            int nodes = 1 + runs.size();
            for (Part part : parts) {
                nodes += 1 + part.groups.size();
            }
            network = new MinCostFlow(nodes);
            sink = 0;
            int next = 1;
            for (RunNode node : runs) {
                node.vertex = next++;
                network.addArc(node.vertex, sink, node.remaining, 0);
            }
            for (Part part : parts) {
                int partVertex = next++;
                network.addSupply(partVertex, part.capacity);
                network.addSupply(sink, -part.capacity);
                network.addArc(partVertex, sink, part.capacity, bigM);
                for (Group group : part.groups) {
                    group.vertex = next++;
                    network.addArc(partVertex, group.vertex, 1, 0);
                    group.arcs = new int[group.runs.length];
                    for (int i = 0; i < group.runs.length; i++) {
                        group.arcs[i] = network.addArc(group.vertex, group.runs[i].vertex, 1, group.costs[i]);
                    }
                }
            }
        }

        void solve() {
            flowSolves++;
            network.solve();
            for (Part part : parts) {
                for (Group group : part.groups) {
                    group.assigned = -1;
                    for (int i = 0; i < group.arcs.length; i++) {
                        if (!group.forbidden[i] && network.flow(group.arcs[i]) > 0) {
                            group.assigned = i;
                        }
                    }
                }
            }
        }

        void forbid(Group group, int option) {
            if (!group.forbidden[option]) {
                group.forbidden[option] = true;
                network.removeArc(group.arcs[option]);
            }
        }

        /** The shadow price of one more seat in the run: 0 unless the run is full (or prices are off). */
        long price(RunNode node) {
            if (!priced) {
                return 0;
            }
            return Math.max(0, network.potential(sink) - network.potential(node.vertex));
        }

        long bigM() {
            return bigM;
        }
    }

    /**
     * If the attendee got a session in more than one round, keeps it in the round where losing it costs the most
     * and forbids it in the others (or, when {@code mayRetry} is false, simply unseats the others).
     *
     * @return whether a duplicate was found
     */
    private boolean repairDuplicates(Part part, ComponentFlow flow, boolean mayRetry) {
        Map<Session, List<Group>> groupsBySession = null;
        for (Group group : part.groups) {
            Session session = group.assignedSession();
            if (session != null) {
                if (groupsBySession == null) {
                    groupsBySession = new LinkedHashMap<>();
                }
                groupsBySession.computeIfAbsent(session, s -> new ArrayList<>(2)).add(group);
            }
        }
        if (groupsBySession == null) {
            return false;
        }
        Set<Session> held = new HashSet<>();
        for (Group group : part.groups) {
            if (group.assigned >= 0) {
                held.add(group.assignedSession());
            }
        }
        boolean found = false;
        for (Map.Entry<Session, List<Group>> entry : groupsBySession.entrySet()) {
            List<Group> groups = entry.getValue();
            if (groups.size() < 2) {
                continue;
            }
            found = true;
            Session session = entry.getKey();
            Group keep = null;
            long bestRegret = Long.MIN_VALUE;
            for (Group group : groups) {
                long regret = regret(group, held, flow);
                if (regret > bestRegret) {
                    bestRegret = regret;
                    keep = group;
                }
            }
            for (Group group : groups) {
                if (group == keep) {
                    continue;
                }
                if (mayRetry) {
                    for (int i = 0; i < group.runs.length; i++) {
                        if (group.runs[i].run.getSession().equals(session)) {
                            flow.forbid(group, i);
                        }
                    }
                } else {
                    group.assigned = -1;
                    duplicatesDropped++;
                }
            }
        }
        return found;
    }

    /** What it would cost the attendee to give up the run this group is seated in, at the flow's prices. */
    private static long regret(Group group, Set<Session> held, ComponentFlow flow) {
        long current = group.costs[group.assigned] + flow.price(group.runs[group.assigned]);
        long alternative = flow.bigM();
        for (int i = 0; i < group.runs.length; i++) {
            if (i == group.assigned || group.forbidden[i] || held.contains(group.runs[i].run.getSession())) {
                continue;
            }
            alternative = Math.min(alternative, group.costs[i] + flow.price(group.runs[i]));
        }
        return alternative - current;
    }

    /**
     * After duplicates were dropped: gives each empty (attendee, round) the cheapest run that still has a seat
     * and whose session the attendee does not have yet.
     */
    private void fillDropped() {
        Map<RunNode, Integer> used = new IdentityHashMap<>();
        for (Part part : parts) {
            for (Group group : part.groups) {
                if (group.assigned >= 0) {
                    used.merge(group.runs[group.assigned], 1, Integer::sum);
                }
            }
        }
        for (Part part : parts) {
            Set<Session> held = new HashSet<>();
            for (Group group : part.groups) {
                if (group.assigned >= 0) {
                    held.add(group.assignedSession());
                }
            }
            int seated = held.size();
            for (Group group : part.groups) {
                if (group.assigned >= 0 || seated >= part.capacity) {
                    continue;
                }
                int best = -1;
                for (int i = 0; i < group.runs.length; i++) {
                    RunNode node = group.runs[i];
                    if (used.getOrDefault(node, 0) < node.remaining
                            && !held.contains(node.run.getSession())
                            && (best < 0 || group.costs[i] < group.costs[best])) {
                        best = i;
                    }
                }
                if (best >= 0) {
                    group.assigned = best;
                    used.merge(group.runs[best], 1, Integer::sum);
                    held.add(group.assignedSession());
                    seated++;
                }
            }
        }
    }
}

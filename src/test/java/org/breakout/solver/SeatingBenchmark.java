package org.breakout.solver;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.breakout.domain.Attendee;
import org.breakout.domain.EventSettings;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * Not a test: times {@link SeatingFlow} on synthetic events and compares it with a second relaxation (sessions
 * distinct, rounds ignored), which is tight when every session is given in every round.
 * Run: {@code java -cp target/classes:target/test-classes:<deps> org.breakout.solver.SeatingBenchmark}.
 */
public final class SeatingBenchmark {

    public static void main(String[] args) {
        for (int i = 0; i < 2; i++) { // second pass: warm JIT
            System.out.println("--- pass " + (i + 1));
            run("427 att, 11 sessions x 3 rounds (every session every round), slack 1.1",
                    SyntheticEvents.everySessionEveryRound(1, 427, 11, 3, 6, 1.1));
            run("427 att, 11 sessions x 3 rounds, slack 1.0 (tight)",
                    SyntheticEvents.everySessionEveryRound(2, 427, 11, 3, 6, 1.0));
            run("2000 att, 5 rounds x 8 sessions, 4 repeated, slack 1.1",
                    SyntheticEvents.perRoundSessions(3, 2000, 5, 8, 4, 10, 1.1, true));
            run("2000 att, 5 rounds x 8 sessions, none repeated, slack 1.05",
                    SyntheticEvents.perRoundSessions(4, 2000, 5, 8, 0, 10, 1.05, true));
            run("2000 att, 11 sessions x 5 rounds (every session every round), slack 1.1",
                    SyntheticEvents.everySessionEveryRound(5, 2000, 11, 5, 8, 1.1));
        }
    }

    static void run(String name, Schedule schedule) {
        long start = System.nanoTime();
        SeatingFlow.Result result = SeatingFlow.solveWithDetails(schedule);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long[] sessionBound = sessionRelaxation(schedule);
        System.out.printf("%s: %d ms, filled %d (bound %d / %d), cost %d (bound %d / %d), solves %d, dropped %d%n",
                name, millis, result.seatsFilled(), result.relaxedSeatsFilled(), sessionBound[0], result.cost(),
                result.relaxedCost(), sessionBound[1], result.flowSolves(), result.duplicatesDropped());
    }

    /** Relaxation that keeps "one seat per session" and drops "one seat per round": {filled, cost}. */
    static long[] sessionRelaxation(Schedule schedule) {
        EventSettings settings = schedule.getSettings();
        Map<Session, Integer> capacity = new LinkedHashMap<>();
        for (SessionRun run : schedule.getRuns()) {
            capacity.merge(run.getSession(), run.seatLimit(), Integer::sum);
        }
        Map<Attendee, Integer> seats = new LinkedHashMap<>();
        for (Seat seat : schedule.getSeats()) {
            seats.merge(seat.getAttendee(), 1, Integer::sum);
        }
        Graph<Integer, DefaultWeightedEdge> graph = new DefaultDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        Map<DefaultWeightedEdge, Integer> caps = new HashMap<>();
        Map<Session, Integer> sessionVertex = new HashMap<>();
        int next = 2;
        graph.addVertex(0);
        graph.addVertex(1);
        long maxCost = 0;
        for (Attendee attendee : seats.keySet()) {
            for (Session session : capacity.keySet()) {
                maxCost = Math.max(maxCost, settings.seatCost(attendee, session));
            }
        }
        double bigM = maxCost * (capacity.size() + 1.0) + 1;
        int supply = seats.values().stream().mapToInt(Integer::intValue).sum();
        add(graph, caps, 0, 1, supply, bigM);
        for (Map.Entry<Session, Integer> entry : capacity.entrySet()) {
            int v = next++;
            graph.addVertex(v);
            sessionVertex.put(entry.getKey(), v);
            add(graph, caps, v, 1, entry.getValue(), 0);
        }
        Map<DefaultWeightedEdge, Long> seatArcs = new HashMap<>();
        for (Map.Entry<Attendee, Integer> entry : seats.entrySet()) {
            int v = next++;
            graph.addVertex(v);
            add(graph, caps, 0, v, entry.getValue(), 0);
            for (Session session : capacity.keySet()) {
                if (settings.mayAttend(entry.getKey(), session)) {
                    long cost = settings.seatCost(entry.getKey(), session);
                    seatArcs.put(add(graph, caps, v, sessionVertex.get(session), 1, cost), cost);
                }
            }
        }
        var flow = new CapacityScalingMinimumCostFlow<Integer, DefaultWeightedEdge>().getMinimumCostFlow(
                new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(graph,
                        v -> v == 0 ? supply : v == 1 ? -supply : 0, caps::get));
        long filled = 0;
        long cost = 0;
        for (Map.Entry<DefaultWeightedEdge, Long> entry : seatArcs.entrySet()) {
            if (flow.getFlow(entry.getKey()) > 0.5) {
                filled++;
                cost += entry.getValue();
            }
        }
        return new long[] { filled, cost };
    }

    private static DefaultWeightedEdge add(Graph<Integer, DefaultWeightedEdge> graph,
            Map<DefaultWeightedEdge, Integer> caps, int from, int to, int cap, double cost) {
        DefaultWeightedEdge edge = graph.addEdge(from, to);
        graph.setEdgeWeight(edge, cost);
        caps.put(edge, cap);
        return edge;
    }
}

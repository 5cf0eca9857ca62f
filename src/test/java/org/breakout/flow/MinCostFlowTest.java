package org.breakout.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DirectedWeightedPseudograph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Test;

/**
 * {@link MinCostFlow} against JGraphT's capacity-scaling min-cost flow, which serves as the oracle: b-flows
 * ({@link MinCostFlow#solve()}, also after arcs are removed) and the cost curve of s-t flows
 * ({@link MinCostFlow#maxFlow}) at every flow value.
 */
class MinCostFlowTest {

    private record Arc(int from, int to, int capacity, long cost) {
    }

    @Test
    void smallExample() {
        MinCostFlow flow = new MinCostFlow(4);
        int a = flow.addArc(0, 1, 2, 1);
        int b = flow.addArc(0, 2, 1, 2);
        int c = flow.addArc(1, 2, 1, 1);
        int d = flow.addArc(1, 3, 1, 3);
        int e = flow.addArc(2, 3, 2, 1);
        flow.addSupply(0, 3);
        flow.addSupply(3, -3);
        flow.solve();
        List<Arc> arcs = List.of(new Arc(0, 1, 2, 1), new Arc(0, 2, 1, 2), new Arc(1, 2, 1, 1), new Arc(1, 3, 1, 3),
                new Arc(2, 3, 2, 1));
        int[] ids = { a, b, c, d, e };
        assertThat(costOf(flow, arcs, ids)).isEqualTo(10);
    }

    @Test
    void infeasibleProblemIsReported() {
        MinCostFlow flow = new MinCostFlow(2);
        flow.addArc(0, 1, 1, 0);
        flow.addSupply(0, 2);
        flow.addSupply(1, -2);
        assertThatThrownBy(flow::solve).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void randomNetworksMatchJGraphT() {
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            int n = 4 + random.nextInt(12);
            List<Arc> arcs = randomArcs(random, n);
            long[] supply = randomSupplies(random, n, arcs);

            MinCostFlow flow = new MinCostFlow(n);
            int[] ids = new int[arcs.size()];
            for (int i = 0; i < arcs.size(); i++) {
                Arc arc = arcs.get(i);
                ids[i] = flow.addArc(arc.from(), arc.to(), arc.capacity(), arc.cost());
            }
            for (int v = 0; v < n; v++) {
                flow.addSupply(v, supply[v]);
            }
            flow.solve();
            assertBalanced(flow, arcs, ids, supply, Set.of());
            assertThat(costOf(flow, arcs, ids)).as("seed %d", seed).isEqualTo(jgraphtCost(n, arcs, supply, Set.of()));

            // Remove some arcs (never the expensive backbone that keeps the problem feasible) and re-optimise.
            Set<Integer> removed = new HashSet<>();
            for (int i = 0; i < arcs.size(); i++) {
                if (arcs.get(i).cost() < 1000 && random.nextInt(4) == 0) {
                    removed.add(i);
                    flow.removeArc(ids[i]);
                }
            }
            flow.solve();
            assertBalanced(flow, arcs, ids, supply, removed);
            assertThat(costOf(flow, arcs, ids)).as("seed %d after removal", seed)
                    .isEqualTo(jgraphtCost(n, arcs, supply, removed));
        }
    }

    @Test
    void costCurveMatchesJGraphTAtEveryFlowValue() {
        // Small costs (the bound's: every distance in a bucket), then large ones (distances past the buckets go
        // through the heap).
        for (long seed = 1; seed <= 100; seed++) {
            int costs = seed <= 60 ? 6 : 20_000;
            Random random = new Random(seed);
            int n = 4 + random.nextInt(8);
            List<int[]> arcs = new ArrayList<>();
            for (int k = 0, m = n + random.nextInt(3 * n); k < m; k++) {
                int from = random.nextInt(n);
                int to = random.nextInt(n);
                if (from != to && to != 0 && from != 1) {
                    arcs.add(new int[] { from, to, 1 + random.nextInt(3), random.nextInt(costs) });
                }
            }
            MinCostFlow flow = new MinCostFlow();
            for (int v = 0; v < n; v++) {
                assertThat(flow.addNode()).isEqualTo(v);
            }
            List<Integer> ids = new ArrayList<>();
            for (int[] arc : arcs) {
                ids.add(flow.addArc(arc[0], arc[1], arc[2], arc[3]));
            }
            List<MinCostFlow.Piece> curve = flow.maxFlow(0, 1);
            for (int k = 1; k < curve.size(); k++) {
                assertThat(curve.get(k).costPerUnit()).isGreaterThan(curve.get(k - 1).costPerUnit());
            }
            // The flow found is a valid maximum flow of the stated cost.
            long total = 0;
            long[] balance = new long[n];
            for (int k = 0; k < arcs.size(); k++) {
                long f = flow.flow(ids.get(k));
                assertThat(f).isBetween(0L, (long) arcs.get(k)[2]);
                total += f * arcs.get(k)[3];
                balance[arcs.get(k)[0]] -= f;
                balance[arcs.get(k)[1]] += f;
            }
            assertThat(total).as("seed " + seed).isEqualTo(costAt(curve, maxFlow(curve)));
            assertThat(balance[1]).isEqualTo(maxFlow(curve));
            for (int v = 2; v < n; v++) {
                assertThat(balance[v]).isZero();
            }
            for (long k = 0; k <= maxFlow(curve); k++) {
                assertThat(costAt(curve, k)).as("seed " + seed + ", flow " + k).isEqualTo(jgraphtCurve(n, arcs, k));
            }
            assertThat(jgraphtCurve(n, arcs, maxFlow(curve) + 1)).as("seed " + seed + ": more than the max").isNegative();
        }
    }

    /** Least cost of a flow of exactly k units from 0 to 1 (a zero-cost return arc 1 → 0 absorbs the rest), -1 if none. */
    private static long jgraphtCurve(int n, List<int[]> arcs, long k) {
        if (k == 0) {
            return 0;
        }
        Graph<Integer, DefaultWeightedEdge> graph = new DefaultDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        for (int v = 0; v < n; v++) {
            graph.addVertex(v);
        }
        Map<DefaultWeightedEdge, Integer> capacity = new HashMap<>();
        for (int[] arc : arcs) {
            // Parallel arcs: route each through its own middle vertex.
            int middle = graph.vertexSet().size();
            graph.addVertex(middle);
            DefaultWeightedEdge a = graph.addEdge(arc[0], middle);
            graph.setEdgeWeight(a, arc[3]);
            capacity.put(a, arc[2]);
            DefaultWeightedEdge b = graph.addEdge(middle, arc[1]);
            graph.setEdgeWeight(b, 0);
            capacity.put(b, arc[2]);
        }
        MinimumCostFlowProblem<Integer, DefaultWeightedEdge> problem = new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(
                graph, v -> v == 0 ? (int) k : v == 1 ? (int) -k : 0, capacity::get);
        try {
            return Math.round(new CapacityScalingMinimumCostFlow<Integer, DefaultWeightedEdge>().getMinimumCostFlow(problem)
                    .getCost());
        } catch (IllegalArgumentException | IllegalStateException e) {
            return -1; // infeasible
        }
    }

    private static long maxFlow(List<MinCostFlow.Piece> curve) {
        return curve.stream().mapToLong(MinCostFlow.Piece::units).sum();
    }

    /** The least cost of k units by the curve: the cheapest pieces first. */
    private static long costAt(List<MinCostFlow.Piece> curve, long k) {
        long cost = 0;
        long left = k;
        for (MinCostFlow.Piece piece : curve) {
            long take = Math.min(left, piece.units());
            cost += take * piece.costPerUnit();
            left -= take;
        }
        return cost;
    }

    /** Random arcs, plus arcs of cost 1000 from every node to the next and back so any supply can be met. */
    private static List<Arc> randomArcs(Random random, int n) {
        List<Arc> arcs = new ArrayList<>();
        int m = n * (1 + random.nextInt(4));
        for (int i = 0; i < m; i++) {
            int from = random.nextInt(n);
            int to = random.nextInt(n);
            if (from != to) {
                arcs.add(new Arc(from, to, random.nextInt(6), random.nextInt(21)));
            }
        }
        for (int v = 0; v + 1 < n; v++) {
            arcs.add(new Arc(v, v + 1, 1000, 1000));
            arcs.add(new Arc(v + 1, v, 1000, 1000));
        }
        return arcs;
    }

    private static long[] randomSupplies(Random random, int n, List<Arc> arcs) {
        long[] supply = new long[n];
        for (int i = 0; i < 1 + random.nextInt(n); i++) {
            int from = random.nextInt(n);
            int to = random.nextInt(n);
            int amount = random.nextInt(8);
            supply[from] += amount;
            supply[to] -= amount;
        }
        return supply;
    }

    private static long costOf(MinCostFlow flow, List<Arc> arcs, int[] ids) {
        long cost = 0;
        for (int i = 0; i < arcs.size(); i++) {
            long f = flow.flow(ids[i]);
            assertThat(f).isBetween(0L, (long) arcs.get(i).capacity());
            cost += f * arcs.get(i).cost();
        }
        return cost;
    }

    private static void assertBalanced(MinCostFlow flow, List<Arc> arcs, int[] ids, long[] supply,
            Set<Integer> removed) {
        long[] net = new long[supply.length];
        for (int i = 0; i < arcs.size(); i++) {
            long f = flow.flow(ids[i]);
            if (removed.contains(i)) {
                assertThat(f).isZero();
            }
            net[arcs.get(i).from()] += f;
            net[arcs.get(i).to()] -= f;
        }
        assertThat(net).isEqualTo(supply);
    }

    private static long jgraphtCost(int n, List<Arc> arcs, long[] supply, Set<Integer> removed) {
        Graph<Integer, DefaultWeightedEdge> graph = new DirectedWeightedPseudograph<>(DefaultWeightedEdge.class);
        for (int v = 0; v < n; v++) {
            graph.addVertex(v);
        }
        Map<DefaultWeightedEdge, Integer> capacity = new HashMap<>();
        for (int i = 0; i < arcs.size(); i++) {
            if (removed.contains(i)) {
                continue;
            }
            Arc arc = arcs.get(i);
            DefaultWeightedEdge edge = graph.addEdge(arc.from(), arc.to());
            graph.setEdgeWeight(edge, arc.cost());
            capacity.put(edge, arc.capacity());
        }
        double cost = new CapacityScalingMinimumCostFlow<Integer, DefaultWeightedEdge>().getMinimumCostFlow(
                new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(graph, v -> (int) supply[v], capacity::get))
                .getCost();
        return Math.round(cost);
    }
}

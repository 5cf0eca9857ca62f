package org.breakout.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Test;

/** The cost curve against JGraphT's capacity-scaling min-cost flow, solved for every flow value separately. */
class MinCostFlowTest {

    @Test
    void costCurveMatchesJGraphTAtEveryFlowValue() {
        for (long seed = 1; seed <= 60; seed++) {
            Random random = new Random(seed);
            int n = 4 + random.nextInt(8);
            List<int[]> arcs = new ArrayList<>();
            for (int k = 0, m = n + random.nextInt(3 * n); k < m; k++) {
                int from = random.nextInt(n);
                int to = random.nextInt(n);
                if (from != to && to != 0 && from != 1) {
                    arcs.add(new int[] { from, to, 1 + random.nextInt(3), random.nextInt(6) });
                }
            }
            MinCostFlow flow = new MinCostFlow();
            for (int v = 0; v < n; v++) {
                flow.addNode();
            }
            List<Integer> ids = new ArrayList<>();
            for (int[] arc : arcs) {
                ids.add(flow.addArc(arc[0], arc[1], arc[2], arc[3]));
            }
            CostCurve curve = flow.solve(0, 1);
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
            assertThat(total).as("seed " + seed).isEqualTo(curve.costAtMax());
            assertThat(balance[1]).isEqualTo(curve.maxFlow());
            for (int v = 2; v < n; v++) {
                assertThat(balance[v]).isZero();
            }
            for (long k = 0; k <= curve.maxFlow(); k++) {
                assertThat(curve.costAt(k)).as("seed " + seed + ", flow " + k).isEqualTo(jgrapht(n, arcs, k));
            }
            assertThat(jgrapht(n, arcs, curve.maxFlow() + 1)).as("seed " + seed + ": more than the max").isNegative();
        }
    }

    /** Least cost of a flow of exactly k units from 0 to 1 (a zero-cost return arc 1 → 0 absorbs the rest), -1 if none. */
    private static long jgrapht(int n, List<int[]> arcs, long k) {
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
}

package org.breakout.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.breakout.flow.MinCostFlow;
import org.junit.jupiter.api.Test;

/**
 * {@link TransportationSeating} against {@link MinCostFlow} on the same network (attendee → run → sink, attendee →
 * sink at M): the same total cost on random rounds, and every answer keeps the seat limits. MinCostFlow is itself
 * checked against JGraphT in {@code org.breakout.flow.MinCostFlowTest}.
 */
class TransportationSeatingTest {

    @Test
    void capacityBindsAndTheCheaperPersonMoves() {
        // Two attendees both prefer run 0 (one seat); attendee 0 loses less by going to run 1.
        int[] limits = { 1, 1 };
        int[][] options = { { 0, 1 }, { 0, 1 } };
        long[][] costs = { { 0, 1 }, { 0, 4 } };
        int[] assigned = TransportationSeating.solve(limits, options, costs, 100);
        assertThat(assigned).containsExactly(1, 0);
    }

    @Test
    void seatsComeBeforeCost() {
        // One seat in run 0; attendee 1 can only take run 0, attendee 0 also run 1 at a high cost.
        int[] limits = { 1, 1 };
        int[][] options = { { 0, 1 }, { 0 } };
        long[][] costs = { { 0, 9 }, { 5 } };
        int[] assigned = TransportationSeating.solve(limits, options, costs, 9 * 2 + 1);
        assertThat(assigned).containsExactly(1, 0);
    }

    @Test
    void randomRoundsMatchTheGeneralFlow() {
        for (int seed = 0; seed < 400; seed++) {
            Random random = new Random(seed);
            int runs = 1 + random.nextInt(6);
            int attendees = random.nextInt(25);
            int[] limits = new int[runs];
            for (int j = 0; j < runs; j++) {
                limits[j] = random.nextInt(6);
            }
            int[][] options = new int[attendees][];
            long[][] costs = new long[attendees][];
            long maxCost = 0;
            for (int a = 0; a < attendees; a++) {
                List<Integer> all = new ArrayList<>();
                for (int j = 0; j < runs; j++) {
                    all.add(j);
                }
                Collections.shuffle(all, random);
                int count = random.nextInt(runs + 1);
                options[a] = all.subList(0, count).stream().mapToInt(Integer::intValue).toArray();
                costs[a] = new long[count];
                for (int o = 0; o < count; o++) {
                    costs[a][o] = random.nextInt(3) == 0 ? 0 : random.nextInt(10);
                    maxCost = Math.max(maxCost, costs[a][o]);
                }
            }
            long bigM = maxCost * runs + 1;
            int[] assigned = TransportationSeating.solve(limits, options, costs, bigM);

            int[] used = new int[runs];
            long cost = 0;
            for (int a = 0; a < attendees; a++) {
                if (assigned[a] < 0) {
                    cost += bigM;
                } else {
                    used[options[a][assigned[a]]]++;
                    cost += costs[a][assigned[a]];
                }
            }
            for (int j = 0; j < runs; j++) {
                assertThat(used[j]).as("seed %d: run %d within its limit", seed, j).isLessThanOrEqualTo(limits[j]);
            }
            assertThat(cost).as("seed %d: total cost", seed).isEqualTo(generalFlowCost(limits, options, costs, bigM));
        }
    }

    private static long generalFlowCost(int[] limits, int[][] options, long[][] costs, long bigM) {
        int runs = limits.length;
        int attendees = options.length;
        int sink = 0;
        MinCostFlow flow = new MinCostFlow(1 + runs + attendees);
        for (int j = 0; j < runs; j++) {
            flow.addArc(1 + j, sink, limits[j], 0);
        }
        List<int[]> arcs = new ArrayList<>();
        for (int a = 0; a < attendees; a++) {
            int node = 1 + runs + a;
            flow.addSupply(node, 1);
            flow.addSupply(sink, -1);
            arcs.add(new int[] { flow.addArc(node, sink, 1, bigM), -1, a });
            for (int o = 0; o < options[a].length; o++) {
                arcs.add(new int[] { flow.addArc(node, 1 + options[a][o], 1, costs[a][o]), o, a });
            }
        }
        flow.solve();
        long cost = 0;
        for (int[] arc : arcs) {
            if (flow.flow(arc[0]) > 0) {
                cost += arc[1] < 0 ? bigM : costs[arc[2]][arc[1]];
            }
        }
        return cost;
    }
}

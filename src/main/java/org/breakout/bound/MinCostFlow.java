package org.breakout.bound;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Minimum-cost flow with integer capacities and nonnegative integer arc costs that returns the whole
 * <em>cost curve</em>: the least cost of a flow of value k, for every k from 0 to the maximum flow.
 * <p>
 * Primal-dual successive shortest paths: a Dijkstra search with node potentials (reduced costs stay nonnegative)
 * finds the cost d of a cheapest augmenting path; then a blocking flow (Dinic: BFS levels, iterative DFS with
 * current-arc pointers) is pushed along the arcs whose reduced cost is zero, all of which are augmenting paths of
 * cost exactly d. The next phase has a strictly larger d. By the successive-shortest-path theorem the flow after
 * every single unit is a minimum-cost flow of its value, so the curve is the sum of the phases' (amount, d) pieces:
 * convex, piecewise linear, nondecreasing (all costs are nonnegative).
 * <p>
 * Plain Java, no randomness: the same network gives the same flow.
 */
final class MinCostFlow {

    private int nodeCount;
    private int[] head = new int[16];
    private int[] next = new int[16];
    private int[] to = new int[16];
    private long[] capacity = new long[16];
    private long[] originalCapacity = new long[8];
    private long[] cost = new long[16];
    private int arcCount;

    MinCostFlow() {
        Arrays.fill(head, -1);
    }

    /** Adds a node; returns its index. */
    int addNode() {
        if (nodeCount == head.length) {
            int old = head.length;
            head = Arrays.copyOf(head, old * 2);
            Arrays.fill(head, old, head.length, -1);
        }
        return nodeCount++;
    }

    int nodeCount() {
        return nodeCount;
    }

    int arcCount() {
        return arcCount / 2;
    }

    /** Adds an arc {@code from → to} with the given capacity (≥ 0) and unit cost (≥ 0); returns the arc id. */
    int addArc(int from, int toNode, long arcCapacity, long unitCost) {
        if (arcCapacity < 0 || unitCost < 0) {
            throw new IllegalArgumentException("capacity and cost must be ≥ 0: " + arcCapacity + ", " + unitCost);
        }
        if (from < 0 || from >= nodeCount || toNode < 0 || toNode >= nodeCount) {
            throw new IllegalArgumentException("no such node");
        }
        if (arcCount + 2 > to.length) {
            int size = to.length * 2;
            next = Arrays.copyOf(next, size);
            to = Arrays.copyOf(to, size);
            capacity = Arrays.copyOf(capacity, size);
            cost = Arrays.copyOf(cost, size);
            originalCapacity = Arrays.copyOf(originalCapacity, size / 2);
        }
        int id = arcCount / 2;
        link(from, toNode, arcCapacity, unitCost);
        link(toNode, from, 0, -unitCost);
        originalCapacity[id] = arcCapacity;
        return id;
    }

    private void link(int from, int toNode, long arcCapacity, long unitCost) {
        to[arcCount] = toNode;
        capacity[arcCount] = arcCapacity;
        cost[arcCount] = unitCost;
        next[arcCount] = head[from];
        head[from] = arcCount;
        arcCount++;
    }

    /** The flow on an arc after {@link #solve}. */
    long flow(int arc) {
        return originalCapacity[arc] - capacity[2 * arc];
    }

    /**
     * Sends as much flow as possible from source to sink at least cost.
     *
     * @return the cost curve: pieces of (units, cost per unit), cost per unit strictly increasing
     */
    CostCurve solve(int source, int sink) {
        int n = nodeCount;
        long[] potential = new long[n];
        long[] dist = new long[n];
        int[] level = new int[n];
        int[] currentArc = new int[n];
        List<CostCurve.Piece> pieces = new ArrayList<>();
        while (true) {
            if (!dijkstra(source, sink, potential, dist)) {
                break;
            }
            long distToSink = dist[sink];
            for (int v = 0; v < n; v++) {
                potential[v] += Math.min(dist[v], distToSink);
            }
            long unitCost = potential[sink] - potential[source];
            long pushed = 0;
            while (bfsLevels(source, sink, potential, level)) {
                for (int v = 0; v < n; v++) {
                    currentArc[v] = head[v];
                }
                long f;
                while ((f = augment(source, sink, potential, level, currentArc)) > 0) {
                    pushed += f;
                }
            }
            if (pushed == 0) {
                throw new IllegalStateException("min-cost flow made no progress (bug)");
            }
            pieces.add(new CostCurve.Piece(pushed, unitCost));
        }
        return new CostCurve(pieces);
    }

    private long reducedCost(int arc, int from, long[] potential) {
        return cost[arc] + potential[from] - potential[to[arc]];
    }

    /** Shortest distances by reduced cost; unreachable nodes get Long.MAX_VALUE. Returns whether the sink is reached. */
    private boolean dijkstra(int source, int sink, long[] potential, long[] dist) {
        Arrays.fill(dist, Long.MAX_VALUE);
        dist[source] = 0;
        PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : Long.compare(a[1], b[1]));
        queue.add(new long[] { 0, source });
        while (!queue.isEmpty()) {
            long[] top = queue.poll();
            int u = (int) top[1];
            if (top[0] > dist[u]) {
                continue;
            }
            for (int arc = head[u]; arc >= 0; arc = next[arc]) {
                if (capacity[arc] <= 0) {
                    continue;
                }
                int v = to[arc];
                long rc = reducedCost(arc, u, potential);
                if (rc < 0) {
                    throw new IllegalStateException("negative reduced cost (bug)");
                }
                long d = dist[u] + rc;
                if (d < dist[v]) {
                    dist[v] = d;
                    queue.add(new long[] { d, v });
                }
            }
        }
        return dist[sink] != Long.MAX_VALUE;
    }

    /** BFS levels over admissible arcs (residual capacity, zero reduced cost). */
    private boolean bfsLevels(int source, int sink, long[] potential, int[] level) {
        Arrays.fill(level, -1);
        int[] queue = new int[nodeCount];
        int read = 0;
        int write = 0;
        queue[write++] = source;
        level[source] = 0;
        while (read < write) {
            int u = queue[read++];
            for (int arc = head[u]; arc >= 0; arc = next[arc]) {
                int v = to[arc];
                if (capacity[arc] > 0 && level[v] < 0 && reducedCost(arc, u, potential) == 0) {
                    level[v] = level[u] + 1;
                    queue[write++] = v;
                }
            }
        }
        return level[sink] >= 0;
    }

    /** One augmenting path in the level graph (iterative DFS); returns the amount pushed, 0 when none is left. */
    private long augment(int source, int sink, long[] potential, int[] level, int[] currentArc) {
        int[] pathArcs = new int[Math.max(1, level[sink])];
        int depth = 0;
        int u = source;
        while (true) {
            if (u == sink) {
                long amount = Long.MAX_VALUE;
                for (int i = 0; i < depth; i++) {
                    amount = Math.min(amount, capacity[pathArcs[i]]);
                }
                for (int i = 0; i < depth; i++) {
                    capacity[pathArcs[i]] -= amount;
                    capacity[pathArcs[i] ^ 1] += amount;
                }
                return amount;
            }
            int arc = currentArc[u];
            while (arc >= 0) {
                int v = to[arc];
                if (capacity[arc] > 0 && level[v] == level[u] + 1 && level[v] <= level[sink]
                        && reducedCost(arc, u, potential) == 0) {
                    break;
                }
                arc = next[arc];
            }
            currentArc[u] = arc;
            if (arc >= 0) {
                pathArcs[depth++] = arc;
                u = to[arc];
            } else {
                // Dead end: no path through u in this level graph; retreat.
                level[u] = -1;
                if (depth == 0) {
                    return 0;
                }
                depth--;
                u = to[pathArcs[depth] ^ 1];
                currentArc[u] = next[currentArc[u]];
            }
        }
    }
}

package org.breakout.solver;

import java.util.Arrays;

/**
 * A minimum-cost b-flow on integer capacities and integer costs (exact: no floating point), by successive shortest
 * paths with Johnson potentials (primal-dual). It can be re-optimised after arcs are removed, which the seating's
 * repair of duplicate sessions does hundreds of times: removing an arc keeps the potentials valid for every other
 * arc, so the next {@link #solve()} only reroutes the units that lost their arc, near where they were.
 * <p>
 * Every search starts at a node with excess and stops at the nearest node with a deficit, so with the attendees
 * as sources it usually looks at a few dozen nodes. Costs must be non-negative when arcs are added (potentials start
 * at 0). Supplies must sum to zero and a feasible flow must exist (the seating network guarantees both with its
 * "unseated" arcs); otherwise {@link #solve()} throws.
 * <p>
 * Checked against JGraphT's {@code CapacityScalingMinimumCostFlow} in the tests.
 */
final class MinCostFlow {

    private final int nodeCount;
    private final int[] firstArc;
    private int[] arcHead = new int[16];
    private int[] nextArc = new int[16];
    private int[] residual = new int[16];
    private long[] arcCost = new long[16];
    private int arcCount;

    private final long[] excess;
    private final long[] potential;

    // Dijkstra work arrays, reset lazily by stamp.
    private final long[] distance;
    private final int[] parentArc;
    private final int[] seenStamp;
    private final int[] settledStamp;
    private final int[] settled;
    private int stamp;
    private long[] heapKey = new long[64];
    private int[] heapNode = new int[64];

    MinCostFlow(int nodeCount) {
        this.nodeCount = nodeCount;
        this.firstArc = new int[nodeCount];
        Arrays.fill(firstArc, -1);
        this.excess = new long[nodeCount];
        this.potential = new long[nodeCount];
        this.distance = new long[nodeCount];
        this.parentArc = new int[nodeCount];
        this.seenStamp = new int[nodeCount];
        this.settledStamp = new int[nodeCount];
        this.settled = new int[nodeCount];
    }

    int nodeCount() {
        return nodeCount;
    }

    /** Adds supply (positive) or demand (negative) to a node. */
    void addSupply(int node, long supply) {
        excess[node] += supply;
    }

    /** Adds an arc and returns its id. Its cost must be non-negative. */
    int addArc(int from, int to, int capacity, long cost) {
        if (cost < 0 || capacity < 0) {
            throw new IllegalArgumentException("Arc costs and capacities must be non-negative.");
        }
        if (arcCount + 2 > arcHead.length) {
            int size = arcHead.length * 2;
            arcHead = Arrays.copyOf(arcHead, size);
            nextArc = Arrays.copyOf(nextArc, size);
            residual = Arrays.copyOf(residual, size);
            arcCost = Arrays.copyOf(arcCost, size);
        }
        int arc = arcCount;
        link(arc, from, to, capacity, cost);
        link(arc + 1, to, from, 0, -cost);
        arcCount += 2;
        return arc;
    }

    private void link(int arc, int from, int to, int capacity, long cost) {
        arcHead[arc] = to;
        residual[arc] = capacity;
        arcCost[arc] = cost;
        nextArc[arc] = firstArc[from];
        firstArc[from] = arc;
    }

    /** Flow on an arc returned by {@link #addArc}. */
    int flow(int arc) {
        return residual[arc ^ 1];
    }

    /**
     * Removes an arc: its flow is taken back (its tail gets the units back as excess, its head owes them) and it
     * can carry no more. Call {@link #solve()} to re-optimise.
     */
    void removeArc(int arc) {
        int flow = residual[arc ^ 1];
        int from = arcHead[arc ^ 1];
        int to = arcHead[arc];
        excess[from] += flow;
        excess[to] -= flow;
        residual[arc] = 0;
        residual[arc ^ 1] = 0;
    }

    /** Node potential (dual value): the reduced cost of arc u→v is cost + potential(u) − potential(v) ≥ 0. */
    long potential(int node) {
        return potential[node];
    }

    /** Sends all excess to the deficits at minimum cost. */
    void solve() {
        for (int node = 0; node < nodeCount; node++) {
            while (excess[node] > 0) {
                augmentFrom(node);
            }
        }
        for (int node = 0; node < nodeCount; node++) {
            if (excess[node] != 0) {
                throw new IllegalStateException("Supplies and demands do not balance.");
            }
        }
    }

    private void augmentFrom(int source) {
        stamp++;
        int settledCount = 0;
        int heapSize = 0;
        distance[source] = 0;
        seenStamp[source] = stamp;
        parentArc[source] = -1;
        heapSize = push(heapSize, 0, source);
        int target = -1;
        long targetDistance = 0;
        while (heapSize > 0) {
            long d = heapKey[0];
            int u = heapNode[0];
            heapSize = pop(heapSize);
            if (settledStamp[u] == stamp || d > distance[u]) {
                continue;
            }
            settledStamp[u] = stamp;
            settled[settledCount++] = u;
            if (excess[u] < 0) {
                target = u;
                targetDistance = d;
                break;
            }
            for (int arc = firstArc[u]; arc >= 0; arc = nextArc[arc]) {
                if (residual[arc] <= 0) {
                    continue;
                }
                int v = arcHead[arc];
                if (settledStamp[v] == stamp) {
                    continue;
                }
                long reduced = arcCost[arc] + potential[u] - potential[v];
                if (reduced < 0) {
                    throw new IllegalStateException("Negative reduced cost: potentials are invalid.");
                }
                long nd = d + reduced;
                if (seenStamp[v] != stamp || nd < distance[v]) {
                    seenStamp[v] = stamp;
                    distance[v] = nd;
                    parentArc[v] = arc;
                    if (nd == d && excess[v] < 0) {
                        // Nothing in the heap is closer than d: v is a nearest deficit, no need to pop the rest
                        // of the (often large) set of nodes at the same distance first.
                        settledStamp[v] = stamp;
                        settled[settledCount++] = v;
                        target = v;
                        targetDistance = nd;
                        break;
                    }
                    heapSize = push(heapSize, nd, v);
                }
            }
            if (target >= 0) {
                break;
            }
        }
        if (target < 0) {
            throw new IllegalStateException("No feasible flow: excess at node " + source + " cannot reach a deficit.");
        }
        long amount = Math.min(excess[source], -excess[target]);
        for (int v = target; v != source; v = arcHead[parentArc[v] ^ 1]) {
            amount = Math.min(amount, residual[parentArc[v]]);
        }
        for (int v = target; v != source; v = arcHead[parentArc[v] ^ 1]) {
            int arc = parentArc[v];
            residual[arc] -= (int) amount;
            residual[arc ^ 1] += (int) amount;
        }
        excess[source] -= amount;
        excess[target] += amount;
        // Nodes not settled are at distance >= targetDistance: shifting every node by targetDistance changes no
        // reduced cost, so only the settled nodes need their potential moved, by distance - targetDistance.
        for (int i = 0; i < settledCount; i++) {
            int v = settled[i];
            potential[v] += distance[v] - targetDistance;
        }
    }

    private int push(int size, long key, int node) {
        if (size == heapKey.length) {
            heapKey = Arrays.copyOf(heapKey, size * 2);
            heapNode = Arrays.copyOf(heapNode, size * 2);
        }
        int i = size;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heapKey[parent] <= key) {
                break;
            }
            heapKey[i] = heapKey[parent];
            heapNode[i] = heapNode[parent];
            i = parent;
        }
        heapKey[i] = key;
        heapNode[i] = node;
        return size + 1;
    }

    private int pop(int size) {
        size--;
        long key = heapKey[size];
        int node = heapNode[size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && heapKey[child + 1] < heapKey[child]) {
                child++;
            }
            if (heapKey[child] >= key) {
                break;
            }
            heapKey[i] = heapKey[child];
            heapNode[i] = heapNode[child];
            i = child;
        }
        heapKey[i] = key;
        heapNode[i] = node;
        return size;
    }
}

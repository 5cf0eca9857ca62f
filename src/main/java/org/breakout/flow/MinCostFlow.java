package org.breakout.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Minimum-cost flow on integer capacities and non-negative integer costs (exact: no floating point), by successive
 * shortest paths with Johnson potentials (primal-dual). One implementation serves both uses in breakout:
 * <ul>
 * <li>{@link #solve()}: a <b>b-flow</b> (supplies and demands, {@link #addSupply}), for the seating
 * ({@code solver.SeatingFlow}). Each node with excess in turn sends along a shortest path to the nearest node with
 * a deficit, one path per search, the search stopped as soon as that deficit is settled. It can be re-optimised
 * after arcs are removed ({@link #removeArc}), which the seating's repair of duplicate sessions does hundreds of
 * times: removing an arc keeps the potentials valid for every other arc, so the next {@link #solve()} only reroutes
 * the units that lost their arc, near where they were.</li>
 * <li>{@link #maxFlow(int, int)}: a minimum-cost <b>maximum s-t flow</b> with its whole <em>cost curve</em>, the
 * least cost of a flow of every value, for the bound ({@code bound.FlowRelaxation}). Each phase is one Dijkstra
 * from the source that settles every node as close as the sink (distance d), then a maximum flow (Dinic) on the
 * arcs of zero reduced cost between the settled nodes: exactly the augmenting paths of cost d. The next phase has a
 * strictly larger d. By the successive-shortest-path theorem the flow after every unit is a minimum-cost flow of its
 * value, so the curve is the list of the phases' (units, d) pieces: convex, piecewise linear, nondecreasing.</li>
 * </ul>
 * In both, only the settled nodes' potentials move, by their distance minus the target's: the nodes not settled
 * are at least that far, so every reduced cost stays non-negative and is the same as after a full search (every
 * potential then differs by one constant).
 * <p>
 * Arcs are added first; the first solve lays them out by tail node (arrays in one block per node, in the order a
 * linked adjacency list would give: last added first), which is what makes the searches fast on networks with
 * millions of arcs; arcs cannot be added after that. Plain Java, no randomness: the same network gives the same flow.
 * <p>
 * Checked against JGraphT's {@code CapacityScalingMinimumCostFlow} in the tests, for b-flows (with arcs removed)
 * and for the cost curve at every flow value.
 */
public final class MinCostFlow {

    /** {@code units} more units of flow, each costing {@code costPerUnit}: one phase of {@link #maxFlow}. */
    public record Piece(long units, long costPerUnit) {
    }

    private int nodeCount;
    private long[] excess;

    // The arcs as added, until the layout is built.
    private int arcCount;
    private int[] arcFrom = new int[16];
    private int[] arcTo = new int[16];
    private long[] arcCapacity = new long[16];
    private long[] arcCost = new long[16];

    // The layout: the arcs out of node v (each arc and its reverse) are positions first[v] .. first[v + 1] - 1.
    private boolean frozen;
    private int[] first;
    private int[] head;
    private int[] partner;
    private long[] residual;
    private long[] cost;
    /** Position of each arc's forward half. */
    private int[] position;

    private long[] potential;

    // Search work arrays, reset lazily by stamp.
    private long[] distance;
    private int[] parentArc;
    private int[] seenStamp;
    private int[] settledStamp;
    private int[] settled;
    private int settledCount;
    private int stamp;
    private long[] heapKey = new long[64];
    private int[] heapNode = new int[64];

    // Blocking-flow work arrays.
    /** Per node: the stamp of the level graph (high half) and the node's level in it (low half). */
    private long[] mark;
    private int[] currentArc;
    private int[] queue;
    private int[] pathArcs;
    private int[] sameDistance;
    private int[] zeroStart;
    private int[] zeroEnd;
    private int[] zeroArcs;
    private int[] zeroHeads;
    private int[] zeroBacks;

    /** A network without nodes; add them with {@link #addNode()}. */
    public MinCostFlow() {
        this(0);
    }

    /** A network with nodes {@code 0 .. nodeCount - 1}. */
    public MinCostFlow(int nodeCount) {
        this.nodeCount = nodeCount;
        this.excess = new long[Math.max(16, nodeCount)];
    }

    /** Adds a node; returns its index. */
    public int addNode() {
        if (frozen) {
            throw new IllegalStateException("Nodes cannot be added after the first solve.");
        }
        if (nodeCount == excess.length) {
            excess = Arrays.copyOf(excess, excess.length * 2);
        }
        return nodeCount++;
    }

    public int nodeCount() {
        return nodeCount;
    }

    public int arcCount() {
        return arcCount;
    }

    /** Adds supply (positive) or demand (negative) to a node, for {@link #solve()}. */
    public void addSupply(int node, long supply) {
        checkNode(node);
        excess[node] += supply;
    }

    /**
     * Adds an arc {@code from → to} with a capacity and a unit cost, both non-negative; returns its id (arcs are
     * numbered 0, 1, 2, … in the order they are added).
     */
    public int addArc(int from, int to, long capacity, long unitCost) {
        if (capacity < 0 || unitCost < 0) {
            throw new IllegalArgumentException("Arc costs and capacities must be non-negative: " + capacity + ", "
                    + unitCost);
        }
        checkNode(from);
        checkNode(to);
        if (frozen) {
            throw new IllegalStateException("Arcs cannot be added after the first solve.");
        }
        if (arcCount == arcFrom.length) {
            int size = arcCount * 2;
            arcFrom = Arrays.copyOf(arcFrom, size);
            arcTo = Arrays.copyOf(arcTo, size);
            arcCapacity = Arrays.copyOf(arcCapacity, size);
            arcCost = Arrays.copyOf(arcCost, size);
        }
        arcFrom[arcCount] = from;
        arcTo[arcCount] = to;
        arcCapacity[arcCount] = capacity;
        arcCost[arcCount] = unitCost;
        return arcCount++;
    }

    private void checkNode(int node) {
        if (node < 0 || node >= nodeCount) {
            throw new IllegalArgumentException("No such node: " + node);
        }
    }

    /** The flow on an arc returned by {@link #addArc}. */
    public long flow(int arc) {
        if (!frozen) {
            return 0;
        }
        return residual[partner[position[arc]]];
    }

    /**
     * Removes an arc: its flow is taken back (its tail gets the units back as excess, its head owes them) and it
     * can carry no more. Call {@link #solve()} to re-optimise.
     */
    public void removeArc(int arc) {
        freeze();
        int forward = position[arc];
        int backward = partner[forward];
        long flow = residual[backward];
        excess[head[backward]] += flow;
        excess[head[forward]] -= flow;
        residual[forward] = 0;
        residual[backward] = 0;
    }

    /**
     * Node potential (dual value): the reduced cost of a residual arc u→v, cost + potential(u) − potential(v), is
     * non-negative. Only differences of potentials mean anything.
     */
    public long potential(int node) {
        return frozen ? potential[node] : 0;
    }

    /**
     * Sends all excess to the deficits at minimum cost. Supplies must balance and a feasible flow must exist;
     * otherwise it throws {@link IllegalStateException}.
     */
    public void solve() {
        freeze();
        for (int node = 0; node < nodeCount; node++) {
            while (excess[node] > 0) {
                if (!nearestDeficit(node)) {
                    throw new IllegalStateException("No feasible flow: excess at node " + node
                            + " cannot reach a deficit.");
                }
                augmentPath(node);
            }
        }
        for (int node = 0; node < nodeCount; node++) {
            if (excess[node] != 0) {
                throw new IllegalStateException("Supplies and demands do not balance.");
            }
        }
    }

    /**
     * Sends as much flow as possible from {@code source} to {@code sink} at least cost, on top of the flow there is
     * (normally none; supplies are not looked at).
     *
     * @return the cost curve of the flow added: pieces of (units, cost per unit), cost per unit strictly increasing
     */
    public List<Piece> maxFlow(int source, int sink) {
        checkNode(source);
        checkNode(sink);
        if (source == sink) {
            throw new IllegalArgumentException("The source is the sink.");
        }
        freeze();
        List<Piece> pieces = new ArrayList<>();
        while (distancesToSink(source, sink)) {
            long unitCost = potential[sink] - potential[source];
            long pushed = blockingFlows(source, sink);
            if (pushed == 0) {
                throw new IllegalStateException("min-cost flow made no progress (bug)");
            }
            pieces.add(new Piece(pushed, unitCost));
        }
        return pieces;
    }

    /** Lays the arcs out by tail node, each node's arcs in the order of a linked list (last added first). */
    private void freeze() {
        if (frozen) {
            return;
        }
        frozen = true;
        int n = nodeCount;
        int halves = 2 * arcCount;
        first = new int[n + 1];
        for (int k = 0; k < arcCount; k++) {
            first[arcFrom[k] + 1]++;
            first[arcTo[k] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            first[v + 1] += first[v];
        }
        int[] cursor = Arrays.copyOf(first, n);
        head = new int[halves];
        partner = new int[halves];
        residual = new long[halves];
        cost = new long[halves];
        position = new int[arcCount];
        for (int k = arcCount - 1; k >= 0; k--) {
            int back = cursor[arcTo[k]]++;
            int forward = cursor[arcFrom[k]]++;
            head[forward] = arcTo[k];
            residual[forward] = arcCapacity[k];
            cost[forward] = arcCost[k];
            head[back] = arcFrom[k];
            cost[back] = -arcCost[k];
            partner[forward] = back;
            partner[back] = forward;
            position[k] = forward;
        }
        arcFrom = null;
        arcTo = null;
        arcCapacity = null;
        arcCost = null;
        excess = Arrays.copyOf(excess, n);
        potential = new long[n];
        distance = new long[n];
        parentArc = new int[n];
        seenStamp = new int[n];
        settledStamp = new int[n];
        settled = new int[n];
    }

    /**
     * Dijkstra on reduced costs from {@code source} until the nearest node with a deficit is settled. Then the
     * settled nodes' potentials move by their distance minus the deficit's, so every arc of a shortest path to it
     * gets reduced cost 0.
     *
     * @return whether a deficit was reached; the path to it is in {@link #parentArc}, its end in {@link #target}
     */
    private boolean nearestDeficit(int source) {
        stamp++;
        settledCount = 0;
        int heapSize = 0;
        distance[source] = 0;
        seenStamp[source] = stamp;
        parentArc[source] = -1;
        heapSize = push(heapSize, 0, source);
        int found = -1;
        long foundDistance = 0;
        while (heapSize > 0) {
            long d = heapKey[0];
            int u = heapNode[0];
            heapSize = pop(heapSize);
            if (settledStamp[u] == stamp || d > distance[u]) {
                continue;
            }
            settle(u);
            if (excess[u] < 0) {
                found = u;
                foundDistance = d;
                break;
            }
            long pu = potential[u];
            for (int arc = first[u], end = first[u + 1]; arc < end; arc++) {
                long reduced = reducedCostOut(arc, pu);
                if (reduced < 0) {
                    continue;
                }
                int v = head[arc];
                long nd = d + reduced;
                if (improves(v, nd)) {
                    parentArc[v] = arc;
                    if (nd == d && excess[v] < 0) {
                        // Nothing in the heap is closer than d: v is a nearest deficit, no need to pop the rest
                        // of the (often large) set of nodes at the same distance first.
                        settle(v);
                        found = v;
                        foundDistance = nd;
                        break;
                    }
                    heapSize = push(heapSize, nd, v);
                }
            }
            if (found >= 0) {
                break;
            }
        }
        if (found < 0) {
            return false;
        }
        target = found;
        movePotentials(foundDistance);
        return true;
    }

    /**
     * Dijkstra on reduced costs from {@code source} until every node as close as the sink is settled: the settled
     * nodes are then exactly those a path of zero reduced cost from the source reaches (the blocking flow looks at
     * no others). Nodes reached over an arc of reduced cost 0 (most of them, once the potentials have settled)
     * go through a queue instead of the heap. Then the potentials move as in {@link #nearestDeficit}.
     *
     * @return whether the sink was reached
     */
    private boolean distancesToSink(int source, int sink) {
        stamp++;
        settledCount = 0;
        if (sameDistance == null) {
            sameDistance = new int[nodeCount];
        }
        int heapSize = 0;
        int read = 0;
        int write = 0;
        distance[source] = 0;
        seenStamp[source] = stamp;
        sameDistance[write++] = source;
        long d = 0;
        boolean found = false;
        while (true) {
            int u;
            if (read < write) {
                u = sameDistance[read++];
            } else {
                if (heapSize == 0 || found && heapKey[0] > d) {
                    break;
                }
                long key = heapKey[0];
                u = heapNode[0];
                heapSize = pop(heapSize);
                if (settledStamp[u] == stamp || key > distance[u]) {
                    continue;
                }
                d = key;
                read = 0;
                write = 0;
            }
            settle(u);
            if (u == sink) {
                found = true;
            }
            long pu = potential[u];
            for (int arc = first[u], end = first[u + 1]; arc < end; arc++) {
                long reduced = reducedCostOut(arc, pu);
                if (reduced < 0) {
                    continue;
                }
                int v = head[arc];
                long nd = d + reduced;
                if (improves(v, nd)) {
                    if (reduced == 0) {
                        sameDistance[write++] = v;
                    } else {
                        heapSize = push(heapSize, nd, v);
                    }
                }
            }
        }
        if (!found) {
            return false;
        }
        movePotentials(d);
        return true;
    }

    private void settle(int u) {
        settledStamp[u] = stamp;
        settled[settledCount++] = u;
    }

    /**
     * The reduced cost of an arc out of a node being settled (potential {@code pu}), or -1 when the search does not
     * follow it: no residual capacity, or its head already settled.
     */
    private long reducedCostOut(int arc, long pu) {
        if (residual[arc] <= 0) {
            return -1;
        }
        int v = head[arc];
        if (settledStamp[v] == stamp) {
            return -1;
        }
        long reduced = cost[arc] + pu - potential[v];
        if (reduced < 0) {
            throw new IllegalStateException("Negative reduced cost: potentials are invalid.");
        }
        return reduced;
    }

    /** Whether {@code nd} is the first or a shorter distance to {@code v} in this search; if so, it is v's now. */
    private boolean improves(int v, long nd) {
        if (seenStamp[v] != stamp || nd < distance[v]) {
            seenStamp[v] = stamp;
            distance[v] = nd;
            return true;
        }
        return false;
    }

    /**
     * Nodes not settled are at distance ≥ {@code targetDistance}: shifting every node by it changes no reduced
     * cost, so only the settled nodes need their potential moved, by their distance minus it.
     */
    private void movePotentials(long targetDistance) {
        for (int i = 0; i < settledCount; i++) {
            int v = settled[i];
            potential[v] += distance[v] - targetDistance;
        }
    }

    /** The deficit the last {@link #nearestDeficit} reached. */
    private int target;

    /** Sends as much as the excess, the deficit and the path allow along the path {@link #nearestDeficit} found. */
    private void augmentPath(int source) {
        long amount = Math.min(excess[source], -excess[target]);
        for (int v = target; v != source; v = head[partner[parentArc[v]]]) {
            amount = Math.min(amount, residual[parentArc[v]]);
        }
        for (int v = target; v != source; v = head[partner[parentArc[v]]]) {
            int arc = parentArc[v];
            residual[arc] -= amount;
            residual[partner[arc]] += amount;
        }
        excess[source] -= amount;
        excess[target] += amount;
    }

    /**
     * Maximum flow on the arcs of zero reduced cost between the nodes the last search settled (Dinic, levelled by
     * distance to the sink); returns the units pushed. Every such path costs exactly the search's distance.
     */
    private long blockingFlows(int source, int sink) {
        if (mark == null) {
            mark = new long[nodeCount];
            currentArc = new int[nodeCount];
            queue = new int[nodeCount];
            pathArcs = new int[16];
            zeroStart = new int[nodeCount];
            zeroEnd = new int[nodeCount];
            zeroArcs = new int[1024];
            zeroHeads = new int[1024];
            zeroBacks = new int[1024];
        }
        collectZeroArcs(stamp);
        long pushed = 0;
        while (levelsToSink(source, sink)) {
            long f;
            while ((f = augmentLevelled(source, sink)) > 0) {
                pushed += f;
            }
        }
        return pushed;
    }

    /**
     * Lists, per settled node, its arcs (either direction) of zero reduced cost to other settled nodes: the only
     * arcs a path of cost exactly the search's distance can use. Only the settled nodes can be on such a path (the
     * others are further from the source than the sink), and the reduced costs do not change while the phase
     * pushes flow, so the blocking flow's searches look at this much smaller graph instead of every arc of the
     * network's big nodes (runs, sessions, the sink) again and again.
     */
    private void collectZeroArcs(int region) {
        int size = 0;
        for (int i = 0; i < settledCount; i++) {
            int u = settled[i];
            long pu = potential[u];
            int end = first[u + 1];
            if (size + (end - first[u]) > zeroArcs.length) {
                int grown = Math.max(zeroArcs.length * 2, size + (end - first[u]));
                zeroArcs = Arrays.copyOf(zeroArcs, grown);
                zeroHeads = Arrays.copyOf(zeroHeads, grown);
                zeroBacks = Arrays.copyOf(zeroBacks, grown);
            }
            zeroStart[u] = size;
            for (int arc = first[u]; arc < end; arc++) {
                int v = head[arc];
                if (settledStamp[v] == region && cost[arc] + pu - potential[v] == 0) {
                    zeroArcs[size] = arc;
                    zeroHeads[size] = v;
                    zeroBacks[size] = partner[arc];
                    size++;
                }
            }
            zeroEnd[u] = size;
        }
    }

    /** The level of a node in the current level graph, -1 when it has none (or is a dead end). */
    private int levelOf(int v) {
        long m = mark[v];
        return (int) (m >>> 32) == stamp ? (int) m : -1;
    }

    private void setLevel(int v, int value) {
        mark[v] = (long) stamp << 32 | (value & 0xFFFFFFFFL);
    }

    /**
     * BFS backwards from the sink over the zero arcs with residual capacity, up to the source's level: the level of
     * a node is its number of arcs to the sink. Only nodes that reach the sink matter, far fewer than those the
     * source reaches. Levels are valid for nodes stamped with the current {@link #stamp}; the nodes reached get
     * their current arc reset.
     */
    private boolean levelsToSink(int source, int sink) {
        stamp++;
        int read = 0;
        int write = 0;
        queue[write++] = sink;
        setLevel(sink, 0);
        currentArc[sink] = zeroStart[sink];
        int sourceLevel = Integer.MAX_VALUE;
        while (read < write) {
            int v = queue[read++];
            int next = (int) mark[v] + 1;
            if (next > sourceLevel) {
                break;
            }
            for (int k = zeroStart[v], end = zeroEnd[v]; k < end; k++) {
                int u = zeroHeads[k];
                if ((int) (mark[u] >>> 32) != stamp && residual[zeroBacks[k]] > 0) {
                    setLevel(u, next);
                    currentArc[u] = zeroStart[u];
                    queue[write++] = u;
                    if (u == source) {
                        sourceLevel = next;
                    }
                }
            }
        }
        return sourceLevel != Integer.MAX_VALUE;
    }

    /** One augmenting path in the level graph (iterative DFS); returns the amount pushed, 0 when none is left. */
    private long augmentLevelled(int source, int sink) {
        int length = levelOf(source);
        if (length < 0) {
            return 0;
        }
        if (pathArcs.length < length) {
            pathArcs = new int[length];
        }
        int depth = 0;
        int u = source;
        while (true) {
            if (u == sink) {
                long amount = Long.MAX_VALUE;
                for (int i = 0; i < depth; i++) {
                    amount = Math.min(amount, residual[pathArcs[i]]);
                }
                for (int i = 0; i < depth; i++) {
                    residual[pathArcs[i]] -= amount;
                    residual[partner[pathArcs[i]]] += amount;
                }
                return amount;
            }
            int k = currentArc[u];
            int end = zeroEnd[u];
            int want = (int) mark[u] - 1;
            while (k < end) {
                if (residual[zeroArcs[k]] > 0 && levelOf(zeroHeads[k]) == want) {
                    break;
                }
                k++;
            }
            currentArc[u] = k;
            if (k < end) {
                int arc = zeroArcs[k];
                pathArcs[depth++] = arc;
                u = head[arc];
            } else {
                // Dead end: no path through u in this level graph; retreat.
                setLevel(u, -1);
                if (depth == 0) {
                    return 0;
                }
                depth--;
                u = head[partner[pathArcs[depth]]];
                currentArc[u]++;
            }
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

package org.breakout.solver;

import java.util.Arrays;

import org.breakout.flow.MinCostFlow;

/**
 * The exact seating of one round when every attendee in it has one seat to fill there and no session repeats within
 * it: a transportation problem (attendees → runs with seat limits), with "unseated" at a cost M larger than any chain
 * of seat costs, so seats come first, then cost. The same optimum as {@link MinCostFlow} on the seating network, found
 * much faster when a round has few runs and many attendees, which is what the timetable search needs: it re-seats two
 * rounds for every move it tries.
 * <p>
 * Successive shortest paths on the compressed residual graph whose nodes are the runs (and one "done" node): an
 * arc j → k is "move the attendee of run j for whom going to k costs least", with that cost difference; j → done is
 * "j has a free seat" (0) or "unseat the costliest attendee of j" (M − their cost). Each attendee in turn enters
 * along the shortest path from them to done: costs may be negative, so the runs carry potentials (duals) that keep
 * every reduced cost non-negative, and the path is found by a dense Dijkstra over the runs. (A queue-based
 * Bellman-Ford was used first: O(runs³) per attendee, 8 s a round on a 50,000-attendee event with 59 runs a round.)
 * Arc costs are kept in lazy heaps per (j, k), so an augmentation costs O(runs² + moved attendees × runs × log
 * attendees). Deterministic: ties go to the lower index.
 */
final class TransportationSeating {

    private final int runCount;
    private final int[] free;
    private final int[][] options;
    private final long[][] costs;
    private final long unseatedCost;
    /** Per attendee: index into its options of the run it is in, -1 = not seated (yet). */
    private final int[] assigned;
    private final int[] version;
    /** moveHeaps[j * runCount + k]: attendees in run j who may take run k, by cost(k) − cost(j). */
    private final Heap[] moveHeaps;
    /** unseatHeaps[j]: attendees in run j, costliest first (keys are negated costs). */
    private final Heap[] unseatHeaps;
    /** Per attendee and run: index into its options, or -1 (a small dense table: runs per round are few). */
    private final int[][] optionOf;
    /** Node potentials (runs, then "done"): every reduced cost in the residual graph is non-negative. */
    private final long[] potential;
    // Work arrays of one search.
    private final long[] distance;
    private final boolean[] settled;
    private final int[] previous;
    /** The attendee moved along the arc into the node (or unseated, for done). */
    private final int[] via;

    private TransportationSeating(int[] seatLimits, int[][] options, long[][] costs, long unseatedCost) {
        this.runCount = seatLimits.length;
        this.free = seatLimits.clone();
        this.options = options;
        this.costs = costs;
        this.unseatedCost = unseatedCost;
        int attendees = options.length;
        this.assigned = new int[attendees];
        Arrays.fill(assigned, -1);
        this.version = new int[attendees];
        this.optionOf = new int[attendees][];
        for (int a = 0; a < attendees; a++) {
            optionOf[a] = new int[runCount];
            Arrays.fill(optionOf[a], -1);
            for (int o = 0; o < options[a].length; o++) {
                optionOf[a][options[a][o]] = o;
            }
        }
        potential = new long[runCount + 1];
        distance = new long[runCount + 1];
        settled = new boolean[runCount + 1];
        previous = new int[runCount + 1];
        via = new int[runCount + 1];
        moveHeaps = new Heap[runCount * runCount];
        unseatHeaps = new Heap[runCount];
        for (int i = 0; i < moveHeaps.length; i++) {
            moveHeaps[i] = new Heap();
        }
        for (int j = 0; j < runCount; j++) {
            unseatHeaps[j] = new Heap();
        }
    }

    /**
     * @param seatLimits seats left per run
     * @param options per attendee, the runs (indices into {@code seatLimits}) they may take, each at most once
     * @param costs per attendee, the cost of each option (non-negative)
     * @param unseatedCost the cost of leaving an attendee without a seat: more than any chain of seat costs
     *        (max cost × runs + 1)
     * @return per attendee, the index into their options of the run they get, or -1 for none
     */
    static int[] solve(int[] seatLimits, int[][] options, long[][] costs, long unseatedCost) {
        return solve(seatLimits, options, costs, unseatedCost, null);
    }

    /**
     * The same optimum, and among the optimal seatings one that keeps as many attendees as possible where they are:
     * {@code current[a]} is the option attendee {@code a} holds now (-1: none). Costs are scaled by (attendees + runs + 1)
     * and a change adds 1, so the tie-break can never outweigh a real cost difference. Without it, a re-seating of a
     * round that hardly changed could shuffle hundreds of people between seatings of equal cost, and every shuffled
     * seat is a variable change the score has to follow.
     */
    static int[] solve(int[] seatLimits, int[][] options, long[][] costs, long unseatedCost, int[] current) {
        if (current != null) {
            long scale = options.length + seatLimits.length + 1L;
            long[][] scaled = new long[options.length][];
            for (int a = 0; a < options.length; a++) {
                scaled[a] = new long[options[a].length];
                for (int o = 0; o < options[a].length; o++) {
                    scaled[a][o] = Math.addExact(Math.multiplyExact(costs[a][o], scale), o == current[a] ? 0 : 1);
                }
            }
            // Staying unseated is no change for someone without a seat; the +1 keeps M above every chain.
            return new TransportationSeating(seatLimits, options, scaled,
                    Math.addExact(Math.multiplyExact(unseatedCost, scale), 1)).run();
        }
        return new TransportationSeating(seatLimits, options, costs, unseatedCost).run();
    }

    private int[] run() {
        TransportationSeating seating = this;
        for (int a = 0; a < options.length; a++) {
            seating.enter(a);
        }
        return seating.assigned;
    }

    /**
     * Seats attendee {@code a} along the shortest augmenting path (or leaves them unseated if that is cheapest):
     * Dijkstra over the runs with reduced costs, dense (a round has few runs), so O(runs²) per attendee.
     */
    private void enter(int a) {
        int done = runCount;
        if (enterDirectly(a)) {
            return;
        }
        // The attendee is a new source: its potential makes every arc out of it non-negative.
        long sourcePotential = potential[done] - unseatedCost;
        for (int o = 0; o < options[a].length; o++) {
            sourcePotential = Math.max(sourcePotential, potential[options[a][o]] - costs[a][o]);
        }
        Arrays.fill(distance, Long.MAX_VALUE);
        Arrays.fill(settled, false);
        distance[done] = unseatedCost + sourcePotential - potential[done];
        previous[done] = -1;
        via[done] = -1;
        for (int o = 0; o < options[a].length; o++) {
            int run = options[a][o];
            long reduced = costs[a][o] + sourcePotential - potential[run];
            if (reduced < distance[run]) {
                distance[run] = reduced;
                previous[run] = -1;
            }
        }
        while (true) {
            int j = -1;
            for (int v = 0; v <= runCount; v++) {
                if (!settled[v] && distance[v] != Long.MAX_VALUE && (j < 0 || distance[v] < distance[j])) {
                    j = v;
                }
            }
            settled[j] = true;
            if (j == done) {
                break;
            }
            if (free[j] > 0) {
                relax(j, done, 0, -1);
            } else {
                Heap costliest = unseatHeaps[j];
                if (fresh(costliest)) {
                    // Keys are negated costs: unseating them saves their cost and costs M.
                    relax(j, done, unseatedCost + costliest.topKey(), costliest.topAttendee());
                }
            }
            for (int k = 0; k < runCount; k++) {
                if (k == j || settled[k]) {
                    continue;
                }
                Heap cheapest = moveHeaps[j * runCount + k];
                if (fresh(cheapest)) {
                    relax(j, k, cheapest.topKey(), cheapest.topAttendee());
                }
            }
        }
        // Settled nodes move by their distance beyond the target's; the rest are at least as far: every reduced cost
        // stays non-negative, now with the moved attendees' new arcs (successive shortest paths with potentials).
        long target = distance[done];
        for (int v = 0; v <= runCount; v++) {
            if (settled[v]) {
                potential[v] += distance[v] - target;
            }
        }
        // Walk the path back from done: each node's arc says who moves into it.
        int unseated = via[done];
        int from = previous[done];
        if (from == -1) {
            return; // cheapest to stay unseated
        }
        if (unseated >= 0) {
            seat(unseated, -1);
        } else {
            free[from]--;
        }
        int node = from;
        while (previous[node] != -1) {
            int before = previous[node];
            seat(via[node], node);
            node = before;
        }
        seat(a, node);
    }

    /**
     * The fast path: when one of the attendee's cheapest options has a free seat, going straight there is a shortest
     * path (every way on from a run costs at least 0, or the flow would have a negative cycle through the sink). It is
     * taken only when the arcs it adds (from that run, via this attendee) keep every reduced cost non-negative, so the
     * potentials stay valid without a search; otherwise the Dijkstra search does it. Most attendees of a round that
     * is not full go this way: O(options).
     */
    private boolean enterDirectly(int a) {
        int best = -1;
        for (int o = 0; o < options[a].length; o++) {
            if (best < 0 || costs[a][o] < costs[a][best]
                    || (costs[a][o] == costs[a][best] && free[options[a][o]] > 0 && free[options[a][best]] <= 0)) {
                best = o;
            }
        }
        if (best < 0 || free[options[a][best]] <= 0 || costs[a][best] > unseatedCost) {
            return false;
        }
        int run = options[a][best];
        long own = costs[a][best];
        if (unseatedCost - own + potential[run] - potential[runCount] < 0) {
            return false;
        }
        for (int o = 0; o < options[a].length; o++) {
            if (o != best && costs[a][o] - own + potential[run] - potential[options[a][o]] < 0) {
                return false;
            }
        }
        free[run]--;
        seat(a, run);
        return true;
    }

    /** Relaxes the arc from → to of the given cost (reduced by the potentials, never negative). */
    private void relax(int from, int to, long cost, int attendee) {
        long reduced = cost + potential[from] - potential[to];
        if (reduced < 0) {
            throw new IllegalStateException("Negative reduced cost " + reduced + ": the potentials are invalid (bug).");
        }
        long candidate = distance[from] + reduced;
        if (candidate < distance[to]) {
            distance[to] = candidate;
            previous[to] = from;
            via[to] = attendee;
        }
    }

    /** Moves attendee {@code a} into run {@code run} (-1: out of every run) and updates the heaps. */
    private void seat(int a, int run) {
        version[a]++;
        if (run < 0) {
            assigned[a] = -1;
            return;
        }
        int option = optionOf[a][run];
        assigned[a] = option;
        long own = costs[a][option];
        unseatHeaps[run].add(-own, a, version[a]);
        for (int o = 0; o < options[a].length; o++) {
            int other = options[a][o];
            if (other != run) {
                moveHeaps[run * runCount + other].add(costs[a][o] - own, a, version[a]);
            }
        }
    }

    /** Whether the heap has a current entry on top, after dropping entries of attendees who have moved since. */
    private boolean fresh(Heap heap) {
        while (heap.size > 0 && version[heap.topAttendee()] != heap.versions[0]) {
            heap.poll();
        }
        return heap.size > 0;
    }

    /** A binary min-heap of (key, attendee, version) in plain arrays; ties go to the lower attendee. */
    private static final class Heap {
        long[] keys = new long[8];
        int[] attendees = new int[8];
        int[] versions = new int[8];
        int size;

        long topKey() {
            return keys[0];
        }

        int topAttendee() {
            return attendees[0];
        }

        void add(long key, int attendee, int version) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                attendees = Arrays.copyOf(attendees, size * 2);
                versions = Arrays.copyOf(versions, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!less(key, attendee, keys[parent], attendees[parent])) {
                    break;
                }
                set(i, keys[parent], attendees[parent], versions[parent]);
                i = parent;
            }
            set(i, key, attendee, version);
        }

        void poll() {
            size--;
            if (size == 0) {
                return;
            }
            long key = keys[size];
            int attendee = attendees[size];
            int version = versions[size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && less(keys[child + 1], attendees[child + 1], keys[child], attendees[child])) {
                    child++;
                }
                if (!less(keys[child], attendees[child], key, attendee)) {
                    break;
                }
                set(i, keys[child], attendees[child], versions[child]);
                i = child;
            }
            set(i, key, attendee, version);
        }

        private static boolean less(long key, int attendee, long otherKey, int otherAttendee) {
            return key < otherKey || (key == otherKey && attendee < otherAttendee);
        }

        private void set(int i, long key, int attendee, int version) {
            keys[i] = key;
            attendees[i] = attendee;
            versions[i] = version;
        }
    }
}

package org.breakout.solver;

import java.util.Arrays;
import java.util.PriorityQueue;

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
 * along the shortest path from them to done (Bellman-Ford over the few runs; costs may be negative, cycles never are,
 * since every step keeps the flow optimal). Arc costs are kept in lazy heaps per (j, k), so an augmentation costs
 * O(runs² + moved attendees × runs × log attendees). Deterministic: ties go to the lower index.
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
    private final PriorityQueue<long[]>[] moveHeaps;
    /** unseatHeaps[j]: attendees in run j, costliest first. */
    private final PriorityQueue<long[]>[] unseatHeaps;
    /** Per attendee and run: index into its options, or -1 (a small dense table: runs per round are few). */
    private final int[][] optionOf;

    @SuppressWarnings("unchecked")
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
        // Entries: {key, attendee, version}; smallest key first, then lowest attendee.
        moveHeaps = new PriorityQueue[runCount * runCount];
        unseatHeaps = new PriorityQueue[runCount];
        for (int i = 0; i < moveHeaps.length; i++) {
            moveHeaps[i] = new PriorityQueue<>(TransportationSeating::compare);
        }
        for (int j = 0; j < runCount; j++) {
            unseatHeaps[j] = new PriorityQueue<>(TransportationSeating::compare);
        }
    }

    private static int compare(long[] x, long[] y) {
        int byKey = Long.compare(x[0], y[0]);
        return byKey != 0 ? byKey : Long.compare(x[1], y[1]);
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

    /** Seats attendee {@code a} along the shortest augmenting path (or leaves them unseated if that is cheapest). */
    private void enter(int a) {
        int done = runCount;
        long[] distance = new long[runCount + 1];
        Arrays.fill(distance, Long.MAX_VALUE);
        int[] previous = new int[runCount + 1];
        Arrays.fill(previous, -2); // -1: reached straight from the attendee
        long[] via = new long[runCount + 1]; // attendee moved along the arc into the node (or unseated, for done)
        distance[done] = unseatedCost;
        previous[done] = -1;
        via[done] = -1;
        for (int o = 0; o < options[a].length; o++) {
            int run = options[a][o];
            if (costs[a][o] < distance[run]) {
                distance[run] = costs[a][o];
                previous[run] = -1;
            }
        }
        // Bellman-Ford over the runs, queue-based (no negative cycles: the flow is optimal before each augmentation).
        int[] queue = new int[runCount * (runCount + 2) + 1];
        boolean[] queued = new boolean[runCount];
        int head = 0;
        int tail = 0;
        for (int j = 0; j < runCount; j++) {
            if (distance[j] != Long.MAX_VALUE) {
                queue[tail++ % queue.length] = j;
                queued[j] = true;
            }
        }
        while (head != tail) {
            int j = queue[head++ % queue.length];
            queued[j] = false;
            if (free[j] > 0) {
                relax(distance, previous, via, j, done, distance[j], -1);
            } else {
                long[] costliest = peek(unseatHeaps[j]);
                if (costliest != null) {
                    // Keys are negated costs: unseating them saves their cost and costs M.
                    relax(distance, previous, via, j, done, distance[j] + unseatedCost + costliest[0], costliest[1]);
                }
            }
            for (int k = 0; k < runCount; k++) {
                if (k == j) {
                    continue;
                }
                long[] cheapest = peek(moveHeaps[j * runCount + k]);
                if (cheapest != null && relax(distance, previous, via, j, k, distance[j] + cheapest[0], cheapest[1])
                        && !queued[k]) {
                    queue[tail++ % queue.length] = k;
                    queued[k] = true;
                }
            }
        }
        // Walk the path back from done: each node's arc says who moves into it.
        int node = done;
        long unseated = via[done];
        int from = previous[done];
        if (from == -1) {
            return; // cheapest to stay unseated
        }
        if (unseated >= 0) {
            seat((int) unseated, -1);
        } else {
            free[from]--;
        }
        node = from;
        while (previous[node] != -1) {
            int before = previous[node];
            seat((int) via[node], node);
            node = before;
        }
        seat(a, node);
    }

    private static boolean relax(long[] distance, int[] previous, long[] via, int from, int to, long candidate,
            long attendee) {
        if (candidate < distance[to]) {
            distance[to] = candidate;
            previous[to] = from;
            via[to] = attendee;
            return true;
        }
        return false;
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
        unseatHeaps[run].add(new long[] { -own, a, version[a] });
        for (int o = 0; o < options[a].length; o++) {
            int other = options[a][o];
            if (other != run) {
                moveHeaps[run * runCount + other].add(new long[] { costs[a][o] - own, a, version[a] });
            }
        }
    }

    /** The head of a heap, dropping entries of attendees who have moved since they were added. */
    private long[] peek(PriorityQueue<long[]> heap) {
        long[] head = heap.peek();
        while (head != null && version[(int) head[1]] != head[2]) {
            heap.poll();
            head = heap.peek();
        }
        return head;
    }
}

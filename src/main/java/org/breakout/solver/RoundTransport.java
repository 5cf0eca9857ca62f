package org.breakout.solver;

import java.util.Arrays;

/**
 * The optimal seating of one round of independent rounds, kept from move to move of the timetable search and updated
 * when the run in a room changes, instead of solved again from scratch ({@link TransportationSeating}, which stays
 * the reference and the fallback).
 * <p>
 * The round is the same transportation problem: attendees → the runs in the round's rooms, seat limits, "unseated"
 * at a cost M above any chain of seat costs. Its residual graph is kept compressed as in
 * {@link TransportationSeating}: nodes are the rooms and a sink ("done"); an arc j → k moves the attendee of room j
 * for whom going to k costs least; j → done is "j has a free seat" (0) or "unseat the costliest attendee of j"
 * (M − their cost); done → k is "a seat of k is given up" (0, when k holds someone) or "the cheapest unseated
 * attendee takes k" (their cost − M). The seating is optimal when no cycle of negative cost exists.
 * <p>
 * Replacing the run of a room keeps that property for every cycle that avoids done: the room's attendees are taken
 * out of the seating (pending), and the new run starts empty, so every cycle through it passes done as well.
 * {@link #settle} then cancels, one at a time, the cheapest cycle through done (Bellman-Ford from done over the rooms,
 * closed by an arc into done), until none is negative. Each cancelled cycle is a shortest path from done, so the
 * distances are potentials under which every other arc is non-negative: no cycle avoiding done turns negative. Then
 * the pending attendees enter one by one along their cheapest path (successive shortest paths, Bellman-Ford from the
 * attendee), or stay unseated where no path beats that, and the seating is optimal at the end. A timetable move
 * touches one room in each of two rounds; it re-seats about as many attendees as those two runs hold, instead of
 * every attendee of both rounds.
 * <p>
 * Each attendee sits in indexed heaps ({@link IndexedHeap}), one per arc it can serve, so the cheapest attendee of
 * an arc is read in O(1) and an attendee moves in O(rooms × log attendees). The search evaluates a move on a copy ({@link #copyFrom}, array
 * copies into preallocated arrays) and keeps the copy only if it takes the move. Deterministic: ties go to the lower
 * index.
 */
final class RoundTransport {

    /** In {@link Costs}: the attendee may not take the run. */
    static final long NONE = Long.MIN_VALUE;
    private static final int UNSEATED = -1;
    private static final int OUT = -2;
    /** Taken out of a replaced room, not in the seating until {@link #settle} enters them again. */
    private static final int PENDING = -3;
    /** In {@link #previous}: the path starts at the attendee being entered. */
    private final int attendeeStart;
    private static final long INFINITE = Long.MAX_VALUE / 4;

    /** The attendees' costs per run, shared by every round of a search. */
    static final class Costs {
        private final int attendees;
        private final int runs;
        private final int rooms;
        /** attendee × runs + run: the cost the seating minimises, or {@link #NONE}. */
        private final long[] optimised;
        /** The same cells: the preference cost the round reports (the optimised one unless that is all zero). */
        private final long[] reported;
        private final long unseated;

        /**
         * @param optimised attendee × runs + run: the cost to minimise, {@link #NONE} where the attendee may not go
         * @param reported the preference cost reported for a seat (same cells)
         * @param maxOptimised the highest optimised cost
         */
        Costs(int attendees, int runs, int rooms, long[] optimised, long[] reported, long maxOptimised) {
            this.attendees = attendees;
            this.runs = runs;
            this.rooms = rooms;
            this.optimised = optimised;
            this.reported = reported;
            // More than any chain of seat costs through the rooms, so a seat always comes before cost.
            this.unseated = Math.addExact(Math.multiplyExact(maxOptimised, rooms + 2L), 1);
        }

        int rooms() {
            return rooms;
        }
    }

    private final Costs costs;
    private final int k;
    private final int done;
    private final int[] runAt;
    private final int[] limit;
    private final int[] count;
    /** Per attendee: the room they sit in, {@link #UNSEATED}, {@link #PENDING} or {@link #OUT} (not in this round). */
    private final int[] nodeOf;
    /** attendee × k + slot: the attendee's position in the heap of that slot, -1 when not in it. */
    private final int[] position;
    /**
     * Heaps by index: j × k + s for an attendee in room j, s ≠ j: moving to s, by the cost difference; j × k + j: the
     * attendees of j, costliest first; k × k + s: unseated attendees who may take s, by cost. An attendee's slot s is
     * its position in the heap of s for the state it is in.
     */
    private final IndexedHeap[] heaps;
    private int filled;
    private long reportedCost;
    // Work arrays of one search.
    private final long[][] arc;
    private final int[][] arcVia;
    private final long[] distance;
    private final int[] previous;
    /** Who moves along a cancelled cycle, and where to. */
    private final int[] movers;
    private final int[] targets;
    /** Attendees taken out of replaced rooms, to be entered again by {@link #settle}. */
    private final int[] pending;
    private int pendingCount;

    private RoundTransport(Costs costs) {
        this.costs = costs;
        this.k = costs.rooms;
        this.done = k;
        this.attendeeStart = k + 1;
        runAt = new int[k];
        Arrays.fill(runAt, -1);
        limit = new int[k];
        count = new int[k];
        nodeOf = new int[costs.attendees];
        Arrays.fill(nodeOf, OUT);
        position = new int[costs.attendees * k];
        Arrays.fill(position, -1);
        heaps = new IndexedHeap[k * k + k];
        for (int h = 0; h < heaps.length; h++) {
            heaps[h] = new IndexedHeap(h % k);
        }
        arc = new long[k + 1][k];
        arcVia = new int[k + 1][k];
        distance = new long[k];
        previous = new int[k];
        movers = new int[k];
        targets = new int[k];
        pending = new int[costs.attendees];
    }

    /**
     * The round seated as given, which should be an optimal seating of it (it is then kept as it is); a seating that
     * is not (or breaks a seat limit) is dropped and the round seated from scratch.
     *
     * @param runAt per room, the run (index) in it this round, -1 for none
     * @param limits per room, the seats its run has for the seating
     * @param member per attendee, whether they want a seat in this round
     * @param runOf per attendee, the run they hold in this round, -1 for none
     */
    static RoundTransport of(Costs costs, int[] runAt, int[] limits, boolean[] member, int[] runOf) {
        RoundTransport round = new RoundTransport(costs);
        System.arraycopy(runAt, 0, round.runAt, 0, round.k);
        for (int m = 0; m < round.k; m++) {
            round.limit[m] = runAt[m] < 0 ? 0 : limits[m];
        }
        int[] roomOfRun = new int[costs.runs];
        Arrays.fill(roomOfRun, -1);
        for (int m = 0; m < round.k; m++) {
            if (runAt[m] >= 0) {
                roomOfRun[runAt[m]] = m;
            }
        }
        boolean valid = true;
        int[] used = new int[round.k];
        for (int a = 0; a < costs.attendees && valid; a++) {
            if (member[a] && runOf[a] >= 0) {
                int room = roomOfRun[runOf[a]];
                valid = room >= 0 && costs.optimised[a * costs.runs + runOf[a]] != NONE
                        && ++used[room] <= round.limit[room];
            }
        }
        for (int a = 0; a < costs.attendees; a++) {
            if (member[a]) {
                round.nodeOf[a] = valid && runOf[a] >= 0 ? roomOfRun[runOf[a]] : UNSEATED;
                round.add(a);
            }
        }
        if (valid && round.hasNegativeCycleAvoidingDone()) {
            // Not optimal: start from nobody seated (no arc between rooms, so no cycle avoids done) instead.
            for (int a = 0; a < costs.attendees; a++) {
                if (member[a]) {
                    round.place(a, UNSEATED);
                }
            }
        }
        round.settle();
        return round;
    }

    /** A copy to evaluate a move on: {@link #copyFrom} it later. */
    RoundTransport emptyCopy() {
        return new RoundTransport(costs);
    }

    /** Becomes a copy of {@code other} (a round of the same costs), reusing this object's arrays. */
    void copyFrom(RoundTransport other) {
        System.arraycopy(other.runAt, 0, runAt, 0, k);
        System.arraycopy(other.limit, 0, limit, 0, k);
        System.arraycopy(other.count, 0, count, 0, k);
        System.arraycopy(other.nodeOf, 0, nodeOf, 0, nodeOf.length);
        System.arraycopy(other.position, 0, position, 0, position.length);
        for (int h = 0; h < heaps.length; h++) {
            heaps[h].copyFrom(other.heaps[h]);
        }
        System.arraycopy(other.pending, 0, pending, 0, other.pendingCount);
        pendingCount = other.pendingCount;
        filled = other.filled;
        reportedCost = other.reportedCost;
    }

    int filled() {
        return filled;
    }

    /** The preference cost of the seats filled (the reported cost). */
    long cost() {
        return reportedCost;
    }

    int runAt(int room) {
        return runAt[room];
    }

    int limit(int room) {
        return limit[room];
    }

    /** Per attendee (of the event): the run they get in this round, -1 for none. */
    int[] runOf() {
        int[] runOf = new int[nodeOf.length];
        for (int a = 0; a < nodeOf.length; a++) {
            runOf[a] = nodeOf[a] >= 0 ? runAt[nodeOf[a]] : -1;
        }
        return runOf;
    }

    /**
     * Puts run {@code run} (-1: none) with {@code seats} seats in room {@code room}: the attendees of the run there
     * before are taken out (pending). {@link #settle} afterwards makes the seating optimal again.
     */
    void replace(int room, int run, int seats) {
        IndexedHeap inRoom = heaps[room * k + room];
        while (inRoom.size > 0) {
            int a = inRoom.attendees[inRoom.size - 1];
            place(a, PENDING);
            pending[pendingCount++] = a;
        }
        // Every heap of the room's column holds keys of the old run: empty them, then fill them for the new one.
        for (int j = 0; j <= k; j++) {
            if (j != room) {
                heaps[j * k + room].clear(position, k);
            }
        }
        runAt[room] = run;
        limit[room] = run < 0 ? 0 : seats;
        if (run < 0) {
            return;
        }
        // Filled in one pass and heapified: O(attendees), not O(attendees × log).
        for (int a = 0; a < nodeOf.length; a++) {
            int node = nodeOf[a];
            if (node < 0 && node != UNSEATED || node == room || !allowed(a, room)) {
                continue;
            }
            if (node == UNSEATED) {
                heaps[k * k + room].append(a, cost(a, room), position, k);
            } else {
                heaps[node * k + room].append(a, cost(a, room) - cost(a, node), position, k);
            }
        }
        for (int j = 0; j <= k; j++) {
            if (j != room) {
                heaps[j * k + room].heapify(position, k);
            }
        }
    }

    /**
     * Cancels the cheapest negative cycle through done until there is none, then enters the attendees taken out of
     * replaced rooms one by one along their cheapest paths (successive shortest paths): the seating is then optimal.
     */
    void settle() {
        cancelCycles();
        for (int p = 0; p < pendingCount; p++) {
            enter(pending[p]);
        }
        pendingCount = 0;
    }

    private void cancelCycles() {
        while (true) {
            buildArcs();
            // Bellman-Ford from done: no cycle avoiding done is negative, so k passes settle it.
            for (int s = 0; s < k; s++) {
                distance[s] = arc[done][s];
                previous[s] = done;
            }
            relaxRooms();
            int end = cheapestEnd();
            if (end < 0) {
                return;
            }
            cancel(end, -1);
        }
    }

    /**
     * Seats attendee {@code a} (pending) along their cheapest path to done, or leaves them unseated when no path beats
     * that: Bellman-Ford from the attendee, whose arcs into the rooms cost what each room costs them minus M.
     */
    private void enter(int a) {
        buildArcs();
        boolean any = false;
        for (int s = 0; s < k; s++) {
            distance[s] = allowed(a, s) ? cost(a, s) - costs.unseated : INFINITE;
            previous[s] = attendeeStart;
            any |= distance[s] < INFINITE;
        }
        int end = -1;
        if (any) {
            relaxRooms();
            end = cheapestEnd();
        }
        if (end < 0) {
            place(a, UNSEATED);
        } else {
            cancel(end, a);
        }
    }

    /** The arcs between rooms and out of done, as the heaps give them now. */
    private void buildArcs() {
        for (int j = 0; j < k; j++) {
            for (int s = 0; s < k; s++) {
                arc[j][s] = INFINITE;
                arcVia[j][s] = -1;
                if (s != j && runAt[s] >= 0) {
                    IndexedHeap move = heaps[j * k + s];
                    if (move.size > 0) {
                        arc[j][s] = move.keys[0];
                        arcVia[j][s] = move.attendees[0];
                    }
                }
            }
        }
        // Out of done: give up a seat of s (0), or let the cheapest unseated attendee take s.
        for (int s = 0; s < k; s++) {
            arc[done][s] = INFINITE;
            arcVia[done][s] = -1;
            if (runAt[s] < 0) {
                continue;
            }
            if (count[s] > 0) {
                arc[done][s] = 0;
            }
            IndexedHeap enter = heaps[k * k + s];
            if (enter.size > 0 && enter.keys[0] - costs.unseated < arc[done][s]) {
                arc[done][s] = enter.keys[0] - costs.unseated;
                arcVia[done][s] = enter.attendees[0];
            }
        }
    }

    /** Bellman-Ford passes over the arcs between rooms from {@link #distance}; whether the last pass still changed. */
    private boolean relaxRooms() {
        boolean changed = true;
        for (int pass = 0; pass < k && changed; pass++) {
            changed = false;
            for (int j = 0; j < k; j++) {
                if (distance[j] >= INFINITE) {
                    continue;
                }
                for (int s = 0; s < k; s++) {
                    long candidate = distance[j] + arc[j][s];
                    if (arc[j][s] < INFINITE && candidate < distance[s]) {
                        distance[s] = candidate;
                        previous[s] = j;
                        changed = true;
                    }
                }
            }
        }
        return changed;
    }

    /** Whether some cycle between rooms alone has a negative cost (Bellman-Ford from every room at 0). */
    private boolean hasNegativeCycleAvoidingDone() {
        buildArcs();
        Arrays.fill(distance, 0);
        return relaxRooms();
    }

    /**
     * The room whose path from the search's start, closed back into done (a free seat, 0, or unseating the costliest
     * attendee, M − cost), costs least, if that is below 0; else -1.
     */
    private int cheapestEnd() {
        int end = -1;
        long best = 0;
        for (int v = 0; v < k; v++) {
            if (distance[v] >= INFINITE || runAt[v] < 0) {
                continue;
            }
            long close = closing(v);
            if (close < INFINITE && distance[v] + close < best) {
                best = distance[v] + close;
                end = v;
            }
        }
        return end;
    }

    private long closing(int v) {
        if (count[v] < limit[v]) {
            return 0;
        }
        IndexedHeap inRoom = heaps[v * k + v];
        return inRoom.size > 0 ? costs.unseated + inRoom.keys[0] : INFINITE;
    }

    /**
     * Moves everyone along the path found by the last search, from done or from the pending attendee {@code source}
     * (-1: from done) to {@code end}, and on into done.
     */
    private void cancel(int end, int source) {
        if (count[end] >= limit[end]) {
            place(heaps[end * k + end].attendees[0], UNSEATED);
        }
        // The path's attendees, read before anyone moves (each leaves another room, so they are distinct).
        int length = 0;
        for (int node = end, steps = 0; node != done && node != attendeeStart; node = previous[node], steps++) {
            if (steps > k) {
                throw new IllegalStateException("The search's path does not start at done: a negative cycle (bug).");
            }
            int via = previous[node] == attendeeStart ? source : arcVia[previous[node]][node];
            if (via >= 0) {
                movers[length] = via;
                targets[length] = node;
                length++;
            }
        }
        for (int i = 0; i < length; i++) {
            place(movers[i], targets[i]);
        }
    }

    private boolean allowed(int a, int room) {
        return runAt[room] >= 0 && costs.optimised[a * costs.runs + runAt[room]] != NONE;
    }

    private long cost(int a, int room) {
        return costs.optimised[a * costs.runs + runAt[room]];
    }

    private long reported(int a, int room) {
        return costs.reported[a * costs.runs + runAt[room]];
    }

    /** Moves attendee {@code a} to room {@code node} (or unseated), keeping the heaps and totals. */
    private void place(int a, int node) {
        detach(a);
        int from = nodeOf[a];
        if (from >= 0) {
            count[from]--;
            filled--;
            reportedCost -= reported(a, from);
        }
        nodeOf[a] = node;
        add(a);
    }

    /** Puts attendee {@code a} into the totals and heaps of the state they are in. */
    private void add(int a) {
        int node = nodeOf[a];
        if (node >= 0) {
            count[node]++;
            filled++;
            reportedCost += reported(a, node);
        }
        attach(a);
    }

    private void attach(int a) {
        int node = nodeOf[a];
        if (node == UNSEATED) {
            for (int s = 0; s < k; s++) {
                if (allowed(a, s)) {
                    heaps[k * k + s].add(a, cost(a, s), position, k);
                }
            }
        } else if (node >= 0) {
            long own = cost(a, node);
            heaps[node * k + node].add(a, -own, position, k);
            for (int s = 0; s < k; s++) {
                if (s != node && allowed(a, s)) {
                    heaps[node * k + s].add(a, cost(a, s) - own, position, k);
                }
            }
        }
    }

    private void detach(int a) {
        int node = nodeOf[a];
        if (node < 0 && node != UNSEATED) {
            return;
        }
        int row = node == UNSEATED ? k : node;
        for (int s = 0; s < k; s++) {
            if (position[a * k + s] >= 0) {
                heaps[row * k + s].remove(a, position, k);
            }
        }
    }
}

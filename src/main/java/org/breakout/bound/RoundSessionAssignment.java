package org.breakout.bound;

import java.util.Arrays;

/**
 * One attendee's best seats at given prices: assign each of their free rounds either a session (at most once each,
 * cost {@code edge[round][session]}) or its own private option (cost {@code own[round]}, 0 for an empty seat or the
 * price of an unranked seat when that is cheaper), at least cost, with at most {@code limit} sessions and private
 * seats together. This is the subproblem of {@link CapacityLagrangian}: a bipartite matching, so integral.
 * <p>
 * Without a seat limit below the number of rounds it is a rectangular assignment problem (rounds × sessions plus
 * one private column per round), solved by the Hungarian method in O(rounds² × columns) on the rounds that want a
 * session more than their private option; otherwise by successive shortest paths (Bellman–Ford on the small
 * bipartite graph), which stops at the limit or when no path lowers the cost. Both are skipped when every round's
 * cheapest option is a different session (then that is the optimum), and without a limit also when just two rounds
 * want the same session and one of them can take its second option without a clash. The Hungarian method starts
 * from every row matched to its cheapest free column. Exact integer arithmetic; not
 * thread-safe (work arrays are reused).
 */
final class RoundSessionAssignment {

    /** {@code choice} of a round whose private option is a seat and was taken. */
    static final int OWN = -1;
    /** {@code choice} of a round left without a seat. */
    static final int EMPTY = -2;

    /** A missing edge. Large, but far from overflow when potentials are added. */
    static final long NONE = Long.MAX_VALUE / 8;

    private long[] u = new long[0];
    private long[] v = new long[0];
    private long[] minv = new long[0];
    private int[] p = new int[0];
    private int[] way = new int[0];
    private boolean[] used = new boolean[0];
    private boolean[] rowMatched = new boolean[0];
    private long[] matrix = new long[64];
    /** Per round, for {@link #eachRoundItsCheapest}: its cheapest option's cost, its second's cost and column. */
    private long[] bestCost = new long[16];
    private long[] secondCost = new long[16];
    private int[] secondChoice = new int[16];
    /** For {@link #eachRoundItsCheapest}: per session column, the round that keeps it. */
    private int[] keeper = new int[16];
    /** For {@link #hungarianOnContested}: the contested rounds' rows of the matrix and what they chose. */
    private int[] rowOf = new int[16];
    private long[] subEdge = new long[64];
    private long[] subOwn = new long[16];
    private boolean[] subOwnIsSeat = new boolean[16];
    private int[] subChoice = new int[16];

    /**
     * @param rounds number of rows
     * @param sessions number of session columns
     * @param edge row-major {@code rounds × sessions}: the cost of the session in that round, or {@link #NONE}
     * @param own per round: the private option's cost, ≤ 0 (0 = no seat)
     * @param ownIsSeat per round: whether taking the private option fills a seat (counts against {@code limit})
     * @param limit most seats the attendee may take
     * @param choice out, per round: the session column taken, {@link #OWN} or {@link #EMPTY}
     * @return the least total cost
     */
    long solve(int rounds, int sessions, long[] edge, long[] own, boolean[] ownIsSeat, int limit, int[] choice) {
        if (bestCost.length < rounds) {
            bestCost = new long[rounds];
            secondCost = new long[rounds];
            secondChoice = new int[rounds];
        }
        long greedy = eachRoundItsCheapest(rounds, sessions, edge, own, ownIsSeat, limit, choice);
        if (greedy != CONFLICT) {
            return greedy;
        }
        if (limit >= rounds) {
            return hungarianOnContested(rounds, sessions, edge, own, ownIsSeat, choice);
        }
        return limited(rounds, sessions, edge, own, ownIsSeat, limit, choice);
    }

    /** What {@link #eachRoundItsCheapest} returns when it cannot tell the optimum. */
    private static final long CONFLICT = Long.MIN_VALUE;

    /**
     * Every round its cheapest option, when no two rounds pick the same session and the seats fit the limit: then
     * no assignment costs less (each round is at its own minimum), so it is the optimum. At prices near the dual
     * optimum most attendees are like that, and this takes O(rounds × sessions) instead of the Hungarian's
     * O(rounds² × columns). Ties go to the lowest column, then the private option.
     * <p>
     * Without a seat limit, clashes are settled too where that is provably optimal. Let the rounds that pick session c
     * be R(c), and a round's loss its second cheapest option (any other column or its private option) minus its
     * cheapest. Every assignment gives c to at most one round of R(c), and every other round of R(c) pays at least its
     * second option, so no assignment costs less than the minima plus, per clashing c, the losses of R(c) but the
     * largest. Giving each c to the round of R(c) that loses most (the earliest of equals) and the others their second
     * option reaches that, so it is the optimum when no two rounds then take the same session. Returns
     * {@link #CONFLICT} when they do, or the seats exceed the limit.
     */
    private long eachRoundItsCheapest(int n, int m, long[] edge, long[] own, boolean[] ownIsSeat, int limit,
            int[] choice) {
        if (keeper.length < m) {
            keeper = new int[Math.max(2 * keeper.length, m)];
        }
        Arrays.fill(keeper, 0, m, -1);
        long total = 0;
        int seats = 0;
        boolean clash = false;
        for (int i = 0; i < n; i++) {
            long best = own[i];
            int column = -1;
            long second = Long.MAX_VALUE;
            int secondColumn = -1;
            for (int s = 0; s < m; s++) {
                long c = edge[i * m + s];
                if (c < best) {
                    second = best;
                    secondColumn = column;
                    best = c;
                    column = s;
                } else if (c < second) {
                    second = c;
                    secondColumn = s;
                }
            }
            bestCost[i] = best;
            secondCost[i] = second;
            secondChoice[i] = secondColumn >= 0 ? secondColumn : ownIsSeat[i] && own[i] < 0 ? OWN : EMPTY;
            if (column >= 0) {
                int other = keeper[column];
                if (other < 0) {
                    keeper[column] = i;
                } else {
                    if (limit < n) {
                        return CONFLICT;
                    }
                    clash = true;
                    // The round that loses more without the session keeps it (the earlier one of equals).
                    if (second - best > secondCost[other] - bestCost[other]) {
                        keeper[column] = i;
                    }
                }
                choice[i] = column;
                seats++;
            } else {
                boolean seat = ownIsSeat[i] && own[i] < 0;
                choice[i] = seat ? OWN : EMPTY;
                seats += seat ? 1 : 0;
            }
            total += best;
        }
        if (!clash) {
            return seats <= limit ? total : CONFLICT;
        }
        // No seat limit (limit ≥ rounds): every round of a clash but its keeper takes its second option.
        for (int i = 0; i < n; i++) {
            int column = choice[i];
            if (column >= 0 && keeper[column] != i) {
                total += secondCost[i] - bestCost[i];
                choice[i] = secondChoice[i];
            }
        }
        for (int i = 0; i < n; i++) {
            if (choice[i] >= 0 && !clashesWithNone(i, choice[i], choice)) {
                return CONFLICT; // a second option clashes: only the Hungarian can tell
            }
        }
        return total;
    }

    /** Whether taking {@code column} (a session column, {@link #OWN} or {@link #EMPTY}) clashes with no round's. */
    private static boolean clashesWithNone(int n, int column, int[] choice) {
        if (column < 0) {
            return true;
        }
        for (int k = 0; k < n; k++) {
            if (choice[k] == column) {
                return false;
            }
        }
        return true;
    }

    /**
     * The Hungarian method on the rounds that want a session: a round whose cheapest option is its own private one
     * takes it in an optimum (nobody else can), so only the others compete for the sessions. How much smaller the
     * matrix gets depends on the event: on the {@code huge} shape the Hungarian's problems keep 5.7 of 6.7 rounds on
     * average (unranked sessions given in several rounds are columns that many rounds want).
     */
    private long hungarianOnContested(int n, int m, long[] edge, long[] own, boolean[] ownIsSeat, int[] choice) {
        int contested = 0;
        long total = 0;
        if (rowOf.length < n) {
            rowOf = new int[n];
            subOwn = new long[n];
            subOwnIsSeat = new boolean[n];
            subChoice = new int[n];
        }
        if (subEdge.length < n * m) {
            subEdge = new long[n * m];
        }
        for (int i = 0; i < n; i++) {
            boolean wants = false;
            for (int s = 0; s < m && !wants; s++) {
                wants = edge[i * m + s] < own[i];
            }
            if (wants) {
                rowOf[contested] = i;
                System.arraycopy(edge, i * m, subEdge, contested * m, m);
                subOwn[contested] = own[i];
                subOwnIsSeat[contested] = ownIsSeat[i];
                contested++;
            } else {
                choice[i] = ownIsSeat[i] && own[i] < 0 ? OWN : EMPTY;
                total += own[i];
            }
        }
        total += hungarian(contested, m, subEdge, subOwn, subOwnIsSeat, subChoice);
        for (int r = 0; r < contested; r++) {
            choice[rowOf[r]] = subChoice[r];
        }
        return total;
    }

    private long hungarian(int n, int m, long[] edge, long[] own, boolean[] ownIsSeat, int[] choice) {
        int columns = m + n;
        ensure(Math.max(n, columns) + 1);
        // The costs once as a dense matrix (sessions, then one private column per round): the loops below read each
        // entry many times.
        if (matrix.length < n * columns) {
            matrix = new long[Math.max(2 * matrix.length, n * columns)];
        }
        long[] a = matrix;
        for (int i = 0; i < n; i++) {
            System.arraycopy(edge, i * m, a, i * columns, m);
            Arrays.fill(a, i * columns + m, (i + 1) * columns, NONE);
            a[i * columns + m + i] = own[i];
        }
        Arrays.fill(u, 0, n + 1, 0);
        Arrays.fill(v, 0, columns + 1, 0);
        Arrays.fill(p, 0, columns + 1, 0);
        // Start from every row at its cheapest column (u = the row's minimum, v = 0: feasible duals, and those edges
        // are tight), matched where the column is still free; only the rows left need an augmenting path.
        Arrays.fill(rowMatched, 0, n + 1, false);
        for (int i = 1; i <= n; i++) {
            long best = Long.MAX_VALUE;
            int column = 0;
            for (int j = 1; j <= columns; j++) {
                long c = a[(i - 1) * columns + j - 1];
                if (c < best) {
                    best = c;
                    column = j;
                }
            }
            u[i] = best;
            if (p[column] == 0) {
                p[column] = i;
                rowMatched[i] = true;
            }
        }
        for (int i = 1; i <= n; i++) {
            if (rowMatched[i]) {
                continue;
            }
            p[0] = i;
            int j0 = 0;
            Arrays.fill(minv, 0, columns + 1, Long.MAX_VALUE);
            Arrays.fill(used, 0, columns + 1, false);
            do {
                used[j0] = true;
                int i0 = p[j0];
                long delta = Long.MAX_VALUE;
                int j1 = 0;
                for (int j = 1; j <= columns; j++) {
                    if (!used[j]) {
                        long cur = a[(i0 - 1) * columns + j - 1] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= columns; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        long total = 0;
        for (int j = 1; j <= columns; j++) {
            if (p[j] != 0) {
                int row = p[j] - 1;
                int column = j - 1;
                choice[row] = column < m ? column : ownIsSeat[row] && own[row] < 0 ? OWN : EMPTY;
                total += a[row * columns + column];
            }
        }
        return total;
    }

    /**
     * With a seat limit below the number of rounds: a min-cost flow of one unit per round, source → round →
     * (session → seats | the round's own seat → seats | straight to the sink: no seat), seats → sink with capacity
     * {@code limit}; successive shortest paths with Bellman–Ford (negative costs, tiny graph).
     */
    private static long limited(int n, int m, long[] edge, long[] own, boolean[] ownIsSeat, int limit, int[] choice) {
        int source = 0;
        int seats = 1 + n + m + n;
        int sink = seats + 1;
        int nodes = sink + 1;
        int maxArcs = 2 * (n + n * m + m + 2 * n + n + 1);
        int[] head = new int[nodes];
        Arrays.fill(head, -1);
        int[] next = new int[maxArcs];
        int[] to = new int[maxArcs];
        int[] cap = new int[maxArcs];
        long[] cost = new long[maxArcs];
        int[] arcs = {0};
        class Arcs {
            int add(int from, int toNode, int capacity, long unitCost) {
                int a = arcs[0];
                to[a] = toNode; cap[a] = capacity; cost[a] = unitCost; next[a] = head[from]; head[from] = a;
                to[a + 1] = from; cap[a + 1] = 0; cost[a + 1] = -unitCost; next[a + 1] = head[toNode];
                head[toNode] = a + 1;
                arcs[0] += 2;
                return a;
            }
        }
        Arcs graph = new Arcs();
        int[] sessionArc = new int[n * m];
        Arrays.fill(sessionArc, -1);
        int[] ownArc = new int[n];
        Arrays.fill(ownArc, -1);
        for (int i = 0; i < n; i++) {
            graph.add(source, 1 + i, 1, 0);
            for (int s = 0; s < m; s++) {
                if (edge[i * m + s] < NONE) {
                    sessionArc[i * m + s] = graph.add(1 + i, 1 + n + s, 1, edge[i * m + s]);
                }
            }
            if (ownIsSeat[i]) {
                ownArc[i] = graph.add(1 + i, 1 + n + m + i, 1, own[i]);
                graph.add(1 + n + m + i, seats, 1, 0);
            }
            graph.add(1 + i, sink, 1, ownIsSeat[i] ? 0 : own[i]);
        }
        for (int s = 0; s < m; s++) {
            graph.add(1 + n + s, seats, 1, 0);
        }
        graph.add(seats, sink, limit, 0);
        long[] dist = new long[nodes];
        int[] via = new int[nodes];
        long total = 0;
        for (int unit = 0; unit < n; unit++) {
            Arrays.fill(dist, Long.MAX_VALUE);
            dist[source] = 0;
            boolean changed = true;
            for (int pass = 0; pass < nodes && changed; pass++) {
                changed = false;
                for (int x = 0; x < nodes; x++) {
                    if (dist[x] == Long.MAX_VALUE) {
                        continue;
                    }
                    for (int a = head[x]; a >= 0; a = next[a]) {
                        if (cap[a] > 0 && dist[x] + cost[a] < dist[to[a]]) {
                            dist[to[a]] = dist[x] + cost[a];
                            via[to[a]] = a;
                            changed = true;
                        }
                    }
                }
            }
            total += dist[sink];
            for (int x = sink; x != source; x = to[via[x] ^ 1]) {
                cap[via[x]]--;
                cap[via[x] ^ 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            choice[i] = ownArc[i] >= 0 && cap[ownArc[i]] == 0 ? OWN : EMPTY;
            for (int s = 0; s < m; s++) {
                int a = sessionArc[i * m + s];
                if (a >= 0 && cap[a] == 0) {
                    choice[i] = s;
                }
            }
        }
        return total;
    }

    private void ensure(int size) {
        if (u.length < size) {
            u = new long[size];
            v = new long[size];
            minv = new long[size];
            p = new int[size];
            way = new int[size];
            used = new boolean[size];
            rowMatched = new boolean[size];
        }
    }
}

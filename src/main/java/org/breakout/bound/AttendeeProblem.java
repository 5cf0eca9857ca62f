package org.breakout.bound;

import java.util.Arrays;
import java.util.List;

import org.breakout.domain.Session;

/**
 * One attendee's problem of {@link PricedProblem} at given pair prices: give each free wanted round at most one
 * session and each session at most one round, at least cost ({@link RoundSessionAssignment}); and the scratch
 * arrays it needs. One per thread: the problem is read-only, this is not. After {@link #solve}, {@link #seatPair}
 * holds the pair taken per round (−1 for none) and {@link #choice} what each round chose.
 */
final class AttendeeProblem {

    /**
     * {@link #choice} of a round that took a ranked session whose only useful round it is (such sessions share
     * the round's private option instead of taking a column); its pair is in {@link #seatPair}.
     */
    static final int SINGLE = -3;

    private final PricedProblem problem;
    // The problem's arrays, read on every attendee.
    private final int[] roundStart;
    private final int[] roundOf;
    private final int[] sessionStart;
    private final long[] sessionCost;
    private final int[] rankedPairStart;
    private final int[] rankedPairRound;
    private final int[] rankedPair;
    private final int[] group;
    private final int[] limit;
    private final long[] unrankedCost;
    private final int[] pairSessionIndex;
    private final List<Session> pairSession;
    private final List<int[][]> groupOwnColumnPairs;

    AttendeeProblem(PricedProblem problem) {
        this.problem = problem;
        roundStart = problem.roundStart;
        roundOf = problem.roundOf;
        sessionStart = problem.sessionStart;
        sessionCost = problem.sessionCost;
        rankedPairStart = problem.rankedPairStart;
        rankedPairRound = problem.rankedPairRound;
        rankedPair = problem.rankedPair;
        group = problem.group;
        limit = problem.limit;
        unrankedCost = problem.unrankedCost;
        pairSessionIndex = problem.pairSessionIndex;
        pairSession = problem.pairSession;
        groupOwnColumnPairs = problem.groupOwnColumnPairs;
    }

    // Scratch arrays, grown as needed.
    private long[] edge = new long[64];
    private long[] own = new long[16];
    private long[] singleCost = new long[16];
    private int[] singlePair = new int[16];
    private boolean[] singleWon = new boolean[16];
    private boolean[] ownIsSeat = new boolean[16];
    /** Per round of the attendee: the session column taken, {@link #SINGLE}, or the assignment's OWN or EMPTY. */
    int[] choice = new int[16];
    /** Per round of the attendee: the pair taken, −1 for none. */
    int[] seatPair = new int[16];
    private int[] column = new int[16];
    private final RoundSessionAssignment assignment = new RoundSessionAssignment();

    /** Per extra column (an unranked session with several runs): its pair per round, and its session. */
    private int[] extraPair = new int[64];
    private Session[] extraSession = new Session[8];

    private void ensureExtra(int columns, int rounds) {
        if (extraPair.length < columns * rounds) {
            extraPair = Arrays.copyOf(extraPair, Math.max(2 * extraPair.length, columns * rounds));
        }
        if (extraSession.length < columns) {
            extraSession = Arrays.copyOf(extraSession, Math.max(2 * extraSession.length, columns));
        }
    }

    private void ensure(int rounds, int sessions) {
        if (column.length < sessions) {
            column = Arrays.copyOf(column, sessions);
        }
        if (own.length < rounds) {
            own = new long[rounds];
            singleCost = new long[rounds];
            singlePair = new int[rounds];
            singleWon = new boolean[rounds];
            ownIsSeat = new boolean[rounds];
            choice = new int[rounds];
            seatPair = new int[rounds];
        }
        if (edge.length < rounds * sessions) {
            edge = new long[rounds * sessions];
        }
    }

    /**
     * Solves attendee a's problem at the given pair prices (pairs marked {@code full} not allowed); leaves in
     * {@code seatPair} the pair taken per round (−1 for none) and returns the least cost, in scaled units.
     */
    long solve(int a, long[] price, long mu, long[][][] cheapest, boolean[] full) {
        return solve(a, price, mu, group[a] >= 0 ? cheapest[group[a]] : null, full);
    }

    long solve(int a, long[] price, long mu, long[][] cheapest, boolean[] full) {
        int n = roundStart[a + 1] - roundStart[a];
        int m = sessionStart[a + 1] - sessionStart[a];
        ensure(n, m);
        int g = group[a];
        for (int i = 0; i < n; i++) {
            long own = 0;
            if (g >= 0) {
                long[] best = cheapest[roundOf[roundStart[a] + i]];
                if (best[1] >= 0) {
                    own = Math.min(0, unrankedCost[a] * CapacityLagrangian.SCALE - mu + best[0]);
                }
            }
            this.own[i] = own;
            ownIsSeat[i] = own < 0;
        }
        // A round's own option (an empty seat or the cheapest shared unranked one) is always there and nobody else
        // takes it, so an edge that is not cheaper can be left out; a session without such an edge gets no column.
        // A session with such an edge in one round only cannot clash with another round: it competes for that
        // round's private option instead of taking a column (most sessions run once, so most attendees end with
        // few columns or none).
        Arrays.fill(this.singleCost, 0, n, Long.MAX_VALUE);
        int columns = 0;
        long[] own = this.own;
        long[] singleCost = this.singleCost;
        int[] singlePair = this.singlePair;
        int sessionsFrom = sessionStart[a];
        for (int k = sessionsFrom; k < sessionsFrom + m; k++) {
            long seatCost = sessionCost[k] * CapacityLagrangian.SCALE - mu;
            int from = rankedPairStart[k];
            int to = rankedPairStart[k + 1];
            if (to - from == 1) {
                // Most sessions run once: no column, only the round's private option to beat.
                // Not compared with own[i] here: the round's cheapest single is, and the outcomes are the same
                // (the first cheapest wins either way). Written without branches: which session is cheapest is
                // data, not a pattern, and mispredicted branches were a fifth of the attendee's problem.
                int i = rankedPairRound[from];
                int pair = rankedPair[from];
                long cost = seatCost + price[pair];
                long current = singleCost[i];
                boolean cheaper = cost < current && (full == null || !full[pair]);
                singleCost[i] = cheaper ? cost : current;
                singlePair[i] = cheaper ? pair : singlePair[i];
                continue;
            }
            int usefulRounds = 0;
            int usefulRound = -1;
            int usefulPair = -1;
            for (int e = from; e < to; e++) {
                int i = rankedPairRound[e];
                int pair = rankedPair[e];
                if ((full == null || !full[pair]) && seatCost + price[pair] < own[i]) {
                    usefulRounds++;
                    usefulRound = i;
                    usefulPair = pair;
                }
            }
            if (usefulRounds > 1) {
                column[columns++] = k;
            } else if (usefulRounds == 1 && seatCost + price[usefulPair] < singleCost[usefulRound]) {
                singleCost[usefulRound] = seatCost + price[usefulPair];
                singlePair[usefulRound] = usefulPair;
            }
        }
        for (int i = 0; i < n; i++) {
            singleWon[i] = this.singleCost[i] < this.own[i];
            if (singleWon[i]) {
                this.own[i] = this.singleCost[i];
                ownIsSeat[i] = true;
            }
        }
        int ranked = columns;
        // Unranked sessions with runs in several rounds: a column for each that beats a round's own option there.
        if (g >= 0) {
            long seatCost = unrankedCost[a] * CapacityLagrangian.SCALE - mu;
            int[][] perRound = groupOwnColumnPairs.get(g);
            for (int i = 0; i < n; i++) {
                int round = roundOf[roundStart[a] + i];
                if (cheapest[round][2] == Long.MAX_VALUE || seatCost + cheapest[round][2] >= this.own[i]) {
                    continue; // no session of this round beats the round's own option
                }
                for (int pair : perRound[round]) {
                    if ((full == null || !full[pair]) && seatCost + price[pair] < this.own[i]
                            && !problem.ranks(a, pairSessionIndex[pair])) {
                        Session session = pairSession.get(pair);
                        int c = ranked;
                        while (c < columns && extraSession[c - ranked] != session) {
                            c++;
                        }
                        if (c == columns) {
                            ensureExtra(columns - ranked + 1, n);
                            Arrays.fill(extraPair, (c - ranked) * n, (c - ranked + 1) * n, -1);
                            extraSession[c - ranked] = session;
                            columns++;
                        }
                        extraPair[(c - ranked) * n + i] = pair;
                    }
                }
            }
        }
        ensure(n, columns);
        long[] edge = this.edge;
        for (int c = 0; c < columns; c++) {
            if (c < ranked) {
                // A ranked session's column: its rounds from its entries, the rest no edge.
                int k = column[c];
                long seatCost = sessionCost[k] * CapacityLagrangian.SCALE - mu;
                for (int i = 0; i < n; i++) {
                    edge[i * columns + c] = RoundSessionAssignment.NONE;
                }
                for (int e = rankedPairStart[k]; e < rankedPairStart[k + 1]; e++) {
                    int i = rankedPairRound[e];
                    int pair = rankedPair[e];
                    long cost = full != null && full[pair] ? RoundSessionAssignment.NONE : seatCost + price[pair];
                    if (cost < own[i]) {
                        edge[i * columns + c] = cost;
                    }
                }
                continue;
            }
            long seatCost = unrankedCost[a] * CapacityLagrangian.SCALE - mu;
            for (int i = 0; i < n; i++) {
                int pair = extraPair[(c - ranked) * n + i];
                long cost = pair < 0 || full != null && full[pair] ? RoundSessionAssignment.NONE
                        : seatCost + price[pair];
                edge[i * columns + c] = cost < own[i] ? cost : RoundSessionAssignment.NONE;
            }
        }
        long total = assignment.solve(n, columns, this.edge, this.own, ownIsSeat, limit[a], choice);
        for (int i = 0; i < n; i++) {
            int option = choice[i];
            if (option >= 0) {
                seatPair[i] = columnPair(option, ranked, i, n);
            } else if (option == RoundSessionAssignment.OWN && singleWon[i]) {
                choice[i] = SINGLE;
                seatPair[i] = this.singlePair[i];
            } else if (option == RoundSessionAssignment.OWN) {
                seatPair[i] = (int) cheapest[roundOf[roundStart[a] + i]][1];
            } else {
                seatPair[i] = -1;
            }
        }
        return total;
    }

    /** The pair of column c in the attendee's round i (−1 if none). */
    private int columnPair(int c, int ranked, int i, int n) {
        if (c >= ranked) {
            return extraPair[(c - ranked) * n + i];
        }
        int k = column[c];
        for (int e = rankedPairStart[k]; e < rankedPairStart[k + 1]; e++) {
            if (rankedPairRound[e] == i) {
                return rankedPair[e];
            }
        }
        return -1;
    }
}

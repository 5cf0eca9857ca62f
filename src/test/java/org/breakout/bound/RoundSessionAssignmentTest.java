package org.breakout.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The attendee subproblem against enumerating every assignment, with and without a seat limit. */
class RoundSessionAssignmentTest {

    private static final long NONE = RoundSessionAssignment.NONE;

    @Test
    void equalsEnumerationOnRandomProblems() {
        Random random = new Random(7);
        RoundSessionAssignment assignment = new RoundSessionAssignment();
        int limited = 0;
        for (int t = 0; t < 3_000; t++) {
            int n = 1 + random.nextInt(4);
            int m = random.nextInt(5);
            long[] edge = new long[n * m];
            for (int k = 0; k < edge.length; k++) {
                edge[k] = random.nextInt(3) == 0 ? NONE : -1 - random.nextInt(20);
            }
            long[] own = new long[n];
            boolean[] ownIsSeat = new boolean[n];
            for (int i = 0; i < n; i++) {
                own[i] = random.nextBoolean() ? 0 : -1 - random.nextInt(20);
                ownIsSeat[i] = own[i] < 0;
            }
            int limit = random.nextInt(n + 2);
            if (limit < n) {
                limited++;
            }
            int[] choice = new int[n];
            long cost = assignment.solve(n, m, edge, own, ownIsSeat, limit, choice);
            String what = "problem " + t;
            assertThat(cost).as(what).isEqualTo(best(n, m, edge, own, ownIsSeat, limit));
            // The choice is a valid assignment of exactly that cost.
            long check = 0;
            int seats = 0;
            boolean[] used = new boolean[m];
            for (int i = 0; i < n; i++) {
                if (choice[i] >= 0) {
                    assertThat(used[choice[i]]).as(what + ": a session twice").isFalse();
                    used[choice[i]] = true;
                    assertThat(edge[i * m + choice[i]]).as(what).isLessThan(NONE);
                    check += edge[i * m + choice[i]];
                    seats++;
                } else if (choice[i] == RoundSessionAssignment.OWN) {
                    assertThat(ownIsSeat[i]).as(what).isTrue();
                    check += own[i];
                    seats++;
                } else {
                    assertThat(choice[i]).as(what).isEqualTo(RoundSessionAssignment.EMPTY);
                    if (!ownIsSeat[i]) {
                        check += own[i];
                    }
                }
            }
            assertThat(check).as(what).isEqualTo(cost);
            assertThat(seats).as(what).isLessThanOrEqualTo(limit);
        }
        assertThat(limited).isGreaterThan(500);
    }

    /**
     * Rounds that clash over several sessions at once (up to six rounds, five sessions, costs from a few values so
     * that many rounds share a cheapest session and losses tie): what the clash rule of the no-limit case settles
     * without the Hungarian must be the optimum too.
     */
    @Test
    void equalsEnumerationWhereManyRoundsClash() {
        Random random = new Random(11);
        RoundSessionAssignment assignment = new RoundSessionAssignment();
        for (int t = 0; t < 1_500; t++) {
            int n = 3 + random.nextInt(4);
            int m = 1 + random.nextInt(5);
            long[] edge = new long[n * m];
            for (int k = 0; k < edge.length; k++) {
                edge[k] = random.nextInt(4) == 0 ? NONE : -1 - random.nextInt(6);
            }
            long[] own = new long[n];
            boolean[] ownIsSeat = new boolean[n];
            for (int i = 0; i < n; i++) {
                own[i] = random.nextInt(3) == 0 ? 0 : -random.nextInt(4);
                ownIsSeat[i] = own[i] < 0;
            }
            int limit = n + random.nextInt(2);
            int[] choice = new int[n];
            long cost = assignment.solve(n, m, edge, own, ownIsSeat, limit, choice);
            assertThat(cost).as("problem " + t).isEqualTo(best(n, m, edge, own, ownIsSeat, limit));
            boolean[] used = new boolean[m];
            long check = 0;
            for (int i = 0; i < n; i++) {
                if (choice[i] >= 0) {
                    assertThat(used[choice[i]]).as("problem " + t + ": a session twice").isFalse();
                    used[choice[i]] = true;
                    check += edge[i * m + choice[i]];
                } else {
                    check += own[i];
                }
            }
            assertThat(check).as("problem " + t).isEqualTo(cost);
        }
    }

    /** Every round: a free session, its own seat or nothing; at most {@code limit} seats. */
    private static long best(int n, int m, long[] edge, long[] own, boolean[] ownIsSeat, int limit) {
        return best(0, n, m, edge, own, ownIsSeat, limit, new boolean[m]);
    }

    private static long best(int i, int n, int m, long[] edge, long[] own, boolean[] ownIsSeat, int limit,
            boolean[] used) {
        if (i == n) {
            return 0;
        }
        long best = (ownIsSeat[i] ? 0 : own[i]) + best(i + 1, n, m, edge, own, ownIsSeat, limit, used);
        if (limit == 0) {
            return best;
        }
        if (ownIsSeat[i]) {
            best = Math.min(best, own[i] + best(i + 1, n, m, edge, own, ownIsSeat, limit - 1, used));
        }
        for (int s = 0; s < m; s++) {
            if (!used[s] && edge[i * m + s] < NONE) {
                used[s] = true;
                best = Math.min(best, edge[i * m + s] + best(i + 1, n, m, edge, own, ownIsSeat, limit - 1, used));
                used[s] = false;
            }
        }
        return best;
    }
}

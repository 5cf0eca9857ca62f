package org.breakout.bound;

import java.util.Arrays;

/**
 * The pairs each attendee's slot (an attendee's round) took over the ascent's steps, weighted by the step's number
 * (later prices are closer to the LP's duals): an ergodic average of the attendees' own best choices, which
 * converges to an optimal LP seating where the choices at any one step over-fill and under-fill runs.
 */
final class ChoiceTally {
    private static final int WIDTH = 4;
    private final int[] pairs;
    private final long[] weights;

    ChoiceTally(int slots) {
        pairs = new int[slots * WIDTH];
        Arrays.fill(pairs, Integer.MIN_VALUE);
        weights = new long[slots * WIDTH];
    }

    void add(int slot, int pair, long weight) {
        int base = slot * WIDTH;
        int lightest = base;
        for (int e = base; e < base + WIDTH; e++) {
            if (pairs[e] == pair) {
                weights[e] += weight;
                return;
            }
            if (pairs[e] == Integer.MIN_VALUE) {
                pairs[e] = pair;
                weights[e] = weight;
                return;
            }
            if (weights[e] < weights[lightest]) {
                lightest = e;
            }
        }
        pairs[lightest] = pair;
        weights[lightest] = weight;
    }

    /** Replaces the attendee's choices with each slot's heaviest pair, keeping at most {@code limit} seats. */
    void modal(int first, int n, int limit, int[] seatPair) {
        if (n == 0 || pairs[first * WIDTH] == Integer.MIN_VALUE) {
            return; // never tallied (every step tallies all of an attendee's slots): the choices at the best prices
        }
        long[] heaviest = new long[n];
        for (int i = 0; i < n; i++) {
            int base = (first + i) * WIDTH;
            int best = -1;
            long bestWeight = 0;
            for (int e = base; e < base + WIDTH; e++) {
                if (pairs[e] != Integer.MIN_VALUE && weights[e] > bestWeight) {
                    best = pairs[e];
                    bestWeight = weights[e];
                }
            }
            seatPair[i] = best;
            heaviest[i] = best >= 0 ? bestWeight : -1;
        }
        int seats = 0;
        for (int i = 0; i < n; i++) {
            seats += seatPair[i] >= 0 ? 1 : 0;
        }
        while (seats > limit) {
            int lightest = -1;
            for (int i = 0; i < n; i++) {
                if (seatPair[i] >= 0 && (lightest < 0 || heaviest[i] < heaviest[lightest])) {
                    lightest = i;
                }
            }
            seatPair[lightest] = -1;
            seats--;
        }
    }
}

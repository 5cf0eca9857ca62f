package org.breakout.bound;

import java.util.ArrayList;
import java.util.List;

/**
 * Distinct solutions of each attendee's problem seen at some prices ({@link CapacityLagrangian}): the columns of the
 * seating LP's Dantzig–Wolfe master ({@link ColumnGeneration}). A column is the pairs (session, round) of its seats.
 * Attendees are added to by one thread each (the evaluation's blocks split attendees), so no locking.
 */
final class ColumnPool {

    private final List<List<int[]>> columns;

    ColumnPool(int attendees) {
        columns = new ArrayList<>(attendees);
        for (int a = 0; a < attendees; a++) {
            columns.add(new ArrayList<>(4));
        }
    }

    /** Adds attendee a's solution (the first {@code n} entries of {@code seatPair}, −1 for none) if it is new. */
    boolean add(int a, int[] seatPair, int n) {
        int seats = 0;
        for (int i = 0; i < n; i++) {
            if (seatPair[i] >= 0) {
                seats++;
            }
        }
        if (seats == 0) {
            return false; // the empty column is always there: the attendee's row is "at most one column"
        }
        List<int[]> own = columns.get(a);
        for (int[] known : own) {
            if (known.length == seats && sameSeats(known, seatPair, n)) {
                return false; // most attendees repeat a known solution: compared before anything is allocated
            }
        }
        int[] column = new int[seats];
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (seatPair[i] >= 0) {
                column[j++] = seatPair[i];
            }
        }
        own.add(column);
        return true;
    }

    private static boolean sameSeats(int[] known, int[] seatPair, int n) {
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (seatPair[i] >= 0 && known[j++] != seatPair[i]) {
                return false;
            }
        }
        return true;
    }

    List<int[]> of(int a) {
        return columns.get(a);
    }

    int attendees() {
        return columns.size();
    }

    long size() {
        return columns.stream().mapToLong(List::size).sum();
    }
}

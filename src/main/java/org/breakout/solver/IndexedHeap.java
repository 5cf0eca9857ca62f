package org.breakout.solver;

import java.util.Arrays;

/**
 * {@link RoundTransport}'s heaps: a 4-ary min-heap of (key, attendee) whose entries know their place
 * ({@code position[attendee × k + slot]}, an array the round's heaps share), so an attendee can leave it in
 * O(log size). Ties go to the lower attendee.
 */
final class IndexedHeap {

    /** Children per node: half the depth of a binary heap, and most of the work is moving entries. */
    private static final int ARITY = 4;
    private final int slot;
    long[] keys = new long[4];
    int[] attendees = new int[4];
    int size;

    IndexedHeap(int slot) {
        this.slot = slot;
    }

    void copyFrom(IndexedHeap other) {
        if (keys.length < other.size) {
            keys = new long[other.keys.length];
            attendees = new int[other.attendees.length];
        }
        System.arraycopy(other.keys, 0, keys, 0, other.size);
        System.arraycopy(other.attendees, 0, attendees, 0, other.size);
        size = other.size;
    }

    void clear(int[] position, int k) {
        for (int i = 0; i < size; i++) {
            position[attendees[i] * k + slot] = -1;
        }
        size = 0;
    }

    /** Adds an entry without restoring the heap order: {@link #heapify} afterwards. */
    void append(int attendee, long key, int[] position, int k) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            attendees = Arrays.copyOf(attendees, size * 2);
        }
        set(size++, key, attendee, position, k);
    }

    void heapify(int[] position, int k) {
        for (int i = size < 2 ? -1 : (size - 2) / ARITY; i >= 0; i--) {
            siftDown(i, keys[i], attendees[i], position, k);
        }
    }

    void add(int attendee, long key, int[] position, int k) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            attendees = Arrays.copyOf(attendees, size * 2);
        }
        siftUp(size++, key, attendee, position, k);
    }

    void remove(int attendee, int[] position, int k) {
        int i = position[attendee * k + slot];
        position[attendee * k + slot] = -1;
        size--;
        if (i == size) {
            return;
        }
        long key = keys[size];
        int last = attendees[size];
        if (i > 0 && less(key, last, keys[(i - 1) / ARITY], attendees[(i - 1) / ARITY])) {
            siftUp(i, key, last, position, k);
        } else {
            siftDown(i, key, last, position, k);
        }
    }

    private void siftUp(int i, long key, int attendee, int[] position, int k) {
        while (i > 0) {
            int parent = (i - 1) / ARITY;
            if (!less(key, attendee, keys[parent], attendees[parent])) {
                break;
            }
            set(i, keys[parent], attendees[parent], position, k);
            i = parent;
        }
        set(i, key, attendee, position, k);
    }

    private void siftDown(int i, long key, int attendee, int[] position, int k) {
        while (true) {
            int first = ARITY * i + 1;
            if (first >= size) {
                break;
            }
            int child = first;
            for (int c = first + 1; c < Math.min(first + ARITY, size); c++) {
                if (less(keys[c], attendees[c], keys[child], attendees[child])) {
                    child = c;
                }
            }
            if (!less(keys[child], attendees[child], key, attendee)) {
                break;
            }
            set(i, keys[child], attendees[child], position, k);
            i = child;
        }
        set(i, key, attendee, position, k);
    }

    private void set(int i, long key, int attendee, int[] position, int k) {
        keys[i] = key;
        attendees[i] = attendee;
        position[attendee * k + slot] = i;
    }

    private static boolean less(long key, int attendee, long otherKey, int otherAttendee) {
        return key < otherKey || (key == otherKey && attendee < otherAttendee);
    }
}

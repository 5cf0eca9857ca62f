package org.breakout.domain;

import java.time.LocalDateTime;

/**
 * A time slot of the event. {@code index} is the round's position in chronological order, so that rounds
 * compare cheaply and outputs list them in programme order.
 */
public record Round(String id, String name, LocalDateTime start, LocalDateTime end, int index)
        implements Comparable<Round> {

    @Override
    public int compareTo(Round other) {
        return Integer.compare(index, other.index);
    }

    // Identity is the id: facts are looked up and hashed often, and their ids are unique by validation.
    @Override
    public boolean equals(Object o) {
        return o instanceof Round other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}

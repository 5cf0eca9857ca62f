package org.breakout.domain;

import java.util.Set;

/** A speaker or host; can be in one place at a time. */
public record Speaker(String id, String name, Set<Round> unavailableRounds) {

    public boolean isAvailableIn(Round round) {
        return !unavailableRounds.contains(round);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Speaker other && id.equals(other.id);
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

package org.breakout.domain;

import java.util.Set;

/** A room in a venue, with the number of seats it has and the rounds it cannot be used in. */
public record Room(String id, String name, int capacity, String venue, Set<String> tags,
        Set<Round> unavailableRounds) {

    public boolean isAvailableIn(Round round) {
        return !unavailableRounds.contains(round);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Room other && id.equals(other.id);
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

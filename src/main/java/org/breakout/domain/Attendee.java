package org.breakout.domain;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;

/**
 * A registered attendee.
 *
 * @param wantedRounds the rounds in which they want a seat
 * @param ranks their ranked sessions, rank 1 = most wanted; ties allowed
 * @param registered registration time, or null when unknown
 * @param worstRank the largest rank given (0 if none)
 */
public record Attendee(String id, String name, Set<String> tags, Set<Round> wantedRounds,
        Map<Session, Integer> ranks, LocalDateTime registered, int worstRank) {

    public Attendee(String id, String name, Set<String> tags, Set<Round> wantedRounds,
            Map<Session, Integer> ranks, LocalDateTime registered) {
        this(id, name, tags, wantedRounds, ranks, registered,
                ranks.values().stream().mapToInt(Integer::intValue).max().orElse(0));
    }

    public boolean ranked(Session session) {
        return ranks.containsKey(session);
    }

    /**
     * The rank a seat in this session counts as: its own rank, or for a session the attendee did not rank,
     * one worse than their worst ranked session (rank 1 if they ranked none).
     */
    public int rankOf(Session session) {
        Integer rank = ranks.get(session);
        return rank != null ? rank : worstRank() + 1;
    }

    public boolean wants(Round round) {
        return wantedRounds.contains(round);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attendee other && id.equals(other.id);
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

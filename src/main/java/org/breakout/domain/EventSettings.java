package org.breakout.domain;

import java.util.List;

/**
 * Event-wide options from the event file's {@code settings}.
 *
 * @param allowUnranked whether an attendee may be seated in a session they did not rank
 * @param rankCosts cost of a seat at rank 1, 2, 3, …; ranks past the end cost the last entry.
 *        Null means the default {@code (rank - 1)²}.
 */
public record EventSettings(boolean allowUnranked, List<Integer> rankCosts) {

    public static final EventSettings DEFAULT = new EventSettings(true, null);

    public long costOfRank(int rank) {
        if (rankCosts == null || rankCosts.isEmpty()) {
            long r = rank - 1L;
            return r * r;
        }
        return rankCosts.get(Math.min(rank, rankCosts.size()) - 1);
    }

    /** The preference cost of seating this attendee in this session. */
    public long seatCost(Attendee attendee, Session session) {
        return costOfRank(attendee.rankOf(session));
    }

    /** Whether the attendee may be seated in the session at all (audience, ranking rules). */
    public boolean mayAttend(Attendee attendee, Session session) {
        return session.admits(attendee) && (allowUnranked || attendee.ranked(session));
    }
}

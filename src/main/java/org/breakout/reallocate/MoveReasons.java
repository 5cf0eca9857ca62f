package org.breakout.reallocate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Why a published seat moved: the chain of moves that ends in someone seated who had no seat. Per round, a
 * published attendee who left session run X (moved or unseated) is matched to someone who took a place in X. That
 * place is needed only if X is full now, and the free places of X (seats it had free, seats of cancelled
 * attendees and of attendees who changed) are given to the newcomers first, so a move is only credited with what
 * free places could not absorb. If the one who took the place had no seat in that round before (a newcomer, a new
 * round, a changed registration), the move seated them; if they moved in from run W themselves, the move is credited
 * with whatever seated W's newcomer, and so on. A chain that runs in a circle, or a move out of a run that still has
 * a free seat, seated nobody.
 */
final class MoveReasons {

    /** The move of (attendee, round) freed a place for {@code tookPlace}, and in the end seated {@code seated}. */
    record Credit(String tookPlace, String seated) {
    }

    private final Map<String, String> before;
    private final Map<String, String> after;
    private final Set<String> freeLeavers;
    private final Map<String, Integer> limits;
    /** Per run key (session|round): the seat key of the place-taker each mover's seat key is matched to. */
    private final Map<String, String> matchedTo = new HashMap<>();
    private final Map<String, Credit> credits = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();

    /**
     * @param before published seat key (attendee|round) → session, of every published attendee
     * @param after new seat key → session
     * @param freeLeavers published seat keys that left without needing a reason (cancelled, released by a change)
     * @param limits run key (session|round) → seats it offers now
     */
    MoveReasons(Map<String, String> before, Map<String, String> after, Set<String> freeLeavers,
            Map<String, Integer> limits) {
        this.before = before;
        this.after = after;
        this.freeLeavers = freeLeavers;
        this.limits = limits;
        match();
    }

    /** The credit of a published seat that moved or was taken away, or null when it seated nobody. */
    Credit creditOf(String seatKey) {
        return resolve(seatKey);
    }

    private void match() {
        Map<String, Integer> beforeCount = new HashMap<>();
        Map<String, Integer> afterCount = new HashMap<>();
        Map<String, List<String>> movers = new LinkedHashMap<>();
        Map<String, List<String>> takers = new LinkedHashMap<>();
        Map<String, Integer> freePlaces = new HashMap<>();
        before.forEach((seat, session) -> {
            String run = runKey(session, roundOf(seat));
            beforeCount.merge(run, 1, Integer::sum);
            if (!session.equals(after.get(seat))) {
                if (freeLeavers.contains(seat)) {
                    freePlaces.merge(run, 1, Integer::sum);
                } else {
                    movers.computeIfAbsent(run, r -> new ArrayList<>()).add(seat);
                }
            }
        });
        after.forEach((seat, session) -> {
            String run = runKey(session, roundOf(seat));
            afterCount.merge(run, 1, Integer::sum);
            if (!session.equals(before.get(seat))) {
                takers.computeIfAbsent(run, r -> new ArrayList<>()).add(seat);
            }
        });
        movers.forEach((run, leaving) -> {
            int limit = limits.getOrDefault(run, 0);
            if (afterCount.getOrDefault(run, 0) < limit) {
                return; // a free seat is left: nobody needed these places
            }
            List<String> taking = new ArrayList<>(takers.getOrDefault(run, List.of()));
            // Newcomers first, then movers, each by seat key: the free places go to newcomers first.
            taking.sort(Comparator.comparing((String seat) -> isMover(seat) ? 1 : 0).thenComparing(seat -> seat));
            int free = Math.max(0, limit - beforeCount.getOrDefault(run, 0)) + freePlaces.getOrDefault(run, 0);
            List<String> sortedLeaving = new ArrayList<>(leaving);
            sortedLeaving.sort(null);
            for (int i = 0; i < sortedLeaving.size() && free + i < taking.size(); i++) {
                matchedTo.put(sortedLeaving.get(i), taking.get(free + i));
            }
        });
    }

    /** A place-taker who held a published seat in that round, kept by no change: their move needs a reason too. */
    private boolean isMover(String seat) {
        return before.containsKey(seat) && !freeLeavers.contains(seat);
    }

    private Credit resolve(String seat) {
        if (credits.containsKey(seat)) {
            return credits.get(seat);
        }
        if (!resolving.add(seat)) {
            return null; // a circle of moves seats nobody
        }
        Credit credit = null;
        String taker = matchedTo.get(seat);
        if (taker != null) {
            if (!isMover(taker)) {
                credit = new Credit(attendeeOf(taker), attendeeOf(taker));
            } else {
                Credit onward = resolve(taker);
                if (onward != null) {
                    credit = new Credit(attendeeOf(taker), onward.seated());
                }
            }
        }
        resolving.remove(seat);
        credits.put(seat, credit);
        return credit;
    }

    static String runKey(String session, String round) {
        return session + "|" + round;
    }

    static String attendeeOf(String seatKey) {
        return seatKey.substring(0, seatKey.lastIndexOf('|'));
    }

    static String roundOf(String seatKey) {
        return seatKey.substring(seatKey.lastIndexOf('|') + 1);
    }
}

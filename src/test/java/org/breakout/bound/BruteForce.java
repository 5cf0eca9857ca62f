package org.breakout.bound;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.breakout.domain.Attendee;
import org.breakout.domain.EventSettings;
import org.breakout.domain.Room;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;
import org.breakout.domain.Speaker;

/**
 * The true optimum of tiny events by exhaustive search, written independently of the bound's code: every
 * placement of the unplaced runs that keeps the placement rules (placed runs stay where they are), and for each
 * every seating (one attendee after the other, with a memo on the seats left per run). The result is the least
 * preference cost for every number of seats filled (pinned seats included).
 */
public final class BruteForce {

    public static final long NONE = Long.MAX_VALUE;

    private BruteForce() {
    }

    /**
     * @return {@code cost[n]} = least preference cost of a schedule that keeps the rules and fills exactly n wanted
     *         seats, {@link #NONE} when none does; null when no placement keeps the rules
     */
    public static long[] costBySeats(Schedule schedule) {
        List<SessionRun> runs = schedule.getRuns();
        Round[] round = new Round[runs.size()];
        Room[] room = new Room[runs.size()];
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            SessionRun run = runs.get(i);
            if (run.isPlaced()) {
                round[i] = run.getRound();
                room[i] = run.getRoom();
            } else {
                free.add(i);
            }
        }
        long[][] best = { null };
        place(schedule, runs, free, 0, round, room, best);
        return best[0];
    }

    private static void place(Schedule schedule, List<SessionRun> runs, List<Integer> free, int next, Round[] round,
            Room[] room, long[][] best) {
        if (next == free.size()) {
            long[] costs = seat(schedule, runs, round, room);
            if (best[0] == null) {
                best[0] = costs;
            } else {
                for (int n = 0; n < Math.max(costs.length, best[0].length); n++) {
                    long a = n < best[0].length ? best[0][n] : NONE;
                    long b = n < costs.length ? costs[n] : NONE;
                    if (n >= best[0].length) {
                        best[0] = Arrays.copyOf(best[0], n + 1);
                    }
                    best[0][n] = Math.min(a, b);
                }
            }
            return;
        }
        int i = free.get(next);
        Session session = runs.get(i).getSession();
        for (Round r : schedule.getRounds()) {
            if (!session.isAllowedIn(r) || session.speakers().stream().anyMatch(s -> !s.isAvailableIn(r))) {
                continue;
            }
            for (Room m : schedule.getRooms()) {
                if (!m.isAvailableIn(r) || !m.tags().containsAll(session.requiredRoomTags())) {
                    continue;
                }
                round[i] = r;
                room[i] = m;
                if (keepsRules(runs, round, room, i)) {
                    place(schedule, runs, free, next + 1, round, room, best);
                }
                round[i] = null;
                room[i] = null;
            }
        }
    }

    /** Run i against every other run placed so far: no shared room, no shared speaker in one round. */
    private static boolean keepsRules(List<SessionRun> runs, Round[] round, Room[] room, int i) {
        for (int j = 0; j < runs.size(); j++) {
            if (j == i || round[j] == null || !round[j].equals(round[i])) {
                continue;
            }
            if (room[j].equals(room[i]) || runs.get(j).getSession().equals(runs.get(i).getSession())) {
                return false; // a room holds one run; runs of one session go in different rounds
            }
            for (Speaker speaker : runs.get(i).getSession().speakers()) {
                if (runs.get(j).getSession().speakers().contains(speaker)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The least cost per number of seats for one placement. */
    private static long[] seat(Schedule schedule, List<SessionRun> runs, Round[] round, Room[] room) {
        EventSettings settings = schedule.getSettings();
        int[] capacity = new int[runs.size()];
        Map<SessionRun, Integer> index = new HashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            index.put(runs.get(i), i);
            capacity[i] = runs.get(i).getSession().plenary() ? 0 : runs.get(i).getSession().seatLimitIn(room[i]);
        }
        Map<Attendee, List<Seat>> seats = new LinkedHashMap<>();
        schedule.getAttendees().forEach(a -> seats.put(a, new ArrayList<>()));
        for (Seat seat : schedule.getSeats()) {
            seats.get(seat.getAttendee()).add(seat);
        }
        int pinned = 0;
        long pinnedCost = 0;
        List<List<Option>> options = new ArrayList<>();
        for (Attendee attendee : schedule.getAttendees()) {
            Set<Round> busy = new HashSet<>();
            Set<Session> had = new HashSet<>();
            int left = seats.get(attendee).size();
            for (Seat seat : seats.get(attendee)) {
                if (seat.isPinned()) {
                    pinned++;
                    left--;
                    pinnedCost += settings.seatCost(attendee, seat.getSession());
                    capacity[index.get(seat.getRun())]--;
                    busy.add(seat.getRun().getRound());
                    had.add(seat.getSession());
                }
            }
            List<Round> open = attendee.wantedRounds().stream().filter(r -> !busy.contains(r)).sorted().toList();
            List<Option> list = new ArrayList<>();
            options(attendee, settings, runs, round, open, 0, left, had, new ArrayList<>(), 0, list);
            options.add(list);
        }
        for (int c : capacity) {
            if (c < 0) {
                return new long[0]; // pinned seats overfill a run: no schedule keeps the rules
            }
        }
        long[] byCount = solve(options, 0, capacity, new HashMap<>());
        long[] result = new long[pinned + byCount.length];
        Arrays.fill(result, NONE);
        for (int n = 0; n < byCount.length; n++) {
            result[pinned + n] = byCount[n] == NONE ? NONE : pinnedCost + byCount[n];
        }
        return result;
    }

    private record Option(int[] runs, long cost) {
    }

    private static void options(Attendee attendee, EventSettings settings, List<SessionRun> runs, Round[] round,
            List<Round> open, int next, int left, Set<Session> had, List<Integer> chosen, long cost, List<Option> out) {
        if (next == open.size()) {
            out.add(new Option(chosen.stream().mapToInt(Integer::intValue).toArray(), cost));
            return;
        }
        options(attendee, settings, runs, round, open, next + 1, left, had, chosen, cost, out); // nothing this round
        if (left == 0) {
            return;
        }
        for (int i = 0; i < runs.size(); i++) {
            Session session = runs.get(i).getSession();
            if (!open.get(next).equals(round[i]) || had.contains(session) || !settings.mayAttend(attendee, session)) {
                continue;
            }
            had.add(session);
            chosen.add(i);
            options(attendee, settings, runs, round, open, next + 1, left - 1, had, chosen,
                    cost + settings.seatCost(attendee, session), out);
            chosen.remove(chosen.size() - 1);
            had.remove(session);
        }
    }

    /** Least cost per number of seats for attendees [a, end) with the given seats left per run. */
    private static long[] solve(List<List<Option>> options, int a, int[] capacity, Map<String, long[]> memo) {
        if (a == options.size()) {
            return new long[] { 0 };
        }
        String key = a + ":" + Arrays.toString(capacity);
        long[] cached = memo.get(key);
        if (cached != null) {
            return cached;
        }
        long[] best = new long[0];
        for (Option option : options.get(a)) {
            boolean fits = true;
            for (int run : option.runs()) {
                fits &= capacity[run] > 0;
            }
            if (!fits) {
                continue;
            }
            for (int run : option.runs()) {
                capacity[run]--;
            }
            long[] rest = solve(options, a + 1, capacity, memo);
            for (int run : option.runs()) {
                capacity[run]++;
            }
            int k = option.runs().length;
            if (best.length < rest.length + k) {
                int old = best.length;
                best = Arrays.copyOf(best, rest.length + k);
                Arrays.fill(best, old, best.length, NONE);
            }
            for (int n = 0; n < rest.length; n++) {
                if (rest[n] != NONE) {
                    best[n + k] = Math.min(best[n + k], rest[n] + option.cost());
                }
            }
        }
        memo.put(key, best);
        return best;
    }

    /** The most seats any schedule fills, -1 if none keeps the rules. */
    public static int maxSeats(long[] costBySeats) {
        if (costBySeats == null) {
            return -1;
        }
        for (int n = costBySeats.length - 1; n >= 0; n--) {
            if (costBySeats[n] != NONE) {
                return n;
            }
        }
        return -1;
    }
}

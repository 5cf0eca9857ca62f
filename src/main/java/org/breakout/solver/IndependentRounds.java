package org.breakout.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.breakout.domain.Attendee;
import org.breakout.domain.EventSettings;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;

/**
 * The re-seating of a few rounds, for the timetable search, on events whose rounds are independent: every session has
 * one run, so nobody can get a session twice, and every attendee has a seat for every round they want, so no
 * attendee-wide seat limit links their rounds. Each round is then a transportation problem
 * ({@link TransportationSeating}), and the re-seating of the rounds a move touches is exactly what
 * {@link SeatingFlow#reseatRounds} finds (the same seats filled and cost, among optimal seatings the one closest to the
 * current one), without building its network.
 * <p>
 * Why it exists: on the 2,000-attendee {@code rank-all-open-2000} benchmark the timetable search spent about 40 % of
 * its time building that network (hash lookups of ranks, components, seat plans) for every move it tried. Here the
 * attendees' options and costs are arrays made once per working solution, and a move only scans the runs of its two
 * rounds. Events it does not cover (repeated sessions, attendees with fewer seats than wanted rounds, published seats,
 * pinned seats in a movable run, seats of one attendee with different eligible runs) use
 * {@link SeatingFlow#reseatRounds}, as before.
 */
final class IndependentRounds {

    /** Built for one working solution: {@link #of} builds it again when the solution is another object. */
    static final class Cache {
        private Schedule schedule;
        private IndependentRounds rounds;

        /** The arrays for this schedule, or null when its rounds are not independent. */
        synchronized IndependentRounds get(Schedule schedule) {
            if (this.schedule != schedule) {
                this.rounds = of(schedule);
                this.schedule = schedule;
            }
            return rounds;
        }
    }

    private final Map<SessionRun, Integer> runIndex = new IdentityHashMap<>();
    private final List<SessionRun> runs;
    /** Pinned seats per run: they keep their place and take a seat of the run. */
    private final int[] pinnedSeats;
    private final Map<Round, Integer> roundIndex = new HashMap<>();
    // Per attendee with unpinned seats:
    private final Seat[][] seats;
    /** Rounds (by index) the attendee may be seated in: wanted, and no pinned seat there. */
    private final boolean[][] openRound;
    /** Runs (indices) the attendee may take, and the seat cost of each (weighted preference cost). */
    private final int[][] options;
    private final long[][] costs;
    private final long maxCost;

    private IndependentRounds(Schedule schedule, List<Attendee> attendees, Map<Attendee, List<Seat>> seatsOf) {
        this.runs = schedule.getRuns();
        for (int x = 0; x < runs.size(); x++) {
            runIndex.put(runs.get(x), x);
        }
        List<Round> rounds = schedule.getRounds();
        for (int r = 0; r < rounds.size(); r++) {
            roundIndex.put(rounds.get(r), r);
        }
        pinnedSeats = new int[runs.size()];
        EventSettings settings = schedule.getSettings() == null ? EventSettings.DEFAULT : schedule.getSettings();
        long preferenceWeight = SeatingFlow.softWeight(schedule.getConstraintWeightOverrides(),
                BreakoutConstraintProvider.PREFERENCE_COST, SeatingFlow.DEFAULT_PREFERENCE_WEIGHT);
        int n = attendees.size();
        seats = new Seat[n][];
        openRound = new boolean[n][rounds.size()];
        options = new int[n][];
        costs = new long[n][];
        long max = 0;
        for (int a = 0; a < n; a++) {
            Attendee attendee = attendees.get(a);
            List<Seat> all = seatsOf.get(attendee);
            List<Seat> unpinned = new ArrayList<>();
            List<Session> pinnedSessions = new ArrayList<>();
            for (int r = 0; r < rounds.size(); r++) {
                openRound[a][r] = attendee.wants(rounds.get(r));
            }
            for (Seat seat : all) {
                if (!seat.isPinned()) {
                    unpinned.add(seat);
                } else if (seat.getRun() != null) {
                    pinnedSeats[runIndex.get(seat.getRun())]++;
                    pinnedSessions.add(seat.getRun().getSession());
                    // The round the seat takes, as SeatingFlow counts it: its run's (pinned) round, else the pinned one.
                    Round round = seat.getRun().getRound() != null ? seat.getRun().getRound() : seat.getPinnedRound();
                    Integer r = round == null ? null : roundIndex.get(round);
                    if (r != null) {
                        openRound[a][r] = false;
                    }
                }
            }
            seats[a] = unpinned.toArray(Seat[]::new);
            List<SessionRun> eligible = unpinned.isEmpty() ? List.of() : unpinned.get(0).getEligibleRuns();
            List<Integer> runList = new ArrayList<>();
            List<Long> costList = new ArrayList<>();
            for (SessionRun run : eligible == null ? List.<SessionRun> of() : eligible) {
                Integer x = runIndex.get(run);
                if (x != null && !pinnedSessions.contains(run.getSession())
                        && settings.mayAttend(attendee, run.getSession())) {
                    long cost = preferenceWeight * settings.seatCost(attendee, run.getSession());
                    runList.add(x);
                    costList.add(cost);
                    max = Math.max(max, cost);
                }
            }
            options[a] = runList.stream().mapToInt(Integer::intValue).toArray();
            costs[a] = costList.stream().mapToLong(Long::longValue).toArray();
        }
        this.maxCost = max;
    }

    /** The arrays for the schedule, or null when its rounds are not independent (see the class comment). */
    static IndependentRounds of(Schedule schedule) {
        Map<Session, Integer> runsOfSession = new HashMap<>();
        for (SessionRun run : schedule.getRuns()) {
            if (runsOfSession.merge(run.getSession(), 1, Integer::sum) > 1) {
                return null;
            }
        }
        Map<Attendee, List<Seat>> seatsOf = new LinkedHashMap<>();
        for (Seat seat : schedule.getSeats()) {
            seatsOf.computeIfAbsent(seat.getAttendee(), a -> new ArrayList<>()).add(seat);
        }
        List<Attendee> attendees = new ArrayList<>(seatsOf.keySet());
        for (Attendee attendee : attendees) {
            List<Seat> unpinned = new ArrayList<>();
            int takenRounds = 0;
            for (Seat seat : seatsOf.get(attendee)) {
                if (!seat.isPinned()) {
                    if (seat.hasPrevious() || (!unpinned.isEmpty()
                            && seat.getEligibleRuns() != unpinned.get(0).getEligibleRuns())) {
                        return null;
                    }
                    unpinned.add(seat);
                } else if (seat.getRun() != null) {
                    if (!seat.getRun().isPinned()) {
                        // Its round moves with its run: the rounds it takes change with the timetable.
                        return null;
                    }
                    takenRounds++;
                }
            }
            long wanted = schedule.getRounds().stream().filter(attendee::wants).count();
            if (unpinned.size() < wanted - takenRounds) {
                return null;
            }
        }
        return new IndependentRounds(schedule, attendees, seatsOf);
    }

    /**
     * The optimal seating of the unpinned seats that are empty or in a run of {@code touched}, with every other seat
     * kept: seat → run (null = empty), for those seats only. Null when this timetable needs the general flow after
     * all (an attendee holds two kept seats in one round, which only an infeasible seating does).
     */
    Map<Seat, SessionRun> reseat(Set<Round> touched) {
        int runCount = runs.size();
        int roundCount = roundIndex.size();
        int[] roundOf = new int[runCount];
        int[] local = new int[runCount];
        int[] runsInRound = new int[roundCount];
        boolean[] isTouched = new boolean[roundCount];
        for (Round round : touched) {
            Integer r = roundIndex.get(round);
            if (r == null) {
                return null;
            }
            isTouched[r] = true;
        }
        List<List<Integer>> roundRuns = new ArrayList<>(roundCount);
        for (int r = 0; r < roundCount; r++) {
            roundRuns.add(new ArrayList<>());
        }
        for (int x = 0; x < runCount; x++) {
            SessionRun run = runs.get(x);
            Integer r = run.isPlaced() ? roundIndex.get(run.getRound()) : null;
            roundOf[x] = r == null ? -1 : r;
            local[x] = -1;
            if (r != null && isTouched[r]) {
                local[x] = runsInRound[r]++;
                roundRuns.get(r).add(x);
            }
        }
        int attendees = seats.length;
        // Which seats are re-seated: empty ones and those in a touched round.
        boolean[][] free = new boolean[attendees][];
        for (int a = 0; a < attendees; a++) {
            free[a] = new boolean[seats[a].length];
            boolean[] keptRound = new boolean[roundCount];
            for (int i = 0; i < seats[a].length; i++) {
                SessionRun run = seats[a][i].getRun();
                int r = run == null ? -1 : roundOf[runIndex.get(run)];
                if (r < 0 || isTouched[r]) {
                    free[a][i] = true;
                } else if (keptRound[r]) {
                    return null;
                } else {
                    keptRound[r] = true;
                }
            }
        }
        // Per attendee, the run they get in each touched round (-1: none).
        int[][] assigned = new int[attendees][];
        for (int r = 0; r < roundCount; r++) {
            if (!isTouched[r]) {
                continue;
            }
            List<Integer> inRound = roundRuns.get(r);
            int[] seatLimits = new int[inRound.size()];
            for (int j = 0; j < seatLimits.length; j++) {
                int x = inRound.get(j);
                seatLimits[j] = Math.max(0, runs.get(x).seatLimit() - pinnedSeats[x]);
            }
            List<Integer> who = new ArrayList<>();
            List<int[]> roundOptions = new ArrayList<>();
            List<long[]> roundCosts = new ArrayList<>();
            List<Integer> current = new ArrayList<>();
            int[] buffer = new int[seatLimits.length];
            long[] costBuffer = new long[seatLimits.length];
            for (int a = 0; a < attendees; a++) {
                if (!openRound[a][r]) {
                    continue;
                }
                int count = 0;
                for (int o = 0; o < options[a].length; o++) {
                    int x = options[a][o];
                    if (roundOf[x] == r && seatLimits[local[x]] > 0) {
                        buffer[count] = local[x];
                        costBuffer[count] = costs[a][o];
                        count++;
                    }
                }
                if (count == 0) {
                    continue;
                }
                int holding = -1;
                for (int i = 0; i < seats[a].length && holding < 0; i++) {
                    SessionRun run = seats[a][i].getRun();
                    if (free[a][i] && run != null && roundOf[runIndex.get(run)] == r) {
                        int held = local[runIndex.get(run)];
                        for (int o = 0; o < count; o++) {
                            if (buffer[o] == held) {
                                holding = o;
                            }
                        }
                    }
                }
                who.add(a);
                roundOptions.add(Arrays.copyOf(buffer, count));
                roundCosts.add(Arrays.copyOf(costBuffer, count));
                current.add(holding);
            }
            long unseatedCost = maxCost * Math.max(1, seatLimits.length) + 1;
            int[] result = TransportationSeating.solve(seatLimits, roundOptions.toArray(int[][]::new),
                    roundCosts.toArray(long[][]::new), unseatedCost,
                    current.stream().mapToInt(Integer::intValue).toArray());
            for (int p = 0; p < result.length; p++) {
                if (result[p] >= 0) {
                    int a = who.get(p);
                    if (assigned[a] == null) {
                        assigned[a] = new int[0];
                    }
                    int[] grown = Arrays.copyOf(assigned[a], assigned[a].length + 1);
                    grown[grown.length - 1] = inRound.get(roundOptions.get(p)[result[p]]);
                    assigned[a] = grown;
                }
            }
        }
        return toSeats(free, assigned);
    }

    /**
     * Gives each attendee's new runs to their free seats: a seat that already holds the run keeps it, the others take
     * the free seats in order (an attendee's seats share one list of eligible runs); seats left over are emptied.
     */
    private Map<Seat, SessionRun> toSeats(boolean[][] free, int[][] assigned) {
        Map<Seat, SessionRun> seating = new LinkedHashMap<>();
        for (int a = 0; a < seats.length; a++) {
            int[] newRuns = assigned[a] == null ? new int[0] : assigned[a];
            boolean[] placed = new boolean[newRuns.length];
            boolean[] used = new boolean[seats[a].length];
            for (int i = 0; i < seats[a].length; i++) {
                if (!free[a][i]) {
                    continue;
                }
                seating.put(seats[a][i], null);
                SessionRun run = seats[a][i].getRun();
                for (int k = 0; k < newRuns.length && run != null; k++) {
                    if (!placed[k] && runs.get(newRuns[k]) == run) {
                        placed[k] = true;
                        used[i] = true;
                        seating.put(seats[a][i], run);
                        break;
                    }
                }
            }
            int next = 0;
            for (int k = 0; k < newRuns.length; k++) {
                if (placed[k]) {
                    continue;
                }
                while (next < seats[a].length && (!free[a][next] || used[next])) {
                    next++;
                }
                if (next == seats[a].length) {
                    // Only when kept seats sit in rounds the attendee does not want: an infeasible seating.
                    return null;
                }
                used[next] = true;
                seating.put(seats[a][next], runs.get(newRuns[k]));
            }
        }
        return seating;
    }
}

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
    /** Runs (indices) the attendee may take, and the preference cost of each (unweighted). */
    private final int[][] options;
    private final long[][] costs;
    private final long maxCost;
    /** The weight of the preference cost: 0 makes every seat equally good (then only seats count). */
    private final long preferenceWeight;

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
        this.preferenceWeight = SeatingFlow.softWeight(schedule.getConstraintWeightOverrides(),
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
                    long cost = settings.seatCost(attendee, run.getSession());
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
        int[] seatLimits = new int[runCount];
        boolean[] isTouched = new boolean[roundCount];
        for (Round round : touched) {
            Integer r = roundIndex.get(round);
            if (r == null) {
                return null;
            }
            isTouched[r] = true;
        }
        for (int x = 0; x < runCount; x++) {
            SessionRun run = runs.get(x);
            Integer r = run.isPlaced() ? roundIndex.get(run.getRound()) : null;
            roundOf[x] = r == null ? -1 : r;
            seatLimits[x] = seatsLeft(x, run.seatLimit());
        }
        int attendees = seats.length;
        // Which seats are re-seated: empty ones and those in a touched round; and the run each attendee holds now
        // in each touched round (the tie-break keeps them there).
        boolean[][] free = new boolean[attendees][];
        int[][] holding = new int[roundCount][];
        for (int r = 0; r < roundCount; r++) {
            if (isTouched[r]) {
                holding[r] = new int[attendees];
                Arrays.fill(holding[r], -1);
            }
        }
        for (int a = 0; a < attendees; a++) {
            free[a] = new boolean[seats[a].length];
            boolean[] keptRound = new boolean[roundCount];
            for (int i = 0; i < seats[a].length; i++) {
                SessionRun run = seats[a][i].getRun();
                int x = run == null ? -1 : runIndex.get(run);
                int r = x < 0 ? -1 : roundOf[x];
                if (r < 0 || isTouched[r]) {
                    free[a][i] = true;
                    if (r >= 0 && holding[r][a] < 0) {
                        holding[r][a] = x;
                    }
                } else if (keptRound[r]) {
                    return null;
                } else {
                    keptRound[r] = true;
                }
            }
        }
        // Per attendee, the runs they get in the touched rounds.
        int[][] assigned = new int[attendees][];
        for (int r = 0; r < roundCount; r++) {
            if (!isTouched[r]) {
                continue;
            }
            int[] runOf = solveRound(r, roundOf, seatLimits, holding[r]).runOf();
            for (int a = 0; a < attendees; a++) {
                if (runOf[a] >= 0) {
                    int[] grown = assigned[a] == null ? new int[1] : Arrays.copyOf(assigned[a], assigned[a].length + 1);
                    grown[grown.length - 1] = runOf[a];
                    assigned[a] = grown;
                }
            }
        }
        return toSeats(free, assigned);
    }

    /** The seats of run {@code x} that its unpinned seats may take, in a room with that seat limit. */
    int seatsLeft(int x, int seatLimit) {
        return Math.max(0, seatLimit - pinnedSeats[x]);
    }

    /**
     * One round's optimal seating.
     *
     * @param filled seats filled
     * @param cost their preference cost (unweighted)
     * @param runOf per attendee, the run (index) they get in the round, -1 for none
     */
    record RoundOptimum(int filled, long cost, int[] runOf) {
    }

    /**
     * The optimal seating of round {@code r} when run {@code x} is in round {@code roundOf[x]} (-1: not placed) with
     * {@code seatLimits[x]} seats for unpinned seats: most seats first, then least preference cost, and among those
     * the seating that moves the fewest attendees away from {@code holding} (per attendee, the run held now in this
     * round, -1 for none).
     */
    RoundOptimum solveRound(int r, int[] roundOf, int[] seatLimits, int[] holding) {
        int runCount = runs.size();
        int[] local = new int[runCount];
        List<Integer> inRound = new ArrayList<>();
        for (int x = 0; x < runCount; x++) {
            local[x] = -1;
            if (roundOf[x] == r) {
                local[x] = inRound.size();
                inRound.add(x);
            }
        }
        int[] limits = new int[inRound.size()];
        for (int j = 0; j < limits.length; j++) {
            limits[j] = seatLimits[inRound.get(j)];
        }
        int attendees = seats.length;
        List<Integer> who = new ArrayList<>();
        List<int[]> roundOptions = new ArrayList<>();
        List<long[]> roundCosts = new ArrayList<>();
        List<long[]> rawCosts = new ArrayList<>();
        int[] current = new int[attendees];
        int[] buffer = new int[limits.length];
        long[] costBuffer = new long[limits.length];
        for (int a = 0; a < attendees; a++) {
            if (!openRound[a][r]) {
                continue;
            }
            int count = 0;
            int held = -1;
            for (int o = 0; o < options[a].length; o++) {
                int x = options[a][o];
                if (roundOf[x] == r && limits[local[x]] > 0) {
                    if (holding != null && holding[a] == x) {
                        held = count;
                    }
                    buffer[count] = local[x];
                    costBuffer[count] = costs[a][o];
                    count++;
                }
            }
            if (count == 0) {
                continue;
            }
            current[who.size()] = held;
            who.add(a);
            roundOptions.add(Arrays.copyOf(buffer, count));
            long[] raw = Arrays.copyOf(costBuffer, count);
            rawCosts.add(raw);
            roundCosts.add(preferenceWeight > 0 ? raw : new long[count]);
        }
        long unseatedCost = (preferenceWeight > 0 ? maxCost : 0) * Math.max(1, limits.length) + 1;
        int[] result = TransportationSeating.solve(limits, roundOptions.toArray(int[][]::new),
                roundCosts.toArray(long[][]::new), unseatedCost, Arrays.copyOf(current, who.size()));
        int[] runOf = new int[attendees];
        Arrays.fill(runOf, -1);
        int filled = 0;
        long cost = 0;
        for (int p = 0; p < result.length; p++) {
            if (result[p] >= 0) {
                runOf[who.get(p)] = inRound.get(roundOptions.get(p)[result[p]]);
                filled++;
                cost += rawCosts.get(p)[result[p]];
            }
        }
        return new RoundOptimum(filled, cost, runOf);
    }

    /** Attendees × runs above which {@link #transport} declines: its cost tables take 16 bytes a cell. */
    private static final long MAX_TRANSPORT_CELLS = 20_000_000;

    /**
     * Rooms above which {@link #transport} declines: {@link RoundTransport} cancels cycles with Bellman-Ford over the
     * rooms, O(rooms³) a cycle, where a seating from scratch costs O(rooms²) an attendee.
     */
    private static final int MAX_TRANSPORT_ROOMS = 24;

    /** The attendees' costs per run as {@link RoundTransport} reads them (built on first use). */
    private RoundTransport.Costs transportCosts;

    /**
     * Round {@code r}'s seating {@code runOf} (an optimum of {@link #solveRound}) as a {@link RoundTransport} that
     * moves of the timetable can update, or null when a room of the round holds two runs with seats, or a run with
     * seats has no room (then only {@link #solveRound} covers it).
     */
    RoundTransport transport(int r, int[] roundOf, int[] roomOf, int[] seatLimits, int rooms, int[] runOf) {
        if ((long) seats.length * runs.size() > MAX_TRANSPORT_CELLS || rooms > MAX_TRANSPORT_ROOMS) {
            return null;
        }
        int[] runAt = new int[rooms];
        int[] limits = new int[rooms];
        Arrays.fill(runAt, -1);
        for (int x = 0; x < runs.size(); x++) {
            if (roundOf[x] != r || seatLimits[x] <= 0) {
                continue;
            }
            if (roomOf[x] < 0 || runAt[roomOf[x]] >= 0) {
                return null;
            }
            runAt[roomOf[x]] = x;
            limits[roomOf[x]] = seatLimits[x];
        }
        boolean[] member = new boolean[seats.length];
        for (int a = 0; a < seats.length; a++) {
            member[a] = openRound[a][r];
        }
        return RoundTransport.of(transportCosts(rooms), runAt, limits, member, runOf);
    }

    private synchronized RoundTransport.Costs transportCosts(int rooms) {
        if (transportCosts == null || transportCosts.rooms() != rooms) {
            int runCount = runs.size();
            long[] optimised = new long[seats.length * runCount];
            long[] reported = new long[seats.length * runCount];
            Arrays.fill(optimised, RoundTransport.NONE);
            for (int a = 0; a < seats.length; a++) {
                for (int o = 0; o < options[a].length; o++) {
                    optimised[a * runCount + options[a][o]] = preferenceWeight > 0 ? costs[a][o] : 0;
                    reported[a * runCount + options[a][o]] = costs[a][o];
                }
            }
            transportCosts = new RoundTransport.Costs(seats.length, runCount, rooms, optimised, reported,
                    preferenceWeight > 0 ? maxCost : 0);
        }
        return transportCosts;
    }

    /** Per attendee: the run (index) they hold in round {@code r} now, -1 for none; runs placed as {@code roundOf}. */
    int[] holding(int r, int[] roundOf) {
        int[] holding = new int[seats.length];
        Arrays.fill(holding, -1);
        for (int a = 0; a < seats.length; a++) {
            for (Seat seat : seats[a]) {
                Integer x = seat.getRun() == null ? null : runIndex.get(seat.getRun());
                if (x != null && roundOf[x] == r && holding[a] < 0) {
                    holding[a] = x;
                }
            }
        }
        return holding;
    }

    /**
     * Every unpinned seat with its run (null = empty) for the seating {@code runOfByRound} (per round, per attendee:
     * the run index, -1 for none); seats that hold one of the attendee's runs keep it.
     */
    Map<Seat, SessionRun> seatsFor(int[][] runOfByRound) {
        boolean[][] free = new boolean[seats.length][];
        int[][] assigned = new int[seats.length][];
        for (int a = 0; a < seats.length; a++) {
            free[a] = new boolean[seats[a].length];
            Arrays.fill(free[a], true);
            int count = 0;
            int[] runsOfAttendee = new int[runOfByRound.length];
            for (int[] runOf : runOfByRound) {
                if (runOf[a] >= 0) {
                    runsOfAttendee[count++] = runOf[a];
                }
            }
            assigned[a] = Arrays.copyOf(runsOfAttendee, count);
        }
        Map<Seat, SessionRun> seating = toSeats(free, assigned);
        if (seating == null) {
            throw new IllegalStateException("more runs than unpinned seats for an attendee");
        }
        return seating;
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

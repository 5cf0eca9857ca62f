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
import org.breakout.domain.Round;
import org.breakout.domain.Session;

/**
 * The seating problem in the compact form the capacity Lagrangian prices ({@link CapacityLagrangian}): seat
 * <em>pairs</em> (session, round) and the capacity <em>resources</em> each uses, every attendee's free rounds, ranked
 * sessions and their pairs, and the shared options for unranked seats; and each attendee's best seats at given prices
 * ({@link #solveAttendee}, a {@link RoundSessionAssignment}). Prices and costs are in units of
 * 1/{@link CapacityLagrangian#SCALE}. Read-only after construction, so attendees can be solved in parallel, each
 * thread with its own {@link Work}.
 */
final class PricedProblem {

    final SeatingModel model;

    // Pairs (session, round) that can take seats, and the resources each uses.
    final List<Session> pairSession = new ArrayList<>();
    final List<Round> pairRound = new ArrayList<>();
    int[][] pairResources;
    long[] capacity;

    // Attendees, flat: rounds (indexes into model.rounds), ranked sessions with costs, their pair per round.
    final int attendeeCount;
    final int[] attendeeIndex;
    final int[] roundStart;
    final int[] roundOf;
    final int[] sessionStart;
    final long[] sessionCost;
    final Session[] sessionOf;
    /** Per (attendee's ranked session, attendee's round): the pair, or −1. Offsets: sessionStart × rounds. */
    final int[] pairOffset;
    final int[] pairOf;
    /**
     * The same without the −1s: per attendee's ranked session (index {@code sessionStart[a] + s}), from
     * {@code rankedPairStart[k]} to {@code rankedPairStart[k + 1]}, the attendee's rounds that have a pair of it
     * ({@code rankedPairRound}, in round order) and that pair ({@code rankedPair}). Most sessions run in one round, so
     * the attendee's problem scans these instead of sessions × rounds ({@code huge}: 472 runs of 400 sessions in 8
     * rounds).
     */
    final int[] rankedPairStart;
    final int[] rankedPairRound;
    final int[] rankedPair;
    final int[] limit;
    final int[] group;
    final long[] unrankedCost;
    /** Per unranked group and round: the pairs of its sessions with one run (one shared option per round). */
    final List<int[][]> groupPairs = new ArrayList<>();
    /** Per unranked group and round: the pairs of its sessions with runs in several rounds (a column each). */
    final List<int[][]> groupOwnColumnPairs = new ArrayList<>();

    final long maxSeatCost;
    /** Per pair: the index of its session in the model. */
    final int[] pairSessionIndex;
    /** Per attendee: the sessions they ranked, as bits over the session indexes. */
    final long[] rankedBits;
    final int rankedWords;

    /** Whether every seat costs 0 (the problem of the most seats, {@link CapacityLagrangian#maxSeats}). */
    final boolean seatsOnly;

    PricedProblem(SeatingModel model) {
        this(model, false);
    }

    PricedProblem(SeatingModel model, boolean seatsOnly) {
        this.model = model;
        this.seatsOnly = seatsOnly;
        int roundCount = model.rounds.size();
        Map<Round, Integer> roundIndex = new LinkedHashMap<>();
        for (int r = 0; r < roundCount; r++) {
            roundIndex.put(model.rounds.get(r), r);
        }
        // Pairs and resources.
        Map<Session, int[]> pairIndex = new LinkedHashMap<>();
        List<long[]> resourceCaps = new ArrayList<>();
        List<int[]> resources = new ArrayList<>();
        Map<Session, Integer> sessionResource = new LinkedHashMap<>();
        Map<Round, Integer> roundResource = new LinkedHashMap<>();
        boolean open = !model.timetableFixed();
        List<Long> caps = new ArrayList<>();
        for (Session session : model.sessions) {
            if (open && model.capacityBinds(session)) {
                sessionResource.put(session, caps.size());
                caps.add(model.capacity(session));
            }
        }
        for (Round round : model.rounds) {
            if (open && model.capacityBinds(round)) {
                roundResource.put(round, caps.size());
                caps.add(model.capacity(round));
            }
        }
        for (Session session : model.sessions) {
            int[] perRound = new int[roundCount];
            Arrays.fill(perRound, -1);
            for (int r = 0; r < roundCount; r++) {
                Round round = model.rounds.get(r);
                long cap = model.capacity(session, round);
                if (cap <= 0) {
                    continue;
                }
                perRound[r] = pairSession.size();
                pairSession.add(session);
                pairRound.add(round);
                List<Integer> uses = new ArrayList<>();
                uses.add(caps.size());
                caps.add(cap);
                if (sessionResource.containsKey(session)) {
                    uses.add(sessionResource.get(session));
                }
                if (roundResource.containsKey(round)) {
                    uses.add(roundResource.get(round));
                }
                resources.add(uses.stream().mapToInt(Integer::intValue).toArray());
            }
            pairIndex.put(session, perRound);
        }
        pairResources = resources.toArray(new int[0][]);
        Map<Session, Integer> sessionIndex = new HashMap<>();
        for (Session session : model.sessions) {
            sessionIndex.put(session, sessionIndex.size());
        }
        pairSessionIndex = pairSession.stream().mapToInt(sessionIndex::get).toArray();
        rankedWords = (model.sessions.size() + 63) / 64;
        capacity = caps.stream().mapToLong(Long::longValue).toArray();

        // Unranked seats go through a shared cheapest-pair option per round, except, on a fixed timetable, in
        // sessions with runs in several rounds: those get a column of their own, so that "never twice the same
        // session" holds for them too. A session with one run cannot be taken twice anyway, so on a fixed timetable
        // the relaxation is exactly the LP's.
        Set<Session> ownColumn = new HashSet<>();
        if (!open) {
            for (Map.Entry<Session, int[]> entry : pairIndex.entrySet()) {
                if (Arrays.stream(entry.getValue()).filter(p -> p >= 0).count() > 1) {
                    ownColumn.add(entry.getKey());
                }
            }
        }

        // Attendees.
        List<SeatingModel.AttendeeSlots> slotsList = model.attendees;
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < slotsList.size(); i++) {
            SeatingModel.AttendeeSlots slots = slotsList.get(i);
            if (slots.remainingSeats > 0 && !slots.freeRounds.isEmpty()) {
                kept.add(i);
            }
        }
        attendeeCount = kept.size();
        attendeeIndex = kept.stream().mapToInt(Integer::intValue).toArray();
        rankedBits = new long[attendeeCount * rankedWords];
        for (int a = 0; a < attendeeCount; a++) {
            Attendee attendee = slotsList.get(attendeeIndex[a]).attendee;
            for (Session session : model.sessions) {
                if (attendee.ranked(session)) {
                    int index = sessionIndex.get(session);
                    rankedBits[a * rankedWords + (index >>> 6)] |= 1L << index;
                }
            }
        }
        roundStart = new int[attendeeCount + 1];
        sessionStart = new int[attendeeCount + 1];
        pairOffset = new int[attendeeCount + 1];
        limit = new int[attendeeCount];
        group = new int[attendeeCount];
        unrankedCost = new long[attendeeCount];
        List<Integer> rounds = new ArrayList<>();
        List<Long> costs = new ArrayList<>();
        List<Session> sessionsOf = new ArrayList<>();
        List<Integer> pairs = new ArrayList<>();
        Map<List<Session>, Integer> groups = new LinkedHashMap<>();
        long maxCost = 0;
        for (int a = 0; a < attendeeCount; a++) {
            SeatingModel.AttendeeSlots slots = slotsList.get(attendeeIndex[a]);
            roundStart[a] = rounds.size();
            sessionStart[a] = costs.size();
            pairOffset[a] = pairs.size();
            limit[a] = slots.remainingSeats;
            List<Integer> myRounds = new ArrayList<>();
            for (Round round : slots.freeRounds) {
                myRounds.add(roundIndex.get(round));
            }
            rounds.addAll(myRounds);
            boolean unranked = false;
            for (Session session : slots.sessions) {
                if (!slots.attendee.ranked(session)) {
                    unranked = true;
                    continue;
                }
                int[] perRound = pairIndex.get(session);
                boolean any = false;
                for (int r : myRounds) {
                    any |= perRound[r] >= 0;
                }
                if (!any) {
                    continue;
                }
                long cost = seatsOnly ? 0 : model.settings.seatCost(slots.attendee, session);
                maxCost = Math.max(maxCost, cost);
                costs.add(cost);
                sessionsOf.add(session);
                for (int r : myRounds) {
                    pairs.add(perRound[r]);
                }
            }
            group[a] = -1;
            if (unranked) {
                Session any = slots.sessions.stream().filter(s -> !slots.attendee.ranked(s)).findFirst().get();
                unrankedCost[a] = seatsOnly ? 0 : model.settings.seatCost(slots.attendee, any);
                maxCost = Math.max(maxCost, unrankedCost[a]);
                group[a] = groups.computeIfAbsent(slots.sessions, list -> {
                    int[][] shared = new int[roundCount][];
                    int[][] own = new int[roundCount][];
                    for (int r = 0; r < roundCount; r++) {
                        List<Integer> sharedInRound = new ArrayList<>();
                        List<Integer> ownInRound = new ArrayList<>();
                        for (Session session : list) {
                            int pair = pairIndex.get(session)[r];
                            if (pair >= 0) {
                                (ownColumn.contains(session) ? ownInRound : sharedInRound).add(pair);
                            }
                        }
                        shared[r] = sharedInRound.stream().mapToInt(Integer::intValue).toArray();
                        own[r] = ownInRound.stream().mapToInt(Integer::intValue).toArray();
                    }
                    groupPairs.add(shared);
                    groupOwnColumnPairs.add(own);
                    return groupPairs.size() - 1;
                });
            }
        }
        roundStart[attendeeCount] = rounds.size();
        sessionStart[attendeeCount] = costs.size();
        pairOffset[attendeeCount] = pairs.size();
        roundOf = rounds.stream().mapToInt(Integer::intValue).toArray();
        sessionCost = costs.stream().mapToLong(Long::longValue).toArray();
        sessionOf = sessionsOf.toArray(new Session[0]);
        pairOf = pairs.stream().mapToInt(Integer::intValue).toArray();
        maxSeatCost = maxCost;
        rankedPairStart = new int[sessionStart[attendeeCount] + 1];
        int entries = 0;
        for (int pair : pairOf) {
            entries += pair >= 0 ? 1 : 0;
        }
        rankedPairRound = new int[entries];
        rankedPair = new int[entries];
        int e = 0;
        for (int a = 0; a < attendeeCount; a++) {
            int n = roundStart[a + 1] - roundStart[a];
            for (int k = sessionStart[a]; k < sessionStart[a + 1]; k++) {
                rankedPairStart[k] = e;
                for (int i = 0; i < n; i++) {
                    int pair = pairOf[pairOffset[a] + (k - sessionStart[a]) * n + i];
                    if (pair >= 0) {
                        rankedPairRound[e] = i;
                        rankedPair[e++] = pair;
                    }
                }
            }
        }
        rankedPairStart[sessionStart[attendeeCount]] = e;
    }

    long[] pairPrices(long[] lambda) {
        long[] prices = new long[pairResources.length];
        for (int p = 0; p < prices.length; p++) {
            long sum = 0;
            for (int k : pairResources[p]) {
                sum += lambda[k];
            }
            prices[p] = sum;
        }
        return prices;
    }

    /** Per group and round: {cheapest price, its pair} among all pairs. */
    long[][][] cheapestPerGroup(long[] price) {
        long[][][] cheapest = new long[groupPairs.size()][][];
        for (int g = 0; g < groupPairs.size(); g++) {
            cheapest[g] = cheapestInGroup(g, price, null);
        }
        return cheapest;
    }

    /**
     * Per round: {cheapest price, its pair} among the group's pairs with room ({@code full} null: all), and the
     * cheapest price among its sessions with runs in several rounds (the attendee's own columns; it lets
     * {@link #solveAttendee} skip a round none of them can win).
     */
    long[][] cheapestInGroup(int g, long[] price, boolean[] full) {
        int[][] perRound = groupPairs.get(g);
        int[][] ownColumns = groupOwnColumnPairs.get(g);
        long[][] cheapest = new long[perRound.length][];
        for (int r = 0; r < perRound.length; r++) {
            long best = Long.MAX_VALUE;
            long bestPair = -1;
            for (int pair : perRound[r]) {
                if ((full == null || !full[pair]) && price[pair] < best) {
                    best = price[pair];
                    bestPair = pair;
                }
            }
            long bestOwnColumn = Long.MAX_VALUE;
            for (int pair : ownColumns[r]) {
                if ((full == null || !full[pair]) && price[pair] < bestOwnColumn) {
                    bestOwnColumn = price[pair];
                }
            }
            cheapest[r] = new long[] {best, bestPair, bestOwnColumn};
        }
        return cheapest;
    }

    /**
     * {@code Work.choice} of a round that took a ranked session whose only useful round it is (such sessions share
     * the round's private option instead of taking a column); its pair is in {@code Work.seatPair}.
     */
    static final int SINGLE = -3;

    static final class Work {
        long[] edge = new long[64];
        long[] own = new long[16];
        long[] singleCost = new long[16];
        int[] singlePair = new int[16];
        boolean[] singleWon = new boolean[16];
        boolean[] ownIsSeat = new boolean[16];
        int[] choice = new int[16];
        int[] seatPair = new int[16];
        int[] column = new int[16];
        final RoundSessionAssignment assignment = new RoundSessionAssignment();

        /** Per extra column (an unranked session with several runs): its pair per round, and its session. */
        int[] extraPair = new int[64];
        Session[] extraSession = new Session[8];

        void ensureExtra(int columns, int rounds) {
            if (extraPair.length < columns * rounds) {
                extraPair = Arrays.copyOf(extraPair, Math.max(2 * extraPair.length, columns * rounds));
            }
            if (extraSession.length < columns) {
                extraSession = Arrays.copyOf(extraSession, Math.max(2 * extraSession.length, columns));
            }
        }

        void ensure(int rounds, int sessions) {
            if (column.length < sessions) {
                column = Arrays.copyOf(column, sessions);
            }
            if (own.length < rounds) {
                own = new long[rounds];
                singleCost = new long[rounds];
                singlePair = new int[rounds];
                singleWon = new boolean[rounds];
                ownIsSeat = new boolean[rounds];
                choice = new int[rounds];
                seatPair = new int[rounds];
            }
            if (edge.length < rounds * sessions) {
                edge = new long[rounds * sessions];
            }
        }
    }

    /**
     * Solves attendee a's problem at the given pair prices (pairs marked {@code full} not allowed); leaves in
     * {@code work.seatPair} the pair taken per round (−1 for none) and returns the least cost, in scaled units.
     */
    long solveAttendee(int a, long[] price, long mu, long[][][] cheapest, boolean[] full, Work work) {
        return solveAttendee(a, price, mu, group[a] >= 0 ? cheapest[group[a]] : null, full, work);
    }

    long solveAttendee(int a, long[] price, long mu, long[][] cheapest, boolean[] full, Work work) {
        int n = roundStart[a + 1] - roundStart[a];
        int m = sessionStart[a + 1] - sessionStart[a];
        work.ensure(n, m);
        int base = pairOffset[a];
        int g = group[a];
        for (int i = 0; i < n; i++) {
            long own = 0;
            if (g >= 0) {
                long[] best = cheapest[roundOf[roundStart[a] + i]];
                if (best[1] >= 0) {
                    own = Math.min(0, unrankedCost[a] * CapacityLagrangian.SCALE - mu + best[0]);
                }
            }
            work.own[i] = own;
            work.ownIsSeat[i] = own < 0;
        }
        // A round's own option (an empty seat or the cheapest shared unranked one) is always there and nobody else
        // takes it, so an edge that is not cheaper can be left out; a session without such an edge gets no column.
        // A session with such an edge in one round only cannot clash with another round: it competes for that
        // round's private option instead of taking a column (most sessions run once, so most attendees end with
        // few columns or none).
        Arrays.fill(work.singleCost, 0, n, Long.MAX_VALUE);
        int columns = 0;
        for (int s = 0; s < m; s++) {
            long seatCost = sessionCost[sessionStart[a] + s] * CapacityLagrangian.SCALE - mu;
            int usefulRounds = 0;
            int usefulRound = -1;
            int k = sessionStart[a] + s;
            for (int e = rankedPairStart[k]; e < rankedPairStart[k + 1]; e++) {
                int i = rankedPairRound[e];
                int pair = rankedPair[e];
                if ((full == null || !full[pair]) && seatCost + price[pair] < work.own[i]) {
                    usefulRounds++;
                    usefulRound = i;
                }
            }
            if (usefulRounds > 1) {
                work.column[columns++] = s;
            } else if (usefulRounds == 1) {
                int pair = pairOf[base + s * n + usefulRound];
                if (seatCost + price[pair] < work.singleCost[usefulRound]) {
                    work.singleCost[usefulRound] = seatCost + price[pair];
                    work.singlePair[usefulRound] = pair;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            work.singleWon[i] = work.singleCost[i] < work.own[i];
            if (work.singleWon[i]) {
                work.own[i] = work.singleCost[i];
                work.ownIsSeat[i] = true;
            }
        }
        int ranked = columns;
        // Unranked sessions with runs in several rounds: a column for each that beats a round's own option there.
        if (g >= 0) {
            long seatCost = unrankedCost[a] * CapacityLagrangian.SCALE - mu;
            int[][] perRound = groupOwnColumnPairs.get(g);
            for (int i = 0; i < n; i++) {
                int round = roundOf[roundStart[a] + i];
                if (cheapest[round][2] == Long.MAX_VALUE || seatCost + cheapest[round][2] >= work.own[i]) {
                    continue; // no session of this round beats the round's own option
                }
                for (int pair : perRound[round]) {
                    if ((full == null || !full[pair]) && seatCost + price[pair] < work.own[i]
                            && !ranks(a, pairSessionIndex[pair])) {
                        Session session = pairSession.get(pair);
                        int c = ranked;
                        while (c < columns && work.extraSession[c - ranked] != session) {
                            c++;
                        }
                        if (c == columns) {
                            work.ensureExtra(columns - ranked + 1, n);
                            Arrays.fill(work.extraPair, (c - ranked) * n, (c - ranked + 1) * n, -1);
                            work.extraSession[c - ranked] = session;
                            columns++;
                        }
                        work.extraPair[(c - ranked) * n + i] = pair;
                    }
                }
            }
        }
        work.ensure(n, columns);
        for (int c = 0; c < columns; c++) {
            long seatCost = c < ranked ? sessionCost[sessionStart[a] + work.column[c]] * CapacityLagrangian.SCALE - mu
                    : unrankedCost[a] * CapacityLagrangian.SCALE - mu;
            for (int i = 0; i < n; i++) {
                int pair = columnPair(a, c, ranked, i, n, base, work);
                long cost = pair < 0 || full != null && full[pair] ? RoundSessionAssignment.NONE
                        : seatCost + price[pair];
                work.edge[i * columns + c] = cost < work.own[i] ? cost : RoundSessionAssignment.NONE;
            }
        }
        long total = work.assignment.solve(n, columns, work.edge, work.own, work.ownIsSeat, limit[a], work.choice);
        for (int i = 0; i < n; i++) {
            int choice = work.choice[i];
            if (choice >= 0) {
                work.seatPair[i] = columnPair(a, choice, ranked, i, n, base, work);
            } else if (choice == RoundSessionAssignment.OWN && work.singleWon[i]) {
                work.choice[i] = SINGLE;
                work.seatPair[i] = work.singlePair[i];
            } else if (choice == RoundSessionAssignment.OWN) {
                work.seatPair[i] = (int) cheapest[roundOf[roundStart[a] + i]][1];
            } else {
                work.seatPair[i] = -1;
            }
        }
        return total;
    }

    /** Whether attendee a ranked the session with this index. */
    boolean ranks(int a, int session) {
        return (rankedBits[a * rankedWords + (session >>> 6)] & (1L << session)) != 0;
    }

    /** The pair of column c in the attendee's round i (−1 if none). */
    int columnPair(int a, int c, int ranked, int i, int n, int base, Work work) {
        return c < ranked ? pairOf[base + work.column[c] * n + i] : work.extraPair[(c - ranked) * n + i];
    }

    int unrankedPair(int g, int round, long[] price, boolean[] full, List<Session> taken) {
        int best = -1;
        for (int pair : groupPairs.get(g)[round]) {
            if (!full[pair] && !taken.contains(pairSession.get(pair)) && (best < 0 || price[pair] < price[best])) {
                best = pair;
            }
        }
        return best;
    }

    boolean isFull(int pair, long[] left) {
        for (int k : pairResources[pair]) {
            if (left[k] <= 0) {
                return true;
            }
        }
        return false;
    }

    /** Marks every pair that uses the resource full; returns how many were not yet. */
    int markFull(int resource, long[] left, boolean[] full) {
        int marked = 0;
        for (int p = 0; p < pairResources.length; p++) {
            if (!full[p]) {
                for (int k : pairResources[p]) {
                    if (k == resource) {
                        full[p] = true;
                        marked++;
                        break;
                    }
                }
            }
        }
        return marked;
    }

    long costOf(List<CapacityLagrangian.SeatChoice> seats) {
        if (seatsOnly) {
            return 0;
        }
        long cost = 0;
        for (CapacityLagrangian.SeatChoice seat : seats) {
            cost += model.settings.seatCost(model.attendees.get(seat.attendee()).attendee, seat.session());
        }
        return cost;
    }
}

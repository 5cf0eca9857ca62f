package org.breakout.bound;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

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
        attendeeIndex = IntStream.range(0, slotsList.size()).filter(i -> priced(slotsList.get(i))).toArray();
        attendeeCount = attendeeIndex.length;
        rankedBits = new long[attendeeCount * rankedWords];
        for (int a = 0; a < attendeeCount; a++) {
            Attendee attendee = slotsList.get(attendeeIndex[a]).attendee;
            for (Session session : attendee.ranks().keySet()) {
                Integer index = sessionIndex.get(session);
                if (index != null) {
                    rankedBits[a * rankedWords + (index >>> 6)] |= 1L << index;
                }
            }
        }
        // Attendees with the same tags share one list of sessions they may take (SeatingModel): its indexes, as bits,
        // are worked out once per list, and each attendee's ranked sessions are looked up in them, in session order
        // (the lists' order), instead of every session they may take being checked (50,000 × 400 on huge).
        Map<List<Session>, long[]> mayTakeBits = new IdentityHashMap<>();
        int[][] pairsOfSession = model.sessions.stream().map(pairIndex::get).toArray(int[][]::new);
        Map<List<Session>, Integer> groupOfList = new IdentityHashMap<>();
        roundStart = new int[attendeeCount + 1];
        sessionStart = new int[attendeeCount + 1];
        pairOffset = new int[attendeeCount + 1];
        limit = new int[attendeeCount];
        group = new int[attendeeCount];
        unrankedCost = new long[attendeeCount];
        // Primitive builders: boxed lists of the pairs (ranked sessions × rounds, 10 million on huge) took seconds.
        IntStream.Builder rounds = IntStream.builder();
        LongStream.Builder costs = LongStream.builder();
        List<Session> sessionsOf = new ArrayList<>();
        IntStream.Builder pairs = IntStream.builder();
        int roundCursor = 0;
        int pairCursor = 0;
        Map<List<Session>, Integer> groups = new LinkedHashMap<>();
        long maxCost = 0;
        for (int a = 0; a < attendeeCount; a++) {
            SeatingModel.AttendeeSlots slots = slotsList.get(attendeeIndex[a]);
            roundStart[a] = roundCursor;
            sessionStart[a] = sessionsOf.size();
            pairOffset[a] = pairCursor;
            limit[a] = slots.remainingSeats;
            int[] myRounds = new int[slots.freeRounds.size()];
            for (int i = 0; i < myRounds.length; i++) {
                myRounds[i] = roundIndex.get(slots.freeRounds.get(i));
                rounds.add(myRounds[i]);
            }
            roundCursor += myRounds.length;
            long[] mayTake = mayTakeBits.computeIfAbsent(slots.sessions, list -> {
                long[] bits = new long[rankedWords];
                for (Session session : list) {
                    int index = sessionIndex.get(session);
                    bits[index >>> 6] |= 1L << index;
                }
                return bits;
            });
            int rankedTaken = 0;
            for (int w = 0; w < rankedWords; w++) {
                rankedTaken += Long.bitCount(rankedBits[a * rankedWords + w] & mayTake[w]);
            }
            boolean unranked = rankedTaken < slots.sessions.size();
            for (int w = 0; w < rankedWords; w++) {
                for (long bits = rankedBits[a * rankedWords + w] & mayTake[w]; bits != 0; bits &= bits - 1) {
                    int index = w * 64 + Long.numberOfTrailingZeros(bits);
                    Session session = model.sessions.get(index);
                    int[] perRound = pairsOfSession[index];
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
                    pairCursor += myRounds.length;
                }
            }
            group[a] = -1;
            if (unranked) {
                Session any = slots.sessions.stream().filter(s -> !slots.attendee.ranked(s)).findFirst().get();
                unrankedCost[a] = seatsOnly ? 0 : model.settings.seatCost(slots.attendee, any);
                maxCost = Math.max(maxCost, unrankedCost[a]);
                group[a] = groupOfList.computeIfAbsent(slots.sessions, list -> groups.computeIfAbsent(list,
                        key -> newGroup(key, roundCount, pairIndex, ownColumn)));
            }
        }
        roundStart[attendeeCount] = roundCursor;
        sessionStart[attendeeCount] = sessionsOf.size();
        pairOffset[attendeeCount] = pairCursor;
        roundOf = rounds.build().toArray();
        sessionCost = costs.build().toArray();
        sessionOf = sessionsOf.toArray(new Session[0]);
        pairOf = pairs.build().toArray();
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

    /**
     * A group of attendees who may take the same sessions: per round, the pairs of its sessions with one run (one
     * shared option per round) and of those with runs in several rounds (a column each); returns its index.
     */
    private int newGroup(List<Session> sessions, int roundCount, Map<Session, int[]> pairIndex,
            Set<Session> ownColumn) {
        int[][] shared = new int[roundCount][];
        int[][] own = new int[roundCount][];
        for (int r = 0; r < roundCount; r++) {
            List<Integer> sharedInRound = new ArrayList<>();
            List<Integer> ownInRound = new ArrayList<>();
            for (Session session : sessions) {
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
    }

    /** Whether the attendee has a seat to price: free wanted rounds and seats left. */
    private static boolean priced(SeatingModel.AttendeeSlots slots) {
        return slots.remainingSeats > 0 && !slots.freeRounds.isEmpty();
    }

    /** The attendees a problem of this model prices ({@link #attendeeCount}), without building it. */
    static int countAttendees(SeatingModel model) {
        return (int) model.attendees.stream().filter(PricedProblem::priced).count();
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
        long[] own = work.own;
        long[] singleCost = work.singleCost;
        int[] singlePair = work.singlePair;
        int sessionsFrom = sessionStart[a];
        for (int k = sessionsFrom; k < sessionsFrom + m; k++) {
            long seatCost = sessionCost[k] * CapacityLagrangian.SCALE - mu;
            int from = rankedPairStart[k];
            int to = rankedPairStart[k + 1];
            if (to - from == 1) {
                // Most sessions run once: no column, only the round's private option to beat.
                // Not compared with own[i] here: the round's cheapest single is, and the outcomes are the same
                // (the first cheapest wins either way). Written without branches: which session is cheapest is
                // data, not a pattern, and mispredicted branches were a fifth of the attendee's problem.
                int i = rankedPairRound[from];
                int pair = rankedPair[from];
                long cost = seatCost + price[pair];
                long current = singleCost[i];
                boolean cheaper = cost < current && (full == null || !full[pair]);
                singleCost[i] = cheaper ? cost : current;
                singlePair[i] = cheaper ? pair : singlePair[i];
                continue;
            }
            int usefulRounds = 0;
            int usefulRound = -1;
            int usefulPair = -1;
            for (int e = from; e < to; e++) {
                int i = rankedPairRound[e];
                int pair = rankedPair[e];
                if ((full == null || !full[pair]) && seatCost + price[pair] < own[i]) {
                    usefulRounds++;
                    usefulRound = i;
                    usefulPair = pair;
                }
            }
            if (usefulRounds > 1) {
                work.column[columns++] = k;
            } else if (usefulRounds == 1 && seatCost + price[usefulPair] < singleCost[usefulRound]) {
                singleCost[usefulRound] = seatCost + price[usefulPair];
                singlePair[usefulRound] = usefulPair;
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
        long[] edge = work.edge;
        for (int c = 0; c < columns; c++) {
            if (c < ranked) {
                // A ranked session's column: its rounds from its entries, the rest no edge.
                int k = work.column[c];
                long seatCost = sessionCost[k] * CapacityLagrangian.SCALE - mu;
                for (int i = 0; i < n; i++) {
                    edge[i * columns + c] = RoundSessionAssignment.NONE;
                }
                for (int e = rankedPairStart[k]; e < rankedPairStart[k + 1]; e++) {
                    int i = rankedPairRound[e];
                    int pair = rankedPair[e];
                    long cost = full != null && full[pair] ? RoundSessionAssignment.NONE : seatCost + price[pair];
                    if (cost < own[i]) {
                        edge[i * columns + c] = cost;
                    }
                }
                continue;
            }
            long seatCost = unrankedCost[a] * CapacityLagrangian.SCALE - mu;
            for (int i = 0; i < n; i++) {
                int pair = work.extraPair[(c - ranked) * n + i];
                long cost = pair < 0 || full != null && full[pair] ? RoundSessionAssignment.NONE
                        : seatCost + price[pair];
                edge[i * columns + c] = cost < own[i] ? cost : RoundSessionAssignment.NONE;
            }
        }
        long total = work.assignment.solve(n, columns, work.edge, work.own, work.ownIsSeat, limit[a], work.choice);
        for (int i = 0; i < n; i++) {
            int choice = work.choice[i];
            if (choice >= 0) {
                work.seatPair[i] = columnPair(choice, ranked, i, n, work);
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
    private int columnPair(int c, int ranked, int i, int n, Work work) {
        if (c >= ranked) {
            return work.extraPair[(c - ranked) * n + i];
        }
        int k = work.column[c];
        for (int e = rankedPairStart[k]; e < rankedPairStart[k + 1]; e++) {
            if (rankedPairRound[e] == i) {
                return rankedPair[e];
            }
        }
        return -1;
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

    /**
     * Attendee a's preference cost of a seat in the pair's session, as {@link #costOf} counts it, without its map
     * lookups (a seating from prices every few steps costs 330,000 seats on huge).
     */
    long seatCost(int a, int pair) {
        if (seatsOnly) {
            return 0;
        }
        if (!ranks(a, pairSessionIndex[pair])) {
            return unrankedCost[a];
        }
        Session session = pairSession.get(pair);
        for (int k = sessionStart[a]; k < sessionStart[a + 1]; k++) {
            if (sessionOf[k] == session) {
                return sessionCost[k];
            }
        }
        return model.settings.seatCost(model.attendees.get(attendeeIndex[a]).attendee, session);
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

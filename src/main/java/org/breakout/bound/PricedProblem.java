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
 * sessions and their pairs, and the shared options for unranked seats. Each attendee's best seats at given prices are
 * an {@link AttendeeProblem}. Prices and costs are in units of 1/{@link CapacityLagrangian#SCALE}. Read-only after
 * construction, so attendees can be solved in parallel, each thread with its own {@link AttendeeProblem}.
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
    /**
     * Per attendee's ranked session (index {@code sessionStart[a] + s}), from
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

    /** The highest seat price the Lagrangian uses, in cost units: far above what any seat costs. */
    long maxSeatPrice() {
        return 16 * (maxSeatCost + 1);
    }
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
        // Per (attendee's ranked session, attendee's round): the pair, or −1; only to build the entries below (kept,
        // it was 40 MB on huge).
        int[] pairOffset = new int[attendeeCount + 1];
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
        int[] pairOf = pairs.build().toArray();
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
     * {@link AttendeeProblem#solve} skip a round none of them can win).
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

    /** Whether attendee a ranked the session with this index. */
    boolean ranks(int a, int session) {
        return (rankedBits[a * rankedWords + (session >>> 6)] & (1L << session)) != 0;
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

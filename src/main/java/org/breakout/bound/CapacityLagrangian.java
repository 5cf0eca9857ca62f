package org.breakout.bound;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.breakout.domain.Attendee;
import org.breakout.domain.Round;
import org.breakout.domain.Session;

/**
 * The Lagrangian relaxation of the seat capacities: a lower bound on the least preference cost of any seating that
 * fills a given number of seats, as tight as the seating's linear-programming relaxation, and prices that lead to a
 * good seating.
 * <p>
 * <b>The relaxation.</b> A seat is an (attendee, session, round) triple; it uses <em>resources</em>: its (session,
 * round) pair (capacity {@code U(s,r)}: on a fixed timetable the run's seats left), and on an open timetable also
 * its session ({@code U(s)}) and its round ({@code V(r)}) where those totals are tighter than the pairs' sum (see
 * {@link SeatingModel}). Pricing every resource at λ ≥ 0 and the seat count at μ ≥ 0 (for the constraint "at least
 * {@code seats} seats") leaves one small problem per attendee: give each free wanted round at most one session and
 * each session at most one round, at cost {@code seatCost − μ + Σ λ}, at most their seats left
 * ({@link RoundSessionAssignment}). For every λ, μ ≥ 0 and every seating with {@code n ≥ seats} seats and cost C:
 * <pre>  C ≥ μ·seats − Σ λ·capacity + Σ_attendees (least cost of their problem)</pre>
 * Each attendee's problem is a bipartite matching (its polytope is integral), so the best λ, μ give exactly the LP
 * bound of the seating — tighter than the flows, each of which drops one of the attendee rules (one seat per round,
 * a session at most once) entirely. Unranked seats of an attendee cost the same in every session: they are one
 * option per round, through the cheapest priced pair of any session the attendee may take in that round (which
 * relaxes "never twice the same session" for unranked seats only, as the flows' hubs do).
 * <p>
 * <b>Solving the dual.</b> Projected subgradient ascent with Polyak's step towards a seating's cost (a feasible seating
 * is built from the prices every few iterations, see {@link #seating}), the step factor halved after iterations
 * without progress. Deterministic: a fixed iteration budget, no clock. All arithmetic on the bound is in integers
 * (costs and prices in units of 1/{@value #SCALE}), so the bound is exact, not a floating-point estimate.
 */
final class CapacityLagrangian {

    static final long SCALE = 1 << 12;
    /** Steps without a better bound before the step factor is halved. */
    private static final int PATIENCE = 20;
    /** Share of the last direction kept in the next. */
    private static final double DEFLECTION = 0.5;
    /** The ascent ends when the step factor falls below this. */
    private static final double MIN_STEP_FACTOR = 1e-4;

    /** A seat of a seating made from the prices. */
    record SeatChoice(int attendee, Session session, Round round) {
    }

    /**
     * @param costBound the proven least cost of a seating with {@code seats} seats (pinned seats not counted)
     * @param seating the best seating built from the prices: seats that keep every rule and every capacity
     * @param seatingSeats its seats
     * @param seatingCost its preference cost
     * @param line the bound at every number of seats: the best dual value at {@code seats} with the seat price as
     *        its slope (null when no step was taken)
     * @param choices the attendees' own best seats at the best prices, cut down to the capacities (may fill fewer
     *        seats than {@code seating}; as a start for a descent it is the better one: it follows the prices)
     */
    record Result(long costBound, List<SeatChoice> seating, long seatingSeats, long seatingCost,
            List<SeatChoice> choices, int iterations, long millis, ObjectiveBound.CostLine line) {
    }

    private final SeatingModel model;
    private final long seatsTarget;

    // Pairs (session, round) that can take seats, and the resources each uses.
    private final List<Session> pairSession = new ArrayList<>();
    private final List<Round> pairRound = new ArrayList<>();
    private int[][] pairResources;
    private long[] capacity;

    // Attendees, flat: rounds (indexes into model.rounds), ranked sessions with costs, their pair per round.
    private final int attendeeCount;
    private final int[] attendeeIndex;
    private final int[] roundStart;
    private final int[] roundOf;
    private final int[] sessionStart;
    private final long[] sessionCost;
    private final Session[] sessionOf;
    /** Per (attendee's ranked session, attendee's round): the pair, or −1. Offsets: sessionStart × rounds. */
    private final int[] pairOffset;
    private final int[] pairOf;
    private final int[] limit;
    private final int[] group;
    private final long[] unrankedCost;
    /** Per unranked group and round: the pairs of its sessions with one run (one shared option per round). */
    private final List<int[][]> groupPairs = new ArrayList<>();
    /** Per unranked group and round: the pairs of its sessions with runs in several rounds (a column each). */
    private final List<int[][]> groupOwnColumnPairs = new ArrayList<>();

    private final long maxSeatCost;
    /** Per pair: the index of its session in the model. */
    private final int[] pairSessionIndex;
    /** Per attendee: the sessions they ranked, as bits over the session indexes. */
    private final long[] rankedBits;
    private final int rankedWords;

    CapacityLagrangian(SeatingModel model, long seatsTarget) {
        this.model = model;
        this.seatsTarget = seatsTarget;
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
        Map<Session, Integer> sessionIndex = new java.util.HashMap<>();
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
        java.util.Set<Session> ownColumn = new java.util.HashSet<>();
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
                long cost = model.settings.seatCost(slots.attendee, session);
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
                unrankedCost[a] = model.settings.seatCost(slots.attendee, any);
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
    }

    /** Prices: per resource λ, and μ for the seat count, in units of 1/{@link #SCALE}. */
    private record Prices(long[] resource, long seat) {
    }

    /** What one evaluation of the dual function gives. */
    private record Evaluation(long value, long[] usage, long seats) {
    }

    /** Attendee problems solved at most, over all steps: keeps the ascent to seconds on big events. */
    static final long MAX_ATTENDEE_SOLVES = 10_000_000;

    /**
     * Whether {@code steps} subgradient steps fit in {@link #MAX_ATTENDEE_SOLVES} attendee problems. Fewer steps
     * than the ascent needs give prices that hurt more than they help: on {@code huge} (50,000 attendees) 200 steps
     * gave a bound below the flows' and, as the seating's start, 359 seats fewer than the round-flow start.
     */
    boolean affords(int steps) {
        return (long) steps * attendeeCount <= MAX_ATTENDEE_SOLVES;
    }

    /**
     * Runs at most {@code iterations} subgradient steps (fewer when the bound meets the seating built from the
     * prices or {@code stop} says so) and returns the best bound and seating found.
     */
    Result solve(int iterations, BooleanSupplier stop) {
        long start = System.nanoTime();
        long[] lambda = new long[capacity.length];
        long mu = (maxSeatCost + 1) * SCALE;
        long muCap = 16 * (maxSeatCost + 1) * SCALE;
        long bestValue = Long.MIN_VALUE;
        long[] bestLambda = lambda.clone();
        long bestMu = mu;
        List<SeatChoice> bestSeating = List.of();
        long bestSeats = -1;
        long bestCost = Long.MAX_VALUE;
        double theta = 1.0;
        double[] direction = new double[lambda.length];
        double muDirection = 0;
        int sinceProgress = 0;
        int done = 0;
        for (int it = 0; it < iterations && !stop.getAsBoolean(); it++) {
            done = it + 1;
            Evaluation evaluation = evaluate(lambda, mu);
            if (evaluation.value() > bestValue) {
                bestValue = evaluation.value();
                bestLambda = lambda.clone();
                bestMu = mu;
                sinceProgress = 0;
            } else if (++sinceProgress >= PATIENCE) {
                theta /= 2;
                sinceProgress = 0;
            }
            if (it % 10 == 0) {
                List<SeatChoice> seating = seating(lambda);
                long seats = seating.size();
                long cost = costOf(seating);
                if (seats > bestSeats || seats == bestSeats && cost < bestCost) {
                    bestSeats = seats;
                    bestCost = cost;
                    bestSeating = seating;
                }
            }
            if (bestSeats >= seatsTarget && ceilDiv(bestValue, SCALE) >= bestCost) {
                break; // the seating reaches the bound: proven optimal
            }
            // Polyak's step towards the best seating's value in the dual's terms.
            double target = (double) bestCost * SCALE - (double) mu * (bestSeats - seatsTarget);
            double gap = Math.max(target - evaluation.value(), 0.001 * Math.abs(target) + SCALE);
            // Deflected subgradient (Camerini–Fratta–Maffioli): the direction keeps half of the last one, which damps
            // the zigzag of plain subgradient steps between runs over and under their capacity.
            long[] usage = evaluation.usage();
            double norm = 0;
            for (int k = 0; k < lambda.length; k++) {
                long g = usage[k] - capacity[k];
                double d = lambda[k] == 0 && g < 0 ? 0 : g + DEFLECTION * direction[k];
                direction[k] = d;
                norm += d * d;
            }
            long seatGradient = seatsTarget - evaluation.seats();
            muDirection = mu == 0 && seatGradient < 0 ? 0 : seatGradient + DEFLECTION * muDirection;
            norm += muDirection * muDirection;
            if (norm == 0 || theta < MIN_STEP_FACTOR) {
                break;
            }
            double step = theta * gap / norm;
            for (int k = 0; k < lambda.length; k++) {
                lambda[k] = Math.max(0, lambda[k] + Math.round(step * direction[k]));
            }
            mu = Math.min(muCap, Math.max(0, mu + Math.round(step * muDirection)));
        }
        List<SeatChoice> choices = done == 0 ? List.of() : trimmedChoices(bestLambda, bestMu);
        long choiceCost = costOf(choices);
        if (choices.size() > bestSeats || choices.size() == bestSeats && choiceCost < bestCost) {
            bestSeats = choices.size();
            bestCost = choiceCost;
            bestSeating = choices;
        }
        long bound = bestValue == Long.MIN_VALUE ? 0 : Math.max(0, ceilDiv(bestValue, SCALE));
        ObjectiveBound.CostLine line = bestValue == Long.MIN_VALUE ? null
                : new ObjectiveBound.CostLine(bestValue, bestMu, seatsTarget, SCALE);
        return new Result(bound, bestSeating, bestSeats, bestCost, choices, done,
                (System.nanoTime() - start) / 1_000_000, line);
    }

    private static long ceilDiv(long x, long y) {
        return -Math.floorDiv(-x, y);
    }

    private long[] pairPrices(long[] lambda) {
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

    /** The dual function at (λ, μ), with the resources' use and the seats of the attendees' own best choices. */
    private Evaluation evaluate(long[] lambda, long mu) {
        long[] price = pairPrices(lambda);
        long[][][] cheapest = cheapestPerGroup(price);
        // Attendees are independent: blocks of them are solved in parallel. The sums are of integers, so the result
        // does not depend on the order (deterministic).
        int blocks = Math.max(1, Math.min(64, attendeeCount / 500));
        Evaluation[] parts = new Evaluation[blocks];
        java.util.stream.IntStream.range(0, blocks).parallel().forEach(block -> {
            int from = (int) ((long) attendeeCount * block / blocks);
            int to = (int) ((long) attendeeCount * (block + 1) / blocks);
            parts[block] = evaluate(from, to, price, mu, cheapest);
        });
        long value = mu * seatsTarget;
        for (int k = 0; k < capacity.length; k++) {
            value -= lambda[k] * capacity[k];
        }
        long[] usage = new long[capacity.length];
        long seats = 0;
        for (Evaluation part : parts) {
            value += part.value();
            seats += part.seats();
            for (int k = 0; k < usage.length; k++) {
                usage[k] += part.usage()[k];
            }
        }
        return new Evaluation(value, usage, seats);
    }

    private Evaluation evaluate(int from, int to, long[] price, long mu, long[][][] cheapest) {
        long[] usage = new long[capacity.length];
        long seats = 0;
        long value = 0;
        Work work = new Work();
        for (int a = from; a < to; a++) {
            value += solveAttendee(a, price, mu, cheapest, null, work);
            int n = roundStart[a + 1] - roundStart[a];
            for (int i = 0; i < n; i++) {
                int pair = work.seatPair[i];
                if (pair >= 0) {
                    seats++;
                    for (int k : pairResources[pair]) {
                        usage[k]++;
                    }
                }
            }
        }
        return new Evaluation(value, usage, seats);
    }

    /** Per group and round: {cheapest price, its pair} among all pairs. */
    private long[][][] cheapestPerGroup(long[] price) {
        long[][][] cheapest = new long[groupPairs.size()][][];
        for (int g = 0; g < groupPairs.size(); g++) {
            cheapest[g] = cheapestInGroup(g, price, null);
        }
        return cheapest;
    }

    /** Per round: {cheapest price, its pair} among the group's pairs with room ({@code full} null: all). */
    private long[][] cheapestInGroup(int g, long[] price, boolean[] full) {
        int[][] perRound = groupPairs.get(g);
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
            cheapest[r] = new long[] {best, bestPair};
        }
        return cheapest;
    }

    private static final class Work {
        long[] edge = new long[64];
        long[] own = new long[16];
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
    private long solveAttendee(int a, long[] price, long mu, long[][][] cheapest, boolean[] full, Work work) {
        return solveAttendee(a, price, mu, group[a] >= 0 ? cheapest[group[a]] : null, full, work);
    }

    private long solveAttendee(int a, long[] price, long mu, long[][] cheapest, boolean[] full, Work work) {
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
                    own = Math.min(0, unrankedCost[a] * SCALE - mu + best[0]);
                }
            }
            work.own[i] = own;
            work.ownIsSeat[i] = own < 0;
        }
        // A round's own option (an empty seat or the cheapest shared unranked one) is always there and nobody else
        // takes it, so an edge that is not cheaper can be left out; a session without such an edge gets no column.
        int columns = 0;
        for (int s = 0; s < m; s++) {
            long seatCost = sessionCost[sessionStart[a] + s] * SCALE - mu;
            boolean useful = false;
            for (int i = 0; i < n; i++) {
                int pair = pairOf[base + s * n + i];
                useful |= pair >= 0 && (full == null || !full[pair]) && seatCost + price[pair] < work.own[i];
            }
            if (useful) {
                work.column[columns++] = s;
            }
        }
        int ranked = columns;
        // Unranked sessions with runs in several rounds: a column for each that beats a round's own option there.
        if (g >= 0) {
            long seatCost = unrankedCost[a] * SCALE - mu;
            int[][] perRound = groupOwnColumnPairs.get(g);
            for (int i = 0; i < n; i++) {
                for (int pair : perRound[roundOf[roundStart[a] + i]]) {
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
            long seatCost = c < ranked ? sessionCost[sessionStart[a] + work.column[c]] * SCALE - mu
                    : unrankedCost[a] * SCALE - mu;
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
            } else if (choice == RoundSessionAssignment.OWN) {
                work.seatPair[i] = (int) cheapest[roundOf[roundStart[a] + i]][1];
            } else {
                work.seatPair[i] = -1;
            }
        }
        return total;
    }

    /** Whether attendee a ranked the session with this index. */
    private boolean ranks(int a, int session) {
        return (rankedBits[a * rankedWords + (session >>> 6)] & (1L << session)) != 0;
    }

    /** The pair of column c in the attendee's round i (−1 if none). */
    private int columnPair(int a, int c, int ranked, int i, int n, int base, Work work) {
        return c < ranked ? pairOf[base + work.column[c] * n + i] : work.extraPair[(c - ranked) * n + i];
    }

    /**
     * A seating that keeps every rule and capacity, made from the prices: attendees in turn take their best seats at
     * those prices among the pairs with room left. Unranked seats go to the cheapest pair with room of a session
     * the attendee does not have yet.
     */
    List<SeatChoice> seating(long[] lambda) {
        long[] price = pairPrices(lambda);
        // Seats first: every seat with room is worth taking, whatever its price.
        long mu = (maxSeatCost + 1) * SCALE + Arrays.stream(price).max().orElse(0) + 1;
        long[] left = capacity.clone();
        boolean[] full = new boolean[pairResources.length];
        for (int p = 0; p < full.length; p++) {
            full[p] = isFull(p, left);
        }
        List<SeatChoice> seats = new ArrayList<>();
        Work work = new Work();
        for (int a = 0; a < attendeeCount; a++) {
            long[][] cheapest = group[a] >= 0 ? cheapestInGroup(group[a], price, full) : null;
            solveAttendee(a, price, mu, cheapest, full, work);
            int n = roundStart[a + 1] - roundStart[a];
            List<Session> taken = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int choice = work.choice[i];
                if (choice >= 0) {
                    taken.add(pairSession.get(work.seatPair[i]));
                }
            }
            for (int i = 0; i < n; i++) {
                int pair = work.seatPair[i];
                if (pair < 0) {
                    continue;
                }
                if (work.choice[i] == RoundSessionAssignment.OWN) {
                    pair = unrankedPair(group[a], roundOf[roundStart[a] + i], price, full, taken);
                    if (pair < 0) {
                        continue;
                    }
                    taken.add(pairSession.get(pair));
                }
                seats.add(new SeatChoice(attendeeIndex[a], pairSession.get(pair), pairRound.get(pair)));
                for (int k : pairResources[pair]) {
                    left[k]--;
                }
                for (int k : pairResources[pair]) {
                    if (left[k] == 0) {
                        markFull(k, left, full);
                    }
                }
            }
        }
        return seats;
    }

    /**
     * The attendees' own best choices at the prices, cut down to the capacities: seats in order of preference cost
     * (cheapest first, then attendee order), each kept when its resources have room and the attendee does not hold
     * its session yet.
     */
    private List<SeatChoice> trimmedChoices(long[] lambda, long mu) {
        long[] price = pairPrices(lambda);
        long[][][] cheapest = cheapestPerGroup(price);
        record Choice(int attendee, int pair, long cost) {
        }
        List<Choice> choices = new ArrayList<>();
        Work work = new Work();
        for (int a = 0; a < attendeeCount; a++) {
            solveAttendee(a, price, mu, cheapest, null, work);
            int n = roundStart[a + 1] - roundStart[a];
            for (int i = 0; i < n; i++) {
                int pair = work.seatPair[i];
                if (pair >= 0) {
                    choices.add(new Choice(a, pair, model.settings
                            .seatCost(model.attendees.get(attendeeIndex[a]).attendee, pairSession.get(pair))));
                }
            }
        }
        choices.sort(java.util.Comparator.comparingLong(Choice::cost));
        long[] left = capacity.clone();
        Map<Integer, List<Session>> held = new LinkedHashMap<>();
        List<SeatChoice> seats = new ArrayList<>();
        for (Choice choice : choices) {
            if (isFull(choice.pair(), left)) {
                continue;
            }
            List<Session> mine = held.computeIfAbsent(choice.attendee(), x -> new ArrayList<>());
            Session session = pairSession.get(choice.pair());
            if (mine.contains(session)) {
                continue;
            }
            mine.add(session);
            for (int k : pairResources[choice.pair()]) {
                left[k]--;
            }
            seats.add(new SeatChoice(attendeeIndex[choice.attendee()], session, pairRound.get(choice.pair())));
        }
        return seats;
    }

    private int unrankedPair(int g, int round, long[] price, boolean[] full, List<Session> taken) {
        int best = -1;
        for (int pair : groupPairs.get(g)[round]) {
            if (!full[pair] && !taken.contains(pairSession.get(pair)) && (best < 0 || price[pair] < price[best])) {
                best = pair;
            }
        }
        return best;
    }

    private boolean isFull(int pair, long[] left) {
        for (int k : pairResources[pair]) {
            if (left[k] <= 0) {
                return true;
            }
        }
        return false;
    }

    private void markFull(int resource, long[] left, boolean[] full) {
        for (int p = 0; p < pairResources.length; p++) {
            if (!full[p]) {
                for (int k : pairResources[p]) {
                    if (k == resource) {
                        full[p] = true;
                        break;
                    }
                }
            }
        }
    }

    private long costOf(List<SeatChoice> seats) {
        long cost = 0;
        for (SeatChoice seat : seats) {
            cost += model.settings.seatCost(model.attendees.get(seat.attendee()).attendee, seat.session());
        }
        return cost;
    }
}

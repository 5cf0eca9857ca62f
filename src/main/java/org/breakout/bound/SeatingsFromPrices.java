package org.breakout.bound;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.breakout.bound.CapacityLagrangian.SeatChoice;
import org.breakout.domain.Session;

/**
 * Seatings that keep every rule and capacity, made from the Lagrangian's prices ({@link CapacityLagrangian}): the
 * greedy one that gives the ascent its Polyak target, and the attendees' averaged choices cut down to the
 * capacities that the seating phase's sweeps start from.
 */
final class SeatingsFromPrices {

    private SeatingsFromPrices() {
    }

    /**
     * A seating that keeps every rule and capacity, made from the prices: attendees in turn take their best seats at
     * those prices among the pairs with room left. Unranked seats go to the cheapest pair with room of a session
     * the attendee does not have yet.
     *
     * @param attendees the attendees seated, in this order (the ascent's scope: all, or its sample)
     * @param capacity the resources' seats (the scope's: a sample's are scaled)
     * @param lambda the prices, in units of 1/{@link CapacityLagrangian#SCALE}
     */
    static Seating greedy(PricedProblem problem, int[] attendees, long[] capacity, long[] lambda) {
        long[] price = problem.pairPrices(lambda);
        // Seats first: every seat with room is worth taking, whatever its price.
        long mu = (problem.maxSeatCost + 1) * CapacityLagrangian.SCALE + Arrays.stream(price).max().orElse(0) + 1;
        long[] left = capacity.clone();
        boolean[] full = new boolean[problem.pairResources.length];
        for (int p = 0; p < full.length; p++) {
            full[p] = problem.isFull(p, left);
        }
        List<SeatChoice> seats = new ArrayList<>();
        AttendeeProblem work = new AttendeeProblem(problem);
        // A group's cheapest pairs change only when a pair fills: kept per group with the count of full pairs then.
        long[][][] cheapestOf = new long[problem.groupPairs.size()][][];
        int[] computedAt = new int[cheapestOf.length];
        int fullPairs = 0;
        long cost = 0;
        for (int a : attendees) {
            int g = problem.group[a];
            if (g >= 0 && (cheapestOf[g] == null || computedAt[g] != fullPairs)) {
                cheapestOf[g] = problem.cheapestInGroup(g, price, full);
                computedAt[g] = fullPairs;
            }
            long[][] cheapest = g >= 0 ? cheapestOf[g] : null;
            work.solve(a, price, mu, cheapest, full);
            int n = problem.roundStart[a + 1] - problem.roundStart[a];
            List<Session> taken = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int choice = work.choice[i];
                if (choice >= 0 || choice == AttendeeProblem.SINGLE) {
                    taken.add(problem.pairSession.get(work.seatPair[i]));
                }
            }
            for (int i = 0; i < n; i++) {
                int pair = work.seatPair[i];
                if (pair < 0) {
                    continue;
                }
                if (work.choice[i] == RoundSessionAssignment.OWN) {
                    int round = problem.roundOf[problem.roundStart[a] + i];
                    // The group's cheapest pair with room in the round (known from before this attendee's seats),
                    // unless it filled since or the attendee has its session.
                    int cheapestPair = (int) cheapest[round][1];
                    pair = cheapestPair >= 0 && !full[cheapestPair]
                            && !taken.contains(problem.pairSession.get(cheapestPair)) ? cheapestPair
                            : problem.unrankedPair(problem.group[a], round, price, full, taken);
                    if (pair < 0) {
                        continue;
                    }
                    taken.add(problem.pairSession.get(pair));
                }
                seats.add(new SeatChoice(problem.attendeeIndex[a], problem.pairSession.get(pair),
                        problem.pairRound.get(pair)));
                cost += problem.seatCost(a, pair);
                for (int k : problem.pairResources[pair]) {
                    left[k]--;
                }
                for (int k : problem.pairResources[pair]) {
                    if (left[k] == 0) {
                        fullPairs += problem.markFull(k, left, full);
                    }
                }
            }
        }
        return new Seating(seats, cost);
    }

    /** A seating built from prices, and its preference cost. */
    record Seating(List<SeatChoice> seats, long cost) {
    }

    /** {@link #greedy} on a thread of its own (not the common pool, which the evaluation's blocks use). */
    static CompletableFuture<Seating> greedyBeside(PricedProblem problem, int[] attendees, long[] capacity,
            long[] lambda) {
        return CompletableFuture.supplyAsync(() -> greedy(problem, attendees, capacity, lambda), runnable -> {
            Thread thread = new Thread(runnable, "breakout-priced-seating");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** The seating's result; an error in it (an OutOfMemoryError) is thrown here as it was. */
    static Seating join(CompletableFuture<Seating> pending) {
        try {
            return pending.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /**
     * The attendees' choices over the ascent (each slot's most frequent pair, later steps weighing more: an ergodic
     * average of their own best choices, {@link ChoiceTally}), cut down to the capacities: on a pair more attendees
     * chose than it has seats, those who lose most without it first (then the cheapest seats, then attendee order),
     * each kept when its resources have room and the attendee does not hold its session yet. By preference cost
     * alone, as before 2026-12-04, the same sweeps ended 0.3–0.4 % higher (`huge` 75,460 against 75,204,
     * `large-fixed` 1,126,169 against 1,122,460). The averaged choices instead of those at the best prices alone:
     * {@code huge} 75,007 against 75,204, {@code large-fixed} 1,121,426 against 1,122,460 (2026-12-07).
     */
    static List<SeatChoice> trimmedChoices(PricedProblem problem, long[] lambda, long mu, ChoiceTally tally) {
        long[] price = problem.pairPrices(lambda);
        long[][][] cheapest = problem.cheapestPerGroup(price);
        record Choice(int attendee, int pair, long cost, long regret) {
        }
        List<Choice> choices = new ArrayList<>();
        long[] value = new long[problem.attendeeCount];
        long[] usage = new long[problem.capacity.length];
        AttendeeProblem work = new AttendeeProblem(problem);
        for (int a = 0; a < problem.attendeeCount; a++) {
            value[a] = work.solve(a, price, mu, cheapest, null);
            int n = problem.roundStart[a + 1] - problem.roundStart[a];
            if (tally != null) {
                tally.modal(problem.roundStart[a], n, problem.limit[a], work.seatPair);
            }
            for (int i = 0; i < n; i++) {
                int pair = work.seatPair[i];
                if (pair >= 0) {
                    choices.add(new Choice(a, pair, problem.seatCost(a, pair), Long.MAX_VALUE));
                    for (int k : problem.pairResources[pair]) {
                        usage[k]++;
                    }
                }
            }
        }
        // Where more attendees chose a pair than it has seats, those who lose most without it keep it: at prices near
        // the LP's duals the others are (nearly) indifferent between it and another option, and the sweeps give them
        // that. Regret: the attendee's least cost with the pair closed, minus their least cost (a shared unranked
        // option is not closed this way: its holders count 0, another unranked session being nearly as good).
        boolean[] closed = new boolean[problem.pairResources.length];
        choices.replaceAll(choice -> {
            if (!overSubscribed(problem, choice.pair(), usage)) {
                return choice;
            }
            closed[choice.pair()] = true;
            long regret = work.solve(choice.attendee(), price, mu, cheapest, closed) - value[choice.attendee()];
            closed[choice.pair()] = false;
            return new Choice(choice.attendee(), choice.pair(), choice.cost(), regret);
        });
        choices.sort(Comparator.comparingLong((Choice c) -> -c.regret()).thenComparingLong(Choice::cost));
        long[] left = problem.capacity.clone();
        Map<Integer, List<Session>> held = new LinkedHashMap<>();
        List<SeatChoice> seats = new ArrayList<>();
        for (Choice choice : choices) {
            if (problem.isFull(choice.pair(), left)) {
                continue;
            }
            List<Session> mine = held.computeIfAbsent(choice.attendee(), x -> new ArrayList<>());
            Session session = problem.pairSession.get(choice.pair());
            if (mine.contains(session)) {
                continue;
            }
            mine.add(session);
            for (int k : problem.pairResources[choice.pair()]) {
                left[k]--;
            }
            seats.add(new SeatChoice(problem.attendeeIndex[choice.attendee()], session,
                    problem.pairRound.get(choice.pair())));
        }
        return seats;
    }

    /** Whether more attendees chose the pair than one of its resources has seats. */
    private static boolean overSubscribed(PricedProblem problem, int pair, long[] usage) {
        for (int k : problem.pairResources[pair]) {
            if (usage[k] > problem.capacity[k]) {
                return true;
            }
        }
        return false;
    }
}

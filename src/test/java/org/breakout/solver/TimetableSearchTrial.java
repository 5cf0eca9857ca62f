package org.breakout.solver;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.breakout.domain.Room;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.SessionRun;
import org.breakout.io.EventReader;

/**
 * Development harness, not a test: acceptance strategies for the timetable search on an event whose rooms are all
 * alike and whose runs fill every slot (the rank-all-open shape), at equal numbers of evaluated swaps, each swap
 * judged by the exact seating of its two rounds ({@link IndependentRounds#solveRound}). Prints the best cost.
 * <pre>  java -cp target/classes:target/test-classes:$(cat cp.txt) org.breakout.solver.TimetableSearchTrial FILE MOVES SEED STRATEGY [PARAM]</pre>
 * Strategies: {@code la} (late acceptance of size PARAM, no kicks), {@code sa} (simulated annealing from temperature
 * PARAM to PARAM/1000, geometric over all MOVES: it needs to know the budget), {@code sar} (annealing in cycles that
 * double in length from 5,000 moves, each from the best so far, starting at PARAM times the mean worsening of the
 * cycle's first 100 moves: it does not need the budget), {@code hc} (hill climbing, restarted from a random
 * timetable after PARAM moves without a better one). Measured figures: benchmarks/RESULTS.md, "The timetable
 * search's acceptance".
 */
public final class TimetableSearchTrial {

    private TimetableSearchTrial() {
    }

    public static void main(String[] args) throws Exception {
        Schedule schedule = EventReader.read(Path.of(args[0])).schedule();
        long moves = Long.parseLong(args[1]);
        long seed = Long.parseLong(args[2]);
        String strategy = args[3];
        double param = args.length > 4 ? Double.parseDouble(args[4]) : 0;
        Random random = new Random(seed);
        int rounds = schedule.getRounds().size();
        int n = schedule.getRuns().size();
        int rooms = schedule.getRooms().size();
        int[] roundOf = randomTimetable(n, rounds, rooms, random);
        place(schedule, roundOf, rooms);
        IndependentRounds seating = IndependentRounds.of(schedule);
        int[] limits = new int[n];
        for (int x = 0; x < n; x++) {
            limits[x] = seating.seatsLeft(x, schedule.getRuns().get(x).seatLimit());
        }
        long[] roundCost = new long[rounds];
        long cost = seatAll(seating, roundOf, limits, roundCost);
        long best = cost;
        long start = System.nanoTime();
        long[] late = new long[Math.max(1, (int) param)];
        Arrays.fill(late, cost);
        int lateIndex = 0;
        long sinceBest = 0;
        int[] bestRoundOf = roundOf.clone();
        double t0 = param;
        // "sar": annealing in cycles that double in length (the first CYCLE moves), each from the best so far, its
        // start temperature PARAM times the mean worsening of the first moves of the cycle.
        long cycleStart = 0;
        long cycleLength = 5_000;
        double worse = 0;
        int worseCount = 0;
        for (long m = 0; m < moves; m++) {
            if (strategy.equals("sar") && m - cycleStart >= cycleLength) {
                cycleStart = m;
                cycleLength *= 2;
                roundOf = bestRoundOf.clone();
                cost = seatAll(seating, roundOf, limits, roundCost);
                worse = 0;
                worseCount = 0;
            }
            int x = random.nextInt(n);
            int y = random.nextInt(n);
            int rx = roundOf[x];
            int ry = roundOf[y];
            if (rx == ry) {
                continue;
            }
            roundOf[x] = ry;
            roundOf[y] = rx;
            long cx = value(seating.solveRound(rx, roundOf, limits, null));
            long cy = value(seating.solveRound(ry, roundOf, limits, null));
            long candidate = cost - roundCost[rx] - roundCost[ry] + cx + cy;
            boolean accept;
            switch (strategy) {
                case "la" -> accept = candidate <= cost || candidate <= late[lateIndex];
                case "sa" -> {
                    double t = t0 * Math.pow(1e-3, (double) m / moves);
                    accept = candidate <= cost || random.nextDouble() < Math.exp((cost - candidate) / t);
                }
                case "sar" -> {
                    long k = m - cycleStart;
                    if (candidate > cost && k < 100) {
                        worse += candidate - cost;
                        worseCount++;
                    }
                    if (k < 100) {
                        accept = candidate <= cost;
                    } else {
                        double t = param * (worse / Math.max(1, worseCount)) * Math.pow(1e-3, (double) k / cycleLength);
                        accept = candidate <= cost || random.nextDouble() < Math.exp((cost - candidate) / t);
                    }
                }
                default -> accept = candidate <= cost;
            }
            if (accept) {
                cost = candidate;
                roundCost[rx] = cx;
                roundCost[ry] = cy;
                if (strategy.equals("la")) {
                    late[lateIndex] = cost;
                    lateIndex = (lateIndex + 1) % late.length;
                }
            } else {
                roundOf[x] = rx;
                roundOf[y] = ry;
            }
            sinceBest++;
            if (cost < best) {
                best = cost;
                bestRoundOf = roundOf.clone();
                sinceBest = 0;
            }
            if (strategy.equals("hc") && sinceBest >= param) {
                roundOf = randomTimetable(n, rounds, rooms, random);
                cost = seatAll(seating, roundOf, limits, roundCost);
                sinceBest = 0;
            }
            if ((m + 1) % (moves / 10) == 0) {
                System.err.printf("%d moves, %.1f s: current %s, best %s%n", m + 1,
                        (System.nanoTime() - start) / 1e9, text(cost), text(best));
            }
        }
        System.out.printf("%s %s seed %d: best %s after %d moves, %.1f s%n", strategy, args.length > 4 ? args[4] : "",
                seed, text(best), moves, (System.nanoTime() - start) / 1e9);
    }

    /** Seats every round exactly; fills in each round's value and returns their sum. */
    private static long seatAll(IndependentRounds seating, int[] roundOf, int[] limits, long[] roundCost) {
        long cost = 0;
        for (int r = 0; r < roundCost.length; r++) {
            roundCost[r] = value(seating.solveRound(r, roundOf, limits, null));
            cost += roundCost[r];
        }
        return cost;
    }

    /** Unfilled seats weigh more than any cost: seats first, then cost (as the score does). */
    private static long value(IndependentRounds.RoundOptimum optimum) {
        return -optimum.filled() * 1_000_000L + optimum.cost();
    }

    private static String text(long value) {
        return -Math.floorDiv(value, 1_000_000L) + " seats, cost " + Math.floorMod(value, 1_000_000L);
    }

    private static int[] randomTimetable(int n, int rounds, int rooms, Random random) {
        int[] slots = new int[rounds * rooms];
        for (int k = 0; k < slots.length; k++) {
            slots[k] = k;
        }
        for (int k = slots.length - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            int t = slots[k];
            slots[k] = slots[j];
            slots[j] = t;
        }
        int[] roundOf = new int[n];
        for (int x = 0; x < n; x++) {
            roundOf[x] = slots[x] / rooms;
        }
        return roundOf;
    }

    private static void place(Schedule schedule, int[] roundOf, int rooms) {
        int[] used = new int[schedule.getRounds().size()];
        for (int x = 0; x < roundOf.length; x++) {
            SessionRun run = schedule.getRuns().get(x);
            Round round = schedule.getRounds().get(roundOf[x]);
            Room room = schedule.getRooms().get(used[roundOf[x]]++ % rooms);
            run.setRound(round);
            run.setRoom(room);
        }
    }
}

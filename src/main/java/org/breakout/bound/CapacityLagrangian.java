package org.breakout.bound;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import org.breakout.domain.Round;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * a session at most once) entirely. Unranked seats of an attendee cost the same in every session: in sessions with
 * one run they are one option per round, through the cheapest priced pair; on a fixed timetable sessions with runs in
 * several rounds get a column each, so nothing is relaxed there (on an open timetable every unranked seat goes
 * through the shared option, which relaxes "never twice the same session" for unranked seats, as the flows' hubs
 * do).
 * <p>
 * <b>Solving the dual.</b> Projected subgradient ascent with Polyak's step towards a seating's cost (a feasible seating
 * is built from the prices every few iterations, see {@link SeatingsFromPrices#greedy}), the step factor halved after iterations
 * without progress. Events too big for the steps on every attendee ({@link Budget}) take them on a sample first
 * (every k-th attendee, capacities scaled to its share): prices are per seat, so the sample's are close to the
 * event's, and the steps left on every attendee start from them (on {@code huge}, 50,000 attendees: a sample of
 * 10,000, then 200 steps on all; the first step on all is already above the flows' bound). Only steps on every
 * attendee count for the bound. Deterministic: a fixed iteration budget, no clock. All arithmetic on the bound is
 * in integers (costs and prices in units of 1/{@value #SCALE}), so the bound is exact, not a floating-point
 * estimate.
 */
final class CapacityLagrangian {

    static final long SCALE = 1 << 12;
    /** Steps without a better bound before the step factor is halved. */
    private static final int PATIENCE = 20;
    /**
     * The same for an ascent of {@link #LONG_ASCENT} steps or more. The halving after 20 steps, tuned for 1,000, leaves
     * the step factor at its floor long before 2,000 (the bound then stops where it is); halving after 50 lets the
     * longer ascent use its steps (measured on 2,000–10,000 attendees: benchmarks/RESULTS.md, "A longer ascent").
     */
    private static final int LONG_PATIENCE = 50;
    static final int LONG_ASCENT = 2000;
    /** Share of the last direction kept in the next. */
    private static final double DEFLECTION = 0.5;
    /** Steps between two seatings built from the prices (the Polyak step's target, {@link #ascend}). */
    private static final int SEATING_GAP = 10;
    /** The ascent ends when the step factor falls below this. */
    private static final double MIN_STEP_FACTOR = 1e-4;

    /** The last steps of the ascent whose attendee solutions go to the column pool, when there is one. */
    private static final int COLLECTED_STEPS = 20;
    /** Also collected: the steps after the step factor fell below this many times its floor (it may end there). */
    private static final double COLLECT_BELOW = 4;
    /** Share of the best prices in the prices column generation tries next (Wentges' smoothing). */
    private static final double SMOOTHING = 0.7;

    /** Where the columns of {@link #columnBound} are collected (null: not collected). */
    private ColumnPool pool;
    private volatile boolean collecting;
    /** The best prices of the last {@link #solve}. */
    private Prices bestPrices;
    /** The attendees whose LP {@link #columnBound} solves (a sample on big events), and the prices it starts from. */
    private Scope columnScope;
    private Prices columnStart;

    private static final Logger LOG = LoggerFactory.getLogger(CapacityLagrangian.class);

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
            List<SeatChoice> choices, int iterations, int sampleIterations, long millis,
            ObjectiveBound.CostLine line) {
    }

    /**
     * How many attendee problems the ascent may solve over all its steps, how many attendees a sample has where the
     * steps do not fit on every attendee (see {@link #solve}), and the steps without progress after which an ascent
     * of fewer than {@link #LONG_ASCENT} steps halves its step factor.
     */
    record Budget(long attendeeSolves, int sampleAttendees, int patience) {
        /**
         * 20 million attendee problems keep the ascent to seconds on big events (1,000 steps up to 20,000 attendees;
         * at 20,000 on the large-fixed shape the ascent ended after 663 steps in 14 s); a sample of 10,000: prices
         * are per seat, so a sample's are close to the whole event's.
         */
        static final Budget DEFAULT = new Budget(20_000_000, 10_000, PATIENCE);
        /**
         * The solver's prices: halving after 30 steps, the sample takes all its steps instead of reaching the floor
         * after about 840 ({@code huge}: the seating 74,859 against 75,007, the prices' bound 71,360 against 70,971,
         * in the same time). {@code bound} keeps 20: there the longer sample took {@code huge} from 30 s to 34 s,
         * past issue 8's target (benchmarks/RESULTS.md, "The prices' patience").
         */
        static final Budget PRICES = new Budget(DEFAULT.attendeeSolves(), DEFAULT.sampleAttendees(), 30);

        Budget withAttendeeSolves(long solves) {
            return new Budget(solves, sampleAttendees, patience);
        }
    }

    private final PricedProblem problem;
    private final long seatsTarget;
    private final Budget budget;

    CapacityLagrangian(SeatingModel model, long seatsTarget) {
        this(model, seatsTarget, Budget.DEFAULT);
    }

    CapacityLagrangian(PricedProblem problem, long seatsTarget) {
        this(problem, seatsTarget, Budget.DEFAULT);
    }

    CapacityLagrangian(SeatingModel model, long seatsTarget, Budget budget) {
        this(new PricedProblem(model), seatsTarget, budget);
    }

    CapacityLagrangian(PricedProblem problem, long seatsTarget, Budget budget) {
        this.problem = problem;
        this.seatsTarget = seatsTarget;
        this.budget = budget;
    }

    /** The same relaxation (sharing its problem) for another number of seats. */
    CapacityLagrangian atSeats(long seats) {
        return seats == seatsTarget ? this : new CapacityLagrangian(problem, seats, budget);
    }

    /** What one evaluation of the dual function gives. */
    private record Evaluation(long value, long[] usage, long seats) {
    }

    /** Attendees with a seat to price (those with free wanted rounds and sessions they may take). */
    int attendees() {
        return problem.attendeeCount;
    }

    /** Steps on the whole event after a sample's, at least: fewer do not settle the prices to the whole event. */
    static final int MIN_STEPS_AFTER_SAMPLE = 100;

    /**
     * Whether {@code steps} subgradient steps fit in the budget's attendee problems, on the whole
     * event or as {@code steps} on a sample and at least {@link #MIN_STEPS_AFTER_SAMPLE} on the whole event. Fewer
     * steps than the ascent needs give prices that hurt more than they help: on {@code huge} (50,000 attendees)
     * 200 steps from zero gave a bound below the flows' and, as the seating's start, 359 seats fewer than the
     * round-flow start.
     */
    boolean affords(int steps) {
        return stepsOnAll(steps) >= Math.min(steps, MIN_STEPS_AFTER_SAMPLE);
    }

    /** Whether the budget allows that many steps on every attendee, without a sample. */
    boolean affordsOnAll(int steps) {
        return (long) steps * problem.attendeeCount <= budget.attendeeSolves();
    }

    /** Steps on the whole event within the budget: all of them, or what is left after a sample's. */
    private int stepsOnAll(int steps) {
        if ((long) steps * problem.attendeeCount <= budget.attendeeSolves()) {
            return steps;
        }
        int sampled = (problem.attendeeCount + sampleStride() - 1) / sampleStride();
        long left = budget.attendeeSolves() - (long) steps * sampled;
        return (int) Math.min(steps, Math.max(0, left / problem.attendeeCount));
    }

    /** The attendees an ascent sums over, their seat capacities and seat target. */
    private record Scope(int[] attendees, long[] capacity, long seatsTarget) {
    }

    private Scope all() {
        return new Scope(IntStream.range(0, problem.attendeeCount).toArray(), problem.capacity, seatsTarget);
    }

    /** Every k-th attendee, with the capacities and the seat target scaled by their share. */
    private Scope sample() {
        int stride = sampleStride();
        int[] attendees = IntStream.range(0, problem.attendeeCount).filter(a -> a % stride == 0).toArray();
        double share = (double) attendees.length / problem.attendeeCount;
        long[] capacity = new long[problem.capacity.length];
        for (int k = 0; k < capacity.length; k++) {
            capacity[k] = Math.round(problem.capacity[k] * share);
        }
        return new Scope(attendees, capacity, Math.round(seatsTarget * share));
    }

    /** The sample takes every k-th attendee: k, so that it has at most the budget's sample size. */
    private int sampleStride() {
        return (problem.attendeeCount + budget.sampleAttendees() - 1) / budget.sampleAttendees();
    }

    /** Prices: one per resource, and the seat price. */
    private record Prices(long[] lambda, long mu) {
    }

    /** Where an ascent ended: its best dual value and prices, best seating from prices, steps and step factor. */
    private record Ascent(long value, Prices prices, List<SeatChoice> seating, long seats, long cost, int steps,
            double theta) {
    }

    /**
     * Runs at most {@code iterations} subgradient steps (fewer when the bound meets the seating built from the
     * prices or {@code stop} says so) and returns the best bound and seating found. Events too big for that many
     * steps on every attendee run them on a sample first ({@link Budget#sampleAttendees}), then what the budget leaves
     * on every attendee from the sample's prices: only those steps count for the bound.
     */
    Result solve(int iterations, BooleanSupplier stop) {
        return solve(iterations, stop, step -> {
        });
    }

    /**
     * As {@link #solve(int, BooleanSupplier)}, telling {@code onStep} the number of every step as it starts (the
     * sample's first, then those on every attendee, counted on): progress lines of a long ascent.
     */
    Result solve(int iterations, BooleanSupplier stop, IntConsumer onStep) {
        long start = System.nanoTime();
        int[] taken = { 0 };
        Runnable stepStarts = () -> onStep.accept(++taken[0]);
        Prices prices = new Prices(new long[problem.capacity.length], (problem.maxSeatCost + 1) * SCALE);
        int steps = stepsOnAll(iterations);
        double theta = 1.0;
        int sampleSteps = 0;
        Scope whole = all();
        columnScope = whole;
        if (steps < iterations) {
            Scope sampled = sample();
            columnScope = sampled;
            Ascent warm = ascend(sampled, prices, iterations, budget.patience(), theta, stop, stepStarts, null);
            prices = warm.prices();
            columnStart = warm.prices();
            sampleSteps = warm.steps();
            theta = Math.max(warm.theta(), WARM_STEP_FACTOR);
        }
        ChoiceTally tally = new ChoiceTally(problem.roundStart[problem.attendeeCount]);
        Ascent ascent = ascend(whole, prices, steps, steps >= LONG_ASCENT ? LONG_PATIENCE : budget.patience(), theta,
                stop, stepStarts, tally);
        Prices best = ascent.prices();
        bestPrices = best;
        if (columnScope == whole) {
            columnStart = best;
        }
        List<SeatChoice> bestSeating = ascent.seating();
        long bestSeats = ascent.seats();
        long bestCost = ascent.cost();
        List<SeatChoice> choices = ascent.steps() == 0 ? List.of()
                : SeatingsFromPrices.trimmedChoices(problem, best.lambda(), best.mu(), tally);
        long choiceCost = problem.costOf(choices);
        if (choices.size() > bestSeats || choices.size() == bestSeats && choiceCost < bestCost) {
            bestSeats = choices.size();
            bestCost = choiceCost;
            bestSeating = choices;
        }
        long bestValue = ascent.value();
        long bound = bestValue == Long.MIN_VALUE ? 0 : Math.max(0, ceilDiv(bestValue, SCALE));
        ObjectiveBound.CostLine line = bestValue == Long.MIN_VALUE ? null
                : new ObjectiveBound.CostLine(bestValue, best.mu(), seatsTarget, SCALE);
        return new Result(bound, bestSeating, bestSeats, bestCost, choices, ascent.steps(), sampleSteps,
                (System.nanoTime() - start) / 1_000_000, line);
    }

    /** Keeps the attendees' solutions of the next ascent's last steps, for {@link #columnBound}. */
    void collectColumns() {
        pool = new ColumnPool(problem.attendeeCount);
    }

    /**
     * The seating LP's bound by column generation (Dantzig–Wolfe), from the last {@link #solve}'s prices and the
     * columns its last steps collected ({@link #collectColumns}): the master LP over the columns known gives prices,
     * the dual function at them is a proven bound and each attendee's solution there a new column; it ends when no
     * attendee has a new one (the bound is then the LP's), after {@code rounds} or when {@code stop} says so. Where the
     * ascent took a sample first, the columns are the sample's and its LP (capacities scaled) is solved; its prices,
     * priced on every attendee, give the bound.
     *
     * @param onRound told the number of every round as it starts
     */
    ColumnBound columnBound(int rounds, BooleanSupplier stop, IntConsumer onRound) {
        if (pool == null || columnStart == null) {
            throw new IllegalStateException("collectColumns() and solve() first");
        }
        Scope scope = columnScope;
        collecting = true;
        Evaluation at = evaluate(scope, columnStart.lambda(), columnStart.mu(), null, 0);
        collecting = false;
        long best = Math.max(0, ceilDiv(at.value(), SCALE));
        long[] centre = columnStart.lambda();
        long centreMu = columnStart.mu();
        boolean smooth = true;
        int done = 0;
        boolean optimal = false;
        try (ColumnGeneration generation = new ColumnGeneration(problem, pool, scope.capacity(),
                scope.seatsTarget())) {
            for (int round = 0; round < rounds && !stop.getAsBoolean(); round++) {
                done = round + 1;
                onRound.accept(done);
                long before = pool.size();
                long masterStart = System.nanoTime();
                ColumnGeneration.Master master = generation.solve();
                if (master == null) {
                    break;
                }
                // Wentges' smoothing: the master's duals jump between extremes while columns are missing; a step from
                // the best prices towards them finds the columns that matter and keeps the bound rising.
                double alpha = smooth ? SMOOTHING : 0;
                long[] lambda = new long[problem.capacity.length];
                for (int k = 0; k < lambda.length; k++) {
                    lambda[k] = Math.max(0, Math.round(alpha * centre[k]
                            + (1 - alpha) * master.runPrices()[k] * SCALE));
                }
                long mu = Math.min(problem.maxSeatPrice() * SCALE, Math.max(0, Math.round(alpha * centreMu
                        + (1 - alpha) * master.seatPrice() * SCALE)));
                long masterMillis = (System.nanoTime() - masterStart) / 1_000_000;
                collecting = true;
                at = evaluate(scope, lambda, mu, null, 0);
                collecting = false;
                long bound = Math.max(0, ceilDiv(at.value(), SCALE));
                if (bound > best) {
                    best = bound;
                    centre = lambda;
                    centreMu = mu;
                }
                LOG.debug("column generation, round {}: {} columns, master {} ({} ms), bound {}, best {}, "
                        + "{} new columns", round + 1, before, master.value(), masterMillis, bound, best,
                        pool.size() - before);
                if (best >= Math.ceil(master.value() - 1e-6) || pool.size() == before && !smooth) {
                    optimal = true; // no attendee improves on the master at its own duals: its value is the LP's
                    break;
                }
                // No new column at the smoothed prices proves nothing: the next round prices at the master's own duals.
                smooth = pool.size() > before;
            }
        }
        int sampled = scope.attendees().length < problem.attendeeCount ? scope.attendees().length : 0;
        if (sampled > 0) {
            // The sample's LP prices, on every attendee: a bound on the whole event like any prices.
            best = Math.max(0, ceilDiv(evaluate(all(), centre, centreMu, null, 0).value(), SCALE));
        }
        bestPrices = new Prices(centre, centreMu);
        return new ColumnBound(best, done, optimal, pool.size(), sampled);
    }

    /**
     * What {@link #columnBound} proved: the bound on the whole event, its rounds, whether it reached the LP's optimum
     * (the master could not be improved; of the sample's LP when {@code sampleAttendees} > 0), and its columns.
     */
    record ColumnBound(long costBound, int rounds, boolean lpOptimal, long columns, int sampleAttendees) {
    }

    /**
     * The dual function at the given prices, evaluated exactly on every attendee: a proven lower bound on the cost of
     * any seating with {@code seatsTarget} seats, whatever the prices are (an LP solver's run-capacity duals make it
     * as tight as the LP where they are optimal). For fixed timetables with one run per session and round: each
     * (session, round) pair's capacity is priced at its run's price, pairs without one at 0.
     *
     * @param runPrices prices per seat of runs, in cost units (negative or non-finite ones count as 0)
     * @param seatPrice the price of a seat towards the seat target, in cost units
     */
    long boundAt(Map<SessionRun, Double> runPrices, double seatPrice) {
        Map<PairKey, Double> byPair = new HashMap<>();
        runPrices.forEach((run, price) -> byPair.put(new PairKey(run.getSession().id(), run.getRound().index()),
                price));
        return boundAtPairs(byPair, seatPrice);
    }

    /** The best prices of the last {@link #solve} or {@link #columnBound}, per (session, round) pair, in cost units. */
    Map<PairKey, Double> bestPairPrices() {
        Map<PairKey, Double> byPair = new HashMap<>();
        for (int p = 0; p < problem.pairResources.length; p++) {
            if (problem.pairResources[p].length == 1) {
                byPair.put(new PairKey(problem.pairSession.get(p).id(), problem.pairRound.get(p).index()),
                        (double) bestPrices.lambda()[problem.pairResources[p][0]] / SCALE);
            }
        }
        return byPair;
    }

    /** The seat price of {@link #bestPairPrices}, in cost units. */
    double bestSeatPrice() {
        return (double) bestPrices.mu() / SCALE;
    }

    /** As {@link #boundAt}, with the prices per (session, round) pair. */
    long boundAtPairs(Map<PairKey, Double> byPair, double seatPrice) {
        long[] lambda = new long[problem.capacity.length];
        for (int p = 0; p < problem.pairResources.length; p++) {
            Double price = byPair.get(new PairKey(problem.pairSession.get(p).id(), problem.pairRound.get(p).index()));
            if (price != null && price > 0 && Double.isFinite(price) && problem.pairResources[p].length == 1) {
                lambda[problem.pairResources[p][0]] = Math.round(price * SCALE);
            }
        }
        long mu = Math.max(0, Math.round(seatPrice * SCALE));
        Evaluation evaluation = evaluate(all(), lambda, mu, null, 0);
        return Math.max(0, ceilDiv(evaluation.value(), SCALE));
    }

    record PairKey(String session, int round) {
    }

    /** The step factor the ascent on every attendee starts with after a sample's, at least. */
    private static final double WARM_STEP_FACTOR = 0.125;

    private Ascent ascend(Scope scope, Prices from, int iterations, int patience, double theta, BooleanSupplier stop,
            Runnable stepStarts, ChoiceTally tally) {
        long start = System.nanoTime();
        long[] lambda = from.lambda().clone();
        long mu = from.mu();
        long muCap = problem.maxSeatPrice() * SCALE;
        long bestValue = Long.MIN_VALUE;
        long[] bestLambda = lambda.clone();
        long bestMu = mu;
        List<SeatChoice> bestSeating = List.of();
        long bestSeats = -1;
        long bestCost = Long.MAX_VALUE;
        double[] direction = new double[lambda.length];
        double muDirection = 0;
        int sinceProgress = 0;
        int done = 0;
        for (int it = 0; it < iterations && !stop.getAsBoolean(); it++) {
            done = it + 1;
            stepStarts.run();
            collecting = pool != null && scope == columnScope
                    && (it >= iterations - COLLECTED_STEPS || theta < COLLECT_BELOW * MIN_STEP_FACTOR);
            // The seating (serial) runs beside the evaluation (parallel) on the same prices: on two cores the one
            // uses what the other leaves idle. Both only read the prices, and the step waits for both.
            CompletableFuture<SeatingsFromPrices.Seating> pending = it % SEATING_GAP == 0
                    ? SeatingsFromPrices.greedyBeside(problem, scope.attendees(), scope.capacity(), lambda) : null;
            Evaluation evaluation = evaluate(scope, lambda, mu, tally, done);
            if (evaluation.value() > bestValue) {
                bestValue = evaluation.value();
                bestLambda = lambda.clone();
                bestMu = mu;
                sinceProgress = 0;
            } else if (++sinceProgress >= patience) {
                theta /= 2;
                sinceProgress = 0;
            }
            if (pending != null) {
                SeatingsFromPrices.Seating seating = SeatingsFromPrices.join(pending);
                long seats = seating.seats().size();
                long cost = seating.cost();
                if (seats > bestSeats || seats == bestSeats && cost < bestCost) {
                    bestSeats = seats;
                    bestCost = cost;
                    bestSeating = seating.seats();
                }
            }
            if (bestSeats >= scope.seatsTarget() && ceilDiv(bestValue, SCALE) >= bestCost) {
                break; // the seating reaches the bound: proven optimal
            }
            if (problem.seatsOnly && bestSeats >= 0 && seatsAbove(bestValue, scope.seatsTarget()) <= bestSeats) {
                break; // no seating fills more than the one built from the prices: proven
            }
            // Polyak's step towards the best seating's value in the dual's terms.
            double target = (double) bestCost * SCALE - (double) mu * (bestSeats - scope.seatsTarget());
            double gap = Math.max(target - evaluation.value(), 0.001 * Math.abs(target) + SCALE);
            // Deflected subgradient (Camerini–Fratta–Maffioli): the direction keeps half of the last one, which damps
            // the zigzag of plain subgradient steps between runs over and under their capacity.
            long[] usage = evaluation.usage();
            double norm = 0;
            for (int k = 0; k < lambda.length; k++) {
                long g = usage[k] - scope.capacity()[k];
                double d = lambda[k] == 0 && g < 0 ? 0 : g + DEFLECTION * direction[k];
                direction[k] = d;
                norm += d * d;
            }
            long seatGradient = scope.seatsTarget() - evaluation.seats();
            // The problem of the most seats keeps its seat price: a seat is worth one unit.
            muDirection = problem.seatsOnly || mu == 0 && seatGradient < 0 ? 0
                    : seatGradient + DEFLECTION * muDirection;
            norm += muDirection * muDirection;
            if (norm == 0 || theta < MIN_STEP_FACTOR) {
                break;
            }
            double step = theta * gap / norm;
            if (LOG.isDebugEnabled() && done % 100 == 0) {
                LOG.debug("ascent on {} attendees, step {}: value {}, best {}, target {}, seating {} seats cost {}, "
                        + "step factor {}", scope.attendees().length, done, evaluation.value() / SCALE, bestValue / SCALE,
                        (long) target / SCALE, bestSeats, bestCost, theta);
            }
            for (int k = 0; k < lambda.length; k++) {
                lambda[k] = Math.max(0, lambda[k] + Math.round(step * direction[k]));
            }
            mu = Math.min(muCap, Math.max(0, mu + Math.round(step * muDirection)));
        }
        collecting = false;
        return new Ascent(bestValue, new Prices(bestLambda, bestMu), bestSeating, bestSeats, bestCost, done, theta);
    }

    /**
     * The most seats a seating can fill, from the dual value of the seats-only problem at a seat price of one unit:
     * every seating with at least {@code target} seats would cost at least {@code value} > 0, but costs nothing, so
     * there is none — and each unit of value above 0 takes one more seat off ({@code target − ⌈value⌉}).
     */
    private static long seatsAbove(long value, long target) {
        return value <= 0 ? target : target - ceilDiv(value, SCALE);
    }

    /**
     * The most seats any seating that keeps the capacities and the attendee rules can fill, at most
     * {@code flowSeats} (the flows' bound): the seating's LP bound on seats, by the same ascent on the problem where
     * every seat costs 0 and is worth one unit ({@code μ} fixed). Stops when a seating built from the prices reaches
     * it. Returns {@code flowSeats} when the event is too big for {@code steps} steps on every attendee
     * within {@code attendeeSolves} attendee problems.
     */
    static long maxSeats(SeatingModel model, long flowSeats, int steps, long attendeeSolves) {
        // Decided before the problem is built: on 50,000 attendees building it takes seconds.
        if ((long) steps * PricedProblem.countAttendees(model) > attendeeSolves) {
            return flowSeats;
        }
        CapacityLagrangian seatsOnly = new CapacityLagrangian(new PricedProblem(model, true), flowSeats,
                Budget.DEFAULT.withAttendeeSolves(attendeeSolves));
        Ascent ascent = seatsOnly.ascend(seatsOnly.all(), new Prices(new long[seatsOnly.problem.capacity.length],
                SCALE), steps, PATIENCE, 1.0, () -> false, () -> {
                }, null);
        return Math.min(flowSeats, ascent.value() == Long.MIN_VALUE ? flowSeats
                : seatsAbove(ascent.value(), flowSeats));
    }

    private static long ceilDiv(long x, long y) {
        return -Math.floorDiv(-x, y);
    }

    /** The dual function at (λ, μ) over the scope, with the resources' use and the attendees' own best seats. */
    private Evaluation evaluate(Scope scope, long[] lambda, long mu, ChoiceTally tally, int step) {
        long[] price = problem.pairPrices(lambda);
        long[][][] cheapest = problem.cheapestPerGroup(price);
        // Attendees are independent: blocks of them are solved in parallel. The sums are of integers, so the result
        // does not depend on the order (deterministic).
        int[] attendees = scope.attendees();
        int blocks = Math.max(1, Math.min(64, attendees.length / 500));
        Evaluation[] parts = new Evaluation[blocks];
        IntStream.range(0, blocks).parallel().forEach(block -> {
            int from = (int) ((long) attendees.length * block / blocks);
            int to = (int) ((long) attendees.length * (block + 1) / blocks);
            parts[block] = evaluate(attendees, from, to, price, mu, cheapest, tally, step);
        });
        long value = mu * scope.seatsTarget();
        for (int k = 0; k < scope.capacity().length; k++) {
            value -= lambda[k] * scope.capacity()[k];
        }
        long[] usage = new long[problem.capacity.length];
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

    private Evaluation evaluate(int[] attendees, int from, int to, long[] price, long mu, long[][][] cheapest,
            ChoiceTally tally, int step) {
        long[] usage = new long[problem.capacity.length];
        long seats = 0;
        long value = 0;
        AttendeeProblem work = new AttendeeProblem(problem);
        for (int x = from; x < to; x++) {
            int a = attendees[x];
            value += work.solve(a, price, mu, cheapest, null);
            int n = problem.roundStart[a + 1] - problem.roundStart[a];
            if (collecting) {
                pool.add(a, work.seatPair, n);
            }
            for (int i = 0; i < n; i++) {
                int pair = work.seatPair[i];
                if (tally != null) {
                    tally.add(problem.roundStart[a] + i, pair, step);
                }
                if (pair >= 0) {
                    seats++;
                    for (int k : problem.pairResources[pair]) {
                        usage[k]++;
                    }
                }
            }
        }
        return new Evaluation(value, usage, seats);
    }
}

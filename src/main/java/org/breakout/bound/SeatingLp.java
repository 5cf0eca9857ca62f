package org.breakout.bound;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.breakout.domain.SessionRun;

/**
 * The LP relaxation of the seating of a fixed timetable ({@link SeatingProgram} with {@code 0 ≤ x ≤ 1}), solved by
 * GLOP, OR-Tools' simplex, or for events too big for it by PDLP, its first-order method ({@link LpSolver}): the
 * tightest bound of the capacity Lagrangian ({@link CapacityLagrangian} converges to it from below) in one solve,
 * and on many events (medium-fixed, scale-fixed-2k) its optimum is integral, so it is a proven-optimal seating.
 * <p>
 * Solves on one model: first the weighted objective Σ (M − cost)·x, which takes the most seats it can and the least
 * cost at those (one solve with a weight rather than an equality row: on medium-fixed 4 s against 18 s); when that
 * takes fewer seats than the flows allow, the most seats (to prove how many there can be), and the weighted
 * objective again with Σx capped at those only if the first solve took fewer. The cap row is dense (every column),
 * so it is left free until it is needed.
 * <p>
 * <b>Why the bound is proven</b> although the simplex works in floating point: it is not read from the solver's
 * objective but recomputed from its dual values by weak duality, in exact arithmetic ({@link BigDecimal}). For any
 * multipliers λ ≥ 0 of the rows, Σ_k min(0, c_k + Σ_r λ_r a_rk) − Σ_r λ_r b_r is at most the LP's minimum, whatever
 * the multipliers are; the solver's duals only make it tight. So a bound never rests on a tolerance, and a weight M
 * that is too small only makes it weaker.
 */
final class SeatingLp {

    /**
     * Outcome. When {@code solved}: {@code seats} is an upper bound on the seats of any seating, {@code cost} a lower
     * bound on the cost of one with that many; {@code seating} is the LP optimum's integral part (every x = 1), a
     * feasible seating of {@code seatingSeats} at {@code seatingCost}, the whole optimum when {@code integral}.
     */
    record Result(boolean solved, String status, long seats, long cost, boolean integral,
            List<FlowRelaxation.SeatChoice> seating, long seatingSeats, long seatingCost, int variables, long millis,
            Prices prices) {

        /** Whether the seating reaches the bound: it is optimal. */
        boolean exact() {
            return solved && seatingSeats == seats && seatingCost == cost;
        }

        private static Result failed(String status, int variables, long start) {
            return new Result(false, status, -1, -1, false, List.of(), 0, 0, variables, millisSince(start),
                    new Prices(Map.of(), 0));
        }
    }

    /**
     * The duals of the solve that bounds the cost: per run with a capacity row, the price of one of its seats (cost
     * units), and the seat weight of that solve's objective Σ (cost − weight)·x, which is the seat's price.
     */
    record Prices(Map<SessionRun, Double> runs, long seatWeight) {
    }

    /** Values within this of 0 or 1 count as integral. */
    private static final double INTEGRAL = 1e-6;

    private SeatingLp() {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SeatingLp.class);

    /** Null when OR-Tools' native libraries load on this machine, else why not. */
    static String unavailable() {
        return Natives.UNAVAILABLE;
    }

    private static final AtomicBoolean LOADING = new AtomicBoolean();

    /**
     * Starts loading the native libraries on a daemon thread, once: unpacking them from the jar takes about 0.7 s,
     * which the first LP of a solve would otherwise wait for. Whoever needs them before they are loaded waits for
     * that thread (the JVM's class initialisation lock).
     */
    static void loadInBackground() {
        if (LOADING.compareAndSet(false, true)) {
            Thread loader = new Thread(SeatingLp::unavailable, "breakout-lp-natives");
            loader.setDaemon(true);
            loader.start();
        }
    }

    private static final class Natives {
        static final String UNAVAILABLE = load();

        private static String load() {
            try {
                Loader.loadNativeLibraries();
                return null;
            } catch (Throwable e) { // UnsatisfiedLinkError, or an I/O error unpacking them: the bound goes without
                return "OR-Tools' native libraries did not load (" + e + ")";
            }
        }
    }

    /**
     * Solves the LP.
     *
     * @param seatCap an upper bound on the seats (the flows' maximum)
     * @param timeLimit wall-clock cap over both solves
     * @param stop polled while the simplex runs: true interrupts it (the result is then unsolved)
     */
    static Result solve(SeatingProgram program, long seatCap, Duration timeLimit, BooleanSupplier stop) {
        return solve(program, seatCap, timeLimit, stop, LpSolver.GLOP);
    }

    /** As {@link #solve(SeatingProgram, long, Duration, BooleanSupplier)}, by the given solver. */
    static Result solve(SeatingProgram program, long seatCap, Duration timeLimit, BooleanSupplier stop,
            LpSolver solver) {
        long start = System.nanoTime();
        int n = program.vars.size();
        if (unavailable() != null) {
            return Result.failed(unavailable(), n, start);
        }
        long deadline = start + timeLimit.toNanos();
        MPSolver lp = MPSolver.createSolver(solver.name());
        if (solver == LpSolver.GLOP) {
            // The primal simplex: on these programs the dual simplex was about 20 times slower (repeat-all-400).
            lp.setSolverSpecificParametersAsString("use_dual_simplex: false");
        } else {
            // PDLP's default tolerances (10⁻⁶ relative): at 10⁻⁴ it took half the time on the 5,000-attendee huge
            // shape, but its duals proved 5,513 instead of the LP's 6,210.
            lp.setSolverSpecificParametersAsString("num_threads: " + Runtime.getRuntime().availableProcessors());
        }
        ScheduledExecutorService watcher = watch(lp, stop);
        try {
            Model model = Model.build(lp, program, false, seatCap);
            // The seat cap is one dense row over every column, and it does not bind at the first stage (the weight
            // makes the LP take the most seats it can, at most the flows' seatCap): left free there, GLOP is about
            // 13 % faster on medium-fixed. Its limit stays in the duality sums, where it is proven either way.
            model.seatCap().setUb(Double.POSITIVE_INFINITY);
            MPVariable[] x = model.x();
            MPConstraint[] rows = model.rows();
            int totalRow = program.rows.size();
            long[] limits = new long[rows.length];
            for (int r = 0; r < totalRow; r++) {
                limits[r] = program.rows.get(r).limit();
            }
            limits[totalRow] = seatCap;
            int[][] rowsOf = rowsOfVariables(program, rows.length);
            Stages stages = new Stages(lp, x, rows, limits, rowsOf, deadline);
            long maxCost = program.vars.stream().mapToLong(SeatingProgram.Var::cost).max().orElse(0);
            // Large enough that the LP takes every seat it can before it saves cost (an exchange along a chain of
            // seats costs a few times the largest seat cost on these events); too small only weakens the bound.
            long weight = 100 * (maxCost + 1);
            long seats = seatCap;
            long[] weighted = weighted(program, weight);
            if (!stages.solve(weighted)) {
                return Result.failed(stages.status, n, start);
            }
            double[] values = values(x);
            BigDecimal weightedBound = stages.dualBound(weighted);
            Map<SessionRun, Double> runPrices = stages.runPrices(program);
            double taken = Arrays.stream(values).sum();
            if (taken < seats - INTEGRAL) {
                // Fewer seats than the flows allow, or a weight too small: the most seats first, proven by the duals.
                long[] seat = new long[n];
                Arrays.fill(seat, -1);
                if (!stages.solve(seat)) {
                    return Result.failed(stages.status, n, start);
                }
                seats = Math.min(seats, stages.dualBound(seat).negate().setScale(0, RoundingMode.FLOOR)
                        .longValueExact());
                // When the first stage already took that many, its duals bound the cost at those seats and its
                // optimum stands (medium-fixed: a third solve of 0 iterations otherwise).
                if (taken < seats - INTEGRAL) {
                    stages.capSeats(seats);
                    for (int attempt = 0; attempt < 3; attempt++) {
                        weighted = weighted(program, weight);
                        if (!stages.solve(weighted)) {
                            return Result.failed(stages.status, n, start);
                        }
                        values = values(x);
                        weightedBound = stages.dualBound(weighted);
                        runPrices = stages.runPrices(program);
                        if (Arrays.stream(values).sum() >= seats - INTEGRAL) {
                            break;
                        }
                        weight *= 10;
                    }
                }
            }
            // Any seating with exactly `seats` seats has Σ (cost − weight)·x = cost − weight·seats ≥ the dual bound.
            long cost = weightedBound.add(BigDecimal.valueOf(weight).multiply(BigDecimal.valueOf(seats)))
                    .setScale(0, RoundingMode.CEILING).longValueExact();
            return finish(program, values, seats, Math.max(0, cost), new Prices(runPrices, weight), deadline, stop,
                    start);
        } finally {
            watcher.shutdownNow();
            lp.delete();
        }
    }

    /**
     * The program in an OR-Tools solver: {@code x[k]} in [0, 1] (binary with {@code integer}), one row per program
     * row, and a last row capping the seats; the objective is left to the caller.
     */
    record Model(MPVariable[] x, MPConstraint[] rows) {

        static Model build(MPSolver solver, SeatingProgram program, boolean integer, long seatCap) {
            int n = program.vars.size();
            MPVariable[] x = new MPVariable[n];
            for (int k = 0; k < n; k++) {
                // Unnamed: nobody reads the names, and on huge (18 million variables) each would be a native string.
                x[k] = integer ? solver.makeBoolVar("") : solver.makeNumVar(0, 1, "");
            }
            MPConstraint[] rows = new MPConstraint[program.rows.size() + 1];
            for (int r = 0; r < program.rows.size(); r++) {
                SeatingProgram.Row row = program.rows.get(r);
                rows[r] = solver.makeConstraint(Double.NEGATIVE_INFINITY, row.limit());
                for (int k : row.vars()) {
                    rows[r].setCoefficient(x[k], 1);
                }
            }
            MPConstraint total = rows[rows.length - 1] = solver.makeConstraint(Double.NEGATIVE_INFINITY, seatCap);
            for (MPVariable variable : x) {
                total.setCoefficient(variable, 1);
            }
            return new Model(x, rows);
        }

        MPConstraint seatCap() {
            return rows[rows.length - 1];
        }
    }

    private static long[] weighted(SeatingProgram program, long weight) {
        long[] costs = new long[program.vars.size()];
        for (int k = 0; k < costs.length; k++) {
            costs[k] = program.vars.get(k).cost() - weight;
        }
        return costs;
    }

    /** A daemon thread that interrupts the solver once {@code stop} says so (polled every 50 ms). */
    static ScheduledExecutorService watch(MPSolver solver, BooleanSupplier stop) {
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "breakout-lp-watcher");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(() -> {
            if (stop.getAsBoolean()) {
                solver.interruptSolve();
            }
        }, 50, 50, TimeUnit.MILLISECONDS);
        return watcher;
    }

    private static double[] values(MPVariable[] x) {
        double[] values = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            values[k] = x[k].solutionValue();
        }
        return values;
    }

    /** For each variable, the rows it is in (the last row is the seat cap, which holds every variable). */
    private static int[][] rowsOfVariables(SeatingProgram program, int rowCount) {
        int n = program.vars.size();
        int[] count = new int[n];
        for (SeatingProgram.Row row : program.rows) {
            for (int k : row.vars()) {
                count[k]++;
            }
        }
        int[][] rowsOf = new int[n][];
        for (int k = 0; k < n; k++) {
            rowsOf[k] = new int[count[k] + 1];
            rowsOf[k][count[k]] = rowCount - 1;
            count[k] = 0;
        }
        for (int r = 0; r < program.rows.size(); r++) {
            for (int k : program.rows.get(r).vars()) {
                rowsOf[k][count[k]++] = r;
            }
        }
        return rowsOf;
    }

    /** The LP model between solves: the objective changes, the rows stay (GLOP starts from the last basis). */
    private static final class Stages {
        private final MPSolver lp;
        private final MPVariable[] x;
        private final MPConstraint[] rows;
        private final long[] limits;
        private final int[][] rowsOf;
        private final long deadline;
        String status;

        Stages(MPSolver lp, MPVariable[] x, MPConstraint[] rows, long[] limits, int[][] rowsOf, long deadline) {
            this.lp = lp;
            this.x = x;
            this.rows = rows;
            this.limits = limits;
            this.rowsOf = rowsOf;
            this.deadline = deadline;
        }

        void capSeats(long seats) {
            limits[limits.length - 1] = seats;
            rows[rows.length - 1].setUb(seats);
        }

        /** Minimises Σ costs·x; false (with {@link #status}) unless it ended optimal. */
        boolean solve(long[] costs) {
            long millisLeft = (deadline - System.nanoTime()) / 1_000_000;
            if (millisLeft <= 0) {
                status = "time limit reached";
                return false;
            }
            MPObjective objective = lp.objective();
            for (int k = 0; k < x.length; k++) {
                objective.setCoefficient(x[k], costs[k]);
            }
            objective.setMinimization();
            lp.setTimeLimit(millisLeft);
            long solveStart = System.nanoTime();
            MPSolver.ResultStatus result = lp.solve();
            LOG.debug("LP: {} ({} iterations, {} ms)", result, lp.iterations(), millisSince(solveStart));
            if (result == MPSolver.ResultStatus.OPTIMAL) {
                return true;
            }
            status = System.nanoTime() >= deadline ? "time limit reached" : "not solved (" + result + ")";
            return false;
        }

        /** The run rows' duals as prices (their size: solvers differ in the sign convention). */
        Map<SessionRun, Double> runPrices(SeatingProgram program) {
            Map<SessionRun, Double> prices = new HashMap<>();
            for (int r = program.firstRunRow; r < program.rows.size(); r++) {
                double dual = Math.abs(rows[r].dualValue());
                prices.put(program.vars.get(program.rows.get(r).vars()[0]).run(), Double.isFinite(dual) ? dual : 0);
            }
            return prices;
        }

        /**
         * A lower bound on min Σ costs·x over the LP, by weak duality from the last solve's duals, computed exactly:
         * L(λ) = Σ_k min(0, c_k + Σ_{r ∋ k} λ_r) − Σ_r λ_r·b_r holds for every λ ≥ 0 (x ∈ [0, 1]). The duals are taken
         * with both signs (whichever the solver's convention is, the other only gives a lower L).
         */
        BigDecimal dualBound(long[] costs) {
            BigDecimal best = null;
            for (int sign : new int[] {-1, 1}) {
                BigDecimal[] lambda = new BigDecimal[rows.length];
                BigDecimal bound = BigDecimal.ZERO;
                for (int r = 0; r < rows.length; r++) {
                    double dual = sign * rows[r].dualValue();
                    lambda[r] = dual > 0 && Double.isFinite(dual) ? new BigDecimal(dual) : BigDecimal.ZERO;
                    bound = bound.subtract(lambda[r].multiply(BigDecimal.valueOf(limits[r])));
                }
                for (int k = 0; k < x.length; k++) {
                    BigDecimal reduced = BigDecimal.valueOf(costs[k]);
                    for (int r : rowsOf[k]) {
                        reduced = reduced.add(lambda[r]);
                    }
                    if (reduced.signum() < 0) {
                        bound = bound.add(reduced);
                    }
                }
                if (best == null || bound.compareTo(best) > 0) {
                    best = bound;
                }
            }
            return best;
        }
    }

    /** Residual integer programs up to this size complete a fractional LP optimum (SCIP: 0.2 s on 1,369). */
    static final int RESIDUAL_MAX_VARIABLES = 20_000;

    /** Wall-clock cap on that integer program. */
    static final Duration RESIDUAL_TIME_LIMIT = Duration.ofSeconds(20);

    /**
     * The result with a seating: the LP optimum itself when it is integral; otherwise its integral part, where the
     * attendees with a fractional variable are re-seated exactly by an integer program ({@link SeatingMip}) around
     * everyone else's seats, when that program is small (scale-fixed-1k: 20 attendees, 1,369 variables, 0.2 s; the
     * completed seating costs 105,911 against the LP's 105,904).
     */
    private static Result finish(SeatingProgram program, double[] value, long seats, long cost, Prices prices,
            long deadline, BooleanSupplier stop, long start) {
        int n = value.length;
        BitSet fractionalAttendees = new BitSet();
        for (int k = 0; k < n; k++) {
            if (Math.abs(value[k] - Math.rint(value[k])) > INTEGRAL) {
                fractionalAttendees.set(program.vars.get(k).attendee());
            }
        }
        boolean integral = fractionalAttendees.isEmpty();
        boolean[] chosen = new boolean[n];
        for (int k = 0; k < n; k++) {
            chosen[k] = value[k] > 1 - INTEGRAL;
        }
        if (!program.feasible(chosen)) {
            // Within tolerances but not exactly (not seen): no seating rather than a wrong one.
            Arrays.fill(chosen, false);
            integral = false;
            fractionalAttendees.clear();
        }
        String status = integral ? "optimal, integral"
                : "optimal, fractional for " + fractionalAttendees.cardinality() + " attendees";
        if (!fractionalAttendees.isEmpty()) {
            boolean[] completed = complete(program, chosen, fractionalAttendees, seats, deadline, stop);
            if (completed != null) {
                chosen = completed;
                status += ", completed by an integer program";
            }
        }
        return new Result(true, status, seats, cost, integral, program.seatChoices(chosen), program.seats(chosen),
                program.cost(chosen), n, millisSince(start), prices);
    }

    /**
     * The integral part with the fractional attendees re-seated optimally around it, or null when their program is
     * too big, not solved in time, or not better.
     */
    private static boolean[] complete(SeatingProgram program, boolean[] integralPart, BitSet fractional, long seats,
            long deadline, BooleanSupplier stop) {
        Map<SessionRun, Integer> remaining = new HashMap<>(program.model.fixedRemaining);
        long fixedSeats = 0;
        for (int k = 0; k < integralPart.length; k++) {
            SeatingProgram.Var v = program.vars.get(k);
            if (integralPart[k] && !fractional.get(v.attendee())) {
                remaining.merge(v.run(), -1, Integer::sum);
                fixedSeats++;
            }
        }
        SeatingProgram residual = new SeatingProgram(program.model, fractional::get, remaining);
        long millisLeft = (deadline - System.nanoTime()) / 1_000_000;
        if (residual.vars.size() > RESIDUAL_MAX_VARIABLES || millisLeft <= 0) {
            return null;
        }
        SeatingMip.Result mip = SeatingMip.solve(residual, seats - fixedSeats,
                Duration.ofMillis(Math.min(millisLeft, RESIDUAL_TIME_LIMIT.toMillis())), stop);
        if (!mip.optimal()) {
            return null;
        }
        boolean[] best = mip.chosen();
        Map<SeatingProgram.Var, Integer> index = new HashMap<>();
        for (int k = 0; k < program.vars.size(); k++) {
            index.put(program.vars.get(k), k);
        }
        boolean[] chosen = new boolean[integralPart.length];
        for (int k = 0; k < integralPart.length; k++) {
            chosen[k] = integralPart[k] && !fractional.get(program.vars.get(k).attendee());
        }
        for (int k = 0; k < residual.vars.size(); k++) {
            if (best[k]) {
                chosen[index.get(residual.vars.get(k))] = true;
            }
        }
        boolean better = program.seats(chosen) > program.seats(integralPart) || program.seats(chosen) == program.seats(
                integralPart) && program.cost(chosen) < program.cost(integralPart);
        return program.feasible(chosen) && better ? chosen : null;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}

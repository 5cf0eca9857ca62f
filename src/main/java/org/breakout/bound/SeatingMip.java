package org.breakout.bound;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * The exact seating optimum of a fixed timetable as an integer program ({@link SeatingProgram}, binary variables),
 * solved by SCIP through OR-Tools: for `breakout bound` on small programs, and for the attendees a fractional LP
 * optimum leaves ({@link SeatingLp}).
 * <p>
 * The lexicographic objective (most seats, then least preference cost) in two solves of one model, with SCIP's gap
 * at zero: the most seats, then the least cost with exactly that many. Not one weighted objective: a seat would have
 * to outweigh all costs together, and objective values that large are beyond SCIP's tolerances. Each solution is
 * checked against every row and its figures recomputed exactly from it; anything short of a proven optimum within the
 * time limit leaves the result unproven.
 */
final class SeatingMip {

    /** Outcome: {@code optimal} when both figures are proven; then {@code chosen} is an optimal 0-1 choice. */
    record Result(boolean optimal, long seats, long cost, boolean[] chosen, int variables, String status,
            long millis) {
    }

    private SeatingMip() {
    }

    /** How many binary variables the program has (to decide whether to try it). */
    static int countVariables(SeatingModel model) {
        return SeatingProgram.countVariables(model);
    }

    /**
     * Solves the program of the whole model.
     *
     * @param seatCap an upper bound on the (unpinned) seats, e.g. the flows' maximum
     * @param timeLimit wall-clock cap
     */
    static Result solve(SeatingModel model, long seatCap, Duration timeLimit) {
        return solve(new SeatingProgram(model), seatCap, timeLimit, () -> false);
    }

    /**
     * As {@link #solve(SeatingModel, long, Duration)}, for a program already built (possibly a residual one).
     *
     * @param stop polled while SCIP runs: true interrupts it (the result is then unproven)
     */
    static Result solve(SeatingProgram program, long seatCap, Duration timeLimit, BooleanSupplier stop) {
        long start = System.nanoTime();
        int n = program.vars.size();
        if (SeatingLp.unavailable() != null) {
            return failed(n, SeatingLp.unavailable(), start);
        }
        MPSolver mip = MPSolver.createSolver("SCIP");
        if (mip == null) {
            return failed(n, "SCIP is not in this build of OR-Tools", start);
        }
        ScheduledExecutorService watcher = SeatingLp.watch(mip, stop);
        try {
            mip.setSolverSpecificParametersAsString("limits/gap = 0\nlimits/absgap = 0\n");
            SeatingLp.Model model = SeatingLp.Model.build(mip, program, true, seatCap);
            MPVariable[] x = model.x();
            MPConstraint total = model.seatCap();
            MPObjective objective = mip.objective();
            for (MPVariable variable : x) {
                objective.setCoefficient(variable, 1);
            }
            objective.setMaximization();
            long deadline = start + timeLimit.toNanos();
            String problem = solveStage(mip, deadline);
            boolean[] chosen = problem == null ? chosen(program, x) : null;
            if (chosen == null) {
                return failed(n, problem == null ? "invalid solution" : problem, start);
            }
            long seats = program.seats(chosen);
            total.setBounds(seats, seats);
            for (int k = 0; k < n; k++) {
                objective.setCoefficient(x[k], program.vars.get(k).cost());
            }
            objective.setMinimization();
            problem = solveStage(mip, deadline);
            chosen = problem == null ? chosen(program, x) : null;
            if (chosen == null || program.seats(chosen) != seats) {
                return failed(n, problem == null ? "invalid solution" : problem, start);
            }
            return new Result(true, seats, program.cost(chosen), chosen, n, "optimal", millisSince(start));
        } finally {
            watcher.shutdownNow();
            mip.delete();
        }
    }

    /** Null when the stage ended optimal, else why not. */
    private static String solveStage(MPSolver mip, long deadline) {
        long millisLeft = (deadline - System.nanoTime()) / 1_000_000;
        if (millisLeft <= 0) {
            return "time limit reached";
        }
        mip.setTimeLimit(millisLeft);
        MPSolver.ResultStatus status = mip.solve();
        if (status == MPSolver.ResultStatus.OPTIMAL) {
            return null;
        }
        return System.nanoTime() >= deadline ? "time limit reached (" + status + ")" : "not solved (" + status + ")";
    }

    /** The solution as a 0-1 choice, or null when it is not integral or breaks a row. */
    private static boolean[] chosen(SeatingProgram program, MPVariable[] x) {
        boolean[] chosen = new boolean[x.length];
        for (int k = 0; k < x.length; k++) {
            double value = x[k].solutionValue();
            if (Math.abs(value - Math.rint(value)) > 1e-6) {
                return null;
            }
            chosen[k] = value > 0.5;
        }
        return program.feasible(chosen) ? chosen : null;
    }

    private static Result failed(int variables, String status, long start) {
        return new Result(false, -1, -1, null, variables, status, millisSince(start));
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}

package org.breakout.bound;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * The restricted master of the seating LP in Dantzig–Wolfe form: each attendee takes a convex combination of their
 * known columns ({@link ColumnPool}, an empty one implied), within the seat capacities and with at least the seat
 * target (short seats cost a penalty, so the master is always feasible). Its duals are prices for
 * {@link CapacityLagrangian#columnBound}: the bound comes from the dual function at them, not from the master. One
 * GLOP model over the rounds: new columns are added to it and the simplex starts from the last basis.
 */
final class ColumnGeneration implements AutoCloseable {

    /**
     * @param value the master's optimum (an upper bound on the LP's value while columns are missing)
     * @param runPrices per resource, the price of a seat in cost units (≥ 0)
     * @param seatPrice the seat target's price in cost units (≥ 0)
     */
    record Master(double value, double[] runPrices, double seatPrice) {
    }

    private final PricedProblem problem;
    private final ColumnPool pool;
    private final MPSolver lp = MPSolver.createSolver("GLOP");
    private final MPConstraint[] resource;
    private final MPConstraint seats;
    private final MPConstraint[] convexity;
    /** Per attendee, the columns of the pool already in the model. */
    private final int[] added;

    ColumnGeneration(PricedProblem problem, ColumnPool pool, long[] capacity, long seatsTarget) {
        this.problem = problem;
        this.pool = pool;
        double inf = MPSolver.infinity();
        resource = new MPConstraint[capacity.length];
        for (int k = 0; k < capacity.length; k++) {
            resource[k] = lp.makeConstraint(-inf, capacity[k]);
        }
        seats = lp.makeConstraint(seatsTarget, inf);
        MPVariable shortfall = lp.makeNumVar(0, inf, "");
        seats.setCoefficient(shortfall, 1);
        lp.objective().setCoefficient(shortfall, problem.maxSeatPrice());
        lp.objective().setMinimization();
        convexity = new MPConstraint[pool.attendees()];
        added = new int[pool.attendees()];
    }

    /** Adds the pool's new columns and solves the master; null when it is not optimal. */
    Master solve() {
        double inf = MPSolver.infinity();
        MPObjective objective = lp.objective();
        Map<Integer, Integer> uses = new HashMap<>();
        for (int a = 0; a < pool.attendees(); a++) {
            List<int[]> columns = pool.of(a);
            if (added[a] == columns.size()) {
                continue;
            }
            if (convexity[a] == null) {
                convexity[a] = lp.makeConstraint(-inf, 1);
            }
            for (int c = added[a]; c < columns.size(); c++) {
                int[] column = columns.get(c);
                MPVariable x = lp.makeNumVar(0, inf, "");
                convexity[a].setCoefficient(x, 1);
                seats.setCoefficient(x, column.length);
                long cost = 0;
                uses.clear();
                for (int pair : column) {
                    cost += problem.seatCost(a, pair);
                    for (int k : problem.pairResources[pair]) {
                        uses.merge(k, 1, Integer::sum);
                    }
                }
                objective.setCoefficient(x, cost);
                uses.forEach((k, n) -> resource[k].setCoefficient(x, n));
            }
            added[a] = columns.size();
        }
        if (lp.solve() != MPSolver.ResultStatus.OPTIMAL) {
            return null;
        }
        double[] runPrices = new double[resource.length];
        for (int k = 0; k < resource.length; k++) {
            runPrices[k] = Math.max(0, -resource[k].dualValue());
        }
        return new Master(objective.value(), runPrices, Math.max(0, seats.dualValue()));
    }

    @Override
    public void close() {
        lp.delete();
    }
}

package org.breakout.bound;

import java.util.List;

/**
 * The least cost of a min-cost flow as a function of its value: a convex, nondecreasing, piecewise linear
 * function from 0 (cost 0) to the maximum flow, given as pieces of {@code units} at {@code costPerUnit} each, in
 * increasing order of cost per unit.
 */
public record CostCurve(List<Piece> pieces) {

    /** {@code units} more units of flow, each costing {@code costPerUnit}. */
    public record Piece(long units, long costPerUnit) {
    }

    public CostCurve {
        pieces = List.copyOf(pieces);
    }

    /** The maximum flow value. */
    public long maxFlow() {
        long total = 0;
        for (Piece piece : pieces) {
            total += piece.units();
        }
        return total;
    }

    /** The least cost of a flow of exactly {@code flow} units; {@code flow} must be in [0, {@link #maxFlow()}]. */
    public long costAt(long flow) {
        if (flow < 0 || flow > maxFlow()) {
            throw new IllegalArgumentException("flow " + flow + " outside [0, " + maxFlow() + "]");
        }
        long cost = 0;
        long left = flow;
        for (Piece piece : pieces) {
            long take = Math.min(left, piece.units());
            cost += take * piece.costPerUnit();
            left -= take;
            if (left == 0) {
                break;
            }
        }
        return cost;
    }

    /** The least cost of a maximum flow. */
    public long costAtMax() {
        return costAt(maxFlow());
    }
}

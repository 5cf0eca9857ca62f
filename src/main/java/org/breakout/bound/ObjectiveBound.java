package org.breakout.bound;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.io.Json;

/**
 * A proven bound on the seating objective of an event: no schedule that keeps the rules fills more than
 * {@link #maxSeatsFilled()} wanted seats, and none that fills that many has a preference cost below
 * {@link #minPreferenceCost()}. When {@link #exact()} is true both figures are reached by some seating (they are
 * the optimum).
 * <p>
 * <b>Comparing a schedule that fills fewer seats.</b> A bound on a lexicographic objective needs care: when the
 * relaxation's maximum is above the true maximum, {@code minPreferenceCost} is the least cost <em>at that
 * maximum</em>, which says nothing about schedules that fill fewer seats (they may cost less). Use
 * {@link #minPreferenceCostAt(int)} instead: the least preference cost of the relaxations with exactly that many
 * seats filled. Every relaxation is a min-cost flow with nonnegative costs, whose least cost is a convex,
 * nondecreasing function of the flow value, and every schedule with {@code n} seats filled is a flow with
 * {@code n} units (pinned seats counted apart) of the same cost; so {@code minPreferenceCostAt(n)} is a valid lower
 * bound for any schedule with {@code n} seats filled. The gap of a schedule with {@code n} seats and cost {@code c}
 * is {@code c - minPreferenceCostAt(n)} on the cost, {@code maxSeatsFilled - n} on the seats.
 *
 * @param event the event's name
 * @param timetable {@code fixed} (every run that takes seats is placed), {@code mixed} or {@code open} (no run
 *        placed)
 * @param seatsWanted all wanted seats (one per attendee per wanted round)
 * @param pinnedSeats pinned seats, counted in the seats and cost figures as they are
 * @param pinnedCost their preference cost
 * @param maxSeatsFilled upper bound on the seats filled (exact if {@code exact})
 * @param minPreferenceCost lower bound on the preference cost of a schedule that fills {@code maxSeatsFilled}
 *        seats (exact if {@code exact})
 * @param exact whether both figures are proven to be reached
 * @param method how the figures were obtained
 * @param relaxed what the bound relaxes (empty when exact)
 * @param relaxations the figures of each flow relaxation solved
 * @param mip the integer program's outcome, or null when none was run
 * @param millis wall-clock time taken
 * @param curves the cost curves of the relaxations (for {@link #minPreferenceCostAt})
 * @param lines linear bounds valid at every number of seats (for {@link #minPreferenceCostAt})
 */
public record ObjectiveBound(String event, String timetable, int seatsWanted, int pinnedSeats, long pinnedCost,
        int maxSeatsFilled, long minPreferenceCost, boolean exact, String method, List<String> relaxed,
        List<Relaxation> relaxations, Mip mip, long millis, List<CostCurve> curves, List<CostLine> lines) {

    /**
     * A bound that is linear in the seats: every seating that fills {@code flow} unpinned seats costs at least
     * {@code ⌈(value + slope·(flow − at)) / scale⌉}. The Lagrangian relaxation gives one ({@link CapacityLagrangian}:
     * its dual value at {@code at} seats and its price of a seat as the slope), valid at every number of seats.
     */
    public record CostLine(long value, long slope, long at, long scale) {

        public long costAt(long flow) {
            return Math.max(0, -Math.floorDiv(-(value + slope * (flow - at)), scale));
        }
    }

    /**
     * One flow relaxation's own figures.
     *
     * @param maxSeatsFilled its maximum (pinned seats included)
     * @param minPreferenceCost its least cost at that maximum (pinned seats included)
     */
    public record Relaxation(String name, String relaxes, int maxSeatsFilled, long minPreferenceCost, int nodes,
            int arcs, long millis) {
    }

    /**
     * The exact integer program's outcome.
     *
     * @param status {@code optimal}, {@code skipped: …}, {@code time limit reached …}, …
     * @param variables binary variables (0 when not built)
     */
    public record Mip(String status, int variables, long millis) {
    }

    public ObjectiveBound {
        relaxed = List.copyOf(relaxed);
        relaxations = List.copyOf(relaxations);
        curves = List.copyOf(curves);
        lines = List.copyOf(lines);
    }

    /**
     * A lower bound on the preference cost of any schedule that keeps the rules and fills exactly
     * {@code seatsFilled} wanted seats (pinned seats included): the largest of the relaxations' least costs with
     * that many seats, or the exact optimum at {@link #maxSeatsFilled()} when {@link #exact()}. Nondecreasing in
     * {@code seatsFilled}. Below the number of pinned seats (which every schedule keeping the rules fills) it
     * returns 0.
     *
     * @throws IllegalArgumentException when {@code seatsFilled > maxSeatsFilled()}: no schedule fills that many
     */
    public long minPreferenceCostAt(int seatsFilled) {
        if (seatsFilled > maxSeatsFilled) {
            throw new IllegalArgumentException("no schedule fills " + seatsFilled + " seats: at most "
                    + maxSeatsFilled + " can be filled");
        }
        if (seatsFilled < pinnedSeats) {
            return 0;
        }
        if (seatsFilled == maxSeatsFilled) {
            return minPreferenceCost;
        }
        long flow = seatsFilled - pinnedSeats;
        long best = relaxedCostAt(curves, flow);
        for (CostLine line : lines) {
            best = Math.max(best, line.costAt(flow));
        }
        return pinnedCost + best;
    }

    /** The largest least cost of the curves at {@code flow} units (each curve must reach it). */
    static long relaxedCostAt(List<CostCurve> curves, long flow) {
        long best = 0;
        for (CostCurve curve : curves) {
            best = Math.max(best, curve.costAt(flow));
        }
        return best;
    }

    /** The figures as JSON (what {@code breakout bound --json} prints). */
    public ObjectNode toJson() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("event", event);
        node.put("seatsWanted", seatsWanted);
        node.put("maxSeatsFilled", maxSeatsFilled);
        node.put("minPreferenceCost", minPreferenceCost);
        node.put("exact", exact);
        node.put("timetable", timetable);
        node.put("method", method);
        ArrayNode relaxedNode = node.putArray("relaxed");
        relaxed.forEach(relaxedNode::add);
        node.put("pinnedSeats", pinnedSeats);
        node.put("pinnedCost", pinnedCost);
        ArrayNode relaxationsNode = node.putArray("relaxations");
        for (Relaxation relaxation : relaxations) {
            ObjectNode r = relaxationsNode.addObject();
            r.put("name", relaxation.name());
            r.put("relaxes", relaxation.relaxes());
            r.put("maxSeatsFilled", relaxation.maxSeatsFilled());
            r.put("minPreferenceCost", relaxation.minPreferenceCost());
            r.put("nodes", relaxation.nodes());
            r.put("arcs", relaxation.arcs());
            r.put("millis", relaxation.millis());
        }
        if (mip != null) {
            ObjectNode m = node.putObject("mip");
            m.put("solver", "SCIP (OR-Tools)");
            m.put("status", mip.status());
            m.put("variables", mip.variables());
            m.put("millis", mip.millis());
        }
        node.put("millis", millis);
        return node;
    }
}

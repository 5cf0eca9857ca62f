package org.breakout.bound;

/** The solver of the seating's LP relaxation ({@link SeatingLp}); the simplex and PDLP are OR-Tools'. */
public enum LpSolver {
    /**
     * GLOP's primal simplex: exact duals, so the bound is the LP's optimum; up to a few hundred thousand variables in
     * a minute (the default).
     */
    GLOP,
    /**
     * PDLP, a first-order method (primal-dual hybrid gradient) on every core, for events too big for the simplex:
     * its duals are approximate, so the bound is the capacity Lagrangian evaluated exactly at its capacity duals
     * ({@link CapacityLagrangian#boundAt}), which is as tight as the duals are good.
     */
    PDLP,
    /**
     * Column generation (Dantzig–Wolfe) from the capacity Lagrangian's prices: the LP over the attendees' solutions
     * seen so far (GLOP), its duals priced on every attendee for a proven bound and new solutions, until none is
     * new; never builds the whole LP ({@link CapacityLagrangian#columnBound}).
     */
    COLUMNS
}

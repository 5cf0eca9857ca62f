package org.breakout.bound;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;

/**
 * Computes an {@link ObjectiveBound} for a schedule: the most wanted seats any schedule can fill, and the least
 * preference cost of a schedule that fills that many. Plain Java over the domain objects (no Timefold), and
 * deterministic except for the integer program's time limit.
 * <p>
 * What every bound keeps: wanted rounds per attendee (one seat per round, as many seats as rounds wanted),
 * eligibility ({@link org.breakout.domain.EventSettings#mayAttend}: audience, unranked rule), run seat limits (room
 * capacity or session cap), pinned seats (they fill their seat, occupy their run's capacity, their round and their
 * session for the attendee) and the placements in the file: every placed run keeps its round and room.
 * <ul>
 * <li><b>Fixed timetable</b> (every run that takes seats is placed): a min-cost flow source → attendee →
 * (attendee, round) → run → sink ({@link FlowRelaxation.Grouping#ROUND}). It is exact unless an attendee can reach
 * two runs of one session in different wanted rounds; then it relaxes "never twice in the same session", and the
 * bound also takes the session-based flow ({@link FlowRelaxation.Grouping#SESSION}, which relaxes "one seat per
 * round" instead). When neither flow's optimum happens to keep both rules, it tries to re-assign the rounds of the
 * session-flow optimum ({@link RoundRepair}: same sessions, same cost); failing that, it solves the integer program
 * ({@link SeatingMip}) if it has at most {@link Options#mipMaxVariables()} variables, within
 * {@link Options#mipTimeLimit()}.</li>
 * <li><b>Open or mixed timetable</b>: the unplaced runs become capacities no placement can exceed (see
 * {@link SeatingModel}); both flows with per-session totals, and, where rooms per round are the tighter limit,
 * both with per-round totals. Never exact.</li>
 * </ul>
 * The bound is the best of the relaxations solved: the least of their maximum seats, and at every number of seats
 * the largest of their least costs ({@link ObjectiveBound#minPreferenceCostAt}).
 */
public final class BoundCalculator {

    /**
     * @param mip whether to try the exact integer program at all
     * @param mipMaxVariables the largest program tried
     * @param mipTimeLimit wall-clock cap on the program
     * @param unrankedHubsFrom route unranked seats through shared hub nodes when the flows would otherwise have at
     *        least this many unranked seat arcs (big events: it cuts the network about tenfold; the session flow
     *        then relaxes "never twice in the same session" for unranked seats, see {@link FlowRelaxation})
     * @param lpMaxVariables the largest seating LP tried ({@link SeatingLp}), 0 for never
     * @param lpTimeLimit wall-clock cap on the LP
     * @param lagrangianSolves attendee problems the Lagrangian's ascent may solve over its steps; above what its
     *        steps need on every attendee, it takes them on a sample first ({@link CapacityLagrangian.Budget})
     * @param lpSolver the LP's solver
     */
    public record Options(boolean mip, int mipMaxVariables, Duration mipTimeLimit, long unrankedHubsFrom,
            int lpMaxVariables, Duration lpTimeLimit, long lagrangianSolves, LpSolver lpSolver) {

        public static final long DEFAULT_UNRANKED_HUBS_FROM = 250_000;
        /**
         * GLOP, 2 cores: about 2.5 s on medium-fixed's 81,413 variables, 7–9 s on scale-fixed-1k's 112,432, 27 s on
         * scale-fixed-2k's 226,001 (integral: the optimum); an earlier 200,000-variable event took 50–80 s. Up to
         * 300,000 the LP fits in its time limit and in the seating phase's minutes; large-fixed has 1.1 million.
         */
        public static final int DEFAULT_LP_MAX_VARIABLES = 300_000;
        public static final Duration DEFAULT_LP_TIME_LIMIT = Duration.ofSeconds(60);
        public static final Options DEFAULT = new Options(true, 3_000, Duration.ofSeconds(20));

        public Options(boolean mip, int mipMaxVariables, Duration mipTimeLimit) {
            this(mip, mipMaxVariables, mipTimeLimit, DEFAULT_UNRANKED_HUBS_FROM, DEFAULT_LP_MAX_VARIABLES,
                    DEFAULT_LP_TIME_LIMIT, CapacityLagrangian.Budget.DEFAULT.attendeeSolves(), LpSolver.GLOP);
        }

        public Options withoutMip() {
            return new Options(false, mipMaxVariables, mipTimeLimit, unrankedHubsFrom, lpMaxVariables, lpTimeLimit,
                    lagrangianSolves, lpSolver);
        }

        public Options withUnrankedHubsFrom(long arcs) {
            return new Options(mip, mipMaxVariables, mipTimeLimit, arcs, lpMaxVariables, lpTimeLimit,
                    lagrangianSolves, lpSolver);
        }

        public Options withLp(int maxVariables, Duration timeLimit) {
            return new Options(mip, mipMaxVariables, mipTimeLimit, unrankedHubsFrom, maxVariables, timeLimit,
                    lagrangianSolves, lpSolver);
        }

        /** The same options with this many attendee problems for the Lagrangian's ascent. */
        public Options withLagrangianSolves(long solves) {
            return new Options(mip, mipMaxVariables, mipTimeLimit, unrankedHubsFrom, lpMaxVariables, lpTimeLimit,
                    solves, lpSolver);
        }

        /** The same options with the LP solved by {@code solver}. */
        public Options withLpSolver(LpSolver solver) {
            return new Options(mip, mipMaxVariables, mipTimeLimit, unrankedHubsFrom, lpMaxVariables, lpTimeLimit,
                    lagrangianSolves, solver);
        }
    }

    static final String PLACEMENT_RELAXED = "unplaced runs: instead of a round and a room, seat capacities that no "
            + "placement can exceed — per (session, round) the largest suitable free rooms (one per unplaced run, one "
            + "per round if the session has a speaker), per session its best distinct (round, room) placements, per "
            + "round the largest free rooms for as many unplaced runs as could be there; which rooms other sessions "
            + "take, speaker clashes between different sessions' unplaced runs and theme clashes are ignored";

    private BoundCalculator() {
    }

    public static ObjectiveBound compute(Schedule schedule) {
        return compute(schedule, Options.DEFAULT);
    }

    public static ObjectiveBound compute(Schedule schedule, Options options) {
        return compute(schedule, options, stage -> {
        });
    }

    /**
     * As {@link #compute(Schedule, Options)}, telling {@code stages} when each stage starts ("round flow",
     * "round flow and session flow (side by side)", "round repair", "lagrangian", "most seats, priced", "room
     * assignment", "integer program …"): progress lines of {@code breakout bound} on big events.
     */
    public static ObjectiveBound compute(Schedule schedule, Options options, Consumer<String> stages) {
        long start = System.nanoTime();
        stages.accept("model");
        SeatingModel model = new SeatingModel(schedule);
        List<FlowRelaxation.Result> results = new ArrayList<>();
        List<ObjectiveBound.Relaxation> figures = new ArrayList<>();
        boolean fixed = model.timetableFixed();
        String timetable = fixed ? "fixed" : model.unplacedRuns == schedule.getRuns().size() ? "open" : "mixed";
        boolean hubs = model.unrankedSeatOptions() >= options.unrankedHubsFrom();

        boolean repeats = fixed && repeatsReachable(model);
        PricedProblems problems = new PricedProblems(model);
        if (!fixed || repeats) {
            stages.accept("round flow and session flow (side by side)");
            // The round flow usually ends first: while it waits for the session flow, that thread builds the
            // Lagrangian's problem where the Lagrangian is likely to run (a second on 50,000 attendees).
            solveBoth(model, FlowRelaxation.Aggregate.SESSION, hubs, results, figures, () -> {
                if (!fixed || SeatingProgram.countVariables(model) > options.lpMaxVariables()) {
                    problems.get();
                }
            });
        } else {
            stages.accept("round flow");
            solve(model, FlowRelaxation.Grouping.ROUND, FlowRelaxation.Aggregate.SESSION, hubs, results, figures);
        }
        if (!fixed && model.roundCapacityBinds()) {
            stages.accept("round flow and session flow, per-round totals (side by side)");
            solveBoth(model, FlowRelaxation.Aggregate.ROUND, hubs, results, figures, () -> {
            });
        }
        List<CostCurve> curves = results.stream().map(FlowRelaxation.Result::curve).toList();
        long flowSeats = curves.stream().mapToLong(CostCurve::maxFlow).min().orElse(0);
        long flowCost = ObjectiveBound.relaxedCostAt(curves, flowSeats);

        long seats = flowSeats;
        long cost = flowCost;
        boolean exact = false;
        String method;
        List<String> relaxed = new ArrayList<>();
        List<ObjectiveBound.CostLine> lines = new ArrayList<>();
        ObjectiveBound.Mip mip = null;
        if (fixed) {
            FlowRelaxation.Result feasible = results.stream()
                    .filter(r -> r.curve().maxFlow() == flowSeats && FlowRelaxation.keepsAttendeeRules(r.solution()))
                    .findFirst().orElse(null);
            if (!repeats) {
                exact = true;
                method = "min-cost flow (exact: no attendee can take a session in two of their rounds)";
            } else if (feasible != null) {
                exact = true;
                method = "min-cost flow (exact: the " + feasible.name() + " optimum keeps every rule)";
            } else if (!model.oneRunPerSessionAndRound) {
                // Two placed runs of one session in one round (only a schedule not read from a file can have them):
                // the round re-assignment and the integer program do not handle them.
                method = "min-cost flow (a session has two runs in one round: bound only)";
                results.forEach(r -> relaxed.add(r.name() + ": " + r.relaxes()));
            } else if (results.stream().anyMatch(r -> r.grouping() == FlowRelaxation.Grouping.SESSION
                    && r.curve().maxFlow() == flowSeats && repair(model, r, stages))) {
                exact = true;
                method = "min-cost flow (exact: the session-flow optimum, its rounds re-assigned, keeps every rule)";
            } else {
                method = "min-cost flow";
                results.forEach(r -> relaxed.add(r.name() + ": " + r.relaxes()));
                LpOutcome lp = seatingLp(model, flowSeats, options, stages);
                if (lp.result() != null) {
                    SeatingLp.Result result = lp.result();
                    if (result.seats() > flowSeats) {
                        throw new IllegalStateException("the seating LP allows more seats than the flows (" + result
                                + " against " + flowSeats + "): a bug");
                    }
                    seats = result.seats();
                    long lpCost = result.cost();
                    boolean firstOrder = options.lpSolver() == LpSolver.PDLP;
                    if (firstOrder) {
                        // Approximate duals: summed over millions of columns their errors cost more than the
                        // Lagrangian at the same capacity prices, which prices every attendee's rows exactly.
                        stages.accept("lagrangian at the LP's prices");
                        lpCost = Math.max(lpCost, new CapacityLagrangian(problems.get(), seats).boundAt(
                                result.prices().runs(), result.prices().seatWeight()));
                    }
                    String relaxes = firstOrder ? LP_FIRST_ORDER_RELAXES : LP_RELAXES;
                    cost = Math.max(ObjectiveBound.relaxedCostAt(curves, seats), lpCost);
                    figures.add(new ObjectiveBound.Relaxation("lp", relaxes + " (" + result.status() + ")",
                            (int) (model.pinnedSeats + seats), model.pinnedCost + lpCost, 0, 0,
                            result.millis()));
                    relaxed.add("lp: " + relaxes);
                    if (result.seatingSeats() == seats && result.seatingCost() == lpCost) {
                        exact = true;
                        relaxed.clear();
                        method = LP_EXACT_METHOD;
                    } else {
                        method = firstOrder ? LP_FIRST_ORDER_METHOD : LP_METHOD;
                    }
                } else {
                    method += lp.note();
                    CapacityLagrangian.Result priced = lagrangian(problems.get(), flowSeats, options, figures, lines,
                            stages, true);
                    if (priced != null && priced.seatingSeats() < flowSeats) {
                        // The flows' seats may be out of reach (each drops an attendee rule): the seats' LP bound.
                        stages.accept("most seats, priced");
                        long seatsStart = System.nanoTime();
                        long lpSeats = CapacityLagrangian.maxSeats(model, flowSeats, LAGRANGIAN_ITERATIONS,
                                options.lagrangianSolves());
                        if (lpSeats < flowSeats) {
                            seats = lpSeats;
                            cost = ObjectiveBound.relaxedCostAt(curves, seats);
                            figures.removeIf(figure -> figure.name().equals("lagrangian"));
                            figures.add(new ObjectiveBound.Relaxation("lagrangian-seats", LAGRANGIAN_SEATS_RELAXES,
                                    (int) (model.pinnedSeats + seats), model.pinnedCost + cost, 0, 0,
                                    (System.nanoTime() - seatsStart) / 1_000_000));
                            priced = lagrangian(problems.get(), seats, options, figures, lines, stages, true);
                        }
                    }
                    if (priced != null && priced.costBound() > cost) {
                        cost = priced.costBound();
                        method = (options.lpSolver() == LpSolver.COLUMNS ? COLUMNS_METHOD : LAGRANGIAN_METHOD)
                                + lp.note();
                    }
                    if (seats < flowSeats) {
                        method += "; seats: the seating's LP bound (Lagrangian), below the flows' " + flowSeats;
                    }
                    if (priced != null && priced.seatingSeats() == seats && priced.seatingCost() == cost) {
                        exact = true;
                        relaxed.clear();
                        method = "Lagrangian relaxation (exact: a seating built from its prices reaches it)";
                    }
                }
                if (exact) {
                    // reached: nothing more to prove
                } else if (!options.mip()) {
                    mip = new ObjectiveBound.Mip("skipped: turned off", 0, 0);
                } else {
                    int variables = SeatingMip.countVariables(model);
                    if (variables > options.mipMaxVariables()) {
                        mip = new ObjectiveBound.Mip("skipped: " + variables + " variables, more than "
                                + options.mipMaxVariables(), variables, 0);
                    } else {
                        stages.accept("integer program (" + variables + " variables)");
                        SeatingMip.Result result = SeatingMip.solve(model, seats, options.mipTimeLimit());
                        mip = new ObjectiveBound.Mip(result.status(), result.variables(), result.millis());
                        if (result.optimal()) {
                            if (result.seats() > seats || result.cost() < ObjectiveBound.relaxedCostAt(curves,
                                    result.seats())) {
                                throw new IllegalStateException("the integer program beat the flow relaxation ("
                                        + result + " against " + seats + " seats, cost " + flowCost + "): a bug");
                            }
                            exact = true;
                            seats = result.seats();
                            cost = result.cost();
                            relaxed.clear();
                            method = "integer program (SCIP), proven optimal; min-cost flow for the cost curve";
                        }
                    }
                }
            }
        } else {
            method = "min-cost flow over a relaxed timetable (best of " + results.size() + " relaxations)";
            relaxed.add(PLACEMENT_RELAXED);
            results.forEach(r -> relaxed.add(r.name() + ": " + r.relaxes()));
            // The flows let every free run have the best room of every round at once; rooms are one run each.
            stages.accept("room assignment");
            long roomStart = System.nanoTime();
            RoomAssignment.Result rooms = RoomAssignment.solve(model);
            figures.add(new ObjectiveBound.Relaxation("room-assignment", ROOM_ASSIGNMENT_RELAXES,
                    (int) (model.pinnedSeats + rooms.seats()),
                    model.pinnedCost + ObjectiveBound.relaxedCostAt(curves, Math.min(rooms.seats(), flowSeats)),
                    rooms.nodes(), rooms.arcs(), (System.nanoTime() - roomStart) / 1_000_000));
            if (rooms.seats() < seats) {
                seats = rooms.seats();
                cost = ObjectiveBound.relaxedCostAt(curves, seats);
                method += ", seats capped by the room assignment";
            }
            if (seats > 0) {
                // The short ascent: over a relaxed timetable the longer one gained nothing on the open datasets
                // (rank-all-open-300, -2000, medium-open: the same bound in 1.4-1.8 times the time).
                CapacityLagrangian.Result priced = lagrangian(problems.get(), seats, options, figures, lines, stages,
                        false);
                if (priced != null && priced.costBound() > cost) {
                    cost = priced.costBound();
                    method = LAGRANGIAN_METHOD + ", over a relaxed timetable";
                }
            }
        }
        if (!exact && seats == 0) {
            // Nothing can be filled beyond the pinned seats: the bound is reached.
            exact = true;
            relaxed.clear();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new ObjectiveBound(schedule.getName(), timetable, model.seatsWanted, model.pinnedSeats,
                model.pinnedCost, (int) (model.pinnedSeats + seats), model.pinnedCost + cost, exact, method, relaxed,
                figures, mip, millis, curves, lines);
    }

    static final String LP_RELAXES = "fractional seats (every x[attendee, run] in [0, 1]); every other rule kept; "
            + "solved by GLOP, the bound recomputed exactly from its duals";

    static final String LP_METHOD = "the seating's LP relaxation (GLOP; proven by weak duality), at least the min-cost "
            + "flows' bound";

    static final String LP_FIRST_ORDER_RELAXES = "fractional seats (every x[attendee, run] in [0, 1]); every other "
            + "rule kept; solved by PDLP (a first-order method), the bound: the capacity Lagrangian evaluated exactly at "
            + "its capacity duals, or weak duality from all its duals, whichever is higher";

    static final String LP_FIRST_ORDER_METHOD = "the seating's LP relaxation (PDLP; proven by the capacity Lagrangian "
            + "at its duals), at least the min-cost flows' bound";

    static final String LP_EXACT_METHOD = "the seating's LP relaxation (exact: its optimum is integral, a seating that "
            + "reaches it)";

    /** The LP's result, or why it was not used (a clause for the method, starting with "; "). */
    private record LpOutcome(SeatingLp.Result result, String note) {
    }

    private static LpOutcome seatingLp(SeatingModel model, long flowSeats, Options options, Consumer<String> stages) {
        if (options.lpMaxVariables() <= 0) {
            return new LpOutcome(null, "");
        }
        if (options.lpSolver() == LpSolver.COLUMNS) { // the Lagrangian's ascent comes first (lagrangian(…))
            return new LpOutcome(null, SeatingLp.unavailable() == null ? ""
                    : "; column generation skipped: " + SeatingLp.unavailable());
        }
        int variables = SeatingProgram.countVariables(model);
        if (variables > options.lpMaxVariables()) {
            return new LpOutcome(null, "; seating LP skipped: " + variables + " variables, more than "
                    + options.lpMaxVariables());
        }
        if (SeatingLp.unavailable() != null) {
            return new LpOutcome(null, "; seating LP skipped: " + SeatingLp.unavailable());
        }
        stages.accept("seating LP (" + variables + " variables)");
        SeatingLp.Result result = SeatingLp.solve(new SeatingProgram(model), flowSeats, options.lpTimeLimit(),
                () -> false, options.lpSolver());
        return result.solved() ? new LpOutcome(result, "") : new LpOutcome(null, "; seating LP: " + result.status());
    }

    static final String LAGRANGIAN_SEATS_RELAXES = "seats only (cost: the flows' at these seats): the seating's LP "
            + "bound on seats, by the capacity Lagrangian with every seat costing 0";

    static final String ROOM_ASSIGNMENT_RELAXES = "seats only (cost: the flows' at these seats): free runs in "
            + "distinct rooms of the rounds they may have, each offering its session's seat limit there; speakers' "
            + "clashes between free runs, repeats in one round and who the attendees are";

    static final String LAGRANGIAN_METHOD = "Lagrangian relaxation of the seat capacities (the seating's LP bound, "
            + "by subgradient ascent), at least the min-cost flows' bound";

    static final String COLUMNS_METHOD = "Lagrangian relaxation of the seat capacities (the seating's LP bound, by "
            + "subgradient ascent, then column generation from its prices), at least the min-cost flows' bound";

    /** Rounds of column generation at most (the LP time limit caps them too): 22 reached the LP on 10,000 attendees. */
    static final int COLUMN_ROUNDS = 200;

    /**
     * Steps of the Lagrangian's subgradient ascent (deterministic: no clock); events too big for that many
     * ({@link CapacityLagrangian#affords}) keep the flows' bound.
     */
    static final int LAGRANGIAN_ITERATIONS = 1000;
    /**
     * Steps on a fixed timetable when the budget gives every attendee that many
     * ({@link CapacityLagrangian#affordsOnAll}; by default events up to 10,000 attendees): the bound rises 0.05–1.3 %
     * for about twice the time
     * (benchmarks/RESULTS.md, "A longer ascent").
     */
    static final int LONG_LAGRANGIAN_ITERATIONS = CapacityLagrangian.LONG_ASCENT;

    /** Subgradient steps between two progress lines of the ascent. */
    static final int STEPS_PER_PROGRESS_LINE = 100;

    /**
     * The Lagrangian's result (its figure added to {@code figures}, its bound linear in the seats to {@code lines}),
     * or null when the event is too big for it. On a fixed timetable the long ascent where the budget affords it,
     * and column generation after it when the options ask for it.
     */
    private static CapacityLagrangian.Result lagrangian(PricedProblem problem, long seats, Options options,
            List<ObjectiveBound.Relaxation> figures, List<ObjectiveBound.CostLine> lines, Consumer<String> stages,
            boolean fixedTimetable) {
        SeatingModel model = problem.model;
        CapacityLagrangian lagrangian = new CapacityLagrangian(problem, seats,
                CapacityLagrangian.Budget.DEFAULT.withAttendeeSolves(options.lagrangianSolves()));
        if (!lagrangian.affords(LAGRANGIAN_ITERATIONS)) {
            return null;
        }
        boolean columns = fixedTimetable && options.lpSolver() == LpSolver.COLUMNS && options.lpMaxVariables() > 0
                && SeatingLp.unavailable() == null;
        if (columns) {
            lagrangian.collectColumns();
        }
        stages.accept("lagrangian");
        int iterations = fixedTimetable && lagrangian.affordsOnAll(LONG_LAGRANGIAN_ITERATIONS)
                ? LONG_LAGRANGIAN_ITERATIONS : LAGRANGIAN_ITERATIONS;
        // A line every hundred steps, so a long ascent (a minute on 50,000 attendees) shows where it is.
        CapacityLagrangian.Result result = lagrangian.solve(iterations, () -> false, step -> {
            if (step % STEPS_PER_PROGRESS_LINE == 0) {
                stages.accept("lagrangian, step " + step);
            }
        });
        String steps = stepsText(result);
        if (columns) {
            stages.accept("column generation");
            long deadline = System.nanoTime() + options.lpTimeLimit().toNanos();
            long columnsStart = System.nanoTime();
            CapacityLagrangian.ColumnBound generated = lagrangian.columnBound(COLUMN_ROUNDS,
                    () -> System.nanoTime() > deadline, round -> stages.accept("column generation, round " + round));
            String sample = generated.sampleAttendees() == 0 ? ""
                    : String.format(Locale.ROOT, " on the sample of %,d, its prices then on all",
                            generated.sampleAttendees());
            steps += ", then " + generated.rounds() + " rounds of column generation" + sample + " ("
                    + String.format(Locale.ROOT, "%,d", generated.columns()) + " columns"
                    + (generated.lpOptimal() ? ", the LP's optimum" : ", stopped before the LP's optimum")
                    + (generated.sampleAttendees() == 0 ? "" : " on the sample") + ")";
            long millis = result.millis() + (System.nanoTime() - columnsStart) / 1_000_000;
            result = new CapacityLagrangian.Result(Math.max(result.costBound(), generated.costBound()),
                    result.seating(), result.seatingSeats(), result.seatingCost(), result.choices(),
                    result.iterations(), result.sampleIterations(), millis, result.line());
        }
        figures.add(new ObjectiveBound.Relaxation("lagrangian", "seat capacities, priced (" + steps + ")",
                (int) (model.pinnedSeats + seats), model.pinnedCost + result.costBound(), 0, 0, result.millis()));
        if (result.line() != null) {
            lines.add(result.line());
        }
        return result;
    }

    private static String stepsText(CapacityLagrangian.Result result) {
        return result.sampleIterations() == 0 ? result.iterations() + " subgradient steps"
                : result.sampleIterations() + " subgradient steps on a sample of the attendees, then "
                        + result.iterations() + " on all";
    }

    private static boolean repair(SeatingModel model, FlowRelaxation.Result result, Consumer<String> stages) {
        stages.accept("round repair");
        return RoundRepair.repair(model, result.solution());
    }

    private static void solve(SeatingModel model, FlowRelaxation.Grouping grouping, FlowRelaxation.Aggregate aggregate,
            boolean hubs, List<FlowRelaxation.Result> results, List<ObjectiveBound.Relaxation> figures) {
        add(model, timed(model, grouping, aggregate, hubs), results, figures);
    }

    /**
     * The round flow here and the session flow on a second thread, at the same time: each is one single-threaded
     * min-cost flow, and together they are a third of the bound's time on big events. Results in that order.
     */
    private static void solveBoth(SeatingModel model, FlowRelaxation.Aggregate aggregate, boolean hubs,
            List<FlowRelaxation.Result> results, List<ObjectiveBound.Relaxation> figures, Runnable whileWaiting) {
        CompletableFuture<Timed> session = CompletableFuture.supplyAsync(
                () -> timed(model, FlowRelaxation.Grouping.SESSION, aggregate, hubs), runnable -> {
                    Thread thread = new Thread(runnable, "breakout-bound-session-flow");
                    thread.setDaemon(true);
                    thread.start();
                });
        Timed round = timed(model, FlowRelaxation.Grouping.ROUND, aggregate, hubs);
        if (!session.isDone()) {
            whileWaiting.run();
        }
        Timed other;
        try {
            other = session.join();
        } catch (CompletionException e) {
            // As if it had run on this thread: an OutOfMemoryError stays one (the command reports it).
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
        add(model, round, results, figures);
        add(model, other, results, figures);
    }

    /** The Lagrangian's problem of a model, built once when first asked for. */
    private static final class PricedProblems {
        private final SeatingModel model;
        private PricedProblem problem;

        PricedProblems(SeatingModel model) {
            this.model = model;
        }

        PricedProblem get() {
            if (problem == null) {
                problem = new PricedProblem(model);
            }
            return problem;
        }
    }

    /** A flow's result and how long it took. */
    private record Timed(FlowRelaxation.Result result, long millis) {
    }

    private static Timed timed(SeatingModel model, FlowRelaxation.Grouping grouping,
            FlowRelaxation.Aggregate aggregate, boolean hubs) {
        long start = System.nanoTime();
        FlowRelaxation.Result result = FlowRelaxation.solve(model, grouping, aggregate, hubs);
        return new Timed(result, (System.nanoTime() - start) / 1_000_000);
    }

    private static void add(SeatingModel model, Timed timed, List<FlowRelaxation.Result> results,
            List<ObjectiveBound.Relaxation> figures) {
        FlowRelaxation.Result result = timed.result();
        results.add(result);
        figures.add(new ObjectiveBound.Relaxation(result.name(), result.relaxes(),
                (int) (model.pinnedSeats + result.curve().maxFlow()), model.pinnedCost + result.curve().costAtMax(),
                result.nodes(), result.arcs(), timed.millis()));
    }

    /** Whether some attendee can reach runs of one session in two of their free wanted rounds. */
    static boolean repeatsReachable(SeatingModel model) {
        for (SeatingModel.AttendeeSlots slots : model.attendees) {
            if (slots.remainingSeats < 2) {
                continue;
            }
            for (Session session : slots.sessions) {
                Map<Round, SessionRun> runs = model.fixedRun.getOrDefault(session, Map.of());
                int reachable = 0;
                for (Round round : slots.freeRounds) {
                    SessionRun run = runs.get(round);
                    if (run != null && model.fixedRemaining.getOrDefault(run, 0) > 0) {
                        reachable++;
                    }
                }
                if (reachable >= 2) {
                    return true;
                }
            }
        }
        return false;
    }
}

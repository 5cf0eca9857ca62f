package org.breakout.bound;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.breakout.domain.Round;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.optimisation.integer.IntegerStrategy;
import org.ojalgo.type.context.NumberContext;

/**
 * The exact seating optimum for a fixed timetable as an integer program (ojAlgo, pure Java): a binary
 * {@code x[a, run]} for every attendee and every placed run they may take in a wanted round without a pinned seat,
 * with
 * <ul>
 * <li>Σ over a run's attendees ≤ the run's remaining seats (seat limit minus pinned seats);</li>
 * <li>Σ over an attendee's runs in one round ≤ 1;</li>
 * <li>Σ over an attendee's runs of one session ≤ 1 (never twice in the same session), and no run of a session
 * the attendee already has a pinned seat in;</li>
 * <li>Σ over an attendee's runs ≤ their wanted seats minus pinned seats.</li>
 * </ul>
 * The lexicographic objective (most seats, then least preference cost) is solved in stages rather than with one
 * big weight, so that no relative optimality gap hides a seat: first least cost with exactly the flow bound's
 * seats; only if that is infeasible, most seats, then least cost with that many. A stage that does not end
 * {@link Optimisation.State#OPTIMAL} within the time left makes the whole result unproven.
 */
final class SeatingMip {

    /** Outcome: {@code optimal} when both figures are proven. */
    record Result(boolean optimal, long seats, long cost, int variables, String status, long millis) {
    }

    private record Var(int attendee, SessionRun run, long cost) {
    }

    static {
        // ojAlgo prints a note about hardware profiles to standard output on first use unless this is set; it
        // would break `breakout bound --json`.
        if (System.getProperty("shut.up.ojAlgo") == null) {
            System.setProperty("shut.up.ojAlgo", "true");
        }
    }

    private SeatingMip() {
    }

    /** How many binary variables the program has (to decide whether to try it). */
    static int countVariables(SeatingModel model) {
        // variables(model).size(), counted session by session (a session has runs in few rounds) without making
        // them: on big events the program is far too large to try, and its millions of variables only say so.
        // Attendees with the same tags share their list of sessions (SeatingModel): counted once per list and rounds.
        Map<List<Session>, Map<List<Round>, Integer>> counted = new IdentityHashMap<>();
        long count = 0;
        for (SeatingModel.AttendeeSlots slots : model.attendees) {
            if (slots.remainingSeats == 0) {
                continue;
            }
            count += counted.computeIfAbsent(slots.sessions, sessions -> new HashMap<>())
                    .computeIfAbsent(slots.freeRounds, rounds -> countVariables(model, slots.sessions, rounds));
        }
        return (int) Math.min(Integer.MAX_VALUE, count);
    }

    private static int countVariables(SeatingModel model, List<Session> sessions, List<Round> freeRounds) {
        int count = 0;
        for (Session session : sessions) {
            for (Map.Entry<Round, SessionRun> run : model.fixedRun.getOrDefault(session, Map.of()).entrySet()) {
                if (freeRounds.contains(run.getKey()) && model.fixedRemaining.getOrDefault(run.getValue(), 0) > 0) {
                    count++;
                }
            }
        }
        return count;
    }

    private static List<Var> variables(SeatingModel model) {
        List<Var> vars = new ArrayList<>();
        for (int i = 0; i < model.attendees.size(); i++) {
            SeatingModel.AttendeeSlots slots = model.attendees.get(i);
            if (slots.remainingSeats == 0) {
                continue;
            }
            for (Round round : slots.freeRounds) {
                for (Session session : slots.sessions) {
                    SessionRun run = model.fixedRun.getOrDefault(session, Map.of()).get(round);
                    if (run != null && model.fixedRemaining.getOrDefault(run, 0) > 0) {
                        vars.add(new Var(i, run, model.settings.seatCost(slots.attendee, session)));
                    }
                }
            }
        }
        return vars;
    }

    /**
     * Solves the program.
     *
     * @param flowSeats the flow relaxation's maximum (unpinned) seats, an upper bound
     * @param timeLimit wall-clock cap over all stages
     */
    static Result solve(SeatingModel model, long flowSeats, Duration timeLimit) {
        // ojAlgo checks its time limit only between branch-and-bound nodes, and one LP of a large program can take
        // far longer: run it on a daemon thread and stop waiting at the limit (plus a little for the last stage).
        long start = System.nanoTime();
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "breakout-bound-mip");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<Result> future = executor.submit(() -> solveNow(model, flowSeats, timeLimit));
            return future.get(timeLimit.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new Result(false, -1, -1, countVariables(model), "time limit reached (abandoned)",
                    (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, -1, -1, countVariables(model), "interrupted", (System.nanoTime() - start) / 1_000_000);
        } catch (ExecutionException e) {
            return new Result(false, -1, -1, countVariables(model), "failed: " + e.getCause(),
                    (System.nanoTime() - start) / 1_000_000);
        } finally {
            executor.shutdownNow();
        }
    }

    private static Result solveNow(SeatingModel model, long flowSeats, Duration timeLimit) {
        long start = System.nanoTime();
        long deadline = start + timeLimit.toNanos();
        List<Var> vars = variables(model);
        Stage first = stage(model, vars, flowSeats, false, deadline);
        if (first.state.isOptimal()) {
            return done(true, flowSeats, first.value, vars, "optimal", start);
        }
        if (first.state != Optimisation.State.INFEASIBLE) {
            return done(false, -1, -1, vars, describe(first.state, deadline), start);
        }
        Stage most = stage(model, vars, -1, true, deadline);
        if (!most.state.isOptimal()) {
            return done(false, -1, -1, vars, describe(most.state, deadline), start);
        }
        long seats = most.value;
        Stage least = stage(model, vars, seats, false, deadline);
        if (!least.state.isOptimal()) {
            return done(false, -1, -1, vars, describe(least.state, deadline), start);
        }
        return done(true, seats, least.value, vars, "optimal (fewer seats than the flow bound)", start);
    }

    private static Result done(boolean optimal, long seats, long cost, List<Var> vars, String status, long start) {
        return new Result(optimal, seats, cost, vars.size(), status, (System.nanoTime() - start) / 1_000_000);
    }

    private static String describe(Optimisation.State state, long deadline) {
        return System.nanoTime() >= deadline ? "time limit reached (" + state + ")" : "not solved (" + state + ")";
    }

    private record Stage(Optimisation.State state, long value) {
    }

    /**
     * One stage: with {@code maximiseSeats}, the most seats; otherwise the least cost with exactly {@code seats}
     * seats. The value is recomputed exactly from the rounded solution after checking every constraint.
     */
    private static Stage stage(SeatingModel model, List<Var> vars, long seats, boolean maximiseSeats, long deadline) {
        long millisLeft = (deadline - System.nanoTime()) / 1_000_000;
        if (millisLeft <= 0) {
            return new Stage(Optimisation.State.UNEXPLORED, -1);
        }
        ExpressionsBasedModel mip = new ExpressionsBasedModel();
        mip.options.time_abort = millisLeft;
        mip.options.time_suffice = millisLeft;
        mip.options.integer(IntegerStrategy.DEFAULT.withGapTolerance(NumberContext.of(12, 8)));
        List<Variable> x = new ArrayList<>(vars.size());
        for (int k = 0; k < vars.size(); k++) {
            Variable variable = mip.addVariable("x" + k).binary();
            variable.weight(maximiseSeats ? 1 : vars.get(k).cost());
            x.add(variable);
        }
        Map<String, List<Integer>> perAttendeeRound = new LinkedHashMap<>();
        Map<String, List<Integer>> perAttendeeSession = new LinkedHashMap<>();
        Map<Integer, List<Integer>> perAttendee = new LinkedHashMap<>();
        Map<SessionRun, List<Integer>> perRun = new LinkedHashMap<>();
        for (int k = 0; k < vars.size(); k++) {
            Var v = vars.get(k);
            perAttendeeRound.computeIfAbsent(v.attendee() + "/" + v.run().getRound().id(), key -> new ArrayList<>()).add(k);
            perAttendeeSession.computeIfAbsent(v.attendee() + "/" + v.run().getSession().id(), key -> new ArrayList<>())
                    .add(k);
            perAttendee.computeIfAbsent(v.attendee(), key -> new ArrayList<>()).add(k);
            perRun.computeIfAbsent(v.run(), key -> new ArrayList<>()).add(k);
        }
        int[] counter = { 0 };
        perAttendeeRound.values().forEach(ks -> atMost(mip, x, ks, 1, counter));
        perAttendeeSession.values().forEach(ks -> atMost(mip, x, ks, 1, counter));
        perAttendee.forEach((i, ks) -> atMost(mip, x, ks, model.attendees.get(i).remainingSeats, counter));
        perRun.forEach((run, ks) -> atMost(mip, x, ks, model.fixedRemaining.get(run), counter));
        if (!maximiseSeats) {
            Expression total = mip.addExpression("seats").level(seats);
            x.forEach(variable -> total.set(variable, 1));
        }
        Optimisation.Result result = maximiseSeats ? mip.maximise() : mip.minimise();
        if (!result.getState().isOptimal()) {
            return new Stage(result.getState(), -1);
        }
        // Round and check the solution; compute its value exactly.
        int[] chosen = new int[vars.size()];
        for (int k = 0; k < vars.size(); k++) {
            double value = result.doubleValue(k);
            if (Math.abs(value - Math.rint(value)) > 1e-6) {
                return new Stage(Optimisation.State.APPROXIMATE, -1);
            }
            chosen[k] = (int) Math.rint(value);
        }
        for (List<Integer> ks : perAttendeeRound.values()) {
            if (sum(chosen, ks) > 1) {
                return new Stage(Optimisation.State.INVALID, -1);
            }
        }
        for (List<Integer> ks : perAttendeeSession.values()) {
            if (sum(chosen, ks) > 1) {
                return new Stage(Optimisation.State.INVALID, -1);
            }
        }
        for (Map.Entry<Integer, List<Integer>> entry : perAttendee.entrySet()) {
            if (sum(chosen, entry.getValue()) > model.attendees.get(entry.getKey()).remainingSeats) {
                return new Stage(Optimisation.State.INVALID, -1);
            }
        }
        for (Map.Entry<SessionRun, List<Integer>> entry : perRun.entrySet()) {
            if (sum(chosen, entry.getValue()) > model.fixedRemaining.get(entry.getKey())) {
                return new Stage(Optimisation.State.INVALID, -1);
            }
        }
        long seatCount = 0;
        long cost = 0;
        for (int k = 0; k < vars.size(); k++) {
            seatCount += chosen[k];
            cost += chosen[k] * vars.get(k).cost();
        }
        if (!maximiseSeats && seatCount != seats) {
            return new Stage(Optimisation.State.INVALID, -1);
        }
        return new Stage(result.getState(), maximiseSeats ? seatCount : cost);
    }

    private static void atMost(ExpressionsBasedModel mip, List<Variable> x, List<Integer> ks, long limit, int[] counter) {
        if (ks.size() <= limit) {
            return;
        }
        Expression expression = mip.addExpression("c" + counter[0]++).upper(limit);
        for (int k : ks) {
            expression.set(x.get(k), 1);
        }
    }

    private static long sum(int[] chosen, List<Integer> ks) {
        long total = 0;
        for (int k : ks) {
            total += chosen[k];
        }
        return total;
    }
}

package org.breakout.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.breakout.bound.ExactSeating;
import org.breakout.domain.Attendee;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;

/**
 * Custom phase: seats everyone optimally for the timetable the working solution has now ({@link SeatingFlow}).
 * <p>
 * Only unpinned seats change; pinned seats and every run stay as they are. A run that is not placed (no round or
 * no room) offers no seats: a seat in it is moved or emptied, and nobody is seated in it. Placement should
 * therefore run first (the configured phases place every run before this one); the phase itself never fails on
 * an unplaced run. It is a single step; termination is checked before it starts and during the flow's repair of
 * repeated sessions (which then drops the duplicates left: a feasible seating, not proven optimal) and between the
 * sweeps of the round-by-round seating, so that it does not run far past the solver's time limit.
 * <p>
 * Big events get {@link RoundSeating} instead: one flow over all rounds grows with seats times options, and its
 * repair of repeated sessions re-solves it hundreds of times (on 10,000 attendees with 18 repeated sessions it had
 * not finished after minutes). Above {@link #MAX_FLOW_SEAT_OPTIONS} (seats times the runs each may take) the phase
 * seats one round at a time, each exactly, sweeping the rounds until no round can improve (from the current
 * seating when seats are already taken: the phase runs again after local search, or the input had one).
 */
public class SeatingPhase implements PhaseCommand<Schedule> {

    /** The most seat options (unpinned seats times their eligible runs) seated by the exact flow. */
    public static final long MAX_FLOW_SEAT_OPTIONS = 2_000_000;

    private static final String RUN = "run";

    /** Made when the solver is built, before the phases before it run: the LP's libraries load meanwhile. */
    public SeatingPhase() {
        ExactSeating.prepare();
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<Schedule> scoreDirector, BooleanSupplier isPhaseTerminated) {
        Schedule schedule = scoreDirector.getWorkingSolution();
        if (isPhaseTerminated.getAsBoolean() || schedule.isProvenOptimal()) {
            // Proven optimal: a later seating phase could only find the same cost, and would clear the mark.
            return;
        }
        long start = System.nanoTime();
        Seating outcome = seat(schedule, MAX_FLOW_SEAT_OPTIONS, isPhaseTerminated);
        LOG.debug("seating found {} ms after the phase started", millisSince(start));
        apply(scoreDirector, outcome);
        LOG.debug("seating applied to the working solution {} ms after the phase started", millisSince(start));
    }

    /** Puts a seating on the working solution, and marks it proven optimal when it is. */
    static void apply(ScoreDirector<Schedule> scoreDirector, Seating outcome) {
        Schedule schedule = scoreDirector.getWorkingSolution();
        // With every run pinned only the seats can change, and the flow's objective is exactly the part of the
        // score that depends on them: a seating that reaches its bound cannot be improved.
        schedule.setProvenOptimal(outcome.provenOptimal() && timetablePinned(schedule));
        boolean changed = false;
        for (Map.Entry<Seat, SessionRun> entry : outcome.seating().entrySet()) {
            Seat seat = entry.getKey();
            if (seat.isPinned() || Objects.equals(seat.getRun(), entry.getValue())) {
                continue;
            }
            scoreDirector.beforeVariableChanged(seat, RUN);
            seat.setRun(entry.getValue());
            scoreDirector.afterVariableChanged(seat, RUN);
            changed = true;
        }
        if (changed) {
            scoreDirector.triggerVariableListeners();
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(SeatingPhase.class);

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** A seating of the unpinned seats, and whether it is proven optimal for the timetable. */
    record Seating(Map<Seat, SessionRun> seating, boolean provenOptimal) {
    }

    /**
     * The exact flow seating when the event has at most {@code maxFlowOptions} seat options, else the round-by-round
     * one (whose later sweeps stop when {@code terminated} says so).
     */
    static Seating seat(Schedule schedule, long maxFlowOptions, BooleanSupplier terminated) {
        return seat(schedule, maxFlowOptions, ExactSeating.QUICK_LP_MAX_VARIABLES, terminated);
    }

    /** As {@link #seat(Schedule, long, BooleanSupplier)}, leaving LPs above {@code quickLpMaxVariables} to {@link SeatingLpStep}. */
    static Seating seat(Schedule schedule, long maxFlowOptions, int quickLpMaxVariables, BooleanSupplier terminated) {
        if (schedule.seatOptions() > maxFlowOptions) {
            return new Seating(RoundSeating.solve(schedule, terminated), false);
        }
        // With placed repeats and nothing seated yet: the bound's exact paths first (when one proves its seating
        // nothing else is needed; the seating LP's completed seating is a candidate otherwise), then the
        // round-by-round descent from the capacity prices, before the flow, whose repair of repeated sessions is a
        // heuristic and slow on big overloaded events. The descent is fast and often better
        // (medium-fixed: the same 8,939 seats at cost 1,638 against 1,726), and a time limit during the repair
        // still leaves it. An LP that takes long (more than ExactSeating.QUICK_LP_MAX_VARIABLES) is the next step's
        // (SeatingLpStep), after this one has handed its seating over.
        boolean descent = fromScratch(schedule) && placedRepeats(schedule);
        List<Map<Seat, SessionRun>> candidates = new ArrayList<>();
        if (descent) {
            ExactSeatings exact = new ExactSeatings(schedule, quickLpMaxVariables, terminated);
            Candidate proven = offer(exact.repairedOrQuickLp(), candidates);
            if (proven != null) {
                return new Seating(proven.seating(), true);
            }
            candidates.add(RoundSeating.solve(schedule, terminated));
        }
        SeatingFlow.Result result = SeatingFlow.solveWithDetails(schedule, terminated);
        if (result.provenOptimal()) {
            return new Seating(result.seating(), true);
        }
        if (!descent && !terminated.getAsBoolean()) {
            ExactSeatings exact = new ExactSeatings(schedule, quickLpMaxVariables, terminated);
            Candidate proven = offer(exact.repairedOrQuickLp(), candidates);
            if (proven != null) {
                return new Seating(proven.seating(), true);
            }
        }
        Map<Seat, SessionRun> best = result.seating();
        for (Map<Seat, SessionRun> candidate : candidates) {
            if (better(schedule, candidate, best)) {
                best = candidate;
            }
        }
        return new Seating(best, false);
    }

    /** Whether every run is placed and pinned: the timetable cannot change, only the seats. */
    static boolean timetablePinned(Schedule schedule) {
        return schedule.getRuns().stream().allMatch(run -> run.isPinned() && run.isPlaced());
    }

    /** Whether some session has placed runs in two rounds (an attendee might then take it twice). */
    private static boolean placedRepeats(Schedule schedule) {
        Map<Session, Round> first = new HashMap<>();
        for (SessionRun run : schedule.getRuns()) {
            if (run.getRound() != null) {
                Round seen = first.putIfAbsent(run.getSession(), run.getRound());
                if (seen != null && !seen.equals(run.getRound())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether no unpinned seat is taken or was published (the descent's start from prices applies). */
    private static boolean fromScratch(Schedule schedule) {
        return schedule.getSeats().stream().noneMatch(seat -> !seat.isPinned() && (seat.isAssigned()
                || seat.hasPrevious()));
    }

    /** More seats, or as many at a lower preference cost (the seating's part of the score without published seats). */
    static boolean better(Schedule schedule, Map<Seat, SessionRun> a, Map<Seat, SessionRun> b) {
        long[] x = seatsAndCost(schedule, a);
        long[] y = seatsAndCost(schedule, b);
        return x[0] > y[0] || x[0] == y[0] && x[1] < y[1];
    }

    private static long[] seatsAndCost(Schedule schedule, Map<Seat, SessionRun> seating) {
        long seats = 0;
        long cost = 0;
        for (Map.Entry<Seat, SessionRun> entry : seating.entrySet()) {
            if (entry.getValue() != null) {
                seats++;
                cost += schedule.getSettings().seatCost(entry.getKey().getAttendee(), entry.getValue().getSession());
            }
        }
        return new long[] {seats, cost};
    }

    /** {@code found} when it is proven optimal; otherwise null, and {@code found} (when there is one) is a candidate. */
    private static Candidate offer(Candidate found, List<Map<Seat, SessionRun>> candidates) {
        if (found != null && found.optimal()) {
            return found;
        }
        if (found != null) {
            candidates.add(found.seating());
        }
        return null;
    }

    /** A seating from the bound's exact paths, and whether it is proven optimal. */
    record Candidate(Map<Seat, SessionRun> seating, boolean optimal) {
    }

    /**
     * The bound's seatings of a fixed timetable ({@link ExactSeating}: the session-flow optimum, its rounds
     * re-assigned, or the seating LP's optimum, completed where it is fractional), when they apply: the flow's repair
     * of repeated sessions is a heuristic, these are the optimum when proven and strong candidates otherwise. Only
     * without published seats: the bound's objective is the preference cost alone, the seating flow's also counts
     * published seats that are not kept.
     * <p>
     * The LP only where the timetable cannot change (every run pinned): there its seating is the answer. On a
     * timetable the solver placed it gave medium-open's first seating a slightly lower cost, and the timetable search
     * after it ended better on some seeds and worse on others (RESULTS.md, "medium-open: seeds"): no gain for its
     * seconds. And once per solve: a later seating phase starts from the best schedule, already at least as good as
     * that LP's seating (scale-fixed-1k: 7 s of a second LP that could not win).
     */
    static final class ExactSeatings {
        private final Schedule schedule;
        private final int quickLpMaxVariables;
        private final BooleanSupplier terminated;
        private final Map<Attendee, List<Seat>> seatsByAttendee = new LinkedHashMap<>();
        private final ExactSeating.Paths paths;
        private boolean lpTried;

        ExactSeatings(Schedule schedule, int quickLpMaxVariables, BooleanSupplier terminated) {
            this.schedule = schedule;
            this.quickLpMaxVariables = quickLpMaxVariables;
            this.terminated = terminated;
            boolean published = false;
            for (Seat seat : schedule.getSeats()) {
                if (!seat.isPinned()) {
                    published |= seat.hasPrevious();
                    seatsByAttendee.computeIfAbsent(seat.getAttendee(), a -> new ArrayList<>()).add(seat);
                }
            }
            this.paths = published ? null : ExactSeating.of(schedule);
        }

        /** The rounds re-assigned, else the LP when it is quick. */
        Candidate repairedOrQuickLp() {
            if (paths == null) {
                return null;
            }
            Candidate repaired = candidate(paths.repaired());
            if (repaired != null || !lpAllowed() || paths.lpVariables() > quickLpMaxVariables) {
                return repaired;
            }
            return lp();
        }

        /** The LP when it is not quick (and nothing before it proved a seating), for {@link SeatingLpStep}. */
        Candidate slowLp() {
            return paths == null || !lpAllowed() || terminated.getAsBoolean()
                    || paths.lpVariables() <= quickLpMaxVariables ? null : lp();
        }

        private boolean lpAllowed() {
            return !lpTried && timetablePinned(schedule) && !schedule.isSeatingLpSolved();
        }

        private Candidate lp() {
            lpTried = true;
            // For the progress lines: a big LP takes tens of seconds (scale-fixed-2k's 226,001 variables: 24–27 s).
            PhaseStages.of(schedule).accept(String.format(Locale.ROOT, "LP, %,d variables", paths.lpVariables()));
            ExactSeating.Outcome outcome = paths.lp(terminated);
            Candidate candidate = candidate(outcome);
            if (candidate != null && outcome.lpSolved()) {
                schedule.setSeatingLpSolved(true);
            }
            return candidate;
        }

        /** The outcome's runs on the attendees' seats, or null when there are none or they do not fit the seats. */
        private Candidate candidate(ExactSeating.Outcome outcome) {
            if (outcome.runs() == null) {
                return null;
            }
            Map<Seat, SessionRun> seating = new LinkedHashMap<>();
            for (Seat seat : schedule.getSeats()) {
                if (!seat.isPinned()) {
                    seating.put(seat, null);
                }
            }
            for (Map.Entry<Attendee, List<Seat>> entry : seatsByAttendee.entrySet()) {
                List<SessionRun> given = outcome.runs().getOrDefault(entry.getKey(), List.of());
                SessionRun[] perSeat = SeatingFlow.matchToSeats(entry.getValue(), given);
                if (Arrays.stream(perSeat).filter(Objects::nonNull).count() != given.size()) {
                    return null; // seats with different value ranges that cannot take these runs: keep the flow's
                }
                for (int i = 0; i < perSeat.length; i++) {
                    seating.put(entry.getValue().get(i), perSeat[i]);
                }
            }
            return new Candidate(seating, outcome.optimal());
        }
    }
}

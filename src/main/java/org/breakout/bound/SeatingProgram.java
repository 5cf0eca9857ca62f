package org.breakout.bound;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

import org.breakout.domain.Round;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;

/**
 * The seating of a fixed timetable as a 0-1 program, shared by the integer program ({@link SeatingMip}) and the LP
 * relaxation ({@link SeatingLp}): a variable {@code x[a, run]} for every attendee and every placed run with seats
 * left that they may take in a wanted round without a pinned seat, and the rows
 * <ul>
 * <li>Σ over an attendee's runs in one round ≤ 1;</li>
 * <li>Σ over an attendee's runs of one session ≤ 1 (never twice in the same session; sessions the attendee has a
 * pinned seat in have no variables);</li>
 * <li>Σ over an attendee's runs ≤ their wanted seats minus pinned seats;</li>
 * <li>Σ over a run's attendees ≤ the run's remaining seats (seat limit minus pinned seats).</li>
 * </ul>
 * Rows that cannot bind (fewer variables than their limit) are left out.
 */
final class SeatingProgram {

    /** One variable: attendee (index into {@link SeatingModel#attendees}), run and the seat's preference cost. */
    record Var(int attendee, SessionRun run, long cost) {
    }

    /** One row: Σ x[k] over {@code vars} ≤ {@code limit}. */
    record Row(int[] vars, long limit) {
    }

    final SeatingModel model;
    final List<Var> vars;
    final List<Row> rows;
    /** The rows from here on are the runs' capacity rows (each of one run). */
    final int firstRunRow;

    SeatingProgram(SeatingModel model) {
        this(model, attendee -> true, model.fixedRemaining);
    }

    /**
     * The program of some attendees only, with the given remaining seats per run (a residual program: the other
     * attendees' seats already taken out).
     */
    SeatingProgram(SeatingModel model, IntPredicate attendees, Map<SessionRun, Integer> remaining) {
        this.model = model;
        this.vars = variables(model, attendees, remaining);
        // The variables come attendee by attendee (see variables), so each attendee's rows are made from one stretch
        // of them; the rows are in the order of first appearance: every attendee's rounds, then their repeated
        // sessions, then the attendees, then the runs.
        List<Row> roundRows = new ArrayList<>();
        List<Row> sessionRows = new ArrayList<>();
        List<Row> attendeeRows = new ArrayList<>();
        Map<SessionRun, List<Integer>> perRun = new LinkedHashMap<>();
        int from = 0;
        while (from < vars.size()) {
            int attendee = vars.get(from).attendee();
            int to = from;
            Map<Round, List<Integer>> perRound = new LinkedHashMap<>();
            Map<Session, List<Integer>> perSession = new LinkedHashMap<>();
            while (to < vars.size() && vars.get(to).attendee() == attendee) {
                SessionRun run = vars.get(to).run();
                perRound.computeIfAbsent(run.getRound(), key -> new ArrayList<>()).add(to);
                perSession.computeIfAbsent(run.getSession(), key -> new ArrayList<>()).add(to);
                perRun.computeIfAbsent(run, key -> new ArrayList<>()).add(to);
                to++;
            }
            perRound.values().forEach(ks -> addRow(roundRows, ks, 1));
            perSession.values().forEach(ks -> addRow(sessionRows, ks, 1));
            List<Integer> all = new ArrayList<>(to - from);
            for (int k = from; k < to; k++) {
                all.add(k);
            }
            addRow(attendeeRows, all, model.attendees.get(attendee).remainingSeats);
            from = to;
        }
        List<Row> all = new ArrayList<>(roundRows);
        all.addAll(sessionRows);
        all.addAll(attendeeRows);
        this.firstRunRow = all.size();
        perRun.forEach((run, ks) -> addRow(all, ks, remaining.get(run)));
        this.rows = List.copyOf(all);
    }

    private static void addRow(List<Row> rows, List<Integer> ks, long limit) {
        if (ks.size() > limit) {
            rows.add(new Row(ks.stream().mapToInt(Integer::intValue).toArray(), limit));
        }
    }

    /** Whether a 0-1 choice of the variables keeps every row. */
    boolean feasible(boolean[] chosen) {
        for (Row row : rows) {
            long sum = 0;
            for (int k : row.vars()) {
                if (chosen[k]) {
                    sum++;
                }
            }
            if (sum > row.limit()) {
                return false;
            }
        }
        return true;
    }

    long seats(boolean[] chosen) {
        long seats = 0;
        for (boolean c : chosen) {
            if (c) {
                seats++;
            }
        }
        return seats;
    }

    long cost(boolean[] chosen) {
        long cost = 0;
        for (int k = 0; k < chosen.length; k++) {
            if (chosen[k]) {
                cost += vars.get(k).cost();
            }
        }
        return cost;
    }

    /** The chosen variables as seats (attendee, session, round). */
    List<FlowRelaxation.SeatChoice> seatChoices(boolean[] chosen) {
        List<FlowRelaxation.SeatChoice> seats = new ArrayList<>();
        for (int k = 0; k < chosen.length; k++) {
            if (chosen[k]) {
                Var v = vars.get(k);
                seats.add(new FlowRelaxation.SeatChoice(v.attendee(), v.run().getSession(), v.run().getRound()));
            }
        }
        return seats;
    }

    /** How many variables the program has, counted without making them (to decide whether to try it). */
    static int countVariables(SeatingModel model) {
        // Counted session by session (a session has runs in few rounds): on big events the program is far too large
        // to try, and its millions of variables only say so. Attendees with the same tags share their list of
        // sessions (SeatingModel): counted once per list and rounds.
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

    private static List<Var> variables(SeatingModel model, IntPredicate attendees, Map<SessionRun, Integer> remaining) {
        List<Var> vars = new ArrayList<>();
        for (int i = 0; i < model.attendees.size(); i++) {
            SeatingModel.AttendeeSlots slots = model.attendees.get(i);
            if (slots.remainingSeats == 0 || !attendees.test(i)) {
                continue;
            }
            for (Round round : slots.freeRounds) {
                for (Session session : slots.sessions) {
                    SessionRun run = model.fixedRun.getOrDefault(session, Map.of()).get(round);
                    if (run != null && remaining.getOrDefault(run, 0) > 0) {
                        vars.add(new Var(i, run, model.settings.seatCost(slots.attendee, session)));
                    }
                }
            }
        }
        return vars;
    }
}

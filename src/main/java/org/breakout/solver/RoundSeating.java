package org.breakout.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.breakout.bound.PricedSeating;
import org.breakout.domain.Attendee;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;

/**
 * The seating of events too big for one exact flow over all rounds: one round at a time, each exactly.
 * <p>
 * Re-seating one round with every other round kept ({@link SeatingFlow#reseatRounds}) is a transportation problem
 * (attendees → that round's runs; sessions an attendee holds in another round left out), which
 * {@link TransportationSeating} solves exactly in well under a second for 10,000 attendees. Sweeping the rounds
 * until a whole sweep moves nobody is block coordinate descent: every step is optimal for its round given the
 * others, so the seating never gets worse, and it ends in a seating no single round can improve.
 * <p>
 * A descent ends near where it starts, so from scratch it starts from prices ({@link PricedSeating}): the
 * attendees' own best seats at the prices of the bound's Lagrangian relaxation of the capacities, cut down to the
 * capacities; the sweeps then fill and improve the rest. Measured on a 10,000-attendee fixed event (8 rounds, 141
 * runs, 18 repeated sessions): every seat the bound allows (60,840) at preference cost 1,136,406, within 1.5 % of
 * the LP bound, where the round-flow relaxation as a start (every round seated on its own; kept for timetables that
 * are not fixed) ended at 1,209,649.
 * <p>
 * The first sweep always runs to its end (before it the seating may hold a session twice); after it the sweeps stop
 * between rounds when the phase is terminated, and the fills across rounds run once more. Deterministic (under a
 * step or score limit; a time limit stops it where the clock says).
 */
final class RoundSeating {

    /** Where the time goes, at debug level ({@code -Dorg.slf4j.simpleLogger.log.org.breakout.solver.RoundSeating=debug}). */
    private static final Logger LOG = LoggerFactory.getLogger(RoundSeating.class);

    /** Sweeps over the rounds at most; measured: the seating stops changing after one or two. */
    static final int MAX_SWEEPS = 8;

    /** Subgradient steps of the prices for the start (deterministic; the ascent often ends sooner). */
    static final int PRICE_ITERATIONS = 1000;

    private RoundSeating() {
    }

    /** A seating of every unpinned seat (seat → run, null = unseated); the schedule is left as it was. */
    static Map<Seat, SessionRun> solve(Schedule schedule, BooleanSupplier terminated) {
        Map<Seat, SessionRun> original = new LinkedHashMap<>();
        for (Seat seat : schedule.getSeats()) {
            if (!seat.isPinned()) {
                original.put(seat, seat.getRun());
            }
        }
        List<Round> rounds = schedule.getRounds().stream().sorted().toList();
        long start = System.nanoTime();
        Consumer<String> stages = PhaseStages.of(schedule);
        try {
            if (original.values().stream().noneMatch(Objects::nonNull)) {
                stages.accept("prices");
                Map<Attendee, List<SessionRun>> priced = PricedSeating.seat(schedule, PRICE_ITERATIONS, terminated,
                        step -> stages.accept("prices: step " + step));
                if (priced != null) {
                    seatAll(original.keySet(), priced);
                } else {
                    seatEachRoundAlone(schedule, rounds, original.keySet());
                }
                LOG.debug("start from {} after {} ms", priced != null ? "prices" : "each round alone",
                        millisSince(start));
            }
            // A round is solved again only when another round moved somebody since its last solve: otherwise its
            // problem, hence its optimum (ties kept as they are), is the same.
            long moves = 0;
            long[] movesAtLastSolve = new long[rounds.size()];
            Arrays.fill(movesAtLastSolve, -1);
            int repairs = 0;
            boolean stopped = false;
            sweeps:
            for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
                long movesBefore = moves;
                for (int r = 0; r < rounds.size(); r++) {
                    if (sweep > 0 && terminated.getAsBoolean()) {
                        stopped = true; // (a round on 50,000 attendees takes about a second, a sweep ten)
                        break sweeps;
                    }
                    if (movesAtLastSolve[r] == moves) {
                        continue;
                    }
                    stages.accept("sweep " + (sweep + 1) + ", round " + rounds.get(r).id());
                    moves += apply(SeatingFlow.reseatRounds(schedule, Set.of(rounds.get(r))).seating());
                    movesAtLastSolve[r] = moves;
                }
                LOG.debug("sweep {}: {} seat changes, {} ms", sweep, moves - movesBefore, millisSince(start));
                if (moves == movesBefore) {
                    // No round can do better alone; seats that only a move across two rounds fills come next.
                    int filled = 0;
                    if (repairs++ < MAX_REPAIRS) {
                        stages.accept("seats across rounds");
                        filled = fillAcrossRounds(schedule, original.keySet());
                        if (filled == 0) {
                            filled = shiftAcrossRounds(schedule, original.keySet());
                        }
                    }
                    LOG.debug("fills across rounds: {} seats, {} ms", filled, millisSince(start));
                    if (filled == 0) {
                        break;
                    }
                    moves += filled;
                }
            }
            if (stopped) {
                // Seats come before cost: when time is up, the fills across rounds still run (about a second each
                // on 50,000 attendees), so a short limit does not leave seats the sweeps had not got to.
                stages.accept("seats across rounds");
                int filled = fillAcrossRounds(schedule, original.keySet());
                filled += shiftAcrossRounds(schedule, original.keySet());
                LOG.debug("stopped; fills across rounds: {} seats, {} ms", filled, millisSince(start));
            }
            Map<Seat, SessionRun> seating = new LinkedHashMap<>();
            for (Seat seat : original.keySet()) {
                seating.put(seat, seat.getRun());
            }
            return seating;
        } finally {
            original.forEach(Seat::setRun);
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Passes of {@link #fillAcrossRounds} at most. */
    static final int MAX_REPAIRS = 3;

    /**
     * Fills empty seats that no single round can fill: an attendee without a seat in round r holds session S in
     * round r', S has a free seat in r, and some session they do not hold has a free seat in r'. Moving S to r and
     * taking that seat in r' fills one more seat and keeps every rule (the cheapest such seat in r' is taken).
     * Returns the seats filled.
     */
    private static int fillAcrossRounds(Schedule schedule, Set<Seat> unpinned) {
        Map<SessionRun, Integer> taken = new HashMap<>();
        Map<Attendee, List<Seat>> seatsOf = new LinkedHashMap<>();
        for (Seat seat : schedule.getSeats()) {
            if (seat.getRun() != null) {
                taken.merge(seat.getRun(), 1, Integer::sum);
            }
            seatsOf.computeIfAbsent(seat.getAttendee(), a -> new ArrayList<>()).add(seat);
        }
        int filled = 0;
        for (Map.Entry<Attendee, List<Seat>> entry : seatsOf.entrySet()) {
            Attendee attendee = entry.getKey();
            Holding holding = Holding.of(entry.getValue(), unpinned);
            if (holding == null) {
                continue;
            }
            Seat empty = holding.empty();
            Set<Round> heldRounds = holding.rounds();
            Set<Session> heldSessions = holding.sessions();
            move:
            for (Seat moving : entry.getValue()) {
                if (moving.getRun() == null || !unpinned.contains(moving)) {
                    continue;
                }
                SessionRun from = moving.getRun();
                for (SessionRun to : moving.getEligibleRuns()) {
                    if (to.getSession() != from.getSession() || to.getRound() == null
                            || heldRounds.contains(to.getRound()) || !attendee.wants(to.getRound())
                            || !hasRoom(to, taken)) {
                        continue;
                    }
                    // S moves to the free round; the round it leaves gets the cheapest free seat they may take.
                    SessionRun refill = null;
                    long refillCost = Long.MAX_VALUE;
                    for (SessionRun run : empty.getEligibleRuns()) {
                        if (run.getRound() != from.getRound() || heldSessions.contains(run.getSession())
                                || !hasRoom(run, taken)) {
                            continue;
                        }
                        long cost = schedule.getSettings().seatCost(attendee, run.getSession());
                        if (cost < refillCost) {
                            refill = run;
                            refillCost = cost;
                        }
                    }
                    if (refill == null) {
                        continue;
                    }
                    moving.setRun(to);
                    empty.setRun(refill);
                    taken.merge(from, -1, Integer::sum);
                    taken.merge(to, 1, Integer::sum);
                    taken.merge(refill, 1, Integer::sum);
                    filled++;
                    break move;
                }
            }
        }
        return filled;
    }

    /**
     * Fills empty seats through another attendee's two rounds: attendee a has no seat in round r, where every
     * session they may take is full; b holds session X in r (which a may take) and session Y in round r', Y has room
     * in r, and some session Z has room in r' for b. Then b takes Y in r and Z in r', and a takes b's seat in X: one
     * more seat, every rule kept (the cheapest Z is taken). A round alone cannot find this (it keeps Y in r' for b)
     * and neither can {@link #fillAcrossRounds} (a moves nothing). Returns the seats filled.
     */
    private static int shiftAcrossRounds(Schedule schedule, Set<Seat> unpinned) {
        // Identity maps: this runs over every seat and holder, and the domain's hash codes are not free.
        Map<SessionRun, Integer> taken = new IdentityHashMap<>();
        Map<Attendee, List<Seat>> seatsOf = new IdentityHashMap<>();
        List<Attendee> attendees = new ArrayList<>();
        for (Seat seat : schedule.getSeats()) {
            if (seat.getRun() != null) {
                taken.merge(seat.getRun(), 1, Integer::sum);
            }
            seatsOf.computeIfAbsent(seat.getAttendee(), x -> {
                attendees.add(x);
                return new ArrayList<>();
            }).add(seat);
        }
        // Per round: the sessions with a run there and room in it (what b's Y must be).
        Map<Round, Map<Session, SessionRun>> roomIn = new IdentityHashMap<>();
        for (SessionRun run : schedule.getRuns()) {
            if (run.getRound() != null && hasRoom(run, taken)) {
                roomIn.computeIfAbsent(run.getRound(), x -> new IdentityHashMap<>()).put(run.getSession(), run);
            }
        }
        // Per run x: the seats in it whose attendee b holds, in another round, a session with room in x's round —
        // the only holders that can make room in x this way (few: such sessions are given in several rounds).
        Map<SessionRun, List<Seat>> movers = new IdentityHashMap<>();
        for (Attendee b : attendees) {
            List<Seat> bSeats = seatsOf.get(b);
            for (Seat inX : bSeats) {
                SessionRun x = inX.getRun();
                if (x == null || !unpinned.contains(inX)) {
                    continue;
                }
                Map<Session, SessionRun> roomy = roomIn.getOrDefault(x.getRound(), Map.of());
                for (Seat other : bSeats) {
                    if (other != inX && other.getRun() != null && roomy.containsKey(other.getRun().getSession())) {
                        movers.computeIfAbsent(x, k -> new ArrayList<>()).add(inX);
                        break;
                    }
                }
            }
        }
        int filled = 0;
        for (Attendee a : attendees) {
            Holding holding = Holding.of(seatsOf.get(a), unpinned);
            if (holding == null) {
                continue;
            }
            Seat empty = holding.empty();
            Set<Round> aRounds = holding.rounds();
            Set<Session> aSessions = holding.sessions();
            chain:
            for (SessionRun x : empty.getEligibleRuns()) {
                Round r = x.getRound();
                if (r == null || aRounds.contains(r) || !a.wants(r) || aSessions.contains(x.getSession())) {
                    continue;
                }
                Map<Session, SessionRun> roomy = roomIn.getOrDefault(r, Map.of());
                if (roomy.isEmpty()) {
                    continue;
                }
                for (Seat bSeat : movers.getOrDefault(x, List.of())) {
                    Attendee b = bSeat.getAttendee();
                    if (b == a || bSeat.getRun() != x) {
                        continue; // (a seat that moved since the list was made)
                    }
                    List<Seat> bSeats = seatsOf.get(b);
                    for (Seat yHeld : bSeats) {
                        SessionRun yThere = yHeld.getRun();
                        if (yThere == null || yThere == x) {
                            continue;
                        }
                        SessionRun yHere = roomy.get(yThere.getSession());
                        if (yHere == null || !hasRoom(yHere, taken) || !unpinned.contains(yHeld)
                                || !bSeat.getEligibleRuns().contains(yHere)) {
                            continue;
                        }
                        SessionRun z = cheapestFor(schedule, b, yHeld, yThere.getRound(), x.getSession(), bSeats,
                                taken);
                        if (z == null) {
                            continue;
                        }
                        bSeat.setRun(yHere);
                        yHeld.setRun(z);
                        empty.setRun(x);
                        taken.merge(yThere, -1, Integer::sum);
                        taken.merge(yHere, 1, Integer::sum);
                        taken.merge(z, 1, Integer::sum);
                        roomIn.computeIfAbsent(yThere.getRound(), k -> new IdentityHashMap<>())
                                .put(yThere.getSession(), yThere);
                        filled++;
                        break chain;
                    }
                }
            }
        }
        return filled;
    }

    /**
     * The cheapest run with room in {@code round} that {@code seat} may hold for b once b has given up session
     * {@code given} (b's other sessions stay; the seat's own session goes to another round).
     */
    private static SessionRun cheapestFor(Schedule schedule, Attendee b, Seat seat, Round round, Session given,
            List<Seat> bSeats, Map<SessionRun, Integer> taken) {
        SessionRun best = null;
        long bestCost = Long.MAX_VALUE;
        for (SessionRun run : seat.getEligibleRuns()) {
            if (run.getRound() != round || run == seat.getRun() || !hasRoom(run, taken)) {
                continue;
            }
            Session session = run.getSession();
            boolean held = false;
            for (Seat other : bSeats) {
                held |= other.getRun() != null && other.getRun().getSession() == session
                        && session != given;
            }
            if (held) {
                continue;
            }
            long cost = schedule.getSettings().seatCost(b, session);
            if (cost < bestCost) {
                best = run;
                bestCost = cost;
            }
        }
        return best;
    }

    /** An attendee's first empty unpinned seat, and the rounds and sessions their other seats hold. */
    private record Holding(Seat empty, Set<Round> rounds, Set<Session> sessions) {
        /** Null when the attendee has no empty unpinned seat. */
        static Holding of(List<Seat> seats, Set<Seat> unpinned) {
            Seat empty = seats.stream().filter(seat -> seat.getRun() == null && unpinned.contains(seat)).findFirst()
                    .orElse(null);
            if (empty == null) {
                return null;
            }
            Set<Round> rounds = new HashSet<>();
            Set<Session> sessions = new HashSet<>();
            for (Seat seat : seats) {
                if (seat.getRun() != null) {
                    rounds.add(seat.getRun().getRound());
                    sessions.add(seat.getRun().getSession());
                }
            }
            return new Holding(empty, rounds, sessions);
        }
    }

    private static boolean hasRoom(SessionRun run, Map<SessionRun, Integer> taken) {
        return taken.getOrDefault(run, 0) < run.seatLimit();
    }

    /** The round-flow relaxation: each round seated as if nobody held a seat in another one. */
    private static void seatEachRoundAlone(Schedule schedule, List<Round> rounds, Set<Seat> unpinned) {
        Map<Attendee, List<SessionRun>> runs = new LinkedHashMap<>();
        for (Round round : rounds) {
            unpinned.forEach(seat -> seat.setRun(null));
            SeatingFlow.reseatRounds(schedule, Set.of(round)).seating().forEach((seat, run) -> {
                if (run != null) {
                    runs.computeIfAbsent(seat.getAttendee(), a -> new ArrayList<>()).add(run);
                }
            });
        }
        seatAll(unpinned, runs);
    }

    /** Gives every attendee's unpinned seats the runs listed for them (the rest unseated). */
    private static void seatAll(Set<Seat> unpinned, Map<Attendee, List<SessionRun>> runs) {
        unpinned.forEach(seat -> seat.setRun(null));
        Map<Attendee, List<Seat>> seats = new LinkedHashMap<>();
        for (Seat seat : unpinned) {
            seats.computeIfAbsent(seat.getAttendee(), a -> new ArrayList<>()).add(seat);
        }
        runs.forEach((attendee, given) -> {
            List<Seat> own = seats.get(attendee);
            SessionRun[] perSeat = SeatingFlow.matchToSeats(own, given);
            for (int i = 0; i < perSeat.length; i++) {
                own.get(i).setRun(perSeat[i]);
            }
        });
    }

    private static int apply(Map<Seat, SessionRun> seating) {
        int moved = 0;
        for (Map.Entry<Seat, SessionRun> entry : seating.entrySet()) {
            if (entry.getKey().getRun() != entry.getValue()) {
                entry.getKey().setRun(entry.getValue());
                moved++;
            }
        }
        return moved;
    }
}

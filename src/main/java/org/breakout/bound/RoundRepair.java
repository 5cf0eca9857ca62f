package org.breakout.bound;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.breakout.domain.Round;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;

/**
 * Tries to turn the session-flow optimum of a fixed timetable into a real seating of the same cost: the
 * session-flow keeps every rule but "one seat per round", and its cost does not depend on the rounds, so
 * re-assigning the rounds of each attendee's sessions (keeping the sessions) keeps the cost. When it succeeds the
 * flow bound is reached, hence exact.
 * <p>
 * An attendee with two sessions in one round moves one of them to a round they have free; if that run is full,
 * a chain of other attendees of the same session each move to a round they have free, until a run with a seat to
 * spare is reached (a breadth-first search over the session's rounds, like an augmenting path). Deterministic;
 * it gives up (returns false) when no such chain exists, which proves nothing.
 */
final class RoundRepair {

    private final SeatingModel model;
    /** Per attendee: round → sessions held in it. */
    private final List<Map<Round, List<Session>>> holding = new ArrayList<>();
    private final List<Set<Round>> freeRounds = new ArrayList<>();
    /** Per (session, round): attendees holding it. */
    private final Map<Session, Map<Round, Set<Integer>>> holders = new LinkedHashMap<>();

    private RoundRepair(SeatingModel model, List<FlowRelaxation.SeatChoice> seats) {
        this.model = model;
        for (SeatingModel.AttendeeSlots slots : model.attendees) {
            holding.add(new LinkedHashMap<>());
            freeRounds.add(new LinkedHashSet<>(slots.freeRounds));
        }
        for (FlowRelaxation.SeatChoice seat : seats) {
            holding.get(seat.attendee()).computeIfAbsent(seat.round(), r -> new ArrayList<>()).add(seat.session());
            holdersOf(seat.session(), seat.round()).add(seat.attendee());
        }
    }

    /** Whether the seats (a session-flow solution: each session at most once per attendee) could be re-timed. */
    static boolean repair(SeatingModel model, List<FlowRelaxation.SeatChoice> seats) {
        return repaired(model, seats) != null;
    }

    /** The seats with their rounds re-assigned so that they keep every rule, or null when no re-timing was found. */
    static List<FlowRelaxation.SeatChoice> repaired(SeatingModel model, List<FlowRelaxation.SeatChoice> seats) {
        Set<String> taken = new HashSet<>();
        for (FlowRelaxation.SeatChoice seat : seats) {
            if (!taken.add(seat.attendee() + "/" + seat.session().id())) {
                return null; // a session twice (unranked seats through a hub): no re-timing can fix that
            }
        }
        RoundRepair repair = new RoundRepair(model, seats);
        if (!repair.run()) {
            return null;
        }
        List<FlowRelaxation.SeatChoice> result = new ArrayList<>();
        for (int a = 0; a < repair.holding.size(); a++) {
            for (Map.Entry<Round, List<Session>> entry : repair.holding.get(a).entrySet()) {
                for (Session session : entry.getValue()) {
                    result.add(new FlowRelaxation.SeatChoice(a, session, entry.getKey()));
                }
            }
        }
        return result;
    }

    private Set<Integer> holdersOf(Session session, Round round) {
        return holders.computeIfAbsent(session, s -> new LinkedHashMap<>()).computeIfAbsent(round,
                r -> new LinkedHashSet<>());
    }

    private long capacity(Session session, Round round) {
        SessionRun run = model.fixedRun.getOrDefault(session, Map.of()).get(round);
        return run == null ? 0 : model.fixedRemaining.getOrDefault(run, 0);
    }

    private boolean run() {
        for (int a = 0; a < holding.size(); a++) {
            while (true) {
                Round crowded = null;
                for (Map.Entry<Round, List<Session>> entry : holding.get(a).entrySet()) {
                    if (entry.getValue().size() > 1) {
                        crowded = entry.getKey();
                        break;
                    }
                }
                if (crowded == null) {
                    break;
                }
                if (!moveOne(a, crowded)) {
                    return false;
                }
            }
        }
        return verify();
    }

    /** Moves one of attendee a's sessions out of the crowded round, with a chain if needed. */
    private boolean moveOne(int a, Round crowded) {
        for (Session session : List.copyOf(holding.get(a).get(crowded))) {
            for (Round target : freeRounds.get(a)) {
                if (isEmpty(a, target) && capacity(session, target) > 0) {
                    List<int[]> chain = chain(session, target, crowded, a);
                    if (chain != null) {
                        move(a, session, crowded, target);
                        for (int[] step : chain) {
                            move(step[0], session, model.rounds.get(step[1]), model.rounds.get(step[2]));
                        }
                        return true;
                    }
                }
            }
        }
        for (Session session : List.copyOf(holding.get(a).get(crowded))) {
            for (Round target : freeRounds.get(a)) {
                if (isEmpty(a, target) && capacity(session, target) > 0 && kempe(a, session, crowded, target)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A node of the two-round exchange search: a session with one seat too many in β and one to spare in α. */
    private record Node(Session session, Node parent, int swapper) {
    }

    /**
     * Two-round exchange (a Kempe chain, as in König's edge-colouring proof): attendee a moves {@code session} from
     * α to β; if β is then over capacity, an attendee b holding it in β takes it in α instead and moves their own
     * α session to β; and so on until a run has room, or b has nothing in α. Applies the chain and returns true
     * when one exists.
     */
    private boolean kempe(int a, Session session, Round alpha, Round beta) {
        ArrayDeque<Node> queue = new ArrayDeque<>();
        Set<Session> visited = new LinkedHashSet<>();
        Set<Integer> used = new LinkedHashSet<>();
        used.add(a);
        queue.add(new Node(session, null, a));
        visited.add(session);
        while (!queue.isEmpty()) {
            Node node = queue.poll();
            Session x = node.session();
            if (holdersOf(x, beta).size() + 1 <= capacity(x, beta)) {
                apply(node, alpha, beta, -1);
                return true;
            }
            for (int b : List.copyOf(holdersOf(x, beta))) {
                if (used.contains(b) || !freeRounds.get(b).contains(alpha) || holding.get(b).get(beta).size() != 1) {
                    continue;
                }
                List<Session> inAlpha = holding.get(b).getOrDefault(alpha, List.of());
                if (inAlpha.isEmpty()) {
                    apply(node, alpha, beta, b);
                    return true;
                }
                Session y = inAlpha.get(0);
                if (inAlpha.size() == 1 && !visited.contains(y) && capacity(y, beta) > 0) {
                    visited.add(y);
                    used.add(b);
                    queue.add(new Node(y, node, b));
                }
            }
        }
        return false;
    }

    /** Applies a two-round exchange ending at {@code last}; {@code closer} ≥ 0 takes the last session into α. */
    private void apply(Node last, Round alpha, Round beta, int closer) {
        List<Node> path = new ArrayList<>();
        for (Node node = last; node != null; node = node.parent()) {
            path.add(0, node);
        }
        move(path.get(0).swapper(), path.get(0).session(), alpha, beta);
        for (int i = 1; i < path.size(); i++) {
            Node node = path.get(i);
            move(node.swapper(), path.get(i - 1).session(), beta, alpha);
            move(node.swapper(), node.session(), alpha, beta);
        }
        if (closer >= 0) {
            move(closer, last.session(), beta, alpha);
        }
    }

    private boolean isEmpty(int attendee, Round round) {
        List<Session> held = holding.get(attendee).get(round);
        return held == null || held.isEmpty();
    }

    /**
     * A chain of moves (attendee, from-round index, to-round index) of the session that makes room for one more
     * seat in {@code start}, where {@code leaving} loses a seat (attendee {@code mover} leaves it); an empty list
     * when {@code start} has a seat to spare; null when there is no chain.
     */
    private List<int[]> chain(Session session, Round start, Round leaving, int mover) {
        Map<Round, int[]> previous = new HashMap<>();
        ArrayDeque<Round> queue = new ArrayDeque<>();
        queue.add(start);
        previous.put(start, null);
        while (!queue.isEmpty()) {
            Round round = queue.poll();
            long load = holdersOf(session, round).size() - (round.equals(leaving) ? 1 : 0);
            if (load + 1 <= capacity(session, round)) {
                // This round can take the one extra seat pushed into it.
                List<int[]> chain = new ArrayList<>();
                Round at = round;
                while (previous.get(at) != null) {
                    int[] step = previous.get(at);
                    chain.add(0, step);
                    at = model.rounds.get(step[1]);
                }
                return chain;
            }
            for (int b : holdersOf(session, round)) {
                if (b == mover) {
                    continue;
                }
                for (Round next : freeRounds.get(b)) {
                    if (!previous.containsKey(next) && isEmpty(b, next) && capacity(session, next) > 0) {
                        previous.put(next, new int[] { b, model.rounds.indexOf(round), model.rounds.indexOf(next) });
                        queue.add(next);
                    }
                }
            }
        }
        return null;
    }

    private void move(int attendee, Session session, Round from, Round to) {
        holding.get(attendee).get(from).remove(session);
        holding.get(attendee).computeIfAbsent(to, r -> new ArrayList<>()).add(session);
        holdersOf(session, from).remove(attendee);
        holdersOf(session, to).add(attendee);
    }

    /** Every rule of a real seating, checked from scratch. */
    private boolean verify() {
        Map<Session, Map<Round, Integer>> load = new HashMap<>();
        for (int a = 0; a < holding.size(); a++) {
            Set<Session> sessions = new LinkedHashSet<>();
            int seats = 0;
            for (Map.Entry<Round, List<Session>> entry : holding.get(a).entrySet()) {
                if (entry.getValue().isEmpty()) {
                    continue;
                }
                if (entry.getValue().size() > 1 || !freeRounds.get(a).contains(entry.getKey())) {
                    return false;
                }
                Session session = entry.getValue().get(0);
                if (!sessions.add(session)) {
                    return false;
                }
                seats++;
                load.computeIfAbsent(session, s -> new HashMap<>()).merge(entry.getKey(), 1, Integer::sum);
            }
            if (seats > model.attendees.get(a).remainingSeats) {
                return false;
            }
        }
        for (Map.Entry<Session, Map<Round, Integer>> entry : load.entrySet()) {
            for (Map.Entry<Round, Integer> perRound : entry.getValue().entrySet()) {
                if (perRound.getValue() > capacity(entry.getKey(), perRound.getKey())) {
                    return false;
                }
            }
        }
        return true;
    }
}

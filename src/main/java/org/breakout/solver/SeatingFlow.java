package org.breakout.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import org.breakout.domain.Attendee;
import org.breakout.domain.EventSettings;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;
import org.breakout.flow.MinCostFlow;
import org.breakout.solver.SeatingComponent.AttendeePlan;
import org.breakout.solver.SeatingComponent.Group;
import org.breakout.solver.SeatingComponent.Part;
import org.breakout.solver.SeatingComponent.RunNode;

/**
 * Optimal seating of the unpinned seats for a fixed timetable, as a minimum-cost flow.
 * <p>
 * It maximises the number of seats filled first, then minimises the seat cost: the preference cost
 * ({@link EventSettings#seatCost}) times the weight of {@link BreakoutConstraintProvider#PREFERENCE_COST}, plus,
 * for an attendee with published seats, the weight of {@link BreakoutConstraintProvider#SEAT_CHANGED} for every
 * published seat that is not kept (both weights as the schedule's {@link ConstraintWeightOverrides} say, soft part;
 * defaults 1 and 20). That is exactly the part of the score that depends on the seats alone, so a seating that
 * is optimal here is optimal for the score for this timetable.
 * <p>
 * The network, per independent component: attendee (supply: their unpinned seats) → (attendee, round) (capacity 1)
 * → run (cost: the seat cost) → sink (capacity: the run's seat limit minus its pinned seats), plus attendee → sink
 * at cost M per unit (a seat left empty). M is larger than the cost of any augmenting cycle through the seats
 * (max seat cost × runs + 1), so the flow fills as many seats as possible before it looks at cost.
 * <p>
 * The flow is solved by {@link MinCostFlow}, an exact integer successive-shortest-path solver that can re-optimise
 * after arcs are removed. JGraphT's {@code CapacityScalingMinimumCostFlow} was the first choice, and the tests
 * still use it as the oracle for {@link MinCostFlow}, but it solves from scratch every time, and the repair of
 * duplicate sessions below needs tens to hundreds of re-solves: on 2,000 attendees with repeated sessions that took
 * 13–80 s with JGraphT against 1–10 s now.
 * <p>
 * Rules the network respects by construction: run seat limits, one seat per attendee per round, seats only in
 * rounds the attendee wants and that none of their pinned seats occupies, only sessions they may attend
 * ({@link EventSettings#mayAttend}) and did not get a pinned seat in, only runs from each seat's
 * {@link Seat#getEligibleRuns()}, only placed runs (a run without round or room offers no seats).
 * <p>
 * What it cannot express: "never twice in the same session" for a session with runs in several rounds. After a
 * solve, an attendee who got one session in several rounds keeps it in the round where losing it would cost the
 * most (regret against the next best option, priced with the flow's dual potentials, so a crowded run is given up
 * first), the session is forbidden in the other rounds for that attendee, and the flow is re-optimised; after
 * {@link #MAX_REPAIR_SOLVES} rounds of repair any duplicate left is dropped (unseated) and its (attendee, round)
 * gets the cheapest run that still has a seat. Which duplicate to keep is a heuristic choice, so it is made twice,
 * with and without the dual prices, and the better seating is kept. The first solve is a relaxation, so
 * its seats filled and cost are a proven bound ({@link Result#relaxedSeatsFilled()}, {@link Result#relaxedCost()});
 * the seating is proven optimal when it reaches the bound, which is always the case without repeated sessions.
 * <p>
 * The event is split into components that share no run and no attendee constraint (runs are linked when one
 * (attendee, round) can take both, when they are runs of one session, or through an attendee with fewer seats than
 * rounds); with single-run sessions each round is solved on its own. Deterministic: no randomness, stable order.
 */
public final class SeatingFlow {

    /** How many times a component is re-optimised to remove duplicate sessions before duplicates are dropped. */
    public static final int MAX_REPAIR_SOLVES = 200;

    static final long DEFAULT_PREFERENCE_WEIGHT = 1;
    static final long DEFAULT_SEAT_CHANGED_WEIGHT = 20;

    private SeatingFlow() {
    }

    /**
     * The outcome of a seating.
     *
     * @param seating every unpinned seat, in schedule order, with its run (null = unseated)
     * @param seatsFilled unpinned seats that got a run
     * @param cost the flow objective of the seating: weighted preference cost plus weighted published seats changed
     *        (of unpinned seats)
     * @param relaxedSeatsFilled upper bound on {@code seatsFilled} (the first flow, before duplicates were removed;
     *        a bound for this timetable and these pinned seats)
     * @param relaxedCost lower bound on {@code cost} among seatings that fill {@code relaxedSeatsFilled} seats
     * @param flowSolves how many times a flow was (re-)optimised
     * @param duplicatesDropped seats dropped because the repair of duplicate sessions ran out of rounds (some may
     *        have been refilled with another run)
     */
    public record Result(Map<Seat, SessionRun> seating, long seatsFilled, long cost, long relaxedSeatsFilled,
            long relaxedCost, int flowSolves, int duplicatesDropped) {

        /** Whether this seating is proven optimal (it reaches the relaxation bound). */
        public boolean provenOptimal() {
            return seatsFilled == relaxedSeatsFilled && cost == relaxedCost;
        }
    }

    /** The soft weight of a constraint as the schedule's overrides set it (never negative), else the default. */
    static long softWeight(ConstraintWeightOverrides<HardMediumSoftLongScore> overrides, String name,
            long defaultWeight) {
        if (overrides == null) {
            return defaultWeight;
        }
        HardMediumSoftLongScore weight = overrides.getConstraintWeight(name);
        return weight == null ? defaultWeight : Math.max(0, weight.softScore());
    }

    /** The optimal seating of the unpinned seats: seat → run, null for a seat left empty. */
    public static Map<Seat, SessionRun> solve(Schedule schedule) {
        return solveWithDetails(schedule).seating();
    }

    public static Result solveWithDetails(Schedule schedule) {
        return solveWithDetails(schedule, () -> false);
    }

    /**
     * The same, but the repair of repeated sessions stops when {@code terminated} says so: the duplicates left are
     * dropped and refilled as after {@link #MAX_REPAIR_SOLVES} (a feasible seating, not proven optimal). The repair
     * is where the time goes on big fixed events with repeats (a 2,000-attendee event: 90 s), and the seating phase
     * must not run past the solver's time limit.
     */
    public static Result solveWithDetails(Schedule schedule, BooleanSupplier terminated) {
        return new Builder(schedule, null, terminated).solve();
    }

    /**
     * Re-seats only what a change of the timetable in the given rounds can affect: the unpinned seats that are empty
     * or in a run placed in one of {@code rounds}. Every other seat is kept as it is and treated like a pinned one (it
     * takes its run's capacity, its round and its session for the attendee). When sessions are given once, rounds
     * are independent, so this is the optimal seating of the whole event for the seats kept; with repeats it is the
     * optimum for the kept seats. The result's {@code seating} holds the re-seated seats only.
     */
    public static Result reseatRounds(Schedule schedule, Set<Round> rounds) {
        return new Builder(schedule, rounds, () -> false).solve();
    }

    /**
     * Builds the network of one seating (the run nodes, every attendee's (attendee, round) groups), splits it into
     * {@link SeatingComponent}s, solves each and assembles the seats.
     */
    private static final class Builder {
        private final Schedule schedule;
        /** The rounds re-seated, or null for all of them. */
        private final Set<Round> rounds;
        private final EventSettings settings;
        private final long preferenceWeight;
        private final long seatChangedWeight;
        private final Map<SessionRun, RunNode> runNodes = new IdentityHashMap<>();
        private final List<RunNode> runNodeList = new ArrayList<>();
        private final List<AttendeePlan> plans = new ArrayList<>();
        /** Unpinned seats in schedule order, for the result. */
        private final List<Seat> unpinnedSeats = new ArrayList<>();
        /** Unpinned seats with a published seat, and whether seat costs include the change penalty. */
        private long previousSeats;
        private boolean anyPrevious;
        private int flowSolves;
        private int duplicatesDropped;
        private final BooleanSupplier terminated;

        Builder(Schedule schedule, Set<Round> rounds, BooleanSupplier terminated) {
            this.schedule = schedule;
            this.rounds = rounds;
            this.terminated = terminated;
            this.settings = schedule.getSettings() == null ? EventSettings.DEFAULT : schedule.getSettings();
            ConstraintWeightOverrides<HardMediumSoftLongScore> overrides = schedule.getConstraintWeightOverrides();
            this.preferenceWeight = softWeight(overrides, BreakoutConstraintProvider.PREFERENCE_COST,
                    DEFAULT_PREFERENCE_WEIGHT);
            this.seatChangedWeight = softWeight(overrides, BreakoutConstraintProvider.SEAT_CHANGED,
                    DEFAULT_SEAT_CHANGED_WEIGHT);
        }

        /**
         * Whether runs in the round can take seats in this solve, by the round's index: a run of another round has no
         * node. Null when every round is re-seated or two rounds share an index (then the node lookup decides).
         */
        private boolean[] reseatedByIndex;

        private boolean mayBeReseated(Round round) {
            return reseatedByIndex == null
                    || round.index() >= 0 && round.index() < reseatedByIndex.length && reseatedByIndex[round.index()];
        }

        private void indexReseatedRounds() {
            if (rounds == null) {
                return;
            }
            int size = 0;
            for (Round round : schedule.getRounds()) {
                if (round.index() < 0) {
                    return;
                }
                size = Math.max(size, round.index() + 1);
            }
            boolean[] seen = new boolean[size];
            boolean[] reseated = new boolean[size];
            for (Round round : schedule.getRounds()) {
                if (seen[round.index()]) {
                    return;
                }
                seen[round.index()] = true;
                reseated[round.index()] = rounds.contains(round);
            }
            reseatedByIndex = reseated;
        }

        /** A seat this solve leaves as it is: pinned, or (when only some rounds are re-seated) in another round. */
        private boolean kept(Seat seat) {
            if (seat.isPinned()) {
                return true;
            }
            if (rounds == null || seat.getRun() == null) {
                return false;
            }
            Round round = seat.getRun().getRound();
            return round != null && !rounds.contains(round);
        }

        Result solve() {
            indexReseatedRounds();
            buildRunNodes();
            buildPlans();
            List<SeatingComponent> components = buildComponents();
            long relaxedFilled = 0;
            long relaxedCost = 0;
            for (SeatingComponent component : components) {
                long[] relaxed = component.solve(terminated);
                flowSolves += component.flowSolves;
                duplicatesDropped += component.duplicatesDropped;
                relaxedFilled += relaxed[0];
                relaxedCost += relaxed[1];
            }
            return assemble(relaxedFilled, reportedCost(relaxedFilled, relaxedCost));
        }

        private void buildRunNodes() {
            Map<SessionRun, Integer> pinnedCount = new IdentityHashMap<>();
            for (Seat seat : schedule.getSeats()) {
                if (seat.getRun() != null && kept(seat)) {
                    pinnedCount.merge(seat.getRun(), 1, Integer::sum);
                }
            }
            for (SessionRun run : schedule.getRuns()) {
                if (!run.isPlaced() || (rounds != null && !rounds.contains(run.getRound()))) {
                    continue;
                }
                int remaining = Math.max(0, run.seatLimit() - pinnedCount.getOrDefault(run, 0));
                RunNode node = new RunNode(run, remaining);
                runNodes.put(run, node);
                runNodeList.add(node);
            }
        }

        private void buildPlans() {
            Map<Attendee, List<Seat>> seatsByAttendee = new LinkedHashMap<>();
            for (Seat seat : schedule.getSeats()) {
                seatsByAttendee.computeIfAbsent(seat.getAttendee(), a -> new ArrayList<>()).add(seat);
                if (!kept(seat)) {
                    unpinnedSeats.add(seat);
                }
            }
            for (Seat seat : unpinnedSeats) {
                if (seat.hasPrevious()) {
                    previousSeats++;
                }
            }
            anyPrevious = previousSeats > 0 && seatChangedWeight > 0;
            for (Map.Entry<Attendee, List<Seat>> entry : seatsByAttendee.entrySet()) {
                Attendee attendee = entry.getKey();
                Set<Round> takenRounds = new HashSet<>();
                Set<Session> takenSessions = new HashSet<>();
                List<Seat> unpinned = new ArrayList<>();
                for (Seat seat : entry.getValue()) {
                    if (!kept(seat)) {
                        unpinned.add(seat);
                    } else if (seat.getRun() != null) {
                        takenSessions.add(seat.getRun().getSession());
                        Round round = seat.getRun().getRound() != null ? seat.getRun().getRound()
                                : seat.getPinnedRound();
                        if (round != null) {
                            takenRounds.add(round);
                        }
                    }
                }
                if (unpinned.isEmpty()) {
                    continue;
                }
                Map<Session, Set<Round>> previous = new HashMap<>();
                for (Seat seat : unpinned) {
                    if (seat.hasPrevious()) {
                        previous.computeIfAbsent(seat.getPreviousSession(), s -> new HashSet<>())
                                .add(seat.getPreviousRound());
                    }
                }
                // Runs any of the attendee's unpinned seats may take, in a stable order. The seats of one attendee
                // usually share one list (the event reader makes one per attendee): then it is used as it is.
                Collection<SessionRun> eligible = sharedEligibleRuns(unpinned);
                if (eligible == null) {
                    Set<SessionRun> union = new LinkedHashSet<>();
                    for (Seat seat : unpinned) {
                        if (seat.getEligibleRuns() != null) {
                            union.addAll(seat.getEligibleRuns());
                        }
                    }
                    eligible = union;
                }
                Map<Round, List<RunNode>> runsByRound = new HashMap<>();
                Map<Round, List<Long>> costsByRound = new HashMap<>();
                for (SessionRun run : eligible) {
                    Round round = run.getRound();
                    if (round == null || !mayBeReseated(round)) {
                        continue; // (checked first: on 50,000 attendees the lookup below was most of a round's time)
                    }
                    RunNode node = runNodes.get(run);
                    Session session = run.getSession();
                    if (node == null || node.remaining <= 0 || takenSessions.contains(session)
                            || takenRounds.contains(round) || !attendee.wants(round)
                            || !settings.mayAttend(attendee, session)) {
                        continue;
                    }
                    long cost = preferenceWeight * settings.seatCost(attendee, session);
                    Set<Round> previousRounds = previous.get(session);
                    if (anyPrevious && (previousRounds == null || !previousRounds.contains(round))) {
                        // Charged on every seat of every attendee that is not a published one: that is the
                        // published seats not kept plus a constant per seat filled (removed again in the result).
                        cost += seatChangedWeight;
                    }
                    runsByRound.computeIfAbsent(round, r -> new ArrayList<>()).add(node);
                    costsByRound.computeIfAbsent(round, r -> new ArrayList<>()).add(cost);
                }
                List<Round> rounds = new ArrayList<>(runsByRound.keySet());
                rounds.sort(null);
                List<Group> groups = new ArrayList<>(rounds.size());
                for (Round round : rounds) {
                    groups.add(new Group(round, runsByRound.get(round), costsByRound.get(round)));
                }
                plans.add(new AttendeePlan(attendee, unpinned, groups));
            }
        }

        /** The eligible runs of the seats when they are all one list, else null. */
        private static List<SessionRun> sharedEligibleRuns(List<Seat> seats) {
            List<SessionRun> shared = seats.get(0).getEligibleRuns();
            for (Seat seat : seats) {
                if (seat.getEligibleRuns() != shared) {
                    return null;
                }
            }
            return shared == null ? List.of() : shared;
        }

        private List<SeatingComponent> buildComponents() {
            int n = runNodeList.size();
            int[] parent = new int[n];
            Map<RunNode, Integer> index = new IdentityHashMap<>();
            for (int i = 0; i < n; i++) {
                parent[i] = i;
                index.put(runNodeList.get(i), i);
            }
            Map<Session, Integer> firstRunOfSession = new HashMap<>();
            for (int i = 0; i < n; i++) {
                Integer first = firstRunOfSession.putIfAbsent(runNodeList.get(i).run.getSession(), i);
                if (first != null) {
                    union(parent, first, i);
                }
            }
            for (AttendeePlan plan : plans) {
                int anchor = -1;
                for (Group group : plan.groups) {
                    int groupAnchor = index.get(group.runs[0]);
                    for (RunNode node : group.runs) {
                        union(parent, groupAnchor, index.get(node));
                    }
                    if (plan.seatLimited) {
                        if (anchor >= 0) {
                            union(parent, anchor, groupAnchor);
                        }
                        anchor = groupAnchor;
                    }
                }
            }
            Map<Integer, SeatingComponent> byRoot = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                RunNode node = runNodeList.get(i);
                SeatingComponent component = byRoot.computeIfAbsent(find(parent, i), r -> new SeatingComponent());
                node.component = find(parent, i);
                component.runs.add(node);
            }
            for (AttendeePlan plan : plans) {
                Map<Integer, List<Group>> groupsByComponent = new LinkedHashMap<>();
                for (Group group : plan.groups) {
                    groupsByComponent.computeIfAbsent(group.runs[0].component, c -> new ArrayList<>()).add(group);
                }
                for (Map.Entry<Integer, List<Group>> entry : groupsByComponent.entrySet()) {
                    List<Group> groups = entry.getValue();
                    int capacity = plan.seatLimited ? plan.seats.size() : groups.size();
                    byRoot.get(entry.getKey()).parts.add(new Part(plan, groups, capacity));
                }
            }
            List<SeatingComponent> components = new ArrayList<>();
            for (SeatingComponent component : byRoot.values()) {
                if (!component.parts.isEmpty()) {
                    components.add(component);
                }
            }
            return components;
        }

        private static int find(int[] parent, int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        private static void union(int[] parent, int a, int b) {
            int ra = find(parent, a);
            int rb = find(parent, b);
            if (ra != rb) {
                if (ra < rb) {
                    parent[rb] = ra;
                } else {
                    parent[ra] = rb;
                }
            }
        }

        /**
         * The flow charges the change weight on every seat that is not a published one; the score charges it on
         * every published seat not kept. They differ by a constant per seat filled, removed here.
         */
        private long reportedCost(long filled, long flowCost) {
            return anyPrevious ? flowCost - seatChangedWeight * filled + seatChangedWeight * previousSeats : flowCost;
        }

        private Result assemble(long relaxedFilled, long relaxedCost) {
            Map<Seat, SessionRun> seating = new LinkedHashMap<>();
            for (Seat seat : unpinnedSeats) {
                seating.put(seat, null);
            }
            long filled = 0;
            long cost = 0;
            for (AttendeePlan plan : plans) {
                List<SessionRun> runs = new ArrayList<>();
                Map<SessionRun, Long> costs = new IdentityHashMap<>();
                for (Group group : plan.groups) {
                    if (group.assigned >= 0) {
                        SessionRun run = group.runs[group.assigned].run;
                        runs.add(run);
                        costs.put(run, group.costs[group.assigned]);
                    }
                }
                SessionRun[] perSeat = matchToSeats(plan.seats, runs);
                for (int i = 0; i < perSeat.length; i++) {
                    if (perSeat[i] != null) {
                        seating.put(plan.seats.get(i), perSeat[i]);
                        filled++;
                        cost += costs.get(perSeat[i]);
                    }
                }
            }
            return new Result(seating, filled, reportedCost(filled, cost), relaxedFilled, relaxedCost, flowSolves,
                    duplicatesDropped);
        }
    }

    /**
     * Gives each of an attendee's runs to one of their seats: a seat whose published seat (session and round)
     * the run matches first, then any seat whose eligible runs contain it (augmenting paths, so a run is only
     * lost if no assignment of runs to seats exists, which needs seats of one attendee with different value
     * ranges).
     */
    static SessionRun[] matchToSeats(List<Seat> seats, List<SessionRun> runs) {
        SessionRun[] perSeat = new SessionRun[seats.size()];
        int[] seatOfRun = new int[runs.size()];
        Arrays.fill(seatOfRun, -1);
        int[] runOfSeat = new int[seats.size()];
        Arrays.fill(runOfSeat, -1);
        // Published seats first.
        for (int r = 0; r < runs.size(); r++) {
            SessionRun run = runs.get(r);
            for (int s = 0; s < seats.size(); s++) {
                Seat seat = seats.get(s);
                if (runOfSeat[s] < 0 && seat.hasPrevious() && seat.getPreviousSession().equals(run.getSession())
                        && seat.getPreviousRound().equals(run.getRound()) && eligible(seat, run)) {
                    runOfSeat[s] = r;
                    seatOfRun[r] = s;
                    break;
                }
            }
        }
        for (int r = 0; r < runs.size(); r++) {
            if (seatOfRun[r] < 0) {
                augment(r, seats, runs, seatOfRun, runOfSeat, new boolean[seats.size()]);
            }
        }
        for (int s = 0; s < seats.size(); s++) {
            if (runOfSeat[s] >= 0) {
                perSeat[s] = runs.get(runOfSeat[s]);
            }
        }
        return perSeat;
    }

    private static boolean augment(int r, List<Seat> seats, List<SessionRun> runs, int[] seatOfRun, int[] runOfSeat,
            boolean[] visited) {
        // Prefer free seats without a published seat, so published seats stay free for their own run.
        for (int pass = 0; pass < 2; pass++) {
            for (int s = 0; s < seats.size(); s++) {
                Seat seat = seats.get(s);
                if (visited[s] || !eligible(seat, runs.get(r)) || (pass == 0 && (runOfSeat[s] >= 0 || seat.hasPrevious()))) {
                    continue;
                }
                visited[s] = true;
                if (runOfSeat[s] < 0 || augment(runOfSeat[s], seats, runs, seatOfRun, runOfSeat, visited)) {
                    runOfSeat[s] = r;
                    seatOfRun[r] = s;
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean eligible(Seat seat, SessionRun run) {
        return seat.getEligibleRuns() != null && seat.getEligibleRuns().contains(run);
    }
}

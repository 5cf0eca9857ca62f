package org.breakout.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;

import org.breakout.domain.Attendee;
import org.breakout.domain.EventSettings;
import org.breakout.domain.Room;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;

/**
 * Custom phase: places the runs that have no round or no room yet, against the aggregate demand, before anyone is
 * seated. Pinned runs and runs that the input already placed are never touched (they are part of the picture: rooms
 * they take, speakers they keep busy, sessions they offer). A run with only a round or only a room keeps that half.
 * <p>
 * <b>Demand.</b> Each attendee wants {@code k} seats (rounds they want, minus rounds their pinned seats take, at most
 * their unpinned seats). Their "top k" are the sessions they ranked within their first {@code k} (counting ties: all
 * sessions ranked as well as the k-th), leaving out sessions they may not attend or already hold a pinned seat in.
 * A session's demand is the number of attendees with it in their top k (each attendee counts {@code k / |top k|}, so
 * ties do not inflate demand), split evenly over its runs.
 * <p>
 * <b>Rules (hard, counted like the score counts them).</b> Room free in that round, room available, room has the
 * required tags, speakers available and not busy in another run of that round, two runs of one session not in the
 * same round, plenary room large enough for everyone, pinned seats keep their round. Only the run's value range is
 * tried (its allowed rounds, all rooms). When nothing is feasible, the least-bad option is taken.
 * <p>
 * <b>Seats (medium).</b> Per round, the attendees who want a seat in it minus the seats its runs offer (pinned
 * seats deducted): seats no seating can fill. Compared after the hard rules and before the proxy, as the score
 * ranks an empty seat above any preference.
 * <p>
 * <b>Proxy (soft, in score units).</b> Co-demand: per attendee, how many of their top-k sessions cannot be given in
 * distinct wanted rounds (a small bipartite matching between their top sessions and their free rounds, so a repeated
 * session can dodge a clash), times the cost of falling back to a worse rank ({@code cost(k+1) − cost(k)}, at least
 * 1); demand above the room's seat limit at the average such cost per person; theme clashes and moved published
 * placements at their constraint weights; and 0.01 per empty seat, so a small session takes a small room.
 * <p>
 * Greedy first (plenary runs, then most demanded runs, then those with the fewest options), then local search:
 * move one run to another (round, room), or swap two runs' placements, best move per run, until a full sweep finds
 * no improvement or the phase is terminated. Deterministic (no randomness, fixed order, strict improvements only).
 */
public class PlacementPhase implements PhaseCommand<Schedule> {

    /** Where a run goes. */
    public record Placement(Round round, Room room) {
    }

    private static final String ROUND = "round";
    private static final String ROOM = "room";
    private static final double EPSILON = 1e-9;
    private static final double WASTE_WEIGHT = 0.01;
    private static final int MAX_SWEEPS = 100;

    @Override
    public void changeWorkingSolution(ScoreDirector<Schedule> scoreDirector, BooleanSupplier isPhaseTerminated) {
        Map<SessionRun, Placement> plan = plan(scoreDirector.getWorkingSolution(), isPhaseTerminated);
        boolean changed = false;
        for (Map.Entry<SessionRun, Placement> entry : plan.entrySet()) {
            SessionRun run = entry.getKey();
            Placement placement = entry.getValue();
            if (run.getRound() != placement.round()) {
                scoreDirector.beforeVariableChanged(run, ROUND);
                run.setRound(placement.round());
                scoreDirector.afterVariableChanged(run, ROUND);
                changed = true;
            }
            if (run.getRoom() != placement.room()) {
                scoreDirector.beforeVariableChanged(run, ROOM);
                run.setRoom(placement.room());
                scoreDirector.afterVariableChanged(run, ROOM);
                changed = true;
            }
        }
        if (changed) {
            scoreDirector.triggerVariableListeners();
        }
    }

    /** Placements for the runs that need one (not pinned, round or room missing); the schedule is not changed. */
    public static Map<SessionRun, Placement> plan(Schedule schedule) {
        return plan(schedule, () -> false);
    }

    public static Map<SessionRun, Placement> plan(Schedule schedule, BooleanSupplier isTerminated) {
        Planner planner = new Planner(schedule);
        if (planner.movable.length == 0) {
            return Map.of();
        }
        planner.greedy();
        planner.improve(isTerminated);
        return planner.result();
    }

    private static final class Planner {
        private final Schedule schedule;
        private final List<Round> rounds;
        private final Map<Round, Integer> roundIndex = new HashMap<>();
        private final List<Room> rooms;
        private final Map<Room, Integer> roomIndex = new HashMap<>();
        private final List<Session> sessions = new ArrayList<>();
        private final Map<Session, Integer> sessionIndex = new HashMap<>();
        private final List<SessionRun> runs;

        private final int[] sessionOf;
        private final int[] roundOf;
        private final int[] roomOf;
        /** Indices of the runs this phase places. */
        private final int[] movable;
        /** Per run: candidate (round, room) pairs encoded as round * roomCount + room. */
        private final int[][] options;
        /** Per run: pinned rounds of its pinned seats. */
        private final int[][] pinnedSeatRounds;

        private final int[][] sharedSpeakers;
        private final int[][] sharedThemes;
        private final int[] runsOfSession;
        /** Placed runs of each session in each round. */
        private final int[][] placedRuns;
        private final int[] placedRunsOfSession;

        private final double[] demandPerRun;
        private final double overflowWeight;
        private final long themeWeight;
        private final long placementWeight;
        private final int attendeeCount;
        /** Per round: attendees who want a seat in it (and have no pinned seat there), and seats placed in it. */
        private final int[] wantingRound;
        private final long[] seatsInRound;

        // Attendees with a demand.
        private final int[][] topSessions;
        private final int[][] freeRounds;
        private final int[] wantedSeats;
        private final double[] lossWeight;
        private final int[] loss;
        private final int[][] interested;

        // Matching scratch.
        private final int[] roundOwner;
        private final int[] roundOwnerStamp;
        private final int[] roundVisited;
        private int ownerStamp;
        private int visitStamp;

        Planner(Schedule schedule) {
            this.schedule = schedule;
            EventSettings settings = schedule.getSettings() == null ? EventSettings.DEFAULT : schedule.getSettings();
            ConstraintWeightOverrides<HardMediumSoftLongScore> overrides = schedule.getConstraintWeightOverrides();
            long preferenceWeight = SeatingFlow.softWeight(overrides, BreakoutConstraintProvider.PREFERENCE_COST, 1);
            this.themeWeight = SeatingFlow.softWeight(overrides, BreakoutConstraintProvider.THEME_CLASH, 5);
            this.placementWeight = SeatingFlow.softWeight(overrides, BreakoutConstraintProvider.PLACEMENT_CHANGED, 10);

            this.runs = schedule.getRuns();
            Set<Round> roundSet = new HashSet<>(schedule.getRounds());
            List<Round> allRounds = new ArrayList<>(schedule.getRounds());
            for (SessionRun run : runs) {
                if (run.getRound() != null && roundSet.add(run.getRound())) {
                    allRounds.add(run.getRound());
                }
            }
            allRounds.sort(Comparator.naturalOrder());
            this.rounds = allRounds;
            for (int i = 0; i < rounds.size(); i++) {
                roundIndex.put(rounds.get(i), i);
            }
            this.rooms = new ArrayList<>(schedule.getRooms());
            for (SessionRun run : runs) {
                if (run.getRoom() != null && !rooms.contains(run.getRoom())) {
                    rooms.add(run.getRoom());
                }
            }
            for (int i = 0; i < rooms.size(); i++) {
                roomIndex.put(rooms.get(i), i);
            }
            for (Session session : schedule.getSessions()) {
                addSession(session);
            }
            for (SessionRun run : runs) {
                addSession(run.getSession());
            }
            int sessionCount = sessions.size();
            int runCount = runs.size();
            int roundCount = rounds.size();

            sessionOf = new int[runCount];
            roundOf = new int[runCount];
            roomOf = new int[runCount];
            runsOfSession = new int[sessionCount];
            placedRuns = new int[sessionCount][roundCount];
            placedRunsOfSession = new int[sessionCount];
            wantingRound = new int[roundCount];
            seatsInRound = new long[roundCount];
            List<Integer> movableList = new ArrayList<>();
            options = new int[runCount][];
            for (int x = 0; x < runCount; x++) {
                SessionRun run = runs.get(x);
                sessionOf[x] = sessionIndex.get(run.getSession());
                runsOfSession[sessionOf[x]]++;
                roundOf[x] = run.getRound() == null ? -1 : roundIndex.get(run.getRound());
                roomOf[x] = run.getRoom() == null ? -1 : roomIndex.get(run.getRoom());
                boolean isMovable = !run.isPinned() && (run.getRound() == null || run.getRoom() == null);
                if (isMovable) {
                    movableList.add(x);
                    options[x] = optionsOf(run);
                    // A movable run counts as unplaced until the greedy places it.
                    if (roundOf[x] >= 0 && roomOf[x] < 0) {
                        roundOf[x] = -1;
                    } else if (roomOf[x] >= 0 && roundOf[x] < 0) {
                        roomOf[x] = -1;
                    }
                } else if (roundOf[x] >= 0 && roomOf[x] >= 0) {
                    placedRuns[sessionOf[x]][roundOf[x]]++;
                    placedRunsOfSession[sessionOf[x]]++;
                } else {
                    // Pinned but incomplete: it occupies nothing this phase can reason about.
                    roundOf[x] = -1;
                    roomOf[x] = -1;
                }
            }
            movable = movableList.stream().mapToInt(Integer::intValue).toArray();

            sharedSpeakers = new int[sessionCount][sessionCount];
            sharedThemes = new int[sessionCount][sessionCount];
            for (int s = 0; s < sessionCount; s++) {
                for (int t = 0; t < sessionCount; t++) {
                    sharedSpeakers[s][t] = sessions.get(s).sharedSpeakerCount(sessions.get(t));
                    sharedThemes[s][t] = s == t ? 0 : sessions.get(s).sharedThemeCount(sessions.get(t));
                }
            }

            // Pinned seats and the attendees' demand.
            Map<SessionRun, Integer> runIndex = new IdentityHashMap<>();
            for (int x = 0; x < runCount; x++) {
                runIndex.put(runs.get(x), x);
            }
            Map<Attendee, List<Seat>> seatsByAttendee = new LinkedHashMap<>();
            List<List<Integer>> pinnedRoundsOfRun = new ArrayList<>();
            for (int x = 0; x < runCount; x++) {
                pinnedRoundsOfRun.add(new ArrayList<>());
            }
            for (Seat seat : schedule.getSeats()) {
                seatsByAttendee.computeIfAbsent(seat.getAttendee(), a -> new ArrayList<>()).add(seat);
                if (seat.isPinned() && seat.getRun() != null && seat.getPinnedRound() != null) {
                    Integer x = runIndex.get(seat.getRun());
                    Integer r = roundIndex.get(seat.getPinnedRound());
                    if (x != null && r != null) {
                        pinnedRoundsOfRun.get(x).add(r);
                    }
                }
            }
            pinnedSeatRounds = new int[runCount][];
            for (int x = 0; x < runCount; x++) {
                pinnedSeatRounds[x] = pinnedRoundsOfRun.get(x).stream().mapToInt(Integer::intValue).toArray();
                if (roundOf[x] >= 0) {
                    seatsInRound[roundOf[x]] += freeSeats(x, roomOf[x]);
                }
            }
            attendeeCount = schedule.getAttendees() == null ? seatsByAttendee.size() : schedule.getAttendees().size();

            List<int[]> tops = new ArrayList<>();
            List<int[]> frees = new ArrayList<>();
            List<Integer> wanted = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            double[] demand = new double[sessionCount];
            for (Map.Entry<Attendee, List<Seat>> entry : seatsByAttendee.entrySet()) {
                Attendee attendee = entry.getKey();
                Set<Round> takenRounds = new HashSet<>();
                Set<Session> takenSessions = new HashSet<>();
                int unpinned = 0;
                for (Seat seat : entry.getValue()) {
                    if (!seat.isPinned()) {
                        unpinned++;
                    } else if (seat.getRun() != null) {
                        takenSessions.add(seat.getRun().getSession());
                        Round round = seat.getPinnedRound() != null ? seat.getPinnedRound() : seat.getRun().getRound();
                        if (round != null) {
                            takenRounds.add(round);
                        }
                    }
                }
                List<Integer> free = new ArrayList<>();
                for (int r = 0; r < roundCount; r++) {
                    if (attendee.wants(rounds.get(r)) && !takenRounds.contains(rounds.get(r))) {
                        free.add(r);
                    }
                }
                int k = Math.min(unpinned, free.size());
                if (k == 0) {
                    continue;
                }
                for (int r : free) {
                    wantingRound[r]++;
                }
                List<Map.Entry<Session, Integer>> ranked = new ArrayList<>();
                for (Map.Entry<Session, Integer> rank : attendee.ranks().entrySet()) {
                    Session session = rank.getKey();
                    if (sessionIndex.containsKey(session) && !session.plenary() && !takenSessions.contains(session)
                            && settings.mayAttend(attendee, session)) {
                        ranked.add(rank);
                    }
                }
                if (ranked.isEmpty()) {
                    continue;
                }
                ranked.sort(Map.Entry.<Session, Integer> comparingByValue()
                        .thenComparing(e -> sessionIndex.get(e.getKey())));
                int threshold = ranked.get(Math.min(k, ranked.size()) - 1).getValue();
                List<Integer> top = new ArrayList<>();
                for (Map.Entry<Session, Integer> rank : ranked) {
                    if (rank.getValue() <= threshold) {
                        top.add(sessionIndex.get(rank.getKey()));
                    }
                }
                double share = Math.min(1.0, (double) k / top.size());
                for (int s : top) {
                    demand[s] += share;
                }
                tops.add(top.stream().mapToInt(Integer::intValue).toArray());
                frees.add(free.stream().mapToInt(Integer::intValue).toArray());
                wanted.add(k);
                weights.add((double) preferenceWeight
                        * Math.max(1, settings.costOfRank(k + 1) - settings.costOfRank(k)));
            }
            int demanding = tops.size();
            topSessions = tops.toArray(new int[0][]);
            freeRounds = frees.toArray(new int[0][]);
            wantedSeats = wanted.stream().mapToInt(Integer::intValue).toArray();
            lossWeight = weights.stream().mapToDouble(Double::doubleValue).toArray();
            overflowWeight = demanding == 0 ? 1.0
                    : weights.stream().mapToDouble(Double::doubleValue).sum() / demanding;
            List<List<Integer>> interestedLists = new ArrayList<>();
            for (int s = 0; s < sessionCount; s++) {
                interestedLists.add(new ArrayList<>());
            }
            for (int a = 0; a < demanding; a++) {
                for (int s : topSessions[a]) {
                    interestedLists.get(s).add(a);
                }
            }
            interested = new int[sessionCount][];
            for (int s = 0; s < sessionCount; s++) {
                interested[s] = interestedLists.get(s).stream().mapToInt(Integer::intValue).toArray();
            }
            demandPerRun = new double[sessionCount];
            for (int s = 0; s < sessionCount; s++) {
                demandPerRun[s] = runsOfSession[s] == 0 ? 0 : demand[s] / runsOfSession[s];
            }
            roundOwner = new int[roundCount];
            roundOwnerStamp = new int[roundCount];
            roundVisited = new int[roundCount];
            loss = new int[demanding];
            for (int a = 0; a < demanding; a++) {
                loss[a] = computeLoss(a);
            }
        }

        private void addSession(Session session) {
            if (!sessionIndex.containsKey(session)) {
                sessionIndex.put(session, sessions.size());
                sessions.add(session);
            }
        }

        /** The run's value range, less any half of the placement the input already fixed. */
        private int[] optionsOf(SessionRun run) {
            List<Integer> candidateRounds = new ArrayList<>();
            if (run.getRound() != null) {
                candidateRounds.add(roundIndex.get(run.getRound()));
            } else if (run.getAllowedRounds() != null) {
                for (Round round : run.getAllowedRounds()) {
                    Integer r = roundIndex.get(round);
                    if (r != null) {
                        candidateRounds.add(r);
                    }
                }
            }
            List<Integer> candidateRooms = new ArrayList<>();
            if (run.getRoom() != null) {
                candidateRooms.add(roomIndex.get(run.getRoom()));
            } else {
                for (int m = 0; m < schedule.getRooms().size(); m++) {
                    candidateRooms.add(m);
                }
            }
            candidateRounds.sort(null);
            int[] result = new int[candidateRounds.size() * candidateRooms.size()];
            int i = 0;
            for (int r : candidateRounds) {
                for (int m : candidateRooms) {
                    result[i++] = r * rooms.size() + m;
                }
            }
            return result;
        }

        // ********************************************************************
        // Evaluation
        // ********************************************************************

        /** Hard rules of a run alone in (r, m). */
        private long unaryHard(int x, int r, int m) {
            Session session = sessions.get(sessionOf[x]);
            Round round = rounds.get(r);
            Room room = rooms.get(m);
            long hard = 0;
            if (!room.isAvailableIn(round)) {
                hard++;
            }
            for (String tag : session.requiredRoomTags()) {
                if (!room.tags().contains(tag)) {
                    hard++;
                }
            }
            for (var speaker : session.speakers()) {
                if (!speaker.isAvailableIn(round)) {
                    hard++;
                }
            }
            if (!session.isAllowedIn(round)) {
                hard++;
            }
            if (session.plenary()) {
                hard += Math.max(0, attendeeCount - session.seatLimitIn(room));
            }
            for (int pinnedRound : pinnedSeatRounds[x]) {
                if (pinnedRound != r) {
                    hard++;
                }
            }
            return hard;
        }

        /** Hard rules between two runs in the same round. */
        private long pairHard(int x, int y) {
            long hard = sharedSpeakers[sessionOf[x]][sessionOf[y]];
            if (roomOf[x] == roomOf[y]) {
                hard++;
            }
            if (sessionOf[x] == sessionOf[y]) {
                hard++;
            }
            return hard;
        }

        private double unaryProxy(int x, int r, int m) {
            SessionRun run = runs.get(x);
            Session session = sessions.get(sessionOf[x]);
            double demand = demandPerRun[sessionOf[x]];
            int limit = session.plenary() ? attendeeCount : session.seatLimitIn(rooms.get(m));
            double proxy = session.plenary() ? 0
                    : Math.max(0, demand - limit) * overflowWeight + Math.max(0, limit - demand) * WASTE_WEIGHT;
            if (run.hasPreviousPlacement()) {
                int change = run.getPreviousRound().equals(rounds.get(r)) ? 0 : 10;
                if (!run.getPreviousRoom().equals(rooms.get(m))) {
                    change++;
                }
                proxy += (double) placementWeight * change;
            }
            return proxy;
        }

        /**
         * Hard and proxy cost of the given (placed) runs: their own terms plus every pair with another run in the
         * same round (pairs within the set once). Attendee losses are separate.
         */
        private void localCost(int[] xs, long[] hardOut, double[] proxyOut) {
            long hard = 0;
            double proxy = 0;
            for (int i = 0; i < xs.length; i++) {
                int x = xs[i];
                if (roundOf[x] < 0) {
                    continue;
                }
                hard += unaryHard(x, roundOf[x], roomOf[x]);
                proxy += unaryProxy(x, roundOf[x], roomOf[x]);
                for (int y = 0; y < runs.size(); y++) {
                    if (y == x || roundOf[y] != roundOf[x] || earlierInSet(xs, i, y)) {
                        continue;
                    }
                    hard += pairHard(x, y);
                    proxy += (double) themeWeight * sharedThemes[sessionOf[x]][sessionOf[y]];
                }
            }
            hardOut[0] = hard;
            proxyOut[0] = proxy;
        }

        /** Whether y is in xs before position i (so the pair was counted already). */
        private static boolean earlierInSet(int[] xs, int i, int y) {
            for (int j = 0; j < i; j++) {
                if (xs[j] == y) {
                    return true;
                }
            }
            return false;
        }

        /** How many of the attendee's wanted seats their top sessions cannot fill in distinct free rounds. */
        private int computeLoss(int a) {
            int placedTop = 0;
            for (int s : topSessions[a]) {
                if (placedRunsOfSession[s] > 0) {
                    placedTop++;
                }
            }
            int target = Math.min(wantedSeats[a], placedTop);
            if (target == 0) {
                return 0;
            }
            ownerStamp++;
            int matched = 0;
            for (int s : topSessions[a]) {
                if (placedRunsOfSession[s] == 0) {
                    continue;
                }
                visitStamp++;
                if (assign(a, s)) {
                    matched++;
                    if (matched == target) {
                        break;
                    }
                }
            }
            return target - matched;
        }

        private boolean assign(int a, int s) {
            for (int r : freeRounds[a]) {
                if (placedRuns[s][r] == 0 || roundVisited[r] == visitStamp) {
                    continue;
                }
                roundVisited[r] = visitStamp;
                if (roundOwnerStamp[r] != ownerStamp || assign(a, roundOwner[r])) {
                    roundOwnerStamp[r] = ownerStamp;
                    roundOwner[r] = s;
                    return true;
                }
            }
            return false;
        }

        /** Change in weighted attendee loss for the attendees interested in these sessions, state as it is now. */
        private double lossDelta(int sessionA, int sessionB, boolean commit) {
            double delta = 0;
            delta += lossDeltaOf(interested[sessionA], -1, commit);
            if (sessionB >= 0 && sessionB != sessionA) {
                delta += lossDeltaOf(interested[sessionB], sessionA, commit);
            }
            return delta;
        }

        /** Sums over the attendees, skipping those also interested in {@code skipSession} (counted already). */
        private double lossDeltaOf(int[] attendees, int skipSession, boolean commit) {
            double delta = 0;
            for (int a : attendees) {
                if (skipSession >= 0 && contains(topSessions[a], skipSession)) {
                    continue;
                }
                int now = computeLoss(a);
                delta += lossWeight[a] * (now - loss[a]);
                if (commit) {
                    loss[a] = now;
                }
            }
            return delta;
        }

        private static boolean contains(int[] values, int value) {
            for (int v : values) {
                if (v == value) {
                    return true;
                }
            }
            return false;
        }

        private void setPlacement(int x, int r, int m) {
            int s = sessionOf[x];
            if (roundOf[x] >= 0) {
                placedRuns[s][roundOf[x]]--;
                placedRunsOfSession[s]--;
                seatsInRound[roundOf[x]] -= freeSeats(x, roomOf[x]);
            }
            roundOf[x] = r;
            roomOf[x] = m;
            if (r >= 0) {
                placedRuns[s][r]++;
                placedRunsOfSession[s]++;
                seatsInRound[r] += freeSeats(x, m);
            }
        }

        /** Seats run x offers in room m to attendees without a pinned seat in it (a plenary run offers none). */
        private long freeSeats(int x, int m) {
            Session session = sessions.get(sessionOf[x]);
            if (session.plenary()) {
                return 0;
            }
            return Math.max(0, session.seatLimitIn(rooms.get(m)) - pinnedSeatRounds[x].length);
        }

        /**
         * Seats that cannot be filled however people are seated: per round, attendees who want a seat minus the
         * seats the round offers. A lost seat is worse than any preference (medium level), so this is compared
         * between the hard rules and the proxy.
         */
        private long shortfall() {
            long shortfall = 0;
            for (int r = 0; r < rounds.size(); r++) {
                shortfall += Math.max(0, wantingRound[r] - seatsInRound[r]);
            }
            return shortfall;
        }

        // ********************************************************************
        // Construction and improvement
        // ********************************************************************

        void greedy() {
            Integer[] order = new Integer[movable.length];
            for (int i = 0; i < movable.length; i++) {
                order[i] = movable[i];
            }
            java.util.Arrays.sort(order, Comparator
                    .comparing((Integer x) -> !sessions.get(sessionOf[x]).plenary())
                    .thenComparing(x -> -demandPerRun[sessionOf[x]])
                    .thenComparingInt(x -> options[x].length)
                    .thenComparingInt(x -> x));
            long[] hard = new long[1];
            double[] proxy = new double[1];
            int[] single = new int[1];
            for (int x : order) {
                if (options[x].length == 0) {
                    continue;
                }
                single[0] = x;
                int bestOption = -1;
                long bestHard = Long.MAX_VALUE;
                long bestShortfall = Long.MAX_VALUE;
                double bestProxy = Double.POSITIVE_INFINITY;
                Map<Integer, Double> lossByRound = new HashMap<>();
                for (int option : options[x]) {
                    int r = option / rooms.size();
                    int m = option % rooms.size();
                    setPlacement(x, r, m);
                    localCost(single, hard, proxy);
                    double lossChange = lossByRound.computeIfAbsent(r, key -> lossDelta(sessionOf[x], -1, false));
                    double total = proxy[0] + lossChange;
                    long shortfall = shortfall();
                    if (hard[0] != bestHard ? hard[0] < bestHard
                            : shortfall != bestShortfall ? shortfall < bestShortfall : total < bestProxy - EPSILON) {
                        bestHard = hard[0];
                        bestShortfall = shortfall;
                        bestProxy = total;
                        bestOption = option;
                    }
                    setPlacement(x, -1, -1);
                }
                setPlacement(x, bestOption / rooms.size(), bestOption % rooms.size());
                lossDelta(sessionOf[x], -1, true);
            }
        }

        void improve(BooleanSupplier isTerminated) {
            long[] hard = new long[1];
            double[] proxy = new double[1];
            for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
                boolean improved = false;
                for (int x : movable) {
                    if (isTerminated.getAsBoolean()) {
                        return;
                    }
                    if (roundOf[x] < 0) {
                        continue;
                    }
                    improved |= improveRun(x, hard, proxy);
                }
                if (!improved) {
                    return;
                }
            }
        }

        /** Applies the best improving relocation or swap of run x, if any. */
        private boolean improveRun(int x, long[] hard, double[] proxy) {
            int[] single = { x };
            int fromRound = roundOf[x];
            int fromRoom = roomOf[x];
            localCost(single, hard, proxy);
            long baseHard = hard[0];
            double baseProxy = proxy[0];
            long baseShortfall = shortfall();

            long bestHardDelta = 0;
            long bestShortfallDelta = 0;
            double bestProxyDelta = 0;
            int bestOption = -1;
            int bestSwap = -1;
            Map<Integer, Double> lossByRound = new HashMap<>();
            for (int option : options[x]) {
                int r = option / rooms.size();
                int m = option % rooms.size();
                if (r == fromRound && m == fromRoom) {
                    continue;
                }
                setPlacement(x, r, m);
                localCost(single, hard, proxy);
                double lossChange = r == fromRound ? 0
                        : lossByRound.computeIfAbsent(r, key -> lossDelta(sessionOf[x], -1, false));
                long hardDelta = hard[0] - baseHard;
                long shortfallDelta = shortfall() - baseShortfall;
                double proxyDelta = proxy[0] + lossChange - baseProxy;
                if (better(hardDelta, shortfallDelta, proxyDelta, bestHardDelta, bestShortfallDelta, bestProxyDelta)) {
                    bestHardDelta = hardDelta;
                    bestShortfallDelta = shortfallDelta;
                    bestProxyDelta = proxyDelta;
                    bestOption = option;
                    bestSwap = -1;
                }
            }
            setPlacement(x, fromRound, fromRoom);

            int[] pair = new int[2];
            pair[0] = x;
            for (int y : movable) {
                if (y == x || roundOf[y] < 0 || sessionOf[y] == sessionOf[x]
                        || (roundOf[y] == fromRound && roomOf[y] == fromRoom)) {
                    continue;
                }
                int toRound = roundOf[y];
                int toRoom = roomOf[y];
                if (!contains(options[x], toRound * rooms.size() + toRoom)
                        || !contains(options[y], fromRound * rooms.size() + fromRoom)) {
                    continue;
                }
                pair[1] = y;
                localCost(pair, hard, proxy);
                long beforeHard = hard[0];
                double beforeProxy = proxy[0];
                setPlacement(x, toRound, toRoom);
                setPlacement(y, fromRound, fromRoom);
                localCost(pair, hard, proxy);
                double lossChange = toRound == fromRound ? 0 : lossDelta(sessionOf[x], sessionOf[y], false);
                long shortfallDelta = shortfall() - baseShortfall;
                setPlacement(y, toRound, toRoom);
                setPlacement(x, fromRound, fromRoom);
                long hardDelta = hard[0] - beforeHard;
                double proxyDelta = proxy[0] + lossChange - beforeProxy;
                if (better(hardDelta, shortfallDelta, proxyDelta, bestHardDelta, bestShortfallDelta,
                        bestProxyDelta)) {
                    bestHardDelta = hardDelta;
                    bestShortfallDelta = shortfallDelta;
                    bestProxyDelta = proxyDelta;
                    bestOption = -1;
                    bestSwap = y;
                }
            }
            if (bestOption >= 0) {
                setPlacement(x, bestOption / rooms.size(), bestOption % rooms.size());
                lossDelta(sessionOf[x], -1, true);
                return true;
            }
            if (bestSwap >= 0) {
                int y = bestSwap;
                int toRound = roundOf[y];
                int toRoom = roomOf[y];
                setPlacement(x, toRound, toRoom);
                setPlacement(y, fromRound, fromRoom);
                lossDelta(sessionOf[x], sessionOf[y], true);
                return true;
            }
            return false;
        }

        /** Lexicographic: hard rules, then seats that cannot be filled, then the proxy. */
        private static boolean better(long hardDelta, long shortfallDelta, double proxyDelta, long bestHard,
                long bestShortfall, double bestProxy) {
            if (hardDelta != bestHard) {
                return hardDelta < bestHard;
            }
            if (shortfallDelta != bestShortfall) {
                return shortfallDelta < bestShortfall;
            }
            return proxyDelta < bestProxy - EPSILON;
        }

        Map<SessionRun, Placement> result() {
            Map<SessionRun, Placement> result = new LinkedHashMap<>();
            for (int x : movable) {
                if (roundOf[x] >= 0) {
                    result.put(runs.get(x), new Placement(rounds.get(roundOf[x]), rooms.get(roomOf[x])));
                }
            }
            return result;
        }
    }
}

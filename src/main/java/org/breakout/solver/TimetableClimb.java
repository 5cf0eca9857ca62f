package org.breakout.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import org.slf4j.LoggerFactory;

import org.breakout.domain.Room;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.SessionRun;
import org.breakout.domain.Speaker;

/**
 * The timetable search of events whose rounds are independent ({@link IndependentRounds}): late acceptance over the
 * same moves as {@link TimetableMove} (a run into another slot, swapping with the run there), each judged by the
 * exact seating of the rounds it touches, but evaluated on arrays instead of through Timefold's score: a move that is
 * not taken then costs no seat changes and no undo. On {@code rank-all-open-2000} about half of the time of a
 * {@link TimetableMove} went to Timefold following the seat changes of the move and of its undo.
 * <p>
 * The score stays Timefold's: the phase is a list of identical commands, each a chunk of at most {@link #CHUNK}
 * evaluated moves that ends early at a new best; at the end of a chunk the working solution is set to the search's
 * state through the score director, and Timefold scores that step, keeps the best and reports it. The next chunk
 * compares Timefold's score with the one the search predicted; if they ever differ the search stops and leaves the
 * rest to the next phase (the tests run it against the score on random events, so that is a bug, not a fallback).
 * <p>
 * The score of a move is exact because the search only makes moves whose score it can count: a run that breaks no
 * rule where it is (room free and available, round allowed, tags, speakers available and not busy) goes to a slot
 * where it breaks none either, so the hard score does not change; the medium and soft parts that a timetable move
 * changes are the seats filled and their preference cost (per round, {@link IndependentRounds#solveRound}) and the
 * theme clashes. Events with published placements or seats, plenary runs to move, or rounds that are not
 * independent get no moves here (the phase does nothing; {@link TimetableNeighborhood} covers them).
 * <p>
 * Deterministic for a seed: the moves are drawn from its own random generator, no clock is read.
 */
public final class TimetableClimb implements PhaseCommand<Schedule> {

    /** Moves evaluated per command (one Timefold step). */
    static final int CHUNK = 200;
    /** Commands in the phase: more than any run within the CLI's limits gets through. */
    static final int CHUNKS = 100_000;

    /**
     * How the search accepts moves and when it ends.
     *
     * @param lateAcceptance late acceptance size; 1 is hill climbing (a move as good as the current state or better)
     * @param stuckAfter the search ends after this many evaluated moves in a row without a better best (0: never)
     * @param kickAfter after this many evaluated moves without a better best, the search jumps from its best by a
     *        few random moves (0: never)
     * @param chunks commands in the phase (each {@link #CHUNK} moves)
     * @param incremental whether a move re-seats its rounds from the seatings kept for the current state
     *        ({@link RoundTransport}) or from scratch ({@link IndependentRounds#solveRound}): the same optimum either
     *        way, and the same search; only the speed differs
     */
    public record Settings(int lateAcceptance, int stuckAfter, int kickAfter, int chunks, boolean incremental) {
        /** The default configuration's: late acceptance with kicks until the solver stops. */
        public static final Settings DEFAULT = new Settings(SolverConfigs.TIMETABLE_LATE_ACCEPTANCE, 0, KICK_AFTER,
                CHUNKS);

        public Settings(int lateAcceptance, int stuckAfter, int kickAfter, int chunks) {
            this(lateAcceptance, stuckAfter, kickAfter, chunks, true);
        }

        Settings fromScratch() {
            return new Settings(lateAcceptance, stuckAfter, kickAfter, chunks, false);
        }
    }

    /** Moves without a better best after which the default search kicks ({@link Settings#kickAfter()}). */
    static final int KICK_AFTER = 3_000;
    /** Random moves in a kick. */
    static final int KICK_MOVES = 3;

    private final long seed;
    /** Added to the seed: restarts of one configuration draw other moves. */
    private final long stream;
    private final Settings settings;
    private final Map<Schedule, Search> searches = Collections.synchronizedMap(new WeakHashMap<>());
    /** Over every search of this object: moves evaluated, and chunks whose score Timefold counted otherwise. */
    private final AtomicLong evaluated = new AtomicLong();
    private final AtomicLong mismatches = new AtomicLong();

    TimetableClimb(long seed, int lateAcceptance) {
        this(seed, 0, new Settings(lateAcceptance, 0, KICK_AFTER, CHUNKS));
    }

    public TimetableClimb(long seed, long stream, Settings settings) {
        this.seed = seed;
        this.stream = stream;
        this.settings = settings;
    }

    /** The same search with another seed (and no state). */
    TimetableClimb withSeed(long newSeed) {
        return new TimetableClimb(newSeed, stream, settings);
    }

    /** The phase's commands: {@link Settings#chunks()} times this one. */
    public List<PhaseCommand<Schedule>> commands() {
        return Collections.nCopies(settings.chunks(), this);
    }

    /**
     * Whether this search handles the schedule's timetable: rounds are independent and no run has a published
     * placement (the general {@link TimetableNeighborhood} leaves such events to it).
     */
    static boolean covers(Schedule schedule) {
        return seatingIfCovered(schedule) != null;
    }

    /** The arrays of the schedule's rounds when this search covers it, else null. */
    private static IndependentRounds seatingIfCovered(Schedule schedule) {
        for (SessionRun run : schedule.getRuns()) {
            if (run.hasPreviousPlacement()) {
                return null;
            }
        }
        return IndependentRounds.of(schedule);
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<Schedule> scoreDirector, BooleanSupplier isPhaseTerminated) {
        Schedule schedule = scoreDirector.getWorkingSolution();
        Search search = searches.computeIfAbsent(schedule,
                s -> Search.of(s, seed * 1_000_003L + stream, settings));
        if (search == null || search.stopped || search.finished) {
            return;
        }
        long before = search.evaluations;
        search.chunk(scoreDirector, isPhaseTerminated);
        evaluated.addAndGet(search.evaluations - before);
        if (search.stopped) {
            mismatches.incrementAndGet();
        }
    }

    /** Moves evaluated so far, over every search of this object. */
    long evaluated() {
        return evaluated.get();
    }

    /** Searches stopped because Timefold's score was not the one predicted (a bug if ever above 0). */
    long mismatches() {
        return mismatches.get();
    }

    /** The state of one search: the timetable and the optimal seating of every round, as arrays. */
    static final class Search {
        private final Schedule schedule;
        private final IndependentRounds seating;
        private final List<SessionRun> runs;
        private final List<Round> rounds;
        private final List<Room> rooms;
        private final Map<Round, Integer> roundIndex = new IdentityHashMap<>();
        private final Map<Room, Integer> roomIndex = new IdentityHashMap<>();
        /** Runs the search may move. */
        private final int[] movable;
        private final boolean[] isMovable;
        private final int[][] sharedThemes;
        private final boolean[][] sharedSpeaker;
        private final HardMediumSoftLongScore seatWeight;
        private final HardMediumSoftLongScore preferenceWeight;
        private final HardMediumSoftLongScore themeWeight;
        private final Random random;
        private final int lateSize;
        private final int stuckAfter;
        private HardMediumSoftLongScore[] lateScores;
        private int lateIndex;
        private long evaluations;
        /** Evaluated moves since the best last improved, and since the best improved or the last kick. */
        private long sinceBest;
        private long sinceKick;
        private final int kickAfter;

        private State current;
        private State best;
        /**
         * The state whose seating {@link #warm} holds, per round (null: not built yet), and copies to try a move on.
         * A round whose runs share a room is never warm ({@link #cold}); its moves are solved from scratch.
         */
        private State warmState;
        private final RoundTransport[] warm;
        private final RoundTransport[] trial;
        private final boolean[] cold;
        /** The last move evaluated: its state, the rounds it touched, and which of them a trial copy holds. */
        private State lastCandidate;
        private int[] lastTouched;
        private final boolean[] lastTried;
        /** Whether moves are evaluated on the kept seatings (the tests compare both ways). */
        private final boolean incremental;
        /** Whether the search's seating was written to the working solution once (its score is the baseline). */
        private boolean started;
        /** The score Timefold should give the state last written to the working solution; null when not known. */
        private HardMediumSoftLongScore expected;
        private boolean bestSinceSync;
        /** Ended because Timefold's score was not the one predicted (then it changes nothing any more). */
        boolean stopped;
        /** Ended because it was stuck ({@link Settings#stuckAfter()}); its best is in the working solution. */
        boolean finished;

        /** The timetable and its seating: who sits where in every round, and what that scores. */
        private record State(int[] roundOf, int[] roomOf, IndependentRounds.RoundOptimum[] perRound,
                HardMediumSoftLongScore score) {
        }

        private Search(Schedule schedule, IndependentRounds seating, long seed, Settings settings) {
            this.schedule = schedule;
            this.seating = seating;
            this.runs = schedule.getRuns();
            this.rounds = schedule.getRounds();
            this.rooms = schedule.getRooms();
            for (int r = 0; r < rounds.size(); r++) {
                roundIndex.put(rounds.get(r), r);
            }
            for (int m = 0; m < rooms.size(); m++) {
                roomIndex.put(rooms.get(m), m);
            }
            int n = runs.size();
            sharedThemes = new int[n][n];
            sharedSpeaker = new boolean[n][n];
            for (int x = 0; x < n; x++) {
                for (int y = 0; y < n; y++) {
                    if (x != y) {
                        sharedThemes[x][y] = runs.get(x).getSession().sharedThemeCount(runs.get(y).getSession());
                        sharedSpeaker[x][y] = runs.get(x).getSession().sharesSpeakerWith(runs.get(y).getSession());
                    }
                }
            }
            ConstraintWeightOverrides<HardMediumSoftLongScore> overrides = schedule.getConstraintWeightOverrides();
            seatWeight = weight(overrides, BreakoutConstraintProvider.UNFILLED_SEAT);
            preferenceWeight = weight(overrides, BreakoutConstraintProvider.PREFERENCE_COST);
            themeWeight = weight(overrides, BreakoutConstraintProvider.THEME_CLASH);
            random = new Random(seed);
            this.lateSize = Math.max(1, settings.lateAcceptance());
            this.stuckAfter = settings.stuckAfter();
            this.kickAfter = settings.kickAfter();
            this.incremental = settings.incremental();
            warm = new RoundTransport[rounds.size()];
            trial = new RoundTransport[rounds.size()];
            cold = new boolean[rounds.size()];
            lastTried = new boolean[rounds.size()];
            int[] roundOf = new int[n];
            int[] roomOf = new int[n];
            for (int x = 0; x < n; x++) {
                SessionRun run = runs.get(x);
                roundOf[x] = run.isPlaced() ? roundIndex.getOrDefault(run.getRound(), -1) : -1;
                roomOf[x] = run.isPlaced() ? roomIndex.getOrDefault(run.getRoom(), -1) : -1;
            }
            List<Integer> movableList = new ArrayList<>();
            isMovable = new boolean[n];
            for (int x = 0; x < n; x++) {
                SessionRun run = runs.get(x);
                if (!run.isPinned() && roundOf[x] >= 0 && roomOf[x] >= 0 && !run.getSession().plenary()
                        && fits(x, roundOf[x], roomOf[x], roundOf, roomOf, -1)) {
                    movableList.add(x);
                    isMovable[x] = true;
                }
            }
            movable = movableList.stream().mapToInt(Integer::intValue).toArray();
            int[][] holding = holding(roundOf);
            IndependentRounds.RoundOptimum[] perRound = new IndependentRounds.RoundOptimum[rounds.size()];
            int[] limits = seatLimits(roomOf);
            for (int r = 0; r < perRound.length; r++) {
                perRound[r] = seating.solveRound(r, roundOf, limits, holding[r]);
            }
            current = new State(roundOf, roomOf, perRound, null);
            warmState = current;
        }

        /** The search for the schedule, or null when it has no move to make here (see the class comment). */
        static Search of(Schedule schedule, long seed, Settings settings) {
            IndependentRounds seating = seatingIfCovered(schedule);
            if (seating == null) {
                return null;
            }
            Search search = new Search(schedule, seating, seed, settings);
            return search.movable.length == 0 ? null : search;
        }

        private static HardMediumSoftLongScore weight(ConstraintWeightOverrides<HardMediumSoftLongScore> overrides,
                String name) {
            HardMediumSoftLongScore weight = overrides == null ? null : overrides.getConstraintWeight(name);
            return weight != null ? weight : ConstraintWeights.get(name);
        }

        /** Per round, per attendee: the run they hold in that round in the working solution, or -1. */
        private int[][] holding(int[] roundOf) {
            int[][] holding = new int[rounds.size()][];
            for (int r = 0; r < holding.length; r++) {
                holding[r] = seating.holding(r, roundOf);
            }
            return holding;
        }

        private int[] seatLimits(int[] roomOf) {
            int[] limits = new int[runs.size()];
            for (int x = 0; x < limits.length; x++) {
                limits[x] = roomOf[x] < 0 ? 0
                        : seating.seatsLeft(x, runs.get(x).getSession().seatLimitIn(rooms.get(roomOf[x])));
            }
            return limits;
        }

        /**
         * Whether run {@code x} breaks no rule in round {@code r}, room {@code m}, with the other runs where
         * {@code roundOf}/{@code roomOf} put them, not counting run {@code ignore} (the swap partner, or -1).
         */
        private boolean fits(int x, int r, int m, int[] roundOf, int[] roomOf, int ignore) {
            SessionRun run = runs.get(x);
            Round round = rounds.get(r);
            Room room = rooms.get(m);
            if (!room.isAvailableIn(round) || !run.getSession().isAllowedIn(round)
                    || !room.tags().containsAll(run.getSession().requiredRoomTags())) {
                return false;
            }
            for (Speaker speaker : run.getSession().speakers()) {
                if (!speaker.isAvailableIn(round)) {
                    return false;
                }
            }
            for (int y = 0; y < runs.size(); y++) {
                if (y == x || y == ignore || roundOf[y] != r) {
                    continue;
                }
                if (roomOf[y] == m || sharedSpeaker[x][y] || runs.get(y).getSession().equals(run.getSession())) {
                    return false;
                }
            }
            return true;
        }

        private int themeClashes(int x, int r, int[] roundOf, int ignore) {
            int clashes = 0;
            for (int y = 0; y < runs.size(); y++) {
                if (y != x && y != ignore && roundOf[y] == r) {
                    clashes += sharedThemes[x][y];
                }
            }
            return clashes;
        }

        /** One chunk of the search, then the working solution is set to its state. */
        void chunk(ScoreDirector<Schedule> scoreDirector, BooleanSupplier isPhaseTerminated) {
            HardMediumSoftLongScore score = schedule.getScore();
            if (!started) {
                // First call: write the search's seating (the same optimum as the seating phase's, maybe other
                // seats among equals) and let Timefold score it; the search starts from that score.
                sync(scoreDirector, current);
                started = true;
                return;
            }
            if (expected != null && !expected.equals(score)) {
                stopped = true;
                LoggerFactory.getLogger(TimetableClimb.class).warn(
                        "Timetable climb stopped: it expected the score {} but Timefold counts {}", expected, score);
                return;
            }
            if (current.score == null) {
                current = new State(current.roundOf, current.roomOf, current.perRound, score);
                warmState = current;
                best = current;
                lateScores = new HardMediumSoftLongScore[lateSize];
                Arrays.fill(lateScores, score);
            }
            // Under late acceptance a chunk ends early at a new best: it is then the current state, which is what
            // Timefold sees. (A hill climb's current state is always as good as its best.)
            bestSinceSync = false;
            for (int k = 0; k < CHUNK && !(bestSinceSync && lateSize > 1) && !finished
                    && !isPhaseTerminated.getAsBoolean(); k++) {
                step();
                finished = stuckAfter > 0 && sinceBest >= stuckAfter;
            }
            if (finished) {
                current = best;
            }
            sync(scoreDirector, current);
            expected = current.score;
        }

        /** Draws one move, scores it exactly, and takes it if late acceptance allows. */
        private void step() {
            if (kickAfter > 0 && sinceKick >= kickAfter) {
                kick();
            }
            State candidate = neighbour(current);
            if (candidate == null) {
                return;
            }
            evaluations++;
            sinceBest++;
            sinceKick++;
            HardMediumSoftLongScore score = candidate.score;
            // Late acceptance as Timefold's acceptor does it: against the score of the step lateSize steps ago (or
            // the current one), and each step's score replaces that one.
            if (score.compareTo(current.score) >= 0 || score.compareTo(lateScores[lateIndex]) >= 0) {
                current = adopt(candidate);
                lateScores[lateIndex] = score;
                lateIndex = (lateIndex + 1) % lateSize;
                if (score.compareTo(best.score) > 0) {
                    best = current;
                    bestSinceSync = true;
                    sinceBest = 0;
                    sinceKick = 0;
                }
            }
        }

        /**
         * Leaves a local optimum: from the best, {@link #KICK_MOVES} random moves taken whatever they cost, and the
         * late acceptance starts again from there.
         */
        private void kick() {
            State state = best;
            for (int made = 0, tries = 0; made < KICK_MOVES && tries < 100 * KICK_MOVES; tries++) {
                State next = neighbour(state);
                if (next != null) {
                    evaluations++;
                    state = adopt(next);
                    made++;
                }
            }
            current = state;
            Arrays.fill(lateScores, current.score);
            sinceKick = 0;
        }

        /** A random move from {@code from}, scored exactly; null when the drawn move breaks a rule or changes nothing. */
        private State neighbour(State from) {
            int x = movable[random.nextInt(movable.length)];
            int r = random.nextInt(rounds.size());
            int m = random.nextInt(rooms.size());
            int[] roundOf = from.roundOf;
            int[] roomOf = from.roomOf;
            int fromRound = roundOf[x];
            int fromRoom = roomOf[x];
            if (r == fromRound && m == fromRoom) {
                return null;
            }
            int y = -1;
            for (int z = 0; z < runs.size(); z++) {
                if (z != x && roundOf[z] == r && roomOf[z] == m) {
                    y = z;
                }
            }
            if ((y >= 0 && !isMovable[y]) || !fits(x, r, m, roundOf, roomOf, y)
                    || (y >= 0 && !fits(y, fromRound, fromRoom, roundOf, roomOf, x))) {
                return null;
            }
            int themeBefore = themeClashes(x, fromRound, roundOf, y) + (y >= 0 ? themeClashes(y, r, roundOf, x) : 0);
            int[] newRoundOf = roundOf.clone();
            int[] newRoomOf = roomOf.clone();
            newRoundOf[x] = r;
            newRoomOf[x] = m;
            if (y >= 0) {
                newRoundOf[y] = fromRound;
                newRoomOf[y] = fromRoom;
            }
            int themeAfter = themeClashes(x, r, newRoundOf, y) + (y >= 0 ? themeClashes(y, fromRound, newRoundOf, x) : 0);
            int[] limits = seatLimits(newRoomOf);
            IndependentRounds.RoundOptimum[] perRound = from.perRound.clone();
            long filledDelta = 0;
            long costDelta = 0;
            if (from != warmState) {
                forgetWarm(from);
            }
            int[] touched = r == fromRound ? new int[] { r } : new int[] { fromRound, r };
            for (int t : touched) {
                IndependentRounds.RoundOptimum before = perRound[t];
                RoundTransport tried = incremental ? tryIncrementally(t, x, r, m, y, fromRound, fromRoom, limits)
                        : null;
                lastTried[t] = tried != null;
                IndependentRounds.RoundOptimum after = tried != null
                        ? new IndependentRounds.RoundOptimum(tried.filled(), tried.cost(), null)
                        : seating.solveRound(t, newRoundOf, limits, before.runOf());
                perRound[t] = after;
                filledDelta += after.filled() - before.filled();
                costDelta += after.cost() - before.cost();
            }
            HardMediumSoftLongScore score = from.score
                    .subtract(ConstraintWeights.scaled(seatWeight, -filledDelta))
                    .subtract(ConstraintWeights.scaled(preferenceWeight, costDelta))
                    .subtract(ConstraintWeights.scaled(themeWeight, themeAfter - themeBefore));
            lastCandidate = new State(newRoundOf, newRoomOf, perRound, score);
            lastTouched = touched;
            return lastCandidate;
        }

        /**
         * Round {@code t} after the move (run {@code x} to round {@code r}, room {@code m}; {@code y}, the run there
         * or -1, to x's round and room), updated on a copy of the kept seating; null when the round is not kept.
         */
        private RoundTransport tryIncrementally(int t, int x, int r, int m, int y, int fromRound, int fromRoom,
                int[] limits) {
            RoundTransport kept = warmRound(t);
            if (kept == null) {
                return null;
            }
            if (trial[t] == null) {
                trial[t] = kept.emptyCopy();
            }
            RoundTransport copy = trial[t];
            copy.copyFrom(kept);
            if (t == fromRound) {
                replace(copy, fromRoom, y, limits);
            }
            if (t == r) {
                replace(copy, m, x, limits);
            }
            copy.settle();
            return copy;
        }

        private static void replace(RoundTransport round, int room, int run, int[] limits) {
            int seats = run < 0 ? 0 : Math.max(0, limits[run]);
            int newRun = seats > 0 ? run : -1;
            if (round.runAt(room) != newRun || round.limit(room) != seats) {
                round.replace(room, newRun, seats);
            }
        }

        /** The kept seating of round {@code t} for {@link #warmState}, built when first needed; null if cold. */
        private RoundTransport warmRound(int t) {
            if (warm[t] == null && !cold[t]) {
                State state = warmState;
                warm[t] = seating.transport(t, state.roundOf, state.roomOf, seatLimits(state.roomOf), rooms.size(),
                        state.perRound[t].runOf());
                cold[t] = warm[t] == null;
            }
            return warm[t];
        }

        /** The kept seatings are for another state now: they are built again for {@code state} when needed. */
        private void forgetWarm(State state) {
            warmState = state;
            Arrays.fill(warm, null);
            Arrays.fill(cold, false);
        }

        /**
         * The move just evaluated becomes a state of the search: the rounds it tried on copies keep those copies (and
         * get their seating as arrays), the others are built again when needed.
         */
        private State adopt(State candidate) {
            if (candidate != lastCandidate) {
                forgetWarm(candidate);
                return candidate;
            }
            for (int t : lastTouched) {
                if (lastTried[t]) {
                    RoundTransport kept = trial[t];
                    trial[t] = warm[t];
                    warm[t] = kept;
                    candidate.perRound[t] = new IndependentRounds.RoundOptimum(kept.filled(), kept.cost(),
                            kept.runOf());
                } else {
                    warm[t] = null;
                    cold[t] = false;
                }
            }
            warmState = candidate;
            lastCandidate = null;
            return candidate;
        }

        /** Sets the working solution's runs and seats to the state, through the score director. */
        private void sync(ScoreDirector<Schedule> scoreDirector, State state) {
            boolean changed = false;
            for (int x = 0; x < runs.size(); x++) {
                SessionRun run = runs.get(x);
                Round round = state.roundOf[x] < 0 ? run.getRound() : rounds.get(state.roundOf[x]);
                Room room = state.roomOf[x] < 0 ? run.getRoom() : rooms.get(state.roomOf[x]);
                if (run.getRound() != round) {
                    scoreDirector.beforeVariableChanged(run, "round");
                    run.setRound(round);
                    scoreDirector.afterVariableChanged(run, "round");
                    changed = true;
                }
                if (run.getRoom() != room) {
                    scoreDirector.beforeVariableChanged(run, "room");
                    run.setRoom(room);
                    scoreDirector.afterVariableChanged(run, "room");
                    changed = true;
                }
            }
            int[][] runOfByRound = new int[state.perRound.length][];
            for (int r = 0; r < runOfByRound.length; r++) {
                runOfByRound[r] = state.perRound[r].runOf();
            }
            for (Map.Entry<Seat, SessionRun> entry : seating.seatsFor(runOfByRound).entrySet()) {
                Seat seat = entry.getKey();
                if (seat.getRun() != entry.getValue()) {
                    scoreDirector.beforeVariableChanged(seat, "run");
                    seat.setRun(entry.getValue());
                    scoreDirector.afterVariableChanged(seat, "run");
                    changed = true;
                }
            }
            if (changed) {
                scoreDirector.triggerVariableListeners();
            }
        }
    }
}

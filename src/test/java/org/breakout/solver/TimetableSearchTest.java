package org.breakout.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import org.breakout.bound.BruteForce;
import org.breakout.bound.RandomEvents;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.SessionRun;
import org.breakout.io.EventReader;
import org.breakout.io.Json;
import org.junit.jupiter.api.Test;

/**
 * The timetable search ({@link TimetableNeighborhood}, {@link TimetableMove}, {@link SeatingFlow#reseatRounds}):
 * re-seating two rounds gives the same seating quality as seating everything again, and the default configuration
 * reaches the brute-force optimum on tiny open events. Checked with the independent {@link BruteForce} of the bound
 * tests, not with the solver's own score.
 */
class TimetableSearchTest {

    @Test
    void reseatingTwoRoundsEqualsSeatingEverythingWhenSessionsRunOnce() {
        int checked = 0;
        for (int seed = 0; seed < 80; seed++) {
            Schedule schedule = RandomEvents.schedule(seed, RandomEvents.Kind.FIXED_NO_REPEATS);
            apply(SeatingFlow.solve(schedule));
            // Swap the placements of two runs of different rounds, as a timetable move does.
            List<SessionRun> runs = schedule.getRuns();
            SessionRun a = runs.get(0);
            SessionRun b = runs.stream().filter(r -> !r.getRound().equals(a.getRound())).findFirst().orElse(null);
            if (b == null) {
                continue;
            }
            swapPlacements(a, b);
            Map<Seat, SessionRun> before = snapshot(schedule);
            SeatingFlow.Result partial = SeatingFlow.reseatRounds(schedule, new LinkedHashSet<>(List.of(a.getRound(),
                    b.getRound())));
            // Seats outside the two rounds are not touched.
            for (Seat seat : partial.seating().keySet()) {
                SessionRun run = before.get(seat);
                assertThat(run == null || run.getRound().equals(a.getRound()) || run.getRound().equals(b.getRound()))
                        .as("seed %d: %s was outside the two rounds", seed, seat).isTrue();
            }
            apply(partial.seating());
            assertTheFullOptimum(schedule, seed);
            checked++;
        }
        assertThat(checked).isGreaterThan(40);
    }

    @Test
    void independentRoundsReseatLikeTheFlowAndKeepEveryRule() {
        int checked = 0;
        for (int seed = 0; seed < 800; seed++) {
            Schedule schedule = RandomEvents.schedule(seed, RandomEvents.Kind.FIXED_NO_REPEATS);
            IndependentRounds fast = IndependentRounds.of(schedule);
            if (fast == null) {
                continue;
            }
            apply(SeatingFlow.solve(schedule));
            // Swap two movable runs of different rounds, as a timetable move does (pinned runs never move).
            List<SessionRun> movable = schedule.getRuns().stream().filter(r -> !r.isPinned()).toList();
            if (movable.isEmpty()) {
                continue;
            }
            SessionRun a = movable.get(seed % movable.size());
            SessionRun b = movable.stream().filter(r -> !r.getRound().equals(a.getRound())).findFirst().orElse(null);
            if (b == null) {
                continue;
            }
            swapPlacements(a, b);
            Map<Seat, SessionRun> before = snapshot(schedule);
            Map<Seat, SessionRun> seating = fast.reseat(new LinkedHashSet<>(List.of(a.getRound(), b.getRound())));
            assertThat(seating).as("seed %d", seed).isNotNull();
            for (Seat seat : seating.keySet()) {
                SessionRun run = before.get(seat);
                assertThat(run == null || run.getRound().equals(a.getRound()) || run.getRound().equals(b.getRound()))
                        .as("seed %d: %s was outside the two rounds", seed, seat).isTrue();
            }
            apply(seating);
            // The rules for the re-seated seats, counted from the seats: eligible runs, wanted rounds, one seat per
            // attendee and round (pinned seats included), run seat limits.
            Map<String, Integer> perAttendeeRound = new java.util.HashMap<>();
            Map<SessionRun, Integer> perRun = new java.util.IdentityHashMap<>();
            for (Seat seat : schedule.getSeats()) {
                if (seat.getRun() == null) {
                    continue;
                }
                int inRound = perAttendeeRound.merge(seat.getAttendee().id() + "@" + seat.getRun().getRound().id(), 1,
                        Integer::sum);
                if (seating.containsKey(seat)) {
                    assertThat(seat.getEligibleRuns()).as("seed %d", seed).contains(seat.getRun());
                    assertThat(seat.getAttendee().wants(seat.getRun().getRound())).as("seed %d", seed).isTrue();
                    assertThat(inRound).as("seed %d: %s double-booked", seed, seat).isEqualTo(1);
                }
                perRun.merge(seat.getRun(), 1, Integer::sum);
            }
            for (Map.Entry<SessionRun, Integer> seated : perRun.entrySet()) {
                assertThat(seated.getValue()).as("seed %d: %s", seed, seated.getKey())
                        .isLessThanOrEqualTo(seated.getKey().seatLimit());
            }
            assertTheFullOptimum(schedule, seed);
            checked++;
        }
        assertThat(checked).isGreaterThan(60);
    }

    @Test
    void repeatedSessionsNeedTheGeneralFlow() {
        int withRepeats = 0;
        for (int seed = 0; seed < 20; seed++) {
            Schedule schedule = RandomEvents.schedule(seed, RandomEvents.Kind.FIXED_REPEATS);
            boolean repeats = schedule.getRuns().stream().map(SessionRun::getSession).distinct().count()
                    < schedule.getRuns().size();
            if (repeats) {
                withRepeats++;
                assertThat(IndependentRounds.of(schedule)).as("seed %d", seed).isNull();
            }
        }
        assertThat(withRepeats).isPositive();
    }

    @Test
    void defaultConfigurationReachesTheOptimumOfTinyOpenEvents() {
        int checked = 0;
        for (int seed = 0; seed < 40; seed++) {
            Schedule problem = withoutPublishedPlacements(seed);
            long[] costBySeats = BruteForce.costBySeats(problem);
            int maxSeats = BruteForce.maxSeats(costBySeats);
            if (maxSeats < 0) {
                continue; // no timetable keeps the rules
            }
            Schedule solved = solve(problem, 300, 0);
            if (solved.getScore().hardScore() < 0) {
                // Only an input whose pinned runs already break a rule may stay infeasible.
                assertThat(solved.getRuns().stream().anyMatch(TimetableSearchTest::pinnedAndBreaksARule))
                        .as("seed %d: %s", seed, solved.getScore()).isTrue();
                continue;
            }
            SolverEndToEndTest.assertFeasible(solved);
            long[] result = seatsAndCost(solved);
            assertThat(result).as("seed %d: seats and preference cost", seed)
                    .containsExactly(maxSeats, costBySeats[maxSeats]);
            checked++;
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void sameSeedAndStepsGiveTheSameSchedule() {
        Schedule first = solve(withoutPublishedPlacements(7), 200, 3);
        Schedule second = solve(withoutPublishedPlacements(7), 200, 3);
        assertThat(describe(second)).isEqualTo(describe(first));
    }

    // ************************************************************************
    // Helpers
    // ************************************************************************

    /**
     * A random open event whose published placements are pinned: the brute force keeps every placed run where it is,
     * and the objective is then the preference cost alone (no cost for moving a published placement).
     */
    private static Schedule withoutPublishedPlacements(long seed) {
        try {
            ObjectNode root = (ObjectNode) Json.MAPPER.readTree(RandomEvents.json(seed, RandomEvents.Kind.OPEN));
            for (JsonNode session : root.path("sessions")) {
                session.path("placements").forEach(p -> ((ObjectNode) p).put("pinned", true));
            }
            return EventReader.parse(Path.of("open-" + seed + ".json"), root.toString()).schedule();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Schedule solve(Schedule problem, int steps, long seed) {
        SolverConfig config = SolverConfigs.defaultConfig().withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withRandomSeed(seed);
        SolverConfigs.limitLocalSearch(config, new TerminationConfig().withStepCountLimit(steps)
                .withMoveCountLimit(steps * 1000L));
        return SolverFactory.<Schedule> create(config).buildSolver().solve(problem);
    }

    private static boolean pinnedAndBreaksARule(SessionRun run) {
        return run.isPinned() && (!run.getRoom().isAvailableIn(run.getRound())
                || !run.getRoom().tags().containsAll(run.getSession().requiredRoomTags())
                || run.getSession().speakers().stream().anyMatch(s -> s.unavailableRounds().contains(run.getRound())));
    }

    /** Swaps the rounds and rooms of two runs, as a timetable move does. */
    private static void swapPlacements(SessionRun a, SessionRun b) {
        Round roundA = a.getRound();
        var roomA = a.getRoom();
        a.setRound(b.getRound());
        a.setRoom(b.getRoom());
        b.setRound(roundA);
        b.setRoom(roomA);
    }

    /** The unpinned seats fill as many seats at as low a cost as seating everything again would. */
    private static void assertTheFullOptimum(Schedule schedule, long seed) {
        SeatingFlow.Result full = SeatingFlow.solveWithDetails(schedule);
        assertThat(seatsAndCost(schedule, false)).as("seed %d", seed).containsExactly(full.seatsFilled(), full.cost());
    }

    /** Seats filled and preference cost, counted from the seats (not the score); pinned seats too if asked. */
    private static long[] seatsAndCost(Schedule schedule) {
        return seatsAndCost(schedule, true);
    }

    private static long[] seatsAndCost(Schedule schedule, boolean withPinned) {
        long seats = 0;
        long cost = 0;
        for (Seat seat : schedule.getSeats()) {
            if (seat.getRun() != null && (withPinned || !seat.isPinned())) {
                seats++;
                cost += schedule.getSettings().seatCost(seat.getAttendee(), seat.getSession());
            }
        }
        return new long[] { seats, cost };
    }

    private static String describe(Schedule schedule) {
        StringBuilder text = new StringBuilder();
        schedule.getRuns().forEach(run -> text.append(run).append('\n'));
        schedule.getSeats().forEach(seat -> text.append(seat).append('\n'));
        return text.toString();
    }

    private static Map<Seat, SessionRun> snapshot(Schedule schedule) {
        Map<Seat, SessionRun> runs = new java.util.IdentityHashMap<>();
        schedule.getSeats().forEach(seat -> runs.put(seat, seat.getRun()));
        return runs;
    }

    private static void apply(Map<Seat, SessionRun> seating) {
        seating.forEach(Seat::setRun);
    }

}

package org.breakout.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import org.breakout.bound.RandomEvents;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.SessionRun;
import org.breakout.io.EventReader;
import org.breakout.io.Json;
import org.junit.jupiter.api.Test;

/**
 * {@link TimetableClimb}: the score it predicts for every state it writes is the one Timefold counts (rooms with
 * tags and unavailable rounds, speakers, audiences, pinned runs and seats, and themes added here), it never makes a
 * rule where it starts from (the hard score stays), it improves some schedules, and it is reproducible.
 */
class TimetableClimbTest {

    private static final int CHUNKS = 15;

    @Test
    void predictedScoresAreTimefoldsAndTheClimbOnlyImproves() {
        int events = 0;
        int improved = 0;
        long evaluated = 0;
        for (int seed = 0; seed < 300; seed++) {
            Schedule problem = withThemes(seed);
            if (IndependentRounds.of(problem) == null) {
                continue;
            }
            TimetableClimb climb = new TimetableClimb(seed, 20);
            // Timefold works on the problem it is given: each solve gets its own copy.
            Schedule seated = solve(withThemes(seed), null);
            Schedule climbed = solve(problem, climb);
            assertThat(climb.mismatches()).as("seed %d", seed).isZero();
            // Independently of the solver's score: the schedule's score recounted from scratch.
            HardMediumSoftLongScore recounted = recount(climbed);
            assertThat(recounted).as("seed %d", seed).isEqualTo(climbed.getScore());
            // Its moves keep every rule as it was: the hard score does not change, only seats and costs do.
            HardMediumSoftLongScore start = recount(seated);
            assertThat(recounted.hardScore()).as("seed %d", seed).isEqualTo(start.hardScore());
            if (recounted.compareTo(start) > 0) {
                improved++;
            }
            evaluated += climb.evaluated();
            events++;
        }
        assertThat(events).isGreaterThan(20);
        assertThat(evaluated).isGreaterThan(1000);
        assertThat(improved).isPositive();
    }

    @Test
    void kicksAndHillClimbsKeepTheScoreExactToo() {
        int events = 0;
        for (int seed = 0; seed < 120; seed++) {
            Schedule problem = withThemes(seed);
            if (IndependentRounds.of(problem) == null) {
                continue;
            }
            // Late acceptance that kicks after 30 moves without a better best; a hill climb stuck after 40.
            TimetableClimb kicking = new TimetableClimb(seed, 0, new TimetableClimb.Settings(20, 0, 30, 40));
            TimetableClimb climbing = new TimetableClimb(seed, 0, new TimetableClimb.Settings(1, 40, 0, 40));
            for (TimetableClimb climb : List.of(kicking, climbing)) {
                Schedule result = solve(withThemes(seed), climb);
                assertThat(climb.mismatches()).as("seed %d", seed).isZero();
                assertThat(recount(result)).as("seed %d", seed).isEqualTo(result.getScore());
            }
            events++;
        }
        assertThat(events).isGreaterThan(10);
    }

    @Test
    void keptSeatingsGiveTheSearchOfSeatingsFromScratch() {
        // The score of a timetable is its rounds' optimum however it is found, and the moves are drawn from the seed
        // alone: the same timetables and scores whether moves re-seat from the kept seatings or from scratch.
        int events = 0;
        long evaluated = 0;
        for (int seed = 0; seed < 120; seed++) {
            Schedule problem = withThemes(seed);
            if (IndependentRounds.of(problem) == null) {
                continue;
            }
            TimetableClimb.Settings kicking = new TimetableClimb.Settings(20, 0, 30, 40);
            TimetableClimb kept = new TimetableClimb(seed, 0, kicking);
            TimetableClimb fresh = new TimetableClimb(seed, 0, kicking.fromScratch());
            Schedule fromKept = solve(withThemes(seed), kept);
            Schedule fromScratch = solve(withThemes(seed), fresh);
            assertThat(kept.mismatches()).as("seed %d", seed).isZero();
            assertThat(fromKept.getScore()).as("seed %d", seed).isEqualTo(fromScratch.getScore());
            assertThat(timetable(fromKept)).as("seed %d", seed).isEqualTo(timetable(fromScratch));
            assertThat(kept.evaluated()).as("seed %d", seed).isEqualTo(fresh.evaluated());
            evaluated += kept.evaluated();
            events++;
        }
        assertThat(events).isGreaterThan(10);
        assertThat(evaluated).isGreaterThan(1000);
    }

    private static List<String> timetable(Schedule schedule) {
        return schedule.getRuns().stream().map(run -> run + " " + run.getRound() + " " + run.getRoom()).toList();
    }

    @Test
    void sameSeedSameSchedule() {
        int seed = 0;
        while (IndependentRounds.of(withThemes(seed)) == null
                || withThemes(seed).getRuns().stream().filter(r -> !r.isPinned()).count() < 3) {
            seed++;
        }
        String first = describe(solve(withThemes(seed), new TimetableClimb(7, 20)));
        assertThat(describe(solve(withThemes(seed), new TimetableClimb(7, 20)))).isEqualTo(first);
    }

    /**
     * A random open event (bound tests' generator) with themes on its sessions, so theme clashes count too, and its
     * published placements pinned.
     */
    private static Schedule withThemes(long seed) {
        try {
            JsonNode root = Json.MAPPER.readTree(RandomEvents.json(seed, RandomEvents.Kind.OPEN));
            Random random = new Random(seed);
            for (JsonNode session : root.path("sessions")) {
                // Published placements are left to the general search (the climb does not count their changes).
                session.path("placements").forEach(p -> ((ObjectNode) p).put("pinned", true));
                ArrayNode themes = ((ObjectNode) session).putArray("themes");
                for (String theme : List.of("housing", "care", "climate")) {
                    if (random.nextInt(3) == 0) {
                        themes.add(theme);
                    }
                }
            }
            return EventReader.parse(Path.of("random-themes-" + seed + ".json"),
                    Json.MAPPER.writeValueAsString(root)).schedule();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The default phases up to the seating, then (with a climb) that climb for {@link #CHUNKS} chunks; nothing after.
     */
    private static Schedule solve(Schedule problem, TimetableClimb climb) {
        SolverConfig config = SolverConfigs.defaultConfig();
        List<PhaseConfig> phases = new ArrayList<>();
        for (PhaseConfig<?> phase : config.getPhaseConfigList()) {
            phases.add(phase);
            if (phase instanceof CustomPhaseConfig custom && SolverConfigs.runs(custom, SeatingPhase.class)) {
                break;
            }
        }
        if (climb != null) {
            phases.add(new CustomPhaseConfig().withCustomPhaseCommandList(climb.commands())
                    .withTerminationConfig(new TerminationConfig().withStepCountLimit(CHUNKS)));
        }
        config.setPhaseConfigList(phases);
        return SolverFactory.<Schedule> create(config).buildSolver().solve(problem);
    }

    private static HardMediumSoftLongScore recount(Schedule schedule) {
        SolutionManager<Schedule, HardMediumSoftLongScore> manager = SolutionManager.create(
                SolverFactory.create(SolverConfigs.defaultConfig()));
        return manager.update(schedule);
    }

    private static String describe(Schedule schedule) {
        StringBuilder text = new StringBuilder(String.valueOf(schedule.getScore())).append('\n');
        for (SessionRun run : schedule.getRuns()) {
            text.append(run).append('\n');
        }
        for (Seat seat : schedule.getSeats()) {
            text.append(seat).append(' ').append(seat.getRun()).append('\n');
        }
        return text.toString();
    }
}

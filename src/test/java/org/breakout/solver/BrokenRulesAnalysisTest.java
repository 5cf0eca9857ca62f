package org.breakout.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.breakout.solver.TestEvents.attendee;
import static org.breakout.solver.TestEvents.ranks;
import static org.breakout.solver.TestEvents.room;
import static org.breakout.solver.TestEvents.rounds;
import static org.breakout.solver.TestEvents.run;
import static org.breakout.solver.TestEvents.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import org.breakout.domain.Attendee;
import org.breakout.domain.EventSettings;
import org.breakout.domain.Room;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;
import org.junit.jupiter.api.Test;

/**
 * The summary's analysis ({@link ScheduleSolver#brokenRules}): nothing to analyse on a schedule without broken hard
 * rules, and on one with broken rules the same hard match counts as a full analysis.
 */
class BrokenRulesAnalysisTest {

    private final SolutionManager<Schedule, HardMediumSoftLongScore> solutions = SolutionManager
            .create(SolverFactory.create(SolverConfigs.defaultConfig()));

    @Test
    void aScheduleWithoutBrokenHardRulesNeedsNoAnalysis() {
        Schedule schedule = event(1);
        solutions.update(schedule);
        assertThat(schedule.getScore().hardScore()).isZero();
        assertThat(ScheduleSolver.brokenRules(solutions, schedule)).isNull();
    }

    @Test
    void brokenHardRulesAreCountedAsAFullAnalysisCountsThem() {
        Schedule schedule = event(3); // three attendees in a room for two
        solutions.update(schedule);
        assertThat(schedule.getScore().hardScore()).isNegative();
        ScoreAnalysis<HardMediumSoftLongScore> counted = ScheduleSolver.brokenRules(solutions, schedule);
        ScoreAnalysis<HardMediumSoftLongScore> full = solutions.analyze(schedule);
        assertThat(hardCounts(counted)).isNotEmpty().isEqualTo(hardCounts(full));
    }

    private static Map<String, Integer> hardCounts(ScoreAnalysis<HardMediumSoftLongScore> analysis) {
        Map<String, Integer> counts = new TreeMap<>();
        analysis.constraintMap().forEach((ref, constraint) -> {
            if (constraint.score().hardScore() < 0) {
                counts.put(ref.constraintName(), constraint.matchCount());
            }
        });
        return counts;
    }

    /** One round, sessions A and B in rooms for two; {@code attendees} attendees all seated in A. */
    private static Schedule event(int attendees) {
        List<Round> rounds = rounds(1);
        Room small = room("small", 2);
        Room other = room("other", 2);
        Session a = session("A", 1, null, rounds);
        Session b = session("B", 1, null, rounds);
        SessionRun runA = run(a, 0, rounds.get(0), small);
        SessionRun runB = run(b, 0, rounds.get(0), other);
        List<Attendee> people = new ArrayList<>();
        for (int i = 0; i < attendees; i++) {
            people.add(attendee("P" + i, Set.of(), rounds, ranks(a, 1, b, 2)));
        }
        Schedule schedule = TestEvents.schedule(EventSettings.DEFAULT, rounds, List.of(small, other), List.of(),
                List.of(a, b), people, List.of(runA, runB));
        for (Seat seat : schedule.getSeats()) {
            seat.setRun(runA);
        }
        return schedule;
    }
}

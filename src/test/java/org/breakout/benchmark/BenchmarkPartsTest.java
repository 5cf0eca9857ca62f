package org.breakout.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;

import org.breakout.benchmark.RunStatistics.BestScorePoint;
import org.breakout.domain.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pieces of {@code breakout benchmark} that need no solver run. */
class BenchmarkPartsTest {

    @TempDir
    Path dir;

    private static BestScorePoint point(long millis, String score, boolean initialized) {
        return new BestScorePoint(millis, HardMediumSoftLongScore.parseScore(score), initialized);
    }

    @Test
    void timeToFeasibleIsTheFirstInitializedBestWithoutBrokenHardRules() {
        List<BestScorePoint> trace = List.of(point(10, "-2hard/-5medium/0soft", false),
                point(20, "0hard/-5medium/0soft", false), point(30, "-1hard/-3medium/-9soft", true),
                point(40, "0hard/-3medium/-9soft", true), point(50, "0hard/0medium/-200soft", true));
        assertThat(RunStatistics.timeToFeasible(trace)).isEqualTo(40);
        assertThat(RunStatistics.timeToFeasible(trace.subList(0, 3))).isNull();
    }

    @Test
    void timeToWithinOnePercentNeedsTheFinalHardAndMediumAndASoftScoreWithinOnePercent() {
        HardMediumSoftLongScore last = HardMediumSoftLongScore.parseScore("0hard/0medium/-1000soft");
        List<BestScorePoint> trace = List.of(point(10, "0hard/-1medium/-900soft", true),
                point(20, "0hard/0medium/-1011soft", true), point(30, "0hard/0medium/-1010soft", true),
                point(40, "0hard/0medium/-1000soft", true));
        // -1011 is 1.1 % worse; -1010 is exactly 1 % worse.
        assertThat(RunStatistics.timeToNearFinal(trace, last)).isEqualTo(30);
        // A final soft score of 0 must be reached exactly.
        HardMediumSoftLongScore zero = HardMediumSoftLongScore.parseScore("0hard/0medium/0soft");
        assertThat(RunStatistics.timeToNearFinal(List.of(point(5, "0hard/0medium/-1soft", true),
                point(9, "0hard/0medium/0soft", true)), zero)).isEqualTo(9);
    }

    @Test
    void readsTheBenchmarkersBestScoreCsv() throws Exception {
        Path csv = dir.resolve("BEST_SCORE.csv");
        Files.writeString(csv, """
                "timeMillisSpent","score","initialized"
                120,"0hard/-30medium/0soft","true"
                480,"0hard/0medium/-60soft","true"
                900,"0hard/0medium/-46soft","true"
                """);
        RunStatistics statistics = RunStatistics.read(csv, HardMediumSoftLongScore.parseScore("0hard/0medium/-46soft"));
        assertThat(statistics).isEqualTo(new RunStatistics(120L, 900L, 3));
        assertThat(RunStatistics.read(dir.resolve("none.csv"), null)).isEqualTo(new RunStatistics(null, null, 0));
        // No new best at all: the input was the final best from the start.
        Files.writeString(csv, "\"timeMillisSpent\",\"score\",\"initialized\"\n");
        assertThat(RunStatistics.read(csv, HardMediumSoftLongScore.parseScore("0hard/0medium/0soft")))
                .isEqualTo(new RunStatistics(0L, 0L, 0));
    }

    @Test
    void gapsAreMeasuredAgainstTheBoundAtTheSeatsFilled() {
        SummaryRow row = new SummaryRow("d", "c", null, 10, 8, 0.5, 30, true, "0hard/-2medium/-30soft", 9, 20L, true,
                1L, 2L, 3L, 4L, 5L, null);
        assertThat(row.seatsGap()).isEqualTo(1);
        assertThat(row.costGap()).isEqualTo(10);
        assertThat(row.costGapPercent()).isEqualTo(50.0);
        SummaryRow zeroBound = new SummaryRow("d", "c", null, 10, 8, 0.5, 3, true, "s", 8, 0L, false, null, null, 3L,
                null, null, null);
        assertThat(zeroBound.costGap()).isEqualTo(3);
        assertThat(zeroBound.costGapPercent()).isNull();
        assertThat(SummaryReport.cells(zeroBound)).contains("8/10", "3", "relaxed", "never");
    }

    @Test
    void builtInConfigurations() throws Exception {
        SolverConfig plain = BenchmarkConfigs.resolve("plain").solverConfig();
        assertThat(plain.getPhaseConfigList()).noneMatch(p -> p instanceof CustomPhaseConfig)
                .anyMatch(p -> p instanceof LocalSearchPhaseConfig);
        // Construction heuristics for runs, then for seats (the default has none for seats), then local search.
        assertThat(plain.getPhaseConfigList()).hasSize(5);
        assertThat(plain.getPhaseConfigList().get(1)).isInstanceOf(ConstructionHeuristicPhaseConfig.class);
        SolverConfig noLocalSearch = BenchmarkConfigs.resolve("no-local-search").solverConfig();
        assertThat(noLocalSearch.getPhaseConfigList()).noneMatch(p -> p instanceof LocalSearchPhaseConfig)
                .anyMatch(p -> p instanceof CustomPhaseConfig);
        assertThat(BenchmarkConfigs.resolve("default").solverConfig().getPhaseConfigList()).hasSize(10);
        // The peer: its first seating, then per restart a random timetable and a hill climb (on arrays, or with
        // Timefold's moves where the rounds are not independent).
        SolverConfig peer = BenchmarkConfigs.resolve("peer").solverConfig();
        assertThat(peer.getPhaseConfigList()).hasSize(1 + 3 * BenchmarkConfigs.PEER_RESTARTS);
        assertThat(peer.getPhaseConfigList().get(2)).isInstanceOfSatisfying(CustomPhaseConfig.class,
                climb -> assertThat(climb.getCustomPhaseCommandList()).isNotEmpty());
        assertThat(peer.getPhaseConfigList().get(3)).isInstanceOfSatisfying(LocalSearchPhaseConfig.class,
                climb -> assertThat(climb.getNeighborhoodProviderClass()).isNotNull());
        assertThatThrownBy(() -> BenchmarkConfigs.resolve("fancy"))
                .isInstanceOfSatisfying(BenchmarkConfigs.ConfigException.class, e -> assertThat(e.usage()).isTrue());
    }

    @Test
    void aConfigurationFileGetsBreakoutsModelAndTheBenchmarksLimits() throws Exception {
        Path xml = dir.resolve("my late acceptance.xml");
        Files.writeString(xml, """
                <solver xmlns="https://timefold.ai/xsd/solver">
                  <randomSeed>99</randomSeed>
                  <termination><secondsSpentLimit>3600</secondsSpentLimit></termination>
                  <customPhase>
                    <customPhaseCommandClass>org.breakout.solver.PlacementPhase</customPhaseCommandClass>
                  </customPhase>
                  <customPhase>
                    <customPhaseCommandClass>org.breakout.solver.SeatingPhase</customPhaseCommandClass>
                  </customPhase>
                  <localSearch>
                    <acceptor><lateAcceptanceSize>50</lateAcceptanceSize></acceptor>
                    <forager><acceptedCountLimit>1</acceptedCountLimit></forager>
                  </localSearch>
                </solver>
                """);
        BenchmarkConfigs.Named named = BenchmarkConfigs.resolve(xml.toString());
        assertThat(named.name()).isEqualTo("my_late_acceptance");
        assertThat(named.solverConfig().getSolutionClass()).isEqualTo(Schedule.class);
        assertThat(named.solverConfig().getEntityClassList()).hasSize(2);
        SolverConfig limited = BenchmarkConfigs.withLimits(named.solverConfig(),
                new BenchmarkConfigs.Limits(Duration.ofSeconds(30), Duration.ofSeconds(5), null, 7));
        assertThat(limited.getRandomSeed()).isEqualTo(7);
        assertThat(limited.getTerminationConfig().getSpentLimit()).isEqualTo(Duration.ofSeconds(30));
        assertThat(limited.getTerminationConfig().getSecondsSpentLimit()).isNull();
        assertThat(limited.getTerminationConfig().getUnimprovedSpentLimit()).isEqualTo(Duration.ofSeconds(5));
        SolverConfig steps = BenchmarkConfigs.withLimits(named.solverConfig(),
                new BenchmarkConfigs.Limits(Duration.ofSeconds(30), Duration.ofSeconds(5), 100, 7));
        assertThat(steps.getTerminationConfig().getUnimprovedSpentLimit()).isNull();
        assertThat(steps.getPhaseConfigList().get(2).getTerminationConfig().getStepCountLimit()).isEqualTo(100);
        // The configuration as resolved is untouched.
        assertThat(named.solverConfig().getRandomSeed()).isEqualTo(99);
    }

    @Test
    void cpuModelFromProcCpuinfo() throws Exception {
        Path cpuinfo = dir.resolve("cpuinfo");
        Files.writeString(cpuinfo, "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R)  Xeon(R) CPU\n");
        assertThat(MachineInfo.cpuModel(cpuinfo)).isEqualTo("Intel(R) Xeon(R) CPU");
        assertThat(MachineInfo.cpuModel(dir.resolve("none"))).startsWith("CPU model unknown");
    }
}

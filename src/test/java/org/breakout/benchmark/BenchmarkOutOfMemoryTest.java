package org.breakout.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.breakout.bound.BoundCalculator;
import org.breakout.bound.ObjectiveBound;
import org.breakout.domain.Schedule;
import org.breakout.io.EventReader;
import org.junit.jupiter.api.Test;

/**
 * A benchmark run that runs out of memory is a row that says so: the Benchmarker chains only its first failure, so the
 * row says it when that is the only failed run, and each failed row says that the first ran out otherwise.
 */
class BenchmarkOutOfMemoryTest {

    @Test
    void theOnlyFailedRunIsMarkedOutOfMemoryWithTheHeapToTry() throws Exception {
        Schedule schedule = EventReader.read(Path.of("src/test/resources/events/small-open.json")).schedule();
        ObjectiveBound bound = BoundCalculator.compute(schedule);
        BenchmarkRunner.Dataset small = new BenchmarkRunner.Dataset("small", Path.of("small.json"), 12, 33, bound);
        BenchmarkRunner.Dataset other = new BenchmarkRunner.Dataset("other", Path.of("other.json"), 12, 33, bound);
        BenchmarkRunner.Plan plan = new BenchmarkRunner.Plan(List.of(small, other), List.of(),
                new BenchmarkConfigs.Limits(Duration.ofSeconds(1), Duration.ofSeconds(1), null, 0), Duration.ZERO,
                Path.of("reports"));
        SummaryRow ok = ScalingReportTest.row("other", "default", 1L, 1L, 1L, 10, 5L);
        SummaryRow failed = SummaryRow.failed("small", "default", "the run failed (see the log and the report)", 33,
                bound, 1000);

        List<SummaryRow> marked = BenchmarkRunner.markOutOfMemory(plan, List.of(failed, ok));
        assertThat(marked.get(1)).isSameAs(ok);
        assertThat(marked.get(0).ok()).isFalse();
        assertThat(marked.get(0).failure()).startsWith(BenchmarkRunner.OUT_OF_MEMORY + ": the heap is ")
                .contains("(12 attendees, 33 wanted seats)")
                .containsPattern("BREAKOUT_JAVA_OPTS=-Xmx\\d+[mg] ./breakout benchmark --only small");

        SummaryRow failedToo = SummaryRow.failed("other", "default", "the run failed (see the log and the report)", 33,
                bound, 1000);
        List<SummaryRow> two = BenchmarkRunner.markOutOfMemory(plan, List.of(failed, failedToo));
        assertThat(two).allSatisfy(row -> assertThat(row.failure())
                .isEqualTo("the run failed (see the log and the report); the first failed run ran out of memory (see "
                        + "the log)"));
        assertThat(BenchmarkRunner.outOfMemory(new IllegalStateException(new OutOfMemoryError()))).isTrue();
        assertThat(BenchmarkRunner.outOfMemory(new IllegalStateException())).isFalse();
        assertThat(BenchmarkRunner.outOfMemory(null)).isFalse();
    }
}

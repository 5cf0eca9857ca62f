package org.breakout.benchmark;

import java.nio.file.Path;

import org.breakout.bound.ObjectiveBound;

/**
 * One row of the benchmark summary: one dataset solved by one configuration.
 *
 * @param dataset the dataset's name
 * @param config the configuration's name
 * @param failure why the run failed, or null when it finished (every other figure is then meaningful)
 * @param seatsWanted wanted seats of the event
 * @param seatsFilled seats filled by the best schedule (from the written schedule's {@code summary})
 * @param firstChoiceShare share of the filled seats that went to the attendee's first choice
 * @param preferenceCost preference cost of the best schedule
 * @param feasible no hard rule broken (by breakout's constraints)
 * @param score the run's final best score
 * @param maxSeatsFilled the bound: no schedule fills more seats
 * @param costBound the bound: no schedule with {@code seatsFilled} seats costs less
 *        ({@link ObjectiveBound#minPreferenceCostAt}), or null when the schedule fills more seats than the bound
 *        allows (which would be a bug in the bound)
 * @param boundExact whether the bound is the optimum
 * @param timeToFeasibleMillis see {@link RunStatistics#timeToFeasibleMillis()}
 * @param timeToNearFinalMillis see {@link RunStatistics#timeToNearFinalMillis()}
 * @param totalMillis solving time of the run
 * @param scoreCalculationSpeed score calculations per second (the Benchmarker's figure)
 * @param peakHeapBytes the largest heap in use while the run solved (sampled by {@link HeapSampler} from when its
 *        input was read, after a garbage collection, until its best schedule was written; garbage not yet collected
 *        included), or null when not measured
 * @param output the written best schedule
 */
public record SummaryRow(String dataset, String config, String failure, int seatsWanted, int seatsFilled,
        double firstChoiceShare, long preferenceCost, boolean feasible, String score, int maxSeatsFilled,
        Long costBound, boolean boundExact, Long timeToFeasibleMillis, Long timeToNearFinalMillis, long totalMillis,
        Long scoreCalculationSpeed, Long peakHeapBytes, Path output) {

    /** A finished run, its gaps measured against the bound. */
    public static SummaryRow of(String dataset, String config, int seatsWanted, int seatsFilled, double firstChoiceShare,
            long preferenceCost, boolean feasible, String score, ObjectiveBound bound, RunStatistics statistics,
            long totalMillis, Long scoreCalculationSpeed, Long peakHeapBytes, Path output) {
        Long costBound = seatsFilled <= bound.maxSeatsFilled() ? bound.minPreferenceCostAt(seatsFilled) : null;
        return new SummaryRow(dataset, config, null, seatsWanted, seatsFilled, firstChoiceShare, preferenceCost, feasible,
                score, bound.maxSeatsFilled(), costBound, bound.exact(), statistics.timeToFeasibleMillis(),
                statistics.timeToNearFinalMillis(), totalMillis, scoreCalculationSpeed, peakHeapBytes, output);
    }

    /** A run that failed: only the bound is known. */
    public static SummaryRow failed(String dataset, String config, String failure, int seatsWanted, ObjectiveBound bound,
            long totalMillis) {
        return new SummaryRow(dataset, config, failure, seatsWanted, 0, 0, 0, false, null, bound.maxSeatsFilled(), null,
                bound.exact(), null, null, totalMillis, null, null, null);
    }

    public boolean ok() {
        return failure == null;
    }

    /** Seats the bound allows beyond this schedule's: {@code maxSeatsFilled - seatsFilled} (0: no schedule fills more). */
    public int seatsGap() {
        return maxSeatsFilled - seatsFilled;
    }

    /** {@code preferenceCost - costBound}: 0 means no schedule with as many seats costs less; null without a bound. */
    public Long costGap() {
        return costBound == null ? null : preferenceCost - costBound;
    }

    /** The cost gap in percent of the cost bound, or null when the bound is 0 (or missing). */
    public Double costGapPercent() {
        return costBound == null || costBound <= 0 ? null : 100.0 * (preferenceCost - costBound) / costBound;
    }
}

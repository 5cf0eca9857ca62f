package org.breakout.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.benchmark.impl.statistic.StatisticPoint;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The figures of one run that come from the Benchmarker's best-score trace ({@code BEST_SCORE.csv}: every new best
 * score with the solving time it was found at).
 * <p>
 * The CSV format is that of Timefold 1.32's benchmark implementation ({@code StatisticPoint}, whose parser is used
 * here): a header line, then {@code timeMillisSpent,"score","initialized"}, and a last line {@code Failed} for a
 * failed run. These are implementation classes of a pinned version; a Timefold upgrade must check them.
 *
 * @param timeToFeasibleMillis solving time of the first best schedule with every planning variable that must be
 *        assigned assigned and no hard rule broken (hard score 0), or null if there was none
 * @param timeToNearFinalMillis solving time of the first best schedule with the final hard and medium score and a
 *        soft score within {@link #NEAR_FINAL} (1 %) of the final soft score, or null without a best-score trace
 * @param bestScores the number of points in the trace. None means the solver never found a schedule better than
 *        its input, so the input was the final best from the start: both times are then 0 (when it qualifies)
 */
public record RunStatistics(Long timeToFeasibleMillis, Long timeToNearFinalMillis, int bestScores) {

    /** "Within 1 % of the final": the soft score may be worse than the final one by this share of it. */
    public static final double NEAR_FINAL = 0.01;

    /** One point of the best-score trace. */
    public record BestScorePoint(long timeMillis, HardMediumSoftLongScore score, boolean initialized) {
    }

    public static RunStatistics read(Path bestScoreCsv, HardMediumSoftLongScore finalScore) throws IOException {
        List<BestScorePoint> trace = new ArrayList<>();
        for (List<String> line : rows(bestScoreCsv)) {
            trace.add(new BestScorePoint(Long.parseLong(line.get(0)), HardMediumSoftLongScore.parseScore(line.get(1)),
                    Boolean.parseBoolean(line.get(2))));
        }
        int points = trace.size();
        if (trace.isEmpty() && finalScore != null) {
            // The solver never found a better schedule than its input: the input was the final best from the start.
            trace.add(new BestScorePoint(0, finalScore, true));
        }
        return new RunStatistics(timeToFeasible(trace), timeToNearFinal(trace, finalScore), points);
    }

    /** The first initialized point with hard score 0. */
    static Long timeToFeasible(List<BestScorePoint> trace) {
        return trace.stream().filter(p -> p.initialized() && p.score().hardScore() == 0)
                .map(BestScorePoint::timeMillis).findFirst().orElse(null);
    }

    /**
     * The first initialized point with the final hard and medium score and a soft score {@code s} with
     * {@code final.soft - s <= NEAR_FINAL * |final.soft|} (so exactly the final soft score when it is 0).
     */
    static Long timeToNearFinal(List<BestScorePoint> trace, HardMediumSoftLongScore finalScore) {
        if (finalScore == null) {
            return null;
        }
        double slack = NEAR_FINAL * Math.abs((double) finalScore.softScore());
        return trace.stream()
                .filter(p -> p.initialized() && p.score().hardScore() == finalScore.hardScore()
                        && p.score().mediumScore() == finalScore.mediumScore()
                        && finalScore.softScore() - p.score().softScore() <= slack)
                .map(BestScorePoint::timeMillis).findFirst().orElse(null);
    }

    /** The data lines of a statistics CSV file (no header, no {@code Failed} line); none if there is no file. */
    private static List<List<String>> rows(Path csv) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        if (csv == null || !Files.isRegularFile(csv)) {
            return rows;
        }
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            if (!line.isBlank() && !line.equals("Failed")) {
                rows.add(StatisticPoint.parseCsvLine(line));
            }
        }
        return rows;
    }
}

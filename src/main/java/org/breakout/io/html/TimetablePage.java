package org.breakout.io.html;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.breakout.io.export.ScheduleView;
import org.breakout.io.export.ScheduleView.Outcome;
import org.breakout.io.export.ScheduleView.RoundView;
import org.breakout.io.export.ScheduleView.RunView;

/**
 * What the timetable template needs beyond the shared view: time labels and the geometry of the satisfaction
 * chart, computed here so the template only lays things out.
 */
public record TimetablePage(ScheduleView view, List<ChartRow> chart, List<ScheduleView.AttendeeRow> worstOff,
        List<RunView> doorLists, int chartWidth) {

    /** One stacked bar of the chart: a round and its segments. */
    public record ChartRow(RoundView round, int total, List<Segment> segments, int y) {
    }

    /** A segment of a bar; {@code cssClass} colours it, {@code x}/{@code width} in SVG units. */
    public record Segment(Outcome outcome, int count, double x, double width, String cssClass) {
    }

    public static final int WORST_OFF_SHOWN = 15;
    private static final int BAR_WIDTH = 600;
    private static final int LABEL_WIDTH = 210;
    private static final int ROW_HEIGHT = 34;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    public static TimetablePage of(ScheduleView view) {
        List<ChartRow> chart = new ArrayList<>();
        int y = 0;
        for (Map.Entry<RoundView, Map<Outcome, Integer>> round : view.satisfaction().entrySet()) {
            int total = round.getValue().values().stream().mapToInt(Integer::intValue).sum();
            List<Segment> segments = new ArrayList<>();
            double x = LABEL_WIDTH;
            for (Map.Entry<Outcome, Integer> part : round.getValue().entrySet()) {
                if (part.getValue() == 0) {
                    continue;
                }
                double width = (double) BAR_WIDTH * part.getValue() / total;
                segments.add(new Segment(part.getKey(), part.getValue(), x, width,
                        "o-" + part.getKey().name().toLowerCase(Locale.ROOT).replace('_', '-')));
                x += width;
            }
            chart.add(new ChartRow(round.getKey(), total, segments, y));
            y += ROW_HEIGHT;
        }
        List<RunView> doorLists = view.runs().stream().filter(run -> !run.plenary()).toList();
        return new TimetablePage(view, chart, view.worstOff(WORST_OFF_SHOWN), doorLists, LABEL_WIDTH + BAR_WIDTH);
    }

    public int chartHeight() {
        return chart.size() * ROW_HEIGHT;
    }

    public List<Outcome> legend() {
        return List.of(Outcome.FIRST, Outcome.SECOND, Outcome.THIRD, Outcome.LOWER, Outcome.UNRANKED, Outcome.NO_SEAT);
    }

    public static String cssClass(Outcome outcome) {
        return "o-" + outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The round's time, with its day when the event spans more than one: "Thu 5 Jun 2025 09:00–10:00". */
    public String when(RoundView round) {
        long days = view.rounds().stream().filter(r -> r.start() != null).map(r -> r.start().toLocalDate())
                .distinct().count();
        return days > 1 ? (day(round) + " " + time(round)).strip() : time(round);
    }

    /** "11:30–12:30", or empty when the round has no times. */
    public static String time(RoundView round) {
        return round.timeRange();
    }

    /** "Wed 4 Jun 2025", or empty. */
    public static String day(RoundView round) {
        return round.start() == null ? "" : DAY.format(round.start());
    }

    public static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}

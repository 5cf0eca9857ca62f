package org.breakout.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The scaling curve of a benchmark ({@code breakout benchmark --plot}): per series (a family of datasets that differ
 * in size, e.g. {@code scale-fixed-1k} … {@code scale-fixed-50k}) and configuration, against the number of
 * attendees: time to first feasible, time to within 1 % of the final, peak heap and the gap to the proven bound.
 * A markdown table, and an SVG plot of four panels (attendees on a log scale), written by hand: a few lines and
 * points need no chart library (benchmarks/README.md says why).
 */
public final class ScalingReport {

    /** One point: a row of the summary and the size of its dataset. */
    public record Point(String series, String config, int attendees, SummaryRow row) {
    }

    /** A panel of the plot: its title, the unit of its y axis, and the figure of a row (null: none). */
    record Panel(String title, String unit, Function<SummaryRow, Double> value) {
    }

    static final List<Panel> PANELS = List.of(
            new Panel("time to first feasible", "seconds", r -> seconds(r.timeToFeasibleMillis())),
            new Panel("time to within 1 % of the final", "seconds", r -> seconds(r.timeToNearFinalMillis())),
            new Panel("peak heap", "MB", r -> r.peakHeapBytes() == null ? null : r.peakHeapBytes() / (1024.0 * 1024)),
            new Panel("cost gap to the bound", "% of the cost bound", SummaryRow::costGapPercent));

    private static final String[] COLOURS = { "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
            "#e377c2", "#17becf" };

    private ScalingReport() {
    }

    /** The series of a dataset name: the name without a size suffix ({@code scale-fixed-10k} → {@code scale-fixed}). */
    public static String series(String dataset) {
        String series = dataset.replaceFirst("-\\d+(\\.\\d+)?[kKmM]?$", "");
        return series.isEmpty() ? dataset : series;
    }

    /** The points of finished runs, by dataset size. */
    public static List<Point> points(List<SummaryRow> rows, Map<String, Integer> attendeesByDataset) {
        List<Point> points = new ArrayList<>();
        for (SummaryRow row : rows) {
            Integer attendees = attendeesByDataset.get(row.dataset());
            if (row.ok() && attendees != null) {
                points.add(new Point(series(row.dataset()), row.config(), attendees, row));
            }
        }
        return points;
    }

    /** The lines of the plot: one per series and configuration (with one configuration, named by the series only). */
    static Map<String, List<Point>> lines(List<Point> points) {
        boolean oneConfig = points.stream().map(Point::config).distinct().count() <= 1;
        Map<String, List<Point>> lines = new LinkedHashMap<>();
        for (Point point : points) {
            String name = oneConfig ? point.series() : point.series() + " × " + point.config();
            lines.computeIfAbsent(name, k -> new ArrayList<>()).add(point);
        }
        lines.values().forEach(line -> line.sort((a, b) -> Integer.compare(a.attendees(), b.attendees())));
        return lines;
    }

    // ************************************************************************
    // Markdown
    // ************************************************************************

    public static String markdown(List<Point> points, String svgFileName) {
        StringBuilder md = new StringBuilder("## Scaling\n\n");
        if (svgFileName != null) {
            md.append("![Time to first feasible, time to within 1 % of the final, peak heap and cost gap to the bound "
                    + "against attendees](").append(svgFileName).append(")\n\n");
        }
        md.append("| series | config | attendees | seats | seat gap | cost gap | bound | feasible at | 1% at | time | "
                + "peak heap |\n|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|\n");
        for (List<Point> line : lines(points).values()) {
            for (Point p : line) {
                SummaryRow r = p.row();
                md.append("| ").append(p.series()).append(" | ").append(p.config()).append(" | ")
                        .append(String.format(Locale.ROOT, "%,d", p.attendees())).append(" | ")
                        .append(r.seatsFilled()).append('/').append(r.seatsWanted()).append(" | ")
                        .append(r.seatsGap()).append(" | ")
                        .append(r.costGap() == null ? "–" : r.costGap() + (r.costGapPercent() == null ? ""
                                : String.format(Locale.ROOT, " (%.1f%%)", r.costGapPercent())))
                        .append(" | ").append(r.boundExact() ? "exact" : "relaxed").append(" | ")
                        .append(r.timeToFeasibleMillis() == null ? "never" : SummaryReport.seconds(r.timeToFeasibleMillis()))
                        .append(" | ")
                        .append(r.timeToNearFinalMillis() == null ? "–" : SummaryReport.seconds(r.timeToNearFinalMillis()))
                        .append(" | ").append(SummaryReport.seconds(r.totalMillis())).append(" | ")
                        .append(r.peakHeapBytes() == null ? "–" : SummaryReport.megabytes(r.peakHeapBytes()))
                        .append(" |\n");
            }
        }
        md.append("\nColumns as in the summary (benchmarks/README.md); the plot has one line per series")
                .append(" and configuration, attendees on a log scale.\n");
        return md.toString();
    }

    // ************************************************************************
    // SVG
    // ************************************************************************

    private static final int PANEL_WIDTH = 460;
    private static final int PANEL_HEIGHT = 300;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    /** The plot: four panels in a 2 × 2 grid and a legend on top. */
    public static String svg(List<Point> points, String title) {
        Map<String, List<Point>> lines = lines(points);
        int legendHeight = 30 + 18 * ((lines.size() + 2) / 3);
        int width = 2 * PANEL_WIDTH;
        int height = legendHeight + 2 * PANEL_HEIGHT;
        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<title>").append(escape(title)).append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(width / 2.0, 20, "middle", 15, title, "title"));
        int i = 0;
        for (String name : lines.keySet()) {
            double x = 20 + (i % 3) * (width - 40) / 3.0;
            double y = 40 + (i / 3) * 18;
            svg.append("<g class=\"legend\"><line x1=\"").append(fmt(x)).append("\" y1=\"").append(fmt(y - 4))
                    .append("\" x2=\"").append(fmt(x + 24)).append("\" y2=\"").append(fmt(y - 4))
                    .append("\" stroke=\"").append(colour(i)).append("\" stroke-width=\"2\"/>")
                    .append(text(x + 30, y, "start", 12, name, null)).append("</g>\n");
            i++;
        }
        TreeSet<Integer> xs = new TreeSet<>();
        points.forEach(p -> xs.add(p.attendees()));
        for (int p = 0; p < PANELS.size(); p++) {
            panel(svg, PANELS.get(p), lines, xs, (p % 2) * PANEL_WIDTH, legendHeight + (p / 2) * PANEL_HEIGHT);
        }
        return svg.append("</svg>\n").toString();
    }

    private static void panel(StringBuilder svg, Panel panel, Map<String, List<Point>> lines, TreeSet<Integer> xs,
            int originX, int originY) {
        double left = originX + LEFT;
        double right = originX + PANEL_WIDTH - RIGHT;
        double top = originY + TOP;
        double bottom = originY + PANEL_HEIGHT - BOTTOM;
        double minX = xs.isEmpty() ? 1 : Math.log10(xs.first());
        double maxX = xs.isEmpty() ? 10 : Math.log10(xs.last());
        if (maxX - minX < 1e-9) {
            minX -= 0.5;
            maxX += 0.5;
        }
        double max = 0;
        for (List<Point> line : lines.values()) {
            for (Point point : line) {
                Double value = panel.value().apply(point.row());
                if (value != null) {
                    max = Math.max(max, value);
                }
            }
        }
        double step = niceStep(max <= 0 ? 1 : max);
        double maxY = step * Math.max(1, Math.ceil((max <= 0 ? 1 : max) / step));
        double fMinX = minX;
        double fMaxX = maxX;
        double fMaxY = maxY;
        Function<Integer, Double> px = a -> left + (Math.log10(a) - fMinX) / (fMaxX - fMinX) * (right - left);
        Function<Double, Double> py = v -> bottom - v / fMaxY * (bottom - top);

        svg.append("<g class=\"panel\">\n");
        svg.append(text((left + right) / 2, originY + 24, "middle", 13, panel.title(), "panel-title"));
        // Axes, grid, ticks and labels.
        for (double v = 0; v <= maxY + step / 2; v += step) {
            double y = py.apply(v);
            svg.append("<line x1=\"").append(fmt(left)).append("\" y1=\"").append(fmt(y)).append("\" x2=\"")
                    .append(fmt(right)).append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#ddd\"/>\n");
            svg.append(text(left - 6, y + 4, "end", 11, number(v), "y-tick"));
        }
        for (int a : xs) {
            double x = px.apply(a);
            svg.append("<line x1=\"").append(fmt(x)).append("\" y1=\"").append(fmt(bottom)).append("\" x2=\"")
                    .append(fmt(x)).append("\" y2=\"").append(fmt(bottom + 5)).append("\" stroke=\"black\"/>\n");
            svg.append(text(x, bottom + 18, "middle", 11, attendees(a), "x-tick"));
        }
        svg.append("<polyline fill=\"none\" stroke=\"black\" points=\"").append(fmt(left)).append(',')
                .append(fmt(top)).append(' ').append(fmt(left)).append(',').append(fmt(bottom)).append(' ')
                .append(fmt(right)).append(',').append(fmt(bottom)).append("\"/>\n");
        svg.append(text((left + right) / 2, bottom + 38, "middle", 12, "attendees (log scale)", "x-label"));
        svg.append("<text class=\"y-label\" x=\"0\" y=\"0\" text-anchor=\"middle\" font-size=\"12\" transform=\"translate(")
                .append(fmt(originX + 18)).append(',').append(fmt((top + bottom) / 2)).append(") rotate(-90)\">")
                .append(escape(panel.unit())).append("</text>\n");
        // One line per series: points with a value, joined where they follow each other.
        int colour = 0;
        for (Map.Entry<String, List<Point>> line : lines.entrySet()) {
            StringBuilder path = new StringBuilder();
            StringBuilder marks = new StringBuilder();
            for (Point point : line.getValue()) {
                Double value = panel.value().apply(point.row());
                if (value == null) {
                    path.append(path.length() == 0 ? "" : " ");
                    continue; // no figure (never feasible, no bound): a gap in the line
                }
                double x = px.apply(point.attendees());
                double y = py.apply(value);
                path.append(path.length() == 0 || path.charAt(path.length() - 1) == ' ' ? "M" : "L").append(fmt(x))
                        .append(',').append(fmt(y));
                marks.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y))
                        .append("\" r=\"3\" fill=\"").append(colour(colour)).append("\"><title>")
                        .append(escape(line.getKey() + ", " + attendees(point.attendees()) + " attendees: "
                                + number(value) + " " + panel.unit()))
                        .append("</title></circle>\n");
            }
            svg.append("<g class=\"series\" data-series=\"").append(escape(line.getKey())).append("\">\n");
            if (path.toString().contains("L")) {
                svg.append("<path fill=\"none\" stroke=\"").append(colour(colour)).append("\" stroke-width=\"2\" d=\"")
                        .append(path.toString().trim()).append("\"/>\n");
            }
            svg.append(marks).append("</g>\n");
            colour++;
        }
        svg.append("</g>\n");
    }

    /** 1, 2 or 5 times a power of ten, about a fifth of {@code max}. */
    static double niceStep(double max) {
        double rough = max / 5;
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }

    static String attendees(int attendees) {
        return attendees >= 1000 && attendees % 1000 == 0 ? attendees / 1000 + "k"
                : attendees >= 1000 ? String.format(Locale.ROOT, "%.1fk", attendees / 1000.0)
                : String.valueOf(attendees);
    }

    /** A point's value for its tooltip: an integer with thousands separators, else at most two decimals. */
    static String number(double v) {
        // 7.998 rounds to "8.00": drop the trailing zeros and then the point ("8", not "8.").
        return Math.abs(v - Math.rint(v)) < 1e-9 ? String.format(Locale.ROOT, "%,d", (long) Math.rint(v))
                : String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
    }

    private static String text(double x, double y, String anchor, int size, String content, String cssClass) {
        return "<text" + (cssClass == null ? "" : " class=\"" + cssClass + "\"") + " x=\"" + fmt(x) + "\" y=\"" + fmt(y)
                + "\" text-anchor=\"" + anchor + "\" font-size=\"" + size + "\">" + escape(content) + "</text>\n";
    }

    private static String colour(int index) {
        return COLOURS[index % COLOURS.length];
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static Double seconds(Long millis) {
        return millis == null ? null : millis / 1000.0;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

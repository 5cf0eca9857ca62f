package org.breakout.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.breakout.generate.BenchmarkSet;
import org.breakout.generate.EventShape;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The scaling curve: series from dataset names, the table, and the SVG read back by an XML parser. */
public class ScalingReportTest {

    static SummaryRow row(String dataset, String config, Long feasibleMs, Long nearMs, Long heapMb, long cost,
            Long costBound) {
        return new SummaryRow(dataset, config, null, 100, 90, 0.5, cost, true, "0hard/-10medium/-" + cost + "soft",
                95, costBound, false, feasibleMs, nearMs, 60_000, 1000L, heapMb == null ? null : heapMb * 1024 * 1024,
                Path.of(dataset + ".json"));
    }

    /** A real XML parser (the JDK's): the SVG must be well-formed XML. */
    public static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    public static List<String> texts(Document document, String cssClass) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element text = (Element) nodes.item(i);
            if (cssClass == null || cssClass.equals(text.getAttribute("class"))) {
                texts.add(text.getTextContent());
            }
        }
        return texts;
    }

    @Test
    void theSeriesIsTheNameWithoutItsSize() {
        assertThat(ScalingReport.series("scale-fixed-10k")).isEqualTo("scale-fixed");
        assertThat(ScalingReport.series("scale-open-1k")).isEqualTo("scale-open");
        assertThat(ScalingReport.series("s-12")).isEqualTo("s");
        assertThat(ScalingReport.series("medium-open")).isEqualTo("medium-open");
        assertThat(ScalingReport.series("huge")).isEqualTo("huge");
    }

    @Test
    void tooltipValuesHaveNoDanglingPoint() {
        assertThat(ScalingReport.number(7.998)).isEqualTo("8");
        assertThat(ScalingReport.number(8.5)).isEqualTo("8.5");
        assertThat(ScalingReport.number(18.1)).isEqualTo("18.1");
        assertThat(ScalingReport.number(0.01)).isEqualTo("0.01");
        assertThat(ScalingReport.number(0.001)).isEqualTo("0");
        assertThat(ScalingReport.number(1269.41)).isEqualTo("1269.41");
        assertThat(ScalingReport.number(2000)).isEqualTo("2,000");
    }

    @Test
    void thePlotHasAPanelPerFigureALinePerSeriesAndItsAxes() throws Exception {
        List<SummaryRow> rows = List.of(
                row("scale-fixed-1k", "default", 500L, 800L, 100L, 110, 100L),
                row("scale-fixed-5k", "default", 2_000L, 4_000L, 400L, 600, 500L),
                row("scale-fixed-20k", "default", 9_000L, 20_000L, 1_600L, 2_600, 2_000L),
                row("scale-open-1k", "default", 700L, 1_000L, 120L, 150, 100L),
                row("scale-open-5k", "default", null, null, 500L, 900, null), // never feasible, above the bound
                row("scale-open-20k", "default", 30_000L, 50_000L, 2_000L, 4_000, 2_500L));
        Map<String, Integer> attendees = Map.of("scale-fixed-1k", 1000, "scale-fixed-5k", 5000, "scale-fixed-20k",
                20_000, "scale-open-1k", 1000, "scale-open-5k", 5000, "scale-open-20k", 20_000);
        List<ScalingReport.Point> points = ScalingReport.points(rows, attendees);
        Document svg = parse(ScalingReport.svg(points, "scaling <test> & more"));

        assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(texts(svg, "title")).containsExactly("scaling <test> & more");
        assertThat(texts(svg, "panel-title")).containsExactly("time to first feasible",
                "time to within 1 % of the final", "peak heap", "cost gap to the bound");
        assertThat(texts(svg, "x-label")).hasSize(4).containsOnly("attendees (log scale)");
        assertThat(texts(svg, "y-label")).containsExactly("seconds", "seconds", "MB", "% of the cost bound");
        // The x ticks are the attendees of the datasets, in every panel.
        assertThat(texts(svg, "x-tick")).hasSize(12).containsOnly("1k", "5k", "20k");
        // The legend names both series.
        NodeList groups = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        List<String> legend = new ArrayList<>();
        List<String> series = new ArrayList<>();
        int circles = 0;
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (group.getAttribute("class").equals("legend")) {
                legend.add(group.getTextContent().strip());
            }
            if (group.getAttribute("class").equals("series")) {
                series.add(group.getAttribute("data-series"));
                circles += group.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle").getLength();
            }
        }
        assertThat(legend).containsExactly("scale-fixed", "scale-open");
        assertThat(series).containsExactly("scale-fixed", "scale-open", "scale-fixed", "scale-open", "scale-fixed",
                "scale-open", "scale-fixed", "scale-open");
        // A point per figure that exists: 3 + 2 (times), 3 + 2 (1 %), 3 + 3 (heap), 3 + 2 (cost gap).
        assertThat(circles).isEqualTo(5 + 5 + 6 + 5);
        // The y axis of the heap panel reaches the largest heap: 2,000 MB.
        assertThat(texts(svg, "y-tick")).contains("2,000");
    }

    @Test
    void theTableHasARowPerSeriesAndSizeInOrder() {
        List<SummaryRow> rows = List.of(row("scale-fixed-5k", "default", 2_000L, 4_000L, 400L, 600, 500L),
                row("scale-fixed-1k", "default", 500L, 800L, 100L, 110, 100L));
        String md = ScalingReport.markdown(ScalingReport.points(rows, Map.of("scale-fixed-1k", 1000,
                "scale-fixed-5k", 5000)), "scaling.svg");
        assertThat(md).contains("![").contains("](scaling.svg)")
                .contains("| scale-fixed | default | 1,000 | 90/100 | 5 | 10 (10.0%) | relaxed | 0.5s | 0.8s | 60.0s | 100 MB |")
                .contains("| scale-fixed | default | 5,000 | 90/100 | 5 | 100 (20.0%) | relaxed | 2.0s | 4.0s | 60.0s | 400 MB |");
        assertThat(md.indexOf("| 1,000 |")).isLessThan(md.indexOf("| 5,000 |"));
    }

    /** benchmarks/scaling.json: both shapes at six sizes, generated from the presets with only the attendees changed. */
    @Test
    void theScalingSetIsTheLargeShapesAtSixSizes() throws Exception {
        List<BenchmarkSet.Dataset> datasets = BenchmarkSet.read(Path.of("benchmarks", "scaling.json"));
        List<String> sizes = List.of("1k", "2k", "5k", "10k", "20k", "50k");
        List<String> names = new ArrayList<>();
        for (String kind : List.of("fixed", "open")) {
            sizes.forEach(size -> names.add("scale-" + kind + "-" + size));
        }
        assertThat(datasets).extracting(BenchmarkSet.Dataset::name).containsExactlyElementsOf(names);
        int[] attendees = { 1000, 2000, 5000, 10_000, 20_000, 50_000 };
        for (int i = 0; i < datasets.size(); i++) {
            BenchmarkSet.Dataset dataset = datasets.get(i);
            String preset = i < 6 ? "large-fixed" : "large";
            assertThat(dataset.preset()).isEqualTo(preset);
            assertThat(dataset.settings()).containsExactly(Map.entry("attendees", String.valueOf(attendees[i % 6])));
            assertThat(dataset.file()).isEqualTo(Path.of("benchmarks", "data", dataset.name() + ".json"));
            assertThat(ScalingReport.series(dataset.name())).isEqualTo(i < 6 ? "scale-fixed" : "scale-open");
            EventShape shape = dataset.shape();
            EventShape base = EventShape.of(preset, Map.of());
            assertThat(shape.attendees()).isEqualTo(attendees[i % 6]);
            assertThat(shape.values()).hasSameSizeAs(base.values());
            Map<String, String> values = new java.util.LinkedHashMap<>(shape.values());
            values.put("attendees", base.values().get("attendees"));
            assertThat(values).isEqualTo(base.values());
        }
    }
}

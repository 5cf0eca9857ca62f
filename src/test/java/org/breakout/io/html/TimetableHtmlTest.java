package org.breakout.io.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.breakout.domain.Attendee;
import org.breakout.domain.Room;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.SessionRun;
import org.breakout.domain.Speaker;
import org.breakout.io.LoadedEvent;
import org.breakout.io.export.ExportFixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

class TimetableHtmlTest {

    static Document page(LoadedEvent loaded) {
        return Jsoup.parse(TimetableHtml.render(ExportFixtures.view(loaded)));
    }

    @Test
    void theGridHasEveryRunInItsRoundRowAndRoomColumnWithItsFill() {
        LoadedEvent loaded = ExportFixtures.schiedam();
        Schedule schedule = loaded.schedule();
        Document page = page(loaded);
        List<String> columns = page.select("table.grid thead th").eachText();
        List<SessionRun> runs = ExportFixtures.placedRuns(schedule);
        assertThat(page.select("table.grid td[data-run]")).hasSize(runs.size());
        for (SessionRun run : runs) {
            Element cell = page.selectFirst("table.grid td[data-run=" + cssString(run.getId()) + "]");
            assertThat(cell).as(run.getId()).isNotNull();
            assertThat(cell.parent().attr("data-round")).isEqualTo(run.getRound().id());
            assertThat(columns.get(cell.elementSiblingIndex())).startsWith(run.getRoom().name());
            assertThat(cell.selectFirst(".title").text()).isEqualTo(run.getSession().title());
            for (Speaker speaker : run.getSession().speakers()) {
                assertThat(cell.selectFirst(".speakers").text()).contains(speaker.name());
            }
            String fill = run.getSession().plenary() ? "plenary"
                    : ExportFixtures.seatedIn(schedule, run) + "/" + run.seatLimit();
            assertThat(cell.selectFirst(".fill").text()).isEqualTo(fill);
        }
    }

    @Test
    void everyAttendeeRowShowsTheirSeatInEveryRound() {
        LoadedEvent loaded = ExportFixtures.schiedam();
        Schedule schedule = loaded.schedule();
        Document page = page(loaded);
        assertThat(page.select("table.attendees tbody tr")).hasSize(schedule.getAttendees().size());
        for (Attendee attendee : schedule.getAttendees()) {
            Element row = page.selectFirst("table.attendees tr[data-attendee=" + cssString(attendee.id()) + "]");
            assertThat(row.child(0).text()).isEqualTo(attendee.name());
            for (Round round : schedule.getRounds()) {
                Element cell = row.selectFirst("td[data-round=" + cssString(round.id()) + "]");
                SessionRun run = ExportFixtures.seatOf(schedule, attendee.id(), round.id());
                if (run != null) {
                    assertThat(cell.attr("data-run")).isEqualTo(run.getId());
                    assertThat(cell.text()).startsWith(run.getSession().title()).contains(run.getRoom().name());
                } else {
                    assertThat(cell.hasAttr("data-run")).isFalse();
                    assertThat(cell.text()).isEqualTo(attendee.wants(round) ? "no seat" : cell.text());
                }
            }
        }
    }

    @Test
    void doorListsArePrintedOnePerPageWithEverySpeakerAndSeatedAttendee() {
        LoadedEvent loaded = ExportFixtures.schiedam();
        Schedule schedule = loaded.schedule();
        Document page = page(loaded);
        assertThat(page.selectFirst("style").data()).containsPattern("\\.door \\{[^}]*break-after: page");
        List<SessionRun> seatedRuns = ExportFixtures.placedRuns(schedule).stream()
                .filter(run -> !run.getSession().plenary()).toList();
        Elements doors = page.select("section.door");
        assertThat(doors).hasSize(seatedRuns.size());
        for (SessionRun run : seatedRuns) {
            Element door = page.selectFirst("section.door[data-run=" + cssString(run.getId()) + "]");
            assertThat(door.selectFirst("h3").text()).isEqualTo(run.getRoom().name() + " — " + run.getRound().name());
            List<String> expected = new ArrayList<>();
            run.getSession().speakers().forEach(s -> expected.add(s.id()));
            schedule.getSeats().stream().filter(seat -> run.equals(seat.getRun()))
                    .map(Seat::getAttendee).sorted(java.util.Comparator.comparing(Attendee::name).thenComparing(Attendee::id))
                    .forEach(a -> expected.add(a.id()));
            assertThat(door.select("tbody tr").eachAttr("data-person")).containsExactlyElementsOf(expected);
            assertThat(door.select("tbody tr td.box span")).hasSize(expected.size());
        }
    }

    @Test
    void theSatisfactionChartCountsWhatTheSeatsGive() {
        LoadedEvent loaded = ExportFixtures.schiedam();
        Schedule schedule = loaded.schedule();
        Document page = page(loaded);
        for (Round round : schedule.getRounds()) {
            Map<String, Integer> expected = new TreeMap<>();
            int wanted = 0;
            for (Attendee attendee : schedule.getAttendees()) {
                if (!attendee.wants(round)) {
                    continue;
                }
                wanted++;
                SessionRun run = ExportFixtures.seatOf(schedule, attendee.id(), round.id());
                String outcome = run == null ? "NO_SEAT" : !attendee.ranked(run.getSession()) ? "UNRANKED"
                        : switch (attendee.rankOf(run.getSession())) {
                            case 1 -> "FIRST";
                            case 2 -> "SECOND";
                            case 3 -> "THIRD";
                            default -> "LOWER";
                        };
                expected.merge(outcome, 1, Integer::sum);
            }
            Element bar = page.selectFirst("svg.chart g[data-round=" + cssString(round.id()) + "]");
            if (wanted == 0) {
                assertThat(bar).isNull();
                continue;
            }
            Map<String, Integer> drawn = new TreeMap<>();
            for (Element rect : bar.select("rect")) {
                drawn.put(rect.attr("data-outcome"), Integer.parseInt(rect.attr("data-count")));
            }
            assertThat(drawn).as(round.id()).isEqualTo(expected);
            Element counts = page.selectFirst("table.counts tr[data-round=" + cssString(round.id()) + "]");
            assertThat(Integer.parseInt(counts.selectFirst("td[data-outcome=FIRST]").text()))
                    .isEqualTo(expected.getOrDefault("FIRST", 0));
        }
    }

    @Test
    void thePageIsSelfContained() {
        Document page = page(ExportFixtures.schiedam());
        assertThat(page.select("link, img, iframe, object, embed")).isEmpty();
        assertThat(page.select("script[src]")).isEmpty();
        assertThat(page.select("[href]").eachAttr("href")).allSatisfy(href -> assertThat(href).startsWith("#"));
        assertThat(page.selectFirst("style").data()).doesNotContain("url(").doesNotContain("@import");
        assertThat(page.select("meta[name=viewport]")).hasSize(1);
    }

    @Test
    void hostileTextIsEscapedAndReadsBackIntact() {
        LoadedEvent loaded = ExportFixtures.hostile();
        Schedule schedule = loaded.schedule();
        String html = TimetableHtml.render(ExportFixtures.view(loaded));
        Document page = Jsoup.parse(html);
        assertThat(page.select("script")).hasSize(1); // only the page's own search filter
        assertThat(page.select("b, i, tag, main")).isEmpty();
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<b>bold");
        assertThat(page.selectFirst("h1").text()).isEqualTo(schedule.getName());
        for (SessionRun run : ExportFixtures.placedRuns(schedule)) {
            Element cell = page.selectFirst("table.grid td[data-run=" + cssString(run.getId()) + "]");
            assertThat(cell.selectFirst(".title").text()).isEqualTo(run.getSession().title());
        }
        for (Attendee attendee : schedule.getAttendees()) {
            Element row = page.selectFirst("table.attendees tr[data-attendee=" + cssString(attendee.id()) + "]");
            // HTML text collapses the newline in one name to a space; everything else is exact.
            assertThat(row.child(0).wholeText()).isEqualTo(attendee.name());
        }
        Room small = schedule.getRooms().stream().filter(r -> r.id().equals("small")).findFirst().orElseThrow();
        assertThat(page.select("table.grid thead th").eachText()).anyMatch(text -> text.startsWith(small.name()));
    }

    @Test
    void theWorstOffComeFirstWithTheirReason() {
        Document page = page(ExportFixtures.hostile());
        Elements rows = page.select("table.worst tbody tr");
        assertThat(rows.first().attr("data-attendee")).isEqualTo("A4"); // the only one missing a seat
        assertThat(rows.first().text()).contains("no seat");
        Element a2 = rows.stream().filter(r -> r.attr("data-attendee").equals("A2") && r.text().contains("Round <1>"))
                .findFirst().orElseThrow();
        assertThat(a2.child(3).text()).contains("S2").contains("full (1/1)").contains("1 × rank 1");
    }

    @Test
    void roundsShowTheirDayOnlyWhenTheEventSpansSeveralDays() throws Exception {
        Document oneDay = page(ExportFixtures.hostile());
        assertThat(oneDay.selectFirst("table.grid tr[data-round=R2] th").text()).isEqualTo("Round \"2\" 11:15–12:15");

        com.fasterxml.jackson.databind.node.ObjectNode document = (com.fasterxml.jackson.databind.node.ObjectNode)
                org.breakout.io.Json.MAPPER.readTree(ExportFixtures.hostileFile().toFile());
        com.fasterxml.jackson.databind.node.ObjectNode r2 = (com.fasterxml.jackson.databind.node.ObjectNode)
                document.get("rounds").get(2);
        r2.put("start", "2025-06-05T11:15").put("end", "2025-06-05T12:15");
        LoadedEvent twoDays = org.breakout.io.EventReader.parse(java.nio.file.Path.of("two-days.json"),
                org.breakout.io.Json.MAPPER.writeValueAsString(document));
        Document page = page(twoDays);
        assertThat(page.selectFirst("table.grid tr[data-round=R1] th").text()).isEqualTo("Round <1> Wed 4 Jun 2025 10:00–11:00");
        assertThat(page.selectFirst("table.grid tr[data-round=R2] th").text()).isEqualTo("Round \"2\" Thu 5 Jun 2025 11:15–12:15");
    }

    /** A CSS attribute value in quotes (ids like "S01#1" need them). */
    static String cssString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

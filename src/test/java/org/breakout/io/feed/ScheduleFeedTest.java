package org.breakout.io.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import org.breakout.domain.Schedule;
import org.breakout.domain.SessionRun;
import org.breakout.domain.Speaker;
import org.breakout.io.Json;
import org.breakout.io.LoadedEvent;
import org.breakout.io.export.ExportFixtures;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * The app feeds checked field by field against the c3voc schedule schemas (JSON: schema.json, "Schedule",
 * "Conference", "Room", "Day", "Event", "FrabPerson"; XML: schedule.xml.xsd), then compared with the schedule.
 */
class ScheduleFeedTest {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern ACRONYM = Pattern.compile("^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$");
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9_-]+[a-z0-9]$");
    private static final Pattern DURATION = Pattern.compile("^[0-9]+:[0-9]{2}$");
    private static final Pattern XSD_START = Pattern.compile("([0-2][0-9]:[0-5][0-9])|([0-2][0-9]:[0-5][0-9]:[0-5][0-9])");
    private static final Pattern XSD_DURATION = Pattern.compile("([0-9]{1,2}:[0-9]{2})|([0-9]{1,2}:[0-9]{2}:[0-9]{1,2})");
    private static final Set<String> EVENT_FIELDS = Set.of("id", "guid", "logo", "date", "start", "duration", "room",
            "slug", "url", "title", "subtitle", "track", "type", "language", "abstract", "description",
            "recording_license", "do_not_record", "do_not_stream", "persons", "links", "attachments", "answers");
    private static final List<String> EVENT_REQUIRED = List.of("abstract", "date", "duration", "guid", "id", "language",
            "links", "persons", "room", "slug", "start", "subtitle", "title", "track", "type", "url");
    private static final Set<String> CONFERENCE_FIELDS = Set.of("acronym", "title", "description", "start", "end",
            "daysCount", "timeslot_duration", "time_zone_name", "logo", "colors", "keywords", "url", "tracks", "rooms",
            "meta", "days");

    static JsonNode json(LoadedEvent loaded) throws Exception {
        return Json.MAPPER.readTree(ScheduleFeed.json(FeedModel.of(ExportFixtures.view(loaded), "nl"), "test"));
    }

    static Document xml(LoadedEvent loaded) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(
                ScheduleFeed.xml(FeedModel.of(ExportFixtures.view(loaded), "nl")))));
    }

    @Test
    void theJsonFeedHasEveryRequiredFieldWithItsType() throws Exception {
        JsonNode root = json(ExportFixtures.schiedam());
        assertThat(fields(root)).isSubsetOf("schedule", "$schema", "generator");
        assertThat(root.get("$schema").isTextual()).isTrue();
        JsonNode schedule = root.get("schedule");
        assertThat(schedule.get("version").isTextual()).isTrue();
        assertThat(schedule.has("rooms")).as("\"rooms\": false in Schedule").isFalse();
        JsonNode conference = schedule.get("conference");
        assertThat(fields(conference)).isSubsetOf(CONFERENCE_FIELDS)
                .contains("title", "acronym", "days", "daysCount", "start", "end", "timeslot_duration");
        assertThat(conference.get("title").isTextual()).isTrue();
        assertThat(conference.get("acronym").asText()).matches(ACRONYM);
        assertThat(conference.get("start").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(conference.get("end").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(conference.get("daysCount").isInt()).isTrue();
        assertThat(conference.get("daysCount").asInt()).isEqualTo(conference.get("days").size());
        assertThat(conference.get("timeslot_duration").isTextual()).isTrue();
        assertThat(conference.get("time_zone_name").asText()).matches("^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$");
        for (JsonNode room : conference.get("rooms")) {
            assertThat(fields(room)).isSubsetOf("name", "guid", "description", "capacity").contains("name", "guid");
            assertThat(room.get("name").isTextual()).isTrue();
            assertThat(room.get("guid").asText()).matches(UUID);
            assertThat(room.get("capacity").isNumber()).isTrue();
        }
        Set<Integer> ids = new HashSet<>();
        Set<String> guids = new HashSet<>();
        for (JsonNode day : conference.get("days")) {
            assertThat(fields(day)).containsExactlyInAnyOrder("index", "date", "day_start", "day_end", "rooms");
            assertThat(day.get("index").isInt()).isTrue();
            assertThat(day.get("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
            OffsetDateTime.parse(day.get("day_start").asText());
            OffsetDateTime.parse(day.get("day_end").asText());
            assertThat(day.get("rooms").isObject()).isTrue();
            for (Iterator<String> it = day.get("rooms").fieldNames(); it.hasNext();) {
                String roomName = it.next();
                JsonNode events = day.get("rooms").get(roomName);
                assertThat(events.isArray()).isTrue();
                for (JsonNode event : events) {
                    assertThat(fields(event)).isSubsetOf(EVENT_FIELDS).containsAll(EVENT_REQUIRED);
                    assertThat(event.get("id").isInt()).isTrue();
                    assertThat(event.get("id").asInt()).isGreaterThanOrEqualTo(1);
                    assertThat(ids.add(event.get("id").asInt())).isTrue();
                    assertThat(event.get("guid").asText()).matches(UUID);
                    assertThat(guids.add(event.get("guid").asText())).isTrue();
                    OffsetDateTime.parse(event.get("date").asText());
                    assertThat(event.get("start").asText()).matches(XSD_START);
                    assertThat(event.get("duration").asText()).matches(DURATION);
                    assertThat(event.get("room").asText()).isEqualTo(roomName);
                    assertThat(event.get("slug").asText()).matches(SLUG);
                    assertThat(java.net.URI.create(event.get("url").asText()).isAbsolute()).isTrue();
                    for (String text : List.of("title", "type", "language")) {
                        assertThat(event.get(text).isTextual()).as(text).isTrue();
                    }
                    for (String nullable : List.of("subtitle", "track", "abstract", "description")) {
                        assertThat(event.get(nullable).isTextual() || event.get(nullable).isNull()).as(nullable).isTrue();
                    }
                    assertThat(event.get("links").isArray()).isTrue();
                    for (JsonNode person : event.get("persons")) {
                        // FrabPerson (id, public_name) and not also PretalxPerson (name): the schema's oneOf.
                        assertThat(person.get("id").isInt()).isTrue();
                        assertThat(person.get("public_name").isTextual()).isTrue();
                        assertThat(person.has("name")).isFalse();
                    }
                }
            }
        }
        assertThat(ids).isNotEmpty();
    }

    @Test
    void theJsonFeedHasEveryRunOnceAtItsRoundTimeInItsRoom() throws Exception {
        LoadedEvent loaded = ExportFixtures.schiedam();
        Schedule schedule = loaded.schedule();
        JsonNode conference = json(loaded).get("schedule").get("conference");
        List<String> actual = new ArrayList<>();
        for (JsonNode day : conference.get("days")) {
            day.get("rooms").properties().forEach(room -> room.getValue().forEach(event -> actual.add(
                    event.get("title").asText() + " | " + room.getKey() + " | "
                            + OffsetDateTime.parse(event.get("date").asText()).toInstant() + " | "
                            + event.get("duration").asText() + " | " + day.get("date").asText() + " | "
                            + names(event.get("persons"), "public_name"))));
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected(schedule));
    }

    @Test
    void theXmlFeedFollowsTheXsdAndHasEveryRun() throws Exception {
        LoadedEvent loaded = ExportFixtures.schiedam();
        Document document = xml(loaded);
        Element root = document.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("schedule");
        List<Element> top = children(root);
        // xs:sequence: version?, conference, day+
        assertThat(top.get(0).getTagName()).isEqualTo("version");
        assertThat(top.get(1).getTagName()).isEqualTo("conference");
        assertThat(top.subList(2, top.size())).isNotEmpty().allSatisfy(e -> assertThat(e.getTagName()).isEqualTo("day"));
        Element conference = top.get(1);
        assertThat(children(conference).stream().map(Element::getTagName).toList())
                .isSubsetOf("title", "acronym", "start", "end", "days", "timeslot_duration").contains("title", "acronym")
                .doesNotHaveDuplicates();
        assertThat(Integer.parseInt(child(conference, "days").getTextContent())).isEqualTo(top.size() - 2);
        assertThat(child(conference, "timeslot_duration").getTextContent()).matches(XSD_DURATION);

        Set<String> ids = new HashSet<>();
        Set<String> guids = new HashSet<>();
        Set<String> slugs = new HashSet<>();
        List<String> actual = new ArrayList<>();
        for (Element day : top.subList(2, top.size())) {
            assertThat(Integer.parseInt(day.getAttribute("index"))).isPositive();
            java.time.LocalDate.parse(day.getAttribute("date"));
            OffsetDateTime.parse(day.getAttribute("start"));
            OffsetDateTime.parse(day.getAttribute("end"));
            for (Element room : children(day)) {
                assertThat(room.getTagName()).isEqualTo("room");
                for (Element event : children(room)) {
                    assertThat(event.getTagName()).isEqualTo("event");
                    assertThat(Integer.parseInt(event.getAttribute("id"))).isPositive();
                    assertThat(ids.add(event.getAttribute("id"))).isTrue();
                    assertThat(guids.add(event.getAttribute("guid"))).isTrue();
                    List<String> names = children(event).stream().map(Element::getTagName).toList();
                    assertThat(names).doesNotHaveDuplicates()
                            .containsAll(List.of("room", "title", "type", "date", "start", "duration", "abstract", "slug",
                                    "subtitle", "track"))
                            .isSubsetOf("room", "title", "type", "date", "start", "duration", "persons", "language",
                                    "abstract", "description", "slug", "recording", "subtitle", "track", "links");
                    OffsetDateTime date = OffsetDateTime.parse(child(event, "date").getTextContent());
                    assertThat(child(event, "start").getTextContent()).matches(XSD_START)
                            .isEqualTo(date.format(DateTimeFormatter.ofPattern("HH:mm")));
                    assertThat(child(event, "duration").getTextContent()).matches(XSD_DURATION);
                    assertThat(slugs.add(child(event, "slug").getTextContent())).isTrue();
                    assertThat(child(event, "room").getTextContent()).isEqualTo(room.getAttribute("name"));
                    List<String> persons = new ArrayList<>();
                    for (Element person : children(child(event, "persons"))) {
                        assertThat(person.getTagName()).isEqualTo("person");
                        assertThat(Integer.parseInt(person.getAttribute("id"))).isPositive();
                        persons.add(person.getTextContent());
                    }
                    actual.add(child(event, "title").getTextContent() + " | " + room.getAttribute("name") + " | "
                            + date.toInstant() + " | " + child(event, "duration").getTextContent() + " | "
                            + day.getAttribute("date") + " | " + String.join(", ", persons));
                }
            }
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected(loaded.schedule()));
    }

    @Test
    void hostileTextComesThroughBothFeedsIntact() throws Exception {
        LoadedEvent loaded = ExportFixtures.hostile();
        Schedule schedule = loaded.schedule();
        JsonNode conference = json(loaded).get("schedule").get("conference");
        assertThat(conference.get("title").asText()).isEqualTo(schedule.getName());
        assertThat(conference.get("acronym").asText()).matches(ACRONYM);
        List<String> jsonTitles = new ArrayList<>();
        conference.get("days").forEach(day -> day.get("rooms").forEach(room -> room.forEach(
                event -> jsonTitles.add(event.get("title").asText()))));
        Document xml = xml(loaded);
        List<String> xmlTitles = new ArrayList<>();
        for (Element event : descendants(xml.getDocumentElement(), "event")) {
            xmlTitles.add(child(event, "title").getTextContent());
        }
        List<String> titles = ExportFixtures.placedRuns(schedule).stream().map(r -> r.getSession().title()).toList();
        assertThat(jsonTitles).containsExactlyInAnyOrderElementsOf(titles);
        assertThat(xmlTitles).containsExactlyInAnyOrderElementsOf(titles);
        assertThat(descendants(xml.getDocumentElement(), "script")).isEmpty();
        assertThat(descendants(xml.getDocumentElement(), "room").stream().map(r -> r.getAttribute("name")))
                .contains("Zaal <A> & \"B\"", "Small; room, 1");
        assertThat(descendants(xml.getDocumentElement(), "person").stream().map(Node::getTextContent))
                .contains("Dr. <i>Evil</i> 😈");
    }

    @Test
    void controlCharactersThatXmlCannotCarryAreDropped() {
        assertThat(ScheduleFeed.clean("a\u0001b\tc\n😀")).isEqualTo("ab\tc\n😀");
    }

    private static List<String> expected(Schedule schedule) {
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        List<String> expected = new ArrayList<>();
        for (SessionRun run : ExportFixtures.placedRuns(schedule)) {
            java.time.Duration length = java.time.Duration.between(run.getRound().start(), run.getRound().end());
            expected.add(run.getSession().title() + " | " + run.getRoom().name() + " | "
                    + run.getRound().start().atZone(zone).toInstant() + " | "
                    + String.format("%02d:%02d", length.toHours(), length.toMinutesPart()) + " | "
                    + run.getRound().start().toLocalDate() + " | "
                    + String.join(", ", run.getSession().speakers().stream().map(Speaker::name).toList()));
        }
        return expected;
    }

    private static String names(JsonNode persons, String field) {
        List<String> names = new ArrayList<>();
        persons.forEach(p -> names.add(p.get(field).asText()));
        return String.join(", ", names);
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    private static Element child(Element parent, String name) {
        return children(parent).stream().filter(e -> e.getTagName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">"));
    }

    private static List<Element> descendants(Element root, String name) {
        List<Element> found = new ArrayList<>();
        var list = root.getElementsByTagName(name);
        for (int i = 0; i < list.getLength(); i++) {
            found.add((Element) list.item(i));
        }
        return found;
    }
}

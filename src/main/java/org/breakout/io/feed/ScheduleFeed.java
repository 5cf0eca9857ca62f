package org.breakout.io.feed;

import java.io.StringWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.io.Json;
import org.breakout.io.JsonFiles;
import org.breakout.io.feed.FeedModel.FeedDay;
import org.breakout.io.feed.FeedModel.FeedEvent;
import org.breakout.io.feed.FeedModel.FeedPerson;
import org.breakout.io.feed.FeedModel.FeedRoom;

/**
 * The conference-app feeds (Giggity, EventFahrplan, ConfClerk, …): frab / pretalx {@code schedule.json} after
 * the c3voc JSON schema ({@code https://c3voc.de/schedule/schema.json}) and {@code schedule.xml} after the
 * c3voc {@code schedule.xml.xsd}. JSON is written by Jackson, XML by the JDK's StAX writer; both escape.
 */
public final class ScheduleFeed {

    public static final String SCHEMA = "https://c3voc.de/schedule/schema.json";
    public static final String VERSION = "1.0";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private ScheduleFeed() {
    }

    public static String json(FeedModel feed, String generatorVersion) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.putObject("generator").put("name", "breakout").put("version", generatorVersion);
        ObjectNode schedule = root.putObject("schedule");
        schedule.put("version", VERSION);
        ObjectNode conference = schedule.putObject("conference");
        conference.put("acronym", feed.acronym());
        conference.put("title", feed.title());
        conference.put("start", feed.start() == null ? "" : feed.start().toString());
        conference.put("end", feed.end() == null ? "" : feed.end().toString());
        conference.put("daysCount", feed.days().size());
        conference.put("timeslot_duration", "00:15");
        conference.put("time_zone_name", feed.zone().getId().equals("Z") ? "UTC" : feed.zone().getId());
        ArrayNode tracks = conference.putArray("tracks");
        feed.tracks().forEach(track -> tracks.addObject().put("name", track));
        ArrayNode rooms = conference.putArray("rooms");
        for (FeedRoom room : feed.rooms()) {
            rooms.addObject().put("name", room.name()).put("guid", room.guid()).put("description", room.description())
                    .put("capacity", room.capacity());
        }
        ArrayNode days = conference.putArray("days");
        for (FeedDay day : feed.days()) {
            ObjectNode dayNode = days.addObject();
            dayNode.put("index", day.index());
            dayNode.put("date", day.date().toString());
            dayNode.put("day_start", DATE_TIME.format(day.start()));
            dayNode.put("day_end", DATE_TIME.format(day.end()));
            ObjectNode dayRooms = dayNode.putObject("rooms");
            for (Map.Entry<FeedRoom, List<FeedEvent>> room : day.rooms().entrySet()) {
                ArrayNode events = dayRooms.putArray(room.getKey().name());
                for (FeedEvent event : room.getValue()) {
                    ObjectNode node = events.addObject();
                    node.put("id", event.id());
                    node.put("guid", event.guid());
                    node.put("date", DATE_TIME.format(event.date()));
                    node.put("start", event.start());
                    node.put("duration", event.duration());
                    node.put("room", event.room());
                    node.put("slug", event.slug());
                    node.put("url", event.url());
                    node.put("title", event.title());
                    node.put("subtitle", "");
                    node.put("track", event.track());
                    node.put("type", event.type());
                    node.put("language", feed.language());
                    node.put("abstract", event.abstractText());
                    node.put("description", event.description());
                    ArrayNode persons = node.putArray("persons");
                    // The frab form of a person (id and public_name): the one every app reads.
                    for (FeedPerson person : event.persons()) {
                        persons.addObject().put("id", person.id()).put("public_name", person.name());
                    }
                    node.putArray("links");
                    node.putArray("attachments");
                }
            }
        }
        return JsonFiles.render(root);
    }

    public static String xml(FeedModel feed) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("schedule");
            element(xml, 1, "version", VERSION);
            indent(xml, 1);
            xml.writeStartElement("conference");
            element(xml, 2, "title", feed.title());
            element(xml, 2, "acronym", feed.acronym());
            if (feed.start() != null) {
                element(xml, 2, "start", feed.start().toString());
                element(xml, 2, "end", feed.end().toString());
            }
            element(xml, 2, "days", String.valueOf(feed.days().size()));
            element(xml, 2, "timeslot_duration", "00:15");
            indent(xml, 1);
            xml.writeEndElement();
            for (FeedDay day : feed.days()) {
                indent(xml, 1);
                xml.writeStartElement("day");
                xml.writeAttribute("index", String.valueOf(day.index()));
                xml.writeAttribute("date", day.date().toString());
                xml.writeAttribute("start", DATE_TIME.format(day.start()));
                xml.writeAttribute("end", DATE_TIME.format(day.end()));
                for (Map.Entry<FeedRoom, List<FeedEvent>> room : day.rooms().entrySet()) {
                    indent(xml, 2);
                    xml.writeStartElement("room");
                    xml.writeAttribute("name", clean(room.getKey().name()));
                    for (FeedEvent event : room.getValue()) {
                        event(xml, feed, event);
                    }
                    indent(xml, 2);
                    xml.writeEndElement();
                }
                indent(xml, 1);
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML", e);
        }
        return text.toString();
    }

    private static void event(XMLStreamWriter xml, FeedModel feed, FeedEvent event) throws XMLStreamException {
        indent(xml, 3);
        xml.writeStartElement("event");
        xml.writeAttribute("id", String.valueOf(event.id()));
        xml.writeAttribute("guid", event.guid());
        element(xml, 4, "date", DATE_TIME.format(event.date()));
        element(xml, 4, "start", event.start());
        element(xml, 4, "duration", event.duration());
        element(xml, 4, "room", event.room());
        element(xml, 4, "slug", event.slug());
        element(xml, 4, "title", event.title());
        element(xml, 4, "subtitle", "");
        element(xml, 4, "track", event.track() == null ? "" : event.track());
        element(xml, 4, "type", event.type());
        element(xml, 4, "language", feed.language());
        element(xml, 4, "abstract", event.abstractText());
        element(xml, 4, "description", event.description());
        indent(xml, 4);
        xml.writeStartElement("persons");
        for (FeedPerson person : event.persons()) {
            indent(xml, 5);
            xml.writeStartElement("person");
            xml.writeAttribute("id", String.valueOf(person.id()));
            xml.writeCharacters(clean(person.name()));
            xml.writeEndElement();
        }
        if (!event.persons().isEmpty()) {
            indent(xml, 4);
        }
        xml.writeEndElement();
        indent(xml, 4);
        xml.writeEmptyElement("links");
        indent(xml, 3);
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, int depth, String name, String value) throws XMLStreamException {
        indent(xml, depth);
        xml.writeStartElement(name);
        xml.writeCharacters(clean(value));
        xml.writeEndElement();
    }

    private static void indent(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** XML 1.0 cannot carry most control characters at all (not even escaped): drop them. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000).forEach(out::appendCodePoint);
        return out.toString();
    }
}

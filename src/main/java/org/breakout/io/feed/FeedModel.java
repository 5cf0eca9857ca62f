package org.breakout.io.feed;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.breakout.io.export.ScheduleView;
import org.breakout.io.export.ScheduleView.RoomView;
import org.breakout.io.export.ScheduleView.RunView;

/**
 * The schedule as the frab / pretalx "schedule" feed sees it (c3voc schema, https://c3voc.de/wiki/schedule):
 * days of rooms of events, each with the identifiers the apps key on. Shared by the JSON and XML writers so
 * both feeds say the same thing.
 *
 * <p>GUIDs are name-based UUIDs of the event name and the run (or room) id, so the same schedule exported again
 * keeps them; event ids are positions in the timetable (1, 2, …), as the schema wants positive integers.
 * An event without a time zone is written as if in UTC. The session description is the abstract.
 */
public record FeedModel(String title, String acronym, ZoneId zone, LocalDate start, LocalDate end,
        List<FeedRoom> rooms, List<FeedDay> days, List<String> tracks, String language) {

    public record FeedRoom(String name, String guid, String description, int capacity) {
    }

    public record FeedDay(int index, LocalDate date, OffsetDateTime start, OffsetDateTime end,
            Map<FeedRoom, List<FeedEvent>> rooms) {
    }

    public record FeedPerson(int id, String name) {
    }

    public record FeedEvent(int id, String guid, OffsetDateTime date, String start, String duration, String room,
            String slug, String url, String title, String track, String type, String abstractText,
            String description, List<FeedPerson> persons) {
    }

    public static FeedModel of(ScheduleView view, String language) {
        ZoneId zone = view.zone() != null ? view.zone() : ZoneOffset.UTC;
        String acronym = acronym(view.eventName());
        Map<RoomView, FeedRoom> rooms = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (RoomView room : view.usedRooms()) {
            String name = names.add(room.name()) ? room.name() : room.name() + " (" + room.id() + ")";
            rooms.put(room, new FeedRoom(name, uuid(view, "room:" + room.id()), room.venue() == null ? "" : room.venue(),
                    room.capacity()));
        }
        Map<String, Integer> personIds = new LinkedHashMap<>();
        Map<LocalDate, FeedDay> days = new LinkedHashMap<>();
        List<String> tracks = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        int id = 0;
        for (RunView run : view.runs()) {
            if (run.round().start() == null || run.round().end() == null) {
                continue; // an app cannot show a session without a time
            }
            id++;
            OffsetDateTime start = run.round().start().atZone(zone).toOffsetDateTime();
            OffsetDateTime end = run.round().end().atZone(zone).toOffsetDateTime();
            LocalDate date = run.round().start().toLocalDate();
            FeedDay day = days.computeIfAbsent(date, d -> new FeedDay(days.size() + 1, d, start, end, new LinkedHashMap<>()));
            if (start.isBefore(day.start()) || end.isAfter(day.end())) {
                day = new FeedDay(day.index(), date, start.isBefore(day.start()) ? start : day.start(),
                        end.isAfter(day.end()) ? end : day.end(), day.rooms());
                days.put(date, day);
            }
            FeedRoom room = rooms.get(run.room());
            List<FeedPerson> persons = run.speakers().stream()
                    .map(p -> new FeedPerson(personIds.computeIfAbsent(p.id(), k -> personIds.size() + 1), p.name()))
                    .toList();
            String guid = uuid(view, "run:" + run.id());
            String slug = unique(acronym.replace('_', '-') + "-" + id + slugTail(run.title()), slugs);
            day.rooms().computeIfAbsent(room, r -> new ArrayList<>()).add(new FeedEvent(id, guid, start,
                    String.format(Locale.ROOT, "%02d:%02d", start.getHour(), start.getMinute()),
                    duration(Duration.between(start, end)), room.name(), slug, "urn:uuid:" + guid, run.title(),
                    run.track(), run.plenary() ? "talk" : "workshop", run.description(), "", persons));
            if (run.track() != null && !tracks.contains(run.track())) {
                tracks.add(run.track());
            }
        }
        List<FeedDay> dayList = List.copyOf(days.values());
        LocalDate first = dayList.isEmpty() ? null : dayList.get(0).date();
        LocalDate last = dayList.isEmpty() ? null : dayList.get(dayList.size() - 1).date();
        return new FeedModel(view.eventName(), acronym, zone, first, last, List.copyOf(rooms.values()), dayList,
                tracks, language);
    }

    /** "hh:mm" (hours may pass 24 for a long session). */
    static String duration(Duration duration) {
        return String.format(Locale.ROOT, "%02d:%02d", duration.toHours(), duration.toMinutesPart());
    }

    /** The schema wants {@code ^[a-z0-9_-][a-z0-9_]{3,}…}: lower case letters, digits and underscores. */
    static String acronym(String name) {
        String acronym = ascii(name).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (acronym.length() > 32) {
            int cut = acronym.lastIndexOf('_', 32);
            acronym = acronym.substring(0, cut >= 4 ? cut : 32).replaceAll("_+$", "");
        }
        while (acronym.length() < 4) {
            acronym = acronym + "_";
        }
        return acronym.startsWith("_") ? "e" + acronym : acronym;
    }

    private static String slugTail(String title) {
        String tail = ascii(title).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (tail.length() > 40) {
            tail = tail.substring(0, 40).replaceAll("-+$", "");
        }
        return tail.isEmpty() ? "" : "-" + tail;
    }

    private static String unique(String slug, Set<String> used) {
        String candidate = slug;
        for (int i = 2; !used.add(candidate); i++) {
            candidate = slug + "-" + i;
        }
        return candidate;
    }

    private static String ascii(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    private static String uuid(ScheduleView view, String key) {
        return UUID.nameUUIDFromBytes(("breakout:" + view.eventName() + ":" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}

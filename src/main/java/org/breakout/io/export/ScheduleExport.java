package org.breakout.io.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import org.breakout.io.JsonFiles;
import org.breakout.io.csv.ScheduleCsv;
import org.breakout.io.feed.FeedModel;
import org.breakout.io.feed.ScheduleFeed;
import org.breakout.io.html.TimetableHtml;
import org.breakout.io.ical.ScheduleCalendar;

/**
 * Writes the chosen formats of a schedule into one folder. Everything is rendered in memory first and then
 * each file is written atomically, so a failure leaves no half-written output; a file that is the input is
 * never overwritten.
 */
public final class ScheduleExport {

    public enum Format {
        HTML, CSV, ICAL, FEED;

        public static Format parse(String name) {
            return Format.valueOf(name.strip().toUpperCase(Locale.ROOT));
        }
    }

    /**
     * @param stamp when the export was made (the DTSTAMP of calendar entries)
     * @param feedLanguage language code of the sessions, for the app feeds (e.g. {@code nl})
     */
    public record Options(Set<Format> formats, char csvSeparator, Instant stamp, String feedLanguage) {
    }

    public static final String TIMETABLE = "timetable.html";
    public static final String ATTENDEES_CSV = "attendees.csv";
    public static final String ATTENDANCE_CSV = "attendance.csv";
    public static final String EVENT_CALENDAR = "calendar.ics";
    public static final String ATTENDEE_CALENDARS = "calendars";
    public static final String FEED_JSON = "feed/schedule.json";
    public static final String FEED_XML = "feed/schedule.xml";

    private static final Pattern SAFE_FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,80}");

    private ScheduleExport() {
    }

    /** The files of the export, by path relative to the folder, and their text. */
    public static Map<String, String> render(ScheduleView view, Options options) {
        Map<String, String> files = new LinkedHashMap<>();
        if (options.formats().contains(Format.HTML)) {
            files.put(TIMETABLE, TimetableHtml.render(view));
        }
        if (options.formats().contains(Format.CSV)) {
            files.put(ATTENDEES_CSV, ScheduleCsv.attendees(view, options.csvSeparator()));
            files.put(ATTENDANCE_CSV, ScheduleCsv.attendance(view, options.csvSeparator()));
        }
        if (options.formats().contains(Format.ICAL)) {
            files.put(EVENT_CALENDAR, ScheduleCalendar.event(view, options.stamp()));
            Set<String> used = new HashSet<>();
            for (ScheduleView.AttendeeRow attendee : view.attendees()) {
                files.put(ATTENDEE_CALENDARS + "/" + calendarFileName(attendee.id(), used),
                        ScheduleCalendar.attendee(view, attendee, options.stamp()));
            }
        }
        if (options.formats().contains(Format.FEED)) {
            FeedModel feed = FeedModel.of(view, options.feedLanguage());
            files.put(FEED_JSON, ScheduleFeed.json(feed, version()));
            files.put(FEED_XML, ScheduleFeed.xml(feed));
        }
        return files;
    }

    private static String version() {
        Properties properties = new Properties();
        try (InputStream in = ScheduleExport.class.getResourceAsStream("/org/breakout/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // the version is only informative
        }
        return properties.getProperty("version", "unknown");
    }

    /**
     * The file name of an attendee's calendar: their id when it is a safe file name, else a name derived from
     * it; unique even on file systems that ignore case.
     */
    public static String calendarFileName(String attendeeId, Set<String> used) {
        String base = SAFE_FILE_NAME.matcher(attendeeId).matches() ? attendeeId
                : "attendee-" + Integer.toHexString(attendeeId.hashCode());
        String name = base;
        for (int i = 2; !used.add(name.toLowerCase(Locale.ROOT)); i++) {
            name = base + "-" + i;
        }
        return name + ".ics";
    }

    /** Renders, then writes every file atomically under {@code dir}; returns the files written. */
    public static List<Path> write(ScheduleView view, Options options, Path dir, Path input) throws IOException {
        Map<String, String> files = render(view, options);
        List<Path> written = new ArrayList<>();
        for (String relative : files.keySet()) {
            Path target = dir.resolve(relative);
            if (Files.exists(target) && Files.exists(input) && Files.isSameFile(target, input)) {
                throw new IOException(target + " is the input file; choose another folder");
            }
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = dir.resolve(file.getKey());
            JsonFiles.writeAtomically(file.getValue(), target);
            written.add(target);
        }
        return written;
    }
}

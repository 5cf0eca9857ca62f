package org.breakout.io.ical;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;

import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.text.ICalWriter;
import biweekly.property.DateEnd;
import biweekly.property.DateStart;
import biweekly.property.Method;

import org.breakout.io.export.ScheduleView;
import org.breakout.io.export.ScheduleView.AttendeeRow;
import org.breakout.io.export.ScheduleView.RoundEntry;
import org.breakout.io.export.ScheduleView.RunView;

/**
 * iCalendar (RFC 5545) files written with biweekly, which folds lines and escapes text: one for the whole
 * event (every session run) and one per attendee (their seats and the plenary sessions). Times are written
 * in UTC when the event names its time zone, as floating local times when it does not. UIDs depend only on
 * the event name and ids, so a calendar sent again updates the entries it sent before instead of adding
 * copies; an attendee's entry is per round, so a changed seat replaces the old one.
 */
public final class ScheduleCalendar {

    static final int MAX_LINE_OCTETS = 75;
    private static final String PRODUCT_ID = "-//breakout//breakout export//EN";

    private ScheduleCalendar() {
    }

    /** Every session run of the event. {@code stamp}: the DTSTAMP (when the calendar was made). */
    public static String event(ScheduleView view, Instant stamp) {
        ICalendar calendar = calendar(view, view.eventName());
        for (RunView run : view.runs()) {
            VEvent event = event(view, run, "run-" + run.id(), stamp, calendar);
            if (event != null) {
                calendar.addEvent(event);
            }
        }
        return write(calendar);
    }

    /** One attendee's day: a seat per round, and the plenary sessions everyone attends. */
    public static String attendee(ScheduleView view, AttendeeRow attendee, Instant stamp) {
        ICalendar calendar = calendar(view, view.eventName() + " — " + attendee.name());
        for (RoundEntry entry : attendee.perRound()) {
            RunView run = entry.shown();
            if (run == null) {
                continue;
            }
            VEvent event = event(view, run, "attendee-" + attendee.id() + "-round-" + entry.round().id(), stamp,
                    calendar);
            if (event != null) {
                calendar.addEvent(event);
            }
        }
        return write(calendar);
    }

    /**
     * biweekly folds lines by characters; RFC 5545 (3.1) limits lines to 75 octets and forbids splitting a
     * UTF-8 sequence. So write unfolded and fold by octets here.
     */
    private static String write(ICalendar calendar) {
        StringWriter text = new StringWriter();
        try (ICalWriter writer = new ICalWriter(text, ICalVersion.V2_0)) {
            writer.getVObjectWriter().getFoldedLineWriter().setLineLength(null);
            writer.write(calendar);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return fold(text.toString());
    }

    /** Folds every line longer than 75 octets (UTF-8) with CRLF + space, between code points. */
    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 60 * 3);
        for (String line : unfolded.split("\r\n", -1)) {
            if (out.length() > 0) {
                out.append("\r\n");
            }
            int octets = 0;
            for (int i = 0; i < line.length();) {
                int codePoint = line.codePointAt(i);
                int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + size > MAX_LINE_OCTETS) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
        }
        return out.toString();
    }

    /** The UID of an entry: stable across exports of the same event. */
    public static String uid(ScheduleView view, String key) {
        String slug = Normalizer.normalize(view.eventName(), Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (slug.length() > 48) {
            slug = slug.substring(0, 48).replaceAll("-$", "");
        }
        return encode(key) + "@" + (slug.isEmpty() ? "event" : slug) + ".breakout";
    }

    private static ICalendar calendar(ScheduleView view, String name) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId(PRODUCT_ID);
        calendar.setMethod(Method.publish());
        calendar.setName(name);
        return calendar;
    }

    private static VEvent event(ScheduleView view, RunView run, String key, Instant stamp, ICalendar calendar) {
        if (run.round().start() == null || run.round().end() == null) {
            return null; // a round without times cannot be put in a calendar
        }
        VEvent event = new VEvent();
        event.setUid(uid(view, key));
        event.setDateTimeStamp(Date.from(stamp));
        event.setSummary(run.title());
        event.setLocation(run.room().location());
        StringBuilder description = new StringBuilder(run.round().name());
        if (!run.speakers().isEmpty()) {
            description.append("\n").append(run.speakerNames());
        }
        if (!run.description().isBlank()) {
            description.append("\n\n").append(run.description());
        }
        event.setDescription(description.toString());
        DateStart start = new DateStart(date(view.zone(), run.round().start()), true);
        DateEnd end = new DateEnd(date(view.zone(), run.round().end()), true);
        event.setDateStart(start);
        event.setDateEnd(end);
        if (view.zone() == null) {
            calendar.getTimezoneInfo().setFloating(start, true);
            calendar.getTimezoneInfo().setFloating(end, true);
        }
        return event;
    }

    /** With a zone: the instant. Without: floating, which biweekly writes in the JVM's own zone. */
    private static Date date(ZoneId zone, LocalDateTime local) {
        return Date.from(local.atZone(zone != null ? zone : ZoneId.systemDefault()).toInstant());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

}

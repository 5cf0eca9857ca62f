package org.breakout.io.registrations;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Registration times as form tools write them: ISO ("2025-04-16 09:00:19"), Google Forms ("16-4-2025 9:00:19",
 * "4/16/2025 9:00:19 AM", "2025/04/16 9:00:19 AM GMT+2"), and the date cells of an .xlsx.
 */
final class Timestamps {

    static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);
    private static final Pattern ZONE_SUFFIX = Pattern.compile("\\s*(GMT|UTC)([+-]\\d{1,2}(:?\\d{2})?)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMERIC = Pattern.compile(
            "(\\d{1,4})[-/.](\\d{1,2})[-/.](\\d{1,4})(?:[ T]+(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?(?:[.,]\\d+)?\\s*([AaPp][Mm])?)?");

    /** Whether "3/4/2025" is the 3rd of April (true) or March 4th. */
    private final boolean dayFirst;
    private final String note;

    private Timestamps(boolean dayFirst, String note) {
        this.dayFirst = dayFirst;
        this.note = note;
    }

    /** The day-month order of a column, settled by a date whose day is above 12, else by the separator. */
    static Timestamps forColumn(List<String> values) {
        boolean sawSlash = false;
        boolean ambiguous = false;
        for (String value : values) {
            Matcher m = NUMERIC.matcher(ZONE_SUFFIX.matcher(value.strip()).replaceAll(""));
            if (!m.matches() || m.group(1).length() == 4) {
                continue;
            }
            int first = Integer.parseInt(m.group(1));
            int second = Integer.parseInt(m.group(2));
            if (first > 12) {
                return new Timestamps(true, null);
            }
            if (second > 12) {
                return new Timestamps(false, null);
            }
            sawSlash |= value.contains("/");
            ambiguous = true;
        }
        if (!ambiguous) {
            return new Timestamps(true, null);
        }
        return sawSlash
                ? new Timestamps(false, "dates such as 3/4/2025 were read as month/day/year (no date in the column settles it)")
                : new Timestamps(true, "dates such as 3-4-2025 were read as day-month-year (no date in the column settles it)");
    }

    /** A note for the report when the day-month order was a guess, else null. */
    String note() {
        return note;
    }

    /** The time as the event file writes it (an offset, when given, is kept), or null when it is not a time. */
    String parse(String text) {
        String value = text.strip();
        try {
            return ISO_SECONDS.format(LocalDateTime.parse(value.replace(' ', 'T')));
        } catch (DateTimeParseException e) {
            // not ISO
        }
        try {
            return OffsetDateTime.parse(value.replace(' ', 'T')).toString();
        } catch (DateTimeParseException e) {
            // no offset
        }
        Matcher m = NUMERIC.matcher(ZONE_SUFFIX.matcher(value).replaceAll(""));
        if (!m.matches()) {
            return null;
        }
        int year;
        int month;
        int day;
        if (m.group(1).length() == 4) {
            year = Integer.parseInt(m.group(1));
            month = Integer.parseInt(m.group(2));
            day = Integer.parseInt(m.group(3));
        } else {
            year = Integer.parseInt(m.group(3));
            year += year < 100 ? 2000 : 0;
            month = Integer.parseInt(dayFirst ? m.group(2) : m.group(1));
            day = Integer.parseInt(dayFirst ? m.group(1) : m.group(2));
        }
        int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
        int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        if (m.group(7) != null) {
            boolean pm = m.group(7).equalsIgnoreCase("pm");
            hour = hour % 12 + (pm ? 12 : 0);
        }
        try {
            return ISO_SECONDS.format(LocalDateTime.of(year, month, day, hour, minute, second));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}

package org.breakout.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import org.breakout.domain.Schedule;
import org.breakout.io.EventFormatException;
import org.breakout.io.EventReader;
import org.breakout.io.LoadedEvent;
import org.breakout.io.export.ScheduleExport;
import org.breakout.io.export.ScheduleExport.Format;
import org.breakout.io.export.ScheduleView;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a solved schedule for people: the timetable page with door lists (HTML), mail-merge "
                + "and attendance CSV, calendars (iCalendar) for the event and for every attendee, and the frab/pretalx schedule feeds (JSON, XML) "
                + "that conference apps read.")
public class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCHEDULE.json", description = "A schedule written by `breakout solve`.")
    Path schedule;

    @Option(names = { "-o", "--output" }, paramLabel = "DIR", required = true,
            description = "The folder to write into (created if missing); files in it are replaced atomically.")
    Path output;

    @Option(names = "--formats", paramLabel = "FORMAT", split = ",",
            description = "Which formats: html, csv, ical, feed (default: all).")
    List<String> formats;

    static final char DEFAULT_CSV_SEPARATOR = ';';

    @Option(names = "--csv-separator", paramLabel = "CHAR", defaultValue = ";",
            description = "Field separator of the CSV files (default: ${DEFAULT-VALUE}, what Excel expects in "
                    + "most European locales; use , for English ones).")
    char csvSeparator;

    static final String DEFAULT_FEED_LANGUAGE = "en";

    @Option(names = "--feed-language", paramLabel = "CODE", defaultValue = DEFAULT_FEED_LANGUAGE,
            description = "Language of the sessions for the app feeds, an ISO 639-1 code (default: ${DEFAULT-VALUE}).")
    String feedLanguage;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Set<Format> chosen;
        try {
            chosen = parseFormats(formats);
        } catch (IllegalArgumentException e) {
            err.println("breakout: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        LoadedEvent loaded;
        try {
            loaded = EventReader.read(schedule);
        } catch (EventFormatException e) {
            err.println(e.getMessage());
            err.println("Nothing was written.");
            return ExitCodes.BAD_INPUT;
        } catch (IOException e) {
            err.println("breakout: cannot read " + schedule + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (csvSeparator == '"' || csvSeparator == '\n' || csvSeparator == '\r') {
            err.println("breakout: --csv-separator cannot be a quote or a line break");
            return ExitCodes.USAGE;
        }
        if (!feedLanguage.matches("[a-z]{2}")) {
            err.println("breakout: --feed-language must be a two-letter code such as en or nl, not \"" + feedLanguage + "\"");
            return ExitCodes.USAGE;
        }
        return export(loaded, output, new ScheduleExport.Options(chosen, csvSeparator, Instant.now(), feedLanguage),
                spec.commandLine().getOut(), err);
    }

    /** {@code solve --export}: every format, default separator, from the schedule file just written. */
    static int export(LoadedEvent loaded, Path dir, PrintWriter out, PrintWriter err) {
        return export(loaded, dir, new ScheduleExport.Options(EnumSet.allOf(Format.class), DEFAULT_CSV_SEPARATOR,
                Instant.now(), DEFAULT_FEED_LANGUAGE), out, err);
    }

    static int export(LoadedEvent loaded, Path dir, ScheduleExport.Options options, PrintWriter out, PrintWriter err) {
        Schedule schedule = loaded.schedule();
        if (schedule.getRuns().stream().noneMatch(run -> run.isPlaced())) {
            err.println(loaded.source() + ": no session has a placement: this is an event, not a schedule; "
                    + "solve it first (breakout solve … --export " + dir + ")");
            err.println("Nothing was written.");
            return ExitCodes.BAD_INPUT;
        }
        ScheduleView view = ScheduleView.of(loaded, schedule);
        try {
            List<Path> written = ScheduleExport.write(view, options, dir, loaded.source());
            long calendars = written.stream()
                    .filter(p -> p.getParent().getFileName().toString().equals(ScheduleExport.ATTENDEE_CALENDARS))
                    .count();
            out.printf("Exported    %d file(s) to %s%n", written.size(), dir);
            for (Path file : written) {
                if (!file.getParent().getFileName().toString().equals(ScheduleExport.ATTENDEE_CALENDARS)) {
                    out.printf("            %s%n", dir.relativize(file));
                }
            }
            if (calendars > 0) {
                out.printf("            %s/ (%d personal calendars)%n", ScheduleExport.ATTENDEE_CALENDARS, calendars);
            }
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println("breakout: cannot write to " + dir + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    static Set<Format> parseFormats(List<String> names) {
        if (names == null || names.isEmpty()) {
            return EnumSet.allOf(Format.class);
        }
        Set<Format> formats = EnumSet.noneOf(Format.class);
        for (String name : names) {
            try {
                formats.add(Format.parse(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown format \"" + name + "\" (known: "
                        + String.join(", ", EnumSet.allOf(Format.class).stream()
                                .map(f -> f.name().toLowerCase(Locale.ROOT)).toList()) + ")");
            }
        }
        return formats;
    }
}

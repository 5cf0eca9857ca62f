package org.breakout.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.domain.Schedule;
import org.breakout.io.EventFormatException;
import org.breakout.io.EventReader;
import org.breakout.io.JsonFiles;
import org.breakout.io.LoadedEvent;
import org.breakout.io.Problem;
import org.breakout.io.registrations.ColumnMapping;
import org.breakout.io.registrations.EventImport;
import org.breakout.io.registrations.ImportException;
import org.breakout.io.registrations.RegistrationImporter;
import org.breakout.io.registrations.Table;

/**
 * The import that {@code breakout import} and {@code breakout solve --registrations} share: programme and export
 * in, the imported event validated by the event reader, the report printed, and the event written (atomically,
 * never over an input).
 */
final class RegistrationsImport {

    private static final int MAX_WARNINGS_SHOWN = 20;
    private static final int PREVIEW_ROWS = 5;

    /** The imported event as read back by the event reader, or the exit code when the import failed. */
    record Outcome(int exitCode, LoadedEvent loaded) {
    }

    private RegistrationsImport() {
    }

    /**
     * @param eventOut where the imported event goes
     * @param dryRun print the mapping and the first rows as read, write nothing
     */
    static Outcome run(Path programme, Path export, ImportOptions options, Path eventOut, boolean dryRun,
            PrintWriter out, PrintWriter err) {
        List<Path> inputs = options.mapping == null ? List.of(programme, export) : List.of(programme, export, options.mapping);
        for (Path written : options.report == null ? List.of(eventOut) : List.of(eventOut, options.report)) {
            for (Path input : inputs) {
                try {
                    if (Files.exists(written) && Files.exists(input) && Files.isSameFile(written, input)) {
                        err.println("breakout: the output " + written + " is an input file; choose another");
                        return new Outcome(ExitCodes.USAGE, null);
                    }
                } catch (IOException e) {
                    err.println("breakout: cannot check " + written + ": " + e.getMessage());
                    return new Outcome(ExitCodes.BAD_INPUT, null);
                }
            }
        }
        LoadedEvent programmeEvent;
        try {
            programmeEvent = EventReader.read(programme);
        } catch (EventFormatException e) {
            err.println(e.getMessage());
            err.println("Nothing was written.");
            return new Outcome(ExitCodes.BAD_INPUT, null);
        } catch (IOException e) {
            err.println("breakout: cannot read " + programme + ": " + e.getMessage());
            return new Outcome(ExitCodes.BAD_INPUT, null);
        }

        RegistrationImporter.Result result;
        try {
            result = importExport(programmeEvent.document(), programmeEvent.schedule(), export, options);
        } catch (ImportException e) {
            err.println("breakout: " + e.getMessage());
            err.println("Nothing was written.");
            return new Outcome(ExitCodes.BAD_INPUT, null);
        } catch (IOException e) {
            err.println("breakout: cannot read " + export + ": " + e.getMessage());
            err.println("Nothing was written.");
            return new Outcome(ExitCodes.BAD_INPUT, null);
        }

        LoadedEvent imported;
        try {
            // The one validation of events: the imported event is checked like any event file.
            imported = EventImport.validate(result, eventOut);
        } catch (EventFormatException e) {
            err.println(e.getMessage());
            err.println("Nothing was written.");
            return new Outcome(ExitCodes.BAD_INPUT, null);
        }

        if (dryRun) {
            printMapping(out, result);
        }
        out.print(result.report().format());
        printWarnings(err, imported);
        if (dryRun) {
            out.println();
            out.println("Dry run: nothing was written. Correct the mapping with --column \"HEADER=USE\" or --mapping FILE.");
            return new Outcome(ExitCodes.OK, imported);
        }
        try {
            if (options.report != null) {
                JsonFiles.write(result.report().toJson(), options.report);
            }
            JsonFiles.write(result.event(), eventOut);
        } catch (IOException e) {
            err.println("breakout: cannot write " + eventOut + ": " + e.getMessage());
            return new Outcome(ExitCodes.BAD_INPUT, null);
        }
        if (options.report != null) {
            out.println("Report      " + options.report);
        }
        return new Outcome(ExitCodes.OK, imported);
    }

    /**
     * The import itself, with the organiser's column mapping ({@code --mapping}, then {@code --column} on top): the
     * one place an export is read, whichever command reads it.
     */
    static RegistrationImporter.Result importExport(ObjectNode programmeDocument, Schedule programme, Path export,
            ColumnOptions options) throws ImportException, IOException {
        Map<String, String> overrides = new LinkedHashMap<>();
        String source = "--column";
        if (options.mapping != null) {
            overrides.putAll(ColumnMapping.readFile(options.mapping));
            source = options.columns.isEmpty() ? "mapping " + options.mapping : "mapping " + options.mapping
                    + " or --column";
        }
        overrides.putAll(options.columns);
        return RegistrationImporter.importInto(programmeDocument, programme, export, overrides, source);
    }

    private static void printMapping(PrintWriter out, RegistrationImporter.Result result) {
        out.println("Columns (" + result.table().format() + "):");
        for (ColumnMapping.Column column : result.mapping().columns()) {
            out.printf("  %-3s %-60s %s%s%n", Table.columnLetter(column.index()), quote(column.header()), column.use(),
                    column.mapped() ? "  (mapped)" : "");
        }
        out.println();
        out.println("First rows as read (names masked):");
        int shown = 0;
        for (JsonNode attendee : result.preview()) {
            if (shown++ >= PREVIEW_ROWS) {
                break;
            }
            out.println("  " + attendee);
        }
        out.println();
    }

    private static String quote(String header) {
        String oneLine = header.replace('\n', ' ');
        return "\"" + (oneLine.length() > 58 ? oneLine.substring(0, 55) + "…" : oneLine) + "\"";
    }

    private static void printWarnings(PrintWriter err, LoadedEvent loaded) {
        List<Problem> warnings = loaded.warnings();
        warnings.stream().limit(MAX_WARNINGS_SHOWN)
                .forEach(w -> err.println("warning: " + loaded.source() + ": " + w));
        if (warnings.size() > MAX_WARNINGS_SHOWN) {
            err.println("warning: … and " + (warnings.size() - MAX_WARNINGS_SHOWN) + " more warnings");
        }
    }

    /** Where {@code solve --registrations} writes the imported event: beside the schedule, named after the export. */
    static Path importedEventBeside(Path schedule, Path export) {
        String name = export.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        Path beside = schedule.resolveSibling(base + "-event.json");
        return beside.equals(schedule) ? schedule.resolveSibling(base + "-imported-event.json") : beside;
    }
}

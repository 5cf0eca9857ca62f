package org.breakout.io.registrations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.domain.Schedule;
import org.breakout.io.EventFormatException;
import org.breakout.io.EventReader;
import org.breakout.io.JsonFiles;
import org.breakout.io.LoadedEvent;

/**
 * An export imported into a programme and the resulting event validated by the event reader, like any event file:
 * the one import that {@code breakout import}, {@code solve --registrations} and {@code breakout serve} share.
 */
public final class EventImport {

    /** What the importer made of the export, and the event as the event reader read it back. */
    public record Outcome(RegistrationImporter.Result result, LoadedEvent loaded) {
    }

    private EventImport() {
    }

    /**
     * @param eventName the name the imported event is known by in messages (the file it is written to)
     * @param overrides the organiser's column mapping (header or column letter to use); empty: the guess alone
     * @param overrideSource where the overrides come from, for messages
     * @throws ImportException the export cannot be imported at all (file, row and column named)
     * @throws EventFormatException the imported event is not valid (every problem with its JSON path)
     */
    public static Outcome run(ObjectNode programmeDocument, Schedule programme, Path export,
            Map<String, String> overrides, String overrideSource, Path eventName)
            throws ImportException, IOException, EventFormatException {
        RegistrationImporter.Result result = RegistrationImporter.importInto(programmeDocument, programme, export,
                overrides, overrideSource);
        return new Outcome(result, validate(result, eventName));
    }

    /** The imported event checked like any event file. */
    public static LoadedEvent validate(RegistrationImporter.Result result, Path eventName) throws EventFormatException {
        return EventReader.parse(eventName, JsonFiles.render(result.event()));
    }
}

package org.breakout.reallocate;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.io.Problem;

/**
 * What arrived after the schedule was published, independent of where it came from: attendee records (a new id is a
 * newcomer, a known id replaces that attendee's data) and cancellations, each with where it was found. An event file
 * gives one ({@link EventFileChanges}); a registration export would give the same (every current registration as a
 * record, and with {@code --cancel-missing} a cancellation for each published id it no longer holds).
 *
 * @param source the file the changes came from (named in messages)
 * @param records attendee records, in file order, in the event file's attendee format (without {@code cancelled})
 * @param cancellations attendee ids to remove
 * @param warnings things that do not stop the run (ignored fields)
 */
public record ChangeSet(Path source, List<AttendeeRecord> records, List<Cancellation> cancellations,
        List<Problem> warnings) {

    /** An attendee as the changes describe them; {@code path} is the JSON path in {@link #source()}. */
    public record AttendeeRecord(String id, ObjectNode node, String path) {
    }

    public record Cancellation(String id, String path) {
    }

    public static ChangeSet empty(Path source) {
        return new ChangeSet(source, List.of(), List.of(), List.of());
    }
}

package org.breakout.reallocate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.io.Json;
import org.breakout.io.Problem;
import org.breakout.reallocate.BadInputException.FileProblem;

/**
 * Reads changes from an event file: its {@code attendees}, where {@code "cancelled": true} removes the attendee and
 * any other entry is a newcomer or replaces a published attendee's data. Only the structure is checked here (ids,
 * the {@code cancelled} flag); the attendees themselves are validated with the merged event by the event reader.
 * The programme (rounds, rooms, sessions, settings) is not reallocate's to change: when the file carries one that
 * differs from the published schedule, that is a warning and it is ignored.
 */
public final class EventFileChanges {

    static final String CANCELLED = "cancelled";
    private static final Set<String> PROGRAMME_FIELDS = Set.of("rounds", "rooms", "speakers", "sessions", "settings",
            "timezone");

    private EventFileChanges() {
    }

    public static ChangeSet read(Path file, ObjectNode published) throws BadInputException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(List.of(new FileProblem(file.toString(), "", "file not found")));
        } catch (IOException e) {
            throw new BadInputException(List.of(new FileProblem(file.toString(), "", "cannot read: " + e.getMessage())));
        }
        return parse(file, text, published);
    }

    public static ChangeSet parse(Path file, String text, ObjectNode published) throws BadInputException {
        String name = file.toString();
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where = location == null ? "" : "line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new BadInputException(List.of(new FileProblem(name, where, "not valid JSON: " + e.getOriginalMessage())));
        }
        List<FileProblem> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new BadInputException(List.of(new FileProblem(name, "",
                    "the changes must be a JSON object with an \"attendees\" array")));
        }
        JsonNode attendees = root.get("attendees");
        if (attendees == null || !attendees.isArray()) {
            throw new BadInputException(List.of(new FileProblem(name, "attendees",
                    attendees == null ? "missing: list the new, changed and cancelled attendees here"
                            : "must be an array of attendees")));
        }
        List<Problem> warnings = new ArrayList<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (PROGRAMME_FIELDS.contains(field) && !root.get(field).equals(published.get(field))) {
                warnings.add(new Problem(field, "differs from the published schedule and is ignored: reallocate "
                        + "changes attendees only (change the programme in the event and run solve)"));
            }
        }
        List<ChangeSet.AttendeeRecord> records = new ArrayList<>();
        List<ChangeSet.Cancellation> cancellations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < attendees.size(); i++) {
            String path = "attendees[" + i + "]";
            JsonNode entry = attendees.get(i);
            if (!entry.isObject()) {
                problems.add(new FileProblem(name, path, "must be an attendee object, not " + entry));
                continue;
            }
            JsonNode id = entry.get("id");
            if (id == null || !id.isTextual() || id.asText().isBlank()) {
                problems.add(new FileProblem(name, path + ".id", "missing or not a non-empty string: every change "
                        + "needs the attendee's id (a new id is a newcomer, a published one a change)"));
                continue;
            }
            if (!seen.add(id.asText())) {
                problems.add(new FileProblem(name, path + ".id", "attendee " + id.asText()
                        + " is listed twice: give each attendee once, with their current data"));
                continue;
            }
            JsonNode cancelled = entry.get(CANCELLED);
            if (cancelled != null && !cancelled.isBoolean()) {
                problems.add(new FileProblem(name, path + "." + CANCELLED, "must be true or false, not " + cancelled));
                continue;
            }
            if (cancelled != null && cancelled.asBoolean()) {
                cancellations.add(new ChangeSet.Cancellation(id.asText(), path));
                continue;
            }
            ObjectNode node = ((ObjectNode) entry).deepCopy();
            node.remove(CANCELLED);
            if (node.has("assignments")) {
                node.remove("assignments");
                warnings.add(new Problem(path + ".assignments", "ignored: reallocate decides the seats"));
            }
            records.add(new ChangeSet.AttendeeRecord(id.asText(), node, path));
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        return new ChangeSet(file, List.copyOf(records), List.copyOf(cancellations), List.copyOf(warnings));
    }
}

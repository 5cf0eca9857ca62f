package org.breakout.reallocate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.domain.Schedule;
import org.breakout.io.Json;
import org.breakout.io.LoadedEvent;
import org.breakout.io.Problem;
import org.breakout.io.registrations.ImportException;
import org.breakout.io.registrations.ImportReport;
import org.breakout.io.registrations.RegistrationImporter;
import org.breakout.reallocate.BadInputException.FileProblem;

/**
 * Changes derived from a registration export: the export is the full current list of registrations, so it is
 * compared with the published attendees by their stable ids (the importer's hash of e-mail or name). An imported
 * attendee with a new id is a newcomer, one whose name, tags, rounds or choices differ is changed, one identical is
 * no change; a published attendee the export no longer holds is cancelled only when asked ({@code cancelMissing}),
 * as a row can also be missing because the export was filtered or is an older download.
 */
public final class ExportChanges {

    /** The attendee fields an export says something about; a difference in one of them is a change. */
    static final List<String> REGISTRATION_FIELDS = List.of("name", "tags", "rounds", "preferences");
    private static final String REGISTERED = "registered";

    /** The import, done elsewhere with the organiser's column mapping (the importer of {@code breakout import}). */
    @FunctionalInterface
    public interface Importer {
        RegistrationImporter.Result importInto(ObjectNode programmeDocument, Schedule programme, Path export)
                throws ImportException, IOException;
    }

    /**
     * The change set and what the comparison found.
     *
     * @param absent published attendee ids the export does not hold (cancelled when {@code cancelMissing})
     */
    public record Derived(ChangeSet changes, ImportReport importReport, int imported, int newcomers, int changed,
            int unchanged, List<String> absent, boolean cancelMissing) {

        /** One line for the organiser, below the import report. */
        public String summary() {
            String absentText = absent.isEmpty() ? "every published attendee is in it"
                    : absent.size() + " published attendee(s) not in it: " + (cancelMissing ? "cancelled"
                            : "kept (--cancel-missing cancels them)");
            return String.format("Export      %d attendees: %d new · %d changed · %d unchanged; %s%n", imported,
                    newcomers, changed, unchanged, absentText);
        }

        /** For the change report: the import report and the comparison. */
        public ObjectNode toJson() {
            ObjectNode node = Json.MAPPER.createObjectNode();
            node.put("attendees", imported).put("newcomers", newcomers).put("changed", changed)
                    .put("unchanged", unchanged).put("cancelMissing", cancelMissing);
            absent.forEach(node.putArray("absent")::add);
            node.set("import", importReport.toJson());
            return node;
        }
    }

    private ExportChanges() {
    }

    /**
     * Whether the changes file is an event file (JSON) rather than an export: by its extension, and for any other
     * name by its first character ({@code {} after an optional byte order mark).
     */
    public static boolean isEventFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return true;
        }
        if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt") || name.endsWith(".xlsx")) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(64);
            String text = new String(start, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
            return text.startsWith("{");
        } catch (IOException e) {
            return false; // the importer reports the missing or unreadable file, with its name
        }
    }

    /** Imports the export against the published programme and derives the changes. Writes nothing. */
    public static Derived read(Path export, LoadedEvent published, Importer importer, boolean cancelMissing)
            throws BadInputException {
        // The programme alone: the importer adds attendees to it, and here only the export's attendees are wanted.
        ObjectNode programme = published.document().deepCopy();
        programme.putArray("attendees");
        RegistrationImporter.Result result;
        try {
            result = importer.importInto(programme, published.schedule(), export);
        } catch (ImportException e) {
            throw new BadInputException(List.of(new FileProblem(e.file().toString(), e.where(), e.reason())));
        } catch (NoSuchFileException e) {
            throw new BadInputException(List.of(new FileProblem(export.toString(), "", "file not found")));
        } catch (IOException e) {
            throw new BadInputException(List.of(new FileProblem(export.toString(), "", "cannot read: " + e.getMessage())));
        }
        List<ObjectNode> imported = new ArrayList<>();
        result.event().path("attendees").forEach(a -> imported.add((ObjectNode) a));
        return derive(export, published.source(), published.document(), imported, result.report(), cancelMissing);
    }

    /** The comparison itself: imported attendees against the published ones. */
    static Derived derive(Path export, Path publishedFile, ObjectNode published, List<ObjectNode> imported,
            ImportReport importReport, boolean cancelMissing) throws BadInputException {
        Map<String, ObjectNode> publishedById = new LinkedHashMap<>();
        for (JsonNode attendee : published.path("attendees")) {
            publishedById.put(attendee.path("id").asText(), (ObjectNode) attendee);
        }
        List<ChangeSet.AttendeeRecord> records = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int newcomers = 0;
        int changed = 0;
        int unchanged = 0;
        for (ObjectNode attendee : imported) {
            String id = attendee.path("id").asText();
            seen.add(id);
            String path = "attendee " + id;
            ObjectNode before = publishedById.get(id);
            if (before == null) {
                records.add(new ChangeSet.AttendeeRecord(id, attendee.deepCopy(), path));
                newcomers++;
            } else if (ScheduleMerge.differences(registration(before), registration(attendee)).isEmpty()) {
                unchanged++; // a later time stamp with the same answers is no change
            } else {
                records.add(new ChangeSet.AttendeeRecord(id, updated(before, attendee), path));
                changed++;
            }
        }
        List<String> absent = publishedById.keySet().stream().filter(id -> !seen.contains(id)).toList();
        List<Problem> warnings = new ArrayList<>();
        if (!publishedById.isEmpty() && newcomers == imported.size()) {
            // Ids are hashes of e-mail or name: none in common means another form, or a schedule not made from one.
            String message = "none of the " + imported.size() + " attendees of this export is in the published "
                    + "schedule " + publishedFile + " (attendee ids are made from the e-mail address or name): "
                    + "was it published from this form's registrations?";
            if (cancelMissing) {
                throw new BadInputException(List.of(new FileProblem(export.toString(), "", message
                        + " With --cancel-missing every published attendee would be cancelled.")));
            }
            warnings.add(new Problem("", message));
        }
        List<ChangeSet.Cancellation> cancellations = new ArrayList<>();
        if (cancelMissing) {
            absent.forEach(id -> cancellations.add(new ChangeSet.Cancellation(id, "attendee " + id + " (not in the export)")));
        }
        ChangeSet changes = new ChangeSet(export, List.copyOf(records), List.copyOf(cancellations), List.copyOf(warnings));
        return new Derived(changes, importReport, imported.size(), newcomers, changed, unchanged, absent, cancelMissing);
    }

    /** The fields an export speaks for, absent ones as empty, so "no tags" equals {@code "tags": []}. */
    private static ObjectNode registration(ObjectNode attendee) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        for (String field : REGISTRATION_FIELDS) {
            JsonNode value = attendee.get(field);
            if (value != null && !value.isNull()) {
                node.set(field, value);
            } else if (!field.equals("name")) {
                node.putArray(field);
            }
        }
        return node;
    }

    /**
     * The published attendee with what the export says now: fields the export knows nothing of (an e-mail for the
     * mail merge, a note the organiser added) are kept; the seats are the merge's business.
     */
    private static ObjectNode updated(ObjectNode published, ObjectNode imported) {
        ObjectNode node = published.deepCopy();
        node.remove("assignments");
        for (String field : REGISTRATION_FIELDS) {
            if (imported.has(field)) {
                node.set(field, imported.get(field).deepCopy());
            } else {
                node.remove(field);
            }
        }
        if (imported.has(REGISTERED)) {
            node.set(REGISTERED, imported.get(REGISTERED).deepCopy());
        }
        return node;
    }
}

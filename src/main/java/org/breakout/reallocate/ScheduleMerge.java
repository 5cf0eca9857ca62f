package org.breakout.reallocate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.io.Json;
import org.breakout.io.Problem;
import org.breakout.reallocate.BadInputException.FileProblem;

/**
 * Folds a change set into a published schedule at the JSON level (the event reader validates the result):
 * cancelled attendees are removed, changed ones replaced in place, newcomers appended. Published seats are carried
 * over as the attendee's {@code assignments} (the reader takes them as the warm start and the published state),
 * except seats the change made impossible (a round no longer wanted, a session no longer open to them) and, outside
 * {@code frozen}, the seats of an attendee whose choices changed: they asked to be re-seated.
 */
public final class ScheduleMerge {

    /** The reason of a seat released because its attendee's choices changed. */
    static final String CHANGED_CHOICES = "changed their choices";

    private ScheduleMerge() {
    }

    public static MergedEvent merge(Path publishedFile, ObjectNode published, ChangeSet changes, Policy policy)
            throws BadInputException {
        return merge(publishedFile, published, changes, policy, Set.of());
    }

    /**
     * @param fallbackSeats published seats (seat keys) that are kept, pinned: a solve without the pin left their
     *        attendee without a seat in that round (see {@link Reallocation#solve})
     */
    public static MergedEvent merge(Path publishedFile, ObjectNode published, ChangeSet changes, Policy policy,
            Set<String> fallbackSeats) throws BadInputException {
        ObjectNode document = published.deepCopy();
        String publishedName = publishedFile.toString();
        String changesName = changes.source().toString();
        Map<String, ObjectNode> sessions = byId(document.withArray("sessions"));
        boolean allowUnranked = document.path("settings").path("allowUnranked").asBoolean(true);

        Map<String, AttendeeStatus> statuses = new LinkedHashMap<>();
        Map<String, Integer> publishedIndex = new LinkedHashMap<>();
        ArrayNode publishedAttendees = document.withArray("attendees");
        for (int i = 0; i < publishedAttendees.size(); i++) {
            String id = publishedAttendees.get(i).path("id").asText();
            publishedIndex.put(id, i);
            statuses.put(id, AttendeeStatus.UNCHANGED);
        }

        List<Problem> warnings = new ArrayList<>(changes.warnings());
        List<FileProblem> problems = new ArrayList<>();
        Set<String> cancelled = new LinkedHashSet<>();
        for (ChangeSet.Cancellation cancellation : changes.cancellations()) {
            if (!publishedIndex.containsKey(cancellation.id())) {
                warnings.add(new Problem(cancellation.path(), "attendee " + cancellation.id()
                        + " is not in the published schedule (cancelled before?): nothing to cancel"));
            } else {
                cancelled.add(cancellation.id());
                statuses.put(cancellation.id(), AttendeeStatus.CANCELLED);
            }
        }
        Map<String, ChangeSet.AttendeeRecord> replacements = new LinkedHashMap<>();
        List<ChangeSet.AttendeeRecord> newcomers = new ArrayList<>();
        Map<String, List<String>> changedFields = new LinkedHashMap<>();
        for (ChangeSet.AttendeeRecord record : changes.records()) {
            if (cancelled.contains(record.id())) {
                problems.add(new FileProblem(changesName, record.path(), "attendee " + record.id()
                        + " is both cancelled and changed: give one of the two"));
                continue;
            }
            Integer index = publishedIndex.get(record.id());
            if (index == null) {
                newcomers.add(record);
                statuses.put(record.id(), AttendeeStatus.NEWCOMER);
                continue;
            }
            List<String> differences = differences((ObjectNode) publishedAttendees.get(index), record.node());
            if (!differences.isEmpty()) {
                replacements.put(record.id(), record);
                changedFields.put(record.id(), differences);
                statuses.put(record.id(), AttendeeStatus.CHANGED);
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }

        Map<String, String> released = new LinkedHashMap<>();
        Set<String> addedPins = new LinkedHashSet<>();
        ArrayNode attendees = Json.MAPPER.createArrayNode();
        List<MergedEvent.Source> sources = new ArrayList<>();
        for (int i = 0; i < publishedAttendees.size(); i++) {
            ObjectNode node = (ObjectNode) publishedAttendees.get(i);
            String id = node.path("id").asText();
            if (cancelled.contains(id)) {
                for (JsonNode seat : node.path("assignments")) {
                    released.put(MergedEvent.seatKey(id, seat.path("round").asText()), "cancelled");
                }
                continue;
            }
            ChangeSet.AttendeeRecord replacement = replacements.get(id);
            ObjectNode merged;
            if (replacement == null) {
                merged = node;
                for (JsonNode seat : merged.path("assignments")) {
                    String key = MergedEvent.seatKey(id, seat.path("round").asText());
                    if (fallbackSeats.contains(key) && !seat.path("pinned").asBoolean(false)) {
                        ((ObjectNode) seat).put("pinned", true);
                        addedPins.add(key);
                    }
                }
                sources.add(new MergedEvent.Source(publishedName, "attendees[" + i + "]"));
            } else {
                merged = replacement.node().deepCopy();
                boolean reseat = policy != Policy.FROZEN && changedFields.get(id).contains("preferences");
                ArrayNode kept = merged.putArray("assignments");
                for (JsonNode seat : node.path("assignments")) {
                    String key = MergedEvent.seatKey(id, seat.path("round").asText());
                    boolean pinned = seat.path("pinned").asBoolean(false);
                    boolean fallback = fallbackSeats.contains(key);
                    // A pinned seat is the organiser's decision: it is kept unless it no longer fits.
                    boolean release = reseat && !pinned && !fallback;
                    String reason = release ? CHANGED_CHOICES : invalidatedBy(merged, seat, sessions, allowUnranked);
                    if (reason == null) {
                        ObjectNode copy = seat.deepCopy();
                        if (fallback && !pinned) {
                            copy.put("pinned", true);
                            addedPins.add(key);
                        }
                        kept.add(copy);
                    } else {
                        released.put(key, reason);
                    }
                }
                sources.add(new MergedEvent.Source(changesName, replacement.path()));
            }
            if (policy == Policy.FROZEN) {
                for (JsonNode seat : merged.path("assignments")) {
                    if (!seat.path("pinned").asBoolean(false)) {
                        ((ObjectNode) seat).put("pinned", true);
                        addedPins.add(MergedEvent.seatKey(id, seat.path("round").asText()));
                    }
                }
            }
            attendees.add(merged);
        }
        for (ChangeSet.AttendeeRecord newcomer : newcomers) {
            attendees.add(newcomer.node().deepCopy());
            sources.add(new MergedEvent.Source(changesName, newcomer.path()));
        }
        document.set("attendees", attendees);

        if (policy == Policy.FROZEN) {
            for (ObjectNode session : sessions.values()) {
                for (JsonNode placement : session.path("placements")) {
                    if (!placement.path("pinned").asBoolean(false)) {
                        ((ObjectNode) placement).put("pinned", true);
                        addedPins.add(MergedEvent.placementKey(session.path("id").asText(),
                                placement.path("round").asText(), placement.path("room").asText()));
                    }
                }
            }
        }
        return new MergedEvent(document, statuses, changedFields, released, sources, addedPins, List.copyOf(warnings));
    }

    /** Why a published seat no longer fits the attendee's new data, or null when it still does. */
    private static String invalidatedBy(ObjectNode attendee, JsonNode seat, Map<String, ObjectNode> sessions,
            boolean allowUnranked) {
        String round = seat.path("round").asText();
        String sessionId = seat.path("session").asText();
        JsonNode rounds = attendee.get("rounds");
        if (rounds != null && rounds.isArray() && !contains(rounds, round)) {
            return "no longer wants a seat in " + round;
        }
        ObjectNode session = sessions.get(sessionId);
        JsonNode audience = session == null ? null : session.get("audience");
        if (audience != null && audience.isArray() && !audience.isEmpty()) {
            boolean admitted = false;
            for (JsonNode tag : attendee.path("tags")) {
                admitted |= contains(audience, tag.asText());
            }
            if (!admitted) {
                return "no longer in the audience of " + sessionId;
            }
        }
        if (!allowUnranked && !ranked(attendee, sessionId)) {
            return "no longer ranks " + sessionId;
        }
        return null;
    }

    /** Fields whose meaning differs between the published attendee and the change (seats ignored). */
    static List<String> differences(ObjectNode published, ObjectNode change) {
        Set<String> fields = new LinkedHashSet<>();
        published.fieldNames().forEachRemaining(fields::add);
        change.fieldNames().forEachRemaining(fields::add);
        fields.remove("assignments");
        List<String> differences = new ArrayList<>();
        for (String field : fields) {
            JsonNode before = published.get(field);
            JsonNode after = change.get(field);
            if (field.equals("preferences")) {
                before = normalizedPreferences(before);
                after = normalizedPreferences(after);
            }
            if (before == null ? after != null && !after.isNull() : !before.equals(after)) {
                differences.add(field);
            }
        }
        return differences;
    }

    /** Preferences as a set of (session, rank), so ["A", "B"] equals [{"session": "A", "rank": 1}, …]. */
    private static JsonNode normalizedPreferences(JsonNode preferences) {
        if (preferences == null || !preferences.isArray()) {
            return preferences;
        }
        ObjectNode ranks = Json.MAPPER.createObjectNode();
        for (int i = 0; i < preferences.size(); i++) {
            JsonNode preference = preferences.get(i);
            if (preference.isTextual()) {
                ranks.put(preference.asText(), i + 1);
            } else {
                ranks.set(preference.path("session").asText(), preference.path("rank"));
            }
        }
        return ranks;
    }

    private static boolean ranked(JsonNode attendee, String sessionId) {
        for (JsonNode preference : attendee.path("preferences")) {
            String session = preference.isTextual() ? preference.asText() : preference.path("session").asText();
            if (session.equals(sessionId)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(JsonNode array, String value) {
        for (Iterator<JsonNode> it = array.elements(); it.hasNext();) {
            if (it.next().asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, ObjectNode> byId(ArrayNode nodes) {
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        for (JsonNode node : nodes) {
            if (node.isObject()) {
                byId.put(node.path("id").asText(), (ObjectNode) node);
            }
        }
        return byId;
    }
}

package org.breakout.io;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Typed reading of an event document's fields for {@link EventReader}: each reader checks the field's type and range
 * and, where it is wrong, records a {@link Problem} with the field's JSON path and what to write instead, and returns
 * null (or an empty value) so that reading goes on and every problem is reported at once. Unknown fields and
 * duplicates in lists are warnings.
 */
final class JsonFields {

    private final List<Problem> problems = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();
    /** The event's time zone, for date-times written with an offset (null: none given). */
    private ZoneId zone;

    List<Problem> problems() {
        return problems;
    }

    List<Problem> warnings() {
        return warnings;
    }

    void zone(ZoneId eventZone) {
        zone = eventZone;
    }

    /** An object of an array, its JSON path, and whether it is the first with its id (a duplicate is not). */
    record ArrayEntry(ObjectNode node, String path, boolean firstWithId) {
    }

    List<ArrayEntry> requiredArray(JsonNode parent, String field, String parentPath) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            problem(join(parentPath, field), "missing: the event needs a list of " + field);
            return List.of();
        }
        return array(parent, field, parentPath);
    }

    List<ArrayEntry> array(JsonNode parent, String field, String parentPath) {
        JsonNode node = parent.get(field);
        String path = join(parentPath, field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problem(path, "must be an array");
            return List.of();
        }
        List<ArrayEntry> entries = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            if (!element.isObject()) {
                problem(path + "[" + i + "]", "must be an object, not " + abbreviate(element));
                continue;
            }
            String id = element.path("id").isTextual() ? element.get("id").asText() : null;
            entries.add(new ArrayEntry((ObjectNode) element, path + "[" + i + "]", id == null || ids.add(id)));
        }
        return entries;
    }

    String id(ArrayEntry entry, Set<String> known, String kind) {
        String id = text(entry.node, "id", entry.path, true);
        if (id == null) {
            return null;
        }
        if (id.isBlank()) {
            problem(entry.path + ".id", "must not be empty");
            return null;
        }
        if (known.contains(id)) {
            problem(entry.path + ".id", "duplicate " + kind + " id \"" + id + "\": ids must be unique");
            return null;
        }
        return id;
    }

    String text(JsonNode parent, String field, String parentPath, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                problem(join(parentPath, field), "missing");
            }
            return null;
        }
        if (!node.isTextual()) {
            problem(join(parentPath, field), "must be a string, not " + abbreviate(node));
            return null;
        }
        return node.asText();
    }

    Integer integer(JsonNode parent, String field, String parentPath, boolean required, int min) {
        JsonNode node = parent.get(field);
        String path = join(parentPath, field);
        if (node == null || node.isNull()) {
            if (required) {
                problem(path, "missing");
            }
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            problem(path, "must be a whole number, not " + abbreviate(node));
            return null;
        }
        if (node.asInt() < min) {
            problem(path, "must be at least " + min + ", not " + node.asInt());
            return null;
        }
        return node.asInt();
    }

    Boolean bool(JsonNode parent, String field, String parentPath) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            problem(join(parentPath, field), "must be true or false, not " + abbreviate(node));
            return null;
        }
        return node.asBoolean();
    }

    LocalDateTime dateTime(JsonNode parent, String field, String parentPath) {
        String text = text(parent, field, parentPath, false);
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            try {
                OffsetDateTime withOffset = OffsetDateTime.parse(text);
                return zone == null ? withOffset.toLocalDateTime()
                        : withOffset.atZoneSameInstant(zone).toLocalDateTime();
            } catch (DateTimeParseException e2) {
                problem(join(parentPath, field), "not a date-time: \"" + text + "\" (write 2025-06-04T11:30)");
                return null;
            }
        }
    }

    Set<String> stringSet(JsonNode parent, String field, String parentPath) {
        JsonNode node = parent.get(field);
        String path = join(parentPath, field);
        Set<String> values = new LinkedHashSet<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            problem(path, "must be an array of strings");
            return values;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            if (!element.isTextual()) {
                problem(path + "[" + i + "]", "must be a string, not " + abbreviate(element));
            } else if (!values.add(element.asText())) {
                warning(path + "[" + i + "]", "\"" + element.asText() + "\" is listed twice");
            }
        }
        return values;
    }

    <T> Set<T> refs(JsonNode parent, String field, String parentPath, Map<String, T> known, String kind) {
        Set<T> values = new LinkedHashSet<>();
        JsonNode node = parent.get(field);
        String path = join(parentPath, field);
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            problem(path, "must be an array of " + kind + " ids");
            return values;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            if (!element.isTextual()) {
                problem(path + "[" + i + "]", "must be a " + kind + " id, not " + abbreviate(element));
                continue;
            }
            T value = known.get(element.asText());
            if (value == null) {
                problem(path + "[" + i + "]", unknown(kind, element.asText(), known.keySet()));
            } else if (!values.add(value)) {
                warning(path + "[" + i + "]", "\"" + element.asText() + "\" is listed twice");
            }
        }
        return values;
    }

    <T> T ref(JsonNode parent, String field, String parentPath, Map<String, T> known, String kind,
            boolean required) {
        String id = text(parent, field, parentPath, required);
        if (id == null) {
            return null;
        }
        T value = known.get(id);
        if (value == null) {
            problem(join(parentPath, field), unknown(kind, id, known.keySet()));
        }
        return value;
    }

    void checkFields(JsonNode node, String path, Set<String> knownFields) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!knownFields.contains(field)) {
                warning(join(path, field), "unknown field, ignored by the solver and kept in the output "
                        + "(known: " + knownFields.stream().sorted().collect(Collectors.joining(", ")) + ")");
            }
        }
    }

    static String unknown(String kind, String id, Set<String> known) {
        String list = known.stream().limit(12).collect(Collectors.joining(", "));
        if (known.size() > 12) {
            list += ", …";
        }
        return "unknown " + kind + " \"" + id + "\"" + (known.isEmpty() ? " (none are defined)" : " (known: " + list + ")");
    }

    static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 40 ? text.substring(0, 37) + "…" : text;
    }

    static String join(String parentPath, String field) {
        return parentPath == null || parentPath.isEmpty() ? field : parentPath + "." + field;
    }

    void problem(String path, String message) {
        problems.add(new Problem(path, message));
    }

    void warning(String path, String message) {
        warnings.add(new Problem(path, message));
    }
}

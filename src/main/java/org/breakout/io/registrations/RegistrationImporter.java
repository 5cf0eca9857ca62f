package org.breakout.io.registrations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.domain.Schedule;
import org.breakout.io.Json;

/**
 * Turns a registration export into the attendees of an event: export → {@link Table} rows → one registration
 * per row → the latest registration per person → attendee objects in the programme document. The document is
 * then validated by the event reader like any event file (this class checks only what the export can get wrong).
 */
public final class RegistrationImporter {

    /** The event document with the imported attendees, the report, and the first registrations for a preview. */
    public record Result(ObjectNode event, ImportReport report, ColumnMapping mapping, Table table,
            List<ObjectNode> preview) {
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int PREVIEW_ROWS = 5;

    /** One row as read: who, when, and what they chose. */
    private record Registration(int row, String key, String sameWhat, String id, String name, String registered,
            ObjectNode attendee) {
    }

    private final Table table;
    private final Programme programme;
    private final ColumnMapping mapping;
    private final ImportReport report;
    private final Timestamps timestamps;

    private RegistrationImporter(Table table, Programme programme, ColumnMapping mapping) {
        this.table = table;
        this.programme = programme;
        this.mapping = mapping;
        this.report = new ImportReport(table.file().toString(), table.format());
        List<String> times = new ArrayList<>();
        for (ColumnMapping.Column column : mapping.of(ColumnUse.Kind.TIMESTAMP)) {
            table.rows().forEach(row -> times.add(row.cell(column.index())));
        }
        this.timestamps = Timestamps.forColumn(times);
    }

    /**
     * Imports an export into a copy of the programme document: the attendees found are added; a programme
     * attendee with the same id is replaced (the report says so).
     *
     * @param overrides the organiser's column mapping (header or column letter to use); empty: the guess alone
     * @param overrideSource where the overrides come from, for messages
     */
    public static Result importInto(ObjectNode programmeDocument, Schedule programme, Path export,
            Map<String, String> overrides, String overrideSource) throws ImportException, IOException {
        Table table = TableReader.read(export);
        Programme view = new Programme(programme);
        ColumnMapping mapping = ColumnMapping.of(table, view, overrides, overrideSource);
        return new RegistrationImporter(table, view, mapping).run(programmeDocument);
    }

    private Result run(ObjectNode programmeDocument) {
        report.notes.addAll(table.notes());
        if (timestamps.note() != null) {
            report.notes.add(timestamps.note());
        }
        report.columns.addAll(mapping.columns());
        report.columnProblems.addAll(mapping.problems());
        report.rowsRead = table.rows().size();

        List<Registration> registrations = new ArrayList<>();
        for (Table.Row row : table.rows()) {
            Registration registration = read(row);
            if (registration != null) {
                registrations.add(registration);
            }
        }
        List<ObjectNode> preview = registrations.stream().limit(PREVIEW_ROWS).map(r -> {
            ObjectNode shown = r.attendee().deepCopy();
            shown.put("name", mask(r.name()));
            return shown;
        }).toList();

        // The latest registration of each person counts; people in the order they first registered.
        Map<String, List<Registration>> byPerson = new LinkedHashMap<>();
        registrations.forEach(r -> byPerson.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r));
        List<ObjectNode> attendees = new ArrayList<>();
        for (List<Registration> rows : byPerson.values()) {
            Registration kept = rows.stream().max(Comparator
                    .comparing((Registration r) -> r.registered() == null ? "" : r.registered())
                    .thenComparingInt(Registration::row)).orElseThrow();
            if (rows.size() > 1) {
                boolean byTime = kept.registered() != null && rows.stream().filter(r -> r != kept)
                        .allMatch(r -> r.registered() == null || r.registered().compareTo(kept.registered()) < 0);
                report.merges.add(new ImportReport.Merge(kept.id(), kept.sameWhat(),
                        rows.stream().map(Registration::row).toList(), kept.row(),
                        byTime ? "latest: " + kept.registered() : "the last row; no later time stamp"));
            }
            attendees.add(kept.attendee());
        }
        report.attendees = attendees.size();

        ObjectNode event = programmeDocument.deepCopy();
        Set<String> imported = attendees.stream().map(a -> a.get("id").asText()).collect(Collectors.toSet());
        ArrayNode all = Json.MAPPER.createArrayNode();
        for (JsonNode existing : programmeDocument.path("attendees")) {
            String id = existing.path("id").asText(null);
            if (id != null && imported.contains(id)) {
                report.replaced.add(id);
            } else {
                all.add(existing.deepCopy());
            }
        }
        attendees.forEach(all::add);
        event.set("attendees", all);
        nobodyChose(attendees);
        return new Result(event, report, mapping, table, preview);
    }

    private void nobodyChose(List<ObjectNode> attendees) {
        Set<String> chosen = new LinkedHashSet<>();
        attendees.forEach(a -> a.path("preferences").forEach(p -> chosen.add(p.get("session").asText())));
        for (String round : programme.choiceRoundIds()) {
            boolean any = programme.choices().stream()
                    .anyMatch(c -> c.rounds().contains(round) && chosen.contains(c.id()));
            if (!any) {
                report.roundsNobodyChose.add(round);
            }
        }
        programme.choices().stream().filter(c -> !chosen.contains(c.id()))
                .forEach(c -> report.sessionsNobodyChose.add(c.id()));
    }

    // ************************************************************************
    // One row
    // ************************************************************************

    private Registration read(Table.Row row) {
        if (row.isBlank()) {
            report.skippedRows.add(new ImportReport.SkippedRow(row.number(), "empty row"));
            return null;
        }
        for (int i = table.headers().size(); i < row.cells().size(); i++) {
            if (!row.cell(i).isEmpty()) {
                problem(row, -2, null, "has text in column " + Text.columnLetter(i) + ", which has no header: "
                        + "that cell is not read (a separator too many in the row?)");
                break;
            }
        }
        String email = "";
        int emailColumn = -1;
        for (ColumnMapping.Column column : mapping.of(ColumnUse.Kind.EMAIL)) {
            email = row.cell(column.index());
            emailColumn = column.index();
            break;
        }
        String name = mapping.of(ColumnUse.Kind.NAME).stream().map(c -> row.cell(c.index()))
                .filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
        String normalizedEmail = email.toLowerCase(Locale.ROOT).strip();
        if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
            // The value is personal data: the report names the cell, not what is in it.
            problem(row, emailColumn, null, "is not an e-mail address" + (name.isEmpty() ? "" : "; the name identifies "
                    + "this registration instead"));
            normalizedEmail = "";
        }
        String key;
        String sameWhat;
        if (!normalizedEmail.isEmpty()) {
            key = "email:" + normalizedEmail;
            sameWhat = "e-mail";
        } else if (!name.isEmpty()) {
            key = "name:" + Text.normalize(name);
            sameWhat = "name";
        } else {
            report.skippedRows.add(new ImportReport.SkippedRow(row.number(),
                    mapping.of(ColumnUse.Kind.EMAIL).isEmpty() ? "no name" : "no e-mail address and no name"));
            return null;
        }

        String registered = null;
        for (ColumnMapping.Column column : mapping.of(ColumnUse.Kind.TIMESTAMP)) {
            String cell = row.cell(column.index());
            if (!cell.isEmpty()) {
                registered = timestamps.parse(cell);
                if (registered == null) {
                    problem(row, column.index(), cell, "is not a date and time (e.g. 2025-04-16 09:00:19); "
                            + "the registration is kept without a time");
                }
            }
        }

        ObjectNode attendee = Json.MAPPER.createObjectNode();
        String id = id(key);
        attendee.put("id", id);
        attendee.put("name", name.isEmpty() ? email : name);
        ArrayNode tags = attendee.putArray("tags");
        tags(row).forEach(tags::add);
        Choices choices = choices(row);
        ArrayNode rounds = attendee.putArray("rounds");
        rounds(row, choices).forEach(rounds::add);
        ArrayNode preferences = attendee.putArray("preferences");
        choices.ranked.forEach((session, rank) -> preferences.addObject().put("session", session).put("rank", rank));
        if (registered != null) {
            attendee.put("registered", registered);
        }
        return new Registration(row.number(), key, sameWhat, id, name.isEmpty() ? email : name, registered, attendee);
    }

    private Set<String> tags(Table.Row row) {
        Set<String> tags = new LinkedHashSet<>();
        for (ColumnMapping.Column column : mapping.columns()) {
            ColumnUse use = column.use();
            if (use.kind() != ColumnUse.Kind.TAG && use.kind() != ColumnUse.Kind.TAGS) {
                continue;
            }
            String cell = row.cell(column.index());
            List<String> values = use.kind() == ColumnUse.Kind.TAG ? List.of(cell) : List.of(cell.split("[;,\\n]"));
            for (String value : values) {
                if (value.isBlank() || Text.normalize(value).isEmpty()
                        || Set.of("geen", "none", "nvt", "n v t", "nee", "no").contains(Text.normalize(value))) {
                    continue;
                }
                String theme = use.tagPrefix().equals("themagroep") ? programme.theme(value) : null;
                String tagValue = theme != null ? theme : Text.slug(value);
                tags.add(use.tagPrefix().isEmpty() ? tagValue : use.tagPrefix() + ":" + tagValue);
            }
        }
        return tags;
    }

    /** The sessions a row chose, ranked per round, and the rounds it answered "none" or "no preference" for. */
    private static final class Choices {
        final Map<String, Integer> ranked = new LinkedHashMap<>();
        final Set<String> noSession = new LinkedHashSet<>();
        final Set<String> noPreference = new LinkedHashSet<>();
    }

    private record Answer(String group, int rank, int order, String session, int column) {
    }

    private Choices choices(Table.Row row) {
        Choices choices = new Choices();
        List<Answer> answers = new ArrayList<>();
        for (ColumnMapping.Column column : mapping.columns()) {
            ColumnUse use = column.use();
            String cell = row.cell(column.index());
            if (!use.kind().isChoice() || cell.isEmpty()) {
                continue;
            }
            switch (use.kind()) {
                case CHOICE -> answer(row, column, programme.match(cell, use.round()), use.rank(), answers, choices);
                case GRID -> {
                    Programme.Match meaning = programme.match(cell, use.round());
                    if (meaning instanceof Programme.NoSession) {
                        continue;
                    }
                    Integer rank = Text.rank(Text.normalize(cell));
                    if (rank == null) {
                        problem(row, column.index(), cell, "is not a rank (write 1, 2, …, 1st, 1e keuze, …); "
                                + "the session is left out of this person's choices");
                    } else {
                        Programme.Choice session = programme.session(use.session());
                        answers.add(new Answer(group(use, session), rank, answers.size(), session.id(), column.index()));
                    }
                }
                case CHECKBOX, RANKING -> {
                    List<Programme.Match> matches = programme.matchList(cell, use.round());
                    for (int i = 0; i < matches.size(); i++) {
                        answer(row, column, matches.get(i), use.kind() == ColumnUse.Kind.RANKING ? i + 1 : 1, answers,
                                choices);
                    }
                }
                default -> throw new IllegalStateException(use.kind().toString());
            }
        }
        // Ranks restart in each round; gaps close up (a first and a third choice are ranks 1 and 2).
        List<String> order = new ArrayList<>(programme.choiceRoundIds());
        order.add("");
        answers.sort(Comparator.comparingInt((Answer a) -> order.indexOf(a.group())).thenComparingInt(Answer::rank)
                .thenComparingInt(Answer::order));
        String group = null;
        int dense = 0;
        int previousRank = 0;
        for (Answer answer : answers) {
            if (!answer.group().equals(group)) {
                group = answer.group();
                dense = 0;
                previousRank = 0;
            }
            if (choices.ranked.containsKey(answer.session())) {
                problem(row, answer.column(), null, "names " + answer.session() + " a second time; its best rank counts");
                continue;
            }
            if (answer.rank() != previousRank) {
                dense++;
                previousRank = answer.rank();
            }
            choices.ranked.put(answer.session(), dense);
        }
        return choices;
    }

    private void answer(Table.Row row, ColumnMapping.Column column, Programme.Match match, int rank, List<Answer> answers,
            Choices choices) {
        ColumnUse use = column.use();
        if (match instanceof Programme.Chosen chosen) {
            answers.add(new Answer(group(use, chosen.session()), rank, answers.size(), chosen.session().id(),
                    column.index()));
        } else if (match instanceof Programme.NoSession) {
            if (use.round() != null) {
                choices.noSession.add(use.round());
            }
        } else if (match instanceof Programme.NoPreference) {
            if (use.round() != null) {
                choices.noPreference.add(use.round());
            } else {
                choices.noPreference.addAll(programme.choiceRoundIds());
            }
        } else if (match instanceof Programme.Unmatched unmatched) {
            problem(row, column.index(), unmatched.answer(), "matches no session" + (use.round() == null ? ""
                    : " of round " + use.round()) + " and is left out of this person's choices"
                    + (unmatched.suggestions().isEmpty() ? " (write a session title or id)"
                            : ColumnMapping.suggestionText(match)));
        } else if (match instanceof Programme.Ambiguous ambiguous) {
            problem(row, column.index(), ambiguous.answer(), "matches more than one session and is left out "
                    + "(write the session id)" + ColumnMapping.suggestionText(match));
        }
    }

    /** The round whose ranks an answer belongs to: the column's, else the session's own when it has one. */
    private static String group(ColumnUse use, Programme.Choice session) {
        if (use.round() != null) {
            return use.round();
        }
        return session.rounds().size() == 1 ? session.rounds().get(0) : "";
    }

    private List<String> rounds(Table.Row row, Choices choices) {
        Set<String> rounds = new LinkedHashSet<>();
        List<ColumnMapping.Column> roundColumns = mapping.of(ColumnUse.Kind.ROUNDS);
        boolean told = false;
        for (ColumnMapping.Column column : roundColumns) {
            String cell = row.cell(column.index());
            if (cell.isEmpty()) {
                continue;
            }
            told = true;
            for (String part : cell.split("[;,\\n]")) {
                if (part.isBlank() || programme.match(part, null) instanceof Programme.NoSession) {
                    continue;
                }
                String round = programme.roundIn(part);
                if (round == null) {
                    problem(row, column.index(), part.strip(), "matches no round (the choice rounds: "
                            + String.join(", ", programme.choiceRoundIds()) + ")");
                } else {
                    rounds.add(round);
                }
            }
        }
        if (!told) {
            for (String session : choices.ranked.keySet()) {
                rounds.addAll(programme.session(session).rounds());
            }
            rounds.addAll(choices.noPreference);
        }
        for (String round : choices.noSession) {
            boolean choseThere = choices.ranked.keySet().stream()
                    .anyMatch(s -> programme.session(s).rounds().equals(List.of(round)));
            if (!choseThere) {
                rounds.remove(round);
            }
        }
        List<String> order = programme.choiceRoundIds();
        if (rounds.isEmpty()) {
            problem(row, -1, null, "chose no session in any round: the attendee is imported without rounds "
                    + "(wants no seat)");
        }
        return rounds.stream().filter(order::contains).sorted(Programme.roundOrder(order)).toList();
    }

    private void problem(Table.Row row, int column, String answer, String message) {
        String where = column >= 0 ? table.columnName(column) : column == -1 ? "all choice columns" : "past the last column";
        report.problems.add(new ImportReport.Problem(row.number(), where, answer, message));
    }

    // ************************************************************************

    /**
     * The attendee id of a person: a short hash of the normalised e-mail (or name), so ids are stable when the
     * export grows, and are not the address itself.
     */
    static String id(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "a" + HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** A name as the preview shows it: its first letter and length, not the name. */
    static String mask(String name) {
        return name.isEmpty() ? "" : name.substring(0, 1) + "… (" + name.length() + " characters)";
    }
}

package org.breakout.io.registrations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.breakout.io.Json;

/**
 * Which column of an export means what: guessed from the headers and the answers, then corrected by the
 * organiser's mapping ({@code --column HEADER=USE} or a mapping file; see {@link ColumnUse} for the uses).
 */
public final class ColumnMapping {

    /** One column and its use; {@code mapped} when the organiser's mapping said so rather than the guess. */
    public record Column(int index, String header, ColumnUse use, boolean mapped) {
    }

    private static final List<String> EMAIL = List.of("e mail", "email", "mailadres", "e mailadres", "email address",
            "e mailadres", "emailadres");
    private static final List<String> TIMESTAMP = List.of("tijdstempel", "timestamp", "completion time",
            "voltooiingstijd", "tijd van voltooien", "ingediend", "submitted", "submitted at", "inschrijfdatum",
            "registration date", "registered", "aangemeld op", "datum inschrijving");
    private static final List<String> IGNORED = List.of("start time", "begintijd", "starttijd", "last modified time",
            "tijd van laatste wijziging", "id");
    private static final List<String> ROUNDS = List.of("aanwezig", "aanwezigheid", "attend", "attending",
            "attendance", "deelname", "dagdelen", "onderdelen", "which parts", "parts of the day", "programmaonderdelen");
    private static final List<String> NAME = List.of("naam", "name", "volledige naam", "full name", "voornaam",
            "achternaam", "tussenvoegsel", "first name", "last name", "surname", "voorletters", "initials");
    private static final List<String> CHOICE = List.of("keuze", "keuzes", "choice", "choices", "voorkeur",
            "preference", "sessie", "sessies", "session", "sessions", "workshop", "workshops", "optie", "option");
    private static final List<String> RANKING = List.of("rangschik", "rangschikking", "rank", "ranking", "volgorde",
            "order", "prioriteit", "priority");
    /** Header words of tag columns and the tag prefix they get; "" keeps the value itself (a role: "wethouder"). */
    private static final Map<List<String>, ColumnUse> TAGS = new LinkedHashMap<>();

    static {
        TAGS.put(List.of("themagroep", "themagroepen", "theme group", "theme groups", "themegroup", "themegroups"),
                ColumnUse.tag(ColumnUse.Kind.TAGS, "themagroep"));
        TAGS.put(List.of("toegankelijkheid", "accessibility", "access needs", "toegankelijkheidswensen",
                "beperking", "accessibility needs"), ColumnUse.tag(ColumnUse.Kind.TAGS, "toegankelijkheid"));
        TAGS.put(List.of("gemeente", "municipality", "city", "stad"), ColumnUse.tag(ColumnUse.Kind.TAG, "gemeente"));
        TAGS.put(List.of("organisatie", "organisation", "organization", "bedrijf", "company", "employer",
                "werkgever"), ColumnUse.tag(ColumnUse.Kind.TAG, "organisatie"));
        TAGS.put(List.of("functie", "rol", "role", "job title", "position", "jobtitle"),
                ColumnUse.tag(ColumnUse.Kind.TAG, ""));
    }

    private static final Pattern GRID = Pattern.compile("^(.*)\\[(.+)]\\s*$", Pattern.DOTALL);

    private final List<Column> columns;
    private final List<String> problems;

    private ColumnMapping(List<Column> columns, List<String> problems) {
        this.columns = List.copyOf(columns);
        this.problems = List.copyOf(problems);
    }

    public List<Column> columns() {
        return columns;
    }

    /** Columns the guess could not make sense of (a grid header naming no session, …), for the report. */
    public List<String> problems() {
        return problems;
    }

    public List<Column> of(ColumnUse.Kind kind) {
        return columns.stream().filter(column -> column.use().kind() == kind).toList();
    }

    /**
     * The guessed mapping with the organiser's corrections applied.
     *
     * @param overrides header (or column letter) to use, in the order given
     * @param source where the overrides come from, for messages ("mapping.yaml", "--column")
     */
    static ColumnMapping of(Table table, Programme programme, Map<String, String> overrides, String source)
            throws ImportException {
        List<String> problems = new ArrayList<>();
        Map<Integer, ColumnUse> mapped = new LinkedHashMap<>();
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            int index = columnIndex(table, override.getKey());
            if (index < 0) {
                throw new ImportException(table.file(), source + ", column \"" + override.getKey() + "\"",
                        "no such column in the export (its columns: " + String.join(" | ", table.headers()) + ")");
            }
            ColumnUse use;
            try {
                use = ColumnUse.parse(override.getValue());
            } catch (IllegalArgumentException e) {
                throw new ImportException(table.file(), source + ", column \"" + override.getKey() + "\"", e.getMessage());
            }
            mapped.put(index, checked(table, programme, use, source, override.getKey()));
        }
        List<Column> columns = new ArrayList<>();
        boolean emailSeen = false;
        boolean timestampSeen = false;
        for (int i = 0; i < table.headers().size(); i++) {
            ColumnUse use = mapped.get(i);
            boolean isMapped = use != null;
            if (use == null) {
                use = guess(table, programme, i, problems);
                if (use.kind() == ColumnUse.Kind.EMAIL && emailSeen || use.kind() == ColumnUse.Kind.TIMESTAMP && timestampSeen) {
                    use = ColumnUse.of(ColumnUse.Kind.IGNORE);
                }
            }
            emailSeen |= use.kind() == ColumnUse.Kind.EMAIL;
            timestampSeen |= use.kind() == ColumnUse.Kind.TIMESTAMP;
            columns.add(new Column(i, table.headers().get(i), use, isMapped));
        }
        if (columns.stream().noneMatch(c -> c.use().kind() == ColumnUse.Kind.EMAIL || c.use().kind() == ColumnUse.Kind.NAME)) {
            throw new ImportException(table.file(), "row 1", "no e-mail or name column found (columns: "
                    + String.join(" | ", table.headers()) + "): map one, e.g. --column \"Uw e-mail=email\"");
        }
        if (columns.stream().noneMatch(c -> c.use().kind().isChoice())) {
            throw new ImportException(table.file(), "row 1", "no column with session choices found (columns: "
                    + String.join(" | ", table.headers()) + "): map one, e.g. --column \"Workshop=choice\"");
        }
        return new ColumnMapping(columns, problems);
    }

    private static int columnIndex(Table table, String key) {
        for (int i = 0; i < table.headers().size(); i++) {
            if (table.headers().get(i).equals(key.strip())) {
                return i;
            }
        }
        for (int i = 0; i < table.headers().size(); i++) {
            if (Text.normalize(table.headers().get(i)).equals(Text.normalize(key))) {
                return i;
            }
        }
        if (key.strip().matches("[A-Za-z]{1,2}")) {
            for (int i = 0; i < table.headers().size(); i++) {
                if (Text.columnLetter(i).equalsIgnoreCase(key.strip())) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** A mapped use whose round and session exist in the programme. */
    private static ColumnUse checked(Table table, Programme programme, ColumnUse use, String source, String key)
            throws ImportException {
        String where = source + ", column \"" + key + "\"";
        if (use.round() != null && !programme.isChoiceRound(use.round())) {
            throw new ImportException(table.file(), where, "unknown round \"" + use.round() + "\" (the choice rounds: "
                    + String.join(", ", programme.choiceRoundIds()) + ")");
        }
        if (use.kind() == ColumnUse.Kind.GRID) {
            Programme.Match match = programme.match(use.session(), use.round());
            if (!(match instanceof Programme.Chosen chosen)) {
                throw new ImportException(table.file(), where, "\"" + use.session() + "\" is no session of the programme"
                        + suggestionText(match));
            }
            return new ColumnUse(ColumnUse.Kind.GRID, use.round(), 0, chosen.session().id(), null);
        }
        return use;
    }

    private static ColumnUse guess(Table table, Programme programme, int index, List<String> problems) {
        String header = table.headers().get(index);
        String normalized = Text.normalize(header);
        if (normalized.isEmpty() || header.startsWith("(column ")) {
            return ColumnUse.of(ColumnUse.Kind.IGNORE);
        }
        if (any(normalized, EMAIL)) {
            return ColumnUse.of(ColumnUse.Kind.EMAIL);
        }
        Matcher grid = GRID.matcher(header);
        if (grid.matches()) {
            String round = programme.roundIn(grid.group(1));
            Programme.Match match = programme.match(grid.group(2), round);
            if (match instanceof Programme.Chosen chosen) {
                return new ColumnUse(ColumnUse.Kind.GRID, round, 0, chosen.session().id(), null);
            }
            String question = Text.normalize(grid.group(1));
            if (any(question, CHOICE) || any(question, RANKING) || programme.roundIn(grid.group(1)) != null) {
                problems.add(table.columnName(index) + ": [" + grid.group(2) + "] is no session of the programme"
                        + suggestionText(match) + "; the column is not used (map it with --column \"…=grid:SESSION\")");
                return ColumnUse.of(ColumnUse.Kind.IGNORE);
            }
            // Brackets in a header that asks no session question ("Functie [optioneel]"): an ordinary column.
        }
        if (any(normalized, IGNORED) && !any(normalized, TIMESTAMP)) {
            return ColumnUse.of(ColumnUse.Kind.IGNORE);
        }
        if (any(normalized, TIMESTAMP)) {
            return ColumnUse.of(ColumnUse.Kind.TIMESTAMP);
        }
        for (Map.Entry<List<String>, ColumnUse> tag : TAGS.entrySet()) {
            if (any(normalized, tag.getKey())) {
                return tag.getValue();
            }
        }
        if (any(normalized, ROUNDS)) {
            return ColumnUse.of(ColumnUse.Kind.ROUNDS);
        }
        if (any(normalized, NAME)) {
            return ColumnUse.of(ColumnUse.Kind.NAME);
        }
        return guessChoice(table, programme, index, normalized);
    }

    /** A column of session answers, judged by its header words and by what the answers match. */
    private static ColumnUse guessChoice(Table table, Programme programme, int index, String normalized) {
        String round = programme.roundIn(table.headers().get(index));
        boolean choiceWords = any(normalized, CHOICE);
        Integer headerRank = Text.rank(Programme.withoutRoundNumber(normalized));
        int answered = 0;
        int singles = 0;
        int lists = 0;
        int chosen = 0;
        Map<String, Integer> roundsOfChosen = new LinkedHashMap<>();
        for (Table.Row row : table.rows()) {
            String cell = row.cell(index);
            if (cell.isEmpty()) {
                continue;
            }
            answered++;
            Programme.Match single = programme.match(cell, round);
            if (single instanceof Programme.Chosen one) {
                singles++;
                chosen++;
                count(roundsOfChosen, one.session());
                continue;
            }
            if (single instanceof Programme.NoSession || single instanceof Programme.NoPreference) {
                singles++;
                continue;
            }
            List<Programme.Match> many = programme.matchList(cell, round);
            if (many.size() >= 2 && many.stream().allMatch(m -> m instanceof Programme.Chosen)) {
                lists++;
                chosen++;
                many.forEach(m -> count(roundsOfChosen, ((Programme.Chosen) m).session()));
            }
        }
        ColumnUse use;
        if (chosen > 0 && lists > 0 && 2 * (lists + singles) >= answered) {
            use = new ColumnUse(any(normalized, RANKING) ? ColumnUse.Kind.RANKING : ColumnUse.Kind.CHECKBOX, round, 0,
                    null, null);
        } else if (chosen > 0 && 2 * singles >= answered || choiceWords && headerRank != null) {
            use = new ColumnUse(ColumnUse.Kind.CHOICE, round, headerRank == null ? 1 : headerRank, null, null);
        } else {
            return ColumnUse.of(ColumnUse.Kind.IGNORE);
        }
        if (round == null && !roundsOfChosen.isEmpty()) {
            // The header names no round: in a fixed programme the sessions answered tell it.
            int total = roundsOfChosen.values().stream().mapToInt(Integer::intValue).sum();
            for (Map.Entry<String, Integer> entry : roundsOfChosen.entrySet()) {
                if (entry.getValue() * 20 >= total * 19) {
                    use = use.inRound(entry.getKey());
                }
            }
        }
        return use;
    }

    private static void count(Map<String, Integer> roundsOfChosen, Programme.Choice session) {
        if (session.rounds().size() == 1) {
            roundsOfChosen.merge(session.rounds().get(0), 1, Integer::sum);
        } else {
            roundsOfChosen.merge("", 1, Integer::sum);
        }
    }

    private static boolean any(String normalized, List<String> phrases) {
        return phrases.stream().anyMatch(phrase -> Text.hasWords(normalized, phrase));
    }

    static String suggestionText(Programme.Match match) {
        if (match instanceof Programme.Unmatched unmatched && !unmatched.suggestions().isEmpty()) {
            return "; did you mean " + unmatched.suggestions().stream().map(Programme.Choice::describe)
                    .collect(Collectors.joining(" or ")) + "?";
        }
        if (match instanceof Programme.Ambiguous ambiguous) {
            return "; it could be " + ambiguous.candidates().stream().map(Programme.Choice::describe)
                    .collect(Collectors.joining(" or "));
        }
        return "";
    }

    // ************************************************************************
    // Mapping files
    // ************************************************************************

    /**
     * A mapping file, JSON or YAML (by its extension): {@code {"columns": {"HEADER": "USE", …}}}.
     */
    public static Map<String, String> readFile(Path file) throws ImportException, IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? new YAMLMapper() : Json.MAPPER;
        JsonNode root;
        try {
            root = mapper.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ImportException(file, null, "mapping file not found");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var location = e.getLocation();
            throw new ImportException(file, location == null ? null : "line " + location.getLineNr(),
                    "not a valid mapping file: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("columns").isObject()) {
            throw new ImportException(file, null, "a mapping file is {\"columns\": {\"HEADER\": \"USE\", …}} "
                    + "(in YAML: columns: then one HEADER: USE per line)");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!field.equals("columns")) {
                throw new ImportException(file, field, "unknown field (a mapping file has only \"columns\")");
            }
        }
        Map<String, String> columns = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("columns").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isTextual()) {
                throw new ImportException(file, "columns.\"" + entry.getKey() + "\"", "the use must be text, e.g. "
                        + "\"choice:r1:1\" or \"tag:gemeente\"");
            }
            columns.put(entry.getKey(), entry.getValue().asText());
        }
        return columns;
    }
}

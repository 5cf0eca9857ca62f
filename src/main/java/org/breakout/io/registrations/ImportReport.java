package org.breakout.io.registrations;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.io.Json;

/**
 * What an import did, for the organiser: rows read, attendees made, every merge of a double registration, every
 * answer that could not be used (with row and column), rows that could not be used and why, rounds and sessions
 * nobody chose. Names and e-mail addresses are not in it: rows and attendee ids say who.
 */
public final class ImportReport {

    /** An answer that was not used, or was used but should be looked at. */
    public record Problem(int row, String column, String answer, String message) {

        @Override
        public String toString() {
            return "row " + row + ", " + column + (answer == null ? "" : ": \"" + answer + "\"") + " " + message;
        }
    }

    /** Rows of the same person (same e-mail, or same name without e-mail): the latest is kept. */
    public record Merge(String attendee, String sameWhat, List<Integer> rows, int kept, String keptBecause) {

        @Override
        public String toString() {
            return attendee + ": rows " + rows.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")
                    + " (same " + sameWhat + "): row " + kept + " kept (" + keptBecause + ")";
        }
    }

    /** A row that made no attendee. */
    public record SkippedRow(int row, String reason) {

        @Override
        public String toString() {
            return "row " + row + ": " + reason;
        }
    }

    final String export;
    final String format;
    final List<String> notes = new ArrayList<>();
    final List<ColumnMapping.Column> columns = new ArrayList<>();
    final List<String> columnProblems = new ArrayList<>();
    int rowsRead;
    int attendees;
    final List<String> replaced = new ArrayList<>();
    final List<Merge> merges = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    final List<SkippedRow> skippedRows = new ArrayList<>();
    final List<String> roundsNobodyChose = new ArrayList<>();
    final List<String> sessionsNobodyChose = new ArrayList<>();

    ImportReport(String export, String format) {
        this.export = export;
        this.format = format;
    }

    public int rowsRead() {
        return rowsRead;
    }

    public int attendees() {
        return attendees;
    }

    public List<Merge> merges() {
        return List.copyOf(merges);
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public List<SkippedRow> skippedRows() {
        return List.copyOf(skippedRows);
    }

    public List<String> replaced() {
        return List.copyOf(replaced);
    }

    public List<String> roundsNobodyChose() {
        return List.copyOf(roundsNobodyChose);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    public List<String> columnProblems() {
        return List.copyOf(columnProblems);
    }

    /** The report as text, as {@code breakout import} prints it. */
    public String format() {
        StringBuilder text = new StringBuilder();
        text.append("Imported    ").append(export).append(" (").append(format).append(")\n");
        for (String note : notes) {
            text.append("Note        ").append(note).append('\n');
        }
        text.append("Rows        ").append(rowsRead).append(" read, ").append(attendees).append(" attendees made");
        if (!merges.isEmpty()) {
            text.append(", ").append(merges.size()).append(merges.size() == 1 ? " double registration merged"
                    : " double registrations merged");
        }
        if (!skippedRows.isEmpty()) {
            text.append(", ").append(skippedRows.size()).append(" row(s) not used");
        }
        text.append('\n');
        if (!replaced.isEmpty()) {
            text.append("Replaced    ").append(replaced.size()).append(" attendee(s) of the programme with the same id: ")
                    .append(String.join(", ", replaced)).append('\n');
        }
        text.append("Answers     ").append(problems.isEmpty() ? "every answer matched a session"
                : problems.size() + " answer(s) to look at (below)").append('\n');
        text.append("Rounds      ").append(roundsNobodyChose.isEmpty() ? "every round was chosen by someone"
                : "nobody chose a session in " + String.join(", ", roundsNobodyChose)).append('\n');
        List<String> ignored = columns.stream().filter(c -> c.use().kind() == ColumnUse.Kind.IGNORE)
                .map(c -> Text.columnLetter(c.index()) + " \"" + c.header() + "\"").toList();
        if (!ignored.isEmpty()) {
            text.append("Ignored     column").append(ignored.size() == 1 ? " " : "s ").append(String.join(", ", ignored))
                    .append(" (map one with --column \"HEADER=USE\" if it matters)\n");
        }
        if (!sessionsNobodyChose.isEmpty()) {
            text.append("Sessions    nobody chose ").append(String.join(", ", sessionsNobodyChose)).append('\n');
        }
        section(text, "Columns not understood", columnProblems);
        section(text, "Merged (the latest registration counts)", merges);
        section(text, "Answers not used or to check", problems);
        section(text, "Rows not used", skippedRows);
        return text.toString();
    }

    private static void section(StringBuilder text, String title, List<?> lines) {
        if (lines.isEmpty()) {
            return;
        }
        text.append('\n').append(title).append(":\n");
        lines.forEach(line -> text.append("  ").append(line).append('\n'));
    }

    /** The report as JSON ({@code --report FILE.json}). */
    public ObjectNode toJson() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("export", export);
        root.put("format", format);
        strings(root.putArray("notes"), notes);
        ArrayNode columnNodes = root.putArray("columns");
        for (ColumnMapping.Column column : columns) {
            columnNodes.addObject().put("column", Text.columnLetter(column.index())).put("header", column.header())
                    .put("use", column.use().toString()).put("from", column.mapped() ? "mapping" : "guess");
        }
        strings(root.putArray("columnProblems"), columnProblems);
        root.put("rowsRead", rowsRead);
        root.put("attendees", attendees);
        strings(root.putArray("replaced"), replaced);
        ArrayNode mergeNodes = root.putArray("merges");
        for (Merge merge : merges) {
            ObjectNode node = mergeNodes.addObject().put("attendee", merge.attendee()).put("same", merge.sameWhat());
            ArrayNode rows = node.putArray("rows");
            merge.rows().forEach(rows::add);
            node.put("kept", merge.kept()).put("because", merge.keptBecause());
        }
        ArrayNode problemNodes = root.putArray("problems");
        for (Problem problem : problems) {
            ObjectNode node = problemNodes.addObject().put("row", problem.row()).put("column", problem.column());
            if (problem.answer() != null) {
                node.put("answer", problem.answer());
            }
            node.put("message", problem.message());
        }
        ArrayNode skipped = root.putArray("skippedRows");
        skippedRows.forEach(row -> skipped.addObject().put("row", row.row()).put("reason", row.reason()));
        strings(root.putArray("roundsNobodyChose"), roundsNobodyChose);
        strings(root.putArray("sessionsNobodyChose"), sessionsNobodyChose);
        return root;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}

package org.breakout.io.registrations;

import java.nio.file.Path;
import java.util.List;

/**
 * A registration export as read: the header row and the data rows, every cell as text.
 *
 * @param format how the file was read, for the report ("CSV, UTF-8 with BOM, separator ';'")
 * @param notes what the reader had to decide that the organiser should know (e.g. a Windows-1252 fallback)
 */
public record Table(Path file, String format, List<String> headers, List<Row> rows, List<String> notes) {

    /**
     * One data row.
     *
     * @param number the row number as a spreadsheet shows it (the header is row 1)
     */
    public record Row(int number, List<String> cells) {

        /** The cell in a column, trimmed; "" when the row is shorter. */
        public String cell(int column) {
            return column < cells.size() && cells.get(column) != null ? cells.get(column).trim() : "";
        }

        public boolean isBlank() {
            return cells.stream().allMatch(cell -> cell == null || cell.isBlank());
        }
    }

    /** The spreadsheet name of a column: 0 → A, 25 → Z, 26 → AA. */
    public static String columnLetter(int index) {
        return Text.columnLetter(index);
    }

    /** "column C "Ronde 1 – eerste keuze"", as messages name a column. */
    public String columnName(int column) {
        return "column " + Text.columnLetter(column) + " \"" + headers.get(column) + "\"";
    }
}

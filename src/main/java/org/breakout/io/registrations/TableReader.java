package org.breakout.io.registrations;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads a registration export into a {@link Table}: CSV or tab-separated text (separator ',', ';' or tab,
 * guessed from the header row; UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252 where UTF-8 fails;
 * quoted fields may hold newlines) or an .xlsx workbook (its first sheet; date cells become ISO date-times).
 */
public final class TableReader {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TableReader() {
    }

    public static Table read(Path file) throws ImportException, IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImportException(file, null, "file not found");
        }
        if (startsWith(bytes, 0x50, 0x4B, 0x03, 0x04)) { // a zip: .xlsx
            return readXlsx(file, bytes);
        }
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) { // an OLE2 compound file: .xls
            throw new ImportException(file, null, "an old Excel workbook (.xls): save it as .xlsx or CSV and import that");
        }
        return readText(file, bytes);
    }

    private static boolean startsWith(byte[] bytes, int... signature) {
        if (bytes.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    // ************************************************************************
    // CSV and tab-separated text
    // ************************************************************************

    private static Table readText(Path file, byte[] bytes) throws ImportException {
        List<String> notes = new ArrayList<>();
        String encoding;
        String text;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            encoding = "UTF-8 with BOM";
            text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        } else if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            encoding = "UTF-16";
            text = new String(bytes, StandardCharsets.UTF_16);
        } else {
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
                encoding = "UTF-8";
            } catch (CharacterCodingException e) {
                text = WINDOWS_1252.decode(ByteBuffer.wrap(bytes)).toString();
                encoding = "Windows-1252";
                notes.add("the file is not UTF-8: read as Windows-1252 (what Excel on Windows saves as \"CSV\"); "
                        + "check that accented letters look right, or save it as \"CSV UTF-8\"");
            }
        }
        String firstLine = text.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
        String trimmed = firstLine.strip();
        if (trimmed.isEmpty()) {
            throw new ImportException(file, null, "the file is empty: export the form responses again");
        }
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            throw new ImportException(file, "row 1", "this is JSON, not a table of registrations (an event file "
                    + "is the PROGRAMME argument; the export is a CSV or .xlsx of the form responses)");
        }
        char separator = separator(firstLine);
        if (separator == 0) {
            throw new ImportException(file, "row 1", "not a table: the header row has no ',', ';' or tab between "
                    + "column names (export the responses as CSV or .xlsx)");
        }
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator).withQuoteChar('"');
        List<List<String>> records = new ArrayList<>();
        try (MappingIterator<List<String>> it = CSV.readerForListOf(String.class).with(schema).readValues(text)) {
            while (it.hasNextValue()) {
                records.add(it.nextValue());
            }
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw new ImportException(file, location == null ? null : "line " + location.getLineNr(),
                    "not readable as CSV: " + e.getOriginalMessage() + " (is a quote missing?)");
        } catch (IOException e) {
            throw new ImportException(file, null, "not readable as CSV: " + e.getMessage());
        }
        String separatorName = separator == '\t' ? "tab" : "'" + separator + "'";
        return table(file, "CSV, " + encoding + ", separator " + separatorName, records, notes);
    }

    /** The separator that occurs most often outside quotes in the header row; 0 when none does. */
    static char separator(String headerLine) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (char c : headerLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (tabs > 0 && tabs >= commas && tabs >= semicolons) {
            return '\t';
        }
        if (semicolons > 0 && semicolons >= commas) {
            return ';';
        }
        return commas > 0 ? ',' : 0;
    }

    // ************************************************************************
    // .xlsx
    // ************************************************************************

    private static Table readXlsx(Path file, byte[] bytes) throws ImportException {
        List<List<String>> records = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes),
                new ReadingOptions(true, false))) {
            Sheet sheet = workbook.getFirstSheet();
            try (Stream<Row> rows = sheet.openStream()) {
                for (Row row : (Iterable<Row>) rows::iterator) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        cells.add(text(row.getCell(i)));
                    }
                    records.add(cells);
                    numbers.add(row.getRowNum());
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new ImportException(file, null, "not a readable .xlsx workbook: " + e.getMessage());
        }
        Table table = table(file, "xlsx (first sheet)", records, List.of());
        // Rows of a sheet may be missing (skipped blank rows): keep the sheet's own row numbers.
        List<Table.Row> rows = new ArrayList<>();
        for (Table.Row row : table.rows()) {
            rows.add(new Table.Row(numbers.get(row.number() - 1), row.cells()));
        }
        return new Table(file, table.format(), table.headers(), rows, table.notes());
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY || cell.getType() == CellType.ERROR) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            if (isDateFormat(cell)) {
                LocalDateTime date = cell.asDate();
                // A date cell is a fraction of a day: round to the second (09:00:18.9999 is 09:00:19).
                return Timestamps.ISO_SECONDS.format(date.plusNanos(500_000_000).withNano(0));
            }
            BigDecimal number = cell.asNumber();
            return number.stripTrailingZeros().toPlainString();
        }
        if (cell.getType() == CellType.BOOLEAN) {
            return String.valueOf(cell.asBoolean()).toUpperCase(Locale.ROOT);
        }
        String text = cell.getText();
        return text == null ? "" : text;
    }

    private static boolean isDateFormat(Cell cell) {
        Integer id = cell.getDataFormatId();
        if (id != null && (id >= 14 && id <= 22 || id >= 45 && id <= 47)) {
            return true;
        }
        String format = cell.getDataFormatString();
        return format != null && !format.equalsIgnoreCase("general")
                && format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase(Locale.ROOT).matches(".*[ydhs].*");
    }

    // ************************************************************************

    private static Table table(Path file, String format, List<List<String>> records, List<String> notes)
            throws ImportException {
        if (records.isEmpty()) {
            throw new ImportException(file, null, "the table is empty: export the form responses again");
        }
        List<String> headers = new ArrayList<>();
        for (String header : records.get(0)) {
            headers.add(header == null ? "" : header.strip());
        }
        while (!headers.isEmpty() && headers.get(headers.size() - 1).isEmpty()) {
            headers.remove(headers.size() - 1);
        }
        if (headers.size() < 2) {
            throw new ImportException(file, "row 1", "not a table: the header row has fewer than two column names");
        }
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).isEmpty()) {
                headers.set(i, "(column " + Text.columnLetter(i) + ")");
            }
        }
        List<Table.Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            rows.add(new Table.Row(i + 1, List.copyOf(records.get(i).stream().map(c -> c == null ? "" : c).toList())));
        }
        return new Table(file, format, List.copyOf(headers), List.copyOf(rows), List.copyOf(notes));
    }

}

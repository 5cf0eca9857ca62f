package org.breakout.io.registrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableReaderTest {

    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = { ",", ";", "\t" })
    void everySeparatorWithQuotedFieldsHoldingNewlines(String separator) throws Exception {
        String text = String.join(separator, "Naam", "E-mail", "Opmerking") + "\r\n"
                + String.join(separator, "Anne", "anne@example.nl", "\"twee\nregels, en \"\"quotes\"\"\"") + "\r\n"
                + String.join(separator, "Bert", "bert@example.nl", "") + "\r\n";
        Table table = TableReader.read(file("export.csv", text.getBytes(StandardCharsets.UTF_8)));

        assertThat(table.headers()).containsExactly("Naam", "E-mail", "Opmerking");
        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(0).cell(2)).isEqualTo("twee\nregels, en \"quotes\"");
        // Rows are numbered as a spreadsheet shows them: the header is row 1, however many lines a cell has.
        assertThat(table.rows().get(1).number()).isEqualTo(3);
        assertThat(table.rows().get(1).cell(0)).isEqualTo("Bert");
        assertThat(table.format()).contains(separator.equals("\t") ? "tab" : "'" + separator + "'");
    }

    @Test
    void utf8WithBomAndUtf16AndWindows1252() throws Exception {
        String text = "Naam;Sessie\r\nJosé;Één regio\r\n";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);

        Table withBom = TableReader.read(file("bom.csv", bom));
        assertThat(withBom.headers().get(0)).isEqualTo("Naam");
        assertThat(withBom.format()).contains("UTF-8 with BOM");
        assertThat(withBom.notes()).isEmpty();

        Table utf16 = TableReader.read(file("utf16.txt", text.getBytes(StandardCharsets.UTF_16)));
        assertThat(utf16.rows().get(0).cell(1)).isEqualTo("Één regio");

        Table windows = TableReader.read(file("excel.csv", text.getBytes(Charset.forName("windows-1252"))));
        assertThat(windows.rows().get(0).cell(0)).isEqualTo("José");
        assertThat(windows.rows().get(0).cell(1)).isEqualTo("Één regio");
        assertThat(windows.format()).contains("Windows-1252");
        assertThat(windows.notes()).singleElement().asString().contains("not UTF-8").contains("Windows-1252");
    }

    @Test
    void xlsxCellsAsTextAndDatesAsIsoTimes() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(bytes, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("Form1");
        sheet.value(0, 0, "Completion time");
        sheet.value(0, 1, "Email");
        sheet.value(0, 2, "Aantal");
        sheet.value(1, 0, LocalDateTime.of(2025, 4, 16, 9, 0, 19));
        sheet.style(1, 0).format("yyyy-mm-dd hh:mm:ss").set();
        sheet.value(1, 1, "anne@example.nl");
        sheet.value(1, 2, 3);
        workbook.finish();

        Table table = TableReader.read(file("forms.xlsx", bytes.toByteArray()));

        assertThat(table.headers()).containsExactly("Completion time", "Email", "Aantal");
        assertThat(table.rows().get(0).cells()).containsExactly("2025-04-16T09:00:19", "anne@example.nl", "3");
        assertThat(table.rows().get(0).number()).isEqualTo(2);
    }

    @Test
    void filesThatAreNoTableAreRejectedWithFileAndRow() throws Exception {
        assertThatThrownBy(() -> TableReader.read(file("empty.csv", new byte[0])))
                .isInstanceOf(ImportException.class).hasMessageContaining("empty.csv").hasMessageContaining("empty");
        assertThatThrownBy(() -> TableReader.read(file("event.csv", "{ \"rounds\": [] }".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("event.csv, row 1: this is JSON, not a table");
        assertThatThrownBy(() -> TableReader.read(file("words.txt", "just some words\nmore\n".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("words.txt, row 1: not a table");
        byte[] ole2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0 };
        assertThatThrownBy(() -> TableReader.read(file("old.xls", ole2))).hasMessageContaining("old.xls")
                .hasMessageContaining(".xls");
        assertThatThrownBy(() -> TableReader.read(dir.resolve("missing.csv"))).hasMessageContaining("missing.csv: file not found");
    }

    @Test
    void separatorIsTheOneThatSplitsTheHeader() {
        assertThat(TableReader.separator("a;b;\"c,d\"")).isEqualTo(';');
        assertThat(TableReader.separator("a,b,c")).isEqualTo(',');
        assertThat(TableReader.separator("a\tb, c\td")).isEqualTo('\t');
        assertThat(TableReader.separator("\"a,b\"")).isEqualTo((char) 0);
        assertThat(List.of(TableReader.separator("x"))).containsExactly((char) 0);
    }
}

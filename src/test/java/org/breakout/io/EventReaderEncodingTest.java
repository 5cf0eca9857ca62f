package org.breakout.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Event files as editors save them: with a UTF-8 byte order mark, or not in UTF-8 at all. */
class EventReaderEncodingTest {

    private static final String EVENT = """
            { "name": "Café-dag",
              "rounds": [ { "id": "R1" } ], "rooms": [ { "id": "zaal", "capacity": 5 } ],
              "sessions": [ { "id": "S1", "title": "Één sessie" } ],
              "attendees": [ { "id": "A1", "preferences": ["S1"] } ] }
            """;

    @TempDir
    Path dir;

    @Test
    void acceptsAByteOrderMark() throws Exception {
        Path file = dir.resolve("bom.json");
        byte[] text = EVENT.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Files.write(file, withBom);

        LoadedEvent loaded = EventReader.read(file);

        assertThat(loaded.document().get("name").asText()).isEqualTo("Café-dag");
        assertThat(loaded.schedule().getSessions().get(0).title()).isEqualTo("Één sessie");
    }

    @Test
    void reportsAFileThatIsNotUtf8WithItsLine() throws Exception {
        Path file = dir.resolve("latin.json");
        Files.write(file, EVENT.getBytes(Charset.forName("windows-1252")));

        assertThatThrownBy(() -> EventReader.read(file))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("latin.json: 1 problem")
                .hasMessageContaining("line 1: not UTF-8 text (byte 0xE9)")
                .hasMessageNotContaining("Input length");
    }
}

package org.breakout.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streamed file is the rendered text, byte for byte, and it replaces the old file without leaving a temporary. */
class JsonFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesExactlyTheRenderedTextAndReplacesTheOldFile() throws Exception {
        ObjectNode document = Json.MAPPER.createObjectNode();
        document.put("name", "Zoë's café — \"Schiedam\"\tG40 \u0001 😀");
        document.putArray("rounds").add(1).add(2.5).addObject().put("empty", "");
        Path target = dir.resolve("schedule.json");
        Files.writeString(target, "old");

        JsonFiles.write(document, target);

        byte[] written = Files.readAllBytes(target);
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(JsonFiles.render(document));
        assertThat(written).isEqualTo(JsonFiles.render(document).getBytes(StandardCharsets.UTF_8));
        JsonNode back = Json.MAPPER.readTree(written);
        assertThat(back).isEqualTo(document);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}

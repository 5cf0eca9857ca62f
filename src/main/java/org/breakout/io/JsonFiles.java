package org.breakout.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;

/** The one way breakout writes a file: stable bytes, and atomically (temporary file beside the target, then rename). */
public final class JsonFiles {

    private JsonFiles() {
    }

    /**
     * The document as text: pretty printed with "\n" line ends on every platform and a final newline, so the
     * same document gives the same bytes everywhere.
     */
    public static String render(JsonNode document) {
        try {
            return writer().writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * Writes the document as {@link #render} renders it, atomically, streamed into the file: a schedule of 50,000
     * attendees is about 90 MB of text, which as a string and then as bytes would need twice that on the heap.
     */
    public static void write(JsonNode document, Path target) throws IOException {
        writeAtomically(out -> {
            // Through a character writer, as render: Jackson's byte generator would escape characters outside the
            // Basic Multilingual Plane (emoji in a name) that the text keeps as they are.
            Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(text, document);
            text.write('\n');
            text.flush();
        }, target);
    }

    private static ObjectWriter writer() {
        return Json.MAPPER.writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
    }

    /** Writes text atomically: readers see the old file or the new one, never half of one. */
    public static void writeAtomically(String text, Path target) throws IOException {
        writeAtomically(text.getBytes(StandardCharsets.UTF_8), target);
    }

    /** Writes bytes atomically (a CSV in another encoding, a workbook): the same temporary-file-and-rename. */
    public static void writeAtomically(byte[] bytes, Path target) throws IOException {
        writeAtomically(out -> out.write(bytes), target);
    }

    /** What writes a file's content into its stream. */
    @FunctionalInterface
    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static void writeAtomically(Content content, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = Objects.requireNonNull(absolute.getParent());
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                content.writeTo(out);
            }
            keepPermissions(temp, absolute);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * A temporary file is private (rw-------); give the new file the target's permissions when it exists, else
     * rw-r--r--, as a file written directly would get.
     */
    private static void keepPermissions(Path temp, Path target) throws IOException {
        if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Files.setPosixFilePermissions(temp, Files.exists(target) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--"));
    }
}

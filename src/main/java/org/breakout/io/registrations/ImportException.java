package org.breakout.io.registrations;

import java.nio.file.Path;

/**
 * A registration export (or mapping file) that cannot be imported at all: names the file and, where it
 * applies, the row and column, and says what to fix. Nothing is written when this is thrown.
 */
public class ImportException extends Exception {

    private final Path file;
    private final String where;
    private final String reason;

    public ImportException(Path file, String where, String message) {
        super(file + (where == null || where.isEmpty() ? "" : ", " + where) + ": " + message);
        this.file = file;
        this.where = where == null ? "" : where;
        this.reason = message;
    }

    public Path file() {
        return file;
    }

    /** Row and column (or whatever locates the problem in the file); empty for the file as a whole. */
    public String where() {
        return where;
    }

    /** What is wrong and what to fix, without the file and place. */
    public String reason() {
        return reason;
    }
}

package org.breakout.io.registrations;

import java.nio.file.Path;

/**
 * A registration export (or mapping file) that cannot be imported at all: names the file and, where it
 * applies, the row and column, and says what to fix. Nothing is written when this is thrown.
 */
public class ImportException extends Exception {

    public ImportException(Path file, String where, String message) {
        super(file + (where == null || where.isEmpty() ? "" : ", " + where) + ": " + message);
    }
}

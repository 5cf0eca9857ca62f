package org.breakout.io;

/** One thing wrong with an input file: where (a JSON path such as {@code attendees[3].preferences[0]}) and what. */
public record Problem(String path, String message) {

    @Override
    public String toString() {
        return (path == null || path.isEmpty() ? "(document)" : path) + ": " + message;
    }
}

package org.breakout.reallocate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Inputs that cannot be reallocated as they are: every problem, each naming its file and JSON path. Nothing is
 * written when this is thrown.
 */
public class BadInputException extends Exception {

    /** One problem: the file, the JSON path in it, and what to fix. */
    public record FileProblem(String file, String path, String message) {
        @Override
        public String toString() {
            return file + ": " + (path == null || path.isEmpty() ? "(document)" : path) + ": " + message;
        }
    }

    private final List<FileProblem> problems;

    public BadInputException(List<FileProblem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public List<FileProblem> problems() {
        return problems;
    }

    private static String format(List<FileProblem> problems) {
        String header = (problems.size() == 1 ? "1 problem" : problems.size() + " problems")
                + " to fix before reallocating";
        return problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n", header + "\n", ""));
    }
}

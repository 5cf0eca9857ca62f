package org.breakout.io;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** An event file that cannot be solved as it is; lists every problem found, each with its JSON path. */
public class EventFormatException extends Exception {

    private final transient Path file;
    private final List<Problem> problems;

    public EventFormatException(Path file, List<Problem> problems) {
        super(format(file, problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public Path file() {
        return file;
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String format(Path file, List<Problem> problems) {
        String header = (file == null ? "event" : file.toString()) + ": "
                + (problems.size() == 1 ? "1 problem" : problems.size() + " problems") + " to fix before solving";
        return problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n", header + "\n", ""));
    }
}

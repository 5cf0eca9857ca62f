package org.breakout.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the real command line in-process, with what it printed: the shared helper of CLI tests. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BreakoutCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}

package org.breakout.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code breakout} command line: one subcommand per job. */
@Command(name = "breakout", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Places parallel sessions in rounds and rooms and seats every attendee in the sessions "
                + "they asked for, optimally (Timefold Solver).",
        subcommands = { SolveCommand.class, ImportCommand.class, ExportCommand.class, ExplainCommand.class,
                ReallocateCommand.class, ServeCommand.class, GenerateCommand.class, BoundCommand.class, BenchmarkCommand.class,
                CommandLine.HelpCommand.class },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:solved; no hard rule broken",
                "1:internal error (a bug: please report it with the input)",
                "2:usage error (unknown option, missing argument)",
                "3:bad input: the event file is missing or invalid; nothing written",
                "4:solved and written, but hard rules are broken",
                "5:reallocated and written, but some newcomers could not be seated",
                "6:reallocate: another run holds the output's lock; nothing written",
                "7:out of memory: the message says which -Xmx to try; solve writes the best schedule it had, "
                        + "marked not final" },
        footerHeading = "%nMemory:%n",
        footer = { "The ./breakout launcher gives Java 75 %% of the machine's memory (-XX:MaxRAMPercentage=75) unless "
                + "BREAKOUT_JAVA_OPTS sets -Xmx or MaxRAMPercentage itself, e.g. BREAKOUT_JAVA_OPTS=-Xmx8g ./breakout "
                + "solve big.json. A command that runs out of memory says so (exit code 7) with the heap to try." })
public class BreakoutCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        OutOfMemory.installUncaughtHandler();
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit code (tests call this). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new BreakoutCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (OutOfMemory.causedBy(e)) {
                return outOfMemory(cmd.getErr(), cmd.getCommandName());
            }
            cmd.getErr().println("breakout: internal error: " + e);
            cmd.getErr().println("Please report this with the input file; details follow.");
            e.printStackTrace(cmd.getErr());
            return ExitCodes.INTERNAL_ERROR;
        });
        try {
            OutOfMemory.reserve();
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            // An Error is not an Exception: picocli lets it through. Any command that did not handle it itself.
            return outOfMemory(err, args.length > 0 ? args[0] : "breakout");
        } finally {
            OutOfMemory.release();
        }
    }

    private static int outOfMemory(PrintWriter err, String command) {
        OutOfMemory.ranOut();
        OutOfMemory.print(err, "running " + command, command + " …");
        err.println("Nothing more was written.");
        err.flush();
        return ExitCodes.OUT_OF_MEMORY;
    }
}

package org.breakout.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.generate.ChangeGenerator;
import org.breakout.io.EventFormatException;
import org.breakout.io.EventReader;
import org.breakout.io.JsonFiles;
import org.breakout.io.LoadedEvent;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code breakout generate changes}: a seeded sample of late registrations, cancellations and changed choices. */
@Command(name = "changes", mixinStandardHelpOptions = true,
        description = { "Make a changes file for `breakout reallocate` from a published schedule: late registrations "
                + "(the same synthetic population as `generate registrations`, ids L0001, …), cancellations and "
                + "changed choices of published attendees drawn at random.",
                "The same schedule, counts and --seed give the same file, byte for byte." })
public class GenerateChangesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PUBLISHED.json", description = "The published schedule.")
    Path published;

    @Option(names = { "-o", "--output" }, paramLabel = "CHANGES.json", required = true,
            description = "Where to write the changes. Written atomically; never the input file.")
    Path output;

    @Option(names = "--late", paramLabel = "N", defaultValue = "40", description = "Late registrations (default: ${DEFAULT-VALUE}).")
    int late;

    @Option(names = "--cancel", paramLabel = "N", defaultValue = "10", description = "Cancellations (default: ${DEFAULT-VALUE}).")
    int cancel;

    @Option(names = "--change", paramLabel = "N", defaultValue = "0",
            description = "Attendees who change their choices (default: ${DEFAULT-VALUE}).")
    int change;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (late < 0 || cancel < 0 || change < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--late, --cancel and --change must be 0 or more");
        }
        try {
            if (Files.exists(output) && Files.exists(published) && Files.isSameFile(output, published)) {
                err.println("breakout: the output " + output + " is the input file; choose another with -o");
                return ExitCodes.USAGE;
            }
        } catch (IOException e) {
            err.println("breakout: cannot check " + output + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        LoadedEvent loaded;
        try {
            loaded = EventReader.read(published);
        } catch (EventFormatException e) {
            err.println(e.getMessage());
            err.println("Nothing was written.");
            return ExitCodes.BAD_INPUT;
        } catch (IOException e) {
            err.println("breakout: cannot read " + published + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        int publishedAttendees = loaded.document().path("attendees").size();
        if (cancel + change > publishedAttendees) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cancel plus --change (" + (cancel + change)
                    + ") is more than the " + publishedAttendees + " published attendees");
        }
        ObjectNode changes = ChangeGenerator.generate(loaded.document(), loaded.schedule(), late, cancel, change, seed);
        try {
            JsonFiles.write(changes, output);
        } catch (IOException e) {
            err.println("breakout: cannot write " + output + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        out.println(changes.path("description").asText());
        out.printf("Written     %s%n", output);
        return ExitCodes.OK;
    }
}

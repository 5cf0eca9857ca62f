package org.breakout.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.breakout.generate.Registrant;
import org.breakout.generate.RegistrationExport;
import org.breakout.generate.RegistrationGenerator;
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

/** {@code breakout generate export}: the synthetic registrations as a form tool would export them. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {
                "Write the synthetic registrations of 'generate registrations' (same programme, --attendees and "
                        + "--seed: the same people and choices) as a form export, for trying 'breakout import'.",
                "Formats: columns (Google Forms, a column per round and choice, Dutch), grid (Google Forms ranking "
                        + "grid, English), checkbox (Google Forms checkboxes re-saved by Excel: ';', Windows-1252), "
                        + "msforms (Microsoft Forms ranking, .xlsx), sheet-tsv and sheet-xlsx (a spreadsheet)." })
public class GenerateExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PROGRAMME.json", description = "The programme (a published one: a round per session).")
    Path programme;

    @Option(names = { "-o", "--output" }, paramLabel = "EXPORT", required = true,
            description = "Where to write the export. Written atomically; never the input file.")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT", required = true,
            description = "columns, grid, checkbox, msforms, sheet-tsv or sheet-xlsx.")
    String format;

    @Option(names = "--attendees", paramLabel = "N", defaultValue = "400",
            description = "How many people register (default: ${DEFAULT-VALUE}).")
    int attendees;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "2025", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--duplicates", paramLabel = "N", defaultValue = "0",
            description = "How many people also registered two days earlier with other choices (default: ${DEFAULT-VALUE}).")
    int duplicates;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RegistrationExport.Format layout;
        try {
            layout = RegistrationExport.Format.of(format);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format: " + e.getMessage());
        }
        if (attendees < 0 || duplicates < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--attendees and --duplicates must be 0 or more");
        }
        LoadedEvent loaded;
        try {
            if (Files.exists(output) && Files.exists(programme) && Files.isSameFile(output, programme)) {
                err.println("breakout: the output " + output + " is the input file; choose another with -o");
                return ExitCodes.USAGE;
            }
            loaded = EventReader.read(programme);
        } catch (EventFormatException e) {
            err.println(e.getMessage());
            err.println("Nothing was written.");
            return ExitCodes.BAD_INPUT;
        } catch (IOException e) {
            err.println("breakout: cannot read " + programme + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        List<Registrant> registrants = RegistrationGenerator.generate(loaded.schedule(), null, attendees, seed);
        byte[] bytes = RegistrationExport.write(layout, loaded.schedule(), registrants, duplicates, seed);
        try {
            JsonFiles.writeAtomically(bytes, output);
        } catch (IOException e) {
            err.println("breakout: cannot write " + output + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        out.printf("Generated %d registrations (%d double, seed %d) as %s%n", registrants.size() + Math.min(duplicates,
                registrants.size()), duplicates, seed, layout.id());
        out.printf("Written     %s%n", output);
        return ExitCodes.OK;
    }
}

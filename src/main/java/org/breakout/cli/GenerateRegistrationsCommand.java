package org.breakout.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.io.JsonFiles;
import org.breakout.generate.DemandReport;
import org.breakout.generate.Registrant;
import org.breakout.generate.RegistrationGenerator;
import org.breakout.io.EventFormatException;
import org.breakout.io.EventReader;
import org.breakout.io.LoadedEvent;
import org.breakout.io.Problem;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code breakout generate registrations}: synthetic attendees for a programme. */
@Command(name = "registrations", mixinStandardHelpOptions = true,
        description = {
                "Fill a programme (an event file; its attendees are replaced) with synthetic registrations: "
                        + "G40 delegations (mayors, aldermen, secretaries, civil servants of about 40 cities) with "
                        + "theme-group memberships, the rounds they want, registration times and ranked choices "
                        + "(ranks restart at 1 in each round of the registration form).",
                "The same programme, --attendees and --seed give the same file, byte for byte." })
public class GenerateRegistrationsCommand implements Callable<Integer> {

    private static final int MAX_WARNINGS_SHOWN = 20;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PROGRAMME.json", description = "The programme: an event file (rounds, rooms, sessions).")
    Path programme;

    @Option(names = { "-o", "--output" }, paramLabel = "EVENT.json", required = true,
            description = "Where to write the event with registrations. Written atomically; never the input file.")
    Path output;

    @Option(names = "--attendees", paramLabel = "N", defaultValue = "400",
            description = "How many attendees to generate (default: ${DEFAULT-VALUE}).")
    int attendees;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "2025",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--sections-from", paramLabel = "PUBLISHED.json",
            description = "Take the registration form's rounds from this version of the programme: people rank the "
                    + "sessions of each of its rounds. Give the published programme when generating for an open "
                    + "timetable of the same event, so that both get the same registrations. Default: the "
                    + "programme itself (a placed session is ranked in its round; unplaced sessions that may go in "
                    + "the same rounds are ranked together).")
    Path sectionsFrom;

    @Option(names = { "-q", "--quiet" }, description = "Do not print the demand table.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (attendees < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--attendees must be 0 or more, not " + attendees);
        }
        for (Path input : sectionsFrom == null ? List.of(programme) : List.of(programme, sectionsFrom)) {
            try {
                if (Files.exists(output) && Files.exists(input) && Files.isSameFile(output, input)) {
                    err.println("breakout: the output " + output + " is an input file; choose another with -o");
                    return ExitCodes.USAGE;
                }
            } catch (IOException e) {
                err.println("breakout: cannot check " + output + ": " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
        }

        LoadedEvent loaded = read(programme, err);
        if (loaded == null) {
            return ExitCodes.BAD_INPUT;
        }
        LoadedEvent form = null;
        if (sectionsFrom != null) {
            form = read(sectionsFrom, err);
            if (form == null) {
                return ExitCodes.BAD_INPUT;
            }
        }
        int replaced = loaded.document().path("attendees").size();
        if (replaced > 0) {
            err.println("warning: " + programme + ": its " + replaced + " attendee(s) are replaced by generated ones");
        }

        List<Registrant> registrants = RegistrationGenerator.generate(loaded.schedule(),
                form == null ? null : form.schedule(), attendees, seed);
        ObjectNode document = RegistrationGenerator.withAttendees(loaded.document(),
                RegistrationGenerator.attendees(registrants));
        LoadedEvent generated;
        try {
            // The result must be a valid event; if not, that is a bug in the generator, not bad input.
            generated = EventReader.parse(output, JsonFiles.render(document));
        } catch (EventFormatException e) {
            throw new IllegalStateException("generated an invalid event:\n" + e.getMessage(), e);
        }
        try {
            JsonFiles.write(document, output);
        } catch (IOException e) {
            err.println("breakout: cannot write " + output + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (!quiet) {
            out.printf("Generated %d attendees (seed %d) for %s%n%n", registrants.size(), seed, programme);
            out.print(DemandReport.of(generated.schedule()).format());
            out.println();
        }
        out.printf("Written     %s%n", output);
        return ExitCodes.OK;
    }

    private static LoadedEvent read(Path file, PrintWriter err) {
        LoadedEvent loaded;
        try {
            loaded = EventReader.read(file);
        } catch (EventFormatException e) {
            err.println(e.getMessage());
            err.println("Nothing was written.");
            return null;
        } catch (IOException e) {
            err.println("breakout: cannot read " + file + ": " + e.getMessage());
            err.println("Nothing was written.");
            return null;
        }
        List<Problem> warnings = loaded.warnings();
        warnings.stream().limit(MAX_WARNINGS_SHOWN).forEach(w -> err.println("warning: " + file + ": " + w));
        if (warnings.size() > MAX_WARNINGS_SHOWN) {
            err.println("warning: … and " + (warnings.size() - MAX_WARNINGS_SHOWN) + " more warnings");
        }
        return loaded;
    }
}

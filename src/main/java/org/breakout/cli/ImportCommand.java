package org.breakout.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code breakout import}: a form export (CSV, .xlsx) becomes the attendees of an event file. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {
                "Read the registrations of a form export (Google Forms, Microsoft Forms, a registration site's CSV, a "
                        + "spreadsheet; .csv, .tsv or .xlsx) and write the programme with them as attendees.",
                "Columns are guessed from their headers and answers; check the guess with --dry-run and correct it "
                        + "with --column or --mapping. Sessions are matched by id or title (case, spacing, punctuation "
                        + "and accents do not matter); answers that match nothing are reported with row, column and "
                        + "the nearest titles. The same e-mail registered twice: the latest registration counts.",
                "See docs/import.md." })
public class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROGRAMME.json",
            description = "The programme: an event file, with or without attendees (imported ones are added; "
                    + "one with the same id is replaced).")
    Path programme;

    @Parameters(index = "1", paramLabel = "EXPORT", description = "The form export: .csv, .tsv, .txt or .xlsx.")
    Path export;

    @Option(names = { "-o", "--output" }, paramLabel = "EVENT.json",
            description = "Where to write the event (default: EXPORT-event.json beside the export). Written "
                    + "atomically; never an input file.")
    Path output;

    @Option(names = "--dry-run", description = "Print the guessed column mapping, the first rows as read and the "
            + "report; write nothing.")
    boolean dryRun;

    @Mixin
    ImportOptions options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path target = output != null ? output : defaultOutput(export);
        RegistrationsImport.Outcome outcome = RegistrationsImport.run(programme, export, options, target, dryRun, out, err);
        if (outcome.exitCode() == ExitCodes.OK && !dryRun) {
            out.printf("Written     %s%n", target);
        }
        return outcome.exitCode();
    }

    static Path defaultOutput(Path export) {
        String name = export.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return export.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + "-event.json");
    }
}

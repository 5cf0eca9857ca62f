package org.breakout.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.io.JsonFiles;
import org.breakout.reallocate.BadInputException;
import org.breakout.reallocate.ChangeReportWriter;
import org.breakout.reallocate.EventFileChanges;
import org.breakout.reallocate.ExportChanges;
import org.breakout.reallocate.Policy;
import org.breakout.reallocate.Reallocation;
import org.breakout.solver.ScheduleSolver;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "reallocate", mixinStandardHelpOptions = true,
        description = { "Fold late registrations, changes and cancellations into a published schedule, keeping "
                + "the seats people already have wherever the policy says, and report every change.",
                "CHANGES is an event file: an attendee with a new id is a newcomer, one with a published id replaces "
                        + "that attendee's data, one with \"cancelled\": true is removed.",
                "Or CHANGES is the form export (.csv, .tsv, .xlsx) as it is now, read as 'breakout import' reads it: "
                        + "new people are newcomers, people whose answers differ are changed, and with "
                        + "--cancel-missing people no longer in it are cancelled. See docs/batch.md." },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = { "0:written; every newcomer is seated",
                "1:internal error (a bug: please report it with the input)",
                "2:usage error (unknown option, an output that is an input file)",
                "3:bad input: a file is missing or invalid; nothing written",
                "4:written, but hard rules are broken",
                "5:written, but some newcomers could not be seated (listed in the report)",
                "6:another reallocate holds the output's lock file; nothing written" })
public class ReallocateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PUBLISHED.json", description = "The published schedule (written by breakout).")
    Path published;

    @Parameters(index = "1", paramLabel = "CHANGES", description = "The changes: an event file with attendees, or the current registration export.")
    Path changes;

    @Option(names = { "-o", "--output" }, paramLabel = "NEW.json", required = true,
            description = "Where to write the new schedule. Written atomically under a lock (NEW.json.lock); never an "
                    + "input file.")
    Path output;

    @Option(names = "--policy", paramLabel = "POLICY", defaultValue = "minimal", converter = PolicyConverter.class,
            description = "frozen: published seats and placements never move; minimal (default): one moves only "
                    + "when that seats someone who would otherwise have no seat; free: re-optimise everything, "
                    + "published seats break ties.")
    Policy policy;

    @Option(names = "--upgrade", description = "With minimal: people on a worse choice may move up (into seats that "
            + "cancellations freed).")
    boolean upgrade;

    @Option(names = "--report", paramLabel = "CHANGES.json", description = "Write the change report (JSON) here.")
    Path report;

    @Option(names = "--csv", paramLabel = "CHANGED.csv",
            description = "Write the attendees whose schedule changed (for the mail merge) here.")
    Path csv;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "5m",
            description = "Stop after this long at the latest (default: ${DEFAULT-VALUE}).")
    Duration timeLimit;

    @Option(names = "--cancel-missing", description = "With an export: cancel published attendees who are no "
            + "longer in it (without it they are kept and counted).")
    boolean cancelMissing;

    @Mixin
    ColumnOptions columns;

    @Mixin
    SearchOptions search;

    @Option(names = { "-q", "--quiet" }, description = "No progress lines.")
    boolean quiet;

    static final class PolicyConverter implements CommandLine.ITypeConverter<Policy> {
        @Override
        public Policy convert(String value) {
            try {
                return Policy.of(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("unknown policy '" + value
                        + "' (use frozen, minimal or free)");
            }
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (upgrade && policy != Policy.MINIMAL) {
            err.println("breakout: --upgrade goes with --policy minimal (frozen moves nothing, free moves anyone)");
            return ExitCodes.USAGE;
        }
        boolean fromExport = !ExportChanges.isEventFile(changes);
        if (!fromExport && (cancelMissing || columns.given())) {
            err.println("breakout: --cancel-missing, --column and --mapping go with a registration export; " + changes
                    + " is an event file (its cancellations are \"cancelled\": true)");
            return ExitCodes.USAGE;
        }
        List<Path> inputs = columns.mapping == null ? List.of(published, changes)
                : List.of(published, changes, columns.mapping);
        List<Path> outputs = new ArrayList<>(List.of(output));
        if (report != null) {
            outputs.add(report);
        }
        if (csv != null) {
            outputs.add(csv);
        }
        for (int i = 0; i < outputs.size(); i++) {
            for (Path input : inputs) {
                if (same(outputs.get(i), input)) {
                    err.println("breakout: the output " + outputs.get(i) + " is an input file; inputs are never "
                            + "overwritten: choose another");
                    return ExitCodes.USAGE;
                }
            }
            for (int j = 0; j < i; j++) {
                if (same(outputs.get(i), outputs.get(j))) {
                    err.println("breakout: " + outputs.get(i) + " is given for two outputs");
                    return ExitCodes.USAGE;
                }
            }
        }

        Reallocation.Prepared prepared;
        AtomicReference<ExportChanges.Derived> fromTheExport = new AtomicReference<>();
        Reallocation.ChangeSource source = !fromExport
                ? current -> EventFileChanges.read(changes, current.document())
                : current -> {
                    ExportChanges.Derived derived = ExportChanges.read(changes, current,
                            (programme, schedule, export) -> RegistrationsImport.importExport(programme, schedule,
                                    export, columns), cancelMissing);
                    fromTheExport.set(derived);
                    return derived.changes();
                };
        try {
            prepared = Reallocation.prepare(published, source, policy, upgrade);
        } catch (BadInputException e) {
            err.println("breakout: " + e.getMessage());
            err.println("Nothing was written.");
            return ExitCodes.BAD_INPUT;
        }
        prepared.warnings().forEach(w -> err.println("warning: " + w));

        Path lockFile = output.resolveSibling(output.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(channel)) {
            if (lock == null) {
                err.println("breakout: another reallocate is writing " + output + " (" + lockFile
                        + " is locked); nothing written");
                return ExitCodes.BUSY;
            }
            return reallocate(prepared, fromTheExport.get(), out, err);
        } catch (IOException e) {
            err.println("breakout: cannot write " + output + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    /** @param fromTheExport what the export said, or null when the changes are an event file */
    private int reallocate(Reallocation.Prepared prepared, ExportChanges.Derived fromTheExport, PrintWriter out,
            PrintWriter err) throws IOException {
        var problem = prepared.model().schedule();
        err.printf("Reallocating %s with %s (policy %s): %d attendees wanting %d seats%n", published, changes,
                policy.id(), problem.getAttendees().size(), problem.getSeats().size());
        ScheduleSolver.Options options = search.steps != null
                ? new ScheduleSolver.Options(timeLimit, null, search.steps, search.seed)
                : new ScheduleSolver.Options(timeLimit, search.unimprovedLimit, null, search.seed);
        Progress progress = new Progress(err, quiet, System.console() != null, problem.getSeats().size());
        Reallocation.Result result = Reallocation.solve(prepared, options, progress::newBest);
        progress.finish();

        JsonFiles.write(result.schedule(), output);
        if (report != null) {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("published", published.toString());
            run.put("changes", changes.toString());
            run.put("output", output.toString());
            run.put("policy", policy.id());
            run.put("upgrade", upgrade);
            run.put("seed", search.seed);
            run.put("score", result.summary().score());
            ObjectNode document = ChangeReportWriter.toJson(result.report(), run);
            if (fromTheExport != null) {
                document.set("export", fromTheExport.toJson());
            }
            JsonFiles.write(document, report);
        }
        if (csv != null) {
            JsonFiles.writeAtomically(ChangeReportWriter.toCsv(ChangeReportWriter.mailRows(result.report(),
                    result.schedule())), csv);
        }
        if (fromTheExport != null) {
            // The import report as `breakout import` prints it: answers not used, merges, rows skipped.
            out.print(fromTheExport.importReport().format());
            out.print(fromTheExport.summary());
            out.println();
        }
        out.print(ChangeReportWriter.toText(result.report()));
        out.printf("%nScore       %s%s%n", result.summary().score(),
                result.summary().feasible() ? "  (feasible)" : "  (HARD RULES BROKEN)");
        out.printf("Written     %s%s%s%n", output, report == null ? "" : ", " + report, csv == null ? "" : ", " + csv);
        if (!result.summary().feasible()) {
            return ExitCodes.HARD_RULES_BROKEN;
        }
        return result.report().newcomersUnseated() ? ExitCodes.NEWCOMERS_UNSEATED : ExitCodes.OK;
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this JVM (a test, or a second run in-process)
        }
    }

    private static boolean same(Path a, Path b) {
        try {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())
                    || Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}

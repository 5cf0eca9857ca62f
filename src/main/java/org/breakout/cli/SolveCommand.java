package org.breakout.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.breakout.domain.Schedule;
import org.breakout.io.EventFormatException;
import org.breakout.io.EventReader;
import org.breakout.io.LoadedEvent;
import org.breakout.io.Problem;
import org.breakout.io.ScheduleWriter;
import org.breakout.report.ScheduleSummary;
import org.breakout.solver.ScheduleSolver;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Solve an event: place every session run in a round and a room, seat every attendee, "
                + "and write the event back with placements, assignments, score and summary filled in.")
public class SolveCommand implements Callable<Integer> {

    private static final int MAX_WARNINGS_SHOWN = 20;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EVENT.json", description = "The event file (JSON); a schedule written by breakout works too.")
    Path event;

    @Option(names = { "-o", "--output" }, paramLabel = "OUT.json",
            description = "Where to write the schedule (default: EVENT-schedule.json beside the event). "
                    + "Written atomically; never the input file.")
    Path output;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop after this long at the latest (default: ${DEFAULT-VALUE}); e.g. 30s, 2m, PT1M.",
            defaultValue = "5m")
    Duration timeLimit;

    @Mixin
    SearchOptions search;

    @Option(names = "--export", paramLabel = "DIR",
            description = "After solving, also write the timetable page, CSV and calendars into DIR (as `breakout export`).")
    Path exportDir;

    @Option(names = { "-q", "--quiet" }, description = "No progress lines, only the final summary.")
    boolean quiet;

    @Option(names = "--registrations", paramLabel = "EXPORT",
            description = "Import the registrations of this form export (CSV, .xlsx; see 'breakout import') into "
                    + "EVENT.json first, then solve. The imported event is written beside the schedule "
                    + "(EXPORT-event.json), so the run can be repeated with it.")
    Path registrations;

    @Mixin
    ImportOptions importOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path target = output != null ? output : defaultOutput(event);
        try {
            if (Files.exists(target) && Files.exists(event) && Files.isSameFile(target, event)) {
                err.println("breakout: the output " + target + " is the input file; choose another with -o");
                return ExitCodes.USAGE;
            }
        } catch (IOException e) {
            err.println("breakout: cannot check " + target + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }

        LoadedEvent loaded;
        if (registrations != null) {
            Path imported = RegistrationsImport.importedEventBeside(target, registrations);
            RegistrationsImport.Outcome outcome = RegistrationsImport.run(event, registrations, importOptions, imported,
                    false, err, err);
            if (outcome.exitCode() != ExitCodes.OK) {
                return outcome.exitCode();
            }
            err.println("Written     " + imported + " (the imported event)");
            loaded = outcome.loaded();
        } else {
            try {
                loaded = EventReader.read(event);
            } catch (EventFormatException e) {
                err.println(e.getMessage());
                err.println("Nothing was written.");
                return ExitCodes.BAD_INPUT;
            } catch (IOException e) {
                err.println("breakout: cannot read " + event + ": " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            printWarnings(err, loaded);
        }

        Schedule problem = loaded.schedule();
        err.printf("Solving %s: %d rounds, %d rooms, %d sessions (%d runs), %d attendees wanting %d seats%n",
                event, problem.getRounds().size(), problem.getRooms().size(), problem.getSessions().size(),
                problem.getRuns().size(), problem.getAttendees().size(), problem.getSeats().size());
        ScheduleSolver.Options options = search.steps != null
                ? new ScheduleSolver.Options(timeLimit, null, search.steps, search.seed)
                : new ScheduleSolver.Options(timeLimit, search.unimprovedLimit, null, search.seed);

        try (ScheduleSolver solver = new ScheduleSolver(options)) {
            Progress progress = new Progress(err, quiet, System.console() != null, problem.getSeats().size());
            CountDownLatch written = new CountDownLatch(1);
            AtomicBoolean interrupted = new AtomicBoolean();
            Thread hook = new Thread(() -> {
                // Ctrl-C: stop the solver, then give the main thread time to write the best schedule.
                interrupted.set(true);
                solver.terminateEarly();
                try {
                    written.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "breakout-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                Schedule best = solver.solve(problem, progress::newBest);
                progress.finish();
                if (interrupted.get()) {
                    err.println("Stopped early (Ctrl-C): writing the best schedule found so far.");
                }
                ScheduleSummary summary = ScheduleSummary.of(best, solver.analyze(best));
                ScheduleWriter.write(ScheduleWriter.toDocument(loaded.document(), best, summary), target);
                printSummary(out, summary, best.isProvenOptimal(), progress.elapsed(), target);
                if (exportDir != null) {
                    int exported = ExportCommand.export(EventReader.read(target), exportDir, out, err);
                    if (exported != ExitCodes.OK) {
                        return exported;
                    }
                }
                return summary.feasible() ? ExitCodes.OK : ExitCodes.HARD_RULES_BROKEN;
            } catch (EventFormatException e) {
                err.println(e.getMessage());
                return ExitCodes.INTERNAL_ERROR; // the schedule just written does not read back: a bug
            } catch (IOException e) {
                err.println("breakout: cannot write " + target + ": " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            } finally {
                written.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // The JVM is already exiting (Ctrl-C); the hook is running and has been released above.
                }
            }
        }
    }

    static Path defaultOutput(Path event) {
        String name = event.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return event.resolveSibling(base + "-schedule.json");
    }

    private static void printWarnings(PrintWriter err, LoadedEvent loaded) {
        List<Problem> warnings = loaded.warnings();
        warnings.stream().limit(MAX_WARNINGS_SHOWN)
                .forEach(w -> err.println("warning: " + loaded.source() + ": " + w));
        if (warnings.size() > MAX_WARNINGS_SHOWN) {
            err.println("warning: … and " + (warnings.size() - MAX_WARNINGS_SHOWN) + " more warnings");
        }
    }

    static void printSummary(PrintWriter out, ScheduleSummary summary, boolean provenOptimal, Duration duration,
            Path target) {
        out.printf("Score       %s%s%n", summary.score(), summary.feasible() ? "  (feasible)" : "  (HARD RULES BROKEN)");
        out.printf("Seats       %d of %d wanted seats filled (%.1f%%)%n", summary.seatsFilled(), summary.seatsWanted(),
                summary.seatsWanted() == 0 ? 100.0 : 100.0 * summary.seatsFilled() / summary.seatsWanted());
        StringBuilder ranks = new StringBuilder();
        summary.byRank().forEach((rank, count) -> ranks.append(ranks.length() == 0 ? "" : " · ")
                .append("rank ").append(rank).append(": ").append(count));
        if (summary.unranked() > 0) {
            ranks.append(" · unranked: ").append(summary.unranked());
        }
        if (summary.seatsFilled() == 0) {
            out.println("Choices     no seats filled" + (summary.seatsWanted() == 0 ? " (nobody wants a seat)" : ""));
        } else {
            out.printf("Choices     %.1f%% got their first choice (%s)%n", 100.0 * summary.firstChoiceShare(), ranks);
        }
        out.printf("Cost        %d (preference cost)%n", summary.preferenceCost());
        if (!summary.unfilled().isEmpty()) {
            out.printf("Unfilled    %d wanted seat(s) left empty, e.g. %s in %s: %s%n", summary.unfilled().size(),
                    summary.unfilled().get(0).attendee(), summary.unfilled().get(0).round(),
                    summary.unfilled().get(0).reason());
        }
        for (ScheduleSummary.BrokenRule rule : summary.brokenRules()) {
            out.printf("BROKEN      %s: %d time(s), %s%n", rule.constraint(), rule.matches(), rule.score());
        }
        if (provenOptimal) {
            out.println("Optimal     proven: every session is pinned and the seating reaches its bound, so the "
                    + "solver stopped there");
        }
        out.printf("Solved in   %.1f s%n", duration.toMillis() / 1000.0);
        out.printf("Written     %s%n", target);
    }
}

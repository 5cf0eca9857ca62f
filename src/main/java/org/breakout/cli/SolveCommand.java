package org.breakout.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.node.ObjectNode;

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
            } catch (OutOfMemoryError e) {
                OutOfMemory.ranOut();
                OutOfMemory.print(err, "reading " + event + " (" + OutOfMemory.size(fileSize(event)) + ")",
                        commandLine());
                err.println("Nothing was written.");
                return ExitCodes.OUT_OF_MEMORY;
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
        ObjectNode document = loaded.document();
        int attendees = problem.getAttendees().size();
        int seatsWanted = problem.getSeats().size();
        err.printf("Solving %s: %d rounds, %d rooms, %d sessions (%d runs), %d attendees wanting %d seats%n",
                event, problem.getRounds().size(), problem.getRooms().size(), problem.getSessions().size(),
                problem.getRuns().size(), attendees, seatsWanted);
        loaded = null; // the schedule and the document are all that is needed from here on
        ScheduleSolver.Options options = search.steps != null
                ? new ScheduleSolver.Options(timeLimit, null, search.steps, search.seed)
                : new ScheduleSolver.Options(timeLimit, search.unimprovedLimit, null, search.seed);
        String doing = String.format(Locale.ROOT, "solving %s (%,d attendees, %,d wanted seats)", event, attendees,
                seatsWanted);

        Progress progress = new Progress(err, quiet, System.console() != null, seatsWanted);
        // The last best schedule the solver reported: what is written if the heap runs out before the end.
        AtomicReference<Schedule> lastBest = new AtomicReference<>();
        try (ScheduleSolver solver = new ScheduleSolver(options, progress)) {
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
            progress.startHeartbeat(Duration.ofSeconds(30));
            try {
                Schedule best;
                try {
                    best = solver.solve(problem, schedule -> {
                        lastBest.set(schedule);
                        progress.newBest(schedule);
                    });
                } catch (RuntimeException | OutOfMemoryError e) {
                    if (!OutOfMemory.causedBy(e)) {
                        throw e;
                    }
                    OutOfMemory.ranOut();
                    problem = null; // the solver's working copy: the best schedule so far is a clone
                    progress.finish();
                    OutOfMemory.print(err, doing, commandLine());
                    return writeAfterOutOfMemory(err, document, lastBest.getAndSet(null), target, false);
                }
                lastBest.set(null);
                problem = null;
                progress.finish();
                if (interrupted.get()) {
                    err.println("Stopped early (Ctrl-C): writing the best schedule found so far.");
                }
                ScheduleSummary summary;
                try {
                    summary = ScheduleSummary.of(best, solver.analyzeBrokenRules(best));
                    ScheduleWriter.write(ScheduleWriter.toDocument(document, best, summary), target);
                } catch (OutOfMemoryError e) {
                    // The solve finished; the score analysis or the document did not fit. Without the analysis the
                    // schedule is still complete: write it with the summary counted from the seats.
                    OutOfMemory.ranOut();
                    OutOfMemory.print(err, "writing the schedule of " + doing.substring("solving ".length()),
                            commandLine());
                    return writeAfterOutOfMemory(err, document, best, target, true);
                }
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
                progress.finish(); // once: stops the heartbeat whatever happened
                written.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // The JVM is already exiting (Ctrl-C); the hook is running and has been released above.
                }
            }
        }
    }

    /**
     * After the heap ran out: writes {@code best} (atomically, as always) with a summary counted from its seats, or
     * says that there is nothing to write. Returns {@link ExitCodes#OUT_OF_MEMORY}.
     *
     * @param solved whether the solve had finished (the heap ran out in the score analysis or the document): the
     *        schedule is the final one, only its broken rules are not analysed; else it is the best one so far, and
     *        the summary says {@code "final": false}
     */
    static int writeAfterOutOfMemory(PrintWriter err, ObjectNode document, Schedule best, Path target,
            boolean solved) {
        if (best == null) {
            err.println("The solver had no schedule yet: nothing was written.");
            err.flush();
            return ExitCodes.OUT_OF_MEMORY;
        }
        try {
            ScheduleSummary counted = ScheduleSummary.of(best, null);
            ScheduleSummary summary = best.getScore() != null && best.getScore().hardScore() < 0
                    ? new ScheduleSummary(counted.score(), counted.seatsWanted(), counted.seatsFilled(),
                            counted.byRank(), counted.unranked(), counted.preferenceCost(),
                            List.of(new ScheduleSummary.BrokenRule("hard rules (not analysed: out of memory)", 0,
                                    best.getScore().toString())),
                            counted.unfilled())
                    : counted;
            ObjectNode written = ScheduleWriter.toDocument(document, best, summary);
            ObjectNode node = (ObjectNode) written.get("summary");
            if (solved) {
                node.put("note", "the heap ran out in the score analysis: brokenRules are not analysed (the score "
                        + "says whether hard rules are broken)");
            } else {
                node.put("final", false).put("note", "not the final schedule: the heap ran out while solving; this is "
                        + "the best schedule the solver had found by then");
            }
            ScheduleWriter.write(written, target);
            err.printf(Locale.ROOT, "Written     %s: %s (score %s, %d of %d wanted seats)%n", target,
                    solved ? "the final schedule, without its score analysis"
                            : "the best schedule found before the heap ran out, NOT final",
                    summary.score(), summary.seatsFilled(), summary.seatsWanted());
        } catch (OutOfMemoryError again) {
            err.println("Not enough memory to write the best schedule either: nothing was written.");
        } catch (IOException e) {
            err.println("breakout: cannot write " + target + ": " + e.getMessage());
        }
        err.flush();
        return ExitCodes.OUT_OF_MEMORY;
    }

    /** The command line to suggest again with more heap. */
    private String commandLine() {
        StringBuilder words = new StringBuilder("solve ").append(event);
        if (output != null) {
            words.append(" -o ").append(output);
        }
        return words.append(" …").toString();
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
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

package org.breakout.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.breakout.bound.BoundCalculator;
import org.breakout.bound.ObjectiveBound;
import org.breakout.domain.Schedule;
import org.breakout.io.EventFormatException;
import org.breakout.io.EventReader;
import org.breakout.io.Json;
import org.breakout.io.LoadedEvent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bound", mixinStandardHelpOptions = true,
        description = { "Print a proven bound on the objective of an event: the most wanted seats any schedule can fill, "
                + "and the least preference cost of a schedule that fills that many. "
                + "Placed runs keep their round and room; unplaced runs are relaxed. See docs/bounds.md." })
public class BoundCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EVENT.json", description = "The event file (JSON); a schedule written by breakout works too.")
    Path event;

    @Option(names = "--json", description = "Print the bound as JSON.")
    boolean json;

    @Mixin
    BoundOptions boundOptions;

    @Option(names = { "-q", "--quiet" }, description = "No progress lines on stderr (the stages of the bound as they "
            + "start, with the time since the start).")
    boolean quiet;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BoundCalculator.Options options = boundOptions.toOptions();
        LoadedEvent loaded;
        long start = System.nanoTime();
        try {
            loaded = EventReader.read(event);
        } catch (OutOfMemoryError e) {
            OutOfMemory.ranOut();
            OutOfMemory.print(err, "reading " + event, "bound " + event + " …");
            return ExitCodes.OUT_OF_MEMORY;
        } catch (EventFormatException e) {
            err.println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (IOException e) {
            err.println("breakout: cannot read " + event + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        Schedule schedule = loaded.schedule();
        String size = String.format(Locale.ROOT, "%,d attendees, %,d wanted seats", schedule.getAttendees().size(),
                schedule.getSeats().size());
        loaded = null;
        Consumer<String> stages = quiet ? stage -> {
        } : stage -> {
            err.printf(Locale.ROOT, "%7.1fs  bound: %s%n", (System.nanoTime() - start) / 1e9, stage);
            err.flush();
        };
        if (!quiet) {
            err.printf(Locale.ROOT, "%7.1fs  bound of %s (%s)%n", (System.nanoTime() - start) / 1e9, event, size);
        }
        ObjectiveBound bound;
        try {
            bound = BoundCalculator.compute(schedule, options, stages);
        } catch (OutOfMemoryError e) {
            schedule = null;
            OutOfMemory.ranOut();
            OutOfMemory.print(err, "computing the bound of " + event + " (" + size + ")", "bound " + event + " …");
            return ExitCodes.OUT_OF_MEMORY;
        }
        if (json) {
            out.println(Json.MAPPER.writeValueAsString(bound.toJson()));
        } else {
            print(out, bound);
        }
        out.flush();
        return ExitCodes.OK;
    }

    static void print(PrintWriter out, ObjectiveBound bound) {
        out.printf("Event       %s (%s timetable)%n", bound.event() == null ? "" : bound.event(), bound.timetable());
        out.printf("Seats       %d wanted%s%n", bound.seatsWanted(),
                bound.pinnedSeats() > 0 ? ", " + bound.pinnedSeats() + " of them pinned" : "");
        out.printf("Max seats   %d filled at most (%.1f%%)%s%n", bound.maxSeatsFilled(),
                bound.seatsWanted() == 0 ? 100.0 : 100.0 * bound.maxSeatsFilled() / bound.seatsWanted(),
                bound.exact() ? ", reached" : "");
        out.printf("Min cost    %d (least preference cost with %d seats filled)%s%n", bound.minPreferenceCost(),
                bound.maxSeatsFilled(), bound.exact() ? ", reached" : "");
        out.printf("Bound       %s: %s%n", bound.exact() ? "EXACT (the optimum)" : "RELAXED (a proven bound)",
                bound.method());
        if (!bound.exact()) {
            if (!bound.timetable().equals("fixed")) {
                out.printf("Relaxed     placement: unplaced runs become seat capacities that no placement can exceed%n");
            }
            StringBuilder each = new StringBuilder();
            for (ObjectiveBound.Relaxation relaxation : bound.relaxations()) {
                each.append(each.length() == 0 ? "" : "; ").append(relaxation.name()).append(" ")
                        .append(relaxation.maxSeatsFilled()).append(" seats, cost ")
                        .append(relaxation.minPreferenceCost());
            }
            out.printf("Relaxed     best of: %s%n", each);
            out.printf("            round-flow: a session may be taken twice; session-flow: two seats in one round "
                    + "(--json and docs/bounds.md say exactly what is relaxed)%n");
        }
        if (bound.mip() != null) {
            out.printf("MIP         %s (%d variables, %.1f s)%n", bound.mip().status(), bound.mip().variables(),
                    bound.mip().millis() / 1000.0);
        }
        out.printf("Time        %.1f s%n", bound.millis() / 1000.0);
    }
}

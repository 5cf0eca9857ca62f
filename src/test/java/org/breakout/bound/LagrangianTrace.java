package org.breakout.bound;

import java.nio.file.Path;

import org.breakout.domain.Schedule;
import org.breakout.io.EventReader;

/**
 * The capacity Lagrangian alone on an event file: its bound, seatings, steps and time. Not a test; run
 * with {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.breakout.bound.LagrangianTrace FILE
 * [steps] [seats]} (seats: the seat target; default every seat wanted).
 */
public final class LagrangianTrace {

    private LagrangianTrace() {
    }

    public static void main(String[] args) throws Exception {
        Schedule schedule = EventReader.read(Path.of(args[0])).schedule();
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        long start = System.nanoTime();
        SeatingModel model = new SeatingModel(schedule);
        long seats = 0;
        for (SeatingModel.AttendeeSlots slots : model.attendees) {
            seats += Math.min(slots.remainingSeats, slots.freeRounds.size());
        }
        if (args.length > 2) {
            seats = Long.parseLong(args[2]);
        }
        CapacityLagrangian lagrangian = new CapacityLagrangian(model, seats);
        System.err.printf("model %d ms%n", (System.nanoTime() - start) / 1_000_000);
        CapacityLagrangian.Result result = lagrangian.solve(steps, () -> false);
        System.err.printf("bound %d, seating %d seats cost %d, choices %d seats, %d steps, %d ms%n",
                result.costBound(), result.seatingSeats(), result.seatingCost(), result.choices().size(),
                result.iterations(), result.millis());
    }
}

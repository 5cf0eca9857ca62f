package org.breakout.bound;

import java.nio.file.Path;

import org.breakout.domain.Schedule;
import org.breakout.io.EventReader;

/**
 * The capacity Lagrangian alone on an event file: its bound, seatings, steps and time. Not a test; run
 * with {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.breakout.bound.LagrangianTrace FILE
 * [steps] [seats] [whole seats]} (seats: the seat target; default every seat wanted). With
 * {@code -Dbreakout.cg=true} column generation follows the ascent ({@code -Dbreakout.cgRounds}, default 30 rounds;
 * {@code -Dbreakout.solves}: the ascent's budget of attendee problems), and with {@code whole seats} its prices are
 * priced on the event file {@code whole} at that seat target (FILE a sample of it: any prices are a bound).
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
        CapacityLagrangian lagrangian = new CapacityLagrangian(model, seats, CapacityLagrangian.Budget.DEFAULT.withAttendeeSolves(Long.getLong("breakout.solves", 20_000_000L)));
        System.err.printf("model %d ms%n", (System.nanoTime() - start) / 1_000_000);
        if (Boolean.getBoolean("breakout.cg")) {
            lagrangian.collectColumns();
        }
        CapacityLagrangian.Result result = lagrangian.solve(steps, () -> false);
        System.err.printf("bound %d, seating %d seats cost %d, choices %d seats, %d steps, %d ms%n",
                result.costBound(), result.seatingSeats(), result.seatingCost(), result.choices().size(),
                result.iterations(), result.millis());
        if (Boolean.getBoolean("breakout.cg")) {
            long cgStart = System.nanoTime();
            SeatingLp.unavailable();
            long bound = lagrangian.columnBound(Integer.getInteger("breakout.cgRounds", 30), () -> false, round -> {
            }).costBound();
            System.err.printf("column generation: bound %d, %d ms%n", bound, (System.nanoTime() - cgStart) / 1_000_000);
            if (args.length > 4) {
                Schedule whole = EventReader.read(Path.of(args[3])).schedule();
                CapacityLagrangian onWhole = new CapacityLagrangian(new SeatingModel(whole), Long.parseLong(args[4]));
                System.err.printf("the whole event %s at these prices: bound %d%n", args[3],
                        onWhole.boundAtPairs(lagrangian.bestPairPrices(), lagrangian.bestSeatPrice()));
            }
        }
    }
}

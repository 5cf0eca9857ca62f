package org.breakout.bound;

import static org.assertj.core.api.Assertions.assertThat;

import org.breakout.bound.RandomEvents.Kind;
import org.breakout.domain.Schedule;
import org.junit.jupiter.api.Test;

/** The seat target of the priced start: never below what the best seating fills, and not the unreachable wanted. */
class PricedSeatingTest {

    @Test
    void aimsAtSeatsASeatingCanFillNotAtEveryWantedSeat() {
        int belowWanted = 0;
        for (long seed = 1; seed <= 40; seed++) {
            Schedule schedule = RandomEvents.schedule(seed, Kind.FIXED_REPEATS);
            int max = BruteForce.maxSeats(BruteForce.costBySeats(schedule));
            if (max < 0) {
                continue;
            }
            SeatingModel model = new SeatingModel(schedule);
            long wanted = model.attendees.stream()
                    .mapToLong(slots -> Math.min(slots.remainingSeats, slots.freeRounds.size())).sum();
            long target = PricedSeating.seatTarget(model);
            assertThat(target).as("seed " + seed).isBetween((long) max - model.pinnedSeats, wanted);
            if (target < wanted) {
                belowWanted++;
            }
        }
        assertThat(belowWanted).as("events whose wanted seats cannot all be filled").isPositive();
    }
}

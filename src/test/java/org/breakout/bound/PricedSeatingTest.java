package org.breakout.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.breakout.bound.RandomEvents.Kind;
import org.breakout.domain.Attendee;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;
import org.junit.jupiter.api.Test;

/**
 * The priced start: its seat target never below what the best seating fills and not the unreachable wanted, and its
 * seats (the attendees' own choices at the prices, cut down where more chose a run than it has seats) keep every rule.
 */
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

    @Test
    void startKeepsTheCapacitiesAndTheAttendeeRules() {
        int seated = 0;
        for (long seed = 1; seed <= 60; seed++) {
            Schedule schedule = RandomEvents.schedule(seed, Kind.FIXED_REPEATS);
            SeatingModel model = new SeatingModel(schedule);
            Map<Attendee, List<SessionRun>> start = PricedSeating.seat(schedule, 200, () -> false, step -> {
            });
            if (start == null) {
                continue;
            }
            Map<SessionRun, Integer> taken = new HashMap<>();
            for (SeatingModel.AttendeeSlots slots : model.attendees) {
                List<SessionRun> runs = start.getOrDefault(slots.attendee, List.of());
                String what = "seed " + seed + ", " + slots.attendee.id();
                assertThat(runs.size()).as(what).isLessThanOrEqualTo(slots.remainingSeats);
                Set<Session> sessions = new HashSet<>();
                Set<Round> rounds = new HashSet<>();
                for (SessionRun run : runs) {
                    assertThat(sessions.add(run.getSession())).as(what + ": a session twice").isTrue();
                    assertThat(rounds.add(run.getRound())).as(what + ": a round twice").isTrue();
                    assertThat(slots.freeRounds).as(what).contains(run.getRound());
                    assertThat(slots.sessions).as(what).contains(run.getSession());
                    taken.merge(run, 1, Integer::sum);
                }
                seated += runs.size();
            }
            for (Map.Entry<SessionRun, Integer> entry : taken.entrySet()) {
                assertThat(entry.getValue()).as("seed " + seed + ", " + entry.getKey())
                        .isLessThanOrEqualTo(model.fixedRemaining.getOrDefault(entry.getKey(), 0));
            }
        }
        assertThat(seated).isPositive();
    }
}

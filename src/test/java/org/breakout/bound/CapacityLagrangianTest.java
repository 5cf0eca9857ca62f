package org.breakout.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.breakout.bound.RandomEvents.Kind;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Session;
import org.junit.jupiter.api.Test;

/**
 * The capacity Lagrangian against brute force: on small random events its bound is never above the optimum and the
 * seatings it builds keep every rule and capacity; on an event where each flow drops a rule it reaches the optimum.
 */
class CapacityLagrangianTest {

    private static final int INSTANCES = 40;

    @Test
    void boundIsNeverAboveTheOptimumAndItsSeatingsKeepTheRules() {
        int compared = 0;
        for (Kind kind : List.of(Kind.FIXED_REPEATS, Kind.OPEN)) {
            for (long seed = 1; seed <= INSTANCES; seed++) {
                Schedule schedule = RandomEvents.schedule(seed, kind);
                long[] truth = BruteForce.costBySeats(schedule);
                int max = BruteForce.maxSeats(truth);
                if (max < 0) {
                    continue;
                }
                SeatingModel model = new SeatingModel(schedule);
                long seats = max - model.pinnedSeats;
                CapacityLagrangian.Result result = new CapacityLagrangian(model, seats).solve(300, () -> false);
                String what = kind + " seed " + seed + ": " + result;
                long optimum = truth[max] - model.pinnedCost;
                assertThat(result.costBound()).as(what).isLessThanOrEqualTo(optimum);
                assertKeepsRules(model, result.seating(), what);
                assertKeepsRules(model, result.choices(), what);
                assertThat(result.seatingSeats()).as(what).isEqualTo(result.seating().size());

                compared++;
            }
        }
        assertThat(compared).isGreaterThan(INSTANCES);
    }

    @Test
    void aSampleFirstStillGivesABoundNeverAboveTheOptimum() {
        int sampled = 0;
        // The bound's patience and the solver's prices' (Budget.DEFAULT, Budget.PRICES).
        for (int patience : new int[] { CapacityLagrangian.Budget.DEFAULT.patience(),
                CapacityLagrangian.Budget.PRICES.patience() }) {
            for (Kind kind : List.of(Kind.FIXED_REPEATS, Kind.OPEN)) {
                for (long seed = 1; seed <= INSTANCES; seed++) {
                    Schedule schedule = RandomEvents.schedule(seed, kind);
                    long[] truth = BruteForce.costBySeats(schedule);
                    int max = BruteForce.maxSeats(truth);
                    SeatingModel model = new SeatingModel(schedule);
                    long seats = max - model.pinnedSeats;
                    int attendees = new CapacityLagrangian(model, seats).attendees();
                    if (max < 0 || attendees < 4) {
                        continue;
                    }
                    // A budget that 300 steps on everybody exceed: 300 on a sample of a third, then at least 100 on
                    // all.
                    CapacityLagrangian.Budget budget = new CapacityLagrangian.Budget(300L * attendees - 1,
                            (attendees + 2) / 3, patience);
                    CapacityLagrangian lagrangian = new CapacityLagrangian(model, seats, budget);
                    String what = kind + " seed " + seed;
                    assertThat(lagrangian.affords(300)).as(what).isTrue();
                    CapacityLagrangian.Result result = lagrangian.solve(300, () -> false);
                    what += ": " + result;
                    assertThat(result.sampleIterations()).as(what).isPositive();
                    assertThat(result.iterations()).as(what).isPositive().isLessThan(300);
                    assertThat(result.costBound()).as(what).isLessThanOrEqualTo(truth[max] - model.pinnedCost);
                    assertKeepsRules(model, result.seating(), what);
                    assertKeepsRules(model, result.choices(), what);
                    sampled++;
                }
            }
        }
        assertThat(sampled).isGreaterThanOrEqualTo(20);
    }

    @Test
    void reachesTheOptimumWhereEachFlowDropsARule() throws Exception {
        // X: the round-flow gives A twice (cost 0); the truth is A and B (0 + 1).
        // Y: the session-flow gives D and E, both in R1 (0 + 1); the truth is D and F (0 + 4).
        // Round-flow 0 + 4, session-flow 1 + 1, optimum 1 + 4 = 5: rooms are big enough, so the Lagrangian's
        // attendee problems alone are the truth.
        String json = """
                {
                  "settings": { "allowUnranked": false },
                  "rounds": [ { "id": "R1" }, { "id": "R2" } ],
                  "rooms": [ { "id": "r1", "capacity": 5 }, { "id": "r2", "capacity": 5 },
                             { "id": "r3", "capacity": 5 }, { "id": "r4", "capacity": 5 } ],
                  "sessions": [
                    { "id": "A", "runs": 2, "placements": [ { "round": "R1", "room": "r1", "pinned": true },
                                                { "round": "R2", "room": "r1", "pinned": true } ] },
                    { "id": "B", "placements": [ { "round": "R1", "room": "r2", "pinned": true } ] },
                    { "id": "C", "placements": [ { "round": "R2", "room": "r2", "pinned": true } ] },
                    { "id": "D", "placements": [ { "round": "R1", "room": "r3", "pinned": true } ] },
                    { "id": "E", "placements": [ { "round": "R1", "room": "r4", "pinned": true } ] },
                    { "id": "F", "placements": [ { "round": "R2", "room": "r3", "pinned": true } ] }
                  ],
                  "attendees": [
                    { "id": "X", "preferences": ["A", "B", "C"] },
                    { "id": "Y", "preferences": ["D", "E", "F"] }
                  ]
                }
                """;
        Schedule schedule = org.breakout.io.EventReader.parse(java.nio.file.Path.of("flows.json"), json).schedule();
        SeatingModel model = new SeatingModel(schedule);
        assertThat(BruteForce.costBySeats(schedule)[4]).isEqualTo(5);
        long roundFlow = FlowRelaxation.solve(model, FlowRelaxation.Grouping.ROUND, FlowRelaxation.Aggregate.SESSION,
                false).curve().costAt(4);
        long sessionFlow = FlowRelaxation.solve(model, FlowRelaxation.Grouping.SESSION,
                FlowRelaxation.Aggregate.SESSION, false).curve().costAt(4);
        assertThat(roundFlow).isEqualTo(4);
        assertThat(sessionFlow).isEqualTo(2);
        CapacityLagrangian.Result result = new CapacityLagrangian(model, 4).solve(100, () -> false);
        assertThat(result.costBound()).isEqualTo(5);
        assertThat(result.seatingSeats()).isEqualTo(4);
        assertThat(result.seatingCost()).isEqualTo(5);
        assertKeepsRules(model, result.seating(), "designed event");

        ObjectiveBound bound = BoundCalculator.compute(schedule, BoundCalculator.Options.DEFAULT.withoutMip());
        assertThat(bound.minPreferenceCost()).isEqualTo(5);
        assertThat(bound.exact()).as(bound.toJson().toString()).isTrue();
    }

    @Test
    void isDeterministic() {
        Schedule schedule = RandomEvents.schedule(3, Kind.FIXED_REPEATS);
        SeatingModel model = new SeatingModel(schedule);
        CapacityLagrangian.Result first = new CapacityLagrangian(model, 10).solve(200, () -> false);
        CapacityLagrangian.Result second = new CapacityLagrangian(new SeatingModel(schedule), 10).solve(200, () -> false);
        assertThat(second.costBound()).isEqualTo(first.costBound());
        assertThat(second.seating()).isEqualTo(first.seating());
        assertThat(second.choices()).isEqualTo(first.choices());
    }

    /** One seat per free wanted round, a session at most once (and not a pinned one), eligibility, capacities. */
    static void assertKeepsRules(SeatingModel model, List<CapacityLagrangian.SeatChoice> seats, String what) {
        Map<Integer, Set<Round>> rounds = new HashMap<>();
        Map<Integer, Set<Session>> sessions = new HashMap<>();
        Map<Session, Map<Round, Integer>> taken = new HashMap<>();
        for (CapacityLagrangian.SeatChoice seat : seats) {
            SeatingModel.AttendeeSlots slots = model.attendees.get(seat.attendee());
            assertThat(slots.freeRounds).as(what).contains(seat.round());
            assertThat(slots.sessions).as(what).contains(seat.session());
            assertThat(rounds.computeIfAbsent(seat.attendee(), a -> new HashSet<>()).add(seat.round()))
                    .as(what + ": two seats in one round").isTrue();
            assertThat(sessions.computeIfAbsent(seat.attendee(), a -> new HashSet<>()).add(seat.session()))
                    .as(what + ": a session twice").isTrue();
            assertThat(sessions.get(seat.attendee()).size()).as(what).isLessThanOrEqualTo(slots.remainingSeats);
            taken.computeIfAbsent(seat.session(), s -> new HashMap<>()).merge(seat.round(), 1, Integer::sum);
        }
        Map<Session, Long> perSession = new HashMap<>();
        Map<Round, Long> perRound = new HashMap<>();
        taken.forEach((session, byRound) -> byRound.forEach((round, count) -> {
            assertThat((long) count).as(what + ": " + session.id() + " in " + round)
                    .isLessThanOrEqualTo(model.capacity(session, round));
            perSession.merge(session, (long) count, Long::sum);
            perRound.merge(round, (long) count, Long::sum);
        }));
        perSession.forEach((session, count) -> assertThat(count).as(what).isLessThanOrEqualTo(model.capacity(session)));
        perRound.forEach((round, count) -> assertThat(count).as(what).isLessThanOrEqualTo(model.capacity(round)));
    }

    @Test
    void theTallyKeepsEachSlotsHeaviestPairAndNoMoreSeatsThanTheLimit() {
        ChoiceTally tally = new ChoiceTally(3);
        // Slot 0: pair 7 at steps 1 and 2 (weight 1 + 2 = 3) against pair 8 at steps 3 and 4 (3 + 4 = 7).
        tally.add(0, 7, 1);
        tally.add(0, 7, 2);
        tally.add(0, 8, 3);
        tally.add(0, 8, 4);
        // Slot 1: no seat (pair -1) outweighs pair 5.
        tally.add(1, 5, 1);
        tally.add(1, -1, 5);
        // Slot 2: five different pairs; the lightest entry makes room, the heaviest stays.
        tally.add(2, 1, 9);
        tally.add(2, 2, 1);
        tally.add(2, 3, 2);
        tally.add(2, 4, 3);
        tally.add(2, 6, 4);
        int[] seatPair = { 0, 0, 0 };
        tally.modal(0, 3, 3, seatPair);
        assertThat(seatPair).containsExactly(8, -1, 1);
        // A limit of one seat keeps the slot whose pair weighs most.
        int[] limited = { 0, 0, 0 };
        tally.modal(0, 3, 1, limited);
        assertThat(limited).containsExactly(-1, -1, 1);
    }

    @Test
    void anUntalliedAttendeeKeepsTheChoicesAtTheBestPrices() {
        ChoiceTally tally = new ChoiceTally(2);
        int[] seatPair = { 4, 9 };
        tally.modal(0, 2, 2, seatPair);
        assertThat(seatPair).containsExactly(4, 9);
    }
}

package org.breakout.bound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.bound.RandomEvents.Kind;
import org.breakout.domain.Schedule;
import org.breakout.io.EventReader;
import org.junit.jupiter.api.Test;

/** The bound against a brute-force optimum on seeded random small events. */
class BoundCalculatorTest {

    private static final int INSTANCES = 40;
    private static final BoundCalculator.Options WITH_MIP = new BoundCalculator.Options(true, 10_000,
            Duration.ofSeconds(20));
    /** The flows and the Lagrangian: neither the seating LP nor the integer program. */
    private static final BoundCalculator.Options FLOWS_ONLY = BoundCalculator.Options.DEFAULT.withoutMip()
            .withLp(0, Duration.ZERO);

    @Test
    void aLongPriceAscentSaysHowFarItIs() throws Exception {
        // The large-fixed shape at 300 attendees: repeated sessions and overloaded rooms, so the flows are not exact
        // and the Lagrangian runs its steps.
        Schedule schedule = largeFixed300();
        List<String> stages = new java.util.ArrayList<>();
        ObjectiveBound bound = BoundCalculator.compute(schedule, FLOWS_ONLY, stages::add);
        String steps = bound.relaxations().stream().filter(r -> r.name().equals("lagrangian")).findFirst()
                .orElseThrow().relaxes().replaceAll("^.*\\((\\d+) subgradient steps\\)$", "$1");
        int lines = Integer.parseInt(steps) / BoundCalculator.STEPS_PER_PROGRESS_LINE;
        assertThat(lines).isPositive();
        List<String> expected = new java.util.ArrayList<>(List.of("lagrangian"));
        for (int k = 1; k <= lines; k++) {
            expected.add("lagrangian, step " + k * BoundCalculator.STEPS_PER_PROGRESS_LINE);
        }
        assertThat(stages.subList(stages.indexOf("lagrangian"), stages.indexOf("lagrangian") + expected.size()))
                .isEqualTo(expected);
    }

    /** The large-fixed shape at 300 attendees (seed 1). */
    private static Schedule largeFixed300() throws Exception {
        return EventReader.parse(Path.of("large-fixed-300.json"),
                org.breakout.io.Json.MAPPER.writeValueAsString(org.breakout.generate.EventGenerator.generate(
                        org.breakout.generate.EventShape.of("large-fixed", java.util.Map.of("attendees", "300")), 1)
                        .document()))
                .schedule();
    }

    @Test
    void theLagrangiansBudgetDecidesWhetherItRuns() throws Exception {
        // 300 attendees: 1,000 steps need 300,000 attendee problems; a budget below that (the sample is every
        // attendee here) leaves the flows' bound, one at it runs the ascent.
        Schedule schedule = largeFixed300();
        ObjectiveBound short_ = BoundCalculator.compute(schedule, FLOWS_ONLY.withLagrangianSolves(299_999));
        ObjectiveBound enough = BoundCalculator.compute(schedule, FLOWS_ONLY.withLagrangianSolves(300_000));
        assertThat(short_.relaxations()).noneMatch(r -> r.name().equals("lagrangian"));
        assertThat(enough.relaxations()).anyMatch(r -> r.name().equals("lagrangian"));
        assertThat(enough.method()).isEqualTo(BoundCalculator.LAGRANGIAN_METHOD);
        assertThat(enough.minPreferenceCost()).isGreaterThan(short_.minPreferenceCost());
    }

    @Test
    void fixedTimetableWithoutRepeatsIsExactAtEverySeatCount() {
        int compared = 0;
        for (long seed = 1; seed <= INSTANCES; seed++) {
            Schedule schedule = RandomEvents.schedule(seed, Kind.FIXED_NO_REPEATS);
            long[] truth = BruteForce.costBySeats(schedule);
            ObjectiveBound bound = BoundCalculator.compute(schedule, WITH_MIP);
            String what = "seed " + seed + ": " + bound.toJson();
            int max = BruteForce.maxSeats(truth);
            assertThat(max).as(what).isGreaterThanOrEqualTo(0);
            assertThat(bound.timetable()).as(what).isEqualTo("fixed");
            assertThat(bound.exact()).as(what).isTrue();
            assertThat(bound.maxSeatsFilled()).as(what).isEqualTo(max);
            assertThat(bound.minPreferenceCost()).as(what).isEqualTo(truth[max]);
            assertThat(bound.mip()).as(what).isNull();
            assertThat(bound.seatsWanted()).isEqualTo(schedule.getSeats().size());
            // Without repeats the flow is an exact model for every number of seats, not only the maximum.
            for (int n = 0; n <= max; n++) {
                if (truth[n] != BruteForce.NONE) {
                    assertThat(bound.minPreferenceCostAt(n)).as(what + " at " + n).isEqualTo(truth[n]);
                }
            }
            compared++;
        }
        assertThat(compared).isEqualTo(INSTANCES);
    }

    @Test
    void fixedTimetableWithRepeatsIsExactWithTheIntegerProgramAndABoundWithoutIt() {
        int withRepeats = 0;
        int flowNotExact = 0;
        int mipsRun = 0;
        int lpExact = 0;
        for (long seed = 1; seed <= INSTANCES; seed++) {
            Schedule schedule = RandomEvents.schedule(seed, Kind.FIXED_REPEATS);
            long[] truth = BruteForce.costBySeats(schedule);
            int max = BruteForce.maxSeats(truth);

            // The integer program where the flows are not exact (without the LP, which would come first).
            ObjectiveBound exact = BoundCalculator.compute(schedule, WITH_MIP.withLp(0, Duration.ZERO));
            String what = "seed " + seed + ": " + exact.toJson();
            assertThat(exact.exact()).as(what).isTrue();
            assertThat(exact.maxSeatsFilled()).as(what).isEqualTo(max);
            assertThat(exact.minPreferenceCost()).as(what).isEqualTo(truth[max]);
            assertValid(exact, truth, what);
            if (exact.mip() != null && !exact.mip().status().startsWith("skipped")) {
                // The count that decides whether to try the program is the program's own number of variables.
                assertThat(SeatingMip.countVariables(new SeatingModel(schedule))).as(what)
                        .isEqualTo(exact.mip().variables());
                mipsRun++;
            }
            if (BoundCalculator.repeatsReachable(new SeatingModel(schedule))) {
                withRepeats++;
            }

            ObjectiveBound lp = BoundCalculator.compute(schedule, WITH_MIP.withoutMip());
            what = "seed " + seed + " (LP, no integer program): " + lp.toJson();
            assertValid(lp, truth, what);
            if (lp.exact()) {
                assertThat(lp.maxSeatsFilled()).as(what).isEqualTo(max);
                assertThat(lp.minPreferenceCost()).as(what).isEqualTo(truth[max]);
                if (lp.method().equals(BoundCalculator.LP_EXACT_METHOD)) {
                    lpExact++;
                }
            }

            ObjectiveBound flow = BoundCalculator.compute(schedule, FLOWS_ONLY);
            what = "seed " + seed + " (flow only): " + flow.toJson();
            assertThat(flow.maxSeatsFilled()).as(what).isGreaterThanOrEqualTo(max);
            if (flow.maxSeatsFilled() == max) {
                assertThat(flow.minPreferenceCost()).as(what).isLessThanOrEqualTo(truth[max]);
            }
            assertValid(flow, truth, what);
            if (flow.exact()) {
                assertThat(flow.maxSeatsFilled()).as(what).isEqualTo(max);
                assertThat(flow.minPreferenceCost()).as(what).isEqualTo(truth[max]);
            } else {
                flowNotExact++;
                assertThat(flow.relaxed()).as(what).isNotEmpty();
                assertThat(flow.mip().status()).as(what).startsWith("skipped");
            }
        }
        assertThat(withRepeats).as("instances where an attendee can reach a session twice").isGreaterThan(INSTANCES / 2);
        assertThat(flowNotExact).as("instances where the flow alone is not exact").isGreaterThan(0);
        assertThat(mipsRun).as("instances where the integer program ran").isGreaterThan(0);
        assertThat(lpExact).as("instances the seating LP makes exact where the flows are not").isGreaterThan(0);
    }

    @Test
    void openTimetableBoundIsValid() {
        int compared = 0;
        int relaxed = 0;
        for (long seed = 1; compared < INSTANCES; seed++) {
            Schedule schedule = RandomEvents.schedule(seed, Kind.OPEN);
            long[] truth = BruteForce.costBySeats(schedule);
            ObjectiveBound bound = BoundCalculator.compute(schedule, WITH_MIP);
            String what = "seed " + seed + ": " + bound.toJson();
            if (BruteForce.maxSeats(truth) < 0) {
                continue; // no placement keeps the rules: nothing to compare
            }
            assertValid(bound, truth, what);
            if (!bound.timetable().equals("fixed")) {
                relaxed++;
                assertThat(bound.mip()).as(what).isNull();
                if (!bound.exact()) {
                    assertThat(bound.relaxed()).as(what).contains(BoundCalculator.PLACEMENT_RELAXED);
                }
            }
            compared++;
        }
        assertThat(relaxed).isGreaterThan(INSTANCES / 2);
    }

    @Test
    void unrankedHubsKeepTheBoundValid() {
        // Big events route unranked seats through shared hubs; force them on small events to check against the truth.
        BoundCalculator.Options hubs = WITH_MIP.withoutMip().withUnrankedHubsFrom(0);
        int compared = 0;
        int cheaperWithoutHubs = 0;
        for (Kind kind : new Kind[] { Kind.FIXED_NO_REPEATS, Kind.FIXED_REPEATS, Kind.OPEN }) {
            for (long seed = 1; seed <= INSTANCES; seed++) {
                Schedule schedule = RandomEvents.schedule(seed, kind);
                long[] truth = BruteForce.costBySeats(schedule);
                if (BruteForce.maxSeats(truth) < 0) {
                    continue;
                }
                ObjectiveBound bound = BoundCalculator.compute(schedule, hubs);
                String what = kind + " seed " + seed + " (hubs): " + bound.toJson();
                assertValid(bound, truth, what);
                if (bound.exact()) {
                    int max = BruteForce.maxSeats(truth);
                    assertThat(bound.maxSeatsFilled()).as(what).isEqualTo(max);
                    assertThat(bound.minPreferenceCost()).as(what).isEqualTo(truth[max]);
                }
                ObjectiveBound plain = BoundCalculator.compute(schedule, WITH_MIP.withoutMip());
                if (plain.maxSeatsFilled() == bound.maxSeatsFilled()
                        && plain.minPreferenceCost() < bound.minPreferenceCost()) {
                    cheaperWithoutHubs++;
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(INSTANCES * 2);
        // With a valid bound on both sides neither can be above the truth; hubs only ever loosen the session flow.
        assertThat(cheaperWithoutHubs).as("events where the hubs gave a higher (tighter) cost").isZero();
    }

    /** maxSeatsFilled ≥ every reachable seat count, and the cost curve below the true least cost at each. */
    private static void assertValid(ObjectiveBound bound, long[] truth, String what) {
        int max = BruteForce.maxSeats(truth);
        assertThat(bound.maxSeatsFilled()).as(what).isGreaterThanOrEqualTo(max);
        long previous = -1;
        for (int n = 0; n <= max; n++) {
            long lower = bound.minPreferenceCostAt(n);
            assertThat(lower).as(what + " nondecreasing at " + n).isGreaterThanOrEqualTo(previous);
            previous = lower;
            if (truth[n] != BruteForce.NONE) {
                assertThat(lower).as(what + " at " + n + " seats").isLessThanOrEqualTo(truth[n]);
            }
        }
        assertThat(bound.minPreferenceCostAt(bound.maxSeatsFilled())).isEqualTo(bound.minPreferenceCost());
        assertThatThrownBy(() -> bound.minPreferenceCostAt(bound.maxSeatsFilled() + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everySessionInEveryRoundIsExactWithoutTheIntegerProgram() throws Exception {
        // The hard case for the round-flow (every session reachable in every round): the session-flow optimum,
        // its rounds re-assigned, is a real seating; the integer program agrees.
        Schedule schedule = EventReader.parse(Path.of("every.json"),
                BoundBenchmark.everySessionEveryRound(1, 30, 5, 3, 3, 1.1)).schedule();
        ObjectiveBound flow = BoundCalculator.compute(schedule, WITH_MIP.withoutMip());
        assertThat(flow.exact()).as(flow.toJson().toString()).isTrue();
        assertThat(flow.method()).contains("re-assigned");
        assertThat(flow.maxSeatsFilled()).isEqualTo(90);
        SeatingModel model = new SeatingModel(schedule);
        SeatingMip.Result mip = SeatingMip.solve(model, 90, Duration.ofSeconds(20));
        assertThat(mip.optimal()).isTrue();
        assertThat(mip.seats()).isEqualTo(90);
        assertThat(flow.minPreferenceCost()).isEqualTo(mip.cost());
    }

    @Test
    void isDeterministic() {
        for (long seed = 1; seed <= 5; seed++) {
            for (Kind kind : Kind.values()) {
                Schedule schedule = RandomEvents.schedule(seed, kind);
                ObjectiveBound a = BoundCalculator.compute(schedule, WITH_MIP);
                ObjectiveBound b = BoundCalculator.compute(RandomEvents.schedule(seed, kind), WITH_MIP);
                assertThat(withoutTimes(a)).isEqualTo(withoutTimes(b));
            }
        }
    }

    private static ObjectNode withoutTimes(ObjectiveBound bound) {
        ObjectNode json = bound.toJson();
        json.remove(List.of("millis", "mip"));
        json.withArray("relaxations").forEach(r -> ((ObjectNode) r).remove("millis"));
        return json;
    }

    @Test
    void pinnedSeatsCountAndOccupyTheirRun() throws Exception {
        String json = """
                {
                  "rounds": [ { "id": "R1" }, { "id": "R2" } ],
                  "rooms": [ { "id": "big", "capacity": 2 }, { "id": "small", "capacity": 1 } ],
                  "sessions": [
                    { "id": "A", "placements": [ { "round": "R1", "room": "big", "pinned": true } ] },
                    { "id": "B", "placements": [ { "round": "R1", "room": "small", "pinned": true } ] },
                    { "id": "C", "placements": [ { "round": "R2", "room": "small", "pinned": true } ] }
                  ],
                  "attendees": [
                    { "id": "P1", "preferences": ["A", "B", "C"],
                      "assignments": [ { "round": "R1", "session": "B", "room": "small", "pinned": true } ] },
                    { "id": "P2", "preferences": ["B", "A", "C"] },
                    { "id": "P3", "preferences": ["B", "C", "A"] }
                  ]
                }
                """;
        Schedule schedule = EventReader.parse(Path.of("pinned.json"), json).schedule();
        ObjectiveBound bound = BoundCalculator.compute(schedule);
        // 6 wanted seats. R1: B is full with P1's pinned seat, A holds 2; R2: C holds 1. So 4 seats at most.
        assertThat(bound.seatsWanted()).isEqualTo(6);
        assertThat(bound.pinnedSeats()).isEqualTo(1);
        assertThat(bound.pinnedCost()).isEqualTo(1);
        assertThat(bound.maxSeatsFilled()).isEqualTo(4);
        // P1's pinned B (rank 2: cost 1); P2 and P3 in A (rank 2 and 3: 1 + 4); C to P3 (rank 2: 1) → 7.
        assertThat(bound.minPreferenceCost()).isEqualTo(7);
        assertThat(bound.exact()).isTrue();
        assertThat(bound.minPreferenceCostAt(0)).isZero();
        assertThat(bound.minPreferenceCostAt(1)).isEqualTo(1);
    }

    @Test
    void openTimetableSeatsAreCappedByTheRoomsTheRunsCanHave() throws Exception {
        // Three runs, two rounds, a room of 4 and one of 1: two runs get the big room, one the small one, so 9 seats
        // at most. The flows let every run have the big room of both rounds (each round 4 + 1): 10 at best.
        String json = """
                {
                  "rounds": [ { "id": "R1" }, { "id": "R2" } ],
                  "rooms": [ { "id": "big", "capacity": 4 }, { "id": "small", "capacity": 1 } ],
                  "sessions": [ { "id": "A" }, { "id": "B" }, { "id": "C" } ],
                  "attendees": [
                    { "id": "P1", "preferences": ["A", "B", "C"] }, { "id": "P2", "preferences": ["B", "C", "A"] },
                    { "id": "P3", "preferences": ["C", "A", "B"] }, { "id": "P4", "preferences": ["A", "C", "B"] },
                    { "id": "P5", "preferences": ["B", "A", "C"] }, { "id": "P6", "preferences": ["C", "B", "A"] }
                  ]
                }
                """;
        Schedule schedule = EventReader.parse(Path.of("rooms.json"), json).schedule();
        long[] truth = BruteForce.costBySeats(schedule);
        ObjectiveBound bound = BoundCalculator.compute(schedule);
        String what = bound.toJson().toString();
        assertThat(BruteForce.maxSeats(truth)).isEqualTo(9);
        assertThat(bound.maxSeatsFilled()).as(what).isEqualTo(9);
        assertValid(bound, truth, what);
        assertThat(bound.relaxations().stream().filter(r -> r.name().contains("flow"))
                .mapToInt(ObjectiveBound.Relaxation::maxSeatsFilled).min().orElseThrow()).as(what).isEqualTo(10);
        assertThat(bound.relaxations()).as(what).filteredOn(r -> r.name().equals("room-assignment"))
                .singleElement().extracting(ObjectiveBound.Relaxation::maxSeatsFilled).isEqualTo(9);
        assertThat(bound.method()).contains("room assignment");
    }

    @Test
    void seatsBeyondBothFlowsAreCutByTheSeatingsLpBound() throws Exception {
        // P can reach A in both rounds (the round flow gives them both), Q can reach B and C, both in R1 (the session
        // flow gives Q both): each flow allows 3 seats, but P and Q take one each. The seats' LP keeps both rules: 2.
        String json = """
                {
                  "settings": { "allowUnranked": false },
                  "rounds": [ { "id": "R1" }, { "id": "R2" } ],
                  "rooms": [ { "id": "r1", "capacity": 5 }, { "id": "r2", "capacity": 5 }, { "id": "r3", "capacity": 5 } ],
                  "sessions": [
                    { "id": "A", "runs": 2, "placements": [ { "round": "R1", "room": "r1", "pinned": true },
                                                             { "round": "R2", "room": "r1", "pinned": true } ] },
                    { "id": "B", "placements": [ { "round": "R1", "room": "r2", "pinned": true } ] },
                    { "id": "C", "placements": [ { "round": "R1", "room": "r3", "pinned": true } ] }
                  ],
                  "attendees": [
                    { "id": "P", "preferences": ["A"] },
                    { "id": "Q", "preferences": ["B", "C"] }
                  ]
                }
                """;
        Schedule schedule = EventReader.parse(Path.of("both-flows.json"), json).schedule();
        long[] truth = BruteForce.costBySeats(schedule);
        ObjectiveBound bound = BoundCalculator.compute(schedule, FLOWS_ONLY);
        String what = bound.toJson().toString();
        assertThat(BruteForce.maxSeats(truth)).isEqualTo(2);
        assertThat(bound.relaxations()).as(what).filteredOn(r -> r.name().contains("flow"))
                .allSatisfy(r -> assertThat(r.maxSeatsFilled()).isEqualTo(3));
        assertThat(bound.maxSeatsFilled()).as(what).isEqualTo(2);
        assertThat(bound.relaxations()).as(what).extracting(ObjectiveBound.Relaxation::name)
                .contains("lagrangian-seats");
        assertValid(bound, truth, what);
        // The seating LP keeps both rules too, and its optimum here is integral: the bound is exact.
        ObjectiveBound lp = BoundCalculator.compute(schedule, WITH_MIP.withoutMip());
        assertThat(lp.exact()).as(lp.toJson().toString()).isTrue();
        assertThat(lp.method()).isEqualTo(BoundCalculator.LP_EXACT_METHOD);
        assertThat(lp.maxSeatsFilled()).isEqualTo(2);
        assertThat(lp.minPreferenceCost()).isEqualTo(truth[2]);
    }
}

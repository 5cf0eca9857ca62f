package org.breakout.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Random;

import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.SessionRun;
import org.junit.jupiter.api.Test;

/**
 * {@link RoundSeating}, the seating of big events, against the brute-force optimum of small random events (not the
 * solver's score): always feasible, exact when every session is given once (rounds are then independent), never
 * worse than the seating it starts from.
 */
class RoundSeatingTest {

    @Test
    void exactWhenSessionsRunOnceAndFeasibleWithRepeats() {
        int withRepeats = 0;
        int allSeatsWithRepeats = 0;
        for (int seed = 0; seed < 160; seed++) {
            boolean repeats = seed % 2 == 0;
            Schedule schedule = SeatingFlowTest.randomEvent(new Random(seed), repeats);
            Map<Seat, SessionRun> before = snapshot(schedule);

            Map<Seat, SessionRun> seating = RoundSeating.solve(schedule, () -> false);

            assertThat(snapshot(schedule)).as("the schedule is left as it was").isEqualTo(before);
            SeatingFlowTest.assertFeasible(schedule, seating);
            long[] optimum = SeatingFlowTest.BruteForce.optimum(schedule);
            long[] got = seatsAndCost(schedule, seating);
            assertThat(got[0]).as("seed %d", seed).isLessThanOrEqualTo(optimum[0]);
            if (!repeats) {
                assertThat(got).as("seed %d: sessions given once", seed).containsExactly(optimum);
            } else {
                withRepeats++;
                allSeatsWithRepeats += got[0] == optimum[0] ? 1 : 0;
            }
        }
        // With repeats it is a heuristic (block coordinate descent over rounds), but on small events it should fill
        // as many seats as the optimum nearly always.
        assertThat(allSeatsWithRepeats).isGreaterThan(withRepeats * 9 / 10);
    }

    @Test
    void neverWorseThanTheSeatingItStartsFrom() {
        for (int seed = 0; seed < 80; seed++) {
            Schedule schedule = SeatingFlowTest.randomEvent(new Random(seed), true);
            // A first seating: the exact flow's, then one seat emptied (as local search might leave it).
            Map<Seat, SessionRun> start = SeatingFlow.solve(schedule);
            start.forEach(Seat::setRun);
            start.keySet().stream().filter(Seat::isAssigned).findFirst().ifPresent(seat -> seat.setRun(null));
            long[] startFigures = seatsAndCost(schedule, snapshot(schedule));

            Map<Seat, SessionRun> seating = RoundSeating.solve(schedule, () -> false);

            SeatingFlowTest.assertFeasible(schedule, seating);
            long[] got = seatsAndCost(schedule, seating);
            assertThat(got[0] > startFigures[0] || (got[0] == startFigures[0] && got[1] <= startFigures[1]))
                    .as("seed %d: %s from %s", seed, got, startFigures).isTrue();
        }
    }

    @Test
    void theSeatingPhaseSwitchesToRoundSeatingAboveTheLimit() {
        Schedule schedule = SyntheticEvents.perRoundSessions(3, 200, 3, 6, 3, 6, 1.05, true);
        long options = schedule.seatOptions();
        assertThat(options).isGreaterThan(0);
        // At the limit: the exact flow's path (with repeats: the flow, or the descent from prices when better).
        long[] flow = seatsAndCost(schedule, SeatingFlow.solve(schedule));
        long[] phase = seatsAndCost(schedule, SeatingPhase.seat(schedule, options, () -> false).seating());
        assertThat(phase[0] > flow[0] || phase[0] == flow[0] && phase[1] <= flow[1])
                .as("phase %s against flow %s", java.util.Arrays.toString(phase), java.util.Arrays.toString(flow))
                .isTrue();
        assertThat(SeatingPhase.seat(schedule, options - 1, () -> false))
                .isEqualTo(new SeatingPhase.Seating(RoundSeating.solve(schedule, () -> false), false));
    }

    /** The large-fixed shape (seed 1) at that many attendees, nobody seated. */
    private static Schedule largeFixed(int attendees) throws Exception {
        String json = org.breakout.io.Json.MAPPER.writeValueAsString(org.breakout.generate.EventGenerator
                .generate(org.breakout.generate.EventShape.of("large-fixed",
                        Map.of("attendees", String.valueOf(attendees))), 1)
                .document());
        Schedule schedule = org.breakout.io.EventReader.parse(java.nio.file.Path.of("large-fixed.json"), json)
                .schedule();
        schedule.getSeats().stream().filter(seat -> !seat.isPinned()).forEach(seat -> seat.setRun(null));
        return schedule;
    }

    @Test
    void tellsTheProgressLinesWhereItIs() throws Exception {
        Schedule schedule = largeFixed(200);
        java.util.List<String> stages = new java.util.ArrayList<>();
        PhaseStages.attach(schedule, stages::add);

        RoundSeating.solve(schedule, () -> false);

        assertThat(stages.get(0)).isEqualTo("prices");
        assertThat(stages.get(1)).isEqualTo("prices: step 1");
        int firstSweep = stages.indexOf("sweep 1, round " + schedule.getRounds().get(0).id());
        assertThat(firstSweep).isGreaterThan(1);
        assertThat(stages.subList(1, firstSweep)).allSatisfy(stage -> assertThat(stage).startsWith("prices: step "));
    }

    @Test
    void startsFromPricesAndEndsNearTheLpBoundOnAnOverloadedEventWithRepeats() throws Exception {
        // The large-fixed shape at 1,000 attendees: 18 repeated sessions, unranked seats, load 1.1. The sweeps alone
        // from the round-flow relaxation ended 6-7 % above the LP bound on this shape; from the prices about 1 %.
        Schedule schedule = largeFixed(1000);

        Map<Seat, SessionRun> seating = RoundSeating.solve(schedule, () -> false);

        SeatingFlowTest.assertFeasible(schedule, seating);
        long[] got = seatsAndCost(schedule, seating);
        org.breakout.bound.ObjectiveBound bound = org.breakout.bound.BoundCalculator.compute(schedule,
                org.breakout.bound.BoundCalculator.Options.DEFAULT.withoutMip());
        assertThat(got[0]).isEqualTo(bound.maxSeatsFilled());
        assertThat((double) got[1]).as("cost %d against the bound %d", got[1], bound.minPreferenceCost())
                .isLessThanOrEqualTo(1.02 * bound.minPreferenceCost());
    }

    @Test
    void fillsASeatThatOnlyAMoveAcrossTwoRoundsCanFill() throws Exception {
        // X holds S in R1 and has no seat in R2, where only S has room: no round alone can do better (in R2 X may
        // not take S again; in R1 X prefers S to T). Moving S to R2 and giving X the seat in T in R1 fills both.
        String json = """
                {
                  "rounds": [ { "id": "R1" }, { "id": "R2" } ],
                  "rooms": [ { "id": "a", "capacity": 1 }, { "id": "b", "capacity": 1 } ],
                  "sessions": [
                    { "id": "S", "runs": 2, "placements": [ { "round": "R1", "room": "a", "pinned": true },
                                                { "round": "R2", "room": "a", "pinned": true } ] },
                    { "id": "T", "placements": [ { "round": "R1", "room": "b", "pinned": true } ] }
                  ],
                  "attendees": [ { "id": "X", "preferences": ["S", "T"] } ]
                }
                """;
        Schedule schedule = org.breakout.io.EventReader.parse(java.nio.file.Path.of("two-rounds.json"), json)
                .schedule();
        SessionRun sInR1 = schedule.getRuns().stream()
                .filter(run -> run.getSession().id().equals("S") && run.getRound().id().equals("R1")).findFirst()
                .orElseThrow();
        schedule.getSeats().get(0).setRun(sInR1);
        assertThat(SeatingFlow.reseatRounds(schedule, Set.of(sInR1.getRound())).seating().values())
                .as("round R1 alone keeps S").contains(sInR1);

        Map<Seat, SessionRun> seating = RoundSeating.solve(schedule, () -> false);

        SeatingFlowTest.assertFeasible(schedule, seating);
        assertThat(seatsAndCost(schedule, seating)).containsExactly(2, 1);
    }

    @Test
    void fillsASeatThroughAnotherAttendeesTwoRounds() throws Exception {
        // A (R1 only) may take only X, where B sits. B also holds Y in R2; Y has room in R1 and Z has room in R2.
        // No round alone helps (in R1 B may not take Y, held in R2; in R2 B prefers Y to Z) and A holds nothing to
        // move; B taking Y in R1 and Z in R2 frees X for A: three seats.
        String json = """
                {
                  "settings": { "allowUnranked": false },
                  "rounds": [ { "id": "R1" }, { "id": "R2" } ],
                  "rooms": [ { "id": "a", "capacity": 1 }, { "id": "b", "capacity": 1 }, { "id": "c", "capacity": 1 } ],
                  "sessions": [
                    { "id": "X", "placements": [ { "round": "R1", "room": "a", "pinned": true } ] },
                    { "id": "Y", "runs": 2, "placements": [ { "round": "R1", "room": "b", "pinned": true },
                                                { "round": "R2", "room": "b", "pinned": true } ] },
                    { "id": "Z", "placements": [ { "round": "R2", "room": "c", "pinned": true } ] }
                  ],
                  "attendees": [
                    { "id": "A", "rounds": ["R1"], "preferences": ["X"] },
                    { "id": "B", "preferences": ["X", "Y", "Z"] }
                  ]
                }
                """;
        Schedule schedule = org.breakout.io.EventReader.parse(java.nio.file.Path.of("shift.json"), json).schedule();
        Map<String, SessionRun> runs = new LinkedHashMap<>();
        schedule.getRuns().forEach(run -> runs.put(run.getSession().id() + "@" + run.getRound().id(), run));
        List<Seat> seatsOfB = schedule.getSeats().stream().filter(seat -> seat.getAttendee().id().equals("B"))
                .toList();
        seatsOfB.get(0).setRun(runs.get("X@R1"));
        seatsOfB.get(1).setRun(runs.get("Y@R2"));

        Map<Seat, SessionRun> seating = RoundSeating.solve(schedule, () -> false);

        SeatingFlowTest.assertFeasible(schedule, seating);
        // A: X (rank 1, cost 0); B: Y (rank 2, cost 1) and Z (rank 3, cost 4).
        assertThat(seatsAndCost(schedule, seating)).containsExactly(3, 5);
        assertThat(seating.get(seatsOfB.get(0))).isEqualTo(runs.get("Y@R1"));
        assertThat(seating.get(seatsOfB.get(1))).isEqualTo(runs.get("Z@R2"));
    }

    private static Map<Seat, SessionRun> snapshot(Schedule schedule) {
        Map<Seat, SessionRun> runs = new LinkedHashMap<>();
        schedule.getSeats().forEach(seat -> runs.put(seat, seat.getRun()));
        return runs;
    }

    /** Seats filled and preference cost of the unpinned seats, counted from the seating. */
    private static long[] seatsAndCost(Schedule schedule, Map<Seat, SessionRun> seating) {
        long filled = 0;
        long cost = 0;
        for (Map.Entry<Seat, SessionRun> entry : seating.entrySet()) {
            if (entry.getValue() != null && !entry.getKey().isPinned()) {
                filled++;
                cost += schedule.getSettings().seatCost(entry.getKey().getAttendee(), entry.getValue().getSession());
            }
        }
        return new long[] { filled, cost };
    }
}

package org.breakout.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.breakout.bound.RandomEvents.Kind;
import org.breakout.domain.Schedule;
import org.junit.jupiter.api.Test;

/** The seating LP and the integer program against a brute-force optimum on seeded random small fixed events. */
class SeatingLpTest {

    private static final int INSTANCES = 40;
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    void nativeLibrariesLoad() {
        // Everything below would be skipped without them; on the machines CI and users run, they must load.
        assertThat(SeatingLp.unavailable()).isNull();
    }

    @Test
    void lpBoundNeverCutsTheOptimumAndItsSeatingIsReal() {
        int exact = 0;
        int tighterThanFlows = 0;
        for (long seed = 1; seed <= INSTANCES; seed++) {
            for (Kind kind : List.of(Kind.FIXED_REPEATS, Kind.FIXED_NO_REPEATS)) {
                Schedule schedule = RandomEvents.schedule(seed, kind);
                long[] truth = BruteForce.costBySeats(schedule);
                int max = BruteForce.maxSeats(truth);
                SeatingModel model = new SeatingModel(schedule);
                long flowSeats = roundFlowSeats(model);
                SeatingProgram program = new SeatingProgram(model);
                SeatingLp.Result lp = SeatingLp.solve(program, flowSeats, LIMIT, () -> false);
                String what = kind + " seed " + seed + ": " + lp + ", optimum " + max + " seats at " + truth[max];
                assertThat(lp.solved()).as(what).isTrue();
                // Brute force counts pinned seats; the program only the unpinned ones.
                long optimumSeats = max - model.pinnedSeats;
                long optimumCost = truth[max] - model.pinnedCost;
                assertThat(lp.seats()).as(what).isGreaterThanOrEqualTo(optimumSeats).isLessThanOrEqualTo(flowSeats);
                if (lp.seats() == optimumSeats) {
                    assertThat(lp.cost()).as(what).isLessThanOrEqualTo(optimumCost);
                }
                // The seating it returns keeps every rule (checked here independently) and is what it says.
                assertKeepsRules(model, lp.seating(), what);
                assertThat((long) lp.seating().size()).as(what).isEqualTo(lp.seatingSeats())
                        .isLessThanOrEqualTo(optimumSeats);
                assertThat(costOf(model, lp.seating())).as(what).isEqualTo(lp.seatingCost());
                if (lp.exact()) {
                    assertThat(lp.seatingSeats()).as(what).isEqualTo(optimumSeats);
                    assertThat(lp.seatingCost()).as(what).isEqualTo(optimumCost);
                    exact++;
                }
                if (lp.seats() < flowSeats) {
                    tighterThanFlows++;
                }
            }
        }
        assertThat(exact).as("instances where the LP's seating is proven optimal").isGreaterThan(INSTANCES);
        assertThat(tighterThanFlows).as("instances where the LP cuts the flows' seats").isGreaterThan(0);
    }

    /**
     * PDLP's approximate duals, priced through the capacity Lagrangian, bound the brute-force optimum; GLOP's exact
     * ones through the same Lagrangian give the LP's bound again (so the run prices reach the right pairs), and PDLP's
     * come within one of it on most instances (its tolerance).
     */
    @Test
    void theLagrangianAtEitherSolversRunPricesBoundsTheOptimum() {
        int instances = 0;
        int pdlpMeetsGlop = 0;
        for (long seed = 1; seed <= INSTANCES / 2; seed++) {
            Schedule schedule = RandomEvents.schedule(seed, Kind.FIXED_REPEATS);
            long[] truth = BruteForce.costBySeats(schedule);
            int max = BruteForce.maxSeats(truth);
            SeatingModel model = new SeatingModel(schedule);
            long flowSeats = roundFlowSeats(model);
            SeatingProgram program = new SeatingProgram(model);
            SeatingLp.Result glop = SeatingLp.solve(program, flowSeats, LIMIT, () -> false, LpSolver.GLOP);
            SeatingLp.Result pdlp = SeatingLp.solve(program, flowSeats, LIMIT, () -> false, LpSolver.PDLP);
            String what = "seed " + seed + ": glop " + glop + ", pdlp " + pdlp + ", optimum " + max + " seats at "
                    + truth[max];
            assertThat(glop.solved()).as(what).isTrue();
            if (glop.seats() != max - model.pinnedSeats || !pdlp.solved() || pdlp.seats() != glop.seats()) {
                continue; // the bound at other seats than the optimum's: nothing to compare
            }
            instances++;
            long optimumCost = truth[max] - model.pinnedCost;
            PricedProblem problem = new PricedProblem(model);
            long atGlop = new CapacityLagrangian(problem, glop.seats()).boundAt(glop.prices().runs(),
                    glop.prices().seatWeight());
            long atPdlp = new CapacityLagrangian(problem, pdlp.seats()).boundAt(pdlp.prices().runs(),
                    pdlp.prices().seatWeight());
            assertThat(atGlop).as(what).isLessThanOrEqualTo(optimumCost).isGreaterThanOrEqualTo(glop.cost() - 1);
            assertThat(atPdlp).as(what).isLessThanOrEqualTo(optimumCost);
            assertThat(pdlp.cost()).as(what).isLessThanOrEqualTo(optimumCost);
            if (atPdlp >= glop.cost() - 1) {
                pdlpMeetsGlop++;
            }
        }
        assertThat(instances).as("instances compared").isGreaterThan(INSTANCES / 4);
        assertThat(pdlpMeetsGlop).as("instances where PDLP's prices reach the LP's bound").isGreaterThan(instances / 2);
    }

    /**
     * Column generation from the ascent's prices ends at the LP's bound (GLOP's on the whole LP) and never above the
     * brute-force optimum, and never below the ascent it starts from.
     */
    @Test
    void columnGenerationReachesTheLpBound() {
        int instances = 0;
        int meetsLp = 0;
        int raised = 0;
        for (long seed = 1; seed <= INSTANCES; seed++) {
            Schedule schedule = RandomEvents.schedule(seed, Kind.FIXED_REPEATS);
            long[] truth = BruteForce.costBySeats(schedule);
            int max = BruteForce.maxSeats(truth);
            SeatingModel model = new SeatingModel(schedule);
            SeatingLp.Result glop = SeatingLp.solve(new SeatingProgram(model), roundFlowSeats(model), LIMIT,
                    () -> false);
            assertThat(glop.solved()).isTrue();
            if (glop.seats() != max - model.pinnedSeats) {
                continue; // the bound at other seats than the optimum's: nothing to compare
            }
            instances++;
            CapacityLagrangian lagrangian = new CapacityLagrangian(model, glop.seats());
            lagrangian.collectColumns();
            long ascent = lagrangian.solve(20, () -> false).costBound(); // short: the columns have work to do
            long columns = lagrangian.columnBound(50, () -> false, round -> {
            }).costBound();
            String what = "seed " + seed + ": LP " + glop.cost() + ", ascent " + ascent + ", columns " + columns
                    + ", optimum " + truth[max];
            assertThat(columns).as(what).isGreaterThanOrEqualTo(ascent).isLessThanOrEqualTo(glop.cost())
                    .isLessThanOrEqualTo(truth[max] - model.pinnedCost);
            if (columns == glop.cost()) {
                meetsLp++;
            }
            if (columns > ascent) {
                raised++;
            }
        }
        assertThat(raised).as("instances where the columns raise the ascent's bound").isPositive();
        assertThat(instances).as("instances compared").isGreaterThan(INSTANCES / 2);
        assertThat(meetsLp).as("instances where column generation reaches the LP's bound").isEqualTo(instances);
    }

    @Test
    void integerProgramFindsTheOptimum() {
        for (long seed = 1; seed <= INSTANCES; seed++) {
            Schedule schedule = RandomEvents.schedule(seed, Kind.FIXED_REPEATS);
            long[] truth = BruteForce.costBySeats(schedule);
            int max = BruteForce.maxSeats(truth);
            SeatingModel model = new SeatingModel(schedule);
            SeatingMip.Result mip = SeatingMip.solve(model, Long.MAX_VALUE / 4, LIMIT);
            String what = "seed " + seed + ": " + mip.status();
            assertThat(mip.optimal()).as(what).isTrue();
            assertThat(mip.seats()).as(what).isEqualTo(max - model.pinnedSeats);
            assertThat(mip.cost()).as(what).isEqualTo(truth[max] - model.pinnedCost);
            List<FlowRelaxation.SeatChoice> seating = new SeatingProgram(model).seatChoices(mip.chosen());
            assertKeepsRules(model, seating, what);
            assertThat(costOf(model, seating)).as(what).isEqualTo(mip.cost());
        }
    }

    @Test
    void aStopBeforeTheStartLeavesItUnsolved() {
        Schedule schedule = RandomEvents.schedule(3, Kind.FIXED_REPEATS);
        SeatingModel model = new SeatingModel(schedule);
        SeatingLp.Result lp = SeatingLp.solve(new SeatingProgram(model), 1_000, Duration.ZERO, () -> true);
        assertThat(lp.solved()).isFalse();
        assertThat(lp.status()).contains("time limit");
        assertThat(lp.exact()).isFalse();
    }

    /** One seat per round, never a session twice, at most the wanted seats, within every run's seats left. */
    private static void assertKeepsRules(SeatingModel model, List<FlowRelaxation.SeatChoice> seating, String what) {
        Set<String> rounds = new HashSet<>();
        Set<String> sessions = new HashSet<>();
        java.util.Map<Integer, Integer> perAttendee = new java.util.HashMap<>();
        java.util.Map<Object, Integer> perRun = new java.util.HashMap<>();
        List<String> broken = new ArrayList<>();
        for (FlowRelaxation.SeatChoice seat : seating) {
            SeatingModel.AttendeeSlots slots = model.attendees.get(seat.attendee());
            var run = model.fixedRun.get(seat.session()).get(seat.round());
            if (!slots.freeRounds.contains(seat.round()) || !slots.sessions.contains(seat.session())) {
                broken.add(seat + ": not a seat this attendee may take");
            }
            if (!rounds.add(seat.attendee() + "/" + seat.round().id())) {
                broken.add(seat + ": two seats in one round");
            }
            if (!sessions.add(seat.attendee() + "/" + seat.session().id())
                    || slots.pinnedSessions.contains(seat.session())) {
                broken.add(seat + ": a session twice");
            }
            if (perAttendee.merge(seat.attendee(), 1, Integer::sum) > slots.remainingSeats) {
                broken.add(seat + ": more seats than wanted");
            }
            if (perRun.merge(run, 1, Integer::sum) > model.fixedRemaining.get(run)) {
                broken.add(seat + ": over the run's seats");
            }
        }
        assertThat(broken).as(what).isEmpty();
    }

    /** The round flow's most seats: the LP's seat cap. */
    private static long roundFlowSeats(SeatingModel model) {
        return FlowRelaxation.solve(model, FlowRelaxation.Grouping.ROUND, FlowRelaxation.Aggregate.SESSION, false)
                .curve().maxFlow();
    }

    private static long costOf(SeatingModel model, List<FlowRelaxation.SeatChoice> seating) {
        long cost = 0;
        for (FlowRelaxation.SeatChoice seat : seating) {
            cost += model.settings.seatCost(model.attendees.get(seat.attendee()).attendee, seat.session());
        }
        return cost;
    }
}

package org.breakout.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.breakout.solver.TestEvents.attendee;
import static org.breakout.solver.TestEvents.pinSeat;
import static org.breakout.solver.TestEvents.pinnedRun;
import static org.breakout.solver.TestEvents.ranks;
import static org.breakout.solver.TestEvents.room;
import static org.breakout.solver.TestEvents.rounds;
import static org.breakout.solver.TestEvents.run;
import static org.breakout.solver.TestEvents.session;
import static org.breakout.solver.TestEvents.speaker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import org.breakout.domain.Attendee;
import org.breakout.domain.EventSettings;
import org.breakout.domain.Room;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;
import org.breakout.domain.Speaker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Solves small events with the shipped configuration in FULL_ASSERT mode (which recalculates the score from scratch
 * after every step and move, so a custom phase that forgets to notify the score director or a broken shadow
 * variable fails the test) and checks the result independently of the score.
 */
class SolverEndToEndTest {

    private static Schedule solve(Schedule problem, int localSearchSteps) {
        SolverConfig config = SolverConfigs.defaultConfig().withEnvironmentMode(EnvironmentMode.FULL_ASSERT);
        SolverConfigs.limitLocalSearch(config, new TerminationConfig().withStepCountLimit(localSearchSteps));
        Solver<Schedule> solver = SolverFactory.<Schedule> create(config).buildSolver();
        return solver.solve(problem);
    }

    @Test
    void defaultConfigBuildsWithoutTermination() {
        SolverConfig config = SolverConfigs.defaultConfig();
        // Placement, construction, seating, the two timetable searches (on independent rounds, then the general
        // one), and the three seat local searches with the seating phase between them.
        assertThat(config.getPhaseConfigList()).hasSize(3 + 2 + 5);
        assertThat(config.getRandomSeed()).isZero();
        // Reproducible without the from-scratch score check after every phase (hundreds of phases).
        assertThat(config.getEnvironmentMode()).isEqualTo(EnvironmentMode.NO_ASSERT);
        assertThat(SolverFactory.<Schedule> create(config).buildSolver()).isNotNull();
    }

    @Test
    void theTimeLimitLeavesTimeForTheSeatingAfterThePlacement() {
        SolverConfig config = ScheduleSolver.configure(SolverConfigs.defaultConfig(),
                new ScheduleSolver.Options(Duration.ofMinutes(2), Duration.ofSeconds(20), null, 0));
        List<TerminationConfig> placementLimits = config.getPhaseConfigList().stream()
                .filter(phase -> phase instanceof ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig custom
                        && SolverConfigs.runs(custom, PlacementPhase.class))
                .map(phase -> phase.getTerminationConfig()).toList();
        assertThat(placementLimits).hasSize(1);
        assertThat(placementLimits.get(0).getSpentLimit()).isEqualTo(Duration.ofSeconds(36));
        // The shipped configuration itself is untouched.
        assertThat(SolverConfigs.defaultConfig().getPhaseConfigList().get(0).getTerminationConfig()).isNull();
    }

    @Test
    void mixedEventIsSolvedFeasiblyAndSeatsEveryone() {
        List<Round> rounds = rounds(3);
        Round r1 = rounds.get(0);
        Round r2 = rounds.get(1);
        Round r3 = rounds.get(2);
        Room small = room("small", 6);
        Room medium = room("medium", 7);
        Room av = room("av", 8, "av");
        Room hall = room("hall", 10);
        List<Room> rooms = List.of(small, medium, av, hall);
        Speaker busy = speaker("busy", r3);
        Speaker host = speaker("host");
        Session pinned = session("P", 1, null, rounds, List.of(host), Set.of(), Set.of(), Set.of());
        Session s1 = session("S1", 1, null, rounds, List.of(busy), Set.of(), Set.of(), Set.of());
        Session s2 = session("S2", 1, null, rounds, List.of(host), Set.of(), Set.of("av"), Set.of());
        Session repeated = session("S3", 2, null, rounds);
        Session mayors = session("S4", 1, null, rounds, List.of(), Set.of(), Set.of(), Set.of("mayor"));
        Session themeA = session("S5", 1, null, rounds, List.of(), Set.of("x"), Set.of(), Set.of());
        Session themeB = session("S6", 1, 5, rounds, List.of(), Set.of("x"), Set.of(), Set.of());
        Session given = session("S7", 1, null, List.of(r2, r3));
        List<Session> sessions = List.of(pinned, s1, s2, repeated, mayors, themeA, themeB, given);

        SessionRun pinnedRun = pinnedRun(pinned, 0, r1, hall);
        SessionRun givenRun = run(given, 0, r2, small);
        List<SessionRun> runs = new ArrayList<>(List.of(pinnedRun, new SessionRun(s1, 0), new SessionRun(s2, 0),
                new SessionRun(repeated, 0), new SessionRun(repeated, 1), new SessionRun(mayors, 0),
                new SessionRun(themeA, 0), new SessionRun(themeB, 0), givenRun));

        List<Attendee> attendees = new ArrayList<>();
        List<List<Session>> tastes = List.of(
                List.of(repeated, s1, s2, themeA),
                List.of(s1, repeated, themeB, given),
                List.of(themeA, themeB, repeated, s2),
                List.of(mayors, s1, repeated, pinned));
        for (int i = 0; i < 16; i++) {
            List<Session> taste = tastes.get(i % tastes.size());
            Map<Session, Integer> ranks = new HashMap<>();
            for (int j = 0; j < taste.size(); j++) {
                ranks.put(taste.get(j), j + 1);
            }
            Set<String> tags = i % 4 == 3 ? Set.of("mayor") : Set.of("alderman");
            List<Round> wanted = i % 5 == 4 ? List.of(r1, r3) : rounds;
            attendees.add(attendee(String.format("A%02d", i), tags, wanted, ranks));
        }
        Schedule problem = TestEvents.schedule(EventSettings.DEFAULT, rounds, rooms, List.of(busy, host), sessions,
                attendees, runs);
        Seat pinnedSeat = pinSeat(problem, attendees.get(0), pinnedRun);

        Schedule solution = solve(problem, 30);

        assertFeasible(solution);
        SessionRun solvedPinned = runById(solution, pinnedRun.getId());
        assertThat(solvedPinned.getRound()).isEqualTo(r1);
        assertThat(solvedPinned.getRoom()).isEqualTo(hall);
        // (The run the input placed without pinning is kept by the placement phase but local search may move it.)
        Seat solvedPinnedSeat = solution.getSeats().stream().filter(s -> s.getId().equals(pinnedSeat.getId()))
                .findFirst().orElseThrow();
        assertThat(solvedPinnedSeat.getRun().getId()).isEqualTo(pinnedRun.getId());
        // Every round offers more seats than attendees want there, so the optimum seats everyone.
        assertThat(solution.getSeats()).allMatch(Seat::isAssigned);
        assertThat(solution.getScore().hardScore()).isZero();
        assertThat(solution.getScore().mediumScore()).isZero();
    }

    @Test
    void fixedTimetableGetsTheOptimalSeating() {
        Schedule problem = SyntheticEvents.perRoundSessions(7, 24, 3, 3, 0, 4, 0.9, true);
        for (SessionRun run : problem.getRuns()) {
            run.setPinned(true);
        }
        SeatingFlow.Result optimum = SeatingFlow.solveWithDetails(problem);
        assertThat(optimum.provenOptimal()).isTrue();

        Schedule solution = solve(problem, 20);

        assertFeasible(solution);
        long filled = solution.getSeats().stream().filter(Seat::isAssigned).count();
        long cost = solution.getSeats().stream().filter(Seat::isAssigned)
                .mapToLong(s -> solution.getSettings().seatCost(s.getAttendee(), s.getSession())).sum();
        assertThat(filled).isEqualTo(optimum.seatsFilled());
        assertThat(cost).isEqualTo(optimum.cost());
        assertThat(solution.getScore()).isEqualTo(HardMediumSoftLongScore.of(0,
                filled - solution.getSeats().size(), -cost));
    }

    @Test
    @Timeout(120) // without the early stop it would wait out its 10-minute limits: fail instead of hanging
    void provenOptimalScheduleStopsTheSolverWithoutWaiting() {
        Schedule problem = SyntheticEvents.perRoundSessions(7, 24, 3, 3, 0, 4, 0.9, true);
        for (SessionRun run : problem.getRuns()) {
            run.setPinned(true);
        }
        SeatingFlow.Result optimum = SeatingFlow.solveWithDetails(problem);
        try (ScheduleSolver solver = new ScheduleSolver(
                new ScheduleSolver.Options(Duration.ofMinutes(10), Duration.ofMinutes(10), null, 0L))) {
            Schedule solution = solver.solve(problem);
            assertThat(solution.isProvenOptimal()).isTrue();
            assertThat(solution.getScore()).isEqualTo(HardMediumSoftLongScore.of(0,
                    optimum.seatsFilled() - solution.getSeats().size(), -optimum.cost()));
        }
    }

    @Test
    void thePhaseListenerHearsThatTheSolveStartsBeforeItsFirstPhase() {
        // The progress clock of `breakout solve` starts there: "Solved in" counts the solve, not the set-up of the
        // constructor (about half a second of class loading in a fresh JVM, whatever the event).
        Schedule problem = SyntheticEvents.perRoundSessions(11, 16, 3, 3, 0, 4, 1.2, false);
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        ScheduleSolver.PhaseListener listener = new ScheduleSolver.PhaseListener() {
            @Override
            public void solvingStarted() {
                heard.add("solving started");
            }

            @Override
            public void phaseStarted(int index, int phases, String name) {
                heard.add("phase " + (index + 1) + "/" + phases + ": " + name);
            }
        };
        try (ScheduleSolver solver = new ScheduleSolver(ScheduleSolver.Options.steps(5, 0), listener)) {
            assertThat(heard).isEmpty(); // building the solver is not the solve
            solver.solve(problem);
        }
        assertThat(heard).startsWith("solving started", "phase 1/10: placement");
        assertThat(heard).containsOnlyOnce("solving started");
    }

    @Test
    void openTimetableIsNeverMarkedProvenOptimal() {
        Schedule problem = SyntheticEvents.perRoundSessions(11, 16, 3, 3, 0, 4, 1.2, false);
        assertThat(solve(problem, 20).isProvenOptimal()).isFalse();
    }

    @Test
    void openEventWithRepeatsIsFeasible() {
        Schedule problem = SyntheticEvents.perRoundSessions(11, 16, 3, 3, 2, 4, 1.2, false);
        Schedule solution = solve(problem, 20);
        assertFeasible(solution);
        assertThat(solution.getScore().hardScore()).isZero();
    }

    @Test
    void constructionHeuristicPlacesRunsWhenThePlacementPhaseIsLeftOut() {
        // The run construction heuristic is a fallback; here it has to do all the work, which shows its explicit
        // configuration builds and runs with two entity classes that both have entity value ranges.
        Schedule problem = SyntheticEvents.perRoundSessions(13, 12, 2, 2, 1, 3, 1.3, false);
        SolverConfig config = SolverConfigs.defaultConfig().withEnvironmentMode(EnvironmentMode.FULL_ASSERT);
        config.setPhaseConfigList(new ArrayList<>(config.getPhaseConfigList().subList(1, 4)));
        SolverConfigs.limitLocalSearch(config, new TerminationConfig().withStepCountLimit(20));
        Schedule solution = SolverFactory.<Schedule> create(config).buildSolver().solve(problem);
        assertThat(solution.getRuns()).allMatch(SessionRun::isPlaced);
    }

    private static SessionRun runById(Schedule schedule, String id) {
        return schedule.getRuns().stream().filter(r -> r.getId().equals(id)).findFirst().orElseThrow();
    }

    /** Every hard rule, checked on the solution itself (not through the score). */
    static void assertFeasible(Schedule schedule) {
        Set<String> roomRounds = new HashSet<>();
        Map<Round, Set<Speaker>> speakersByRound = new HashMap<>();
        Map<Round, Set<Session>> sessionsByRound = new HashMap<>();
        for (SessionRun run : schedule.getRuns()) {
            assertThat(run.isPlaced()).as("run %s placed", run.getId()).isTrue();
            Round round = run.getRound();
            Session session = run.getSession();
            assertThat(roomRounds.add(run.getRoom().id() + "@" + round.id())).as("room clash %s", run).isTrue();
            assertThat(run.getRoom().isAvailableIn(round)).as("room available %s", run).isTrue();
            assertThat(run.getRoom().tags()).as("room tags %s", run).containsAll(session.requiredRoomTags());
            assertThat(session.isAllowedIn(round)).as("allowed round %s", run).isTrue();
            assertThat(sessionsByRound.computeIfAbsent(round, r -> new HashSet<>()).add(session))
                    .as("two runs of one session in a round %s", run).isTrue();
            for (Speaker speaker : session.speakers()) {
                assertThat(speaker.isAvailableIn(round)).as("speaker available %s", run).isTrue();
                assertThat(speakersByRound.computeIfAbsent(round, r -> new HashSet<>()).add(speaker))
                        .as("speaker clash %s", run).isTrue();
            }
        }
        Map<SessionRun, Integer> seated = new HashMap<>();
        Map<Attendee, Set<Round>> roundsOf = new HashMap<>();
        Map<Attendee, Set<Session>> sessionsOf = new HashMap<>();
        for (Seat seat : schedule.getSeats()) {
            SessionRun run = seat.getRun();
            if (run == null) {
                continue;
            }
            Attendee attendee = seat.getAttendee();
            assertThat(seat.getRound()).as("shadow round of %s", seat).isEqualTo(run.getRound());
            assertThat(seat.getEligibleRuns()).as("value range of %s", seat).contains(run);
            assertThat(schedule.getSettings().mayAttend(attendee, run.getSession())).as("may attend %s", seat)
                    .isTrue();
            assertThat(attendee.wants(run.getRound())).as("wanted round %s", seat).isTrue();
            assertThat(roundsOf.computeIfAbsent(attendee, a -> new HashSet<>()).add(run.getRound()))
                    .as("double booked %s", seat).isTrue();
            assertThat(sessionsOf.computeIfAbsent(attendee, a -> new HashSet<>()).add(run.getSession()))
                    .as("same session twice %s", seat).isTrue();
            seated.merge(run, 1, Integer::sum);
        }
        seated.forEach((run, count) -> assertThat(count).as("capacity of %s", run).isLessThanOrEqualTo(
                run.seatLimit()));
    }
}

package org.breakout.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;

import org.breakout.domain.Attendee;
import org.breakout.domain.EventSettings;
import org.breakout.domain.Room;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;
import org.breakout.domain.Speaker;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One nested class per constraint of {@link BreakoutConstraintProvider}: a penalising case with its exact match
 * weight, and the closest legal neighbour that is not penalised.
 *
 * <p>
 * A seat's round is its run's round, and the constraints that need it join the seat with its {@link SessionRun}: a
 * test of such a constraint gives the runs to {@code given(...)} as well (see {@link SeatRoundTest}).
 */
class BreakoutConstraintProviderTest {

    private static final ConstraintVerifier<BreakoutConstraintProvider, Schedule> VERIFIER = ConstraintVerifier.build(
            new BreakoutConstraintProvider(), Schedule.class, SessionRun.class, Seat.class);

    // ************************************************************************
    // Test data builders
    // ************************************************************************

    private static final LocalDateTime DAY = LocalDateTime.of(2025, 6, 4, 9, 0);

    static final Round R1 = round(1);
    static final Round R2 = round(2);
    static final Round R3 = round(3);

    static Round round(int number) {
        return new Round("R" + number, "Ronde " + number, DAY.plusHours(number), DAY.plusHours(number + 1),
                number - 1);
    }

    static Room room(String id, int capacity, String... tags) {
        return new Room(id, id, capacity, "venue", Set.of(tags), Set.of());
    }

    static Room roomUnavailableIn(String id, int capacity, Round... unavailable) {
        return new Room(id, id, capacity, "venue", Set.of(), Set.of(unavailable));
    }

    static Speaker speaker(String id, Round... unavailable) {
        return new Speaker(id, id, Set.of(unavailable));
    }

    static SessionBuilder session(String id) {
        return new SessionBuilder(id);
    }

    static AttendeeBuilder attendee(String id) {
        return new AttendeeBuilder(id);
    }

    /** A run (index 0) of the session, placed in the round and room. */
    static SessionRun run(Session session, Round round, Room room) {
        return new SessionRun(session, 0, round, room);
    }

    static SessionRun run(Session session, int index, Round round, Room room) {
        return new SessionRun(session, index, round, room);
    }

    /**
     * The attendee's seat number {@code index} in the run (null = unassigned). Constraints that read the seat's
     * round join its run: give the run to {@code given(...)} too.
     */
    static Seat seat(Attendee attendee, int index, SessionRun run) {
        Seat seat = new Seat(attendee, index, run == null ? List.of() : List.of(run));
        seat.setRun(run);
        return seat;
    }

    static EventSettings settings(Integer... rankCosts) {
        return new EventSettings(true, rankCosts.length == 0 ? null : List.of(rankCosts));
    }

    static final class SessionBuilder {
        private final String id;
        private final List<Speaker> speakers = new ArrayList<>();
        private final Set<String> themes = new LinkedHashSet<>();
        private Integer capacity;
        private int runs = 1;
        private final Set<Round> allowedRounds = new LinkedHashSet<>(List.of(R1, R2, R3));
        private final Set<String> requiredRoomTags = new LinkedHashSet<>();
        private final Set<String> audience = new LinkedHashSet<>();
        private boolean plenary;

        SessionBuilder(String id) {
            this.id = id;
        }

        SessionBuilder cap(int capacity) {
            this.capacity = capacity;
            return this;
        }

        SessionBuilder runs(int runs) {
            this.runs = runs;
            return this;
        }

        SessionBuilder speakers(Speaker... speakers) {
            this.speakers.addAll(Arrays.asList(speakers));
            return this;
        }

        SessionBuilder themes(String... themes) {
            this.themes.addAll(Arrays.asList(themes));
            return this;
        }

        SessionBuilder allowedIn(Round... rounds) {
            allowedRounds.clear();
            allowedRounds.addAll(Arrays.asList(rounds));
            return this;
        }

        SessionBuilder requires(String... roomTags) {
            requiredRoomTags.addAll(Arrays.asList(roomTags));
            return this;
        }

        SessionBuilder audience(String... tags) {
            audience.addAll(Arrays.asList(tags));
            return this;
        }

        SessionBuilder plenary() {
            plenary = true;
            return this;
        }

        Session build() {
            return new Session(id, id, List.copyOf(speakers), Set.copyOf(themes), capacity, runs,
                    Set.copyOf(allowedRounds), Set.copyOf(requiredRoomTags), Set.copyOf(audience), plenary);
        }
    }

    static final class AttendeeBuilder {
        private final String id;
        private final Set<String> tags = new LinkedHashSet<>();
        private final Set<Round> wanted = new LinkedHashSet<>(List.of(R1, R2, R3));
        private final Map<Session, Integer> ranks = new LinkedHashMap<>();

        AttendeeBuilder(String id) {
            this.id = id;
        }

        AttendeeBuilder tags(String... tags) {
            this.tags.addAll(Arrays.asList(tags));
            return this;
        }

        AttendeeBuilder wants(Round... rounds) {
            wanted.clear();
            wanted.addAll(Arrays.asList(rounds));
            return this;
        }

        /** Ranks in order of preference: the first session gets rank 1, the second rank 2, … */
        AttendeeBuilder prefers(Session... sessions) {
            for (Session session : sessions) {
                ranks.put(session, ranks.size() + 1);
            }
            return this;
        }

        /** An explicit rank (ties allowed). */
        AttendeeBuilder rank(Session session, int rank) {
            ranks.put(session, rank);
            return this;
        }

        Attendee build() {
            return new Attendee(id, id, Set.copyOf(tags), Set.copyOf(wanted), Map.copyOf(ranks), null);
        }
    }

    // Shared facts used by many tests.
    static final Room SMALL = room("small", 2);
    static final Room BIG = room("big", 10);
    static final Session S1 = session("S1").build();
    static final Session S2 = session("S2").build();

    // ************************************************************************
    // Hard: placements
    // ************************************************************************

    @Nested
    class RoomCapacityTest {

        @Test
        void threeSeatedInTwoSeatRoom() {
            Attendee a = attendee("A1").prefers(S1).build();
            Attendee b = attendee("A2").prefers(S1).build();
            Attendee c = attendee("A3").prefers(S1).build();
            SessionRun run = run(S1, R1, SMALL);
            VERIFIER.verifyThat(BreakoutConstraintProvider::roomCapacity)
                    .given(run, seat(a, 0, run), seat(b, 0, run), seat(c, 0, run))
                    .justifiesWithExactly(new Justifications.RoomOverfull("S1#1", "small", 3, 2))
                    .penalizesBy(1);
        }

        @Test
        void overflowCountsEverySeatTooMany() {
            List<Object> given = new ArrayList<>();
            SessionRun run = run(S1, R1, SMALL);
            given.add(run);
            for (int i = 1; i <= 5; i++) {
                given.add(seat(attendee("A" + i).build(), 0, run));
            }
            VERIFIER.verifyThat(BreakoutConstraintProvider::roomCapacity)
                    .given(given.toArray())
                    .penalizesBy(3);
        }

        @Test
        void exactlyFullIsFine() {
            Attendee a = attendee("A1").build();
            Attendee b = attendee("A2").build();
            SessionRun run = run(S1, R1, SMALL);
            VERIFIER.verifyThat(BreakoutConstraintProvider::roomCapacity)
                    .given(run, seat(a, 0, run), seat(b, 0, run))
                    .penalizesBy(0);
        }

        @Test
        void sameRoomOtherRoundIsAnotherRun() {
            // Neighbour of threeSeatedInTwoSeatRoom: the third attendee in the second run, same room, round 2.
            Session repeated = session("S1").runs(2).build();
            SessionRun first = run(repeated, 0, R1, SMALL);
            SessionRun second = run(repeated, 1, R2, SMALL);
            VERIFIER.verifyThat(BreakoutConstraintProvider::roomCapacity)
                    .given(first, second, seat(attendee("A1").build(), 0, first),
                            seat(attendee("A2").build(), 0, first), seat(attendee("A3").build(), 0, second))
                    .penalizesBy(0);
        }

        @Test
        void unassignedSeatsTakeNoPlace() {
            SessionRun run = run(S1, R1, SMALL);
            VERIFIER.verifyThat(BreakoutConstraintProvider::roomCapacity)
                    .given(run, seat(attendee("A1").build(), 0, run), seat(attendee("A2").build(), 0, run),
                            seat(attendee("A3").build(), 0, null))
                    .penalizesBy(0);
        }

        @Test
        void sessionCapBelowRoomCapacityCounts() {
            Session capped = session("S1").cap(2).build();
            SessionRun run = run(capped, R1, BIG);
            VERIFIER.verifyThat(BreakoutConstraintProvider::roomCapacity)
                    .given(run, seat(attendee("A1").build(), 0, run), seat(attendee("A2").build(), 0, run),
                            seat(attendee("A3").build(), 0, run))
                    .justifiesWithExactly(new Justifications.RoomOverfull("S1#1", "big", 3, 2))
                    .penalizesBy(1);
        }

        @Test
        void sessionCapAboveRoomCapacityIsTheRoomCapacity() {
            Session capped = session("S1").cap(50).build();
            SessionRun run = run(capped, R1, SMALL);
            VERIFIER.verifyThat(BreakoutConstraintProvider::roomCapacity)
                    .given(run, seat(attendee("A1").build(), 0, run), seat(attendee("A2").build(), 0, run),
                            seat(attendee("A3").build(), 0, run))
                    .penalizesBy(1);
        }

        @Test
        void sessionCapReachedExactlyIsFine() {
            Session capped = session("S1").cap(2).build();
            SessionRun run = run(capped, R1, BIG);
            VERIFIER.verifyThat(BreakoutConstraintProvider::roomCapacity)
                    .given(run, seat(attendee("A1").build(), 0, run), seat(attendee("A2").build(), 0, run))
                    .penalizesBy(0);
        }
    }

    @Nested
    class PlenaryRoomCapacityTest {

        private final Session plenary = session("P").plenary().build();

        @Test
        void plenaryRoomTooSmallForEveryone() {
            SessionRun run = run(plenary, R1, SMALL);
            VERIFIER.verifyThat(BreakoutConstraintProvider::plenaryRoomCapacity)
                    .given(run, attendee("A1").build(), attendee("A2").build(), attendee("A3").build(),
                            attendee("A4").build())
                    .justifiesWithExactly(new Justifications.PlenaryRoomTooSmall("P#1", "small", 4, 2))
                    .penalizesBy(2);
        }

        @Test
        void plenaryRoomJustBigEnough() {
            SessionRun run = run(plenary, R1, SMALL);
            VERIFIER.verifyThat(BreakoutConstraintProvider::plenaryRoomCapacity)
                    .given(run, attendee("A1").build(), attendee("A2").build())
                    .penalizesBy(0);
        }

        @Test
        void ordinarySessionIsNotCheckedAgainstAllAttendees() {
            SessionRun run = run(S1, R1, SMALL);
            VERIFIER.verifyThat(BreakoutConstraintProvider::plenaryRoomCapacity)
                    .given(run, attendee("A1").build(), attendee("A2").build(), attendee("A3").build())
                    .penalizesBy(0);
        }
    }

    @Nested
    class RoomConflictTest {

        @Test
        void twoRunsInOneRoomInOneRound() {
            SessionRun a = run(S1, R1, SMALL);
            SessionRun b = run(S2, R1, SMALL);
            VERIFIER.verifyThat(BreakoutConstraintProvider::roomConflict)
                    .given(a, b)
                    .justifiesWith(new Justifications.RoomDoubleBooked("small", "R1", "S1#1", "S2#1"))
                    .penalizesBy(1);
        }

        @Test
        void threeRunsInOneRoomCountEachPair() {
            Session s3 = session("S3").build();
            VERIFIER.verifyThat(BreakoutConstraintProvider::roomConflict)
                    .given(run(S1, R1, SMALL), run(S2, R1, SMALL), run(s3, R1, SMALL))
                    .penalizesBy(3);
        }

        @Test
        void sameRoomOtherRound() {
            VERIFIER.verifyThat(BreakoutConstraintProvider::roomConflict)
                    .given(run(S1, R1, SMALL), run(S2, R2, SMALL))
                    .penalizesBy(0);
        }

        @Test
        void sameRoundOtherRoom() {
            VERIFIER.verifyThat(BreakoutConstraintProvider::roomConflict)
                    .given(run(S1, R1, SMALL), run(S2, R1, BIG))
                    .penalizesBy(0);
        }
    }

    @Nested
    class SessionRepeatedInRoundTest {

        @Test
        void twoRunsOfOneSessionInOneRound() {
            Session repeated = session("S9").runs(2).build();
            SessionRun first = run(repeated, 0, R1, SMALL);
            SessionRun second = run(repeated, 1, R1, BIG);
            VERIFIER.verifyThat(BreakoutConstraintProvider::sessionRepeatedInRound)
                    .given(first, second)
                    .justifiesWith(new Justifications.SessionRepeatedInRound("S9", "R1", "S9#1", "S9#2"))
                    .penalizesBy(1);
        }

        @Test
        void runsOfOneSessionInDifferentRounds() {
            Session repeated = session("S9").runs(2).build();
            VERIFIER.verifyThat(BreakoutConstraintProvider::sessionRepeatedInRound)
                    .given(run(repeated, 0, R1, SMALL), run(repeated, 1, R2, SMALL))
                    .penalizesBy(0);
        }

        @Test
        void differentSessionsInOneRound() {
            VERIFIER.verifyThat(BreakoutConstraintProvider::sessionRepeatedInRound)
                    .given(run(S1, R1, SMALL), run(S2, R1, BIG))
                    .penalizesBy(0);
        }
    }

    @Nested
    class SpeakerConflictTest {

        private final Speaker depla = speaker("depla");
        private final Speaker jansen = speaker("jansen");
        private final Speaker other = speaker("other");

        @Test
        void sharedSpeakerInSameRound() {
            Session a = session("S1").speakers(depla).build();
            Session b = session("S2").speakers(depla, other).build();
            VERIFIER.verifyThat(BreakoutConstraintProvider::speakerConflict)
                    .given(run(a, R1, SMALL), run(b, R1, BIG))
                    .justifiesWith(new Justifications.SpeakerDoubleBooked("R1", "S1#1", "S2#1", 1))
                    .penalizesBy(1);
        }

        @Test
        void onePerSharedSpeaker() {
            Session a = session("S1").speakers(depla, jansen).build();
            Session b = session("S2").speakers(jansen, depla, other).build();
            VERIFIER.verifyThat(BreakoutConstraintProvider::speakerConflict)
                    .given(run(a, R1, SMALL), run(b, R1, BIG))
                    .penalizesBy(2);
        }

        @Test
        void twoRunsOfOneSessionInOneRound() {
            Session repeated = session("S1").runs(2).speakers(depla).build();
            VERIFIER.verifyThat(BreakoutConstraintProvider::speakerConflict)
                    .given(run(repeated, 0, R1, SMALL), run(repeated, 1, R1, BIG))
                    .penalizesBy(1);
        }

        @Test
        void sharedSpeakerInOtherRounds() {
            Session a = session("S1").speakers(depla, jansen).build();
            Session b = session("S2").speakers(jansen, depla).build();
            VERIFIER.verifyThat(BreakoutConstraintProvider::speakerConflict)
                    .given(run(a, R1, SMALL), run(b, R2, BIG))
                    .penalizesBy(0);
        }

        @Test
        void differentSpeakersInSameRound() {
            Session a = session("S1").speakers(depla).build();
            Session b = session("S2").speakers(jansen).build();
            VERIFIER.verifyThat(BreakoutConstraintProvider::speakerConflict)
                    .given(run(a, R1, SMALL), run(b, R1, BIG))
                    .penalizesBy(0);
        }
    }

    @Nested
    class SpeakerUnavailableTest {

        @Test
        void onePerUnavailableSpeaker() {
            Session s = session("S1").speakers(speaker("x", R1), speaker("y", R1, R3), speaker("z", R2)).build();
            VERIFIER.verifyThat(BreakoutConstraintProvider::speakerUnavailable)
                    .given(run(s, R1, SMALL))
                    .justifiesWithExactly(new Justifications.SpeakerUnavailable("S1#1", "R1", 2))
                    .penalizesBy(2);
        }

        @Test
        void sameSessionInARoundEveryoneCanMake() {
            Session s = session("S1").speakers(speaker("x", R1), speaker("y", R1, R3)).build();
            VERIFIER.verifyThat(BreakoutConstraintProvider::speakerUnavailable)
                    .given(run(s, R2, SMALL))
                    .penalizesBy(0);
        }
    }

    @Nested
    class RoomUnavailableTest {

        private final Room closed = roomUnavailableIn("museum", 20, R1);

        @Test
        void roomUsedInRoundItIsClosed() {
            VERIFIER.verifyThat(BreakoutConstraintProvider::roomUnavailable)
                    .given(run(S1, R1, closed))
                    .justifiesWithExactly(new Justifications.RoomUnavailable("S1#1", "museum", "R1"))
                    .penalizesBy(1);
        }

        @Test
        void sameRoomOtherRound() {
            VERIFIER.verifyThat(BreakoutConstraintProvider::roomUnavailable)
                    .given(run(S1, R2, closed))
                    .penalizesBy(0);
        }
    }

    @Nested
    class RoundNotAllowedTest {

        private final Session lunchOnly = session("S1").allowedIn(R2).build();

        @Test
        void runOutsideItsAllowedRounds() {
            VERIFIER.verifyThat(BreakoutConstraintProvider::roundNotAllowed)
                    .given(run(lunchOnly, R1, SMALL))
                    .justifiesWithExactly(new Justifications.RoundNotAllowed("S1#1", "R1"))
                    .penalizesBy(1);
        }

        @Test
        void runInAnAllowedRound() {
            VERIFIER.verifyThat(BreakoutConstraintProvider::roundNotAllowed)
                    .given(run(lunchOnly, R2, SMALL))
                    .penalizesBy(0);
        }
    }

    @Nested
    class RoomTagsMissingTest {

        private final Session needs = session("S1").requires("stepfree", "av").build();

        @Test
        void onePerMissingTag() {
            VERIFIER.verifyThat(BreakoutConstraintProvider::roomTagsMissing)
                    .given(run(needs, R1, room("attic", 10)))
                    .justifiesWithExactly(new Justifications.RoomTagsMissing("S1#1", "attic", 2))
                    .penalizesBy(2);
        }

        @Test
        void oneTagMissing() {
            VERIFIER.verifyThat(BreakoutConstraintProvider::roomTagsMissing)
                    .given(run(needs, R1, room("cellar", 10, "av")))
                    .penalizesBy(1);
        }

        @Test
        void roomWithEveryTag() {
            VERIFIER.verifyThat(BreakoutConstraintProvider::roomTagsMissing)
                    .given(run(needs, R1, room("hall", 10, "av", "stepfree", "wifi")))
                    .penalizesBy(0);
        }
    }

    // ************************************************************************
    // Hard: seats
    // ************************************************************************

    @Nested
    class AttendeeDoubleBookedTest {

        @Test
        void twoSeatsInOneRound() {
            Attendee a = attendee("A1").prefers(S1, S2).build();
            SessionRun r1 = run(S1, R1, SMALL);
            SessionRun r2 = run(S2, R1, BIG);
            VERIFIER.verifyThat(BreakoutConstraintProvider::attendeeDoubleBooked)
                    .given(r1, r2, seat(a, 0, r1), seat(a, 1, r2))
                    .justifiesWithExactly(new Justifications.AttendeeDoubleBooked("A1", "R1", "S1#1", "S2#1"))
                    .penalizesBy(1);
        }

        @Test
        void twoSeatsInTwoRounds() {
            Attendee a = attendee("A1").prefers(S1, S2).build();
            SessionRun r1 = run(S1, R1, SMALL);
            SessionRun r2 = run(S2, R2, BIG);
            VERIFIER.verifyThat(BreakoutConstraintProvider::attendeeDoubleBooked)
                    .given(r1, r2, seat(a, 0, r1), seat(a, 1, r2))
                    .penalizesBy(0);
        }

        @Test
        void twoAttendeesInOneRound() {
            SessionRun r1 = run(S1, R1, SMALL);
            SessionRun r2 = run(S2, R1, BIG);
            VERIFIER.verifyThat(BreakoutConstraintProvider::attendeeDoubleBooked)
                    .given(r1, r2, seat(attendee("A1").build(), 0, r1), seat(attendee("A2").build(), 0, r2))
                    .penalizesBy(0);
        }

        @Test
        void unassignedSeatsAreNotDoubleBooked() {
            Attendee a = attendee("A1").build();
            SessionRun r1 = run(S1, R1, SMALL);
            VERIFIER.verifyThat(BreakoutConstraintProvider::attendeeDoubleBooked)
                    .given(r1, seat(a, 0, r1), seat(a, 1, null), seat(a, 2, null))
                    .penalizesBy(0);
        }
    }

    @Nested
    class SessionAttendedTwiceTest {

        private final Session repeated = session("S1").runs(2).build();

        @Test
        void bothRunsOfARepeatedSession() {
            Attendee a = attendee("A1").prefers(repeated).build();
            SessionRun first = run(repeated, 0, R1, SMALL);
            SessionRun second = run(repeated, 1, R2, SMALL);
            VERIFIER.verifyThat(BreakoutConstraintProvider::sessionAttendedTwice)
                    .given(first, second, seat(a, 0, first), seat(a, 1, second))
                    .justifiesWithExactly(new Justifications.SessionAttendedTwice("A1", "S1"))
                    .penalizesBy(1);
        }

        @Test
        void oneRunEachOfTwoSessions() {
            Attendee a = attendee("A1").prefers(repeated, S2).build();
            SessionRun first = run(repeated, 0, R1, SMALL);
            SessionRun other = run(S2, R2, SMALL);
            VERIFIER.verifyThat(BreakoutConstraintProvider::sessionAttendedTwice)
                    .given(first, other, seat(a, 0, first), seat(a, 1, other))
                    .penalizesBy(0);
        }

        @Test
        void twoAttendeesInBothRuns() {
            SessionRun first = run(repeated, 0, R1, SMALL);
            SessionRun second = run(repeated, 1, R2, SMALL);
            VERIFIER.verifyThat(BreakoutConstraintProvider::sessionAttendedTwice)
                    .given(first, second, seat(attendee("A1").build(), 0, first),
                            seat(attendee("A2").build(), 0, second))
                    .penalizesBy(0);
        }
    }

    @Nested
    class SeatInUnwantedRoundTest {

        private final Attendee morningOnly = attendee("A1").wants(R1).prefers(S1).build();

        @Test
        void seatInARoundNotAskedFor() {
            SessionRun run = run(S1, R2, SMALL);
            VERIFIER.verifyThat(BreakoutConstraintProvider::seatInUnwantedRound)
                    .given(run, seat(morningOnly, 0, run))
                    .justifiesWithExactly(new Justifications.SeatInUnwantedRound("A1", "S1#1", "R2"))
                    .penalizesBy(1);
        }

        @Test
        void seatInTheWantedRound() {
            SessionRun run = run(S1, R1, SMALL);
            VERIFIER.verifyThat(BreakoutConstraintProvider::seatInUnwantedRound)
                    .given(run, seat(morningOnly, 0, run))
                    .penalizesBy(0);
        }
    }

    @Nested
    class AudienceRestrictedTest {

        private final Session mayorsOnly = session("S1").audience("burgemeester").build();

        @Test
        void attendeeOutsideTheAudience() {
            Attendee alderman = attendee("A1").tags("wethouder", "G40").build();
            SessionRun run = run(mayorsOnly, R1, SMALL);
            VERIFIER.verifyThat(BreakoutConstraintProvider::audienceRestricted)
                    .given(run, seat(alderman, 0, run))
                    .justifiesWithExactly(new Justifications.AudienceRestricted("A1", "S1"))
                    .penalizesBy(1);
        }

        @Test
        void attendeeInTheAudience() {
            Attendee mayor = attendee("A1").tags("burgemeester", "G40").build();
            SessionRun run = run(mayorsOnly, R1, SMALL);
            VERIFIER.verifyThat(BreakoutConstraintProvider::audienceRestricted)
                    .given(run, seat(mayor, 0, run))
                    .penalizesBy(0);
        }

        @Test
        void openSessionAdmitsEveryone() {
            Attendee alderman = attendee("A1").tags("wethouder").build();
            SessionRun run = run(S1, R1, SMALL);
            VERIFIER.verifyThat(BreakoutConstraintProvider::audienceRestricted)
                    .given(run, seat(alderman, 0, run), seat(alderman, 1, null))
                    .penalizesBy(0);
        }

        @Test
        void plenaryTakesNoSeats() {
            Session plenary = session("P").plenary().build();
            SessionRun run = run(plenary, R1, BIG);
            VERIFIER.verifyThat(BreakoutConstraintProvider::audienceRestricted)
                    .given(run, seat(attendee("A1").build(), 0, run))
                    .penalizesBy(1);
        }
    }

    @Nested
    class UnrankedNotAllowedTest {

        private final EventSettings rankedOnly = new EventSettings(false, null);
        private final Attendee a = attendee("A1").prefers(S1).build();

        @Test
        void unrankedSeatWhenTheEventForbidsIt() {
            SessionRun run = run(S2, R1, SMALL);
            VERIFIER.verifyThat(BreakoutConstraintProvider::unrankedNotAllowed)
                    .given(rankedOnly, run, seat(a, 0, run))
                    .justifiesWithExactly(new Justifications.UnrankedSession("A1", "S2"))
                    .penalizesBy(1);
        }

        @Test
        void rankedSeatWhenTheEventForbidsUnranked() {
            SessionRun run = run(S1, R1, SMALL);
            VERIFIER.verifyThat(BreakoutConstraintProvider::unrankedNotAllowed)
                    .given(rankedOnly, run, seat(a, 0, run))
                    .penalizesBy(0);
        }

        @Test
        void unrankedSeatWhenTheEventAllowsIt() {
            SessionRun run = run(S2, R1, SMALL);
            VERIFIER.verifyThat(BreakoutConstraintProvider::unrankedNotAllowed)
                    .given(EventSettings.DEFAULT, run, seat(a, 0, run))
                    .penalizesBy(0);
        }
    }

    @Nested
    class PinnedSeatMovedTest {

        @Test
        void pinnedSeatWhoseRunMovedRound() {
            Attendee a = attendee("A1").prefers(S1).build();
            SessionRun run = run(S1, R2, SMALL);
            Seat seat = seat(a, 0, run);
            seat.pin(R1);
            VERIFIER.verifyThat(BreakoutConstraintProvider::pinnedSeatMoved)
                    .given(run, seat)
                    .justifiesWithExactly(new Justifications.PinnedSeatMoved("A1", "S1#1", "R1", "R2"))
                    .penalizesBy(1);
        }

        @Test
        void pinnedSeatWhoseRunStayed() {
            Attendee a = attendee("A1").prefers(S1).build();
            SessionRun run = run(S1, R1, SMALL);
            Seat seat = seat(a, 0, run);
            seat.pin(R1);
            VERIFIER.verifyThat(BreakoutConstraintProvider::pinnedSeatMoved)
                    .given(run, seat)
                    .penalizesBy(0);
        }

        @Test
        void unpinnedSeatMayFollowItsRun() {
            Attendee a = attendee("A1").prefers(S1).build();
            SessionRun run = run(S1, R2, SMALL);
            Seat seat = seat(a, 0, run);
            seat.setPrevious(S1, R1);
            VERIFIER.verifyThat(BreakoutConstraintProvider::pinnedSeatMoved)
                    .given(run, seat)
                    .penalizesBy(0);
        }
    }

    // ************************************************************************
    // Medium
    // ************************************************************************

    @Nested
    class UnfilledSeatTest {

        @Test
        void wantedRoundWithoutASeat() {
            Attendee a = attendee("A1").wants(R1, R2).prefers(S1).build();
            SessionRun run = run(S1, R1, SMALL);
            VERIFIER.verifyThat(BreakoutConstraintProvider::unfilledSeat)
                    .given(run, seat(a, 0, run), seat(a, 1, null))
                    .justifiesWithExactly(new Justifications.UnfilledSeat("A1", "A1/2"))
                    .penalizesBy(1);
        }

        @Test
        void everyWantedRoundFilled() {
            Attendee a = attendee("A1").wants(R1, R2).prefers(S1, S2).build();
            SessionRun r1 = run(S1, R1, SMALL);
            SessionRun r2 = run(S2, R2, SMALL);
            VERIFIER.verifyThat(BreakoutConstraintProvider::unfilledSeat)
                    .given(r1, r2, seat(a, 0, r1), seat(a, 1, r2))
                    .penalizesBy(0);
        }

        @Test
        void isMediumNotHard() {
            Attendee a = attendee("A1").wants(R1).build();
            Seat empty = seat(a, 0, null);
            VERIFIER.verifyThat()
                    .given(EventSettings.DEFAULT, a, empty)
                    .scores(HardMediumSoftLongScore.ofMedium(-1));
        }
    }

    // ************************************************************************
    // Soft
    // ************************************************************************

    @Nested
    class PreferenceCostTest {

        private final Session s3 = session("S3").build();
        private final Session s4 = session("S4").build();
        private final Session s5 = session("S5").build();
        private final Session s6 = session("S6").build();

        /** The attendee seated in the given sessions, one per round R1, R2, R3. */
        private Object[] seated(EventSettings settings, Attendee attendee, Session... sessions) {
            List<Object> given = new ArrayList<>();
            given.add(settings);
            List<Round> rounds = List.of(R1, R2, R3);
            for (int i = 0; i < sessions.length; i++) {
                SessionRun run = run(sessions[i], rounds.get(i), BIG);
                given.add(run);
                given.add(seat(attendee, i, run));
            }
            return given.toArray();
        }

        @Test
        void defaultCostIsRankMinusOneSquared() {
            Attendee a = attendee("A1").prefers(S1, S2, s3, s4).build();
            // rank 2 -> 1, rank 3 -> 4, rank 4 -> 9
            VERIFIER.verifyThat(BreakoutConstraintProvider::preferenceCost)
                    .given(seated(EventSettings.DEFAULT, a, S2, s3, s4))
                    .penalizesBy(14);
        }

        @Test
        void firstChoicesCostNothing() {
            Attendee a = attendee("A1").rank(S1, 1).rank(S2, 1).rank(s3, 1).rank(s4, 2).build();
            VERIFIER.verifyThat(BreakoutConstraintProvider::preferenceCost)
                    .given(seated(EventSettings.DEFAULT, a, S1, S2, s3))
                    .penalizesBy(0);
        }

        @Test
        void justifiedWithRankAndCost() {
            Attendee a = attendee("A1").prefers(S1, S2, s3).build();
            VERIFIER.verifyThat(BreakoutConstraintProvider::preferenceCost)
                    .given(seated(EventSettings.DEFAULT, a, S1, s3))
                    .justifiesWithExactly(new Justifications.SeatPreference("A1", "S3", 3, 4))
                    .penalizesBy(4);
        }

        @Test
        void rankCostsTable() {
            Attendee a = attendee("A1").prefers(S1, S2, s3).build();
            // table [0, 2, 5]: rank 2 -> 2, rank 3 -> 5
            VERIFIER.verifyThat(BreakoutConstraintProvider::preferenceCost)
                    .given(seated(settings(0, 2, 5), a, S1, S2, s3))
                    .penalizesBy(7);
        }

        @Test
        void ranksPastTheEndOfTheTableCostItsLastEntry() {
            Attendee a = attendee("A1").prefers(S1, S2, s3, s4, s5, s6).build();
            // table [0, 2, 5]: rank 4 -> 5, rank 5 -> 5, rank 6 -> 5
            VERIFIER.verifyThat(BreakoutConstraintProvider::preferenceCost)
                    .given(seated(settings(0, 2, 5), a, s4, s5, s6))
                    .penalizesBy(15);
        }

        @Test
        void rankCostsTableWithNonZeroFirstEntry() {
            Attendee a = attendee("A1").prefers(S1).build();
            VERIFIER.verifyThat(BreakoutConstraintProvider::preferenceCost)
                    .given(seated(settings(3, 7), a, S1))
                    .penalizesBy(3);
        }

        @Test
        void unrankedIsOneWorseThanTheWorstRanked() {
            Attendee a = attendee("A1").prefers(S1, S2, s3).build();
            // S4 unranked -> rank 4 -> (4 - 1)^2 = 9
            VERIFIER.verifyThat(BreakoutConstraintProvider::preferenceCost)
                    .given(seated(EventSettings.DEFAULT, a, S1, s4))
                    .justifiesWithExactly(new Justifications.SeatPreference("A1", "S4", 4, 9))
                    .penalizesBy(9);
        }

        @Test
        void unrankedWithRankCostsTable() {
            Attendee a = attendee("A1").prefers(S1, S2).build();
            // S4 unranked -> rank 3 -> table entry 3 = 5
            VERIFIER.verifyThat(BreakoutConstraintProvider::preferenceCost)
                    .given(seated(settings(0, 2, 5, 11), a, s4))
                    .penalizesBy(5);
        }

        @Test
        void unrankedWhenNothingWasRankedIsRankOne() {
            Attendee a = attendee("A1").build();
            VERIFIER.verifyThat(BreakoutConstraintProvider::preferenceCost)
                    .given(seated(EventSettings.DEFAULT, a, S1, S2, s3))
                    .penalizesBy(0);
        }

        @Test
        void unrankedWhenNothingWasRankedCostsTheFirstTableEntry() {
            Attendee a = attendee("A1").build();
            VERIFIER.verifyThat(BreakoutConstraintProvider::preferenceCost)
                    .given(seated(settings(1, 3), a, S1, S2))
                    .penalizesBy(2);
        }

        @Test
        void tiesShareACost() {
            // S1 and S2 tied at rank 2, s3 at rank 1: both rank-2 seats cost 1 each.
            Attendee a = attendee("A1").rank(s3, 1).rank(S1, 2).rank(S2, 2).build();
            VERIFIER.verifyThat(BreakoutConstraintProvider::preferenceCost)
                    .given(seated(EventSettings.DEFAULT, a, S1, S2, s3))
                    .penalizesBy(2);
        }

        @Test
        void unrankedAfterTiesIsOneWorseThanTheWorstRankNumber() {
            // Ranks 1, 1, 2 (ties): worst rank is 2, so unranked counts as rank 3 -> 4.
            Attendee a = attendee("A1").rank(S1, 1).rank(S2, 1).rank(s3, 2).build();
            VERIFIER.verifyThat(BreakoutConstraintProvider::preferenceCost)
                    .given(seated(EventSettings.DEFAULT, a, S2, s4))
                    .justifiesWithExactly(new Justifications.SeatPreference("A1", "S4", 3, 4))
                    .penalizesBy(4);
        }

        @Test
        void unassignedSeatHasNoPreferenceCost() {
            Attendee a = attendee("A1").prefers(S1, S2).build();
            VERIFIER.verifyThat(BreakoutConstraintProvider::preferenceCost)
                    .given(EventSettings.DEFAULT, seat(a, 0, null), seat(a, 1, null))
                    .penalizesBy(0);
        }

        @Test
        void eachAttendeeHasTheirOwnRanks() {
            Attendee a = attendee("A1").prefers(S1, S2).build();
            Attendee b = attendee("A2").prefers(S2, S1).build();
            SessionRun run = run(S1, R1, BIG);
            VERIFIER.verifyThat(BreakoutConstraintProvider::preferenceCost)
                    .given(EventSettings.DEFAULT, run, seat(a, 0, run), seat(b, 0, run))
                    .justifiesWithExactly(new Justifications.SeatPreference("A2", "S1", 2, 1))
                    .penalizesBy(1);
        }
    }

    @Nested
    class ThemeClashTest {

        @Test
        void sessionsOfOneThemeInOneRound() {
            Session a = session("S1").themes("armoede").build();
            Session b = session("S2").themes("armoede", "wonen").build();
            VERIFIER.verifyThat(BreakoutConstraintProvider::themeClash)
                    .given(run(a, R1, SMALL), run(b, R1, BIG))
                    .justifiesWithExactly(new Justifications.ThemeClash("R1", "S1#1", "S2#1", 1))
                    .penalizesBy(1);
        }

        @Test
        void onePerSharedTheme() {
            Session a = session("S1").themes("armoede", "wonen").build();
            Session b = session("S2").themes("wonen", "armoede").build();
            VERIFIER.verifyThat(BreakoutConstraintProvider::themeClash)
                    .given(run(a, R1, SMALL), run(b, R1, BIG))
                    .penalizesBy(2);
        }

        @Test
        void sessionsOfOneThemeInTwoRounds() {
            Session a = session("S1").themes("armoede").build();
            Session b = session("S2").themes("armoede").build();
            VERIFIER.verifyThat(BreakoutConstraintProvider::themeClash)
                    .given(run(a, R1, SMALL), run(b, R2, BIG))
                    .penalizesBy(0);
        }

        @Test
        void twoRunsOfOneSessionAreNotAClash() {
            Session repeated = session("S1").runs(2).themes("armoede").build();
            VERIFIER.verifyThat(BreakoutConstraintProvider::themeClash)
                    .given(run(repeated, 0, R1, SMALL), run(repeated, 1, R1, BIG))
                    .penalizesBy(0);
        }

        @Test
        void weightIsFiveSoftPerSharedTheme() {
            Session a = session("S1").themes("armoede", "wonen").build();
            Session b = session("S2").themes("wonen", "armoede").build();
            VERIFIER.verifyThat()
                    .given(EventSettings.DEFAULT, run(a, R1, SMALL), run(b, R1, BIG))
                    .scores(HardMediumSoftLongScore.ofSoft(-10));
        }
    }

    @Nested
    class SeatChangedTest {

        private final Attendee a = attendee("A1").prefers(S1, S2).build();

        private Seat published(SessionRun run) {
            Seat seat = seat(a, 0, run);
            seat.setPrevious(S1, R1);
            return seat;
        }

        @Test
        void publishedSeatMovedToAnotherRound() {
            Session repeated = session("S1").runs(2).build();
            SessionRun second = run(repeated, 1, R2, SMALL);
            VERIFIER.verifyThat(BreakoutConstraintProvider::seatChanged)
                    .given(second, published(second))
                    .justifiesWithExactly(new Justifications.SeatChanged("A1", "S1", "R1", "S1#2"))
                    .penalizesBy(1);
        }

        @Test
        void publishedSeatMovedToAnotherSession() {
            SessionRun other = run(S2, R1, SMALL);
            VERIFIER.verifyThat(BreakoutConstraintProvider::seatChanged)
                    .given(other, published(other))
                    .penalizesBy(1);
        }

        @Test
        void publishedSeatTakenAway() {
            VERIFIER.verifyThat(BreakoutConstraintProvider::seatChanged)
                    .given(published(null))
                    .justifiesWithExactly(new Justifications.SeatChanged("A1", "S1", "R1", null))
                    .penalizesBy(1);
        }

        @Test
        void publishedSeatKeptEvenInAnotherRoom() {
            SessionRun same = run(S1, R1, BIG);
            VERIFIER.verifyThat(BreakoutConstraintProvider::seatChanged)
                    .given(same, published(same))
                    .penalizesBy(0);
        }

        @Test
        void newSeatWasNeverPublished() {
            SessionRun run = run(S2, R2, SMALL);
            VERIFIER.verifyThat(BreakoutConstraintProvider::seatChanged)
                    .given(run, seat(a, 0, run), seat(a, 1, null))
                    .penalizesBy(0);
        }

        @Test
        void weightIsTwentySoft() {
            VERIFIER.verifyThat()
                    .given(EventSettings.DEFAULT, published(null))
                    .scores(HardMediumSoftLongScore.of(0, -1, -20));
        }
    }

    @Nested
    class PlacementChangedTest {

        private SessionRun published(Round round, Room room) {
            SessionRun run = run(S1, round, room);
            run.setPrevious(R1, SMALL);
            return run;
        }

        @Test
        void movedToAnotherRound() {
            VERIFIER.verifyThat(BreakoutConstraintProvider::placementChanged)
                    .given(published(R2, SMALL))
                    .justifiesWithExactly(new Justifications.PlacementChanged("S1#1", "R1", "small", "R2", "small"))
                    .penalizesBy(10);
        }

        @Test
        void movedToAnotherRoom() {
            VERIFIER.verifyThat(BreakoutConstraintProvider::placementChanged)
                    .given(published(R1, BIG))
                    .penalizesBy(1);
        }

        @Test
        void movedToAnotherRoundAndRoom() {
            VERIFIER.verifyThat(BreakoutConstraintProvider::placementChanged)
                    .given(published(R2, BIG))
                    .penalizesBy(11);
        }

        @Test
        void keptWherePublished() {
            VERIFIER.verifyThat(BreakoutConstraintProvider::placementChanged)
                    .given(published(R1, SMALL))
                    .penalizesBy(0);
        }

        @Test
        void neverPublished() {
            VERIFIER.verifyThat(BreakoutConstraintProvider::placementChanged)
                    .given(run(S1, R2, BIG))
                    .penalizesBy(0);
        }

        @Test
        void weightIsTenSoftPerUnit() {
            VERIFIER.verifyThat()
                    .given(EventSettings.DEFAULT, published(R2, BIG))
                    .scores(HardMediumSoftLongScore.ofSoft(-110));
        }
    }

    // ************************************************************************
    // Whole schedules: weights, overrides, seat rounds
    // ************************************************************************

    /** A small, feasible schedule: two attendees, three sessions, two rounds, one seat at rank 3 (cost 4). */
    static Schedule smallSchedule(ConstraintWeightOverrides<HardMediumSoftLongScore> overrides) {
        // Note: overrides must not be null; Timefold 1.32 throws a NullPointerException in
        // OverridesBasedConstraintWeightSupplier.validate for a solution whose overrides field is null.
        Session s3 = session("S3").build();
        Attendee a = attendee("A1").wants(R1, R2).prefers(S1, S2, s3).build();
        Attendee b = attendee("A2").wants(R1, R2).prefers(S2, S1).build();
        SessionRun r1 = run(S1, R1, BIG);
        SessionRun r2 = run(S2, R1, SMALL);
        SessionRun r3 = run(s3, R2, BIG);
        List<SessionRun> runs = List.of(r1, r2, r3);
        // A1: S1 (rank 1) + S3 (rank 3, cost 4); A2: S2 (rank 1) + S3 (unranked: rank 3, cost 4)
        List<Seat> seats = List.of(seat(a, 0, r1), seat(a, 1, r3), seat(b, 0, r2), seat(b, 1, r3));
        return new Schedule("small", EventSettings.DEFAULT, List.of(R1, R2), List.of(SMALL, BIG), List.of(),
                List.of(S1, S2, s3), List.of(a, b), runs, seats, overrides);
    }

    @Nested
    class WholeScheduleTest {

        @Test
        void defaultWeights() {
            VERIFIER.verifyThat()
                    .givenSolution(smallSchedule(ConstraintWeightOverrides.none()))
                    .scores(HardMediumSoftLongScore.ofSoft(-8));
        }

        @Test
        void constraintWeightOverridesAreApplied() {
            ConstraintWeightOverrides<HardMediumSoftLongScore> overrides = ConstraintWeightOverrides.of(
                    Map.of(BreakoutConstraintProvider.PREFERENCE_COST, HardMediumSoftLongScore.ofSoft(3)));
            VERIFIER.verifyThat()
                    .givenSolution(smallSchedule(overrides))
                    .scores(HardMediumSoftLongScore.ofSoft(-24));
        }

        @Test
        void overrideToZeroSwitchesAConstraintOff() {
            ConstraintWeightOverrides<HardMediumSoftLongScore> overrides = ConstraintWeightOverrides.of(
                    Map.of(BreakoutConstraintProvider.PREFERENCE_COST, HardMediumSoftLongScore.ZERO));
            VERIFIER.verifyThat()
                    .givenSolution(smallSchedule(overrides))
                    .scores(HardMediumSoftLongScore.ZERO);
        }

        @Test
        void overrideOfOneConstraintLeavesTheOthers() {
            ConstraintWeightOverrides<HardMediumSoftLongScore> overrides = ConstraintWeightOverrides.of(
                    Map.of(BreakoutConstraintProvider.PREFERENCE_COST, HardMediumSoftLongScore.ofSoft(3)));
            Schedule schedule = smallSchedule(overrides);
            schedule.getSeats().get(3).setRun(null); // A2 loses the S3 seat: -1 medium, 4 less preference cost
            VERIFIER.verifyThat()
                    .givenSolution(schedule)
                    .scores(HardMediumSoftLongScore.of(0, -1, -12));
        }

        @Test
        void overrideIsVisibleToSingleConstraintVerification() {
            // penalizesBy is the match weight, independent of the (overridden) constraint weight.
            ConstraintWeightOverrides<HardMediumSoftLongScore> overrides = ConstraintWeightOverrides.of(
                    Map.of(BreakoutConstraintProvider.PREFERENCE_COST, HardMediumSoftLongScore.ofSoft(3)));
            VERIFIER.verifyThat(BreakoutConstraintProvider::preferenceCost)
                    .givenSolution(smallSchedule(overrides))
                    .penalizesBy(8);
        }
    }

    @Nested
    class SeatRoundTest {

        /** A1 in two runs in R1. A seat's round is its run's round, read through a join with the run. */
        private Schedule doubleBooked() {
            Attendee a = attendee("A1").wants(R1, R2).prefers(S1, S2).build();
            SessionRun r1 = run(S1, R1, SMALL);
            SessionRun r2 = run(S2, R1, BIG);
            Seat first = new Seat(a, 0, List.of(r1, r2));
            first.setRun(r1);
            Seat second = new Seat(a, 1, List.of(r1, r2));
            second.setRun(r2);
            return new Schedule("rounds", EventSettings.DEFAULT, List.of(R1, R2), List.of(SMALL, BIG), List.of(),
                    List.of(S1, S2), List.of(a), List.of(r1, r2), List.of(first, second),
                    ConstraintWeightOverrides.none());
        }

        @Test
        void aPinnedSeatFollowsItsRunIntoAnotherRound() {
            Schedule schedule = doubleBooked();
            Seat seat = schedule.getSeats().get(0);
            seat.pin(R1);
            SessionRun run = schedule.getRuns().get(0);
            VERIFIER.verifyThat(BreakoutConstraintProvider::pinnedSeatMoved)
                    .given(run, seat)
                    .penalizesBy(0);
            run.setRound(R2);
            assertThat(seat.getRound()).isEqualTo(R2);
            VERIFIER.verifyThat(BreakoutConstraintProvider::pinnedSeatMoved)
                    .given(run, seat)
                    .penalizesBy(1);
        }

        @Test
        void aSeatWhoseRunIsNotInTheProblemIsNotMatched() {
            // The join with the run is what makes a run's move reach its seats; without the run there is no match.
            Schedule schedule = doubleBooked();
            Seat seat = schedule.getSeats().get(0);
            seat.pin(R2);
            VERIFIER.verifyThat(BreakoutConstraintProvider::pinnedSeatMoved)
                    .given(seat)
                    .penalizesBy(0);
            VERIFIER.verifyThat(BreakoutConstraintProvider::pinnedSeatMoved)
                    .given(schedule.getRuns().get(0), seat)
                    .penalizesBy(1);
        }

        @Test
        void twoSeatsInRunsOfOneRoundAreDoubleBooked() {
            VERIFIER.verifyThat(BreakoutConstraintProvider::attendeeDoubleBooked)
                    .givenSolution(doubleBooked())
                    .justifiesWithExactly(new Justifications.AttendeeDoubleBooked("A1", "R1", "S1#1", "S2#1"))
                    .penalizesBy(1);
        }

        @Test
        void wholeSchedule() {
            VERIFIER.verifyThat()
                    .givenSolution(doubleBooked())
                    .scores(HardMediumSoftLongScore.of(-1, 0, -1));
        }
    }

    /** Every constraint (as listed in ConstraintWeights) has its nested test class here. */
    @Test
    void everyConstraintIsCoveredByANestedClass() {
        List<String> covered = List.of(RoomCapacityTest.class, PlenaryRoomCapacityTest.class, RoomConflictTest.class, SessionRepeatedInRoundTest.class,
                SpeakerConflictTest.class, SpeakerUnavailableTest.class, RoomUnavailableTest.class, RoundNotAllowedTest.class,
                RoomTagsMissingTest.class, AttendeeDoubleBookedTest.class, SessionAttendedTwiceTest.class,
                SeatInUnwantedRoundTest.class, AudienceRestrictedTest.class, UnrankedNotAllowedTest.class, PinnedSeatMovedTest.class,
                UnfilledSeatTest.class, PreferenceCostTest.class, ThemeClashTest.class, SeatChangedTest.class, PlacementChangedTest.class)
                .stream()
                .map(c -> Character.toLowerCase(c.getSimpleName().charAt(0)) + c.getSimpleName().substring(1, c.getSimpleName().length() - "Test".length()))
                .toList();
        assertThat(covered).containsExactlyInAnyOrderElementsOf(ConstraintWeights.names());
    }
}

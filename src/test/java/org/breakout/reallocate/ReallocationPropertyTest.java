package org.breakout.reallocate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.check.IndependentChecker;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On random events and random changes, checked from the documents (not from the solver's score): every output is
 * feasible; nothing published is lost; under {@code frozen} no published seat of an attendee who did not change
 * moves; under {@code minimal} such a seat moves only when the report names someone it seated, and that person
 * really has a seat now that they did not have before; nobody who did not change loses a seat under any policy; and
 * {@code minimal} seats as many people as {@code free}.
 */
class ReallocationPropertyTest {

    @TempDir
    Path dir;

    /** Across all seeds: published seats minimal moved to seat someone (the property must not hold vacuously). */
    private static final java.util.concurrent.atomic.AtomicInteger MINIMAL_MOVES = new java.util.concurrent.atomic.AtomicInteger();

    @org.junit.jupiter.api.AfterAll
    static void theRandomEventsForceMoves() {
        assertThat(MINIMAL_MOVES.get()).as("published seats moved under minimal, over all seeds").isPositive();
    }

    static List<Long> seeds() {
        return java.util.stream.LongStream.range(0, 24).boxed().toList();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void policiesKeepTheirPromises(long seed) throws Exception {
        ObjectNode published = Fixtures.publish(RandomReallocations.event(seed));
        ObjectNode changes = RandomReallocations.changes(seed, published);
        Map<String, String> before = Fixtures.seats(published);
        Set<String> cancelled = new HashSet<>();
        Set<String> changed = new HashSet<>();
        Set<String> mentioned = new HashSet<>();
        changes.path("attendees").forEach(a -> {
            String id = a.path("id").asText();
            mentioned.add(id);
            if (a.path("cancelled").asBoolean(false)) {
                cancelled.add(id);
            } else {
                changed.add(id);
            }
        });

        Reallocation.Result frozen = Fixtures.reallocate(dir, published, changes, Policy.FROZEN, false);
        Reallocation.Result minimal = Fixtures.reallocate(dir, published, changes, Policy.MINIMAL, false);
        Reallocation.Result free = Fixtures.reallocate(dir, published, changes, Policy.FREE, false);

        for (Reallocation.Result result : List.of(frozen, minimal, free)) {
            String policy = result.report().policy();
            IndependentChecker.Result check = IndependentChecker.check(result.schedule());
            assertThat(check.violations()).as(policy).isEmpty();
            assertNothingLost(policy, published, result, cancelled);
            // Nobody who did not change loses a seat: at worst it moves to another session of that round.
            Map<String, String> now = Fixtures.seats(result.schedule());
            before.keySet().stream().filter(seat -> !mentioned.contains(seat.substring(0, seat.indexOf('|'))))
                    .forEach(seat -> assertThat(now).as(policy + ": " + seat + " lost").containsKey(seat));
        }

        Map<String, String> frozenSeats = Fixtures.seats(frozen.schedule());
        before.forEach((seat, session) -> {
            String attendee = seat.substring(0, seat.indexOf('|'));
            if (!mentioned.contains(attendee)) {
                assertThat(frozenSeats.get(seat)).as("frozen moved " + seat).isEqualTo(session);
            }
        });

        Map<String, String> minimalSeats = Fixtures.seats(minimal.schedule());
        for (ChangeReport.AttendeeChange change : minimal.report().attendees()) {
            if (mentioned.contains(change.id())) {
                continue;
            }
            for (ChangeReport.SeatChange seat : change.seats()) {
                if (seat.kind().equals(ChangeReport.ADDED)) {
                    continue; // a round they had no seat in before: nothing published moved
                }
                assertThat(seat.seated()).as("minimal moved " + change.id() + " in " + seat.round() + " for nobody: "
                        + seat.reason()).isNotNull();
                String key = seat.seated() + "|" + seat.round();
                assertThat(minimalSeats).as("the one seated by " + change.id()).containsKey(key);
                boolean newSeat = !before.containsKey(key) || changed.contains(seat.seated());
                assertThat(newSeat).as(seat.seated() + " had a seat in " + seat.round() + " before").isTrue();
                MINIMAL_MOVES.incrementAndGet();
            }
        }
        assertThat(minimal.report().counts().unexplainedMoves()).isZero();

        int filledFrozen = IndependentChecker.check(frozen.schedule()).seatsFilled();
        int filledMinimal = IndependentChecker.check(minimal.schedule()).seatsFilled();
        int filledFree = IndependentChecker.check(free.schedule()).seatsFilled();
        assertThat(filledMinimal).isEqualTo(filledFree).isGreaterThanOrEqualTo(filledFrozen);
    }

    /** Every published attendee is in the output or cancelled; every published seat is kept or in the report. */
    private static void assertNothingLost(String policy, ObjectNode published, Reallocation.Result result,
            Set<String> cancelled) {
        Set<String> out = new HashSet<>();
        result.schedule().path("attendees").forEach(a -> out.add(a.path("id").asText()));
        Map<String, String> after = Fixtures.seats(result.schedule());
        for (JsonNode attendee : published.path("attendees")) {
            String id = attendee.path("id").asText();
            assertThat(out.contains(id) != cancelled.contains(id)).as(policy + ": " + id).isTrue();
            for (JsonNode seat : attendee.path("assignments")) {
                String round = seat.path("round").asText();
                if (seat.path("session").asText().equals(after.get(id + "|" + round))) {
                    continue;
                }
                ChangeReport.AttendeeChange change = Fixtures.changeOf(result.report(), id);
                assertThat(change).as(policy + ": change of " + id + " not reported").isNotNull();
                assertThat(change.seats()).as(policy + ": " + id + " in " + round)
                        .anySatisfy(s -> {
                            assertThat(s.round()).isEqualTo(round);
                            assertThat(s.from().session()).isEqualTo(seat.path("session").asText());
                            assertThat(s.reason()).isNotBlank();
                        });
            }
        }
    }
}

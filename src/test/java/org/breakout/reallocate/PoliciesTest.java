package org.breakout.reallocate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.breakout.reallocate.Fixtures.changeOf;
import static org.breakout.reallocate.Fixtures.changes;
import static org.breakout.reallocate.Fixtures.publish;
import static org.breakout.reallocate.Fixtures.reallocate;
import static org.breakout.reallocate.Fixtures.seats;
import static org.breakout.reallocate.Fixtures.sessionOf;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.check.IndependentChecker;
import org.breakout.io.JsonFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each policy on small events where the right answer can be argued by hand: S1 (2 seats) and S2 (3 seats) in one
 * round, only ranked sessions allowed, so who can sit where is forced by the preferences.
 */
class PoliciesTest {

    @TempDir
    Path dir;

    /** S1 holds 2, S2 holds 3; the attendees are given. */
    static String event(String attendees) {
        return """
                { "name": "t", "settings": { "allowUnranked": false },
                  "rounds": [ { "id": "R1" } ],
                  "rooms": [ { "id": "a", "capacity": 2 }, { "id": "b", "capacity": 3 } ],
                  "sessions": [
                    { "id": "S1", "placements": [ { "round": "R1", "room": "a", "pinned": true } ] },
                    { "id": "S2", "placements": [ { "round": "R1", "room": "b", "pinned": true } ] } ],
                  "attendees": %s }
                """.formatted(attendees);
    }

    /** A can go to S2, B only to S1: S1 is full with A and B. */
    static final String FULL_S1 = """
            [ { "id": "A", "preferences": ["S1", "S2"] }, { "id": "B", "preferences": ["S1"] } ]""";

    @Test
    void minimalMovesAPublishedSeatOnlyToSeatANewcomerAndSaysSo() throws Exception {
        ObjectNode published = publish(event(FULL_S1));
        assertThat(seats(published)).containsEntry("A|R1", "S1").containsEntry("B|R1", "S1");

        Reallocation.Result result = reallocate(dir, published, changes("""
                [ { "id": "N", "preferences": ["S1"] } ]"""), Policy.MINIMAL, false);

        assertThat(IndependentChecker.check(result.schedule()).violations()).isEmpty();
        assertThat(sessionOf(result.schedule(), "N", "R1")).isEqualTo("S1");
        assertThat(sessionOf(result.schedule(), "A", "R1")).isEqualTo("S2");
        ChangeReport.SeatChange move = changeOf(result.report(), "A").seats().get(0);
        assertThat(move.kind()).isEqualTo(ChangeReport.MOVED);
        assertThat(move.seated()).isEqualTo("N");
        assertThat(move.reason()).contains("made room in S1 for N");
        assertThat(result.report().counts().unexplainedMoves()).isZero();
        assertThat(result.report().newcomersUnseated()).isFalse();
    }

    @Test
    void frozenMovesNothingSoTheNewcomerStaysUnseatedWithTheReason() throws Exception {
        ObjectNode published = publish(event(FULL_S1));
        Reallocation.Result result = reallocate(dir, published, changes("""
                [ { "id": "N", "preferences": ["S1"] } ]"""), Policy.FROZEN, false);

        assertThat(IndependentChecker.check(result.schedule()).violations()).isEmpty();
        assertThat(seats(result.schedule())).containsEntry("A|R1", "S1").containsEntry("B|R1", "S1")
                .doesNotContainKey("N|R1");
        assertThat(result.report().newcomersUnseated()).isTrue();
        assertThat(result.report().unseated()).singleElement().satisfies(u -> {
            assertThat(u.attendee()).isEqualTo("N");
            assertThat(u.status()).isEqualTo("newcomer");
            assertThat(u.reason()).contains("full");
        });
        // The pins frozen added for the solve are not in the output.
        result.schedule().path("attendees").forEach(a -> a.path("assignments")
                .forEach(seat -> assertThat(seat.has("pinned")).as(a.path("id").asText()).isFalse()));
    }

    @Test
    void freeSeatsTheNewcomerToo() throws Exception {
        ObjectNode published = publish(event(FULL_S1));
        Reallocation.Result result = reallocate(dir, published, changes("""
                [ { "id": "N", "preferences": ["S1"] } ]"""), Policy.FREE, false);
        assertThat(IndependentChecker.check(result.schedule()).violations()).isEmpty();
        assertThat(seats(result.schedule())).containsEntry("N|R1", "S1").containsEntry("A|R1", "S2");
    }

    @Test
    void aNewcomerWhoCannotBeSeatedIsListedWithTheReasonUnderEveryPolicy() throws Exception {
        // A and B only rank S1: nobody can make room.
        ObjectNode published = publish(event("""
                [ { "id": "A", "preferences": ["S1"] }, { "id": "B", "preferences": ["S1"] } ]"""));
        for (Policy policy : Policy.values()) {
            Reallocation.Result result = reallocate(dir, published, changes("""
                    [ { "id": "N", "preferences": ["S1"] } ]"""), policy, false);
            assertThat(seats(result.schedule())).as(policy.id()).doesNotContainKey("N|R1")
                    .containsEntry("A|R1", "S1").containsEntry("B|R1", "S1");
            assertThat(result.report().unseated()).as(policy.id()).extracting(ChangeReport.Unseated::attendee)
                    .containsExactly("N");
            assertThat(result.report().unseated().get(0).reason()).contains("every session").contains("full");
            assertThat(result.report().counts().newcomersWithoutSeat()).isEqualTo(1);
        }
    }

    @Test
    void aCancellationFreesItsSeatForANewcomerWithoutMovingAnyone() throws Exception {
        ObjectNode published = publish(event(FULL_S1));
        Reallocation.Result result = reallocate(dir, published, changes("""
                [ { "id": "B", "cancelled": true }, { "id": "N", "preferences": ["S1"] } ]"""), Policy.MINIMAL, false);
        assertThat(IndependentChecker.check(result.schedule()).violations()).isEmpty();
        assertThat(seats(result.schedule())).containsEntry("A|R1", "S1").containsEntry("N|R1", "S1")
                .doesNotContainKey("B|R1");
        assertThat(result.schedule().path("attendees")).extracting(a -> a.path("id").asText())
                .containsExactly("A", "N");
        assertThat(changeOf(result.report(), "B").status()).isEqualTo("cancelled");
        assertThat(changeOf(result.report(), "B").seats()).singleElement()
                .satisfies(s -> assertThat(s.kind()).isEqualTo(ChangeReport.REMOVED));
        assertThat(result.report().counts().seatsMoved()).isZero();
        assertThat(result.report().counts().seatsCancelled()).isEqualTo(1);
    }

    /** A, B and C rank S1 first and S2 second; S1 has two seats, so one of them is on their second choice. */
    static final String ONE_ON_SECOND_CHOICE = """
            [ { "id": "A", "preferences": ["S1", "S2"] }, { "id": "B", "preferences": ["S1", "S2"] },
              { "id": "C", "preferences": ["S1", "S2"] } ]""";

    @Test
    void underMinimalPeopleMoveUpIntoAFreedSeatOnlyWithUpgrade() throws Exception {
        ObjectNode published = publish(event(ONE_ON_SECOND_CHOICE));
        Map<String, String> before = seats(published);
        String second = before.entrySet().stream().filter(e -> e.getValue().equals("S2")).findFirst().orElseThrow()
                .getKey().replace("|R1", "");
        String leaving = before.entrySet().stream().filter(e -> e.getValue().equals("S1")).findFirst().orElseThrow()
                .getKey().replace("|R1", "");
        ObjectNode cancel = changes("[ { \"id\": \"" + leaving + "\", \"cancelled\": true } ]");

        Reallocation.Result without = reallocate(dir, published, cancel, Policy.MINIMAL, false);
        assertThat(sessionOf(without.schedule(), second, "R1")).isEqualTo("S2");
        assertThat(without.report().counts().seatsMoved()).isZero();

        Reallocation.Result with = reallocate(dir, published, cancel, Policy.MINIMAL, true);
        assertThat(IndependentChecker.check(with.schedule()).violations()).isEmpty();
        assertThat(sessionOf(with.schedule(), second, "R1")).isEqualTo("S1");
        assertThat(changeOf(with.report(), second).seats()).singleElement()
                .satisfies(s -> assertThat(s.reason()).contains("moved up from rank 2 to rank 1"));
    }

    @Test
    void aChangedPreferenceReseatsThatAttendeeButNotUnderFrozen() throws Exception {
        ObjectNode published = publish(event(FULL_S1));
        ObjectNode change = changes("""
                [ { "id": "A", "preferences": ["S2", "S1"] } ]""");

        Reallocation.Result minimal = reallocate(dir, published, change, Policy.MINIMAL, false);
        assertThat(sessionOf(minimal.schedule(), "A", "R1")).isEqualTo("S2");
        assertThat(sessionOf(minimal.schedule(), "B", "R1")).isEqualTo("S1");
        ChangeReport.AttendeeChange a = changeOf(minimal.report(), "A");
        assertThat(a.status()).isEqualTo("changed");
        assertThat(a.changedFields()).containsExactly("preferences");
        assertThat(a.seats()).singleElement().satisfies(s -> {
            assertThat(s.from().session()).isEqualTo("S1");
            assertThat(s.to().session()).isEqualTo("S2");
            assertThat(s.reason()).isEqualTo("changed their choices");
        });
        // The output carries the changed data.
        assertThat(minimal.schedule().path("attendees").get(0).path("preferences").get(0).asText()).isEqualTo("S2");

        Reallocation.Result frozen = reallocate(dir, published, change, Policy.FROZEN, false);
        assertThat(sessionOf(frozen.schedule(), "A", "R1")).isEqualTo("S1");
        assertThat(frozen.report().counts().seatsMoved()).isZero();
    }

    @Test
    void anAttendeeWhoseNewChoicesAreFullKeepsTheirPublishedSeatRatherThanLoseIt() throws Exception {
        // S1: A and B; S2 (3 seats): C, D, E, who rank only S2. A now prefers S2, which is full; newcomer N wants S1.
        ObjectNode published = publish(event("""
                [ { "id": "A", "preferences": ["S1", "S2"] }, { "id": "B", "preferences": ["S1"] },
                  { "id": "C", "preferences": ["S2"] }, { "id": "D", "preferences": ["S2"] },
                  { "id": "E", "preferences": ["S2"] } ]"""));
        assertThat(seats(published)).containsEntry("A|R1", "S1");
        for (Policy policy : List.of(Policy.MINIMAL, Policy.FREE)) {
            Reallocation.Result result = reallocate(dir, published, changes("""
                    [ { "id": "A", "preferences": ["S2", "S1"] }, { "id": "N", "preferences": ["S1"] } ]"""),
                    policy, false);
            assertThat(IndependentChecker.check(result.schedule()).violations()).isEmpty();
            assertThat(sessionOf(result.schedule(), "A", "R1")).as(policy.id()).isEqualTo("S1");
            assertThat(result.report().unseated()).as(policy.id()).extracting(ChangeReport.Unseated::attendee)
                    .containsExactly("N");
            result.schedule().path("attendees").forEach(a -> a.path("assignments")
                    .forEach(seat -> assertThat(seat.has("pinned")).isFalse()));
        }
    }

    @Test
    void aPinnedSeatStaysWhenItsAttendeeChangesTheirChoices() throws Exception {
        ObjectNode published = publish(event("""
                [ { "id": "A", "preferences": ["S1", "S2"],
                    "assignments": [ { "round": "R1", "session": "S1", "room": "a", "pinned": true } ] } ]"""));
        Reallocation.Result result = reallocate(dir, published, changes("""
                [ { "id": "A", "preferences": ["S2", "S1"] } ]"""), Policy.MINIMAL, false);
        assertThat(sessionOf(result.schedule(), "A", "R1")).isEqualTo("S1");
        assertThat(result.schedule().path("attendees").get(0).path("assignments").get(0).path("pinned").asBoolean())
                .isTrue();
    }

    @Test
    void aRoundNoLongerWantedGivesUpThatSeatEvenWhenFrozen() throws Exception {
        String twoRounds = """
                { "name": "t",
                  "rounds": [ { "id": "R1" }, { "id": "R2" } ],
                  "rooms": [ { "id": "a", "capacity": 5 } ],
                  "sessions": [
                    { "id": "S1", "placements": [ { "round": "R1", "room": "a", "pinned": true } ] },
                    { "id": "S2", "placements": [ { "round": "R2", "room": "a", "pinned": true } ] } ],
                  "attendees": [ { "id": "A", "rounds": ["R1", "R2"], "preferences": ["S1", "S2"] } ] }""";
        ObjectNode published = publish(twoRounds);
        Reallocation.Result result = reallocate(dir, published, changes("""
                [ { "id": "A", "rounds": ["R1"], "preferences": ["S1", "S2"] } ]"""), Policy.FROZEN, false);
        assertThat(seats(result.schedule())).containsEntry("A|R1", "S1").doesNotContainKey("A|R2");
        assertThat(changeOf(result.report(), "A").seats()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(ChangeReport.REMOVED);
            assertThat(s.reason()).isEqualTo("no longer wants a seat in R2");
        });
    }

    @Test
    void noChangesChangeNothingByteForByteUnderEveryPolicy() throws Exception {
        ObjectNode published = publish(event(ONE_ON_SECOND_CHOICE));
        for (Policy policy : Policy.values()) {
            Reallocation.Result result = reallocate(dir, published, changes("[]"), policy, false);
            assertThat(JsonFiles.render(result.schedule())).as(policy.id()).isEqualTo(JsonFiles.render(published));
            assertThat(result.report().attendees()).as(policy.id()).isEmpty();
        }
        // Repeating every published attendee as they are is no change either.
        StringBuilder same = new StringBuilder("[");
        published.path("attendees").forEach(a -> {
            ObjectNode copy = a.deepCopy();
            copy.remove("assignments");
            same.append(same.length() > 1 ? "," : "").append(copy);
        });
        Reallocation.Result repeated = reallocate(dir, published, changes(same + "]"), Policy.MINIMAL, false);
        assertThat(JsonFiles.render(repeated.schedule())).isEqualTo(JsonFiles.render(published));
    }
}

package org.breakout.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.breakout.domain.Attendee;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.io.export.ExportFixtures;
import org.breakout.report.SeatReasons.Kind;
import org.breakout.report.SeatReasons.Reason;
import org.junit.jupiter.api.Test;

class SeatReasonsTest {

    private final Schedule schedule = ExportFixtures.hostile().schedule();
    private final SeatReasons reasons = new SeatReasons(schedule);

    private Attendee attendee(String id) {
        return schedule.getAttendees().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    private Round round(String id) {
        return schedule.getRounds().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aFullSessionNamesWhoHoldsItsSeatsByRank() {
        List<Reason> why = reasons.whyNotBetter(attendee("A2"), round("R1"));
        assertThat(why).singleElement().satisfies(reason -> {
            assertThat(reason.session()).isEqualTo("S2");
            assertThat(reason.rank()).isEqualTo(1);
            assertThat(reason.kind()).isEqualTo(Kind.FULL);
            assertThat(reason.holdersByRank()).isEqualTo(Map.of(1, 1)); // A1 holds the one seat, as their 1st choice
        });
    }

    @Test
    void aSessionClosedToTheirTagsSaysSo() {
        List<Reason> why = reasons.whyNotBetter(attendee("A2"), round("R2"));
        assertThat(why).extracting(Reason::session, Reason::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("S4", Kind.CLOSED));
        assertThat(why.get(0).text()).contains("mayor");
    }

    @Test
    void noSeatWithRoomLeftIsReportedAsSuch() {
        // A4 has no seat in R2; S3 (ranked 2) has free seats, S1 (ranked 1) they already have in R1.
        List<Reason> why = reasons.whyNotBetter(attendee("A4"), round("R2"));
        assertThat(why).extracting(Reason::session, Reason::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("S3", Kind.SEATS_FREE));
    }

    @Test
    void aFirstChoiceNeedsNoExplanation() {
        assertThat(reasons.whyNotBetter(attendee("A1"), round("R1"))).isEmpty();
        assertThat(reasons.whyNotBetter(attendee("A3"), round("R1"))).isEmpty();
    }

    @Test
    void sessionsTheyHoldElsewhereOrOfOtherRoundsAreNotListed() {
        // A3 ranked only S1 (in R1); in R2 they sit in S3, unranked. S1 is in R1, where they are seated in it: skipped.
        assertThat(reasons.whyNotBetter(attendee("A3"), round("R2"))).isEmpty();
        // A4 ranked S1 first: in R2 they have no seat, and S1 is theirs in R1 — not listed either.
        assertThat(reasons.whyNotBetter(attendee("A4"), round("R2"))).extracting(Reason::session).doesNotContain("S1");
    }

    @Test
    void aSessionPlacedAgainstAnotherOfTheirSeatsIsAClash() throws Exception {
        String json = """
                {"rounds": [{"id": "R1"}, {"id": "R2"}],
                 "rooms": [{"id": "a", "capacity": 5}, {"id": "b", "capacity": 5}],
                 "sessions": [
                   {"id": "X", "placements": [{"round": "R1", "room": "a"}]},
                   {"id": "Y", "placements": [{"round": "R1", "room": "b"}]},
                   {"id": "Z", "placements": [{"round": "R2", "room": "a"}]}],
                 "attendees": [{"id": "P", "preferences": ["X", "Y", "Z"],
                   "assignments": [{"round": "R1", "session": "Y"}, {"round": "R2", "session": "Z"}]}]}
                """;
        Schedule open = org.breakout.io.EventReader.parse(java.nio.file.Path.of("clash.json"), json).schedule();
        SeatReasons clash = new SeatReasons(open);
        Attendee p = open.getAttendees().get(0);
        Round r1 = open.getRounds().get(0);
        Round r2 = open.getRounds().get(1);
        assertThat(clash.whyNotBetter(p, r1)).extracting(Reason::session, Reason::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("X", Kind.SEATS_FREE));
        assertThat(clash.whyNotBetter(p, r2)).extracting(Reason::session, Reason::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("X", Kind.CLASH));
        assertThat(clash.whyNotBetter(p, r2).get(0).text()).contains("R1").contains("Y");
    }
}

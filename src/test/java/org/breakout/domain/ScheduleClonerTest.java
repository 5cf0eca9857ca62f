package org.breakout.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import org.breakout.bound.RandomEvents;
import org.junit.jupiter.api.Test;

/** {@link ScheduleCloner}: a clone shares facts, never entities, and maps each shared value range once. */
class ScheduleClonerTest {

    private final ScheduleCloner cloner = new ScheduleCloner();

    @Test
    void cloneHasItsOwnRunsAndSeatsPointingAtEachOther() {
        for (RandomEvents.Kind kind : RandomEvents.Kind.values()) {
            for (long seed = 0; seed < 10; seed++) {
                Schedule original = RandomEvents.schedule(seed, kind);
                original.setScore(HardMediumSoftLongScore.of(-1, -2, -3));
                // Give some seats a run, so the clone has references to map.
                for (Seat seat : original.getSeats()) {
                    if (!seat.isPinned() && !seat.getEligibleRuns().isEmpty() && seat.getIndex() == 0) {
                        seat.setRun(seat.getEligibleRuns().get(0));
                    }
                }
                Schedule clone = cloner.cloneSolution(original);

                Set<Object> originalEntities = identitySet(original.getRuns(), original.getSeats());
                Set<SessionRun> cloneRuns = Collections.newSetFromMap(new IdentityHashMap<>());
                cloneRuns.addAll(clone.getRuns());
                assertThat(clone.getRuns()).hasSameSizeAs(original.getRuns());
                assertThat(clone.getSeats()).hasSameSizeAs(original.getSeats());
                assertThat(clone.getScore()).isEqualTo(original.getScore());
                assertThat(clone.getAttendees()).isSameAs(original.getAttendees());
                for (int i = 0; i < clone.getRuns().size(); i++) {
                    SessionRun run = clone.getRuns().get(i);
                    SessionRun before = original.getRuns().get(i);
                    assertThat(originalEntities).doesNotContain(run);
                    assertThat(run.getSchedule()).isSameAs(clone);
                    assertThat(run.getId()).isEqualTo(before.getId());
                    assertThat(run.getRound()).isEqualTo(before.getRound());
                    assertThat(run.getRoom()).isEqualTo(before.getRoom());
                    assertThat(run.isPinned()).isEqualTo(before.isPinned());
                }
                for (int i = 0; i < clone.getSeats().size(); i++) {
                    Seat seat = clone.getSeats().get(i);
                    Seat before = original.getSeats().get(i);
                    assertThat(originalEntities).doesNotContain(seat);
                    assertThat(seat.getId()).isEqualTo(before.getId());
                    assertThat(seat.isPinned()).isEqualTo(before.isPinned());
                    assertThat(seat.getRun() == null ? null : seat.getRun().getId())
                            .isEqualTo(before.getRun() == null ? null : before.getRun().getId());
                    if (seat.getRun() != null) {
                        assertThat(cloneRuns).contains(seat.getRun());
                    }
                    assertThat(cloneRuns).containsAll(seat.getEligibleRuns());
                    assertThat(seat.getEligibleRuns()).extracting(SessionRun::getId)
                            .containsExactlyElementsOf(before.getEligibleRuns().stream().map(SessionRun::getId).toList());
                }
            }
        }
    }

    @Test
    void seatsThatShareAValueRangeStillShareItInTheClone() {
        Schedule original = RandomEvents.schedule(3, RandomEvents.Kind.FIXED_REPEATS);
        Schedule clone = cloner.cloneSolution(original);
        int shared = 0;
        for (int i = 0; i < original.getSeats().size(); i++) {
            for (int j = i + 1; j < original.getSeats().size(); j++) {
                boolean sharedBefore = original.getSeats().get(i).getEligibleRuns()
                        == original.getSeats().get(j).getEligibleRuns();
                boolean sharedAfter = clone.getSeats().get(i).getEligibleRuns() == clone.getSeats().get(j).getEligibleRuns();
                assertThat(sharedAfter).isEqualTo(sharedBefore);
                shared += sharedBefore ? 1 : 0;
            }
        }
        assertThat(shared).as("the reader shares one list per attendee at least").isPositive();
    }

    @Test
    void cloneKeepsTheSeatingPhaseMarks() {
        Schedule original = RandomEvents.schedule(3, RandomEvents.Kind.FIXED_REPEATS);
        assertThat(cloner.cloneSolution(original).isSeatingLpSolved()).isFalse();
        original.setSeatingLpSolved(true);
        original.setProvenOptimal(true);
        Schedule clone = cloner.cloneSolution(original);
        assertThat(clone.isSeatingLpSolved()).isTrue();
        assertThat(clone.isProvenOptimal()).isTrue();
    }

    @Test
    void changingTheCloneLeavesTheOriginalAlone() {
        Schedule original = RandomEvents.schedule(5, RandomEvents.Kind.FIXED_NO_REPEATS);
        Schedule clone = cloner.cloneSolution(original);
        Seat seat = clone.getSeats().stream().filter(s -> !s.isPinned() && s.getRun() == null && !s.getEligibleRuns().isEmpty()).findFirst().orElseThrow();
        seat.setRun(seat.getEligibleRuns().get(0));
        clone.getRuns().get(0).setRound(null);
        assertThat(original.getSeats().get(clone.getSeats().indexOf(seat)).getRun()).isNull();
        assertThat(original.getRuns().get(0).getRound()).isNotNull();
    }

    private static Set<Object> identitySet(List<?>... lists) {
        Set<Object> set = Collections.newSetFromMap(new IdentityHashMap<>());
        for (List<?> list : lists) {
            set.addAll(list);
        }
        return set;
    }
}

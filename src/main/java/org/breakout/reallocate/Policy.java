package org.breakout.reallocate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import org.breakout.domain.Attendee;
import org.breakout.domain.EventSettings;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;
import org.breakout.solver.BreakoutConstraintProvider;
import org.breakout.solver.ConstraintWeights;

/**
 * How much of the published schedule a reallocation may change. Every policy solves with the same engine as
 * {@code solve}, warm-started from the published seats; the policy only sets pins and constraint weights (see
 * docs/batch.md). Filling wanted seats always comes first: it is the medium level of the score.
 */
public enum Policy {

    /** Published seats and placements are pinned: they never move; newcomers take what is left. */
    FROZEN,
    /**
     * Moving a published seat or placement costs more than every preference gain of the whole event together, so it
     * only happens when it lets someone be seated who would otherwise have no seat. With {@code --upgrade}, a move
     * also happens when it improves preferences by more than it costs (people on a worse choice move up into
     * seats that cancellations freed).
     */
    MINIMAL,
    /** Re-optimise everything; published seats and placements only break ties between equally good schedules. */
    FREE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Policy of(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }

    /**
     * The constraint weights to solve with: the event's own overrides, with the disruption terms set for this
     * policy.
     */
    public ConstraintWeightOverrides<HardMediumSoftLongScore> weights(Schedule schedule, boolean upgrade) {
        ConstraintWeightOverrides<HardMediumSoftLongScore> own = schedule.getConstraintWeightOverrides();
        Map<String, HardMediumSoftLongScore> weights = new LinkedHashMap<>();
        for (String name : own.getKnownConstraintNames()) {
            weights.put(name, own.getConstraintWeight(name));
        }
        switch (this) {
            case FROZEN -> {
                // Pins do the work; the weights stay the event's.
            }
            case MINIMAL -> {
                long factor = upgrade ? 2 : 1;
                long aboveAllGains = moveCostAboveAllGains(schedule, own, factor);
                if (upgrade) {
                    // A move costs half a preference point: any move up by one cost unit is worth it.
                    scale(weights, own, factor);
                    weights.put(BreakoutConstraintProvider.SEAT_CHANGED, HardMediumSoftLongScore.ofSoft(1));
                } else {
                    weights.put(BreakoutConstraintProvider.SEAT_CHANGED, HardMediumSoftLongScore.ofSoft(aboveAllGains));
                }
                weights.put(BreakoutConstraintProvider.PLACEMENT_CHANGED, HardMediumSoftLongScore.ofSoft(aboveAllGains));
            }
            case FREE -> {
                long published = schedule.getSeats().stream().filter(Seat::hasPrevious).count()
                        + schedule.getRuns().stream().filter(SessionRun::hasPreviousPlacement).count() * 11;
                scale(weights, own, published + 1);
                weights.put(BreakoutConstraintProvider.SEAT_CHANGED, HardMediumSoftLongScore.ofSoft(1));
                weights.put(BreakoutConstraintProvider.PLACEMENT_CHANGED, HardMediumSoftLongScore.ofSoft(1));
            }
        }
        return ConstraintWeightOverrides.of(weights);
    }

    /** Preference cost and theme clashes weigh {@code factor} times as much as the event says. */
    private static void scale(Map<String, HardMediumSoftLongScore> weights,
            ConstraintWeightOverrides<HardMediumSoftLongScore> own, long factor) {
        for (String name : List.of(BreakoutConstraintProvider.PREFERENCE_COST, BreakoutConstraintProvider.THEME_CLASH)) {
            weights.put(name, ConstraintWeights.scaled(effective(own, name), factor));
        }
    }

    private static HardMediumSoftLongScore effective(ConstraintWeightOverrides<HardMediumSoftLongScore> own,
            String name) {
        HardMediumSoftLongScore weight = own.getConstraintWeight(name);
        return weight != null ? weight : ConstraintWeights.get(name);
    }

    /**
     * A soft weight larger than every soft gain a change could bring: the worst preference cost of every seat plus
     * every theme clash the timetable could have, plus one. One moved seat then outweighs any improvement elsewhere.
     */
    static long moveCostAboveAllGains(Schedule schedule, ConstraintWeightOverrides<HardMediumSoftLongScore> own,
            long factor) {
        EventSettings settings = schedule.getSettings();
        long preferenceWeight = factor * effective(own, BreakoutConstraintProvider.PREFERENCE_COST).softScore();
        long themeWeight = factor * effective(own, BreakoutConstraintProvider.THEME_CLASH).softScore();
        Map<Attendee, Long> worstCost = new LinkedHashMap<>();
        for (Attendee attendee : schedule.getAttendees()) {
            long worst = 0;
            for (Session session : schedule.getSessions()) {
                worst = Math.max(worst, settings.seatCost(attendee, session));
            }
            worstCost.put(attendee, worst);
        }
        long total = 1;
        for (Seat seat : schedule.getSeats()) {
            total += preferenceWeight * worstCost.getOrDefault(seat.getAttendee(), 0L);
        }
        List<SessionRun> runs = schedule.getRuns();
        for (int i = 0; i < runs.size(); i++) {
            for (int j = i + 1; j < runs.size(); j++) {
                total += themeWeight * runs.get(i).getSession().sharedThemeCount(runs.get(j).getSession());
            }
        }
        return total;
    }
}

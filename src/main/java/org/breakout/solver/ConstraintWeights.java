package org.breakout.solver;

import static org.breakout.solver.BreakoutConstraintProvider.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The default weight of every constraint, by name: the one table the constraint provider, the event-file
 * reader (weight overrides) and the docs agree on. An event overrides a weight in {@code settings.weights}.
 */
public final class ConstraintWeights {

    private static final HardMediumSoftLongScore HARD = HardMediumSoftLongScore.ONE_HARD;
    private static final Map<String, HardMediumSoftLongScore> DEFAULTS = new LinkedHashMap<>();

    static {
        for (String hard : List.of(ROOM_CAPACITY, PLENARY_ROOM_CAPACITY, ROOM_CONFLICT, SESSION_REPEATED_IN_ROUND,
                SPEAKER_CONFLICT,
                SPEAKER_UNAVAILABLE, ROOM_UNAVAILABLE, ROUND_NOT_ALLOWED, ROOM_TAGS_MISSING, ATTENDEE_DOUBLE_BOOKED,
                SESSION_ATTENDED_TWICE, SEAT_IN_UNWANTED_ROUND, AUDIENCE_RESTRICTED, UNRANKED_NOT_ALLOWED,
                PINNED_SEAT_MOVED)) {
            DEFAULTS.put(hard, HARD);
        }
        DEFAULTS.put(UNFILLED_SEAT, HardMediumSoftLongScore.ONE_MEDIUM);
        DEFAULTS.put(PREFERENCE_COST, HardMediumSoftLongScore.ONE_SOFT);
        DEFAULTS.put(THEME_CLASH, HardMediumSoftLongScore.ofSoft(5));
        DEFAULTS.put(SEAT_CHANGED, HardMediumSoftLongScore.ofSoft(20));
        DEFAULTS.put(PLACEMENT_CHANGED, HardMediumSoftLongScore.ofSoft(10));
    }

    private ConstraintWeights() {
    }

    /** The default weight of a constraint, or null for an unknown name. */
    public static HardMediumSoftLongScore defaultWeight(String constraintName) {
        return DEFAULTS.get(constraintName);
    }

    public static HardMediumSoftLongScore get(String constraintName) {
        HardMediumSoftLongScore weight = DEFAULTS.get(constraintName);
        if (weight == null) {
            throw new IllegalArgumentException("No default weight for constraint " + constraintName);
        }
        return weight;
    }

    public static List<String> names() {
        return List.copyOf(DEFAULTS.keySet());
    }

    /** The default weight times a factor, e.g. {@code "preferenceCost": 2} in the event file. */
    public static HardMediumSoftLongScore scaled(HardMediumSoftLongScore weight, long factor) {
        return HardMediumSoftLongScore.of(weight.hardScore() * factor, weight.mediumScore() * factor,
                weight.softScore() * factor);
    }
}

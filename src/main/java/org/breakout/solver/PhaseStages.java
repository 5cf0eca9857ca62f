package org.breakout.solver;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Consumer;

import org.breakout.domain.Schedule;

/**
 * Where a long phase is ("prices: step 300", "sweep 2, round R3"), for the progress lines of {@code breakout solve}:
 * {@link PhaseEvents} attaches the listener to the working solution when a phase starts, and the phase reports through
 * {@link #of}. Keyed by the working solution (weakly), so solves running side by side (the web page's jobs) each
 * reach their own listener, and a phase without one reports to nobody.
 */
final class PhaseStages {

    private static final Consumer<String> NOBODY = stage -> {
    };
    private static final Map<Schedule, Consumer<String>> LISTENERS = new WeakHashMap<>();

    private PhaseStages() {
    }

    static void attach(Schedule workingSolution, Consumer<String> listener) {
        synchronized (LISTENERS) {
            LISTENERS.put(workingSolution, listener);
        }
    }

    /** Who hears the stages of the phase working on {@code schedule}; a no-op when nobody listens. */
    static Consumer<String> of(Schedule schedule) {
        synchronized (LISTENERS) {
            return LISTENERS.getOrDefault(schedule, NOBODY);
        }
    }
}

package org.breakout.cli;

import java.time.Duration;

import picocli.CommandLine.Option;

/**
 * The solver options that {@code solve} and {@code benchmark} share (a picocli mixin): when to give up on
 * improving, the random seed, and the hidden step limit for reproducible runs. The time limit is each command's own
 * (their defaults differ).
 */
public class SearchOptions {

    @Option(names = "--unimproved-limit", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "20s",
            description = "Stop when the best schedule has not improved for this long (default: ${DEFAULT-VALUE}).")
    Duration unimprovedLimit;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Random seed of the solver (default: ${DEFAULT-VALUE}); the same seed and step counts "
                    + "give the same schedule.")
    long seed;

    @Option(names = "--steps", paramLabel = "N", hidden = true,
            description = "Stop local search after N steps instead of by time (reproducible runs, tests).")
    Integer steps;
}

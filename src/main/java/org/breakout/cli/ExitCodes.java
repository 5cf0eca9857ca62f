package org.breakout.cli;

/** Exit codes of every breakout command (documented in the README). */
public final class ExitCodes {

    /** Solved, and no hard rule is broken. */
    public static final int OK = 0;
    /** Unexpected failure (a bug): please report it with the input. */
    public static final int INTERNAL_ERROR = 1;
    /** Wrong command line: unknown option, missing argument. */
    public static final int USAGE = 2;
    /** The input file is missing, unreadable or invalid; nothing was written. */
    public static final int BAD_INPUT = 3;
    /** Solved and written, but hard rules are broken (see the summary). */
    public static final int HARD_RULES_BROKEN = 4;
    /** reallocate: written, but some newcomers could not be seated in every round they want (see the report). */
    public static final int NEWCOMERS_UNSEATED = 5;
    /** reallocate: another run is writing the same output (its lock file is held); nothing written. */
    public static final int BUSY = 6;
    /**
     * The Java heap was too small: the message says how big it was and which {@code -Xmx} to try; {@code solve}
     * writes the best schedule it had (marked not final), if it had one.
     */
    public static final int OUT_OF_MEMORY = 7;

    private ExitCodes() {
    }
}

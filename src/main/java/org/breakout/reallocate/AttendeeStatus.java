package org.breakout.reallocate;

/** What the changes did to an attendee. */
public enum AttendeeStatus {
    /** Published, and not changed (also when the changes repeat their data as it was). */
    UNCHANGED,
    /** Published, and the changes replace their data (choices, rounds, tags, …). */
    CHANGED,
    /** Not published before: a late registration. */
    NEWCOMER,
    /** Published, and cancelled. */
    CANCELLED
}

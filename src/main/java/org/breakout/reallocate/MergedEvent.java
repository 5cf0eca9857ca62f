package org.breakout.reallocate;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.io.Problem;

/**
 * The published schedule with the changes folded in, ready for the event reader and the solver.
 *
 * @param document the merged event: published attendees (changed ones replaced, cancelled ones removed) with the
 *        published seats they keep as {@code assignments}, newcomers appended; under {@code frozen} every kept seat
 *        and every placement is pinned
 * @param statuses every attendee id of the published schedule and the changes, with what happened to them
 * @param changedFields for a changed attendee, the fields that differ from the published data
 * @param releasedSeats published seats ({@link #seatKey}) not carried into the merged event, with the reason
 * @param sources for each attendee of {@code document} (same index), the file and JSON path it came from
 * @param addedPins seat keys and placement keys ({@link #placementKey}) pinned only for the solve
 */
public record MergedEvent(ObjectNode document, Map<String, AttendeeStatus> statuses,
        Map<String, List<String>> changedFields, Map<String, String> releasedSeats, List<Source> sources,
        Set<String> addedPins, List<Problem> warnings) {

    /** Where an attendee of the merged document came from. */
    public record Source(String file, String path) {
    }

    public static String seatKey(String attendee, String round) {
        return attendee + "|" + round;
    }

    public static String placementKey(String session, String round, String room) {
        return session + "|" + round + "|" + room;
    }
}

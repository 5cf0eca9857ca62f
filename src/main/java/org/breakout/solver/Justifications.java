package org.breakout.solver;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/**
 * Why a constraint matched: small records that {@code explain}, score analysis and the summary can show to
 * an organiser. Ids, not objects, so they serialise as they are.
 */
public final class Justifications {

    private Justifications() {
    }

    public record RoomOverfull(String run, String room, int seated, int seatLimit) implements ConstraintJustification {
        public String describe() {
            return run + " in " + room + " has " + seated + " seated for " + seatLimit + " seats";
        }
    }

    public record PlenaryRoomTooSmall(String run, String room, int attendees, int capacity)
            implements ConstraintJustification {
    }

    public record RoomDoubleBooked(String room, String round, String run1, String run2)
            implements ConstraintJustification {
    }

    public record SessionRepeatedInRound(String session, String round, String run1, String run2)
            implements ConstraintJustification {
    }

    public record SpeakerDoubleBooked(String round, String run1, String run2, int sharedSpeakers)
            implements ConstraintJustification {
    }

    public record SpeakerUnavailable(String run, String round, int unavailableSpeakers)
            implements ConstraintJustification {
    }

    public record RoomUnavailable(String run, String room, String round) implements ConstraintJustification {
    }

    public record RoundNotAllowed(String run, String round) implements ConstraintJustification {
    }

    public record RoomTagsMissing(String run, String room, int missingTags) implements ConstraintJustification {
    }

    public record AttendeeDoubleBooked(String attendee, String round, String run1, String run2)
            implements ConstraintJustification {
    }

    public record SessionAttendedTwice(String attendee, String session) implements ConstraintJustification {
    }

    public record SeatInUnwantedRound(String attendee, String run, String round) implements ConstraintJustification {
    }

    public record AudienceRestricted(String attendee, String session) implements ConstraintJustification {
    }

    public record UnrankedSession(String attendee, String session) implements ConstraintJustification {
    }

    public record PinnedSeatMoved(String attendee, String run, String pinnedRound, String round)
            implements ConstraintJustification {
    }

    public record UnfilledSeat(String attendee, String seat) implements ConstraintJustification {
    }

    public record SeatPreference(String attendee, String session, int rank, long cost)
            implements ConstraintJustification {
    }

    public record ThemeClash(String round, String run1, String run2, int sharedThemes)
            implements ConstraintJustification {
    }

    public record SeatChanged(String attendee, String previousSession, String previousRound, String run)
            implements ConstraintJustification {
    }

    public record PlacementChanged(String run, String previousRound, String previousRoom, String round,
            String room) implements ConstraintJustification {
    }
}

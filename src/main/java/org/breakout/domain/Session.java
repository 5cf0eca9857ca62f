package org.breakout.domain;

import java.util.List;
import java.util.Set;

/**
 * A session of the programme. It is given {@code runs} times (a popular workshop can repeat); each run is a
 * {@link SessionRun} that gets a round and a room. A plenary session is attended by everyone and takes no
 * seats: it is in the timetable, not in anyone's choices.
 *
 * @param capacity participant cap below the room's capacity, or null for "as many as the room holds"
 * @param audience attendee tags allowed in (any of them); empty means open to all
 */
public record Session(String id, String title, List<Speaker> speakers, Set<String> themes, Integer capacity,
        int runs, Set<Round> allowedRounds, Set<String> requiredRoomTags, Set<String> audience, boolean plenary) {

    public boolean isAllowedIn(Round round) {
        return allowedRounds.contains(round);
    }

    public boolean admits(Attendee attendee) {
        if (plenary) {
            return false;
        }
        if (audience.isEmpty()) {
            return true;
        }
        for (String tag : attendee.tags()) {
            if (audience.contains(tag)) {
                return true;
            }
        }
        return false;
    }

    /** Seats a run of this session offers in the given room: the room's capacity or the session's cap. */
    public int seatLimitIn(Room room) {
        return capacity == null ? room.capacity() : Math.min(capacity, room.capacity());
    }

    public boolean sharesSpeakerWith(Session other) {
        return sharedSpeakerCount(other) > 0;
    }

    public int sharedSpeakerCount(Session other) {
        int count = 0;
        for (Speaker speaker : speakers) {
            if (other.speakers.contains(speaker)) {
                count++;
            }
        }
        return count;
    }

    public int sharedThemeCount(Session other) {
        int count = 0;
        for (String theme : themes) {
            if (other.themes.contains(theme)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Session other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}

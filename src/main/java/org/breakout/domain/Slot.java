package org.breakout.domain;

/**
 * A place in the timetable: a room in a round. The timetable search moves a session run into a slot (and whatever
 * run was there into the run's old slot), so slots are problem facts it can pick from.
 */
public record Slot(Round round, Room room) {

    @Override
    public String toString() {
        return round + "/" + room;
    }
}

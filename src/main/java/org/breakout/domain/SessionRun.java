package org.breakout.domain;

import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/**
 * One run of a session: the solver gives it a round and a room. Run {@code index} 0 is the session's first
 * placement in the event file, 1 the second, and so on.
 */
@PlanningEntity
public class SessionRun {

    @PlanningId
    private String id;
    private Session session;
    private int index;
    /** The session's allowed rounds, as the value range for {@link #round}. */
    private List<Round> allowedRounds;

    @PlanningVariable(valueRangeProviderRefs = "allowedRounds")
    private Round round;
    @PlanningVariable(valueRangeProviderRefs = "rooms")
    private Room room;

    @PlanningPin
    private boolean pinned;
    /**
     * The schedule this run belongs to. A timetable move picks runs and slots and must re-seat the attendees the
     * move touches, which needs the working schedule; a move is given only the entities it picks.
     * {@link ScheduleCloner} points the runs of a cloned schedule at that clone.
     */
    private Schedule schedule;
    /** A placement published before this run (not pinned): moving away from it costs a little. */
    private Round previousRound;
    private Room previousRoom;

    public SessionRun() {
    }

    public SessionRun(Session session, int index) {
        this.session = session;
        this.index = index;
        this.id = idOf(session, index);
        this.allowedRounds = new ArrayList<>(session.allowedRounds());
        this.allowedRounds.sort(null);
    }

    public SessionRun(Session session, int index, Round round, Room room) {
        this(session, index);
        this.round = round;
        this.room = room;
    }

    /** A copy of every field but the schedule (set by {@link ScheduleCloner}). */
    SessionRun copy() {
        SessionRun copy = new SessionRun();
        copy.id = id;
        copy.session = session;
        copy.index = index;
        copy.allowedRounds = allowedRounds;
        copy.round = round;
        copy.room = room;
        copy.pinned = pinned;
        copy.previousRound = previousRound;
        copy.previousRoom = previousRoom;
        return copy;
    }

    public static String idOf(Session session, int index) {
        return session.id() + "#" + (index + 1);
    }

    @ValueRangeProvider(id = "allowedRounds")
    public List<Round> getAllowedRounds() {
        return allowedRounds;
    }

    public boolean isPlaced() {
        return round != null && room != null;
    }

    /** Seats this run offers where it is now placed. */
    public int seatLimit() {
        return room == null ? 0 : session.seatLimitIn(room);
    }

    public boolean hasPreviousPlacement() {
        return previousRound != null;
    }

    public String getId() {
        return id;
    }

    public Session getSession() {
        return session;
    }

    public int getIndex() {
        return index;
    }

    public Round getRound() {
        return round;
    }

    public void setRound(Round round) {
        this.round = round;
    }

    public Room getRoom() {
        return room;
    }

    public void setRoom(Room room) {
        this.room = room;
    }

    public Schedule getSchedule() {
        return schedule;
    }

    void setSchedule(Schedule schedule) {
        this.schedule = schedule;
    }

    public boolean isPinned() {
        return pinned;
    }

    public void setPinned(boolean pinned) {
        this.pinned = pinned;
    }

    public Round getPreviousRound() {
        return previousRound;
    }

    public Room getPreviousRoom() {
        return previousRoom;
    }

    public void setPrevious(Round previousRound, Room previousRoom) {
        this.previousRound = previousRound;
        this.previousRoom = previousRoom;
    }

    @Override
    public String toString() {
        return id + "@" + round + "/" + room;
    }
}

package org.breakout.domain;

import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/**
 * One seat an attendee wants: an attendee has one seat per round they want a session in. The seat's variable
 * is a session run (any round), not a round: when a run changes round, only attendees with another seat in
 * that round are hurt, which keeps local search out of the worst score trap. An unassigned seat is a wanted
 * round without a session.
 * <p>
 * The seat's round is its run's round ({@link #getRound()}, a plain getter, not a shadow variable). Constraints
 * that need it join the seat with its {@link SessionRun}, so that a run changing round reaches every seat in it.
 * A declarative shadow variable {@code run.round} was tried first: Timefold 1.32 builds its graph in time
 * quadratic in the number of seats (10,000 attendees: no first schedule after 10 minutes).
 */
@PlanningEntity
public class Seat {

    @PlanningId
    private String id;
    private Attendee attendee;
    private int index;
    /** Runs of the sessions this attendee may attend: the value range of {@link #run}. */
    private List<SessionRun> eligibleRuns;

    @PlanningVariable(valueRangeProviderRefs = "eligibleRuns", allowsUnassigned = true)
    private SessionRun run;

    @PlanningPin
    private boolean pinned;
    /** For a pinned seat: the round it was pinned in; its run must stay there. */
    private Round pinnedRound;
    /** A seat published before (reallocation): session and round the attendee was told. */
    private Session previousSession;
    private Round previousRound;

    public Seat() {
    }

    public Seat(Attendee attendee, int index, List<SessionRun> eligibleRuns) {
        this.attendee = attendee;
        this.index = index;
        this.id = attendee.id() + "/" + (index + 1);
        this.eligibleRuns = eligibleRuns;
    }

    /** A copy with the given (cloned) value range and run, for {@link ScheduleCloner}. */
    Seat copy(List<SessionRun> clonedEligibleRuns, SessionRun clonedRun) {
        Seat copy = new Seat();
        copy.id = id;
        copy.attendee = attendee;
        copy.index = index;
        copy.eligibleRuns = clonedEligibleRuns;
        copy.run = clonedRun;
        copy.pinned = pinned;
        copy.pinnedRound = pinnedRound;
        copy.previousSession = previousSession;
        copy.previousRound = previousRound;
        return copy;
    }

    @ValueRangeProvider(id = "eligibleRuns")
    public List<SessionRun> getEligibleRuns() {
        return eligibleRuns;
    }

    public boolean isAssigned() {
        return run != null;
    }

    public Session getSession() {
        return run == null ? null : run.getSession();
    }

    public boolean hasPrevious() {
        return previousSession != null;
    }

    /** Whether the seat is no longer the one published: other session or other round. */
    public boolean movedFromPrevious() {
        return previousSession != null
                && (run == null || !previousSession.equals(run.getSession()) || !previousRound.equals(run.getRound()));
    }

    public String getId() {
        return id;
    }

    public Attendee getAttendee() {
        return attendee;
    }

    public int getIndex() {
        return index;
    }

    public SessionRun getRun() {
        return run;
    }

    public void setRun(SessionRun run) {
        this.run = run;
    }

    /** The run's round, or null without a run (or with an unplaced one). Not for constraint streams: join the run. */
    public Round getRound() {
        return run == null ? null : run.getRound();
    }

    public boolean isPinned() {
        return pinned;
    }

    public Round getPinnedRound() {
        return pinnedRound;
    }

    public void pin(Round pinnedRound) {
        this.pinned = true;
        this.pinnedRound = pinnedRound;
    }

    public Session getPreviousSession() {
        return previousSession;
    }

    public Round getPreviousRound() {
        return previousRound;
    }

    public void setPrevious(Session previousSession, Round previousRound) {
        this.previousSession = previousSession;
        this.previousRound = previousRound;
    }

    @Override
    public String toString() {
        return id + "->" + (run == null ? "-" : run.getId());
    }
}

package org.breakout.domain;

import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import ai.timefold.solver.core.api.domain.variable.ShadowSources;
import ai.timefold.solver.core.api.domain.variable.ShadowVariable;

/**
 * One seat an attendee wants: an attendee has one seat per round they want a session in. The seat's variable
 * is a session run (any round), not a round: when a run changes round, only attendees with another seat in
 * that round are hurt, which keeps local search out of the worst score trap. An unassigned seat is a wanted
 * round without a session.
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

    @ShadowVariable(supplierName = "roundOfRun")
    private Round round;

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

    @ShadowSources("run.round")
    public Round roundOfRun() {
        return run == null ? null : run.getRound();
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
                && (run == null || !previousSession.equals(run.getSession()) || !previousRound.equals(round));
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

    public Round getRound() {
        return round;
    }

    /** Only for tests and input mapping: the solver keeps the shadow variable itself. */
    public void setRound(Round round) {
        this.round = round;
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

package org.breakout.domain;

import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The planning solution: an event with its decisions (placements of session runs, seats of attendees).
 * Hard = rules that must hold, medium = wanted seats left empty, soft = preference cost and other wishes.
 */
@PlanningSolution(solutionCloner = ScheduleCloner.class)
public class Schedule {

    private String name;
    @ProblemFactProperty
    private EventSettings settings;
    @ProblemFactCollectionProperty
    private List<Round> rounds;
    @ProblemFactCollectionProperty
    @ValueRangeProvider(id = "rooms")
    private List<Room> rooms;
    @ProblemFactCollectionProperty
    private List<Speaker> speakers;
    @ProblemFactCollectionProperty
    private List<Session> sessions;
    @ProblemFactCollectionProperty
    private List<Attendee> attendees;
    /** Every (round, room): where the timetable search can put a run. */
    @ProblemFactCollectionProperty
    private List<Slot> slots;

    @PlanningEntityCollectionProperty
    private List<SessionRun> runs;
    @PlanningEntityCollectionProperty
    private List<Seat> seats;

    private ConstraintWeightOverrides<HardMediumSoftLongScore> constraintWeightOverrides = ConstraintWeightOverrides.none();

    @PlanningScore
    private HardMediumSoftLongScore score;

    /**
     * Set by the seating phase when this schedule is proven optimal: every run pinned, and the seating reaches its
     * bound. Nothing can improve it, so the solver may stop. A plain field (copied into every clone), not a fact.
     */
    private boolean provenOptimal;
    /**
     * Set by the seating phase once it has solved the seating LP of this (pinned) timetable: a later seating phase
     * starts from a schedule at least as good as that LP's seating, so it does not solve it again. Copied like
     * {@link #provenOptimal}.
     */
    private boolean seatingLpSolved;
    /** Cache of {@link #seatOptions()}; -1 until computed. */
    private long seatOptions = -1;

    public Schedule() {
    }

    public Schedule(String name, EventSettings settings, List<Round> rounds, List<Room> rooms,
            List<Speaker> speakers, List<Session> sessions, List<Attendee> attendees, List<SessionRun> runs,
            List<Seat> seats, ConstraintWeightOverrides<HardMediumSoftLongScore> constraintWeightOverrides) {
        this.name = name;
        this.settings = settings;
        this.rounds = rounds;
        this.rooms = rooms;
        this.speakers = speakers;
        this.sessions = sessions;
        this.attendees = attendees;
        this.runs = runs;
        this.seats = seats;
        this.slots = new ArrayList<>(rounds.size() * rooms.size());
        for (Round round : rounds) {
            for (Room room : rooms) {
                slots.add(new Slot(round, room));
            }
        }
        for (SessionRun run : runs) {
            run.setSchedule(this);
        }
        this.constraintWeightOverrides = constraintWeightOverrides == null
                ? ConstraintWeightOverrides.none() : constraintWeightOverrides;
    }

    /** A copy with other runs and seats (for {@link ScheduleCloner}): facts shared, plain fields copied. */
    Schedule copyWith(List<SessionRun> runs, List<Seat> seats) {
        Schedule copy = new Schedule();
        copy.name = name;
        copy.settings = settings;
        copy.rounds = rounds;
        copy.rooms = rooms;
        copy.speakers = speakers;
        copy.sessions = sessions;
        copy.attendees = attendees;
        copy.slots = slots;
        copy.runs = runs;
        copy.seats = seats;
        copy.constraintWeightOverrides = constraintWeightOverrides;
        copy.score = score;
        copy.provenOptimal = provenOptimal;
        copy.seatingLpSolved = seatingLpSolved;
        copy.seatOptions = seatOptions;
        return copy;
    }

    public String getName() {
        return name;
    }

    public EventSettings getSettings() {
        return settings;
    }

    public List<Round> getRounds() {
        return rounds;
    }

    public List<Room> getRooms() {
        return rooms;
    }

    public List<Speaker> getSpeakers() {
        return speakers;
    }

    public List<Session> getSessions() {
        return sessions;
    }

    public List<Attendee> getAttendees() {
        return attendees;
    }

    public List<SessionRun> getRuns() {
        return runs;
    }

    public List<Seat> getSeats() {
        return seats;
    }

    public List<Slot> getSlots() {
        return slots;
    }

    /**
     * Seat options: unpinned seats times the runs each may take. Facts only (pins and value ranges do not change while
     * solving), so it is computed once and copied into clones.
     */
    public long seatOptions() {
        if (seatOptions < 0) {
            long options = 0;
            for (Seat seat : seats) {
                if (!seat.isPinned() && seat.getEligibleRuns() != null) {
                    options += seat.getEligibleRuns().size();
                }
            }
            seatOptions = options;
        }
        return seatOptions;
    }

    public ConstraintWeightOverrides<HardMediumSoftLongScore> getConstraintWeightOverrides() {
        return constraintWeightOverrides;
    }

    public void setConstraintWeightOverrides(ConstraintWeightOverrides<HardMediumSoftLongScore> constraintWeightOverrides) {
        this.constraintWeightOverrides = constraintWeightOverrides;
    }

    public boolean isProvenOptimal() {
        return provenOptimal;
    }

    public void setProvenOptimal(boolean provenOptimal) {
        this.provenOptimal = provenOptimal;
    }

    public boolean isSeatingLpSolved() {
        return seatingLpSolved;
    }

    public void setSeatingLpSolved(boolean seatingLpSolved) {
        this.seatingLpSolved = seatingLpSolved;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}

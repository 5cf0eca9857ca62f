package org.breakout.solver;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.count;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.countBi;
import static ai.timefold.solver.core.api.score.stream.Joiners.equal;
import static ai.timefold.solver.core.api.score.stream.Joiners.filtering;
import static ai.timefold.solver.core.api.score.stream.Joiners.lessThan;

import java.util.function.Function;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.bi.BiConstraintStream;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

import org.breakout.domain.Attendee;
import org.breakout.domain.EventSettings;
import org.breakout.domain.Seat;
import org.breakout.domain.SessionRun;
import org.breakout.solver.Justifications.AttendeeDoubleBooked;
import org.breakout.solver.Justifications.AudienceRestricted;
import org.breakout.solver.Justifications.PinnedSeatMoved;
import org.breakout.solver.Justifications.SessionRepeatedInRound;
import org.breakout.solver.Justifications.PlacementChanged;
import org.breakout.solver.Justifications.PlenaryRoomTooSmall;
import org.breakout.solver.Justifications.RoomDoubleBooked;
import org.breakout.solver.Justifications.RoomOverfull;
import org.breakout.solver.Justifications.RoomTagsMissing;
import org.breakout.solver.Justifications.RoomUnavailable;
import org.breakout.solver.Justifications.RoundNotAllowed;
import org.breakout.solver.Justifications.SeatChanged;
import org.breakout.solver.Justifications.SeatInUnwantedRound;
import org.breakout.solver.Justifications.SeatPreference;
import org.breakout.solver.Justifications.SessionAttendedTwice;
import org.breakout.solver.Justifications.SpeakerDoubleBooked;
import org.breakout.solver.Justifications.SpeakerUnavailable;
import org.breakout.solver.Justifications.ThemeClash;
import org.breakout.solver.Justifications.UnfilledSeat;
import org.breakout.solver.Justifications.UnrankedSession;

/**
 * Every rule of the objective, one method each, named as the constraint (the name is also the key for a
 * weight override in the event file's {@code settings.weights}). Hard rules penalise by how much they are
 * broken, so the solver can climb out. Constraints that read a run's round or room start from the run, or join
 * the seat with its run, so that a run's move is seen by every match that depends on it (a seat's round is not a
 * variable: see {@link Seat}).
 */
public class BreakoutConstraintProvider implements ConstraintProvider {

    public static final String ROOM_CAPACITY = "roomCapacity";
    public static final String PLENARY_ROOM_CAPACITY = "plenaryRoomCapacity";
    public static final String ROOM_CONFLICT = "roomConflict";
    public static final String SESSION_REPEATED_IN_ROUND = "sessionRepeatedInRound";
    public static final String SPEAKER_CONFLICT = "speakerConflict";
    public static final String SPEAKER_UNAVAILABLE = "speakerUnavailable";
    public static final String ROOM_UNAVAILABLE = "roomUnavailable";
    public static final String ROUND_NOT_ALLOWED = "roundNotAllowed";
    public static final String ROOM_TAGS_MISSING = "roomTagsMissing";
    public static final String ATTENDEE_DOUBLE_BOOKED = "attendeeDoubleBooked";
    public static final String SESSION_ATTENDED_TWICE = "sessionAttendedTwice";
    public static final String SEAT_IN_UNWANTED_ROUND = "seatInUnwantedRound";
    public static final String AUDIENCE_RESTRICTED = "audienceRestricted";
    public static final String UNRANKED_NOT_ALLOWED = "unrankedNotAllowed";
    public static final String PINNED_SEAT_MOVED = "pinnedSeatMoved";
    public static final String UNFILLED_SEAT = "unfilledSeat";
    public static final String PREFERENCE_COST = "preferenceCost";
    public static final String THEME_CLASH = "themeClash";
    public static final String SEAT_CHANGED = "seatChanged";
    public static final String PLACEMENT_CHANGED = "placementChanged";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                roomCapacity(factory),
                plenaryRoomCapacity(factory),
                roomConflict(factory),
                sessionRepeatedInRound(factory),
                speakerConflict(factory),
                speakerUnavailable(factory),
                roomUnavailable(factory),
                roundNotAllowed(factory),
                roomTagsMissing(factory),
                attendeeDoubleBooked(factory),
                sessionAttendedTwice(factory),
                seatInUnwantedRound(factory),
                audienceRestricted(factory),
                unrankedNotAllowed(factory),
                pinnedSeatMoved(factory),
                unfilledSeat(factory),
                preferenceCost(factory),
                themeClash(factory),
                seatChanged(factory),
                placementChanged(factory)
        };
    }

    // ************************************************************************
    // Hard: placements
    // ************************************************************************

    /** More people seated in a run than its room (or the session's cap) holds: one per seat too many. */
    Constraint roomCapacity(ConstraintFactory factory) {
        return factory.forEach(SessionRun.class)
                .join(Seat.class, equal(Function.identity(), Seat::getRun))
                .groupBy((run, seat) -> run, countBi())
                .filter((run, seated) -> seated > run.seatLimit())
                .penalizeLong(ConstraintWeights.get(ROOM_CAPACITY), (run, seated) -> seated - run.seatLimit())
                .justifyWith((run, seated, score) -> new RoomOverfull(run.getId(), String.valueOf(run.getRoom()),
                        seated, run.seatLimit()))
                .asConstraint(ROOM_CAPACITY);
    }

    /** A plenary run's room must hold every attendee: one per attendee too many. */
    Constraint plenaryRoomCapacity(ConstraintFactory factory) {
        return factory.forEach(SessionRun.class)
                .filter(run -> run.getSession().plenary())
                .join(factory.forEach(Attendee.class).groupBy(count()))
                .filter((run, attendees) -> attendees > run.seatLimit())
                .penalizeLong(ConstraintWeights.get(PLENARY_ROOM_CAPACITY), (run, attendees) -> attendees - run.seatLimit())
                .justifyWith((run, attendees, score) -> new PlenaryRoomTooSmall(run.getId(),
                        String.valueOf(run.getRoom()), attendees, run.seatLimit()))
                .asConstraint(PLENARY_ROOM_CAPACITY);
    }

    /** Two runs in the same room in the same round. */
    Constraint roomConflict(ConstraintFactory factory) {
        return factory.forEachUniquePair(SessionRun.class,
                        equal(SessionRun::getRound), equal(SessionRun::getRoom))
                .penalize(ConstraintWeights.get(ROOM_CONFLICT))
                .justifyWith((a, b, score) -> new RoomDoubleBooked(a.getRoom().id(), a.getRound().id(),
                        a.getId(), b.getId()))
                .asConstraint(ROOM_CONFLICT);
    }

    /**
     * Two runs of one session in the same round: a repeat is for people who could not come the first time, and
     * nobody can attend both. (With a speaker, {@code speakerConflict} also fires; without one, only this does.)
     */
    Constraint sessionRepeatedInRound(ConstraintFactory factory) {
        return factory.forEachUniquePair(SessionRun.class,
                        equal(SessionRun::getRound), equal(SessionRun::getSession))
                .penalize(ConstraintWeights.get(SESSION_REPEATED_IN_ROUND))
                .justifyWith((a, b, score) -> new SessionRepeatedInRound(a.getSession().id(), a.getRound().id(),
                        a.getId(), b.getId()))
                .asConstraint(SESSION_REPEATED_IN_ROUND);
    }

    /** Two runs in the same round that share a speaker: one per shared speaker. */
    Constraint speakerConflict(ConstraintFactory factory) {
        return factory.forEachUniquePair(SessionRun.class, equal(SessionRun::getRound),
                        filtering((a, b) -> a.getSession().sharesSpeakerWith(b.getSession())))
                .penalize(ConstraintWeights.get(SPEAKER_CONFLICT), (a, b) -> a.getSession().sharedSpeakerCount(b.getSession()))
                .justifyWith((a, b, score) -> new SpeakerDoubleBooked(a.getRound().id(), a.getId(), b.getId(),
                        a.getSession().sharedSpeakerCount(b.getSession())))
                .asConstraint(SPEAKER_CONFLICT);
    }

    /** A run in a round one of its speakers is not available: one per unavailable speaker. */
    Constraint speakerUnavailable(ConstraintFactory factory) {
        return factory.forEach(SessionRun.class)
                .filter(run -> unavailableSpeakers(run) > 0)
                .penalize(ConstraintWeights.get(SPEAKER_UNAVAILABLE), BreakoutConstraintProvider::unavailableSpeakers)
                .justifyWith((run, score) -> new SpeakerUnavailable(run.getId(), run.getRound().id(),
                        unavailableSpeakers(run)))
                .asConstraint(SPEAKER_UNAVAILABLE);
    }

    private static int unavailableSpeakers(SessionRun run) {
        return (int) run.getSession().speakers().stream().filter(s -> !s.isAvailableIn(run.getRound())).count();
    }

    /** A run in a room that is not available in its round. */
    Constraint roomUnavailable(ConstraintFactory factory) {
        return factory.forEach(SessionRun.class)
                .filter(run -> !run.getRoom().isAvailableIn(run.getRound()))
                .penalize(ConstraintWeights.get(ROOM_UNAVAILABLE))
                .justifyWith((run, score) -> new RoomUnavailable(run.getId(), run.getRoom().id(),
                        run.getRound().id()))
                .asConstraint(ROOM_UNAVAILABLE);
    }

    /** A run in a round the session is not allowed in (only a pinned or published placement can be). */
    Constraint roundNotAllowed(ConstraintFactory factory) {
        return factory.forEach(SessionRun.class)
                .filter(run -> !run.getSession().isAllowedIn(run.getRound()))
                .penalize(ConstraintWeights.get(ROUND_NOT_ALLOWED))
                .justifyWith((run, score) -> new RoundNotAllowed(run.getId(), run.getRound().id()))
                .asConstraint(ROUND_NOT_ALLOWED);
    }

    /** A run in a room without the tags its session requires: one per missing tag. */
    Constraint roomTagsMissing(ConstraintFactory factory) {
        return factory.forEach(SessionRun.class)
                .filter(run -> missingTags(run) > 0)
                .penalize(ConstraintWeights.get(ROOM_TAGS_MISSING), BreakoutConstraintProvider::missingTags)
                .justifyWith((run, score) -> new RoomTagsMissing(run.getId(), run.getRoom().id(), missingTags(run)))
                .asConstraint(ROOM_TAGS_MISSING);
    }

    private static int missingTags(SessionRun run) {
        return (int) run.getSession().requiredRoomTags().stream()
                .filter(tag -> !run.getRoom().tags().contains(tag)).count();
    }

    // ************************************************************************
    // Hard: seats
    // ************************************************************************

    /** Two seats of one attendee in the same round. */
    Constraint attendeeDoubleBooked(ConstraintFactory factory) {
        return seatsWithRuns(factory)
                .join(Seat.class, equal((a, runA) -> a.getAttendee(), Seat::getAttendee),
                        lessThan((a, runA) -> a.getId(), Seat::getId))
                .join(SessionRun.class, equal((a, runA, b) -> b.getRun(), Function.identity()),
                        equal((a, runA, b) -> runA.getRound(), SessionRun::getRound))
                .penalize(ConstraintWeights.get(ATTENDEE_DOUBLE_BOOKED))
                .justifyWith((a, runA, b, runB, score) -> new AttendeeDoubleBooked(a.getAttendee().id(),
                        runA.getRound().id(), runA.getId(), runB.getId()))
                .asConstraint(ATTENDEE_DOUBLE_BOOKED);
    }

    /** An attendee seated twice in the same session (in two runs of a repeated session). */
    Constraint sessionAttendedTwice(ConstraintFactory factory) {
        return factory.forEachUniquePair(Seat.class, equal(Seat::getAttendee), equal(Seat::getSession))
                .penalize(ConstraintWeights.get(SESSION_ATTENDED_TWICE))
                .justifyWith((a, b, score) -> new SessionAttendedTwice(a.getAttendee().id(), a.getSession().id()))
                .asConstraint(SESSION_ATTENDED_TWICE);
    }

    /** A seat in a round the attendee did not ask a session in. */
    Constraint seatInUnwantedRound(ConstraintFactory factory) {
        return seatsWithRuns(factory)
                .filter((seat, run) -> !seat.getAttendee().wants(run.getRound()))
                .penalize(ConstraintWeights.get(SEAT_IN_UNWANTED_ROUND))
                .justifyWith((seat, run, score) -> new SeatInUnwantedRound(seat.getAttendee().id(),
                        run.getId(), run.getRound().id()))
                .asConstraint(SEAT_IN_UNWANTED_ROUND);
    }

    /** A seat in a session whose audience the attendee is not part of. */
    Constraint audienceRestricted(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(seat -> !seat.getSession().admits(seat.getAttendee()))
                .penalize(ConstraintWeights.get(AUDIENCE_RESTRICTED))
                .justifyWith((seat, score) -> new AudienceRestricted(seat.getAttendee().id(),
                        seat.getSession().id()))
                .asConstraint(AUDIENCE_RESTRICTED);
    }

    /** A seat in a session the attendee did not rank, when the event does not allow that. */
    Constraint unrankedNotAllowed(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(seat -> !seat.getAttendee().ranked(seat.getSession()))
                .join(EventSettings.class, filtering((seat, settings) -> !settings.allowUnranked()))
                .penalize(ConstraintWeights.get(UNRANKED_NOT_ALLOWED))
                .justifyWith((seat, settings, score) -> new UnrankedSession(seat.getAttendee().id(),
                        seat.getSession().id()))
                .asConstraint(UNRANKED_NOT_ALLOWED);
    }

    /** A pinned seat whose run has been placed in another round than the one the seat was pinned in. */
    Constraint pinnedSeatMoved(ConstraintFactory factory) {
        return seatsWithRuns(factory)
                .filter((seat, run) -> seat.isPinned() && seat.getPinnedRound() != null
                        && !seat.getPinnedRound().equals(run.getRound()))
                .penalize(ConstraintWeights.get(PINNED_SEAT_MOVED))
                .justifyWith((seat, run, score) -> new PinnedSeatMoved(seat.getAttendee().id(), run.getId(),
                        seat.getPinnedRound().id(), run.getRound().id()))
                .asConstraint(PINNED_SEAT_MOVED);
    }

    /** Every assigned seat with its run: a run's change of round then reaches the seat's matches. */
    private static BiConstraintStream<Seat, SessionRun> seatsWithRuns(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .join(SessionRun.class, equal(Seat::getRun, Function.identity()));
    }

    // ************************************************************************
    // Medium
    // ************************************************************************

    /** A round the attendee wants a session in, without a seat. */
    Constraint unfilledSeat(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Seat.class)
                .filter(seat -> seat.getRun() == null)
                .penalize(ConstraintWeights.get(UNFILLED_SEAT))
                .justifyWith((seat, score) -> new UnfilledSeat(seat.getAttendee().id(), seat.getId()))
                .asConstraint(UNFILLED_SEAT);
    }

    // ************************************************************************
    // Soft
    // ************************************************************************

    /** Preference cost of every seat: by default (rank - 1)², or the event's rankCosts table. */
    Constraint preferenceCost(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .join(EventSettings.class)
                .filter((seat, settings) -> settings.seatCost(seat.getAttendee(), seat.getSession()) > 0)
                .penalizeLong(ConstraintWeights.get(PREFERENCE_COST),
                        (seat, settings) -> settings.seatCost(seat.getAttendee(), seat.getSession()))
                .justifyWith((seat, settings, score) -> new SeatPreference(seat.getAttendee().id(),
                        seat.getSession().id(), seat.getAttendee().rankOf(seat.getSession()),
                        settings.seatCost(seat.getAttendee(), seat.getSession())))
                .asConstraint(PREFERENCE_COST);
    }

    /** Two runs of sessions with a theme in common in the same round: their theme group wants both. */
    Constraint themeClash(ConstraintFactory factory) {
        return factory.forEachUniquePair(SessionRun.class, equal(SessionRun::getRound),
                        filtering((a, b) -> !a.getSession().equals(b.getSession())
                                && a.getSession().sharedThemeCount(b.getSession()) > 0))
                .penalize(ConstraintWeights.get(THEME_CLASH), (a, b) -> a.getSession().sharedThemeCount(b.getSession()))
                .justifyWith((a, b, score) -> new ThemeClash(a.getRound().id(), a.getId(), b.getId(),
                        a.getSession().sharedThemeCount(b.getSession())))
                .asConstraint(THEME_CLASH);
    }

    /** A published seat that changed (other session or other round), or was taken away. */
    Constraint seatChanged(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Seat.class)
                .filter(Seat::hasPrevious)
                // Kept only if its run is the published session, placed in the published round.
                .ifNotExists(SessionRun.class, equal(Seat::getRun, Function.identity()),
                        filtering((seat, run) -> run.getSession().equals(seat.getPreviousSession())
                                && seat.getPreviousRound().equals(run.getRound())))
                .penalize(ConstraintWeights.get(SEAT_CHANGED))
                .justifyWith((seat, score) -> new SeatChanged(seat.getAttendee().id(), seat.getPreviousSession().id(),
                        seat.getPreviousRound().id(), seat.getRun() == null ? null : seat.getRun().getId()))
                .asConstraint(SEAT_CHANGED);
    }

    /** A published placement that moved: 10 per changed round, 1 per changed room, times the weight. */
    Constraint placementChanged(ConstraintFactory factory) {
        return factory.forEach(SessionRun.class)
                .filter(run -> run.hasPreviousPlacement() && placementChange(run) > 0)
                .penalize(ConstraintWeights.get(PLACEMENT_CHANGED), BreakoutConstraintProvider::placementChange)
                .justifyWith((run, score) -> new PlacementChanged(run.getId(), run.getPreviousRound().id(),
                        run.getPreviousRoom().id(), run.getRound().id(), run.getRoom().id()))
                .asConstraint(PLACEMENT_CHANGED);
    }

    private static int placementChange(SessionRun run) {
        int change = run.getPreviousRound().equals(run.getRound()) ? 0 : 10;
        if (!run.getPreviousRoom().equals(run.getRoom())) {
            change += 1;
        }
        return change;
    }
}

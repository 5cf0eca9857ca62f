package org.breakout.solver;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;

import org.breakout.domain.Attendee;
import org.breakout.domain.EventSettings;
import org.breakout.domain.Room;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;
import org.breakout.domain.Speaker;

/** Small hand-built events for the solver tests: domain objects made directly, no file format involved. */
final class TestEvents {

    private static final LocalDateTime DAY = LocalDateTime.of(2025, 6, 4, 9, 0);

    private TestEvents() {
    }

    static Round round(int index) {
        return new Round("R" + (index + 1), "Round " + (index + 1), DAY.plusHours(index), DAY.plusHours(index + 1),
                index);
    }

    static List<Round> rounds(int count) {
        List<Round> rounds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rounds.add(round(i));
        }
        return rounds;
    }

    static Room room(String id, int capacity, String... tags) {
        return new Room(id, id, capacity, "venue", Set.of(tags), Set.of());
    }

    static Room room(String id, int capacity, Set<String> tags, Set<Round> unavailable) {
        return new Room(id, id, capacity, "venue", tags, unavailable);
    }

    static Speaker speaker(String id, Round... unavailable) {
        return new Speaker(id, id, Set.of(unavailable));
    }

    static Session session(String id, int runs, Integer capacity, Collection<Round> allowedRounds) {
        return session(id, runs, capacity, allowedRounds, List.of(), Set.of(), Set.of(), Set.of());
    }

    static Session session(String id, int runs, Integer capacity, Collection<Round> allowedRounds,
            List<Speaker> speakers, Set<String> themes, Set<String> requiredRoomTags, Set<String> audience) {
        return new Session(id, id, speakers, themes, capacity, runs, new LinkedHashSet<>(allowedRounds),
                requiredRoomTags, audience, false);
    }

    /** Ranks as alternating session, rank pairs: {@code ranks(s1, 1, s2, 2)}. */
    static Map<Session, Integer> ranks(Object... sessionRankPairs) {
        Map<Session, Integer> ranks = new LinkedHashMap<>();
        for (int i = 0; i < sessionRankPairs.length; i += 2) {
            ranks.put((Session) sessionRankPairs[i], (Integer) sessionRankPairs[i + 1]);
        }
        return ranks;
    }

    static Attendee attendee(String id, Set<String> tags, Collection<Round> wantedRounds, Map<Session, Integer> ranks) {
        return new Attendee(id, id, tags, new LinkedHashSet<>(wantedRounds), ranks, null);
    }

    static SessionRun run(Session session, int index, Round round, Room room) {
        return new SessionRun(session, index, round, room);
    }

    static SessionRun pinnedRun(Session session, int index, Round round, Room room) {
        SessionRun run = new SessionRun(session, index, round, room);
        run.setPinned(true);
        return run;
    }

    /**
     * A schedule with one seat per wanted round for every attendee, whose eligible runs are the runs of the sessions
     * the attendee may attend.
     */
    static Schedule schedule(EventSettings settings, List<Round> rounds, List<Room> rooms, List<Speaker> speakers,
            List<Session> sessions, List<Attendee> attendees, List<SessionRun> runs) {
        List<Seat> seats = new ArrayList<>();
        for (Attendee attendee : attendees) {
            List<SessionRun> eligible = new ArrayList<>();
            for (SessionRun run : runs) {
                if (settings.mayAttend(attendee, run.getSession())) {
                    eligible.add(run);
                }
            }
            for (int i = 0; i < attendee.wantedRounds().size(); i++) {
                seats.add(new Seat(attendee, i, eligible));
            }
        }
        return new Schedule("test", settings, rounds, rooms, speakers, sessions, attendees, runs, seats,
                ConstraintWeightOverrides.none());
    }

    /** Pins the attendee's first unpinned seat to the run (in the run's round). */
    static Seat pinSeat(Schedule schedule, Attendee attendee, SessionRun run) {
        for (Seat seat : schedule.getSeats()) {
            if (seat.getAttendee().equals(attendee) && !seat.isPinned()) {
                seat.setRun(run);
                seat.pin(run.getRound());
                return seat;
            }
        }
        throw new IllegalArgumentException("No free seat for " + attendee);
    }
}

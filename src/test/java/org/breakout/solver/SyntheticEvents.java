package org.breakout.solver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.breakout.domain.Attendee;
import org.breakout.domain.EventSettings;
import org.breakout.domain.Room;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;

/** Seeded random events with skewed popularity, for timing and for larger consistency checks. */
final class SyntheticEvents {

    private SyntheticEvents() {
    }

    /**
     * Every session is given in every round (like the 427-attendee event of the design brief): all runs pinned,
     * each attendee ranks {@code ranked} sessions and wants a seat in every round.
     */
    static Schedule everySessionEveryRound(long seed, int attendeeCount, int sessionCount, int roundCount,
            int ranked, double capacitySlack) {
        Random random = new Random(seed);
        List<Round> rounds = TestEvents.rounds(roundCount);
        int seatsPerRun = (int) Math.ceil(attendeeCount * capacitySlack / sessionCount);
        List<Room> rooms = new ArrayList<>();
        List<Session> sessions = new ArrayList<>();
        List<SessionRun> runs = new ArrayList<>();
        for (int s = 0; s < sessionCount; s++) {
            rooms.add(TestEvents.room("room" + s, seatsPerRun));
            sessions.add(TestEvents.session("S" + s, roundCount, null, rounds));
        }
        for (int s = 0; s < sessionCount; s++) {
            for (int r = 0; r < roundCount; r++) {
                runs.add(TestEvents.pinnedRun(sessions.get(s), r, rounds.get(r), rooms.get(s)));
            }
        }
        List<Attendee> attendees = new ArrayList<>();
        for (int a = 0; a < attendeeCount; a++) {
            attendees.add(TestEvents.attendee(String.format("A%04d", a), Set.of(), rounds,
                    skewedRanks(random, sessions, ranked)));
        }
        return TestEvents.schedule(EventSettings.DEFAULT, rounds, rooms, List.of(), sessions, attendees, runs);
    }

    /**
     * Each round has its own sessions, given once, except {@code repeated} popular sessions given in two rounds;
     * attendees rank sessions of every round and want a seat in most rounds.
     */
    static Schedule perRoundSessions(long seed, int attendeeCount, int roundCount, int sessionsPerRound,
            int repeated, int ranked, double capacitySlack, boolean placed) {
        Random random = new Random(seed);
        List<Round> rounds = TestEvents.rounds(roundCount);
        int sessionCount = roundCount * sessionsPerRound;
        List<Room> rooms = new ArrayList<>();
        int average = (int) Math.ceil(attendeeCount * capacitySlack / sessionsPerRound);
        for (int m = 0; m < sessionsPerRound + 1; m++) {
            // Rooms of uneven size around the average.
            int capacity = Math.max(5, (int) (average * (0.5 + 1.0 * m / sessionsPerRound)));
            rooms.add(TestEvents.room("room" + m, capacity));
        }
        List<Session> sessions = new ArrayList<>();
        List<SessionRun> runs = new ArrayList<>();
        for (int s = 0; s < sessionCount; s++) {
            int runCount = s < repeated ? 2 : 1;
            sessions.add(TestEvents.session("S" + s, runCount, null, rounds));
        }
        for (int s = 0; s < sessionCount; s++) {
            Session session = sessions.get(s);
            for (int i = 0; i < session.runs(); i++) {
                int r = (s + i * (roundCount / 2 + 1)) % roundCount;
                int m = (s / roundCount + i) % rooms.size();
                runs.add(placed ? TestEvents.run(session, i, rounds.get(r), rooms.get(m))
                        : new SessionRun(session, i));
            }
        }
        if (placed) {
            // Make sure no room is used twice in a round: reassign rooms per round in order.
            Map<Round, Integer> next = new LinkedHashMap<>();
            for (SessionRun run : runs) {
                int m = next.merge(run.getRound(), 1, Integer::sum) - 1;
                run.setRoom(rooms.get(m % rooms.size()));
            }
        }
        List<Attendee> attendees = new ArrayList<>();
        for (int a = 0; a < attendeeCount; a++) {
            List<Round> wanted = new ArrayList<>();
            for (Round round : rounds) {
                if (random.nextInt(10) < 9) {
                    wanted.add(round);
                }
            }
            attendees.add(TestEvents.attendee(String.format("A%04d", a), Set.of(), wanted,
                    skewedRanks(random, sessions, Math.min(ranked, sessionCount))));
        }
        return TestEvents.schedule(EventSettings.DEFAULT, rounds, rooms, List.of(), sessions, attendees, runs);
    }

    /** {@code count} distinct sessions, drawn with popularity falling with the session's index. */
    static Map<Session, Integer> skewedRanks(Random random, List<Session> sessions, int count) {
        Map<Session, Integer> ranks = new LinkedHashMap<>();
        double[] weights = new double[sessions.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1.0 / (1 + 0.4 * i);
        }
        while (ranks.size() < count) {
            double total = 0;
            for (int i = 0; i < weights.length; i++) {
                total += weights[i];
            }
            double pick = random.nextDouble() * total;
            int chosen = 0;
            while (chosen < weights.length - 1 && pick >= weights[chosen]) {
                pick -= weights[chosen];
                chosen++;
            }
            if (weights[chosen] > 0) {
                ranks.put(sessions.get(chosen), ranks.size() + 1);
                weights[chosen] = 0;
            }
        }
        return ranks;
    }
}

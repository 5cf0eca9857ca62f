package org.breakout.bound;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.breakout.domain.Attendee;
import org.breakout.domain.EventSettings;
import org.breakout.domain.Room;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;
import org.breakout.domain.Speaker;

/**
 * What the bound needs from a schedule, computed once: the pinned seats, what each attendee has left to fill, the
 * placed ("fixed") runs with the seats their pinned seats leave, and for the runs without a placement ("free"
 * runs) capacities that no placement can exceed.
 * <p>
 * Placed runs, pinned or not, keep their round and room: the bound is for the timetable as given in the file, with
 * only the unplaced runs open.
 * <p>
 * Capacities for the free runs (each an upper bound over every placement that keeps the hard rules):
 * <ul>
 * <li>a free run of session s can be in round r only if r is one of s's allowed rounds, every speaker of s is
 * available in r, no placed run in r shares a speaker with s, and some room available in r, not taken by a placed
 * run in r, has all tags s requires ("suitable rooms");</li>
 * <li>{@code U(s,r)}: seats of s in round r ≤ the placed runs' remaining seats plus the largest seat limits
 * ({@link Session#seatLimitIn}) of suitable rooms in r, one per free run of s that can be in r (at most one if s
 * has a speaker: two runs of s in one round would share a speaker);</li>
 * <li>{@code U(s)}: seats of s over all rounds ≤ the placed runs' remaining seats plus the best total of the free
 * runs' seat limits, each free run in its own (round, room), and in its own round if s has a speaker;</li>
 * <li>{@code V(r)}: seats in round r ≤ the placed runs' remaining seats plus, for the rooms free in r, the largest
 * seat limit any free-run session that can be in r could have there, over at most as many rooms as there are
 * free runs that could be in r.</li>
 * </ul>
 */
final class SeatingModel {

    /** What one attendee has left to fill, pinned seats taken out. */
    static final class AttendeeSlots {
        final Attendee attendee;
        final int seats;
        final int remainingSeats;
        /** Wanted rounds without a pinned seat, in programme order. */
        final List<Round> freeRounds;
        /** Sessions the attendee may be seated in: {@link EventSettings#mayAttend} and not already pinned. */
        final List<Session> sessions;
        final Set<Session> pinnedSessions;

        AttendeeSlots(Attendee attendee, int seats, int remainingSeats, List<Round> freeRounds, List<Session> sessions,
                Set<Session> pinnedSessions) {
            this.attendee = attendee;
            this.seats = seats;
            this.remainingSeats = remainingSeats;
            this.freeRounds = freeRounds;
            this.sessions = sessions;
            this.pinnedSessions = pinnedSessions;
        }
    }

    final Schedule schedule;
    final EventSettings settings;
    final List<Round> rounds;
    final List<Session> sessions;
    final List<AttendeeSlots> attendees = new ArrayList<>();
    final int seatsWanted;
    final int pinnedSeats;
    final long pinnedCost;
    /** Placed runs with seats left after pinned seats. */
    final Map<SessionRun, Integer> fixedRemaining = new LinkedHashMap<>();
    /** The placed run of a session in a round (the reader allows one per session and round). */
    final Map<Session, Map<Round, SessionRun>> fixedRun = new LinkedHashMap<>();
    final Map<Session, Integer> freeRuns = new LinkedHashMap<>();
    final int unplacedRuns;
    final int unplacedSeatRuns;
    /** Whether no session has two placed runs in one round (the reader ensures it; the exact methods need it). */
    final boolean oneRunPerSessionAndRound;
    private final Map<Session, Map<Round, Long>> capacitySessionRound = new LinkedHashMap<>();
    private final Map<Session, Long> capacitySession = new LinkedHashMap<>();
    private final Map<Round, Long> capacityRound = new LinkedHashMap<>();

    SeatingModel(Schedule schedule) {
        this.schedule = schedule;
        this.settings = schedule.getSettings() == null ? EventSettings.DEFAULT : schedule.getSettings();
        this.rounds = schedule.getRounds().stream().sorted().toList();
        this.sessions = schedule.getSessions();
        this.seatsWanted = schedule.getSeats().size();

        Map<SessionRun, Integer> pinnedPerRun = new LinkedHashMap<>();
        Map<Attendee, List<Seat>> seatsByAttendee = new LinkedHashMap<>();
        int pinned = 0;
        long cost = 0;
        for (Seat seat : schedule.getSeats()) {
            seatsByAttendee.computeIfAbsent(seat.getAttendee(), a -> new ArrayList<>()).add(seat);
            if (isPinnedSeat(seat)) {
                pinned++;
                cost += settings.seatCost(seat.getAttendee(), seat.getSession());
                pinnedPerRun.merge(seat.getRun(), 1, Integer::sum);
            }
        }
        this.pinnedSeats = pinned;
        this.pinnedCost = cost;

        int unplaced = 0;
        int unplacedWithSeats = 0;
        boolean oneRun = true;
        for (SessionRun run : schedule.getRuns()) {
            if (run.isPlaced()) {
                fixedRemaining.put(run, Math.max(0, run.seatLimit() - pinnedPerRun.getOrDefault(run, 0)));
                oneRun &= fixedRun.computeIfAbsent(run.getSession(), s -> new LinkedHashMap<>())
                        .putIfAbsent(run.getRound(), run) == null;
            } else {
                unplaced++;
                if (!run.getSession().plenary()) {
                    unplacedWithSeats++;
                    freeRuns.merge(run.getSession(), 1, Integer::sum);
                }
            }
        }
        this.unplacedRuns = unplaced;
        this.unplacedSeatRuns = unplacedWithSeats;
        this.oneRunPerSessionAndRound = oneRun;

        Map<Set<String>, List<Session>> byTags = new HashMap<>();
        for (Attendee attendee : schedule.getAttendees()) {
            List<Seat> seats = seatsByAttendee.getOrDefault(attendee, List.of());
            Set<Round> pinnedRounds = new HashSet<>();
            Set<Session> pinnedSessions = new LinkedHashSet<>();
            int pinnedCount = 0;
            for (Seat seat : seats) {
                if (isPinnedSeat(seat)) {
                    pinnedCount++;
                    pinnedRounds.add(seat.getRun().getRound());
                    pinnedSessions.add(seat.getSession());
                }
            }
            List<Round> free = attendee.wantedRounds().stream().filter(r -> !pinnedRounds.contains(r)).sorted()
                    .toList();
            // With unranked seats allowed and nothing pinned, the sessions depend only on the attendee's tags.
            List<Session> eligible = settings.allowUnranked() && pinnedSessions.isEmpty()
                    ? byTags.computeIfAbsent(attendee.tags(), tags -> eligibleSessions(attendee, pinnedSessions))
                    : eligibleSessions(attendee, pinnedSessions);
            attendees.add(new AttendeeSlots(attendee, seats.size(), Math.max(0, seats.size() - pinnedCount), free,
                    eligible, pinnedSessions));
        }
        computeCapacities();
    }

    private List<Session> eligibleSessions(Attendee attendee, Set<Session> pinnedSessions) {
        return sessions.stream().filter(s -> settings.mayAttend(attendee, s) && !pinnedSessions.contains(s)).toList();
    }

    /** How many (attendee, unranked session, round) seat options there are: the size of the flows without hubs. */
    long unrankedSeatOptions() {
        if (!settings.allowUnranked()) {
            return 0;
        }
        long options = 0;
        for (AttendeeSlots slots : attendees) {
            // The attendee's sessions are those they may attend and have no pinned seat in (see the constructor).
            long ranked = slots.attendee.ranks().keySet().stream()
                    .filter(s -> settings.mayAttend(slots.attendee, s) && !slots.pinnedSessions.contains(s)).count();
            long unranked = slots.sessions.size() - ranked;
            options += unranked * slots.freeRounds.size();
        }
        return options;
    }

    /** A pinned seat with a placed run counts as filled as it is; the solver never changes it. */
    static boolean isPinnedSeat(Seat seat) {
        return seat.isPinned() && seat.getRun() != null && seat.getRun().getRound() != null;
    }

    /** Whether every run that takes seats has a round and a room. */
    boolean timetableFixed() {
        return unplacedSeatRuns == 0;
    }

    /** Seats session s can offer in round r, over every allowed placement of its free runs. */
    long capacity(Session session, Round round) {
        return capacitySessionRound.getOrDefault(session, Map.of()).getOrDefault(round, 0L);
    }

    /** Seats session s can offer over all rounds. */
    long capacity(Session session) {
        return capacitySession.getOrDefault(session, 0L);
    }

    /** Seats round r can offer over all sessions. */
    long capacity(Round round) {
        return capacityRound.getOrDefault(round, 0L);
    }

    /** Whether the round capacities are tighter than the sum of the (session, round) capacities somewhere. */
    boolean roundCapacityBinds() {
        return rounds.stream().anyMatch(this::capacityBinds);
    }

    /** Whether the session totals are tighter than the sum of their (session, round) capacities somewhere. */
    boolean sessionCapacityBinds() {
        return sessions.stream().anyMatch(this::capacityBinds);
    }

    /** Whether the round's total is below the sum of its (session, round) capacities. */
    boolean capacityBinds(Round round) {
        long sum = 0;
        for (Session session : sessions) {
            sum += capacity(session, round);
        }
        return capacity(round) < sum;
    }

    /** Whether the session's total is below the sum of its (session, round) capacities. */
    boolean capacityBinds(Session session) {
        long sum = 0;
        for (Round round : rounds) {
            sum += capacity(session, round);
        }
        return capacity(session) < sum;
    }

    /** Per round: the rooms placed runs take, and those runs. */
    private final Map<Round, Set<Room>> taken = new LinkedHashMap<>();
    private final Map<Round, List<SessionRun>> placedIn = new LinkedHashMap<>();

    private void computeCapacities() {
        // Placed runs: their remaining seats.
        for (SessionRun run : schedule.getRuns()) {
            if (run.isPlaced()) {
                taken.computeIfAbsent(run.getRound(), r -> new HashSet<>()).add(run.getRoom());
                placedIn.computeIfAbsent(run.getRound(), r -> new ArrayList<>()).add(run);
            }
        }
        for (Map.Entry<SessionRun, Integer> entry : fixedRemaining.entrySet()) {
            SessionRun run = entry.getKey();
            if (run.getSession().plenary()) {
                continue;
            }
            long seats = entry.getValue();
            capacitySessionRound.computeIfAbsent(run.getSession(), s -> new LinkedHashMap<>())
                    .merge(run.getRound(), seats, Long::sum);
            capacitySession.merge(run.getSession(), seats, Long::sum);
            capacityRound.merge(run.getRound(), seats, Long::sum);
        }
        if (freeRuns.isEmpty()) {
            return;
        }
        // Free runs: the seat limits of suitable free rooms, per (session, round).
        Map<Round, Map<Room, Long>> bestPerRoom = new LinkedHashMap<>();
        Map<Round, Long> freeRunsPerRound = new LinkedHashMap<>();
        for (Map.Entry<Session, Integer> entry : freeRuns.entrySet()) {
            Session session = entry.getKey();
            int free = entry.getValue();
            int perRound = session.speakers().isEmpty() ? free : 1;
            List<Long> allLimits = new ArrayList<>();
            List<Long> bestPerRound = new ArrayList<>();
            for (Round round : rounds) {
                List<Long> limits = suitableRooms(session, round).stream().map(r -> (long) session.seatLimitIn(r))
                        .collect(Collectors.toCollection(ArrayList::new));
                if (limits.isEmpty()) {
                    continue;
                }
                limits.sort(Comparator.reverseOrder());
                long inRound = 0;
                for (int i = 0; i < Math.min(perRound, limits.size()); i++) {
                    inRound += limits.get(i);
                }
                capacitySessionRound.computeIfAbsent(session, s -> new LinkedHashMap<>()).merge(round, inRound,
                        Long::sum);
                allLimits.addAll(limits);
                bestPerRound.add(limits.get(0));
                freeRunsPerRound.merge(round, (long) Math.min(perRound, limits.size()), Long::sum);
                for (Room room : rooms(round, taken.getOrDefault(round, Set.of()))) {
                    if (room.tags().containsAll(session.requiredRoomTags())) {
                        bestPerRoom.computeIfAbsent(round, r -> new LinkedHashMap<>())
                                .merge(room, (long) session.seatLimitIn(room), Math::max);
                    }
                }
            }
            // Free runs in distinct (round, room) pairs, and in distinct rounds when they share a speaker.
            List<Long> candidates = session.speakers().isEmpty() ? allLimits : bestPerRound;
            candidates.sort(Comparator.reverseOrder());
            long total = 0;
            for (int i = 0; i < Math.min(free, candidates.size()); i++) {
                total += candidates.get(i);
            }
            capacitySession.merge(session, total, Long::sum);
        }
        for (Round round : rounds) {
            List<Long> limits = new ArrayList<>(bestPerRoom.getOrDefault(round, Map.of()).values());
            limits.sort(Comparator.reverseOrder());
            long runs = freeRunsPerRound.getOrDefault(round, 0L);
            long total = 0;
            for (int i = 0; i < Math.min(runs, limits.size()); i++) {
                total += limits.get(i);
            }
            capacityRound.merge(round, total, Long::sum);
        }
    }

    /** Rooms available in the round and not taken by a placed run there. */
    private List<Room> rooms(Round round, Set<Room> taken) {
        return schedule.getRooms().stream().filter(r -> r.isAvailableIn(round) && !taken.contains(r)).toList();
    }

    /**
     * The rooms a free run of the session could have in the round: available, not taken by a placed run, with the
     * tags it needs; none when the round is not allowed or a speaker is away or busy in a placed run then.
     */
    List<Room> suitableRooms(Session session, Round round) {
        if (!session.isAllowedIn(round)) {
            return List.of();
        }
        for (Speaker speaker : session.speakers()) {
            if (!speaker.isAvailableIn(round)) {
                return List.of();
            }
        }
        for (SessionRun run : placedIn.getOrDefault(round, List.of())) {
            if (run.getSession().sharesSpeakerWith(session)) {
                return List.of();
            }
        }
        return rooms(round, taken.getOrDefault(round, Set.of())).stream()
                .filter(room -> room.tags().containsAll(session.requiredRoomTags())).toList();
    }
}

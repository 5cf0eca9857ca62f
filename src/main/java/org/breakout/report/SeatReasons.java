package org.breakout.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.breakout.domain.Attendee;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;

/**
 * Why an attendee did not get a session they ranked higher than the one they got in a round: the account
 * {@code breakout explain --attendee} prints and the timetable page shows for the attendees who fared worst.
 * Counted from the decisions in the schedule, not from the score.
 */
public final class SeatReasons {

    /** Why not this session. {@code holdersByRank}: for a full run, how many seats went to each rank (0 = unranked). */
    public record Reason(String session, String title, int rank, Kind kind, String text,
            Map<Integer, Integer> holdersByRank) {
    }

    public enum Kind { FULL, CLASH, CLOSED, NOT_IN_ROUND, SEATS_FREE }

    private final Schedule schedule;
    private final Map<SessionRun, List<Seat>> seatsByRun;
    private final Map<Attendee, List<Seat>> seatsByAttendee;

    public SeatReasons(Schedule schedule) {
        this.schedule = schedule;
        this.seatsByRun = schedule.getSeats().stream().filter(seat -> seat.getRun() != null)
                .collect(Collectors.groupingBy(Seat::getRun));
        this.seatsByAttendee = schedule.getSeats().stream().collect(Collectors.groupingBy(Seat::getAttendee));
    }

    /** The run the attendee holds a seat in during this round, or null. */
    public SessionRun seatIn(Attendee attendee, Round round) {
        return seatsByAttendee.getOrDefault(attendee, List.of()).stream()
                .map(Seat::getRun).filter(Objects::nonNull)
                .filter(run -> round.equals(run.getRound())).findFirst().orElse(null);
    }

    public int seated(SessionRun run) {
        return seatsByRun.getOrDefault(run, List.of()).size();
    }

    /**
     * For every session the attendee ranked better than what they got in the round (every ranked session when
     * they got nothing) and that may be given in this round, the reason they are not in it; sessions they hold
     * a seat in elsewhere are left out.
     */
    public List<Reason> whyNotBetter(Attendee attendee, Round round) {
        SessionRun got = seatIn(attendee, round);
        int gotRank = got == null ? Integer.MAX_VALUE : attendee.rankOf(got.getSession());
        List<Reason> reasons = new ArrayList<>();
        attendee.ranks().entrySet().stream()
                .filter(entry -> entry.getValue() < gotRank)
                .sorted(Map.Entry.<Session, Integer>comparingByValue().thenComparing(e -> e.getKey().id()))
                .forEach(entry -> {
                    Reason reason = reason(attendee, round, entry.getKey(), entry.getValue());
                    if (reason != null) {
                        reasons.add(reason);
                    }
                });
        return reasons;
    }

    private Reason reason(Attendee attendee, Round round, Session session, int rank) {
        List<Seat> own = seatsByAttendee.getOrDefault(attendee, List.of());
        if (own.stream().anyMatch(seat -> seat.getRun() != null && seat.getRun().getSession().equals(session))) {
            return null; // they have it in another round
        }
        if (!session.isAllowedIn(round)) {
            return null; // a session of another round: it is explained there
        }
        if (!session.admits(attendee)) {
            String why = session.plenary() ? "a plenary session (everyone attends; no seats are given)"
                    : "closed to their tags (open to " + String.join(", ", session.audience()) + ")";
            return new Reason(session.id(), session.title(), rank, Kind.CLOSED, why, Map.of());
        }
        List<SessionRun> runs = schedule.getRuns().stream()
                .filter(run -> run.getSession().equals(session) && run.isPlaced()).toList();
        SessionRun here = runs.stream().filter(run -> round.equals(run.getRound())).findFirst().orElse(null);
        if (here == null) {
            for (SessionRun elsewhere : runs) {
                SessionRun other = attendee.wants(elsewhere.getRound()) ? seatIn(attendee, elsewhere.getRound()) : null;
                if (other != null) {
                    return new Reason(session.id(), session.title(), rank, Kind.CLASH, "given in "
                            + elsewhere.getRound().id() + ", where they have a seat in " + other.getSession().id()
                            + " (rank " + rankText(attendee, other.getSession()) + ")", Map.of());
                }
            }
            String where = runs.isEmpty() ? "not placed in any round"
                    : "not in this round (given in " + runs.stream().map(r -> r.getRound().id())
                            .collect(Collectors.joining(", ")) + ")";
            return new Reason(session.id(), session.title(), rank, Kind.NOT_IN_ROUND, where, Map.of());
        }
        List<Seat> holders = seatsByRun.getOrDefault(here, List.of());
        if (holders.size() >= here.seatLimit()) {
            Map<Integer, Integer> byRank = new TreeMap<>();
            for (Seat holder : holders) {
                Attendee other = holder.getAttendee();
                byRank.merge(other.ranked(session) ? other.rankOf(session) : 0, 1, Integer::sum);
            }
            String list = byRank.entrySet().stream()
                    .map(e -> e.getValue() + " × " + (e.getKey() == 0 ? "unranked" : "rank " + e.getKey()))
                    .collect(Collectors.joining(", "));
            return new Reason(session.id(), session.title(), rank, Kind.FULL, "full (" + holders.size() + "/"
                    + here.seatLimit() + "); seats held by " + list, byRank);
        }
        return new Reason(session.id(), session.title(), rank, Kind.SEATS_FREE, "seats are free ("
                + holders.size() + "/" + here.seatLimit() + "): the solver gave this seat elsewhere (a hard rule, "
                + "or a better total for everyone)", Map.of());
    }

    private static String rankText(Attendee attendee, Session session) {
        return attendee.ranked(session) ? String.valueOf(attendee.rankOf(session)) : "unranked";
    }
}

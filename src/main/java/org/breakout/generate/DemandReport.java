package org.breakout.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.breakout.domain.Attendee;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;

/**
 * Demand against capacity in an event with registrations: per round, how many attendees want a seat and how
 * many seats the placed sessions offer; per session, how many rank it first and at all, and its seats.
 */
public record DemandReport(List<RoundDemand> rounds, List<SessionDemand> sessions) {

    /**
     * @param seats seats of the sessions placed in this round (0 when nothing is placed yet)
     * @param placedSessions how many sessions (runs) are placed in the round
     */
    public record RoundDemand(String round, int wanting, int seats, int placedSessions) {
    }

    /**
     * @param firstChoice attendees who rank the session 1 (ties at rank 1 count for each session)
     * @param ranked attendees who rank it at all
     * @param seats seats of its placed runs (0 when not placed)
     * @param rounds ids of the rounds it is placed in
     */
    public record SessionDemand(String session, int firstChoice, int ranked, int seats, List<String> rounds) {
    }

    public static DemandReport of(Schedule event) {
        List<RoundDemand> rounds = new ArrayList<>();
        for (Round round : event.getRounds()) {
            boolean choice = event.getSessions().stream().anyMatch(s -> !s.plenary() && s.isAllowedIn(round));
            if (!choice) {
                continue;
            }
            int wanting = (int) event.getAttendees().stream().filter(a -> a.wants(round)).count();
            int seats = 0;
            int placed = 0;
            for (SessionRun run : event.getRuns()) {
                if (!run.getSession().plenary() && run.isPlaced() && run.getRound().equals(round)) {
                    seats += run.seatLimit();
                    placed++;
                }
            }
            rounds.add(new RoundDemand(round.id(), wanting, seats, placed));
        }
        List<SessionDemand> sessions = new ArrayList<>();
        for (Session session : event.getSessions()) {
            if (session.plenary()) {
                continue;
            }
            int first = 0;
            int ranked = 0;
            for (Attendee attendee : event.getAttendees()) {
                Integer rank = attendee.ranks().get(session);
                if (rank != null) {
                    ranked++;
                    if (rank == 1) {
                        first++;
                    }
                }
            }
            int seats = 0;
            List<String> placedIn = new ArrayList<>();
            for (SessionRun run : event.getRuns()) {
                if (run.getSession().equals(session) && run.isPlaced()) {
                    seats += run.seatLimit();
                    placedIn.add(run.getRound().id());
                }
            }
            sessions.add(new SessionDemand(session.id(), first, ranked, seats, List.copyOf(placedIn)));
        }
        return new DemandReport(List.copyOf(rounds), List.copyOf(sessions));
    }

    /** A plain-text table. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-24s %8s %8s %8s%n", "round", "wanting", "seats", "seats/w"));
        for (RoundDemand round : rounds) {
            out.append(String.format(Locale.ROOT, "%-24s %8d %8s %8s%n", round.round(), round.wanting(),
                    round.placedSessions() == 0 ? "open" : String.valueOf(round.seats()),
                    round.placedSessions() == 0 || round.wanting() == 0 ? "-"
                            : String.format(Locale.ROOT, "%.0f%%", 100.0 * round.seats() / round.wanting())));
        }
        out.append(String.format(Locale.ROOT, "%n%-24s %8s %8s %8s %8s%n", "session", "round", "rank 1", "ranked",
                "seats"));
        for (SessionDemand session : sessions) {
            boolean placed = !session.rounds().isEmpty();
            out.append(String.format(Locale.ROOT, "%-24s %8s %8d %8d %8s%s%n", session.session(),
                    placed ? String.join("+", session.rounds()) : "-", session.firstChoice(), session.ranked(),
                    placed ? String.valueOf(session.seats()) : "-",
                    placed && session.firstChoice() > session.seats() ? "  rank-1 demand above seats" : ""));
        }
        return out.toString();
    }
}

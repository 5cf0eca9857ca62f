package org.breakout.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import org.breakout.domain.Attendee;
import org.breakout.domain.EventSettings;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;

/**
 * What a schedule gives the attendees, counted from the decisions themselves (not from the score): seats
 * wanted and filled, seats per rank, preference cost, every wanted seat left empty with the reason, and the
 * hard rules broken (from Timefold's score analysis).
 *
 * @param byRank seats per rank (1 = first choice), in rank order
 */
public record ScheduleSummary(String score, int seatsWanted, int seatsFilled, Map<Integer, Integer> byRank,
        int unranked, long preferenceCost, List<BrokenRule> brokenRules, List<UnfilledSeat> unfilled) {

    public record BrokenRule(String constraint, int matches, String score) {
    }

    public record UnfilledSeat(String attendee, String round, String reason) {
    }

    public int firstChoices() {
        return byRank.getOrDefault(1, 0);
    }

    public double firstChoiceShare() {
        return seatsFilled == 0 ? 0.0 : (double) firstChoices() / seatsFilled;
    }

    public boolean feasible() {
        return brokenRules.isEmpty();
    }

    public static ScheduleSummary of(Schedule schedule, ScoreAnalysis<HardMediumSoftLongScore> analysis) {
        EventSettings settings = schedule.getSettings();
        Map<Integer, Integer> byRank = new TreeMap<>();
        int filled = 0;
        int unranked = 0;
        long cost = 0;
        for (Seat seat : schedule.getSeats()) {
            if (seat.getRun() == null) {
                continue;
            }
            filled++;
            Attendee attendee = seat.getAttendee();
            Session session = seat.getRun().getSession();
            cost += settings.seatCost(attendee, session);
            if (attendee.ranked(session)) {
                byRank.merge(attendee.rankOf(session), 1, Integer::sum);
            } else {
                unranked++;
            }
        }
        List<BrokenRule> broken = new ArrayList<>();
        if (analysis != null) {
            analysis.constraintMap().forEach((ref, constraint) -> {
                if (constraint.score().hardScore() < 0) {
                    broken.add(new BrokenRule(ref.constraintName(), constraint.matchCount(),
                            constraint.score().toString()));
                }
            });
        }
        return new ScheduleSummary(schedule.getScore() == null ? null : schedule.getScore().toString(),
                schedule.getSeats().size(), filled, byRank, unranked, cost, broken, unfilled(schedule));
    }

    /** Every wanted round without a seat, with the reason an organiser can act on. */
    static List<UnfilledSeat> unfilled(Schedule schedule) {
        Map<Attendee, List<Seat>> seatsByAttendee = schedule.getSeats().stream()
                .collect(Collectors.groupingBy(Seat::getAttendee, LinkedHashMap::new, Collectors.toList()));
        Map<SessionRun, Integer> seated = new LinkedHashMap<>();
        for (Seat seat : schedule.getSeats()) {
            if (seat.getRun() != null) {
                seated.merge(seat.getRun(), 1, Integer::sum);
            }
        }
        List<UnfilledSeat> unfilled = new ArrayList<>();
        seatsByAttendee.forEach((attendee, seats) -> {
            long empty = seats.stream().filter(s -> s.getRun() == null).count();
            if (empty == 0) {
                return;
            }
            Set<Round> seatedRounds = new LinkedHashSet<>();
            Set<Session> attended = new LinkedHashSet<>();
            for (Seat seat : seats) {
                if (seat.getRun() != null) {
                    seatedRounds.add(seat.getRun().getRound());
                    attended.add(seat.getRun().getSession());
                }
            }
            for (Round round : attendee.wantedRounds()) {
                if (empty == 0) {
                    break;
                }
                if (seatedRounds.contains(round)) {
                    continue;
                }
                empty--;
                unfilled.add(new UnfilledSeat(attendee.id(), round.id(),
                        reason(schedule, attendee, round, attended, seated)));
            }
        });
        return unfilled;
    }

    private static String reason(Schedule schedule, Attendee attendee, Round round, Set<Session> attended,
            Map<SessionRun, Integer> seated) {
        List<SessionRun> open = schedule.getRuns().stream()
                .filter(run -> round.equals(run.getRound()))
                .filter(run -> schedule.getSettings().mayAttend(attendee, run.getSession()))
                .filter(run -> !attended.contains(run.getSession()))
                .toList();
        if (open.isEmpty()) {
            boolean rankedOnly = !schedule.getSettings().allowUnranked();
            return "no session in " + round.id() + " this attendee may attend"
                    + (rankedOnly ? " (only ranked sessions are allowed and none of theirs is in this round)" : "");
        }
        List<SessionRun> withRoom = open.stream()
                .filter(run -> seated.getOrDefault(run, 0) < run.seatLimit()).toList();
        String sessions = open.stream().map(run -> run.getSession().id()).collect(Collectors.joining(", "));
        if (withRoom.isEmpty()) {
            return "every session this attendee may attend in " + round.id() + " is full (" + sessions + ")";
        }
        return "seats are free in " + withRoom.stream().map(r -> r.getSession().id()).collect(Collectors.joining(", "))
                + " but the solver left this seat empty (stopped early, or a hard rule blocks it)";
    }
}

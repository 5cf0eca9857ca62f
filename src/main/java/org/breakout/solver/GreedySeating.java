package org.breakout.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.breakout.domain.Attendee;
import org.breakout.domain.EventSettings;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;

/**
 * A fast seating for events too big for the exact {@link SeatingFlow} in the seating phase: ranked choices cheapest
 * first over all attendees at once (so nobody's second choice beats somebody else's first), then unranked seats in
 * the emptiest run of each round still open. Keeps every hard rule of the seats: run seat limits, one seat per
 * wanted round, a session at most once, only sessions the attendee may attend, pinned seats as they are. Not
 * optimal; local search improves it afterwards. Deterministic: ties go by a fixed mix of the attendee's position,
 * so that no attendee is always first.
 */
final class GreedySeating {

    /** Cost added to a seat that is not the attendee's published one (the default seatChanged weight). */
    private static final long CHANGE_COST = ConstraintWeights.defaultWeight(BreakoutConstraintProvider.SEAT_CHANGED).softScore();

    private record Candidate(int attendee, SessionRun run, long cost, int tieBreak) {
    }

    private static final class Plan {
        final Attendee attendee;
        final List<Seat> unpinned = new ArrayList<>();
        final Set<Round> takenRounds = new HashSet<>();
        final Set<Session> takenSessions = new HashSet<>();
        final List<SessionRun> chosen = new ArrayList<>();
        final Set<SessionRun> eligible = new LinkedHashSet<>();

        Plan(Attendee attendee) {
            this.attendee = attendee;
        }

        boolean canTake(SessionRun run) {
            return chosen.size() < unpinned.size() && !takenRounds.contains(run.getRound())
                    && !takenSessions.contains(run.getSession()) && attendee.wants(run.getRound());
        }

        void take(SessionRun run) {
            chosen.add(run);
            takenRounds.add(run.getRound());
            takenSessions.add(run.getSession());
        }
    }

    private GreedySeating() {
    }

    /** Every unpinned seat with its run (null = left empty), in schedule order. */
    static Map<Seat, SessionRun> solve(Schedule schedule) {
        EventSettings settings = schedule.getSettings() == null ? EventSettings.DEFAULT : schedule.getSettings();
        Map<SessionRun, Integer> remaining = new IdentityHashMap<>();
        for (SessionRun run : schedule.getRuns()) {
            if (run.isPlaced()) {
                remaining.put(run, run.seatLimit());
            }
        }
        Map<Attendee, Plan> plans = new LinkedHashMap<>();
        for (Seat seat : schedule.getSeats()) {
            Plan plan = plans.computeIfAbsent(seat.getAttendee(), Plan::new);
            if (!seat.isPinned()) {
                plan.unpinned.add(seat);
                if (seat.getEligibleRuns() != null) {
                    plan.eligible.addAll(seat.getEligibleRuns());
                }
            } else if (seat.getRun() != null) {
                remaining.computeIfPresent(seat.getRun(), (run, left) -> left - 1);
                plan.takenSessions.add(seat.getRun().getSession());
                Round round = seat.getRun().getRound() != null ? seat.getRun().getRound() : seat.getPinnedRound();
                if (round != null) {
                    plan.takenRounds.add(round);
                }
            }
        }
        List<Plan> planList = new ArrayList<>(plans.values());

        List<Candidate> ranked = new ArrayList<>();
        for (int i = 0; i < planList.size(); i++) {
            Plan plan = planList.get(i);
            if (plan.unpinned.isEmpty()) {
                continue;
            }
            boolean anyPrevious = plan.unpinned.stream().anyMatch(Seat::hasPrevious);
            int tieBreak = mix(i);
            for (SessionRun run : plan.eligible) {
                if (!remaining.containsKey(run) || !plan.attendee.ranked(run.getSession())
                        || !settings.mayAttend(plan.attendee, run.getSession()) || !plan.canTake(run)) {
                    continue;
                }
                long cost = settings.seatCost(plan.attendee, run.getSession());
                if (anyPrevious && !isPrevious(plan, run)) {
                    cost += CHANGE_COST;
                }
                ranked.add(new Candidate(i, run, cost, tieBreak));
            }
        }
        ranked.sort(Comparator.comparingLong(Candidate::cost).thenComparingInt(Candidate::tieBreak)
                .thenComparingInt(Candidate::attendee));
        for (Candidate candidate : ranked) {
            Plan plan = planList.get(candidate.attendee());
            if (remaining.get(candidate.run()) > 0 && plan.canTake(candidate.run())) {
                plan.take(candidate.run());
                remaining.merge(candidate.run(), -1, Integer::sum);
            }
        }

        if (settings.allowUnranked()) {
            for (Plan plan : planList) {
                while (plan.chosen.size() < plan.unpinned.size()) {
                    SessionRun best = null;
                    for (SessionRun run : plan.eligible) {
                        Integer left = remaining.get(run);
                        if (left == null || left <= 0 || !plan.canTake(run)
                                || !settings.mayAttend(plan.attendee, run.getSession())) {
                            continue;
                        }
                        if (best == null || left > remaining.get(best)) {
                            best = run;
                        }
                    }
                    if (best == null) {
                        break;
                    }
                    plan.take(best);
                    remaining.merge(best, -1, Integer::sum);
                }
            }
        }

        Map<Seat, SessionRun> seating = new LinkedHashMap<>();
        for (Seat seat : schedule.getSeats()) {
            if (!seat.isPinned()) {
                seating.put(seat, null);
            }
        }
        for (Plan plan : planList) {
            for (int k = 0; k < plan.chosen.size(); k++) {
                seating.put(plan.unpinned.get(k), plan.chosen.get(k));
            }
        }
        return seating;
    }

    private static boolean isPrevious(Plan plan, SessionRun run) {
        for (Seat seat : plan.unpinned) {
            if (seat.hasPrevious() && seat.getPreviousSession().equals(run.getSession())
                    && seat.getPreviousRound().equals(run.getRound())) {
                return true;
            }
        }
        return false;
    }

    /** A fixed scramble of the attendee's position (a bijection on int), so ties do not favour the file's order. */
    private static int mix(int i) {
        int h = i * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}

package org.breakout.report;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

import org.breakout.domain.Attendee;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.SessionRun;

/**
 * What {@code breakout explain} reports: the score broken down per constraint (from Timefold's score analysis:
 * what each rule costs and how many times it matched), every match of a broken hard rule with the sessions and
 * people involved, and for one attendee, round by round, what they got and why not better.
 */
public final class ScheduleExplanation {

    /** One constraint's share of the score. {@code level}: hard, medium or soft. */
    public record ConstraintCost(String constraint, String level, String score, int matches) {
    }

    /** One match of a broken hard rule: what Timefold justified it with, as ids. */
    public record BrokenMatch(String constraint, String score, String detail, List<String> sessions,
            List<String> people, List<String> rooms, List<String> rounds) {
    }

    public record Overview(String score, boolean feasible, List<ConstraintCost> constraints, List<BrokenMatch> broken) {
    }

    /** One round of an attendee's day. {@code rank}: null when unranked or no seat. */
    public record RoundAccount(String round, String roundName, boolean wanted, String session, String title,
            String room, Integer rank, List<SeatReasons.Reason> whyNotBetter) {
    }

    public record AttendeeAccount(String id, String name, List<RoundAccount> rounds) {
    }

    private ScheduleExplanation() {
    }

    public static Overview overview(ScoreAnalysis<HardMediumSoftLongScore> analysis) {
        List<ConstraintCost> costs = new ArrayList<>();
        List<BrokenMatch> broken = new ArrayList<>();
        List<ConstraintAnalysis<HardMediumSoftLongScore>> constraints = new ArrayList<>(analysis.constraintMap().values());
        constraints.sort(Comparator.comparing((ConstraintAnalysis<HardMediumSoftLongScore> c) -> c.score())
                .thenComparing(c -> c.constraintRef().constraintName()));
        for (ConstraintAnalysis<HardMediumSoftLongScore> constraint : constraints) {
            HardMediumSoftLongScore score = constraint.score();
            String level = score.hardScore() != 0 ? "hard" : score.mediumScore() != 0 ? "medium"
                    : score.softScore() != 0 ? "soft" : "";
            String name = constraint.constraintRef().constraintName();
            costs.add(new ConstraintCost(name, level, score.toString(), constraint.matchCount()));
            if (score.hardScore() < 0 && constraint.matches() != null) {
                for (MatchAnalysis<HardMediumSoftLongScore> match : constraint.matches()) {
                    broken.add(brokenMatch(name, match));
                }
            }
        }
        HardMediumSoftLongScore total = analysis.score();
        return new Overview(total.toString(), total.hardScore() >= 0, costs, broken);
    }

    /**
     * The justifications are small records of ids (see the solver's Justifications); read their components by
     * name so that a rule added there shows up here without a change.
     */
    static BrokenMatch brokenMatch(String constraint, MatchAnalysis<HardMediumSoftLongScore> match) {
        ConstraintJustification justification = match.justification();
        Set<String> sessions = new LinkedHashSet<>();
        Set<String> people = new LinkedHashSet<>();
        Set<String> rooms = new LinkedHashSet<>();
        Set<String> rounds = new LinkedHashSet<>();
        List<String> detail = new ArrayList<>();
        if (justification instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object value;
                try {
                    value = component.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    continue;
                }
                String name = component.getName().toLowerCase(Locale.ROOT);
                if (value instanceof String text) {
                    if (name.startsWith("run") || name.contains("session")) {
                        sessions.add(text);
                    } else if (name.startsWith("attendee")) {
                        people.add(text);
                    } else if (name.contains("room")) {
                        rooms.add(text);
                    } else if (name.contains("round")) {
                        rounds.add(text);
                    }
                }
                detail.add(component.getName() + "=" + value);
            }
        } else if (justification != null) {
            detail.add(justification.toString());
        }
        return new BrokenMatch(constraint, match.score().toString(), String.join(", ", detail), List.copyOf(sessions),
                List.copyOf(people), List.copyOf(rooms), List.copyOf(rounds));
    }

    /** The attendee's day, or null when no attendee has this id. */
    public static AttendeeAccount attendee(Schedule schedule, String id) {
        Attendee attendee = schedule.getAttendees().stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
        if (attendee == null) {
            return null;
        }
        SeatReasons reasons = new SeatReasons(schedule);
        List<RoundAccount> rounds = new ArrayList<>();
        for (Round round : schedule.getRounds().stream().sorted().toList()) {
            SessionRun run = reasons.seatIn(attendee, round);
            boolean wanted = attendee.wants(round);
            if (!wanted && run == null) {
                continue;
            }
            Integer rank = run != null && attendee.ranked(run.getSession()) ? attendee.rankOf(run.getSession()) : null;
            rounds.add(new RoundAccount(round.id(), round.name(), wanted,
                    run == null ? null : run.getSession().id(), run == null ? null : run.getSession().title(),
                    run == null ? null : run.getRoom().id(), rank,
                    wanted ? reasons.whyNotBetter(attendee, round) : List.of()));
        }
        return new AttendeeAccount(attendee.id(), attendee.name(), rounds);
    }
}

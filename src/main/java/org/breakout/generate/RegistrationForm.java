package org.breakout.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;

/**
 * What a registration form for a programme shows: the rounds in which people choose a session, and the
 * sessions grouped in <em>sections</em>, each with its own ranking (ranks restart at 1 in every section).
 *
 * <p>A session's section is the set of rounds it can be attended in, as the form shows it: the rounds of its
 * placements when every run is placed (a published timetable: one section per round), otherwise its allowed
 * rounds (an open timetable: the sessions that may go in the same rounds are ranked together). The sections
 * can be taken from another version of the programme (the published one), so that an open and a published
 * version of the same event get the same registrations.
 *
 * @param choiceRounds ids of the rounds with at least one session that takes seats, in time order
 * @param sections the sections, ordered by their first round, then by the first session listed
 */
public record RegistrationForm(List<String> choiceRounds, List<Section> sections) {

    /**
     * A session as the form shows it.
     *
     * @param rounds ids of the rounds the session can be attended in, when the form says so for each session
     *        (one ranked list over sessions of different rounds); empty: its section's rounds say it
     */
    public record Item(String id, String title, List<String> themes, List<String> audience, List<String> rounds) {

        /** A session whose rounds are those of its section. */
        public Item(String id, String title, List<String> themes, List<String> audience) {
            this(id, title, themes, audience, List.of());
        }

        /** Whether someone with these tags may take this session (an empty audience is open to all). */
        public boolean admits(Set<String> tags) {
            return audience.isEmpty() || !Collections.disjoint(audience, tags);
        }

        /** Whether the session can be in one of these rounds (always, when the item names no rounds). */
        public boolean fits(Set<String> wantedRounds) {
            return rounds.isEmpty() || !Collections.disjoint(rounds, wantedRounds);
        }
    }

    /** Sessions ranked together; {@code rounds} are the rounds they can be attended in. */
    public record Section(String id, List<String> rounds, List<Item> items) {
    }

    /** The form of a programme, with sections from the programme itself. */
    public static RegistrationForm of(Schedule programme) {
        return of(programme, null);
    }

    /**
     * The form of a programme, with each session's section taken from {@code sectionsFrom} when that
     * programme has a session with the same id (null: from the programme itself).
     */
    public static RegistrationForm of(Schedule programme, Schedule sectionsFrom) {
        Map<String, Session> formSessions = new LinkedHashMap<>();
        Map<String, List<SessionRun>> formRuns = new LinkedHashMap<>();
        Schedule source = sectionsFrom != null ? sectionsFrom : programme;
        for (Session session : source.getSessions()) {
            formSessions.put(session.id(), session);
        }
        for (SessionRun run : source.getRuns()) {
            formRuns.computeIfAbsent(run.getSession().id(), id -> new ArrayList<>()).add(run);
        }
        Map<String, Round> roundsById = new LinkedHashMap<>();
        programme.getRounds().forEach(round -> roundsById.put(round.id(), round));

        Map<List<String>, List<Item>> byRounds = new LinkedHashMap<>();
        for (Session session : programme.getSessions()) {
            if (session.plenary()) {
                continue;
            }
            List<String> rounds;
            if (formSessions.containsKey(session.id())) {
                rounds = roundsOf(formSessions.get(session.id()), formRuns.getOrDefault(session.id(), List.of()),
                        roundsById);
            } else {
                rounds = List.of();
            }
            if (rounds.isEmpty()) {
                rounds = roundsOf(session, programme.getRuns().stream()
                        .filter(run -> run.getSession().equals(session)).toList(), roundsById);
            }
            Item item = new Item(session.id(), session.title(), List.copyOf(session.themes()),
                    List.copyOf(session.audience()));
            byRounds.computeIfAbsent(rounds, r -> new ArrayList<>()).add(item);
        }
        List<Section> sections = new ArrayList<>();
        byRounds.forEach((rounds, items) -> sections.add(new Section(String.join("+", rounds), rounds,
                List.copyOf(items))));
        sections.sort((a, b) -> Integer.compare(roundsById.get(a.rounds().get(0)).index(),
                roundsById.get(b.rounds().get(0)).index()));
        // Stable sort: sections starting in the same round keep the order of their first session.

        Set<String> choice = new TreeSet<>((a, b) -> Integer.compare(roundsById.get(a).index(),
                roundsById.get(b).index()));
        sections.forEach(section -> choice.addAll(section.rounds()));
        return new RegistrationForm(List.copyOf(choice), List.copyOf(sections));
    }

    /** Round ids (in time order) where the session can be attended; only rounds the programme knows. */
    private static List<String> roundsOf(Session session, List<SessionRun> runs, Map<String, Round> roundsById) {
        boolean allPlaced = !runs.isEmpty() && runs.size() == session.runs()
                && runs.stream().allMatch(run -> run.getRound() != null);
        Set<Round> rounds = allPlaced
                ? runs.stream().map(SessionRun::getRound).collect(Collectors.toSet())
                : session.allowedRounds();
        return rounds.stream()
                .map(round -> roundsById.get(round.id()))
                .filter(round -> round != null)
                .sorted()
                .map(Round::id)
                .toList();
    }

    /** All sessions on the form, in section order. */
    public List<Item> items() {
        return sections.stream().flatMap(section -> section.items().stream()).toList();
    }

    /** Theme ids of the sessions on the form, in order of first appearance. */
    public List<String> themes() {
        return items().stream().flatMap(item -> item.themes().stream()).distinct().toList();
    }
}

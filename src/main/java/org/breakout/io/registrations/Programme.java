package org.breakout.io.registrations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;

/**
 * The programme as the importer needs it: the sessions one can choose (not the plenaries), which rounds each
 * can be attended in, and how an answer in a form export is matched to a session or a round.
 */
final class Programme {

    /** A session one can choose; {@code rounds} are the rounds it can be attended in (its placements, when placed). */
    record Choice(String id, String title, List<String> rounds, String normalizedId, String normalizedTitle) {

        String describe() {
            return "\"" + title + "\" (" + id + ")";
        }
    }

    /** What an answer means. */
    sealed interface Match {
    }

    record Chosen(Choice session, String answer) implements Match {
    }

    /** "geen", "none", "-": no session in this round. */
    record NoSession(String answer) implements Match {
    }

    /** "geen voorkeur", "no preference": a seat, whichever session. */
    record NoPreference(String answer) implements Match {
    }

    record Unmatched(String answer, List<Choice> suggestions) implements Match {
    }

    record Ambiguous(String answer, List<Choice> candidates) implements Match {
    }

    private static final Set<String> NO_SESSION = Set.of("geen", "none", "nvt", "n v t", "niet", "nee", "no",
            "geen sessie", "no session", "niet aanwezig", "not attending", "afwezig", "n a", "na");
    private static final Set<String> NO_PREFERENCE = Set.of("geen voorkeur", "no preference", "maakt niet uit",
            "doesn t matter", "does not matter", "any", "om het even", "maakt me niet uit");
    private static final Pattern DASHES = Pattern.compile("[-–—_/.x?]+");
    private static final Pattern ROUND_NUMBER = Pattern.compile("\\b(?:ronde|round|rnd|sessieronde|session round)\\s?(\\d{1,2})\\b");

    private final List<Round> choiceRounds;
    private final List<Choice> choices;
    private final Map<String, String> themes = new LinkedHashMap<>();

    Programme(Schedule schedule) {
        Map<Session, List<SessionRun>> runs = new LinkedHashMap<>();
        for (SessionRun run : schedule.getRuns()) {
            runs.computeIfAbsent(run.getSession(), s -> new ArrayList<>()).add(run);
        }
        List<Choice> found = new ArrayList<>();
        Set<Round> rounds = new LinkedHashSet<>();
        for (Session session : schedule.getSessions()) {
            if (session.plenary()) {
                continue;
            }
            List<SessionRun> sessionRuns = runs.getOrDefault(session, List.of());
            boolean placed = !sessionRuns.isEmpty() && sessionRuns.stream().allMatch(run -> run.getRound() != null);
            Set<Round> sessionRounds = placed ? new LinkedHashSet<>(sessionRuns.stream().map(SessionRun::getRound).toList())
                    : session.allowedRounds();
            List<String> ids = sessionRounds.stream().sorted().map(Round::id).toList();
            rounds.addAll(sessionRounds);
            found.add(new Choice(session.id(), session.title(), ids, Text.normalize(session.id()),
                    Text.normalize(session.title())));
            for (String theme : session.themes()) {
                themes.putIfAbsent(Text.normalize(theme), theme);
            }
            for (String tag : session.audience()) {
                int colon = tag.indexOf(':');
                String value = colon >= 0 ? tag.substring(colon + 1) : tag;
                themes.putIfAbsent(Text.normalize(value), value);
            }
        }
        this.choices = List.copyOf(found);
        this.choiceRounds = rounds.stream().sorted().toList();
    }

    List<Choice> choices() {
        return choices;
    }

    List<String> choiceRoundIds() {
        return choiceRounds.stream().map(Round::id).toList();
    }

    boolean isChoiceRound(String id) {
        return choiceRounds.stream().anyMatch(round -> round.id().equals(id));
    }

    Choice session(String id) {
        return choices.stream().filter(choice -> choice.id().equals(id)).findFirst().orElse(null);
    }

    /** The programme's theme id that an answer names ("Economie en werk" → economie-en-werk), or null. */
    String theme(String answer) {
        return themes.get(Text.normalize(answer));
    }

    // ************************************************************************
    // Answers
    // ************************************************************************

    /** One answer (a cell of a choice column): a session by id or title, "none", "no preference", or no match. */
    Match match(String answer, String round) {
        String normalized = Text.normalize(answer);
        if (normalized.isEmpty()) {
            return DASHES.matcher(answer.strip()).matches() ? new NoSession(answer) : new Unmatched(answer, List.of());
        }
        if (NO_SESSION.contains(normalized)) {
            return new NoSession(answer);
        }
        if (NO_PREFERENCE.contains(normalized)) {
            return new NoPreference(answer);
        }
        Match exact = exact(answer, normalized, round);
        return exact != null ? exact : new Unmatched(answer, suggestions(normalized, round));
    }

    private Match exact(String answer, String normalized, String round) {
        List<Choice> candidates = choices.stream()
                .filter(choice -> choice.normalizedId().equals(normalized) || choice.normalizedTitle().equals(normalized))
                .toList();
        if (round != null && candidates.size() > 1) {
            List<Choice> inRound = candidates.stream().filter(choice -> choice.rounds().contains(round)).toList();
            candidates = inRound.isEmpty() ? candidates : inRound;
        }
        if (candidates.size() == 1) {
            return new Chosen(candidates.get(0), answer);
        }
        return candidates.isEmpty() ? null : new Ambiguous(answer, candidates);
    }

    /** The titles closest to a misspelled answer (in the round, when known): at most three, close ones only. */
    private List<Choice> suggestions(String normalized, String round) {
        int limit = Math.max(2, normalized.length() / 4);
        List<Choice> inRound = choices.stream().filter(choice -> round == null || choice.rounds().contains(round))
                .toList();
        List<Choice> near = new ArrayList<>(inRound.stream()
                .map(choice -> Map.entry(choice, Math.min(Text.distance(normalized, choice.normalizedTitle()),
                        Text.distance(normalized, choice.normalizedId()))))
                .filter(entry -> entry.getValue() <= limit)
                .sorted(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .toList());
        if (normalized.length() >= 4) {
            // A shortened title ("Sport" for "Sport en maatschappij …"): suggested, never taken.
            inRound.stream().filter(choice -> Text.hasWords(choice.normalizedTitle(), normalized) && !near.contains(choice))
                    .forEach(near::add);
        }
        return near.stream().limit(3).toList();
    }

    /**
     * A cell that lists several sessions (a checkbox question, a Microsoft Forms ranking): separated by ';', ',' or
     * newlines, in order. A title that itself contains a separator is found whole (the longest title that fits
     * wins), so "Interbestuurlijke samenwerking; naar één regio-indeling?" is one session, not two answers.
     */
    List<Match> matchList(String cell, String round) {
        List<String> parts = new ArrayList<>();
        for (String part : cell.split("[;,\\n]")) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        List<Match> matches = new ArrayList<>();
        int i = 0;
        while (i < parts.size()) {
            Match found = null;
            int end = i + 1;
            for (int j = parts.size(); j > i && found == null; j--) {
                String joined = String.join(" ", parts.subList(i, j));
                Match exact = exact(joined, Text.normalize(joined), round);
                if (exact != null) {
                    found = exact;
                    end = j;
                }
            }
            if (found == null) {
                Match single = match(parts.get(i), round);
                if (single instanceof Unmatched) {
                    // A misspelled title with a separator in it: the stretch of parts closest to a title.
                    int best = Integer.MAX_VALUE;
                    for (int j = i + 1; j <= parts.size(); j++) {
                        String joined = Text.normalize(String.join(" ", parts.subList(i, j)));
                        List<Choice> near = suggestions(joined, round);
                        int distance = near.isEmpty() ? Integer.MAX_VALUE : Text.distance(joined, near.get(0).normalizedTitle());
                        if (distance < best) {
                            best = distance;
                            end = j;
                            single = new Unmatched(String.join(cell.contains(";") ? ";" : ",", parts.subList(i, j)), near);
                        }
                    }
                }
                found = single;
            }
            matches.add(found);
            i = end;
        }
        return matches;
    }

    // ************************************************************************
    // Rounds
    // ************************************************************************

    /** The choice round a header or an answer names ("Ronde 1", "Round 2", "Lunch", a round's name or id), or null. */
    String roundIn(String text) {
        String normalized = Text.normalize(text);
        for (Round round : choiceRounds) {
            if (Text.hasWords(normalized, Text.normalize(round.id()))
                    || (round.name() != null && Text.hasWords(normalized, Text.normalize(round.name())))) {
                return round.id();
            }
        }
        Matcher number = ROUND_NUMBER.matcher(normalized);
        if (number.find()) {
            String wanted = number.group(1);
            for (Round round : choiceRounds) {
                String name = round.name() == null ? "" : Text.normalize(round.name());
                if (Text.hasWords(name, "ronde " + wanted) || Text.hasWords(name, "round " + wanted)
                        || Text.normalize(round.id()).equals("r" + wanted)
                        || Text.normalize(round.id()).equals("r " + wanted)) {
                    return round.id();
                }
            }
            int index = Integer.parseInt(wanted) - 1;
            return index >= 0 && index < choiceRounds.size() ? choiceRounds.get(index).id() : null;
        }
        // A word of the header that starts with a round's id ("Lunchprogramma" for round "lunch").
        for (Round round : choiceRounds) {
            String id = Text.normalize(round.id());
            if (id.length() >= 4 && id.chars().allMatch(Character::isLetter)) {
                for (String word : normalized.split(" ")) {
                    if (word.startsWith(id)) {
                        return round.id();
                    }
                }
            }
        }
        return null;
    }

    /** The text without the round reference in it, so "Ronde 1 – tweede keuze" gives its rank, 2, not 1. */
    static String withoutRoundNumber(String normalized) {
        return ROUND_NUMBER.matcher(normalized).replaceAll(" ").trim();
    }

    static Comparator<String> roundOrder(List<String> roundIds) {
        return Comparator.comparingInt(roundIds::indexOf);
    }
}

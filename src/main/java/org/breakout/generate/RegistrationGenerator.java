package org.breakout.generate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.io.Json;

/**
 * Synthetic registrations for a programme: the {@link G40Profile} population with choices from the
 * {@link PreferenceModel}. The same programme, count and seed give the same registrations, byte for byte:
 * every random number comes from {@link Streams} (java.util.Random), collections keep insertion order, and
 * nothing reads the clock.
 */
public final class RegistrationGenerator {

    private static final DateTimeFormatter REGISTERED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private RegistrationGenerator() {
    }

    /**
     * Registrants with preferences, in registration order. Registration times are relative to the day of the
     * first round; a programme without dates gets none.
     *
     * @param programme the programme (rounds and sessions; attendees are ignored)
     * @param sectionsFrom the programme whose timetable the registration form follows (null: {@code programme})
     */
    public static List<Registrant> generate(Schedule programme, Schedule sectionsFrom, int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("the number of attendees cannot be negative: " + count);
        }
        RegistrationForm form = RegistrationForm.of(programme, sectionsFrom);
        Set<String> lunchRounds = new LinkedHashSet<>();
        LocalDate eventDate = null;
        for (Round round : programme.getRounds()) {
            boolean lunch = round.id().toLowerCase(Locale.ROOT).contains("lunch")
                    || (round.name() != null && round.name().toLowerCase(Locale.ROOT).contains("lunch"));
            if (lunch && form.choiceRounds().contains(round.id())) {
                lunchRounds.add(round.id());
            }
            if (round.start() != null && (eventDate == null || round.start().toLocalDate().isBefore(eventDate))) {
                eventDate = round.start().toLocalDate();
            }
        }
        Set<String> groups = new LinkedHashSet<>(form.themes());
        for (RegistrationForm.Item item : form.items()) {
            for (String tag : item.audience()) {
                if (tag.startsWith("themagroep:")) {
                    groups.add(tag.substring("themagroep:".length()));
                }
            }
        }

        List<Registrant> people = G40Profile.population(count, Streams.of(seed, "population"), form.choiceRounds(),
                lunchRounds, List.copyOf(groups), eventDate == null ? LocalDate.of(2025, 6, 4) : eventDate); // placeholder date: the times are dropped below
        Map<String, Double> popularity = PreferenceModel.skewedPopularity(form, G40Profile.BND_SCHIEDAM_POPULARITY,
                1.0, Streams.of(seed, "popularity"));
        PreferenceModel model = new PreferenceModel(form, popularity, PreferenceModel.Settings.defaults());
        Random rng = Streams.of(seed, "preferences");
        List<Registrant> result = new ArrayList<>(people.size());
        for (Registrant person : people) {
            int depth = model.drawDepth(rng);
            List<PreferenceModel.Choice> choices = model.rank(rng, Set.copyOf(person.tags()),
                    Set.copyOf(person.groups()), Set.copyOf(person.rounds()), depth);
            result.add(new Registrant(person.name(), person.city(), person.role(), person.groups(),
                    person.tags(), person.rounds(), depth, eventDate == null ? null : person.registered(),
                    List.copyOf(choices)));
        }
        return result;
    }

    /** The registrants as the event file's {@code attendees}, with ids A0001, A0002, … in registration order. */
    public static ArrayNode attendees(List<Registrant> registrants) {
        ArrayNode attendees = Json.MAPPER.createArrayNode();
        int number = 0;
        for (Registrant person : registrants) {
            ObjectNode node = attendees.addObject();
            node.put("id", String.format(Locale.ROOT, "A%04d", ++number));
            node.put("name", person.name());
            ArrayNode tags = node.putArray("tags");
            person.tags().forEach(tags::add);
            ArrayNode rounds = node.putArray("rounds");
            person.rounds().forEach(rounds::add);
            ArrayNode preferences = node.putArray("preferences");
            for (PreferenceModel.Choice choice : person.preferences()) {
                preferences.addObject().put("session", choice.session()).put("rank", choice.rank());
            }
            if (person.registered() != null) {
                node.put("registered", REGISTERED.format(person.registered()));
            }
        }
        return attendees;
    }

    /** A copy of the programme document with its {@code attendees} replaced (kept in place when present). */
    public static ObjectNode withAttendees(ObjectNode programme, ArrayNode attendees) {
        ObjectNode document = programme.deepCopy();
        document.set("attendees", attendees);
        return document;
    }
}

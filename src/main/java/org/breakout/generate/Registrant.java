package org.breakout.generate;

import java.time.LocalDateTime;
import java.util.List;

import org.breakout.generate.PreferenceModel.Choice;

/**
 * A synthetic registration, before it is written as an attendee.
 *
 * @param city the city (organisation) the person comes from
 * @param role role tag, e.g. {@code wethouder}
 * @param groups ids of the theme groups the person is a member of
 * @param rounds ids of the rounds they want a seat in, in time order
 * @param depth how many sessions per seat they rank ({@link PreferenceModel#drawDepth}; 0 before preferences are drawn)
 * @param registered when they registered, or null when the programme has no dates
 */
public record Registrant(String name, String city, String role, List<String> groups, List<String> tags,
        List<String> rounds, int depth, LocalDateTime registered, List<Choice> preferences) {
}

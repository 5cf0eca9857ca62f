package org.breakout.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.domain.Schedule;
import org.breakout.io.Json;

/**
 * A seeded sample of what arrives after a schedule is published, as a changes file for {@code breakout reallocate}:
 * late registrations (drawn by {@link RegistrationGenerator} from the same population and preference model as the
 * event's registrations, with fresh ids), cancellations (published attendees drawn at random) and changed choices
 * (published attendees whose ranking in one round is reversed; one without a round of two or more ranked sessions is
 * skipped, so there can be fewer). The same published schedule, counts and seed give
 * the same file, byte for byte.
 */
public final class ChangeGenerator {

    private ChangeGenerator() {
    }

    /**
     * @param published the published schedule document (its attendees are the ones that can cancel or change)
     * @param programme the published schedule as read (rounds and sessions for the newcomers' choices)
     */
    public static ObjectNode generate(ObjectNode published, Schedule programme, int late, int cancel, int change,
            long seed) {
        JsonNode attendees = published.path("attendees");
        if (cancel + change > attendees.size()) {
            throw new IllegalArgumentException("cannot cancel " + cancel + " and change " + change + " of "
                    + attendees.size() + " published attendees");
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < attendees.size(); i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, Streams.of(seed, "published attendees"));
        ObjectNode document = Json.MAPPER.createObjectNode();
        document.put("description", String.format(Locale.ROOT, "Changes after publication: %d late registrations, "
                + "%d cancellations, %d changed choices (breakout generate changes, seed %d)", late, cancel, change, seed));
        ArrayNode changes = document.putArray("attendees");

        for (int i = 0; i < cancel; i++) {
            JsonNode attendee = attendees.get(order.get(i));
            changes.addObject().put("id", attendee.path("id").asText()).put("cancelled", true);
        }
        int changed = 0;
        for (int i = cancel; i < cancel + change; i++) {
            ObjectNode attendee = ((ObjectNode) attendees.get(order.get(i))).deepCopy();
            attendee.remove("assignments");
            // Someone who ranked one session per round has no ranking to reverse: they are skipped.
            if (reverseOneRound(attendee, Streams.of(seed, "changed choices", i))) {
                changes.add(attendee);
                changed++;
            }
        }
        document.put("description", String.format(Locale.ROOT, "Changes after publication: %d late registrations, "
                + "%d cancellations, %d changed choices (breakout generate changes, seed %d)", late, cancel, changed, seed));

        Set<String> taken = new HashSet<>();
        attendees.forEach(a -> taken.add(a.path("id").asText()));
        ArrayNode newcomers = RegistrationGenerator.attendees(
                RegistrationGenerator.generate(programme, null, late, Streams.of(seed, "late").nextLong()));
        int number = 0;
        for (JsonNode newcomer : newcomers) {
            String id;
            do {
                id = String.format(Locale.ROOT, "L%04d", ++number);
            } while (taken.contains(id));
            ObjectNode node = ((ObjectNode) newcomer).deepCopy();
            node.put("id", id);
            changes.add(node);
        }
        return document;
    }

    /** Reverses the ranks of the sessions ranked for one round (the first with two or more); false if none. */
    private static boolean reverseOneRound(ObjectNode attendee, Random rng) {
        ArrayNode preferences = (ArrayNode) attendee.path("preferences");
        if (!(preferences instanceof ArrayNode) || preferences.size() < 2) {
            return false;
        }
        // Rankings restart at 1 in each round of the form: a block starts at every rank 1.
        List<int[]> blocks = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= preferences.size(); i++) {
            if (i == preferences.size() || preferences.get(i).path("rank").asInt() == 1) {
                if (i - start >= 2) {
                    blocks.add(new int[] { start, i });
                }
                start = i;
            }
        }
        if (blocks.isEmpty()) {
            return false;
        }
        int[] block = blocks.get(rng.nextInt(blocks.size()));
        List<String> sessions = new ArrayList<>();
        for (int i = block[0]; i < block[1]; i++) {
            sessions.add(preferences.get(i).path("session").asText());
        }
        for (int i = block[0]; i < block[1]; i++) {
            ((ObjectNode) preferences.get(i)).put("session", sessions.get(sessions.size() - 1 - (i - block[0])));
        }
        return true;
    }
}

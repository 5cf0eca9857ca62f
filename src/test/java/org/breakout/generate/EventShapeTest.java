package org.breakout.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.breakout.generate.EventShape.Preferences;
import org.breakout.generate.EventShape.Timetable;
import org.junit.jupiter.api.Test;

class EventShapeTest {

    @Test
    void defaults() {
        EventShape shape = EventShape.defaults();
        assertThat(shape).isEqualTo(new EventShape(500, 20, 4, 1, 8, 0.1, Timetable.FIXED, 0.5, Preferences.PER_ROUND,
                3, 0.05, 1.0, 1.0, false, false, false, true, true, true, true, true));
        assertThat(shape.repeated()).isEqualTo(2);
        assertThat(shape.tripled()).isZero();
        assertThat(shape.runs()).isEqualTo(22);
    }

    @Test
    void presetsHaveTheBenchmarkShapes() {
        assertThat(EventShape.PRESETS).containsOnlyKeys("medium", "medium-open", "medium-fixed", "large", "large-fixed", "huge",
                "repeat-all-400", "repeat-all-2000", "rank-all-open-300", "rank-all-open-2000");
        EventShape medium = EventShape.of("medium", Map.of());
        assertThat(EventShape.of("medium-open", Map.of())).isEqualTo(medium);
        assertThat(medium.attendees()).isEqualTo(2000);
        assertThat(medium.sessions()).isEqualTo(40);
        assertThat(medium.rounds()).isEqualTo(5);
        assertThat(medium.timetable()).isEqualTo(Timetable.OPEN);
        assertThat(medium.preferences()).isEqualTo(Preferences.EVENT);
        assertThat(medium.ranked()).isEqualTo(8); // rounds + 3

        EventShape fixed = EventShape.of("medium-fixed", Map.of());
        assertThat(fixed.timetable()).isEqualTo(Timetable.FIXED);
        assertThat(fixed.preferences()).isEqualTo(Preferences.PER_ROUND);
        assertThat(fixed.ranked()).isEqualTo(3);
        assertThat(fixed.sessions()).isEqualTo(medium.sessions());
        assertThat(fixed.rooms()).isEqualTo(medium.rooms());

        EventShape large = EventShape.of("large", Map.of());
        assertThat(large.attendees()).isEqualTo(10_000);
        assertThat(large.sessions()).isEqualTo(120);
        assertThat(large.rounds()).isEqualTo(8);
        assertThat(large.days()).isEqualTo(2);
        assertThat(large.rooms()).isEqualTo(20);
        assertThat(large.repeated()).isEqualTo(18);
        assertThat(large.timetable()).isEqualTo(Timetable.OPEN);
        assertThat(large.roundsPerDay()).containsExactly(4, 4);

        // large-fixed: the 10,000-attendee fixed event, the programme of large with its timetable pinned.
        EventShape largeFixed = EventShape.of("large-fixed", Map.of());
        assertThat(largeFixed.timetable()).isEqualTo(Timetable.FIXED);
        assertThat(largeFixed.preferences()).isEqualTo(Preferences.EVENT);
        assertThat(largeFixed.ranked()).isEqualTo(10);
        assertThat(largeFixed.tieShare()).isEqualTo(0.1);
        assertThat(List.of(largeFixed.attendees(), largeFixed.sessions(), largeFixed.rounds(), largeFixed.days(),
                largeFixed.rooms(), largeFixed.runs())).containsExactly(10_000, 120, 8, 2, 20, 141);
        assertThat(largeFixed.runs()).isEqualTo(large.runs());

        EventShape huge = EventShape.of("huge", Map.of());
        assertThat(huge.attendees()).isEqualTo(50_000);
        assertThat(huge.timetable()).isEqualTo(Timetable.FIXED);
    }

    @Test
    void repeatAllAndRankAllPresets() {
        EventShape small = EventShape.of("repeat-all-400", Map.of());
        assertThat(small.attendees()).isEqualTo(427);
        assertThat(small.sessions()).isEqualTo(11);
        assertThat(small.rounds()).isEqualTo(3);
        assertThat(small.rooms()).isEqualTo(11);
        assertThat(small.repeatAll()).isTrue();
        assertThat(small.repeated()).isEqualTo(11);
        assertThat(small.tripled()).isZero();
        assertThat(small.runs()).isEqualTo(33); // every session in every round
        assertThat(small.timetable()).isEqualTo(Timetable.FIXED);
        assertThat(small.preferences()).isEqualTo(Preferences.EVENT);
        assertThat(small.ranked()).isEqualTo(small.rounds() + 2);
        assertThat(small.fullAttendance()).isTrue();
        EventShape big = EventShape.of("repeat-all-2000", Map.of());
        assertThat(List.of(big.attendees(), big.sessions(), big.rounds(), big.rooms(), big.runs(), big.ranked()))
                .containsExactly(2000, 20, 5, 20, 100, 7);

        EventShape open = EventShape.of("rank-all-open-300", Map.of());
        assertThat(List.of(open.attendees(), open.sessions(), open.rounds(), open.rooms(), open.runs()))
                .containsExactly(300, 50, 5, 10, 50);
        assertThat(open.timetable()).isEqualTo(Timetable.OPEN);
        assertThat(open.preferences()).isEqualTo(Preferences.RANK_ALL);
        assertThat(open.ranked()).isEqualTo(50); // every session
        assertThat(open.uniformRooms()).isTrue();
        assertThat(List.of(open.speakers(), open.themes(), open.audiences(), open.caps(), open.allowedRounds()))
                .containsOnly(false);
        // The big one differs in attendees only (rooms scale with them through the load).
        assertThat(EventShape.of("rank-all-open-2000", Map.of())).isEqualTo(EventShape.of("rank-all-open-300",
                Map.of("attendees", "2000")));
    }

    @Test
    void switchesDefaultToTheRealisticEvent() {
        EventShape shape = EventShape.defaults();
        assertThat(List.of(shape.repeatAll(), shape.fullAttendance(), shape.uniformRooms())).containsOnly(false);
        assertThat(List.of(shape.speakers(), shape.themes(), shape.audiences(), shape.caps(), shape.allowedRounds()))
                .containsOnly(true);
        assertThat(EventShape.of(null, Map.of("speakers", "FALSE", "uniformRooms", " true ")).speakers()).isFalse();
        // Only switches away from their default are in the options (events made before them keep their text).
        assertThat(shape.options()).doesNotContain("--speakers").doesNotContain("--repeat-all");
        assertThat(EventShape.of(null, Map.of("caps", "false")).options()).endsWith("--caps false");
        assertThat(EventShape.of(null, Map.of("repeatAll", "true", "rooms", "20")).runs()).isEqualTo(80);
    }

    @Test
    void overridesAndDerivedDefaults() {
        EventShape open = EventShape.of("medium-fixed", Map.of("timetable", "open"));
        assertThat(open).isEqualTo(EventShape.of("medium", Map.of())); // preferences follow the timetable
        EventShape shape = EventShape.of(null, Map.of("rounds", "6", "timetable", "mixed", "ranked", "4",
                "load", "1.2"));
        assertThat(shape.preferences()).isEqualTo(Preferences.EVENT);
        assertThat(shape.ranked()).isEqualTo(4);
        assertThat(shape.load()).isEqualTo(1.2);
        assertThat(shape.tripled()).isZero(); // 2 repeated: none of the one in five
        assertThat(EventShape.of(null, Map.of("sessions", "100", "repeatShare", "0.2", "rooms", "40")).tripled()).isEqualTo(4);
        assertThat(EventShape.of(null, Map.of("sessions", "5", "timetable", "open")).ranked()).isEqualTo(5); // capped
        assertThat(EventShape.of(null, Map.of("rounds", "7", "days", "3")).roundsPerDay()).containsExactly(3, 2, 2);
    }

    @Test
    void optionsRebuildTheShape() {
        for (String preset : EventShape.PRESETS.keySet()) {
            EventShape shape = EventShape.of(preset, Map.of());
            Map<String, String> parsed = new LinkedHashMap<>();
            String[] parts = shape.options().split(" ");
            for (int i = 0; i < parts.length; i += 2) {
                String key = parts[i].substring(2);
                parsed.put(EventShape.KEYS.stream().filter(k -> EventShape.option(k).equals("--" + key)).findFirst()
                        .orElseThrow(), parts[i + 1]);
            }
            assertThat(EventShape.of(null, parsed)).as(preset).isEqualTo(shape);
        }
        assertThat(EventShape.option("repeatShare")).isEqualTo("--repeat-share");
        assertThat(EventShape.defaults().options()).startsWith("--attendees 500 --sessions 20").doesNotContain("pinned");
        assertThat(EventShape.of(null, Map.of("timetable", "mixed")).options()).contains("--pinned-share 0.5");
    }

    @Test
    void badSettingsAreExplained() {
        assertThatThrownBy(() -> EventShape.of("gigantic", Map.of())).hasMessageContaining("unknown preset")
                .hasMessageContaining("medium-fixed");
        assertThatThrownBy(() -> EventShape.of(null, Map.of("colour", "red"))).hasMessageContaining("unknown setting");
        assertThatThrownBy(() -> EventShape.of(null, Map.of("attendees", "many"))).hasMessageContaining("--attendees")
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> EventShape.of(null, Map.of("attendees", "0"))).hasMessageContaining("--attendees");
        assertThatThrownBy(() -> EventShape.of(null, Map.of("load", "NaN"))).hasMessageContaining("--load");
        assertThatThrownBy(() -> EventShape.of(null, Map.of("repeatShare", "1.5"))).hasMessageContaining("--repeat-share");
        assertThatThrownBy(() -> EventShape.of(null, Map.of("timetable", "half"))).hasMessageContaining("--timetable");
        assertThatThrownBy(() -> EventShape.of(null, Map.of("preferences", "random"))).hasMessageContaining("--preferences");
        assertThatThrownBy(() -> EventShape.of(null, Map.of("timetable", "open", "preferences", "per-round")))
                .hasMessageContaining("per-round needs --timetable fixed");
        assertThatThrownBy(() -> EventShape.of(null, Map.of("days", "5"))).hasMessageContaining("--days");
        assertThatThrownBy(() -> EventShape.of(null, Map.of("rounds", "13"))).hasMessageContaining("rounds a day");
        assertThatThrownBy(() -> EventShape.of(null, Map.of("rounds", "1"))).hasMessageContaining("--repeat-share");
        assertThatThrownBy(() -> EventShape.of(null, Map.of("sessions", "3"))).hasMessageContaining("every round needs");
        assertThatThrownBy(() -> EventShape.of(null, Map.of("rooms", "5"))).hasMessageContaining("--rooms 5 is too few")
                .hasMessageContaining("at least 6 rooms");
        // The on/off settings and the combinations they do not go with.
        assertThatThrownBy(() -> EventShape.of(null, Map.of("speakers", "maybe")))
                .hasMessage("--speakers must be true or false, not \"maybe\"");
        assertThatThrownBy(() -> EventShape.of(null, Map.of("uniformRooms", "1")))
                .hasMessageContaining("--uniform-rooms must be true or false");
        assertThatThrownBy(() -> EventShape.of(null, Map.of("allowedRounds", "")))
                .hasMessageContaining("--allowed-rounds must be true or false");
        assertThatThrownBy(() -> EventShape.of(null, Map.of("repeatAll", "true", "rounds", "1")))
                .hasMessageContaining("--repeat-all true needs at least 2 rounds");
        assertThatThrownBy(() -> EventShape.of("repeat-all-400", Map.of("repeatShare", "0.2")))
                .hasMessageContaining("--repeat-share does not go with --repeat-all true");
        assertThatThrownBy(() -> EventShape.of(null, Map.of("repeatAll", "true", "rooms", "19")))
                .hasMessageContaining("--rooms 19 is too few").hasMessageContaining("at least 20 rooms");
        assertThatThrownBy(() -> EventShape.of("rank-all-open-300", Map.of("ranked", "5")))
                .hasMessageContaining("--ranked 5 does not go with --preferences rank-all");
        assertThatThrownBy(() -> EventShape.of(null, Map.of("preferences", "all")))
                .hasMessageContaining("--preferences must be per-round, event or rank-all");
    }
}

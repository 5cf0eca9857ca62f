package org.breakout.reallocate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.io.Json;
import org.junit.jupiter.api.Test;

/** The merge of a published schedule with its changes, and the structural checks of a changes file. */
class ScheduleMergeTest {

    static final Path CHANGES = Path.of("changes.json");

    static ObjectNode published() throws Exception {
        return (ObjectNode) Json.MAPPER.readTree("""
                { "rounds": [ { "id": "R1" }, { "id": "R2" } ], "rooms": [ { "id": "a", "capacity": 3 } ],
                  "sessions": [ { "id": "S1", "placements": [ { "round": "R1", "room": "a" } ] },
                                { "id": "S2", "placements": [ { "round": "R2", "room": "a" } ] } ],
                  "attendees": [
                    { "id": "A", "preferences": ["S1", "S2"],
                      "assignments": [ { "round": "R1", "session": "S1", "room": "a" },
                                       { "round": "R2", "session": "S2", "room": "a" } ] },
                    { "id": "B", "preferences": ["S1"],
                      "assignments": [ { "round": "R1", "session": "S1", "room": "a" } ] } ] }""");
    }

    static MergedEvent merge(String changes, Policy policy) throws Exception {
        ObjectNode published = published();
        return ScheduleMerge.merge(Path.of("published.json"), published,
                EventFileChanges.parse(CHANGES, changes, published), policy);
    }

    @Test
    void theSameDataWrittenDifferentlyIsNoChange() throws Exception {
        MergedEvent merged = merge("""
                { "attendees": [ { "id": "A", "preferences": [ { "session": "S2", "rank": 2 }, { "session": "S1", "rank": 1 } ] } ] }""",
                Policy.MINIMAL);
        assertThat(merged.statuses()).containsEntry("A", AttendeeStatus.UNCHANGED);
        assertThat(merged.document()).isEqualTo(published());
    }

    @Test
    void newcomersAreAppendedCancellationsRemovedChangesReplacedInPlace() throws Exception {
        MergedEvent merged = merge("""
                { "attendees": [ { "id": "N", "preferences": ["S2"] }, { "id": "A", "cancelled": true },
                                 { "id": "B", "name": "Bea", "preferences": ["S1"] } ] }""", Policy.MINIMAL);
        assertThat(merged.document().path("attendees")).extracting(a -> a.path("id").asText()).containsExactly("B", "N");
        assertThat(merged.statuses()).containsEntry("A", AttendeeStatus.CANCELLED)
                .containsEntry("B", AttendeeStatus.CHANGED).containsEntry("N", AttendeeStatus.NEWCOMER);
        assertThat(merged.changedFields().get("B")).containsExactly("name");
        // Only the name changed: B keeps the published seat as published state.
        assertThat(merged.document().path("attendees").get(0).path("assignments")).hasSize(1);
        assertThat(merged.releasedSeats()).containsOnlyKeys("A|R1", "A|R2").containsValue("cancelled");
        assertThat(merged.sources()).extracting(MergedEvent.Source::file).containsExactly("changes.json", "changes.json");
        assertThat(merged.sources()).extracting(MergedEvent.Source::path).containsExactly("attendees[2]", "attendees[0]");
    }

    @Test
    void frozenPinsEveryKeptSeatAndPlacementAndRemembersWhichPinsItAdded() throws Exception {
        MergedEvent merged = merge("""
                { "attendees": [ { "id": "A", "rounds": ["R1"], "preferences": ["S2", "S1"] } ] }""", Policy.FROZEN);
        ObjectNode a = (ObjectNode) merged.document().path("attendees").get(0);
        assertThat(a.path("assignments")).hasSize(1);
        assertThat(a.path("assignments").get(0).path("pinned").asBoolean()).isTrue();
        assertThat(merged.releasedSeats()).containsEntry("A|R2", "no longer wants a seat in R2");
        assertThat(merged.addedPins()).contains("A|R1", "B|R1", "S1|R1|a", "S2|R2|a");
    }

    @Test
    void aChangesFileWithoutIdsOrWithDuplicatesIsBadInputNamingThePath() throws Exception {
        ObjectNode published = published();
        assertThatThrownBy(() -> EventFileChanges.parse(CHANGES, """
                { "attendees": [ { "name": "no id" }, { "id": "X" }, { "id": "X" } ] }""", published))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("changes.json: attendees[0].id: missing")
                .hasMessageContaining("changes.json: attendees[2].id: attendee X is listed twice");
        assertThatThrownBy(() -> EventFileChanges.parse(CHANGES, "{ \"rounds\": [] }", published))
                .hasMessageContaining("changes.json: attendees: missing");
    }
}

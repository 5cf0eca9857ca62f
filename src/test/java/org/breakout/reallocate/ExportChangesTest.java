package org.breakout.reallocate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.io.Json;
import org.junit.jupiter.api.Test;

/** The comparison of an export's attendees with the published ones, on small documents. */
class ExportChangesTest {

    static final Path EXPORT = Path.of("export.csv");
    static final Path PUBLISHED = Path.of("published.json");

    static ObjectNode published() throws Exception {
        return (ObjectNode) Json.MAPPER.readTree("""
                { "attendees": [
                  { "id": "a1", "name": "Ann", "tags": [], "rounds": ["r1"], "email": "ann@x.nl",
                    "preferences": [{"session": "S1", "rank": 1}], "registered": "2025-04-01T10:00:00",
                    "assignments": [{"round": "r1", "session": "S1", "room": "R"}] },
                  { "id": "a2", "name": "Bob", "tags": ["wethouder"], "rounds": ["r1"],
                    "preferences": [{"session": "S2", "rank": 1}] },
                  { "id": "a3", "name": "Cor", "rounds": ["r1"], "preferences": [{"session": "S1", "rank": 1}] }
                ] }""");
    }

    static List<ObjectNode> imported(String json) throws Exception {
        List<ObjectNode> attendees = new ArrayList<>();
        Json.MAPPER.readTree(json).forEach(a -> attendees.add((ObjectNode) a));
        return attendees;
    }

    static final String EXPORTED = """
            [ { "id": "a1", "name": "Ann", "tags": [], "rounds": ["r1"],
                "preferences": [{"session": "S1", "rank": 1}], "registered": "2025-05-01T09:00:00" },
              { "id": "a2", "name": "Bob", "tags": ["wethouder"], "rounds": ["r1"],
                "preferences": [{"session": "S1", "rank": 1}, {"session": "S2", "rank": 2}] },
              { "id": "a4", "name": "Dirk", "tags": [], "rounds": ["r1"], "preferences": [{"session": "S2", "rank": 1}] } ]""";

    @Test
    void newIdsAreNewcomersDifferentAnswersChangesTheSameAnswersNothing() throws Exception {
        ExportChanges.Derived derived = ExportChanges.derive(EXPORT, PUBLISHED, published(), imported(EXPORTED),
                null, false);
        assertThat(derived.changes().records()).extracting(ChangeSet.AttendeeRecord::id).containsExactly("a2", "a4");
        assertThat(derived.newcomers()).isEqualTo(1);
        assertThat(derived.changed()).isEqualTo(1);
        // Ann registered again with the same answers (a later time stamp only): no change.
        assertThat(derived.unchanged()).isEqualTo(1);
        assertThat(derived.absent()).containsExactly("a3");
        assertThat(derived.changes().cancellations()).isEmpty();
        assertThat(derived.summary()).contains("1 published attendee(s) not in it: kept");
    }

    @Test
    void aChangedAttendeeKeepsWhatTheExportDoesNotSayAndLosesTheSeatsToTheMerge() throws Exception {
        ObjectNode published = published();
        List<ObjectNode> imported = imported("""
                [ { "id": "a1", "name": "Ann", "tags": ["burgemeester"], "rounds": ["r1"],
                    "preferences": [{"session": "S1", "rank": 1}] } ]""");
        ExportChanges.Derived derived = ExportChanges.derive(EXPORT, PUBLISHED, published, imported, null, true);
        JsonNode record = derived.changes().records().get(0).node();
        assertThat(record.path("email").asText()).isEqualTo("ann@x.nl");
        assertThat(record.path("tags").get(0).asText()).isEqualTo("burgemeester");
        assertThat(record.has("assignments")).isFalse();
        assertThat(derived.changes().cancellations()).extracting(ChangeSet.Cancellation::id)
                .containsExactly("a2", "a3");
        assertThat(published).isEqualTo(published()); // the input document is not touched
    }

    @Test
    void anExportWithNobodyInCommonCannotCancelEveryone() throws Exception {
        List<ObjectNode> strangers = imported("""
                [ { "id": "z9", "name": "Zoë", "rounds": ["r1"], "preferences": [] } ]""");
        assertThatThrownBy(() -> ExportChanges.derive(EXPORT, PUBLISHED, published(), strangers, null, true))
                .isInstanceOf(BadInputException.class).hasMessageContaining("export.csv")
                .hasMessageContaining("every published attendee would be cancelled");
        ExportChanges.Derived kept = ExportChanges.derive(EXPORT, PUBLISHED, published(), strangers, null, false);
        assertThat(kept.changes().warnings()).hasSize(1);
        assertThat(kept.changes().cancellations()).isEmpty();
    }

    @Test
    void eventFilesAreToldFromExportsByNameThenContent() {
        assertThat(ExportChanges.isEventFile(Path.of("changes.json"))).isTrue();
        assertThat(ExportChanges.isEventFile(Path.of("export.CSV"))).isFalse();
        assertThat(ExportChanges.isEventFile(Path.of("export.xlsx"))).isFalse();
        assertThat(ExportChanges.isEventFile(Path.of("no-such-file"))).isFalse();
    }
}

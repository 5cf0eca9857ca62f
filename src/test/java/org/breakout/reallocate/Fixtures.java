package org.breakout.reallocate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.domain.Schedule;
import org.breakout.io.EventReader;
import org.breakout.io.Json;
import org.breakout.io.JsonFiles;
import org.breakout.io.LoadedEvent;
import org.breakout.io.ScheduleWriter;
import org.breakout.report.ScheduleSummary;
import org.breakout.solver.ScheduleSolver;

/** Publishing and reallocating small events in tests: deterministic (step limits), through the real reader and writer. */
final class Fixtures {

    static final ScheduleSolver.Options STEPS = ScheduleSolver.Options.steps(20, 0);

    private Fixtures() {
    }

    /** Solves an event as {@code solve} does and returns the written schedule: the published state. */
    static ObjectNode publish(String eventJson) throws Exception {
        LoadedEvent loaded = EventReader.parse(Path.of("event.json"), eventJson);
        try (ScheduleSolver solver = new ScheduleSolver(STEPS)) {
            Schedule best = solver.solve(loaded.schedule());
            return ScheduleWriter.toDocument(loaded.document(), best, ScheduleSummary.of(best, solver.analyze(best)));
        }
    }

    static Reallocation.Result reallocate(Path dir, ObjectNode published, ObjectNode changes, Policy policy,
            boolean upgrade) throws Exception {
        Path publishedFile = dir.resolve("published-" + policy.id() + ".json");
        Path changesFile = dir.resolve("changes-" + policy.id() + ".json");
        JsonFiles.write(published, publishedFile);
        JsonFiles.write(changes, changesFile);
        Reallocation.Prepared prepared = Reallocation.prepare(publishedFile,
                current -> EventFileChanges.read(changesFile, current.document()), policy, upgrade);
        return Reallocation.solve(prepared, STEPS, best -> {
        });
    }

    static ObjectNode changes(String attendeesJson) throws IOException {
        return (ObjectNode) Json.MAPPER.readTree("{\"attendees\": " + attendeesJson + "}");
    }

    /** Seat key attendee|round → session, read from a schedule document. */
    static Map<String, String> seats(JsonNode document) {
        Map<String, String> seats = new LinkedHashMap<>();
        for (JsonNode attendee : document.path("attendees")) {
            for (JsonNode seat : attendee.path("assignments")) {
                seats.put(attendee.path("id").asText() + "|" + seat.path("round").asText(), seat.path("session").asText());
            }
        }
        return seats;
    }

    static String sessionOf(JsonNode document, String attendee, String round) {
        return seats(document).get(attendee + "|" + round);
    }

    static ChangeReport.AttendeeChange changeOf(ChangeReport report, String attendee) {
        return report.attendees().stream().filter(a -> a.id().equals(attendee)).findFirst().orElse(null);
    }

    static String read(Path file) throws IOException {
        return Files.readString(file);
    }
}

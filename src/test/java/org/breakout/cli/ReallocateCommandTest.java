package org.breakout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.breakout.check.IndependentChecker;
import org.breakout.io.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code breakout reallocate} end to end on the Schiedam event and its bundled sample of 40 late registrations and
 * 10 cancellations, checked from the written files alone (documents, report JSON, CSV read back with a CSV parser).
 */
class ReallocateCommandTest {

    static final Path EVENT = Path.of("data/bnd-schiedam-2025/bnd-schiedam-2025-published.json");
    static final Path SAMPLE = Path.of("data/bnd-schiedam-2025/changes-40-late-10-cancelled.json");

    @TempDir
    static Path shared;
    static Path published;

    @TempDir
    Path dir;

    @BeforeAll
    static void publish() {
        published = shared.resolve("published.json");
        CliRun run = CliRun.of("solve", EVENT.toString(), "-o", published.toString(), "--steps", "100", "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private CliRun reallocate(Path changes, String policy, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("reallocate", published.toString(), changes.toString(),
                "-o", dir.resolve("new-" + policy + ".json").toString(), "--policy", policy, "--steps", "100", "-q",
                "--report", dir.resolve("report-" + policy + ".json").toString(),
                "--csv", dir.resolve("changed-" + policy + ".csv").toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private JsonNode json(String name) throws Exception {
        return Json.MAPPER.readTree(dir.resolve(name).toFile());
    }

    static Map<String, String> seats(JsonNode document) {
        Map<String, String> seats = new LinkedHashMap<>();
        for (JsonNode attendee : document.path("attendees")) {
            for (JsonNode seat : attendee.path("assignments")) {
                seats.put(attendee.path("id").asText() + "|" + seat.path("round").asText(), seat.path("session").asText());
            }
        }
        return seats;
    }

    @Test
    void theBundledSampleIsWhatTheGeneratorMakes() throws Exception {
        Path generated = dir.resolve("changes.json");
        CliRun run = CliRun.of("generate", "changes", EVENT.toString(), "--late", "40", "--cancel", "10", "--seed", "1",
                "-o", generated.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(generated)).isEqualTo(Files.readString(SAMPLE));
        JsonNode sample = Json.MAPPER.readTree(SAMPLE.toFile());
        assertThat(sample.path("attendees")).hasSize(50);
        assertThat(sample.path("attendees").findValues("cancelled")).hasSize(10);
    }

    @Test
    void minimalSeatsEveryNewcomerMovesNoPublishedSeatWithoutAReasonAndReportsEveryChange() throws Exception {
        String publishedBefore = Files.readString(published);
        String sampleBefore = Files.readString(SAMPLE);
        CliRun run = reallocate(SAMPLE, "minimal");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Newcomers   40 of 40 seated").contains("(feasible)");

        JsonNode before = Json.MAPPER.readTree(published.toFile());
        JsonNode after = json("new-minimal.json");
        IndependentChecker.Result check = IndependentChecker.check(after);
        assertThat(check.violations()).isEmpty();
        assertThat(check.seatsFilled()).isEqualTo(check.seatsWanted());

        JsonNode report = json("report-minimal.json");
        Set<String> cancelled = new HashSet<>();
        Json.MAPPER.readTree(SAMPLE.toFile()).path("attendees").forEach(a -> {
            if (a.path("cancelled").asBoolean()) {
                cancelled.add(a.path("id").asText());
            }
        });
        assertEveryChangeIsReported(before, after, report, cancelled);
        // Under minimal, a moved published seat must name whom it seated, and that person had no seat there before.
        Map<String, String> old = seats(before);
        Map<String, String> now = seats(after);
        for (JsonNode attendee : report.path("attendees")) {
            if (!attendee.path("status").asText().equals("unchanged")) {
                continue;
            }
            for (JsonNode seat : attendee.path("seats")) {
                String seated = seat.path("seated").asText(null);
                assertThat(seated).as(attendee.path("id") + ": " + seat.path("reason")).isNotNull();
                String key = seated + "|" + seat.path("round").asText();
                assertThat(now).containsKey(key);
                assertThat(old).doesNotContainKey(key);
            }
        }
        assertThat(report.path("counts").path("unexplainedMoves").asInt()).isZero();
        assertThat(report.path("counts").path("newcomersSeated").asInt()).isEqualTo(40);
        assertThat(report.path("run").path("policy").asText()).isEqualTo("minimal");

        // The mail-merge list, read back with a CSV parser: exactly the attendees whose schedule changed.
        CsvMapper csv = new CsvMapper();
        Set<String> rows = new HashSet<>();
        try (MappingIterator<Map<String, String>> it = csv.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(dir.resolve("changed-minimal.csv").toFile())) {
            while (it.hasNext()) {
                Map<String, String> row = it.next();
                assertThat(row).containsKeys("id", "name", "status", "changes", "schedule");
                rows.add(row.get("id"));
                if (row.get("status").equals("newcomer")) {
                    assertThat(row.get("schedule")).isNotBlank();
                }
            }
        }
        assertThat(rows).isEqualTo(changedAttendees(before, after));

        // The inputs are untouched.
        assertThat(Files.readString(published)).isEqualTo(publishedBefore);
        assertThat(Files.readString(SAMPLE)).isEqualTo(sampleBefore);
    }

    @Test
    void frozenMovesNoPublishedSeat() throws Exception {
        CliRun run = reallocate(SAMPLE, "frozen");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode before = Json.MAPPER.readTree(published.toFile());
        JsonNode after = json("new-frozen.json");
        assertThat(IndependentChecker.check(after).violations()).isEmpty();
        Map<String, String> now = seats(after);
        Set<String> present = new HashSet<>();
        after.path("attendees").forEach(a -> present.add(a.path("id").asText()));
        seats(before).forEach((seat, session) -> {
            if (present.contains(seat.substring(0, seat.indexOf('|')))) {
                assertThat(now.get(seat)).as(seat).isEqualTo(session);
            }
        });
        assertThat(json("report-frozen.json").path("counts").path("seatsMoved").asInt()).isZero();
        // The pins frozen solves with are not written: the output pins what the published schedule pinned.
        assertThat(after.findValues("assignments").stream().flatMap(a -> java.util.stream.StreamSupport.stream(a.spliterator(), false))
                .filter(seat -> seat.has("pinned")).count()).isZero();
    }

    @Test
    void freeScoresItsMovesAsTheEventSays() throws Exception {
        CliRun run = reallocate(SAMPLE, "free");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode before = Json.MAPPER.readTree(published.toFile());
        JsonNode after = json("new-free.json");
        IndependentChecker.Result check = IndependentChecker.check(after);
        assertThat(check.violations()).isEmpty();
        Map<String, String> now = seats(after);
        Set<String> present = new HashSet<>();
        after.path("attendees").forEach(a -> present.add(a.path("id").asText()));
        long moved = seats(before).entrySet().stream()
                .filter(e -> present.contains(e.getKey().substring(0, e.getKey().indexOf('|'))))
                .filter(e -> !e.getValue().equals(now.get(e.getKey()))).count();
        // Written score: preference cost plus the event's seatChanged weight (20) per published seat moved.
        assertThat(after.path("score").asText()).isEqualTo("0hard/0medium/-" + (check.preferenceCost() + 20 * moved) + "soft");
        assertEveryChangeIsReported(before, after, json("report-free.json"), Set.of());
    }

    @Test
    void noChangesGiveTheSameScheduleByteForByteAndTheSameInputsTheSameOutput() throws Exception {
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "{ \"attendees\": [] }");
        for (String policy : List.of("minimal", "frozen")) {
            CliRun run = reallocate(empty, policy);
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(Files.readString(dir.resolve("new-" + policy + ".json"))).as(policy)
                    .isEqualTo(Files.readString(published));
        }
        CliRun first = reallocate(SAMPLE, "minimal", "--seed", "3");
        String schedule = Files.readString(dir.resolve("new-minimal.json"));
        String report = Files.readString(dir.resolve("report-minimal.json"));
        CliRun second = reallocate(SAMPLE, "minimal", "--seed", "3");
        assertThat(first.exitCode()).isZero();
        assertThat(second.exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("new-minimal.json"))).isEqualTo(schedule);
        assertThat(Files.readString(dir.resolve("report-minimal.json"))).isEqualTo(report);
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void badChangesAreReportedWithFileAndPathAndNothingIsWritten() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, """
                { "attendees": [ { "id": "L1", "preferences": ["no-such-session"] },
                                 { "id": "A0001", "cancelled": "yes" } ] }""");
        CliRun run = reallocate(bad, "minimal");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains(bad + ": attendees[1].cancelled: must be true or false")
                .contains("Nothing was written").doesNotContain("Exception");

        Files.writeString(bad, """
                { "attendees": [ { "id": "L1", "preferences": ["no-such-session"] } ] }""");
        run = reallocate(bad, "minimal");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains(bad + ": attendees[0].preferences[0]: unknown session \"no-such-session\"");

        Files.writeString(bad, "{ \"attendees\": [ ");
        run = reallocate(bad, "minimal");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains(bad + ": line 1");

        run = reallocate(dir.resolve("missing.json"), "minimal");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("missing.json: (document): file not found");

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("bad.json");
        }
    }

    @Test
    void warningsAboutTheChangesNameTheChangesFile() throws Exception {
        Path changes = dir.resolve("typo.json");
        Files.writeString(changes, """
                { "attendees": [ { "id": "L1", "preferences": ["r1-data"], "prefrences": [] },
                                 { "id": "GONE", "cancelled": true } ] }""");
        CliRun run = reallocate(changes, "minimal");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).contains("warning: " + changes + ": attendees[0].prefrences: unknown field")
                .contains("warning: " + changes + ": attendees[1]: attendee GONE is not in the published schedule");
    }

    @Test
    void anOutputThatIsAnInputIsAUsageErrorAndALockedOutputIsBusy() throws Exception {
        CliRun run = CliRun.of("reallocate", published.toString(), SAMPLE.toString(), "-o", published.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("is an input file");
        run = CliRun.of("reallocate", published.toString(), SAMPLE.toString(), "-o", dir.resolve("x.json").toString(),
                "--policy", "frozen", "--upgrade");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);

        Path out = dir.resolve("locked.json");
        try (FileChannel channel = FileChannel.open(dir.resolve("locked.json.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            run = CliRun.of("reallocate", published.toString(), SAMPLE.toString(), "-o", out.toString(), "-q");
            assertThat(run.exitCode()).isEqualTo(ExitCodes.BUSY);
            assertThat(run.err()).contains("another reallocate is writing");
        }
        assertThat(out).doesNotExist();
    }

    @Test
    void aNewcomerWhoCannotBeSeatedGivesExitCodeFive() throws Exception {
        Path event = dir.resolve("tiny.json");
        Files.writeString(event, """
                { "settings": { "allowUnranked": false }, "rounds": [ { "id": "R1" } ],
                  "rooms": [ { "id": "a", "capacity": 1 } ],
                  "sessions": [ { "id": "S1", "placements": [ { "round": "R1", "room": "a", "pinned": true } ] } ],
                  "attendees": [ { "id": "A", "preferences": ["S1"] } ] }""");
        Path tinyPublished = dir.resolve("tiny-published.json");
        assertThat(CliRun.of("solve", event.toString(), "-o", tinyPublished.toString(), "--steps", "10", "-q").exitCode()).isZero();
        Path changes = dir.resolve("late.json");
        Files.writeString(changes, "{ \"attendees\": [ { \"id\": \"N\", \"preferences\": [\"S1\"] } ] }");
        Path report = dir.resolve("tiny-report.json");
        CliRun run = CliRun.of("reallocate", tinyPublished.toString(), changes.toString(), "-o",
                dir.resolve("tiny-new.json").toString(), "--report", report.toString(), "--steps", "10", "-q");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.NEWCOMERS_UNSEATED);
        assertThat(run.out()).contains("N (newcomer) in R1: every session this attendee may attend in R1 is full");
        JsonNode unseated = Json.MAPPER.readTree(report.toFile()).path("unseated");
        assertThat(unseated).hasSize(1);
        assertThat(unseated.get(0).path("attendee").asText()).isEqualTo("N");
    }

    /** Every seat that differs between the two documents, and every attendee added or gone, is in the report. */
    private static void assertEveryChangeIsReported(JsonNode before, JsonNode after, JsonNode report,
            Set<String> cancelled) {
        Map<String, JsonNode> reported = new HashMap<>();
        report.path("attendees").forEach(a -> reported.put(a.path("id").asText(), a));
        Map<String, String> old = seats(before);
        Map<String, String> now = seats(after);
        Set<String> keys = new HashSet<>(old.keySet());
        keys.addAll(now.keySet());
        for (String key : keys) {
            if (java.util.Objects.equals(old.get(key), now.get(key))) {
                continue;
            }
            String id = key.substring(0, key.indexOf('|'));
            String round = key.substring(key.indexOf('|') + 1);
            assertThat(reported).as("change of " + key + " reported").containsKey(id);
            boolean listed = false;
            for (JsonNode seat : reported.get(id).path("seats")) {
                listed |= seat.path("round").asText().equals(round)
                        && seat.path("from").path("session").asText(null) == null == (old.get(key) == null)
                        && !seat.path("reason").asText().isBlank();
            }
            assertThat(listed).as(key + " listed with a reason").isTrue();
        }
        for (String id : cancelled) {
            assertThat(reported.get(id).path("status").asText()).isEqualTo("cancelled");
        }
    }

    /** Attendees with a seat that differs, or who came or went. */
    private static Set<String> changedAttendees(JsonNode before, JsonNode after) {
        Map<String, String> old = seats(before);
        Map<String, String> now = seats(after);
        Set<String> changed = new HashSet<>();
        Set<String> keys = new HashSet<>(old.keySet());
        keys.addAll(now.keySet());
        for (String key : keys) {
            if (!java.util.Objects.equals(old.get(key), now.get(key))) {
                changed.add(key.substring(0, key.indexOf('|')));
            }
        }
        return changed;
    }
}

package org.breakout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.check.IndependentChecker;
import org.breakout.generate.Registrant;
import org.breakout.generate.RegistrationExport;
import org.breakout.generate.RegistrationGenerator;
import org.breakout.io.EventReader;
import org.breakout.io.Json;
import org.breakout.io.JsonFiles;
import org.breakout.io.LoadedEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code breakout reallocate} with a registration export as the changes: the Schiedam schedule published from an
 * export of 360 synthetic registrations, then the export as it is later (5 of them gone, 20 new people), checked
 * from the written documents alone.
 */
class ReallocateExportTest {

    static final Path PROGRAMME = Path.of("data/bnd-schiedam-2025/programme-published.json");
    static final int PUBLISHED = 360;
    static final int LATE = 20;

    @TempDir
    static Path shared;
    static Path published;
    static Path laterExport;
    static Set<String> droppedNames = new LinkedHashSet<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void publish() throws Exception {
        LoadedEvent programme = EventReader.read(PROGRAMME);
        List<Registrant> everyone = RegistrationGenerator.generate(programme.schedule(), null, PUBLISHED + LATE, 2025);
        List<Registrant> first = everyone.subList(0, PUBLISHED);
        Path firstExport = shared.resolve("registrations-may.tsv");
        JsonFiles.writeAtomically(RegistrationExport.write(RegistrationExport.Format.SHEET_TSV, programme.schedule(),
                first, 0, 2025), firstExport);
        published = shared.resolve("published.json");
        CliRun run = CliRun.of("solve", PROGRAMME.toString(), "--registrations", firstExport.toString(), "-o",
                published.toString(), "--steps", "100", "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();

        // Dropped: people whose name and city no one else shares, so every other e-mail address (and id) stays.
        Map<String, Integer> sameNameAndCity = new HashMap<>();
        everyone.forEach(r -> sameNameAndCity.merge(r.name() + "|" + r.city(), 1, Integer::sum));
        List<Registrant> later = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            Registrant person = first.get(i);
            if (i % 50 == 7 && droppedNames.size() < 5 && sameNameAndCity.get(person.name() + "|" + person.city()) == 1) {
                droppedNames.add(person.name());
            } else {
                later.add(person);
            }
        }
        assertThat(droppedNames).hasSize(5);
        later.addAll(everyone.subList(PUBLISHED, PUBLISHED + LATE));
        laterExport = shared.resolve("registrations-june.tsv");
        JsonFiles.writeAtomically(RegistrationExport.write(RegistrationExport.Format.SHEET_TSV, programme.schedule(),
                later, 0, 2025), laterExport);
    }

    private CliRun reallocate(Path from, Path export, Path output, String... extra) {
        List<String> args = new ArrayList<>(List.of("reallocate", from.toString(), export.toString(), "-o",
                output.toString(), "--steps", "100", "-q", "--report", output + ".report.json"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static JsonNode read(Path file) throws Exception {
        return Json.MAPPER.readTree(file.toFile());
    }

    private static Map<String, JsonNode> attendees(JsonNode document) {
        Map<String, JsonNode> byId = new HashMap<>();
        document.path("attendees").forEach(a -> byId.put(a.path("id").asText(), a));
        return byId;
    }

    private static Set<String> idsNamed(JsonNode document, Set<String> names) {
        Set<String> ids = new LinkedHashSet<>();
        document.path("attendees").forEach(a -> {
            if (names.contains(a.path("name").asText())) {
                ids.add(a.path("id").asText());
            }
        });
        return ids;
    }

    /** The registration itself: what an attendee asked for, without the seats. */
    private static JsonNode registration(JsonNode attendee) {
        ObjectNode copy = attendee.deepCopy();
        copy.remove("assignments");
        return copy;
    }

    @Test
    void newcomersAreSeatedTheOthersKeptAndWithoutTheFlagNobodyIsCancelled() throws Exception {
        String before = Files.readString(published);
        String exportBefore = Files.readString(laterExport);
        Path output = dir.resolve("new.json");
        CliRun run = reallocate(published, laterExport, output);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Export      " + (PUBLISHED - 5 + LATE) + " attendees: " + LATE
                + " new · 0 changed · " + (PUBLISHED - 5) + " unchanged; 5 published attendee(s) not in it: kept");

        JsonNode old = read(published);
        JsonNode now = read(output);
        Map<String, JsonNode> oldById = attendees(old);
        Map<String, JsonNode> nowById = attendees(now);
        assertThat(nowById.keySet()).containsAll(oldById.keySet()).hasSize(PUBLISHED + LATE);
        for (Map.Entry<String, JsonNode> entry : nowById.entrySet()) {
            JsonNode attendee = entry.getValue();
            JsonNode was = oldById.get(entry.getKey());
            if (was == null) {
                // A newcomer: a seat in every round they want.
                assertThat(attendee.path("assignments")).as(entry.getKey()).hasSize(attendee.path("rounds").size());
            } else {
                assertThat(registration(attendee)).as(entry.getKey()).isEqualTo(registration(was));
            }
        }
        IndependentChecker.Result check = IndependentChecker.check(now);
        assertThat(check.violations()).isEmpty();

        JsonNode report = read(Path.of(output + ".report.json"));
        assertThat(report.path("counts").path("newcomers").asInt()).isEqualTo(LATE);
        assertThat(report.path("counts").path("newcomersSeated").asInt()).isEqualTo(LATE);
        assertThat(report.path("counts").path("changed").asInt()).isZero();
        assertThat(report.path("counts").path("cancelled").asInt()).isZero();
        assertThat(report.path("counts").path("unexplainedMoves").asInt()).isZero();
        Set<String> absent = new LinkedHashSet<>();
        report.path("export").path("absent").forEach(id -> absent.add(id.asText()));
        assertThat(absent).isEqualTo(idsNamed(old, droppedNames));
        assertThat(report.path("export").path("import").path("problems")).isEmpty();

        assertThat(Files.readString(published)).isEqualTo(before);
        assertThat(Files.readString(laterExport)).isEqualTo(exportBefore);
    }

    @Test
    void cancelMissingCancelsExactlyTheDroppedAndARerunChangesNothing() throws Exception {
        Path output = dir.resolve("new.json");
        CliRun run = reallocate(published, laterExport, output, "--cancel-missing");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);

        JsonNode old = read(published);
        JsonNode now = read(output);
        Set<String> dropped = idsNamed(old, droppedNames);
        assertThat(dropped).hasSize(5);
        Set<String> expected = new LinkedHashSet<>(attendees(old).keySet());
        expected.removeAll(dropped);
        Set<String> kept = new LinkedHashSet<>(attendees(now).keySet());
        kept.retainAll(attendees(old).keySet());
        assertThat(kept).isEqualTo(expected);
        assertThat(attendees(now)).hasSize(PUBLISHED - 5 + LATE);
        JsonNode report = read(Path.of(output + ".report.json"));
        Set<String> cancelled = new LinkedHashSet<>();
        report.path("attendees").forEach(a -> {
            if (a.path("status").asText().equals("cancelled")) {
                cancelled.add(a.path("id").asText());
            }
        });
        assertThat(cancelled).isEqualTo(dropped);

        // The same export again: nothing to do, the same schedule apart from the run's score and summary.
        Path again = dir.resolve("again.json");
        CliRun rerun = reallocate(output, laterExport, again, "--cancel-missing");
        assertThat(rerun.exitCode()).as(rerun.err()).isEqualTo(ExitCodes.OK);
        assertThat(rerun.out()).contains("attendees: 0 new · 0 changed")
                .contains("every published attendee is in it");
        assertThat(withoutRunMetadata(read(again))).isEqualTo(withoutRunMetadata(now));
        JsonNode rereport = read(Path.of(again + ".report.json"));
        assertThat(rereport.path("counts").path("newcomers").asInt()).isZero();
        assertThat(rereport.path("counts").path("changed").asInt()).isZero();
        assertThat(rereport.path("counts").path("cancelled").asInt()).isZero();
        assertThat(rereport.path("counts").path("seatsMoved").asInt()).isZero();
    }

    private static JsonNode withoutRunMetadata(JsonNode document) {
        ObjectNode copy = document.deepCopy();
        copy.remove("score");
        copy.remove("summary");
        return copy;
    }

    @Test
    void anUnreadableExportIsBadInputAndNothingIsWritten() throws Exception {
        Path broken = dir.resolve("broken.csv");
        Files.write(broken, new byte[0]);
        Path output = dir.resolve("new.json");
        CliRun run = reallocate(published, broken, output, "--cancel-missing");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains(broken.toString()).contains("empty").doesNotContain("Exception");
        assertThat(output).doesNotExist();

        Path missing = dir.resolve("missing.xlsx");
        CliRun notThere = reallocate(published, missing, output);
        assertThat(notThere.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(notThere.err()).contains(missing.toString()).contains("file not found");
        assertThat(output).doesNotExist();
    }

    @Test
    void anExportOfAnotherFormCannotCancelEveryone() throws Exception {
        // The bundled event's attendees have ids of their own (not from an export): nobody in common.
        Path output = dir.resolve("new.json");
        CliRun run = reallocate(Path.of("data/bnd-schiedam-2025/bnd-schiedam-2025-published.json"), laterExport,
                output, "--cancel-missing");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("none of the").contains("every published attendee would be cancelled");
        assertThat(output).doesNotExist();
    }

    @Test
    void columnOptionsGoWithAnExportOnly() {
        CliRun run = CliRun.of("reallocate", published.toString(), "data/bnd-schiedam-2025/changes-40-late-10-cancelled.json",
                "-o", dir.resolve("new.json").toString(), "--cancel-missing");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--cancel-missing");
    }
}

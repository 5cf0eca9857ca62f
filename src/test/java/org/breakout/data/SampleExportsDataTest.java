package org.breakout.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.breakout.check.IndependentChecker;
import org.breakout.cli.CliRun;
import org.breakout.io.Json;
import org.breakout.io.EventReader;
import org.breakout.io.JsonFiles;
import org.breakout.io.LoadedEvent;
import org.breakout.io.registrations.RegistrationImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample form exports in data/bnd-schiedam-2025/exports: the commands in data/README.md make them byte for
 * byte, and each imports into the published programme with no answer left over: 400 people, 6 merges.
 */
class SampleExportsDataTest {

    private static final Path PROGRAMME = Path.of("data/bnd-schiedam-2025/programme-published.json");
    private static final Path EXPORTS = Path.of("data/bnd-schiedam-2025/exports");
    /** Sample file and the format that makes it. */
    private static final Map<String, String> SAMPLES = Map.of(
            "registrations-google-columns.csv", "columns",
            "registrations-google-grid.csv", "grid",
            "registrations-google-checkbox-excel.csv", "checkbox",
            "registrations-microsoft-forms.xlsx", "msforms",
            "registrations-spreadsheet.tsv", "sheet-tsv",
            "registrations-spreadsheet.xlsx", "sheet-xlsx");

    @TempDir
    Path dir;

    @Test
    void samplesAreReproducible() throws Exception {
        for (Map.Entry<String, String> sample : SAMPLES.entrySet()) {
            Path made = dir.resolve(sample.getKey());
            CliRun run = CliRun.of("generate", "export", PROGRAMME.toString(), "--format", sample.getValue(),
                    "--attendees", "400", "--seed", "2025", "--duplicates", "6", "-o", made.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(Files.readAllBytes(made)).as("regenerated %s", sample.getKey())
                    .isEqualTo(Files.readAllBytes(EXPORTS.resolve(sample.getKey())));
        }
    }

    @Test
    void everySampleImportsCompletely() throws Exception {
        LoadedEvent programme = EventReader.read(PROGRAMME);
        for (String sample : SAMPLES.keySet()) {
            RegistrationImporter.Result result = RegistrationImporter.importInto(programme.document(),
                    programme.schedule(), EXPORTS.resolve(sample), Map.of(), "--column");
            assertThat(result.report().problems()).as(sample).isEmpty();
            assertThat(result.report().skippedRows()).as(sample).isEmpty();
            assertThat(result.report().columnProblems()).as(sample).isEmpty();
            assertThat(result.report().rowsRead()).as(sample).isEqualTo(406);
            assertThat(result.report().merges()).as(sample).hasSize(6);
            LoadedEvent event = EventReader.parse(Path.of(sample), JsonFiles.render(result.event()));
            assertThat(event.schedule().getAttendees()).as(sample).hasSize(400);
            assertThat(event.schedule().getSeats()).as(sample).hasSize(1079);
            assertThat(event.warnings()).as(sample).isEmpty();
        }
    }

    /** The "done when": from the published programme and each sample, one command gives a feasible schedule. */
    @Test
    void everySampleSolvesFeasiblyInOneCommand() throws Exception {
        for (String sample : SAMPLES.keySet()) {
            Path schedule = dir.resolve(sample + "-schedule.json");
            CliRun run = CliRun.of("solve", PROGRAMME.toString(), "--registrations", EXPORTS.resolve(sample).toString(),
                    "-o", schedule.toString(), "--steps", "100", "-q");
            assertThat(run.exitCode()).as(sample + "\n" + run.err()).isZero();
            assertThat(run.out()).as(sample).contains("(feasible)").contains("1079 of 1079 wanted seats filled");
            JsonNode document = Json.MAPPER.readTree(schedule.toFile());
            assertThat(IndependentChecker.check(document).violations()).as(sample).isEmpty();
        }
    }

    @Test
    void readmeGivesTheCommands() throws Exception {
        String readme = Files.readString(Path.of("data/README.md"));
        for (Map.Entry<String, String> sample : SAMPLES.entrySet()) {
            assertThat(readme).contains("--format " + sample.getValue() + " --attendees 400 --seed 2025 --duplicates 6 -o "
                    + EXPORTS.resolve(sample.getKey()));
        }
        assertThat(List.copyOf(SAMPLES.keySet())).allSatisfy(name -> assertThat(EXPORTS.resolve(name)).exists());
    }
}

package org.breakout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.breakout.check.IndependentChecker;
import org.breakout.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code breakout import} and {@code breakout solve --registrations}, run as an organiser would. */
class ImportCommandTest {

    private static final String PROGRAMME = "data/bnd-schiedam-2025/programme-published.json";
    private static final String GRID = "data/bnd-schiedam-2025/exports/registrations-google-grid.csv";

    @TempDir
    Path dir;

    private Path export(String csv) throws Exception {
        Path file = dir.resolve("antwoorden.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void importWritesTheEventWithTheReport() throws Exception {
        Path event = dir.resolve("event.json");
        Path report = dir.resolve("report.json");
        CliRun run = CliRun.of("import", PROGRAMME, GRID, "-o", event.toString(), "--report", report.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Rows        406 read, 400 attendees made, 6 double registrations merged")
                .contains("Written     " + event);
        JsonNode document = Json.MAPPER.readTree(event.toFile());
        assertThat(document.get("attendees")).hasSize(400);
        assertThat(document.get("sessions")).hasSize(17);
        JsonNode json = Json.MAPPER.readTree(report.toFile());
        assertThat(json.get("rowsRead").asInt()).isEqualTo(406);
        assertThat(json.get("merges")).hasSize(6);
        assertThat(json.get("columns").get(0).get("use").asText()).isEqualTo("timestamp");
    }

    @Test
    void dryRunShowsTheMappingAndRowsAndWritesNothing() throws Exception {
        Path event = dir.resolve("event.json");
        CliRun run = CliRun.of("import", PROGRAMME, GRID, "-o", event.toString(), "--dry-run");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Columns (CSV, UTF-8, separator ',')")
                .contains("\"Email Address\"").contains("email")
                .contains("grid:r1-data:r1")
                .contains("First rows as read (names masked)")
                .contains("Dry run: nothing was written");
        assertThat(event).doesNotExist();
    }

    @Test
    void badExportsExitWithThreeNamingFileRowAndColumnAndWriteNothing() throws Exception {
        Path event = dir.resolve("event.json");
        Path notATable = export("alleen tekst\n");
        CliRun run = CliRun.of("import", PROGRAMME, notATable.toString(), "-o", event.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("antwoorden.csv, row 1: not a table").contains("Nothing was written.")
                .doesNotContain("Exception");

        Path noEmail = export("Tijdstempel,Ronde 1 – eerste keuze\n16-4-2025 9:00,r1-data\n");
        run = CliRun.of("import", PROGRAMME, noEmail.toString(), "-o", event.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("no e-mail or name column");

        Path good = export("E-mail,Ronde 1 – eerste keuze\na@x.nl,r1-data\n");
        Path mapping = dir.resolve("mapping.yaml");
        Files.writeString(mapping, "columns:\n  \"Ronde 1 - eerste keuze\": choice:r1:1\n  Opmerking: ignore\n");
        run = CliRun.of("import", PROGRAMME, good.toString(), "-o", event.toString(), "--mapping", mapping.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("mapping " + mapping + ", column \"Opmerking\": no such column in the export");
        assertThat(event).doesNotExist();
    }

    @Test
    void aMappingFileAndColumnFlagsCorrectTheGuess() throws Exception {
        Path csv = export("Wie,Adres,Workshop ochtend\nAnne,anne@example.nl,Datagedreven versnellen en verbeteren van gebiedsontwikkeling\n");
        Path mapping = dir.resolve("mapping.json");
        Files.writeString(mapping, "{ \"columns\": { \"Adres\": \"email\" } }");
        Path event = dir.resolve("event.json");
        CliRun run = CliRun.of("import", PROGRAMME, csv.toString(), "-o", event.toString(), "--mapping",
                mapping.toString(), "--column", "Wie=name", "--column", "C=choice:r1:1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode attendee = Json.MAPPER.readTree(event.toFile()).get("attendees").get(0);
        assertThat(attendee.get("name").asText()).isEqualTo("Anne");
        assertThat(attendee.get("preferences").get(0).get("session").asText()).isEqualTo("r1-data");
    }

    @Test
    void anInputFileIsNeverOverwritten() throws Exception {
        Path csv = export("E-mail,Ronde 1 – eerste keuze\na@x.nl,r1-data\n");
        String before = Files.readString(csv);
        CliRun run = CliRun.of("import", PROGRAMME, csv.toString(), "-o", csv.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readString(csv)).isEqualTo(before);
    }

    @Test
    void solveWithRegistrationsImportsSolvesAndWritesTheEventBesideTheSchedule() throws Exception {
        Path schedule = dir.resolve("schedule.json");
        CliRun run = CliRun.of("solve", PROGRAMME, "--registrations",
                "data/bnd-schiedam-2025/exports/registrations-microsoft-forms.xlsx", "-o", schedule.toString(),
                "--steps", "200", "-q");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("(feasible)").contains("1079 of 1079 wanted seats filled");
        Path imported = dir.resolve("registrations-microsoft-forms-event.json");
        assertThat(run.err()).contains("Written     " + imported + " (the imported event)");
        JsonNode document = Json.MAPPER.readTree(schedule.toFile());
        assertThat(IndependentChecker.check(document).violations()).isEmpty();
        assertThat(Json.MAPPER.readTree(imported.toFile()).get("attendees")).hasSize(400);

        // The imported event solves again on its own, to the same schedule.
        Path again = dir.resolve("again.json");
        CliRun rerun = CliRun.of("solve", imported.toString(), "-o", again.toString(), "--steps", "200", "-q");
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(Json.MAPPER.readTree(again.toFile()).get("score")).isEqualTo(document.get("score"));
    }

    @Test
    void namesAndEmailAddressesStayOutOfWhatIsPrinted() throws Exception {
        Path schedule = dir.resolve("schedule.json");
        CliRun run = CliRun.of("solve", PROGRAMME, "--registrations", GRID, "-o", schedule.toString(),
                "--steps", "100");
        assertThat(run.exitCode()).as(run.err()).isZero();
        CliRun dryRun = CliRun.of("import", PROGRAMME, GRID, "--dry-run");

        List<String> personal = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(GRID)).subList(1, 40)) {
            String[] cells = line.split(",");
            personal.add(cells[1]); // e-mail
            personal.add(cells[2]); // name
        }
        for (String value : personal) {
            assertThat(run.out() + run.err()).doesNotContain(value);
            assertThat(dryRun.out() + dryRun.err()).doesNotContain(value);
        }
        assertThat(Json.MAPPER.readTree(schedule.toFile()).toString()).contains(personal.get(1));
    }

    @Test
    void anEventWithoutAttendeesSaysNoSeatsInsteadOfAnEmptyShare() {
        Path schedule = dir.resolve("schedule.json");
        CliRun run = CliRun.of("solve", PROGRAMME, "-o", schedule.toString(), "--steps", "10", "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Choices     no seats filled (nobody wants a seat)").doesNotContain("()");
    }
}

package org.breakout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.breakout.io.export.ExportFixtures;
import org.breakout.io.export.ScheduleExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryFormatIntoTheFolderAndLeavesTheInputAlone() throws Exception {
        Path input = dir.resolve("schedule.json");
        Files.copy(ExportFixtures.hostileFile(), input);
        String before = Files.readString(input);
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("export", input.toString(), "-o", out.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(out.resolve(ScheduleExport.TIMETABLE)).isRegularFile();
        assertThat(out.resolve(ScheduleExport.ATTENDEES_CSV)).isRegularFile();
        assertThat(out.resolve(ScheduleExport.ATTENDANCE_CSV)).isRegularFile();
        assertThat(out.resolve(ScheduleExport.EVENT_CALENDAR)).isRegularFile();
        assertThat(out.resolve(ScheduleExport.FEED_JSON)).isRegularFile();
        assertThat(out.resolve(ScheduleExport.FEED_XML)).isRegularFile();
        try (Stream<Path> calendars = Files.list(out.resolve(ScheduleExport.ATTENDEE_CALENDARS))) {
            assertThat(calendars.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("A1.ics", "A2.ics", "A3.ics", "A4.ics");
        }
        try (Stream<Path> all = Files.walk(out)) {
            assertThat(all.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
        assertThat(Files.readString(input)).isEqualTo(before);
        // Personal data stays in the files: nothing of the attendees is printed.
        assertThat(run.out() + run.err()).doesNotContain("O'Brien").doesNotContain("bob@example.org");
    }

    @Test
    void onlyTheChosenFormatsAreWritten() {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("export", ExportFixtures.hostileFile().toString(), "-o", out.toString(),
                "--formats", "csv", "--csv-separator", ",");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(out.resolve(ScheduleExport.ATTENDEES_CSV)).isRegularFile();
        assertThat(out.resolve(ScheduleExport.TIMETABLE)).doesNotExist();
        assertThat(out.resolve(ScheduleExport.EVENT_CALENDAR)).doesNotExist();
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliRun run = CliRun.of("export", ExportFixtures.hostileFile().toString(), "-o", dir.resolve("out").toString(),
                "--formats", "html,pdf");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("unknown format \"pdf\"");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anOutputFileThatIsTheInputIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path out = dir.resolve("out");
        Path input = out.resolve(ScheduleExport.FEED_JSON);
        Files.createDirectories(input.getParent());
        Files.copy(ExportFixtures.hostileFile(), input);
        String before = Files.readString(input);
        CliRun run = CliRun.of("export", input.toString(), "-o", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("is the input file");
        assertThat(Files.readString(input)).isEqualTo(before);
        assertThat(out.resolve(ScheduleExport.TIMETABLE)).doesNotExist();
    }

    @Test
    void aQuoteCannotBeTheCsvSeparator() {
        CliRun run = CliRun.of("export", ExportFixtures.hostileFile().toString(), "-o", dir.resolve("out").toString(),
                "--csv-separator", "\"");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aFeedLanguageMustBeATwoLetterCode() {
        CliRun run = CliRun.of("export", ExportFixtures.hostileFile().toString(), "-o", dir.resolve("out").toString(),
                "--feed-language", "Dutch");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void badInputNamesTheFileAndPathAndWritesNothing() throws Exception {
        Path input = dir.resolve("broken.json");
        Files.writeString(input, "{\"rounds\": [], \"rooms\": [{\"id\": \"r\", \"capacity\": \"many\"}], "
                + "\"sessions\": [], \"attendees\": []}");
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("export", input.toString(), "-o", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains(input.toString()).contains("rooms[0].capacity").contains("Nothing was written")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void anEventThatWasNeverSolvedIsRefused() throws Exception {
        Path event = dir.resolve("event.json");
        try (var in = getClass().getResourceAsStream("/events/small-open.json")) {
            Files.copy(in, event);
        }
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("export", event.toString(), "-o", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("solve it first");
        assertThat(out).doesNotExist();
    }

    @Test
    void solveWithExportWritesTheScheduleAndTheExport() throws Exception {
        Path event = dir.resolve("event.json");
        try (var in = getClass().getResourceAsStream("/events/small-open.json")) {
            Files.copy(in, event);
        }
        Path schedule = dir.resolve("schedule.json");
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("solve", event.toString(), "-o", schedule.toString(), "--steps", "300", "--seed", "1",
                "-q", "--export", out.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(schedule).isRegularFile();
        assertThat(out.resolve(ScheduleExport.TIMETABLE)).isRegularFile();
        assertThat(run.out()).contains("Exported");
    }
}

package org.breakout.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.breakout.io.JsonFiles;
import org.breakout.cli.BreakoutCommand;
import org.breakout.cli.ExitCodes;
import org.breakout.io.EventReader;
import org.breakout.io.LoadedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code breakout generate registrations} through the real command line. */
class GenerateCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return BreakoutCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path programme() throws Exception {
        Path copy = dir.resolve("programme.json");
        Files.copy(RegistrationGeneratorTest.PUBLISHED, copy);
        return copy;
    }

    @Test
    void writesTheProgrammeWithGeneratedAttendees() throws Exception {
        Path input = programme();
        Path output = dir.resolve("sub").resolve("event.json");
        int code = run("generate", "registrations", input.toString(), "--attendees", "50", "--seed", "7", "-o",
                output.toString());
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        LoadedEvent event = EventReader.read(output);
        assertThat(event.warnings()).isEmpty();
        assertThat(event.schedule().getAttendees()).hasSize(50);
        assertThat(event.schedule().getSessions()).hasSize(17);
        assertThat(out.toString()).contains("r1-data").contains("Written");
        // Exactly what the generator renders, and the programme is untouched.
        LoadedEvent programme = EventReader.read(input);
        String expected = JsonFiles.render(RegistrationGenerator.withAttendees(programme.document(),
                RegistrationGenerator.attendees(RegistrationGenerator.generate(programme.schedule(), null, 50, 7))));
        assertThat(Files.readString(output, StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(Files.readString(input)).isEqualTo(Files.readString(RegistrationGeneratorTest.PUBLISHED));
        try (var files = Files.list(output.getParent())) {
            assertThat(files).containsExactly(output); // no temporary file left behind
        }
    }

    @Test
    void refusesToOverwriteTheInput() throws Exception {
        Path input = programme();
        String before = Files.readString(input);
        int code = run("generate", "registrations", input.toString(), "-o", input.toString());
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("is an input file");
        assertThat(Files.readString(input)).isEqualTo(before);
    }

    @Test
    void badInputIsReportedWithItsPathAndNothingIsWritten() throws Exception {
        Path input = dir.resolve("bad.json");
        Files.writeString(input, """
                { "rounds": [ { "id": "R1" } ], "rooms": [ { "id": "a", "capacity": 0 } ],
                  "sessions": [ { "id": "S", "speakers": ["nobody"] } ], "attendees": [] }
                """);
        Path output = dir.resolve("out.json");
        int code = run("generate", "registrations", input.toString(), "-o", output.toString());
        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains(input.toString()).contains("rooms[0].capacity")
                .contains("sessions[0].speakers[0]").contains("Nothing was written");
        assertThat(output).doesNotExist();
    }

    @Test
    void missingInputIsBadInput() {
        Path output = dir.resolve("out.json");
        int code = run("generate", "registrations", dir.resolve("nope.json").toString(), "-o", output.toString());
        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("nope.json").contains("file not found");
        assertThat(output).doesNotExist();
    }

    @Test
    void usageErrors() throws Exception {
        Path input = programme();
        assertThat(run("generate")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("registrations");
        assertThat(run("generate", "registrations", input.toString())).isEqualTo(ExitCodes.USAGE); // no -o
        assertThat(run("generate", "registrations", input.toString(), "--attendees", "-5", "-o",
                dir.resolve("x.json").toString())).isEqualTo(ExitCodes.USAGE);
    }
}

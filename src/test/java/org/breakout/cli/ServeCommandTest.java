package org.breakout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code breakout serve}'s refusals: they end at once with a message, never a server left running. */
class ServeCommandTest {

    @TempDir
    Path dir;

    @Test
    void anotherInterfaceWithoutPublicIsAUsageError() {
        CliRun run = CliRun.of("serve", "--host", "0.0.0.0", "--data-dir", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--public");
    }

    @Test
    void aNewOrganiserWithoutPublicIsAUsageError() {
        CliRun run = CliRun.of("serve", "--new-organiser", "--data-dir", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    @Timeout(120)
    void aPortInUseIsSaidPlainly() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CliRun run = CliRun.of("serve", "--port", String.valueOf(taken.getLocalPort()), "--data-dir",
                    dir.toString());
            assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort(), "--port")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsSaidPlainly() {
        CliRun run = CliRun.of("serve", "--port", "0", "--data-dir", dir.toString(), "--db",
                "jdbc:nosuchdb://localhost/x");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("cannot open the database jdbc:nosuchdb://localhost/x");
    }
}

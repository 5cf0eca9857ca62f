package org.breakout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./breakout} launcher's heap: a copy of the script beside an up-to-date jar (so it does not build), with a
 * {@code java} on the PATH that prints the options it was given instead of running anything.
 */
class LauncherTest {

    @TempDir
    Path dir;

    private String launch(String javaOpts) throws Exception {
        Path launcher = dir.resolve("breakout");
        Files.copy(Path.of("breakout"), launcher, StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(dir.resolve("target"));
        Files.writeString(dir.resolve("target/breakout.jar"), ""); // no src/main or pom.xml here: never rebuilt
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/usr/bin/env bash\necho \"java $*\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder builder = new ProcessBuilder("bash", launcher.toString(), "solve", "event.json")
                .redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        if (javaOpts == null) {
            builder.environment().remove("BREAKOUT_JAVA_OPTS");
        } else {
            builder.environment().put("BREAKOUT_JAVA_OPTS", javaOpts);
        }
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output.strip();
    }

    @Test
    void withoutHeapOptionsJavaGetsThreeQuartersOfTheMemoryAndNothingElseIsPrinted() throws Exception {
        String jar = dir.resolve("target/breakout.jar").toString();
        assertThat(launch(null)).isEqualTo("java -XX:MaxRAMPercentage=75 -jar " + jar + " solve event.json");
        assertThat(launch("")).isEqualTo("java -XX:MaxRAMPercentage=75 -jar " + jar + " solve event.json");
        // Other options are kept, after the default heap.
        assertThat(launch("-Dfoo=bar -XX:+UseSerialGC"))
                .isEqualTo("java -XX:MaxRAMPercentage=75 -Dfoo=bar -XX:+UseSerialGC -jar " + jar + " solve event.json");
    }

    @Test
    void aHeapGivenInBreakoutJavaOptsIsTheOneUsed() throws Exception {
        String jar = dir.resolve("target/breakout.jar").toString();
        for (String opts : List.of("-Xmx8g", "-Dfoo=bar -Xmx512m", "-XX:MaxRAMPercentage=50", "-XX:MaxRAM=4g")) {
            assertThat(launch(opts)).as(opts).isEqualTo("java " + opts + " -jar " + jar + " solve event.json");
        }
    }
}

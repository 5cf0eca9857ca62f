package org.breakout.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.breakout.generate.EventGenerator;
import org.breakout.generate.EventShape;
import org.breakout.io.JsonFiles;

/**
 * The command line in a JVM of its own, with JVM options of the test's choosing (a small heap): for what cannot be
 * tested in the test's own JVM, running out of memory above all. The classpath is the tests' own (Surefire's full
 * test classpath when it is set, else {@code java.class.path}), so it runs the classes just compiled.
 */
record ForkedBreakout(int exitCode, String out, String err, long millis) {

    static ForkedBreakout run(Path dir, List<String> jvmOptions, String... args) throws IOException,
            InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, BreakoutCommand.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("forked.out");
        Path err = dir.resolve("forked.err");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close(); // no standard input
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the forked breakout did not finish in 5 minutes: " + command);
        }
        return new ForkedBreakout(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), (System.nanoTime() - start) / 1_000_000);
    }

    /** A generated event of the {@code large-fixed} shape with {@code attendees} attendees (seed 1), written to dir. */
    static Path largeFixed(Path dir, int attendees) throws IOException {
        Path file = dir.resolve("large-fixed-" + attendees + ".json");
        EventGenerator.Result result = EventGenerator.generate(
                EventShape.of("large-fixed", Map.of("attendees", String.valueOf(attendees))), 1);
        JsonFiles.write(result.document(), file);
        return file;
    }
}

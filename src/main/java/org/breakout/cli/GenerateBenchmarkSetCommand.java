package org.breakout.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.breakout.generate.BenchmarkSet;
import org.breakout.generate.BenchmarkSet.Dataset;
import org.breakout.generate.EventGenerator;
import org.breakout.generate.EventShape;
import org.breakout.io.JsonFiles;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code breakout generate benchmark-set}: the synthetic datasets of the standard benchmark set. */
@Command(name = "benchmark-set", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Generate the synthetic datasets of the standard benchmark set (benchmarks/datasets.json) into a "
                        + "folder, and check that the committed ones are there. Prints each file with its size and "
                        + "how long it took. The same list gives the same files, byte for byte.",
                "Run from the repository root (the list and the committed datasets are found by relative path)." })
public class GenerateBenchmarkSetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "benchmarks/data",
            description = "Where to write the generated datasets (default: ${DEFAULT-VALUE}, git-ignored).")
    Path dir;

    @Option(names = { "--set", "--datasets" }, paramLabel = "LIST.json", defaultValue = "benchmarks/datasets.json",
            description = "The list of datasets (default: ${DEFAULT-VALUE}; benchmarks/scaling.json is the scaling "
                    + "series), as `breakout benchmark --set` takes it.")
    Path list;

    @Option(names = "--only", paramLabel = "NAME", split = ",",
            description = "Only these datasets (comma-separated names; default: all).")
    List<String> only;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Dataset> datasets;
        try {
            datasets = BenchmarkSet.read(list);
        } catch (IllegalArgumentException e) {
            err.println("breakout: " + e.getMessage());
            err.println("Nothing was written.");
            return ExitCodes.BAD_INPUT;
        } catch (IOException e) {
            err.println("breakout: cannot read " + list + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (only != null) {
            List<String> names = datasets.stream().map(Dataset::name).toList();
            List<String> unknown = only.stream().filter(name -> !names.contains(name)).toList();
            if (!unknown.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--only: unknown dataset(s) "
                        + String.join(", ", unknown) + " (known: " + String.join(", ", names) + ")");
            }
        }
        long started = System.nanoTime();
        int written = 0;
        long bytes = 0;
        List<String> missing = new ArrayList<>();
        // The name column as wide as the longest name, so that the columns line up.
        int nameWidth = Math.max(14, datasets.stream().mapToInt(d -> d.name().length()).max().orElse(0));
        String row = "%-" + nameWidth + "s %-56s %9s %7s  %s%n";
        out.printf(row, "dataset", "file", "size", "time", "what");
        for (Dataset dataset : datasets) {
            if (only != null && !only.contains(dataset.name())) {
                continue;
            }
            if (dataset.sameAs() != null) {
                out.printf(row, dataset.name(), "= " + dataset.sameAs(), "", "",
                        "another name for " + dataset.sameAs());
                continue;
            }
            if (!dataset.generated()) {
                if (Files.isRegularFile(dataset.file())) {
                    out.printf(Locale.ROOT, row, dataset.name(), dataset.file(),
                            size(dataset.file()), "", "committed");
                } else {
                    out.printf(row, dataset.name(), dataset.file(), "", "",
                            "MISSING (committed file not found: run from the repository root)");
                    missing.add(dataset.file().toString());
                }
                continue;
            }
            EventShape shape = dataset.shape();
            Path target = BenchmarkSet.target(dataset, dir);
            long start = System.nanoTime();
            EventGenerator.Result result = EventGenerator.generate(shape, dataset.seed());
            try {
                JsonFiles.write(result.document(), target);
            } catch (IOException e) {
                err.println("breakout: cannot write " + target + ": " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long fileSize = sizeOf(target);
            bytes += fileSize;
            written++;
            EventGenerator.Stats stats = result.stats();
            out.printf(Locale.ROOT, "%-" + nameWidth + "s %-56s %9s %6.1fs  %d attendees, %d sessions (%d runs), %d rounds/%d day(s), "
                    + "%d rooms, %s timetable, %s preferences, load %.2f (seed %d)%n", dataset.name(), target,
                    GenerateEventCommand.megabytes(fileSize), seconds, stats.attendees(), stats.sessions(),
                    stats.runs(), stats.rounds(), stats.days(), stats.rooms(), shape.timetable().label(),
                    shape.preferences().label(), stats.load(), dataset.seed());
            out.flush();
        }
        out.printf(Locale.ROOT, "Wrote %d file(s), %s, in %.1f s to %s%n", written, GenerateEventCommand.megabytes(bytes),
                (System.nanoTime() - started) / 1e9, dir);
        if (!missing.isEmpty()) {
            err.println("breakout: committed dataset(s) not found: " + String.join(", ", missing));
            return ExitCodes.BAD_INPUT;
        }
        return ExitCodes.OK;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String size(Path file) {
        return GenerateEventCommand.megabytes(sizeOf(file));
    }
}

package org.breakout.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.breakout.cli.CliRun;
import org.breakout.cli.ExitCodes;
import org.breakout.generate.BenchmarkSet.Dataset;
import org.breakout.generate.EventShape.Preferences;
import org.breakout.generate.EventShape.Timetable;
import org.breakout.io.JsonFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standard benchmark set (benchmarks/datasets.json) and {@code breakout generate benchmark-set}. */
class BenchmarkSetTest {

    @TempDir
    Path dir;

    /** What the last {@link #run} printed. */
    private CliRun last = new CliRun(0, "", "");

    private int run(String... args) {
        last = CliRun.of(args);
        return last.exitCode();
    }

    @Test
    void theListHasTheStandardDatasets() throws Exception {
        List<Dataset> datasets = BenchmarkSet.read(BenchmarkSet.DEFAULT_LIST);
        assertThat(datasets).extracting(Dataset::name).containsExactly("schiedam", "schiedam-open", "medium",
                "medium-open", "medium-fixed", "large", "large-fixed", "huge", "repeat-all-400", "repeat-all-2000",
                "rank-all-open-300", "rank-all-open-2000");
        Map<String, Dataset> byName = new LinkedHashMap<>();
        datasets.forEach(d -> byName.put(d.name(), d));
        assertThat(byName.get("schiedam").file())
                .isEqualTo(Path.of("data/bnd-schiedam-2025/bnd-schiedam-2025-published.json"));
        assertThat(byName.get("schiedam-open").file()).isEqualTo(Path.of("data/bnd-schiedam-2025/bnd-schiedam-2025-open.json"));
        for (Dataset dataset : datasets) {
            if (dataset.sameAs() == null && !dataset.generated()) {
                assertThat(dataset.file()).as(dataset.name()).isRegularFile();
            }
            if (dataset.generated()) {
                // Generated datasets use the preset of their name, go to benchmarks/data/ and are not committed.
                assertThat(dataset.preset()).isEqualTo(dataset.name());
                assertThat(dataset.file()).isEqualTo(Path.of("benchmarks", "data", dataset.name() + ".json"));
                assertThat(dataset.settings()).isEmpty();
            }
        }
        assertThat(byName.get("medium").sameAs()).isEqualTo("medium-open");
        assertThat(byName.get("medium-open").shape().timetable()).isEqualTo(Timetable.OPEN);
        assertThat(byName.get("medium-fixed").shape().timetable()).isEqualTo(Timetable.FIXED);
        assertThat(byName.get("large").shape().timetable()).isEqualTo(Timetable.OPEN);
        assertThat(byName.get("huge").shape().timetable()).isEqualTo(Timetable.FIXED);
        assertThat(byName.get("large-fixed").shape().timetable()).isEqualTo(Timetable.FIXED);
        assertThat(byName.get("large-fixed").shape().attendees()).isEqualTo(10_000);
        assertThat(byName.get("repeat-all-2000").shape().repeatAll()).isTrue();
        assertThat(byName.get("rank-all-open-2000").shape().preferences()).isEqualTo(Preferences.RANK_ALL);
        assertThat(datasets).filteredOn(Dataset::generated).allSatisfy(d -> assertThat(d.seed()).isEqualTo(1L));
        assertThat(Files.readString(Path.of(".gitignore"))).contains("/benchmarks/data/");
    }

    @Test
    void generatesTheChosenDatasets() throws Exception {
        Path target = dir.resolve("data");
        int code = run("generate", "benchmark-set", "--dir", target.toString(), "--only", "schiedam,medium,medium-fixed");
        assertThat(code).as(last.err()).isEqualTo(ExitCodes.OK);
        Path file = target.resolve("medium-fixed.json");
        assertThat(Files.readString(file)).isEqualTo(JsonFiles.render(EventGenerator.generate(
                EventShape.of("medium-fixed", Map.of()), 1).document()));
        try (var files = Files.list(target)) {
            assertThat(files).containsExactly(file); // medium is another name; schiedam is committed
        }
        assertThat(last.out()).contains("schiedam").contains("committed").contains("medium-fixed")
                .contains("2000 attendees").contains("MB").contains("= medium-open").contains("Wrote 1 file(s)");
    }

    @Test
    void badListsAndNamesAreReported() throws Exception {
        Path list = dir.resolve("datasets.json");
        Files.writeString(list, """
                { "datasets": [
                    { "name": "a", "file": "a.json", "generate": { "preset": "medium", "sessions": "many" } },
                    { "name": "a", "sameAs": "nothing" },
                    { "name": "c", "colour": "red" } ] }
                """);
        assertThatThrownBy(() -> BenchmarkSet.read(list)).hasMessageContaining("datasets[0].generate.seed: missing")
                .hasMessageContaining("--sessions must be a whole number")
                .hasMessageContaining("datasets[1].name: duplicate")
                .hasMessageContaining("datasets[1].sameAs")
                .hasMessageContaining("datasets[2].colour: unknown field")
                .hasMessageContaining("datasets[2]: needs a \"file\"");
        assertThat(run("generate", "benchmark-set", "--datasets", list.toString(), "--dir", dir.toString()))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(last.err()).contains("Nothing was written");
        assertThat(run("generate", "benchmark-set", "--datasets", dir.resolve("none.json").toString()))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(last.err()).contains("file not found");
        assertThat(run("generate", "benchmark-set", "--only", "tiny", "--dir", dir.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(last.err()).contains("unknown dataset(s) tiny");
    }
}

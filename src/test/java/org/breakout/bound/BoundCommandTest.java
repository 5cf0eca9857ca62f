package org.breakout.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.breakout.bound.RandomEvents.Kind;
import org.breakout.cli.CliRun;
import org.breakout.cli.ExitCodes;
import org.breakout.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code breakout bound} through the real command line. */
class BoundCommandTest {

    @TempDir
    Path dir;

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void printsTheBoundAsJson() throws Exception {
        Path event = write("fixed.json", RandomEvents.json(3, Kind.FIXED_NO_REPEATS));
        CliRun run = run("bound", event.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode json = Json.MAPPER.readTree(run.out());
        long[] truth = BruteForce.costBySeats(RandomEvents.schedule(3, Kind.FIXED_NO_REPEATS));
        int max = BruteForce.maxSeats(truth);
        assertThat(json.get("maxSeatsFilled").asInt()).isEqualTo(max);
        assertThat(json.get("minPreferenceCost").asLong()).isEqualTo(truth[max]);
        assertThat(json.get("exact").asBoolean()).isTrue();
        assertThat(json.get("seatsWanted").isInt()).isTrue();
        assertThat(json.get("timetable").asText()).isEqualTo("fixed");
        assertThat(json.get("method").asText()).contains("min-cost flow");
        assertThat(json.get("relaxed")).isEmpty();
        assertThat(json.get("millis").isNumber()).isTrue();
        assertThat(json.get("relaxations").get(0).get("name").asText()).isEqualTo("round-flow");
    }

    @Test
    void saysWhatIsRelaxedForAnOpenTimetable() throws Exception {
        Path event = write("open.json", RandomEvents.json(2, Kind.OPEN));
        CliRun json = run("bound", event.toString(), "--json");
        assertThat(json.exitCode()).as(json.err()).isEqualTo(ExitCodes.OK);
        JsonNode node = Json.MAPPER.readTree(json.out());
        assertThat(node.get("timetable").asText()).isIn("open", "mixed");
        assertThat(node.get("exact").asBoolean()).isFalse();
        assertThat(node.get("relaxed").toString()).contains("unplaced runs");

        CliRun human = run("bound", event.toString());
        assertThat(human.exitCode()).as(human.err()).isEqualTo(ExitCodes.OK);
        assertThat(human.out()).contains("Max seats").contains("Min cost").contains("RELAXED").contains("Relaxed")
                .contains("Time");
    }

    @Test
    void humanOutputForAFixedTimetableWithRepeatsTellsAboutTheIntegerProgram() throws Exception {
        long seed = 1;
        while (!BoundCalculator.repeatsReachable(new SeatingModel(RandomEvents.schedule(seed, Kind.FIXED_REPEATS)))) {
            seed++;
        }
        Path event = write("repeats.json", RandomEvents.json(seed, Kind.FIXED_REPEATS));
        CliRun run = run("bound", event.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("EXACT");
        CliRun noMip = run("bound", event.toString(), "--no-mip", "--json");
        assertThat(noMip.exitCode()).as(noMip.err()).isEqualTo(ExitCodes.OK);
        JsonNode node = Json.MAPPER.readTree(noMip.out());
        if (!node.get("exact").asBoolean()) {
            assertThat(node.get("mip").get("status").asText()).contains("skipped");
        }
    }

    @Test
    void theLpByPdlpBoundsTheOptimumLikeGlop() throws Exception {
        // 150 attendees of the huge shape: the flows are not exact there, GLOP's LP is (an integral optimum).
        Path event = dir.resolve("huge-150.json");
        CliRun generate = run("generate", "event", "--preset", "huge", "--attendees", "150", "--seed", "1", "-o",
                event.toString());
        assertThat(generate.exitCode()).as(generate.err()).isEqualTo(ExitCodes.OK);
        CliRun glopRun = run("bound", event.toString(), "--no-mip", "--json");
        assertThat(glopRun.exitCode()).as(glopRun.err()).isEqualTo(ExitCodes.OK);
        JsonNode glop = Json.MAPPER.readTree(glopRun.out());
        assertThat(glop.get("method").asText()).contains("LP relaxation (exact");
        assertThat(glop.get("exact").asBoolean()).isTrue();
        CliRun pdlpRun = run("bound", event.toString(), "--no-mip", "--json", "--lp-solver", "PDLP");
        assertThat(pdlpRun.exitCode()).as(pdlpRun.err()).isEqualTo(ExitCodes.OK);
        JsonNode pdlp = Json.MAPPER.readTree(pdlpRun.out());
        assertThat(pdlp.get("method").asText()).contains("PDLP");
        assertThat(pdlp.get("maxSeatsFilled").asInt()).isEqualTo(glop.get("maxSeatsFilled").asInt());
        // GLOP's bound is reached by a seating: the optimum. PDLP's may fall short by its tolerance, never above.
        long optimum = glop.get("minPreferenceCost").asLong();
        assertThat(pdlp.get("minPreferenceCost").asLong()).isBetween(optimum - 1, optimum);
        CliRun columnsRun = run("bound", event.toString(), "--no-mip", "--json", "--lp-solver", "columns");
        assertThat(columnsRun.exitCode()).as(columnsRun.err()).isEqualTo(ExitCodes.OK);
        JsonNode columns = Json.MAPPER.readTree(columnsRun.out());
        assertThat(columns.get("method").asText()).contains("column generation");
        assertThat(columns.get("relaxations").toString()).contains("rounds of column generation");
        assertThat(columns.get("maxSeatsFilled").asInt()).isEqualTo(glop.get("maxSeatsFilled").asInt());
        assertThat(columns.get("minPreferenceCost").asLong()).isBetween(optimum - 1, optimum);

        CliRun unknown = run("bound", event.toString(), "--lp-solver", "simplex");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("'simplex' is not an LP solver: glop, pdlp or columns");
    }

    @Test
    void badInputExitsWith3AndSaysWhy() throws Exception {
        Path event = write("bad.json", "{ \"rounds\": [ { \"id\": \"R1\" } ], \"rooms\": [], \"sessions\": [ "
                + "{ \"id\": \"S1\", \"allowedRounds\": [\"R9\"] } ], \"attendees\": [] }");
        CliRun run = run("bound", event.toString(), "--json");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("R9");
        assertThat(run.out()).isEmpty();

        CliRun missing = run("bound", dir.resolve("nope.json").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("file not found");

        CliRun notJson = run("bound", write("broken.json", "{ not json").toString());
        assertThat(notJson.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(notJson.err()).contains("not valid JSON");
    }
}

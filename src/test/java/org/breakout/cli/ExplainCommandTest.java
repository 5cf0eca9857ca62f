package org.breakout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import org.breakout.domain.Schedule;
import org.breakout.domain.SessionRun;
import org.breakout.io.Json;
import org.breakout.io.export.ExportFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {

    @TempDir
    Path dir;

    @Test
    void theScorePerConstraintAddsUpToTheTotal() throws Exception {
        CliRun run = CliRun.of("explain", ExportFixtures.hostileFile().toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode overview = Json.MAPPER.readTree(run.out());
        HardMediumSoftLongScore sum = HardMediumSoftLongScore.ZERO;
        for (JsonNode constraint : overview.get("constraints")) {
            sum = sum.add(HardMediumSoftLongScore.parseScore(constraint.get("score").asText()));
        }
        assertThat(sum.toString()).isEqualTo(overview.get("score").asText());
        // A4 has no seat in R2 (one medium match); A2 2nd choice twice and A3 one unranked seat (soft cost 1 each).
        assertThat(overview.get("score").asText()).isEqualTo("0hard/-1medium/-3soft");
        assertThat(overview.get("feasible").asBoolean()).isTrue();
        assertThat(overview.get("broken")).isEmpty();

        CliRun text = CliRun.of("explain", ExportFixtures.hostileFile().toString());
        assertThat(text.out()).contains("0hard/-1medium/-3soft").contains("No hard rule is broken");
    }

    @Test
    void brokenHardRulesNameTheSessionsPeopleAndRooms() throws Exception {
        // Two attendees in the one-seat room.
        ObjectNode document = (ObjectNode) Json.MAPPER.readTree(ExportFixtures.hostileFile().toFile());
        for (JsonNode attendee : document.get("attendees")) {
            if (attendee.get("id").asText().equals("A2")) {
                ObjectNode first = (ObjectNode) attendee.get("assignments").get(0);
                first.put("session", "S2").put("room", "small");
            }
        }
        Path file = dir.resolve("overfull.json");
        Files.writeString(file, Json.MAPPER.writeValueAsString(document));

        CliRun run = CliRun.of("explain", file.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode overview = Json.MAPPER.readTree(run.out());
        assertThat(overview.get("feasible").asBoolean()).isFalse();
        List<JsonNode> broken = new ArrayList<>();
        overview.get("broken").forEach(broken::add);
        assertThat(broken).isNotEmpty();
        assertThat(broken).anySatisfy(match -> {
            assertThat(match.get("sessions").toString()).contains("S2#1");
            assertThat(match.get("rooms").toString()).contains("small");
            assertThat(HardMediumSoftLongScore.parseScore(match.get("score").asText()).hardScore()).isNegative();
        });
        CliRun text = CliRun.of("explain", file.toString());
        assertThat(text.out()).contains("HARD RULES BROKEN").contains("Hard rules broken").contains("S2#1");
    }

    @Test
    void anAttendeesDayShowsEachRoundAndWhyNotBetter() throws Exception {
        Schedule schedule = ExportFixtures.hostile().schedule();
        CliRun run = CliRun.of("explain", ExportFixtures.hostileFile().toString(), "--attendee", "A2", "--json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode account = Json.MAPPER.readTree(run.out());
        assertThat(account.get("id").asText()).isEqualTo("A2");
        for (JsonNode round : account.get("rounds")) {
            SessionRun seat = ExportFixtures.seatOf(schedule, "A2", round.get("round").asText());
            assertThat(round.get("session").asText()).isEqualTo(seat.getSession().id());
            assertThat(round.get("room").asText()).isEqualTo(seat.getRoom().id());
        }
        assertThat(account.get("rounds").get(0).get("whyNotBetter").get(0).get("kind").asText()).isEqualTo("FULL");
        assertThat(account.get("rounds").get(1).get("whyNotBetter").get(0).get("kind").asText()).isEqualTo("CLOSED");

        CliRun text = CliRun.of("explain", ExportFixtures.hostileFile().toString(), "--attendee", "A4");
        assertThat(text.out()).contains("no seat").contains("not S3 (rank 2): seats are free");
    }

    @Test
    void anUnknownAttendeeOrABadFileIsAClearError() throws Exception {
        CliRun unknown = CliRun.of("explain", ExportFixtures.hostileFile().toString(), "--attendee", "nobody");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("no attendee with id \"nobody\"");

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"rounds\": 3}");
        CliRun broken = CliRun.of("explain", bad.toString());
        assertThat(broken.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(broken.err()).contains(bad.toString()).contains("rounds").doesNotContain("\tat ");
    }
}

package org.breakout.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.breakout.io.EventReader;
import org.breakout.server.store.Store;

/** A restart loses nothing: finished and published versions stay, a job running at the stop keeps its best. */
class RestartTest {

    @TempDir
    Path dir;

    @Test
    void stoppingMidJobMarksItInterruptedWithItsBestKeptAndFinishedVersionsStay() throws Exception {
        try (ServerFixture fixture = new ServerFixture(dir, false)) {
            // A finished, published version first.
            String published = fixture.schiedamEvent();
            JsonNode done = fixture.awaitJob(ServerFixture.json(fixture.post("/api/events/" + published + "/jobs",
                    "{\"unimprovedLimit\": \"3s\"}")).path("id").asText(), Duration.ofMinutes(3));
            String finishedVersion = done.path("versionId").asText();
            fixture.post("/api/versions/" + finishedVersion + "/publish", "");

            // Then a long solve of the open Schiedam event (the solver places the sessions too).
            String open = ServerFixture.json(fixture.postFile("/api/events?filename=open.json",
                    ServerFixture.SCHIEDAM.resolve("bnd-schiedam-2025-open.json"))).path("id").asText();
            String job = ServerFixture.json(fixture.post("/api/events/" + open + "/jobs",
                    "{\"timeLimit\": \"30m\", \"unimprovedLimit\": \"30m\"}")).path("id").asText();
            long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (ServerFixture.json(fixture.get("/api/jobs/" + job)).path("progress").path("score").isMissingNode()) {
                assertThat(System.nanoTime()).as("no progress within 2 minutes").isLessThan(end);
                Thread.sleep(200);
            }

            fixture.restart(); // stops the running job (it keeps its best) and the server; starts on the same store

            JsonNode interrupted = ServerFixture.json(fixture.get("/api/jobs/" + job));
            assertThat(interrupted.path("state").asText()).isEqualTo("interrupted");
            String best = interrupted.path("versionId").asText();
            JsonNode version = ServerFixture.json(fixture.get("/api/versions/" + best));
            assertThat(version.path("origin").asText()).isEqualTo("interrupted");
            var schedule = EventReader.parse(Path.of("best.json"),
                    fixture.get("/api/versions/" + best + "/schedule.json").body()).schedule();
            assertThat(schedule.getRuns()).allMatch(run -> run.isPlaced());

            JsonNode event = ServerFixture.json(fixture.get("/api/events/" + published));
            assertThat(event.path("published").asText()).isEqualTo(finishedVersion);
            assertThat(fixture.get("/api/versions/" + finishedVersion + "/schedule.json").statusCode()).isEqualTo(200);
            assertThat(event.path("jobs").get(0).path("state").asText()).isEqualTo("finished");
        }
    }

    @Test
    void aJobLeftRunningByAServerThatDiedIsMarkedInterruptedAtTheNextStartWithItsLastBest() throws Exception {
        String event;
        String document;
        try (ServerFixture fixture = new ServerFixture(dir, false)) {
            event = fixture.schiedamEvent();
            JsonNode done = fixture.awaitJob(ServerFixture.json(fixture.post("/api/events/" + event + "/jobs",
                    "{\"unimprovedLimit\": \"3s\"}")).path("id").asText(), Duration.ofMinutes(3));
            document = fixture.get("/api/versions/" + done.path("versionId").asText() + "/schedule.json").body();
        }
        // What a killed server leaves: a job still "running" with its last checkpoint.
        try (Store store = Store.open(BreakoutServer.Config.defaultDbUrl(dir), null, null)) {
            store.insertJob(new Store.JobRow("jdead", event, "solve", Store.JobState.RUNNING, "{}", "{}", null, null,
                    Instant.now(), null, null, null, null, null, null));
            store.jobProgress("jdead", "{\"score\": \"0hard/0medium/-50soft\"}", document);
        }
        try (ServerFixture fixture = new ServerFixture(dir, false)) {
            JsonNode job = ServerFixture.json(fixture.get("/api/jobs/jdead"));
            assertThat(job.path("state").asText()).isEqualTo("interrupted");
            assertThat(job.path("error").asText()).contains("best schedule so far is kept");
            assertThat(fixture.get("/api/versions/" + job.path("versionId").asText() + "/schedule.json").body())
                    .isEqualTo(document);
        }
    }
}

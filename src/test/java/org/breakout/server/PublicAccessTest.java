package org.breakout.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.breakout.server.store.Store;

/** With --public nothing is readable without an organiser token, and an organiser sees only their own events. */
class PublicAccessTest {

    @TempDir
    Path dir;

    @Test
    void withoutTheTokenNothingIsReadable() throws Exception {
        try (ServerFixture fixture = new ServerFixture(dir, true)) {
            assertThat(fixture.token).as("the first start makes a token").isNotBlank();
            String event = fixture.schiedamEvent();
            // A finished job and its version, straight into the store: this test is about access, not solving.
            String document = Files.readString(ServerFixture.SCHIEDAM.resolve("bnd-schiedam-2025-published.json"));
            String job = "jaccess";
            fixture.server.store().insertJob(new Store.JobRow(job, event, Jobs.SOLVE, Store.JobState.QUEUED, "{}",
                    document, null, null, Instant.now(), null, null, null, null, null, null));
            String version = fixture.server.store().insertVersion(event, job, Jobs.SOLVE, document, null, null, null)
                    .id();
            fixture.server.store().jobEnded(job, Store.JobState.FINISHED, Instant.now(), null, version);

            List<String> paths = List.of("/api/events", "/api/events/" + event, "/api/events/" + event + "/versions",
                    "/api/jobs/" + job, "/api/jobs/" + job + "/progress", "/api/versions/" + version,
                    "/api/versions/" + version + "/schedule.json", "/api/versions/" + version + "/exports/attendees.csv",
                    "/api/versions/" + version + "/exports/timetable.html", "/api/versions/" + version
                            + "/exports/export.zip", "/api/versions/" + version + "/explain");
            for (String path : paths) {
                for (String token : new String[] { null, "wrong-token" }) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fixture.base() + path));
                    if (token != null) {
                        request.header("Authorization", "Bearer " + token);
                    }
                    HttpResponse<String> response = fixture.http.send(request.build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).as(path).isEqualTo(401);
                    assertThat(response.body()).as(path).doesNotContain("A0", "@", "Schiedam");
                }
                assertThat(fixture.get(path).statusCode()).as(path + " with the token").isEqualTo(200);
            }
            HttpResponse<String> write = fixture.http.send(HttpRequest.newBuilder(URI.create(fixture.base()
                    + "/api/examples/schiedam")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(write.statusCode()).isEqualTo(401);

            // Signing in sets a cookie that works as the token does (the page's way).
            HttpResponse<String> signIn = fixture.http.send(HttpRequest.newBuilder(URI.create(fixture.base()
                    + "/api/session")).POST(HttpRequest.BodyPublishers.ofString("{\"token\": \"" + fixture.token
                            + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
            HttpResponse<String> withCookie = fixture.http.send(HttpRequest.newBuilder(URI.create(fixture.base()
                    + "/api/events")).header("Cookie", cookie.substring(0, cookie.indexOf(';'))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(withCookie.statusCode()).isEqualTo(200);

            // A second organiser sees none of the first's events.
            String first = fixture.token;
            fixture.server.close();
            fixture.start(true);
            assertThat(fixture.server.newTokens()).hasSize(1); // the first organiser's token is not made again
            fixture.token = fixture.server.newTokens().get(0);
            assertThat(ServerFixture.json(fixture.get("/api/events")).size()).isZero();
            assertThat(fixture.get("/api/events/" + event).statusCode()).isEqualTo(404);
            assertThat(fixture.get("/api/versions/" + version + "/schedule.json").statusCode()).isEqualTo(404);
            fixture.token = first;
            assertThat(ServerFixture.json(fixture.get("/api/events")).size()).isEqualTo(1);
        }
    }
}

package org.breakout.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import org.breakout.io.Json;

/** A server on a random port with its own H2 database in a folder, and an HTTP client to talk to it. */
final class ServerFixture implements AutoCloseable {

    static final Path SCHIEDAM = Path.of("data/bnd-schiedam-2025");
    static final Path PROGRAMME = SCHIEDAM.resolve("programme-published.json");
    static final Path EXPORT = SCHIEDAM.resolve("exports/registrations-google-columns.csv");

    final Path dir;
    final boolean publicMode;
    BreakoutServer server;
    String token;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    final String dbUrl;
    final String dbUser;

    ServerFixture(Path dir, boolean publicMode) {
        this(dir, publicMode, BreakoutServer.Config.defaultDbUrl(dir), null);
    }

    ServerFixture(Path dir, boolean publicMode, String dbUrl, String dbUser) {
        this.dir = dir;
        this.publicMode = publicMode;
        this.dbUrl = dbUrl;
        this.dbUser = dbUser;
        start();
    }

    void start() {
        start(false);
    }

    /** @param newOrganiser add an organiser: their token is then the last of {@code newTokens()} */
    void start(boolean newOrganiser) {
        server = BreakoutServer.start(new BreakoutServer.Config("127.0.0.1", 0, publicMode,
                dbUrl, dbUser, null, dir, 2L * 1024 * 1024, 2, newOrganiser));
        if (!server.newTokens().isEmpty() && token == null) {
            token = server.newTokens().get(0);
        }
    }

    void restart() {
        server.close();
        start();
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postBytes(String path, byte[] body) throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postFile(String path, Path file) throws IOException, InterruptedException {
        return postBytes(path, Files.readAllBytes(file));
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }

    /** Polls the job until it is no longer queued or running. */
    JsonNode awaitJob(String jobId, Duration limit) throws IOException, InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            JsonNode job = json(get("/api/jobs/" + jobId));
            String state = job.path("state").asText();
            if (!state.equals("queued") && !state.equals("running")) {
                return job;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("job " + jobId + " still " + state + " after " + limit);
            }
            Thread.sleep(200);
        }
    }

    /** Creates the event from the published Schiedam programme and imports and confirms the Google export. */
    String schiedamEvent() throws IOException, InterruptedException {
        String event = json(postFile("/api/events?filename=programme-published.json", PROGRAMME)).path("id").asText();
        String upload = json(postFile("/api/events/" + event + "/registrations?filename="
                + EXPORT.getFileName(), EXPORT)).path("id").asText();
        post("/api/events/" + event + "/registrations/" + upload + "/confirm", "");
        return event;
    }

    @Override
    public void close() {
        server.close();
    }
}

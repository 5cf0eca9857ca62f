package org.breakout.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import biweekly.Biweekly;
import biweekly.ICalendar;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.breakout.io.EventReader;
import org.breakout.io.Json;
import org.breakout.server.store.Store;

/** The REST API against a running server: the organiser's whole flow, and bad input answered as problems. */
class ServerApiTest {

    @TempDir
    static Path dir;

    static ServerFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new ServerFixture(dir, false);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void importShownForConfirmationThenSolveExportExplainPublishAndReallocate() throws Exception {
        String event = ServerFixture.json(fixture.postFile("/api/events?filename=programme-published.json",
                ServerFixture.PROGRAMME)).path("id").asText();
        assertThat(ServerFixture.json(fixture.get("/api/events/" + event)).path("attendees").asInt()).isZero();

        // A growing export: first the first 300 rows, later the whole file.
        List<String> lines = Files.readAllLines(ServerFixture.EXPORT, StandardCharsets.UTF_8);
        byte[] early = (String.join("\n", lines.subList(0, 301)) + "\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> uploaded = fixture.postBytes("/api/events/" + event
                + "/registrations?filename=registrations.csv", early);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode upload = ServerFixture.json(uploaded);
        assertThat(upload.path("status").asText()).isEqualTo("pending");
        assertThat(upload.path("report").path("columns").size()).isGreaterThan(5);
        assertThat(upload.path("reportText").asText()).startsWith("Imported    registrations.csv");
        assertThat(upload.path("reportText").asText()).doesNotContain(dir.toString());
        // Not used before it is confirmed.
        assertThat(ServerFixture.json(fixture.get("/api/events/" + event)).path("attendees").asInt()).isZero();
        JsonNode confirmed = ServerFixture.json(fixture.post("/api/events/" + event + "/registrations/"
                + upload.path("id").asText() + "/confirm", ""));
        int attendees = confirmed.path("attendees").asInt();
        assertThat(attendees).isGreaterThan(250);

        HttpResponse<String> started = fixture.post("/api/events/" + event + "/jobs",
                "{\"timeLimit\": \"2m\", \"unimprovedLimit\": \"5s\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode job = fixture.awaitJob(ServerFixture.json(started).path("id").asText(), Duration.ofMinutes(3));
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("finished");
        assertThat(job.path("progress").path("seatsWanted").asInt()).isPositive();
        // The published timetable's seating reaches its bound: no gap.
        assertThat(job.path("progress").path("bound").path("maxSeatsFilled").asInt())
                .isEqualTo(job.path("progress").path("seatsWanted").asInt());
        assertThat(job.path("progress").path("gap").path("seats").asInt()).isZero();
        String version = job.path("versionId").asText();

        // The schedule reads back as a schedule.
        HttpResponse<String> schedule = fixture.get("/api/versions/" + version + "/schedule.json");
        assertThat(schedule.statusCode()).isEqualTo(200);
        var loaded = EventReader.parse(Path.of("schedule.json"), schedule.body());
        assertThat(loaded.schedule().getAttendees()).hasSize(attendees);
        assertThat(Json.MAPPER.readTree(schedule.body()).path("summary").path("seatsFilled").asInt()).isPositive();

        JsonNode meta = ServerFixture.json(fixture.get("/api/versions/" + version));
        assertThat(meta.path("exports").toString()).contains("timetable.html", "attendees.csv", "calendar.ics",
                "feed/schedule.json", "feed/schedule.xml");

        // Every export, read back by a real parser.
        HttpResponse<String> csv = fixture.get("/api/versions/" + version + "/exports/attendees.csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                .get().parse(new StringReader(csv.body().replace("\uFEFF", ""))).getRecords();
        assertThat(rows).hasSize(attendees);
        ICalendar calendar = Biweekly.parse(fixture.get("/api/versions/" + version + "/exports/calendar.ics").body())
                .first();
        assertThat(calendar.getEvents()).isNotEmpty();
        JsonNode feed = ServerFixture.json(fixture.get("/api/versions/" + version + "/exports/feed/schedule.json"));
        assertThat(feed.path("schedule").isObject()).isTrue();
        String html = fixture.get("/api/versions/" + version + "/exports/timetable.html").body();
        assertThat(org.jsoup.Jsoup.parse(html).select("table").size()).isPositive();
        String attendee = loaded.schedule().getAttendees().get(0).id();
        HttpResponse<String> personal = fixture.get("/api/versions/" + version + "/exports/calendars/" + attendee
                + ".ics");
        assertThat(personal.statusCode()).isEqualTo(200);
        HttpResponse<byte[]> zip = fixture.http.send(fixture.request("/api/versions/" + version
                + "/exports/export.zip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipEntries(zip.body())).contains("schedule.json", "timetable.html", "feed/schedule.xml");

        // Search by POST, explain by id.
        JsonNode found = ServerFixture.json(fixture.post("/api/versions/" + version + "/attendees/search",
                "{\"query\": \"" + attendee + "\"}"));
        assertThat(found.path("attendees").get(0).path("id").asText()).isEqualTo(attendee);
        JsonNode account = ServerFixture.json(fixture.get("/api/versions/" + version + "/attendees/" + attendee
                + "/explain"));
        assertThat(account.path("rounds").size()).isPositive();
        JsonNode overview = ServerFixture.json(fixture.get("/api/versions/" + version + "/explain"));
        assertThat(overview.path("feasible").asBoolean()).isTrue();

        // Before publishing there is nothing to reallocate against.
        assertThat(fixture.postFile("/api/events/" + event + "/reallocations?filename=registrations.csv",
                ServerFixture.EXPORT).statusCode()).isEqualTo(409);
        assertThat(fixture.post("/api/versions/" + version + "/publish", "").statusCode()).isEqualTo(200);
        assertThat(ServerFixture.json(fixture.get("/api/events/" + event)).path("published").asText())
                .isEqualTo(version);

        // The whole export later: the newcomers are reallocated against the published version.
        HttpResponse<String> realloc = fixture.postFile("/api/events/" + event
                + "/reallocations?filename=registrations.csv&policy=minimal&unimprovedLimit=3s", ServerFixture.EXPORT);
        assertThat(realloc.statusCode()).as(realloc.body()).isEqualTo(202);
        JsonNode reallocJob = ServerFixture.json(realloc);
        assertThat(reallocJob.path("export").path("newcomers").asInt()).isPositive();
        JsonNode done = fixture.awaitJob(reallocJob.path("id").asText(), Duration.ofMinutes(3));
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("finished");
        String next = done.path("versionId").asText();
        JsonNode report = ServerFixture.json(fixture.get("/api/versions/" + next + "/changes.json"));
        assertThat(report.path("counts").path("newcomers").asInt())
                .isEqualTo(reallocJob.path("export").path("newcomers").asInt());
        assertThat(report.path("text").asText()).contains("Policy      minimal");
        HttpResponse<String> notify = fixture.get("/api/versions/" + next + "/notify.csv");
        List<CSVRecord> changed = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(notify.body().replace("\uFEFF", ""))).getRecords();
        assertThat(changed).isNotEmpty();
        assertThat(changed.get(0).toMap()).containsKeys("id", "name", "status", "changes", "schedule");
        assertThat(EventReader.parse(Path.of("next.json"), fixture.get("/api/versions/" + next + "/schedule.json")
                .body()).schedule().getAttendees()).hasSizeGreaterThan(attendees);
    }

    @Test
    void schiedamExampleIsOneRequestWithTheImportWaitingForConfirmation() throws Exception {
        HttpResponse<String> created = fixture.post("/api/examples/schiedam", "");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode event = ServerFixture.json(created);
        assertThat(event.path("sessions").asInt()).isPositive();
        assertThat(event.path("upload").path("status").asText()).isEqualTo("pending");
        assertThat(event.path("upload").path("report").path("attendees").asInt()).isEqualTo(400);
    }

    @Test
    void aWronglyGuessedColumnIsCorrectedByReadingTheUploadAgain() throws Exception {
        String event = ServerFixture.json(fixture.postFile("/api/events?filename=programme.json",
                ServerFixture.PROGRAMME)).path("id").asText();
        JsonNode first = ServerFixture.json(fixture.postFile("/api/events/" + event
                + "/registrations?filename=export.csv", ServerFixture.EXPORT));
        assertThat(first.path("report").path("columns").get(3).path("use").asText()).isEqualTo("tag:gemeente");
        HttpResponse<String> again = fixture.post("/api/events/" + event + "/registrations/" + first.path("id").asText()
                + "/reimport", "{\"columns\": {\"D\": \"ignore\"}}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        JsonNode column = ServerFixture.json(again).path("report").path("columns").get(3);
        assertThat(column.path("use").asText()).isEqualTo("ignore");
        assertThat(column.path("from").asText()).isEqualTo("mapping");
        JsonNode uploads = ServerFixture.json(fixture.get("/api/events/" + event)).path("uploads");
        assertThat(uploads.get(0).path("status").asText()).isEqualTo("superseded");
        assertThat(uploads.get(1).path("status").asText()).isEqualTo("pending");

        HttpResponse<String> bad = fixture.post("/api/events/" + event + "/registrations/" + first.path("id").asText()
                + "/reimport", "{\"columns\": {\"D\": \"no-such-use\"}}");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(422);
        assertThat(ServerFixture.json(bad).path("detail").asText()).contains("no-such-use");
    }

    @Test
    void otherHostNamesAndOtherSitesPagesAreRefused() throws Exception {
        // DNS rebinding: a name that is not localhost's, pointing here.
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", fixture.server.port())) {
            socket.getOutputStream().write(("GET /api/events HTTP/1.1\r\nHost: rebound.example:" + fixture.server.port()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 403");
        }
        // Cross-site request forgery: another site's page posting here in the organiser's browser.
        HttpResponse<String> forged = fixture.http.send(fixture.request("/api/examples/schiedam")
                .header("Origin", "http://evil.example").POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> own = fixture.http.send(fixture.request("/api/events?filename=p.json")
                .header("Origin", fixture.base()).POST(java.net.http.HttpRequest.BodyPublishers.ofFile(
                        ServerFixture.PROGRAMME)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(own.statusCode()).isEqualTo(201);
    }

    @Test
    void attendeeNamesAndAddressesAreNeverLogged() throws Exception {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        String version;
        try {
            String event = fixture.schiedamEvent();
            JsonNode job = fixture.awaitJob(ServerFixture.json(fixture.post("/api/events/" + event + "/jobs",
                    "{\"unimprovedLimit\": \"3s\"}")).path("id").asText(), Duration.ofMinutes(3));
            version = job.path("versionId").asText();
            fixture.post("/api/versions/" + version + "/attendees/search", "{\"query\": \"Huisman\"}");
            fixture.get("/api/versions/" + version + "/exports/attendees.csv");
            fixture.post("/api/versions/" + version + "/attendees/search", "{ broken");
            fixture.postFile("/api/events/" + event + "/registrations?filename=x.xlsx", ServerFixture.EXPORT);
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).as("the log is captured").contains("started", "finished");
        assertThat(log).doesNotContain("Huisman", "@", "j.vanderlinden");
    }

    @Test
    void aMalformedProgrammeGetsTheCommandLinesProblemsWithJsonPaths() throws Exception {
        HttpResponse<String> response = fixture.postBytes("/api/events?filename=bad.json",
                "{\"rounds\": [{\"id\": \"R1\"}], \"rooms\": [], \"sessions\": [{\"id\": \"S1\", \"title\": \"x\", \"allowedRounds\": [\"R9\"]}], \"attendees\": []}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode problem = ServerFixture.json(response);
        assertThat(problem.path("problems").size()).isPositive();
        assertThat(problem.path("problems").toString()).contains("sessions[0]");
        assertThat(problem.path("problems").get(0).path("file").asText()).isEqualTo("bad.json");
        assertThat(response.body()).doesNotContain("Exception", "at org.");

        HttpResponse<String> notJson = fixture.postBytes("/api/events?filename=x.json", "{ nope".getBytes());
        assertThat(notJson.statusCode()).isEqualTo(422);
        assertThat(ServerFixture.json(notJson).path("problems").get(0).path("message").asText())
                .startsWith("not valid JSON");
    }

    @Test
    void aBrokenExportIsReportedAndNothingIsStored() throws Exception {
        String event = ServerFixture.json(fixture.postFile("/api/events?filename=programme.json",
                ServerFixture.PROGRAMME)).path("id").asText();
        HttpResponse<String> response = fixture.postBytes("/api/events/" + event + "/registrations?filename=x.xlsx",
                "this is not a workbook".getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonNode problem = ServerFixture.json(response);
        assertThat(problem.path("detail").asText()).contains("x.xlsx").doesNotContain(dir.toString());
        assertThat(ServerFixture.json(fixture.get("/api/events/" + event)).path("uploads").size()).isZero();
    }

    @Test
    void uploadsAreSizeLimited() throws Exception {
        String event = ServerFixture.json(fixture.postFile("/api/events?filename=programme.json",
                ServerFixture.PROGRAMME)).path("id").asText();
        HttpResponse<String> response = fixture.postBytes("/api/events/" + event + "/registrations?filename=big.csv",
                new byte[3 * 1024 * 1024]);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(ServerFixture.json(response).path("title").asText()).isEqualTo("Upload too large");
    }

    @Test
    void unknownIdsAndBadOptionsAreProblemsNotErrors() throws Exception {
        assertThat(fixture.get("/api/events/e0000").statusCode()).isEqualTo(404);
        assertThat(fixture.get("/api/versions/v0000/schedule.json").statusCode()).isEqualTo(404);
        assertThat(fixture.get("/api/jobs/j0000").statusCode()).isEqualTo(404);
        String event = ServerFixture.json(fixture.postFile("/api/events?filename=programme.json",
                ServerFixture.PROGRAMME)).path("id").asText();
        HttpResponse<String> bad = fixture.post("/api/events/" + event + "/jobs", "{\"timeLimit\": \"soon\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(ServerFixture.json(bad).path("detail").asText()).contains("timeLimit");
    }

    @Test
    void twoEventsSolveAtOnceEachWithItsOwnJobAndOneFailureStaysItsOwn() throws Exception {
        String first = fixture.schiedamEvent();
        String second = fixture.schiedamEvent();
        String a = ServerFixture.json(fixture.post("/api/events/" + first + "/jobs", "{\"unimprovedLimit\": \"3s\"}"))
                .path("id").asText();
        String b = ServerFixture.json(fixture.post("/api/events/" + second + "/jobs", "{\"unimprovedLimit\": \"3s\"}"))
                .path("id").asText();
        assertThat(a).isNotEqualTo(b);
        assertThat(fixture.awaitJob(a, Duration.ofMinutes(3)).path("state").asText()).isEqualTo("finished");
        assertThat(fixture.awaitJob(b, Duration.ofMinutes(3)).path("state").asText()).isEqualTo("finished");
        assertThat(ServerFixture.json(fixture.get("/api/events/" + first)).path("versions").size()).isEqualTo(1);
    }

    @Test
    void aFailingJobEndsAsFailedWithItsReasonWhileAnotherEventsJobFinishes() throws Exception {
        String broken = ServerFixture.json(fixture.postFile("/api/events?filename=programme.json",
                ServerFixture.PROGRAMME)).path("id").asText();
        String healthy = fixture.schiedamEvent();
        // A job whose input cannot be solved (the API validates input, so it is put straight into the queue).
        Store.JobRow bad = new Store.JobRow("jbroken", broken, Jobs.SOLVE, Store.JobState.QUEUED, "{}", "{ not json",
                null, null, java.time.Instant.now(), null, null, null, null, null, null);
        fixture.server.store().insertJob(bad);
        fixture.server.jobs().submit(bad, null);
        String good = ServerFixture.json(fixture.post("/api/events/" + healthy + "/jobs",
                "{\"unimprovedLimit\": \"3s\"}")).path("id").asText();
        JsonNode failed = fixture.awaitJob("jbroken", Duration.ofMinutes(1));
        assertThat(failed.path("state").asText()).isEqualTo("failed");
        assertThat(failed.path("error").asText()).contains("not valid JSON");
        assertThat(fixture.awaitJob(good, Duration.ofMinutes(3)).path("state").asText()).isEqualTo("finished");
    }

    @Test
    void progressStreamsAsServerSentEventsUntilTheEnd() throws Exception {
        String event = fixture.schiedamEvent();
        String job = ServerFixture.json(fixture.post("/api/events/" + event + "/jobs", "{\"unimprovedLimit\": \"3s\"}"))
                .path("id").asText();
        HttpResponse<java.util.stream.Stream<String>> stream = fixture.http.send(fixture.request("/api/jobs/" + job
                + "/progress").header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<String> events = new ArrayList<>();
        List<JsonNode> data = new ArrayList<>();
        try (var lines = stream.body()) {
            for (Iterator<String> it = lines.iterator(); it.hasNext();) {
                String line = it.next();
                if (line.startsWith("event: ")) {
                    events.add(line.substring(7));
                } else if (line.startsWith("data: ")) {
                    data.add(Json.MAPPER.readTree(line.substring(6)));
                }
                if (events.contains("end") && data.size() == events.size()) {
                    break;
                }
            }
        }
        assertThat(events.get(0)).isEqualTo("job");
        assertThat(events.get(events.size() - 1)).isEqualTo("end");
        assertThat(data.get(data.size() - 1).path("state").asText()).isEqualTo("finished");
        // Once ended, the stream answers the end at once.
        HttpResponse<String> again = fixture.http.send(fixture.request("/api/jobs/" + job + "/progress")
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.body()).contains("event: end");
    }

    @Test
    void theOpenApiDescriptionParsesAndNamesEveryRoute() throws Exception {
        HttpResponse<String> response = fixture.get("/api/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        var result = new io.swagger.v3.parser.OpenAPIV3Parser().readContents(response.body(), null, null);
        assertThat(result.getMessages()).isEmpty();
        var openApi = result.getOpenAPI();
        assertThat(openApi.getPaths()).containsKeys("/api/events", "/api/events/{eventId}/registrations",
                "/api/jobs/{jobId}/progress", "/api/versions/{versionId}/exports/{file}",
                "/api/events/{eventId}/reallocations", "/api/versions/{versionId}/notify.csv");
        List<String> documented = new ArrayList<>();
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> documented.add(method.name().toLowerCase(java.util.Locale.ROOT) + " " + path)));
        // Every route is documented, and nothing documented is missing from the server.
        assertThat(documented).containsExactlyInAnyOrderElementsOf(fixture.server.routes());
    }

    private static List<String> zipEntries(byte[] zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}

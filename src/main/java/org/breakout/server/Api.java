package org.breakout.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

import org.breakout.io.EventFormatException;
import org.breakout.io.EventReader;
import org.breakout.io.Json;
import org.breakout.io.JsonFiles;
import org.breakout.io.LoadedEvent;
import org.breakout.io.registrations.EventImport;
import org.breakout.io.registrations.ImportException;
import org.breakout.io.registrations.RegistrationImporter;
import org.breakout.reallocate.BadInputException;
import org.breakout.reallocate.EventFileChanges;
import org.breakout.reallocate.ExportChanges;
import org.breakout.reallocate.Policy;
import org.breakout.reallocate.Reallocation;
import org.breakout.server.store.Store;
import org.breakout.server.store.Store.EventRow;
import org.breakout.server.store.Store.JobRow;
import org.breakout.server.store.Store.JobState;
import org.breakout.server.store.Store.UploadRow;
import org.breakout.server.store.Store.VersionRow;

/**
 * The REST API under the page ({@code docs/api.md}, {@code /api/openapi.json}): a thin layer over the command
 * line's own pieces — the event reader, the registration import, the solver, the exports, explain and the
 * reallocation. Every route checks that the event is the caller's organiser's; ids only in URLs, never names.
 */
final class Api {

    static final String UPLOAD_PENDING = "pending";
    static final String UPLOAD_CONFIRMED = "confirmed";
    static final String UPLOAD_SUPERSEDED = "superseded";
    static final String UPLOAD_USED = "used";
    static final String KIND_PROGRAMME = "programme";
    static final String KIND_REGISTRATIONS = "registrations";
    static final String KIND_CHANGES = "changes";

    private static final Pattern SAFE_NAME = Pattern.compile("[^A-Za-z0-9._-]");
    private static final String EXAMPLE_DIR = "/org/breakout/server/examples/";

    private final Store store;
    private final Jobs jobs;
    private final Path workDir;
    /** The routes of a schedule version: the schedule, its exports, explain, publish, the change report. */
    private final VersionRoutes versions;

    Api(Store store, Jobs jobs, Path workDir) {
        this.store = store;
        this.jobs = jobs;
        this.workDir = workDir;
        this.versions = new VersionRoutes(store, this);
    }

    /** Registers the routes; returns them as "method path" (OpenAPI spelling), for the description's test. */
    List<String> routes(Javalin app) {
        List<String> routes = new ArrayList<>();
        route(routes, app, HandlerType.GET, "/api/events", this::listEvents);
        route(routes, app, HandlerType.POST, "/api/events", this::createEvent);
        route(routes, app, HandlerType.POST, "/api/examples/schiedam", this::createExample);
        route(routes, app, HandlerType.GET, "/api/events/{eventId}", ctx -> ctx.json(eventJson(ownEvent(ctx))));
        route(routes, app, HandlerType.POST, "/api/events/{eventId}/registrations", this::uploadRegistrations);
        route(routes, app, HandlerType.POST, "/api/events/{eventId}/registrations/{uploadId}/confirm", this::confirmUpload);
        route(routes, app, HandlerType.POST, "/api/events/{eventId}/registrations/{uploadId}/reimport", this::reimport);
        route(routes, app, HandlerType.GET, "/api/events/{eventId}/registrations/{uploadId}", this::getUpload);
        route(routes, app, HandlerType.POST, "/api/events/{eventId}/jobs", this::startSolve);
        route(routes, app, HandlerType.POST, "/api/events/{eventId}/reallocations", this::startReallocation);
        route(routes, app, HandlerType.GET, "/api/events/{eventId}/versions", ctx -> ctx.json(versions.versionsJson(ownEvent(ctx).id())));
        route(routes, app, HandlerType.GET, "/api/jobs/{jobId}", ctx -> ctx.json(jobJson(ownJob(ctx))));
        route(routes, app, HandlerType.POST, "/api/jobs/{jobId}/stop", this::stopJob);
        route(routes, app, HandlerType.GET, "/api/versions/{versionId}", ctx -> ctx.json(versions.versionJson(versions.ownVersion(ctx), true)));
        route(routes, app, HandlerType.GET, "/api/versions/{versionId}/schedule.json", versions::scheduleJson);
        route(routes, app, HandlerType.GET, "/api/versions/{versionId}/exports/export.zip", versions::exportZip);
        route(routes, app, HandlerType.GET, "/api/versions/{versionId}/exports/<file>", versions::exportFile);
        route(routes, app, HandlerType.GET, "/api/versions/{versionId}/explain", versions::explainOverview);
        route(routes, app, HandlerType.POST, "/api/versions/{versionId}/attendees/search", versions::searchAttendees);
        route(routes, app, HandlerType.GET, "/api/versions/{versionId}/attendees/{attendeeId}/explain", versions::explainAttendee);
        route(routes, app, HandlerType.POST, "/api/versions/{versionId}/publish", versions::publish);
        route(routes, app, HandlerType.GET, "/api/versions/{versionId}/changes.json", versions::changeReport);
        route(routes, app, HandlerType.GET, "/api/versions/{versionId}/notify.csv", versions::notifyCsv);
        return routes;
    }

    private static void route(List<String> routes, Javalin app, HandlerType method, String path, Handler handler) {
        app.addHttpHandler(method, path, handler);
        routes.add(method.name().toLowerCase(Locale.ROOT) + " " + path.replace("<", "{").replace(">", "}"));
    }

    // ************************************************************************
    // Events
    // ************************************************************************

    private void listEvents(Context ctx) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (EventRow event : store.events(Access.organiser(ctx))) {
            list.addObject().put("id", event.id()).put("name", event.name()).put("createdAt",
                    event.createdAt().toString());
        }
        ctx.json(list);
    }

    private void createEvent(Context ctx) {
        String fileName = fileName(ctx, "programme.json");
        String text = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
        EventRow event = newEvent(Access.organiser(ctx), fileName, text);
        ctx.status(201).json(eventJson(event));
    }

    private EventRow newEvent(long organiser, String fileName, String text) {
        LoadedEvent loaded = readEvent(fileName, text);
        String name = loaded.document().path("name").asText("");
        if (name.isBlank()) {
            name = fileName;
        }
        EventRow event = new EventRow(Store.newId("e"), organiser, name, Instant.now(), text, text, null);
        store.insertEvent(event);
        return event;
    }

    /** The bundled Schiedam example: its published programme, and its Google Forms export staged for confirmation. */
    private void createExample(Context ctx) {
        String programme = new String(resource("schiedam-programme.json"), StandardCharsets.UTF_8);
        EventRow event = newEvent(Access.organiser(ctx), "schiedam-programme.json", programme);
        ObjectNode upload = importUpload(event, "schiedam-registrations.csv", resource("schiedam-registrations.csv"),
                Map.of(), false);
        ObjectNode answer = eventJson(event);
        answer.set("upload", upload);
        ctx.status(201).json(answer);
    }

    private static byte[] resource(String name) {
        try (InputStream in = Api.class.getResourceAsStream(EXAMPLE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("the bundled example " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode eventJson(EventRow event) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", event.id()).put("name", event.name()).put("createdAt", event.createdAt().toString());
        try {
            JsonNode input = Json.MAPPER.readTree(event.currentInput());
            node.put("rounds", input.path("rounds").size()).put("rooms", input.path("rooms").size())
                    .put("sessions", input.path("sessions").size()).put("attendees", input.path("attendees").size());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event does not read back", e);
        }
        node.put("inputUpload", event.inputUpload());
        ArrayNode uploads = node.putArray("uploads");
        for (UploadRow upload : store.uploads(event.id())) {
            uploads.addObject().put("id", upload.id()).put("kind", upload.kind()).put("fileName", upload.fileName())
                    .put("sizeBytes", upload.sizeBytes()).put("status", upload.status())
                    .put("createdAt", upload.createdAt().toString());
        }
        ArrayNode jobList = node.putArray("jobs");
        store.jobs(event.id()).forEach(job -> jobList.add(jobJson(job)));
        node.set("versions", versions.versionsJson(event.id()));
        store.latestPublished(event.id()).ifPresentOrElse(v -> node.put("published", v.id()),
                () -> node.putNull("published"));
        return node;
    }

    // ************************************************************************
    // Registrations: the import, shown for confirmation
    // ************************************************************************

    private void uploadRegistrations(Context ctx) {
        EventRow event = ownEvent(ctx);
        String fileName = fileName(ctx, "registrations.csv");
        Map<String, String> columns = columns(ctx.queryParams("column"));
        boolean confirm = "true".equalsIgnoreCase(ctx.queryParam("confirm"));
        ObjectNode upload = importUpload(event, fileName, ctx.bodyAsBytes(), columns, confirm);
        ctx.status(201).json(upload);
    }

    /** {@code column=HEADER=USE} parameters, as {@code breakout import --column}. */
    private static Map<String, String> columns(List<String> values) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String value : values) {
            int eq = value.lastIndexOf('=');
            if (eq <= 0) {
                throw ApiProblem.badRequest("column \"" + value + "\": write HEADER=USE (as breakout import --column)");
            }
            columns.put(value.substring(0, eq).strip(), value.substring(eq + 1).strip());
        }
        return columns;
    }

    private ObjectNode importUpload(EventRow event, String fileName, byte[] content, Map<String, String> columns,
            boolean confirm) {
        LoadedEvent programme = readEvent("programme.json", event.programme());
        Path dir = tempDir();
        try {
            Path file = dir.resolve(fileName);
            Files.write(file, content);
            EventImport.Outcome outcome;
            try {
                outcome = EventImport.run(programme.document(), programme.schedule(), file, columns,
                        "the column mapping", dir.resolve(baseName(fileName) + "-event.json"));
            } catch (ImportException e) {
                throw new ApiProblem(422, "The export cannot be imported", clean(e.getMessage(), dir),
                        List.of(new ApiProblem.Item(fileName, e.where(), clean(e.reason(), dir))));
            } catch (EventFormatException e) {
                throw eventProblem(e, dir, "The imported event is not valid");
            }
            RegistrationImporter.Result result = outcome.result();
            ObjectNode report = (ObjectNode) Json.MAPPER.readTree(clean(JsonFiles.render(result.report().toJson()),
                    dir));
            String text = clean(result.report().format(), dir);
            UploadRow row = new UploadRow(Store.newId("u"), event.id(), KIND_REGISTRATIONS, fileName, content.length,
                    content, Instant.now(), UPLOAD_PENDING, JsonFiles.render(Json.MAPPER.valueToTree(columns)),
                    JsonFiles.render(report), JsonFiles.render(result.event()));
            store.insertUpload(row);
            ObjectNode answer = uploadJson(row, report, text);
            ArrayNode preview = answer.putArray("preview");
            result.preview().forEach(preview::add);
            ArrayNode warnings = answer.putArray("warnings");
            outcome.loaded().warnings().forEach(w -> warnings.add(w.toString()));
            if (confirm) {
                confirm(event, row);
                answer.put("status", UPLOAD_CONFIRMED);
            }
            return answer;
        } catch (IOException e) {
            throw new ApiProblem(422, "The export cannot be read", fileName + ": " + clean(e.getMessage(), dir));
        } finally {
            deleteQuietly(dir);
        }
    }

    private static ObjectNode uploadJson(UploadRow row, JsonNode report, String text) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", row.id()).put("kind", row.kind()).put("fileName", row.fileName())
                .put("sizeBytes", row.sizeBytes()).put("status", row.status())
                .put("createdAt", row.createdAt().toString());
        node.set("report", report);
        if (text != null) {
            node.put("reportText", text);
        }
        return node;
    }

    private void getUpload(Context ctx) {
        EventRow event = ownEvent(ctx);
        UploadRow upload = store.upload(ctx.pathParam("uploadId")).filter(u -> u.eventId().equals(event.id()))
                .orElseThrow(() -> ApiProblem.notFound("upload " + ctx.pathParam("uploadId")));
        ctx.json(uploadJson(upload, readJson(upload.report()), null));
    }

    private void confirmUpload(Context ctx) {
        EventRow event = ownEvent(ctx);
        UploadRow upload = store.upload(ctx.pathParam("uploadId")).filter(u -> u.eventId().equals(event.id()))
                .orElseThrow(() -> ApiProblem.notFound("upload " + ctx.pathParam("uploadId")));
        if (!KIND_REGISTRATIONS.equals(upload.kind()) || upload.imported() == null) {
            throw new ApiProblem(409, "Not an import", "upload " + upload.id() + " is not a registration import");
        }
        confirm(event, upload);
        ctx.json(eventJson(store.event(event.id()).orElseThrow()));
    }

    /** The same upload read again with the organiser's corrections of the column mapping: a new upload to confirm. */
    private void reimport(Context ctx) {
        EventRow event = ownEvent(ctx);
        UploadRow upload = store.upload(ctx.pathParam("uploadId")).filter(u -> u.eventId().equals(event.id()))
                .orElseThrow(() -> ApiProblem.notFound("upload " + ctx.pathParam("uploadId")));
        if (!KIND_REGISTRATIONS.equals(upload.kind())) {
            throw new ApiProblem(409, "Not an import", "upload " + upload.id() + " is not a registration import");
        }
        JsonNode body = readJson(ctx.body().isBlank() ? "{}" : ctx.body());
        Map<String, String> columns = new LinkedHashMap<>();
        body.path("columns").fields().forEachRemaining(f -> columns.put(f.getKey(), f.getValue().asText()));
        ObjectNode answer = importUpload(event, upload.fileName(), upload.content(), columns, false);
        if (UPLOAD_PENDING.equals(upload.status())) {
            store.setUploadStatus(upload.id(), UPLOAD_SUPERSEDED);
        }
        ctx.status(201).json(answer);
    }

    private void confirm(EventRow event, UploadRow upload) {
        for (UploadRow other : store.uploads(event.id())) {
            if (UPLOAD_CONFIRMED.equals(other.status()) && KIND_REGISTRATIONS.equals(other.kind())) {
                store.setUploadStatus(other.id(), UPLOAD_SUPERSEDED);
            }
        }
        store.setUploadStatus(upload.id(), UPLOAD_CONFIRMED);
        store.setEventInput(event.id(), upload.imported(), upload.id());
    }

    // ************************************************************************
    // Jobs
    // ************************************************************************

    private void startSolve(Context ctx) {
        EventRow event = ownEvent(ctx);
        ObjectNode options = solveOptions(ctx);
        JobRow job = new JobRow(Store.newId("j"), event.id(), Jobs.SOLVE, JobState.QUEUED, JsonFiles.render(options),
                event.currentInput(), null, event.inputUpload(), Instant.now(), null, null, null, null, null, null);
        store.insertJob(job);
        jobs.submit(job, null);
        ctx.status(202).json(jobJson(job));
    }

    /** The solver limits of a request body: ISO-8601 durations (PT30S) or 30s / 2m, and a seed or a step limit. */
    private static ObjectNode solveOptions(Context ctx) {
        JsonNode body = ctx.body().isBlank() ? Json.MAPPER.createObjectNode() : readJson(ctx.body());
        ObjectNode options = Json.MAPPER.createObjectNode();
        for (String field : List.of("timeLimit", "unimprovedLimit")) {
            if (body.hasNonNull(field)) {
                options.put(field, duration(field, body.get(field).asText()).toString());
            }
        }
        if (body.hasNonNull("seed")) {
            options.put("seed", body.get("seed").asLong());
        }
        if (body.hasNonNull("steps")) {
            options.put("steps", body.get("steps").asInt());
        }
        return options;
    }

    static Duration duration(String field, String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (value.startsWith("p")) {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            }
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            return switch (value.charAt(value.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw ApiProblem.badRequest(field + " \"" + text + "\" is not a duration (write 30s, 2m or PT30S)");
        }
    }

    private void startReallocation(Context ctx) {
        EventRow event = ownEvent(ctx);
        VersionRow published = store.latestPublished(event.id()).orElseThrow(() -> new ApiProblem(409,
                "Nothing published", "publish a schedule version first: late registrations are reallocated against "
                        + "the published version"));
        Policy policy;
        try {
            policy = Policy.of(ctx.queryParamAsClass("policy", String.class).getOrDefault("minimal"));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("unknown policy \"" + ctx.queryParam("policy") + "\" (use frozen, minimal or "
                    + "free)");
        }
        boolean upgrade = "true".equalsIgnoreCase(ctx.queryParam("upgrade"));
        boolean cancelMissing = "true".equalsIgnoreCase(ctx.queryParam("cancelMissing"));
        if (upgrade && policy != Policy.MINIMAL) {
            throw ApiProblem.badRequest("upgrade goes with the policy minimal (frozen moves nothing, free moves anyone)");
        }
        Map<String, String> columns = columns(ctx.queryParams("column"));
        String fileName = fileName(ctx, "registrations.csv");
        byte[] content = ctx.bodyAsBytes();
        Path dir = tempDir();
        Reallocation.Prepared prepared;
        try {
            Path publishedFile = dir.resolve("published-version-" + published.number() + ".json");
            Files.writeString(publishedFile, store.versionDocument(published.id()));
            Path changes = dir.resolve(fileName);
            Files.write(changes, content);
            boolean eventFile = ExportChanges.isEventFile(changes);
            AtomicReference<ExportChanges.Derived> derived = new AtomicReference<>();
            Reallocation.ChangeSource source = eventFile
                    ? current -> EventFileChanges.read(changes, current.document())
                    : current -> {
                        ExportChanges.Derived fromExport = ExportChanges.read(changes, current,
                                (programme, schedule, export) -> RegistrationImporter.importInto(programme, schedule,
                                        export, columns, "the column mapping"), cancelMissing);
                        derived.set(fromExport);
                        return fromExport.changes();
                    };
            prepared = Reallocation.prepare(publishedFile, source, policy, upgrade);
            ObjectNode options = solveOptions(ctx.queryParam("timeLimit"), ctx.queryParam("unimprovedLimit"));
            options.put("policy", policy.id()).put("upgrade", upgrade).put("cancelMissing", cancelMissing)
                    .put("changesFile", fileName).put("baseNumber", published.number());
            UploadRow upload = new UploadRow(Store.newId("u"), event.id(), KIND_CHANGES, fileName, content.length,
                    content, Instant.now(), UPLOAD_USED, JsonFiles.render(Json.MAPPER.valueToTree(columns)),
                    derived.get() == null ? null : clean(JsonFiles.render(derived.get().toJson()), dir), null);
            store.insertUpload(upload);
            JobRow job = new JobRow(Store.newId("j"), event.id(), Jobs.REALLOCATE, JobState.QUEUED,
                    JsonFiles.render(options), "", published.id(), upload.id(), Instant.now(), null, null, null, null,
                    null, null);
            store.insertJob(job);
            jobs.submit(job, prepared);
            ObjectNode answer = jobJson(job);
            if (derived.get() != null) {
                answer.set("export", readJson(clean(JsonFiles.render(derived.get().toJson()), dir)));
                answer.put("exportSummary", clean(derived.get().importReport().format()
                        + derived.get().summary(), dir));
            }
            ArrayNode warnings = answer.putArray("warnings");
            prepared.warnings().forEach(w -> warnings.add(clean(w, dir)));
            ctx.status(202).json(answer);
        } catch (BadInputException e) {
            List<ApiProblem.Item> items = e.problems().stream()
                    .map(p -> new ApiProblem.Item(clean(p.file(), dir), p.path(), clean(p.message(), dir))).toList();
            throw new ApiProblem(422, "The changes cannot be reallocated", clean(e.getMessage(), dir), items);
        } catch (IOException e) {
            throw new ApiProblem(422, "The upload cannot be read", fileName + ": " + clean(e.getMessage(), dir));
        } finally {
            deleteQuietly(dir);
        }
    }

    private static ObjectNode solveOptions(String timeLimit, String unimprovedLimit) {
        ObjectNode options = Json.MAPPER.createObjectNode();
        if (timeLimit != null) {
            options.put("timeLimit", duration("timeLimit", timeLimit).toString());
        }
        if (unimprovedLimit != null) {
            options.put("unimprovedLimit", duration("unimprovedLimit", unimprovedLimit).toString());
        }
        return options;
    }

    private void stopJob(Context ctx) {
        JobRow job = ownJob(ctx);
        if (!job.isActive() || !jobs.stop(job.id())) {
            throw new ApiProblem(409, "Not running", "job " + job.id() + " is " + job.state());
        }
        ctx.status(202).json(jobJson(store.job(job.id()).orElseThrow()));
    }

    static ObjectNode jobJson(JobRow job) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", job.id()).put("eventId", job.eventId()).put("kind", job.kind()).put("state", job.state())
                .put("createdAt", job.createdAt().toString());
        node.put("startedAt", job.startedAt() == null ? null : job.startedAt().toString());
        node.put("finishedAt", job.finishedAt() == null ? null : job.finishedAt().toString());
        node.set("options", readJson(job.options()));
        node.set("progress", job.progress() == null ? Json.MAPPER.nullNode() : readJson(job.progress()));
        node.put("versionId", job.versionId());
        node.put("error", job.error());
        node.put("baseVersion", job.baseVersion());
        return node;
    }

    // ************************************************************************
    // Ownership, input and temporary files
    // ************************************************************************

    EventRow ownEvent(Context ctx) {
        return ownEvent(ctx, ctx.pathParam("eventId"));
    }

    EventRow ownEvent(Context ctx, String id) {
        return store.event(id).filter(e -> e.organiserId() == Access.organiser(ctx))
                .orElseThrow(() -> ApiProblem.notFound("event " + id));
    }

    JobRow ownJob(Context ctx) {
        String id = ctx.pathParam("jobId");
        JobRow job = store.job(id).orElseThrow(() -> ApiProblem.notFound("job " + id));
        ownEvent(ctx, job.eventId());
        return job;
    }

    private static LoadedEvent readEvent(String fileName, String text) {
        try {
            return EventReader.parse(Path.of(fileName), text);
        } catch (EventFormatException e) {
            throw eventProblem(e, null, "The event file is not valid");
        }
    }

    private static ApiProblem eventProblem(EventFormatException e, Path dir, String title) {
        String file = e.file() == null ? null : e.file().getFileName().toString();
        return new ApiProblem(422, title, clean(e.getMessage(), dir), e.problems().stream()
                .map(p -> new ApiProblem.Item(file, p.path(), clean(p.message(), dir))).toList());
    }

    static JsonNode readJson(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** The upload's file name (a query parameter), made safe to be a file name; it names the upload in messages. */
    private static String fileName(Context ctx, String fallback) {
        String given = ctx.queryParam("filename");
        if (given == null || given.isBlank()) {
            return fallback;
        }
        String name = given.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = SAFE_NAME.matcher(name).replaceAll("_");
        if (name.startsWith(".")) {
            name = "_" + name;
        }
        return name.length() > 120 ? name.substring(name.length() - 120) : name;
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private Path tempDir() {
        try {
            Files.createDirectories(workDir);
            return Files.createTempDirectory(workDir, "upload-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A message without the server's temporary folder: the organiser sees their own file name. */
    private static String clean(String text, Path dir) {
        if (text == null || dir == null) {
            return text;
        }
        return text.replace(dir.toAbsolutePath() + "/", "").replace(dir + "/", "");
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a leftover temporary file; removed with the work folder
                }
            });
        } catch (IOException e) {
            // nothing to clean
        }
    }
}

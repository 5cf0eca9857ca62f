package org.breakout.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.http.Context;

import org.breakout.io.EventFormatException;
import org.breakout.io.EventReader;
import org.breakout.io.Json;
import org.breakout.io.LoadedEvent;
import org.breakout.io.export.ScheduleExport;
import org.breakout.io.export.ScheduleView;
import org.breakout.report.ScheduleExplanation;
import org.breakout.server.store.Store;
import org.breakout.server.store.Store.JobRow;
import org.breakout.server.store.Store.VersionRow;
import org.breakout.solver.ScheduleSolver;

/**
 * The API's routes of a schedule version ({@link Api} registers them): the version and its summary, the schedule
 * file, every export (rendered once per version, as {@code breakout export} renders them), explain, the attendee
 * search, publishing, the change report and the list of attendees to notify. Each checks through {@link Api} that the
 * version's event is the caller's organiser's.
 */
final class VersionRoutes {

    private static final int SEARCH_RESULTS = 20;

    private final Store store;
    private final Api api;
    private final Map<String, Map<String, String>> exportCache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, String>> eldest) {
            return size() > 8;
        }
    };

    VersionRoutes(Store store, Api api) {
        this.store = store;
        this.api = api;
    }


    ArrayNode versionsJson(String eventId) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        store.versions(eventId).forEach(v -> list.add(versionJson(v, false)));
        return list;
    }

    ObjectNode versionJson(VersionRow version, boolean withSummary) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", version.id()).put("eventId", version.eventId()).put("number", version.number())
                .put("origin", version.origin()).put("score", version.score()).put("jobId", version.jobId())
                .put("createdAt", version.createdAt().toString())
                .put("publishedAt", version.publishedAt() == null ? null : version.publishedAt().toString())
                .put("hasChangeReport", version.hasChangeReport());
        if (withSummary) {
            JsonNode document = Api.readJson(store.versionDocument(version.id()));
            node.set("summary", document.path("summary"));
            JobRow job = version.jobId() == null ? null : store.job(version.jobId()).orElse(null);
            node.set("progress", job == null || job.progress() == null ? Json.MAPPER.nullNode() : Api.readJson(job.progress()));
            ArrayNode files = node.putArray("exports");
            exports(version).keySet().stream().filter(f -> !f.startsWith(ScheduleExport.ATTENDEE_CALENDARS + "/"))
                    .forEach(files::add);
        }
        return node;
    }

    private LoadedEvent loadVersion(VersionRow version) {
        try {
            return EventReader.parse(Path.of("schedule-version-" + version.number() + ".json"),
                    store.versionDocument(version.id()));
        } catch (EventFormatException e) {
            throw new IllegalStateException("stored schedule does not read back: " + e.getMessage(), e);
        }
    }

    /** Every export file of a version, rendered once (versions never change) by the exports of {@code breakout export}. */
    private Map<String, String> exports(VersionRow version) {
        synchronized (exportCache) {
            Map<String, String> cached = exportCache.get(version.id());
            if (cached != null) {
                return cached;
            }
        }
        LoadedEvent loaded = loadVersion(version);
        ScheduleView view = ScheduleView.of(loaded, loaded.schedule());
        Map<String, String> files = ScheduleExport.render(view, new ScheduleExport.Options(
                EnumSet.allOf(ScheduleExport.Format.class), ';', version.createdAt(), "en"));
        synchronized (exportCache) {
            exportCache.put(version.id(), files);
        }
        return files;
    }

    void scheduleJson(Context ctx) {
        VersionRow version = ownVersion(ctx);
        download(ctx, "schedule-version-" + version.number() + ".json", "application/json",
                store.versionDocument(version.id()));
    }

    void exportFile(Context ctx) {
        VersionRow version = ownVersion(ctx);
        String file = ctx.pathParam("file");
        String text = exports(version).get(file);
        if (text == null) {
            throw ApiProblem.notFound("export file " + file);
        }
        String type = file.endsWith(".html") ? "text/html" : file.endsWith(".csv") ? "text/csv"
                : file.endsWith(".ics") ? "text/calendar" : file.endsWith(".xml") ? "application/xml"
                        : "application/json";
        if (file.endsWith(".html") && ctx.queryParam("download") == null) {
            ctx.contentType(type + "; charset=utf-8").result(text);
            return;
        }
        download(ctx, file.replace('/', '-'), type, text);
    }

    void exportZip(Context ctx) {
        VersionRow version = ownVersion(ctx);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("schedule.json"));
            zip.write(store.versionDocument(version.id()).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (Map.Entry<String, String> file : exports(version).entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.header("Content-Disposition", "attachment; filename=\"export-version-" + version.number() + ".zip\"");
        ctx.contentType("application/zip").result(bytes.toByteArray());
    }

    private static void download(Context ctx, String name, String type, String text) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.contentType(type + "; charset=utf-8").result(text);
    }

    void explainOverview(Context ctx) {
        VersionRow version = ownVersion(ctx);
        LoadedEvent loaded = loadVersion(version);
        ScoreAnalysis<HardMediumSoftLongScore> analysis;
        try (ScheduleSolver solver = new ScheduleSolver(ScheduleSolver.Options.defaults())) {
            analysis = solver.analyze(loaded.schedule());
        }
        ctx.json(Json.MAPPER.valueToTree(ScheduleExplanation.overview(analysis)));
    }

    /** By POST, so that what an organiser types (a name, an e-mail) never is in a URL or an access log. */
    void searchAttendees(Context ctx) {
        VersionRow version = ownVersion(ctx);
        String query = Api.readJson(ctx.body().isBlank() ? "{}" : ctx.body()).path("query").asText("").strip()
                .toLowerCase(Locale.ROOT);
        if (query.isEmpty()) {
            throw ApiProblem.badRequest("give a query: part of a name, an e-mail address or an attendee id");
        }
        JsonNode document = Api.readJson(store.versionDocument(version.id()));
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode attendee : document.path("attendees")) {
            String haystack = (attendee.path("id").asText("") + " " + attendee.path("name").asText("") + " "
                    + attendee.path("email").asText("")).toLowerCase(Locale.ROOT);
            if (haystack.contains(query)) {
                found.add(attendee);
            }
        }
        found.sort(Comparator.comparing((JsonNode a) -> !a.path("id").asText("").equalsIgnoreCase(query)));
        ArrayNode results = Json.MAPPER.createArrayNode();
        found.stream().limit(SEARCH_RESULTS).forEach(a -> results.addObject().put("id", a.path("id").asText())
                .put("name", a.path("name").asText()));
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.put("total", found.size());
        answer.set("attendees", results);
        ctx.json(answer);
    }

    void explainAttendee(Context ctx) {
        VersionRow version = ownVersion(ctx);
        LoadedEvent loaded = loadVersion(version);
        ScheduleExplanation.AttendeeAccount account = ScheduleExplanation.attendee(loaded.schedule(),
                ctx.pathParam("attendeeId"));
        if (account == null) {
            throw ApiProblem.notFound("attendee " + ctx.pathParam("attendeeId"));
        }
        ctx.json(Json.MAPPER.valueToTree(account));
    }

    void publish(Context ctx) {
        VersionRow version = ownVersion(ctx);
        store.publish(version.id(), Instant.now());
        ctx.json(versionJson(store.version(version.id()).orElseThrow(), false));
    }

    void changeReport(Context ctx) {
        VersionRow version = ownVersion(ctx);
        String report = store.changeReport(version.id())
                .orElseThrow(() -> ApiProblem.notFound("a change report of version " + version.number()));
        ctx.contentType("application/json").result(report);
    }

    void notifyCsv(Context ctx) {
        VersionRow version = ownVersion(ctx);
        String csv = store.notifyCsv(version.id())
                .orElseThrow(() -> ApiProblem.notFound("a list of attendees to notify of version " + version.number()));
        download(ctx, "notify-version-" + version.number() + ".csv", "text/csv", csv);
    }

    VersionRow ownVersion(Context ctx) {
        String id = ctx.pathParam("versionId");
        VersionRow version = store.version(id).orElseThrow(() -> ApiProblem.notFound("version " + id));
        api.ownEvent(ctx, version.eventId());
        return version;
    }
}

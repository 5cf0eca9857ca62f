package org.breakout.server.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.flywaydb.core.Flyway;

/**
 * The server's store: organisers, events, uploads, jobs and schedule versions, through JDBC. The schema is
 * migrated by Flyway ({@code src/main/resources/db/migration}) when the store opens; the SQL is the common part
 * of H2 and PostgreSQL. Every method opens its own connection, so the store is safe to use from any thread.
 */
public final class Store implements AutoCloseable {

    /** The organiser who owns everything made on a server that binds to localhost without {@code --public}. */
    public static final long LOCAL_ORGANISER = 1L;

    private static final SecureRandom RANDOM = new SecureRandom();

    public record EventRow(String id, long organiserId, String name, Instant createdAt, String programme,
            String currentInput, String inputUpload) {
    }

    public record UploadRow(String id, String eventId, String kind, String fileName, long sizeBytes, byte[] content,
            Instant createdAt, String status, String columns, String report, String imported) {
    }

    public record JobRow(String id, String eventId, String kind, String state, String options, String input,
            String baseVersion, String uploadId, Instant createdAt, Instant startedAt, Instant finishedAt,
            String progress, String best, String error, String versionId) {

        public boolean isActive() {
            return JobState.QUEUED.equals(state) || JobState.RUNNING.equals(state);
        }
    }

    /** Meta data of a version; the document itself by {@link #versionDocument}. */
    public record VersionRow(String id, String eventId, int number, String jobId, String origin, String score,
            Instant createdAt, Instant publishedAt, boolean hasChangeReport) {
    }

    /** The states a job goes through. */
    public static final class JobState {
        public static final String QUEUED = "queued";
        public static final String RUNNING = "running";
        public static final String FINISHED = "finished";
        public static final String STOPPED = "stopped";
        public static final String INTERRUPTED = "interrupted";
        public static final String FAILED = "failed";

        private JobState() {
        }
    }

    private final String url;
    private final String user;
    private final String password;
    /** Keeps an embedded database open between the per-call connections. */
    private final Connection keeper;

    private Store(String url, String user, String password) throws SQLException {
        this.url = url;
        this.user = user;
        this.password = password;
        this.keeper = connect();
    }

    /** Opens the database at the JDBC URL and migrates its schema to the latest version. */
    public static Store open(String url, String user, String password) {
        Flyway.configure(Store.class.getClassLoader()).dataSource(url, user, password)
                .locations("classpath:db/migration").load().migrate();
        try {
            Store store = new Store(url, user, password);
            if (store.query("SELECT id FROM organiser WHERE id = ?", rs -> rs.getLong(1), LOCAL_ORGANISER).isEmpty()) {
                store.update("INSERT INTO organiser (id, token_hash, created_at) VALUES (?, NULL, ?)", LOCAL_ORGANISER,
                        Instant.now());
            }
            return store;
        } catch (SQLException e) {
            throw new StoreException("cannot open the database: " + e.getMessage(), e);
        }
    }

    public static String newId(String prefix) {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    // ************************************************************************
    // Organisers
    // ************************************************************************

    public Optional<Long> organiserByTokenHash(String tokenHash) {
        return query("SELECT id FROM organiser WHERE token_hash = ?", rs -> rs.getLong(1), tokenHash).stream()
                .findFirst();
    }

    public boolean hasToken(long organiserId) {
        return !query("SELECT id FROM organiser WHERE id = ? AND token_hash IS NOT NULL", rs -> rs.getLong(1),
                organiserId).isEmpty();
    }

    public void setToken(long organiserId, String tokenHash) {
        update("UPDATE organiser SET token_hash = ? WHERE id = ?", tokenHash, organiserId);
    }

    public long addOrganiser(String tokenHash) {
        synchronized (this) {
            long next = query("SELECT COALESCE(MAX(id), 0) + 1 FROM organiser", rs -> rs.getLong(1)).get(0);
            update("INSERT INTO organiser (id, token_hash, created_at) VALUES (?, ?, ?)", next, tokenHash,
                    Instant.now());
            return next;
        }
    }

    // ************************************************************************
    // Events
    // ************************************************************************

    public void insertEvent(EventRow event) {
        update("INSERT INTO event (id, organiser_id, name, created_at, programme, current_input, input_upload) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", event.id(), event.organiserId(), event.name(), event.createdAt(),
                event.programme(), event.currentInput(), event.inputUpload());
    }

    public Optional<EventRow> event(String id) {
        return query("SELECT * FROM event WHERE id = ?", Store::eventRow, id).stream().findFirst();
    }

    public List<EventRow> events(long organiserId) {
        return query("SELECT * FROM event WHERE organiser_id = ? ORDER BY created_at DESC", Store::eventRow,
                organiserId);
    }

    public void setEventInput(String eventId, String input, String uploadId) {
        update("UPDATE event SET current_input = ?, input_upload = ? WHERE id = ?", input, uploadId, eventId);
    }

    private static EventRow eventRow(ResultSet rs) throws SQLException {
        return new EventRow(rs.getString("id"), rs.getLong("organiser_id"), rs.getString("name"),
                instant(rs, "created_at"), rs.getString("programme"), rs.getString("current_input"),
                rs.getString("input_upload"));
    }

    // ************************************************************************
    // Uploads
    // ************************************************************************

    public void insertUpload(UploadRow upload) {
        update("INSERT INTO upload (id, event_id, kind, file_name, size_bytes, content, created_at, status, columns, "
                + "report, imported) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", upload.id(), upload.eventId(),
                upload.kind(), upload.fileName(), upload.sizeBytes(), upload.content(), upload.createdAt(),
                upload.status(), upload.columns(), upload.report(), upload.imported());
    }

    public Optional<UploadRow> upload(String id) {
        return query("SELECT * FROM upload WHERE id = ?", Store::uploadRow, id).stream().findFirst();
    }

    public List<UploadRow> uploads(String eventId) {
        return query("SELECT * FROM upload WHERE event_id = ? ORDER BY created_at", Store::uploadRow, eventId);
    }

    public void setUploadStatus(String id, String status) {
        update("UPDATE upload SET status = ? WHERE id = ?", status, id);
    }

    private static UploadRow uploadRow(ResultSet rs) throws SQLException {
        return new UploadRow(rs.getString("id"), rs.getString("event_id"), rs.getString("kind"),
                rs.getString("file_name"), rs.getLong("size_bytes"), rs.getBytes("content"), instant(rs, "created_at"),
                rs.getString("status"), rs.getString("columns"), rs.getString("report"), rs.getString("imported"));
    }

    // ************************************************************************
    // Jobs
    // ************************************************************************

    public void insertJob(JobRow job) {
        update("INSERT INTO job (id, event_id, kind, state, options, input, base_version, upload_id, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", job.id(), job.eventId(), job.kind(), job.state(),
                job.options(), job.input(), job.baseVersion(), job.uploadId(), job.createdAt());
    }

    public Optional<JobRow> job(String id) {
        return query("SELECT * FROM job WHERE id = ?", Store::jobRow, id).stream().findFirst();
    }

    public List<JobRow> jobs(String eventId) {
        return query("SELECT * FROM job WHERE event_id = ? ORDER BY created_at", Store::jobRow, eventId);
    }

    public List<JobRow> activeJobs() {
        return query("SELECT * FROM job WHERE state IN (?, ?) ORDER BY created_at", Store::jobRow, JobState.QUEUED,
                JobState.RUNNING);
    }

    public void jobStarted(String id, Instant at) {
        update("UPDATE job SET state = ?, started_at = ? WHERE id = ?", JobState.RUNNING, at, id);
    }

    /** The latest progress, and (now and then) the best schedule so far, kept in case the server stops. */
    public void jobProgress(String id, String progress, String best) {
        if (best == null) {
            update("UPDATE job SET progress = ? WHERE id = ?", progress, id);
        } else {
            update("UPDATE job SET progress = ?, best = ? WHERE id = ?", progress, best, id);
        }
    }

    public void jobEnded(String id, String state, Instant at, String error, String versionId) {
        update("UPDATE job SET state = ?, finished_at = ?, error = ?, version_id = ? WHERE id = ?", state, at, error,
                versionId, id);
    }

    private static JobRow jobRow(ResultSet rs) throws SQLException {
        return new JobRow(rs.getString("id"), rs.getString("event_id"), rs.getString("kind"), rs.getString("state"),
                rs.getString("options"), rs.getString("input"), rs.getString("base_version"),
                rs.getString("upload_id"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"), rs.getString("progress"), rs.getString("best"), rs.getString("error"),
                rs.getString("version_id"));
    }

    // ************************************************************************
    // Schedule versions
    // ************************************************************************

    /** Stores a new version of the event's schedule, numbered after the last one; returns its row. */
    public synchronized VersionRow insertVersion(String eventId, String jobId, String origin, String document,
            String score, String changeReport, String notifyCsv) {
        int number = query("SELECT COALESCE(MAX(number), 0) + 1 FROM schedule_version WHERE event_id = ?",
                rs -> rs.getInt(1), eventId).get(0);
        String id = newId("v");
        Instant now = Instant.now();
        update("INSERT INTO schedule_version (id, event_id, number, job_id, origin, document, score, created_at, "
                + "change_report, notify_csv) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, eventId, number, jobId,
                origin, document, score, now, changeReport, notifyCsv);
        return new VersionRow(id, eventId, number, jobId, origin, score, now, null, changeReport != null);
    }

    private static final String VERSION_COLUMNS = "id, event_id, number, job_id, origin, score, created_at, "
            + "published_at, CASE WHEN change_report IS NULL THEN 0 ELSE 1 END AS has_report";

    public Optional<VersionRow> version(String id) {
        return query("SELECT " + VERSION_COLUMNS + " FROM schedule_version WHERE id = ?", Store::versionRow, id)
                .stream().findFirst();
    }

    public List<VersionRow> versions(String eventId) {
        return query("SELECT " + VERSION_COLUMNS + " FROM schedule_version WHERE event_id = ? ORDER BY number",
                Store::versionRow, eventId);
    }

    public Optional<VersionRow> latestPublished(String eventId) {
        return query("SELECT " + VERSION_COLUMNS + " FROM schedule_version WHERE event_id = ? AND published_at IS "
                + "NOT NULL ORDER BY published_at DESC, number DESC", Store::versionRow, eventId).stream().findFirst();
    }

    public String versionDocument(String id) {
        return query("SELECT document FROM schedule_version WHERE id = ?", rs -> rs.getString(1), id).get(0);
    }

    public Optional<String> changeReport(String id) {
        return query("SELECT change_report FROM schedule_version WHERE id = ?", rs -> rs.getString(1), id).stream()
                .filter(s -> s != null).findFirst();
    }

    public Optional<String> notifyCsv(String id) {
        return query("SELECT notify_csv FROM schedule_version WHERE id = ?", rs -> rs.getString(1), id).stream()
                .filter(s -> s != null).findFirst();
    }

    public void publish(String id, Instant at) {
        update("UPDATE schedule_version SET published_at = ? WHERE id = ? AND published_at IS NULL", at, id);
    }

    private static VersionRow versionRow(ResultSet rs) throws SQLException {
        return new VersionRow(rs.getString("id"), rs.getString("event_id"), rs.getInt("number"),
                rs.getString("job_id"), rs.getString("origin"), rs.getString("score"), instant(rs, "created_at"),
                instant(rs, "published_at"), rs.getInt("has_report") == 1);
    }

    // ************************************************************************
    // JDBC
    // ************************************************************************

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rs = statement.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("database query failed: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("database update failed: " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof Instant instant) {
                statement.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (value instanceof byte[] bytes) {
                statement.setBytes(i + 1, bytes);
            } else if (value == null) {
                statement.setObject(i + 1, null);
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    @Override
    public void close() {
        try {
            keeper.close();
        } catch (SQLException e) {
            // closing: nothing left to do
        }
    }

    /** A database failure: the server answers 500 and keeps running. */
    public static final class StoreException extends RuntimeException {
        StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

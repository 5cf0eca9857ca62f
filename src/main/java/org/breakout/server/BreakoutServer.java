package org.breakout.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;

import org.breakout.io.Json;
import org.breakout.io.JsonFiles;
import org.breakout.server.store.Store;
import org.breakout.server.store.Store.JobRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code breakout serve}: the organisers' page and the REST API under it, on Javalin (Jetty), with the store in a
 * JDBC database. {@link #start} opens (and migrates) the store, recovers jobs a previous run left behind and starts
 * listening; {@link #close} stops the jobs (each keeps its best schedule) and the server.
 */
public final class BreakoutServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BreakoutServer.class);

    /**
     * @param maxUploadBytes the largest request body accepted (programme, export)
     * @param jobThreads how many solver jobs run at once (more wait in the queue)
     * @param newOrganiser add an organiser with a new token at start
     */
    public record Config(String host, int port, boolean publicMode, String dbUrl, String dbUser, String dbPassword,
            Path dataDir, long maxUploadBytes, int jobThreads, boolean newOrganiser) {

        public static final long DEFAULT_MAX_UPLOAD_BYTES = 20L * 1024 * 1024;

        public static String defaultDbUrl(Path dataDir) {
            return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("breakout").toString().replace('\\', '/');
        }
    }

    private final Config config;
    private final Store store;
    private final Jobs jobs;
    private final Javalin app;
    private final List<String> newTokens = new ArrayList<>();
    private final List<String> routes = new ArrayList<>();

    private BreakoutServer(Config config) {
        this.config = config;
        this.store = Store.open(config.dbUrl(), config.dbUser(), config.dbPassword());
        Access access = new Access(store, config.publicMode());
        if (config.publicMode() && !store.hasToken(Store.LOCAL_ORGANISER)) {
            String token = Access.newToken();
            store.setToken(Store.LOCAL_ORGANISER, Access.hash(token));
            newTokens.add(token);
        }
        if (config.newOrganiser()) {
            String token = Access.newToken();
            store.addOrganiser(Access.hash(token));
            newTokens.add(token);
        }
        this.jobs = new Jobs(store, config.jobThreads());
        jobs.recover();
        Api api = new Api(store, jobs, config.dataDir().resolve("work"));
        this.app = Javalin.create(javalin -> {
            javalin.showJavalinBanner = false;
            javalin.http.maxRequestSize = config.maxUploadBytes();
            javalin.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            javalin.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/org/breakout/server/web";
                files.location = Location.CLASSPATH;
            });
        });
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            if (!config.publicMode() && !isLoopbackHost(ctx.host())) {
                // On localhost only localhost names: a web page cannot reach this server by a name of its own
                // that points here (DNS rebinding).
                throw new ApiProblem(403, "Not this host", "this server serves only http://127.0.0.1 (or localhost); "
                        + "start it with --public to serve other names");
            }
        });
        app.before("/api/*", ctx -> {
            String path = ctx.path();
            ctx.header("Cache-Control", "no-store");
            String origin = ctx.header("Origin");
            if (origin != null && !ctx.method().name().equals("GET") && !sameOrigin(origin, ctx.host())) {
                // Another site's page posting here in the organiser's browser (cross-site request forgery).
                throw new ApiProblem(403, "Other origin", "requests from other sites' pages are refused");
            }
            if (!path.equals("/api/session") && !path.equals("/api/openapi.json")) {
                access.check(ctx);
            }
        });
        app.get("/api/openapi.json", ctx -> ctx.contentType("application/json")
                .result(BreakoutServer.class.getResourceAsStream("/org/breakout/server/openapi.json")));
        app.get("/api/session", ctx -> {
            boolean signedIn = !access.publicMode() || Access.tokenOf(ctx).flatMap(access::organiserOf).isPresent();
            ctx.json(Json.MAPPER.createObjectNode().put("public", access.publicMode()).put("signedIn", signedIn));
        });
        app.post("/api/session", ctx -> {
            String token = Json.MAPPER.readTree(ctx.body().isBlank() ? "{}" : ctx.body()).path("token").asText("");
            if (access.organiserOf(token.strip()).isEmpty()) {
                throw new ApiProblem(401, "Unknown token", "that is not an organiser token of this server");
            }
            ctx.cookie(new io.javalin.http.Cookie(Access.COOKIE, token.strip(), "/", -1, false, 0, true, null, null,
                    io.javalin.http.SameSite.STRICT));
            ctx.json(Json.MAPPER.createObjectNode().put("public", true).put("signedIn", true));
        });
        app.delete("/api/session", ctx -> {
            ctx.removeCookie(Access.COOKIE, "/");
            ctx.status(204);
        });
        routes.addAll(List.of("get /api/openapi.json", "get /api/session", "post /api/session",
                "delete /api/session", "get /api/jobs/{jobId}/progress"));
        routes.addAll(api.routes(app));
        app.sse("/api/jobs/{jobId}/progress", client -> {
            JobRow job = api.ownJob(client.ctx());
            client.keepAlive();
            client.sendEvent("job", Api.jobJson(job).toString());
            Consumer<ObjectNode> listener = node -> {
                if (node.path("end").asBoolean()) {
                    store.job(job.id()).ifPresent(row -> client.sendEvent("end", Api.jobJson(row).toString()));
                    client.close();
                } else {
                    client.sendEvent("progress", node.toString());
                }
            };
            ObjectNode latest = jobs.subscribe(job.id(), listener);
            if (latest == null) {
                // Not running (any more): its final state.
                client.sendEvent("end", Api.jobJson(store.job(job.id()).orElseThrow()).toString());
                client.close();
                return;
            }
            if (latest.size() > 0) {
                client.sendEvent("progress", latest.toString());
            }
            client.onClose(() -> jobs.unsubscribe(job.id(), listener));
        });
        app.exception(ApiProblem.class, (e, ctx) -> ctx.status(e.status()).contentType("application/problem+json")
                .result(JsonFiles.render(e.toJson())));
        app.exception(HttpResponseException.class, (e, ctx) -> {
            String detail = e.getStatus() == 413 ? "the upload is larger than this server accepts ("
                    + config.maxUploadBytes() / 1024 + " KB; start it with a larger --max-upload)" : e.getMessage();
            ApiProblem problem = new ApiProblem(e.getStatus(), e.getStatus() == 413 ? "Upload too large"
                    : "Request failed", detail);
            ctx.status(e.getStatus()).contentType("application/problem+json").result(JsonFiles.render(problem.toJson()));
        });
        app.exception(Exception.class, (e, ctx) -> {
            // The log names the route and the failure, never the body (attendee data).
            LOG.error("{} {} failed: {}", ctx.method(), ctx.matchedPath(), e.toString());
            ApiProblem problem = new ApiProblem(500, "Internal error", "the server failed on this request (a bug: "
                    + "please report it); nothing was changed");
            ctx.status(500).contentType("application/problem+json").result(JsonFiles.render(problem.toJson()));
        });
    }

    static boolean isLoopbackHost(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        String host = hostHeader.startsWith("[") ? hostHeader.substring(0, hostHeader.indexOf(']') + 1)
                : hostHeader.replaceFirst(":\\d+$", "");
        return host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost") || host.equals("[::1]");
    }

    static boolean sameOrigin(String origin, String hostHeader) {
        try {
            java.net.URI uri = java.net.URI.create(origin);
            String authority = uri.getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(hostHeader);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The server cannot start: the database cannot be opened, or the port is taken. Says which and why. */
    public static final class StartException extends RuntimeException {
        StartException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** @throws StartException when the database cannot be opened or the address is in use */
    public static BreakoutServer start(Config config) {
        BreakoutServer server;
        try {
            server = new BreakoutServer(config);
        } catch (RuntimeException e) {
            // Flyway and the drivers say what is wrong (a database in use by another server, a wrong URL, …).
            throw new StartException("cannot open the database " + config.dbUrl().replaceAll("//[^@/]*@", "//")
                    + ": " + rootMessage(e), e);
        }
        try {
            server.app.start(config.host(), config.port());
        } catch (RuntimeException e) {
            server.jobs.close();
            server.store.close();
            throw new StartException("cannot listen on " + config.host() + ":" + config.port() + ": " + rootMessage(e)
                    + " (another server on that port? choose one with --port)", e);
        }
        LOG.info("breakout serve listening on http://{}:{}/", config.host(), server.port());
        return server;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.toString() : root.getMessage();
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }

    public int port() {
        return app.port();
    }

    /** Tokens made at this start (the first organiser's with {@code --public}, a new organiser's): shown once. */
    public List<String> newTokens() {
        return List.copyOf(newTokens);
    }

    /** Every route as "method path". */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    Jobs jobs() {
        return jobs;
    }

    Store store() {
        return store;
    }

    public Config config() {
        return config;
    }

    @Override
    public void close() {
        jobs.close();
        app.stop();
        store.close();
    }
}

package org.breakout.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

import org.breakout.server.BreakoutServer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code breakout serve}: the organisers' page and its REST API (docs/organisers.md, docs/api.md). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = { "Start the organisers' web page and its REST API: create an event from a programme, upload "
                + "the registration export, solve with live progress, see and download the schedule, publish it and "
                + "reallocate late registrations. Open the address it prints in a browser.",
                "Binds to localhost by default; --public binds to every interface and requires an organiser token. "
                        + "See docs/organisers.md and docs/api.md." })
public class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(names = "--host", description = "Address to bind to (default: 127.0.0.1; with --public 0.0.0.0).")
    String host;

    @Option(names = "--public", description = "Serve other machines too: every request then needs an organiser token "
            + "(generated on the first start and shown once), and each organiser sees only their own events.")
    boolean publicMode;

    @Option(names = "--new-organiser", description = "With --public: add an organiser and show their token once.")
    boolean newOrganiser;

    @Option(names = "--data-dir", defaultValue = "breakout-data",
            description = "Folder of the embedded database and temporary files (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--db", paramLabel = "JDBC-URL",
            description = "The database (default: an H2 file in --data-dir), e.g. jdbc:postgresql://localhost/breakout.")
    String db;

    @Option(names = "--db-user", description = "Database user (PostgreSQL).")
    String dbUser;

    @Option(names = "--db-password-env", paramLabel = "VAR",
            description = "Name of the environment variable holding the database password (never on the command line).")
    String dbPasswordEnv;

    @Option(names = "--max-upload", paramLabel = "MB", defaultValue = "20",
            description = "Largest upload accepted, in MB (default: ${DEFAULT-VALUE}).")
    int maxUploadMb;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Solver jobs run at once; more wait in the queue (default: the number of cores).")
    Integer jobThreads;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String bind = host != null ? host : publicMode ? "0.0.0.0" : "127.0.0.1";
        if (!publicMode && !isLoopback(bind)) {
            err.println("breakout: --host " + bind + " serves other machines: add --public (which requires an "
                    + "organiser token), or bind to 127.0.0.1");
            return ExitCodes.USAGE;
        }
        if (newOrganiser && !publicMode) {
            err.println("breakout: --new-organiser goes with --public (on localhost there is one organiser)");
            return ExitCodes.USAGE;
        }
        if (maxUploadMb < 1) {
            err.println("breakout: --max-upload must be at least 1 (MB)");
            return ExitCodes.USAGE;
        }
        Files.createDirectories(dataDir);
        String url = db != null ? db : BreakoutServer.Config.defaultDbUrl(dataDir);
        String password = dbPasswordEnv == null ? null : System.getenv(dbPasswordEnv);
        int threads = jobThreads != null ? Math.max(1, jobThreads) : Runtime.getRuntime().availableProcessors();
        BreakoutServer server;
        try {
            server = BreakoutServer.start(new BreakoutServer.Config(bind, port, publicMode, url, dbUser, password,
                    dataDir, maxUploadMb * 1024L * 1024L, threads, newOrganiser));
        } catch (BreakoutServer.StartException e) {
            err.println("breakout: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Ctrl-C: running jobs keep their best schedule (marked interrupted), then the server stops.
            server.close();
            stopped.countDown();
        }, "breakout-serve-stop"));
        String shown = bind.equals("0.0.0.0") ? "localhost" : bind;
        out.printf("breakout serve: open http://%s:%d/ in a browser (Ctrl-C stops; data in %s)%n", shown,
                server.port(), db != null ? "the database " + db.replaceAll("//[^@/]*@", "//") : dataDir);
        for (String token : server.newTokens()) {
            out.println("Organiser token (shown once; keep it, it is stored only as a hash): " + token);
        }
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

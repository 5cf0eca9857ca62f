package org.breakout.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.solver.ScheduleSolver;

/**
 * Progress of a solve on stderr: one live line rewritten in place on a terminal, plain lines (at most one a
 * second) when the output goes to a file or a pipe. Every line says the phase the solver is in, the time since the
 * solve started, the best score and the seats filled (a new best schedule names the phase that found it); a phase
 * that starts gets a line of its own (on a terminal the live line just changes), so that a phase with no new best
 * schedule for minutes (the seating of a big event) still says where the solver is.
 */
final class Progress implements ScheduleSolver.PhaseListener {

    private static final long TERMINAL_INTERVAL_MS = 250;
    private static final long PLAIN_INTERVAL_MS = 1000;

    private final PrintWriter err;
    private final boolean quiet;
    private final boolean terminal;
    private final int seatsWanted;
    /** What the clock counts from: the start of the solve ({@link #solvingStarted()}), until then the construction. */
    private volatile long start = System.nanoTime();
    private long lastPrinted = -1;
    private String pending;
    private String phase = "starting";
    /** Where the running phase is, when it says ({@link #stage}); null when it has not. */
    private String stage;
    private String best = "";
    private Thread heartbeat;
    private final java.util.Map<Integer, String> phaseNames = new java.util.HashMap<>();
    private String bestFrom = "start";
    private boolean finished;

    Progress(PrintWriter err, boolean quiet, boolean terminal, int seatsWanted) {
        this.err = err;
        this.quiet = quiet;
        this.terminal = terminal;
        this.seatsWanted = seatsWanted;
    }

    /**
     * The clock starts again: the lines and {@link #elapsed()} count the solve, not the solver's set-up before it
     * (reading {@code solverConfig.xml} and building the solver factory: class loading in a fresh JVM, the same for
     * every event), as {@code Solved in} did before the phase progress made this listener exist before the solver.
     */
    @Override
    public synchronized void solvingStarted() {
        start = System.nanoTime();
        lastPrinted = -1;
    }

    @Override
    public synchronized void phaseStarted(int index, int phases, String name) {
        phase = name;
        stage = null;
        phaseNames.put(index, name);
        if (quiet) {
            return;
        }
        String line = String.format(Locale.ROOT, "%7.1fs  phase %d/%d: %s%s", elapsedMs() / 1000.0, index + 1, phases,
                name, best.isEmpty() ? "" : "  " + best);
        if (terminal) {
            print(line);
        } else {
            if (pending != null) {
                print(pending); // the last best of the phase before: the line that ends it
                pending = null;
            }
            err.println(line);
            err.flush();
        }
        lastPrinted = elapsedMs();
    }

    @Override
    public synchronized void stage(String text) {
        stage = text;
    }

    @Override
    public synchronized void newBestFrom(int index) {
        bestFrom = index < 0 ? "start" : phaseNames.getOrDefault(index, "phase " + (index + 1));
    }

    synchronized void newBest(Schedule schedule) {
        long filled = schedule.getSeats().stream().filter(Seat::isAssigned).count();
        best = String.format(Locale.ROOT, "best %s  seats %d/%d", schedule.getScore(), filled, seatsWanted);
        if (quiet) {
            return;
        }
        long elapsedMs = elapsedMs();
        String line = String.format(Locale.ROOT, "%7.1fs  %s  %s", elapsedMs / 1000.0, bestFrom, best);
        long interval = terminal ? TERMINAL_INTERVAL_MS : PLAIN_INTERVAL_MS;
        if (lastPrinted >= 0 && elapsedMs - lastPrinted < interval) {
            pending = line;
            return;
        }
        print(line);
        lastPrinted = elapsedMs;
        pending = null;
    }

    /**
     * While a phase runs long without a new best schedule (the seating of a big event can take minutes), a line now and
     * then that it is still running: every {@code plainEvery} in a file or pipe, every second on a terminal (the live
     * line's clock). Stopped by {@link #finish()}.
     */
    synchronized void startHeartbeat(Duration plainEvery) {
        if (quiet || heartbeat != null) {
            return;
        }
        long everyMs = terminal ? 1000 : plainEvery.toMillis();
        heartbeat = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(Math.min(everyMs, 1000));
                    beat(everyMs);
                }
            } catch (InterruptedException e) {
                // finished
            }
        }, "breakout-progress");
        heartbeat.setDaemon(true);
        heartbeat.start();
    }

    private synchronized void beat(long everyMs) {
        long elapsedMs = elapsedMs();
        if (heartbeat == null || lastPrinted >= 0 && elapsedMs - lastPrinted < everyMs) {
            return;
        }
        print(String.format(Locale.ROOT, "%7.1fs  %s%s …%s", elapsedMs / 1000.0, phase,
                stage == null ? "" : " (" + stage + ")", best.isEmpty() ? "" : "  " + best));
        lastPrinted = terminal ? lastPrinted : elapsedMs;
    }

    private long elapsedMs() {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private void print(String line) {
        if (terminal) {
            err.print("\r\033[K" + line);
            err.flush();
        } else {
            err.println(line);
            err.flush();
        }
    }

    /**
     * Time since the solve started ({@link #solvingStarted()}), including Timefold's building of the solver for this
     * event, its phases and whatever the caller did since (the score analysis): what the progress lines count from.
     */
    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    synchronized void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (heartbeat != null) {
            heartbeat.interrupt();
            heartbeat = null;
        }
        if (quiet) {
            return;
        }
        if (pending != null) {
            print(pending);
            pending = null;
        }
        if (terminal) {
            err.println();
        }
        err.flush();
    }
}

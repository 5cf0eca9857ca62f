package org.breakout.cli;

import java.io.PrintWriter;
import java.time.Duration;

import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;

/**
 * Progress of a solve on stderr: one live line rewritten in place on a terminal, plain lines (at most one a
 * second) when the output goes to a file or a pipe.
 */
final class Progress {

    private static final long TERMINAL_INTERVAL_MS = 250;
    private static final long PLAIN_INTERVAL_MS = 1000;

    private final PrintWriter err;
    private final boolean quiet;
    private final boolean terminal;
    private final int seatsWanted;
    private final long start = System.nanoTime();
    private long lastPrinted = -1;
    private String pending;

    Progress(PrintWriter err, boolean quiet, boolean terminal, int seatsWanted) {
        this.err = err;
        this.quiet = quiet;
        this.terminal = terminal;
        this.seatsWanted = seatsWanted;
    }

    synchronized void newBest(Schedule best) {
        if (quiet) {
            return;
        }
        long filled = best.getSeats().stream().filter(Seat::isAssigned).count();
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        String line = String.format("%7.1fs  best %s  seats %d/%d", elapsedMs / 1000.0, best.getScore(), filled, seatsWanted);
        long interval = terminal ? TERMINAL_INTERVAL_MS : PLAIN_INTERVAL_MS;
        if (lastPrinted >= 0 && elapsedMs - lastPrinted < interval) {
            pending = line;
            return;
        }
        print(line);
        lastPrinted = elapsedMs;
        pending = null;
    }

    private void print(String line) {
        if (terminal) {
            err.print("\r\033[K" + line);
            err.flush();
        } else {
            err.println(line);
        }
    }

    /** Time since the solver was started, including its set-up: what the progress lines count from. */
    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    synchronized void finish() {
        if (quiet) {
            return;
        }
        if (pending != null) {
            print(pending);
        }
        if (terminal) {
            err.println();
        }
        err.flush();
    }
}

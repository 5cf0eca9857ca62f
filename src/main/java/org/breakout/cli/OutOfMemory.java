package org.breakout.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Running out of memory as an outcome, not a crash: a reserve of heap that is given back when the heap runs out (so
 * that the message and the write of the best schedule can still run), and the message itself: how big the heap was,
 * which {@code -Xmx} to try and how to set it.
 * <p>
 * Not {@code -XX:+ExitOnOutOfMemoryError}: that stops the JVM without a word and without writing anything.
 */
final class OutOfMemory {

    /** Heap kept back until the heap runs out. */
    static final int RESERVE_BYTES = 8 * 1024 * 1024;

    private static volatile byte[] reserve;

    private OutOfMemory() {
    }

    /** Keeps {@link #RESERVE_BYTES} of heap back (once per command). */
    static void reserve() {
        if (reserve == null) {
            reserve = new byte[RESERVE_BYTES];
        }
    }

    /** Gives the reserve back: the heap has run out, and the message and the write need room. */
    static void release() {
        reserve = null;
    }

    private static volatile boolean ranOut;

    /**
     * For {@code main}: threads that die of running out of memory (or of what it left behind: a thread pool whose lock
     * an {@code OutOfMemoryError} interrupted throws {@code IllegalMonitorStateException} from its idle workers) die
     * quietly, since the command reports running out of memory itself; anything else is printed as the JVM would.
     */
    static void installUncaughtHandler() {
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            if (causedBy(failure)) {
                ranOut = true;
                release();
            }
            if (ranOut) {
                return;
            }
            System.err.print("Exception in thread \"" + thread.getName() + "\" ");
            failure.printStackTrace(System.err);
        });
    }

    /** Marks that the heap ran out (stray failures of other threads are not printed from now on). */
    static void ranOut() {
        ranOut = true;
        release();
    }

    /** Whether {@code failure} is, or was caused by, running out of heap (in the solver's thread, say). */
    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /** The heap's maximum, in bytes ({@code Runtime.maxMemory()}). */
    static long heapMax() {
        return Runtime.getRuntime().maxMemory();
    }

    /** The machine's physical memory in bytes, or 0 when it cannot be read. */
    static long physicalMemory() {
        try {
            if (ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os) {
                return os.getTotalMemorySize();
            }
        } catch (RuntimeException | LinkageError e) {
            // Not a HotSpot-like JVM: no suggestion capped by the machine.
        }
        return 0;
    }

    /**
     * The heap to try, in MB: twice the current one rounded up to a power of two, at most 3/4 of the machine's memory
     * (0 when the machine has no more to give: at least 1/4 left for the rest of the machine).
     */
    static long suggestedMegabytes(long heapMaxBytes, long physicalBytes) {
        long current = Math.max(1, heapMaxBytes / (1024 * 1024));
        long suggested = Long.highestOneBit(2 * current - 1) << 1;
        if (physicalBytes > 0) {
            long cap = physicalBytes / (1024 * 1024) * 3 / 4;
            if (suggested > cap) {
                suggested = cap >= 1024 ? cap / 1024 * 1024 : cap;
            }
            if (suggested <= current) {
                return 0;
            }
        }
        return suggested;
    }

    /** {@code -Xmx} syntax: 512m, 8g. */
    static String xmx(long megabytes) {
        return megabytes >= 1024 && megabytes % 1024 == 0 ? megabytes / 1024 + "g" : megabytes + "m";
    }

    static String size(long bytes) {
        double mb = bytes / (1024.0 * 1024);
        return mb >= 1024 ? String.format(Locale.ROOT, "%.1f GB", mb / 1024) : String.format(Locale.ROOT, "%d MB",
                Math.round(mb));
    }

    /**
     * The message: what ran out, the heap, what to try.
     *
     * @param doing what was going on, e.g. "solving event.json (5,000 attendees, 33,525 wanted seats)"
     * @param command the command to run again, e.g. "solve event.json -o out.json"
     */
    static void print(PrintWriter err, String doing, String command) {
        long heap = heapMax();
        long physical = physicalMemory();
        long suggested = suggestedMegabytes(heap, physical);
        err.printf(Locale.ROOT, "breakout: out of memory while %s: the Java heap is %s at most, and it needed more.%n",
                doing, size(heap));
        String machine = physical > 0 ? " (this machine has " + size(physical) + ")" : "";
        if (suggested > 0) {
            err.printf(Locale.ROOT, "Give Java more heap, e.g. %s%s:%n  BREAKOUT_JAVA_OPTS=-Xmx%s ./breakout %s%n",
                    size(suggested * 1024 * 1024), machine, xmx(suggested), command);
            err.printf("(or java -Xmx%s -jar target/breakout.jar …; the launcher's default is 75 %% of the machine's "
                    + "memory, see ./breakout --help)%n", xmx(suggested));
        } else {
            err.printf("The heap already has most of this machine's memory%s: this event needs a machine with more "
                    + "memory, or a smaller event.%n", machine);
        }
        err.flush();
    }
}

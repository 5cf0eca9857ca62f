package org.breakout.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Samples the heap in use ({@link MemoryMXBean#getHeapMemoryUsage()}: live objects and garbage not yet collected)
 * on a daemon thread and keeps the largest sample since the last {@link #reset()}.
 * <p>
 * breakout measures memory itself because the Benchmarker's MEMORY_USE statistic (Timefold 1.32) reads the first
 * Micrometer gauge named {@code jvm.memory.used}, which is the use of <em>one</em> JVM memory pool (for example the
 * compressed class space), not of the heap.
 */
final class HeapSampler implements AutoCloseable {

    /** How often the heap is sampled. */
    static final long INTERVAL_MILLIS = 50;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private long peak;
    private int samples;
    private volatile boolean running = true;

    HeapSampler() {
        thread = new Thread(this::sampleUntilClosed, "breakout-heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sampleUntilClosed() {
        while (running) {
            sample();
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void sample() {
        peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        samples++;
    }

    /** Starts a new measurement, with a sample now. */
    synchronized void reset() {
        peak = 0;
        samples = 0;
        sample();
    }

    /** The largest heap in use since the last reset, with a sample now. */
    synchronized long peak() {
        sample();
        return peak;
    }

    synchronized int samples() {
        return samples;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}

package org.breakout.server;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.bound.BoundCalculator;
import org.breakout.bound.ObjectiveBound;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.io.EventReader;
import org.breakout.io.Json;
import org.breakout.io.JsonFiles;
import org.breakout.io.LoadedEvent;
import org.breakout.io.ScheduleWriter;
import org.breakout.reallocate.ChangeReportWriter;
import org.breakout.reallocate.Reallocation;
import org.breakout.report.ScheduleSummary;
import org.breakout.server.store.Store;
import org.breakout.server.store.Store.JobRow;
import org.breakout.server.store.Store.JobState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.breakout.solver.ScheduleSolver;

/**
 * The solver jobs of every event: queued on a fixed pool of threads (one per core by default, as a Community
 * solve uses one core), each solved by its own {@link ScheduleSolver} (Timefold's {@code SolverManager}), each with
 * its own progress; a failing job ends as {@code failed} and touches nothing else. Progress goes to the listeners
 * (Server-Sent Events) and, every few seconds with the best schedule so far, to the store, so that a server that
 * stops mid-job keeps the best schedule.
 */
final class Jobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);
    private static final long BROADCAST_MS = 250;
    private static final long STORE_PROGRESS_MS = 1000;
    private static final long CHECKPOINT_MS = 3000;
    private static final long BOUND_WAIT_SECONDS = 10;

    static final String SOLVE = "solve";
    static final String REALLOCATE = "reallocate";

    /** A job in this server's memory: its stop switch, its solver once started, who listens to it. */
    private static final class Running {
        final String id;
        volatile ScheduleSolver solver;
        volatile String stopAs;
        volatile ObjectNode progress;
        final List<Consumer<ObjectNode>> listeners = new CopyOnWriteArrayList<>();
        /** The progress last sent to the listeners and the store (the ticker sends newer ones). */
        ObjectNode broadcast;
        ObjectNode stored;
        long lastStored = -1;
        long lastCheckpoint;
        final long start = System.nanoTime();

        Running(String id) {
            this.id = id;
        }

        long elapsedMs() {
            return (System.nanoTime() - start) / 1_000_000;
        }

        void stop(String state) {
            if (stopAs == null) {
                stopAs = state;
            }
            ScheduleSolver running = solver;
            if (running != null) {
                running.terminateEarly();
            }
        }
    }

    private final Store store;
    private final ExecutorService pool;
    private final ScheduledExecutorService ticker;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final Map<String, Reallocation.Prepared> prepared = new ConcurrentHashMap<>();
    private volatile boolean closing;

    Jobs(Store store, int threads) {
        this.store = store;
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread thread = new Thread(r, "breakout-job-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), factory);
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "breakout-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(() -> running.values().forEach(entry -> {
            try {
                flush(entry, false);
            } catch (RuntimeException e) {
                LOG.warn("progress of job {} not sent: {}", entry.id, e.toString());
            }
        }), BROADCAST_MS, BROADCAST_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Jobs that were queued or running when the server last stopped (or died): marked interrupted, and the best
     * schedule they had reached kept as a version.
     */
    void recover() {
        for (JobRow job : store.activeJobs()) {
            String versionId = null;
            if (job.best() != null) {
                versionId = store.insertVersion(job.eventId(), job.id(), JobState.INTERRUPTED, job.best(),
                        scoreOf(job.best()), null, null).id();
            }
            store.jobEnded(job.id(), JobState.INTERRUPTED, Instant.now(), "the server stopped while this job was "
                    + (JobState.RUNNING.equals(job.state()) ? "running" : "queued")
                    + (versionId == null ? "" : "; its best schedule so far is kept"), versionId);
            LOG.info("job {} was {} when the server stopped: marked interrupted", job.id(), job.state());
        }
    }

    void submit(JobRow job, Reallocation.Prepared reallocation) {
        if (reallocation != null) {
            prepared.put(job.id(), reallocation);
        }
        Running entry = new Running(job.id());
        running.put(job.id(), entry);
        pool.submit(() -> run(job.id(), entry));
    }

    /** Asks a queued or running job to stop; it keeps the best schedule found so far. False: not running here. */
    boolean stop(String jobId) {
        Running entry = running.get(jobId);
        if (entry == null) {
            return false;
        }
        entry.stop(JobState.STOPPED);
        return true;
    }

    /** Listens to a job's progress; returns the latest progress (null: not running in this server). */
    ObjectNode subscribe(String jobId, Consumer<ObjectNode> listener) {
        Running entry = running.get(jobId);
        if (entry == null) {
            return null;
        }
        entry.listeners.add(listener);
        ObjectNode latest = entry.progress;
        return latest == null ? Json.MAPPER.createObjectNode() : latest;
    }

    void unsubscribe(String jobId, Consumer<ObjectNode> listener) {
        Running entry = running.get(jobId);
        if (entry != null) {
            entry.listeners.remove(listener);
        }
    }

    private void run(String jobId, Running entry) {
        JobRow job = store.job(jobId).orElseThrow();
        try {
            if (entry.stopAs != null) {
                store.jobEnded(jobId, entry.stopAs.equals(JobState.STOPPED) ? JobState.STOPPED : JobState.INTERRUPTED,
                        Instant.now(), "stopped before it started", null);
                return;
            }
            store.jobStarted(jobId, Instant.now());
            LOG.info("job {} ({}) of event {} started", jobId, job.kind(), job.eventId());
            String versionId = job.kind().equals(REALLOCATE) ? reallocate(job, entry) : solve(job, entry);
            String state = entry.stopAs == null ? JobState.FINISHED : entry.stopAs;
            store.jobEnded(jobId, state, Instant.now(), null, versionId);
            LOG.info("job {} {} after {} ms", jobId, state, entry.elapsedMs());
        } catch (Throwable e) {
            // No attendee data in the log: the job id and what failed.
            LOG.error("job {} failed: {}", jobId, e.toString());
            store.jobEnded(jobId, JobState.FAILED, Instant.now(), "the solver failed: " + e.getMessage(), null);
        } finally {
            prepared.remove(jobId);
            flush(entry, true);
            running.remove(jobId);
            ObjectNode end = Json.MAPPER.createObjectNode().put("end", true);
            store.job(jobId).ifPresent(row -> end.put("state", row.state()));
            entry.listeners.forEach(listener -> listener.accept(end));
        }
    }

    static ScheduleSolver.Options solverOptions(JsonNode options) {
        Duration timeLimit = options.hasNonNull("timeLimit") ? Duration.parse(options.get("timeLimit").asText())
                : ScheduleSolver.Options.DEFAULT_TIME_LIMIT;
        long seed = options.path("seed").asLong(0);
        if (options.hasNonNull("steps")) {
            return new ScheduleSolver.Options(timeLimit, null, options.get("steps").asInt(), seed);
        }
        Duration unimproved = options.hasNonNull("unimprovedLimit")
                ? Duration.parse(options.get("unimprovedLimit").asText())
                : ScheduleSolver.Options.DEFAULT_UNIMPROVED_LIMIT;
        return new ScheduleSolver.Options(timeLimit, unimproved, null, seed);
    }

    private String solve(JobRow job, Running entry) throws Exception {
        LoadedEvent loaded = EventReader.parse(Path.of("event.json"), job.input());
        Schedule problem = loaded.schedule();
        CompletableFuture<ObjectiveBound> bound = bound(job.input());
        try (ScheduleSolver solver = new ScheduleSolver(solverOptions(Json.MAPPER.readTree(job.options())))) {
            entry.solver = solver;
            if (entry.stopAs != null) {
                solver.terminateEarly();
            }
            Schedule best = solver.solve(problem, schedule -> newBest(entry, schedule, bound, problem.getSeats().size(),
                    () -> ScheduleWriter.toDocument(loaded.document(), schedule,
                            ScheduleSummary.of(schedule, solver.analyzeBrokenRules(schedule))), solver));
            ScheduleSummary summary = ScheduleSummary.of(best, solver.analyzeBrokenRules(best));
            ObjectNode document = ScheduleWriter.toDocument(loaded.document(), best, summary);
            if (entry.stopAs == null) {
                awaitQuietly(bound, BOUND_WAIT_SECONDS); // the final gap, when the bound is about to be known
            }
            progress(entry, best, bound, problem.getSeats().size(), true);
            String origin = entry.stopAs == null ? SOLVE : entry.stopAs;
            return store.insertVersion(job.eventId(), job.id(), origin, JsonFiles.render(document), summary.score(),
                    null, null).id();
        }
    }

    private String reallocate(JobRow job, Running entry) throws Exception {
        Reallocation.Prepared input = prepared.get(job.id());
        if (input == null) {
            throw new IllegalStateException("the reallocation's inputs are gone (the server restarted)");
        }
        JsonNode options = Json.MAPPER.readTree(job.options());
        ScheduleSolver.Options solverOptions = solverOptions(options);
        int wanted = input.model().schedule().getSeats().size();
        Reallocation.Result result = Reallocation.solve(input, solverOptions, schedule -> {
            progress(entry, schedule, null, wanted, false);
            stopIfAsked(entry);
        }, solver -> {
            entry.solver = solver;
            if (entry.stopAs != null) {
                solver.terminateEarly();
            }
        });
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("published", "version " + options.path("baseNumber").asInt());
        run.put("changes", options.path("changesFile").asText());
        run.put("policy", input.policy().id());
        run.put("upgrade", input.upgrade());
        run.put("seed", solverOptions.seed());
        run.put("score", result.summary().score());
        ObjectNode report = ChangeReportWriter.toJson(result.report(), run);
        String text = ChangeReportWriter.toText(result.report());
        report.put("text", text);
        String csv = ChangeReportWriter.toCsv(ChangeReportWriter.mailRows(result.report(), result.schedule()));
        return store.insertVersion(job.eventId(), job.id(), REALLOCATE, JsonFiles.render(result.schedule()),
                result.summary().score(), JsonFiles.render(report), csv).id();
    }

    private static void awaitQuietly(CompletableFuture<?> future, long seconds) {
        try {
            future.get(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // not known in time: the progress says so
        }
    }

    private static CompletableFuture<ObjectiveBound> bound(String input) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return BoundCalculator.compute(EventReader.parse(Path.of("event.json"), input).schedule(),
                        BoundCalculator.Options.DEFAULT.withoutMip());
            } catch (Exception | StackOverflowError e) {
                return null;
            }
        });
    }

    @FunctionalInterface
    private interface DocumentSupplier {
        ObjectNode get();
    }

    private void newBest(Running entry, Schedule best, CompletableFuture<ObjectiveBound> bound, int wanted,
            DocumentSupplier document, ScheduleSolver solver) {
        progress(entry, best, bound, wanted, false);
        stopIfAsked(entry);
        long now = entry.elapsedMs();
        if (now - entry.lastCheckpoint >= CHECKPOINT_MS) {
            entry.lastCheckpoint = now;
            store.jobProgress(entry.id, JsonFiles.render(entry.progress), JsonFiles.render(document.get()));
        }
    }

    /** A stop asked before the solver had started is asked again once it runs (not from the solver's thread). */
    private static void stopIfAsked(Running entry) {
        ScheduleSolver solver = entry.solver;
        if (entry.stopAs != null && solver != null) {
            CompletableFuture.runAsync(solver::terminateEarly);
        }
    }

    private void progress(Running entry, Schedule best, CompletableFuture<ObjectiveBound> bound, int wanted,
            boolean last) {
        long filled = best.getSeats().stream().filter(Seat::isAssigned).count();
        long elapsed = entry.elapsedMs();
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("elapsedMs", elapsed);
        HardMediumSoftLongScore score = best.getScore();
        node.put("score", score == null ? null : score.toString());
        node.put("feasible", score != null && score.isFeasible());
        node.put("seatsFilled", filled);
        node.put("seatsWanted", wanted);
        ObjectiveBound figures = bound == null ? null : bound.getNow(null);
        if (figures != null && score != null) {
            ObjectNode b = node.putObject("bound");
            b.put("maxSeatsFilled", figures.maxSeatsFilled());
            b.put("minPreferenceCost", figures.minPreferenceCost());
            b.put("exact", figures.exact());
            ObjectNode gap = node.putObject("gap");
            gap.put("seats", figures.maxSeatsFilled() - filled);
            if (filled <= figures.maxSeatsFilled()) {
                // The soft score is the preference cost plus the other soft wishes: an upper estimate of the gap.
                gap.put("cost", -score.softScore() - figures.minPreferenceCostAt((int) filled));
            }
        }
        entry.progress = node;
        if (last) {
            flush(entry, true);
        }
    }

    /**
     * Sends a job's latest progress to its listeners (when it changed since) and to the store (at most every second):
     * from the ticker every {@value #BROADCAST_MS} ms, so that a new best found just after the last one sent is not
     * held back until the next.
     */
    private synchronized void flush(Running entry, boolean now) {
        ObjectNode latest = entry.progress;
        if (latest == null) {
            return;
        }
        if (latest != entry.broadcast) {
            entry.broadcast = latest;
            entry.listeners.forEach(listener -> listener.accept(latest));
        }
        long elapsed = entry.elapsedMs();
        if (latest != entry.stored && (now || entry.lastStored < 0 || elapsed - entry.lastStored >= STORE_PROGRESS_MS)) {
            entry.stored = latest;
            entry.lastStored = elapsed;
            store.jobProgress(entry.id, JsonFiles.render(latest), null);
        }
    }

    private static String scoreOf(String document) {
        try {
            return Json.MAPPER.readTree(document).path("score").asText(null);
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * Stops every job: running ones keep their best schedule as a version and end as {@code interrupted}, queued ones
     * end as {@code interrupted} without one.
     */
    @Override
    public void close() {
        closing = true;
        running.values().forEach(entry -> entry.stop(JobState.INTERRUPTED));
        ticker.shutdownNow();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean closing() {
        return closing;
    }
}

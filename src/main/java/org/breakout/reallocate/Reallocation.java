package org.breakout.reallocate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.domain.Attendee;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.SessionRun;
import org.breakout.io.EventFormatException;
import org.breakout.io.EventReader;
import org.breakout.io.JsonFiles;
import org.breakout.io.LoadedEvent;
import org.breakout.io.Problem;
import org.breakout.io.ScheduleWriter;
import org.breakout.reallocate.BadInputException.FileProblem;
import org.breakout.report.ScheduleSummary;
import org.breakout.solver.ScheduleSolver;

/**
 * A reallocation, in the one direction data flows: published schedule + changes → merged event (validated by the
 * event reader) → model with the policy's pins and weights → the solver, warm-started from the published seats →
 * new schedule (scored with the event's own weights) → change report.
 */
public final class Reallocation {

    /** Inputs read, merged and validated: ready to solve. */
    public record Prepared(LoadedEvent published, ChangeSet changes, MergedEvent merged, LoadedEvent model,
            Policy policy, boolean upgrade) {

        /** Warnings of the published file, of the changes, and of the attendees the changes brought in. */
        public List<String> warnings() {
            List<String> warnings = new ArrayList<>();
            published.warnings().forEach(w -> warnings.add(published.source() + ": " + w));
            merged.warnings().forEach(w -> warnings.add(changes.source() + ": " + w));
            String changesFile = changes.source().toString();
            for (Problem warning : model.warnings()) {
                FileProblem located = located(warning, merged, published.source());
                if (located.file().equals(changesFile)) {
                    warnings.add(located.toString());
                }
            }
            return warnings;
        }
    }

    /** The new schedule (as written) and what changed. */
    public record Result(ObjectNode schedule, ChangeReport report, ScheduleSummary summary) {
    }

    private static final Pattern ATTENDEE_PATH = Pattern.compile("^attendees\\[(\\d+)](.*)$");

    private Reallocation() {
    }

    /** Reads the published schedule, folds the changes in and validates the result. Writes nothing. */
    public static Prepared prepare(Path publishedFile, ChangeSource changeSource, Policy policy, boolean upgrade)
            throws BadInputException {
        LoadedEvent published;
        try {
            published = EventReader.read(publishedFile);
        } catch (EventFormatException e) {
            throw new BadInputException(e.problems().stream()
                    .map(p -> new FileProblem(publishedFile.toString(), p.path(), p.message())).toList());
        } catch (IOException e) {
            throw new BadInputException(List.of(new FileProblem(publishedFile.toString(), "",
                    "cannot read: " + e.getMessage())));
        }
        ChangeSet changes = changeSource.read(published);
        MergedEvent merged = ScheduleMerge.merge(publishedFile, published.document(), changes, policy);
        LoadedEvent model;
        try {
            model = EventReader.parse(publishedFile, JsonFiles.render(merged.document()));
        } catch (EventFormatException e) {
            throw new BadInputException(e.problems().stream().map(p -> located(p, merged, publishedFile)).toList());
        }
        return new Prepared(published, changes, merged, model, policy, upgrade);
    }

    /** Where the change set comes from: an event file ({@link EventFileChanges}) or an export ({@link ExportChanges}). */
    @FunctionalInterface
    public interface ChangeSource {
        ChangeSet read(LoadedEvent published) throws BadInputException;
    }

    /** Re-seating by new choices is retried at most this many times (each a full solve). */
    static final int MAX_PASSES = 4;

    /**
     * Solves the merged event with the policy's weights and builds the new schedule and the change report.
     * <p>
     * Nobody loses a published seat without a seat in that round in return, unless they cancelled or no longer want
     * it. Filling seats counts every seat alike, so a solve may leave a published attendee without a seat so that a
     * newcomer gets one instead (same number of seats filled, better choices): under {@code free}, or for an
     * attendee whose changed choices sent them looking for a seat. Such a published seat is then kept, pinned, and
     * the event solved again (a few passes at most, as a seat kept this way can crowd out another).
     */
    public static Result solve(Prepared prepared, ScheduleSolver.Options options, Consumer<Schedule> onNewBest) {
        return solve(prepared, options, onNewBest, solver -> {
        });
    }

    /**
     * As {@link #solve(Prepared, ScheduleSolver.Options, Consumer)}, handing each solver to {@code onSolver} as it is
     * made, so that a caller can stop it early ({@link ScheduleSolver#terminateEarly()}: the best so far is kept).
     */
    public static Result solve(Prepared prepared, ScheduleSolver.Options options, Consumer<Schedule> onNewBest,
            Consumer<ScheduleSolver> onSolver) {
        Set<String> fallback = new LinkedHashSet<>();
        Prepared current = prepared;
        Result result = solveOnce(current, options, onNewBest, onSolver);
        for (int pass = 1; pass < MAX_PASSES; pass++) {
            Set<String> lost = lostPublishedSeats(current.published().document(), current.merged(), result.schedule());
            if (lost.isEmpty()) {
                break;
            }
            fallback.addAll(lost);
            current = remerge(current, fallback);
            result = solveOnce(current, options, onNewBest, onSolver);
        }
        return result;
    }

    /**
     * Published seats whose attendee has no seat in that round now, other than those given up by a cancellation or
     * a change that no longer fits them.
     */
    private static Set<String> lostPublishedSeats(ObjectNode published, MergedEvent merged, ObjectNode schedule) {
        Set<String> seated = seatKeys(schedule);
        Set<String> lost = new LinkedHashSet<>();
        for (String key : seatKeys(published)) {
            String released = merged.releasedSeats().get(key);
            if ((released == null || released.equals(ScheduleMerge.CHANGED_CHOICES)) && !seated.contains(key)) {
                lost.add(key);
            }
        }
        return lost;
    }

    private static Set<String> seatKeys(ObjectNode document) {
        Set<String> keys = new LinkedHashSet<>();
        for (JsonNode attendee : document.path("attendees")) {
            for (JsonNode seat : attendee.path("assignments")) {
                keys.add(MergedEvent.seatKey(attendee.path("id").asText(), seat.path("round").asText()));
            }
        }
        return keys;
    }

    private static Prepared remerge(Prepared prepared, Set<String> fallback) {
        Path publishedFile = prepared.published().source();
        try {
            MergedEvent merged = ScheduleMerge.merge(publishedFile, prepared.published().document(),
                    prepared.changes(), prepared.policy(), fallback);
            LoadedEvent model = EventReader.parse(publishedFile, JsonFiles.render(merged.document()));
            return new Prepared(prepared.published(), prepared.changes(), merged, model, prepared.policy(),
                    prepared.upgrade());
        } catch (BadInputException | EventFormatException e) {
            // The same inputs passed before; keeping a published seat cannot make them invalid.
            throw new IllegalStateException("re-merging with kept seats failed: " + e.getMessage(), e);
        }
    }

    private static Result solveOnce(Prepared prepared, ScheduleSolver.Options options, Consumer<Schedule> onNewBest,
            Consumer<ScheduleSolver> onSolver) {
        Schedule problem = prepared.model().schedule();
        ConstraintWeightOverrides<HardMediumSoftLongScore> own = problem.getConstraintWeightOverrides();
        problem.setConstraintWeightOverrides(prepared.policy().weights(problem, prepared.upgrade()));
        try (ScheduleSolver solver = new ScheduleSolver(options)) {
            onSolver.accept(solver);
            Schedule best = solver.solve(problem, onNewBest);
            alignWithPublished(best);
            // The written score means what solve's score means: the event's own weights, not the policy's.
            best.setConstraintWeightOverrides(own);
            ScoreAnalysis<HardMediumSoftLongScore> analysis = solver.analyze(best);
            best.setScore(analysis.score());
            ScheduleSummary summary = ScheduleSummary.of(best, analysis);
            ObjectNode document = ScheduleWriter.toDocument(prepared.merged().document(), best, summary);
            unpin(document, prepared.merged());
            ChangeReport report = ChangeReport.of(prepared.published().document(), document, prepared.merged(), best,
                    summary, prepared.policy(), prepared.upgrade());
            return new Result(document, report, summary);
        }
    }

    /**
     * Gives each published seat entity the run of its published round, where the attendee still has it. An attendee's
     * seats are interchangeable (a seat is not tied to a round), and the seating may hand them out in another order;
     * the seating per round is the same either way, but {@code seatChanged} counts per seat entity and would charge
     * a kept seat as changed. Swapping runs between one attendee's seats changes nothing else in the score.
     */
    static void alignWithPublished(Schedule schedule) {
        Map<Attendee, List<Seat>> byAttendee = new LinkedHashMap<>();
        for (Seat seat : schedule.getSeats()) {
            if (!seat.isPinned()) {
                byAttendee.computeIfAbsent(seat.getAttendee(), a -> new ArrayList<>()).add(seat);
            }
        }
        for (List<Seat> seats : byAttendee.values()) {
            for (Seat seat : seats) {
                if (!seat.hasPrevious() || !seat.movedFromPrevious()) {
                    continue;
                }
                for (Seat other : seats) {
                    SessionRun run = other.getRun();
                    if (other != seat && run != null && run.getSession().equals(seat.getPreviousSession())
                            && seat.getPreviousRound().equals(run.getRound())
                            && (!other.hasPrevious() || other.movedFromPrevious())) {
                        other.setRun(seat.getRun());
                        seat.setRun(run);
                        break;
                    }
                }
            }
        }
    }

    /** Removes the pins the policy added for the solve: the output pins what the published schedule pinned. */
    static void unpin(ObjectNode document, MergedEvent merged) {
        for (JsonNode attendee : document.path("attendees")) {
            for (JsonNode seat : attendee.path("assignments")) {
                if (merged.addedPins().contains(MergedEvent.seatKey(attendee.path("id").asText(),
                        seat.path("round").asText()))) {
                    ((ObjectNode) seat).remove("pinned");
                }
            }
        }
        for (JsonNode session : document.path("sessions")) {
            for (JsonNode placement : session.path("placements")) {
                if (merged.addedPins().contains(MergedEvent.placementKey(session.path("id").asText(),
                        placement.path("round").asText(), placement.path("room").asText()))) {
                    ((ObjectNode) placement).remove("pinned");
                }
            }
        }
    }

    /** A problem of the merged event, named by the file and path of the attendee it came from. */
    private static FileProblem located(Problem problem, MergedEvent merged, Path publishedFile) {
        Matcher matcher = ATTENDEE_PATH.matcher(problem.path() == null ? "" : problem.path());
        if (matcher.matches()) {
            int index = Integer.parseInt(matcher.group(1));
            if (index < merged.sources().size()) {
                MergedEvent.Source source = merged.sources().get(index);
                return new FileProblem(source.file(), source.path() + matcher.group(2), problem.message());
            }
        }
        return new FileProblem(publishedFile.toString(), problem.path(), problem.message());
    }
}

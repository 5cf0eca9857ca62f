package org.breakout.io.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.SessionRun;
import org.breakout.io.EventReader;
import org.breakout.io.JsonFiles;
import org.breakout.io.LoadedEvent;
import org.breakout.io.ScheduleWriter;
import org.breakout.report.ScheduleSummary;
import org.breakout.solver.ScheduleSolver;

/** Schedules the export tests read: the solved Schiedam event, and a small one full of hostile text. */
public final class ExportFixtures {

    private static LoadedEvent schiedam;

    private ExportFixtures() {
    }

    /** A hand-written schedule: markup, quotes, separators, emoji, a newline in a name, a very long title. */
    public static LoadedEvent hostile() {
        try {
            return EventReader.read(Path.of(Objects.requireNonNull(
                    ExportFixtures.class.getResource("/export/hostile-schedule.json")).toURI()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path hostileFile() {
        try {
            return Path.of(Objects.requireNonNull(ExportFixtures.class.getResource("/export/hostile-schedule.json")).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bundled Schiedam event solved (step limit: deterministic), written and read back as a schedule file. */
    public static synchronized LoadedEvent schiedam() {
        if (schiedam == null) {
            try {
                LoadedEvent event = EventReader.read(Path.of("data/bnd-schiedam-2025/bnd-schiedam-2025-published.json"));
                Path file = Files.createTempFile("schiedam-schedule", ".json");
                try (ScheduleSolver solver = new ScheduleSolver(ScheduleSolver.Options.steps(200, 0))) {
                    Schedule best = solver.solve(event.schedule());
                    ScheduleSummary summary = ScheduleSummary.of(best, solver.analyze(best));
                    JsonFiles.write(ScheduleWriter.toDocument(event.document(), best, summary), file);
                }
                schiedam = EventReader.read(file);
                Files.delete(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return schiedam;
    }

    public static ScheduleView view(LoadedEvent loaded) {
        return ScheduleView.of(loaded, loaded.schedule());
    }

    /** The placed run of an attendee in a round according to the schedule itself (not the view), or null. */
    public static SessionRun seatOf(Schedule schedule, String attendeeId, String roundId) {
        return schedule.getSeats().stream()
                .filter(seat -> seat.getAttendee().id().equals(attendeeId))
                .map(Seat::getRun).filter(Objects::nonNull)
                .filter(run -> run.getRound().id().equals(roundId)).findFirst().orElse(null);
    }

    public static List<SessionRun> placedRuns(Schedule schedule) {
        return schedule.getRuns().stream().filter(SessionRun::isPlaced).toList();
    }

    public static long seatedIn(Schedule schedule, SessionRun run) {
        return schedule.getSeats().stream().filter(seat -> run.equals(seat.getRun())).count();
    }
}

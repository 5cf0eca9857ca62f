package org.breakout.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.cli.BreakoutCommand;
import org.breakout.cli.ExitCodes;
import org.breakout.domain.Room;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;
import org.breakout.generate.DemandReport;
import org.breakout.io.EventReader;
import org.breakout.io.Json;
import org.breakout.io.LoadedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed Schiedam dataset (data/bnd-schiedam-2025): valid, true to the seed programme, reproducible. */
class BndSchiedamDataTest {

    static final Path DIR = Path.of("data", "bnd-schiedam-2025");
    static final Path PROGRAMME_PUBLISHED = DIR.resolve("programme-published.json");
    static final Path PROGRAMME_OPEN = DIR.resolve("programme-open.json");
    static final Path EVENT_PUBLISHED = DIR.resolve("bnd-schiedam-2025-published.json");
    static final Path EVENT_OPEN = DIR.resolve("bnd-schiedam-2025-open.json");

    @TempDir
    Path tmp;

    @Test
    void allFilesLoadWithoutProblemsOrWarnings() throws Exception {
        for (Path file : List.of(PROGRAMME_PUBLISHED, PROGRAMME_OPEN, EVENT_PUBLISHED, EVENT_OPEN)) {
            LoadedEvent event = EventReader.read(file);
            assertThat(event.warnings()).as("warnings in %s", file).isEmpty();
        }
        assertThat(EventReader.read(PROGRAMME_PUBLISHED).schedule().getAttendees()).isEmpty();
        assertThat(EventReader.read(PROGRAMME_OPEN).schedule().getAttendees()).isEmpty();
    }

    @Test
    void publishedProgrammeHasEverySessionPinned() throws Exception {
        Schedule published = EventReader.read(PROGRAMME_PUBLISHED).schedule();
        assertThat(published.getRuns()).hasSize(published.getSessions().size());
        assertThat(published.getRuns()).allSatisfy(run -> {
            assertThat(run.isPlaced()).as("%s placed", run).isTrue();
            assertThat(run.isPinned()).as("%s pinned", run).isTrue();
        });
        // Five sessions in each choice round, each in its own room; the plenaries in the plenary hall.
        for (String round : List.of("r1", "lunch", "r2")) {
            List<SessionRun> inRound = published.getRuns().stream().filter(r -> r.getRound().id().equals(round)).toList();
            assertThat(inRound).as(round).hasSize(5);
            assertThat(inRound.stream().map(r -> r.getRoom().id()).distinct()).hasSize(5);
            assertThat(inRound).allSatisfy(run -> assertThat(run.getRoom().isAvailableIn(run.getRound())).isTrue());
        }
        assertThat(runOf(published, "plenair-opening").getRoom().id()).isEqualTo("plenaire-zaal");
        assertThat(runOf(published, "plenair-afsluiting").getRoom().id()).isEqualTo("plenaire-zaal");
        assertThat(runOf(published, "lunch-750").getRoom().id()).isEqualTo("jenevermuseum");
        assertThat(runOf(published, "r2-veiligheid").getRound().id()).isEqualTo("r2");
    }

    @Test
    void openProgrammeLeavesTheChoiceSessionsUnplaced() throws Exception {
        Schedule open = EventReader.read(PROGRAMME_OPEN).schedule();
        for (SessionRun run : open.getRuns()) {
            Session session = run.getSession();
            Set<String> allowed = session.allowedRounds().stream().map(Round::id).collect(Collectors.toSet());
            if (session.plenary()) {
                assertThat(run.isPinned()).isTrue();
            } else {
                assertThat(run.isPlaced()).as("%s unplaced", run).isFalse();
                assertThat(allowed).isEqualTo(session.id().startsWith("lunch-") ? Set.of("lunch") : Set.of("r1", "r2"));
            }
        }
    }

    @Test
    void openProgrammeIsThePublishedOneWithoutItsTimetable() throws Exception {
        ObjectNode published = (ObjectNode) Json.MAPPER.readTree(PROGRAMME_PUBLISHED.toFile());
        ObjectNode open = (ObjectNode) Json.MAPPER.readTree(PROGRAMME_OPEN.toFile());
        published.remove("description");
        open.remove("description");
        for (JsonNode node : published.withArray("sessions")) {
            ObjectNode session = (ObjectNode) node;
            if (session.path("plenary").asBoolean(false)) {
                continue;
            }
            session.remove("placements");
            if (!session.get("id").asText().startsWith("lunch-")) {
                ArrayNode rounds = session.putArray("allowedRounds");
                rounds.add("r1").add("r2");
            }
        }
        assertThat(open).isEqualTo(published);
    }

    @Test
    void programmeFollowsTheSeed() throws Exception {
        Schedule programme = EventReader.read(PROGRAMME_PUBLISHED).schedule();
        assertThat(programme.getRounds()).extracting(r -> r.id() + " " + r.start().toLocalTime() + "-" + r.end().toLocalTime())
                .containsExactly("opening 09:45-11:15", "r1 11:30-12:30", "lunch 12:45-13:45", "r2 14:00-15:00",
                        "afsluiting 15:15-15:45");
        assertThat(programme.getRounds()).allSatisfy(r -> assertThat(r.start().toLocalDate()).hasToString("2025-06-04"));
        assertThat(programme.getSessions().stream().filter(s -> !s.plenary())).hasSize(15);
        assertThat(programme.getSessions().stream().filter(Session::plenary)).extracting(Session::id)
                .containsExactly("plenair-opening", "plenair-afsluiting");
        assertThat(programme.getSpeakers()).extracting(s -> s.name()).contains("Floor Milikowski", "Harald Bergmann",
                "Paul Depla", "Henri de Groot", "Anouschka Biekman", "Cemil Kahramanoğlu", "Sylvia Huis in 't Veld",
                "Lydia Buist", "Liesbeth Spies", "Antoinette Laan", "Petra Zwang", "Jan Hamming", "Hans Adriani",
                "Willem-Jan Stegeman");
        // People, not organisations: VNG, PBL, the Sportraad … are not speakers (VNG would clash with itself in r2).
        assertThat(programme.getSpeakers()).extracting(s -> s.name())
                .noneMatch(name -> name.matches(".*\\b(VNG|PBL|NEPROM|Sportraad|Stroomversnelling|ministerie)\\b.*"));
        // No one speaks in two sessions at once in the published timetable.
        for (Round round : programme.getRounds()) {
            List<String> speakers = programme.getRuns().stream().filter(r -> round.equals(r.getRound()))
                    .flatMap(r -> r.getSession().speakers().stream()).map(s -> s.id()).toList();
            assertThat(speakers).as("speakers in %s", round).doesNotHaveDuplicates();
        }
        Session veiligheid = session(programme, "r2-veiligheid");
        assertThat(veiligheid.audience()).containsExactly("themagroep:veiligheid");
        assertThat(veiligheid.themes()).containsExactly("veiligheid");
        assertThat(programme.getSessions()).allSatisfy(s -> assertThat(s.themes())
                .allSatisfy(t -> assertThat(t).matches("[a-z][a-z-]*")));
        Room museum = programme.getRooms().stream().filter(r -> r.id().equals("jenevermuseum")).findFirst().orElseThrow();
        assertThat(museum.venue()).isEqualTo("Jenevermuseum");
        assertThat(programme.getRounds()).allSatisfy(round -> assertThat(museum.isAvailableIn(round))
                .as("museum in %s", round).isEqualTo(round.id().equals("lunch")));
    }

    @Test
    void capacitiesFitA400PersonEvent() throws Exception {
        Schedule event = EventReader.read(EVENT_PUBLISHED).schedule();
        assertThat(event.getAttendees()).hasSize(400);
        assertThat(runOf(event, "plenair-opening").seatLimit()).isGreaterThanOrEqualTo(400);
        DemandReport report = DemandReport.of(event);
        assertThat(report.rounds()).extracting(DemandReport.RoundDemand::round).containsExactly("r1", "lunch", "r2");
        for (DemandReport.RoundDemand round : report.rounds()) {
            double ratio = (double) round.seats() / round.wanting();
            assertThat(ratio).as("seats per attendee wanting %s", round.round()).isBetween(1.10, 1.25);
        }
        // The headline sessions are wanted by more people (as first choice) than their rooms hold.
        assertThat(report.sessions().stream().filter(s -> s.firstChoice() > s.seats()).map(s -> s.session()))
                .contains("r1-data", "lunch-750", "r2-regio");
    }

    @Test
    void bothEventsHaveTheSameAttendeesAndTheirProgrammes() throws Exception {
        ObjectNode published = (ObjectNode) Json.MAPPER.readTree(EVENT_PUBLISHED.toFile());
        ObjectNode open = (ObjectNode) Json.MAPPER.readTree(EVENT_OPEN.toFile());
        assertThat(published.get("attendees")).hasSize(400);
        assertThat(open.get("attendees")).isEqualTo(published.get("attendees"));
        published.remove("attendees");
        open.remove("attendees");
        ObjectNode programmePublished = (ObjectNode) Json.MAPPER.readTree(PROGRAMME_PUBLISHED.toFile());
        ObjectNode programmeOpen = (ObjectNode) Json.MAPPER.readTree(PROGRAMME_OPEN.toFile());
        programmePublished.remove("attendees");
        programmeOpen.remove("attendees");
        assertThat(published).isEqualTo(programmePublished);
        assertThat(open).isEqualTo(programmeOpen);
    }

    /** The commands in data/README.md regenerate the committed event files byte for byte. */
    @Test
    void committedEventsAreReproducible() throws Exception {
        Path published = tmp.resolve("published.json");
        Path open = tmp.resolve("open.json");
        run("generate", "registrations", PROGRAMME_PUBLISHED.toString(), "--attendees", "400", "--seed", "2025",
                "-o", published.toString());
        run("generate", "registrations", PROGRAMME_OPEN.toString(), "--sections-from", PROGRAMME_PUBLISHED.toString(),
                "--attendees", "400", "--seed", "2025", "-o", open.toString());
        assertThat(Files.readAllBytes(published)).as("regenerated %s", EVENT_PUBLISHED)
                .isEqualTo(Files.readAllBytes(EVENT_PUBLISHED));
        assertThat(Files.readAllBytes(open)).as("regenerated %s", EVENT_OPEN).isEqualTo(Files.readAllBytes(EVENT_OPEN));
    }

    @Test
    void readmeGivesTheCommands() throws Exception {
        String readme = Files.readString(Path.of("data", "README.md"));
        assertThat(readme).contains("./breakout generate registrations data/bnd-schiedam-2025/programme-published.json "
                + "--attendees 400 --seed 2025 -o data/bnd-schiedam-2025/bnd-schiedam-2025-published.json");
        assertThat(readme).contains("./breakout generate registrations data/bnd-schiedam-2025/programme-open.json "
                + "--sections-from data/bnd-schiedam-2025/programme-published.json --attendees 400 --seed 2025 "
                + "-o data/bnd-schiedam-2025/bnd-schiedam-2025-open.json");
    }

    private static void run(String... args) {
        StringWriter err = new StringWriter();
        int code = BreakoutCommand.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    }

    private static SessionRun runOf(Schedule schedule, String session) {
        return schedule.getRuns().stream().filter(r -> r.getSession().id().equals(session)).findFirst().orElseThrow();
    }

    private static Session session(Schedule schedule, String id) {
        return schedule.getSessions().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }
}

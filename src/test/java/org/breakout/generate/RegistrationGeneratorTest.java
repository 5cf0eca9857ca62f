package org.breakout.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.io.JsonFiles;
import org.breakout.domain.Attendee;
import org.breakout.domain.Schedule;
import org.breakout.domain.Session;
import org.breakout.io.EventReader;
import org.breakout.io.LoadedEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generator on the Schiedam programme: reproducible, valid, and shaped like a G40 netwerkdag. */
class RegistrationGeneratorTest {

    static final Path PUBLISHED = Path.of("data", "bnd-schiedam-2025", "programme-published.json");
    static final Path OPEN = Path.of("data", "bnd-schiedam-2025", "programme-open.json");

    private static LoadedEvent published;
    private static LoadedEvent open;
    private static LoadedEvent event;
    private static String eventText;

    @BeforeAll
    static void generate() throws Exception {
        published = EventReader.read(PUBLISHED);
        open = EventReader.read(OPEN);
        eventText = text(published, null, 400, 2025);
        event = EventReader.parse(Path.of("generated.json"), eventText);
    }

    static String text(LoadedEvent programme, LoadedEvent sectionsFrom, int count, long seed) {
        List<Registrant> registrants = RegistrationGenerator.generate(programme.schedule(),
                sectionsFrom == null ? null : sectionsFrom.schedule(), count, seed);
        return JsonFiles.render(RegistrationGenerator.withAttendees(programme.document(),
                RegistrationGenerator.attendees(registrants)));
    }

    @Test
    void sameSeedGivesTheSameBytes() {
        assertThat(text(published, null, 400, 2025)).isEqualTo(eventText);
        assertThat(text(published, null, 37, 9)).isEqualTo(text(published, null, 37, 9));
    }

    @Test
    void otherSeedGivesOtherRegistrations() {
        String other = text(published, null, 400, 2026);
        assertThat(other).isNotEqualTo(eventText);
        assertThat(attendeesOf(other)).isNotEqualTo(attendeesOf(eventText));
    }

    @Test
    void outputUsesNewlinesOnlyAndEndsWithOne() {
        assertThat(eventText).doesNotContain("\r").endsWith("}\n");
    }

    @Test
    void generatedEventValidatesWithoutWarnings() {
        assertThat(event.warnings()).isEmpty();
        assertThat(event.schedule().getAttendees()).hasSize(400);
    }

    @Test
    void openTimetableWithThePublishedFormGetsTheSameAttendees() throws Exception {
        String openText = text(open, published, 400, 2025);
        LoadedEvent openEvent = EventReader.parse(Path.of("open.json"), openText);
        assertThat(openEvent.warnings()).isEmpty();
        assertThat(attendeesOf(openText)).isEqualTo(attendeesOf(eventText));
    }

    @Test
    void openTimetableOnItsOwnRanksTheSessionsOfBothChoiceRoundsTogether() throws Exception {
        RegistrationForm form = RegistrationForm.of(open.schedule());
        assertThat(form.sections()).extracting(RegistrationForm.Section::id).containsExactly("r1+r2", "lunch");
        String openText = text(open, null, 60, 1);
        LoadedEvent openEvent = EventReader.parse(Path.of("open.json"), openText);
        assertThat(openEvent.warnings()).isEmpty();
        int deepest = openEvent.schedule().getAttendees().stream().mapToInt(Attendee::worstRank).max().orElse(0);
        assertThat(deepest).isGreaterThan(5);
    }

    @Test
    void smallAndEmptyPopulationsWork() throws Exception {
        assertThat(EventReader.parse(Path.of("one.json"), text(published, null, 1, 3)).schedule().getAttendees())
                .hasSize(1);
        assertThat(EventReader.parse(Path.of("none.json"), text(published, null, 0, 3)).schedule().getAttendees())
                .isEmpty();
        LoadedEvent small = EventReader.parse(Path.of("small.json"), text(published, null, 25, 3));
        assertThat(small.warnings()).isEmpty();
        assertThat(small.schedule().getAttendees()).hasSize(25);
    }

    @Test
    void idsFollowRegistrationOrderBeforeTheEvent() {
        List<Attendee> attendees = event.schedule().getAttendees();
        LocalDateTime previous = LocalDateTime.MIN;
        for (int i = 0; i < attendees.size(); i++) {
            Attendee attendee = attendees.get(i);
            assertThat(attendee.id()).isEqualTo(String.format("A%04d", i + 1));
            assertThat(attendee.registered()).isAfterOrEqualTo(previous)
                    .isAfter(LocalDateTime.of(2025, 4, 1, 0, 0)).isBefore(LocalDateTime.of(2025, 6, 4, 0, 0));
            previous = attendee.registered();
        }
        // Mayors' secretariats register early: their median is before everyone's.
        assertThat(median(attendees, "burgemeester")).isBefore(median(attendees, null));
    }

    @Test
    void everyCityIsThereWithAboutTenPeopleAndNamesAreUnique() {
        Map<String, Integer> perCity = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>();
        for (Attendee attendee : event.schedule().getAttendees()) {
            String city = attendee.tags().stream().filter(t -> t.startsWith("gemeente:")).findFirst().orElseThrow();
            perCity.merge(city, 1, Integer::sum);
            assertThat(names.add(attendee.name())).as("unique name %s", attendee.name()).isTrue();
            assertThat(attendee.name()).matches("([A-Z]\\.)+ .+ \\(.+\\)");
        }
        assertThat(perCity.keySet()).hasSize(G40Profile.CITIES.size());
        for (String city : G40Profile.CITIES) {
            assertThat(perCity).containsKey("gemeente:" + G40Profile.slug(city));
        }
        assertThat(perCity.values()).allSatisfy(n -> assertThat(n).isBetween(4, 25));
        assertThat(perCity.get("gemeente:schiedam")).isGreaterThan(10); // the host brings more
    }

    @Test
    void rolesHaveRealisticShares() {
        Map<String, Integer> roles = new LinkedHashMap<>();
        Map<String, Integer> mayorsPerCity = new LinkedHashMap<>();
        for (Attendee attendee : event.schedule().getAttendees()) {
            String role = attendee.tags().iterator().next();
            roles.merge(role, 1, Integer::sum);
            if (role.equals(G40Profile.MAYOR)) {
                attendee.tags().stream().filter(t -> t.startsWith("gemeente:"))
                        .forEach(city -> mayorsPerCity.merge(city, 1, Integer::sum));
            }
        }
        assertThat(roles.keySet()).containsExactlyInAnyOrder("burgemeester", "wethouder", "gemeentesecretaris",
                "ambtenaar");
        assertThat(roles.get("burgemeester")).isBetween(25, 40);
        assertThat(roles.get("wethouder")).isBetween(120, 180);
        assertThat(roles.get("gemeentesecretaris")).isBetween(10, 35);
        assertThat(roles.get("ambtenaar")).isBetween(160, 230);
        assertThat(mayorsPerCity.values()).allSatisfy(n -> assertThat(n).isEqualTo(1));
        assertThat(mayorsPerCity).doesNotContainKey("gemeente:schiedam"); // the host mayor hosts
    }

    @Test
    void veiligheidMembersAreAllMayorsAndOnlyTheyRankTheClosedSession() {
        Session veiligheid = session(event.schedule(), "r2-veiligheid");
        int members = 0;
        for (Attendee attendee : event.schedule().getAttendees()) {
            boolean member = attendee.tags().contains("themagroep:veiligheid");
            if (member) {
                members++;
                assertThat(attendee.tags()).contains("burgemeester");
            } else {
                assertThat(attendee.ranks()).doesNotContainKey(veiligheid);
            }
        }
        assertThat(members).isBetween(10, 25); // the Collegekamer (25 seats) holds them all
    }

    @Test
    void roundsWanted() {
        int all = 0;
        int noLunch = 0;
        int leaveEarly = 0;
        for (Attendee attendee : event.schedule().getAttendees()) {
            List<String> rounds = attendee.wantedRounds().stream().map(r -> r.id()).toList();
            assertThat(rounds).isNotEmpty().isSubsetOf("r1", "lunch", "r2");
            all += rounds.size() == 3 ? 1 : 0;
            noLunch += rounds.contains("lunch") ? 0 : 1;
            leaveEarly += rounds.contains("r2") ? 0 : 1;
        }
        assertThat(all).isGreaterThan(240);
        assertThat(noLunch).isBetween(70, 130); // about a quarter
        assertThat(leaveEarly).isBetween(5, 40); // a few
    }

    @Test
    void ranksRestartAtOneInEveryRoundWithOccasionalTiesAndSomeRankNothing() {
        int none = 0;
        int few = 0;
        int lists = 0;
        int ties = 0;
        for (Attendee attendee : event.schedule().getAttendees()) {
            if (attendee.ranks().isEmpty()) {
                none++;
                continue;
            }
            Map<String, List<Integer>> perRound = new LinkedHashMap<>();
            attendee.ranks().forEach((session, rank) -> perRound
                    .computeIfAbsent(session.allowedRounds().iterator().next().id(), r -> new ArrayList<>()).add(rank));
            for (Map.Entry<String, List<Integer>> round : perRound.entrySet()) {
                assertThat(attendee.wantedRounds()).extracting(r -> r.id()).contains(round.getKey());
                List<Integer> ranks = round.getValue();
                assertThat(ranks.get(0)).isEqualTo(1);
                for (int i = 1; i < ranks.size(); i++) {
                    assertThat(ranks.get(i) - ranks.get(i - 1)).isBetween(0, 1); // dense, in order
                }
                lists++;
                if (ranks.stream().distinct().count() < ranks.size()) {
                    ties++;
                }
                if (ranks.size() == 1) {
                    few++;
                }
            }
        }
        assertThat(none).isBetween(5, 40);
        assertThat(few).isGreaterThan(20);
        assertThat(ties).isGreaterThan(0).isLessThan(lists / 8);
    }

    @Test
    void popularityIsSkewed() {
        List<Integer> firstChoices = DemandReport.of(event.schedule()).sessions().stream()
                .map(DemandReport.SessionDemand::firstChoice).sorted().toList();
        int median = firstChoices.get(firstChoices.size() / 2);
        int most = firstChoices.get(firstChoices.size() - 1);
        assertThat(most).isGreaterThanOrEqualTo(2 * median);
    }

    @Test
    void popularSessionsAreOverbookedWhileEveryRoundHasSeatsEnough() {
        DemandReport report = DemandReport.of(event.schedule());
        for (DemandReport.RoundDemand round : report.rounds()) {
            assertThat(round.seats()).as("seats in %s", round.round()).isGreaterThanOrEqualTo(round.wanting());
            assertThat(report.sessions().stream()
                    .filter(s -> s.rounds().contains(round.round()) && s.firstChoice() > s.seats()))
                    .as("an overbooked session in %s", round.round()).isNotEmpty();
        }
    }

    @Test
    void themeGroupsCorrelateInterestsAcrossRounds() {
        // Duurzaamheid organises a session in round 1 and one in round 2: its members want both.
        Schedule schedule = event.schedule();
        Session warmte = session(schedule, "r1-warmte");
        Session circulair = session(schedule, "r2-circulair");
        double members = share(schedule, "themagroep:duurzaamheid", warmte, circulair, true);
        double others = share(schedule, "themagroep:duurzaamheid", warmte, circulair, false);
        assertThat(members).isGreaterThan(others + 0.2);
    }

    /** Share of attendees (members of the group or not) who rank both sessions in their top 2. */
    private static double share(Schedule schedule, String tag, Session a, Session b, boolean members) {
        int total = 0;
        int both = 0;
        for (Attendee attendee : schedule.getAttendees()) {
            if (attendee.tags().contains(tag) != members || attendee.wantedRounds().size() < 3) {
                continue;
            }
            total++;
            Integer ra = attendee.ranks().get(a);
            Integer rb = attendee.ranks().get(b);
            if (ra != null && rb != null && ra <= 2 && rb <= 2) {
                both++;
            }
        }
        return total == 0 ? 0 : (double) both / total;
    }

    private static LocalDateTime median(List<Attendee> attendees, String role) {
        List<LocalDateTime> times = attendees.stream().filter(a -> role == null || a.tags().contains(role))
                .map(Attendee::registered).sorted().toList();
        return times.get(times.size() / 2);
    }

    private static Session session(Schedule schedule, String id) {
        return schedule.getSessions().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static JsonNode attendeesOf(String text) {
        try {
            return ((ObjectNode) org.breakout.io.Json.MAPPER.readTree(text)).get("attendees");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.breakout.io.registrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.domain.Attendee;
import org.breakout.domain.Session;
import org.breakout.io.EventReader;
import org.breakout.io.JsonFiles;
import org.breakout.io.LoadedEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small hand-written exports against the Schiedam programme: matching, rounds, tags, duplicates, ids, errors. */
class RegistrationImporterTest {

    private static final Path PROGRAMME = Path.of("data/bnd-schiedam-2025/programme-published.json");
    private static LoadedEvent programme;

    @TempDir
    Path dir;

    @BeforeAll
    static void readProgramme() throws Exception {
        programme = EventReader.read(PROGRAMME);
    }

    private RegistrationImporter.Result importCsv(String csv, Map<String, String> mapping) throws Exception {
        Path export = dir.resolve("export.csv");
        Files.writeString(export, csv, StandardCharsets.UTF_8);
        return RegistrationImporter.importInto(programme.document(), programme.schedule(), export, mapping, "--column");
    }

    private static LoadedEvent validated(RegistrationImporter.Result result) throws Exception {
        return EventReader.parse(Path.of("imported.json"), JsonFiles.render(result.event()));
    }

    private static JsonNode attendee(RegistrationImporter.Result result, int index) {
        return result.event().get("attendees").get(index);
    }

    private static Map<String, Integer> ranks(JsonNode attendee) {
        Map<String, Integer> ranks = new LinkedHashMap<>();
        attendee.get("preferences").forEach(p -> ranks.put(p.get("session").asText(), p.get("rank").asInt()));
        return ranks;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    @Test
    void titlesMatchWhateverTheCaseSpacingPunctuationAndAccentsAndIdsToo() throws Exception {
        RegistrationImporter.Result result = importCsv("""
                E-mail,Ronde 1 – eerste keuze,Ronde 1 – tweede keuze,Ronde 2 – eerste keuze
                anne@example.nl,  datagedreven VERSNELLEN en verbeteren van gebiedsontwikkeling!,r1-warmte,interbestuurlijke samenwerking naar een regio indeling
                """, Map.of());

        assertThat(result.report().problems()).isEmpty();
        assertThat(ranks(attendee(result, 0))).containsExactly(Map.entry("r1-data", 1), Map.entry("r1-warmte", 2),
                Map.entry("r2-regio", 1));
        assertThat(texts(attendee(result, 0).get("rounds"))).containsExactly("r1", "r2");
    }

    @Test
    void aMisspellingIsReportedWithRowColumnAndTheNearestTitleNeverGuessed() throws Exception {
        RegistrationImporter.Result result = importCsv("""
                E-mail,Ronde 1 – eerste keuze,Ronde 1 – tweede keuze
                anne@example.nl,Datagedreven versnelen en verbeteren van gebiedsontwikeling,Samenleven in een kleurrijk Schiedam
                bert@example.nl,Iets heel anders,Samenleven in een kleurrijk Schiedam
                """, Map.of());

        assertThat(result.report().problems()).hasSize(2);
        ImportReport.Problem first = result.report().problems().get(0);
        assertThat(first.row()).isEqualTo(2);
        assertThat(first.column()).isEqualTo("column B \"Ronde 1 – eerste keuze\"");
        assertThat(first.message()).contains("matches no session of round r1")
                .contains("did you mean \"Datagedreven versnellen en verbeteren van gebiedsontwikkeling\" (r1-data)?");
        assertThat(result.report().problems().get(1).row()).isEqualTo(3);
        assertThat(result.report().problems().get(1).message()).doesNotContain("did you mean")
                .contains("write a session title or id");
        // Not guessed: only the session that did match is a preference, now the first.
        assertThat(ranks(attendee(result, 0))).containsExactly(Map.entry("r1-samenleven", 1));
        assertThat(result.report().format()).contains("row 2, column B \"Ronde 1 – eerste keuze\": "
                + "\"Datagedreven versnelen en verbeteren van gebiedsontwikeling\" matches no session");
    }

    @Test
    void aShortenedTitleIsSuggestedNotTaken() throws Exception {
        RegistrationImporter.Result result = importCsv("E-mail,Lunch – eerste keuze\na@x.nl,Sport\n", Map.of());

        assertThat(result.report().problems()).extracting(ImportReport.Problem::message).containsExactly(
                "matches no session of round lunch and is left out of this person's choices; did you mean "
                        + "\"Sport en maatschappij met de Nederlandse Sportraad\" (lunch-sport)?",
                "chose no session in any round: the attendee is imported without rounds (wants no seat)");
        assertThat(ranks(attendee(result, 0))).isEmpty();
    }

    @Test
    void noSessionDropsTheRoundAndColumnsNeedNotNameTheRound() throws Exception {
        // Headers without a round: the sessions answered in a column tell its round in a fixed programme.
        RegistrationImporter.Result result = importCsv("""
                Naam;Keuze A;Keuze B;Keuze C
                Anne;Datagedreven versnellen en verbeteren van gebiedsontwikkeling;Schiedam 750 viert de toekomst;Integrale aanpak armoede
                Bert;Samenleven in een kleurrijk Schiedam;geen;-
                Carla;Samenleven in een kleurrijk Schiedam;;Welzijn van senioren in de stad
                """, Map.of());

        assertThat(result.report().problems()).isEmpty();
        assertThat(result.mapping().columns()).extracting(c -> c.use().toString())
                .containsExactly("name", "choice:r1:1", "choice:lunch:1", "choice:r2:1");
        assertThat(texts(attendee(result, 0).get("rounds"))).containsExactly("r1", "lunch", "r2");
        assertThat(texts(attendee(result, 1).get("rounds"))).containsExactly("r1");
        assertThat(texts(attendee(result, 2).get("rounds"))).containsExactly("r1", "r2");
        validated(result);
    }

    @Test
    void rolesMunicipalitiesAndThemeGroupsBecomeTagsSoTheClosedSessionAdmitsItsMayors() throws Exception {
        RegistrationImporter.Result result = importCsv("""
                E-mailadres,Naam,Functie,Gemeente,Themagroepen,Toegankelijkheid,Ronde 2 – eerste keuze
                b@x.nl,B. Burgemeester,Burgemeester,'s-Hertogenbosch,"Veiligheid, Interbestuurlijk",Rolstoel,Veiligheid (actuele zaken)
                w@x.nl,W. Wethouder,Wethouder,Zwolle,Economie en werk,,Veiligheid (actuele zaken)
                """, Map.of());

        assertThat(texts(attendee(result, 0).get("tags"))).containsExactly("burgemeester", "gemeente:s-hertogenbosch",
                "themagroep:veiligheid", "themagroep:interbestuurlijk", "toegankelijkheid:rolstoel");
        assertThat(texts(attendee(result, 1).get("tags"))).containsExactly("wethouder", "gemeente:zwolle",
                "themagroep:economie-en-werk");
        LoadedEvent event = validated(result);
        Session closed = event.schedule().getSessions().stream().filter(s -> s.id().equals("r2-veiligheid")).findFirst()
                .orElseThrow();
        List<Attendee> people = event.schedule().getAttendees();
        assertThat(closed.admits(people.get(0))).isTrue();
        assertThat(closed.admits(people.get(1))).isFalse();
        // The event reader says so for the alderman who asked for the closed session.
        assertThat(event.warnings()).anySatisfy(w -> assertThat(w.message()).contains("r2-veiligheid")
                .contains("audience"));
    }

    @Test
    void theLatestRegistrationWinsAndEveryMergeIsReported() throws Exception {
        RegistrationImporter.Result result = importCsv("""
                Tijdstempel,E-mailadres,Naam,Ronde 1 – eerste keuze
                16-4-2025 9:00:19,Anne@Example.nl,Anne,Samenleven in een kleurrijk Schiedam
                17-4-2025 10:00:00,bert@example.nl,Bert,Samenleven in een kleurrijk Schiedam
                18-4-2025 8:30:00, anne@example.nl ,Anne,Datagedreven versnellen en verbeteren van gebiedsontwikkeling
                15-4-2025 8:30:00,anne@example.nl,Anne,Een all electric warmteoplossing via een collectieve wijkaanpak
                """, Map.of());

        assertThat(result.report().attendees()).isEqualTo(2);
        assertThat(result.report().merges()).singleElement().satisfies(merge -> {
            assertThat(merge.rows()).containsExactly(2, 4, 5);
            assertThat(merge.kept()).isEqualTo(4);
            assertThat(merge.sameWhat()).isEqualTo("e-mail");
            assertThat(merge.keptBecause()).isEqualTo("latest: 2025-04-18T08:30:00");
        });
        assertThat(ranks(attendee(result, 0))).containsOnlyKeys("r1-data");
        assertThat(attendee(result, 0).get("registered").asText()).isEqualTo("2025-04-18T08:30:00");
    }

    @Test
    void withoutEmailTheNameIdentifiesAndARowWithNeitherIsReported() throws Exception {
        RegistrationImporter.Result result = importCsv("""
                Voornaam,Achternaam,Keuze ronde 1
                Anne,de Vries,Samenleven in een kleurrijk Schiedam
                ,,Samenleven in een kleurrijk Schiedam
                anne,DE  VRIES,Datagedreven versnellen en verbeteren van gebiedsontwikkeling
                ,,
                """, Map.of());

        assertThat(result.report().attendees()).isEqualTo(1);
        assertThat(attendee(result, 0).get("name").asText()).isEqualTo("anne DE  VRIES");
        assertThat(result.report().merges()).singleElement().satisfies(m -> {
            assertThat(m.sameWhat()).isEqualTo("name");
            assertThat(m.keptBecause()).contains("last row");
        });
        assertThat(result.report().skippedRows()).extracting(Object::toString)
                .containsExactly("row 3: no name", "row 5: empty row");
    }

    @Test
    void idsAreStableAsTheExportGrowsAndAreNotTheAddress() throws Exception {
        String header = "E-mail,Ronde 1 – eerste keuze\n";
        String first = "anne@example.nl,Samenleven in een kleurrijk Schiedam\nbert@example.nl,r1-data\n";
        List<String> before = ids(importCsv(header + first, Map.of()));
        RegistrationImporter.Result grown = importCsv(header + "carla@example.nl,r1-data\n" + first
                + "dirk@example.nl,r1-warmte\n", Map.of());

        assertThat(before).hasSize(2).doesNotHaveDuplicates();
        assertThat(ids(grown)).hasSize(4).containsAll(before);
        assertThat(ids(grown)).allSatisfy(id -> assertThat(id).doesNotContain("@").doesNotContain("anne")
                .matches("a[0-9a-f]{12}"));
    }

    private static List<String> ids(RegistrationImporter.Result result) {
        List<String> ids = new ArrayList<>();
        result.event().get("attendees").forEach(a -> ids.add(a.get("id").asText()));
        return ids;
    }

    @Test
    void aProgrammeAttendeeWithTheSameIdIsReplacedAndTheReportSaysSo() throws Exception {
        String csv = "E-mail,Ronde 1 – eerste keuze\nanne@example.nl,r1-data\n";
        RegistrationImporter.Result once = importCsv(csv, Map.of());
        ObjectNode withAttendees = once.event().deepCopy();
        ((ObjectNode) withAttendees.get("attendees").get(0)).putArray("preferences");
        ((com.fasterxml.jackson.databind.node.ArrayNode) withAttendees.get("attendees")).addObject().put("id", "A0001");
        LoadedEvent programmeWithPeople = EventReader.parse(Path.of("p.json"), JsonFiles.render(withAttendees));
        Path export = dir.resolve("export.csv");
        Files.writeString(export, csv);

        RegistrationImporter.Result again = RegistrationImporter.importInto(programmeWithPeople.document(),
                programmeWithPeople.schedule(), export, Map.of(), "--column");

        assertThat(again.report().replaced()).containsExactly(once.event().get("attendees").get(0).get("id").asText());
        assertThat(ids(again)).hasSize(2).contains("A0001");
        assertThat(again.report().format()).contains("Replaced    1 attendee(s) of the programme with the same id");
    }

    @Test
    void theMappingCorrectsTheGuessAndNamesWhatIsWrong() throws Exception {
        String csv = """
                Wie,Adres,Workshop,Opmerkingen
                Anne,anne@example.nl,r1-data,geen
                """;
        Map<String, String> mapping = new LinkedHashMap<>();
        mapping.put("Adres", "email");
        mapping.put("Wie", "name");
        mapping.put("D", "ignore");
        RegistrationImporter.Result result = importCsv(csv, mapping);
        assertThat(result.mapping().columns()).extracting(c -> c.use() + (c.mapped() ? " (mapped)" : ""))
                .containsExactly("name (mapped)", "email (mapped)", "choice:r1:1", "ignore (mapped)");

        assertThatThrownBy(() -> importCsv(csv, Map.of("Adress", "email"))).isInstanceOf(ImportException.class)
                .hasMessageContaining("export.csv, --column, column \"Adress\": no such column in the export");
        assertThatThrownBy(() -> importCsv(csv, Map.of("Workshop", "choice:r9"))).isInstanceOf(ImportException.class)
                .hasMessageContaining("unknown round \"r9\"");
        assertThatThrownBy(() -> importCsv(csv, Map.of("Workshop", "sessie"))).isInstanceOf(ImportException.class)
                .hasMessageContaining("unknown use \"sessie\"");
    }

    @Test
    void anExportWithoutEmailOrNameOrWithoutChoicesIsRefused() {
        assertThatThrownBy(() -> importCsv("Tijdstempel,Ronde 1 – eerste keuze\n16-4-2025 9:00,r1-data\n", Map.of()))
                .isInstanceOf(ImportException.class).hasMessageContaining("export.csv, row 1: no e-mail or name column");
        assertThatThrownBy(() -> importCsv("E-mail,Opmerkingen\na@b.nl,hallo\n", Map.of()))
                .isInstanceOf(ImportException.class).hasMessageContaining("no column with session choices");
    }

    @Test
    void rankingGridCellsAndListsWithSeparatorsInTitles() throws Exception {
        RegistrationImporter.Result result = importCsv("""
                Email Address,Rank round 2 [Interbestuurlijke samenwerking; naar één regio-indeling?],Rank round 2 [Integrale aanpak armoede],Rank round 2 [Welzijn van senioren in de stad],Lunch (tick any)
                a@x.nl,1e keuze,2nd,tweede keuze,"SchieDistrict: schaalsprong in wonen, werken en leven lang ontwikkelen, Schiedam 750 viert de toekomst"
                b@x.nl,first,,3,Sport en maatschappij met de Nederlandse Sportraad
                """, Map.of());

        assertThat(result.report().problems()).isEmpty();
        assertThat(ranks(attendee(result, 0))).containsExactly(Map.entry("lunch-schiedistrict", 1),
                Map.entry("lunch-750", 1), Map.entry("r2-regio", 1), Map.entry("r2-armoede", 2),
                Map.entry("r2-senioren", 2));
        // A gap closes up: ranks 1 and 3 are a first and a second choice.
        assertThat(ranks(attendee(result, 1))).containsExactly(Map.entry("lunch-sport", 1), Map.entry("r2-regio", 1),
                Map.entry("r2-senioren", 2));
    }

    @Test
    void aGridColumnNamingNoSessionIsReportedAndOtherBracketsAreOrdinaryColumns() throws Exception {
        RegistrationImporter.Result result = importCsv("""
                E-mail,Functie [optioneel],Rank round 1 [Datagedreven versnellen],Rank round 1 [Integrale aanpak armoede]
                a@x.nl,Wethouder,1,2
                """, Map.of());

        assertThat(result.mapping().columns()).extracting(c -> c.use().toString())
                .containsExactly("email", "tag", "ignore", "grid:r2-armoede:r1");
        assertThat(result.report().columnProblems()).singleElement().asString()
                .startsWith("column C \"Rank round 1 [Datagedreven versnellen]\": [Datagedreven versnellen] is no "
                        + "session of the programme")
                .contains("the column is not used");
        assertThat(texts(attendee(result, 0).get("tags"))).containsExactly("wethouder");
    }

    @Test
    void cellsPastTheLastColumnAndIgnoredColumnsAreReported() throws Exception {
        RegistrationImporter.Result result = importCsv("""
                E-mail,Ronde 1 – eerste keuze,Opmerkingen
                a@x.nl,r1-data,geen,r1-warmte
                """, Map.of());

        assertThat(result.report().problems()).singleElement().asString().isEqualTo("row 2, past the last column has "
                + "text in column D, which has no header: that cell is not read (a separator too many in the row?)");
        assertThat(result.report().format()).contains("Ignored     column C \"Opmerkingen\"");
    }

    @Test
    void roundsNobodyChoseAreReported() throws Exception {
        RegistrationImporter.Result result = importCsv("E-mail,Ronde 1 – eerste keuze\na@x.nl,r1-data\n", Map.of());
        assertThat(result.report().roundsNobodyChose()).containsExactly("lunch", "r2");
        assertThat(result.report().format()).contains("nobody chose a session in lunch, r2");
    }
}

package org.breakout.io.registrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.breakout.io.EventReader;
import org.junit.jupiter.api.Test;

/** How answers are matched to sessions and headers to rounds. */
class ProgrammeTest {

    private static Programme schiedam() throws Exception {
        return new Programme(EventReader.read(Path.of("data/bnd-schiedam-2025/programme-published.json")).schedule());
    }

    private static List<String> ids(List<Programme.Match> matches) {
        return matches.stream().map(m -> m instanceof Programme.Chosen c ? c.session().id() : m.getClass().getSimpleName())
                .toList();
    }

    @Test
    void aMicrosoftFormsRankingCellWithASemicolonInATitle() throws Exception {
        Programme programme = schiedam();
        assertThat(ids(programme.matchList("Interbestuurlijke samenwerking; naar één regio-indeling?;Integrale aanpak armoede;", "r2")))
                .containsExactly("r2-regio", "r2-armoede");
        assertThat(ids(programme.matchList("SchieDistrict: schaalsprong in wonen, werken en leven lang ontwikkelen, "
                + "Schiedam 750 viert de toekomst", null))).containsExactly("lunch-schiedistrict", "lunch-750");
        // A misspelled title with a separator in it is one unmatched answer with its suggestion, not two.
        List<Programme.Match> misspelled = programme.matchList("Interbestuurlyke samenwerking; naar een regio-indeling;"
                + "Integrale aanpak armoede", "r2");
        assertThat(ids(misspelled)).containsExactly("Unmatched", "r2-armoede");
        assertThat(((Programme.Unmatched) misspelled.get(0)).suggestions()).extracting(Programme.Choice::id)
                .containsExactly("r2-regio");
    }

    @Test
    void noneAndNoPreferenceAnswers() throws Exception {
        Programme programme = schiedam();
        for (String none : List.of("geen", "Geen", "none", "-", "–", "n.v.t.", "Niet aanwezig")) {
            assertThat(programme.match(none, "r1")).as(none).isInstanceOf(Programme.NoSession.class);
        }
        assertThat(programme.match("Geen voorkeur", "r1")).isInstanceOf(Programme.NoPreference.class);
        assertThat(programme.match("R1-DATA", "r1")).isInstanceOf(Programme.Chosen.class);
    }

    @Test
    void headersNameTheirRoundInManyWays() throws Exception {
        Programme programme = schiedam();
        assertThat(programme.roundIn("Ronde 1 – eerste keuze")).isEqualTo("r1");
        assertThat(programme.roundIn("Round 2 - second choice")).isEqualTo("r2");
        assertThat(programme.roundIn("Lunchprogramma: 1e keuze")).isEqualTo("lunch");
        assertThat(programme.roundIn("Inhoudelijk lunchprogramma – tweede keuze")).isEqualTo("lunch");
        assertThat(programme.roundIn("r2 choice 1")).isEqualTo("r2");
        assertThat(programme.roundIn("Keuze A")).isNull();
        assertThat(Text.rank(Programme.withoutRoundNumber(Text.normalize("Ronde 1 – tweede keuze")))).isEqualTo(2);
        assertThat(Text.rank(Text.normalize("3rd"))).isEqualTo(3);
        assertThat(Text.rank(Text.normalize("1e keuze"))).isEqualTo(1);
        assertThat(Text.rank(Text.normalize("First choice"))).isEqualTo(1);
        assertThat(Text.rank(Text.normalize("keuze"))).isNull();
    }

    @Test
    void theSameTitleInTwoRoundsIsAmbiguousUnlessTheColumnSaysTheRound() throws Exception {
        Programme programme = new Programme(EventReader.parse(Path.of("twice.json"), """
                { "rounds": [ { "id": "ochtend" }, { "id": "middag" } ],
                  "rooms": [ { "id": "zaal", "capacity": 10 } ],
                  "sessions": [
                    { "id": "w1", "title": "Workshop schrijven", "placements": [ { "round": "ochtend", "room": "zaal", "pinned": true } ] },
                    { "id": "w2", "title": "Workshop Schrijven!", "placements": [ { "round": "middag", "room": "zaal", "pinned": true } ] } ],
                  "attendees": [] }
                """).schedule());

        assertThat(programme.match("workshop schrijven", null)).isInstanceOf(Programme.Ambiguous.class);
        assertThat(programme.match("workshop schrijven", "middag")).isInstanceOfSatisfying(Programme.Chosen.class,
                chosen -> assertThat(chosen.session().id()).isEqualTo("w2"));
    }
}

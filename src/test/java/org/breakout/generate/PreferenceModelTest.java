package org.breakout.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.breakout.generate.PreferenceModel.Choice;
import org.breakout.io.EventReader;
import org.junit.jupiter.api.Test;

class PreferenceModelTest {

    /** Two rounds of three sessions; T1 and T2 belong to theme "t"; C is closed to "club" members. */
    private static RegistrationForm form() throws Exception {
        String json = """
                { "rounds": [ { "id": "R1", "start": "2025-06-04T10:00", "end": "2025-06-04T11:00" },
                              { "id": "R2", "start": "2025-06-04T11:15", "end": "2025-06-04T12:15" } ],
                  "rooms": [ { "id": "a", "capacity": 10 }, { "id": "b", "capacity": 10 }, { "id": "c", "capacity": 10 } ],
                  "sessions": [
                    { "id": "A", "placements": [ { "round": "R1", "room": "a" } ] },
                    { "id": "B", "placements": [ { "round": "R1", "room": "b" } ] },
                    { "id": "T1", "themes": ["t"], "placements": [ { "round": "R1", "room": "c" } ] },
                    { "id": "T2", "themes": ["t"], "placements": [ { "round": "R2", "room": "a" } ] },
                    { "id": "D", "placements": [ { "round": "R2", "room": "b" } ] },
                    { "id": "C", "audience": ["club"], "placements": [ { "round": "R2", "room": "c" } ] } ],
                  "attendees": [] }
                """;
        return RegistrationForm.of(EventReader.parse(Path.of("form.json"), json).schedule());
    }

    private static Map<String, Double> flat() {
        Map<String, Double> popularity = new LinkedHashMap<>();
        for (String id : List.of("A", "B", "T1", "T2", "D", "C")) {
            popularity.put(id, 1.0);
        }
        return popularity;
    }

    @Test
    void sectionsFollowThePlacements() throws Exception {
        RegistrationForm form = form();
        assertThat(form.choiceRounds()).containsExactly("R1", "R2");
        assertThat(form.sections()).extracting(RegistrationForm.Section::id).containsExactly("R1", "R2");
        assertThat(form.sections().get(0).items()).extracting(RegistrationForm.Item::id).containsExactly("A", "B", "T1");
        assertThat(form.themes()).containsExactly("t");
    }

    @Test
    void ranksRestartInEachSectionAndRespectTheAudience() throws Exception {
        PreferenceModel model = new PreferenceModel(form(), flat(), PreferenceModel.Settings.defaults());
        Random rng = new Random(1);
        for (int i = 0; i < 200; i++) {
            List<Choice> choices = model.rank(rng, Set.of(), Set.of(), Set.of("R1", "R2"), PreferenceModel.ALL);
            assertThat(choices).extracting(Choice::session).doesNotContain("C");
            assertThat(choices).hasSize(5);
            assertThat(choices.get(0).rank()).isEqualTo(1);
            assertThat(choices.get(3).rank()).isEqualTo(1); // first choice of round 2
            assertThat(choices.get(2).rank()).isBetween(2, 3);
        }
        List<Choice> member = model.rank(rng, Set.of("club"), Set.of(), Set.of("R2"), 1);
        assertThat(member).hasSize(1);
    }

    /** Rank-all: every session the attendee may attend, once, ranks 1 … k without gaps; ties as often as asked. */
    @Test
    void rankAllRanksEverySessionWithTies() throws Exception {
        PreferenceModel.Settings defaults = PreferenceModel.Settings.defaults();
        RegistrationForm perRound = form();
        RegistrationForm oneList = new RegistrationForm(perRound.choiceRounds(), List.of(new RegistrationForm.Section(
                "all", perRound.choiceRounds(), perRound.items())));
        PreferenceModel model = new PreferenceModel(oneList, flat(),
                new PreferenceModel.Settings(defaults.themeBoost(), defaults.maxThemeMatches(), defaults.audienceBoost(),
                        defaults.noise(), 0, defaults.depthShares()));
        Random rng = new Random(3);
        int tied = 0;
        for (int i = 0; i < 200; i++) {
            List<Choice> choices = model.rankAll(rng, Set.of(), Set.of(), Set.of("R1", "R2"), 0.5);
            assertThat(choices).extracting(Choice::session).containsExactlyInAnyOrder("A", "B", "T1", "T2", "D");
            List<Integer> ranks = choices.stream().map(Choice::rank).toList();
            assertThat(ranks.get(0)).isEqualTo(1);
            for (int k = 1; k < ranks.size(); k++) {
                assertThat(ranks.get(k) - ranks.get(k - 1)).isBetween(0, 1);
            }
            tied += ranks.get(ranks.size() - 1) < ranks.size() ? 1 : 0;
        }
        assertThat(tied).isGreaterThan(150); // with four neighbours each tying half the time, most lists tie
        assertThat(model.rankAll(rng, Set.of(), Set.of(), Set.of("R1", "R2"), 0)).extracting(Choice::rank)
                .containsExactly(1, 2, 3, 4, 5);
        assertThat(model.rankAll(rng, Set.of("club"), Set.of(), Set.of("R1", "R2"), 1)).extracting(Choice::rank)
                .containsOnly(1).hasSize(6);
    }

    @Test
    void depthLimitsTheNumberRankedPerWantedRound() throws Exception {
        PreferenceModel model = new PreferenceModel(form(), flat(), PreferenceModel.Settings.defaults());
        Random rng = new Random(2);
        assertThat(model.rank(rng, Set.of(), Set.of(), Set.of("R1", "R2"), 0)).isEmpty();
        assertThat(model.rank(rng, Set.of(), Set.of(), Set.of("R1", "R2"), 1)).hasSize(2);
        assertThat(model.rank(rng, Set.of(), Set.of(), Set.of("R2"), 2))
                .extracting(Choice::session).containsAnyOf("T2", "D").doesNotContain("A", "B", "T1");
    }

    @Test
    void themeMembersRankTheirGroupsSessionsFirstMoreOften() throws Exception {
        PreferenceModel model = new PreferenceModel(form(), flat(), PreferenceModel.Settings.defaults());
        Random rng = new Random(3);
        int members = 0;
        int others = 0;
        for (int i = 0; i < 2000; i++) {
            if (model.rank(rng, Set.of(), Set.of("t"), Set.of("R1"), 1).get(0).session().equals("T1")) {
                members++;
            }
            if (model.rank(rng, Set.of(), Set.of(), Set.of("R1"), 1).get(0).session().equals("T1")) {
                others++;
            }
        }
        // Plackett–Luce: e^1.2 / (e^1.2 + 2) ≈ 62 % for members, 1/3 for others.
        assertThat(members).isBetween(1100, 1400);
        assertThat(others).isBetween(560, 780);
    }

    @Test
    void popularityIsSkewedAndKnownWeightsAreKept() throws Exception {
        RegistrationForm form = form();
        Map<String, Double> popularity = PreferenceModel.skewedPopularity(form, Map.of("A", 5.0), 1.0, new Random(4));
        assertThat(popularity).containsEntry("A", 5.0).containsKeys("B", "T1", "T2", "D", "C");
        List<Double> round2 = new ArrayList<>(List.of(popularity.get("T2"), popularity.get("D"), popularity.get("C")));
        round2.sort(null);
        assertThat(round2.get(2) / round2.get(0)).isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(round2.stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(3.0,
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void tiesHappenNowAndThen() throws Exception {
        PreferenceModel model = new PreferenceModel(form(), flat(), PreferenceModel.Settings.defaults());
        Random rng = new Random(5);
        int ties = 0;
        for (int i = 0; i < 1000; i++) {
            List<Choice> choices = model.rank(rng, Set.of(), Set.of(), Set.of("R1"), 3);
            if (choices.stream().map(Choice::rank).distinct().count() < choices.size()) {
                ties++;
            }
        }
        assertThat(ties).isBetween(30, 100); // 6 % of lists
    }

    /** One section over both rounds, each session shown with its round: one ranked list for the event. */
    @Test
    void rankListGivesOneListOfTheGivenLength() throws Exception {
        RegistrationForm perRound = form();
        List<RegistrationForm.Item> items = new ArrayList<>();
        for (RegistrationForm.Section section : perRound.sections()) {
            for (RegistrationForm.Item item : section.items()) {
                items.add(new RegistrationForm.Item(item.id(), item.title(), item.themes(), item.audience(),
                        section.rounds()));
            }
        }
        RegistrationForm event = new RegistrationForm(List.of("R1", "R2"),
                List.of(new RegistrationForm.Section("all", List.of("R1", "R2"), items)));
        PreferenceModel model = new PreferenceModel(event, flat(), PreferenceModel.Settings.defaults());
        Random rng = new Random(6);
        for (int i = 0; i < 200; i++) {
            List<Choice> choices = model.rankList(rng, Set.of(), Set.of(), Set.of("R1", "R2"), 4);
            assertThat(choices).hasSize(4).extracting(Choice::session).doesNotContain("C").doesNotHaveDuplicates();
            assertThat(choices.get(0).rank()).isEqualTo(1);
            assertThat(choices.get(3).rank()).isBetween(3, 4); // one list: ranks do not restart
        }
        // Only sessions that can be in a wanted round.
        assertThat(model.rankList(rng, Set.of(), Set.of(), Set.of("R2"), 5)).extracting(Choice::session)
                .containsExactlyInAnyOrder("T2", "D");
        assertThat(model.rankList(rng, Set.of(), Set.of(), Set.of("R1", "R2"), 0)).isEmpty();
    }

    /** A repeated session is on the form in each round it is given in, and ranked at most once. */
    @Test
    void aSessionInTwoSectionsIsRankedOnce() throws Exception {
        RegistrationForm.Item a = new RegistrationForm.Item("A", "A", List.of(), List.of());
        RegistrationForm.Item b = new RegistrationForm.Item("B", "B", List.of(), List.of());
        RegistrationForm.Item d = new RegistrationForm.Item("D", "D", List.of(), List.of());
        RegistrationForm form = new RegistrationForm(List.of("R1", "R2"), List.of(
                new RegistrationForm.Section("R1", List.of("R1"), List.of(a, b)),
                new RegistrationForm.Section("R2", List.of("R2"), List.of(a, d))));
        PreferenceModel model = new PreferenceModel(form, Map.of("A", 1.0, "B", 1.0, "D", 1.0),
                PreferenceModel.Settings.defaults());
        Random rng = new Random(7);
        int rankedInRound2 = 0;
        for (int i = 0; i < 500; i++) {
            List<Choice> choices = model.rank(rng, Set.of(), Set.of(), Set.of("R1", "R2"), 1);
            assertThat(choices).extracting(Choice::session).doesNotHaveDuplicates();
            assertThat(choices).hasSize(2).allSatisfy(choice -> assertThat(choice.rank()).isEqualTo(1));
            if (choices.get(1).session().equals("A")) {
                rankedInRound2++; // not the first choice in round 1, so still free to be chosen in round 2
            }
        }
        assertThat(rankedInRound2).isBetween(50, 200); // about 1/2 × 1/2
    }
}

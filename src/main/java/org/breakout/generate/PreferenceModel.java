package org.breakout.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * How attendees rank the sessions of a {@link RegistrationForm}: a random-utility (Plackett–Luce) model.
 *
 * <p>Attendee <i>a</i> values session <i>s</i> at
 * <pre>
 *   u(a, s) = ln popularity(s)
 *           + themeBoost    × (number of the session's themes whose group <i>a</i> is a member of, at most maxThemeMatches)
 *           + audienceBoost × [the session has an audience and <i>a</i> belongs to it]
 *           + noise × Gumbel
 * </pre>
 * and ranks, in every section of the form in which they want a seat, the sessions they may attend by falling
 * utility. With Gumbel noise this is the Plackett–Luce model: the first choice falls on <i>s</i> with
 * probability proportional to exp(u); later choices likewise among the rest.
 * <ul>
 * <li><b>Skewed popularity</b>: a few sessions are wanted by many ({@link #skewedPopularity}: Zipf-like weights,
 * or weights the caller knows).</li>
 * <li><b>Interests correlated through themes</b>: members of a theme group rank that group's sessions higher,
 * in every round, so demand for a group's sessions comes from the same people.</li>
 * <li><b>Depth</b>: how many sessions someone ranks is a trait of the person ({@link #drawDepth}): some rank
 * none (registered without choosing), some only one per seat, most a few, some everything.</li>
 * <li><b>Ties</b>: now and then two neighbouring choices get the same rank.</li>
 * </ul>
 * Ranks restart at 1 in each section; the result is written as {@code {"session": …, "rank": r}}. A form with one
 * section over all rounds gives one ranked list for the whole event ({@link #rankList}); a form with a section
 * per round gives a list per round, in which a repeated session (on the form in each of its rounds) is ranked
 * once. The registrations of the Schiedam event ({@link RegistrationGenerator}) and the synthetic events of
 * {@link EventGenerator} are both drawn from this model.
 */
public final class PreferenceModel {

    /** Depth {@link #drawDepth} returns for "ranks every session in the section". */
    public static final int ALL = Integer.MAX_VALUE;

    /**
     * The model's knobs.
     *
     * @param themeBoost utility added per matching theme group membership
     * @param maxThemeMatches at most this many matching groups count
     * @param audienceBoost utility added to a session with an audience the attendee belongs to (a closed
     *        session is made for its members)
     * @param noise scale of the Gumbel noise: smaller is more predictable, more alike
     * @param tieProbability chance that a ranked section has one tie between neighbouring choices
     * @param depthShares shares of attendees ranking 0 (none at all), 1, 2, 3, … sessions per seat they want in
     *        a section; the last entry is the share ranking every session
     */
    public record Settings(double themeBoost, int maxThemeMatches, double audienceBoost, double noise,
            double tieProbability, double[] depthShares) {

        /** Defaults: 5 % rank nothing, 10 % one per seat, 20 % two, 50 % three, 15 % all; 6 % of lists have a tie. */
        public static Settings defaults() {
            return new Settings(1.2, 2, 3.0, 1.0, 0.06, new double[] { 0.05, 0.10, 0.20, 0.50, 0.15 });
        }
    }

    /** One ranked session. */
    public record Choice(String session, int rank) {
    }

    private final RegistrationForm form;
    private final Settings settings;
    private final Map<String, Double> logPopularity = new LinkedHashMap<>();
    /** Per section, ln popularity of its items in their order (looked up once, not per attendee). */
    private final List<double[]> sectionLogPopularity = new ArrayList<>();

    /**
     * @param popularity weight of each session on the form (see {@link #skewedPopularity}); must be positive
     */
    public PreferenceModel(RegistrationForm form, Map<String, Double> popularity, Settings settings) {
        this.form = form;
        this.settings = settings;
        for (RegistrationForm.Item item : form.items()) {
            Double weight = popularity.get(item.id());
            if (weight == null || !(weight > 0)) {
                throw new IllegalArgumentException("no positive popularity for session " + item.id());
            }
            logPopularity.put(item.id(), StrictMath.log(weight));
        }
        for (RegistrationForm.Section section : form.sections()) {
            sectionLogPopularity.add(section.items().stream().mapToDouble(item -> logPopularity.get(item.id())).toArray());
        }
    }

    public RegistrationForm form() {
        return form;
    }

    /**
     * Popularity weights with a long tail: the sessions of each section are put in a random order and given
     * Zipf weights 1, 1/2<sup>s</sup>, 1/3<sup>s</sup>, … scaled so that the section's mean weight is 1.
     * Sessions in {@code known} keep the weight given there (e.g. what the organisers expect).
     */
    public static Map<String, Double> skewedPopularity(RegistrationForm form, Map<String, Double> known,
            double exponent, Random rng) {
        Map<String, Double> popularity = new LinkedHashMap<>();
        for (RegistrationForm.Section section : form.sections()) {
            List<String> unknown = new ArrayList<>();
            for (RegistrationForm.Item item : section.items()) {
                if (!known.containsKey(item.id())) {
                    unknown.add(item.id());
                }
            }
            // Fisher–Yates with the given generator (Collections.shuffle would do too; spelt out for clarity).
            for (int i = unknown.size() - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                String t = unknown.get(i);
                unknown.set(i, unknown.get(j));
                unknown.set(j, t);
            }
            double sum = 0;
            double[] weights = new double[unknown.size()];
            for (int k = 0; k < weights.length; k++) {
                weights[k] = 1.0 / StrictMath.pow(k + 1, exponent);
                sum += weights[k];
            }
            Map<String, Double> drawn = new LinkedHashMap<>();
            for (int k = 0; k < weights.length; k++) {
                drawn.put(unknown.get(k), weights[k] * weights.length / sum);
            }
            for (RegistrationForm.Item item : section.items()) {
                popularity.put(item.id(), known.containsKey(item.id()) ? known.get(item.id()) : drawn.get(item.id()));
            }
        }
        return popularity;
    }

    /** How many sessions per wanted seat this person ranks: 0 … n, or {@link #ALL}. */
    public int drawDepth(Random rng) {
        int index = Streams.weighted(rng, settings.depthShares());
        return index == settings.depthShares().length - 1 ? ALL : index;
    }

    /**
     * The ranked choices of one attendee: for every section with rounds they want a seat in, the sessions they
     * may attend (audience) ranked by utility, {@code depth} per wanted seat (or all), ranks restarting at 1.
     *
     * @param tags the attendee's tags (audience checks)
     * @param groups theme ids of the groups the attendee is a member of
     * @param wantedRounds round ids the attendee wants a seat in
     * @param depth from {@link #drawDepth}
     */
    public List<Choice> rank(Random rng, Set<String> tags, Set<String> groups, Set<String> wantedRounds, int depth) {
        return rank(rng, tags, groups, wantedRounds,
                seats -> depth == ALL ? ALL : (int) Math.min(ALL, (long) depth * seats));
    }

    /**
     * Like {@link #rank}, but {@code length} is the length of each section's ranked list, however many seats the
     * attendee wants in it: with one section over all rounds, one ranked list of {@code length} sessions for the
     * whole event.
     */
    public List<Choice> rankList(Random rng, Set<String> tags, Set<String> groups, Set<String> wantedRounds,
            int length) {
        return rank(rng, tags, groups, wantedRounds, seats -> length);
    }

    /**
     * Every session the attendee may attend, in the sections with rounds they want a seat in, ranked by utility
     * in one list (meant for a form with one section over all rounds), with ties anywhere: each choice after the
     * first shares the rank of the one before it with probability {@code tieShare}, so ranks run 1 … k with
     * several sessions on some ranks. The list's own tie ({@link Settings#tieProbability}) comes on top: give 0
     * there.
     */
    public List<Choice> rankAll(Random rng, Set<String> tags, Set<String> groups, Set<String> wantedRounds,
            double tieShare) {
        List<Choice> order = rank(rng, tags, groups, wantedRounds, seats -> ALL);
        List<Choice> tied = new ArrayList<>(order.size());
        int rank = 0;
        for (Choice choice : order) {
            if (rank == 0 || rng.nextDouble() >= tieShare) {
                rank++;
            }
            tied.add(new Choice(choice.session(), rank));
        }
        return tied;
    }

    /**
     * The ranking itself; {@code listLength} gives the list length of a section from the number of seats the
     * attendee wants in it. A session that is on the form more than once (a repeated session, in the section of
     * every round it is given in) is ranked at most once: where it first makes the list.
     */
    private List<Choice> rank(Random rng, Set<String> tags, Set<String> groups, Set<String> wantedRounds,
            IntUnaryOperator listLength) {
        List<Choice> choices = new ArrayList<>();
        Set<String> ranked = new HashSet<>();
        for (int s = 0; s < form.sections().size(); s++) {
            RegistrationForm.Section section = form.sections().get(s);
            double[] logPopularities = sectionLogPopularity.get(s);
            int seats = 0;
            for (String round : section.rounds()) {
                seats += wantedRounds.contains(round) ? 1 : 0;
            }
            if (seats == 0) {
                continue;
            }
            // Draw noise for every session of the section, eligible or not, so that one person's draws do not
            // depend on which sessions they may attend.
            List<Scored> scored = new ArrayList<>();
            List<RegistrationForm.Item> items = section.items();
            for (int i = 0; i < items.size(); i++) {
                RegistrationForm.Item item = items.get(i);
                double noise = settings.noise() * Streams.gumbel(rng);
                if (!item.admits(tags) || !item.fits(wantedRounds) || (!ranked.isEmpty() && ranked.contains(item.id()))) {
                    continue;
                }
                int matches = 0;
                for (String theme : item.themes()) {
                    if (groups.contains(theme)) {
                        matches++;
                    }
                }
                double utility = logPopularities[i]
                        + settings.themeBoost() * Math.min(matches, settings.maxThemeMatches())
                        + (item.audience().isEmpty() ? 0.0 : settings.audienceBoost())
                        + noise;
                scored.add(new Scored(item.id(), utility, scored.size()));
            }
            // The tie draw is made for every section, ranked or not, to keep the stream aligned.
            double tieDraw = rng.nextDouble();
            int tieAt = rng.nextInt(Math.max(1, section.items().size() - 1));
            int count = Math.min(scored.size(), Math.max(0, listLength.applyAsInt(seats)));
            if (count == 0) {
                continue;
            }
            List<Scored> best = best(scored, count);
            boolean tie = count >= 2 && tieDraw < settings.tieProbability();
            int tiePosition = tie ? tieAt % (count - 1) : -1; // choices tiePosition and tiePosition+1 share a rank
            int rank = 0;
            for (int i = 0; i < count; i++) {
                if (i == 0 || i - 1 != tiePosition) {
                    rank++;
                }
                choices.add(new Choice(best.get(i).id(), rank));
                ranked.add(best.get(i).id());
            }
        }
        return choices;
    }

    /** The {@code count} highest utilities, highest first (equal utilities: in form order). */
    private static List<Scored> best(List<Scored> scored, int count) {
        if (count * 4L >= scored.size()) {
            scored.sort(BY_UTILITY);
            return scored;
        }
        // A few out of many (a long list of which a person ranks three): select rather than sort.
        List<Scored> best = new ArrayList<>(count);
        boolean[] taken = new boolean[scored.size()];
        for (int k = 0; k < count; k++) {
            int top = -1;
            for (int i = 0; i < scored.size(); i++) {
                if (!taken[i] && (top < 0 || BY_UTILITY.compare(scored.get(i), scored.get(top)) < 0)) {
                    top = i;
                }
            }
            taken[top] = true;
            best.add(scored.get(top));
        }
        return best;
    }

    private static final Comparator<Scored> BY_UTILITY = (a, b) -> {
        int byUtility = Double.compare(b.utility(), a.utility());
        return byUtility != 0 ? byUtility : Integer.compare(a.order(), b.order());
    };

    private record Scored(String id, double utility, int order) {
    }
}

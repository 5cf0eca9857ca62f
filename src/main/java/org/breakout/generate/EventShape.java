package org.breakout.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shape of a synthetic event made by {@link EventGenerator}: how many attendees, sessions, rounds, days and
 * rooms, how many sessions repeat, whether the timetable is fixed, open or mixed, how people rank, how full it is,
 * and which realism features are on ({@link #SWITCHES}).
 * A shape is built from the defaults, then a preset ({@link #PRESETS}), then overrides, each given by its key
 * ({@link #KEYS}: the option of {@code breakout generate event} in camel case, e.g. {@code repeatShare} for
 * {@code --repeat-share}). Every value is checked; {@link #of} throws {@link IllegalArgumentException} with a
 * message naming the option. docs/generator.md explains each parameter.
 *
 * @param attendees number of attendees
 * @param sessions number of choice sessions
 * @param rounds number of rounds (time slots with parallel sessions)
 * @param days days the rounds are spread over
 * @param rooms number of rooms
 * @param repeatShare share of the sessions given more than once (their runs go in different rounds)
 * @param timetable fixed (every run pinned), open (nothing placed) or mixed ({@code pinnedShare} of the sessions
 *        pinned)
 * @param pinnedShare share of the sessions pinned in a mixed timetable
 * @param preferences per-round (a ranked list per round; fixed timetables only) or event (one ranked list)
 * @param ranked list length: sessions per round list (per-round) or in the one list (event)
 * @param tieShare share of ranked lists with a tie between two neighbouring choices
 * @param load seats wanted / seats available, summed over the rounds, in the generator's reference timetable
 * @param skew Zipf exponent of session popularity (0: all equally popular; 1: the k-th most popular is wanted
 *        1/k as much as the first)
 * @param repeatAll every session given in every round (runs = rounds; {@code repeatShare} is not used)
 * @param fullAttendance every attendee wants a seat in every round (no day passes, skipped rounds or leaving early)
 * @param uniformRooms every room the same size, without tags, never unavailable
 * @param speakers sessions have speakers (some shared, a few unavailable); false: no speakers at all
 * @param themes sessions have themes and attendees interests (which steer their choices); false: neither
 * @param audiences some sessions are for a small group of attendees only
 * @param caps some hands-on sessions take fewer participants than their room holds
 * @param allowedRounds some sessions may only be placed in some rounds
 */
public record EventShape(int attendees, int sessions, int rounds, int days, int rooms, double repeatShare,
        Timetable timetable, double pinnedShare, Preferences preferences, int ranked, double tieShare,
        double load, double skew, boolean repeatAll, boolean fullAttendance, boolean uniformRooms, boolean speakers,
        boolean themes, boolean audiences, boolean caps, boolean allowedRounds) {

    /** Fixed: every run pinned. Open: nothing placed. Mixed: some sessions pinned, the rest open. */
    public enum Timetable {
        FIXED, OPEN, MIXED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Per-round: one ranked list per round, ranks restarting at 1. Event: one ranked list over all sessions.
     * Rank-all: one list in which everyone ranks every session they may attend, with ties.
     */
    public enum Preferences {
        PER_ROUND("per-round"), EVENT("event"), RANK_ALL("rank-all");

        private final String label;

        Preferences(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The keys of a shape, in the order the command line shows them. */
    public static final List<String> KEYS = List.of("attendees", "sessions", "rounds", "days", "rooms",
            "repeatShare", "timetable", "pinnedShare", "preferences", "ranked", "tieShare", "load", "skew",
            "repeatAll", "fullAttendance", "uniformRooms", "speakers", "themes", "audiences", "caps", "allowedRounds");

    /** The on/off keys (true or false). By default the realism features are on and the simplifications off. */
    public static final List<String> SWITCHES = List.of("repeatAll", "fullAttendance", "uniformRooms", "speakers",
            "themes", "audiences", "caps", "allowedRounds");

    /** At most this many attendees (four times the huge preset). */
    public static final int MAX_ATTENDEES = 200_000;

    /** At most this many rounds in one day. */
    public static final int MAX_ROUNDS_PER_DAY = 12;

    /**
     * What a shape is without a preset or override. {@code preferences} and {@code ranked} are left out: they
     * follow from the timetable (per-round for a fixed timetable, else event) and the preferences (3 per round,
     * or the number of rounds + 3 in one list) unless given.
     */
    public static final Map<String, String> DEFAULTS = map(
            "attendees", "500", "sessions", "20", "rounds", "4", "days", "1", "rooms", "8", "repeatShare", "0.1",
            "timetable", "fixed", "pinnedShare", "0.5", "tieShare", "0.05", "load", "1.0", "skew", "1.0",
            "repeatAll", "false", "fullAttendance", "false", "uniformRooms", "false", "speakers", "true",
            "themes", "true", "audiences", "true", "caps", "true", "allowedRounds", "true");

    /** Named shapes: what each changes from {@link #DEFAULTS}. The benchmark set (benchmarks/) uses them. */
    public static final Map<String, Map<String, String>> PRESETS;

    static {
        Map<String, String> medium = map("attendees", "2000", "sessions", "40", "rounds", "5", "days", "1",
                "rooms", "12", "repeatShare", "0.1", "timetable", "open", "load", "1.0");
        Map<String, String> mediumFixed = new LinkedHashMap<>(medium);
        mediumFixed.put("timetable", "fixed");
        Map<String, Map<String, String>> presets = new LinkedHashMap<>();
        presets.put("medium", medium);
        presets.put("medium-open", medium);
        presets.put("medium-fixed", Collections.unmodifiableMap(mediumFixed));
        Map<String, String> large = map("attendees", "10000", "sessions", "120", "rounds", "8", "days", "2",
                "rooms", "20", "repeatShare", "0.15", "timetable", "open", "load", "1.1");
        presets.put("large", large);
        // The same programme with the generator's reference timetable pinned, as the 10,000-attendee fixed
        // event: one ranked list for the event of up to 10 sessions (most rank 10, some 1–9, a few none), a tie in
        // a tenth of the lists. Other sizes: override attendees (benchmarks/scaling.json); rooms follow the load.
        Map<String, String> largeFixed = new LinkedHashMap<>(large);
        largeFixed.putAll(map("timetable", "fixed", "preferences", "event", "ranked", "10", "tieShare", "0.1"));
        presets.put("large-fixed", Collections.unmodifiableMap(largeFixed));
        // With 400 sessions a Zipf exponent of 1 would send two thirds of a round to its most popular session.
        presets.put("huge", map("attendees", "50000", "sessions", "400", "rounds", "8", "days", "2", "rooms", "64",
                "repeatShare", "0.15", "timetable", "fixed", "load", "1.0", "skew", "0.7"));
        // A fixed timetable with repeats, as in a real conference survey: every session in every round, one
        // ranked list for the whole event, everyone there all day, seats per round about 1.03 × attendees. No
        // audience sessions: one in every round would keep its room's seats from most attendees all day, and the
        // rooms are meant to be tight, not short.
        presets.put("repeat-all-400", map("attendees", "427", "sessions", "11", "rounds", "3", "days", "1",
                "rooms", "11", "repeatAll", "true", "timetable", "fixed", "preferences", "event", "ranked", "5",
                "tieShare", "0.1", "fullAttendance", "true", "audiences", "false", "load", "0.97"));
        presets.put("repeat-all-2000", map("attendees", "2000", "sessions", "20", "rounds", "5", "days", "1",
                "rooms", "20", "repeatAll", "true", "timetable", "fixed", "preferences", "event", "ranked", "7",
                "tieShare", "0.1", "fullAttendance", "true", "audiences", "false", "load", "0.97"));
        // The shape of wassign's inputs: every session once, nothing placed, everyone ranks every session (with
        // ties), identical rooms with seats per round about 1.15 × attendees, none of the other rules.
        Map<String, String> rankAllOpen = map("attendees", "300", "sessions", "50", "rounds", "5", "days", "1",
                "rooms", "10", "repeatShare", "0", "timetable", "open", "preferences", "rank-all", "tieShare", "0.5",
                "fullAttendance", "true", "load", "0.87", "uniformRooms", "true", "speakers", "false",
                "themes", "false", "audiences", "false", "caps", "false", "allowedRounds", "false");
        presets.put("rank-all-open-300", rankAllOpen);
        Map<String, String> rankAllOpen2000 = new LinkedHashMap<>(rankAllOpen);
        rankAllOpen2000.put("attendees", "2000"); // the room capacity follows from the load
        presets.put("rank-all-open-2000", Collections.unmodifiableMap(rankAllOpen2000));
        PRESETS = Collections.unmodifiableMap(presets);
    }

    /** The shape without preset or overrides. */
    public static EventShape defaults() {
        return of(null, Map.of());
    }

    /**
     * The shape of a preset (null: none) with overrides by key.
     *
     * @throws IllegalArgumentException for an unknown preset or key, a value that is not a number or not in
     *         range, or a combination that cannot work (e.g. per-round preferences with an open timetable)
     */
    public static EventShape of(String preset, Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        if (preset != null) {
            Map<String, String> presetValues = PRESETS.get(preset);
            if (presetValues == null) {
                throw new IllegalArgumentException("unknown preset \"" + preset + "\" (known: "
                        + String.join(", ", PRESETS.keySet()) + ")");
            }
            values.putAll(presetValues);
        }
        for (Map.Entry<String, String> entry : overrides.entrySet()) {
            if (!KEYS.contains(entry.getKey())) {
                throw new IllegalArgumentException("unknown setting \"" + entry.getKey() + "\" (known: "
                        + String.join(", ", KEYS) + ")");
            }
            if (entry.getValue() == null) {
                throw new IllegalArgumentException(option(entry.getKey()) + " needs a value");
            }
            values.put(entry.getKey(), entry.getValue().trim());
        }
        boolean repeatAll = flag(values, "repeatAll");
        boolean fullAttendance = flag(values, "fullAttendance");
        boolean uniformRooms = flag(values, "uniformRooms");
        boolean speakers = flag(values, "speakers");
        boolean themes = flag(values, "themes");
        boolean audiences = flag(values, "audiences");
        boolean caps = flag(values, "caps");
        boolean allowedRounds = flag(values, "allowedRounds");
        // Upper bounds keep the event in memory on an ordinary machine (the huge preset, 50,000 attendees, takes
        // under 2 GB; memory grows with attendees × sessions per round).
        int attendees = integer(values, "attendees", 1, MAX_ATTENDEES);
        int sessions = integer(values, "sessions", 1, 5_000);
        int rounds = integer(values, "rounds", 1, 372);
        int days = integer(values, "days", 1, 31);
        int rooms = integer(values, "rooms", 1, 5_000);
        double repeatShare = decimal(values, "repeatShare", 0, 1);
        Timetable timetable = switch (values.get("timetable").toLowerCase(Locale.ROOT)) {
            case "fixed" -> Timetable.FIXED;
            case "open" -> Timetable.OPEN;
            case "mixed" -> Timetable.MIXED;
            default -> throw new IllegalArgumentException("--timetable must be fixed, open or mixed, not \""
                    + values.get("timetable") + "\"");
        };
        double pinnedShare = decimal(values, "pinnedShare", 0, 1);
        Preferences preferences;
        String preferencesValue = values.get("preferences");
        if (preferencesValue == null) {
            preferences = timetable == Timetable.FIXED ? Preferences.PER_ROUND : Preferences.EVENT;
        } else {
            preferences = switch (preferencesValue.toLowerCase(Locale.ROOT)) {
                case "per-round" -> Preferences.PER_ROUND;
                case "event" -> Preferences.EVENT;
                case "rank-all" -> Preferences.RANK_ALL;
                default -> throw new IllegalArgumentException("--preferences must be per-round, event or rank-all, "
                        + "not \"" + preferencesValue + "\"");
            };
        }
        int ranked;
        if (values.get("ranked") == null) {
            ranked = switch (preferences) {
                case PER_ROUND -> 3;
                case EVENT -> Math.min(sessions, rounds + 3);
                case RANK_ALL -> sessions;
            };
        } else {
            ranked = integer(values, "ranked", 1, 100_000);
            if (preferences == Preferences.RANK_ALL && ranked != sessions) {
                throw new IllegalArgumentException("--ranked " + ranked + " does not go with --preferences rank-all: "
                        + "everyone ranks all " + sessions + " sessions; leave --ranked out");
            }
        }
        double tieShare = decimal(values, "tieShare", 0, 1);
        double load = decimal(values, "load", 0.05, 10);
        double skew = decimal(values, "skew", 0, 5);

        if (days > rounds) {
            throw new IllegalArgumentException("--days " + days + " is more than --rounds " + rounds
                    + ": every day needs at least one round");
        }
        if ((rounds + days - 1) / days > MAX_ROUNDS_PER_DAY) {
            throw new IllegalArgumentException("--rounds " + rounds + " over --days " + days + " is more than "
                    + MAX_ROUNDS_PER_DAY + " rounds a day: add days");
        }
        if (repeatAll && rounds < 2) {
            throw new IllegalArgumentException("--repeat-all true needs at least 2 rounds: with one round every "
                    + "session is given once anyway");
        }
        if (repeatAll && overrides.containsKey("repeatShare")) {
            throw new IllegalArgumentException("--repeat-share does not go with --repeat-all true: every session is "
                    + "given in every round; leave --repeat-share out");
        }
        if (repeatShare > 0 && rounds < 2) {
            throw new IllegalArgumentException("--repeat-share " + repeatShare + " needs at least 2 rounds: "
                    + "a session's runs go in different rounds");
        }
        if (preferences == Preferences.PER_ROUND && timetable != Timetable.FIXED) {
            throw new IllegalArgumentException("--preferences per-round needs --timetable fixed: with an "
                    + timetable.label() + " timetable no one knows which sessions share a round; use --preferences event");
        }
        EventShape shape = new EventShape(attendees, sessions, rounds, days, rooms, repeatShare, timetable,
                pinnedShare, preferences, ranked, tieShare, load, skew, repeatAll, fullAttendance, uniformRooms,
                speakers, themes, audiences, caps, allowedRounds);
        if (shape.runs() < rounds) {
            throw new IllegalArgumentException("--sessions " + sessions + " give " + shape.runs() + " run(s), fewer "
                    + "than --rounds " + rounds + ": every round needs at least one session");
        }
        int neededRooms = (shape.runs() + rounds - 1) / rounds;
        if (rooms < neededRooms) {
            throw new IllegalArgumentException("--rooms " + rooms + " is too few: " + sessions + " sessions with "
                    + shape.runs() + " runs in " + rounds + " rounds need at least " + neededRooms + " rooms");
        }
        return shape;
    }

    /** Sessions given more than once: all with {@code repeatAll}, else the repeat share of the sessions, rounded. */
    public int repeated() {
        return repeatAll ? sessions : (int) StrictMath.round(repeatShare * sessions);
    }

    /**
     * Repeated sessions given three times (one in five, the most popular; only with three rounds or more). With
     * {@code repeatAll} none: every session has a run in every round instead.
     */
    public int tripled() {
        return !repeatAll && rounds >= 3 ? repeated() / 5 : 0;
    }

    /**
     * All runs: with {@code repeatAll} one per session per round; else every session once, repeated sessions once
     * more, tripled ones twice more.
     */
    public int runs() {
        return repeatAll ? sessions * rounds : sessions + repeated() + tripled();
    }

    /** Rounds per day, in day order: as even as possible, the first days get the extra ones. */
    public int[] roundsPerDay() {
        int[] perDay = new int[days];
        for (int d = 0; d < days; d++) {
            perDay[d] = rounds / days + (d < rounds % days ? 1 : 0);
        }
        return perDay;
    }

    /** The shape as values by key (every key, resolved). */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("attendees", Integer.toString(attendees));
        values.put("sessions", Integer.toString(sessions));
        values.put("rounds", Integer.toString(rounds));
        values.put("days", Integer.toString(days));
        values.put("rooms", Integer.toString(rooms));
        values.put("repeatShare", Double.toString(repeatShare));
        values.put("timetable", timetable.label());
        values.put("pinnedShare", Double.toString(pinnedShare));
        values.put("preferences", preferences.label());
        values.put("ranked", Integer.toString(ranked));
        values.put("tieShare", Double.toString(tieShare));
        values.put("load", Double.toString(load));
        values.put("skew", Double.toString(skew));
        values.put("repeatAll", Boolean.toString(repeatAll));
        values.put("fullAttendance", Boolean.toString(fullAttendance));
        values.put("uniformRooms", Boolean.toString(uniformRooms));
        values.put("speakers", Boolean.toString(speakers));
        values.put("themes", Boolean.toString(themes));
        values.put("audiences", Boolean.toString(audiences));
        values.put("caps", Boolean.toString(caps));
        values.put("allowedRounds", Boolean.toString(allowedRounds));
        return values;
    }

    /**
     * The options of {@code breakout generate event} that make this shape from scratch, e.g. {@code --attendees
     * 2000 --sessions 40 … --skew 1.0}: {@code --pinned-share} only for a mixed timetable, {@code --repeat-share}
     * not with {@code --repeat-all}, {@code --ranked} not with rank-all preferences, and the on/off settings only
     * when they are not at their default (so that the events made before they existed keep their description).
     */
    public String options() {
        List<String> parts = new ArrayList<>();
        values().forEach((key, value) -> {
            boolean unused = key.equals("pinnedShare") && timetable != Timetable.MIXED
                    || key.equals("repeatShare") && repeatAll
                    || key.equals("ranked") && preferences == Preferences.RANK_ALL
                    || SWITCHES.contains(key) && DEFAULTS.get(key).equals(value);
            if (!unused) {
                parts.add(option(key) + " " + value);
            }
        });
        return String.join(" ", parts);
    }

    /** The command-line option of a key: {@code repeatShare} → {@code --repeat-share}. */
    public static String option(String key) {
        return "--" + key.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    private static int integer(Map<String, String> values, String key, int min, int max) {
        String text = values.get(key);
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option(key) + " must be a whole number, not \"" + text + "\"");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(option(key) + " must be between " + min + " and " + max + ", not "
                    + value);
        }
        return value;
    }

    private static boolean flag(Map<String, String> values, String key) {
        String text = values.get(key);
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(option(key) + " must be true or false, not \"" + text + "\"");
        };
    }

    private static double decimal(Map<String, String> values, String key, double min, double max) {
        String text = values.get(key);
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option(key) + " must be a number, not \"" + text + "\"");
        }
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(option(key) + " must be between " + min + " and " + max + ", not "
                    + text);
        }
        return value;
    }

    private static Map<String, String> map(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}

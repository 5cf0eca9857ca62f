package org.breakout.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.generate.EventShape.Preferences;
import org.breakout.io.Json;

/**
 * Seeded synthetic events of a given {@link EventShape}: rounds over one or more days, rooms, speakers, sessions
 * (with their timetable when it is fixed or mixed) and attendees with ranked preferences. The same shape and seed
 * give the same document, byte for byte: every random number comes from {@link Streams} (java.util.Random, one
 * stream per part, so that e.g. the fixed and the open variant of a shape share rooms, sessions, speakers and
 * attendees), collections keep insertion order, and nothing reads the clock.
 *
 * <p>The generator first builds a <em>reference timetable</em>: every run gets a round and a room such that no
 * room is double-booked, no speaker is in two places, rooms and speakers are available and required room tags and
 * allowed rounds hold. Speaker and room unavailability, allowed rounds and required tags are drawn around it, so
 * it stays feasible. A fixed timetable pins it; an open one leaves it out (so a feasible timetable exists); a mixed
 * one pins part of it. Room capacities are scaled so that, in the reference timetable, the seats wanted over all
 * rounds are {@code load} times the seats available. Preferences come from the {@link PreferenceModel}.
 * The shape's on/off settings (speakers, themes, audiences, caps, allowed rounds, uniform rooms, full attendance,
 * repeat-all) leave a part out or make it plain without changing how the other parts draw, so that with every
 * setting at its default the file is what it was before they existed.
 * docs/generator.md describes every parameter and how each realism feature is produced.
 */
public final class EventGenerator {

    public static final String TIMEZONE = "Europe/Amsterdam";
    /** The first day of every synthetic event (a Tuesday); further days follow. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2026, 6, 9);

    // Rooms: a few halls, some auditoria, many small rooms (relative sizes before scaling).
    static final double HALL_SHARE = 0.10;
    static final double AUDITORIUM_SHARE = 0.25;
    static final double UNAVAILABLE_ROOM_SHARE = 0.10;
    // Sessions.
    static final double RESTRICTED_SHARE = 0.06;
    static final double ALLOWED_ROUNDS_SHARE = 0.10;
    static final double AV_SHARE = 0.10;
    static final double STEPFREE_SHARE = 0.04;
    static final double CAPPED_SHARE = 0.12;
    static final double SECOND_THEME = 0.25;
    // Speakers.
    static final double[] SPEAKERS_PER_SESSION = { 0.70, 0.22, 0.08 };
    static final double SPEAKER_REUSE = 0.18;
    static final int MAX_SESSIONS_PER_SPEAKER = 3;
    static final double UNAVAILABLE_SPEAKER_SHARE = 0.08;
    // Attendees.
    static final String[] ROLES = { "member", "guest", "student" };
    static final double[] ROLE_SHARES = { 0.62, 0.29, 0.09 };
    static final double BOARD_SHARE_OF_MEMBERS = 0.05;
    static final double NEWCOMER_SHARE = 0.20;
    static final double NEWCOMER_SHARE_OF_STUDENTS = 0.60;
    static final double[] INTERESTS = { 0.40, 0.40, 0.20 };
    static final double DAY_PASS_SHARE = 0.30;
    static final double SKIP_ROUND_SHARE = 0.07;
    static final double LEAVE_EARLY_SHARE = 0.05;
    static final double RANK_NONE_SHARE = 0.04;
    static final double RANK_FEW_SHARE = 0.12;

    /** Themes (tracks): id and label. */
    static final String[][] THEMES = { { "climate", "Climate adaptation" }, { "energy", "Energy transition" },
            { "housing", "Housing" }, { "mobility", "Mobility" }, { "health", "Public health" },
            { "education", "Education" }, { "data", "Data and AI" }, { "economy", "Local economy" },
            { "culture", "Culture" }, { "safety", "Safety" }, { "water", "Water" }, { "digital", "Digital services" },
            { "democracy", "Democracy" }, { "care", "Care" }, { "youth", "Youth" }, { "food", "Food" },
            { "circular", "Circular economy" }, { "poverty", "Poverty" }, { "inclusion", "Inclusion" },
            { "sport", "Sport" }, { "nature", "Nature" }, { "tourism", "Tourism" }, { "finance", "Public finance" },
            { "governance", "Governance" }, { "heritage", "Heritage" }, { "labour", "Labour market" },
            { "ageing", "Ageing" }, { "migration", "Migration" }, { "cyber", "Cyber security" },
            { "planning", "Spatial planning" } };
    static final String[] FORMATS = { "Talk", "Workshop", "Panel", "Masterclass", "Roundtable", "Case study", "Lab",
            "Debate" };
    static final double[] FORMAT_WEIGHTS = { 4, 3, 2, 1, 1, 1.5, 1, 1 };
    static final Set<String> HANDS_ON = Set.of("Workshop", "Masterclass", "Lab");
    static final String[] ANGLES = { "in practice", "what works", "lessons from the field", "the next ten years",
            "from pilot to scale", "for small towns", "and the law", "by the numbers", "with residents",
            "on a budget", "across borders", "myths and facts" };
    /** Audiences of restricted sessions (attendee tags), their weights and what the title says. */
    static final String[][] AUDIENCES = { { "newcomer" }, { "board" }, { "student" }, { "newcomer", "student" } };
    static final double[] AUDIENCE_WEIGHTS = { 3, 1, 1, 1 };
    static final String[] AUDIENCE_TITLES = { "for newcomers", "board members only", "for students",
            "for newcomers and students" };

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);
    private static final PreferenceModel.Settings MODEL = PreferenceModel.Settings.defaults();

    /**
     * What was generated.
     *
     * @param runs session runs (a repeated session has two or three)
     * @param repeated sessions given more than once
     * @param pinned sessions with pinned placements
     * @param sharedSpeakers speakers in two or three sessions
     * @param wanting per round, attendees wanting a seat in it
     * @param seats per round, seats in the reference timetable (room capacity or session cap)
     * @param rankedNone attendees who ranked no session
     * @param firstChoices per session, attendees who ranked it 1 (ties at rank 1 count for each)
     */
    public record Stats(int attendees, int sessions, int runs, int repeated, int pinned, int rounds, int days,
            int rooms, int speakers, int sharedSpeakers, Map<String, Integer> wanting, Map<String, Integer> seats,
            int rankedNone, int choices, Map<String, Integer> firstChoices) {

        public long seatsWanted() {
            return wanting.values().stream().mapToLong(Integer::longValue).sum();
        }

        public long seatsAvailable() {
            return seats.values().stream().mapToLong(Integer::longValue).sum();
        }

        /** Seats wanted / seats available (reference timetable), over all rounds. */
        public double load() {
            return (double) seatsWanted() / seatsAvailable();
        }

        /** A few lines for people: what is in the event, how full it is, the most wanted sessions. */
        public String describe() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "Event       %d attendees, %d sessions (%d runs; %d repeated), "
                    + "%d rounds over %d day(s), %d rooms, %d speakers (%d in more than one session)%n", attendees,
                    sessions, runs, repeated, rounds, days, rooms, speakers, sharedSpeakers));
            out.append(String.format(Locale.ROOT, "Timetable   %d of %d sessions pinned%n", pinned, sessions));
            out.append(String.format(Locale.ROOT, "Demand      %d seats wanted, %d seats in the reference timetable: "
                    + "load %.2f%n", seatsWanted(), seatsAvailable(), load()));
            List<Map.Entry<String, Integer>> top = new ArrayList<>(firstChoices.entrySet());
            top.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
            StringBuilder most = new StringBuilder();
            for (int i = 0; i < Math.min(5, top.size()); i++) {
                most.append(i == 0 ? "" : ", ").append(top.get(i).getKey()).append(' ').append(top.get(i).getValue());
            }
            out.append(String.format(Locale.ROOT, "Choices     %d ranked choices; %d attendees ranked none; "
                    + "most first choices: %s%n", choices, rankedNone, most));
            return out.toString();
        }
    }

    /** The event document and what is in it. */
    public record Result(ObjectNode document, Stats stats) {
    }

    private final EventShape shape;
    private final long seed;
    private final List<RoundSpec> rounds = new ArrayList<>();
    private final List<String[]> themes = new ArrayList<>();
    private double[] themeWeights;
    private final List<SessionSpec> sessions = new ArrayList<>();
    private final List<RoomSpec> rooms = new ArrayList<>();
    private final List<SpeakerSpec> speakers = new ArrayList<>();
    private final List<Registrant> people = new ArrayList<>();

    private EventGenerator(EventShape shape, long seed) {
        this.shape = shape;
        this.seed = seed;
    }

    /** Generates the event of this shape with this seed. */
    public static Result generate(EventShape shape, long seed) {
        return new EventGenerator(shape, seed).run();
    }

    private Result run() {
        rounds();
        themes(Streams.of(seed, "themes"));
        sessions(Streams.of(seed, "sessions"));
        popularity(Streams.of(seed, "popularity"));
        repeats(Streams.of(seed, "repeats"));
        caps(Streams.of(seed, "caps"));
        rooms(Streams.of(seed, "rooms"));
        timetable(Streams.of(seed, "timetable"));
        speakers(Streams.of(seed, "speakers"));
        restrictions(Streams.of(seed, "restrictions"));
        population(Streams.of(seed, "population"));
        Map<String, Integer> wanting = wanting();
        capacities(wanting);
        pin(Streams.of(seed, "pinned"));
        preferences();
        return new Result(document(), stats(wanting));
    }

    // ************************************************************************
    // Programme
    // ************************************************************************

    private static final class RoundSpec {
        String id;
        String name;
        int index;
        int day;
        boolean afterLunch;
        LocalDateTime start;
        LocalDateTime end;
    }

    /**
     * Rounds over the days: from 09:30, rounds of 60 minutes (45 with six to eight rounds a day, 30 with more) and
     * 15-minute breaks; the break before the first round that would end after 12:45 is an hour's lunch.
     */
    private void rounds() {
        int[] perDay = shape.roundsPerDay();
        LocalTime lunchTime = LocalTime.of(12, 45);
        for (int d = 0; d < perDay.length; d++) {
            int n = perDay[d];
            int minutes = n <= 5 ? 60 : n <= 8 ? 45 : 30;
            LocalDateTime time = LocalDateTime.of(FIRST_DAY.plusDays(d), LocalTime.of(9, 30));
            boolean afterLunch = false;
            for (int k = 0; k < n; k++) {
                if (!afterLunch && k > 0 && time.plusMinutes(minutes).toLocalTime().isAfter(lunchTime)) {
                    time = time.plusMinutes(45);
                    afterLunch = true;
                }
                RoundSpec round = new RoundSpec();
                round.index = rounds.size();
                round.id = "R" + (round.index + 1);
                round.name = perDay.length == 1 ? "Round " + (k + 1) : "Day " + (d + 1) + ", round " + (k + 1);
                round.day = d;
                round.afterLunch = afterLunch;
                round.start = time;
                round.end = time.plusMinutes(minutes);
                time = round.end.plusMinutes(15);
                rounds.add(round);
            }
        }
    }

    /** About one theme per five sessions, from a seeded order of {@link #THEMES}; weights fall off slowly. */
    private void themes(Random rng) {
        int count = shape.sessions() < 2 ? 1
                : Math.max(2, Math.min(THEMES.length, (int) StrictMath.round(shape.sessions() / 5.0)));
        List<String[]> all = new ArrayList<>(List.of(THEMES));
        shuffle(all, rng);
        themes.addAll(all.subList(0, count));
        themeWeights = new double[count];
        for (int k = 0; k < count; k++) {
            themeWeights[k] = 1.0 / StrictMath.pow(k + 1, 0.6);
        }
    }

    private static final class SessionSpec {
        int index;
        String id;
        String title;
        String format;
        List<Integer> themes = new ArrayList<>();
        int audience = -1;
        double popularity;
        double demand;
        int runs = 1;
        int[] roundOf;
        int[] roomOf;
        List<Integer> speakers = new ArrayList<>();
        Set<Integer> allowed; // null: every round
        Set<String> requiredTags = new LinkedHashSet<>();
        int wantedCap; // 0: no cap; else the cap the organisers want (kept when below the room's capacity)
        Integer cap;
        boolean pinned;

        boolean inRound(int round) {
            for (int r : roundOf) {
                if (r == round) {
                    return true;
                }
            }
            return false;
        }
    }

    private void sessions(Random rng) {
        int count = shape.sessions();
        int width = Math.max(2, Integer.toString(count).length());
        // Every theme gets a session (while there are sessions), the rest by weight; then a seeded order.
        List<Integer> primary = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            primary.add(i < themes.size() ? i : Streams.weighted(rng, themeWeights));
        }
        shuffle(primary, rng);
        for (int i = 0; i < count; i++) {
            SessionSpec session = new SessionSpec();
            session.index = i;
            session.id = "S" + pad(i + 1, width);
            session.format = FORMATS[Streams.weighted(rng, FORMAT_WEIGHTS)];
            session.themes.add(primary.get(i));
            double second = rng.nextDouble();
            int other = Streams.weighted(rng, themeWeights);
            if (second < SECOND_THEME && other != primary.get(i)) {
                session.themes.add(other);
            }
            String angle = ANGLES[rng.nextInt(ANGLES.length)];
            String topic = themes.get(session.themes.get(0))[1];
            if (session.themes.size() > 1) {
                topic += " meets " + lowerFirst(themes.get(session.themes.get(1))[1]);
            }
            session.title = session.format + ": " + topic + ", " + angle;
            sessions.add(session);
        }
        if (!shape.audiences()) {
            return;
        }
        // Audience-restricted sessions (made for a small group: newcomers, board members, students).
        int restricted = count >= 10 ? Math.max(1, (int) StrictMath.round(RESTRICTED_SHARE * count))
                : (int) StrictMath.round(RESTRICTED_SHARE * count);
        for (SessionSpec session : pick(sessions, restricted, rng)) {
            session.audience = Streams.weighted(rng, AUDIENCE_WEIGHTS);
            session.title += " (" + AUDIENCE_TITLES[session.audience] + ")";
        }
    }

    /** Skewed popularity over all sessions: {@link PreferenceModel#skewedPopularity} with one section. */
    private void popularity(Random rng) {
        RegistrationForm all = new RegistrationForm(roundIds(), List.of(new RegistrationForm.Section("all",
                roundIds(), sessions.stream().map(s -> new RegistrationForm.Item(s.id, s.title, List.of(),
                        List.of())).toList())));
        Map<String, Double> popularity = PreferenceModel.skewedPopularity(all, Map.of(), shape.skew(), rng);
        for (SessionSpec session : sessions) {
            session.popularity = popularity.get(session.id);
        }
    }

    /** The most popular sessions (as the organisers guess it: popularity with noise) are given again. */
    private void repeats(Random rng) {
        for (SessionSpec session : sessions) {
            double guess = session.popularity * StrictMath.exp(0.5 * rng.nextGaussian());
            double audienceFactor = session.audience < 0 ? 1.0
                    : Math.min(3.0, audienceShare(AUDIENCES[session.audience]) * StrictMath.exp(MODEL.audienceBoost()));
            session.demand = guess * audienceFactor;
        }
        if (shape.repeatAll()) {
            sessions.forEach(session -> session.runs = shape.rounds());
            return;
        }
        List<SessionSpec> byDemand = new ArrayList<>(sessions);
        byDemand.sort(Comparator.comparingDouble((SessionSpec s) -> -s.demand).thenComparingInt(s -> s.index));
        for (int i = 0; i < shape.repeated(); i++) {
            byDemand.get(i).runs = i < shape.tripled() ? 3 : 2;
        }
    }

    /** Some hands-on sessions (workshop, masterclass, lab) take at most 15, 20, … or 60 participants. */
    private void caps(Random rng) {
        if (!shape.caps()) {
            return;
        }
        List<SessionSpec> handsOn = sessions.stream().filter(s -> HANDS_ON.contains(s.format)).toList();
        for (SessionSpec session : pick(handsOn, (int) StrictMath.round(CAPPED_SHARE * shape.sessions()), rng)) {
            session.wantedCap = 15 + 5 * rng.nextInt(10);
        }
    }

    /** Share of the population with at least one of these tags (from the population model's shares). */
    private static double audienceShare(String[] tags) {
        double none = 1;
        for (String tag : tags) {
            double share = switch (tag) {
                case "board" -> ROLE_SHARES[0] * BOARD_SHARE_OF_MEMBERS;
                case "student" -> ROLE_SHARES[2];
                case "newcomer" -> (1 - ROLE_SHARES[2]) * NEWCOMER_SHARE + ROLE_SHARES[2] * NEWCOMER_SHARE_OF_STUDENTS;
                default -> 0;
            };
            none *= 1 - share;
        }
        return 1 - none;
    }

    private static final class RoomSpec {
        int index;
        String id;
        String name;
        String venue;
        double size;
        int capacity;
        Set<String> tags = new LinkedHashSet<>();
        boolean[] unavailable;
    }

    private void rooms(Random rng) {
        int count = shape.rooms();
        int halls = count >= 4 ? Math.max(1, (int) StrictMath.round(HALL_SHARE * count)) : 0;
        int auditoria = count >= 2 ? Math.max(1, (int) StrictMath.round(AUDITORIUM_SHARE * count)) : 0;
        int small = count - halls - auditoria;
        int annexFrom = count >= 16 ? (int) StrictMath.round(small * 0.6) : small;
        for (int i = 0; i < count; i++) {
            RoomSpec room = new RoomSpec();
            room.index = i;
            room.unavailable = new boolean[rounds.size()];
            room.venue = "Congress centre";
            double u = rng.nextDouble();
            double av = rng.nextDouble();
            double stepfree = rng.nextDouble();
            if (shape.uniformRooms()) {
                // One size, no tags: rooms differ by name only.
                room.name = "Room " + (1 + i / 12) + "." + pad(i % 12 + 1, 2);
                room.size = 1.0;
            } else if (i < halls) {
                room.name = "Hall " + (i < 26 ? String.valueOf((char) ('A' + i)) : String.valueOf(i + 1));
                room.size = 4.0 + 2.0 * u;
                room.tags.add("av");
                room.tags.add("stepfree");
            } else if (i < halls + auditoria) {
                room.name = "Auditorium " + (i - halls + 1);
                room.size = 1.6 + u;
                if (av < 0.85) {
                    room.tags.add("av");
                }
                room.tags.add("stepfree");
            } else {
                int k = i - halls - auditoria;
                if (k < annexFrom) {
                    room.name = "Room " + (1 + k / 12) + "." + pad(k % 12 + 1, 2);
                } else {
                    room.name = "Annex " + (k - annexFrom + 1);
                    room.venue = "Annex";
                }
                room.size = 0.6 + 0.6 * u;
                if (av < 0.35) {
                    room.tags.add("av");
                }
                if (stepfree < 0.6) {
                    room.tags.add("stepfree");
                }
            }
            room.id = room.name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
            rooms.add(room);
        }
        if (shape.uniformRooms()) {
            return; // always available
        }
        // Some rooms are booked for something else for one or two rounds of a day; never so many that the runs
        // no longer fit.
        int unavailable = count >= 5 ? Math.max(1, (int) StrictMath.round(UNAVAILABLE_ROOM_SHARE * count)) : 0;
        for (RoomSpec room : pick(rooms, unavailable, rng)) {
            int first = rng.nextInt(rounds.size());
            boolean two = rng.nextDouble() < 0.4 && first + 1 < rounds.size()
                    && rounds.get(first + 1).day == rounds.get(first).day;
            room.unavailable[first] = true;
            if (two) {
                room.unavailable[first + 1] = true;
            }
            if (roomRounds() < shape.runs()) {
                room.unavailable[first] = false;
                if (two) {
                    room.unavailable[first + 1] = false;
                }
            }
        }
    }

    private int roomRounds() {
        int available = 0;
        for (RoomSpec room : rooms) {
            for (boolean off : room.unavailable) {
                available += off ? 0 : 1;
            }
        }
        return available;
    }

    /**
     * The reference timetable: runs spread evenly over the rounds (as far as rooms are available), a session's
     * runs in different rounds (on different days when it can), sessions of a theme apart where possible; in each
     * round the sessions expected to draw most get the largest rooms.
     */
    private void timetable(Random rng) {
        int roundCount = rounds.size();
        int[] available = new int[roundCount];
        for (RoomSpec room : rooms) {
            for (int r = 0; r < roundCount; r++) {
                available[r] += room.unavailable[r] ? 0 : 1;
            }
        }
        int[] quota = new int[roundCount];
        for (int t = 0; t < shape.runs(); t++) {
            int best = -1;
            for (int r = 0; r < roundCount; r++) {
                if (quota[r] < available[r] && (best < 0 || quota[r] < quota[best])) {
                    best = r;
                }
            }
            quota[best]++;
        }
        int[][] themeCount = new int[roundCount][themes.size()];
        List<SessionSpec> order = new ArrayList<>(sessions);
        order.sort(Comparator.comparingInt((SessionSpec s) -> -s.runs).thenComparingDouble(s -> -s.demand)
                .thenComparingInt(s -> s.index));
        for (SessionSpec session : order) {
            session.roundOf = new int[session.runs];
            Set<Integer> used = new LinkedHashSet<>();
            Set<Integer> days = new LinkedHashSet<>();
            for (int k = 0; k < session.runs; k++) {
                int best = -1;
                double bestScore = 0;
                for (int r = 0; r < roundCount; r++) {
                    double jitter = rng.nextDouble();
                    if (quota[r] == 0 || used.contains(r)) {
                        continue;
                    }
                    int clashes = 0;
                    for (int theme : session.themes) {
                        clashes += themeCount[r][theme];
                    }
                    double score = quota[r] - 1.5 * clashes + (days.contains(rounds.get(r).day) ? 0 : 1.0)
                            + 0.5 * jitter;
                    if (best < 0 || score > bestScore) {
                        best = r;
                        bestScore = score;
                    }
                }
                if (best < 0) {
                    throw new IllegalStateException("cannot place the runs of " + session.id + " in different rounds: "
                            + "too few rounds or rooms for " + shape.runs() + " runs");
                }
                session.roundOf[k] = best;
                quota[best]--;
                used.add(best);
                days.add(rounds.get(best).day);
                for (int theme : session.themes) {
                    themeCount[best][theme]++;
                }
            }
            Arrays.sort(session.roundOf);
        }
        // Rooms: per round, the runs by expected demand per run, the available rooms by size.
        for (SessionSpec session : sessions) {
            session.roomOf = new int[session.runs];
        }
        for (int r = 0; r < roundCount; r++) {
            final int round = r;
            List<int[]> runs = new ArrayList<>(); // {session, run}
            for (SessionSpec session : sessions) {
                for (int k = 0; k < session.runs; k++) {
                    if (session.roundOf[k] == round) {
                        runs.add(new int[] { session.index, k });
                    }
                }
            }
            // Capped sessions last (the smallest rooms), the others by expected demand per run.
            runs.sort(Comparator.comparingInt((int[] run) -> sessions.get(run[0]).wantedCap > 0 ? 1 : 0)
                    .thenComparingDouble(run -> -sessions.get(run[0]).demand / sessions.get(run[0]).runs)
                    .thenComparingInt(run -> run[0]));
            List<RoomSpec> free = new ArrayList<>(rooms.stream().filter(room -> !room.unavailable[round]).toList());
            free.sort(Comparator.comparingDouble((RoomSpec room) -> -room.size).thenComparingInt(room -> room.index));
            for (int i = 0; i < runs.size(); i++) {
                sessions.get(runs.get(i)[0]).roomOf[runs.get(i)[1]] = free.get(i).index;
            }
        }
    }

    private static final class SpeakerSpec {
        int index;
        String id;
        String name;
        List<Integer> sessions = new ArrayList<>();
        Set<Integer> busy = new LinkedHashSet<>();
        boolean[] unavailable;
    }

    /**
     * One speaker for most sessions, two or three for some (panels); now and then a speaker of another session
     * whose runs are all in other rounds (so some speakers have two or three sessions without clashing). A few
     * speakers cannot come on a day or for the first or last rounds of a day, never when they speak.
     */
    private void speakers(Random rng) {
        if (!shape.speakers()) {
            return;
        }
        Set<String> names = new HashSet<>();
        int width = Math.max(3, Integer.toString(3 * shape.sessions()).length());
        List<SessionSpec> order = new ArrayList<>(sessions);
        shuffle(order, rng);
        for (SessionSpec session : order) {
            int slots = 1 + Streams.weighted(rng, SPEAKERS_PER_SESSION);
            for (int slot = 0; slot < slots; slot++) {
                SpeakerSpec speaker = null;
                if (rng.nextDouble() < SPEAKER_REUSE) {
                    // Speakers free in this session's rounds; one who speaks on the same theme is four times as likely.
                    List<SpeakerSpec> candidates = new ArrayList<>();
                    List<Double> weights = new ArrayList<>();
                    for (SpeakerSpec other : speakers) {
                        if (other.sessions.size() < MAX_SESSIONS_PER_SPEAKER && !session.speakers.contains(other.index)
                                && noneIn(other.busy, session.roundOf)) {
                            candidates.add(other);
                            boolean sameTheme = other.sessions.stream()
                                    .anyMatch(s -> sessions.get(s).themes.stream().anyMatch(session.themes::contains));
                            weights.add(sameTheme ? 4.0 : 1.0);
                        }
                    }
                    if (!candidates.isEmpty()) {
                        speaker = candidates.get(Streams.weighted(rng,
                                weights.stream().mapToDouble(Double::doubleValue).toArray()));
                    }
                }
                if (speaker == null) {
                    speaker = new SpeakerSpec();
                    speaker.index = speakers.size();
                    speaker.id = "P" + pad(speaker.index + 1, width);
                    String name;
                    int attempt = 0;
                    do {
                        name = G40Profile.personName(rng, attempt++ >= 20);
                    } while (!names.add(name) && attempt < 1000);
                    speaker.name = name;
                    speaker.unavailable = new boolean[rounds.size()];
                    speakers.add(speaker);
                }
                speaker.sessions.add(session.index);
                for (int r : session.roundOf) {
                    speaker.busy.add(r);
                }
                session.speakers.add(speaker.index);
            }
        }
        int unavailable = (int) StrictMath.round(UNAVAILABLE_SPEAKER_SHARE * speakers.size());
        for (SpeakerSpec speaker : pick(speakers, unavailable, rng)) {
            List<List<Integer>> blocks = new ArrayList<>();
            for (int d = 0; d < shape.days(); d++) {
                List<Integer> day = new ArrayList<>();
                for (RoundSpec round : rounds) {
                    if (round.day == d) {
                        day.add(round.index);
                    }
                }
                if (shape.days() > 1) {
                    blocks.add(day); // cannot come that day
                }
                for (int k = 1; k <= Math.min(2, day.size() - 1); k++) {
                    blocks.add(day.subList(0, k)); // arrives late
                    blocks.add(day.subList(day.size() - k, day.size())); // leaves early
                }
            }
            blocks.removeIf(block -> !noneIn(speaker.busy, block.stream().mapToInt(Integer::intValue).toArray()));
            if (!blocks.isEmpty()) {
                for (int r : blocks.get(rng.nextInt(blocks.size()))) {
                    speaker.unavailable[r] = true;
                }
            }
        }
    }

    /**
     * Allowed rounds (some sessions only on the day(s), or in the half-day(s), of their reference runs), required
     * room tags (only on sessions whose reference rooms all have the tag) and participant caps (hands-on
     * sessions).
     */
    private void restrictions(Random rng) {
        int count = shape.sessions();
        int restricted = shape.allowedRounds() ? (int) StrictMath.round(ALLOWED_ROUNDS_SHARE * count) : 0;
        for (SessionSpec session : pick(sessions, restricted, rng)) {
            Set<Integer> days = new HashSet<>();
            Set<String> halves = new HashSet<>();
            for (int r : session.roundOf) {
                days.add(rounds.get(r).day);
                halves.add(rounds.get(r).day + "/" + rounds.get(r).afterLunch);
            }
            Set<Integer> allowed = new LinkedHashSet<>();
            for (RoundSpec round : rounds) {
                if (days.contains(round.day)) {
                    allowed.add(round.index);
                }
            }
            if (allowed.size() == rounds.size()) {
                allowed.clear();
                for (RoundSpec round : rounds) {
                    if (halves.contains(round.day + "/" + round.afterLunch)) {
                        allowed.add(round.index);
                    }
                }
            }
            if (allowed.size() < rounds.size()) {
                session.allowed = allowed;
            }
        }
        tag(rng, "av", AV_SHARE);
        tag(rng, "stepfree", STEPFREE_SHARE);
    }

    private void tag(Random rng, String tag, double share) {
        List<SessionSpec> candidates = new ArrayList<>();
        for (SessionSpec session : sessions) {
            boolean all = true;
            for (int room : session.roomOf) {
                all &= rooms.get(room).tags.contains(tag);
            }
            if (all) {
                candidates.add(session);
            }
        }
        for (SessionSpec session : pick(candidates, (int) StrictMath.round(share * shape.sessions()), rng)) {
            session.requiredTags.add(tag); // av is drawn before stepfree: the tags are in that order
        }
    }

    // ************************************************************************
    // Attendees
    // ************************************************************************

    /**
     * The attendees, in registration order: role (member, guest, student), board membership, newcomers, one to
     * three interests (themes, by theme weight), the rounds they come to (day passes, someone skipping a round,
     * leaving early), a registration time; names like the G40 registrations.
     */
    private void population(Random rng) {
        Set<String> names = new HashSet<>();
        List<Registrant> drawn = new ArrayList<>(shape.attendees());
        for (int i = 0; i < shape.attendees(); i++) {
            String role = ROLES[Streams.weighted(rng, ROLE_SHARES)];
            boolean board = rng.nextDouble() < BOARD_SHARE_OF_MEMBERS && role.equals("member");
            boolean newcomer = rng.nextDouble() < (role.equals("student") ? NEWCOMER_SHARE_OF_STUDENTS : NEWCOMER_SHARE);
            int interestCount = 1 + Streams.weighted(rng, INTERESTS);
            List<Integer> interests = new ArrayList<>();
            double[] weights = themeWeights.clone();
            for (int k = 0; k < Math.min(interestCount, themes.size()); k++) {
                int theme = Streams.weighted(rng, weights);
                interests.add(theme);
                weights[theme] = 0;
            }
            interests.sort(null);
            List<String> groups = new ArrayList<>();
            List<String> tags = new ArrayList<>();
            tags.add(role);
            if (board) {
                tags.add("board");
            }
            if (newcomer) {
                tags.add("newcomer");
            }
            for (int theme : shape.themes() ? interests : List.<Integer>of()) {
                groups.add(themes.get(theme)[0]);
                tags.add("interest:" + themes.get(theme)[0]);
            }
            String city = G40Profile.CITIES.get(rng.nextInt(G40Profile.CITIES.size()));
            String name = G40Profile.name(city, rng, names);
            List<String> wanted = wantedRounds(rng);
            LocalDateTime registered = G40Profile.registered(role, FIRST_DAY, rng);
            drawn.add(new Registrant(name, city, role, List.copyOf(groups), List.copyOf(tags), wanted, 0, registered,
                    List.of()));
        }
        drawn.sort(Comparator.comparing(Registrant::registered)); // stable: ties keep drawing order
        people.addAll(drawn);
    }

    private List<String> wantedRounds(Random rng) {
        double dayPass = rng.nextDouble();
        double[] dayWeights = new double[shape.days()];
        for (int d = 0; d < dayWeights.length; d++) {
            dayWeights[d] = d == 0 ? 1.3 : 1.0;
        }
        int onlyDay = Streams.weighted(rng, dayWeights);
        double skip = rng.nextDouble();
        int skipped = rng.nextInt(rounds.size());
        double leaveEarly = rng.nextDouble();
        if (shape.fullAttendance()) {
            return roundIds(); // drawn all the same, so that the rest of the population stays as it is
        }
        List<RoundSpec> wanted = new ArrayList<>();
        for (RoundSpec round : rounds) {
            if (shape.days() == 1 || dayPass >= DAY_PASS_SHARE || round.day == onlyDay) {
                wanted.add(round);
            }
        }
        if (skip < SKIP_ROUND_SHARE && wanted.size() >= 2) {
            wanted.remove(rounds.get(skipped)); // a no-op when it is a round they do not come to anyway
        }
        if (leaveEarly < LEAVE_EARLY_SHARE && wanted.size() >= 2) {
            RoundSpec last = wanted.get(wanted.size() - 1);
            RoundSpec before = wanted.get(wanted.size() - 2);
            if (before.day == last.day) {
                wanted.remove(wanted.size() - 1);
            }
        }
        return wanted.stream().map(round -> round.id).toList();
    }

    private Map<String, Integer> wanting() {
        Map<String, Integer> wanting = new LinkedHashMap<>();
        for (RoundSpec round : rounds) {
            wanting.put(round.id, 0);
        }
        for (Registrant person : people) {
            for (String round : person.rounds()) {
                wanting.merge(round, 1, Integer::sum);
            }
        }
        return wanting;
    }

    /**
     * Room capacities: relative sizes times one scale, found by bisection so that, in the reference timetable,
     * seats wanted / seats available is the shape's load. A session's cap is kept when it is below the capacity of
     * every room it has in the reference timetable.
     */
    private void capacities(Map<String, Integer> wanting) {
        double target = wanting.values().stream().mapToDouble(Integer::doubleValue).sum() / shape.load();
        double low = 0;
        double high = 1;
        while (seats(high) < target && high < 1e12) {
            high *= 2;
        }
        for (int i = 0; i < 100 && high - low > 1e-9 * high; i++) {
            double middle = (low + high) / 2;
            if (seats(middle) < target) {
                low = middle;
            } else {
                high = middle;
            }
        }
        double scale = Math.abs(seats(low) - target) < Math.abs(seats(high) - target) ? low : high;
        for (RoomSpec room : rooms) {
            room.capacity = capacity(room, scale);
        }
        for (SessionSpec session : sessions) {
            int smallest = Integer.MAX_VALUE;
            for (int room : session.roomOf) {
                smallest = Math.min(smallest, rooms.get(room).capacity);
            }
            session.cap = session.wantedCap > 0 && session.wantedCap < smallest ? session.wantedCap : null;
        }
    }

    private static int capacity(RoomSpec room, double scale) {
        return (int) Math.max(5, StrictMath.round(scale * room.size));
    }

    /** Seats in the reference timetable with room capacities at this scale. */
    private long seats(double scale) {
        long seats = 0;
        for (SessionSpec session : sessions) {
            int smallest = Integer.MAX_VALUE;
            for (int room : session.roomOf) {
                smallest = Math.min(smallest, capacity(rooms.get(room), scale));
            }
            boolean capped = session.wantedCap > 0 && session.wantedCap < smallest;
            for (int room : session.roomOf) {
                int capacity = capacity(rooms.get(room), scale);
                seats += capped ? Math.min(session.wantedCap, capacity) : capacity;
            }
        }
        return seats;
    }

    /** Which sessions keep their reference placement, pinned: all (fixed), none (open), a share (mixed). */
    private void pin(Random rng) {
        List<SessionSpec> pinned = switch (shape.timetable()) {
            case FIXED -> sessions;
            case OPEN -> List.of();
            case MIXED -> pick(sessions, (int) StrictMath.round(shape.pinnedShare() * shape.sessions()), rng);
        };
        pinned.forEach(session -> session.pinned = true);
    }

    /**
     * Ranked choices from the {@link PreferenceModel}: per round (a section per round with the sessions given in
     * it) or one list over the event (one section; each session shown with the rounds it can be in). List
     * lengths: a few rank nothing, some fewer than {@code ranked}, most exactly {@code ranked}.
     */
    private void preferences() {
        List<RegistrationForm.Section> sections = new ArrayList<>();
        if (shape.preferences() == Preferences.PER_ROUND) {
            for (RoundSpec round : rounds) {
                List<RegistrationForm.Item> items = new ArrayList<>();
                for (SessionSpec session : sessions) {
                    if (session.inRound(round.index)) {
                        items.add(item(session, List.of()));
                    }
                }
                if (!items.isEmpty()) {
                    sections.add(new RegistrationForm.Section(round.id, List.of(round.id), List.copyOf(items)));
                }
            }
        } else {
            List<RegistrationForm.Item> items = new ArrayList<>();
            for (SessionSpec session : sessions) {
                items.add(item(session, attendableRounds(session)));
            }
            sections.add(new RegistrationForm.Section("all", roundIds(), List.copyOf(items)));
        }
        RegistrationForm form = new RegistrationForm(roundIds(), List.copyOf(sections));
        Map<String, Double> popularity = new LinkedHashMap<>();
        sessions.forEach(session -> popularity.put(session.id, session.popularity));
        int ranked = shape.ranked();
        double[] depthShares = new double[ranked + 2]; // lengths 0 … ranked, then "all" (never)
        depthShares[0] = RANK_NONE_SHARE;
        if (ranked == 1) {
            depthShares[1] = 1 - RANK_NONE_SHARE;
        } else {
            for (int k = 1; k < ranked; k++) {
                depthShares[k] = RANK_FEW_SHARE / (ranked - 1);
            }
            depthShares[ranked] = 1 - RANK_NONE_SHARE - RANK_FEW_SHARE;
        }
        boolean rankAll = shape.preferences() == Preferences.RANK_ALL;
        // Rank-all lists get their ties from rankAll (any neighbours), not from the one tie of a list.
        PreferenceModel model = new PreferenceModel(form, popularity, new PreferenceModel.Settings(MODEL.themeBoost(),
                MODEL.maxThemeMatches(), MODEL.audienceBoost(), MODEL.noise(), rankAll ? 0 : shape.tieShare(),
                depthShares));
        // Each attendee draws from their own stream (by position in registration order), so the attendees can
        // be ranked in parallel and still give the same file.
        List<Registrant> withChoices = IntStream.range(0, people.size()).parallel().mapToObj(i -> {
            Random rng = Streams.of(seed, "preferences", i);
            Registrant person = people.get(i);
            int depth = rankAll ? PreferenceModel.ALL : Math.min(ranked, model.drawDepth(rng));
            Set<String> tags = new HashSet<>(person.tags());
            Set<String> groups = new HashSet<>(person.groups());
            Set<String> wanted = new HashSet<>(person.rounds());
            List<PreferenceModel.Choice> choices = switch (shape.preferences()) {
                case PER_ROUND -> model.rank(rng, tags, groups, wanted, depth);
                case EVENT -> model.rankList(rng, tags, groups, wanted, depth);
                case RANK_ALL -> model.rankAll(rng, tags, groups, wanted, shape.tieShare());
            };
            return new Registrant(person.name(), person.city(), person.role(), person.groups(), person.tags(),
                    person.rounds(), depth, person.registered(), List.copyOf(choices));
        }).toList();
        people.clear();
        people.addAll(withChoices);
    }

    private RegistrationForm.Item item(SessionSpec session, List<String> rounds) {
        return new RegistrationForm.Item(session.id, session.title, writtenThemes(session),
                session.audience < 0 ? List.of() : List.of(AUDIENCES[session.audience]), rounds);
    }

    /** Rounds the session can be attended in, as the form shows it: where it is pinned, else its allowed rounds. */
    private List<String> attendableRounds(SessionSpec session) {
        if (session.pinned) {
            List<String> ids = new ArrayList<>();
            for (int r : session.roundOf) {
                ids.add(rounds.get(r).id);
            }
            return List.copyOf(ids);
        }
        if (session.allowed != null) {
            return session.allowed.stream().map(r -> rounds.get(r).id).toList();
        }
        return List.of();
    }

    // ************************************************************************
    // The document
    // ************************************************************************

    private ObjectNode document() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("name", String.format(Locale.ROOT, "Synthetic event: %d attendees, %d sessions, %d rounds, %s "
                + "timetable (seed %d)", shape.attendees(), shape.sessions(), shape.rounds(), shape.timetable().label(),
                seed));
        root.put("description", "Synthetic and seeded: nothing in it is real. Made by `breakout generate event "
                + shape.options() + " --seed " + seed + "` (docs/generator.md).");
        root.put("timezone", TIMEZONE);
        ArrayNode roundsNode = root.putArray("rounds");
        for (RoundSpec round : rounds) {
            roundsNode.addObject().put("id", round.id).put("name", round.name).put("start", TIME.format(round.start))
                    .put("end", TIME.format(round.end));
        }
        ArrayNode roomsNode = root.putArray("rooms");
        for (RoomSpec room : rooms) {
            ObjectNode node = roomsNode.addObject().put("id", room.id).put("name", room.name)
                    .put("capacity", room.capacity).put("venue", room.venue);
            ArrayNode tags = node.putArray("tags");
            room.tags.forEach(tags::add);
            roundIds(node.putArray("unavailableRounds"), room.unavailable);
        }
        ArrayNode speakersNode = root.putArray("speakers");
        for (SpeakerSpec speaker : speakers) {
            ObjectNode node = speakersNode.addObject().put("id", speaker.id).put("name", speaker.name);
            roundIds(node.putArray("unavailableRounds"), speaker.unavailable);
        }
        ArrayNode sessionsNode = root.putArray("sessions");
        for (SessionSpec session : sessions) {
            ObjectNode node = sessionsNode.addObject().put("id", session.id).put("title", session.title);
            ArrayNode sessionSpeakers = node.putArray("speakers");
            session.speakers.forEach(speaker -> sessionSpeakers.add(speakers.get(speaker).id));
            ArrayNode sessionThemes = node.putArray("themes");
            writtenThemes(session).forEach(sessionThemes::add);
            if (session.cap != null) {
                node.put("capacity", session.cap);
            }
            node.put("runs", session.runs);
            if (session.allowed != null) {
                ArrayNode allowed = node.putArray("allowedRounds");
                session.allowed.forEach(r -> allowed.add(rounds.get(r).id));
            }
            ArrayNode tags = node.putArray("requiredRoomTags");
            session.requiredTags.forEach(tags::add);
            ArrayNode audience = node.putArray("audience");
            if (session.audience >= 0) {
                for (String tag : AUDIENCES[session.audience]) {
                    audience.add(tag);
                }
            }
            if (session.pinned) {
                ArrayNode placements = node.putArray("placements");
                for (int k = 0; k < session.runs; k++) {
                    placements.addObject().put("round", rounds.get(session.roundOf[k]).id)
                            .put("room", rooms.get(session.roomOf[k]).id).put("pinned", true);
                }
            }
        }
        root.set("attendees", RegistrationGenerator.attendees(people));
        return root;
    }

    /**
     * The theme ids of a session as the file and the registration form show them: none without themes (the
     * session keeps them inside the generator, for its title and the reference timetable).
     */
    private List<String> writtenThemes(SessionSpec session) {
        return shape.themes() ? session.themes.stream().map(theme -> themes.get(theme)[0]).toList() : List.of();
    }

    private void roundIds(ArrayNode node, boolean[] flags) {
        for (int r = 0; r < flags.length; r++) {
            if (flags[r]) {
                node.add(rounds.get(r).id);
            }
        }
    }

    private Stats stats(Map<String, Integer> wanting) {
        Map<String, Integer> seats = new LinkedHashMap<>();
        for (RoundSpec round : rounds) {
            seats.put(round.id, 0);
        }
        int repeated = 0;
        int pinned = 0;
        for (SessionSpec session : sessions) {
            repeated += session.runs > 1 ? 1 : 0;
            pinned += session.pinned ? 1 : 0;
            for (int k = 0; k < session.runs; k++) {
                int capacity = rooms.get(session.roomOf[k]).capacity;
                seats.merge(rounds.get(session.roundOf[k]).id,
                        session.cap == null ? capacity : Math.min(session.cap, capacity), Integer::sum);
            }
        }
        int shared = (int) speakers.stream().filter(speaker -> speaker.sessions.size() > 1).count();
        int none = 0;
        int choices = 0;
        Map<String, Integer> first = new LinkedHashMap<>();
        sessions.forEach(session -> first.put(session.id, 0));
        for (Registrant person : people) {
            none += person.preferences().isEmpty() ? 1 : 0;
            choices += person.preferences().size();
            for (PreferenceModel.Choice choice : person.preferences()) {
                if (choice.rank() == 1) {
                    first.merge(choice.session(), 1, Integer::sum);
                }
            }
        }
        return new Stats(people.size(), sessions.size(), shape.runs(), repeated, pinned, rounds.size(), shape.days(),
                rooms.size(), speakers.size(), shared, wanting, seats, none, choices, first);
    }

    // ************************************************************************
    // Helpers
    // ************************************************************************

    private List<String> roundIds() {
        return rounds.stream().map(round -> round.id).toList();
    }

    private static boolean noneIn(Set<Integer> busy, int[] rounds) {
        for (int r : rounds) {
            if (busy.contains(r)) {
                return false;
            }
        }
        return true;
    }

    /** {@code count} of the items (all when fewer), drawn at random, in their original order. */
    private static <T> List<T> pick(List<T> items, int count, Random rng) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            indices.add(i);
        }
        shuffle(indices, rng);
        List<Integer> chosen = new ArrayList<>(indices.subList(0, Math.min(count, indices.size())));
        chosen.sort(null);
        return chosen.stream().map(items::get).toList();
    }

    /** Fisher–Yates with the given generator. */
    private static <T> void shuffle(List<T> list, Random rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    /** "Data and AI" → "data and AI"; an acronym stays as it is. */
    private static String lowerFirst(String label) {
        return label.length() > 1 && Character.isUpperCase(label.charAt(1)) ? label
                : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    private static String pad(int number, int width) {
        String text = Integer.toString(number);
        return "0".repeat(Math.max(0, width - text.length())) + text;
    }
}

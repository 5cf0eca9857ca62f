package org.breakout.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Who comes to a G40 <i>Bestuurlijke netwerkdag</i>, and how they register: the population profile of the
 * synthetic registrations for the Schiedam event (4 June 2025). Every number here is an assumption, made to be
 * plausible, not measured; {@code data/README.md} says so.
 *
 * <ul>
 * <li><b>Cities</b>: the G40 network as recalled (about 40 cities), each sending a delegation of about ten; the
 * larger cities a little more, the host city more (it also staffs the day).</li>
 * <li><b>Roles</b> per delegation: the mayor (burgemeester, in 4 of 5 cities; not the host's, who hosts),
 * three or four aldermen (wethouder), sometimes the municipal secretary (gemeentesecretaris), the rest civil
 * servants and policy advisers (ambtenaar): overall about 8 % / 37 % / 5 % / 50 %.</li>
 * <li><b>Theme groups</b> ({@code themagroep:<id>}, ids from the programme's themes): aldermen are members of one
 * to three groups of their portfolio, civil servants of up to two; about half the mayors are in the mayors'
 * group <i>Veiligheid</i>, which no one else joins, and a third in <i>Interbestuurlijke samenwerking</i>.</li>
 * <li><b>Rounds</b>: most want a session in every choice round; about a quarter skip the lunch programme
 * (a round whose id or name says "lunch"); a few (mayors more often) leave before the last choice round.</li>
 * <li><b>Registration time</b>: registration opens seven weeks before the event and closes one week before;
 * a burst when the invitation arrives, a steady stream, a rush before the deadline and a few late ones; mayors'
 * secretariats register early. Office hours, rarely in the weekend.</li>
 * <li><b>Names</b>: obviously synthetic but plausible, "J. de Vries (Zwolle)".</li>
 * </ul>
 */
public final class G40Profile {

    /** The G40 cities as recalled (Dutch names); the list may differ a little from the real network. */
    public static final List<String> CITIES = List.of(
            "Alkmaar", "Almelo", "Almere", "Alphen aan den Rijn", "Amersfoort", "Apeldoorn", "Arnhem", "Assen",
            "Breda", "Delft", "Den Helder", "Deventer", "Dordrecht", "Ede", "Eindhoven", "Emmen", "Enschede",
            "Gouda", "Groningen", "Haarlem", "Haarlemmermeer", "Heerlen", "Helmond", "Hengelo", "'s-Hertogenbosch",
            "Hilversum", "Hoorn", "Leeuwarden", "Leiden", "Lelystad", "Maastricht", "Nijmegen", "Oss", "Purmerend",
            "Roosendaal", "Schiedam", "Sittard-Geleen", "Tilburg", "Venlo", "Zaanstad", "Zoetermeer", "Zwolle");

    /** Cities of 150,000 inhabitants or more (roughly): they send a slightly larger delegation. */
    static final Set<String> LARGE_CITIES = Set.of("Almere", "Amersfoort", "Apeldoorn", "Arnhem", "Breda",
            "Eindhoven", "Enschede", "Groningen", "Haarlem", "Haarlemmermeer", "'s-Hertogenbosch", "Nijmegen",
            "Tilburg", "Zaanstad", "Zwolle");

    public static final String HOST = "Schiedam";

    public static final String MAYOR = "burgemeester";
    public static final String ALDERMAN = "wethouder";
    public static final String SECRETARY = "gemeentesecretaris";
    public static final String OFFICIAL = "ambtenaar";

    /** Theme groups only mayors are members of (the seed: "De burgemeesters die lid zijn van deze themagroep"). */
    public static final Set<String> MAYORS_ONLY_GROUPS = Set.of("veiligheid");

    /** How likely a theme group is in someone's portfolio (unknown groups: 1). */
    static final Map<String, Double> GROUP_WEIGHTS = Map.ofEntries(
            Map.entry("woningmarkt", 3.0), Map.entry("duurzaamheid", 3.0), Map.entry("zjo", 3.0),
            Map.entry("wwz", 2.0), Map.entry("armoede", 2.0), Map.entry("economie-en-werk", 2.0),
            Map.entry("leefomgeving", 2.0), Map.entry("verstedelijking", 2.0), Map.entry("sociale-pijler", 1.5),
            Map.entry("vergunninghouders-asiel", 1.5), Map.entry("mkb", 1.5), Map.entry("interbestuurlijk", 1.0));

    /**
     * Expected popularity of the sessions of the Schiedam programme (relative weights within a round; what an
     * organiser might expect, an assumption). Sessions not listed get Zipf weights in a seeded random order.
     * Chosen so that the headline sessions are wanted by more people than their (assumed) rooms hold.
     * (Only looked up, never iterated: {@code Map.ofEntries} has no stable order.)
     */
    public static final Map<String, Double> BND_SCHIEDAM_POPULARITY = Map.ofEntries(
            Map.entry("r1-data", 3.0), Map.entry("r1-ruimtelijk", 1.4), Map.entry("r1-warmte", 2.0),
            Map.entry("r1-zorgveiligheid", 0.9), Map.entry("r1-samenleven", 0.6),
            Map.entry("lunch-750", 2.0), Map.entry("lunch-huisvesting", 2.6), Map.entry("lunch-sport", 1.0),
            Map.entry("lunch-schiedistrict", 0.9), Map.entry("lunch-nplv", 0.6),
            Map.entry("r2-regio", 4.0), Map.entry("r2-armoede", 1.8), Map.entry("r2-circulair", 1.0),
            Map.entry("r2-senioren", 1.0), Map.entry("r2-veiligheid", 1.0));

    private static final String[] INITIALS = { "J", "M", "A", "P", "H", "R", "S", "E", "K", "L", "W", "C", "D", "T",
            "F", "G", "B", "N", "I", "Y", "O", "V" };
    private static final double[] INITIAL_WEIGHTS = { 12, 10, 9, 7, 6, 6, 6, 5, 5, 5, 4, 4, 4, 4, 3, 3, 3, 3, 2, 2,
            1, 1 };
    private static final String[] SURNAMES = { "de Vries", "Jansen", "de Jong", "van Dijk", "Bakker", "Visser",
            "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen",
            "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok",
            "Jacobs", "de Haan", "Vermeulen", "van den Berg", "van der Heijden", "van der Veen", "van den Broek",
            "de Bruijn", "van der Heide", "Schouten", "van Beek", "Willems", "van Vliet", "van de Ven", "Hoekstra",
            "Maas", "Verhoeven", "Koster", "van Dam", "van der Wal", "Prins", "Blom", "Huisman", "Peeters",
            "de Jonge", "Kuipers", "van Veen", "Post", "Kuiper", "Veenstra", "Kramer", "van den Brink", "Scholten",
            "van Wijk", "Postma", "Martens", "Vink", "de Ruiter", "Timmermans", "Groen", "Gerritsen", "Jonker",
            "van Loon", "Boer", "van der Velde", "Willemsen", "Smeets", "de Lange", "Bosch", "van Dongen",
            "Schipper", "de Koning", "van der Laan", "Driessen", "van Doorn", "Hermans", "Evers", "van den Bosch",
            "van der Meulen", "Hofman", "Bosman", "Wolters", "Sanders", "van der Horst", "Mol", "Molenaar",
            "de Leeuw", "Verbeek", "Wijnands", "Zwart", "Brinkman", "Yılmaz", "Kaya", "Öztürk", "Şahin",
            "El Amrani", "Bouzid", "Tahiri", "Benali", "Pinas", "Biharie", "Ramdin", "Sedney", "Tjon A Fong",
            "Nguyen", "Wibowo" };

    private G40Profile() {
    }

    /**
     * Draws {@code count} registrants (without preferences), in the order they registered.
     *
     * @param choiceRounds ids of the rounds with choice sessions, in time order
     * @param lunchRounds ids of choice rounds that are a lunch programme (a quarter skip those)
     * @param groups theme-group ids people can be members of (the programme's themes)
     * @param eventDate first day of the event (registration closes a week before)
     */
    public static List<Registrant> population(int count, Random rng, List<String> choiceRounds,
            Set<String> lunchRounds, List<String> groups, LocalDate eventDate) {
        int[] sizes = delegationSizes(count, rng);
        List<Registrant> people = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int c = 0; c < CITIES.size(); c++) {
            String city = CITIES.get(c);
            for (String role : roles(sizes[c], city, rng)) {
                List<String> memberOf = groups(role, groups, rng);
                List<String> tags = new ArrayList<>();
                tags.add(role);
                tags.add("gemeente:" + slug(city));
                memberOf.forEach(group -> tags.add("themagroep:" + group));
                people.add(new Registrant(name(city, rng, names), city, role, memberOf, List.copyOf(tags),
                        rounds(role, choiceRounds, lunchRounds, rng), 0, registered(role, eventDate, rng), List.of()));
            }
        }
        List<Registrant> byTime = new ArrayList<>(people);
        byTime.sort((a, b) -> a.registered().compareTo(b.registered())); // stable: ties keep drawing order
        return byTime;
    }

    /** Delegation size per city (index as in {@link #CITIES}), summing to {@code count}. */
    static int[] delegationSizes(int count, Random rng) {
        int n = CITIES.size();
        double[] weights = new double[n];
        double total = 0;
        for (int c = 0; c < n; c++) {
            String city = CITIES.get(c);
            double w = (LARGE_CITIES.contains(city) ? 1.2 : 1.0) * StrictMath.exp(0.2 * rng.nextGaussian());
            if (city.equals(HOST)) {
                w *= 2.5;
            }
            weights[c] = w;
            total += w;
        }
        int minimum = count >= 3 * n ? 3 : count >= n ? 1 : 0;
        int[] sizes = new int[n];
        int rest = count - minimum * n;
        int given = 0;
        double[] remainders = new double[n];
        for (int c = 0; c < n; c++) {
            double exact = rest * weights[c] / total;
            sizes[c] = minimum + (int) exact;
            remainders[c] = exact - (int) exact;
            given += (int) exact;
        }
        // Largest remainders get the seats left over (ties: the city listed first).
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            order.add(c);
        }
        order.sort((a, b) -> remainders[a] != remainders[b] ? Double.compare(remainders[b], remainders[a])
                : Integer.compare(a, b));
        for (int i = 0; i < rest - given; i++) {
            sizes[order.get(i)]++;
        }
        return sizes;
    }

    /** The roles in one city's delegation. */
    static List<String> roles(int size, String city, Random rng) {
        List<String> roles = new ArrayList<>();
        if (size == 0) {
            return roles;
        }
        boolean mayor = !city.equals(HOST) && rng.nextDouble() < (size >= 3 ? 0.8 : 0.4);
        boolean secretary = size >= 4 && rng.nextDouble() < 0.45;
        int aldermen = (int) StrictMath.round(size * 0.37 + rng.nextGaussian() * 0.8);
        if (mayor) {
            roles.add(MAYOR);
        }
        if (secretary) {
            roles.add(SECRETARY);
        }
        int room = size - roles.size();
        aldermen = Math.max(Math.min(1, room), Math.min(Math.min(7, room), aldermen));
        for (int i = 0; i < aldermen; i++) {
            roles.add(ALDERMAN);
        }
        while (roles.size() < size) {
            roles.add(OFFICIAL);
        }
        return roles;
    }

    /** Theme groups someone in this role is a member of, in programme order. */
    static List<String> groups(String role, List<String> available, Random rng) {
        Set<String> chosen = new LinkedHashSet<>();
        List<String> portfolio = new ArrayList<>();
        for (String group : available) {
            if (!MAYORS_ONLY_GROUPS.contains(group)) {
                portfolio.add(group);
            }
        }
        int extra;
        switch (role) {
            case MAYOR -> {
                for (String group : available) {
                    double p = MAYORS_ONLY_GROUPS.contains(group) ? 0.55 : group.equals("interbestuurlijk") ? 0.33 : 0;
                    if (rng.nextDouble() < p) {
                        chosen.add(group);
                    }
                }
                extra = rng.nextDouble() < 0.25 ? 1 : 0;
            }
            case ALDERMAN -> extra = 1 + Streams.weighted(rng, new double[] { 0.45, 0.40, 0.15 });
            case SECRETARY -> {
                if (available.contains("interbestuurlijk") && rng.nextDouble() < 0.5) {
                    chosen.add("interbestuurlijk");
                }
                extra = rng.nextDouble() < 0.3 ? 1 : 0;
            }
            default -> extra = Streams.weighted(rng, new double[] { 0.30, 0.50, 0.20 });
        }
        for (int i = 0; i < extra; i++) {
            List<String> left = new ArrayList<>(portfolio);
            left.removeAll(chosen);
            if (left.isEmpty()) {
                break;
            }
            double[] weights = left.stream().mapToDouble(g -> GROUP_WEIGHTS.getOrDefault(g, 1.0)).toArray();
            chosen.add(left.get(Streams.weighted(rng, weights)));
        }
        List<String> ordered = new ArrayList<>();
        for (String group : available) {
            if (chosen.contains(group)) {
                ordered.add(group);
            }
        }
        return ordered;
    }

    /** The choice rounds someone wants a seat in. */
    static List<String> rounds(String role, List<String> choiceRounds, Set<String> lunchRounds, Random rng) {
        boolean skipLunch = rng.nextDouble() < 0.25;
        boolean leaveEarly = rng.nextDouble() < (role.equals(MAYOR) ? 0.10 : 0.04);
        List<String> rounds = new ArrayList<>(choiceRounds);
        if (skipLunch) {
            rounds.removeAll(lunchRounds);
        }
        if (leaveEarly && choiceRounds.size() >= 2) {
            rounds.remove(choiceRounds.get(choiceRounds.size() - 1));
        }
        if (rounds.isEmpty() && !choiceRounds.isEmpty()) {
            rounds.add(choiceRounds.get(0));
        }
        return List.copyOf(rounds);
    }

    /** When someone registered: weeks before the event, office hours. */
    static LocalDateTime registered(String role, LocalDate eventDate, Random rng) {
        LocalDate opens = eventDate.minusDays(49);
        LocalDate deadline = eventDate.minusDays(7);
        long window = deadline.toEpochDay() - opens.toEpochDay();
        double[] mixture = role.equals(MAYOR) ? new double[] { 0.60, 0.30, 0.07, 0.03 }
                : new double[] { 0.30, 0.45, 0.18, 0.07 };
        int kind = Streams.weighted(rng, mixture);
        double day = switch (kind) {
            case 0 -> Streams.exponential(rng, 4.0); // the invitation has just arrived
            case 1 -> rng.nextDouble() * window; // a steady stream
            case 2 -> window - Streams.exponential(rng, 2.5); // the rush before the deadline
            default -> window + rng.nextDouble() * 5; // late
        };
        long offset = Math.max(0, Math.min(eventDate.toEpochDay() - opens.toEpochDay() - 2, (long) day));
        LocalDate date = opens.plusDays(offset);
        boolean stayInWeekend = rng.nextDouble() < 0.25;
        if (!stayInWeekend && (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY)) {
            date = date.plusDays(date.getDayOfWeek() == DayOfWeek.SATURDAY ? 2 : 1);
            if (!date.isBefore(eventDate)) {
                date = eventDate.minusDays(1);
            }
        }
        int hour = 8 + Streams.weighted(rng, new double[] { 1, 3, 3, 3, 1.5, 2, 3, 3, 2, 1, 0.3, 0.3, 0.5, 0.5 });
        LocalTime time = LocalTime.of(hour, rng.nextInt(60), rng.nextInt(60));
        return LocalDateTime.of(date, time);
    }

    /** A synthetic, plausible, unique name such as "J. de Vries (Zwolle)". */
    static String name(String city, Random rng, Set<String> taken) {
        for (int attempt = 0;; attempt++) {
            String name = personName(rng, attempt >= 20) + " (" + city + ")";
            if (taken.add(name)) {
                return name;
            }
        }
    }

    /** Initials and a common surname, "J. de Vries" (one in five, or always with {@code twoInitials}: "J.M. …"). */
    static String personName(Random rng, boolean twoInitials) {
        String initials = INITIALS[Streams.weighted(rng, INITIAL_WEIGHTS)] + ".";
        if (rng.nextDouble() < 0.2 || twoInitials) {
            initials += INITIALS[Streams.weighted(rng, INITIAL_WEIGHTS)] + ".";
        }
        return initials + " " + SURNAMES[rng.nextInt(SURNAMES.length)];
    }

    /** The id form of a city name: lower case, words joined by hyphens ("'s-Hertogenbosch" → "s-hertogenbosch"). */
    public static String slug(String city) {
        return city.toLowerCase(Locale.ROOT).replace("'", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}

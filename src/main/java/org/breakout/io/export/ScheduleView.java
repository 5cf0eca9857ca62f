package org.breakout.io.export;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.domain.Attendee;
import org.breakout.domain.Room;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.breakout.domain.Seat;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;
import org.breakout.io.LoadedEvent;
import org.breakout.report.SeatReasons;

/**
 * A schedule as every export format sees it, built once: the rounds × rooms grid, every session run with
 * its seated attendees and fill, and one row per attendee with what they got in each round. Formats only
 * lay this out; none walks the domain model itself.
 *
 * @param zone the event's time zone, or null when the file gives none (times are then local, "floating")
 */
public record ScheduleView(String eventName, ZoneId zone, List<RoundView> rounds, List<RoomView> rooms,
        List<RunView> runs, List<AttendeeRow> attendees) {

    public record RoundView(String id, String name, LocalDateTime start, LocalDateTime end) {

        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

        /** "11:30–12:30", or empty when the round has no times. */
        public String timeRange() {
            if (start == null) {
                return "";
            }
            return TIME.format(start) + (end == null ? "" : "–" + TIME.format(end));
        }
    }

    public record RoomView(String id, String name, String venue, int capacity) {

        /** "Room, Venue" (or the room alone): the LOCATION of calendar entries. */
        public String location() {
            return venue == null || venue.isBlank() ? name : name + ", " + venue;
        }
    }

    /** Someone at a session run: an attendee with a seat, or one of its speakers. */
    public record Person(String id, String name, String role) {
    }

    /**
     * A session run placed in a round and a room.
     *
     * @param seated attendees with a seat, by name (empty for a plenary session: everyone attends)
     */
    public record RunView(String id, String sessionId, String title, String description, List<Person> speakers,
            List<String> themes, boolean plenary, RoundView round, RoomView room, int seatLimit, List<Person> seated) {

        /** The fill as printed on the timetable, e.g. {@code 23/25}. */
        public String fill() {
            return seated.size() + "/" + seatLimit;
        }

        /** The track of the conference-app feeds: the session's first theme, or null. */
        public String track() {
            return themes.isEmpty() ? null : themes.get(0);
        }

        public String speakerNames() {
            return speakers.stream().map(Person::name).collect(Collectors.joining(", "));
        }

        /** The door list: speakers first, then the seated attendees. */
        public List<Person> doorList() {
            List<Person> list = new ArrayList<>(speakers);
            list.addAll(seated);
            return list;
        }
    }

    /**
     * What one attendee got in one round.
     *
     * @param run the run they have a seat in, or null
     * @param rank the rank they gave its session (null when unranked, or no seat)
     * @param wanted whether they want a seat in this round at all
     * @param reason for a wanted round: why they did not get something better (empty when they got their first choice)
     * @param plenary the plenary run of this round, or null
     */
    public record RoundEntry(RoundView round, RunView run, Integer rank, boolean wanted, String reason,
            RunView plenary) {

        /** What the attendee's day shows in this round: their seat, else the plenary session everyone attends. */
        public RunView shown() {
            return run != null ? run : plenary;
        }

        public Outcome outcome() {
            if (run == null) {
                return wanted ? Outcome.NO_SEAT : Outcome.NOT_WANTED;
            }
            if (rank == null) {
                return Outcome.UNRANKED;
            }
            return switch (rank) {
                case 1 -> Outcome.FIRST;
                case 2 -> Outcome.SECOND;
                case 3 -> Outcome.THIRD;
                default -> Outcome.LOWER;
            };
        }
    }

    /** How a wanted round turned out for an attendee, in the order the satisfaction chart stacks them. */
    public enum Outcome {
        FIRST("1st choice"), SECOND("2nd choice"), THIRD("3rd choice"), LOWER("4th choice or lower"),
        UNRANKED("unranked"), NO_SEAT("no seat"), NOT_WANTED("no seat wanted");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * @param email from the attendee's {@code email} field in the file, or empty
     * @param roles the attendee's tags that carry no prefix (e.g. {@code wethouder}, not {@code gemeente:gouda})
     * @param perRound one entry per round of the event, in round order
     * @param cost preference cost of their seats; with {@code missing}, how badly they fared
     */
    public record AttendeeRow(String id, String name, String email, List<String> roles, List<RoundEntry> perRound,
            long cost, int missing) {

        public String rolesText() {
            return String.join(", ", roles);
        }
    }

    public static ScheduleView of(LoadedEvent loaded, Schedule schedule) {
        ObjectNode document = loaded.document();
        ZoneId zone = null;
        String timezone = document.path("timezone").asText("");
        if (!timezone.isBlank()) {
            zone = ZoneId.of(timezone); // validated by EventReader
        }
        Map<String, String> emails = new LinkedHashMap<>();
        for (JsonNode node : document.path("attendees")) {
            JsonNode email = node.get("email");
            if (email != null && email.isTextual()) {
                emails.putIfAbsent(node.path("id").asText(), email.asText());
            }
        }
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (JsonNode node : document.path("sessions")) {
            if (node.path("description").isTextual()) {
                descriptions.putIfAbsent(node.path("id").asText(), node.get("description").asText());
            }
        }

        Map<Round, RoundView> rounds = new LinkedHashMap<>();
        schedule.getRounds().stream().sorted().forEach(round ->
                rounds.put(round, new RoundView(round.id(), round.name(), round.start(), round.end())));
        Map<Room, RoomView> rooms = new LinkedHashMap<>();
        for (Room room : schedule.getRooms()) {
            rooms.put(room, new RoomView(room.id(), room.name(), room.venue(), room.capacity()));
        }

        Map<SessionRun, List<Attendee>> seatedByRun = new LinkedHashMap<>();
        for (Seat seat : schedule.getSeats()) {
            if (seat.getRun() != null && seat.getRun().isPlaced()) {
                seatedByRun.computeIfAbsent(seat.getRun(), run -> new ArrayList<>()).add(seat.getAttendee());
            }
        }
        Map<SessionRun, RunView> runs = new LinkedHashMap<>();
        schedule.getRuns().stream().filter(SessionRun::isPlaced)
                .sorted(Comparator.comparing(SessionRun::getRound)
                        .thenComparingInt(run -> schedule.getRooms().indexOf(run.getRoom())))
                .forEach(run -> {
                    Session session = run.getSession();
                    List<Person> seated = seatedByRun.getOrDefault(run, List.of()).stream()
                            .sorted(Comparator.comparing(Attendee::name).thenComparing(Attendee::id))
                            .map(a -> new Person(a.id(), a.name(), String.join(", ", roles(a))))
                            .toList();
                    runs.put(run, new RunView(run.getId(), session.id(), title(session),
                            descriptions.getOrDefault(session.id(), ""),
                            session.speakers().stream().map(sp -> new Person(sp.id(), sp.name(), "speaker")).toList(),
                            List.copyOf(session.themes()), session.plenary(),
                            rounds.get(run.getRound()), rooms.get(run.getRoom()), run.seatLimit(), seated));
                });

        SeatReasons reasons = new SeatReasons(schedule);
        List<AttendeeRow> attendees = new ArrayList<>();
        for (Attendee attendee : schedule.getAttendees()) {
            List<RoundEntry> perRound = new ArrayList<>();
            long cost = 0;
            int missing = 0;
            for (Map.Entry<Round, RoundView> round : rounds.entrySet()) {
                SessionRun run = reasons.seatIn(attendee, round.getKey());
                boolean wanted = attendee.wants(round.getKey());
                Integer rank = run != null && attendee.ranked(run.getSession()) ? attendee.rankOf(run.getSession()) : null;
                String reason = "";
                if (run != null) {
                    cost += schedule.getSettings().seatCost(attendee, run.getSession());
                }
                if (wanted && (run == null || rank == null || rank > 1)) {
                    reason = reasons.whyNotBetter(attendee, round.getKey()).stream()
                            .map(r -> r.session() + " (rank " + r.rank() + "): " + r.text())
                            .collect(Collectors.joining("; "));
                    if (run == null) {
                        missing++;
                    }
                }
                RunView plenary = runs.values().stream()
                        .filter(r -> r.plenary() && r.round().equals(round.getValue())).findFirst().orElse(null);
                perRound.add(new RoundEntry(round.getValue(), run == null ? null : runs.get(run), rank, wanted, reason,
                        plenary));
            }
            attendees.add(new AttendeeRow(attendee.id(), attendee.name(), emails.getOrDefault(attendee.id(), ""),
                    roles(attendee), perRound, cost, missing));
        }
        attendees.sort(Comparator.comparing(AttendeeRow::name).thenComparing(AttendeeRow::id));
        return new ScheduleView(schedule.getName() == null ? "" : schedule.getName(), zone,
                List.copyOf(rounds.values()), List.copyOf(rooms.values()), List.copyOf(runs.values()),
                List.copyOf(attendees));
    }

    private static String title(Session session) {
        return session.title() == null || session.title().isBlank() ? session.id() : session.title();
    }

    private static List<String> roles(Attendee attendee) {
        return attendee.tags().stream().filter(tag -> !tag.contains(":")).sorted().toList();
    }

    /** The run in this round and room, or null: one cell of the timetable grid. */
    public RunView runAt(RoundView round, RoomView room) {
        return runs.stream().filter(run -> run.round().equals(round) && run.room().equals(room))
                .findFirst().orElse(null);
    }

    /** The rooms used in at least one round, in the file's order: the columns of the grid. */
    public List<RoomView> usedRooms() {
        return rooms.stream().filter(room -> runs.stream().anyMatch(run -> run.room().equals(room))).toList();
    }

    /** Per round, how many wanted seats turned out each way (rounds nobody wants a seat in are left out). */
    public Map<RoundView, Map<Outcome, Integer>> satisfaction() {
        Map<RoundView, Map<Outcome, Integer>> counts = new LinkedHashMap<>();
        for (RoundView round : rounds) {
            Map<Outcome, Integer> byOutcome = new LinkedHashMap<>();
            for (Outcome outcome : Outcome.values()) {
                if (outcome != Outcome.NOT_WANTED) {
                    byOutcome.put(outcome, 0);
                }
            }
            int total = 0;
            for (AttendeeRow row : attendees) {
                RoundEntry entry = row.perRound().get(rounds.indexOf(round));
                if (entry.outcome() != Outcome.NOT_WANTED) {
                    byOutcome.merge(entry.outcome(), 1, Integer::sum);
                    total++;
                }
            }
            if (total > 0) {
                counts.put(round, byOutcome);
            }
        }
        return counts;
    }

    /** The attendees who fared worst: most wanted seats missing, then highest preference cost; none who fared well. */
    public List<AttendeeRow> worstOff(int limit) {
        return attendees.stream().filter(row -> row.missing() > 0 || row.cost() > 0)
                .sorted(Comparator.comparingInt(AttendeeRow::missing).reversed()
                        .thenComparing(Comparator.comparingLong(AttendeeRow::cost).reversed())
                        .thenComparing(AttendeeRow::name).thenComparing(AttendeeRow::id))
                .limit(limit).toList();
    }
}

package org.breakout.bound;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.domain.Schedule;
import org.breakout.io.EventReader;
import org.breakout.io.Json;

/**
 * Timing of the bound on larger synthetic events where every session is given in every round (the hard case
 * for the flow: repeats everywhere). Not a test (not run by {@code mvn test}); run with
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) org.breakout.bound.BoundBenchmark [attendees sessions rounds ranked slack seconds]
 * </pre>
 */
public final class BoundBenchmark {

    private BoundBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int attendees = args.length > 0 ? Integer.parseInt(args[0]) : 427;
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 11;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int ranked = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        double slack = args.length > 4 ? Double.parseDouble(args[4]) : 1.1;
        int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 60;
        long seed = args.length > 6 ? Long.parseLong(args[6]) : 1;
        String json = everySessionEveryRound(seed, attendees, sessions, rounds, ranked, slack);
        Schedule schedule = EventReader.parse(Path.of("benchmark.json"), json).schedule();
        BoundCalculator.Options options = new BoundCalculator.Options(true, 3_000, Duration.ofSeconds(seconds));
        for (int i = 0; i < 2; i++) {
            ObjectiveBound bound = BoundCalculator.compute(schedule, options);
            System.out.println(Json.MAPPER.writeValueAsString(bound.toJson().without("relaxed")));
        }
    }

    /** Every session in every round, in its own room; popularity skewed (Zipf-like); every attendee wants every round. */
    static String everySessionEveryRound(long seed, int attendeeCount, int sessionCount, int roundCount, int ranked,
            double slack) {
        Random random = new Random(seed);
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("name", "every session every round: " + attendeeCount + " attendees, " + sessionCount
                + " sessions, " + roundCount + " rounds, seed " + seed);
        ArrayNode rounds = root.putArray("rounds");
        for (int r = 0; r < roundCount; r++) {
            rounds.addObject().put("id", "R" + (r + 1));
        }
        int seats = (int) Math.ceil(attendeeCount * slack / sessionCount);
        ArrayNode rooms = root.putArray("rooms");
        ArrayNode sessionNodes = root.putArray("sessions");
        for (int s = 0; s < sessionCount; s++) {
            rooms.addObject().put("id", "room" + s).put("capacity", seats);
            ObjectNode session = sessionNodes.addObject().put("id", "S" + (s + 1)).put("runs", roundCount);
            ArrayNode placements = session.putArray("placements");
            for (int r = 0; r < roundCount; r++) {
                placements.addObject().put("round", "R" + (r + 1)).put("room", "room" + s).put("pinned", true);
            }
        }
        double[] weight = new double[sessionCount];
        for (int s = 0; s < sessionCount; s++) {
            weight[s] = 1.0 / (1 + s * 0.4);
        }
        ArrayNode attendees = root.putArray("attendees");
        for (int a = 0; a < attendeeCount; a++) {
            List<Integer> chosen = new ArrayList<>();
            while (chosen.size() < Math.min(ranked, sessionCount)) {
                double total = 0;
                for (int s = 0; s < sessionCount; s++) {
                    total += chosen.contains(s) ? 0 : weight[s];
                }
                double pick = random.nextDouble() * total;
                for (int s = 0; s < sessionCount; s++) {
                    if (chosen.contains(s)) {
                        continue;
                    }
                    pick -= weight[s];
                    if (pick <= 0) {
                        chosen.add(s);
                        break;
                    }
                }
            }
            ObjectNode attendee = attendees.addObject().put("id", "A" + (a + 1));
            ArrayNode preferences = attendee.putArray("preferences");
            chosen.forEach(s -> preferences.add("S" + (s + 1)));
        }
        return root.toString();
    }
}

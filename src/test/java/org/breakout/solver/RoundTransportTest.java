package org.breakout.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link RoundTransport} against {@link TransportationSeating} solved from scratch (itself checked against the general
 * flow in {@link TransportationSeatingTest}): after every change of the run in a room, on random rounds, the kept
 * seating fills as many seats at the same cost as the fresh optimum, keeps the seat limits and seats nobody where they
 * may not go; a copy changes without touching its original; and a round given a seating that is not optimal ends at
 * the optimum too.
 */
class RoundTransportTest {

    /** A random event: attendees' costs for every run (NONE where not allowed), and rooms. */
    private record Event(int attendees, int runs, int rooms, long[] costs, boolean[] member, long maxCost) {

        static Event random(Random random) {
            int rooms = 1 + random.nextInt(5);
            int runs = rooms + random.nextInt(5);
            int attendees = random.nextInt(30);
            long[] costs = new long[attendees * runs];
            boolean[] member = new boolean[attendees];
            long max = 0;
            for (int a = 0; a < attendees; a++) {
                member[a] = random.nextInt(6) != 0;
                for (int x = 0; x < runs; x++) {
                    boolean allowed = random.nextInt(4) != 0;
                    long cost = random.nextInt(3) == 0 ? 0 : random.nextInt(10);
                    costs[a * runs + x] = allowed ? cost : RoundTransport.NONE;
                    if (allowed) {
                        max = Math.max(max, cost);
                    }
                }
            }
            return new Event(attendees, runs, rooms, costs, member, max);
        }

        RoundTransport.Costs transportCosts() {
            return new RoundTransport.Costs(attendees, runs, rooms, costs, costs, maxCost);
        }

        /** The fresh optimum of the round: seats filled, their cost, and per attendee the run (-1 none). */
        long[] optimum(int[] runAt, int[] limits, int[] runOfOut) {
            List<int[]> options = new ArrayList<>();
            List<long[]> optionCosts = new ArrayList<>();
            List<Integer> who = new ArrayList<>();
            for (int a = 0; a < attendees; a++) {
                if (!member[a]) {
                    continue;
                }
                List<Integer> rooms = new ArrayList<>();
                for (int m = 0; m < runAt.length; m++) {
                    if (runAt[m] >= 0 && limits[m] > 0 && costs[a * runs + runAt[m]] != RoundTransport.NONE) {
                        rooms.add(m);
                    }
                }
                int attendee = a;
                who.add(a);
                options.add(rooms.stream().mapToInt(Integer::intValue).toArray());
                optionCosts.add(rooms.stream().mapToLong(m -> costs[attendee * runs + runAt[m]]).toArray());
            }
            int[] assigned = TransportationSeating.solve(limits, options.toArray(int[][]::new),
                    optionCosts.toArray(long[][]::new), maxCost * Math.max(1, runAt.length) + 1);
            Arrays.fill(runOfOut, -1);
            long filled = 0;
            long cost = 0;
            for (int p = 0; p < assigned.length; p++) {
                if (assigned[p] >= 0) {
                    int m = options.get(p)[assigned[p]];
                    runOfOut[who.get(p)] = runAt[m];
                    filled++;
                    cost += optionCosts.get(p)[assigned[p]];
                }
            }
            return new long[] { filled, cost };
        }

        /** Checks a seating against the limits and the rules, and returns its seats filled and cost. */
        long[] check(int[] runAt, int[] limits, int[] runOf) {
            int[] used = new int[runAt.length];
            long filled = 0;
            long cost = 0;
            for (int a = 0; a < attendees; a++) {
                if (runOf[a] < 0) {
                    continue;
                }
                assertThat(member[a]).as("attendee %d is in the round", a).isTrue();
                int room = -1;
                for (int m = 0; m < runAt.length; m++) {
                    if (runAt[m] == runOf[a]) {
                        room = m;
                    }
                }
                assertThat(room).as("attendee %d's run is in the round", a).isNotNegative();
                assertThat(costs[a * runs + runOf[a]]).as("attendee %d may take their run", a)
                        .isNotEqualTo(RoundTransport.NONE);
                used[room]++;
                filled++;
                cost += costs[a * runs + runOf[a]];
            }
            for (int m = 0; m < runAt.length; m++) {
                assertThat(used[m]).as("room %d", m).isLessThanOrEqualTo(limits[m]);
            }
            return new long[] { filled, cost };
        }
    }

    @Test
    void everyChangeOfARoomEndsAtTheFreshOptimum() {
        int changes = 0;
        int moved = 0;
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            Event event = Event.random(random);
            int[] runAt = new int[event.rooms];
            int[] limits = new int[event.rooms];
            List<Integer> runs = new ArrayList<>();
            for (int x = 0; x < event.runs; x++) {
                runs.add(x);
            }
            Collections.shuffle(runs, random);
            for (int m = 0; m < event.rooms; m++) {
                runAt[m] = random.nextInt(5) == 0 ? -1 : runs.get(m);
                limits[m] = runAt[m] < 0 ? 0 : random.nextInt(8);
            }
            int[] runOf = new int[event.attendees];
            long[] fresh = event.optimum(runAt, limits, runOf);
            if (seed % 3 == 0) {
                // A seating that is not optimal (random rooms with seats left): it is mended or seated again.
                Arrays.fill(runOf, -1);
                int[] used = new int[event.rooms];
                for (int a = 0; a < event.attendees; a++) {
                    int m = random.nextInt(event.rooms);
                    if (event.member[a] && runAt[m] >= 0 && used[m] < limits[m]
                            && event.costs[a * event.runs + runAt[m]] != RoundTransport.NONE) {
                        runOf[a] = runAt[m];
                        used[m]++;
                    }
                }
            }
            RoundTransport round = RoundTransport.of(event.transportCosts(), runAt, limits, event.member, runOf);
            assertThat(new long[] { round.filled(), round.cost() }).as("seed %d at the start", seed).containsExactly(fresh);
            for (int step = 0; step < 12; step++) {
                int[] before = round.runOf();
                RoundTransport copy = round.emptyCopy();
                copy.copyFrom(round);
                int room = random.nextInt(event.rooms);
                int other = random.nextInt(event.rooms);
                if (other != room && random.nextBoolean()) {
                    // The runs of two rooms swap, with other seat limits: a swap within one round.
                    int first = runAt[room];
                    int second = runAt[other];
                    runAt[room] = second;
                    runAt[other] = first;
                    limits[room] = second < 0 ? 0 : random.nextInt(8);
                    limits[other] = first < 0 ? 0 : random.nextInt(8);
                    copy.replace(room, runAt[room], limits[room]);
                    copy.replace(other, runAt[other], limits[other]);
                } else {
                    // Another run (or none) in one room: one half of a swap between rounds.
                    int run = random.nextInt(event.runs + 1) - 1;
                    for (int m = 0; m < event.rooms; m++) {
                        if (m != room && runAt[m] == run) {
                            run = -1;
                        }
                    }
                    runAt[room] = run;
                    limits[room] = run < 0 ? 0 : random.nextInt(8);
                    copy.replace(room, run, limits[room]);
                }
                copy.settle();
                assertThat(round.runOf()).as("seed %d step %d: the original is untouched", seed, step)
                        .containsExactly(before);
                fresh = event.optimum(runAt, limits, new int[event.attendees]);
                long[] kept = event.check(runAt, limits, copy.runOf());
                assertThat(kept).as("seed %d step %d", seed, step).containsExactly(fresh);
                assertThat(new long[] { copy.filled(), copy.cost() }).as("seed %d step %d", seed, step)
                        .containsExactly(fresh);
                int[] after = copy.runOf();
                for (int a = 0; a < after.length; a++) {
                    moved += after[a] != before[a] ? 1 : 0;
                }
                round = copy;
                changes++;
            }
        }
        assertThat(changes).isEqualTo(300 * 12);
        assertThat(moved).isGreaterThan(1000);
    }
}

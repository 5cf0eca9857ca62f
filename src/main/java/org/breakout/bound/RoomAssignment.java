package org.breakout.bound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.breakout.domain.Room;
import org.breakout.domain.Round;
import org.breakout.domain.Session;
import org.breakout.domain.SessionRun;
import org.breakout.flow.MinCostFlow;

/**
 * The most seats a timetable can offer: every free run in its own free (round, room) slot, offering its session's
 * seat limit in that room, at most one run a slot — a maximum-weight bipartite matching — plus the seats the placed
 * runs have left. No schedule that keeps the room rules fills more seats, whoever the attendees are.
 * <p>
 * The flows over a relaxed timetable let every free run take the best room of every round at once, so where rooms
 * are scarce or sessions capped below their room this is the tighter seat bound: on {@code large} (141 runs, 20 rooms
 * of 164–1,522 seats, 8 rounds, 14 sessions capped at 15–60) the flows allow 65,795 seats and this 60,939. It keeps
 * allowed rounds, room availability and tags, speakers' availability and their placed runs; it relaxes speakers'
 * clashes between free runs and "two runs of a session not in one round", and it knows nothing of the attendees (the
 * flows do: the bound takes the lesser).
 */
final class RoomAssignment {

    /** What the matching gives, and the size of its network. */
    record Result(long seats, int nodes, int arcs) {
    }

    private RoomAssignment() {
    }

    static Result solve(SeatingModel model) {
        long placedSeats = 0;
        for (Map.Entry<SessionRun, Integer> entry : model.fixedRemaining.entrySet()) {
            if (!entry.getKey().getSession().plenary()) {
                placedSeats += entry.getValue();
            }
        }
        // Nodes: source, sink, one per free run, one per (round, room) slot some free run can have.
        MinCostFlow flow = new MinCostFlow();
        int source = flow.addNode();
        int sink = flow.addNode();
        Map<Round, Map<Room, Integer>> slotNode = new LinkedHashMap<>();
        List<long[]> options = new ArrayList<>(); // {run node, slot node, seats}
        long maxSeats = 0;
        List<Integer> runNodes = new ArrayList<>();
        for (Map.Entry<Session, Integer> entry : model.freeRuns.entrySet()) {
            Session session = entry.getKey();
            // The session's slots and their seats, the same for each of its free runs.
            List<long[]> slots = new ArrayList<>(); // {slot node, seats}
            for (Round round : model.rounds) {
                for (Room room : model.suitableRooms(session, round)) {
                    int slot = slotNode.computeIfAbsent(round, r -> new LinkedHashMap<>())
                            .computeIfAbsent(room, r -> flow.addNode());
                    long seats = session.seatLimitIn(room);
                    slots.add(new long[] {slot, seats});
                    maxSeats = Math.max(maxSeats, seats);
                }
            }
            for (int k = 0; k < entry.getValue(); k++) {
                int runNode = flow.addNode();
                runNodes.add(runNode);
                flow.addArc(source, runNode, 1, 0);
                for (long[] slot : slots) {
                    options.add(new long[] {runNode, slot[0], slot[1]});
                }
            }
        }
        int runs = runNodes.size();
        if (runs == 0) {
            return new Result(placedSeats, 0, 0);
        }
        // Costs must be non-negative: a slot costs (most seats − its seats), no slot (the run left out) the most seats,
        // so every run takes one unit and the least cost is runs × most − the matching's seats.
        long offset = maxSeats;
        for (long[] option : options) {
            flow.addArc((int) option[0], (int) option[1], 1, offset - option[2]);
        }
        for (int runNode : runNodes) {
            flow.addArc(runNode, sink, 1, offset);
        }
        for (Map<Room, Integer> rooms : slotNode.values()) {
            for (int slot : rooms.values()) {
                flow.addArc(slot, sink, 1, 0);
            }
        }
        long cost = 0;
        long units = 0;
        for (MinCostFlow.Piece piece : flow.maxFlow(source, sink)) {
            cost += piece.units() * piece.costPerUnit();
            units += piece.units();
        }
        if (units != runs) {
            throw new IllegalStateException("room assignment: " + units + " of " + runs + " runs routed");
        }
        return new Result(placedSeats + runs * offset - cost, flow.nodeCount(), flow.arcCount());
    }
}

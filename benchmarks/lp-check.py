#!/usr/bin/env python3
"""Cross-check of breakout's bounds outside breakout: the seating LP of a fixed timetable, with SciPy's HiGHS.

    python3 benchmarks/lp-check.py EVENT.json [--mip SECONDS]

For an event whose every seated run is placed (a fixed timetable), prints the LP's most seats, the LP's least
preference cost at that many seats, and with --mip the same as integer programs (HiGHS, time-limited). The rules
modelled: a seat only in a wanted round, in a run of a session the attendee may attend (audience tags; unranked
sessions only when `allowUnranked`), one seat per round, a session at most once, run capacities (room capacity, or
the session's cap when lower). Preference cost: (rank - 1)^2, unranked = worst rank given + 1 (the default rank
costs). Not modelled, so events that use them are refused: pinned seats, custom rank costs, plenary seating.

Needs python3 with numpy and scipy (Debian: apt-get install python3-scipy). Not part of the build or the tests.
"""
import argparse
import json
import sys

import numpy as np
import scipy.sparse as sp
from scipy.optimize import linprog


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("event")
    parser.add_argument("--mip", type=float, default=0, help="also solve the integer programs, each for this many seconds")
    args = parser.parse_args()
    try:
        with open(args.event, encoding="utf-8") as f:
            event = json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        sys.exit(f"{args.event}: {e}")
    settings = event.get("settings") or {}
    if settings.get("rankCosts"):
        sys.exit("custom rankCosts are not modelled")
    allow_unranked = settings.get("allowUnranked", True)
    rooms = {r["id"]: r for r in event["rooms"]}
    all_rounds = [r["id"] for r in event["rounds"]]
    runs = []
    for s in event["sessions"]:
        if s.get("plenary"):
            continue
        if len(s.get("placements", [])) < s.get("runs", 1):
            sys.exit(f"session {s['id']} has runs without a placement: this check is for fixed timetables")
        for p in s.get("placements", []):
            capacity = rooms[p["room"]]["capacity"]
            if s.get("capacity") is not None:
                capacity = min(capacity, s["capacity"])
            runs.append((s["id"], p["round"], capacity, set(s.get("audience") or [])))
    columns, costs = [], []
    for ai, a in enumerate(event["attendees"]):
        if any(x.get("pinned") for x in a.get("assignments", [])):
            sys.exit(f"attendee {a['id']} has a pinned seat: not modelled")
        ranks = {}
        for i, p in enumerate(a.get("preferences", [])):
            if isinstance(p, str):
                ranks[p] = i + 1
            else:
                ranks[p["session"]] = p.get("rank", i + 1)
        worst = max(ranks.values()) if ranks else 0
        tags = set(a.get("tags") or [])
        wanted = set(a.get("rounds") or all_rounds)
        for ri, (session, rnd, _, audience) in enumerate(runs):
            if rnd in wanted and (not audience or audience & tags) and (allow_unranked or session in ranks):
                columns.append((ai, ri, session, rnd))
                rank = ranks.get(session, worst + 1)
                costs.append((rank - 1) ** 2)
    n = len(columns)
    index = {}
    rows, cols = [], []
    for j, (ai, ri, session, rnd) in enumerate(columns):
        for key in (("round", ai, rnd), ("session", ai, session), ("run", ri)):
            rows.append(index.setdefault(key, len(index)))
            cols.append(j)
    a_ub = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(index), n))
    b_ub = np.ones(len(index))
    for key, i in index.items():
        if key[0] == "run":
            b_ub[i] = runs[key[1]][2]
    print(f"{n} variables, {len(index)} constraints")
    seats = linprog(-np.ones(n), A_ub=a_ub, b_ub=b_ub, bounds=(0, 1), method="highs")
    max_seats = -seats.fun
    print(f"LP most seats: {max_seats:.3f}")
    if args.mip:
        mip = linprog(-np.ones(n), A_ub=a_ub, b_ub=b_ub, bounds=(0, 1), method="highs", integrality=np.ones(n),
                      options={"time_limit": args.mip})
        print("MIP most seats:", -mip.fun if mip.x is not None else None, f"({mip.message})")
    target = np.floor(max_seats + 1e-6)
    a_eq = sp.csr_matrix(np.ones((1, n)))
    cost = linprog(np.array(costs, dtype=float), A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=[target], bounds=(0, 1),
                   method="highs")
    print(f"LP least cost at {target:.0f} seats: {cost.fun:.3f}")
    if args.mip:
        mip = linprog(np.array(costs, dtype=float), A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=[target], bounds=(0, 1),
                      method="highs", integrality=np.ones(n), options={"time_limit": args.mip})
        print(f"MIP least cost at {target:.0f} seats:", mip.fun if mip.x is not None else None, f"({mip.message})")


if __name__ == "__main__":
    main()

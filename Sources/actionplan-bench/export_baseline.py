#!/usr/bin/env python3
"""The export benchmark's work in plain Python (json + csv modules), as the yardstick for ours.

Reads the same store files as `actionplan export` does, folds every journal, and writes the same two
files: the CSV of every participating State x trackable action, and the CSV of every status change
in the whole history (grouped per State and action). Prints the seconds it took as JSON.

usage: export_baseline.py STORE CATALOG.json STATES.json OUT_DIR
(the store's own catalog.json and states.json, when present, win over the embedded ones)
"""
import csv
import json
import os
import sys
import time

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
WEIGHT = {"not-started": 0.0, "in-progress": 1 / 3, "partially-implemented": 2 / 3, "implemented": 1.0}
LABEL = {"not-assessed": "Not assessed", "not-started": "Not started", "in-progress": "In progress",
         "partially-implemented": "Partially implemented", "implemented": "Implemented",
         "not-applicable": "Not applicable"}


def neutralise(text):
    stripped = text.lstrip("'")
    return "'" + text if stripped.startswith(TRIGGERS) else text


def direction(before, after):
    a, b = WEIGHT.get(before), WEIGHT.get(after)
    if a is None or b is None or a == b:
        return "other"
    return "improvement" if b > a else "regression"


def main():
    store, catalog_path, states_path, out_dir = sys.argv[1:5]
    started = time.perf_counter()
    own_catalog = os.path.join(store, "catalog.json")
    with open(own_catalog if os.path.exists(own_catalog) else catalog_path, encoding="utf-8") as f:
        catalog = json.load(f)
    own_states = os.path.join(store, "states.json")
    with open(own_states if os.path.exists(own_states) else states_path, encoding="utf-8") as f:
        states = [s for s in json.load(f) if s["kind"] == "participating"]
    placed, order = [], {}
    for pillar in catalog["pillars"]:
        for area in pillar["areas"]:
            for action in area["actions"]:
                order.setdefault(action["id"], len(order))
                if action.get("addressee", "participating-states") == "participating-states":
                    placed.append((pillar, area, action))
    with open(os.path.join(out_dir, "statuses-py.csv"), "w", encoding="utf-8", newline="") as sf, \
            open(os.path.join(out_dir, "changes-py.csv"), "w", encoding="utf-8", newline="") as cf:
        statuses, changes = csv.writer(sf), csv.writer(cf)
        statuses.writerow(["state_code", "state_name", "pillar", "area", "action_id", "action_title", "status_id",
                           "status_label", "note", "evidence", "updated_at", "updated_by"])
        changes.writerow(["time", "state_code", "state_name", "action_id", "action_title", "from_status",
                          "to_status", "direction", "author", "event_id"])
        titles = {action["id"]: action["title"] for _, _, action in placed}
        for state in states:
            path = os.path.join(store, "states", state["code"] + ".jsonl")
            events = []
            if os.path.exists(path):
                with open(path, encoding="utf-8") as f:
                    events = [json.loads(line) for line in f if line.strip()]
            events.sort(key=lambda e: (e["time"], e["id"]))
            current, transitions = {}, []
            for e in events:
                a = current.get(e["action"])
                if a is None:
                    a = current[e["action"]] = {"status": "not-assessed", "note": "", "evidence": []}
                before = a["status"]
                if e.get("status") is not None:
                    a["status"] = e["status"]
                if e.get("note") is not None:
                    a["note"] = e["note"]
                removed = set(e.get("evidenceRemoved") or [])
                if removed:
                    a["evidence"] = [x for x in a["evidence"] if x not in removed]
                for item in e.get("evidenceAdded") or []:
                    if item not in a["evidence"]:
                        a["evidence"].append(item)
                a["updatedAt"], a["updatedBy"] = e["time"], e["author"]
                if a["status"] != before:
                    transitions.append((order.get(e["action"], len(order)), e["action"], len(transitions),
                                        [e["time"], state["code"], state["name"], e["action"],
                                         titles.get(e["action"], ""), before, a["status"],
                                         direction(before, a["status"]), e["author"], e["id"]]))
            for pillar, area, action in placed:
                a = current.get(action["id"], {"status": "not-assessed", "note": "", "evidence": []})
                statuses.writerow([neutralise(c) for c in (
                    state["code"], state["name"], pillar["title"], area["title"], action["id"], action["title"],
                    a["status"], LABEL[a["status"]], a["note"], "\n".join(a["evidence"]),
                    a.get("updatedAt", ""), a.get("updatedBy", ""))])
            transitions.sort(key=lambda t: t[:3])
            for t in transitions:
                changes.writerow([neutralise(c) for c in t[3]])
    print(json.dumps({"seconds": time.perf_counter() - started}))


if __name__ == "__main__":
    main()

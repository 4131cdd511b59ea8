#!/usr/bin/env python3
"""Generate Resources/catalog.json and Resources/states.json for Action Plan Tracker.

Usage: scripts/make-catalog.py [path/to/action-plan-outline.yaml]

Input is the paraphrased reference outline (default: ../shared/reference/action-plan-outline.yaml
relative to the repository root) plus the in-script list of recommended actions listed by the OSCE
Special Representative (OSR_ADDITIONS). Output is deterministic: re-running the script produces
byte-identical files (2-space indent, UTF-8 not escaped, trailing newline).

Rules applied (see the outline's header for the confidence marks):
  * every recommendation of the outline is placed under its pillar (the outline's `pillar` field) and an
    area chosen by content (PLACEMENT below); the script fails if one is missing or misplaced;
  * chapter/section numbers are kept where the outline marks them `seen` or `inferred`, and set to
    null where it marks them `unknown`;
  * a paragraph is kept only where the outline gives one for a section whose number was seen;
    `verified` is true only where chapter, section and paragraph numbers are all marked seen;
  * recommendations addressed to OSCE structures are kept (addressee "osce-structures") only if they
    have content; empty placeholders are skipped.
"""

import json
import re
import sys
import unicodedata
from collections import OrderedDict
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_YAML = REPO_ROOT / ".." / "shared" / "reference" / "action-plan-outline.yaml"
OUT_DIR = REPO_ROOT / "Resources"

CATALOG_ID = "osce-thb-action-plan"
# Bump by hand when the content changes (kept fixed so that output is reproducible).
CATALOG_VERSION = "2026.11.29"
CATALOG_TITLE = "OSCE Action Plan to Combat Trafficking in Human Beings (paraphrased outline)"
CATALOG_NOTICE = (
    "Titles and summaries are paraphrased in our own words and are not the official text; "
    "chapter, section and paragraph numbers that have not been checked against the official "
    "documents are marked unverified."
)

# Clean document symbols (the outline's symbol fields carry extra remarks).
DOC_SYMBOLS = {
    "ap2003": "PC.DEC/557",
    "add2005": "PC.DEC/685",
    "add2013": "PC.DEC/1107/Corr.1",
}

OSR_DOCUMENT = OrderedDict([
    ("id", "osr-cthb"),
    ("symbol", "OSR/CTHB recommendations"),
    ("title", "Recommended actions for participating States listed by the OSCE Special Representative "
              "and Co-ordinator for Combating Trafficking in Human Beings"),
    ("year", None),
])

TAGS = [
    ("children", "Children"),
    ("gender", "Gender"),
    ("migration", "Migration"),
    ("crisis", "Crisis situations"),
    ("ict", "ICT"),
    ("supply-chains", "Supply chains"),
    ("labour-exploitation", "Labour exploitation"),
    ("financial-investigation", "Financial investigation"),
]

PILLAR_TITLES = OrderedDict([
    ("prevention", "Prevention"),
    ("prosecution", "Prosecution"),
    ("protection", "Protection"),
    ("partnerships", "Partnerships"),
])

# Areas per pillar, in display order.
AREAS = OrderedDict([
    ("prevention", [
        ("prevention.data", "Data collection and research"),
        ("prevention.root-causes", "Addressing root causes"),
        ("prevention.awareness", "Awareness-raising"),
        ("prevention.demand", "Discouraging demand"),
        ("prevention.border", "Border and document security"),
        ("prevention.regulation", "Regulation of businesses, recruitment and labour"),
    ]),
    ("prosecution", [
        ("prosecution.criminalization", "Criminalization"),
        ("prosecution.investigation", "Investigation and law enforcement"),
        ("prosecution.international-cooperation", "International co-operation"),
        ("prosecution.witness-protection", "Witness protection"),
    ]),
    ("protection", [
        ("protection.assistance", "Assistance"),
        ("protection.nrm", "National Referral Mechanisms"),
        ("protection.compensation", "Compensation and access to justice"),
        ("protection.return", "Residence, return and reintegration"),
    ]),
    ("partnerships", [
        ("partnerships.coordination", "Co-ordination: task forces and National Co-ordinators"),
        ("partnerships.monitoring", "National Rapporteurs and other monitoring mechanisms"),
        ("partnerships.cooperation", "Co-operation with NGOs, unions, IOs and private sector"),
    ]),
])

# Area of every recommendation of the outline, chosen by content.
PLACEMENT = {
    # --- Action Plan 2003, chapter III (prosecution)
    "AP03-III-1-a": "prosecution.criminalization",
    "AP03-III-1-b": "prosecution.criminalization",
    "AP03-III-1-c": "prosecution.criminalization",
    "AP03-III-1-d": "prosecution.criminalization",
    "AP03-III-1-e": "prosecution.criminalization",
    "AP03-III-1-f": "prosecution.criminalization",
    "AP03-III-1-g": "prosecution.criminalization",
    "AP03-III-2-a": "prosecution.investigation",
    "AP03-III-2-b": "prosecution.investigation",
    "AP03-III-2-c": "prosecution.investigation",
    "AP03-III-x-a": "prosecution.international-cooperation",
    "AP03-III-x-b": "prosecution.international-cooperation",
    "AP03-III-y-a": "prosecution.witness-protection",
    "AP03-III-y-b": "prosecution.witness-protection",
    # --- Action Plan 2003, chapter IV (prevention)
    "AP03-IV-1-a": "prevention.data",
    "AP03-IV-1-b": "prevention.data",
    "AP03-IV-1-c": "prevention.data",
    "AP03-IV-1-d": "prevention.data",
    "AP03-IV-2-a": "prevention.border",
    "AP03-IV-2-b": "prevention.border",
    "AP03-IV-3-a": "prevention.root-causes",
    "AP03-IV-3-b": "prevention.root-causes",
    "AP03-IV-3-c": "prevention.root-causes",
    "AP03-IV-3-d": "prevention.root-causes",
    "AP03-IV-3-e": "prevention.root-causes",
    "AP03-IV-4-a": "prevention.awareness",
    "AP03-IV-4-b": "prevention.awareness",
    "AP03-IV-4-c": "prevention.awareness",
    "AP03-IV-5-a": "prevention.regulation",
    "AP03-IV-5-b": "prevention.demand",
    # --- Action Plan 2003, chapter V (protection)
    "AP03-V-nrm-a": "protection.nrm",
    "AP03-V-nrm-b": "protection.nrm",
    "AP03-V-nrm-c": "protection.nrm",
    "AP03-V-as-a": "protection.assistance",
    "AP03-V-as-b": "protection.assistance",
    "AP03-V-as-c": "protection.assistance",
    "AP03-V-res-a": "protection.return",
    "AP03-V-res-b": "protection.return",
    "AP03-V-ret-a": "protection.return",
    "AP03-V-ret-b": "protection.return",
    "AP03-V-asy-a": "protection.return",
    "AP03-V-comp-a": "protection.compensation",
    "AP03-V-comp-b": "protection.compensation",
    "AP03-V-10-5": "protection.assistance",
    "AP03-V-10-x": "protection.assistance",
    # --- Action Plan 2003, chapter VI (follow-up / co-ordination)
    "AP03-VI-a": "partnerships.monitoring",
    "AP03-VI-b": "partnerships.coordination",
    "AP03-VI-c": "partnerships.cooperation",
    "AP03-VI-osce-a": "partnerships.monitoring",
    # --- Addendum 2005 (child victims)
    "A05-gen-a": "protection.assistance",
    "A05-gen-b": "protection.assistance",
    "A05-III-a": "prosecution.witness-protection",
    "A05-III-b": "prosecution.investigation",
    "A05-III-c": "prosecution.criminalization",
    "A05-IV-a": "prevention.root-causes",
    "A05-IV-b": "prevention.awareness",
    "A05-IV-c": "prevention.root-causes",
    "A05-V-a": "protection.nrm",
    "A05-V-b": "protection.assistance",
    "A05-V-c": "protection.assistance",
    "A05-V-d": "protection.assistance",
    "A05-V-e": "protection.return",
    "A05-V-f": "protection.return",
    "A05-V-g": "partnerships.coordination",
    # --- Addendum 2013 (One Decade Later)
    "A13-III-a": "prosecution.criminalization",
    "A13-III-b": "prosecution.investigation",
    "A13-III-c": "prosecution.investigation",
    "A13-III-d": "prosecution.criminalization",
    "A13-III-e": "prosecution.investigation",
    "A13-III-f": "prosecution.investigation",
    "A13-III-g": "prosecution.international-cooperation",
    "A13-III-h": "prosecution.investigation",
    "A13-IV-a": "prevention.demand",
    "A13-IV-b": "prevention.demand",
    "A13-IV-c": "prevention.regulation",
    "A13-IV-d": "prevention.regulation",
    "A13-IV-e": "prevention.demand",
    "A13-IV-f": "prevention.regulation",
    "A13-IV-g": "prevention.root-causes",
    "A13-IV-h": "prevention.data",
    "A13-V-a": "protection.nrm",
    "A13-V-b": "protection.nrm",
    "A13-V-c": "protection.assistance",
    "A13-V-d": "protection.compensation",
    "A13-V-e": "protection.compensation",
    "A13-V-f": "protection.return",
    "A13-V-g": "protection.return",
    "A13-V-h": "protection.assistance",
    "A13-VI-a": "partnerships.cooperation",
    "A13-VI-b": "partnerships.cooperation",
    "A13-VI-c": "partnerships.cooperation",
    "A13-VI-d": "partnerships.cooperation",
    "A13-VI-e": "partnerships.cooperation",
    "A13-VI-f": "partnerships.cooperation",
    "A13-VI-g": "partnerships.monitoring",
}

# Cross-cutting themes that really apply (every 2005 child-victim item also gets "children").
TAGGING = {
    "AP03-III-1-e": ["financial-investigation"],
    "AP03-III-2-a": ["gender"],
    "AP03-IV-1-b": ["gender", "children"],
    "AP03-IV-2-a": ["migration"],
    "AP03-IV-2-b": ["migration"],
    "AP03-IV-3-b": ["gender"],
    "AP03-IV-3-c": ["children"],
    "AP03-IV-3-d": ["migration", "labour-exploitation"],
    "AP03-IV-3-e": ["gender", "children"],
    "AP03-IV-5-a": ["children"],  # au pair and adoption agencies among the sectors
    "AP03-V-res-a": ["migration"],
    "AP03-V-res-b": ["migration"],
    "AP03-V-ret-a": ["migration"],
    "AP03-V-asy-a": ["migration"],
    "AP03-V-10-5": ["children"],
    "AP03-V-10-x": ["children", "migration"],
    "A05-IV-c": ["migration"],
    "A05-V-b": ["migration"],
    "A05-V-e": ["migration"],
    "A05-V-f": ["migration"],
    "A13-III-c": ["financial-investigation"],
    "A13-III-f": ["ict"],
    "A13-IV-a": ["supply-chains", "labour-exploitation"],
    "A13-IV-b": ["supply-chains", "labour-exploitation"],
    "A13-IV-c": ["labour-exploitation"],
    "A13-IV-d": ["labour-exploitation", "migration"],
    "A13-IV-f": ["labour-exploitation"],
    "A13-IV-g": ["children", "migration"],
    "A13-V-a": ["migration", "labour-exploitation"],
    "A13-V-f": ["migration"],
    "A13-V-g": ["migration"],
    "A13-V-h": ["children"],
    "A13-VI-d": ["supply-chains"],
}

# Recommended actions for participating States listed by the OSCE Special Representative.
# (id, area, title, summary, tags)
OSR_ADDITIONS = [
    ("OSR-PV-1", "prevention.demand",
     "Stronger measures to discourage demand",
     "Strengthen legislative, educational, social and penal measures, including through bilateral and "
     "multilateral co-operation, to discourage the demand that fosters exploitation.",
     []),
    ("OSR-PV-2", "prevention.demand",
     "Multi-agency monitoring of labour markets and sex industry",
     "Run a multi-agency programme of monitoring, administrative controls and intelligence gathering "
     "on labour markets and the sex industry.",
     ["labour-exploitation"]),
    ("OSR-PR-1", "prosecution.international-cooperation",
     "Bilateral and multilateral law-enforcement agreements",
     "Conclude bilateral and multilateral agreements on law-enforcement co-operation against trafficking.",
     []),
    ("OSR-PR-2", "prosecution.criminalization",
     "Ratify the relevant international instruments",
     "Ratify and give effect to the international instruments relevant to combating trafficking.",
     []),
    ("OSR-PR-3", "prosecution.investigation",
     "Financial investigations against the business model",
     "Use financial investigations to disrupt the business model and profits of traffickers.",
     ["financial-investigation"]),
    ("OSR-PT-1", "protection.nrm",
     "Identification frameworks for mixed migration flows",
     "Adapt victim identification frameworks so that trafficked persons can be recognised within mixed "
     "migration flows.",
     ["migration", "crisis"]),
    ("OSR-PT-2", "protection.nrm",
     "Proactive, non-discriminatory victim identification",
     "Identify victims proactively and without discrimination, with regular training for front-line "
     "responders.",
     []),
    ("OSR-PA-1", "partnerships.coordination",
     "Cross-sectoral anti-trafficking policy team",
     "Link National Referral Mechanisms, inter-ministerial bodies, national co-ordinators and NGOs in a "
     "cross-sectoral team that develops, implements and monitors anti-trafficking policy.",
     []),
    ("OSR-PA-2", "partnerships.cooperation",
     "Widen the NRM partnership",
     "Extend the partnership behind the National Referral Mechanism to trade unions and to bodies that "
     "protect women, children, minorities and migrants.",
     ["gender", "children", "migration"]),
    ("OSR-PA-3", "partnerships.coordination",
     "Multi-agency national and transnational approaches",
     "Combine the work of several agencies against trafficking, both within the country and across "
     "borders.",
     []),
    ("OSR-PA-4", "partnerships.coordination",
     "Integrate the gender dimension",
     "Integrate a gender perspective into anti-trafficking policies and measures.",
     ["gender"]),
]

OSR_PREFIX_PILLAR = {"PV": "prevention", "PR": "prosecution", "PT": "protection", "PA": "partnerships"}

# Geographic grouping of participating States (partners take their group from the outline).
CENTRAL_ASIA = {"KZ", "KG", "TJ", "TM", "UZ"}
NORTH_AMERICA = {"CA", "US"}
ASIA = {"MN"}

ID_RE = re.compile(r"^[A-Z0-9]+(-[A-Za-z0-9]+)*$")
AREA_ID_RE = re.compile(r"^[a-z]+\.[a-z0-9-]+$")


def kept_number(number, confidence):
    """A chapter/section number as a string, or None where the outline marks it unknown."""
    if number is None or confidence not in ("seen", "inferred"):
        return None
    return str(number)


def build_catalog(outline):
    tag_ids = [t for t, _ in TAGS]
    area_pillar = {aid: p for p, areas in AREAS.items() for aid, _ in areas}
    buckets = OrderedDict((aid, []) for areas in AREAS.values() for aid, _ in areas)
    seen_ids = set()
    skipped = []

    documents = []
    for doc in outline["documents"]:
        doc_id = doc["id"]
        assert doc_id in DOC_SYMBOLS, f"unknown document {doc_id}"
        symbol = DOC_SYMBOLS[doc_id]
        assert str(doc.get("symbol", "")).startswith(symbol), (doc_id, doc.get("symbol"))
        date = str(doc.get("date") or "")
        documents.append(OrderedDict([
            ("id", doc_id), ("symbol", symbol), ("title", doc["title"]),
            ("year", int(date[:4]) if re.match(r"^\d{4}", date) else None),
        ]))
        for ch in doc.get("chapters", []):
            chapter = kept_number(ch.get("number"), ch.get("number_confidence"))
            for sec in ch.get("sections", []):
                section = kept_number(sec.get("number"), sec.get("number_confidence"))
                addressee = {"participating_states": "participating-states",
                             "osce_structures": "osce-structures"}[sec["addressee"]]
                recs = sec.get("recommendations") or []
                if not recs:
                    skipped.append(f"{doc_id} ch.{ch.get('number')}: {sec['title']} (empty placeholder)")
                    continue
                for rec in recs:
                    rid = rec["id"]
                    assert rid in PLACEMENT, f"no area for {rid}"
                    area = PLACEMENT[rid]
                    assert area_pillar[area] == sec["pillar"], f"{rid}: area {area} not in pillar {sec['pillar']}"
                    title = rec["title"].strip()
                    summary = " ".join(rec["summary"].split())
                    if addressee == "osce-structures" and not (title and summary):
                        skipped.append(f"{rid} (OSCE structures, no content)")
                        continue
                    # Paragraph numbers are kept only where the outline gives them under a section
                    # whose number was seen; verified only if every level was seen.
                    para = rec.get("paragraph")
                    para_seen = para is not None and sec.get("number_confidence") == "seen"
                    paragraph = str(para) if para_seen else None
                    verified = bool(para_seen and ch.get("number_confidence") == "seen"
                                    and sec.get("number_confidence") == "seen")
                    tags = list(TAGGING.get(rid, []))
                    if doc_id == "add2005" and "children" not in tags:
                        tags.insert(0, "children")
                    tags.sort(key=tag_ids.index)
                    assert rid not in seen_ids, f"duplicate id {rid}"
                    seen_ids.add(rid)
                    buckets[area].append(OrderedDict([
                        ("id", rid), ("title", title), ("summary", summary),
                        ("source", OrderedDict([
                            ("document", symbol), ("chapter", chapter), ("section", section),
                            ("paragraph", paragraph), ("verified", verified),
                        ])),
                        ("tags", tags), ("addressee", addressee),
                    ]))

    unused = set(PLACEMENT) - seen_ids
    assert not unused, f"PLACEMENT lists ids not in the outline: {sorted(unused)}"
    unused_tags = set(TAGGING) - seen_ids
    assert not unused_tags, f"TAGGING lists ids not in the outline: {sorted(unused_tags)}"

    documents.append(OrderedDict(OSR_DOCUMENT))
    for rid, area, title, summary, tags in OSR_ADDITIONS:
        prefix = rid.split("-")[1]
        assert OSR_PREFIX_PILLAR[prefix] == area_pillar[area], f"{rid} in wrong pillar"
        assert rid not in seen_ids, f"duplicate id {rid}"
        seen_ids.add(rid)
        buckets[area].append(OrderedDict([
            ("id", rid), ("title", title), ("summary", summary),
            ("source", OrderedDict([
                ("document", OSR_DOCUMENT["symbol"]), ("chapter", None), ("section", None),
                ("paragraph", None), ("verified", False),
            ])),
            ("tags", sorted(tags, key=tag_ids.index)), ("addressee", "participating-states"),
        ]))

    yaml_pillars = {p["id"]: p for p in outline["pillars"]}
    pillars = []
    for pid, ptitle in PILLAR_TITLES.items():
        pillars.append(OrderedDict([
            ("id", pid), ("title", ptitle),
            ("description", " ".join(yaml_pillars[pid]["description"].split())),
            ("areas", [OrderedDict([("id", aid), ("title", atitle), ("actions", buckets[aid])])
                       for aid, atitle in AREAS[pid]]),
        ]))

    catalog = OrderedDict([
        ("id", CATALOG_ID), ("version", CATALOG_VERSION), ("title", CATALOG_TITLE),
        ("notice", CATALOG_NOTICE), ("documents", documents),
        ("tags", [OrderedDict([("id", t), ("label", l)]) for t, l in TAGS]),
        ("pillars", pillars),
    ])
    return catalog, skipped


def sort_key(name):
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return (plain.casefold(), name)


def build_states(outline):
    states = []
    for s in outline["states"]:
        code = str(s["iso2"])
        if s["kind"] == "participating":
            group = ("central-asia" if code in CENTRAL_ASIA else
                     "north-america" if code in NORTH_AMERICA else
                     "asia" if code in ASIA else "europe")
        else:
            group = s["group"]
        states.append(OrderedDict([
            ("code", code), ("iso3", str(s["iso3"])), ("name", s["name"]),
            ("kind", s["kind"]), ("group", group),
        ]))
    states.sort(key=lambda s: sort_key(s["name"]))
    return states


def check_catalog(catalog):
    tag_ids = {t["id"] for t in catalog["tags"]}
    doc_symbols = {d["symbol"] for d in catalog["documents"]}
    assert [p["id"] for p in catalog["pillars"]] == list(PILLAR_TITLES), "pillar order"
    assert [p["title"] for p in catalog["pillars"]] == list(PILLAR_TITLES.values())
    required_first = {
        "prevention": ["prevention.data", "prevention.root-causes", "prevention.awareness", "prevention.demand"],
        "prosecution": ["prosecution.criminalization", "prosecution.investigation",
                        "prosecution.international-cooperation", "prosecution.witness-protection"],
        "protection": ["protection.assistance", "protection.nrm", "protection.compensation", "protection.return"],
        "partnerships": ["partnerships.coordination", "partnerships.monitoring", "partnerships.cooperation"],
    }
    ids, area_ids = set(), set()
    for p in catalog["pillars"]:
        assert p["description"].strip()
        got = [a["id"] for a in p["areas"]]
        assert got[:len(required_first[p["id"]])] == required_first[p["id"]], f"area order in {p['id']}"
        for a in p["areas"]:
            assert AREA_ID_RE.match(a["id"]) and a["id"].startswith(p["id"] + "."), a["id"]
            assert a["id"] not in area_ids and a["title"].strip()
            area_ids.add(a["id"])
            assert a["actions"], f"empty area {a['id']}"
            for act in a["actions"]:
                assert ID_RE.match(act["id"]), f"bad id {act['id']}"
                assert act["id"] not in ids, f"duplicate id {act['id']}"
                ids.add(act["id"])
                assert act["title"].strip() and len(act["title"]) <= 60, f"title of {act['id']}"
                assert act["summary"].strip().endswith("."), f"summary of {act['id']}"
                assert 1 <= act["summary"].count(". ") + 1 <= 2, f"summary length of {act['id']}"
                assert set(act["tags"]) <= tag_ids, f"unknown tag in {act['id']}"
                assert len(set(act["tags"])) == len(act["tags"])
                assert act["addressee"] in ("participating-states", "osce-structures")
                src = act["source"]
                assert src["document"] in doc_symbols, f"unknown document in {act['id']}"
                for k in ("chapter", "section", "paragraph"):
                    assert src[k] is None or isinstance(src[k], str)
                if src["verified"]:
                    assert src["paragraph"] and src["chapter"] and src["section"], act["id"]
    trackable = sum(1 for p in catalog["pillars"] for a in p["areas"] for act in a["actions"]
                    if act["addressee"] == "participating-states")
    assert trackable >= 90, f"only {trackable} trackable actions"
    return trackable


def check_states(states):
    codes = [s["code"] for s in states]
    assert len(codes) == len(set(codes)), "duplicate codes"
    assert len({s["iso3"] for s in states}) == len(states), "duplicate iso3"
    assert len({s["name"] for s in states}) == len(states), "duplicate names"
    for s in states:
        assert re.match(r"^[A-Z]{2}$", s["code"]) and re.match(r"^[A-Z]{3}$", s["iso3"]), s
    part = [s for s in states if s["kind"] == "participating"]
    partners = [s for s in states if s["kind"] == "partner"]
    assert len(part) == 57, f"{len(part)} participating States"
    assert len(partners) == 11, f"{len(partners)} partners"
    assert sum(s["group"] == "mediterranean" for s in partners) == 6
    assert sum(s["group"] == "asian" for s in partners) == 5
    assert all(s["group"] in ("europe", "central-asia", "north-america", "asia") for s in part)
    assert [s["name"] for s in states] == [s["name"] for s in sorted(states, key=lambda s: sort_key(s["name"]))]


def write_json(path, data):
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main(argv):
    yaml_path = Path(argv[1]) if len(argv) > 1 else DEFAULT_YAML
    with open(yaml_path, encoding="utf-8") as f:
        outline = yaml.safe_load(f)

    catalog, skipped = build_catalog(outline)
    trackable = check_catalog(catalog)
    states = build_states(outline)
    check_states(states)

    write_json(OUT_DIR / "catalog.json", catalog)
    write_json(OUT_DIR / "states.json", states)

    for line in skipped:
        print(f"skipped: {line}")
    total = 0
    for p in catalog["pillars"]:
        acts = [act for a in p["areas"] for act in a["actions"]]
        n_ps = sum(act["addressee"] == "participating-states" for act in acts)
        total += len(acts)
        print(f"{p['id']}: {len(acts)} actions ({n_ps} trackable)")
        for a in p["areas"]:
            print(f"  {a['id']}: {len(a['actions'])}")
    verified = sum(act["source"]["verified"] for p in catalog["pillars"] for a in p["areas"] for act in a["actions"])
    print(f"total: {total} actions, {trackable} trackable, {verified} verified")
    print(f"states: {sum(s['kind'] == 'participating' for s in states)} participating, "
          f"{sum(s['kind'] == 'partner' for s in states)} partners")


if __name__ == "__main__":
    main(sys.argv)

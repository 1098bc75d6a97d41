"""Check the demo data in this folder (plain python3, no Django).

Run: python3 kosmos/core/demo_data/validate.py
Exits non-zero and prints the problems if anything is off.
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
STATES = {"BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"}
FORMS = {"ge", "zkt"}
TOPICS = {"efqm", "digitalisierung", "gesundheit"}
KEYS = {
    "name", "slug", "form", "state", "staff_count", "offices", "office_count", "bg_count",
    "unemployment_rate", "unemployment_month", "region_description", "topic", "topic_title",
    "goals", "milestones", "results", "partner", "notes",
}
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MONTH_RE = re.compile(r"^20\d\d-(0[1-9]|1[0-2])$")


def load(name):
    with open(HERE / name, encoding="utf-8") as fh:
        return json.load(fh)


def main():
    errors = []
    jcs = load("jobcenters.json")
    third = load("third_wave.json")
    programme = load("programme.json")

    if not isinstance(jcs, list) or len(jcs) != 16:
        errors.append(f"expected 16 Jobcenters, got {len(jcs) if isinstance(jcs, list) else type(jcs)}")
    slugs = [jc.get("slug") for jc in jcs]
    if len(set(slugs)) != len(slugs):
        errors.append(f"duplicate slugs: {slugs}")
    names = [jc.get("name") for jc in jcs]
    if len(set(names)) != len(names):
        errors.append("duplicate names")

    for jc in jcs:
        tag = jc.get("slug", "?")
        if set(jc) != KEYS:
            errors.append(f"{tag}: keys differ: missing {KEYS - set(jc)}, extra {set(jc) - KEYS}")
        if not SLUG_RE.match(jc.get("slug", "")):
            errors.append(f"{tag}: bad slug")
        if jc.get("form") not in FORMS:
            errors.append(f"{tag}: bad form {jc.get('form')}")
        if jc.get("state") not in STATES:
            errors.append(f"{tag}: bad state {jc.get('state')}")
        if jc.get("topic") not in TOPICS:
            errors.append(f"{tag}: bad topic {jc.get('topic')}")
        for key in ("staff_count", "office_count", "bg_count"):
            v = jc.get(key)
            if v is not None and (not isinstance(v, int) or isinstance(v, bool) or v < 0):
                errors.append(f"{tag}: {key} must be a non-negative int or null")
        offices = jc.get("offices")
        if not isinstance(offices, list) or not all(isinstance(o, str) and o for o in offices):
            errors.append(f"{tag}: offices must be a list of names")
        elif offices and jc.get("office_count") != len(offices):
            errors.append(f"{tag}: office_count does not match the named offices")
        rate = jc.get("unemployment_rate")
        if rate is not None and not (isinstance(rate, (int, float)) and 0 <= rate <= 100):
            errors.append(f"{tag}: bad unemployment_rate")
        month = jc.get("unemployment_month")
        if month is not None and not MONTH_RE.match(month):
            errors.append(f"{tag}: bad unemployment_month")
        if month is not None and rate is None:
            errors.append(f"{tag}: month without rate")
        for key in ("name", "region_description", "topic_title"):
            if not isinstance(jc.get(key), str) or not jc[key].strip():
                errors.append(f"{tag}: {key} empty")
        for key in ("goals", "results"):
            v = jc.get(key)
            if not isinstance(v, list) or not v or not all(isinstance(x, str) and x.strip() for x in v):
                errors.append(f"{tag}: {key} must be a non-empty list of strings")
        for m in jc.get("milestones", []):
            if set(m) != {"title", "date"} or not m["title"].strip():
                errors.append(f"{tag}: bad milestone {m}")
            elif m["date"] is not None and not MONTH_RE.match(m["date"]):
                errors.append(f"{tag}: bad milestone date {m['date']}")
        partner = jc.get("partner")
        if partner is not None:
            other = next((o for o in jcs if o.get("slug") == partner), None)
            if other is None or partner == jc.get("slug"):
                errors.append(f"{tag}: partner {partner} unknown")
            elif other.get("partner") != jc.get("slug"):
                errors.append(f"{tag}: partner {partner} does not point back")

    # Counts stated in the report (section 2): 13 gE + 3 zKT; 7 EFQM, 6 Digitalisierung, 3 Gesundheit.
    forms = [jc.get("form") for jc in jcs]
    if forms.count("ge") != 13 or forms.count("zkt") != 3:
        errors.append(f"form counts differ from report: ge={forms.count('ge')} zkt={forms.count('zkt')}")
    topics = [jc.get("topic") for jc in jcs]
    if (topics.count("efqm"), topics.count("digitalisierung"), topics.count("gesundheit")) != (7, 6, 3):
        errors.append("topic counts differ from report (7/6/3)")
    wave2 = next(w for w in programme["wellen"] if w["welle"] == 2)
    if wave2["ausgewaehlt"] != len(jcs):
        errors.append("programme.json wave 2 'ausgewaehlt' != number of Jobcenters")

    # No contact-person names from the report may appear anywhere.
    forbidden = [
        "Krüger", "Hornburg", "Heinze", "Merk", "Schultheiß", "Hohenstein", "Ehlers", "Kermer",
        "Jauch", "Weimer", "Wendrich", "Ackermann", "Dedner", "Zitzmann", "Meier", "Leiprecht",
        "Moll", "Khayati",
    ]
    for fname in ("jobcenters.json", "third_wave.json", "programme.json"):
        text = (HERE / fname).read_text(encoding="utf-8")
        for word in forbidden:
            if re.search(r"\b" + re.escape(word) + r"\b", text):
                errors.append(f"{fname}: contains person name '{word}'")

    tw_keys = {t["key"] for t in third["topics"]}
    if tw_keys != {"fbw", "sprache", "kanaele"}:
        errors.append("third_wave.json: topics must be fbw/sprache/kanaele")
    for jc in third["jobcenters"]:
        if jc.get("topic") not in tw_keys:
            errors.append(f"third_wave.json: bad topic for {jc.get('name')}")
        if jc.get("state") is not None and jc["state"] not in STATES:
            errors.append(f"third_wave.json: bad state for {jc.get('name')}")

    if errors:
        print("\n".join(errors))
        return 1
    print(f"OK: {len(jcs)} Jobcenters, {len(set(slugs))} unique slugs, forms/states/topics valid.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The battles of the atlas (`data/battles.geojson`, derived from WHBD and CDB90, amended and
completed by `facts/battles.yaml`, as built into `events.geojson`) against the reference data
they come from.

Tests that read /work/shared/reference skip when it is absent (users' clones do not have it).
"""

from __future__ import annotations

import csv
import re

import pytest
from data_files import fact_events, features
from gazetteer import distance_km, distance_to_named_place

from dashboard import dates
from dashboard.categories import CATEGORIES
from dashboard.validation import check_document
from scripts.common import REFERENCE
from scripts.derive_battles import cdb90_matches, reading

WHBD = REFERENCE / "battles" / "whbd_battles_1917_1956.csv"
CDB90 = REFERENCE / "battles" / "cdb90"
needs_reference = pytest.mark.skipif(not WHBD.exists(), reason="reference data not available")


@pytest.fixture(scope="module")
def battles() -> list[dict]:
    """The battles drawn as points (the Red Army's operations, drawn as areas, are tested in
    test_data_operations.py)."""
    return [f["properties"] | {"_coordinates": f["geometry"]["coordinates"]} for f in features("battle")
            if f["geometry"]["type"] == "Point"]


@pytest.fixture(scope="module")
def whbd_rows() -> dict[str, dict]:
    with WHBD.open(encoding="utf-8") as rows:
        return {row["wikidata"]: row for row in csv.DictReader(rows) if row["wikidata"]}


def test_every_battle_validates():
    checked = check_document({"type": "FeatureCollection", "features": features("battle")}, "battles")
    assert checked.problems == [], "\n".join(map(str, checked.problems[:20]))


def test_enough_battles_all_points_with_prefixed_ids(battles):
    assert len(battles) >= 130
    assert all(b["id"].startswith("battle-") and b["category"] == "battle" for b in battles)


SOVIET_OR_COMMUNIST = ("Soviet", "USSR", "Mongolia")


def test_a_battle_without_a_soviet_side_is_linked_to_the_soviet_event_it_explains(battles):
    """The German-Polish battles of September 1939 are left out: the atlas maps Soviet power."""
    linked = {other for feature in features(*CATEGORIES) for other in feature["properties"].get("related", [])}
    for battle in battles:
        sides = " ".join(battle.get("belligerents", []))
        assert any(side in sides for side in SOVIET_OR_COMMUNIST) or battle["id"] in linked, battle["id"]
    assert not any(b["id"] == "battle-westerplatte-1939" for b in battles)


def test_every_battle_belongs_to_a_covered_war_and_dates_fall_within_it(battles):
    for battle in battles:
        wars = reading()["wars"]
        assert battle["subcategory"] in wars, battle["id"]
        first, last = (dates.first_day(day) for day in wars[battle["subcategory"]])
        start, end = dates.first_day(battle["start"]), dates.last_day(battle.get("end") or battle["start"])
        if battle["date_precision"] == "year":  # only the years are known: they must overlap the war's years
            assert first.year <= start.year and end.year <= last.year, battle["id"]
        else:
            assert first <= start and end <= last, (battle["id"], battle["start"], battle.get("end"))


def test_years_are_within_1929_1945(battles):
    assert all(1929 <= int(b["start"][:4]) and int((b.get("end") or b["start"])[:4]) <= 1945 for b in battles)


def test_every_figure_and_exact_date_is_sourced(battles):
    for battle in battles:
        keys = {s["key"] for s in battle["sources"]}
        assert "whbd" in keys or battle["id"] == "battle-siege-of-leningrad-1941"
        for figure in battle.get("figures", []):
            assert figure["sources"] and {s["key"] for s in figure["sources"]} <= {"cdb90", "krivosheev1997"}
        if battle["date_precision"] == "day":
            assert keys & {"cdb90", "glantz1995", "glantz1999", "glantz2002", "beevor2002", "coox1985"}, battle["id"]


def test_krivosheev_irrecoverable_losses_are_part_of_the_total(battles):
    for battle in battles:
        figures = [f for f in battle.get("figures", []) if f["sources"][0]["key"] == "krivosheev1997"]
        if figures:
            losses = next(f["low"] for f in figures if f["measure"] == "losses")
            total = next(f["low"] for f in figures if f["measure"] == "casualties")
            assert 0 < losses < total, battle["id"]


def test_hand_entered_siege_of_leningrad_lies_in_saint_petersburg(battles):
    siege = next(b for b in battles if b["id"] == "battle-siege-of-leningrad-1941")
    lon, lat = siege["_coordinates"]
    assert distance_to_named_place("Saint Petersburg", lat, lon, ["RU"]) < 10


def corrections_by_name() -> dict[str, dict]:
    return {entry["battle"]: entry for entry in reading()["corrected"].values()}


def test_a_corrected_battle_lies_near_the_place_its_correction_names(battles):
    """The battles WHBD misplaces (Tuulos in southern Finland, Lahasusu at Harbin...) are drawn
    where they were fought: within the stated distance of a GeoNames place, named as given, and
    citing the works that place them."""
    by_name = {b["name"]: b for b in battles}
    for name, correction in corrections_by_name().items():
        battle = by_name[name]
        keys = [(s["key"], s.get("url")) for s in battle["sources"]]
        assert all((s["key"], s.get("url")) in keys for s in correction.get("sources", [])), name
        if "point" not in correction:
            continue
        lon, lat = battle["_coordinates"]
        assert (lon, lat) == (correction["point"]["lon"], correction["point"]["lat"]), name
        assert battle["place"] == correction["place"], name
        near = correction["near"]
        km = distance_to_named_place(near["place"], lat, lon, correction["place"]["countries"])
        assert km is not None and km <= near["within_km"], (name, km)


# Battles named after a place that GeoNames knows, drawn farther from it, and why.
NAMED_BUT_ELSEWHERE = {
    "battle-second-battle-of-kharkov-1942": "named after its objective; fought on the Izyum-Barvenkovo salient",
    "battle-nikolayevka-1943": "Nikolayevka in the Belgorod region (now Livenka); GeoNames's is another village",
}


def test_a_battle_named_after_a_place_lies_within_40_km_of_it(battles):
    """What would have caught the Second Battle of Târgu Frumos at Iași, the summer battle of
    Rzhev at Torzhok and Batina placed in Serbia: a battle named after a place lies near the
    GeoNames place of that name in the country its record gives."""
    for battle in battles:
        named = re.sub(r"^(the )?(first |second |third )?(battles?|siege|defen[cs]e) (of|for|at|in) (the )?", "",
                       battle["name"], flags=re.I)
        lon, lat = battle["_coordinates"]
        km = distance_to_named_place(re.sub(r" \(.*\)$", "", named), lat, lon, battle["place"]["countries"])
        if km is not None and battle["id"] not in NAMED_BUT_ELSEWHERE:
            assert km <= 40, (battle["id"], round(km))


def test_no_two_battles_of_one_year_share_one_point(battles):
    """Five Narva features of 1944 once stood on one point (and in Russia): the phases of a battle
    are left out in favour of the battle. (Rostov was fought over in 1941 and again in 1942.)"""
    points = [(tuple(b["_coordinates"]), b["start"][:4]) for b in battles]
    assert len(points) == len(set(points))


def test_sides_are_named_without_question_marks(battles):
    """WHBD marks uncertain sides "(?)": a correction with its source names them (Tehumardi,
    Surkonty, the Kirovograd and Bereznegovatoye-Snigirevka offensives)."""
    doubtful = {b["id"] for b in battles if any("?" in side for side in b.get("belligerents", []))}
    assert doubtful == set()


def test_a_battle_of_several_engagements_has_no_outcome_coded_for_one_of_them(battles):
    """Moscow spans the defence and the counteroffensive: CDB90's "Soviet attack succeeded" for
    its last engagement is not the battle's outcome."""
    several = [name for name, (kind, isqnos) in cdb90_named_matches().items() if kind == "whole" and len(isqnos) > 1]
    assert "Moscow: defence and counteroffensive" in several
    moscow = next(b for b in battles if b["id"] == "battle-moscow-1941")
    assert "(as coded in CDB90)" not in moscow["outcome"]
    assert "halted" in moscow["outcome"] and "counteroffensive" in moscow["outcome"]
    assert "glantz1995" in {s["key"] for s in moscow["sources"]}


def cdb90_named_matches() -> dict[str, tuple[str, list]]:
    """The CDB90 matches of facts/reference/battles.yaml, by the battle they name."""
    return {match["battle"]: ("whole" if "whole" in match else "part", match.get("whole") or match.get("part"))
            for match in reading()["cdb90_matches"].values()}


@needs_reference
def test_every_battle_lies_within_50_km_of_its_reference_coordinates(battles, whbd_rows):
    corrected_names = set(corrections_by_name())
    for battle in battles:
        if battle["id"] == "battle-siege-of-leningrad-1941" or battle["name"] in corrected_names:
            continue
        row = whbd_rows[battle["wikidata"]]
        lon, lat = battle["_coordinates"]
        assert distance_km(lat, lon, float(row["lat"]), float(row["lon"])) <= 50, battle["id"]


@needs_reference
def test_years_belligerents_and_links_equal_the_reference(battles, whbd_rows):
    for battle in battles:
        if "wikidata" not in battle:
            continue
        row = whbd_rows[battle["wikidata"]]
        assert battle["wikipedia"] == row["wikipedia"]
        sides = reading()["corrected"].get(int(row["battle_id"]), {}).get("belligerents")
        assert battle["belligerents"] == (sides or [b.strip() for b in row["belligerents"].split("|") if b.strip()])
        if battle["date_precision"] == "year":
            assert battle["start"] == row["year"] and battle.get("end", row["year"]) == (row["year_end"] or row["year"])


@needs_reference
def test_cdb90_dates_are_copied_exactly(battles, whbd_rows):
    with (CDB90 / "active_periods.csv").open(encoding="utf-8") as rows:
        periods = list(csv.DictReader(rows))
    by_row = {row["battle_id"]: row for row in whbd_rows.values()}
    dated_by_hand = {entry["amends"] for entry in fact_events("battles") if "amends" in entry and "start" in entry}
    for battle_id, (kind, isqnos) in cdb90_matches().items():
        battle = next(b for b in battles if b.get("wikidata") == by_row[battle_id]["wikidata"])
        if kind != "whole" or battle["id"] in dated_by_hand:
            continue
        mine = [p for p in periods if p["isqno"] in isqnos]
        assert battle["start"] == min(p["start_time_min"][:10] for p in mine)
        assert battle.get("end", battle["start"]) == max(p["end_time_max"][:10] for p in mine)

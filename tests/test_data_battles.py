"""The battles of the atlas (`data/battles.geojson`, derived from WHBD and CDB90, amended and
completed by `facts/battles.yaml`, as built into `events.geojson`) against the reference data
they come from.

Tests that read /work/shared/reference skip when it is absent (users' clones do not have it).
"""

from __future__ import annotations

import csv

import pytest
from data_files import fact_events, features
from gazetteer import distance_km, distance_to_named_place

from dashboard import dates
from dashboard.validation import check_document
from scripts.common import REFERENCE
from scripts.derive_battles import cdb90_matches, reading

WHBD = REFERENCE / "battles" / "whbd_battles_1917_1956.csv"
CDB90 = REFERENCE / "battles" / "cdb90"
needs_reference = pytest.mark.skipif(not WHBD.exists(), reason="reference data not available")


@pytest.fixture(scope="module")
def battles() -> list[dict]:
    return [f["properties"] | {"_coordinates": f["geometry"]["coordinates"]} for f in features("battle")]


@pytest.fixture(scope="module")
def whbd_rows() -> dict[str, dict]:
    with WHBD.open(encoding="utf-8") as rows:
        return {row["wikidata"]: row for row in csv.DictReader(rows) if row["wikidata"]}


def test_every_battle_validates():
    checked = check_document({"type": "FeatureCollection", "features": features("battle")}, "battles")
    assert checked.problems == [], "\n".join(map(str, checked.problems[:20]))


def test_enough_battles_all_points_with_prefixed_ids(battles):
    assert len(battles) >= 150
    assert all(b["id"].startswith("battle-") and b["category"] == "battle" for b in battles)


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


@needs_reference
def test_every_battle_lies_within_50_km_of_its_reference_coordinates(battles, whbd_rows):
    for battle in battles:
        if battle["id"] == "battle-siege-of-leningrad-1941":
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
        assert battle["belligerents"] == [b.strip() for b in row["belligerents"].split("|") if b.strip()]
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

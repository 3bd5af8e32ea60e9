"""The Gulag camps of `data/gulag_camps.geojson` against the reference tables they come from.

Tests that read /work/shared/reference skip when it is absent (users' clones do not have it).
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from dashboard import dates  # noqa: E402
from dashboard.bibliography import citations  # noqa: E402
from dashboard.validation import check_file  # noqa: E402
from scripts.common import REFERENCE  # noqa: E402
from scripts.derive_gulag_camps import corrections  # noqa: E402

from gazetteer import distance_to_named_place  # noqa: E402

PATH = REPO / "data" / "gulag_camps.geojson"
CAMPS = REFERENCE / "gulag_camps"
needs_reference = pytest.mark.skipif(not CAMPS.exists(), reason="reference data not available")


def features() -> list[dict]:
    return json.loads(PATH.read_text(encoding="utf-8"))["features"]


def props() -> list[dict]:
    return [feature["properties"] for feature in features()]


def reference(name: str) -> list[dict]:
    with (CAMPS / name).open(encoding="utf-8") as rows:
        return list(csv.DictReader(rows))


def reference_counts() -> dict[int, dict[int, int]]:
    """location_id -> {year: prisoners} for the rows with a positive count."""
    counts: dict[int, dict[int, int]] = defaultdict(dict)
    for row in reference("camp_population.csv"):
        if row["prisoners"] and float(row["prisoners"]) > 0:
            counts[int(row["location_id"])][int(row["year"])] = int(float(row["prisoners"]))
    return counts


def test_every_feature_validates():
    checked = check_file(PATH)
    assert [str(problem) for problem in checked.problems] == []
    assert len(checked.features) == len(features()) > 500


def test_every_feature_is_a_camp_point_citing_the_bibliography():
    known = citations()
    for feature in features():
        p = feature["properties"]
        assert p["category"] == "gulag" and feature["geometry"]["type"] == "Point", p["id"]
        cited = {s["key"] for s in p["sources"]} | {s["key"] for f in p.get("figures", []) for s in f["sources"]}
        assert cited <= set(known), p["id"]
        assert {"smirnov1998", "gulagmuseum-map"} <= {s["key"] for s in p["sources"]}, p["id"]


def test_ids_and_groups_name_the_camp_and_location():
    for p in props():
        match = re.fullmatch(r"camp-(\d+)-(\d+)", p["id"])
        assert match, p["id"]
        assert p["group"] == f"camp-{match.group(1)}"


def test_no_camp_ends_before_it_starts_or_outside_its_counts():
    for p in props():
        start, end = p["start"], p.get("end")
        assert end is not None, p["id"]
        assert dates.first_day(start) <= dates.last_day(end), p["id"]
        years = [f["year"] for f in p.get("figures", [])]
        if years:
            assert dates.first_day(start).year <= min(years) and max(years) <= dates.last_day(end).year, p["id"]


def test_descriptions_state_the_peak_the_figures_show():
    for p in props():
        counts = {f["year"]: f["low"] for f in p.get("figures", [])}
        match = re.search(r"largest recorded count(?: here)? was ([\d,]+) prisoners, in (\d{4})", p["description"])
        if len(counts) > 1:
            assert match, p["id"]
            assert int(match.group(1).replace(",", "")) == max(counts.values()), p["id"]
            assert counts[int(match.group(2))] == max(counts.values()), p["id"]
        else:
            assert match is None, p["id"]


def test_place_names_are_geonames_places_within_50_km():
    regions = set(corrections()["remote_regions"].values())
    for feature in features():
        p = feature["properties"]
        if p["place"]["name"] in regions:
            continue
        lon, lat = feature["geometry"]["coordinates"]
        km = distance_to_named_place(p["place"]["name"], lat, lon)
        assert km is not None and km <= 50, (p["id"], p["place"]["name"], km)


@needs_reference
def test_every_located_camp_is_present_by_id():
    expected = {
        f"camp-{row['camp_id']}-{row['order']}"
        for row in reference("camp_locations.csv")
        if int(row["location_id"]) not in corrections()["unplaceable"]
    }
    ids = [p["id"] for p in props()]
    assert len(ids) == len(set(ids))
    assert set(ids) == expected
    assert len(corrections()["unplaceable"]) <= 3  # the documented placeholder / contradictory coordinates only
    located = {row["camp_id"] for row in reference("camp_locations.csv")}
    assert len({p["group"] for p in props()}) >= len(located) - len(corrections()["unplaceable"])


@needs_reference
def test_coordinates_names_and_types_equal_the_reference():
    camps = {row["camp_id"]: row for row in reference("camps.csv")}
    locations = {f"camp-{r['camp_id']}-{r['order']}": r for r in reference("camp_locations.csv")}
    for feature in features():
        p = feature["properties"]
        row = locations[p["id"]]
        camp = camps[row["camp_id"]]
        assert feature["geometry"]["coordinates"] == [round(float(row["lon"]), 5), round(float(row["lat"]), 5)]
        assert p["alt_names"][0] == {"name": " ".join(camp["name_ru"].split()), "lang": "ru"}  # then short names
        assert p.get("subcategory") == (camp["type"] or None)
        assert p.get("activity", []) == ([camp["activity"]] if camp["activity"] else [])
        assert "  " not in p["name"] and p["name"] != "New prison"


@needs_reference
def test_each_features_yearly_counts_equal_the_reference():
    counts = reference_counts()
    locations = {f"camp-{r['camp_id']}-{r['order']}": int(r["location_id"]) for r in reference("camp_locations.csv")}
    for p in props():
        figures = {f["year"]: (f["low"], f["high"]) for f in p.get("figures", [])}
        assert all(f["measure"] == "prisoners" and f["unit"] == "people" for f in p.get("figures", []))
        expected = counts.get(locations[p["id"]], {})
        assert figures == {year: (n, n) for year, n in expected.items()}, p["id"]


@needs_reference
def test_prisoner_totals_by_year_equal_the_reference_sums():
    counts = reference_counts()
    located = {int(r["location_id"]) for r in reference("camp_locations.csv")}
    reference_total: dict[int, int] = defaultdict(int)
    left_out: dict[int, int] = defaultdict(int)
    for location, by_year in counts.items():
        if location not in located:
            continue  # rows of locations the tables do not have (1918-1920 test values, e.g. 456789)
        for year, n in by_year.items():
            (left_out if location in corrections()["unplaceable"] else reference_total)[year] += n
    derived: dict[int, int] = defaultdict(int)
    for p in props():
        for figure in p.get("figures", []):
            derived[figure["year"]] += figure["low"]
    assert dict(derived) == dict(reference_total)
    assert sum(left_out.values()) < 0.01 * sum(reference_total.values())
    assert max(derived) <= 1960 and min(derived) >= 1923

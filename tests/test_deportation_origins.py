"""The origin regions of the deportations (`geodata/deportation_origins.geojson`): one area per
deportation, each flow starting inside its own area, valid polygons, boundary data cited, and
approximate discs of their stated size in kilometres.

The test that rebuilds the file from /work/shared/reference skips when it is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyproj
import pytest
from data_files import REPO, features
from shapely.geometry import Point, shape

from scripts import flows
from scripts.common import REFERENCE

OUT = REPO / "geodata" / "deportation_origins.geojson"
BIBLIOGRAPHY = REPO / "dashboard" / "bibliography.json"
needs_reference = pytest.mark.skipif(not (REFERENCE / "borders").exists(), reason="reference data not available")


def read(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["features"]


def deportations() -> list[dict]:
    return features("deportation")


def origins() -> dict[str, dict]:
    return {feature["properties"]["event"]: feature for feature in read(OUT)}


def first_points(flow: dict) -> list[list[float]]:
    geometry = flow["geometry"]
    lines = [geometry["coordinates"]] if geometry["type"] == "LineString" else geometry["coordinates"]
    return [line[0] for line in lines]


def test_every_deportation_has_one_origin_area():
    events = [feature["properties"]["id"] for feature in deportations()]
    areas = [feature["properties"]["event"] for feature in read(OUT)]
    assert sorted(areas) == sorted(events)


def test_each_area_is_that_of_the_origins_the_facts_give():
    """Run scripts/derive_deportation_origins.py after changing the regions a deportation is from."""
    from scripts.derive_deportation_origins import origins_of_each_event

    areas = origins()
    for event, regions in origins_of_each_event():
        assert areas[event]["properties"]["area"] == "+".join(regions), event


def test_each_flow_starts_inside_its_own_origin_area():
    areas = origins()
    for flow in deportations():
        area = shape(areas[flow["properties"]["id"]]["geometry"])
        for point in first_points(flow):
            assert area.contains(Point(point)), (flow["properties"]["id"], point)


def test_areas_are_valid_polygons_small_enough_for_the_web():
    for event, feature in origins().items():
        area = shape(feature["geometry"])
        assert area.geom_type in ("Polygon", "MultiPolygon"), event
        assert area.is_valid and not area.is_empty, event
        assert len(json.dumps(feature["geometry"])) < 10_000, event


def test_boundaries_cite_the_bibliography_and_approximate_outlines_say_so():
    keys = {entry["key"] for entry in json.loads(BIBLIOGRAPHY.read_text(encoding="utf-8"))}
    for event, feature in origins().items():
        props = feature["properties"]
        assert props["outline"] in ("boundary", "approximate"), event
        assert props["region"], event
        assert set(props["boundary_sources"]) <= keys, event
        if props["outline"] == "boundary":
            assert props["boundary_sources"], event


def test_real_boundaries_where_the_reference_has_them():
    areas = origins()
    for event in ("deportation-crimean-tatars-1944", "deportation-june-1941-latvia", "deportation-zapad-1947"):
        assert areas[event]["properties"]["outline"] == "boundary"
    assert areas["deportation-crimean-tatars-1944"]["properties"]["boundary_sources"] == ["runfola2020"]
    assert areas["deportation-chechens-ingush-1944"]["properties"] == {
        "event": "deportation-chechens-ingush-1944",
        "region": "Chechnya and Ingushetia",
        "area": "chechnya",
        "outline": "approximate",
        "boundary_sources": [],
    }


def test_moldavia_is_the_soviet_republic_after_the_war_and_the_annexed_lands_in_1941():
    """In June 1941 the NKVD deported from all of Bessarabia and northern Bukovina; in 1949 and
    1951 only from the Moldavian SSR, which does not take in Chernivtsi or Izmail (Ukraine)."""
    areas = {event: shape(feature["geometry"]) for event, feature in origins().items()}
    chernivtsi, izmail, chisinau = Point(25.94, 48.29), Point(28.84, 45.35), Point(28.86, 47.01)
    assert areas["deportation-june-1941-moldova"].contains(chernivtsi)
    assert areas["deportation-june-1941-moldova"].contains(izmail)
    for event in ("deportation-yug-1949", "deportation-sever-1951"):
        assert areas[event].contains(chisinau), event
        assert not areas[event].contains(izmail), event
    assert not areas["deportation-yug-1949"].contains(chernivtsi)
    assert origins()["deportation-sever-1951"]["properties"]["boundary_sources"] == ["cshapes2", "naturalearth"]


def test_deportations_from_the_same_regions_share_one_area():
    """The map draws one shape per `area`, so all that describes it must be the same."""
    by_area: dict[str, dict] = {}
    for feature in read(OUT):
        props = {**feature["properties"], "event": None}
        first = by_area.setdefault(props["area"], {**feature, "properties": props})
        assert {**feature, "properties": props} == first, feature["properties"]["event"]
    assert "crimea" in by_area and len(by_area) < len(read(OUT))


@pytest.mark.parametrize("event, region", [("deportation-chechens-ingush-1944", "chechnya"),
                                           ("deportation-kalmyks-1943", "kalmykia"),
                                           ("deportation-volga-germans-1941", "volga-german-asrr")])
def test_an_approximate_disc_has_its_radius_in_kilometres_in_every_direction(event, region):
    """A disc drawn in degrees would be half as wide east-west as north-south at these latitudes."""
    anchor, radius = flows.regions()[region]["anchor"], flows.regions()[region]["origin"]["radius_km"]
    west, south, east, north = shape(origins()[event]["geometry"]).bounds
    geod = pyproj.Geod(ellps="WGS84")
    for lon, lat in ((west, anchor["lat"]), (east, anchor["lat"]), (anchor["lon"], south), (anchor["lon"], north)):
        *_, metres = geod.inv(anchor["lon"], anchor["lat"], lon, lat)
        assert radius * 0.95 < metres / 1000 < radius * 1.05, (lon, lat)


@needs_reference
def test_file_is_what_the_script_writes():
    from scripts.derive_deportation_origins import features

    assert read(OUT) == json.loads(json.dumps(features()))

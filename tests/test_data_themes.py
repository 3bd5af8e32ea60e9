"""The hand-entered themes: industrialization and forced-labour construction, the Terror abroad,
resistance and uprisings, turning points (`facts/construction.yaml`, `terror_abroad.yaml`,
`resistance.yaml`, `politics.yaml`), as built into `events.geojson`."""

from __future__ import annotations

import csv
import re

import pytest

from data_files import fact_events, features
from gazetteer import distance_km, distance_to_named_place

from dashboard import dates
from dashboard.validation import check_document
from scripts.common import REFERENCE

THEMES = ("construction", "terror_abroad", "resistance", "politics")

CAMPS_CSV = REFERENCE / "gulag_camps" / "camps.csv"
PREFIXES = {"construction": "construction-", "terror_abroad": "abroad-", "resistance": "resistance-", "politics": "politics-"}
MINIMUM = {"construction": 15, "terror_abroad": 8, "resistance": 8, "politics": 12}
CAMP_ID = re.compile(r"^camp-(\d+)-0$")
MAX_KM = 50

# Points whose place GeoNames (cities of 1,000+) does not know, and the nearby town checked instead.
NOT_IN_GEONAMES = {"resistance-ust-usa-uprising": ("Ust-Usa", "Usinsk")}

EVENTS = [event for theme in THEMES for event in fact_events(theme)]
POINTS = [e for e in EVENTS if "point" in e["geometry"]]
LINES = [e for e in EVENTS if "route" in e["geometry"]]


def all_features() -> list[dict]:
    return features(*THEMES)


@pytest.mark.parametrize("category", THEMES)
def test_each_theme_has_its_id_prefix(category):
    for feature in features(category):
        assert feature["properties"]["id"].startswith(PREFIXES[category]), feature["properties"]["id"]


@pytest.mark.parametrize("category", THEMES)
def test_enough_events(category):
    assert len(features(category)) >= MINIMUM[category]


def test_every_feature_validates_and_links_resolve_within_the_themes_or_to_camps():
    checked = check_document({"type": "FeatureCollection", "features": all_features()}, "themes")
    assert len(checked.features) == len(all_features())
    for problem in checked.problems:
        # The only problem allowed: a link to a Gulag camp feature, which lives in another file.
        match = re.search(r"'([a-z0-9-]+)' is not the id of any event", problem.message)
        assert match and CAMP_ID.match(match.group(1)), str(problem)


def related_camp_ids() -> set[str]:
    return {m.group(1) for f in all_features() for r in f["properties"].get("related", []) if (m := CAMP_ID.match(r))}


def test_forced_labour_routes_link_their_camps():
    routes = [e for e in LINES if e.get("subcategory") == "Forced-labour project"]
    assert len(routes) >= 6
    for event in routes:
        assert any(CAMP_ID.match(r) for r in event.get("related", [])), event["id"]


@pytest.mark.skipif(not CAMPS_CSV.exists(), reason="reference data (/work/shared/reference) not available")
def test_camp_links_name_camps_of_the_reference_data():
    with CAMPS_CSV.open(encoding="utf-8") as rows:
        camps = {row["camp_id"]: row for row in csv.DictReader(rows)}
    linked = related_camp_ids()
    assert linked, "no camp links"
    assert linked <= set(camps), sorted(linked - set(camps))
    # The construction projects link camps whose work the reference data gives as construction
    # (or, for Kolyma, the mining trust's camp that also built its road), mining (Norilsk) or the
    # fuel industry (the Ukhta oil field).
    expected_activity = {"Hydrosystem construction", "Railroad construction", "Highway construction", "Mining industry",
                         "Fuel industry"}
    for event in fact_events("construction"):
        for link in event.get("related", []):
            if m := CAMP_ID.match(link):
                assert camps[m.group(1)]["activity"] in expected_activity, (event["id"], camps[m.group(1)])


@pytest.mark.parametrize("event", POINTS, ids=lambda e: e["id"])
def test_point_lies_within_50_km_of_the_place_it_names(event):
    point = event["geometry"]["point"]
    name = event["place"]["name"]
    countries = event["place"]["countries"]
    checked = point.get("gazetteer", name)
    if event["id"] in NOT_IN_GEONAMES:
        assert NOT_IN_GEONAMES[event["id"]] == (name, checked)
        assert distance_to_named_place(name, point["lat"], point["lon"], countries) is None
    else:
        assert checked == name, "a point is checked against its place's own name when GeoNames has it"
    distance = distance_to_named_place(checked, point["lat"], point["lon"], countries)
    assert distance is not None, f"GeoNames has no {checked!r} in {countries}"
    assert distance <= MAX_KM, f"{distance:.0f} km from {checked}"


@pytest.mark.parametrize("event", LINES, ids=lambda e: e["id"])
def test_every_waypoint_lies_within_50_km_of_the_town_it_names(event):
    waypoints = event["geometry"]["route"]
    assert len(waypoints) >= 2
    for waypoint in waypoints:
        distance = distance_to_named_place(waypoint["place"], waypoint["lat"], waypoint["lon"], event["place"]["countries"])
        assert distance is not None, f"GeoNames has no {waypoint['place']!r}"
        assert distance <= MAX_KM, f"{waypoint['place']}: {distance:.0f} km"


def test_routes_are_lines_and_events_abroad_and_turning_points_are_points():
    for feature in all_features():
        props, kind = feature["properties"], feature["geometry"]["type"]
        if props["category"] in ("politics", "terror_abroad", "resistance"):
            assert kind == "Point", props["id"]
    kinds = {f["properties"]["id"]: f["geometry"]["type"] for f in features("construction")}
    for route in ("white-sea-baltic-canal", "moscow-volga-canal", "bam-tynda", "kolyma-highway",
                  "salekhard-igarka-railway", "volga-don-canal", "turksib"):
        assert kinds[f"construction-{route}"] == "LineString"


def test_region_markers_say_so():
    # A point standing for a whole country or region must not claim to be a settlement.
    for event in EVENTS:
        description = event["description"]["en"]
        if "not a place of fighting" in description or "not one place" in description:
            assert event["location_precision"] == "region", event["id"]


# The turning points the atlas must show, with their dates.
TURNING_POINTS = {
    "politics-stalin-general-secretary": ("1922-04-03", None),
    "politics-lenin-death": ("1924-01-21", None),
    "politics-trotsky-expelled-from-party": ("1927-11-14", None),  # the joint CC and CCC session
    "politics-trotsky-deported": ("1929-02-12", None),
    "politics-kirov-murder": ("1934-12-01", None),
    "politics-constitution-1936": ("1936-12-05", None),
    "politics-nazi-soviet-pact": ("1939-08-23", None),
    "politics-german-invasion": ("1941-06-22", None),
    "politics-tehran-conference": ("1943-11-28", "1943-12-01"),
    "politics-yalta-conference": ("1945-02-04", "1945-02-11"),
    "politics-victory-parade": ("1945-06-24", None),
    "politics-potsdam-conference": ("1945-07-17", "1945-08-02"),
    "politics-stalin-death": ("1953-03-05", None),
    "politics-secret-speech": ("1956-02-25", None),
}


def test_turning_points_are_present_with_their_dates():
    politics = {f["properties"]["id"]: f["properties"] for f in features("politics")}
    for event_id, (start, end) in TURNING_POINTS.items():
        assert event_id in politics, event_id
        assert (politics[event_id]["start"], politics[event_id].get("end")) == (start, end), event_id


def test_stalin_died_at_the_kuntsevo_dacha_not_in_the_town_of_kuntsevo():
    """The dacha stands at 55.7244 N, 37.4856 E (Wikipedia, "Stalin's Dacha"); GeoNames's Kuntsevo,
    where the point once was, is the old town's centre, 5 km west."""
    death = next(f for f in features("politics") if f["properties"]["id"] == "politics-stalin-death")
    lon, lat = death["geometry"]["coordinates"]
    assert distance_km(lat, lon, 55.7244, 37.4856) < 0.5
    assert distance_to_named_place("Kuntsevo", lat, lon, ["RU"]) > 4
    assert death["properties"]["location_precision"] == "exact"


def test_politics_events_are_dated_to_the_day():
    for feature in features("politics"):
        props = feature["properties"]
        assert props["date_precision"] == "day", props["id"]
        assert dates.granularity(props["start"]) == "day"
        assert props.get("end") is None or dates.granularity(props["end"]) == "day"


def test_dates_lie_in_the_stalin_era():
    for feature in all_features():
        props = feature["properties"]
        assert dates.first_day(props["start"]).year >= 1922
        assert dates.last_day(props.get("end") or props["start"]).year <= 1956


def test_no_figures_without_sources_and_every_event_cites_a_work():
    for feature in all_features():
        props = feature["properties"]
        assert props["sources"], props["id"]
        for figure in props.get("figures", []):
            assert figure["sources"], props["id"]

"""The Red Army's strategic operations (`facts/battles.yaml`, drawn as areas), as built into
`events.geojson`: where they are drawn, what they count and how the battles fought inside them
link to them."""

from __future__ import annotations

import math

import pytest
from data_files import fact_events, features
from gazetteer import distance_to_named_place
from shapely.geometry import Point, shape

from dashboard import dates
from scripts.derive_areas import sketched_outline
from scripts.derive_battles import reading

OPERATIONS = [entry for entry in fact_events("battles") if "area" in entry.get("geometry", {})]
SOVIET_LOSSES = ("irrecoverable losses", "sanitary losses", "total losses", "Soviet deaths")
MAX_KM = 50  # a town named by an outline lies this close to its GeoNames namesake


def built() -> dict[str, dict]:
    return {f["properties"]["id"]: f for f in features("battle")}


def km_outside(area, lon: float, lat: float) -> float:
    """Roughly how far (km) a point lies outside an area; 0 inside."""
    return area.distance(Point(lon, lat)) * 111 * math.cos(math.radians(lat))


def test_the_operations_are_entered():
    assert len(OPERATIONS) >= 25
    ids = {entry["id"] for entry in OPERATIONS}
    assert {"battle-belorussian-offensive-operation-1944", "battle-vistula-oder-offensive-operation-1945",
            "battle-manchurian-offensive-operation-1945", "battle-winter-war-1939"} <= ids


@pytest.mark.parametrize("entry", OPERATIONS, ids=lambda e: e["id"])
def test_an_operation_is_an_approximate_area_dated_to_the_day_within_its_war(entry):
    feature = built()[entry["id"]]
    props = feature["properties"]
    assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert props["location_precision"] == "approximate" and props["date_precision"] == "day"
    first, last = (dates.first_day(day) for day in reading()["wars"][props["subcategory"]])
    assert first <= dates.first_day(props["start"]) <= dates.last_day(props["end"]) <= last


@pytest.mark.parametrize("entry", OPERATIONS, ids=lambda e: e["id"])
def test_every_town_of_an_outline_is_its_geonames_namesake_and_lies_in_the_area_drawn(entry):
    area_spec = entry["geometry"]["area"]
    assert area_spec["drawn_by"] == "sketched_outline" and len(area_spec["places"]) >= 2
    area = shape(built()[entry["id"]]["geometry"])
    for town in area_spec["places"]:
        distance = distance_to_named_place(town["place"], town["lat"], town["lon"], entry["place"]["countries"])
        assert distance is not None and distance <= MAX_KM, (town["place"], distance)
        assert km_outside(area, town["lon"], town["lat"]) <= 10, town["place"]  # coastal towns: clipped to land


@pytest.mark.parametrize("entry", OPERATIONS, ids=lambda e: e["id"])
def test_soviet_losses_are_given_with_the_page_read(entry):
    props = built()[entry["id"]]["properties"]
    soviet = [f for f in props["figures"] if f["measure"] in SOVIET_LOSSES]
    assert soviet, "an operation gives the Soviet losses"
    cited = [{k: v for k, v in s.items() if k != "pages"} for s in props["sources"]]
    for figure in props["figures"]:
        for source in figure["sources"]:
            assert source.get("url"), "a figure cites the page that was read"
            assert {k: v for k, v in source.items() if k not in ("supports", "pages")} in cited
    by_measure = {}
    for figure in soviet:
        by_measure.setdefault(figure["measure"], []).append(figure["low"])
    if "irrecoverable losses" in by_measure and "sanitary losses" in by_measure:
        assert len(by_measure["irrecoverable losses"]) == len(by_measure["sanitary losses"])


def test_no_soviet_loss_figure_is_counted_twice():
    """An operation and a battle (or two operations) never give the same Soviet losses: the
    Kursk total and its parts, or Berlin as a battle and as an operation, would be counted twice."""
    seen = {}
    for feature in features("battle"):
        props = feature["properties"]
        counts = soviet_counts(props.get("figures", []))
        for count in counts:
            assert count not in seen, (props["id"], seen.get(count), count)
            seen[count] = props["id"]


def soviet_counts(figures: list[dict]) -> set[int]:
    """The Soviet losses an event gives in Krivosheev's terms: irrecoverable, and irrecoverable with
    sanitary (the battles' older amendments call them "losses" and "casualties")."""
    krivosheev = [f for f in figures if f["measure"] in SOVIET_LOSSES
                  or any(s["key"] == "krivosheev1997" for s in f["sources"])]
    counts = {f["low"] for f in krivosheev if f["measure"] != "sanitary losses"}
    irrecoverable = [f["low"] for f in krivosheev if f["measure"] == "irrecoverable losses"]
    sanitary = [f["low"] for f in krivosheev if f["measure"] == "sanitary losses"]
    if len(irrecoverable) == len(sanitary) == 1:
        counts.add(irrecoverable[0] + sanitary[0])
    return counts


@pytest.mark.parametrize("entry", OPERATIONS, ids=lambda e: e["id"])
def test_the_battles_inside_an_operation_link_back_lie_near_it_and_carry_none_of_its_figures(entry):
    events = built()
    area = shape(events[entry["id"]]["geometry"])
    start, end = dates.first_day(entry["start"]), dates.last_day(entry["end"])
    for battle_id in entry.get("related", []):
        battle = events[battle_id]["properties"]
        assert entry["id"] in battle.get("related", []) or battle_id == "battle-siege-of-leningrad-1941", battle_id
        lon, lat = events[battle_id]["geometry"]["coordinates"]
        assert km_outside(area, lon, lat) <= 100, battle_id
        assert dates.first_day(battle["start"]) <= end and start <= dates.last_day(battle.get("end") or battle["start"])
        assert not any(s["key"] == "krivosheev1997" for f in battle.get("figures", []) for s in f["sources"]), battle_id


def test_an_outline_that_misses_its_towns_or_crosses_itself_is_refused():
    square = [[0, 0], [2, 0], [2, 2], [0, 2]]
    with pytest.raises(ValueError, match="leaves out Faraway"):
        sketched_outline(square, [{"place": "Inside", "lon": 1, "lat": 1}, {"place": "Faraway", "lon": 5, "lat": 5}])
    with pytest.raises(ValueError, match="not a valid polygon"):
        sketched_outline([[0, 0], [2, 2], [2, 0], [0, 2]], [])

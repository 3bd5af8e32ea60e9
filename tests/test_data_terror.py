"""The hand-entered places of the Terror (`facts/terror.yaml`), as built into `events.geojson`."""

from __future__ import annotations

import re

import pytest

from dashboard import dates
from dashboard.bibliography import citations
from dashboard.validation import check_document

from data_files import features as features_of
from gazetteer import distance_to_named_place


def features() -> list[dict]:
    return features_of("terror")


def by_id() -> dict[str, dict]:
    return {feature["properties"]["id"]: feature for feature in features()}


def test_every_feature_validates():
    checked = check_document({"type": "FeatureCollection", "features": features()}, "terror")
    assert [str(problem) for problem in checked.problems] == []
    assert len(checked.features) == len(features())


def test_ids_category_and_sources():
    known = citations()
    for feature in features():
        p = feature["properties"]
        assert re.fullmatch(r"terror-[a-z0-9-]+", p["id"]), p["id"]
        assert p["category"] == "terror"
        cited = [s["key"] for s in p["sources"]] + [s["key"] for f in p.get("figures", []) for s in f["sources"]]
        assert cited and set(cited) <= set(known), p["id"]
        for figure in p.get("figures", []):  # every number carries its own source
            assert figure["sources"], p["id"]


@pytest.mark.parametrize("feature", features(), ids=lambda f: f["properties"]["id"])
def test_point_lies_within_50_km_of_the_geonames_place_it_names(feature):
    p = feature["properties"]
    assert feature["geometry"]["type"] == "Point"
    lon, lat = feature["geometry"]["coordinates"]
    km = distance_to_named_place(p["place"]["name"], lat, lon, p["place"]["countries"])
    assert km is not None, f"{p['place']['name']!r} is not in the GeoNames gazetteer"
    assert km <= 50, f"{p['id']} is {km:.0f} km from {p['place']['name']}"


def test_the_file_covers_sites_trials_and_mass_operations():
    subs = [f["properties"].get("subcategory", "") for f in features()]
    sites = [s for s in subs if s in ("Execution and burial site", "Execution site")]
    trials_and_turns = [s for s in subs if "trial" in s.lower() or s in ("Turning point", "Decision", "Purge", "Fabricated case")]
    operations = [s for s in subs if s == "Mass operation"]
    # The issue asks for at least 15, each from a work certain to cover it.
    assert len(sites) >= 15
    assert len(trials_and_turns) >= 10
    assert len(operations) >= 4


def test_mass_operations_are_approximate_points_at_moscow_covering_the_country():
    for feature in features():
        p = feature["properties"]
        if p.get("subcategory") in ("Mass operation", "Mass repression"):
            assert p["place"]["name"] == "Moscow" and p["location_precision"] == "approximate", p["id"]
            assert "whole" in p["description"], p["id"]


def test_katyn_sites_cite_cienciala_and_add_up_to_the_shelepin_total():
    events = by_id()
    katyn = [f for f in features() if f["properties"].get("group") == "katyn-1940"]
    assert len(katyn) >= 4
    assert all("cienciala2007" in {s["key"] for s in f["properties"]["sources"]} for f in katyn)
    per_site = sum(
        events[site]["properties"]["figures"][0]["low"]
        for site in ("terror-katyn-forest", "terror-mednoye", "terror-kharkiv-piatykhatky")
    )
    total = events["terror-katyn-decision-1940"]["properties"]["figures"][0]["low"]
    assert per_site + 7305 == total == 21857


def test_moscow_trial_dates_are_in_order_and_days():
    trials = ["terror-first-moscow-trial", "terror-second-moscow-trial", "terror-third-moscow-trial"]
    events = by_id()
    spans = [(dates.first_day(events[t]["properties"]["start"]), dates.last_day(events[t]["properties"]["end"]))
             for t in trials]
    assert all(start <= end for start, end in spans)
    assert spans == sorted(spans)
    assert all(events[t]["properties"]["date_precision"] == "day" for t in trials)


@pytest.mark.parametrize(
    "city, countries",
    [("Moscow", ["RU"]), ("Saint Petersburg", ["RU"]), ("Kyiv", ["UA"]), ("Minsk", ["BY"]), ("Medvezh'yegorsk", ["RU"])],
)
def test_the_killing_grounds_of_the_great_cities_and_karelia_are_on_the_map(city, countries):
    sites = [f for f in features() if f["properties"].get("subcategory") == "Execution and burial site"]
    distances = [
        distance_to_named_place(city, f["geometry"]["coordinates"][1], f["geometry"]["coordinates"][0], countries)
        for f in sites
    ]
    assert min(km for km in distances if km is not None) <= 60, f"no burial ground near {city}"


def test_levashovo_spans_the_years_its_sources_give():
    """The Leningrad NKVD and its successors buried the shot there from September 1937 to the
    mid-1950s, not in 1937-1938 only; Memorial's site counts at least 19,000 buried."""
    props = by_id()["terror-levashovo"]["properties"]
    assert (props["start"], props["end"]) == ("1937-09", "1954")
    assert dates.last_day(props["end"]).year >= 1954
    [buried] = props["figures"]
    assert (buried["measure"], buried["low"]) == ("buried", 19000)
    assert [s.get("url") for s in buried["sources"]] == ["https://lev.mapofmemory.org/"]


def test_no_event_of_the_terror_repeats_an_event_of_another_theme():
    """The murder of Kirov was once both a Terror event and a turning point: one event, one marker."""
    others = {(f["properties"]["name"].casefold(), f["properties"]["start"])
              for f in features_of("politics", "resistance", "terror_abroad", "construction", "battle", "deportation")}
    for feature in features():
        props = feature["properties"]
        assert (props["name"].casefold(), props["start"]) not in others, props["id"]
    assert not any("kirov" in f["properties"]["id"] for f in features())

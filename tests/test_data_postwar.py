"""The events of issue 17's second part, as built into `events.geojson`: the years after 1945
and the laws, orders and camps that were missing. Each is there, dated, and cited to a page
that says it; the one drawn as a sketched area (the Soviet zone of Austria) has the size of
the lands it stands for."""

from __future__ import annotations

import pyproj
import pytest
import shapely
from data_files import features
from shapely.geometry import shape

from dashboard import dates
from scripts.common import REFERENCE

needs_reference = pytest.mark.skipif(not (REFERENCE / "borders").exists(), reason="reference data not available")

# id: (theme, first day, last day) as the sources give them
EVENTS = {
    "bloc-warsaw-pact-1955": ("bloc_expansion", "1955-05-14", "1955-05-14"),
    "bloc-sino-soviet-treaty-1950": ("bloc_expansion", "1950-02-14", "1950-02-14"),
    "bloc-korean-war-1950": ("bloc_expansion", "1950-06-25", "1953-07-27"),
    "bloc-iran-crisis-1946": ("bloc_expansion", "1945-12-01", "1946-05-31"),
    "bloc-soviet-zone-austria-1945": ("bloc_expansion", "1945-07-04", "1955-07-27"),
    "politics-fall-of-beria-1953": ("politics", "1953-06-26", "1953-12-23"),
    "politics-first-soviet-atomic-test-1949": ("politics", "1949-08-29", "1949-08-29"),
    "politics-collectivization-decree-1930": ("politics", "1930-01-05", "1930-01-05"),
    "terror-dekulakization-resolution-1930": ("terror", "1930-01-30", "1930-01-30"),
    "terror-law-of-7-august-1932": ("terror", "1932-08-07", "1932-08-07"),
    "terror-internal-passports-1932": ("terror", "1932-12-01", "1932-12-31"),
    "terror-order-270-1941": ("terror", "1941-08-16", "1941-08-16"),
    "terror-order-227-1942": ("terror", "1942-07-28", "1942-07-28"),
    "terror-filtration-camps": ("terror", "1941-12-28", "1946-12-31"),
    "terror-gupvi-prisoner-of-war-camps": ("terror", "1941-01-01", "1956-12-31"),
    "terror-mikhoels-murder": ("terror", "1948-01-12", "1948-01-12"),
    "terror-jewish-anti-fascist-committee-1952": ("terror", "1952-08-12", "1952-08-12"),
    "abroad-nkvd-special-camps-germany": ("terror_abroad", "1945-01-01", "1950-12-31"),
    "abroad-sachsenhausen-special-camp": ("terror_abroad", "1945-01-01", "1950-12-31"),
    "abroad-rajk-trial": ("terror_abroad", "1949-05-19", "1949-10-15"),
    "abroad-kostov-trial": ("terror_abroad", "1949-12-07", "1949-12-16"),
    "abroad-slansky-trial": ("terror_abroad", "1952-11-20", "1952-12-03"),
    "abroad-konovalets-murder": ("terror_abroad", "1938-05-23", "1938-05-23"),
    "abroad-wallenberg-detention": ("terror_abroad", "1945-01-17", "1945-01-17"),
    "deportation-germans-for-labour-1944-1945": ("deportation", "1944-11-24", "1945-02-02"),
    "deportation-polish-population-transfer-1944-1946": ("deportation", "1944-01-01", "1946-12-31"),
}
# works cited without a page: books and document editions, each certain to cover its event
BOOKS = {"applebaum2003", "applebaum2012", "polian2004", "naturalearth"}


def built() -> dict[str, dict]:
    return {f["properties"]["id"]: f for f in features(*{theme for theme, _, _ in EVENTS.values()})}


@pytest.mark.parametrize("event_id", EVENTS)
def test_each_event_is_there_in_its_theme_with_the_dates_its_sources_give(event_id):
    theme, first, last = EVENTS[event_id]
    props = built()[event_id]["properties"]
    assert props["category"] == theme
    span = (dates.first_day(props["start"]).isoformat(), dates.last_day(props.get("end") or props["start"]).isoformat())
    assert span == (first, last)


@pytest.mark.parametrize("event_id", EVENTS)
def test_each_event_cites_a_page_that_says_it(event_id):
    props = built()[event_id]["properties"]
    cited = [*props["sources"], *(s for figure in props.get("figures", []) for s in figure["sources"])]
    assert any(source.get("url", "").startswith("http") for source in props["sources"]), event_id
    for source in cited:
        assert source.get("url") or source["key"] in BOOKS, (event_id, source)


def test_the_internment_of_german_civilians_adds_up_to_its_parts():
    """Polian's total as Pohl gives it: 69,332 + 31,923 + 10,935 from Romania, Hungary and
    Yugoslavia, and a couple of hundred from Czechoslovakia and Bulgaria; men and women."""
    props = built()["deportation-germans-for-labour-1944-1945"]["properties"]
    [deported] = props["figures"]
    assert deported["low"] == deported["high"] == 112480 == 61375 + 51105
    assert 0 < 112480 - (69332 + 31923 + 10935) < 300
    assert "Polian" in deported["sources"][0]["quoting"]


def test_a_death_range_gives_each_end_its_work():
    """German prisoners dead in Soviet captivity: the Soviet records (low) and Overmans (high)."""
    [deaths] = built()["terror-gupvi-prisoner-of-war-camps"]["properties"]["figures"]
    ends = {source["supports"]: source["quoting"] for source in deaths["sources"]}
    assert (deaths["low"], deaths["high"]) == (381067, 1000000)
    assert "Krivosheev" in ends["low"] and "Overmans" in ends["high"]


def test_the_soviet_zone_of_austria_has_the_size_of_its_lands():
    """Lower Austria (19,186 km²), Burgenland (3,965), the Mühlviertel (about 3,100) and Vienna
    (415): about 26,700 km², drawn within 15%."""
    feature = built()["bloc-soviet-zone-austria-1945"]
    area = shape(feature["geometry"])
    equal_area = pyproj.Transformer.from_crs("EPSG:4326", "EPSG:3035", always_xy=True).transform
    km2 = shapely.transform(area, equal_area, interleaved=False).area / 1e6
    assert abs(km2 - 26700) / 26700 < 0.15, km2
    assert feature["properties"]["location_precision"] == "approximate"


@needs_reference
def test_a_sketched_outline_refuses_a_country_natural_earth_does_not_have():
    from scripts.derive_areas import sketched_outline

    square = [[16, 48], [17, 48], [17, 49], [16, 49]]
    with pytest.raises(ValueError, match="not a country"):
        sketched_outline(square, [{"place": "Vienna", "lon": 16.37, "lat": 48.21}], within="Ruritania")
    inside = shape(sketched_outline(square, [{"place": "Vienna", "lon": 16.37, "lat": 48.21}], within="Austria"))
    assert inside.bounds[0] >= 16 and inside.bounds[3] <= 49.0 and inside.area < 1

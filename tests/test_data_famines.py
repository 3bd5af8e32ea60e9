"""The famine regions (`facts/famines.yaml`, as built into `events.geojson`): valid, light enough
for the web, drawn where the famines were and within the USSR of their time.

Tests that read /work/shared/reference skip when it is absent (users' clones do not have it).
"""

from __future__ import annotations

import re

import pytest
from data_files import fact_events
from data_files import features as features_of
from shapely.geometry import Point, shape

from dashboard import dates
from dashboard.validation import check_document
from scripts.common import REFERENCE

BORDERS = REFERENCE / "borders"
needs_reference = pytest.mark.skipif(not BORDERS.exists(), reason="reference data not available")


def features() -> list[dict]:
    return features_of("famine")


def by_id() -> dict[str, dict]:
    return {feature["properties"]["id"]: feature for feature in features()}


def vertices(geometry) -> int:
    polygons = getattr(geometry, "geoms", [geometry])
    return sum(len(p.exterior.coords) + sum(len(r.coords) for r in p.interiors) for p in polygons)


def test_every_feature_validates():
    checked = check_document({"type": "FeatureCollection", "features": features()}, "famines")
    assert [str(problem) for problem in checked.problems] == []
    assert len(checked.features) == len(features()) >= 6


def test_polygons_are_valid_and_light():
    for feature in features():
        geometry = shape(feature["geometry"])
        assert geometry.geom_type in ("Polygon", "MultiPolygon")
        assert geometry.is_valid, feature["properties"]["id"]
        assert vertices(geometry) <= 300, feature["properties"]["id"]
        assert geometry.area > 1  # square degrees: a region, not a dot


def test_ids_categories_and_precision():
    for feature in features():
        props = feature["properties"]
        assert props["id"].startswith("famine-")
        assert props["category"] == "famine"
        assert props["location_precision"] in ("region", "approximate")


# Towns that must lie inside (True) or outside (False) each famine region, (lon, lat).
KYIV, KHARKIV, ODESA, TIRASPOL = (30.52, 50.45), (36.25, 49.98), (30.73, 46.48), (29.63, 46.84)
LVIV, SIMFEROPOL, CHISINAU = (24.02, 49.84), (34.11, 44.96), (28.86, 47.01)
KRASNODAR, STAVROPOL, ROSTOV, TBILISI = (38.98, 45.04), (41.97, 45.04), (39.71, 47.22), (44.83, 41.69)
SARATOV, SAMARA, VOLGOGRAD, MOSCOW = (46.03, 51.53), (50.15, 53.20), (44.50, 48.71), (37.62, 55.75)
NOVOSIBIRSK, OMSK, BARNAUL, TOMSK = (82.93, 55.04), (73.37, 54.99), (83.76, 53.36), (84.97, 56.50)
ALMATY, KARAGANDA, TASHKENT = (76.93, 43.26), (73.10, 49.80), (69.22, 41.26)

WHERE = {
    "famine-ukraine-1932-1933": ([KYIV, KHARKIV, ODESA, TIRASPOL], [LVIV, SIMFEROPOL, CHISINAU, ROSTOV]),
    "famine-kazakhstan-1930-1933": ([ALMATY, KARAGANDA], [TASHKENT, OMSK]),
    "famine-north-caucasus-1932-1933": ([KRASNODAR, STAVROPOL, ROSTOV], [TBILISI, KHARKIV, SARATOV]),
    "famine-volga-1932-1933": ([SARATOV, SAMARA, VOLGOGRAD], [MOSCOW, KRASNODAR, KARAGANDA]),
    "famine-western-siberia-1932-1933": ([NOVOSIBIRSK, OMSK, BARNAUL, TOMSK], [KARAGANDA, ALMATY]),
    "famine-1946-1947": ([CHISINAU, ODESA, KYIV], [SIMFEROPOL, MOSCOW]),
    "famine-volga-german-asrr-1932-1934": ([SARATOV, (46.11, 51.48)], [SAMARA, VOLGOGRAD]),  # (46.11, 51.48): Engels
}


DNIPRO, VINNYTSIA, CHERNIHIV, DONETSK = (35.05, 48.46), (28.47, 49.23), (31.29, 51.50), (37.80, 48.02)
OBLAST_GROUPS = "famine-ukraine-oblasts-{}-1932-1934"
WHERE.update({
    OBLAST_GROUPS.format("kyiv-kharkiv"): ([KYIV, KHARKIV], [ODESA, CHERNIHIV, DONETSK, SIMFEROPOL]),
    OBLAST_GROUPS.format("vinnytsia-dnipropetrovsk-odesa"): ([ODESA, VINNYTSIA, DNIPRO], [KYIV, CHISINAU, TIRASPOL]),
    OBLAST_GROUPS.format("chernihiv-donetsk"): ([CHERNIHIV, DONETSK], [KHARKIV, ROSTOV]),
})


def test_the_oblast_groups_shade_ukraine_by_their_losses():
    """The choropleth: within the Holodomor region, darker where more died per 1,000 inhabitants."""
    ukraine = shape(by_id()["famine-ukraine-1932-1933"]["geometry"])
    groups = [f for f in features() if f["properties"].get("group") == "holodomor-oblasts-1932-1934"]
    assert len(groups) == 3
    for feature in groups:
        geometry = shape(feature["geometry"])
        assert geometry.difference(ukraine.buffer(0.05)).area < 0.01 * geometry.area
        (rate,) = [f for f in feature["properties"]["figures"] if f["unit"] == "per 1,000 inhabitants"]
        assert rate["sources"]
    rates = [f["properties"]["figures"][0]["low"] for f in groups]
    assert len(set(rates)) == 3


def gives_deaths(props: dict) -> bool:
    return any("deaths" in figure["measure"] and figure["unit"] == "people" for figure in props.get("figures", []))


def test_every_famine_region_of_the_issue_gives_its_deaths():
    """Excess deaths (or deaths) for each famine, except Western Siberia, for which no estimate
    that could be cited was found; the Holodomor's oblast groups give a rate instead. The Volga
    famine's only estimate is for one part of it, drawn apart and linked."""
    for feature in features():
        props = feature["properties"]
        if props["id"] == "famine-western-siberia-1932-1933" or props.get("group"):
            continue
        parts = [by_id()[other]["properties"] for other in props.get("related", []) if other in by_id()]
        assert gives_deaths(props) or any(gives_deaths(part) for part in parts), props["id"]


def test_the_volga_german_figure_is_on_the_republic_not_on_the_whole_volga():
    """120,000 excess deaths were counted for the Volga German ASSR alone: shown on the whole
    Volga famine's region, they would read as the toll of the Lower and Middle Volga."""
    volga, republic = by_id()["famine-volga-1932-1933"], by_id()["famine-volga-german-asrr-1932-1934"]
    assert not gives_deaths(volga["properties"])
    assert [(f["low"], f["high"]) for f in republic["properties"]["figures"]] == [(120000, 120000)]
    region, part = shape(volga["geometry"]), shape(republic["geometry"])
    assert part.difference(region.buffer(0.05)).area < 0.02 * part.area  # drawn within the Volga famine
    assert part.area < 0.1 * region.area


def test_holodomor_oblast_counts_are_given_for_each_oblast_not_for_the_group():
    """"More than a million in each of Kyiv and Kharkiv" is two figures, one an oblast; stored as
    one figure on a two-oblast region it would read as the group's total."""
    groups = {entry["id"]: entry for entry in fact_events("famines") if entry.get("group") == "holodomor-oblasts-1932-1934"}
    assert len(groups) == 3
    for event_id, entry in groups.items():
        oblasts = set(entry["geometry"]["area"]["oblasts"])
        counts = [f for f in by_id()[event_id]["properties"]["figures"] if f["unit"] == "people"]
        named = [re.fullmatch(r"excess deaths in the (\w+) oblast", f["measure"]) for f in counts]
        assert all(named), [f["measure"] for f in counts]
        names = [m.group(1) for m in named]
        assert len(names) == len(set(names)) and set(names) <= oblasts, (event_id, names)
    kyiv_kharkiv = groups["famine-ukraine-oblasts-kyiv-kharkiv-1932-1934"]
    assert len([f for f in kyiv_kharkiv["figures"] if f["unit"] == "people"]) == 2


def test_a_figure_covering_several_years_is_not_tagged_with_one():
    """The Holodomor's losses per 1,000 cover 1932-1934; tagged 1933 they would be read as one year's."""
    for feature in features():
        for figure in feature["properties"].get("figures", []):
            if re.search(r"\b19\d\d-(19)?\d\d\b", figure.get("note", "")):
                assert figure.get("year") is None, (feature["properties"]["id"], figure["measure"])


@pytest.mark.parametrize("famine_id", sorted(WHERE))
def test_region_covers_the_right_places(famine_id):
    geometry = shape(by_id()[famine_id]["geometry"])
    inside, outside = WHERE[famine_id]
    for lon, lat in inside:
        assert geometry.contains(Point(lon, lat)), (famine_id, lon, lat)
    for lon, lat in outside:
        assert not geometry.contains(Point(lon, lat)), (famine_id, lon, lat)


def test_famine_regions_of_1932_do_not_overlap():
    """The regions of 1932-1933 are apart; the Holodomor's oblast groups are drawn on Ukraine, apart from
    each other, and the Volga German ASSR on the Volga famine: a part on the region it is linked to."""
    regions = {k: shape(v["geometry"]) for k, v in by_id().items() if k not in ("famine-1946-1947", "famine-ukraine-1932-1933")}
    linked = {frozenset((k, other)) for k, v in by_id().items() for other in v["properties"].get("related", [])}
    keys = sorted(regions)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if frozenset((a, b)) in linked:
                continue
            overlap = regions[a].intersection(regions[b]).area
            assert overlap < 0.01 * min(regions[a].area, regions[b].area), (a, b, overlap)


def ussr(year: int):
    import geopandas as gpd
    from shapely import make_valid
    from shapely.ops import unary_union

    if year < 1938:
        world = gpd.read_file(BORDERS / "world_1930.geojson")
        names = ["USSR", "Ukraine", "White Russia", "Georgia", "Armenia", "Azerbaijan"]
    elif year < 1945:
        world, names = gpd.read_file(BORDERS / "world_1938.geojson"), ["USSR", "Armenia"]
    else:
        world, names = gpd.read_file(BORDERS / "world_1945.geojson"), ["USSR"]
    return make_valid(unary_union(list(world[world["NAME"].isin(names)].geometry)))


@needs_reference
def test_each_famine_lies_within_the_ussr_of_its_time():
    for feature in features():
        props = feature["properties"]
        geometry = shape(feature["geometry"])
        country = ussr(dates.first_day(props["start"]).year)
        outside = geometry.difference(country.buffer(0.05)).area
        # simplification and the difference between Natural Earth's and Ourednik's coastlines leave
        # slivers; anything more would be a famine drawn abroad
        assert outside < 0.01 * geometry.area, (props["id"], outside / geometry.area)


def test_figures_are_sourced_ranges():
    for feature in features():
        for figure in feature["properties"].get("figures", []):
            assert 0 < figure["low"] <= figure["high"]
            assert figure["sources"]
            if figure["low"] != figure["high"]:
                ends = {source.get("supports", "both") for source in figure["sources"]}
                assert ends & {"low", "both"} and ends & {"high", "both"}


def test_holodomor_range_spans_the_estimates_it_cites():
    figures = by_id()["famine-ukraine-1932-1933"]["properties"]["figures"]
    deaths = next(f for f in figures if f["measure"] == "deaths")
    excess = next(f for f in figures if f["measure"] == "excess deaths")
    assert deaths["low"] <= excess["low"] <= deaths["high"]

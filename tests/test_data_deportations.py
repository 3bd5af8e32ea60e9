"""The deportation flows (`facts/deportations.yaml`, as built into `events.geojson`): valid, and
each line starting at the anchor town of its region of origin and ending at that of its region
of destination (`facts/geography/regions.yaml`), each anchor the GeoNames town it names.

Tests that read /work/shared/reference skip when it is absent (users' clones do not have it).
"""

from __future__ import annotations

import pytest
from data_files import fact_events, features as features_of
from gazetteer import distance_km, distance_to_named_place

from dashboard import dates
from dashboard.validation import check_document
from scripts import flows
from scripts.common import REFERENCE

COUNTRIES = REFERENCE / "borders" / "ne_50m_admin_0_countries.json"
needs_reference = pytest.mark.skipif(not COUNTRIES.exists(), reason="reference data not available")
OPERATIONS = fact_events("deportations")
REGIONS = flows.regions()
LEGS = {feature_id: legs for operation in OPERATIONS
        for feature_id, legs in flows.parts(operation["id"], operation["geometry"]["flows"], operation.get("shares"))}


def features() -> list[dict]:
    return features_of("deportation")


def legs_of(feature_id: str) -> list[tuple[str, str]]:
    return LEGS[feature_id]


def lines(feature: dict) -> list[list[list[float]]]:
    geometry = feature["geometry"]
    return [geometry["coordinates"]] if geometry["type"] == "LineString" else geometry["coordinates"]


def test_every_feature_validates():
    checked = check_document({"type": "FeatureCollection", "features": features()}, "deportations")
    assert [str(problem) for problem in checked.problems] == []
    assert len(checked.features) == len(features())


def test_every_operation_is_drawn_and_nothing_else():
    assert [f["properties"]["id"] for f in features()] == list(LEGS)


def test_at_least_thirty_operations_of_the_stalin_years():
    found = features()
    assert len(found) >= 30
    for feature in found:
        props = feature["properties"]
        assert props["category"] == "deportation"
        assert props["id"].startswith("deportation-")
        assert feature["geometry"]["type"] in ("LineString", "MultiLineString")
        assert 1930 <= dates.first_day(props["start"]).year <= dates.last_day(props.get("end") or props["start"]).year <= 1953


def test_the_operations_the_atlas_promises_are_there():
    ids = {feature["properties"]["id"] for feature in features()}
    for expected in (
        "deportation-dekulakization-1930-1931", "deportation-koreans-1937-kazakhstan",
        "deportation-koreans-1937-uzbekistan",
        "deportation-poland-1940-02", "deportation-poland-1940-04", "deportation-poland-1940-06",
        "deportation-poland-1941-05", "deportation-june-1941-estonia", "deportation-volga-germans-1941",
        "deportation-karachays-1943-kyrgyzstan", "deportation-kalmyks-1943", "deportation-chechens-ingush-1944",
        "deportation-balkars-1944", "deportation-crimean-tatars-1944", "deportation-meskhetian-turks-1944-uzbekistan",
        "deportation-zapad-1947", "deportation-vesna-1948", "deportation-priboi-1949-latvia",
        "deportation-yug-1949", "deportation-black-sea-greeks-1949", "deportation-sever-1951",
    ):
        assert expected in ids


def test_each_line_runs_from_its_origin_anchor_to_its_destination_anchor():
    for feature in features():
        legs = legs_of(feature["properties"]["id"])
        drawn = lines(feature)
        assert len(drawn) == len(legs), feature["properties"]["id"]
        for coordinates, (origin, destination) in zip(drawn, legs):
            assert len(coordinates) >= 2
            a, b = REGIONS[origin]["anchor"], REGIONS[destination]["anchor"]
            assert coordinates[0] == [round(a["lon"], 4), round(a["lat"], 4)]
            assert coordinates[-1] == [round(b["lon"], 4), round(b["lat"], 4)]
            # a flow is a real journey: the ends are apart, and the curve stays near the straight line
            length = distance_km(a["lat"], a["lon"], b["lat"], b["lon"])
            assert length > 150, (origin, destination)
            for lon, lat in coordinates:
                assert distance_km(lat, lon, a["lat"], a["lon"]) + distance_km(lat, lon, b["lat"], b["lon"]) < 1.3 * length


@pytest.mark.parametrize("key", sorted(REGIONS))
def test_region_anchor_is_the_named_town(key):
    town = REGIONS[key]["anchor"]
    distance = distance_to_named_place(town["town"], town["lat"], town["lon"], [town["country"]])
    assert distance is not None, f"{town['town']} not in GeoNames ({town['country']})"
    assert distance < 50, f"{key}: {distance:.0f} km from {town['town']}"


@needs_reference
def test_region_anchor_lies_inside_its_modern_country():
    import geopandas as gpd
    from shapely.geometry import Point

    countries = gpd.read_file(COUNTRIES)
    by_code = {code: geometry for code, geometry in zip(countries["ISO_A2"], countries.geometry)}
    outside = []
    for key, region in REGIONS.items():
        town = region["anchor"]
        point = Point(town["lon"], town["lat"])
        # Natural Earth draws Crimea inside Russia; the atlas gives its internationally recognised
        # country, Ukraine. Allow ~20 km of slack for coastal anchors.
        allowed = [town["country"]] + (["RU"] if key == "crimea" else [])
        if not any(by_code[code].buffer(0.2).contains(point) for code in allowed):
            outside.append(key)
    assert outside == []


def test_place_names_and_countries_give_both_ends():
    for feature in features():
        props = feature["properties"]
        assert " → " in props["place"]["name"]
        for origin, destination in legs_of(props["id"]):
            for key in (origin, destination):
                assert REGIONS[key]["anchor"]["country"] in props["place"]["countries"], (props["id"], REGIONS[key]["anchor"])
                assert flows.label(key).lower() in props["place"]["name"].lower()


def test_descriptions_name_the_destination_country_or_region():
    for feature in features():
        props = feature["properties"]
        text = props["description"].lower()
        words = {"kazakhstan", "uzbekistan", "kyrgyzstan", "siberia", "urals", "north", "ukraine", "krai",
                 "region", "kazakh"}
        assert any(word in text for word in words), props["id"]


def test_figures_are_sourced_ranges():
    for feature in features():
        for figure in feature["properties"].get("figures", []):
            assert figure["low"] <= figure["high"]
            assert figure["sources"], feature["properties"]["id"]
            if figure["low"] != figure["high"]:
                ends = {source.get("supports", "both") for source in figure["sources"]}
                assert ends & {"low", "both"} and ends & {"high", "both"}


@pytest.mark.parametrize("group, parts, total", [("koreans-1937", 2, 171781), ("meskhetian-turks-1944", 3, 92307)])
def test_shares_add_up_to_the_stated_total(group, parts, total):
    """An operation split by destination: the shares add up to the total its description states."""
    shares = [f for f in features() if f["properties"].get("group") == group]
    assert len(shares) == parts
    assert sum(f["properties"]["figures"][0]["low"] for f in shares) == total
    assert all(f"{total:,}" in f["properties"]["description"] for f in shares)


def test_the_karachay_parts_are_given_as_the_sources_give_them_with_the_shortfall_said():
    """45,500 to Kazakhstan and 22,721 to Kyrgyzstan make 68,221, not the 68,938 deported: the
    description says so rather than letting the parts pass for the whole."""
    shares = [f["properties"] for f in features() if f["properties"].get("group") == "karachays-1943"]
    parts = sum(p["figures"][0]["low"] for p in shares)
    assert parts == 68221
    for props in shares:
        assert "68,938" in props["description"] and f"{68938 - parts:,} short" in props["description"]


def test_a_death_figure_counting_other_peoples_says_so_in_its_measure():
    """The 44,887 deaths among the special settlers from Crimea include the Greeks, Bulgarians
    and Armenians deported after the Crimean Tatars: on the Tatars' event the measure says so."""
    for feature in features():
        props = feature["properties"]
        for figure in props.get("figures", []):
            if "deaths" in figure["measure"] and "Greeks" in figure.get("note", "") and "Greeks" not in props["name"]:
                assert all(people in figure["measure"] for people in ("Greeks", "Bulgarians", "Armenians")), props["id"]
    tatars = next(f["properties"] for f in features() if f["properties"]["id"] == "deportation-crimean-tatars-1944")
    assert any(f["low"] == 44887 and "Tatars" in f["measure"] for f in tatars["figures"])


def test_documents_known_only_from_a_page_that_quotes_them_are_not_cited_as_consulted():
    """Bugai's document editions (1992, 2005) were read here only as Pohl's posts quote them: the
    figures cite the post, with the document it quotes, never the edition and its page."""
    for feature in features():
        props = feature["properties"]
        cited = [*props["sources"], *(s for f in props.get("figures", []) for s in f["sources"])]
        assert not {"bugai1992", "bugai2005"} & {s["key"] for s in cited}, props["id"]
    quoted = [s for f in features() for fig in f["properties"].get("figures", []) for s in fig["sources"] if "quoting" in s]
    assert sum("Bugai" in s["quoting"] for s in quoted) >= 5  # the Karachays, Balkars and Priboi's three republics
    assert all(s["url"].startswith("https://") for s in quoted)


def test_citations_of_a_blog_or_an_exhibition_name_the_page_read():
    """Pohl's blog and the Kresy-Siberia exhibition are many pages: a citation gives the one it rests on."""
    for feature in features():
        props = feature["properties"]
        cited = [*props["sources"], *(s for f in props.get("figures", []) for s in f["sources"])]
        for source in cited:
            if source["key"] in ("pohl-blog", "kresy-siberia"):
                assert source.get("url", "").count("/") > 3, (props["id"], source)


def test_the_operations_are_drawn_to_scale_all_but_two_of_the_1930s():
    """A flow is as wide as the people deported only where a source gives the number. Every
    operation has one except two from the Ukrainian border zone (1935, 1936), for which no
    count that could be cited was found."""
    def operation(props):  # the parts of an operation split by destination count once
        whole = "deportation-" + props.get("group", "")
        return whole if props["id"].startswith(whole + "-") else props["id"]

    def sized(props):
        return any(figure["measure"] == "deported" and figure["unit"] == "people" for figure in props.get("figures", []))

    counted = {operation(f["properties"]) for f in features() if sized(f["properties"])}
    unsized = [f["properties"] for f in features() if not sized(f["properties"])]
    assert len(counted) >= 30, sorted(counted)
    assert len(unsized) <= 2 and all(dates.first_day(props["start"]).year < 1937 for props in unsized), unsized


def test_groups_and_related_ids_resolve():
    ids = {feature["properties"]["id"] for feature in features()}
    for feature in features():
        for other in feature["properties"].get("related", []):
            assert other in ids
    groups = [op.get("group") for op in OPERATIONS if op.get("group")]
    assert all(groups.count(g) >= 2 for g in groups), "a group of one is no group"

"""Soviet annexations and the Eastern Bloc (`facts/bloc_expansion.yaml`, as built into `events.geojson`)."""

from __future__ import annotations

import pytest
import shapely
from data_files import features
from gazetteer import distance_to_named_place
from shapely.geometry import shape

from dashboard import dates
from dashboard.borders import ussr_for_year
from dashboard.validation import check_document

FEATURES = features("bloc_expansion")
ANNEXATIONS = [f for f in FEATURES if f["properties"]["subcategory"] == "annexation"]
STATES = [f for f in FEATURES if f["properties"]["subcategory"] in ("satellite state", "occupation zone")]


def ident(feature: dict) -> str:
    return feature["properties"]["id"]


def test_every_feature_validates():
    checked = check_document({"type": "FeatureCollection", "features": FEATURES}, "bloc_expansion")
    assert checked.problems == [], "\n".join(map(str, checked.problems[:20]))


def test_ids_category_and_period():
    for feature in FEATURES:
        props = feature["properties"]
        assert props["id"].startswith("bloc-") and props["category"] == "bloc_expansion"
        assert 1936 <= dates.first_day(props["start"]).year and dates.last_day(props.get("end") or props["start"]).year <= 1956  # the Warsaw Pact, the Austrian treaty (1955)


def test_the_annexations_of_the_brief_are_there():
    names = " ".join(f["properties"]["name"] for f in ANNEXATIONS)
    for word in ("eastern Poland", "Winter War", "Lithuania", "Latvia", "Estonia", "Bessarabia", "Transcarpathia",
                 "Königsberg", "Sakhalin", "Tuva"):
        assert word in names


def test_the_bloc_institutions_are_there():
    names = " ".join(f["properties"]["name"] for f in FEATURES)
    for word in ("Cominform", "Comecon", "Berlin blockade"):
        assert word in names


@pytest.mark.parametrize("feature", ANNEXATIONS, ids=ident)
def test_annexed_area_lies_inside_the_ussr_of_the_year_after(feature):
    area = shape(feature["geometry"])
    year_after = dates.last_day(feature["properties"].get("end") or feature["properties"]["start"]).year + 1
    inside = area.intersection(ussr_for_year(year_after)).area / area.area
    assert inside >= 0.95, f"{inside:.1%}"


@pytest.mark.parametrize("feature", ANNEXATIONS, ids=ident)
def test_annexed_area_was_not_soviet_before(feature):
    area = shape(feature["geometry"])
    year_before = dates.first_day(feature["properties"]["start"]).year - 1
    assert area.intersection(ussr_for_year(year_before)).area / area.area < 0.05


@pytest.mark.parametrize("feature", STATES, ids=ident)
def test_satellites_stay_outside_the_ussr(feature):
    area = shape(feature["geometry"])
    year = dates.last_day(feature["properties"].get("end") or feature["properties"]["start"]).year
    assert area.intersection(ussr_for_year(year)).area / area.area < 0.05


def test_polygons_are_light_enough_for_the_web():
    for feature in FEATURES:
        geometry = shape(feature["geometry"])
        assert shapely.get_num_coordinates(geometry) <= 300, ident(feature)
        assert geometry.is_valid


@pytest.mark.parametrize("feature", [f for f in FEATURES if f["geometry"]["type"] == "Point"], ids=ident)
def test_points_lie_at_the_place_they_name(feature):
    lon, lat = feature["geometry"]["coordinates"]
    place = feature["properties"]["place"]
    distance = distance_to_named_place(place["name"], lat, lon, place["countries"])
    assert distance is not None and distance < 20

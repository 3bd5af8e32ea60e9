"""The map sent to the browser: no CDN, one layer a category, little data per event."""

import json
import re

import streamlit_folium

from dashboard import filters, mapview
from dashboard.categories import CATEGORIES
from dashboard.events import load

from conftest import SAMPLE

URLS = {"landUrl": "land.geojson", "labelsUrl": "labels.json", "detailsUrl": "details.json"}


def sent_to_component(monkeypatch, layers) -> dict:
    """What st_folium hands the browser for the base map and these layers."""
    sent = {}
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kwargs: sent.update(kwargs))
    streamlit_folium.st_folium(mapview.base_map(URLS), feature_group_to_add=layers)
    return sent


def test_map_loads_scripts_and_styles_only_from_the_app_itself(monkeypatch):
    events = mapview.prepare(load(SAMPLE).events)
    sent = sent_to_component(monkeypatch, mapview.event_layers(events, 1940))
    assert sent["js_links"] and sent["css_links"]
    for link in sent["js_links"] + sent["css_links"]:
        assert not re.match(r"^(https?:)?//", link), link
        assert link.startswith("../../app/static/")
    assert "leaflet/leaflet.js" in sent["js_links"][0]
    assert not re.search(r"<(script|link)[^>]+(src|href)=", sent["header"])


def test_one_layer_per_category_shown():
    events = mapview.prepare(load(SAMPLE).events)
    layers = mapview.event_layers(events, 1940)
    assert sorted(layer.layer_name for layer in layers) == sorted(
        ["Gulag camps", "Deportations", "Famines", "Battles and wars", "Turning points", "Soviet expansion and the Eastern Bloc",
         "Deportations: regions taken from"]
    )
    # The deportations' origins beneath all, then areas, so points and flows stay clickable above them.
    assert [layer.layer_name for layer in layers][:3] == [
        "Deportations: regions taken from", "Famines", "Soviet expansion and the Eastern Bloc"
    ]


def origin_events(layers) -> list[str] | None:
    """The deportations whose origin regions the layers shade (None: no origin layer)."""
    for layer in layers:
        for child in layer._children.values():
            if isinstance(child, mapview.DeportationOrigins):
                return child.events
    return None


def test_origin_layer_shades_exactly_the_deportations_shown(monkeypatch, real):
    events = mapview.prepare(real)
    shown = filters.select(events, (1944, 1944), ["deportation", "battle"])
    expected = sorted(shown.loc[shown["category"] == "deportation", "id"])
    layers = mapview.event_layers(shown, 1944)
    assert sorted(origin_events(layers)) == expected
    assert "deportation-chechens-ingush-1944" in expected and "deportation-crimean-tatars-1944" in expected
    # the page gets only the ids (the areas are a static file it fetches once), and no layer
    # when no deportation is shown
    sent = sent_to_component(monkeypatch, layers)["feature_group"]
    assert "atlas.drawOrigins(" in sent and '"deportation-chechens-ingush-1944"' in sent
    assert "Polygon" not in sent
    assert origin_events(mapview.event_layers(filters.select(events, (1944, 1944), ["battle"]), 1944)) is None


def test_map_feature_carries_only_its_shape_and_its_label_index():
    events = mapview.prepare(load(SAMPLE).events)
    feature = events["map_feature"].iloc[0]
    assert feature["properties"] == {"i": 0}
    assert mapview.labels(events)[0] == ["camp-vishersky", "Vishersky ITL", "1929 – 29 Jul 1934"]
    indexes = [f["properties"]["i"] for f in events["map_feature"]]
    assert [mapview.labels(events)[i][0] for i in indexes] == events["id"].tolist()
    assert feature["geometry"] == {"type": "Point", "coordinates": [57.077, 60.407]}
    assert json.loads(json.dumps(feature)) == feature


def test_base_map_is_the_same_on_every_rerun():
    """streamlit-folium re-mounts the map (losing the reader's view) when the base script changes."""
    first = streamlit_folium.generate_js_hash(streamlit_folium._get_map_string(mapview.base_map(URLS)))
    second = streamlit_folium.generate_js_hash(streamlit_folium._get_map_string(mapview.base_map(URLS)))
    assert first == second


def layer_features(layer) -> list[dict]:
    [geojson] = layer._children.values()
    return geojson.data["features"]


def test_camps_are_sized_by_their_prisoners_in_the_year():
    events = mapview.prepare(load(SAMPLE).events)
    camps = events[events["category"] == "gulag"]
    [in_1931] = layer_features(mapview.category_layer(CATEGORIES["gulag"], camps, 1931))
    [in_1933] = layer_features(mapview.category_layer(CATEGORIES["gulag"], camps, 1933))
    assert in_1931["properties"]["r"] == mapview.MAX_CAMP_RADIUS  # the largest count in the data
    assert in_1933["properties"]["r"] == 0  # no count recorded for 1933: drawn hollow


def test_circle_area_is_proportional_to_prisoners():
    small, large = mapview.camp_radius(10_000, 40_000), mapview.camp_radius(40_000, 40_000)
    assert round((large / small) ** 2, 1) == 4.0


def test_flow_width_grows_with_the_people_deported_and_is_zero_when_unsourced():
    events = mapview.prepare(load(SAMPLE).events)
    [flow] = layer_features(mapview.category_layer(CATEGORIES["deportation"], events[events["category"] == "deportation"], 1944))
    assert flow["properties"]["w"] == mapview.FLOW_WIDTHS[1]
    unsourced = events.assign(deported=float("nan"))
    assert mapview.prepare(unsourced)["map_feature"].iloc[1]["properties"]["w"] == 0


def test_borders_layer_sends_only_the_year(monkeypatch):
    sent = sent_to_component(monkeypatch, [mapview.borders_layer(1944)])
    assert "atlas.drawBorders(" in sent["feature_group"] and ", 1944);" in sent["feature_group"]
    assert len(sent["feature_group"]) < 1000


def test_holodomor_oblasts_are_shaded_darker_where_more_died(real):
    events = mapview.prepare(real)
    regions = events[events["loss_colour"].notna()]
    assert set(regions["category"]) == {"famine"} and len(regions) == 3
    by_rate = sorted(regions.itertuples(), key=lambda row: row.properties.figures[0].low)
    colours = [row.loss_colour for row in by_rate]
    assert colours == [colour for _, colour, _ in reversed(mapview.LOSS_CLASSES)]  # light to dark
    assert all(row.map_feature["properties"]["f"] == row.loss_colour for row in by_rate)
    # no range straddles a class boundary, so its class is what the source says, not a rounding
    for row in by_rate:
        figure = row.properties.figures[0]
        assert mapview.loss_colour(row.properties) == next(c for low, c, _ in mapview.LOSS_CLASSES if figure.low >= low)
    # other famines keep the theme's plain fill
    assert "f" not in events.loc[events["id"] == "famine-ukraine-1932-1933", "map_feature"].item()["properties"]

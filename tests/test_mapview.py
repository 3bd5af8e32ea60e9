"""The map sent to the browser: no CDN, the events once as a static file, a rerun only the filters."""

import json
import re

import streamlit_folium

from dashboard import mapview
from dashboard.categories import CATEGORIES
from dashboard.events import load
from dashboard.legend import legend_html

from conftest import SAMPLE

URLS = {"landUrl": "land.geojson", "eventsUrl": "events.json", "detailsUrl": "details.json"}
ALL_SAMPLE_THEMES = ["gulag", "deportation", "famine", "battle", "bloc_expansion", "politics"]


def sent_to_component(monkeypatch, layers) -> dict:
    """What st_folium hands the browser for the base map and these layers."""
    sent = {}
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kwargs: sent.update(kwargs))
    streamlit_folium.st_folium(mapview.base_map(URLS), feature_group_to_add=layers)
    return sent


def state(years=(1922, 1960), themes=ALL_SAMPLE_THEMES, camp_types=None, activities=None, borders=True) -> dict:
    return mapview.filter_state(years, themes, camp_types, activities, borders)


def test_map_loads_scripts_and_styles_only_from_the_app_itself(monkeypatch):
    sent = sent_to_component(monkeypatch, mapview.filter_layer(state()))
    assert sent["js_links"] and sent["css_links"]
    for link in sent["js_links"] + sent["css_links"]:
        assert not re.match(r"^(https?:)?//", link), link
        assert link.startswith("../../app/static/")
    assert "leaflet/leaflet.js" in sent["js_links"][0]
    assert not re.search(r"<(script|link)[^>]+(src|href)=", sent["header"])


def test_a_rerun_sends_the_filters_and_no_event(monkeypatch, real):
    """Whatever the size of the data, a filter change sends the reader's choices, a few hundred bytes."""
    choices = state((1937, 1938), ["gulag", "terror"], ["Corrective-labor camps"], None, borders=False)
    sent = sent_to_component(monkeypatch, mapview.filter_layer(choices))
    script = sent["feature_group"]
    assert "atlas.show(" in script and len(script) < 1000
    assert '"years": [1937, 1938]' in script and '"campTypes": ["Corrective-labor camps"]' in script
    assert '"activities": null' in script and '"borders": false' in script
    assert "Feature" not in script and "coordinates" not in script
    assert "events.json" in sent["script"]  # the base map names the file the events come from


def test_map_data_holds_every_event_once_in_order_with_its_themes_style(real):
    events = mapview.prepare(real)
    data = json.loads(json.dumps(mapview.map_data(events)))  # as the browser gets it
    assert [feature["properties"]["id"] for feature in data["features"]] == events["id"].tolist()
    assert set(data["themes"]) == set(CATEGORIES)
    assert data["themes"]["gulag"]["symbol"] is None  # camps are circles drawn to scale
    assert data["themes"]["battle"]["symbol"].startswith("<svg") and "#117733" in data["themes"]["battle"]["symbol"]
    assert data["origin"] == mapview.ORIGIN_STYLE


def test_map_feature_carries_its_shape_label_and_what_the_filters_need():
    events = mapview.prepare(load(SAMPLE).events)
    camp = events["map_feature"].iloc[0]
    assert camp["geometry"] == {"type": "Point", "coordinates": [57.077, 60.407]}
    assert camp["properties"] == {
        "id": "camp-vishersky", "name": "Vishersky ITL", "when": "1929 – 29 Jul 1934", "c": "gulag", "y": [1929, 1934],
        "t": "Corrective-labor camps", "a": ["Logging"], "r": {1931: mapview.MAX_CAMP_RADIUS},
    }
    battle = events.loc[events["id"] == "battle-stalingrad", "map_feature"].item()["properties"]
    assert set(battle) == {"id", "name", "when", "c", "y"}  # not a camp: no type, activity or size


def test_base_map_is_the_same_on_every_rerun():
    """streamlit-folium re-mounts the map (losing the reader's view) when the base script changes."""
    first = streamlit_folium.generate_js_hash(streamlit_folium._get_map_string(mapview.base_map(URLS)))
    second = streamlit_folium.generate_js_hash(streamlit_folium._get_map_string(mapview.base_map(URLS)))
    assert first == second


def test_a_base_map_kept_for_the_session_sends_the_same_map_on_every_rerun(monkeypatch):
    """The page builds and draws its base map once a session; what st_folium sends must stay the
    same (or the map is mounted anew, losing the reader's view) while the filters change."""
    base = mapview.base_map(URLS)
    sent = []
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kwargs: sent.append(kwargs))
    for last_year, render in ((1940, True), (1941, False), (1942, False)):
        layer = mapview.filter_layer(state(years=(1922, last_year)))
        streamlit_folium.st_folium(base, feature_group_to_add=layer, render=render)
        mapview.take_off(base, layer)
    for name in ("script", "key", "js_links", "css_links"):  # the key, a hash of the script, keeps it mounted
        assert sent[0][name] == sent[1][name] == sent[2][name], name
    assert '"years": [1922, 1942]' in sent[2]["feature_group"] and "1941" not in sent[2]["feature_group"]


def properties(events, event_id: str) -> dict:
    return events.loc[events["id"] == event_id, "map_feature"].item()["properties"]


def test_camps_are_sized_by_their_prisoners_in_the_year():
    events = mapview.prepare(load(SAMPLE).events)
    radius = properties(events, "camp-vishersky")["r"]
    assert radius[1931] == mapview.MAX_CAMP_RADIUS  # the largest count in the data
    assert 1933 not in radius  # no count recorded for 1933: drawn hollow


def test_circle_area_is_proportional_to_prisoners():
    small, large = mapview.camp_radius(10_000, 40_000), mapview.camp_radius(40_000, 40_000)
    assert round((large / small) ** 2, 1) == 4.0


def test_flow_width_grows_with_the_people_deported_and_is_zero_when_unsourced():
    events = mapview.prepare(load(SAMPLE).events)
    assert properties(events, "deportation-chechens-ingush")["w"] == mapview.FLOW_WIDTHS[1]
    unsourced = mapview.prepare(events.assign(deported=float("nan")))
    assert properties(unsourced, "deportation-chechens-ingush")["w"] == 0


def test_a_file_whose_only_camp_and_deportation_count_0_is_drawn(sample_document, write_geojson):
    """A count of 0 is a count: the camp is drawn as the smallest filled circle and the flow at
    the smallest width, and the legend still has its key (no division by the largest count, 0)."""
    for feature in sample_document["features"]:
        for figure in feature["properties"].get("figures", []):
            if figure["measure"] in ("prisoners", "deported"):
                figure["low"] = figure["high"] = 0
    events = mapview.prepare(load(write_geojson(sample_document)).events)
    assert properties(events, "camp-vishersky")["r"] == {1931: mapview.MIN_CAMP_RADIUS}
    assert properties(events, "deportation-chechens-ingush")["w"] == mapview.FLOW_WIDTHS[0]
    legend = legend_html(ALL_SAMPLE_THEMES, ALL_SAMPLE_THEMES, {"gulag": 1}, 1931, mapview.largest_camp(events))
    assert "no count for 1931" in legend
    json.dumps(mapview.map_data(events))


def test_filter_state_says_what_is_not_narrowed():
    assert state(camp_types=None, activities=["Logging"]) == {
        "years": [1922, 1960], "themes": ALL_SAMPLE_THEMES, "campTypes": None, "activities": ["Logging"], "borders": True,
    }


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
    assert "f" not in properties(events, "famine-ukraine-1932-1933")

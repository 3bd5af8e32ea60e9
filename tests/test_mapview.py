"""The map sent to the browser: no CDN, one layer a category, little data per event."""

import json
import re

import streamlit_folium

from dashboard import mapview
from dashboard.events import load

from conftest import SAMPLE

URLS = {"landUrl": "land.geojson", "labelsUrl": "labels.json", "detailsUrl": "details.json"}


def test_map_loads_scripts_and_styles_only_from_the_app_itself(monkeypatch):
    sent = {}
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kwargs: sent.update(kwargs))
    events = mapview.prepare(load(SAMPLE).events)
    streamlit_folium.st_folium(mapview.base_map(URLS), feature_group_to_add=mapview.event_layers(events))
    assert sent["js_links"] and sent["css_links"]
    for link in sent["js_links"] + sent["css_links"]:
        assert not re.match(r"^(https?:)?//", link), link
        assert link.startswith("../../app/static/")
    assert "leaflet/leaflet.js" in sent["js_links"][0]
    assert not re.search(r"<(script|link)[^>]+(src|href)=", sent["header"])


def test_one_layer_per_category_shown():
    events = mapview.prepare(load(SAMPLE).events)
    layers = mapview.event_layers(events)
    assert sorted(layer.layer_name for layer in layers) == sorted(
        ["Gulag camps", "Deportations", "Famines", "Battles and wars", "Turning points", "Soviet expansion and the Eastern Bloc"]
    )
    # Areas are drawn first, so points and flows stay clickable above them.
    assert [layer.layer_name for layer in layers][:2] == ["Famines", "Soviet expansion and the Eastern Bloc"]


def test_map_feature_carries_only_its_shape_and_its_label_index():
    events = mapview.prepare(load(SAMPLE).events)
    feature = events["map_feature"].iloc[0]
    assert feature["properties"] == {"i": 0}
    assert mapview.labels(events)[0] == ["camp-vishersky", "Vishersky ITL", "1929 – 29 Jul 1934"]
    indexes = [f["properties"]["i"] for f in events["map_feature"]]
    assert [mapview.labels(events)[i][0] for i in indexes] == events["id"].tolist()
    assert feature["geometry"] == {"type": "Point", "coordinates": [57.0769, 60.4067]}
    assert json.loads(json.dumps(feature)) == feature


def test_base_map_is_the_same_on_every_rerun():
    """streamlit-folium re-mounts the map (losing the reader's view) when the base script changes."""
    first = streamlit_folium.generate_js_hash(streamlit_folium._get_map_string(mapview.base_map(URLS)))
    second = streamlit_folium.generate_js_hash(streamlit_folium._get_map_string(mapview.base_map(URLS)))
    assert first == second

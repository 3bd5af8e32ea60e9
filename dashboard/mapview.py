"""The folium map: a base that stays the same between reruns, and one GeoJson layer a category.

streamlit-folium keeps the base map mounted (and so the reader's pan and zoom) as long as its
script does not change; the category layers are passed as feature groups that it swaps in
place when a filter changes.
"""

from __future__ import annotations

import folium
import geopandas as gpd
from branca.element import MacroElement
from folium.template import Template
from folium.utilities import JsCode
from shapely.geometry import mapping

from . import assets
from .categories import CATEGORIES, Category, symbol_svg

START_VIEW = {"location": (54.0, 60.0), "zoom_start": 3}
TILES = "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png"
TILES_ATTRIBUTION = '&copy; OpenStreetMap contributors &copy; CARTO'
TILE_HOSTS = ("basemaps.cartocdn.com",)
COORDINATE_DECIMALS = 4  # about 10 m: finer than any location in the data


class AtlasSetup(MacroElement):
    """Calls atlas.setup(map, options) in the map frame: land underlay and the details URL."""

    _template = Template(
        "{% macro script(this, kwargs) %}atlas.setup({{ this._parent.get_name() }}, {{ this.options|tojson }});{% endmacro %}"
    )

    def __init__(self, land_url: str, details_url: str):
        super().__init__()
        self._name = "AtlasSetup"
        self.options = {"landUrl": land_url, "detailsUrl": details_url}


def base_map(details_url: str) -> folium.Map:
    """The map without events; it loads Leaflet and the atlas script from the app itself."""
    atlas_map = folium.Map(tiles=None, min_zoom=2, max_bounds=False, control_scale=True, **START_VIEW)
    atlas_map.default_js, atlas_map.default_css = assets.library_urls()
    folium.TileLayer(TILES, attr=TILES_ATTRIBUTION, name="Modern map", subdomains="abcd", max_zoom=19).add_to(atlas_map)
    AtlasSetup(assets.land_url(), details_url).add_to(atlas_map)
    return atlas_map


def _rounded(geometry: dict) -> dict:
    def walk(value):
        return round(value, COORDINATE_DECIMALS) if isinstance(value, float) else [walk(v) for v in value]

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def map_feature(event) -> dict:
    """The little the map needs of one event; the popup fetches the rest on demand."""
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": _rounded(mapping(event.geometry)),
        "properties": {"id": event.id, "name": event.name, "when": event.when},
    }


def _marker(category: Category) -> folium.Marker:
    icon = folium.DivIcon(html=symbol_svg(category, 14), icon_size=(14, 14), icon_anchor=(7, 7), class_name="atlas-symbol")
    return folium.Marker(icon=icon)


def _style(category: Category) -> dict:
    if category.symbol == "area":
        return {"color": category.colour, "weight": 1.5, "fillColor": category.colour, "fillOpacity": 0.25}
    return {"color": category.colour, "weight": 3, "opacity": 0.9}


def category_layer(category: Category, events: gpd.GeoDataFrame) -> folium.FeatureGroup:
    """One GeoJson layer for all shown events of a category."""
    group = folium.FeatureGroup(name=category.label)
    style = _style(category)
    folium.GeoJson(
        {"type": "FeatureCollection", "features": [map_feature(event) for event in events.itertuples()]},
        name=category.label,
        style_function=lambda _: style,
        marker=_marker(category),
        on_each_feature=JsCode("atlas.onEachFeature"),
    ).add_to(group)
    return group


def event_layers(events: gpd.GeoDataFrame) -> list[folium.FeatureGroup]:
    """Layers for the events shown, areas first so that points and flows stay on top."""
    order = sorted(CATEGORIES.values(), key=lambda category: category.symbol != "area")
    return [
        category_layer(category, events[events["category"] == category.key])
        for category in order
        if (events["category"] == category.key).any()
    ]

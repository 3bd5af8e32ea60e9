"""The folium map: a base that stays the same between reruns, and one GeoJson layer a category.

streamlit-folium keeps the base map mounted (and so the reader's pan and zoom) as long as its
script does not change; the category layers are passed as feature groups that it swaps in
place when a filter changes.
"""

from __future__ import annotations

import json

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
POINT_DECIMALS = 4  # about 10 m: finer than any location in the data
DISPLAY_TOLERANCE_DEGREES = 0.03  # lines and areas, about 3 km
SHAPE_DECIMALS = 3  # about 100 m, ample after that simplification


class AtlasSetup(MacroElement):
    """Calls atlas.setup(map, urls) in the map frame: the land underlay, labels and details."""

    _template = Template(
        "{% macro script(this, kwargs) %}atlas.setup({{ this._parent.get_name() }}, {{ this.urls|tojson }});{% endmacro %}"
    )

    def __init__(self, urls: dict[str, str]):
        super().__init__()
        self._name = "AtlasSetup"
        self.urls = urls


def base_map(urls: dict[str, str]) -> folium.Map:
    """The map without events; it loads Leaflet and the atlas script from the app itself.

    `urls` gives the files the map frame fetches: landUrl, labelsUrl and detailsUrl.
    """
    atlas_map = folium.Map(tiles=None, min_zoom=2, max_bounds=False, control_scale=True, **START_VIEW)
    atlas_map.default_js, atlas_map.default_css = assets.library_urls()
    folium.TileLayer(TILES, attr=TILES_ATTRIBUTION, name="Modern map", subdomains="abcd", max_zoom=19).add_to(atlas_map)
    AtlasSetup(urls).add_to(atlas_map)
    return atlas_map


def _rounded(geometry: dict, decimals: int) -> dict:
    def walk(value):
        return round(value, decimals) if isinstance(value, float) else [walk(v) for v in value]

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def map_feature(geometry, index: int) -> dict:
    """What the map layer carries of one event: its shape and its index `i` into `labels`.

    Ids, names and dates (tooltips) and details (popups) come from files the browser fetches
    once (see `assets.publish_json`), which keeps each rerun's map small. Lines and areas are
    simplified to about 3 km, the precision of the border data they are drawn from.
    """
    decimals = POINT_DECIMALS
    if geometry.geom_type not in ("Point", "MultiPoint"):
        geometry = geometry.simplify(DISPLAY_TOLERANCE_DEGREES, preserve_topology=True)
        decimals = SHAPE_DECIMALS
    return {"type": "Feature", "geometry": _rounded(mapping(geometry), decimals), "properties": {"i": index}}


def prepare(events: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Add the `map_feature` column, once per load, so that a rerun only selects."""
    return events.assign(map_feature=[map_feature(geometry, i) for i, geometry in enumerate(events.geometry)])


def labels(events: gpd.GeoDataFrame) -> list[list[str]]:
    """[id, name, dates] of each event, in the order `prepare` numbered them."""
    return events[["id", "name", "when"]].values.tolist()


def _marker(category: Category) -> folium.Marker:
    icon = folium.DivIcon(html=symbol_svg(category, 14), icon_size=(14, 14), icon_anchor=(7, 7), class_name="atlas-symbol")
    return folium.Marker(icon=icon)


def _style(category: Category) -> dict:
    if category.symbol == "area":
        return {"color": category.colour, "weight": 1.5, "fillColor": category.colour, "fillOpacity": 0.25}
    return {"color": category.colour, "weight": 3, "opacity": 0.9}


def category_layer(category: Category, events: gpd.GeoDataFrame) -> folium.FeatureGroup:
    """One GeoJson layer for all shown events of a category (`events` made by `prepare`).

    The style is set in the browser for the whole layer: folium's style_function would send
    every feature's id again in a per-feature style table.
    """
    group = folium.FeatureGroup(name=category.label)
    folium.GeoJson(
        {"type": "FeatureCollection", "features": events["map_feature"].tolist()},
        name=category.label,
        marker=_marker(category),
        on_each_feature=JsCode(f"atlas.eachFeature({json.dumps(_style(category))})"),
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

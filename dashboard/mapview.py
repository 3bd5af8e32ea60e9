"""The folium map: a base that stays the same between reruns, and one GeoJson layer a category.

streamlit-folium keeps the base map mounted (and so the reader's pan and zoom) as long as its
script does not change; the category layers and the borders of the selected year are passed
as feature groups that it swaps in place when a filter changes.
"""

from __future__ import annotations

import json
import math

import folium
import geopandas as gpd
import pandas as pd
from branca.element import MacroElement
from folium.template import Template
from folium.utilities import JsCode
from shapely.geometry import mapping

from . import assets
from .categories import CATEGORIES, Category, symbol_svg
from .permalink import View

START_VIEW = {"location": (54.0, 60.0), "zoom_start": 3}
TILES = "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png"
TILES_ATTRIBUTION = "&copy; OpenStreetMap contributors &copy; CARTO"
TILE_HOSTS = ("basemaps.cartocdn.com",)
POINT_DECIMALS = 3  # about 100 m: finer than the settlements most events are located by
DISPLAY_TOLERANCE_DEGREES = 0.04  # lines and areas, about 4 km
SHAPE_DECIMALS = 2  # about 1 km, within that simplification
MAX_CAMP_RADIUS = 24  # pixels, for the largest count of any camp in any year
MIN_CAMP_RADIUS = 2.5
FLOW_WIDTHS = (2.0, 12.0)  # pixels, for the smallest and the largest number of people deported
# The famine regions that give losses per 1,000 inhabitants (the Holodomor by oblast), shaded by
# class: (lowest rate of the class, colour, legend text), from Paul Tol's colour-blind-safe YlOrBr.
LOSS_UNIT = "per 1,000 inhabitants"
LOSS_CLASSES = ((150, "#993404", "150 or more"), (100, "#EC7014", "100 to 150"), (0, "#FEC44F", "under 100"))
LOSS_FILL_OPACITY = 0.6  # as atlas.js draws them (props.f)
ORIGIN_STYLE = {  # the deportations' regions of origin, faint beneath the flows; dashed when approximate
    "color": CATEGORIES["deportation"].colour,
    "weight": 1.5,
    "opacity": 1,
    "fillColor": CATEGORIES["deportation"].colour,
    "fillOpacity": 0.25,
}


class AtlasSetup(MacroElement):
    """Calls atlas.setup(map, urls) in the map frame: the land underlay, labels and details."""

    _template = Template(
        "{% macro script(this, kwargs) %}atlas.setup({{ this._parent.get_name() }}, {{ this.urls|tojson }});{% endmacro %}"
    )

    def __init__(self, urls: dict[str, str]):
        super().__init__()
        self._name = "AtlasSetup"
        self.urls = urls


class Borders(MacroElement):
    """Draws the state borders of one year into its feature group (atlas.drawBorders).

    The browser fetches the borders of all years once and picks the year's polygons, so a
    rerun sends only the year.
    """

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "atlas.drawBorders({{ this._parent.get_name() }}, {{ this.year|tojson }});"
        "{% endmacro %}"
    )

    def __init__(self, year: int):
        super().__init__()
        self._name = "Borders"
        self.year = year


class DeportationOrigins(MacroElement):
    """Shades the origin regions of the shown deportations into its feature group
    (atlas.drawOrigins). The browser fetches the areas of all deportations once, so a rerun
    sends only the event ids."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "atlas.drawOrigins({{ this._parent.get_name() }}, {{ this.events|tojson }}, {{ this.style|tojson }});"
        "{% endmacro %}"
    )

    def __init__(self, events: list[str]):
        super().__init__()
        self._name = "DeportationOrigins"
        self.events = events
        self.style = ORIGIN_STYLE


def base_map(urls: dict[str, str], view: View | None = None) -> folium.Map:
    """The map without events; it loads Leaflet and the atlas script from the app itself.

    `urls` gives the files the map frame fetches: landUrl, bordersUrl, originsUrl, labelsUrl
    and detailsUrl; `view`, from a shared link, where it opens.
    """
    start = {"location": (view.lat, view.lng), "zoom_start": view.zoom} if view else START_VIEW
    atlas_map = folium.Map(tiles=None, min_zoom=2, control_scale=True, **start)
    atlas_map.default_js, atlas_map.default_css = assets.library_urls()
    folium.TileLayer(
        TILES, attr=TILES_ATTRIBUTION, name="Modern map (tiles)", subdomains="abcd", max_zoom=19, overlay=True
    ).add_to(atlas_map)
    AtlasSetup(urls).add_to(atlas_map)
    folium.LayerControl(collapsed=False, position="topright").add_to(atlas_map)
    return atlas_map


def _rounded(geometry: dict, decimals: int) -> dict:
    def walk(value):
        return round(value, decimals) if isinstance(value, float) else [walk(v) for v in value]

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def map_feature(geometry, index: int) -> dict:
    """What the map layer carries of one event: its shape and its index `i` into `labels`.

    Ids, names and dates (tooltips) and details (popups) come from files the browser fetches
    once (see `assets.publish_json`), which keeps each rerun's map small. Lines and areas are
    simplified to about 4 km, near the precision of the border data they are drawn from.
    """
    decimals = POINT_DECIMALS
    if geometry.geom_type not in ("Point", "MultiPoint"):
        geometry = geometry.simplify(DISPLAY_TOLERANCE_DEGREES, preserve_topology=True)
        decimals = SHAPE_DECIMALS
    return {"type": "Feature", "geometry": _rounded(mapping(geometry), decimals), "properties": {"i": index}}


def largest_camp(events: gpd.GeoDataFrame) -> int:
    """The largest count of any camp in any year: the one scale of every year's circles."""
    return max((max(counts.values()) for counts in events["prisoners"] if counts), default=1)


def camp_radius(prisoners: int, largest: int) -> float:
    """Circle radius in pixels, its area proportional to the prisoners."""
    return round(max(MIN_CAMP_RADIUS, MAX_CAMP_RADIUS * math.sqrt(prisoners / largest)), 1)


def _camp_radii(events: gpd.GeoDataFrame) -> list[dict[int, float]]:
    """Per event, {year: circle radius}."""
    largest = largest_camp(events)
    return [{year: camp_radius(count, largest) for year, count in counts.items()} for counts in events["prisoners"]]


def _flow_width(deported: float, largest: float) -> float:
    """Line width by the number of people deported (square root scale); 0 where none is sourced."""
    if pd.isna(deported):
        return 0
    low, high = FLOW_WIDTHS
    return round(low + (high - low) * math.sqrt(deported / largest), 1)


def loss_colour(props) -> str | None:
    """The choropleth colour of a region that gives its losses per 1,000 inhabitants, else None.

    A range is classed by its midpoint; the data tests check that no range straddles a class.
    """
    rates = [figure for figure in props.figures if figure.unit == LOSS_UNIT]
    if not rates:
        return None
    midpoint = (rates[0].low + rates[0].high) / 2
    return next(colour for lowest, colour, _ in LOSS_CLASSES if midpoint >= lowest)


def prepare(events: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Add what the map needs, once per load, so that a rerun only selects: `map_feature`
    (with a flow's width `w`, a loss region's colour `f`), `loss_colour` and `radius_by_year` (camps)."""
    features = [map_feature(geometry, i) for i, geometry in enumerate(events.geometry)]
    largest_deported = events["deported"].max() if events["deported"].notna().any() else 1
    colours = [loss_colour(props) for props in events["properties"]]
    for feature, category, deported, colour in zip(features, events["category"], events["deported"], colours):
        if category == "deportation":
            feature["properties"]["w"] = _flow_width(deported, largest_deported)
        if colour:
            feature["properties"]["f"] = colour
    return events.assign(map_feature=features, radius_by_year=_camp_radii(events), loss_colour=colours)


def labels(events: gpd.GeoDataFrame) -> list[list[str]]:
    """[id, name, dates] of each event, in the order `prepare` numbered them."""
    return events[["id", "name", "when"]].values.tolist()


def _marker(category: Category) -> folium.Marker | folium.CircleMarker:
    if category.symbol == "circle":
        return folium.CircleMarker(radius=MIN_CAMP_RADIUS)
    icon = folium.DivIcon(html=symbol_svg(category, 14), icon_size=(14, 14), icon_anchor=(7, 7), class_name="atlas-symbol")
    return folium.Marker(icon=icon)


def _style(category: Category) -> dict:
    if category.symbol == "area":
        return {"color": category.colour, "weight": 1.5, "fillColor": category.colour, "fillOpacity": 0.25}
    if category.symbol == "circle":
        return {"color": category.colour, "weight": 1, "fillColor": category.colour, "fillOpacity": 0.35}
    return {"color": category.colour, "weight": 3, "opacity": 0.9}


def _features(events: gpd.GeoDataFrame, year: int) -> list[dict]:
    """The layer's features; scaled circles get their radius `r` for `year` (0: no count that
    year), largest first so that small camps stay on top and clickable."""
    if not events["prisoners"].map(bool).any():
        return events["map_feature"].tolist()
    sized = [
        {**feature, "properties": {**feature["properties"], "r": radii.get(year, 0)}}
        for feature, radii in zip(events["map_feature"], events["radius_by_year"])
    ]
    return sorted(sized, key=lambda feature: -feature["properties"]["r"])


def category_layer(category: Category, events: gpd.GeoDataFrame, year: int) -> folium.FeatureGroup:
    """One GeoJson layer for all shown events of a category (`events` made by `prepare`).

    The style is set in the browser for the whole layer: folium's style_function would send
    every feature's id again in a per-feature style table.
    """
    group = folium.FeatureGroup(name=category.label, control=False)
    folium.GeoJson(
        {"type": "FeatureCollection", "features": _features(events, year)},
        name=category.label,
        marker=_marker(category),
        on_each_feature=JsCode(f"atlas.eachFeature({json.dumps(_style(category))})"),
    ).add_to(group)
    return group


def borders_layer(year: int) -> folium.FeatureGroup:
    group = folium.FeatureGroup(name=f"State borders, {year}", control=False)
    Borders(year).add_to(group)
    return group


def origins_layer(event_ids: list[str]) -> folium.FeatureGroup:
    """The regions the deportations `event_ids` took people from, in a pane beneath the events."""
    group = folium.FeatureGroup(name="Deportations: regions taken from", control=False)
    DeportationOrigins(event_ids).add_to(group)
    return group


def event_layers(events: gpd.GeoDataFrame, year: int) -> list[folium.FeatureGroup]:
    """Layers for the events shown, areas first so that points and flows stay on top, and
    beneath them the origin regions of the deportations shown. Camps are sized by their
    prisoners in `year`."""
    order = sorted(CATEGORIES.values(), key=lambda category: category.symbol != "area")
    layers = [
        category_layer(category, events[events["category"] == category.key], year)
        for category in order
        if (events["category"] == category.key).any()
    ]
    deportations = events.loc[events["category"] == "deportation", "id"].tolist()
    return [origins_layer(deportations)] + layers if deportations else layers

"""The folium map: a base that stays the same between reruns, and the reader's filters.

The events' shapes, names, dates and what the filters need are a static file the map frame
fetches once (`map_data`, content-hashed, so cached); the frame's script (atlas.js) draws them
and shows the events the filters leave, adding and removing only those whose visibility
changed. A rerun sends only the filter state (`filter_layer`), in the one feature group
streamlit-folium swaps; the base map stays mounted, and so the reader's pan and zoom.
"""

from __future__ import annotations

import math

import folium
import geopandas as gpd
import pandas as pd
from branca.element import MacroElement
from folium.template import Template
from shapely.geometry import mapping

from . import assets
from .categories import CATEGORIES, Category, symbol_svg
from .permalink import View

START_VIEW = {"location": (54.0, 60.0), "zoom_start": 3}  # until atlas.setup fits USSR_BOUNDS
# The first view: the whole USSR, from Kaliningrad and Kushka to Kolyma and Chukotka, fitted to
# the map's size by atlas.setup (a link's own view is kept instead).
USSR_BOUNDS = [[35.0, 19.0], [78.0, 180.0]]
ZOOM_SNAP = 0.25  # fractional zooms, so that the USSR fills the map in any window
TILES = "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png"
TILES_ATTRIBUTION = "&copy; OpenStreetMap contributors &copy; CARTO"
TILE_HOSTS = ("basemaps.cartocdn.com",)
TILES_OPTIONS = {"url": TILES, "attribution": TILES_ATTRIBUTION, "subdomains": "abcd", "maxZoom": 19,
                 "name": "Modern map (tiles)"}
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
    """Calls atlas.setup(map, options) in the map frame: the tiles and their switch, the land
    underlay, the events, the borders (see `base_map`)."""

    _template = Template(
        "{% macro script(this, kwargs) %}atlas.setup({{ this._parent.get_name() }}, {{ this.options|tojson }});{% endmacro %}"
    )

    def __init__(self, options: dict):
        super().__init__()
        self._name = "AtlasSetup"
        self.options = options


class AtlasFilter(MacroElement):
    """Calls atlas.show(state) in the map frame: what the reader chose (see `filter_state`)."""

    _template = Template("{% macro script(this, kwargs) %}atlas.show({{ this.state|tojson }});{% endmacro %}")

    def __init__(self, state: dict):
        super().__init__()
        self._name = "AtlasFilter"
        self.state = state


def base_map(urls: dict[str, str], view: View | None = None) -> folium.Map:
    """The map without events; it loads Leaflet and the atlas script from the app itself.

    `urls` gives the files the map frame fetches: landUrl, bordersUrl, originsUrl, eventsUrl
    (`map_data`) and detailsUrl; `view`, from a shared link, where it opens.

    The tiles and their switch are made by atlas.setup too, not as folium layers: a folium layer
    adds to itself each time it is drawn, so a map kept for a session would change on its
    second rerun, and streamlit-folium mount it anew.
    """
    start = {"location": (view.lat, view.lng), "zoom_start": view.zoom} if view else START_VIEW
    atlas_map = folium.Map(tiles=None, min_zoom=1, zoom_snap=ZOOM_SNAP, control_scale=True, **start)
    atlas_map.default_js, atlas_map.default_css = assets.library_urls()
    AtlasSetup({**urls, "tiles": TILES_OPTIONS, "fitBounds": None if view else USSR_BOUNDS}).add_to(atlas_map)
    return atlas_map


def _rounded(geometry: dict, decimals: int) -> dict:
    def walk(value):
        return round(value, decimals) if isinstance(value, float) else [walk(v) for v in value]

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def _shape(geometry) -> dict:
    """An event's shape as the map draws it: points to about 100 m, lines and areas simplified
    to about 4 km, near the precision of the border data they are drawn from."""
    decimals = POINT_DECIMALS
    if geometry.geom_type not in ("Point", "MultiPoint"):
        geometry = geometry.simplify(DISPLAY_TOLERANCE_DEGREES, preserve_topology=True)
        decimals = SHAPE_DECIMALS
    return _rounded(mapping(geometry), decimals)


def largest_camp(events: gpd.GeoDataFrame) -> int:
    """The largest count of any camp in any year: the one scale of every year's circles (at
    least 1, so that a file whose counts are all 0 still has a scale)."""
    return max((max(counts.values()) for counts in events["prisoners"] if counts), default=0) or 1


def camp_radius(prisoners: int, largest: int) -> float:
    """Circle radius in pixels, its area proportional to the prisoners (no larger than the
    largest count's)."""
    return round(max(MIN_CAMP_RADIUS, MAX_CAMP_RADIUS * math.sqrt(min(prisoners / largest, 1))), 1)


def largest_deported(events: gpd.GeoDataFrame) -> float:
    """The largest number of people any deportation took: the one scale of the arrows' widths
    (0 when no number is sourced)."""
    largest = events["deported"].max()
    return float(largest) if largest > 0 else 0.0


def flow_width(deported: float, largest: float) -> float:
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


def map_feature(row, largest_prisoners: int, largest_deported: float, colour: str | None) -> dict:
    """What the map frame knows of one event: its shape, id, name and dates (tooltips), and what
    the filters and the styles need: theme `c`, years `y`, a camp's type `t`, activities `a`
    and circle radius by year `r`, a flow's width `w`, a loss region's colour `f`, an area's
    approximate outline `d`.

    Details (popups) stay in their own file, fetched on the first click.
    """
    props = {"id": row.id, "name": row.name, "when": row.when, "c": row.category, "y": [row.start_year, row.end_year]}
    if CATEGORIES[row.category].symbol == "circle":
        props |= {
            "t": row.subcategory,
            "a": list(row.activity),
            "r": {year: camp_radius(count, largest_prisoners) for year, count in row.prisoners.items()},
        }
    if row.category == "deportation":
        props["w"] = flow_width(row.deported, largest_deported)
    if colour:
        props["f"] = colour
    if row.geometry.geom_type.endswith("Polygon") and row.properties.location_precision == "approximate":
        props["d"] = 1  # an approximate outline: dashed, answering only on its outline
    return {"type": "Feature", "geometry": _shape(row.geometry), "properties": props}


def prepare(events: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Add what the map needs, once per load: `map_feature` and `loss_colour`."""
    largest_prisoners = largest_camp(events)
    largest_flow = largest_deported(events) or 1  # none sourced, or all 0: no division by 0
    colours = [loss_colour(props) for props in events["properties"]]
    features = [
        map_feature(row, largest_prisoners, largest_flow, colour)
        for row, colour in zip(events.itertuples(), colours)
    ]
    return events.assign(map_feature=features, loss_colour=colours)


def _style(category: Category) -> dict:
    if category.symbol == "area":
        return {"color": category.colour, "weight": 1.5, "fillColor": category.colour, "fillOpacity": 0.25}
    if category.symbol == "circle":
        return {"color": category.colour, "weight": 1, "fillColor": category.colour, "fillOpacity": 0.35}
    return {"color": category.colour, "weight": 3, "opacity": 0.9}


def map_data(events: gpd.GeoDataFrame) -> dict:
    """The file the map frame fetches once: each theme's style and symbol, and every event's
    `map_feature` (events made by `prepare`). Camps are drawn as circles, other points as the
    theme's symbol; the symbols are the atlas's own SVG, never data."""
    themes = {
        key: {"style": _style(category), "symbol": None if category.symbol == "circle" else symbol_svg(category, 14)}
        for key, category in CATEGORIES.items()
    }
    return {"themes": themes, "origin": ORIGIN_STYLE, "features": events["map_feature"].tolist()}


def filter_state(years: tuple[int, int], themes: list[str], camp_types, activities, borders: bool) -> dict:
    """What the map frame shows, in the terms of `filters.select`: None for camp types or
    activities means not narrowed. Camps are sized, and borders drawn, for the last year."""
    return {
        "years": list(years),
        "themes": list(themes),
        "campTypes": None if camp_types is None else list(camp_types),
        "activities": None if activities is None else list(activities),
        "borders": borders,
    }


def filter_layer(state: dict) -> folium.FeatureGroup:
    """The feature group a rerun sends: no shapes, only `state` for atlas.show."""
    group = folium.FeatureGroup(name="Events shown", control=False)
    AtlasFilter(state).add_to(group)
    return group


def take_off(base: folium.Map, layer: folium.FeatureGroup) -> None:
    """st_folium adds the feature group it sends to the map; take it off, so that a base map
    kept for the next rerun is the same (a changed base would be mounted anew, losing the view)."""
    base._children.pop(layer.get_name(), None)

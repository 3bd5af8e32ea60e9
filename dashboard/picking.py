"""Which event a click on the map meant.

streamlit-folium reports where an event was clicked, not which: a symbol reports its own
position, a circle, line or area the point under the cursor. Symbols and circles are drawn
above lines, and lines above areas, so the same order decides here.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import Point

SAME_PLACE_DEGREES = 0.001  # a symbol reports its own position, rounded for the map (mapview.POINT_DECIMALS)
NEAR_POINT_DEGREES = 1.0  # a click inside a camp's circle, at the zooms where circles overlap
NEAR_LINE_DEGREES = 0.3


def event_at(events: gpd.GeoDataFrame, lat: float, lng: float) -> str | None:
    """The id of the shown event at (lat, lng), or None when nothing is there."""
    if events.empty:
        return None
    click = Point(lng, lat)
    kinds = events.geometry.geom_type.str.removeprefix("Multi")
    # In degrees, on purpose: the tolerances above are in the map's units, not metres.
    distances = pd.Series(shapely.distance(events.geometry.to_numpy(), click), index=events.index)
    points, lines, areas = (kinds == "Point"), (kinds == "LineString"), (kinds == "Polygon")
    for candidates, reach in ((points, SAME_PLACE_DEGREES), (points, NEAR_POINT_DEGREES), (lines, NEAR_LINE_DEGREES)):
        near = distances[candidates & (distances <= reach)]
        if not near.empty:
            return events.loc[near.idxmin(), "id"]
    containing = events[areas & (distances == 0)]
    if not containing.empty:  # the smallest area, which is drawn above larger ones
        return containing["id"].iloc[shapely.area(containing.geometry.to_numpy()).argmin()]
    return None

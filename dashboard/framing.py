"""The map view that shows an event in its context: a place with its surroundings, a flow or
a region whole, never the middle of an arrow at a zoom that shows only empty ground."""

from __future__ import annotations

import math

from shapely.geometry.base import BaseGeometry

PLACE_ZOOM = 6  # a place with its region around it; no event is framed closer
WIDEST_ZOOM = 2
FRAME_PIXELS = (700, 500)  # the part of the map an event must fit in, leaving a margin
TILE_PIXELS = 256


def _mercator_y(latitude: float) -> float:
    """Web Mercator's y, in turns (0 at the equator, 0.5 near 85° N)."""
    clipped = max(min(latitude, 85.0), -85.0)
    return math.log(math.tan(math.pi / 4 + math.radians(clipped) / 2)) / (2 * math.pi)


def view_for(geometry: BaseGeometry) -> tuple[list[float], int]:
    """([latitude, longitude], zoom) that shows all of `geometry`, at PLACE_ZOOM or wider."""
    west, south, east, north = geometry.bounds
    width = (east - west) / 360
    height = _mercator_y(north) - _mercator_y(south)
    fits = [pixels / (TILE_PIXELS * extent) for pixels, extent in zip(FRAME_PIXELS, (width, height)) if extent > 0]
    zoom = min(PLACE_ZOOM, math.floor(math.log2(min(fits)))) if fits else PLACE_ZOOM
    middle_y = (_mercator_y(north) + _mercator_y(south)) / 2
    latitude = math.degrees(2 * math.atan(math.exp(middle_y * 2 * math.pi)) - math.pi / 2)
    return [round(latitude, 4), round((west + east) / 2, 4)], max(WIDEST_ZOOM, zoom)

"""Derive `geodata/land.geojson`: the world's land as one simplified shape.

The map draws it under the tiles, so that coasts stay visible when no tile server can be
reached (offline classrooms, museums). Source: Natural Earth 1:50m countries (public domain),
dissolved, with islands under ~100 km² dropped and simplified to about 5 km.

    python scripts/derive_land.py
"""

from __future__ import annotations

import geopandas as gpd
from shapely import MultiPolygon, set_precision

from common import REFERENCE, REPO, write_feature_collection

TOLERANCE_DEGREES = 0.05
MIN_AREA_SQ_DEGREES = 0.01


def derive() -> dict:
    countries = gpd.read_file(REFERENCE / "borders" / "ne_50m_admin_0_countries.json")
    land = countries.geometry.union_all().simplify(TOLERANCE_DEGREES)
    parts = [part for part in getattr(land, "geoms", [land]) if part.area >= MIN_AREA_SQ_DEGREES]
    land = set_precision(MultiPolygon(parts), 0.001).buffer(0)
    return {"type": "Feature", "properties": {"source": "naturalearth"}, "geometry": land.__geo_interface__}


if __name__ == "__main__":
    write_feature_collection(REPO / "geodata" / "land.geojson", [derive()])

"""State borders of a selected year, 1922-1960, from the committed `geodata/borders/borders.geojson`.

The file (made by `scripts/derive_borders.py` from CShapes 2.0 and historical-basemaps, GPL)
holds each distinct polygon once with the years it is valid (`from_year`..`to_year`, borders as
of 31 December). `is_ussr` marks the Soviet Union; `status` is CShapes' independent / colony /
occupied / mandate / protectorate, and `owner` names the ruling state of a dependency or zone.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import geopandas as gpd

BORDERS_FILE = Path(__file__).resolve().parents[1] / "geodata" / "borders" / "borders.geojson"
FIRST_YEAR, LAST_YEAR = 1922, 1960
COLUMNS = ["name", "is_ussr", "status", "owner", "geometry"]


def border_years() -> range:
    """The years for which borders exist (the app's slider range)."""
    return range(FIRST_YEAR, LAST_YEAR + 1)


@cache
def _all_borders() -> gpd.GeoDataFrame:
    frame = gpd.read_file(BORDERS_FILE)
    frame["is_ussr"] = frame["is_ussr"].astype(bool)
    frame["owner"] = frame["owner"].fillna("")
    return frame.set_crs(4326, allow_override=True)


@cache
def _borders_for_year(year: int) -> gpd.GeoDataFrame:
    frame = _all_borders()
    chosen = frame[(frame["from_year"] <= year) & (frame["to_year"] >= year)]
    return chosen[COLUMNS].reset_index(drop=True)


def borders_for_year(year: int) -> gpd.GeoDataFrame:
    """The states as of 31 December `year`: columns name, is_ussr, status, owner, geometry (WGS84).

    Years outside `border_years()` are clamped to the nearest year covered. Returns a copy,
    so callers may add columns freely.
    """
    year = min(max(int(year), FIRST_YEAR), LAST_YEAR)
    return _borders_for_year(year).copy()


def ussr_for_year(year: int):
    """The USSR's territory as of 31 December `year`, one (Multi)Polygon."""
    frame = borders_for_year(year)
    return frame[frame["is_ussr"]].geometry.union_all()

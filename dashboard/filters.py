"""Pure functions over the events GeoDataFrame: what the sidebar's choices leave on the map."""

from __future__ import annotations

from collections.abc import Iterable

import geopandas as gpd
import pandas as pd

DEFAULT_YEARS = (1922, 1960)


def year_bounds(events: gpd.GeoDataFrame) -> tuple[int, int]:
    """The slider's range: the atlas period, widened to take in every event."""
    if events.empty:
        return DEFAULT_YEARS
    return min(DEFAULT_YEARS[0], int(events["start_year"].min())), max(DEFAULT_YEARS[1], int(events["end_year"].max()))


def in_years(events: gpd.GeoDataFrame, first: int, last: int) -> pd.Series:
    """Events whose [start, end] overlaps the years first..last (inclusive)."""
    return (events["start_year"] <= last) & (events["end_year"] >= first)


def select(events: gpd.GeoDataFrame, years: tuple[int, int], categories: Iterable[str]) -> gpd.GeoDataFrame:
    """The events shown for a year range and a set of categories."""
    return events[in_years(events, *years) & events["category"].isin(list(categories))]


def counts_by_category(events: gpd.GeoDataFrame) -> dict[str, int]:
    return events["category"].value_counts().to_dict()

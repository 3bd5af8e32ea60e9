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


def select(
    events: gpd.GeoDataFrame,
    years: tuple[int, int],
    categories: Iterable[str],
    camp_types: Iterable[str] | None = None,
    activities: Iterable[str] | None = None,
) -> gpd.GeoDataFrame:
    """The events shown for a year range and a set of categories.

    `camp_types` and `activities`, when given, narrow the Gulag camps to those of these types
    and with at least one of these economic activities; other themes are not affected.
    """
    shown = in_years(events, *years) & events["category"].isin(list(categories))
    not_camp = events["category"] != "gulag"
    if camp_types is not None:
        shown &= not_camp | events["subcategory"].isin(list(camp_types))
    if activities is not None:
        wanted = set(activities)
        shown &= not_camp | events["activity"].map(lambda activity: not wanted.isdisjoint(activity))
    return events[shown]


def camp_options(events: gpd.GeoDataFrame) -> tuple[list[str], list[str]]:
    """The camp types and economic activities found in the data, sorted."""
    camps = events[events["category"] == "gulag"]
    types = sorted(camps["subcategory"].dropna().unique())
    activities = sorted({activity for listed in camps["activity"] for activity in listed})
    return types, activities


def prisoners_by_year(events: gpd.GeoDataFrame) -> pd.Series:
    """Total prisoners in the camps by year: the sum of every camp location's count."""
    camps = events[events["category"] == "gulag"]
    totals: dict[int, int] = {}
    for counts in camps["prisoners"]:
        for year, count in counts.items():
            totals[year] = totals.get(year, 0) + count
    return pd.Series(totals, name="prisoners", dtype="int64").rename_axis("year").sort_index()


def counts_by_category(events: gpd.GeoDataFrame) -> dict[str, int]:
    return events["category"].value_counts().to_dict()


def events_per_year(events: gpd.GeoDataFrame) -> pd.DataFrame:
    """How many events of each category are under way each year: columns year, category, events."""
    spans = pd.DataFrame(
        {
            "category": events["category"],
            "year": [list(range(first, last + 1)) for first, last in zip(events["start_year"], events["end_year"])],
        }
    ).explode("year")
    if spans.empty:
        return pd.DataFrame(columns=["year", "category", "events"])
    return spans.groupby(["year", "category"]).size().rename("events").reset_index().astype({"year": int})

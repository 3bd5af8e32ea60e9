"""The events dataset as a GeoDataFrame: one row an event, with its year span for filtering."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
from shapely.geometry import shape

from . import dates
from .schema import EventFeature
from .validation import Problem, check_file

COLUMNS = ["id", "name", "category", "start", "end", "start_year", "end_year", "when", "properties", "geometry"]


@dataclass(frozen=True)
class Dataset:
    events: gpd.GeoDataFrame
    problems: list[Problem]
    path: str


def load(path: str | Path) -> Dataset:
    """Read and check `path`; the events that pass are kept, the problems listed beside them."""
    checked = check_file(path)
    return Dataset(to_frame(checked.features), checked.problems, str(path))


def to_frame(features: list[EventFeature]) -> gpd.GeoDataFrame:
    rows = []
    for feature in features:
        props = feature.properties
        rows.append(
            {
                "id": props.id,
                "name": props.name,
                "category": props.category,
                "start": props.start,
                "end": props.end,
                "start_year": dates.first_day(props.start).year,
                "end_year": dates.last_day(props.last_date).year,
                "when": dates.format_span(props.start, props.end, props.date_precision),
                "properties": props,
                "geometry": shape(feature.geometry.model_dump()),
            }
        )
    return gpd.GeoDataFrame(rows, columns=COLUMNS, geometry="geometry", crs="EPSG:4326")

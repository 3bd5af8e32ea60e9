"""The events dataset as a GeoDataFrame: one row an event, with its year span for filtering."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
from shapely.geometry import shape

from . import dates
from .schema import EventFeature, EventProperties
from .validation import Problem, check_file

COLUMNS = [
    "id", "name", "category", "subcategory", "activity", "start", "end", "start_year", "end_year", "when",
    "prisoners", "deported", "properties", "geometry",
]


@dataclass(frozen=True)
class Dataset:
    events: gpd.GeoDataFrame
    problems: list[Problem]
    path: str


def load(path: str | Path) -> Dataset:
    """Read and check `path`; the events that pass are kept, the problems listed beside them."""
    checked = check_file(path)
    return Dataset(to_frame(checked.features), checked.problems, str(path))


def yearly(props: EventProperties, measure: str) -> dict[int, int]:
    """{year: count} from the figures of one measure that give a year (the high end of a range)."""
    return {figure.year: figure.high for figure in props.figures if figure.measure == measure and figure.year}


def largest(props: EventProperties, measure: str) -> int | None:
    highs = [figure.high for figure in props.figures if figure.measure == measure]
    return max(highs) if highs else None


def to_frame(features: list[EventFeature]) -> gpd.GeoDataFrame:
    rows = []
    for feature in features:
        props = feature.properties
        rows.append(
            {
                "id": props.id,
                "name": props.name,
                "category": props.category,
                "subcategory": props.subcategory,
                "activity": tuple(props.activity),
                "start": props.start,
                "end": props.end,
                "start_year": dates.first_day(props.start).year,
                "end_year": dates.last_day(props.last_date).year,
                "when": dates.format_span(props.start, props.end, props.date_precision),
                "prisoners": yearly(props, "prisoners"),
                "deported": largest(props, "deported"),
                "properties": props,
                "geometry": shape(feature.geometry.model_dump()),
            }
        )
    return gpd.GeoDataFrame(rows, columns=COLUMNS, geometry="geometry", crs="EPSG:4326")

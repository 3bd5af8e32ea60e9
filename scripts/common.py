"""Shared by the scripts that derive data: where the reference data is, and how files are written."""

from __future__ import annotations

import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REFERENCE = REPO.parent / "shared" / "reference"


def feature_collection_text(features: list[dict]) -> str:
    """GeoJSON with one feature a line, so that diffs show which events changed."""
    lines = ",\n".join(json.dumps(feature, ensure_ascii=False, separators=(",", ":")) for feature in features)
    return '{"type":"FeatureCollection","features":[\n' + lines + "\n]}\n"


def write_feature_collection(path: Path, features: list[dict]) -> None:
    path.write_text(feature_collection_text(features), encoding="utf-8")


def read_features(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["features"]


def source(key: str, supports: str = "both", pages: str | None = None, url: str | None = None) -> dict:
    """A citation in the events' form: `supports` (which end of a range) only when not both."""
    cited = {"key": key}
    if pages:
        cited["pages"] = pages
    if url:
        cited["url"] = url
    if supports != "both":
        cited["supports"] = supports
    return cited


def fig(measure: str, low: int, high: int | None = None, *, sources: list[dict], note: str | None = None,
        year: int | None = None, unit: str = "people") -> dict:
    """A figure in the events' form: high defaults to low (a number known exactly)."""
    figure = {"measure": measure, "low": low, "high": low if high is None else high, "unit": unit}
    if year is not None:
        figure["year"] = year
    if note:
        figure["note"] = note
    figure["sources"] = sources
    return figure

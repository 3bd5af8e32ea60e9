"""Build `events.geojson` from the theme files in `data/`.

Each theme (the Gulag, deportations, battles...) keeps its events in `data/<theme>.geojson`,
hand-entered or written by a `scripts/derive_*.py` script from the reference data. This
joins them, in file-name order, into the one dataset the atlas reads, each event's
properties in the order of the schema (`dashboard/schema.py`).

    python scripts/build_events.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dashboard.schema import AltName, Citation, EventProperties, Figure, FigureSource, Place  # noqa: E402
from scripts.common import REPO, read_features, write_feature_collection  # noqa: E402


# The models of the schema's nested values, by the field that holds them.
NESTED = {EventProperties: {"alt_names": AltName, "place": Place, "figures": Figure, "sources": Citation},
          Figure: {"sources": FigureSource}}


def in_schema_order(value, model):
    """The value with the keys of its objects in the order the schema declares them (keys the
    schema lacks last, as they were, for the validator to report)."""
    if isinstance(value, list):
        return [in_schema_order(item, model) for item in value]
    if not isinstance(value, dict):
        return value
    fields, nested = list(model.model_fields), NESTED.get(model, {})
    keys = sorted(value, key=lambda key: fields.index(key) if key in fields else len(fields))
    return {key: in_schema_order(value[key], nested[key]) if key in nested else value[key] for key in keys}


def canonical(feature: dict) -> dict:
    return {"type": "Feature", "geometry": feature["geometry"],
            "properties": in_schema_order(feature["properties"], EventProperties)}


def build() -> list[dict]:
    return [canonical(feature) for path in sorted((REPO / "data").glob("*.geojson")) for feature in read_features(path)]


if __name__ == "__main__":
    features = build()
    write_feature_collection(REPO / "events.geojson", features)
    print(f"events.geojson: {len(features)} events from data/*.geojson")

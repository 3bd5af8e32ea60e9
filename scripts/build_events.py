"""Build `events.geojson` from the theme files in `data/`.

Each theme (the Gulag, deportations, battles...) keeps its events in `data/<theme>.geojson`,
hand-entered or written by a `scripts/derive_*.py` script from the reference data. This
joins them, in file-name order, into the one dataset the atlas reads.

    python scripts/build_events.py
"""

from __future__ import annotations

from common import REPO, read_features, write_feature_collection


def build() -> list[dict]:
    return [feature for path in sorted((REPO / "data").glob("*.geojson")) for feature in read_features(path)]


if __name__ == "__main__":
    features = build()
    write_feature_collection(REPO / "events.geojson", features)
    print(f"events.geojson: {len(features)} events from data/*.geojson")

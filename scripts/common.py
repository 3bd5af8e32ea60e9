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

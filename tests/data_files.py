"""The atlas's events of a theme as built into `events.geojson`, and the fact entries
(`facts/<theme>.yaml`) they are built from, for the data tests."""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from scripts import facts  # noqa: E402

EVENTS = REPO / "events.geojson"
FACTS = REPO / "facts"


@cache
def _all_features() -> tuple[dict, ...]:
    return tuple(json.loads(EVENTS.read_text(encoding="utf-8"))["features"])


def features(*categories: str) -> list[dict]:
    """The features of events.geojson in these categories, in the file's order."""
    return [feature for feature in _all_features() if feature["properties"]["category"] in categories]


def fact_events(theme: str) -> list[dict]:
    """The entries of `facts/<theme>.yaml`, as written."""
    return list(facts.read(FACTS / f"{theme}.yaml")["events"] or [])

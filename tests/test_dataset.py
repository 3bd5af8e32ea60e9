"""The committed dataset: valid, built from data/, and covering every theme of the atlas."""

import json
import sys
from collections import Counter
from pathlib import Path

from dashboard.validation import check_file

REPO = Path(__file__).parents[1]
EVENTS = REPO / "events.geojson"
sys.path.insert(0, str(REPO / "scripts"))

from build_events import build  # noqa: E402


def test_events_file_is_valid():
    checked = check_file(EVENTS)
    assert [str(p) for p in checked.problems] == []


def test_events_file_is_built_from_the_theme_files():
    """Run `python scripts/build_events.py` after editing data/*.geojson."""
    assert json.loads(EVENTS.read_text(encoding="utf-8"))["features"] == build()


def test_every_theme_and_kind_of_geometry_is_on_the_map():
    features = check_file(EVENTS).features
    categories = Counter(f.properties.category for f in features)
    assert {"gulag", "deportation", "famine", "battle", "bloc_expansion", "terror"} <= set(categories)
    kinds = {f.geometry.type.removeprefix("Multi") for f in features}
    assert {"Point", "LineString", "Polygon"} <= kinds
    assert len(features) >= 40


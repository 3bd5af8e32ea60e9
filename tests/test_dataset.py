"""The committed dataset: valid and covering every theme of the atlas (that it is what the fact
files build: tests/test_data_build.py)."""

from collections import Counter
from pathlib import Path

from dashboard.validation import check_file

REPO = Path(__file__).parents[1]
EVENTS = REPO / "events.geojson"


def test_events_file_is_valid():
    checked = check_file(EVENTS)
    assert [str(p) for p in checked.problems] == []


def test_every_theme_and_kind_of_geometry_is_on_the_map():
    features = check_file(EVENTS).features
    categories = Counter(f.properties.category for f in features)
    assert {"gulag", "deportation", "famine", "battle", "bloc_expansion", "terror"} <= set(categories)
    kinds = {f.geometry.type.removeprefix("Multi") for f in features}
    assert {"Point", "LineString", "Polygon"} <= kinds
    assert len(features) >= 40


import copy
import json
import re
from pathlib import Path

import pytest

from dashboard.events import load

REPO = Path(__file__).parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = FIXTURES / "sample_events.geojson"


def as_read(markdown: str) -> str:
    """What a reader sees of Markdown that quotes values in code spans (dashboard.plain)."""
    return re.sub(r"(`+) (.*?) \1", r"\2", markdown)


@pytest.fixture(scope="session")
def sample():
    """The events of the small test file, as a GeoDataFrame."""
    return load(SAMPLE).events


@pytest.fixture(scope="session")
def real():
    """The atlas's own events, as a GeoDataFrame."""
    return load(REPO / "events.geojson").events


@pytest.fixture
def sample_document() -> dict:
    """A fresh, valid FeatureCollection to break in a test."""
    return copy.deepcopy(json.loads(SAMPLE.read_text(encoding="utf-8")))


@pytest.fixture
def write_geojson(tmp_path):
    def write(document, name="events.geojson") -> Path:
        path = tmp_path / name
        path.write_text(document if isinstance(document, str) else json.dumps(document), encoding="utf-8")
        return path

    return write

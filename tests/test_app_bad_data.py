"""The page given a bad events file: a clear message above a working atlas, never a traceback."""

import json

from conftest import as_read
from test_app import run_app, shown_line


def problems_banner(app) -> str:
    return as_read(next(error.value for error in app.error if "problem(s) in the events file" in error.value))


def test_a_file_too_deep_to_read_gives_the_banner(monkeypatch, write_geojson):
    app = run_app(monkeypatch, write_geojson("[" * 100_000 + "]" * 100_000))
    assert "nests arrays or objects too deeply" in problems_banner(app)
    assert "The events file has no events" in app.info[0].value


def test_an_implausible_count_leaves_out_its_event_and_keeps_the_rest(monkeypatch, write_geojson, sample_document):
    sample_document["features"][0]["properties"]["figures"][0].update(low=10**20, high=10**20)
    app = run_app(monkeypatch, write_geojson(sample_document))
    assert "feature 0 (id 'camp-vishersky'): properties.figures[0].low" in problems_banner(app)
    assert shown_line(app).startswith("**5 of 5 events shown**")
    assert app.expander, "the table of events is gone"


def test_a_link_to_an_event_with_an_empty_geometry_says_it_is_not_there(monkeypatch, write_geojson, sample_document):
    sample_document["features"][5]["geometry"]["coordinates"] = []
    app = run_app(monkeypatch, write_geojson(sample_document), event="bloc-test-annexation")
    assert "geometry.coordinates: is empty" in problems_banner(app)
    assert "From the link: event bloc-test-annexation is not in the atlas: no event selected." in [
        as_read(warning.value) for warning in app.warning
    ]

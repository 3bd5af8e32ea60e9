"""The validator on good and bad files: every problem names the file, the feature and the field."""

import subprocess
import sys

import pytest

from dashboard.validation import check_document, check_file

from conftest import SAMPLE


def problems_of(document):
    return check_document(document, "events.geojson").problems


def test_sample_file_is_valid():
    checked = check_file(SAMPLE)
    assert checked.problems == []
    assert len(checked.features) == 6


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", "is empty"),
        ("{", "is not valid JSON"),
        ("[]", "must be a GeoJSON FeatureCollection, found 'list'"),
        ('{"type": "Feature"}', "found 'Feature'"),
        ('{"type": "FeatureCollection"}', "has no 'features' list"),
    ],
)
def test_unusable_files_give_one_clear_problem(write_geojson, text, expected):
    path = write_geojson(text)
    [problem] = check_file(path).problems
    assert expected in str(problem)
    assert str(path) in str(problem)


def break_feature(document, index, change):
    change(document["features"][index])
    return [str(p) for p in problems_of(document)]


@pytest.mark.parametrize(
    "change, field, message",
    [
        (lambda f: f.update(geometry=None), "geometry", "is missing its geometry"),
        (lambda f: f["properties"].pop("name"), "properties.name", "is required"),
        (lambda f: f["properties"].update(colour="red"), "properties.colour", "not a field of the schema"),
        (lambda f: f["properties"].update(category="war"), "properties.category", "'war'"),
        (lambda f: f["properties"].update(start="1935", end="1934"), "properties", "start (1935) is after end (1934)"),
        (lambda f: f["properties"].update(start="1899"), "properties.start", "outside 1900-1991"),
        (lambda f: f["properties"].update(start="1937-02-30"), "properties.start", "not a real date"),
        (lambda f: f["properties"].update(start="1929", date_precision="day"), "properties", "not written to the day"),
        (lambda f: f["properties"]["sources"][0].update(key="nobody2020"), "properties.sources[0].key", "not in the bibliography"),
        (lambda f: f["properties"].update(sources=[]), "properties.sources", "at least 1"),
        (lambda f: f["properties"].update(related=["no-such-event"]), "properties.related[0]", "not the id of any event"),
        (lambda f: f["properties"]["figures"][0].update(low=50000, high=40000), "properties.figures[0]", "greater than high"),
        (lambda f: f["properties"]["figures"][0].update(high=45000, sources=[{"key": "smirnov1998", "supports": "low"}]), "properties.figures[0]", "high end of the range"),
        (lambda f: f.update(geometry={"type": "Point", "coordinates": [200.0, 60.0]}), "geometry.coordinates", "outside longitude"),
        (lambda f: f["properties"].update(translations={"de": {"description": "Ein Lager an der Wischera im Ural."}}),
         "properties.translations.de", "Input should be 'ru' or 'uk'"),
        (lambda f: f.update(geometry={"type": "LineString", "coordinates": [[0, 0], [1, 1]]}), "geometry.type", "does not fit category 'gulag'"),
    ],
)
def test_feature_problem_names_feature_and_field(sample_document, change, field, message):
    found = break_feature(sample_document, 0, change)
    assert any(f"feature 0 (id 'camp-vishersky'): {field}: " in p and message in p for p in found), found


def test_polygon_rules(sample_document):
    famine = 2
    unclosed = [[[50, 45], [80, 45], [80, 54], [50, 54]]]
    found = break_feature(sample_document, famine, lambda f: f["geometry"].update(coordinates=unclosed))
    assert any("feature 2" in p and "same start and end" in p for p in found)
    bow_tie = [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]
    found = break_feature(sample_document, famine, lambda f: f["geometry"].update(coordinates=bow_tie))
    assert any("feature 2 (id 'famine-test-region'): geometry: " in p and "Self-intersection" in p for p in found)


def test_duplicate_id_keeps_the_first_and_reports_the_second(sample_document):
    sample_document["features"][3]["properties"]["id"] = "camp-vishersky"
    checked = check_document(sample_document, "events.geojson")
    [problem] = checked.problems
    assert (problem.index, problem.field) == (3, "properties.id")
    assert "duplicates the id of feature 0" in problem.message
    assert [f.properties.id for f in checked.features].count("camp-vishersky") == 1
    assert len(checked.features) == 5


def test_good_features_are_kept_beside_bad_ones(sample_document):
    sample_document["features"][1]["properties"]["start"] = "soon"
    checked = check_document(sample_document, "events.geojson")
    assert len(checked.problems) == 1
    assert len(checked.features) == 5


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "dashboard", "validate", *args], capture_output=True, text=True)


def test_cli_passes_a_good_file():
    result = run_cli(str(SAMPLE))
    assert result.returncode == 0
    assert "6 events, all valid" in result.stdout


@pytest.mark.parametrize("text", ["", "{", "[1, 2]", '{"type":"FeatureCollection","features":[{"type":"Feature"}]}'])
def test_cli_fails_bad_files_without_a_traceback(write_geojson, text):
    path = write_geojson(text)
    result = run_cli(str(path))
    assert result.returncode == 1
    assert str(path) in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_reports_every_problem(write_geojson, sample_document):
    sample_document["features"][0]["properties"]["start"] = "1899"
    sample_document["features"][4]["properties"].pop("description")
    result = run_cli(str(write_geojson(sample_document)))
    assert result.returncode == 1
    assert "feature 0 (id 'camp-vishersky'): properties.start" in result.stderr
    assert "feature 4 (id 'politics-xss'): properties.description: is required" in result.stderr
    assert "2 problem(s); 4 feature(s) passed" in result.stderr

"""The validator against hostile and careless files: it answers in words, never with a
traceback or a silent yes, and its output stays short whatever the file holds."""

import json

import pytest

from dashboard.validation import check_document, check_file

from test_validation import break_feature, run_cli


@pytest.mark.parametrize(
    "text, expected",
    [
        ("[" * 100_000 + "]" * 100_000, "nests arrays or objects too deeply"),
        ('{"type": "FeatureCollection", "features": [' + "7" * 5000 + "]}", "is not usable JSON"),
        ('{"type": "FeatureCollection", "features": [], "features": []}', "has the key 'features' more than once"),
    ],
)
def test_files_that_would_raise_give_one_clear_problem(write_geojson, text, expected):
    path = write_geojson(text)
    [problem] = check_file(path).problems
    assert expected in str(problem) and str(path) in str(problem)


@pytest.mark.parametrize(
    "change, field, message",
    [
        (lambda f: f["geometry"].update(coordinates=["57.07", 60.4]), "geometry.coordinates[0]", "valid number"),
        (lambda f: f["geometry"].update(coordinates=[True, 60.4]), "geometry.coordinates[0]", "valid number"),
        (lambda f: f["properties"]["figures"][0].update(low="39000"), "properties.figures[0].low", "valid integer"),
        (lambda f: f["properties"]["figures"][0].update(high=True), "properties.figures[0].high", "valid integer"),
        (lambda f: f["properties"]["figures"][0].update(year="1931"), "properties.figures[0].year", "valid integer"),
        (lambda f: f["properties"]["figures"][0].update(low=10**20, high=10**20), "properties.figures[0].low", "less than or equal to 1000000000"),
        (lambda f: f["properties"].update(related=["camp-vishersky"]), "properties.related", "names the event itself"),
        (lambda f: f["properties"].update(name="Vishersky \u202eLTI"), "properties.name", "bidirectional character U+202E at position 10"),
        (lambda f: f["properties"].update(name="Vishersky\x00"), "properties.name", "control or bidirectional character U+0000"),
        (lambda f: f["properties"].update(description="A camp. " * 250_000), "properties.description", "at most 700 characters"),
        (lambda f: f["properties"].update(alt_names=[{"name": "x", "lang": "ru"}] * 51), "properties.alt_names", "at most 50 items"),
    ],
)
def test_strict_and_bounded_fields(sample_document, change, field, message):
    found = break_feature(sample_document, 0, change)
    assert any(f"feature 0 (id 'camp-vishersky'): {field}: " in p and message in p for p in found), found
    assert all(len(p) < 400 for p in found), "a problem repeats a long value whole"


def test_empty_geometries_are_rejected(sample_document):
    found = break_feature(sample_document, 5, lambda f: f["geometry"].update(coordinates=[]))
    assert any("feature 5 (id 'bloc-test-annexation'): geometry.coordinates: is empty" in p for p in found), found


def test_duplicate_keys_are_named_with_their_field(write_geojson, sample_document):
    text = json.dumps(sample_document).replace('"low": 39000', '"low": 39000, "low": 38000', 1)
    [problem] = check_file(write_geojson(text)).problems
    assert (problem.index, problem.field) == (0, "properties.figures[0]")
    assert "has the key 'low' more than once" in problem.message


def test_a_huge_bad_id_is_quoted_short(sample_document):
    sample_document["features"][0]["properties"]["id"] = "X" * 10_000_000
    problems = [str(p) for p in check_document(sample_document, "events.geojson").problems]
    assert problems and all(len(p) < 400 for p in problems), [p[:200] for p in problems]
    assert any("properties.id" in p and "…" in p for p in problems)


def test_cli_stops_listing_after_a_hundred_and_gives_the_total(write_geojson, sample_document):
    bad = sample_document["features"][3]
    bad["properties"]["start"] = "1899"
    sample_document["features"] = [
        {**bad, "properties": {**bad["properties"], "id": f"battle-{i}"}} for i in range(5000)
    ]
    result = run_cli(str(write_geojson(sample_document)))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) <= 102
    assert "… 4900 more problem(s) not listed" in lines
    assert "5000 problem(s); 0 feature(s) passed" in lines[-1]

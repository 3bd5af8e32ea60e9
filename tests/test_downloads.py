"""The events shown, downloaded as GeoJSON and CSV: the data as it is, with its licence and sources."""

import csv
import io
import json
from pathlib import Path

import pytest
from shapely.geometry import shape

from dashboard.bibliography import citations, cite
from dashboard.downloads import CSV_COLUMNS, file_name, to_csv, to_geojson
from dashboard.events import load
from dashboard.validation import check_document

from conftest import REPO, SAMPLE


def features_by_id(path: Path) -> dict[str, dict]:
    document = json.loads(path.read_text(encoding="utf-8"))
    return {feature["properties"]["id"]: feature for feature in document["features"]}


def read_csv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


# GeoJSON

def test_geojson_validates_and_holds_exactly_the_given_events(sample):
    shown = sample[sample["category"].isin(["gulag", "battle", "famine"])]
    document = json.loads(to_geojson(shown))
    checked = check_document(document, "download.geojson")
    assert [str(problem) for problem in checked.problems] == []
    assert [feature["properties"]["id"] for feature in document["features"]] == shown["id"].tolist()


def test_geojson_features_are_those_of_the_file(sample):
    original = features_by_id(SAMPLE)
    document = json.loads(to_geojson(sample))
    for feature in document["features"]:
        assert feature == original[feature["properties"]["id"]]


def test_real_data_round_trips_unchanged(real):
    original = features_by_id(REPO / "events.geojson")
    document = json.loads(to_geojson(real))
    assert len(document["features"]) == len(original)
    for feature in document["features"]:
        assert feature == original[feature["properties"]["id"]]
    assert check_document(document, "download.geojson").problems == []


def test_geojson_names_its_licence(sample):
    licence = json.loads(to_geojson(sample))["licence"]
    assert "GPL-3.0" in licence and "GNU General Public License, version 3" in licence
    assert "README.md" in licence


def test_geojson_cites_every_source_of_the_included_events_in_full(sample):
    shown = sample[sample["id"] == "camp-vishersky"]
    sources = json.loads(to_geojson(shown))["sources"]
    assert sources == [
        {"key": "gulagmuseum-map", "citation": citations()["gulagmuseum-map"]},
        {"key": "smirnov1998", "citation": citations()["smirnov1998"]},
    ]


def test_geojson_sources_include_those_of_figures(real):
    document = json.loads(to_geojson(real))
    listed = {source["key"] for source in document["sources"]}
    for feature in document["features"]:
        props = feature["properties"]
        cited = {s["key"] for s in props["sources"]} | {
            s["key"] for figure in props.get("figures", []) for s in figure["sources"]
        }
        assert cited <= listed


def test_geojson_keeps_cyrillic_as_text(sample):
    data = to_geojson(sample)
    assert "Вишерский ИТЛ".encode("utf-8") in data


def test_empty_selection(sample):
    document = json.loads(to_geojson(sample.iloc[0:0]))
    assert document["features"] == [] and document["sources"] == []
    assert check_document(document, "empty").problems == []
    assert read_csv(to_csv(sample.iloc[0:0])) == []


# CSV

def test_csv_has_one_row_per_event_with_cyrillic_intact(sample):
    data = to_csv(sample)
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark: spreadsheets then read Cyrillic
    rows = read_csv(data)
    assert [row["id"] for row in rows] == sample["id"].tolist()
    assert list(rows[0]) == CSV_COLUMNS
    camp = rows[0]
    assert camp["alt_names"] == "Вишерский ИТЛ (ru)"
    assert camp["name"] == "Vishersky ITL"
    assert (camp["start"], camp["end"], camp["date_precision"]) == ("1929", "1934-07-29", "year")
    assert (camp["place"], camp["countries"], camp["location_precision"]) == ("Krasnovishersk", "RU", "settlement")
    assert camp["figures"] == "Prisoners: 39,000 people (1931; smirnov1998)"
    assert camp["source_keys"] == "smirnov1998; gulagmuseum-map"
    assert cite("smirnov1998") in camp["citations"] and cite("gulagmuseum-map") in camp["citations"]
    assert all("GPL-3.0" in row["licence"] for row in rows)


def test_csv_points_lie_on_their_event(sample):
    for row, geometry in zip(read_csv(to_csv(sample)), sample.geometry):
        point = shape({"type": "Point", "coordinates": [float(row["longitude"]), float(row["latitude"])]})
        assert row["geometry_type"] == geometry.geom_type
        assert geometry.distance(point) < 1e-4


def test_csv_cells_are_text_not_formulas(sample_document, write_geojson):
    sample_document["features"][3]["properties"]["name"] = "=HYPERLINK(\"http://example.org\", \"click\")"
    events = load(write_geojson(sample_document)).events
    rows = read_csv(to_csv(events))
    assert rows[3]["name"] == "'=HYPERLINK(\"http://example.org\", \"click\")"
    assert rows[4]["name"] == "<img src=x onerror=\"document.title='pwned'\"> & <b>bold</b>"  # quoted, unchanged


def test_csv_of_the_real_data(real):
    rows = read_csv(to_csv(real))
    assert len(rows) == len(real)
    assert {row["id"] for row in rows} == set(real["id"])
    assert any("Беломорканал" in row["alt_names"] for row in rows)
    for row in rows:
        assert -180 <= float(row["longitude"]) <= 180 and -90 <= float(row["latitude"]) <= 90
        assert row["citations"] and row["source_keys"]


def test_file_name():
    assert file_name((1937, 1938), "csv") == "stalin-era-atlas-1937-1938.csv"

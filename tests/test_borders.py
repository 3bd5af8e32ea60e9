"""The state borders of each year (`geodata/borders/`, read through `dashboard.borders`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from shapely.geometry import Point

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from dashboard.borders import BORDERS_FILE, border_years, borders_for_year, ussr_for_year  # noqa: E402


def test_the_years_are_the_slider_range():
    assert border_years() == range(1922, 1961)


@pytest.mark.parametrize("year", list(range(1922, 1961)))
def test_every_year_has_valid_borders_with_one_ussr(year):
    frame = borders_for_year(year)
    assert len(frame) > 50
    assert list(frame.columns) == ["name", "is_ussr", "status", "owner", "geometry"]
    assert frame["is_ussr"].sum() == 1
    assert frame.loc[frame["is_ussr"], "name"].item() == "USSR"
    assert frame.geometry.is_valid.all() and not frame.geometry.is_empty.any()
    assert frame["name"].str.len().gt(0).all()


def test_committed_files_are_small():
    assert sum(p.stat().st_size for p in BORDERS_FILE.parent.iterdir()) < 4_000_000


# (place, lon, lat, first year-end at which it is Soviet)
SOVIET_FROM = [
    ("Lviv (eastern Poland, annexed Nov 1939)", 24.03, 49.84, 1939),
    ("Vilnius (to Lithuania Oct 1939, Soviet 1940)", 25.28, 54.69, 1940),
    ("Tallinn", 24.75, 59.44, 1940),
    ("Riga", 24.11, 56.95, 1940),
    ("Vyborg", 28.75, 60.71, 1940),
    ("Chisinau", 28.86, 47.0, 1940),
    ("Pechenga (Petsamo, ceded 1944)", 31.1, 69.55, 1944),
    ("Kaliningrad", 20.5, 54.7, 1945),
    ("Uzhhorod", 22.3, 48.62, 1945),
    ("Yuzhno-Sakhalinsk", 142.73, 46.96, 1945),
    ("Iturup (Kurils)", 147.7, 45.1, 1945),
    ("Kyzyl (Tuva, annexed Oct 1944)", 94.45, 51.72, 1944),
]


def test_tuva_is_its_own_state_until_its_annexation():
    kyzyl = Point(94.45, 51.72)
    for year in (1922, 1935, 1943):
        frame = borders_for_year(year)
        assert frame[frame.contains(kyzyl)]["name"].tolist() == ["Tuva"]


@pytest.mark.parametrize("place, lon, lat, year", SOVIET_FROM)
def test_annexed_places_become_soviet_in_the_right_year(place, lon, lat, year):
    point = Point(lon, lat)
    assert not ussr_for_year(year - 1).contains(point), place
    assert ussr_for_year(year).contains(point), place
    assert ussr_for_year(1960).contains(point), place


def test_vilnius_is_lithuanian_in_1939_and_warsaw_polish_under_occupation():
    frame = borders_for_year(1939)
    at = lambda lon, lat: frame[frame.contains(Point(lon, lat))]["name"].tolist()  # noqa: E731
    assert at(25.28, 54.69) == ["Lithuania"]
    assert at(21.01, 52.23) == ["Poland (under German occupation)"]
    assert at(21.01, 52.23) != borders_for_year(1946).pipe(lambda f: f[f.contains(Point(21.01, 52.23))]["name"].tolist())


def test_soviet_zones_and_satellites_after_the_war():
    frame = borders_for_year(1947)
    zone = frame[frame.contains(Point(12.37, 51.34))]  # Leipzig
    assert zone["name"].item() == "Germany: Soviet zone" and zone["owner"].item() == "USSR"
    assert frame[frame.contains(Point(125.75, 39.03))]["owner"].item() == "USSR"  # Pyongyang
    assert borders_for_year(1950).pipe(lambda f: f[f.contains(Point(12.37, 51.34))]["name"].item()) == "East Germany"


def test_the_ussr_only_grows_from_1938_to_1946():
    areas = [ussr_for_year(year).area for year in range(1938, 1947)]
    assert all(later >= earlier * 0.999 for earlier, later in zip(areas, areas[1:]))


def test_results_are_copies_and_out_of_range_years_are_clamped():
    frame = borders_for_year(1950)
    frame["name"] = "changed"
    assert (borders_for_year(1950)["name"] != "changed").all()
    assert len(borders_for_year(1900)) == len(borders_for_year(1922))
    assert len(borders_for_year(2000)) == len(borders_for_year(1960))


@pytest.mark.parametrize(
    "lon, lat, year, name",
    [(51.39, 35.69, 1930, "Persia"), (51.39, 35.69, 1940, "Iran"), (32.85, 39.93, 1925, "Turkey")],
)
def test_a_state_is_labelled_with_the_name_of_the_year(lon, lat, year, name):
    frame = borders_for_year(year)
    assert frame[frame.contains(Point(lon, lat))]["name"].tolist() == [name]
    assert not frame["name"].str.contains(r"\(Persia\)|Ottoman").any()

"""Choosing an event frames it whole, with its surroundings."""

import math

import pytest
from shapely.geometry import LineString, Point

from dashboard.framing import FRAME_PIXELS, PLACE_ZOOM, TILE_PIXELS, view_for


def pixels_across(west: float, east: float, zoom: int) -> float:
    return (east - west) / 360 * TILE_PIXELS * 2**zoom


def test_a_place_is_shown_with_its_region_around_it():
    centre, zoom = view_for(Point(57.07, 60.41))
    assert centre == [60.41, 57.07]
    assert zoom == PLACE_ZOOM


def test_a_long_flow_is_framed_whole_not_at_its_middle():
    chechnya_to_kazakhstan = LineString([(45.69, 43.32), (76.9, 43.25), (71.45, 51.17)])
    (latitude, longitude), zoom = view_for(chechnya_to_kazakhstan)
    assert pixels_across(45.69, 76.9, zoom) <= FRAME_PIXELS[0]
    assert pixels_across(45.69, 76.9, zoom + 1) > FRAME_PIXELS[0], "framed wider than it needs"
    assert longitude == pytest.approx((45.69 + 76.9) / 2)
    assert 43.25 < latitude < 51.17


@pytest.mark.parametrize("line", [LineString([(-170, -80), (170, 80)]), LineString([(0, 0), (0, 89)])])
def test_very_large_shapes_stay_within_the_world(line):
    (latitude, _), zoom = view_for(line)
    assert zoom >= 2 and math.isfinite(latitude)

"""Which event a click on the map selects."""

import pytest

from dashboard.events import load
from dashboard.picking import event_at

from conftest import SAMPLE


@pytest.fixture(scope="module")
def events():
    return load(SAMPLE).events


def test_a_symbol_reports_its_own_position(events):
    assert event_at(events, 48.708, 44.516) == "battle-stalingrad"


def test_a_click_inside_a_circle_selects_the_nearest_point(events):
    assert event_at(events, 60.6, 57.3) == "camp-vishersky"


def test_points_win_over_the_area_around_them_and_lines_over_areas(events):
    assert event_at(events, 48.3, 62.0) == "deportation-chechens-ingush"  # on the flow, inside the famine area
    assert event_at(events, 46.0, 78.0) == "famine-test-region"


def test_nothing_there(events):
    assert event_at(events, -30.0, -60.0) is None
    assert event_at(events.iloc[0:0], 48.7, 44.5) is None

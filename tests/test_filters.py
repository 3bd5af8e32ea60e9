"""Which events the year range and themes leave on the map."""

import pytest

from dashboard import filters
from dashboard.events import load

from conftest import SAMPLE


@pytest.fixture(scope="module")
def events():
    return load(SAMPLE).events


def shown_ids(events, years, categories=("gulag", "deportation", "famine", "battle", "politics", "bloc_expansion")):
    return set(filters.select(events, years, categories)["id"])


def test_whole_period_shows_everything(events):
    assert shown_ids(events, filters.year_bounds(events)) == set(events["id"])


def test_event_shows_when_its_span_overlaps_the_range(events):
    # Stalingrad ran from August 1942 to February 1943: both single years overlap it.
    assert "battle-stalingrad" in shown_ids(events, (1943, 1950))
    assert "battle-stalingrad" in shown_ids(events, (1930, 1942))
    assert "battle-stalingrad" not in shown_ids(events, (1944, 1960))


def test_single_day_event_shows_only_in_its_year(events):
    assert "politics-xss" in shown_ids(events, (1953, 1953))
    assert "politics-xss" not in shown_ids(events, (1954, 1960))


def test_partial_end_date_counts_to_the_end_of_its_year(events):
    # The camp's end is "1934-07-29"; its start "1929" covers all of 1929.
    assert "camp-vishersky" in shown_ids(events, (1934, 1934))
    assert "camp-vishersky" in shown_ids(events, (1929, 1929))
    assert "camp-vishersky" not in shown_ids(events, (1935, 1960))


def test_categories_filter(events):
    assert shown_ids(events, (1922, 1960), ["famine"]) == {"famine-test-region"}
    assert shown_ids(events, (1922, 1960), []) == set()


def test_counts_by_category(events):
    in_1944 = events[filters.in_years(events, 1944, 1944)]
    assert filters.counts_by_category(in_1944) == {"deportation": 1}


def test_year_bounds_widen_to_take_in_every_event(events):
    assert filters.year_bounds(events) == filters.DEFAULT_YEARS
    early = events.assign(start_year=events["start_year"].where(events["id"] != "famine-test-region", 1918))
    assert filters.year_bounds(early) == (1918, 1960)
    assert filters.year_bounds(events.iloc[0:0]) == filters.DEFAULT_YEARS


def test_camp_sub_filters_narrow_only_the_camps(events):
    all_themes = ("gulag", "deportation", "famine", "battle", "politics", "bloc_expansion")
    everything = shown_ids(events, (1922, 1960), all_themes)
    loggers = set(filters.select(events, (1922, 1960), all_themes, activities=["Logging"])["id"])
    assert loggers == everything
    assert set(filters.select(events, (1922, 1960), all_themes, activities=["Mining"])["id"]) == everything - {"camp-vishersky"}
    assert set(filters.select(events, (1922, 1960), all_themes, camp_types=["Special camps"])["id"]) == everything - {"camp-vishersky"}


def test_camp_options_list_what_the_data_has(events):
    assert filters.camp_options(events) == (["Corrective-labor camps"], ["Logging"])


def test_prisoners_by_year_sums_the_camps_counts(events):
    doubled = events.assign(prisoners=events["prisoners"].map(lambda counts: {y: 2 * n for y, n in counts.items()}))
    assert filters.prisoners_by_year(events).to_dict() == {1931: 39000}
    assert filters.prisoners_by_year(doubled).to_dict() == {1931: 78000}

"""What a popup says: dates with their precision, figures with ranges and sources, full citations."""

import json

from dashboard.bibliography import citations
from dashboard.details import details
from dashboard.events import load

from conftest import SAMPLE


def details_of(event_id):
    events = load(SAMPLE).events
    return details(events.set_index("id").loc[event_id, "properties"])


def test_dates_carry_their_precision():
    assert details_of("battle-stalingrad")["when"] == "23 Aug 1942 – 2 Feb 1943 (dates to the day)"
    # Ends written to different precisions are each described as written, never as both "to the year".
    assert details_of("camp-vishersky")["when"] == "1929 – 29 Jul 1934 (start to the year, end to the day)"


def test_place_carries_location_precision():
    assert details_of("famine-test-region")["place"] == "Kazakhstan, KZ (location approximate)"


def test_contested_figure_shows_range_and_the_source_of_each_end():
    [figure] = details_of("deportation-chechens-ingush")["figures"]
    assert figure == "Deported: 478,479–496,460 people (1944; low: bugai1995; high: polian2004)"


def test_every_cited_work_is_listed_in_full():
    sources = details_of("deportation-chechens-ingush")["sources"]
    assert sources == [f"[{key}] {citations()[key]}" for key in ("polian2004", "bugai1995")]


def test_battle_facts_and_alternative_names():
    assert details_of("battle-stalingrad")["facts"] == ["Belligerents: Germany, Soviet Union", "Outcome: Soviet victory"]
    assert details_of("camp-vishersky")["alt_names"] == ["Вишерский ИТЛ (ru)"]


def test_text_from_the_data_is_passed_on_unchanged_as_plain_text():
    record = details_of("politics-xss")
    assert record["name"].startswith("<img src=x")
    assert json.loads(json.dumps(record)) == record

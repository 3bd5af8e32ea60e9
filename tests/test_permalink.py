"""Links: what a shared address asks for, and what the page says it ignored."""

from dashboard.permalink import View, ignored, parse_view

OPTIONS = {"themes": ["Gulag camps", "Famines"], "camp_types": ["Special camps"], "activities": ["Logging"]}
IDS = {"battle-stalingrad"}


def notices(**params) -> list[str]:
    return list(ignored({name: values if isinstance(values, list) else [values] for name, values in params.items()},
                   (1922, 1960), OPTIONS, IDS).values())


def test_a_good_link_is_taken_as_it_is():
    assert notices(years=["1937", "1938"], themes=["Famines"], borders="false", event="battle-stalingrad",
                   view="55.7,37.6,5") == []


def test_malformed_or_out_of_range_years_fall_back_with_a_notice():
    assert notices(years=["abc", "1938"]) == ["years=abc&1938 is not a range within 1922–1960: showing all years"]
    assert len(notices(years=["1900", "1938"])) == 1
    assert len(notices(years=["1940", "1938"])) == 1
    assert len(notices(years=["1940"])) == 1


def test_unknown_themes_and_filters_are_named():
    assert notices(themes=["Famines", "Dragons"]) == ["themes: 'Dragons' not known: ignored"]
    assert notices(activities=["Juggling"]) == ["activities: 'Juggling' not known: ignored"]


def test_unknown_event_borders_and_view():
    assert notices(event="atlantis") == ["event 'atlantis' is not in the atlas: no event selected"]
    assert notices(borders="maybe") == ["borders='maybe' is not true or false: borders shown"]
    assert notices(view="north") == ["view='north' is not latitude,longitude,zoom: default view"]


def test_parse_view():
    assert parse_view("55.75,37.62,5") == View(55.75, 37.62, 5)
    assert parse_view("95,37,5") is None
    assert parse_view("55,37,40") is None
    assert parse_view("55,37") is None
    assert parse_view(None) is None


def test_notices_are_keyed_by_parameter():
    found = ignored({"event": ["atlantis"], "view": ["north"]}, (1922, 1960), OPTIONS, IDS)
    assert set(found) == {"event", "view"}

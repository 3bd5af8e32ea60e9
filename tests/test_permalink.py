"""Links: what a shared address asks for, what the page shows instead, and what it says."""

from dashboard.permalink import View, parse_view, read

from conftest import as_read

OPTIONS = {"themes": ["Gulag camps", "Famines"], "camp_types": ["Special camps"], "activities": ["Logging"]}
IDS = {"battle-stalingrad"}


def reading(**params):
    return read({name: values if isinstance(values, list) else [values] for name, values in params.items()},
                (1922, 1960), OPTIONS, IDS)


def notices(**params) -> list[str]:
    """The notices as a reader sees them."""
    return [as_read(notice) for notice in reading(**params).notices.values()]


def test_a_good_link_is_taken_as_it_is():
    assert notices(years=["1937", "1938"], themes=["Famines"], borders="false", event="battle-stalingrad",
                   view="55.7,37.6,5") == []
    assert reading(years=["1937", "1938"], borders="false").corrections == {"years": (1937, 1938)}


def test_malformed_or_out_of_range_years_show_all_years_and_say_so():
    for years in (["abc", "1938"], ["1900", "1938"], ["1940"], ["1937.5", "1940"], ["1930", "1940", "1950"]):
        found = reading(years=years)
        assert found.corrections["years"] == (1922, 1960), years
        assert found.notices["years"].endswith("showing all years"), years
    assert notices(years=["abc", "1938"]) == [
        "years=abc&1938 is not a range of two years within 1922–1960: showing all years"
    ]


def test_backward_years_are_turned_round_and_the_notice_says_which():
    found = reading(years=["1950", "1930"])
    assert found.corrections == {"years": (1930, 1950)}
    assert as_read(found.notices["years"]) == "years=1950&1930 runs backwards: showing 1930–1950"


def test_unknown_themes_and_filters_are_named():
    assert notices(themes=["Famines", "Dragons"]) == ["themes: Dragons not known: ignored"]
    assert notices(activities=["Juggling"]) == ["activities: Juggling not known: ignored"]


def test_an_empty_theme_list_is_a_choice_not_a_mistake():
    """Streamlit writes `themes=` when the reader has removed every theme."""
    assert notices(themes=[""]) == []


def test_borders_given_twice_or_not_as_true_or_false_are_shown():
    for value in (["maybe"], ["true", "false"]):
        found = reading(borders=value)
        assert found.corrections == {"borders": True}
        assert found.notices["borders"].endswith("is not one of true or false: borders shown")
    assert notices(borders=["true", "false"]) == ["borders=true&false is not one of true or false: borders shown"]


def test_unknown_event_and_view():
    assert notices(event="atlantis") == ["event atlantis is not in the atlas: no event selected"]
    assert notices(view="north") == ["view=north is not latitude,longitude,zoom: default view"]


def test_values_are_quoted_as_code_so_that_markdown_in_them_is_shown_as_written():
    (notice,) = reading(event="![x](http://any.host/p.png) `a` ``b``").notices.values()
    assert notice == "event ``` ![x](http://any.host/p.png) `a` ``b`` ``` is not in the atlas: no event selected"


def test_long_values_are_cut_short_in_notices():
    notice = notices(event="x" * 10_000_000)[0]
    assert len(notice) < 120 and "…" in notice
    listed = notices(themes=[f"dragon{i}" for i in range(1000)])[0]
    assert listed.endswith("and 997 more not known: ignored")


def test_parse_view():
    assert parse_view("55.75,37.62,5") == View(55.75, 37.62, 5)
    assert parse_view("95,37,5") is None
    assert parse_view("55,37,40") is None
    assert parse_view("55,37") is None
    assert parse_view("60,100,2.75") == View(60, 100, 2.75), "the first view fits the USSR at a fractional zoom"
    assert parse_view("60,100,nan") is None
    assert parse_view(None) is None


def test_notices_are_keyed_by_parameter():
    found = reading(event=["atlantis"], view=["north"])
    assert set(found.notices) == {"event", "view"}

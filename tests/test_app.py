"""The page's widgets through Streamlit's AppTest (no browser)."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from conftest import SAMPLE, as_read

APP = str(Path(__file__).parents[1] / "dashboard" / "app.py")


def run_app(monkeypatch, events_path, **link) -> AppTest:
    """The page on `events_path`, opened from a link with the parameters `link`."""
    monkeypatch.setenv("ATLAS_EVENTS", str(events_path))
    app = AppTest.from_file(APP, default_timeout=60)
    for name, value in link.items():
        app.query_params[name] = value
    app.run()
    assert not app.exception, app.exception
    return app


def shown_line(app) -> str:
    return next(m.value for m in app.markdown if "events shown" in m.value)


def panel(app) -> str:
    """The detail panel of the selected event."""
    return next(html.proto.body for html in app.get("html") if "Selected event" in html.proto.body)


@pytest.fixture
def app(monkeypatch):
    return run_app(monkeypatch, SAMPLE)


def test_defaults_show_the_whole_period_and_every_theme(app):
    assert app.slider[0].value == (1922, 1960)
    assert sorted(app.multiselect[0].value) == sorted(
        ["gulag", "deportation", "famine", "battle", "bloc_expansion", "politics"]
    )
    assert shown_line(app).startswith("**6 of 6 events shown**")
    assert not app.info


def test_year_range_changes_what_is_shown(app):
    app.slider[0].set_value((1944, 1944)).run()
    assert shown_line(app).startswith("**1 of 6 events shown**, 1944–1944")


def test_legend_counts_events_in_the_selected_years(app):
    app.slider[0].set_value((1942, 1943)).run()
    legend = app.sidebar.get("html")[0].proto.body
    assert "Battles and wars <b>1</b>" in legend
    assert "Gulag camps <b>0</b>" in legend
    assert app.multiselect[0].options == [
        "Gulag camps", "Deportations", "Famines", "Battles and wars", "Soviet expansion and the Eastern Bloc", "Turning points"
    ]


def test_empty_state_says_why(app):
    app.multiselect[0].set_value([]).run()
    assert shown_line(app).startswith("**0 of 6 events shown**")
    assert "No theme is selected" in app.info[0].value
    app.multiselect[0].set_value(["famine"]).run()
    app.slider[0].set_value((1950, 1960)).run()
    assert app.multiselect[0].value == ["famine"], "changing the years must keep the chosen themes"
    assert "No events of the selected themes (famines) fall within 1950–1960" in app.info[0].value


def test_broken_file_gives_a_message_not_a_traceback(monkeypatch, tmp_path):
    broken = tmp_path / "broken.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    app = run_app(monkeypatch, broken)
    message = as_read(app.error[0].value)
    assert "problem(s) in the events file" in message
    assert "is not valid JSON" in message
    assert f"python -m dashboard validate {broken}" in message
    assert "The events file has no events" in app.info[0].value


def test_bad_features_are_listed_and_the_good_ones_shown(monkeypatch, tmp_path, sample_document):
    import json

    sample_document["features"][2]["properties"]["start"] = "1899"
    path = tmp_path / "events.geojson"
    path.write_text(json.dumps(sample_document), encoding="utf-8")
    app = run_app(monkeypatch, path)
    assert "feature 2 (id 'famine-test-region'): properties.start" in as_read(app.error[0].value)
    assert shown_line(app).startswith("**5 of 5 events shown**")


def test_camp_sub_filters_and_prisoner_chart(app):
    assert app.multiselect(key="camp_types").value == ["Corrective-labor camps"]
    assert app.multiselect(key="activities").value == ["Logging"]
    app.multiselect(key="activities").set_value([]).run()
    assert shown_line(app).startswith("**5 of 6 events shown**")
    assert "No camp type or economic activity" not in "".join(i.value for i in app.info)
    app.multiselect(key="themes").set_value(["gulag"]).run()
    assert "No camp type or economic activity is selected" in app.info[0].value


def test_borders_toggle_names_the_year(app):
    app.slider(key="years").set_value((1939, 1945)).run()
    assert app.toggle(key="borders").label == "State borders of 1945"
    assert app.toggle(key="borders").value is True


def test_a_link_to_an_event_selects_it_and_sets_its_years(monkeypatch):
    app = run_app(monkeypatch, SAMPLE, event="battle-stalingrad")
    assert app.slider(key="years").value == (1942, 1943)
    assert "Battle of Stalingrad" in panel(app)
    assert not app.warning


def test_a_malformed_link_falls_back_with_a_notice(monkeypatch):
    app = run_app(monkeypatch, SAMPLE, event="atlantis", view="up,north")
    notices = [as_read(w.value) for w in app.warning]
    assert "From the link: event atlantis is not in the atlas: no event selected." in notices
    assert any("view=up,north " in notice for notice in notices)
    assert app.slider(key="years").value == (1922, 1960)


def test_search_finds_an_event_by_its_russian_name_and_shows_it(app):
    app.slider(key="years").set_value((1950, 1960)).run()
    app.text_input(key="q").input("вишерский").run()
    result = app.selectbox(key="search-result")
    assert result.options == ["Вишерский ИТЛ · 1929 – 29 Jul 1934"]
    result.set_value("camp-vishersky").run()
    assert app.slider(key="years").value == (1929, 1934)
    assert "Vishersky ITL" in panel(app)


def test_a_chosen_flow_is_framed_whole(app):
    app.text_input(key="q").input("Chechens").run()
    app.selectbox(key="search-result").set_value("deportation-chechens-ingush").run()
    (latitude, longitude), zoom = app.session_state["focus"]
    assert zoom < 6, "a flow across Central Asia shown at a place's zoom"
    assert 45 < longitude < 72 and 43 < latitude < 52  # between the Caucasus and Kazakhstan


def test_a_links_view_wins_over_its_events_framing(monkeypatch):
    app = run_app(monkeypatch, SAMPLE, event="battle-stalingrad", view="55.75,37.62,5")
    assert "focus" not in app.session_state
    assert "Battle of Stalingrad" in panel(app)


def test_search_says_when_nothing_matches(app):
    app.text_input(key="q").input("Atlantis").run()
    assert "No event is called anything like Atlantis." in [as_read(c.value) for c in app.caption]


def test_legend_explains_the_holodomor_shading_only_when_it_is_shown():
    from dashboard.legend import legend_html

    present = ["famine", "battle"]
    with_losses = legend_html(present, present, {"famine": 9}, 1933, 100_000, losses=True)
    assert "famine deaths per 1,000 inhabitants" in with_losses and "150 or more" in with_losses
    assert "per 1,000" not in legend_html(present, present, {"famine": 2}, 1947, 100_000, losses=False)
    assert "per 1,000" not in legend_html(present, ["battle"], {"battle": 1}, 1933, 100_000, losses=True)


def test_legend_counts_the_camps_the_camp_filters_leave(app):
    legend = lambda: app.sidebar.get("html")[0].proto.body  # noqa: E731
    assert "Gulag camps <b>1</b>" in legend()
    app.multiselect(key="activities").set_value([]).run()
    assert "Gulag camps <b>0</b>" in legend()


def test_a_camps_details_show_its_prisoners_by_year_as_a_chart(monkeypatch):
    import pyarrow.ipc

    app = run_app(monkeypatch, SAMPLE, event="camp-vishersky")
    assert "Vishersky ITL" in panel(app)
    charts = app.get("vega_lite_chart")
    assert len(charts) == 1
    assert app.caption[0].value.startswith("Prisoners of this camp by year")
    tables = [pyarrow.ipc.open_stream(d.data.data).read_all().to_pydict() for d in charts[0].proto.datasets]
    assert {"year": [1931], "prisoners": [39000]} in tables  # the camp's one count (the sample's)
    battle = run_app(monkeypatch, SAMPLE, event="battle-stalingrad")
    assert battle.get("vega_lite_chart") == []

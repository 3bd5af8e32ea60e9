"""The detail panel shows text from the data as text."""

from dashboard.details import details
from dashboard.events import load
from dashboard.panel import panel_html

from conftest import SAMPLE


def panel_of(event_id):
    events = load(SAMPLE).events.set_index("id")
    return panel_html(event_id, details(events.loc[event_id, "properties"]))


def test_markup_in_the_data_is_escaped():
    html = panel_of("politics-xss")
    assert "<img" not in html and "<script>" not in html and "<b>bold" not in html
    assert "&lt;img src=x onerror=" in html
    assert "&lt;script&gt;document.title=" in html


def test_panel_gives_figures_sources_and_the_id():
    html = panel_of("deportation-chechens-ingush")
    assert "Deported: 478,479–496,460 people (1944; low: bugai1995; high: polian2004)" in html
    assert "Polian, Pavel. Against Their Will" in html
    assert "<code>deportation-chechens-ingush</code>" in html

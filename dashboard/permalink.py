"""What a shared link asks for, checked before the page uses it.

Streamlit restores the bound widgets (years, themes, camp filters, borders, search) from the
URL itself, silently dropping some values it cannot use and taking others loosely; this module
finds those values so that the page can set what it shows and say what it did. It also reads
the two parameters that are not widgets: the selected event (`event`) and the map view
(`view`, kept up to date by the map frame).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from .plain import code_span, shortened

MIN_ZOOM, MAX_ZOOM = 1, 18  # as the map allows; fractional zooms in steps of a quarter


@dataclass(frozen=True)
class View:
    lat: float
    lng: float
    zoom: float


def parse_view(text: str | None) -> View | None:
    """'55.75,37.62,5' or '55.75,37.62,2.75' -> View; None for anything else."""
    try:
        lat, lng, zoom = text.split(",")
        view = View(float(lat), float(lng), float(zoom))
    except (AttributeError, ValueError):
        return None
    if abs(view.lat) <= 90 and abs(view.lng) <= 540 and MIN_ZOOM <= view.zoom <= MAX_ZOOM:
        return view
    return None




def quoted(value: str) -> str:
    """A value from a link, cut short, as Markdown that shows it as written."""
    return code_span(shortened(value))


@dataclass(frozen=True)
class LinkReading:
    """What the page does with a link: the widget values it sets in place of what Streamlit
    took from the address (`corrections`, by widget key) and a notice for each parameter it
    did not take as written (`notices`, by parameter: Markdown, each value from the link in a
    code span)."""

    corrections: dict[str, object]
    notices: dict[str, str]


def _years(values: list[str], bounds: tuple[int, int]) -> tuple[tuple[int, int], str | None]:
    """The years to show for `years=` values, and a notice when they are not taken as written."""
    written = quoted("&".join(values))
    try:
        years = sorted(int(value) for value in values)
    except ValueError:
        years = []
    if len(years) != 2 or not bounds[0] <= years[0] <= years[1] <= bounds[1]:
        return bounds, f"years={written} is not a range of two years within {bounds[0]}–{bounds[1]}: showing all years"
    if [int(value) for value in values] != years:
        return tuple(years), f"years={written} runs backwards: showing {years[0]}–{years[1]}"
    return tuple(years), None


def read(
    params: Mapping[str, list[str]],
    year_bounds: tuple[int, int],
    options: Mapping[str, Collection[str]],
    event_ids: Collection[str],
) -> LinkReading:
    """Check a link: `params` maps a parameter to all its values; `options` gives the allowed
    values of each bound multiselect (its option labels, as Streamlit writes them into the URL).

    Streamlit restores the bound widgets itself and is lenient: it takes `years` backwards or
    with fractions, and the last of several `borders`. The page sets those widgets to what the
    notices say instead.
    """
    corrections: dict[str, object] = {}
    notices: dict[str, str] = {}
    if "years" in params:
        corrections["years"], notice = _years(params["years"], year_bounds)
        if notice:
            notices["years"] = notice
    for name, allowed in options.items():
        # An empty value (`themes=`) is how Streamlit writes an empty selection.
        unknown = [value for value in params.get(name, []) if value and value not in allowed]
        if unknown:
            listed = ", ".join(quoted(value) for value in unknown[:3]) + (f" and {len(unknown) - 3} more" if len(unknown) > 3 else "")
            notices[name] = f"{name}: {listed} not known: ignored"
    if "borders" in params and params["borders"] not in (["true"], ["false"]):
        corrections["borders"] = True
        notices["borders"] = f"borders={quoted('&'.join(params['borders']))} is not one of true or false: borders shown"
    if "event" in params and params["event"][0] not in event_ids:
        notices["event"] = f"event {quoted(params['event'][0])} is not in the atlas: no event selected"
    if "view" in params and parse_view(params["view"][0]) is None:
        notices["view"] = f"view={quoted(params['view'][0])} is not latitude,longitude,zoom: default view"
    return LinkReading(corrections, notices)

"""What a shared link asks for, checked before the page uses it.

Streamlit restores the bound widgets (years, themes, camp filters, borders, search) from the
URL itself and silently drops values it cannot use; this module finds those values so the
page can say what it ignored. It also reads the two parameters that are not widgets: the
selected event (`event`) and the map view (`view`, kept up to date by the map frame).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

MIN_ZOOM, MAX_ZOOM = 2, 18


@dataclass(frozen=True)
class View:
    lat: float
    lng: float
    zoom: int


def parse_view(text: str | None) -> View | None:
    """'55.75,37.62,5' -> View; None for anything else."""
    try:
        lat, lng, zoom = text.split(",")
        view = View(float(lat), float(lng), int(zoom))
    except (AttributeError, ValueError):
        return None
    if abs(view.lat) <= 90 and abs(view.lng) <= 540 and MIN_ZOOM <= view.zoom <= MAX_ZOOM:
        return view
    return None


def _years_ok(values: list[str], bounds: tuple[int, int]) -> bool:
    try:
        years = [int(value) for value in values]
    except ValueError:
        return False
    return len(years) == 2 and bounds[0] <= years[0] <= years[1] <= bounds[1]


def ignored(
    params: Mapping[str, list[str]],
    year_bounds: tuple[int, int],
    options: Mapping[str, Collection[str]],
    event_ids: Collection[str],
) -> dict[str, str]:
    """A short notice for each link parameter that is malformed or out of range, by parameter.

    `params` maps a parameter to all its values; `options` gives the allowed values of each
    bound multiselect (its option labels, as Streamlit writes them into the URL).
    """
    notices = {}
    if "years" in params and not _years_ok(params["years"], year_bounds):
        notices["years"] = (
            f"years={'&'.join(params['years'])} is not a range within {year_bounds[0]}–{year_bounds[1]}: showing all years"
        )
    for name, allowed in options.items():
        unknown = [value for value in params.get(name, []) if value not in allowed]
        if unknown:
            notices[name] = f"{name}: {', '.join(repr(value) for value in unknown)} not known: ignored"
    if "borders" in params and params["borders"] not in (["true"], ["false"]):
        notices["borders"] = f"borders={params['borders'][0]!r} is not true or false: borders shown"
    if "event" in params and params["event"][0] not in event_ids:
        notices["event"] = f"event {params['event'][0]!r} is not in the atlas: no event selected"
    if "view" in params and parse_view(params["view"][0]) is None:
        notices["view"] = f"view={params['view'][0]!r} is not latitude,longitude,zoom: default view"
    return notices

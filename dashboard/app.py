"""The atlas page: `streamlit run dashboard/app.py` from the repository root."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import streamlit as st
from streamlit_folium import st_folium

from dashboard import assets, filters, mapview
from dashboard.categories import CATEGORIES, symbol_img
from dashboard.details import details
from dashboard.events import Dataset, load

EVENTS_FILE = Path(os.environ.get("ATLAS_EVENTS", Path(__file__).parents[1] / "events.geojson"))
MAX_PROBLEMS_SHOWN = 20


@st.cache_resource(show_spinner="Loading and checking the events…")
def load_dataset(path: str, modified: float) -> tuple[Dataset, dict[str, str]]:
    """Read and validate the events once per version of the file; publish what the map fetches."""
    dataset = load(path)
    events = mapview.prepare(dataset.events)
    assets.publish_libraries()
    urls = {
        "landUrl": assets.land_url(),
        "labelsUrl": assets.publish_json("labels", mapview.labels(events)),
        "detailsUrl": assets.publish_json("details", {row.id: details(row.properties) for row in events.itertuples()}),
    }
    return replace(dataset, events=events), urls


def show_problems(dataset: Dataset) -> None:
    if not dataset.problems:
        return
    listed = "\n".join(f"- `{problem}`" for problem in dataset.problems[:MAX_PROBLEMS_SHOWN])
    more = len(dataset.problems) - MAX_PROBLEMS_SHOWN
    st.error(
        f"**{len(dataset.problems)} problem(s) in the events file**; the events concerned are not shown, "
        f"the other {len(dataset.events)} are. Check the file with `python -m dashboard validate {dataset.path}`.\n\n"
        + listed
        + (f"\n- … and {more} more" if more > 0 else "")
    )


def legend_label(key: str, counts: dict[str, int]) -> str:
    return f"{CATEGORIES[key].label} ({counts.get(key, 0)})"


def sidebar(events) -> tuple[tuple[int, int], list[str]]:
    first, last = filters.year_bounds(events)
    years = st.sidebar.slider(
        "Years", first, last, (first, last), key="years", help="An event shows when its dates overlap these years."
    )
    in_years = events[filters.in_years(events, *years)]
    counts = filters.counts_by_category(in_years)
    present = [key for key in CATEGORIES if key in set(events["category"])]
    chosen = st.sidebar.multiselect(
        "Themes", present, default=present, key="themes", format_func=lambda key: legend_label(key, counts)
    )
    st.sidebar.markdown("**Legend** (events in the selected years)")
    rows = "".join(
        f'<li style="opacity:{1 if key in chosen else 0.45}">{symbol_img(CATEGORIES[key])} '
        f"{CATEGORIES[key].label} <b>{counts.get(key, 0)}</b></li>"
        for key in present
    )
    st.sidebar.html(f'<ul class="atlas-legend" style="list-style:none;padding-left:0;line-height:1.9">{rows}</ul>')
    return years, chosen


def empty_reason(years: tuple[int, int], chosen: list[str], dataset: Dataset) -> str:
    if dataset.events.empty:
        return "The events file has no events that could be shown (see the problems above)."
    if not chosen:
        return "No theme is selected: choose at least one under **Themes** in the sidebar."
    names = ", ".join(CATEGORIES[key].label.lower() for key in chosen)
    return f"No events of the selected themes ({names}) fall within {years[0]}–{years[1]}. Widen the years or add themes."


def main() -> None:
    st.set_page_config(page_title="Atlas of the Stalin era", page_icon="🗺️", layout="wide")
    st.title("Atlas of the Stalin era, 1922–1956")
    dataset, map_urls = load_dataset(str(EVENTS_FILE), EVENTS_FILE.stat().st_mtime if EVENTS_FILE.exists() else 0)
    show_problems(dataset)

    years, chosen = sidebar(dataset.events)
    shown = filters.select(dataset.events, years, chosen)
    st.markdown(f"**{len(shown)} of {len(dataset.events)} events shown**, {years[0]}–{years[1]}.")
    if shown.empty:
        st.info(empty_reason(years, chosen, dataset))

    st_folium(
        mapview.base_map(map_urls),
        key="atlas-map",
        feature_group_to_add=mapview.event_layers(shown),
        returned_objects=[],
        use_container_width=True,
        height=640,
    )
    st.caption(
        "Every event cites its sources: click a symbol, line or area for its details. "
        "Base map: land from Natural Earth; tiles © OpenStreetMap contributors, © CARTO."
    )


main()

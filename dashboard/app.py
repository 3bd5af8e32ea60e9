"""The atlas page: `streamlit run dashboard/app.py` from the repository root."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from dashboard import assets, filters, mapview
from dashboard.categories import CATEGORIES
from dashboard.charts import prisoners_chart
from dashboard.details import details
from dashboard.events import Dataset, load
from dashboard.legend import legend_html

EVENTS_FILE = Path(os.environ.get("ATLAS_EVENTS", Path(__file__).parents[1] / "events.geojson"))
MAX_PROBLEMS_SHOWN = 20


@dataclass(frozen=True)
class Choices:
    years: tuple[int, int]
    categories: list[str]
    camp_types: list[str] | None
    activities: list[str] | None
    borders: bool


@st.cache_resource(show_spinner="Loading and checking the events…")
def load_dataset(path: str, modified: float) -> tuple[Dataset, dict[str, str]]:
    """Read and validate the events once per version of the file; publish what the map fetches."""
    dataset = load(path)
    events = mapview.prepare(dataset.events)
    urls = assets.publish_libraries() | {
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


def sidebar(events: pd.DataFrame) -> Choices:
    first, last = filters.year_bounds(events)
    years = st.sidebar.slider(
        "Years", first, last, (first, last), key="years",
        help="An event shows when its dates overlap these years; camps are sized by their prisoners in the last year.",
    )
    counts = filters.counts_by_category(events[filters.in_years(events, *years)])
    present = [key for key in CATEGORIES if key in set(events["category"])]
    # Counts go in the legend, not in these labels: the browser keeps a selection by its label.
    chosen = st.sidebar.multiselect(
        "Themes", present, default=present, key="themes", format_func=lambda key: CATEGORIES[key].label
    )
    camp_types = activities = None  # None: not narrowed, camps with no type or activity recorded included
    if "gulag" in chosen:
        all_types, all_activities = filters.camp_options(events)
        with st.sidebar.expander("Gulag camps: type and activity"):
            camp_types = st.multiselect("Camp type", all_types, default=all_types, key="camp_types")
            activities = st.multiselect("Economic activity", all_activities, default=all_activities, key="activities")
        camp_types = None if len(camp_types) == len(all_types) else camp_types
        activities = None if len(activities) == len(all_activities) else activities
    borders = st.sidebar.toggle(f"State borders of {years[1]}", value=True, key="borders")
    st.sidebar.markdown("**Legend** (events in the selected years)")
    st.sidebar.html(legend_html(present, chosen, counts, years[1], mapview.largest_camp(events)))
    return Choices(years, chosen, camp_types, activities, borders)


def empty_reason(choices: Choices, dataset: Dataset) -> str:
    if dataset.events.empty:
        return "The events file has no events that could be shown (see the problems above)."
    if not choices.categories:
        return "No theme is selected: choose at least one under **Themes** in the sidebar."
    if choices.camp_types == [] or choices.activities == []:
        return "No camp type or economic activity is selected under **Gulag camps: type and activity**."
    names = ", ".join(CATEGORIES[key].label.lower() for key in choices.categories)
    first, last = choices.years
    return f"No events of the selected themes ({names}) fall within {first}–{last}. Widen the years or add themes."


def main() -> None:
    st.set_page_config(page_title="Atlas of the Stalin era", page_icon="🗺️", layout="wide")
    st.markdown("### Atlas of the Stalin era, 1922–1956")
    dataset, map_urls = load_dataset(str(EVENTS_FILE), EVENTS_FILE.stat().st_mtime if EVENTS_FILE.exists() else 0)
    show_problems(dataset)

    choices = sidebar(dataset.events)
    shown = filters.select(dataset.events, choices.years, choices.categories, choices.camp_types, choices.activities)
    first, last = choices.years
    st.markdown(f"**{len(shown)} of {len(dataset.events)} events shown**, {first}–{last}.")
    if shown.empty:
        st.info(empty_reason(choices, dataset))

    map_column, chart_column = st.columns([3, 1])
    with map_column:
        layers = mapview.event_layers(shown, last)
        if choices.borders:
            layers.insert(0, mapview.borders_layer(last))
        st_folium(
            mapview.base_map(map_urls),
            key="atlas-map",
            feature_group_to_add=layers,
            returned_objects=[],
            use_container_width=True,
            height=640,
        )
    with chart_column:
        camps = filters.select(dataset.events, filters.year_bounds(dataset.events), ["gulag"], choices.camp_types, choices.activities)
        totals = filters.prisoners_by_year(camps)
        if not totals.empty:
            st.markdown("**Prisoners in the camps** (selected types and activities; counts of 1 January as a rule)")
            st.altair_chart(prisoners_chart(totals, choices.years), use_container_width=True)
            st.caption(f"Sum of the camps' yearly counts (Smirnov 1998). {last}: {totals.get(last, 0):,} prisoners.")
    st.caption(
        "Every event cites its sources: click a symbol, line or area for its details. "
        "Borders: CShapes 2.0 and historical-basemaps (GPL). Base map: land from Natural Earth; "
        "tiles © OpenStreetMap contributors, © CARTO."
    )


main()

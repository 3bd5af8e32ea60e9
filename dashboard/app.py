"""The atlas page: `streamlit run dashboard/app.py` from the repository root."""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

import folium
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from dashboard import assets, cache, downloads, filters, framing, mapview, permalink, picking, search
from dashboard.categories import CATEGORIES
from dashboard.charts import prisoners_chart, timeline_chart
from dashboard.details import details
from dashboard.events import Dataset, load
from dashboard.legend import legend_html
from dashboard.panel import panel_html
from dashboard.plain import code_span, shortened

EVENTS_FILE = Path(os.environ.get("ATLAS_EVENTS", Path(__file__).parents[1] / "events.geojson"))
MAX_PROBLEMS_SHOWN = 20
PLAY_STEP_SECONDS = 0.5
FIRST_VISIT_YEARS = (1937, 1938)  # the Great Terror: a readable first picture, not every event at once
MAP_HEIGHT = 680  # pixels: with the title and the count above it, the map fits a 900-pixel-high window
LAYOUT_CSS = (  # less of Streamlit's padding around the page, so that the map takes most of the window;
    # the skip link out of sight until a keyboard reaches it, and neither it nor its target taking room
    "<style>[data-testid='stMainBlockContainer'] { padding: 2.5rem 1.5rem 2rem; }"
    ".stElementContainer:has(.atlas-skip), .stElementContainer:has(#after-the-map) { position: absolute; }"
    ".atlas-skip { position: absolute; left: -10000px; }"
    ".atlas-skip:focus { left: 0; z-index: 1000; background: #fff; padding: 0.3rem 0.6rem; border: 2px solid #332288; }"
    "</style>"
)
SKIP_LINK = "<a class='atlas-skip' href='#after-the-map'>Skip the map, to the table of events</a>"
AFTER_THE_MAP = "<div id='after-the-map' tabindex='-1'></div>"


@dataclass(frozen=True)
class Atlas:
    """The loaded data with what the page derives from it once per version of the file."""

    dataset: Dataset
    urls: dict[str, str]  # what the map frame fetches
    records: dict[str, dict]  # popup and panel details by event id
    index: search.SearchIndex
    camp_options: tuple[list[str], list[str]]  # the camp types and activities in the data


@dataclass(frozen=True)
class Choices:
    years: tuple[int, int]
    categories: list[str]
    camp_types: list[str] | None
    activities: list[str] | None
    borders: bool


def derive(path: Path) -> tuple[Dataset, dict[str, dict], search.SearchIndex]:
    """Read and validate the events; prepare them for the map, the popups and the search."""
    dataset = load(path)
    events = mapview.prepare(dataset.events)
    records = {row.id: details(row.properties) for row in events.itertuples()}
    return replace(dataset, events=events), records, search.build_index(events)


@st.cache_resource(show_spinner="Loading and checking the events…")
def load_atlas(path: str, modified: float) -> Atlas:
    """The events once per version of the file (from the disk cache when this content was
    derived before, by this server or another); publish what the map fetches."""
    dataset, records, index = cache.derived(Path(path), derive)
    urls = assets.publish_libraries() | {
        "eventsUrl": assets.publish_json("events", mapview.map_data(dataset.events)),
        "detailsUrl": assets.publish_json("details", records),
    }
    return Atlas(replace(dataset, path=path), urls, records, index, filters.camp_options(dataset.events))


def show_problems(dataset: Dataset) -> None:
    if not dataset.problems:
        return
    listed = "\n".join(f"- {code_span(str(problem))}" for problem in dataset.problems[:MAX_PROBLEMS_SHOWN])
    more = len(dataset.problems) - MAX_PROBLEMS_SHOWN
    st.error(
        f"**{len(dataset.problems)} problem(s) in the events file**; the events concerned are not shown, "
        f"the other {len(dataset.events)} are. Check the file with "
        f"{code_span(f'python -m dashboard validate {dataset.path}')}.\n\n"
        + listed
        + (f"\n- … and {more} more" if more > 0 else "")
    )


def open_link(events: pd.DataFrame, camp_options: tuple[list[str], list[str]]) -> None:
    """On a session's first run: say what the link asked for that cannot be shown, select its
    event (and its years) and keep its map view. On the second, set the widgets that Streamlit
    took loosely from the link to what the notices say (a widget bound to the address takes the
    link's value on its first run whatever the session state says)."""
    if "link_opened" in st.session_state:
        st.session_state.update(st.session_state.pop("link_corrections", {}))
        return
    st.session_state["link_opened"] = True
    params = {name: st.query_params.get_all(name) for name in st.query_params}
    st.session_state["introduction"] = not params  # a link with its own state skips it
    types, activities = camp_options
    options = {"themes": [c.label for c in CATEGORIES.values()], "camp_types": types, "activities": activities}
    reading = permalink.read(params, filters.year_bounds(events), options, set(events["id"]))
    notices = reading.notices
    st.session_state["link_notices"] = list(notices.values())
    st.session_state["link_corrections"] = reading.corrections
    st.session_state["view"] = permalink.parse_view(params.get("view", [None])[0])
    event_id = params.get("event", [None])[0]
    if event_id in set(events["id"]):
        reveal(event_id, events)
        if st.session_state["view"]:  # the sender's view, not the event's framing
            st.session_state.pop("focus")
    for name in ("event", "view"):  # not widgets: Streamlit leaves bad values of these in the address
        if name in notices:
            del st.query_params[name]


def link_corrections_pending() -> bool:
    """Whether a widget shows other than what the link's notices say; those corrections are
    kept for the next run, which `open_link` starts by applying them."""
    corrections = st.session_state.pop("link_corrections", {})
    pending = {key: value for key, value in corrections.items() if st.session_state.get(key) != value}
    if pending:
        st.session_state["link_corrections"] = pending
    return bool(pending)


def reveal(event_id: str, events: pd.DataFrame) -> None:
    """Select an event and make sure it is on the map: the years set to its span, its theme on."""
    event = events.set_index("id").loc[event_id]
    st.session_state["years"] = (int(event["start_year"]), int(event["end_year"]))
    themes = st.session_state.get("themes")
    if themes is not None and event["category"] not in themes:
        st.session_state["themes"] = [*themes, event["category"]]
    select(event_id, events)


def select(event_id: str | None, events: pd.DataFrame) -> None:
    """Make an event the selected one: in the panel, in the address, and framed whole on the map."""
    st.session_state["event"] = event_id
    if event_id is None:
        st.query_params.pop("event", None)
        return
    st.query_params["event"] = event_id
    st.session_state["focus"] = framing.view_for(events.set_index("id").loc[event_id, "geometry"])


def choose_table_row(events: pd.DataFrame) -> None:
    """Callback: the reader chose a row of the table."""
    rows = st.session_state["events-table"]["selection"]["rows"]
    if rows:
        select(st.session_state["table_ids"][rows[0]], events)


def choose_search_result(events: pd.DataFrame) -> None:
    """Callback: the reader chose a search result."""
    if st.session_state["search-result"]:
        reveal(st.session_state["search-result"], events)


def follow_map_click(returned: dict | None, shown: pd.DataFrame) -> None:
    """Select the event the reader last clicked on the map (the map stays where it is)."""
    click = (returned or {}).get("last_object_clicked")
    if click and click != st.session_state.get("last_click"):
        st.session_state["last_click"] = click
        picked = picking.event_at(shown, click["lat"], click["lng"])
        if picked:
            st.session_state["event"] = picked
            st.query_params["event"] = picked


def step_play(events: pd.DataFrame) -> None:
    """While playing, move the last selected year on by one before the slider is drawn."""
    if not st.session_state.get("playing"):
        return
    first, last = st.session_state.get("years", filters.year_bounds(events))
    if last >= filters.year_bounds(events)[1]:
        st.session_state["playing"] = False
    else:
        st.session_state["years"] = (first, last + 1)


def play_clock() -> None:
    """While playing, a timer in the browser reruns the page every step, and each run moves the
    last year on (`step_play`): no server thread waits between the steps."""
    if not st.session_state.get("playing"):
        return
    calls = itertools.count()

    @st.fragment(run_every=PLAY_STEP_SECONDS)
    def tick() -> None:
        if next(calls) > 0:  # the first call is this page run's own; the later ones are the timer's
            st.rerun()

    tick()


def play_controls() -> None:
    playing = st.session_state.get("playing", False)
    label = "⏸ Pause" if playing else "▶ Play the years"
    if st.sidebar.button(label, key="play", help="Step the last year forward, one year at a time"):
        st.session_state["playing"] = not playing
        st.rerun()


def first_visit_years(events: pd.DataFrame) -> tuple[int, int]:
    """The years shown before the reader chooses: FIRST_VISIT_YEARS, or every year when the
    events file (a museum's own selection, say) has no event in those."""
    if filters.in_years(events, *FIRST_VISIT_YEARS).any():
        return FIRST_VISIT_YEARS
    return filters.year_bounds(events)


def introduction(years: tuple[int, int]) -> None:
    """What the atlas is and what to try, on a first visit, until the reader closes it."""
    if not st.session_state.get("introduction"):
        return
    first, last = years
    st.html(
        "<section aria-label='Introduction'><p style='margin:0 0 0.4em'><b>What this is</b>: the Gulag camps, "
        "the Terror, the deportations of peoples, the famines, the war and the spread of Soviet power on one "
        f"map, each event with its sources. It opens on {first}–{last}.</p>"
        "<p style='margin:0 0 0.4em'><b>Try</b>: move the <b>Years</b> in the sidebar, or press <b>▶ Play the "
        "years</b>; click any circle, symbol, line or area for its details; <b>Find an event</b> by its name or "
        "its place (Kolyma, Katyn, Соловки).</p></section>"
    )
    if st.button("Close the introduction", key="close-introduction"):
        st.session_state["introduction"] = False
        st.rerun()


def sidebar(events: pd.DataFrame, camp_options: tuple[list[str], list[str]]) -> Choices:
    first, last = filters.year_bounds(events)
    years = st.sidebar.slider(
        "Years", first, last, **({} if "years" in st.session_state else {"value": first_visit_years(events)}),
        key="years", bind="query-params",
        help="An event shows when its dates overlap these years; camps are sized by their prisoners in the last year.",
    )
    play_controls()
    in_years = events.loc[filters.in_years(events, *years), ["category", "loss_colour"]]  # not every column: faster
    in_data = set(events["category"].unique())
    present = [key for key in CATEGORIES if key in in_data]
    # Counts go in the legend, not in these labels: the browser keeps a selection by its label.
    chosen = st.sidebar.multiselect(
        "Themes", present, default=present, key="themes", bind="query-params", format_func=lambda key: CATEGORIES[key].label
    )
    camp_types = activities = None  # None: not narrowed, camps with no type or activity recorded included
    if "gulag" in chosen:
        all_types, all_activities = camp_options
        with st.sidebar.expander("Gulag camps: type and activity"):
            camp_types = st.multiselect("Camp type", all_types, default=all_types, key="camp_types", bind="query-params")
            activities = st.multiselect(
                "Economic activity", all_activities, default=all_activities, key="activities", bind="query-params"
            )
        camp_types = None if len(camp_types) == len(all_types) else camp_types
        activities = None if len(activities) == len(all_activities) else activities
    borders = st.sidebar.toggle(f"State borders of {years[1]}", value=True, key="borders", bind="query-params")
    st.sidebar.markdown("**Legend** (events in the selected years)")
    losses = in_years["loss_colour"].notna().any()
    # Each theme's count as the map would show it, camps narrowed by type and activity.
    narrow = events[["category", "subcategory", "activity", "start_year", "end_year"]]
    counts = filters.counts_by_category(filters.select(narrow, years, present, camp_types, activities))
    st.sidebar.html(legend_html(present, chosen, counts, years[1], mapview.largest_camp(events), losses,
                                largest_deported=mapview.largest_deported(events)))
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


def session_map(urls: dict[str, str]) -> tuple[folium.Map, bool]:
    """This session's base map, built once (it changes only with the data or the view a link
    opened it at), and whether it was drawn before: building and drawing it anew on every
    rerun would cost the server more than all the rest of a filter change."""
    wanted = (tuple(sorted(urls.items())), st.session_state.get("view"))
    kept = st.session_state.get("base-map")
    if kept and kept[0] == wanted:
        return kept[1], True
    base = mapview.base_map(urls, wanted[1])
    st.session_state["base-map"] = (wanted, base)
    return base, False


def show_map(atlas: Atlas, choices: Choices) -> dict | None:
    """The map: its base and data are the same on every rerun; only the choices are sent."""
    state = mapview.filter_state(choices.years, choices.categories, choices.camp_types, choices.activities, choices.borders)
    centre, zoom = st.session_state.get("focus", (None, None))
    base, drawn = session_map(atlas.urls)
    layer = mapview.filter_layer(state)
    try:
        return st_folium(
            base,
            key="atlas-map",
            feature_group_to_add=layer,
            returned_objects=["last_object_clicked"],
            center=centre,
            zoom=zoom,
            use_container_width=True,
            height=MAP_HEIGHT,
            render=not drawn,
        )
    finally:
        mapview.take_off(base, layer)


def opened(label: str, key: str):
    """An expander whose content is built and sent only while it is open (opening it reruns the
    page): None while it is closed. `label` must not change, or the expander closes."""
    box = st.expander(label, key=key, on_change="rerun")
    return box if box.open else None


def show_prisoner_chart(events: pd.DataFrame, choices: Choices) -> None:
    if not (events["category"] == "gulag").any() or not (box := opened("Prisoners in the camps, by year", "prisoners-open")):
        return
    camps = filters.select(events, filters.year_bounds(events), ["gulag"], choices.camp_types, choices.activities)
    totals = filters.prisoners_by_year(camps)
    with box:
        if totals.empty:
            st.caption("No camp of the selected types and activities has a count of prisoners.")
            return
        last = choices.years[1]
        st.caption("Selected types and activities; counts of 1 January as a rule.")
        st.altair_chart(prisoners_chart(totals, choices.years), width="stretch")
        st.caption(f"Sum of the camps' yearly counts (Smirnov 1998). {last}: {totals.get(last, 0):,} prisoners.")


def show_camp_prisoners(events: pd.DataFrame, event_id: str, years: tuple[int, int]) -> None:
    """A camp's prisoners by year as a small chart, under its details (nothing for other events)."""
    counts = filters.prisoners_by_year(events[events["id"] == event_id])
    if counts.empty:
        return
    st.caption("Prisoners of this camp by year (counts of 1 January as a rule; Smirnov 1998), the selected years shaded.")
    st.altair_chart(prisoners_chart(counts, years).properties(height=140), width="stretch")


def show_timeline(events: pd.DataFrame, choices: Choices) -> None:
    if not (box := opened("Timeline: events under way each year, by theme", "timeline-open")):
        return
    timeline = filters.events_per_year(filters.select(events, filters.year_bounds(events), choices.categories))
    with box:
        if timeline.empty:
            st.caption("No theme is selected.")
            return
        st.caption("The selected years shaded.")
        st.altair_chart(timeline_chart(timeline, choices.years, filters.year_bounds(events)), width="stretch")


def search_box(atlas: Atlas) -> None:
    """Find an event by any of its names; choosing a result selects it and zooms to it."""
    query = st.sidebar.text_input("Find an event", key="q", bind="query-params", placeholder="Vorkuta, Вишерский ИТЛ…")
    if not query.strip():
        return
    found = search.search(atlas.dataset.events, query, index=atlas.index)
    if found.empty:
        st.sidebar.caption(f"No event is called anything like {code_span(shortened(query))}.")
        return
    labels = {row.id: f"{row.matched_name} · {row.when}" for row in found.itertuples()}
    st.sidebar.selectbox(
        f"{len(found)} found", list(labels), index=None, key="search-result", format_func=labels.get,
        placeholder="Choose one to show it", on_change=lambda: choose_search_result(atlas.dataset.events),
    )


def show_table(shown: pd.DataFrame, events: pd.DataFrame) -> None:
    """The events in view, sortable; choosing a row selects the event on the map."""
    table = pd.DataFrame(
        {
            "Event": shown["name"],
            "Theme": shown["category"].map(lambda key: CATEGORIES[key].label),
            "Dates": shown["when"],
            "From": shown["start_year"],
            "To": shown["end_year"],
            "Place": shown["properties"].map(lambda props: props.place.name),
        }
    ).reset_index(drop=True)
    st.session_state["table_ids"] = shown["id"].tolist()
    st.dataframe(
        table, key="events-table", on_select=lambda: choose_table_row(events), selection_mode="single-row",
        hide_index=True, width="stretch", height=320,
    )
    years = (int(shown["start_year"].min()), int(shown["end_year"].max())) if len(shown) else (0, 0)
    geojson, csv = st.columns(2)
    geojson.download_button(
        "Download these events (GeoJSON)", partial(downloads.to_geojson, shown), on_click="ignore",
        file_name=downloads.file_name(years, "geojson"), mime=downloads.GEOJSON_MIME, disabled=shown.empty,
    )
    csv.download_button(
        "Download these events (CSV)", partial(downloads.to_csv, shown), on_click="ignore",
        file_name=downloads.file_name(years, "csv"), mime=downloads.CSV_MIME, disabled=shown.empty,
    )
    st.caption("With their sources; the data is GPL-3.0 (see the README's Licences).")


def main() -> None:
    st.set_page_config(page_title="Atlas of the Stalin era", page_icon="🗺️", layout="wide")
    st.html(LAYOUT_CSS)
    atlas = load_atlas(str(EVENTS_FILE), EVENTS_FILE.stat().st_mtime if EVENTS_FILE.exists() else 0)
    events = atlas.dataset.events
    st.markdown("### Atlas of the Stalin era, {}–{}".format(*filters.year_bounds(events)))  # the slider's period
    show_problems(atlas.dataset)
    open_link(events, atlas.camp_options)

    step_play(events)
    search_box(atlas)
    choices = sidebar(events, atlas.camp_options)
    if link_corrections_pending():
        st.rerun()
    for notice in st.session_state.pop("link_notices", []):
        st.warning(f"From the link: {notice}.", icon="🔗")
    shown = filters.select(events, choices.years, choices.categories, choices.camp_types, choices.activities)
    first, last = choices.years
    st.markdown(f"**{len(shown)} of {len(events)} events shown**, {first}–{last}.")
    if shown.empty:
        st.info(empty_reason(choices, atlas.dataset))

    st.html(SKIP_LINK)  # a keyboard would otherwise pass every symbol on the map
    map_column, side_column = st.columns([3, 1])
    with map_column:
        follow_map_click(show_map(atlas, choices), shown)
    with side_column:
        selected = st.session_state.get("event")
        if selected in atlas.records:
            st.html(panel_html(selected, atlas.records[selected]))
            show_camp_prisoners(events, selected, choices.years)
            if st.button("Clear selection", key="clear-selection"):
                select(None, events)
                st.rerun()
        else:
            introduction(first_visit_years(events))
            show_prisoner_chart(events, choices)
    show_timeline(events, choices)
    st.html(AFTER_THE_MAP)
    if table := opened("Table of the events shown", "table-open"):
        with table:
            show_table(shown, events)
    st.caption(
        "Every event cites its sources: click a symbol, line or area for its details. "
        "Borders: CShapes 2.0 and historical-basemaps (GPL). Base map: land from Natural Earth; "
        "tiles © OpenStreetMap contributors, © CARTO."
    )
    play_clock()


main()

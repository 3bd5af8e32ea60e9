"""The naive way to put the events on a folium map, to measure the atlas against: one folium
object per event, the whole map rebuilt and sent on every rerun.

Run by benchmarks/bench.py from a temporary folder holding this script and static/leaflet
(the map loads Leaflet from the app, as there is no network), with ATLAS_EVENTS set.
"""

import math
import os

import folium
import streamlit as st
from streamlit_folium import st_folium

from dashboard import filters
from dashboard.categories import CATEGORIES
from dashboard.events import load

LEAFLET = "../../app/static/leaflet/"


@st.cache_resource
def events():
    return load(os.environ["ATLAS_EVENTS"]).events


def naive_map(shown, year: int, largest: int) -> folium.Map:
    atlas_map = folium.Map(location=(54, 60), zoom_start=3, tiles=None)
    atlas_map.default_js = [("leaflet", LEAFLET + "leaflet.js")]
    atlas_map.default_css = [("leaflet_css", LEAFLET + "leaflet.css")]
    for row in shown.itertuples():
        colour = CATEGORIES[row.category].colour
        if row.geometry.geom_type == "Point":
            count = row.prisoners.get(year, 0) if row.prisoners else 0
            radius = 2.5 + 20 * math.sqrt(count / largest) if count else 5
            folium.CircleMarker(
                (row.geometry.y, row.geometry.x), radius=radius, color=colour, fill=True, tooltip=row.name
            ).add_to(atlas_map)
        else:
            folium.GeoJson(row.geometry.__geo_interface__, color=colour, tooltip=row.name).add_to(atlas_map)
    return atlas_map


all_events = events()
first, last = filters.year_bounds(all_events)
years = st.sidebar.slider("Years", first, last, (first, last), key="years", bind="query-params")
present = [key for key in CATEGORIES if key in set(all_events["category"])]
themes = st.sidebar.multiselect("Themes", present, default=present, format_func=lambda key: CATEGORIES[key].label)
shown = filters.select(all_events, years, themes)
st.markdown(f"**{len(shown)} of {len(all_events)} events shown**")
largest = max((max(counts.values()) for counts in all_events["prisoners"] if counts), default=1)
st_folium(naive_map(shown, years[1], largest), height=620, use_container_width=True, returned_objects=[])

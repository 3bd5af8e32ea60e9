"""Charts beside the map (Vega-Lite through Altair, drawn by Streamlit's own frontend: no CDN)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from .categories import CATEGORIES


def _selected_band(years: tuple[int, int], scale: alt.Scale) -> alt.Chart:
    selected = pd.DataFrame({"from": [years[0] - 0.5], "to": [years[1] + 0.5]})
    return alt.Chart(selected).mark_rect(color="#3d4f7d", opacity=0.15).encode(x=alt.X("from:Q", scale=scale), x2="to:Q")


def prisoners_chart(totals: pd.Series, years: tuple[int, int]) -> alt.LayerChart:
    """Total camp prisoners by year, the selected years shaded."""
    data = totals.reset_index()
    year_scale = alt.Scale(domain=[int(data["year"].min()) - 1, int(data["year"].max()) + 1])
    bars = (
        alt.Chart(data)
        .mark_bar(color="#332288", size=5)
        .encode(
            x=alt.X("year:Q", title=None, axis=alt.Axis(format="d", tickCount=6), scale=year_scale),
            y=alt.Y("prisoners:Q", title="prisoners", axis=alt.Axis(format="~s")),
            tooltip=[alt.Tooltip("year:Q", format="d"), alt.Tooltip("prisoners:Q", format=",")],
        )
    )
    return (_selected_band(years, year_scale) + bars).properties(height=220)


def timeline_chart(per_year: pd.DataFrame, years: tuple[int, int], bounds: tuple[int, int]) -> alt.LayerChart:
    """Events under way each year, stacked by theme in the map's colours; the selected years shaded.

    `per_year` has the columns year, category and events.
    """
    keys = [key for key in CATEGORIES if key in set(per_year["category"])]
    colour = alt.Color(
        "theme:N",
        scale=alt.Scale(domain=[CATEGORIES[k].label for k in keys], range=[CATEGORIES[k].colour for k in keys]),
        legend=alt.Legend(orient="bottom", title=None, columns=4),
    )
    data = per_year.assign(theme=per_year["category"].map(lambda key: CATEGORIES[key].label))
    year_scale = alt.Scale(domain=[bounds[0] - 0.5, bounds[1] + 0.5])
    bars = (
        alt.Chart(data)
        .mark_bar(size=8)
        .encode(
            x=alt.X("year:Q", title=None, axis=alt.Axis(format="d"), scale=year_scale),
            y=alt.Y("sum(events):Q", title="events under way"),
            color=colour,
            tooltip=[alt.Tooltip("year:Q", format="d"), "theme:N", "events:Q"],
        )
    )
    return (_selected_band(years, year_scale) + bars).properties(height=200)

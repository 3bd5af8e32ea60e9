"""Charts beside the map (Vega-Lite through Altair, drawn by Streamlit's own frontend: no CDN)."""

from __future__ import annotations

import altair as alt
import pandas as pd


def prisoners_chart(totals: pd.Series, years: tuple[int, int]) -> alt.LayerChart:
    """Total camp prisoners by year, the selected years shaded."""
    data = totals.reset_index()
    year_scale = alt.Scale(domain=[int(data["year"].min()) - 1, int(data["year"].max()) + 1])
    selected = pd.DataFrame({"from": [years[0] - 0.5], "to": [years[1] + 0.5]})
    band = (
        alt.Chart(selected)
        .mark_rect(color="#3d4f7d", opacity=0.15)
        .encode(x=alt.X("from:Q", scale=year_scale), x2="to:Q")
    )
    bars = (
        alt.Chart(data)
        .mark_bar(color="#332288", size=5)
        .encode(
            x=alt.X("year:Q", title=None, axis=alt.Axis(format="d", tickCount=6), scale=year_scale),
            y=alt.Y("prisoners:Q", title="prisoners", axis=alt.Axis(format="~s")),
            tooltip=[alt.Tooltip("year:Q", format="d"), alt.Tooltip("prisoners:Q", format=",")],
        )
    )
    return (band + bars).properties(height=220)

"""The legend's keys say what the map draws: the deportation arrows' widths at given numbers of
people, drawn with the map's own width function."""

from __future__ import annotations

import base64
import re

from dashboard import mapview
from dashboard.legend import legend_html


def drawn_widths(legend: str) -> list[float]:
    """The stroke widths of the lines in the legend's SVG images."""
    images = [base64.b64decode(data).decode() for data in re.findall(r"data:image/svg\+xml;base64,([^\"]+)", legend)]
    return [float(width) for svg in images if "<line" in svg for width in re.findall(r'stroke-width="([\d.]+)"', svg)]


def test_the_deportation_key_gives_a_scale_of_widths_as_the_map_draws_them(real):
    events = mapview.prepare(real)
    largest = mapview.largest_deported(events)
    legend = legend_html(["deportation"], ["deportation"], {"deportation": 1}, 1944, 1, largest_deported=largest)
    widths = drawn_widths(legend)
    for people in (10_000, 100_000, 400_000):
        assert f"{people:,} people" in legend
        assert mapview.flow_width(people, largest) in widths
    drawn = {feature["properties"]["w"] for feature in events["map_feature"] if feature["properties"].get("w")}
    assert max(drawn) == mapview.flow_width(largest, largest)  # the map's widest arrow, on the same scale


def test_no_scale_when_no_number_of_people_is_sourced():
    legend = legend_html(["deportation"], ["deportation"], {"deportation": 1}, 1944, 1, largest_deported=0)
    assert "people" not in legend.split("width by")[0] and "10,000" not in legend
    assert "no sourced number of people" in legend

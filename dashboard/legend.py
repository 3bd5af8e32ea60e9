"""The sidebar legend: each theme's symbol as drawn on the map, with its count, and the keys
to the camp circles, the deportation arrows and their regions of origin."""

from __future__ import annotations

import base64

from .categories import CATEGORIES, symbol_svg
from .mapview import LOSS_CLASSES, LOSS_FILL_OPACITY, ORIGIN_STYLE, camp_radius, flow_width

CAMP_KEY_COUNTS = (1_000, 10_000, 50_000)
FLOW_KEY_PEOPLE = (10_000, 100_000, 400_000, 1_000_000)


def _img(svg: str, width: int, height: int | None = None) -> str:
    """An <img> of an SVG (Streamlit's HTML sanitiser drops inline SVG); decorative, the text says it."""
    data = base64.b64encode(svg.encode()).decode()
    return (
        f'<img src="data:image/svg+xml;base64,{data}" width="{width}" height="{height or width}" alt="" '
        'style="vertical-align:middle">'
    )


def _circle(radius: float, colour: str, hollow: bool = False) -> str:
    size = int(2 * radius + 4)
    fill = 'fill="none" stroke-dasharray="2 2"' if hollow else f'fill="{colour}" fill-opacity="0.35"'
    return _img(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}">'
        f'<circle cx="{size / 2}" cy="{size / 2}" r="{radius}" {fill} stroke="{colour}"/></svg>',
        size,
    )


def _key(shape: str) -> str:
    """A 40 x 16 key holding one SVG shape."""
    return _img(f'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="16">{shape}</svg>', 40, 16)


def _line(width: float, colour: str, dashed: bool = False) -> str:
    dash = ' stroke-dasharray="6 5"' if dashed else ""
    return _key(f'<line x1="2" y1="8" x2="38" y2="8" stroke="{colour}" stroke-width="{width}"{dash}/>')


def _area(colour: str, fill_opacity: float, weight: float = 1, dashed: bool = False) -> str:
    dash = ' stroke-dasharray="5 4"' if dashed else ""
    return _key(
        f'<rect x="2" y="2" width="36" height="12" fill="{colour}" fill-opacity="{fill_opacity}" '
        f'stroke="{colour}" stroke-width="{weight}"{dash}/>'
    )


def _origin(dashed: bool = False) -> str:
    """A deportation's region of origin, as the map shades it."""
    return _area(ORIGIN_STYLE["fillColor"], ORIGIN_STYLE["fillOpacity"], ORIGIN_STYLE["weight"], dashed)


def _flow_scale(largest: float) -> str:
    """The arrows' widths at a few numbers of people, by the map's own width function (none when
    no number is sourced: `largest` 0)."""
    people = [n for n in FLOW_KEY_PEOPLE if n <= largest] or ([largest] if largest else [])
    colour = CATEGORIES["deportation"].colour
    return "".join(f"{_line(flow_width(n, largest), colour)} {n:,.0f} people<br>" for n in people)


def legend_html(
    present: list[str],
    chosen: list[str],
    counts: dict[str, int],
    year: int,
    largest_camp: int,
    losses: bool = False,
    largest_deported: float = 0,
) -> str:
    """The legend; `losses`: whether regions shaded by their famine losses per 1,000 are shown;
    `largest_deported`: the largest number of people of any deportation (mapview.largest_deported)."""
    rows = "".join(
        f'<li style="opacity:{1 if key in chosen else 0.45}">{_img(symbol_svg(CATEGORIES[key]), 16)} '
        f"{CATEGORIES[key].label} <b>{counts.get(key, 0)}</b></li>"
        for key in present
    )
    keys = []
    if "gulag" in chosen:
        colour = CATEGORIES["gulag"].colour
        counts = [n for n in CAMP_KEY_COUNTS if n <= largest_camp] or [largest_camp]
        circles = " ".join(f"{_circle(camp_radius(n, largest_camp), colour)} {n:,}" for n in counts)
        keys.append(
            f"<p><b>Camps</b>: circle area by prisoners in {year}<br>{circles}<br>"
            f"{_circle(3, colour, hollow=True)} no count for {year}</p>"
        )
    if "deportation" in chosen:
        colour = CATEGORIES["deportation"].colour
        keys.append(
            f"<p><b>Deportations</b>: width by people deported<br>{_flow_scale(largest_deported)}"
            f"{_line(2, colour, dashed=True)} no sourced number of people<br>"
            f"{_origin()} region taken from<br>"
            f"{_origin(dashed=True)} region taken from, approximate outline</p>"
        )
    if losses and "famine" in chosen:
        classes = "<br>".join(f"{_area(colour, LOSS_FILL_OPACITY)} {text}" for _, colour, text in LOSS_CLASSES)
        keys.append(f"<p><b>Holodomor, 1932-1934</b>: famine deaths per 1,000 inhabitants, by oblast<br>{classes}</p>")
    return (
        '<ul class="atlas-legend" style="list-style:none;padding-left:0;line-height:1.9;margin-bottom:0.5rem">'
        f"{rows}</ul>{''.join(keys)}"
    )

"""The themes of the atlas: how each is named, drawn and what geometry it may have.

Colours are Paul Tol's colour-blind-safe "muted" scheme; every category also has its own
symbol, so that colour is never the only cue.
"""

from __future__ import annotations

from dataclasses import dataclass

POINTS = ("Point", "MultiPoint")
LINES = ("LineString", "MultiLineString")
AREAS = ("Polygon", "MultiPolygon")


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    colour: str
    symbol: str  # one of SYMBOL_PATHS; "circle" points are drawn to scale (camps by prisoners)
    geometry_types: tuple[str, ...]


CATEGORIES: dict[str, Category] = {
    category.key: category
    for category in (
        Category("gulag", "Gulag camps", "#332288", "circle", POINTS),
        Category("terror", "The Terror", "#882255", "cross", POINTS + AREAS),
        Category("terror_abroad", "Terror abroad", "#AA4499", "cross", POINTS),
        Category("deportation", "Deportations", "#CC6677", "arrow", LINES),
        Category("famine", "Famines", "#DDCC77", "area", AREAS),
        Category("battle", "Battles and wars", "#117733", "triangle", POINTS + AREAS),  # a battle, or an operation's area
        Category("bloc_expansion", "Soviet expansion and the Eastern Bloc", "#44AA99", "area", AREAS + POINTS),
        Category("construction", "Industry and forced-labour construction", "#999933", "hexagon", POINTS + LINES),
        Category("resistance", "Resistance and uprisings", "#88CCEE", "star", POINTS + AREAS),
        Category("politics", "Turning points", "#555555", "diamond", POINTS),
    )
}

# SVG path data in a 20x20 box, one per symbol.
SYMBOL_PATHS = {
    "diamond": "M10 1L19 10L10 19L1 10Z",
    "cross": "M7 2H13V7H18V13H13V18H7V13H2V7H7Z",
    "triangle": "M10 2L18 17H2Z",
    "hexagon": "M10 2L17 6V14L10 18L3 14V6Z",
    "star": "M10 1L12.6 7.2L19 7.6L14 11.8L15.6 18.5L10 14.8L4.4 18.5L6 11.8L1 7.6L7.4 7.2Z",
    "circle": "M10 3A7 7 0 1 1 9.99 3Z",
    "arrow": "M2 8H12V4L19 10L12 16V12H2Z",
    "area": "M2 4H18V16H2Z",
}


def symbol_svg(category: Category, size: int = 16) -> str:
    """The category's symbol as an SVG document, drawn as on the map."""
    translucent = ' fill-opacity="0.45"' if category.symbol == "area" else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 20 20">'
        f'<path d="{SYMBOL_PATHS[category.symbol]}" fill="{category.colour}"{translucent} '
        f'stroke="#222" stroke-width="1.2"/></svg>'
    )


"""What a popup says about an event, as plain strings (the browser sets them as text, not HTML)."""

from __future__ import annotations

from .bibliography import cite
from .categories import CATEGORIES
from .dates import format_span, granularity
from .schema import EventProperties, Figure

DATE_PRECISION = {
    "day": "dates to the day",
    "month": "dates to the month",
    "year": "dates to the year",
    "approximate": "dates approximate",
}
LOCATION_PRECISION = {
    "exact": "exact site",
    "settlement": "located by settlement",
    "region": "located by region",
    "approximate": "location approximate",
}


def precision_text(start: str, end: str | None, precision: str) -> str:
    """How precise the dates are; for a span whose ends are written to different precisions
    (a camp opened in some year, closed on a given day), each end as written."""
    if precision == "approximate" or not end or granularity(start) == granularity(end):
        return DATE_PRECISION[precision]
    return f"start to the {granularity(start)}, end to the {granularity(end)}"


def figure_text(figure: Figure) -> str:
    """'Deported: 478,479–496,460 people (1944; low: bugai1995, high: polian2004)'."""
    amount = f"{figure.low:,}" if figure.low == figure.high else f"{figure.low:,}–{figure.high:,}"
    cited = [(source.key if source.supports == "both" else f"{source.supports}: {source.key}")
             + (f" quoting {source.quoting}" if source.quoting else "") for source in figure.sources]
    context = ([str(figure.year)] if figure.year else []) + ([figure.note] if figure.note else []) + cited
    return f"{figure.measure.capitalize()}: {amount} {figure.unit} ({'; '.join(context)})"


def details(props: EventProperties) -> dict:
    category = CATEGORIES[props.category]
    citations = {source.key: cite(source.key, source.pages) for source in props.sources}
    for figure in props.figures:
        for source in figure.sources:
            citations.setdefault(source.key, cite(source.key, source.pages))
    return {
        "name": props.name,
        "alt_names": [f"{alt.name} ({alt.lang})" for alt in props.alt_names],
        "kind": " · ".join(filter(None, [category.label, props.subcategory, ", ".join(props.activity)])),
        "when": f"{format_span(props.start, props.end, props.date_precision)} "
        f"({precision_text(props.start, props.end, props.date_precision)})",
        "place": f"{props.place.name}, {'/'.join(props.place.countries)} ({LOCATION_PRECISION[props.location_precision]})",
        "facts": [
            label + text
            for label, text in (("Belligerents: ", ", ".join(props.belligerents)), ("Outcome: ", props.outcome))
            if text
        ],
        "description": props.description,
        "figures": [figure_text(figure) for figure in props.figures],
        "sources": [f"[{key}] {text}" for key, text in citations.items()],
        "wikipedia": str(props.wikipedia) if props.wikipedia else None,
    }

"""The events on the map as files to download: GeoJSON (the data as it is) and CSV (for spreadsheets).

Both carry the data's licence and the full citation of every work they rely on, so a file
that leaves the atlas keeps its sources. Pure functions; nothing here knows about Streamlit.
"""

from __future__ import annotations

import csv
import io
import json

import geopandas as gpd
from shapely.geometry import mapping

from .bibliography import citations
from .details import details, figure_text
from .schema import EventProperties

GEOJSON_MIME = "application/geo+json"
CSV_MIME = "text/csv"
LICENCE = (
    "The Atlas of the Stalin era's data is distributed under the GNU General Public License, version 3 "
    "(GPL-3.0, https://www.gnu.org/licenses/gpl-3.0.html), because its state borders and regions are "
    "derived from GPL sources (CShapes 2.0; historical-basemaps). See the Licences section of the "
    "project's README.md and geodata/README.md. The facts come from the works listed in 'sources'."
)
CSV_LICENCE = "GPL-3.0: data of the Atlas of the Stalin era; see the Licences section of its README.md"
CSV_COLUMNS = [
    "id", "name", "alt_names", "category", "subcategory", "activity", "start", "end", "date_precision",
    "place", "countries", "location_precision", "geometry_type", "longitude", "latitude", "description",
    "belligerents", "outcome", "figures", "source_keys", "citations", "wikidata", "wikipedia", "licence",
]
NUMBERS = ("longitude", "latitude")
# A cell starting with one of these is a formula to a spreadsheet program; such text gets a leading apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def feature(props: EventProperties, geometry) -> dict:
    """The GeoJSON feature of one event: its properties as they were read from the file."""
    return {
        "type": "Feature",
        "geometry": mapping(geometry),
        "properties": props.model_dump(mode="json", exclude_unset=True, exclude_none=True),
    }


def source_keys(props: EventProperties) -> list[str]:
    """The bibliography keys an event cites, in its own order: its sources, then its figures' sources."""
    keys = [source.key for source in props.sources]
    keys += [source.key for figure in props.figures for source in figure.sources]
    return list(dict.fromkeys(keys))


def sources_used(events: gpd.GeoDataFrame) -> list[dict[str, str]]:
    """[{"key", "citation"}] of every work the events cite, sorted by key."""
    known = citations()
    keys = sorted({key for props in events["properties"] for key in source_keys(props)})
    return [{"key": key, "citation": known[key]} for key in keys]


def to_geojson(events: gpd.GeoDataFrame) -> bytes:
    """A FeatureCollection of the events (UTF-8), with members "licence" and "sources" (full citations)."""
    document = {
        "type": "FeatureCollection",
        "licence": LICENCE,
        "sources": sources_used(events),
        "features": [feature(props, geometry) for props, geometry in zip(events["properties"], events.geometry)],
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def csv_row(props: EventProperties, geometry) -> dict[str, str]:
    """One event as text cells; `longitude`/`latitude` are the point itself, or for a line or
    an area a representative point on or inside it (`geometry_type` says which)."""
    point = geometry if geometry.geom_type == "Point" else geometry.representative_point()
    return {
        "id": props.id,
        "name": props.name,
        "alt_names": "; ".join(f"{alt.name} ({alt.lang})" for alt in props.alt_names),
        "category": props.category,
        "subcategory": props.subcategory or "",
        "activity": "; ".join(props.activity),
        "start": props.start,
        "end": props.end or "",
        "date_precision": props.date_precision,
        "place": props.place.name,
        "countries": "; ".join(props.place.countries),
        "location_precision": props.location_precision,
        "geometry_type": geometry.geom_type,
        "longitude": f"{point.x:.5f}",
        "latitude": f"{point.y:.5f}",
        "description": props.description,
        "belligerents": "; ".join(props.belligerents),
        "outcome": props.outcome or "",
        "figures": " | ".join(figure_text(figure) for figure in props.figures),
        "source_keys": "; ".join(source_keys(props)),
        "citations": " | ".join(details(props)["sources"]),
        "wikidata": props.wikidata or "",
        "wikipedia": str(props.wikipedia) if props.wikipedia else "",
        "licence": CSV_LICENCE,
    }


def _safe(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def to_csv(events: gpd.GeoDataFrame) -> bytes:
    """One row an event, columns CSV_COLUMNS; UTF-8 with a byte-order mark so that spreadsheet
    programs read Cyrillic. The licence is the last column, since CSV has no place for a note."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for props, geometry in zip(events["properties"], events.geometry):
        row = csv_row(props, geometry)
        writer.writerow({column: row[column] if column in NUMBERS else _safe(row[column]) for column in CSV_COLUMNS})
    return out.getvalue().encode("utf-8-sig")


def file_name(years: tuple[int, int], extension: str) -> str:
    """`stalin-era-atlas-1937-1938.geojson`."""
    first, last = years
    return f"stalin-era-atlas-{first}-{last}.{extension}"

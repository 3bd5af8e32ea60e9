"""Files the browser loads from the app itself, never from a CDN.

Streamlit serves `dashboard/static/` at `app/static/` (server.enableStaticServing). This
fills it with Leaflet (from the XStatic-Leaflet package), the atlas's own script and styles,
the land underlay, the state borders of every year, the deportations' origin regions, and the
events' labels (tooltips) and details (popups), and gives the URLs the map frame uses.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from importlib.resources import files
from pathlib import Path

import xstatic.pkg.leaflet

PACKAGE = Path(__file__).parent
STATIC = PACKAGE / "static"
GEODATA = PACKAGE.parent / "geodata"
LAND = GEODATA / "land.geojson"
BORDERS = GEODATA / "borders" / "borders.geojson"
ORIGINS = GEODATA / "deportation_origins.geojson"
# The map is drawn in a component frame served at <base>/component/<name>/index.html;
# going up two levels from there reaches <base>/, whatever base path the app is served under.
FROM_MAP_FRAME = "../../app/static/"


def publish_libraries() -> dict[str, str]:
    """Copy Leaflet, the atlas script and styles, the land, the borders and the deportations'
    origin regions into the static folder (idempotent); return the URLs of the last three."""
    STATIC.mkdir(exist_ok=True)
    shutil.copytree(xstatic.pkg.leaflet.BASE_DIR, STATIC / "leaflet", dirs_exist_ok=True)
    for name in ("atlas.js", "atlas.css"):
        shutil.copyfile(PACKAGE / name, STATIC / name)
    return {
        "landUrl": publish_file("land", LAND),
        "bordersUrl": publish_file("borders", BORDERS),
        "originsUrl": publish_file("origins", ORIGINS),
    }


def publish_json(kind: str, records: dict | list) -> str:
    """Write records as `<kind>-<content hash>.json` and return its URL from the map frame."""
    return _publish(kind, json.dumps(records, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def publish_file(kind: str, source: Path) -> str:
    """Copy a file as `<kind>-<content hash>.json` and return its URL from the map frame."""
    return _publish(kind, source.read_bytes())


def _publish(kind: str, payload: bytes) -> str:
    """The name changes with the content, so browsers may cache it for good; the files of
    earlier versions are removed."""
    name = f"{kind}-{hashlib.sha256(payload).hexdigest()[:16]}.json"
    STATIC.mkdir(exist_ok=True)
    for old in STATIC.glob(f"{kind}-*.json"):
        if old.name != name:
            old.unlink(missing_ok=True)
    (STATIC / name).write_bytes(payload)
    return FROM_MAP_FRAME + name


def library_urls() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(scripts, stylesheets) as (name, URL) pairs, in the order the map needs them."""
    scripts = [("leaflet", FROM_MAP_FRAME + "leaflet/leaflet.js"), ("atlas", FROM_MAP_FRAME + "atlas.js")]
    styles = [("leaflet_css", FROM_MAP_FRAME + "leaflet/leaflet.css"), ("atlas_css", FROM_MAP_FRAME + "atlas.css")]
    return scripts, styles


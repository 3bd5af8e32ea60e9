"""Files the browser loads from the app itself, never from a CDN.

Streamlit serves `dashboard/static/` at `app/static/` (server.enableStaticServing). This
fills it with Leaflet (from the XStatic-Leaflet package), the atlas's own script and styles,
the land underlay, the state borders of every year, the deportations' origin regions, and the
events' labels (tooltips) and details (popups), and gives the URLs the map frame uses.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import socket
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
IN_USE = PACKAGE / ".published"  # which files of STATIC each running server serves (not served itself)


def publish_libraries() -> dict[str, str]:
    """Copy Leaflet, the atlas script and styles, the land, the borders and the deportations'
    origin regions into the static folder (idempotent); return the URLs of the last three."""
    STATIC.mkdir(exist_ok=True)
    shutil.copytree(xstatic.pkg.leaflet.BASE_DIR, STATIC / "leaflet", dirs_exist_ok=True)
    for name in ("atlas.js", "atlas.css"):
        _write_atomically(STATIC / name, (PACKAGE / name).read_bytes())
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
    """The name changes with the content, so browsers may cache it for good.

    Several servers may share one checkout (replicas, or a museum running two datasets), so a
    server records the names it serves in `.published/` and removes only the files of earlier
    versions that no running server on this host has recorded.
    """
    name = f"{kind}-{hashlib.sha256(payload).hexdigest()[:16]}.json"
    STATIC.mkdir(exist_ok=True)
    IN_USE.mkdir(exist_ok=True)
    with open(IN_USE / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one server at a time writes, records and removes
        if not (STATIC / name).exists():
            _write_atomically(STATIC / name, payload)
        _record_in_use(kind, name)
        _remove_unused(kind)
    return FROM_MAP_FRAME + name


def _write_atomically(path: Path, payload: bytes) -> None:
    """Write beside the target and rename, so that no server ever serves half a file."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    partial.write_bytes(payload)
    os.replace(partial, path)


def _own_record() -> Path:
    return IN_USE / f"{socket.gethostname()}-{os.getpid()}"


def _record_in_use(kind: str, name: str) -> None:
    """This server now serves `name` for `kind`, in place of any earlier version."""
    record = _own_record()
    names = set(record.read_text().split()) if record.exists() else set()
    kept = {other for other in names if not other.startswith(f"{kind}-")}
    _write_atomically(record, "\n".join(sorted(kept | {name})).encode())


def _process_is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _names_in_use() -> set[str]:
    """The files recorded by servers that may still serve them. Records of this host's ended
    processes are removed; another host's (a shared volume) are kept, since they cannot be checked."""
    names: set[str] = set()
    host = socket.gethostname()
    for record in IN_USE.glob("[!.]*"):
        record_host, _, pid = record.name.rpartition("-")
        if record_host == host and pid.isdigit() and not _process_is_running(int(pid)):
            record.unlink(missing_ok=True)
            continue
        names.update(record.read_text().split())
    return names


def _remove_unused(kind: str) -> None:
    in_use = _names_in_use()
    for old in STATIC.glob(f"{kind}-*.json"):
        if old.name not in in_use:
            old.unlink(missing_ok=True)


def library_urls() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(scripts, stylesheets) as (name, URL) pairs, in the order the map needs them."""
    scripts = [("leaflet", FROM_MAP_FRAME + "leaflet/leaflet.js"), ("atlas", FROM_MAP_FRAME + "atlas.js")]
    styles = [("leaflet_css", FROM_MAP_FRAME + "leaflet/leaflet.css"), ("atlas_css", FROM_MAP_FRAME + "atlas.css")]
    return scripts, styles


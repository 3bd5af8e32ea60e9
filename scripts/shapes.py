"""The geometry of a fact, as a historian gives it, turned into GeoJSON.

A fact's `geometry` is one of:

- `point: {lon, lat}`: a place; the tests check that it lies within 50 km of the GeoNames place
  named by the event's `place.name`, or by `gazetteer` where GeoNames lacks that name;
- `route: [{place, lon, lat}, ...]`: a line through named places (each checked against
  GeoNames), schematic, not the exact course;
- `flows: {from: [...], to: [...]}`: deportation flows from every region of origin to every
  region of destination (`facts/geography/regions.yaml`), drawn by `scripts/flows.py`;
- `area: {basis, sources, drawn_by, ...}`: a region drawn from boundary data by
  `scripts/derive_areas.py`, which needs the reference folder; the polygon it drew is committed
  in `geodata/areas.geojson` under the event's id.

Coordinates are written as they are drawn (longitude and latitude in degrees).
"""

from __future__ import annotations

from functools import cache

from scripts import facts, flows
from scripts.common import REPO, read_features

FORMS = ("point", "route", "flows", "area")
AREAS = REPO / "geodata" / "areas.geojson"


@cache
def areas() -> dict[str, dict]:
    """The committed polygons of the areas, by event id."""
    return {feature["properties"]["event"]: feature["geometry"] for feature in read_features(AREAS)}


def area(spec: facts.Mapping, event_id: str) -> dict:
    if event_id not in areas():
        raise spec.error(f"geodata/areas.geojson has no polygon for {event_id}: run python scripts/derive_areas.py "
                         "(it needs ../shared/reference)")
    return areas()[event_id]


def point(spec: facts.Mapping) -> dict:
    return {"type": "Point", "coordinates": [spec["lon"], spec["lat"]]}


def route(waypoints: facts.Sequence) -> dict:
    if len(waypoints) < 2:
        raise facts.FactError(waypoints.file, waypoints.line, "a route needs at least two places")
    return {"type": "LineString", "coordinates": [[waypoint["lon"], waypoint["lat"]] for waypoint in waypoints]}


def form(spec: facts.Mapping) -> str:
    given = [name for name in FORMS if isinstance(spec, dict) and name in spec]
    if len(given) != 1 or len(spec) != 1:
        raise facts.FactError(getattr(spec, "file", ""), getattr(spec, "line", None),
                              f"geometry must be exactly one of {', '.join(FORMS)}")
    return given[0]


def features(spec: facts.Mapping, properties: dict, shares: facts.Mapping | None = None) -> list[tuple[dict, dict]]:
    """(geometry, properties) of each feature of an event: one, except for a deportation
    split by destination (`shares`)."""
    kind = form(spec)
    if shares is not None and kind != "flows":
        raise facts.FactError(shares.file, shares.line, "only flows can be split by destination (shares)")
    if kind == "point":
        return [(point(spec["point"]), properties)]
    if kind == "route":
        return [(route(spec["route"]), properties)]
    if kind == "flows":
        return flows.features(spec["flows"], properties, shares)
    return [(area(spec["area"], properties["id"]), properties)]

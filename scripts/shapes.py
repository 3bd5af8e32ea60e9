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


def position(value, where: facts.Mapping | facts.Sequence, key) -> list[float]:
    """[lon, lat] of a place given as {lon, lat, ...} at where[key]."""
    if not isinstance(value, dict) or not all(isinstance(value.get(name), (int, float)) for name in ("lon", "lat")):
        raise facts.FactError(where.file, where.line_of(key), "a place needs `lon` and `lat` as numbers (degrees)")
    return [value["lon"], value["lat"]]


def route(spec: facts.Mapping) -> dict:
    waypoints = spec["route"]
    if not isinstance(waypoints, list) or len(waypoints) < 2:
        raise spec.error("a route is a list of at least two places, each {place, lon, lat}", "route")
    return {"type": "LineString", "coordinates": [position(waypoint, waypoints, index)
                                                  for index, waypoint in enumerate(waypoints)]}


def area(spec: facts.Mapping, event_id: str) -> dict:
    if event_id not in areas():
        raise spec.error(f"geodata/areas.geojson has no polygon for {event_id}: run python scripts/derive_areas.py "
                         "(it needs ../shared/reference)", "area")
    return areas()[event_id]


def features(entry: facts.Mapping, properties: dict) -> list[tuple[dict, dict]]:
    """(geometry, properties) of each feature of an event: one, except for a deportation
    split by destination (`shares`)."""
    spec = entry["geometry"]
    given = [name for name in FORMS if isinstance(spec, dict) and name in spec]
    if len(given) != 1 or len(spec) != 1:
        raise entry.error(f"geometry must be exactly one of {', '.join(FORMS)}", "geometry")
    kind, shares = given[0], entry.get("shares")
    if shares is not None and (kind != "flows" or not isinstance(shares, dict)):
        raise entry.error("shares split flows by destination: {destination: figure, ...}", "shares")
    if kind == "flows":
        if not isinstance(spec["flows"], dict):
            raise spec.error("flows are {from: [regions], to: [regions]}", "flows")
        return flows.features(spec["flows"], properties, shares)
    if kind == "point":
        return [({"type": "Point", "coordinates": position(spec["point"], spec, "point")}, properties)]
    if kind == "route":
        return [(route(spec), properties)]
    return [(area(spec, properties["id"]), properties)]

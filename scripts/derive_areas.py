"""Write `geodata/areas.geojson`: the polygon of every fact whose geometry is an `area`.

An area in a fact file (`facts/famines.yaml`, `facts/bloc_expansion.yaml`, `facts/battles.yaml`) names the function
below that draws it (`drawn_by`), with its arguments, the `basis` it stands for and the
boundary data it cites (`sources`). The functions read the border data of the reference
folder (`../shared/reference/borders`), so this script needs it; the build
(`scripts/build_events.py`) then takes each polygon from the committed file, by event id.

- The annexations and the Eastern Bloc: CShapes 2.0 (GPL >= 2, `cshapes2`) through
  `scripts/derive_borders.py`, and for the Kuril Islands historical-basemaps (GPL-3.0,
  `ourednik`); Tuva is derive_borders' approximate outline. An annexed area is the
  neighbour's territory before minus after, or before intersected with the USSR after.
  Simplified until at most 300 vertices (from 0.005 degrees).
- The famines: the USSR of 1930 is the union of the polygons of historical-basemaps'
  `world_1930` named USSR, Ukraine, White Russia, Georgia, Armenia and Azerbaijan; Crimea, an
  autonomous republic of the RSFSR until 1954 that `world_1930` draws inside Ukraine, is cut
  out with the geoBoundaries polygons of Crimea and Sevastopol (CC BY 4.0, `runfola2020`);
  Natural Earth's countries are public domain. Krais without boundary data are the USSR of
  1930 clipped to a hand-drawn outline. Simplified from 0.02 degrees, ~2 km, coarser until at
  most 300 vertices, islets under 0.02 square degrees dropped, rounded to 3 decimals.
- The Red Army's operations: an outline sketched by hand around the towns the fact names,
  clipped to Natural Earth's land and simplified like the famines; approximate.

The file is GPL-3.0, like the rest of geodata/.

    python scripts/derive_areas.py
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import geopandas as gpd
import shapely
from shapely import make_valid, set_precision
from shapely.geometry import MultiPolygon, Point, Polygon, mapping, shape
from shapely.ops import unary_union

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts import derive_borders as b  # noqa: E402
from scripts import facts  # noqa: E402
from scripts.common import REFERENCE, REPO, write_feature_collection  # noqa: E402

BORDERS = REFERENCE / "borders"
OUT = REPO / "geodata" / "areas.geojson"
MAX_VERTICES = 300  # per area; the tolerance grows until the polygon is this small
FAMINE_TOLERANCE = 0.02  # degrees, for simplify
FAMINE_MIN_PART_AREA = 0.02  # square degrees: drop islets and slivers smaller than this
AREA_KEYS = ("basis", "sources", "drawn_by")  # the keys of an area that are not its function's arguments


# The annexations and the Eastern Bloc, from CShapes through derive_borders.

def for_web(geometry):
    """Simplify until the polygon has at most MAX_VERTICES vertices."""
    tolerance = 0.005
    while True:
        simple = b.for_web(geometry, tolerance=tolerance, min_area=0.001, digits=3)
        if shapely.get_num_coordinates(simple) <= MAX_VERTICES or tolerance > 0.2:
            return simple
        tolerance *= 1.5


def bloc(geometry) -> dict:
    return mapping(for_web(geometry))


def ussr(day: str):
    return b.state(b.USSR, day)


def cshapes_state(state: int, on: str) -> dict:
    """A state (Gleditsch-Ward code) as CShapes draws it on a day."""
    return bloc(b.state(state, on))


def taken_by_the_ussr(state: int, on: str, ussr_on: str) -> dict:
    """The part of a state on one day that lies inside the USSR on another."""
    return bloc(b.state(state, on).intersection(ussr(ussr_on)))


def ceded_to_the_ussr(state: int, before: str, after: str) -> dict:
    """What a state lost from one day to the next that the USSR then held."""
    return bloc(b.state(state, before).difference(b.state(state, after)).intersection(ussr(after)))


def eastern_poland_1939() -> dict:
    return bloc(b.eastern_poland().difference(b.vilnius_region()))


def ceded_by_finland_1940() -> dict:
    return bloc(b.state(b.FINLAND, "1938-12-31").difference(b.state(b.FINLAND, "1940-12-31")).difference(b.petsamo()))


def lithuania_with_vilnius_1940() -> dict:
    return bloc(b.state(b.LITHUANIA, "1940-06-01").union(b.vilnius_region()))


def sakhalin_and_kurils_1945() -> dict:
    return bloc(unary_union([b.state(7351, "1945-08-01"), b.kurils()]))


def tuva() -> dict:
    return bloc(b.tuva())


# The famines, from historical-basemaps, Natural Earth and geoBoundaries.

@cache
def read(name: str) -> gpd.GeoDataFrame:
    return gpd.read_file(BORDERS / name)


def world_1930(name: str):
    world = read("world_1930.geojson")
    return make_valid(world[world["NAME"] == name].geometry.iloc[0])


def ussr_1930():
    world = read("world_1930.geojson")
    parts = world[world["NAME"].isin(["USSR", "Ukraine", "White Russia", "Georgia", "Armenia", "Azerbaijan"])]
    return make_valid(unary_union(list(parts.geometry)))


def ussr_1945():
    world = read("world_1945.geojson")
    return make_valid(world[world["NAME"] == "USSR"].geometry.iloc[0])


def natural_earth(name: str):
    countries = read("ne_50m_admin_0_countries.json")
    return make_valid(countries[countries["NAME"] == name].geometry.iloc[0])


def crimea():
    oblasts = read("geoboundaries_ukr_adm1_simplified.geojson")
    parts = oblasts[oblasts["shapeISO"].isin(["UA-43", "UA-40"])]
    return make_valid(unary_union(list(parts.geometry))).buffer(0.02)


def ukraine_1932():
    return world_1930("Ukraine").difference(crimea())


def clean(geometry) -> MultiPolygon | Polygon:
    """Keep the polygons of a geometry above FAMINE_MIN_PART_AREA, simplified, rounded and valid."""
    geometry = make_valid(geometry)
    polygons = [g for g in getattr(geometry, "geoms", [geometry]) if g.geom_type == "Polygon"]
    for g in getattr(geometry, "geoms", []):
        if g.geom_type == "MultiPolygon":
            polygons.extend(g.geoms)
    kept = MultiPolygon([p for p in polygons if p.area >= FAMINE_MIN_PART_AREA])
    tolerance = FAMINE_TOLERANCE
    while True:
        simplified = make_valid(kept.simplify(tolerance, preserve_topology=True))
        rounded = make_valid(set_precision(simplified, 0.001))
        parts = [g for g in getattr(rounded, "geoms", [rounded]) if g.geom_type == "Polygon" and g.area >= FAMINE_MIN_PART_AREA]
        if sum(len(p.exterior.coords) + sum(len(r.coords) for r in p.interiors) for p in parts) <= MAX_VERTICES:
            return parts[0] if len(parts) == 1 else MultiPolygon(parts)
        tolerance *= 1.5


def rounded_mapping(geometry) -> dict:
    """GeoJSON of a geometry with coordinates as 3-decimal numbers (set_precision leaves float noise)."""
    def walk(value):
        if isinstance(value, float):
            return round(value, 3)
        if isinstance(value, (list, tuple)):
            return [walk(v) for v in value]
        return value

    raw = mapping(geometry)
    return {"type": raw["type"], "coordinates": walk(raw["coordinates"])}


def famine(geometry) -> dict:
    return rounded_mapping(clean(geometry))


def natural_earth_country(name: str) -> dict:
    """A country of Natural Earth, by name."""
    return famine(natural_earth(name))


def ukrainian_ssr_1932() -> dict:
    return famine(ukraine_1932())


def ukraine_and_moldova_1946() -> dict:
    """Today's Ukraine without Crimea, and Moldova, within the USSR of 1945 (widened ~5 km)."""
    land = unary_union([natural_earth("Ukraine").difference(crimea()), natural_earth("Moldova")])
    return famine(land.intersection(ussr_1945().buffer(0.05)))


def krai_of_1932(outline: list) -> dict:
    """The USSR of 1930 inside a hand-drawn outline of a krai, less the republics beside it
    (Ukraine, Kazakhstan, Belarus and Transcaucasia): real coasts and borders, approximate inner edges."""
    others = unary_union([world_1930("Ukraine"), natural_earth("Kazakhstan")]
                         + [world_1930(name) for name in ("Georgia", "Armenia", "Azerbaijan", "White Russia")])
    return famine(ussr_1930().intersection(Polygon([tuple(point) for point in outline])).difference(others))


def oblasts_of_1933(oblasts: dict) -> dict:
    """Oblasts of 1933, each the union of the present-day oblasts listed for it, within the
    Ukrainian SSR of 1932 (today's Odesa oblast takes in southern Bessarabia, then Romanian)."""
    today = read("geoboundaries_ukr_adm1_simplified.geojson").set_index("shapeName").geometry
    parts = [make_valid(today[name]) for names in oblasts.values() for name in names]
    # close the slivers between oblasts
    return famine(unary_union(parts).buffer(0.01).buffer(-0.01).intersection(ukraine_1932()))


# The Red Army's operations, sketched by hand on Natural Earth's land.

@cache
def land():
    return make_valid(unary_union(list(read("ne_50m_admin_0_countries.json").geometry)))


def sketched_outline(outline: list, places: list, within: str | None = None) -> dict:
    """An approximate area drawn by hand (an operation's area, from its start lines to its
    furthest advance) as the corners `outline` [[lon, lat], ...], kept to land, or to the
    Natural Earth country named `within` (a zone of a country whose outline is sketched only
    where it runs inside the country). `places` ({place, lon, lat}) are the towns the outline
    is drawn around: each must lie inside it, so that a slip of a corner is caught here (the
    tests check the towns against GeoNames)."""
    area = Polygon([tuple(point) for point in outline])
    if not area.is_valid:
        raise ValueError(f"the outline is not a valid polygon ({shapely.is_valid_reason(area)})")
    outside = [town["place"] for town in places if not area.contains(Point(town["lon"], town["lat"]))]
    if outside:
        raise ValueError(f"the outline leaves out {', '.join(outside)}")
    try:
        bound = natural_earth(within) if within else land()
    except IndexError:
        raise ValueError(f"{within!r} is not a country of Natural Earth") from None
    return famine(area.intersection(bound))


DRAWN_BY = {function.__name__: function for function in (
    cshapes_state, taken_by_the_ussr, ceded_to_the_ussr, eastern_poland_1939, ceded_by_finland_1940,
    lithuania_with_vilnius_1940, sakhalin_and_kurils_1945, tuva,
    natural_earth_country, ukrainian_ssr_1932, ukraine_and_moldova_1946, krai_of_1932, oblasts_of_1933,
    sketched_outline)}


def drawn(area: facts.Mapping, functions: dict, script: str):
    """What the function an area's `drawn_by` names returns, called with the area's other keys
    (but `basis` and `sources`) as its arguments."""
    if area.get("drawn_by") not in functions:
        raise area.error(f"drawn_by must name a function of {script}: {', '.join(functions)}", "drawn_by")
    arguments = {key: facts.plain(value) for key, value in area.items() if key not in AREA_KEYS}
    try:
        return functions[area["drawn_by"]](**arguments)
    except TypeError as error:  # arguments missing or unknown
        raise area.error(f"{area['drawn_by']}: {error}", "drawn_by") from None
    except ValueError as error:  # arguments the function cannot draw (an outline that crosses itself...)
        raise area.error(f"{area['drawn_by']}: {error}") from None


def draw(event_id: str, area: facts.Mapping) -> dict:
    geometry = drawn(area, DRAWN_BY, "scripts/derive_areas.py")
    if not shape(geometry).is_valid:
        raise area.error(f"{event_id}: the polygon is not valid after simplifying")
    return geometry


def areas() -> list[tuple[str, facts.Mapping]]:
    """(event id, area) of every fact drawn as an area, in the order of the fact files."""
    found = []
    for path in sorted((REPO / "facts").glob("*.yaml")):
        for entry in facts.read(path, str(path.relative_to(REPO))).get("events") or []:
            if "area" in entry.get("geometry", {}):
                found.append((entry["id"], entry["geometry"]["area"]))
    return found


def features() -> list[dict]:
    return [{"type": "Feature", "geometry": draw(event_id, area), "properties": {"event": event_id}}
            for event_id, area in areas()]


if __name__ == "__main__":
    written = features()
    write_feature_collection(OUT, written)
    for feature in written:
        print(f"{feature['properties']['event']}: {shapely.get_num_coordinates(shape(feature['geometry']))} vertices")
    print(f"{OUT.relative_to(REPO)}: {len(written)} areas, {OUT.stat().st_size / 1e3:.0f} kB")

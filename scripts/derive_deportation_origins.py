"""Write `geodata/deportation_origins.geojson`: the region each deportation took people from.

One feature per deportation event (the features `facts/deportations.yaml` is built into), with
properties `event` (the event id), `region` (the origin regions' labels), `area` (their keys,
joined by "+": deportations with the same `area` have the same polygon, which the map draws
once), `outline` ("boundary" or "approximate") and `boundary_sources` (the bibliography keys
of the boundary data, none for an approximate disc). An operation with several origin regions
gets their union. The map shades these areas beneath the flows; each flow starts at the anchor
town of its origin region, which lies inside its area.

What each region's area is comes from its `origin` in `facts/geography/regions.yaml`:

- real boundaries, where the reference data (`../shared/reference/borders`) has them: `drawn_by`
  names the function below that draws it (from historical-basemaps, Natural Earth,
  geoBoundaries, or the annexed lands of `geodata/areas.geojson`), `sources` the data cited;
- elsewhere a disc around the region's anchor town of `radius_km`, drawn in an azimuthal
  equidistant projection centred on the town (so the kilometres are true), and clipped to the
  USSR of `world_1938` (`ourednik`) widened by about 10 km, so that it follows the coasts and
  stops at the state border. These are outline "approximate" and have no boundary_sources. An
  operation with both kinds of region is "approximate" and cites the sources of its boundary part.

Polygons are simplified for the web as the annexed territories are (`for_web` of
`scripts/derive_areas.py`: from 0.005 degrees, coarser until at most 300 vertices) and
rounded to 3 decimals. The file is GPL-3.0, like the rest of geodata/.

    python scripts/derive_deportation_origins.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import pyproj
import shapely
from shapely.geometry import Point, shape
from shapely.ops import unary_union

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts import derive_borders as borders  # noqa: E402
from scripts import facts, flows  # noqa: E402
from scripts.common import REPO, read_features, write_feature_collection  # noqa: E402
from scripts.derive_areas import crimea, drawn, for_web, rounded_mapping  # noqa: E402

OUT = REPO / "geodata" / "deportation_origins.geojson"
DEPORTATIONS = REPO / "facts" / "deportations.yaml"
AREAS = REPO / "geodata" / "areas.geojson"
CLIP_MARGIN_DEGREES = 0.1  # the USSR of 1938 widened by about 10 km: coastal anchor towns stay inside


def historical_basemap(year: int, name: str):
    frame = borders.historical_basemap(year)
    return frame[frame["NAME"] == name].geometry.union_all()


def natural_earth(iso: str):
    return borders.natural_earth().query("ISO_A2 == @iso").geometry.union_all()


def ukrainian_ssr_1930():
    """The Ukrainian SSR of world_1930 less Crimea, which was part of the RSFSR until 1954."""
    return historical_basemap(1930, "Ukraine").difference(crimea())


def crimean_land():
    """Crimea and Sevastopol without their territorial waters, which geoBoundaries includes:
    clipped to Natural Earth's land."""
    peninsula = crimea()
    countries = borders.natural_earth()
    return peninsula.intersection(countries[countries.intersects(peninsula)].geometry.union_all())


def annexed(event: str, country: str | None = None):
    """The polygon of an annexation event, or its part inside a modern country."""
    [feature] = [f for f in read_features(AREAS) if f["properties"]["event"] == event]
    area = shape(feature["geometry"])
    return area.intersection(natural_earth(country)) if country else area


# The functions an origin's `drawn_by` may name.
DRAWN_BY = {function.__name__: function for function in (historical_basemap, natural_earth, ukrainian_ssr_1930,
                                                         crimean_land, annexed)}


def disc(lon: float, lat: float, radius_km: float):
    """A circle of `radius_km` around (lon, lat), true to distance, as a lon/lat polygon."""
    local = pyproj.CRS.from_proj4(f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m")
    to_lonlat = pyproj.Transformer.from_crs(local, "EPSG:4326", always_xy=True).transform
    return shapely.transform(Point(0, 0).buffer(radius_km * 1000, quad_segs=32), to_lonlat, interleaved=False)


def origin_area(origin: facts.Mapping, anchor: dict, ussr):
    """The polygon of a region's origin area: boundary data, or an approximate disc."""
    if "radius_km" in origin:
        return disc(anchor["lon"], anchor["lat"], origin["radius_km"]).intersection(ussr)
    return drawn(origin, DRAWN_BY, "scripts/derive_deportation_origins.py")


def origin_feature(event_id: str, origins: list[str], ussr) -> dict:
    regions = flows.regions()
    for key in origins:
        if "origin" not in regions[key]:
            raise regions[key].error(f"{key} is a region of origin ({event_id}) but has no `origin` area")
    boundary = [key for key in origins if "drawn_by" in regions[key]["origin"]]
    parts = [origin_area(regions[key]["origin"], regions[key]["anchor"], ussr) for key in origins]
    geometry = rounded_mapping(for_web(unary_union(parts)))
    if not shape(geometry).is_valid:
        raise ValueError(f"{event_id}: polygon is not valid after rounding")
    return {
        "type": "Feature",
        "geometry": geometry,
        "properties": {
            "event": event_id,
            "region": flows.join([flows.labels(key)["en"] for key in origins]),
            "area": "+".join(origins),
            "outline": "boundary" if len(boundary) == len(origins) else "approximate",
            "boundary_sources": sorted({source for key in boundary for source in regions[key]["origin"]["sources"]}),
        },
    }


def origins_of_each_event() -> list[tuple[str, list[str]]]:
    """(event id, its origin region keys) of each feature the deportation facts are built into."""
    out = []
    for entry in facts.read(DEPORTATIONS)["events"]:
        for event_id, legs in flows.parts(entry["id"], entry["geometry"]["flows"], entry.get("shares")):
            out.append((event_id, list(dict.fromkeys(origin for origin, _ in legs))))
    return out


def features() -> list[dict]:
    ussr = historical_basemap(1938, "USSR").buffer(CLIP_MARGIN_DEGREES)
    return [origin_feature(event_id, origins, ussr) for event_id, origins in origins_of_each_event()]


if __name__ == "__main__":
    written = features()
    write_feature_collection(OUT, written)
    for feature in written:
        props = feature["properties"]
        count = shapely.get_num_coordinates(shape(feature["geometry"]))
        print(f"{props['event']}: {props['outline']}, {count} vertices, {props['region']}")
    print(f"{OUT.relative_to(REPO)}: {len(written)} origin areas, {OUT.stat().st_size / 1e3:.0f} kB")

"""Write `geodata/deportation_origins.geojson`: the region each deportation took people from.

One feature per deportation event id of `data/deportations.geojson` (the operations and their
origin region keys come from `scripts/derive_deportation_flows.py`, read only), with
properties `event` (the event id), `region` (the origin regions' labels), `area` (their keys,
joined by "+": deportations with the same `area` have the same polygon, which the map draws
once), `outline` ("boundary" or "approximate") and `boundary_sources` (the bibliography keys
of the boundary data, none for an approximate disc). An operation with several origin regions gets their union. The
map shades these areas beneath the flows; each flow starts at the anchor town of its origin
region, which lies inside its area.

Real boundaries, where the reference data (`/work/shared/reference/borders`) has them:

- Estonia and Latvia: historical-basemaps `world_1938.geojson` (Ourednik, GPL-3.0, `ourednik`);
- Lithuania: Natural Earth's modern Lithuania (public domain, `naturalearth`), the borders of
  the Lithuanian SSR from 1945; `world_1938` lacks the Vilnius region (then Polish), and in
  June 1941 the Klaipeda region, drawn here, was German;
- Ukraine (the Ukrainian SSR of 1930): `world_1930`'s "Ukraine" (`ourednik`) less Crimea, a
  part of the RSFSR until 1954, cut out with geoBoundaries' Crimea and Sevastopol polygons
  (CC BY 4.0), as in `scripts/derive_famine_regions.py`;
- Crimea: geoBoundaries UKR ADM1, the Autonomous Republic of Crimea and Sevastopol
  (Runfola et al., CC BY 4.0, `runfola2020`), whose polygons take in the territorial waters,
  clipped to Natural Earth's land;
- western Ukraine and western Belarus: the eastern Polish lands annexed in 1939, the polygon of
  `bloc-annexation-eastern-poland-1939` in the committed `data/bloc_expansion.geojson` (from
  CShapes 2.0, GPL >= 2, `cshapes2`), split along Natural Earth's Ukraine-Belarus border;
- Bessarabia and northern Bukovina (June 1941, when the NKVD took people from the Moldavian
  SSR and the Chernivtsi and Izmail oblasts of Ukraine alike): the polygon of
  `bloc-annexation-bessarabia-bukovina-1940` in the same file (`cshapes2`);
- the Moldavian SSR (1949, 1951), Georgia and Azerbaijan: Natural Earth's modern states
  (`naturalearth`), whose borders are those of the Soviet republics (CShapes has no Soviet
  republics).

Everywhere else no boundary data exists here: the area is a disc around the region's anchor
town with the radius of APPROXIMATE_RADII_KM, chosen to roughly match the region's size, drawn
in an azimuthal equidistant projection centred on the town (so the kilometres are true), and
clipped to the USSR of `world_1938` (`ourednik`) widened by about 10 km, so that it follows
the coasts and stops at the state border. These are marked outline "approximate" and have no
boundary_sources. An operation with both kinds of region is "approximate" and cites the
sources of its boundary part.

Polygons are simplified for the web as the annexed territories are (`for_web` of
`scripts/derive_expansion.py`: from 0.005 degrees, coarser until at most 300 vertices) and
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
from scripts.common import REPO, read_features, write_feature_collection  # noqa: E402
from scripts.derive_deportation_flows import REGIONS, join, legs_of  # noqa: E402
from scripts.derive_expansion import for_web  # noqa: E402
from scripts.derive_famine_regions import crimea, rounded_mapping  # noqa: E402

OUT = REPO / "geodata" / "deportation_origins.geojson"
DEPORTATIONS = REPO / "data" / "deportations.geojson"
EXPANSION = REPO / "data" / "bloc_expansion.geojson"
CLIP_MARGIN_DEGREES = 0.1  # the USSR of 1938 widened by about 10 km: coastal anchor towns stay inside

# Radius of the disc drawn for each origin region without boundary data, in km: about the
# radius of a circle of the region's area (of the time), a little more where the anchor town
# is near the region's edge.
APPROXIMATE_RADII_KM = {
    "ukraine-border": 120,  # the districts along the Polish border (Shepetivka)
    "ukraine-southeast": 180,  # Zaporizhzhia, Dnipropetrovsk and the coast of the Sea of Azov
    "north-caucasus": 300,  # the North Caucasus Krai of 1930 (the Don, the Kuban, Stavropol, the Terek)
    "kuban": 150,  # Krasnodar Krai, about 76,000 km2
    "central-black-earth": 250,  # the Central Black Earth oblast of 1930 (Voronezh, Kursk, Orel, Tambov)
    "middle-volga": 250,  # the Middle Volga krai (Samara, Penza, Ulyanovsk, Orenburg, Mordovia)
    "volga-german-asrr": 100,  # about 28,000 km2 on both banks of the Volga
    "leningrad": 120,  # Leningrad and its surroundings, where the Ingrian Finns lived
    "kalmykia": 150,  # about 75,000 km2
    "karachay": 60,  # the Karachay autonomous oblast, about 10,000 km2
    "chechnya": 80,  # the Chechen-Ingush ASSR, about 19,000 km2
    "balkaria": 50,  # the Balkar mountain districts of the Kabardino-Balkar ASSR
    "meskheti": 60,  # the districts of southern Georgia along the Turkish border
    "black-sea-coast": 100,  # the Black Sea coast of Georgia (Abkhazia, Sukhumi)
    "far-east": 250,  # Primorye, about 165,000 km2, Vladivostok at its southern end
}


def world(year: int, name: str):
    frame = borders.historical_basemap(year)
    return frame[frame["NAME"] == name].geometry.union_all()


def natural_earth(iso: str):
    return borders.natural_earth().query("ISO_A2 == @iso").geometry.union_all()


def expansion_polygon(event_id: str):
    [feature] = [f for f in read_features(EXPANSION) if f["properties"]["id"] == event_id]
    return shape(feature["geometry"])


def crimean_land():
    """Crimea and Sevastopol without their territorial waters, which geoBoundaries includes:
    clipped to Natural Earth's land."""
    peninsula = crimea()
    countries = borders.natural_earth()
    return peninsula.intersection(countries[countries.intersects(peninsula)].geometry.union_all())


def boundaries() -> dict[str, tuple[object, str]]:
    """(polygon, bibliography key) of each origin region that has boundary data."""
    eastern_poland = expansion_polygon("bloc-annexation-eastern-poland-1939")
    return {
        "estonia": (world(1938, "Estonia"), "ourednik"),
        "latvia": (world(1938, "Latvia"), "ourednik"),
        "lithuania": (natural_earth("LT"), "naturalearth"),
        "ukraine": (world(1930, "Ukraine").difference(crimea()), "ourednik"),
        "crimea": (crimean_land(), "runfola2020"),
        "western-ukraine": (eastern_poland.intersection(natural_earth("UA")), "cshapes2"),
        "western-belarus": (eastern_poland.intersection(natural_earth("BY")), "cshapes2"),
        "bessarabia-bukovina": (expansion_polygon("bloc-annexation-bessarabia-bukovina-1940"), "cshapes2"),
        "moldavian-ssr": (natural_earth("MD"), "naturalearth"),
        "georgia": (natural_earth("GE"), "naturalearth"),
        "azerbaijan": (natural_earth("AZ"), "naturalearth"),
    }


def disc(lon: float, lat: float, radius_km: float):
    """A circle of `radius_km` around (lon, lat), true to distance, as a lon/lat polygon."""
    local = pyproj.CRS.from_proj4(f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m")
    to_lonlat = pyproj.Transformer.from_crs(local, "EPSG:4326", always_xy=True).transform
    return shapely.transform(Point(0, 0).buffer(radius_km * 1000, quad_segs=32), to_lonlat, interleaved=False)


def approximate(key: str, ussr):
    region = REGIONS[key]
    return disc(region.lon, region.lat, APPROXIMATE_RADII_KM[key]).intersection(ussr)


def origin_feature(event_id: str, known: dict, ussr) -> dict:
    origins = list(dict.fromkeys(origin for origin, _ in legs_of(event_id)))
    keys = sorted({known[key][1] for key in origins if key in known})
    parts = [known[key][0] if key in known else approximate(key, ussr) for key in origins]
    geometry = rounded_mapping(for_web(unary_union(parts)))
    if not shape(geometry).is_valid:
        raise ValueError(f"{event_id}: polygon is not valid after rounding")
    return {
        "type": "Feature",
        "geometry": geometry,
        "properties": {
            "event": event_id,
            "region": join([REGIONS[key].label for key in origins]),
            "area": "+".join(origins),
            "outline": "boundary" if all(key in known for key in origins) else "approximate",
            "boundary_sources": keys,
        },
    }


def features() -> list[dict]:
    known = boundaries()
    ussr = world(1938, "USSR").buffer(CLIP_MARGIN_DEGREES)
    event_ids = [f["properties"]["id"] for f in read_features(DEPORTATIONS)]
    return [origin_feature(event_id, known, ussr) for event_id in event_ids]


if __name__ == "__main__":
    written = features()
    write_feature_collection(OUT, written)
    for feature in written:
        props = feature["properties"]
        count = shapely.get_num_coordinates(shape(feature["geometry"]))
        print(f"{props['event']}: {props['outline']}, {count} vertices, {props['region']}")
    print(f"{OUT.relative_to(REPO)}: {len(written)} origin areas, {OUT.stat().st_size / 1e3:.0f} kB")

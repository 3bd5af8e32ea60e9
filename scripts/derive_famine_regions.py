"""Write `data/famines.geojson`: the Soviet famines of 1930-1933 and 1946-1947 as regions.

The properties of each famine are hand-entered below (FAMINES); the polygons are derived here
from the border data in the reference folder (`/work/shared/reference/borders`):

- the USSR of 1930 is the union of the polygons of world_1930.geojson (historical-basemaps,
  Ourednik, GPL-3.0) named USSR, Ukraine, White Russia, Georgia, Armenia and Azerbaijan;
- the Ukrainian SSR of 1932 is world_1930's "Ukraine" less Crimea (which was an autonomous
  republic of the RSFSR until 1954, but which that file draws inside Ukraine), cut out with the
  geoBoundaries polygons of the Autonomous Republic of Crimea and Sevastopol (CC BY 4.0);
- Kazakhstan is Natural Earth's modern Kazakhstan (public domain), whose borders are close to
  those of the Kazakh ASSR of 1930-1936;
- the North Caucasus, Volga and Western Siberia famine regions have no boundary data here: they
  are the 1930 USSR clipped to a hand-drawn outline (ENVELOPES) of the krais of the time, less
  Ukraine, Kazakhstan and the Transcaucasian republics, so their outer edges (coasts, borders)
  are real and their inner edges approximate; they are marked location_precision "approximate";
- the 1946-1947 famine is drawn as Natural Earth's modern Ukraine without Crimea plus Moldova,
  within the USSR of world_1945.geojson (Ourednik);
- the Holodomor's losses by oblast (OBLAST_GROUPS) are given by the Ptoukha Institute's study
  (Wolowyna et al. 2016) for the seven oblasts of 1933 and the Moldavian ASSR; the figures read
  here are the ranges its authors gave for three groups of oblasts, so each group is one region.
  The oblasts of 1933 were larger than today's: each is drawn as a union of present-day oblasts
  (geoBoundaries ADM1, CC BY 4.0), an approximation recorded as location_precision "approximate".
  They are clipped to the Ukrainian SSR drawn above. The Moldavian ASSR, on the left bank of the
  Dniester, has no boundary of its own here and is not drawn.

Polygons are simplified (from 0.02 degrees, ~2 km, coarser until a region has at most 300
vertices) and rounded to 3 decimals.

    python scripts/derive_famine_regions.py
"""

from __future__ import annotations

import json

import geopandas as gpd
from shapely import make_valid, set_precision
from shapely.geometry import MultiPolygon, Polygon, mapping, shape
from shapely.ops import unary_union

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.common import REFERENCE, REPO, fig, source, write_feature_collection  # noqa: E402

BORDERS = REFERENCE / "borders"
OUT = REPO / "data" / "famines.geojson"
TOLERANCE = 0.02  # degrees, for simplify
MIN_PART_AREA = 0.02  # square degrees: drop islets and slivers smaller than this
MAX_VERTICES = 300  # per famine region; the tolerance grows until the polygon is this small

# Hand-drawn outlines (lon, lat) of the krais of 1932, generous towards borders and coasts, which
# come from the reference polygons they are intersected with. Approximate by design.
ENVELOPES = {
    # North Caucasus Krai of 1932: the Don, the Kuban, Stavropol, the Terek and the mountain autonomies
    "north-caucasus": [(36.0, 43.2), (36.0, 50.3), (41.5, 50.3), (42.6, 48.2), (44.3, 47.1), (45.2, 46.0),
                       (47.6, 44.8), (47.0, 43.3), (46.2, 42.2), (40.0, 42.4)],
    # Lower and Middle Volga krais (Saratov, Stalingrad, the Volga German ASSR, Samara, Penza,
    # Ulyanovsk, Orenburg, Mordovia) and the Kalmyk region
    "volga": [(41.6, 50.3), (42.2, 54.6), (45.0, 55.4), (49.5, 55.1), (52.5, 54.6), (56.5, 53.0), (61.5, 52.5),
              (61.5, 50.0), (55.0, 50.0), (51.0, 48.6), (48.7, 46.0), (47.6, 44.8), (45.2, 46.0), (44.3, 47.1),
              (42.6, 48.2)],
    # West Siberian Krai of 1932 (Omsk, Novosibirsk, Tomsk and the Narym region, the Altai, Kuzbass)
    "western-siberia": [(68.0, 53.5), (68.0, 59.5), (76.0, 62.0), (89.5, 61.5), (89.5, 55.0), (89.0, 52.0),
                        (87.0, 49.5), (83.0, 49.5), (79.0, 50.5), (75.0, 53.5), (70.0, 54.0)],
}


FAMINES: list[dict] = [
    {
        "id": "famine-kazakhstan-1930-1933",
        "name": "Kazakh famine (Asharshylyk)",
        "alt_names": [{"name": "Ашаршылық", "lang": "kk"}, {"name": "Голод в Казахстане", "lang": "ru"}],
        "category": "famine",
        "start": "1930", "end": "1933", "date_precision": "year",
        "place": {"name": "Kazakhstan", "countries": ["KZ"]},
        "location_precision": "region",
        "description": (
            "The forced collectivization of the Kazakh nomads, the seizure of their herds for meat and grain "
            "procurements and the campaign to settle them caused a famine across the Kazakh ASSR from 1930 to "
            "1933. A larger share of Kazakhs died than of any other Soviet people, and hundreds of thousands "
            "fled to China, Central Asia and Siberia."
        ),
        "figures": [fig("deaths", 1200000, 1500000, sources=[source("kotkin2017", "low"), source("cameron2018", "high")],
                        note="Kotkin puts the deaths from starvation and disease at 1.2 to 1.4 million; Cameron at "
                             "more than 1.5 million, about 38 percent of all Kazakhs")],
        "sources": [source("cameron2018"), source("kotkin2017"), source("davies2004")],
        "region": "kazakhstan",
    },
    {
        "id": "famine-ukraine-1932-1933",
        "name": "Holodomor: the famine of 1932-1933 in Soviet Ukraine",
        "alt_names": [{"name": "Голодомор", "lang": "uk"}, {"name": "Голодомор", "lang": "ru"}],
        "category": "famine",
        "start": "1932", "end": "1933", "date_precision": "year",
        "place": {"name": "Ukraine", "countries": ["UA", "MD"]},
        "location_precision": "region",
        "description": (
            "Impossible grain procurement quotas, the blacklisting of villages that failed them, the seizure "
            "of all food and the January 1933 ban on peasants leaving Ukraine turned the crop failure of 1932 "
            "into a mass famine, worst in the first half of 1933. Drawn as the Ukrainian SSR of the time, "
            "which included the Moldavian ASSR but not Crimea."
        ),
        "figures": [
            fig("deaths", 3300000, 5000000, sources=[source("snyder2010", "low"), source("conquest1986", "high")],
                note="famine deaths in Soviet Ukraine; estimates differ"),
            fig("excess deaths", 3900000, sources=[source("rudnytskyi2015"), source("applebaum2017")],
                note="demographic reconstruction of the Ptukha Institute; about 0.6 million lost births come on top"),
        ],
        "sources": [source("rudnytskyi2015"), source("applebaum2017"), source("conquest1986"), source("snyder2010"),
                    source("davies2004")],
        "region": "ukraine",
    },
    {
        "id": "famine-north-caucasus-1932-1933",
        "name": "Famine in the North Caucasus and the Kuban",
        "category": "famine",
        "start": "1932", "end": "1933", "date_precision": "year",
        "place": {"name": "Krasnodar Krai, Stavropol Krai, Rostov Oblast and the North Caucasus republics",
                  "countries": ["RU"]},
        "location_precision": "approximate",
        "description": (
            "The North Caucasus Krai, and above all the Kuban with its largely Ukrainian Cossack villages, "
            "was struck as hard as Ukraine: grain was seized, whole stanitsas were blacklisted and some were "
            "deported in their entirety to the north. The outline of the krai of 1932 is approximate."
        ),
        "figures": [fig("deaths", 1000000, sources=[source("conquest1986")],
                        note="Conquest's estimate for the North Caucasus")],
        "sources": [source("conquest1986"), source("davies2004"), source("applebaum2017")],
        "region": "north-caucasus",
    },
    {
        "id": "famine-volga-1932-1933",
        "name": "Famine on the Volga",
        "category": "famine",
        "start": "1932", "end": "1933", "date_precision": "year",
        "place": {"name": "Saratov, Volgograd, Samara and Orenburg oblasts and Kalmykia", "countries": ["RU"]},
        "location_precision": "approximate",
        "description": (
            "The grain regions of the Lower and Middle Volga, including the Volga German ASSR, suffered famine "
            "in 1932-1933 after procurements took the seed and food grain of the collective farms. The "
            "outline of the Lower and Middle Volga krais of the time is approximate."
        ),
        "figures": [fig("excess deaths", 120000, sources=[source("pohl-substack")],
                        note="as many as 120,000 in the Volga German ASSR alone in 1932-1934, 20.75 percent of its "
                             "population, by the estimate of Levchuk, Wolowyna et al. 2020")],
        "sources": [source("davies2004"), source("conquest1986"), source("pohl-substack")],
        "region": "volga",
    },
    {
        "id": "famine-western-siberia-1932-1933",
        "name": "Famine in Western Siberia",
        "category": "famine",
        "start": "1932", "end": "1933", "date_precision": "year",
        "place": {"name": "Omsk, Novosibirsk, Tomsk and Kemerovo oblasts and the Altai Krai", "countries": ["RU"]},
        "location_precision": "approximate",
        "description": (
            "Hunger also spread in 1932-1933 through the West Siberian Krai, a grain-surplus region squeezed by "
            "procurements, and struck hardest the special settlers exiled there; in 1933 thousands of deportees "
            "starved on the island of Nazino on the Ob. The outline of the krai is approximate."
        ),
        "sources": [source("davies2004"), source("werth2007")],
        "region": "western-siberia",
    },
    {
        "id": "famine-1946-1947",
        "name": "Famine of 1946-1947",
        "category": "famine",
        "start": "1946", "end": "1947", "date_precision": "year",
        "place": {"name": "Ukraine and Moldova", "countries": ["UA", "MD"]},
        "location_precision": "approximate",
        "description": (
            "After the drought of 1946, the state kept up grain procurements and exports, and famine spread "
            "through the countryside in 1946-1947, worst in Moldavia and southern Ukraine; parts of Russia "
            "such as the Lower Volga and the Black Earth regions, not drawn here, were also hit."
        ),
        "figures": [fig("excess deaths", 1000000, 1500000, sources=[source("ellman2000", pages="p. 603")],
                        note="in the whole USSR, Ellman's best estimate from the archives; the demographic loss "
                             "was greater")],
        "sources": [source("khlevniuk2015"), source("ellman2000")],
        "region": "ukraine-moldova-1946",
    },
]


# The oblasts of Soviet Ukraine in 1933 as unions of present-day oblasts (approximate).
OBLASTS_1933 = {
    "Kyiv": ["Kyiv Oblast", "Kyiv", "Zhytomyr Oblast", "Cherkasy Oblast"],
    "Kharkiv": ["Kharkiv Oblast", "Poltava Oblast", "Sumy Oblast"],
    "Vinnytsia": ["Vinnytsia Oblast", "Khmelnytskyi Oblast"],
    "Dnipropetrovsk": ["Dnipropetrovsk Oblast", "Zaporizhia Oblast", "Kherson Oblast"],
    "Odesa": ["Odessa Oblast", "Mykolaiv Oblast", "Kirovohrad Oblast"],
    "Chernihiv": ["Chernihiv Oblast"],
    "Donetsk": ["Donetsk Oblast", "Luhansk Oblast"],
}
LOSSES_NOTE = ("famine losses of 1932-1934 per 1,000 inhabitants, as a range for this group of oblasts "
               "(Ptoukha Institute estimates presented by N. Levchuk)")
# (key, oblasts, deaths per 1,000 low and high, rank, deaths in each oblast "more than", if published)
OBLAST_GROUPS = [
    ("kyiv-kharkiv", ["Kyiv", "Kharkiv"], 190, 200, "the highest losses of the famine", 1_000_000),
    ("vinnytsia-dnipropetrovsk-odesa", ["Vinnytsia", "Dnipropetrovsk", "Odesa"], 102, 126,
     "the next highest, as in the Moldavian ASSR (not drawn)", 300_000),
    ("chernihiv-donetsk", ["Chernihiv", "Donetsk"], 54, 91, "the lowest", None),
]


def oblast_figures(low: int, high: int, each: int | None) -> list[dict]:
    rates = fig("famine deaths", low, high, unit="per 1,000 inhabitants", year=1933, note=LOSSES_NOTE,
                sources=[source("unian2015")])
    if each is None:
        return [rates]
    count = fig("excess deaths", each, year=1933, sources=[source("unn-holodomor-oblasts")],
                note=f"more than {each:,} in each of these oblasts (L. Hrynevych presenting the same estimates)")
    return [rates, count]


def oblast_group_famines() -> list[dict]:
    """One famine region per group of the oblasts of 1933 for which the losses are published."""
    famines = []
    for key, oblasts, low, high, rank, each in OBLAST_GROUPS:
        names = " and ".join([", ".join(oblasts[:-1]), oblasts[-1]] if len(oblasts) > 2 else oblasts)
        famines.append({
            "id": f"famine-ukraine-oblasts-{key}-1932-1934",
            "name": f"Holodomor losses: {names} oblasts",
            "category": "famine", "subcategory": "losses by oblast",
            "start": "1932", "end": "1934", "date_precision": "year",
            "place": {"name": f"{names} oblasts of 1933", "countries": ["UA"]},
            "location_precision": "approximate",
            "description": (
                f"The {names} oblasts of 1933 suffered {rank}: {low}-{high} deaths from the famine for every "
                "1,000 inhabitants in 1932-1934, by the demographic reconstruction of the Ptoukha Institute. "
                "The oblasts of the time are drawn approximately, as unions of today's oblasts."
            ),
            "figures": oblast_figures(low, high, each),
            "sources": [source("wolowyna2016"), source("unian2015"), source("runfola2020")]
            + ([source("unn-holodomor-oblasts")] if each else []),
            "related": ["famine-ukraine-1932-1933"],
            "group": "holodomor-oblasts-1932-1934",
            "region": f"oblasts-{key}",
        })
    return famines


def read(name: str) -> gpd.GeoDataFrame:
    return gpd.read_file(BORDERS / name)


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


def region_geometries() -> dict:
    world_1930 = read("world_1930.geojson")
    ussr = ussr_1930()
    kazakhstan = natural_earth("Kazakhstan")
    ukraine_1930 = make_valid(world_1930[world_1930["NAME"] == "Ukraine"].geometry.iloc[0])
    others = unary_union([ukraine_1930, kazakhstan] + [
        make_valid(world_1930[world_1930["NAME"] == name].geometry.iloc[0])
        for name in ("Georgia", "Armenia", "Azerbaijan", "White Russia")
    ])
    regions = {
        "kazakhstan": kazakhstan,
        "ukraine": ukraine_1930.difference(crimea()),
        "ukraine-moldova-1946": unary_union([natural_earth("Ukraine").difference(crimea()), natural_earth("Moldova")])
        .intersection(ussr_1945().buffer(0.05)),
    }
    for key, outline in ENVELOPES.items():
        regions[key] = ussr.intersection(Polygon(outline)).difference(others)
    oblasts = read("geoboundaries_ukr_adm1_simplified.geojson").set_index("shapeName").geometry
    for key, group, *_ in OBLAST_GROUPS:
        parts = [make_valid(oblasts[name]) for oblast in group for name in OBLASTS_1933[oblast]]
        # close the slivers between oblasts; keep to the Ukrainian SSR of the time (today's Odesa oblast
        # takes in southern Bessarabia, then Romanian)
        regions[f"oblasts-{key}"] = unary_union(parts).buffer(0.01).buffer(-0.01).intersection(regions["ukraine"])
    return regions


def clean(geometry) -> MultiPolygon | Polygon:
    """Keep the polygons of a geometry above MIN_PART_AREA, simplified, rounded and valid."""
    geometry = make_valid(geometry)
    polygons = [g for g in getattr(geometry, "geoms", [geometry]) if g.geom_type == "Polygon"]
    for g in getattr(geometry, "geoms", []):
        if g.geom_type == "MultiPolygon":
            polygons.extend(g.geoms)
    kept = MultiPolygon([p for p in polygons if p.area >= MIN_PART_AREA])
    tolerance = TOLERANCE
    while True:
        simplified = make_valid(kept.simplify(tolerance, preserve_topology=True))
        rounded = make_valid(set_precision(simplified, 0.001))
        parts = [g for g in getattr(rounded, "geoms", [rounded]) if g.geom_type == "Polygon" and g.area >= MIN_PART_AREA]
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


PROPERTY_ORDER = ("id", "name", "alt_names", "category", "subcategory", "start", "end", "date_precision", "place",
                  "location_precision", "description", "figures", "sources", "related", "group")


def features() -> list[dict]:
    geometries = region_geometries()
    out = []
    for famine in FAMINES + oblast_group_famines():
        geometry = rounded_mapping(clean(geometries[famine["region"]]))
        if not shape(geometry).is_valid:
            raise ValueError(f"{famine['id']}: polygon is not valid after rounding")
        props = {key: famine[key] for key in PROPERTY_ORDER if famine.get(key) not in (None, [], "")}
        out.append({"type": "Feature", "geometry": geometry, "properties": props})
    return out


if __name__ == "__main__":
    written = features()
    write_feature_collection(OUT, written)
    for feature in written:
        g = shape(feature["geometry"])
        count = sum(len(p.exterior.coords) for p in getattr(g, "geoms", [g]))
        print(f"{feature['properties']['id']}: {g.geom_type}, {count} vertices, valid={g.is_valid}")
    print(f"{OUT.relative_to(REPO)}: {len(written)} famine regions; {json.dumps(str(OUT.stat().st_size))} bytes")

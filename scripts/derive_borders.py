"""Derive the state borders of every year 1922-1960 into `geodata/borders/borders.geojson`.

Source: CShapes 2.0 (`borders/cshapes_2_gw.topojson.xz`, GPL >= 2, cite `cshapes2`): every
state's polygon with exact validity dates. The borders of a year are those valid on
31 December of that year. Fixes, where CShapes (which follows the Gleditsch-Ward list of
states) departs from the Soviet borders of the time:

- Eastern Poland, annexed by the USSR in November 1939, is dated by CShapes only from 1945.
  For 1939-1944 it is moved to the USSR here, drawn with the post-1945 Polish-Soviet border (an
  approximation: the 1939-1941 line ran further west, with Bialystok and Lomza). The rest of
  Poland is labelled as under German occupation. For 1939 only, the Vilnius region (drawn as
  the part of that area inside today's Lithuania, Natural Earth) goes to Lithuania, which
  received it in October 1939.
- Petsamo stayed Finnish in 1940 and was ceded in 1944; CShapes gives it to the USSR from 1940.
  For 1940-1943 it goes back to Finland (the part of the area Finland lost in 1940 north of
  68.3 N and west of 31.95 E).
- The Kuril Islands are mostly missing from CShapes (which puts a few central ones in the USSR
  throughout); they are taken from historical-basemaps (`world_1938.geojson`, GPL-3.0, cite
  `ourednik`): Japanese to 1944, Soviet from 1945.

- Labels: CShapes names some states with both their names ("Iran (Persia)", "Turkey (Ottoman
  Empire)"); the label here is the name of the year: Persia to 1934, Iran from 1935; Turkey.

- Tuva: neither source has the Tuvan People's Republic, nominally independent until its annexation
  in October 1944; CShapes counts it as Soviet throughout. For 1922-1943 it is cut out of the USSR
  and drawn as its own state, with an approximate outline (`facts/reference/borders.yaml`): the border with Mongolia
  is CShapes', the northern edge along the Sayan ranges is sketched by hand.

Not fixed (noted in geodata/README.md): German, Hungarian and Italian wartime annexations (Memel
1939, Transcarpathia 1938-1939, ...) are not shown.

The file holds each distinct polygon once, with `from_year` and `to_year` (inclusive); read it
with `dashboard.borders.borders_for_year`. Polygons are simplified (0.03 degrees, about 3 km; islands under 0.005 square degrees dropped)
for the web; neighbouring borders may show small slivers.

Run: python scripts/derive_borders.py
"""

from __future__ import annotations

import json
import lzma
import sys
import tempfile
from functools import cache
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import Polygon, box, mapping
from shapely.ops import unary_union

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts import facts  # noqa: E402
from scripts.common import REFERENCE, REPO  # noqa: E402

FIRST_YEAR, LAST_YEAR = 1922, 1960
OUT_DIR = REPO / "geodata" / "borders"
OUT = OUT_DIR / "borders.geojson"
TOLERANCE = 0.03
MIN_PART_AREA = 0.005  # square degrees; smaller islands are dropped

USSR, POLAND, FINLAND, LITHUANIA, JAPAN = 365, 290, 375, 368, 740
TUVA = -1  # not a Gleditsch-Ward state

LABELS = REPO / "facts" / "reference" / "borders.yaml"  # names of the time, owners' names, Tuva's outline


@cache
def labels() -> facts.Mapping:
    return facts.read(LABELS, str(LABELS.relative_to(REPO)))


@cache
def cshapes() -> gpd.GeoDataFrame:
    """CShapes 2.0, decompressed to a temporary file and read once."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cshapes.topojson"
        path.write_bytes(lzma.decompress((REFERENCE / "borders" / "cshapes_2_gw.topojson.xz").read_bytes()))
        frame = gpd.read_file(path)
    frame["start"] = pd.to_datetime(frame["start"])
    frame["end"] = pd.to_datetime(frame["end"])
    frame["geometry"] = frame.geometry.make_valid()
    return frame.set_crs(4326, allow_override=True)


def valid_on(day: str) -> gpd.GeoDataFrame:
    frame = cshapes()
    when = pd.Timestamp(day)
    return frame[(frame.start <= when) & (frame.end >= when)]


def state(gwcode: int, day: str):
    rows = valid_on(day)
    rows = rows[rows.gwcode == gwcode]
    return unary_union(list(rows.geometry)) if len(rows) else None


@cache
def historical_basemap(year: int) -> gpd.GeoDataFrame:
    frame = gpd.read_file(REFERENCE / "borders" / f"world_{year}.geojson")
    frame["geometry"] = frame.geometry.make_valid()
    return frame


@cache
def natural_earth() -> gpd.GeoDataFrame:
    return gpd.read_file(REFERENCE / "borders" / "ne_50m_admin_0_countries.json")


@cache
def eastern_poland():
    """Pre-war Poland inside the USSR's borders after 1945: the area annexed in 1939."""
    return state(POLAND, "1938-12-31").intersection(state(USSR, "1945-12-31"))


@cache
def vilnius_region():
    lithuania = natural_earth().query("ISO_A2 == 'LT'").geometry.union_all()
    return eastern_poland().intersection(lithuania)


@cache
def petsamo():
    lost_1940 = state(FINLAND, "1938-12-31").difference(state(FINLAND, "1940-12-31"))
    return lost_1940.intersection(box(27.5, 68.3, 31.95, 70.5))


@cache
def kurils():
    japan = historical_basemap(1938).query("NAME == 'Empire of Japan'").geometry.union_all()
    parts = [p for p in getattr(japan, "geoms", [japan]) if p.centroid.x > 145.3 and p.centroid.y > 43.2]
    return unary_union(parts).difference(state(JAPAN, "1938-12-31"))


@cache
def tuva():
    """Tuva, approximately: Soviet territory of 1945 inside the hand-drawn outline."""
    return state(USSR, "1945-12-31").intersection(Polygon([tuple(point) for point in labels()["tuva_outline"]]))


def label(row, year: int) -> str:
    if row.status == "occupied" and row.gwcode in labels()["occupied_names"]:
        return labels()["occupied_names"][row.gwcode]
    for change in labels()["renamed"]:
        if row.gwcode == change["state"]:
            return change["old"] if year <= change["last_year"] else change["new"]
    return labels()["names"].get(row.gwcode, row.country_name)


def owner_name(row, names: dict[int, str]) -> str:
    try:
        owner = int(row.owner)
    except (TypeError, ValueError):
        return ""
    return "" if owner == row.gwcode else names.get(owner, "")


def year_borders(year: int) -> list[dict]:
    """The states of 31 December `year`, with the fixes, each with a `key` naming its source."""
    day = f"{year}-12-31"
    rows = valid_on(day)
    names = {int(r.gwcode): label(r, year) for r in rows.itertuples() if r.status == "independent"}
    names.update(labels()["owner_names"])
    features = []
    for row in rows.itertuples():
        geometry, key, name, status = row.geometry, f"cshapes-{row.fid}", label(row, year), row.status
        if row.gwcode == USSR:
            if 1939 <= year <= 1944:
                geometry = geometry.union(eastern_poland() if year >= 1940 else eastern_poland().difference(vilnius_region()))
                key += "+eastern-poland" + ("" if year >= 1940 else "-vilnius")
            if 1940 <= year <= 1943:
                geometry, key = geometry.difference(petsamo()), key + "-petsamo"
            if year >= 1945:
                geometry, key = geometry.union(kurils()), key + "+kurils"
            else:  # CShapes has a few central Kurils in the USSR throughout
                geometry, key = geometry.difference(kurils()), key + "-kurils"
            if year <= 1943:
                geometry, key = geometry.difference(tuva()), key + "-tuva"
        elif row.gwcode == POLAND and 1939 <= year <= 1944:
            geometry, key = geometry.difference(eastern_poland()), key + "-eastern-poland"
            name, status = "Poland (under German occupation)", "occupied"
        elif row.gwcode == LITHUANIA and year == 1939:
            geometry, key = geometry.union(vilnius_region()), key + "+vilnius"
        elif row.gwcode == FINLAND and 1940 <= year <= 1943:
            geometry, key = geometry.union(petsamo()), key + "+petsamo"
        elif row.gwcode == JAPAN and year <= 1944:
            geometry, key = geometry.union(kurils()), key + "+kurils"
        features.append({
            "key": key, "name": name, "is_ussr": row.gwcode == USSR, "status": status,
            "owner": owner_name(row, names), "gwcode": int(row.gwcode), "geometry": geometry,
        })
    if year <= 1943:
        features.append({"key": "tuva", "name": "Tuva", "is_ussr": False, "status": "independent", "owner": "",
                         "gwcode": TUVA, "geometry": tuva()})
    return features


def for_web(geometry, tolerance: float = TOLERANCE, min_area: float = MIN_PART_AREA, digits: int = 3):
    """Simplified, rounded, valid (Multi)Polygon without slivers of islands."""
    geometry = shapely.make_valid(geometry)
    polygons = [g for g in getattr(geometry, "geoms", [geometry]) if g.geom_type in ("Polygon", "MultiPolygon")]
    parts = [p for g in polygons for p in getattr(g, "geoms", [g])]
    kept = [p for p in parts if p.area >= min_area] or sorted(parts, key=lambda p: p.area)[-1:]
    simple = shapely.set_precision(unary_union(kept).simplify(tolerance, preserve_topology=True), 10 ** -digits)
    simple = shapely.make_valid(simple)
    polygons = [g for g in getattr(simple, "geoms", [simple]) if g.geom_type in ("Polygon", "MultiPolygon")]
    return unary_union(polygons)


def build() -> list[dict]:
    spans: dict[str, dict] = {}
    current: dict[tuple[str, str], str] = {}  # (source key, name) -> key of its latest span
    order: list[str] = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        for feature in year_borders(year):
            base = feature["key"]
            latest = current.get((base, feature["name"]))
            if latest and spans[latest]["to_year"] == year - 1:
                spans[latest]["to_year"] = year
                continue
            # the same polygon again after a gap, or under a new name
            key = base if not any(b == base for b, _ in current) else f"{base}@{year}"
            current[(base, feature["name"])] = key
            spans[key] = {**feature, "key": key, "from_year": year, "to_year": year}
            order.append(key)
    out = []
    for key in order:
        item = spans[key]
        geometry = for_web(item["geometry"])
        if geometry.is_empty:
            continue
        out.append({
            "type": "Feature",
            "properties": {
                "name": item["name"], "is_ussr": item["is_ussr"], "status": item["status"], "owner": item["owner"],
                "gwcode": item["gwcode"], "from_year": item["from_year"], "to_year": item["to_year"], "source": key,
            },
            "geometry": mapping(geometry),
        })
    return out


def main() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    features = build()
    lines = ",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features)
    OUT.write_text('{"type":"FeatureCollection","features":[\n' + lines + "\n]}\n", encoding="utf-8")
    print(f"wrote {len(features)} polygons to {OUT.relative_to(REPO)} ({OUT.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()

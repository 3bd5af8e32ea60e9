"""Write four hand-entered themes from `scripts/themes.json`:

- `data/construction.geojson` (category "construction"): flagship plants of the Five-Year Plans
  and forced-labour projects (canals, railways, a highway) with links to the camps that built them;
- `data/terror_abroad.geojson` ("terror_abroad"): Soviet terror beyond the USSR's borders;
- `data/resistance.geojson` ("resistance"): peasant revolts, camp uprisings, armed resistance in
  the western borderlands, uprisings in the Eastern Bloc;
- `data/politics.geojson` ("politics"): turning points and diplomacy.

Every event in `themes.json` carries the properties of `dashboard/schema.py` plus a `geometry`
entry in a hand-friendly form:
- `{"point": {"lon", "lat", "gazetteer"}}`: `gazetteer` is the GeoNames place the point is
  checked against (within 50 km, tests/test_data_themes.py); it is `place.name` unless GeoNames
  lacks that place;
- `{"line": [{"name", "lon", "lat"}, ...]}`: a schematic route through real towns on it (each
  named after its GeoNames place), not the exact course.

Facts are entered from the works cited with each event (keys of dashboard/bibliography.json);
camp links (`related: camp-<camp_id>-0`) and camp facts come from the Gulag reference data
(smirnov1998, gulagmuseum-map). No figures are entered: the compiler had no page references.

Run: python scripts/derive_themes.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.common import REPO, write_feature_collection  # noqa: E402

SOURCE = REPO / "scripts" / "themes.json"
OUTPUTS = {
    "construction": REPO / "data" / "construction.geojson",
    "terror_abroad": REPO / "data" / "terror_abroad.geojson",
    "resistance": REPO / "data" / "resistance.geojson",
    "politics": REPO / "data" / "politics.geojson",
}


def load_events() -> list[dict]:
    return json.loads(SOURCE.read_text(encoding="utf-8"))["events"]


def geometry(spec: dict) -> dict:
    if "point" in spec:
        point = spec["point"]
        return {"type": "Point", "coordinates": [round(point["lon"], 5), round(point["lat"], 5)]}
    waypoints = spec["line"]
    if len(waypoints) < 2:
        raise ValueError("a line needs at least two waypoints")
    return {"type": "LineString", "coordinates": [[round(w["lon"], 4), round(w["lat"], 4)] for w in waypoints]}


def feature(event: dict) -> dict:
    properties = {key: value for key, value in event.items() if key != "geometry"}
    return {"type": "Feature", "geometry": geometry(event["geometry"]), "properties": properties}


def build() -> dict[str, list[dict]]:
    by_category: dict[str, list[dict]] = {category: [] for category in OUTPUTS}
    for event in load_events():
        by_category[event["category"]].append(feature(event))
    return by_category


if __name__ == "__main__":
    for category, features in build().items():
        write_feature_collection(OUTPUTS[category], features)
        print(f"{OUTPUTS[category].relative_to(REPO)}: {len(features)} events")

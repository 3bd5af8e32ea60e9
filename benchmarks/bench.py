"""How fast the atlas is, on the real data and on synthetic data 10x and 100x its size.

    python benchmarks/bench.py            # Python figures only
    python benchmarks/bench.py --browser  # also time the page in headless Chromium

Figures are printed, never asserted: these machines are shared and noisy. Each Python figure
is the median of several runs.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import streamlit_folium

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from dashboard import filters, mapview, search  # noqa: E402
from dashboard.events import load  # noqa: E402

SEARCHES = ["Vishersky", "вишерский итл", "a", "white sea canal"]
REPEATS = {"real": 7, "x10": 3, "x100": 1}
URLS = {"landUrl": "land.geojson", "labelsUrl": "labels.json", "detailsUrl": "details.json"}
TARGETS = "targets: rerun < 0.3 s (real data), < 1.5 s (10,000 events); map HTML < 2 MB (10,000 events)"


def median_seconds(action, repeats: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        began = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - began)
    return statistics.median(times), result


def scaled_copy(source: Path, factor: int, folder: Path) -> Path:
    """The dataset repeated `factor` times, each copy with new ids and points moved up to ~20 km."""
    document = json.loads(source.read_text(encoding="utf-8"))
    rng = random.Random(1937)
    features = []
    for copy_number in range(factor):
        for feature in document["features"]:
            feature = copy.deepcopy(feature)
            props = feature["properties"]
            props["id"] = f"{props['id']}-x{copy_number}"
            props["related"] = [f"{other}-x{copy_number}" for other in props.get("related", [])]
            if feature["geometry"]["type"] == "Point":
                lon, lat = feature["geometry"]["coordinates"]
                feature["geometry"]["coordinates"] = [lon + rng.uniform(-0.2, 0.2), lat + rng.uniform(-0.2, 0.2)]
            features.append(feature)
    path = folder / f"events-x{factor}.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path


def map_payload(events) -> dict:
    """What one rerun sends to the map component: built exactly as st_folium builds it
    (the same capture as tests/test_mapview.py, without pytest's monkeypatch)."""
    sent = {}
    original = streamlit_folium._component_func
    streamlit_folium._component_func = lambda **kwargs: sent.update(kwargs)
    try:
        streamlit_folium.st_folium(mapview.base_map(URLS), feature_group_to_add=mapview.event_layers(events, 1940))
    finally:
        streamlit_folium._component_func = original
    return sent


def rerun(events, years, categories):
    """The Python work of one filter change: filter, build the layers, serialise the map."""
    return map_payload(filters.select(events, years, categories))


def measure(path: Path, repeats: int) -> dict:
    """Once per load: read, validate, prepare the map features. Per rerun: the rest."""
    load_seconds, events = median_seconds(lambda: mapview.prepare(load(path).events), repeats=1)
    categories = list(events["category"].unique())
    first, last = filters.year_bounds(events)
    filter_seconds, _ = median_seconds(lambda: filters.select(events, (1937, 1945), categories), repeats)
    rerun_all, payload = median_seconds(lambda: rerun(events, (first, last), categories), repeats)
    rerun_part, _ = median_seconds(lambda: rerun(events, (1937, 1945), categories), repeats)
    index = search.build_index(events)
    search_seconds, _ = median_seconds(
        lambda: [search.search(events, query, index=index) for query in SEARCHES], repeats
    )
    html_bytes = sum(len(payload[key] or "") for key in ("script", "header", "html", "feature_group"))
    return {
        "events": len(events),
        "load+validate+prepare s": load_seconds,
        "filter s": filter_seconds,
        "rerun (all) s": rerun_all,
        "rerun (1937-45) s": rerun_part,
        "map HTML MB": html_bytes / 1e6,
        "search (per query) s": search_seconds / len(SEARCHES),
    }


def browser_timings(events_path: Path) -> dict:
    """Open the page in headless Chromium: time to the map drawn, and from a slider change to the map updated."""
    from test_browser import Reader, start_app  # the same harness as the browser tests
    from playwright.sync_api import sync_playwright

    process, url = start_app(events_path)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            Reader(browser, url).close()  # first visit warms the cache of the loaded data
            began = time.perf_counter()
            reader = Reader(browser, url)
            drawn_seconds = time.perf_counter() - began
            before = reader.drawn()
            began = time.perf_counter()
            reader.move_upper_year_to_start()
            reader.wait_until(lambda: reader.drawn() != before, timeout=60)
            update_seconds = time.perf_counter() - began
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=10)
    return {"page open -> map drawn s": drawn_seconds, "slider change -> map updated s": update_seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--browser", action="store_true", help="also time the page in headless Chromium")
    args = parser.parse_args()
    real = REPO / "events.geojson"
    with tempfile.TemporaryDirectory() as folder:
        paths = {"real": real, "x10": scaled_copy(real, 10, Path(folder)), "x100": scaled_copy(real, 100, Path(folder))}
        rows = {name: measure(path, REPEATS[name]) for name, path in paths.items()}
        print(f"{'':>24}" + "".join(f"{name:>12}" for name in rows))
        for metric in rows["real"]:
            print(f"{metric:>24}" + "".join(f"{row[metric]:>12.3f}" if isinstance(row[metric], float) else f"{row[metric]:>12}" for row in rows.values()))
        per_event = {name: row["rerun (all) s"] / row["events"] * 1e3 for name, row in rows.items()}
        print("rerun ms per event: " + ", ".join(f"{name} {value:.3f}" for name, value in per_event.items()))
        print(f"x100 / real rerun ratio: {rows['x100']['rerun (all) s'] / rows['real']['rerun (all) s']:.1f}")
        print(TARGETS)
        if args.browser:
            for name in ("real", "x10"):
                timings = browser_timings(paths[name])
                print(f"browser, {name}: " + ", ".join(f"{key} {value:.2f}" for key, value in timings.items()))


if __name__ == "__main__":
    main()

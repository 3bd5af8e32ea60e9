"""How fast the atlas is, on the real data and on synthetic data 10x and 100x its size.

    python benchmarks/bench.py            # Python figures only
    python benchmarks/bench.py --browser  # also time the page in headless Chromium

Figures are printed, never asserted: these machines are shared and noisy. Each Python figure
is the median of several runs.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import streamlit_folium

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(Path(__file__).parent), str(REPO / "tests")]

from dashboard import filters, mapview, search  # noqa: E402
from dashboard.events import load  # noqa: E402

SEARCHES = ["Vishersky", "вишерский итл", "a", "white sea canal"]
REPEATS = {"real": 7, "x10": 3, "x100": 1}
URLS = {"landUrl": "land.geojson", "eventsUrl": "events.json", "detailsUrl": "details.json"}
TARGETS = "targets: slider or theme change to map redrawn <= 0.25 s (real), <= 0.6 s (x10); server CPU per change <= 0.05 s"


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


def map_payload(state: dict) -> dict:
    """What one rerun sends to the map component: built exactly as st_folium builds it
    (the same capture as tests/test_mapview.py, without pytest's monkeypatch)."""
    sent = {}
    original = streamlit_folium._component_func
    streamlit_folium._component_func = lambda **kwargs: sent.update(kwargs)
    try:
        streamlit_folium.st_folium(mapview.base_map(URLS), feature_group_to_add=mapview.filter_layer(state))
    finally:
        streamlit_folium._component_func = original
    return sent


def rerun(events, years, categories):
    """The map's Python work in one filter change: filter (for the counts), send the choices."""
    filters.select(events, years, categories)
    return map_payload(mapview.filter_state(years, categories, None, None, True))


def measure(path: Path, repeats: int) -> dict:
    """Once per load: read, validate, prepare the map features and their file. Per rerun: the rest."""
    load_seconds, events = median_seconds(lambda: mapview.prepare(load(path).events), repeats=1)
    data_seconds, data = median_seconds(lambda: json.dumps(mapview.map_data(events), separators=(",", ":")), 1)
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
        "load+validate+prepare s": load_seconds + data_seconds,
        "events file, sent once MB": len(data.encode()) / 1e6,
        "filter s": filter_seconds,
        "rerun (all) s": rerun_all,
        "rerun (1937-45) s": rerun_part,
        "map sent per rerun KB": html_bytes / 1e3,
        "search (per query) s": search_seconds / len(SEARCHES),
    }


def start_server(script: Path, events: Path, cwd: Path = REPO, cache: Path | None = None) -> tuple[subprocess.Popen, str]:
    """`streamlit run script` showing `events`, with the disk cache of derived events in `cache`
    (else the default); `cwd`'s own `dashboard` package is imported."""
    from test_browser import start_app  # the same harness as the browser tests

    env = {"PYTHONPATH": str(cwd)} | ({"ATLAS_CACHE": str(cache)} if cache else {})
    return start_app(events, script, cwd, env)


def naive_script(folder: Path) -> Path:
    """The naive page in `folder`, with Leaflet in its static folder (there is no CDN here)."""
    import xstatic.pkg.leaflet

    shutil.copytree(xstatic.pkg.leaflet.BASE_DIR, folder / "static" / "leaflet", dirs_exist_ok=True)
    return Path(shutil.copy(Path(__file__).with_name("naive_app.py"), folder / "naive_app.py"))


def browser_rows(paths: dict[str, Path], folder: Path) -> dict[str, dict]:
    """The atlas and the naive page, each on a fresh server, at each size; 20 sessions on the real data."""
    from playwright.sync_api import sync_playwright

    import browser
    import sessions

    scripts = {"atlas": REPO / "dashboard" / "app.py", "naive": naive_script(folder)}
    rows = {}
    with sync_playwright() as playwright:
        chromium = browser.launch(playwright)
        for size in ("real", "x10"):
            for app, script in scripts.items():
                process, url = start_server(script, paths[size])
                try:
                    if app == "atlas":  # warmed at start, as the README says to deploy it
                        subprocess.run([sys.executable, "-m", "dashboard.warm", url], cwd=REPO, check=True)
                    row = browser.measure_page(chromium, url, process.pid)
                    if size == "real":
                        row |= {f"20 sessions: {key}": value for key, value in sessions.crowd(url).items()}
                    rows[f"{app} {size}"] = row
                finally:
                    process.terminate()
                    process.wait(timeout=20)
        chromium.close()
    return rows


def first_pages(events: Path, folder: Path) -> dict:
    """The first page (at the websocket level) of a server new to this file, then of the same
    server restarted: the second finds the events derived by the first in the disk cache."""
    from dashboard.warm import Session

    async def first_run(url: str) -> float:
        session = await Session.open(url)
        try:
            return (await session.rerun())[0]
        finally:
            await session.close()

    seconds = {}
    for name in ("first page, new file s", "first page, server restarted s"):
        process, url = start_server(REPO / "dashboard" / "app.py", events, cache=folder / "cache")
        try:
            seconds[name] = asyncio.run(first_run(url))
        finally:
            process.terminate()
            process.wait(timeout=20)
    return seconds


def print_table(rows: dict[str, dict]) -> None:
    metrics = list(dict.fromkeys(metric for row in rows.values() for metric in row))
    width = max(len(metric) for metric in metrics) + 2
    print(f"{'':>{width}}" + "".join(f"{name:>12}" for name in rows))
    for metric in metrics:
        cells = (row.get(metric) for row in rows.values())
        print(f"{metric:>{width}}" + "".join(
            f"{cell:>12.3f}" if isinstance(cell, float) else f"{'' if cell is None else cell:>12}" for cell in cells
        ))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--browser", action="store_true", help="also time the page in headless Chromium")
    parser.add_argument("--events", type=Path, default=REPO / "events.geojson", help="the real data (default: the atlas's)")
    args = parser.parse_args()
    real = args.events
    with tempfile.TemporaryDirectory() as folder:
        paths = {"real": real, "x10": scaled_copy(real, 10, Path(folder)), "x100": scaled_copy(real, 100, Path(folder))}
        rows = {name: measure(path, REPEATS[name]) for name, path in paths.items()}
        print_table(rows)
        print(TARGETS)
        if args.browser:
            print("\nIn headless Chromium, each page on a fresh server (the atlas's warmed at start by dashboard.warm);")
            print("seconds; slider and theme: from the key pressed to the map redrawn; 20 sessions at the websocket level:")
            print_table(browser_rows(paths, Path(folder)))
            print("\nx100, at the websocket level (seconds):")
            print_table({"atlas x100": first_pages(paths["x100"], Path(folder))})


if __name__ == "__main__":
    main()

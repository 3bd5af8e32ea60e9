"""The atlas as a reader meets it: `streamlit run` on localhost, driven in headless Chromium.

There is no internet here, so these tests also show that the map is drawn without any CDN:
Leaflet and the atlas script come from the app, and only the tile server is ever asked for
anything else (and does not answer). Screenshots are saved in test-artifacts/.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from dashboard.mapview import TILE_HOSTS

from conftest import SAMPLE

REPO = Path(__file__).parents[1]
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = os.environ.get("ATLAS_CHROMIUM", "/usr/bin/chromium")
REQUIRED = os.environ.get("ATLAS_REQUIRE_BROWSER") == "1"  # set by CI: never skip there

pytestmark = pytest.mark.browser
if not Path(CHROMIUM).exists():
    if REQUIRED:
        raise RuntimeError(f"Chromium not found at {CHROMIUM}; install Debian's chromium package")
    pytestmark = [pytest.mark.browser, pytest.mark.skip(reason=f"no Chromium at {CHROMIUM}")]

playwright_api = pytest.importorskip("playwright.sync_api")
MAP_FRAME = "iframe[title='streamlit_folium.st_folium']"
DRAWN = ".atlas-symbol, path.leaflet-interactive"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_app(events: Path, script: Path | str = "dashboard/app.py", cwd: Path = REPO, env: dict | None = None):
    """`streamlit run script` from `cwd` on a free port, showing `events` (the benchmarks run
    other pages and other checkouts with it); returns the process and its URL."""
    port = free_port()
    env = {**os.environ, "ATLAS_EVENTS": str(events), **(env or {})}
    command = [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
               "--server.address", "127.0.0.1"]
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=2)
            return process, url
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(f"streamlit exited: {process.stderr.read().decode()}")
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("streamlit did not answer within 120 s")


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def atlas_url():
    process, url = start_app(REPO / "events.geojson")
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def sample_url():
    process, url = start_app(SAMPLE)
    yield url
    process.terminate()
    process.wait(timeout=10)


class Reader:
    """One browser tab on the atlas, recording every host the page asks for something."""

    def __init__(self, browser, url: str):
        self.page = browser.new_page(viewport={"width": 1400, "height": 950})
        self.hosts: set[str] = set()
        self.page.on("request", lambda request: self.hosts.add(urlparse(request.url).netloc))
        self.page.goto(url)
        self.map = self.page.frame_locator(MAP_FRAME)
        self.map.locator(DRAWN).first.wait_for(state="attached", timeout=30_000)

    def drawn(self) -> int:
        return self.map.locator(DRAWN).count()

    def shown_text(self) -> str:
        return self.page.locator("p", has_text=re.compile(r"of \d+ events shown")).inner_text()

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / name
        self.page.screenshot(path=path)
        return path

    def wait_until(self, condition, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError("the page did not change in time")
            self.page.wait_for_timeout(200)

    def move_upper_year_to_start(self) -> None:
        """Drag nothing: focus the slider's upper handle and press Home, as a keyboard user would."""
        self.page.get_by_role("slider").nth(1).focus()
        self.page.keyboard.press("Home")

    def move_upper_year(self, steps: int) -> None:
        """Move the slider's upper handle by whole years with the arrow keys."""
        self.page.get_by_role("slider").nth(1).focus()
        for _ in range(abs(steps)):
            self.page.keyboard.press("ArrowRight" if steps > 0 else "ArrowLeft")

    def camp_radii(self) -> list[float]:
        """Radii of the camp circles drawn, read from Leaflet."""
        return self.map.locator("body").evaluate(
            "() => Object.values(window.map._layers)"
            ".filter((l) => l.feature && l.feature.properties.r !== undefined).map((l) => l.getRadius())"
        )

    def click_uncovered(self, selector: str) -> None:
        """Click the first of these map elements that no other covers at its centre."""
        index = self.map.locator("body").evaluate(
            """(_, selector) => [...document.querySelectorAll(selector)].findIndex((el) => {
                 const box = el.getBoundingClientRect();
                 const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
                 return top && el.contains(top) && box.y > 60;
               })""",
            selector,
        )
        assert index >= 0, f"every {selector} is covered"
        self.map.locator(selector).nth(index).click()

    def state_labels(self) -> list[str]:
        return self.map.locator(".atlas-state").all_text_contents()

    def map_view(self) -> tuple:
        return self.map.locator("body").evaluate(
            "() => { const m = window.map; return [m.getZoom(), m.getCenter().lat.toFixed(3), m.getCenter().lng.toFixed(3)]; }"
        )

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def reader(browser, atlas_url):
    tab = Reader(browser, f"{atlas_url}/?years=1922&years=1960")  # every year, not a first visit's
    yield tab
    tab.close()


def test_map_is_drawn_with_events_and_land_without_internet(reader):
    assert reader.drawn() > 500
    assert reader.map.locator(".leaflet-atlas-land-pane path").count() >= 1, "the land underlay is missing"
    shot = reader.screenshot("atlas-whole-period.png")
    assert shot.stat().st_size > 50_000


def test_page_asks_no_host_but_itself_and_the_tile_server(reader):
    reader.page.wait_for_timeout(1500)
    others = {host for host in reader.hosts if not host.startswith("127.0.0.1")}
    assert all(host.endswith(TILE_HOSTS) for host in others), others


def test_moving_the_year_range_changes_what_is_drawn(reader):
    before_text, before_drawn = reader.shown_text(), reader.drawn()
    reader.move_upper_year_to_start()
    reader.wait_until(lambda: reader.shown_text() != before_text)
    reader.wait_until(lambda: reader.drawn() != before_drawn)
    assert reader.drawn() < before_drawn
    assert re.fullmatch(r"\d+ of \d+ events shown, 1922–1922\.", reader.shown_text())
    reader.screenshot("atlas-1922.png")


def test_filter_change_keeps_the_readers_view(reader):
    reader.map.locator(".leaflet-control-zoom-in").click()
    reader.wait_until(lambda: reader.map_view()[0] > 3)  # one step in from the whole USSR
    zoomed = reader.map_view()
    before = reader.shown_text()
    reader.move_upper_year_to_start()
    reader.wait_until(lambda: reader.shown_text() != before)
    reader.page.wait_for_timeout(1000)
    assert reader.map_view() == zoomed


def test_clicking_an_event_opens_its_popup_with_full_citations(reader):
    reader.click_uncovered(".atlas-symbol:has(path[fill='#882255'])")  # a site of the Terror
    popup = reader.map.locator(".atlas-popup")
    popup.locator(".atlas-section").last.wait_for(timeout=10_000)
    text = popup.inner_text()
    assert "Sources" in text
    assert re.search(r"\[[a-z0-9-]+\] .+\d{4}", text), text
    assert re.search(r"\((dates to the (day|month|year)|dates approximate|start to the \w+, end to the \w+)\)", text)
    reader.screenshot("atlas-popup.png")


def test_text_from_the_data_is_shown_as_text_never_run(browser, sample_url):
    tab = Reader(browser, sample_url)
    title = tab.page.title()
    tab.map.locator(".atlas-symbol:has(path[fill='#555555'])").click()  # the turning point whose name is markup
    popup = tab.map.locator(".atlas-popup")
    popup.locator(".atlas-section").wait_for(timeout=10_000)
    assert popup.locator("h4").inner_text() == "<img src=x onerror=\"document.title='pwned'\"> & <b>bold</b>"
    assert "<script>document.title='pwned'</script>" in popup.inner_text()
    assert popup.locator("img, b, script").count() == 0
    assert tab.page.title() == title
    tab.close()


def test_borders_of_the_selected_year_are_drawn_and_labelled(reader):
    reader.wait_until(lambda: "USSR" in reader.state_labels())
    assert len(reader.state_labels()) > 20
    assert "Poland" in reader.state_labels()  # 1960
    reader.screenshot("atlas-borders-1960.png")


def test_camps_are_sized_by_the_last_selected_year(reader):
    def filled(radii):  # circles of camps with a count that year (hollow ones have radius 3)
        return [r for r in radii if r > 3]

    reader.wait_until(lambda: len(reader.camp_radii()) > 100)
    in_1960 = filled(reader.camp_radii())
    reader.move_upper_year(-8)  # to 1952, the camps' peak years
    reader.wait_until(lambda: "1922–1952" in reader.shown_text())
    reader.wait_until(lambda: len(filled(reader.camp_radii())) > 3 * len(in_1960))
    assert max(reader.camp_radii()) > max(in_1960)
    reader.screenshot("atlas-1952.png")


def near(view, expected) -> bool:
    """Same zoom, and a centre within a few pixels (Leaflet snaps the centre to whole pixels)."""
    zoom, lat, lng = view
    return zoom == expected[0] and abs(float(lat) - expected[1]) < 0.05 and abs(float(lng) - expected[2]) < 0.05


def test_a_permalink_reopens_the_same_years_themes_and_view(browser, atlas_url):
    link = f"{atlas_url}/?years=1937&years=1938&themes=Gulag+camps&themes=The+Terror&view=55.750,37.620,6"
    tab = Reader(browser, link)
    assert re.fullmatch(r"\d+ of \d+ events shown, 1937–1938\.", tab.shown_text())
    assert near(tab.map_view(), (6, 55.75, 37.62))
    tab.map.locator(".leaflet-control-zoom-out").click()
    tab.wait_until(lambda: "%2C5" in tab.page.url)  # the view in the address follows the reader
    again = Reader(browser, tab.page.url)
    assert again.shown_text() == tab.shown_text()
    assert near(again.map_view(), (5, 55.75, 37.62))
    tab.close()
    again.close()


def test_search_finds_an_event_by_its_russian_name(reader):
    box = reader.page.get_by_label("Find an event")
    box.fill("Сталинградская битва")
    box.press("Enter")
    reader.page.get_by_label(re.compile(r"^\d+ found")).click()
    reader.page.get_by_role("option", name=re.compile("Сталинградская битва")).click()
    panel = reader.page.locator("section[aria-label='Selected event']")
    panel.wait_for(timeout=20_000)
    assert panel.locator("h4").inner_text() == "Battle of Stalingrad"
    reader.wait_until(lambda: "event=battle-stalingrad-1942" in reader.page.url)
    reader.screenshot("atlas-search.png")


def test_clicking_an_event_opens_its_details_beside_the_map(browser, sample_url):
    tab = Reader(browser, sample_url)
    tab.map.locator(".atlas-symbol:has(path[fill='#117733'])").click()  # the battle
    panel = tab.page.locator("section[aria-label='Selected event']")
    panel.wait_for(timeout=20_000)
    assert panel.locator("h4").inner_text() == "Battle of Stalingrad"
    assert "Beevor, Antony. Stalingrad" in panel.inner_text()
    tab.wait_until(lambda: "event=battle-stalingrad" in tab.page.url)
    tab.close()


def test_the_regions_deportations_took_people_from_are_shaded(browser, atlas_url):
    from dashboard import filters
    from dashboard.events import load

    events = filters.select(load(REPO / "events.geojson").events, (1944, 1944), ["deportation"])
    areas = {f["properties"]["event"]: f["properties"]["area"]
             for f in json.loads((REPO / "geodata" / "deportation_origins.geojson").read_text())["features"]}
    expected = {areas[event] for event in events["id"]}  # one shape per region, however many deportations
    assert {"crimea", "chechnya"} <= expected
    tab = Reader(browser, f"{atlas_url}/?years=1944&years=1944&themes=Deportations")
    origins = tab.map.locator(".leaflet-atlas-origins-pane path.atlas-origin")
    tab.wait_until(lambda: origins.count() == len(expected))
    tab.close()


def test_the_holodomor_is_shaded_by_its_losses_with_a_legend(browser, atlas_url):
    from dashboard.mapview import LOSS_CLASSES

    tab = Reader(browser, f"{atlas_url}/?years=1933&years=1933&themes=Famines")
    colours = {colour for _, colour, _ in LOSS_CLASSES}
    fills = lambda: {  # noqa: E731
        path.get_attribute("fill").upper() for path in tab.map.locator("path.leaflet-interactive").all()
    }
    tab.wait_until(lambda: colours <= fills())
    assert "famine deaths per 1,000 inhabitants" in tab.page.locator("section[data-testid='stSidebar']").inner_text()
    tab.screenshot("holodomor-1933.png")
    tab.close()


def test_download_gives_valid_geojson_of_the_filtered_events_only(browser, atlas_url):
    from dashboard.validation import check_document

    tab = Reader(browser, f"{atlas_url}/?years=1944&years=1944&themes=Deportations")
    shown = int(tab.shown_text().split(" of ")[0])
    table = tab.page.locator("[data-testid='stDataFrame']")
    assert table.count() == 0  # a closed table is not built nor sent
    tab.page.get_by_text("Table of the events shown").click()
    table.wait_for(timeout=20_000)
    with tab.page.expect_download() as download:
        tab.page.get_by_role("button", name="Download these events (GeoJSON)").click()
    document = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    checked = check_document(document, "download")
    assert checked.problems == []
    assert len(checked.features) == shown > 0
    assert {f.properties.category for f in checked.features} == {"deportation"}
    assert all(f.properties.start <= "1944-12-31" and (f.properties.end or f.properties.start) >= "1944" for f in checked.features)
    assert "GPL" in document["licence"]
    tab.close()


def test_the_map_shows_exactly_the_events_the_page_counts(browser, atlas_url):
    """The map frame applies the filters itself: it must show what the page's filters select."""
    from urllib.parse import urlencode

    from dashboard import filters
    from dashboard.events import load

    events = load(REPO / "events.geojson").events
    types, activities = filters.camp_options(events)
    query = [("years", 1937), ("years", 1941), ("themes", "Gulag camps"), ("themes", "Deportations"),
             ("camp_types", types[0]), ("activities", activities[0]), ("activities", activities[1])]
    tab = Reader(browser, f"{atlas_url}/?{urlencode(query)}")
    expected = filters.select(events, (1937, 1941), ["gulag", "deportation"], [types[0]], activities[:2])
    assert 0 < len(expected) < len(filters.select(events, (1937, 1941), ["gulag", "deportation"]))
    assert tab.shown_text().startswith(f"{len(expected)} of ")
    assert tab.map.locator("body").evaluate("() => atlas.shownIds()") == sorted(expected["id"])
    tab.close()


def test_narrowing_the_years_takes_events_away_without_redrawing_the_others(reader):
    """Only what changed is redrawn: the shapes of the events still shown, and the borders that
    did not change, stay the same elements; the camps are resized in place."""
    mark = "() => document.querySelectorAll('%s, .leaflet-atlas-borders-pane path').forEach((n) => (n.kept = true))"
    reader.wait_until(lambda: reader.map.locator(".leaflet-atlas-borders-pane path").count() > 20)
    reader.map.locator("body").evaluate(mark % DRAWN)
    radii, before = reader.camp_radii(), reader.shown_text()
    reader.move_upper_year(-1)  # 1960 -> 1959: events only go
    reader.wait_until(lambda: reader.shown_text() != before and reader.camp_radii() != radii)
    new_events, new_borders = reader.map.locator("body").evaluate(
        "() => [[...document.querySelectorAll('%s')].filter((n) => !n.kept).length,"
        " [...document.querySelectorAll('.leaflet-atlas-borders-pane path')].filter((n) => !n.kept).length]" % DRAWN
    )
    assert new_events == 0
    assert new_borders < reader.map.locator(".leaflet-atlas-borders-pane path").count() / 2


def test_play_steps_through_the_years_until_paused(browser, atlas_url):
    tab = Reader(browser, f"{atlas_url}/?years=1922&years=1940")
    tab.page.get_by_role("button", name="▶ Play the years").click()
    tab.wait_until(lambda: "1922–1942" in tab.shown_text(), timeout=30)
    tab.page.get_by_role("button", name="⏸ Pause").click()
    tab.wait_until(lambda: tab.page.get_by_role("button", name="▶ Play the years").count() == 1)
    paused_at = tab.shown_text()
    tab.page.wait_for_timeout(2000)
    assert tab.shown_text() == paused_at
    tab.close()


def test_a_server_is_warmed_by_running_the_page_once(atlas_url):
    """`python -m dashboard.warm URL`, as a deployment runs it at start, runs the page as a reader would."""
    result = subprocess.run([sys.executable, "-m", "dashboard.warm", atlas_url], cwd=REPO, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "the page ran once" in result.stdout

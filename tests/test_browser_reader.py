"""The reader's first minutes, in headless Chromium: the first screen, what a click on the map
opens, and the map's keys (issue 13: the reader's experience)."""

from __future__ import annotations

import re

import pytest

from test_browser import MAP_FRAME, REPO, Reader, atlas_url, browser  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser
WINDOW = {"width": 1400, "height": 900}
PANEL = "section[aria-label='Selected event']"


def open_at(browser, url: str, viewport: dict = WINDOW) -> Reader:
    """A Reader in a window of `viewport`."""
    original = browser.new_page
    browser.new_page = lambda **kwargs: original(**{**kwargs, "viewport": viewport})
    try:
        return Reader(browser, url)
    finally:
        browser.new_page = original


def visible_bounds(tab: Reader) -> dict:
    return tab.map.locator("body").evaluate(
        "() => { const b = window.map.getBounds();"
        " return {west: b.getWest(), east: b.getEast(), south: b.getSouth(), north: b.getNorth()}; }"
    )


def test_clicking_the_centre_of_a_camp_circle_opens_the_camp(browser, atlas_url):
    tab = open_at(browser, f"{atlas_url}/?years=1940&years=1940&themes=Gulag+camps")
    tab.wait_until(lambda: tab.map.locator("path.leaflet-interactive").count() > 50)
    tab.page.wait_for_timeout(500)
    frame = tab.page.locator(MAP_FRAME).bounding_box()
    # The largest circle whose centre no other shape covers, in the page's coordinates.
    name, x, y = tab.map.locator("body").evaluate(
        """() => {
          const map = window.map, box = map.getContainer().getBoundingClientRect(), size = map.getSize();
          const camps = Object.values(map._layers)
            .filter((l) => l._path && l.feature && l.feature.properties.r !== undefined)
            .map((l) => [l, map.latLngToContainerPoint(l.getLatLng())])
            .filter(([l, p]) => p.x > 40 && p.y > 80 && p.x < size.x - 40 && p.y < size.y - 40
                    && document.elementFromPoint(box.x + p.x, box.y + p.y) === l._path)
            .sort(([a], [b]) => b.getRadius() - a.getRadius());
          const [layer, point] = camps[0];
          return [layer.feature.properties.name, box.x + point.x, box.y + point.y];
        }"""
    )
    tab.page.mouse.click(frame["x"] + x, frame["y"] + y)
    panel = tab.page.locator(PANEL)
    panel.wait_for(timeout=20_000)
    assert panel.locator("h4").inner_text() == name
    tab.close()


def test_the_first_visit_explains_itself_over_the_whole_ussr(browser, atlas_url):
    import geopandas

    from dashboard.events import load

    borders = geopandas.read_file(REPO / "geodata" / "borders" / "borders.geojson")
    tab = open_at(browser, atlas_url)
    intro = tab.page.locator("section[aria-label='Introduction']")
    intro.wait_for(timeout=20_000)
    text = intro.inner_text()
    for hint in ("Years", "Play", "click", "Find an event"):
        assert hint in text, hint
    # The title gives the period the slider runs over.
    first, last = tab.page.get_by_role("slider").first.get_attribute("min"), tab.page.get_by_role("slider").nth(1).get_attribute("max")
    assert f"{first}–{last}" in tab.page.locator("h1, h2, h3").first.inner_text()
    # A readable picture: not every event of every year at once.
    shown, total = map(int, re.match(r"(\d+) of (\d+)", tab.shown_text()).groups())
    assert 0 < shown < total / 4
    # The whole USSR as it opens, from Kushka to Cape Chelyuskin, and every camp within it,
    # Kolyma's and Chukotka's included.
    tab.page.wait_for_timeout(1000)
    view = visible_bounds(tab)
    ussr = borders.query("is_ussr and to_year == 1960").geometry.iloc[0]
    camps = load(REPO / "events.geojson").events.query("category == 'gulag'")
    in_ussr = camps[camps.geometry.within(ussr)].geometry.bounds
    assert len(in_ussr) > 500 and in_ussr.maxx.max() > 177
    assert view["west"] <= in_ussr.minx.min() and 180 <= view["east"], view
    assert view["south"] <= ussr.bounds[1] and ussr.bounds[3] <= view["north"], view
    # The map takes most of the window, all of it in view without scrolling.
    frame = tab.page.locator(MAP_FRAME).bounding_box()
    assert frame["width"] * frame["height"] > 0.4 * WINDOW["width"] * WINDOW["height"], frame
    assert frame["y"] + frame["height"] <= WINDOW["height"], frame
    tab.screenshot("first-screen-1400x900.png")
    tab.page.get_by_role("button", name="Close the introduction").click()
    tab.wait_until(lambda: intro.count() == 0)
    tab.close()


def test_a_link_with_its_own_state_skips_the_introduction(browser, atlas_url):
    tab = open_at(browser, f"{atlas_url}/?years=1941&years=1945")
    tab.page.wait_for_timeout(1500)
    assert tab.page.locator("section[aria-label='Introduction']").count() == 0
    assert "1941–1945" in tab.shown_text()
    tab.close()


def test_approximate_areas_are_dashed_and_leave_clicks_to_what_lies_beneath(browser, atlas_url):
    """The strategic operations of 1944, drawn as the approximate areas they were fought over:
    dashed, and answering only on their outline, so that a point inside them is the map's."""
    tab = open_at(browser, f"{atlas_url}/?years=1944&years=1944&themes=Battles+and+wars&view=52,28,5")
    tab.wait_until(lambda: tab.map.locator("path.leaflet-interactive").count() > 5)
    tab.page.wait_for_timeout(500)
    # Each area's share of a grid of points over its bounds where a click would reach it.
    areas = tab.map.locator("body").evaluate(
        """() => {
          const map = window.map, box = map.getContainer().getBoundingClientRect();
          return Object.values(map._layers)
            .filter((l) => l._path && l.feature && l.feature.properties.c && l.feature.geometry.type.endsWith('Polygon'))
            .map((l) => {
              const b = l.getBounds(), nw = map.latLngToContainerPoint(b.getNorthWest()),
                    se = map.latLngToContainerPoint(b.getSouthEast());
              let answers = 0;
              for (let i = 1; i < 8; i++) for (let j = 1; j < 8; j++) {
                const x = nw.x + (se.x - nw.x) * i / 8, y = nw.y + (se.y - nw.y) * j / 8;
                if (document.elementFromPoint(box.x + x, box.y + y) === l._path) answers++;
              }
              return {id: l.feature.properties.id, dash: l._path.getAttribute("stroke-dasharray"), answers: answers / 49};
            });
        }"""
    )
    assert len(areas) > 3
    assert all(area["dash"] for area in areas), areas
    assert all(area["answers"] < 0.25 for area in areas), areas  # the outline may cross the grid
    assert sum(area["answers"] for area in areas) / len(areas) < 0.1, areas
    tab.close()


AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"  # `npm install --no-save axe-core@4`
SERIOUS = ("serious", "critical")


def axe_violations(target) -> list[dict]:
    """axe-core's serious and critical violations in a page or a frame (not its subframes)."""
    target.add_script_tag(path=str(AXE))
    return target.evaluate(
        """(impacts) => axe.run(document, {iframes: false, resultTypes: ['violations']}).then((result) =>
             result.violations.filter((v) => impacts.includes(v.impact))
               .map((v) => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' '))})))""",
        list(SERIOUS),
    )


@pytest.mark.parametrize("query", ["", "?years=1941&years=1945&event=battle-stalingrad-1942"])
def test_axe_finds_no_serious_violation_on_the_page_nor_in_the_map(browser, atlas_url, query):
    from test_browser import REQUIRED

    if not AXE.exists():
        if REQUIRED:
            raise RuntimeError(f"axe-core not found at {AXE}: run `npm install --no-save axe-core@4`")
        pytest.skip("axe-core is not installed (npm install --no-save axe-core@4)")
    tab = open_at(browser, f"{atlas_url}/{query}")
    tab.page.wait_for_timeout(1500)
    if query:
        tab.page.locator(PANEL).wait_for(timeout=20_000)
    frame = next(frame for frame in tab.page.frames if "streamlit_folium" in frame.url)
    assert axe_violations(tab.page.main_frame) == []
    assert axe_violations(frame) == []
    tab.close()


def test_a_keyboard_skips_the_map_to_the_table_and_hears_each_symbols_name(browser, atlas_url):
    tab = open_at(browser, atlas_url)
    tab.page.mouse.click(WINDOW["width"] // 2, 5)
    for presses in range(1, 15):
        tab.page.keyboard.press("Tab")
        if tab.page.evaluate("() => document.activeElement.textContent").startswith("Skip the map"):
            break
    assert presses < 10, "the skip link is not among the first stops"
    tab.page.keyboard.press("Enter")
    tab.page.keyboard.press("Tab")
    assert "Table of the events shown" in tab.page.evaluate("() => document.activeElement.textContent")
    tab.page.keyboard.press("Enter")  # opens the table of the events shown
    tab.page.locator("[data-testid='stDataFrame']").wait_for(timeout=20_000)
    # Every symbol a keyboard can reach on the map says which event it is.
    names = tab.map.locator("body").evaluate(
        "() => [...document.querySelectorAll('.leaflet-marker-icon[tabindex]:not([tabindex=\"-1\"])')]"
        ".map((el) => el.getAttribute('aria-label'))"
    )
    assert names and all(re.search(r"\S, .*\d{4}", name or "") for name in names), names
    tab.close()


def test_on_a_phone_the_popup_and_its_close_button_stay_within_the_map(browser, atlas_url):
    phone = {"width": 390, "height": 844}
    tab = open_at(browser, f"{atlas_url}/?years=1937&years=1938&themes=The+Terror&view=55.7,37.6,5", phone)
    tab.map.locator(".atlas-symbol").first.wait_for(timeout=20_000)
    tab.page.locator(MAP_FRAME).scroll_into_view_if_needed()
    frame = tab.page.locator(MAP_FRAME).bounding_box()
    x, y = tab.map.locator("body").evaluate(  # an uncovered symbol nearest the middle of the map (Moscow)
        """() => { const w = innerWidth / 2, h = innerHeight / 2;
                   const centre = (el) => { const b = el.getBoundingClientRect(); return [b.x + b.width / 2, b.y + b.height / 2]; };
                   const open = [...document.querySelectorAll('.atlas-symbol')]
                     .filter((el) => el.contains(document.elementFromPoint(...centre(el))));
                   const distance = (el) => Math.hypot(centre(el)[0] - w, centre(el)[1] - h);
                   return centre(open.reduce((a, b) => (distance(a) < distance(b) ? a : b))); }"""
    )
    tab.page.mouse.click(frame["x"] + x, frame["y"] + y)
    popup = tab.map.locator(".leaflet-popup")
    popup.locator(".atlas-section").last.wait_for(state="attached", timeout=10_000)
    tab.page.wait_for_timeout(800)  # the map pans the popup into view
    tab.screenshot("phone-popup.png")
    size = tab.map.locator("body").evaluate("() => [window.innerWidth, window.innerHeight]")
    box = popup.evaluate("(el) => { const b = el.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; }")
    assert box[0] >= 0 and box[1] >= 0 and box[2] <= size[0] and box[3] <= size[1], (box, size)
    close = tab.map.locator(".leaflet-popup-close-button")
    close.click()
    tab.wait_until(lambda: tab.map.locator(".leaflet-popup").count() == 0)
    panel = tab.page.locator(PANEL)
    panel.wait_for(timeout=20_000)  # the details, once, below the map on a phone
    tab.close()


@pytest.mark.parametrize(("year", "states"), [(1938, {"Estonia", "Latvia", "Lithuania"}), (1950, {"East Germany"})])
def test_small_states_are_labelled_at_the_first_zoom(browser, atlas_url, year, states):
    tab = open_at(browser, f"{atlas_url}/?years={year}&years={year}")
    tab.wait_until(lambda: "USSR" in tab.state_labels())
    assert states <= set(tab.state_labels())
    tab.close()


def test_on_a_phone_the_scale_bar_shows_and_state_labels_do_not_pile_up(browser, atlas_url):
    tab = open_at(browser, atlas_url, {"width": 390, "height": 844})
    tab.wait_until(lambda: "USSR" in tab.state_labels())
    scale = tab.map.locator(".leaflet-control-scale-line").first
    box = scale.bounding_box()
    centre = (box["x"] + box["width"] / 2 - tab.page.locator(MAP_FRAME).bounding_box()["x"],
              box["y"] + box["height"] / 2 - tab.page.locator(MAP_FRAME).bounding_box()["y"])
    top = tab.map.locator("body").evaluate("(_, [x, y]) => document.elementFromPoint(x, y).className", list(centre))
    assert "leaflet-control-scale-line" in top, top  # not under the attribution
    shown = tab.map.locator(".atlas-state:visible").all_text_contents()
    assert shown == ["USSR"], shown  # zoomed out to the world, the other names would cover one another
    tab.map.locator(".leaflet-control-zoom-in").click()
    tab.wait_until(lambda: len(tab.map.locator(".atlas-state:visible").all_text_contents()) > 5)
    tab.screenshot("first-screen-phone.png")
    tab.close()

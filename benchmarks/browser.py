"""What a reader waits for, in headless Chromium: the page opened to the map drawn, and a
filter change to the map redrawn.

"Drawn" is the last change to the map's drawing (its DOM, outside the tile, tooltip and popup
panes, in whichever map frame the page shows) before the map has been still for a while; the
time is from the action to that last change, so the wait for stillness is not counted. The
same measure serves any Streamlit page with a folium map (the atlas, the naive page).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
QUIET_SECONDS = 1.5  # the map has been still this long: drawn
TIMEOUT_SECONDS = 180
DRAWN = ".leaflet-interactive"
requests: dict = {}  # page -> times (time.perf_counter) it sent a message to the server

# In the page: each map frame (streamlit-folium's component) that appears is watched, and the
# time of each change to its drawing kept where the measure reads it.
OBSERVER = """
(() => {
  if (window.top !== window) return;
  const ignored = ".leaflet-tile-pane, .leaflet-tooltip-pane, .leaflet-popup-pane, .leaflet-control-container";
  const element = (r) => (r.target.nodeType === 1 ? r.target : r.target.parentElement);
  const watch = (frame) => {
    if (frame.__watched) return;
    frame.__watched = true;
    const observe = () => new MutationObserver((records) => {
      if (records.some((r) => !(element(r) && element(r).closest(ignored)))) window.__mapChanged = Date.now();
    }).observe(frame.contentDocument, { subtree: true, childList: true, attributes: true, characterData: true });
    frame.addEventListener("load", observe);
  };
  new MutationObserver(() =>
    document.querySelectorAll("iframe[title='streamlit_folium.st_folium']").forEach(watch)
  ).observe(document, { subtree: true, childList: true });
})();
"""

# The drawing, summarised: how many event shapes, and a hash of their outlines' paths (a
# circle resized changes it).
SIGNATURE = """
() => {
  const frame = document.querySelector("iframe[title='streamlit_folium.st_folium']");
  const doc = frame && frame.contentDocument;
  if (!doc) return "";
  const drawn = [...doc.querySelectorAll("%s")];
  let hash = 0;
  for (const el of drawn) {
    const path = el.getAttribute("d") || el.style.transform;
    for (let i = 0; i < path.length; i++) hash = (hash * 31 + path.charCodeAt(i)) | 0;
  }
  return drawn.length + ":" + hash;
}
""" % DRAWN


def launch(playwright):
    return playwright.chromium.launch(
        executable_path=CHROMIUM,
        args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    )


def new_context(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 950})
    context.add_init_script(OBSERVER)
    return context


def _wait_drawn(page, since_ms: int, before: str | None) -> float:
    """Seconds from `since_ms` (the page's clock) to the map's last change, once it is still and
    differs from `before` (None: once anything is drawn)."""
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        page.wait_for_timeout(100)
        changed, now = page.evaluate("() => [window.__mapChanged || 0, Date.now()]")
        if changed <= since_ms or now - changed < QUIET_SECONDS * 1000:
            continue
        signature = page.evaluate(SIGNATURE)
        if signature and not signature.startswith("0:") and signature != before:
            return (changed - since_ms) / 1000
    raise TimeoutError("the map was not redrawn in time")


def open_page(context, url: str):
    """A new tab on `url`: (the page, seconds from opening to the map drawn). The times the
    page sends a message to the server are kept in `requests[page]`."""
    page = context.new_page()
    requests[page] = []
    page.on("websocket", lambda socket: socket.on("framesent", lambda _: requests[page].append(time.perf_counter())))
    page.goto("about:blank")
    began = page.evaluate("() => Date.now()")
    page.goto(url)
    return page, _wait_drawn(page, began, None)


def timed_change(page, act) -> tuple[float, float]:
    """Seconds from `act()` (a reader's action) to the map redrawn, and to the page's request
    to the server (the widget's own wait before it asks for a rerun)."""
    before = page.evaluate(SIGNATURE)
    began = page.evaluate("() => { window.__mapChanged = 0; return Date.now(); }")
    pressed = time.perf_counter()
    act()
    drawn = _wait_drawn(page, began, before)
    asked = next((at - pressed for at in requests[page] if at > pressed), float("nan"))
    return drawn, asked


def move_upper_year(page, key: str = "ArrowLeft") -> None:
    page.get_by_role("slider").nth(1).focus()
    page.keyboard.press(key)


def remove_last_theme(page) -> None:
    """Backspace in the Themes box removes its last chosen theme, as a keyboard user would."""
    page.get_by_label("Themes").focus()
    page.keyboard.press("Backspace")


def server_cpu_seconds(pid: int) -> float:
    """CPU time (user + system) the process has used so far (Linux /proc)."""
    import os

    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure_page(browser, url: str, pid: int, changes: int = 5) -> dict:
    """On a freshly started server: first visit, warm opens, slider and theme changes.

    The page opens on 1922-1950 and the slider steps down from 1950, years in which every
    step changes the drawing (the camps' counts change each year; after 1956 few are known)."""
    url += "/?years=1922&years=1950"
    context = new_context(browser)
    first_page, first = open_page(context, url)
    first_page.close()
    warm_pages = [open_page(context, url) for _ in range(3)]
    for page, _ in warm_pages[:-1]:
        page.close()
    page = warm_pages[-1][0]
    cpu_before = server_cpu_seconds(pid)
    slider, slider_asked = zip(*(timed_change(page, lambda: move_upper_year(page)) for _ in range(changes)))
    cpu_slider = (server_cpu_seconds(pid) - cpu_before) / changes
    themes, themes_asked = zip(*(timed_change(page, lambda: remove_last_theme(page)) for _ in range(3)))
    context.close()
    return {
        "first visit s": first,
        "warm open s": statistics.median(seconds for _, seconds in warm_pages),
        "slider median s": statistics.median(slider),
        "slider max s": max(slider),
        "  of which before asking s": statistics.median(slider_asked),
        "theme median s": statistics.median(themes),
        "  of which before asking s ": statistics.median(themes_asked),
        "server CPU per change s": cpu_slider,
    }

"""Hostile and odd links, hostile data and servers side by side, in headless Chromium: values
from a link or a data file are shown as text, never make the page fetch from another host, a
notice says what the page actually did, and a second server leaves the first one's files."""

from __future__ import annotations

import json
import re
import socket
import urllib.request
from urllib.parse import urlencode

import pytest

from dashboard import assets

from conftest import SAMPLE
from test_browser import TILE_HOSTS, Reader, browser, sample_url, start_app  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser
HOSTILE = ":red[alert] $x$ ![x](http://any.host/p.png) [Verify](https://any.host/) <img src=http://any.host/i.png>"


@pytest.fixture(scope="module")
def hostile_data_server(tmp_path_factory):
    """The sample events with one broken feature whose id carries Markdown and a backtick."""
    document = json.loads(SAMPLE.read_text(encoding="utf-8"))
    broken = json.loads(json.dumps(document["features"][0]))
    broken["properties"]["id"] = f"x` {HOSTILE}"
    document["features"].append(broken)
    path = tmp_path_factory.mktemp("hostile") / "events.geojson"
    path.write_text(json.dumps(document), encoding="utf-8")
    process, url = start_app(path)
    yield url
    process.terminate()
    process.wait(timeout=10)


def open_page(browser, url: str) -> Reader:
    reader = Reader(browser, url)
    reader.page.wait_for_timeout(1500)
    return reader


def foreign_hosts(reader: Reader) -> set[str]:
    return {host for host in reader.hosts if not host.startswith("127.0.0.1") and not host.endswith(TILE_HOSTS)}


def links_and_images_to(reader: Reader, host: str) -> int:
    return reader.page.locator(f"a[href*='{host}'], img[src*='{host}']").count()


def test_markdown_in_every_link_value_is_shown_as_text(browser, sample_url):
    params = {name: HOSTILE for name in ("q", "themes", "event", "years", "view", "borders")}
    reader = open_page(browser, f"{sample_url}/?{urlencode(params)}")
    try:
        reader.wait_until(lambda: reader.page.get_by_text("From the link").count() >= 5)
        assert foreign_hosts(reader) == set()
        assert links_and_images_to(reader, "any.host") == 0
        notices = reader.page.get_by_text("From the link").all_inner_texts()
        assert any(":red[alert] $x$ ![x](http://any.host/p.p…" in notice for notice in notices), notices
        reader.screenshot("hostile-link.png")
    finally:
        reader.close()


def test_markdown_in_a_rejected_features_id_is_shown_as_text(browser, hostile_data_server):
    reader = open_page(browser, hostile_data_server)
    try:
        banner = reader.page.get_by_text("problem(s) in the events file")
        banner.wait_for(timeout=20_000)
        assert foreign_hosts(reader) == set()
        assert links_and_images_to(reader, "any.host") == 0
        assert "(got 'x` :red[alert] $x$ ![x](http://any.host/p.png)" in reader.page.locator("[data-testid='stAlert']").first.inner_text()
    finally:
        reader.close()


def test_backward_years_are_shown_turned_round_as_the_notice_says(browser, sample_url):
    reader = open_page(browser, f"{sample_url}/?years=1950&years=1930")
    try:
        reader.wait_until(lambda: "1930–1950" in reader.shown_text())
        assert re.search(r"runs backwards: showing 1930–1950", reader.page.get_by_text("From the link").inner_text())
    finally:
        reader.close()


def test_borders_given_twice_are_shown_as_the_notice_says(browser, sample_url):
    reader = open_page(browser, f"{sample_url}/?borders=true&borders=false")
    try:
        reader.page.get_by_text("borders shown").wait_for(timeout=20_000)
        assert reader.page.get_by_role("switch", name=re.compile("State borders")).is_checked()
    finally:
        reader.close()


def served_files(process) -> list[str]:
    """The published files a server records as its own."""
    record = assets.IN_USE / f"{socket.gethostname()}-{process.pid}"
    return record.read_text().split()


def test_a_second_server_of_the_same_checkout_leaves_the_first_ones_files(browser, tmp_path):
    document = json.loads(SAMPLE.read_text(encoding="utf-8"))
    document["features"] = document["features"][:3]  # another dataset: other labels and details
    other_events = tmp_path / "museum.geojson"
    other_events.write_text(json.dumps(document), encoding="utf-8")
    first, first_url = start_app(SAMPLE)
    second, second_url = start_app(other_events)
    try:
        open_page(browser, first_url).close()
        first_files = served_files(first)
        open_page(browser, second_url).close()
        assert set(served_files(second)) != set(first_files)
        for name in first_files:
            with urllib.request.urlopen(f"{first_url}/app/static/{name}", timeout=10) as response:
                assert response.status == 200, name
    finally:
        for process in (first, second):
            process.terminate()
            process.wait(timeout=10)


def test_a_shared_view_wins_over_the_selected_events_framing(browser, sample_url):
    reader = open_page(browser, f"{sample_url}/?event=battle-stalingrad&view=55.75,37.62,5")
    try:
        reader.page.get_by_text("Battle of Stalingrad").first.wait_for(timeout=20_000)
        reader.page.wait_for_timeout(1500)
        zoom, latitude, longitude = reader.map_view()
        assert zoom == 5  # not the battle's framing at Stalingrad; the centre within a few pixels
        assert abs(float(latitude) - 55.75) < 0.05 and abs(float(longitude) - 37.62) < 0.05
    finally:
        reader.close()

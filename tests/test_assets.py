"""Published files: several servers of one checkout must never delete each other's files."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from dashboard import assets


@pytest.fixture
def static(tmp_path, monkeypatch):
    """A static folder of its own, so that the test runs beside real servers."""
    monkeypatch.setattr(assets, "STATIC", tmp_path / "static")
    monkeypatch.setattr(assets, "IN_USE", tmp_path / "published")
    return tmp_path


def start_other_server(folder: Path, records: dict) -> tuple[subprocess.Popen, str]:
    """Another process publishes `records` as labels, prints the name and keeps running."""
    script = textwrap.dedent(
        f"""
        import sys, time
        from dashboard import assets
        from pathlib import Path
        assets.STATIC, assets.IN_USE = Path({str(folder / 'static')!r}), Path({str(folder / 'published')!r})
        print(assets.publish_json("labels", {records!r}).rsplit("/", 1)[1], flush=True)
        time.sleep(60)
        """
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    return process, process.stdout.readline().strip()


def test_a_second_server_keeps_the_first_ones_files(static):
    other, others_file = start_other_server(static, {"version": "museum dataset"})
    try:
        mine = assets.publish_json("labels", {"version": "atlas dataset"}).rsplit("/", 1)[1]
        assert mine != others_file
        assert (static / "static" / others_file).exists(), "the running server's file was deleted"
        assert (static / "static" / mine).exists()
    finally:
        other.kill()
        other.wait()
    assets.publish_json("labels", {"version": "atlas dataset"})
    assert not (static / "static" / others_file).exists(), "an ended server's file is kept for ever"


def test_a_new_version_replaces_this_servers_earlier_one(static):
    first = assets.publish_json("details", {"a": 1}).rsplit("/", 1)[1]
    second = assets.publish_json("details", {"a": 2}).rsplit("/", 1)[1]
    assert sorted(path.name for path in (static / "static").glob("details-*.json")) == [second]
    assert first != second


def test_published_file_holds_the_records_and_no_partial_file_is_left(static):
    url = assets.publish_json("details", {"id": "Соловки"})
    assert url.startswith(assets.FROM_MAP_FRAME)
    published = static / "static" / url.rsplit("/", 1)[1]
    assert published.read_text(encoding="utf-8") == '{"id":"Соловки"}'
    assert not list((static / "static").glob(".*partial"))

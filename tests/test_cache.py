"""What is derived from an events file is found again by its content, by another process too."""

import subprocess
import sys
import textwrap
from pathlib import Path

from dashboard import cache
from dashboard.events import load

from conftest import SAMPLE

REPO = Path(__file__).parents[1]


def count_calls(derive):
    calls = []

    def counted(path):
        calls.append(path)
        return derive(path)

    return counted, calls


def test_an_unchanged_file_is_derived_once_and_a_second_process_finds_it(tmp_path, monkeypatch, write_geojson):
    monkeypatch.setattr(cache, "FOLDER", tmp_path / "cache")
    events_file = write_geojson(SAMPLE.read_text(encoding="utf-8"))
    derive, calls = count_calls(lambda path: load(path).events["id"].tolist())
    first = cache.derived(events_file, derive)
    assert cache.derived(events_file, derive) == first and len(calls) == 1
    # another server process, started afresh: it reads the events back without checking the file
    program = textwrap.dedent(f"""
        from pathlib import Path
        from dashboard import cache
        def never(path):
            raise AssertionError("derived again")
        print(cache.derived(Path({str(events_file)!r}), never))
    """)
    env = {"ATLAS_CACHE": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", program], cwd=REPO, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(first)


def test_a_changed_file_is_derived_again(tmp_path, monkeypatch, write_geojson, sample_document):
    monkeypatch.setattr(cache, "FOLDER", tmp_path / "cache")
    events_file = write_geojson(sample_document)
    derive, calls = count_calls(lambda path: load(path).events["name"].tolist())
    assert "Battle of Stalingrad" in cache.derived(events_file, derive)
    sample_document["features"][0]["properties"]["name"] = "Renamed camp"
    write_geojson(sample_document)
    assert "Renamed camp" in cache.derived(events_file, derive)
    assert len(calls) == 2


def test_only_the_latest_entries_are_kept(tmp_path, monkeypatch, write_geojson):
    monkeypatch.setattr(cache, "FOLDER", tmp_path / "cache")
    for number in range(cache.KEPT + 2):
        cache.derived(write_geojson(f'"version {number}"', name=f"{number}.json"), lambda path: path.read_text())
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == cache.KEPT

"""Build `events.geojson` from the fact files: the one step from the sources to the atlas.

Each theme has one file, `facts/<theme>.yaml` (CONTRIBUTING.md says how to write one): the
hand-entered events with their geometry in a historian's terms, and, for the themes derived
from reference tables (the Gulag camps, the battles), the committed file the derivation wrote
(`derived: data/<theme>.geojson`), which the fact file may amend. The themes are joined in
file-name order, each event's properties in the order of the schema (`dashboard/schema.py`).
The result is checked as `python -m dashboard validate` checks it, and each problem is
reported at the file and line of the fact to fix; nothing is written while there is one.

    python scripts/build_events.py            # build and write events.geojson
    python scripts/build_events.py --check    # only say whether events.geojson is up to date
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dashboard.schema import AltName, Citation, EventProperties, Figure, FigureSource, Place  # noqa: E402
from dashboard.validation import Checked, Problem, check_document  # noqa: E402
from scripts import facts, shapes  # noqa: E402
from scripts.common import REPO, feature_collection_text, read_features  # noqa: E402

FACTS = REPO / "facts"
OUT = REPO / "events.geojson"
LANGUAGES = ("en", "ru", "uk")  # a description in English, with its translations beside it
BUILD_KEYS = ("geometry", "shares")  # keys of a fact entry that are not properties of the event
CHRONOLOGICAL = "chronological"  # a theme's order: by start (as written), then id

# The models of the schema's nested values, by the field that holds them.
NESTED = {EventProperties: {"alt_names": AltName, "place": Place, "figures": Figure, "sources": Citation},
          Figure: {"sources": FigureSource}}


@dataclass
class Built:
    """A feature and where it comes from: a fact entry (its values keep their lines), or a
    feature of a derived file."""

    feature: dict
    file: str
    line: int | None
    entry: facts.Mapping | None = None


def in_schema_order(value, model):
    """The value with the keys of its objects in the order the schema declares them (keys the
    schema lacks last, as they were, for the validator to report)."""
    if isinstance(value, list):
        return [in_schema_order(item, model) for item in value]
    if not isinstance(value, dict):
        return value
    fields, nested = list(model.model_fields), NESTED.get(model, {})
    keys = sorted(value, key=lambda key: fields.index(key) if key in fields else len(fields))
    return {key: in_schema_order(value[key], nested[key]) if key in nested else value[key] for key in keys}


def described(entry: facts.Mapping) -> dict:
    """`description`, the English text, and `translations` beside it where the fact file gives
    them (`ru:`, `uk:`)."""
    texts = entry.get("description")
    if not isinstance(texts, dict) or "en" not in texts:
        raise entry.error("description must give the English text as `en:` (translations beside it as `ru:`, `uk:`)",
                          "description")
    unknown = [language for language in texts if language not in LANGUAGES]
    if unknown:
        raise texts.error(f"{unknown[0]!r} is not one of the atlas's languages ({', '.join(LANGUAGES)})", unknown[0])
    translations = {language: {"description": text} for language, text in texts.items() if language != "en"}
    return {"description": texts["en"]} | ({"translations": translations} if translations else {})


def properties(entry: facts.Mapping, category: str) -> dict:
    if entry.get("category", category) != category:
        raise entry.error(f"category {entry['category']!r} in the file of {category!r}", "category")
    values = {key: value for key, value in entry.items() if key not in BUILD_KEYS}
    values["category"] = category
    if "description" in entry:
        values |= described(entry)
    return values


def event(entry: facts.Mapping, category: str) -> list[Built]:
    """The feature(s) of one hand-entered event (several for a deportation split by destination)."""
    if not isinstance(entry.get("id"), str) or "geometry" not in entry:
        raise entry.error("an event needs its `id` and its `geometry`")
    values = properties(entry, category)
    return [Built({"type": "Feature", "geometry": geometry, "properties": props}, entry.file, entry.line, entry)
            for geometry, props in shapes.features(entry, values)]


def derived(path: str, theme: facts.Mapping) -> list[Built]:
    """The features of a committed derived file; it holds one feature a line, from line 2."""
    full = REPO / path
    if not full.exists():
        raise theme.error(f"{path} does not exist", "derived")
    return [Built(feature, path, index + 2) for index, feature in enumerate(read_features(full))]


def amend(found: Built, entry: facts.Mapping) -> None:
    """Apply an amendment: the values it gives replace the derived ones, except its figures,
    which come before the derived figures, and its sources, added after the derived ones."""
    props = found.feature["properties"]
    for key, value in entry.items():
        if key == "amends":
            continue
        if key == "figures":
            props[key] = [*value, *props.get(key, [])]
        elif key == "sources":
            props[key] = [*props.get(key, []), *[source for source in value if source not in props.get(key, [])]]
        elif key == "description":
            props |= described(entry)
        else:
            props[key] = value
    found.entry = entry


def shown(path: Path) -> str:
    """How messages name a file: from the repository's root when it is inside."""
    return str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path)


def theme(path: Path) -> list[Built]:
    name = shown(path)
    content = facts.read(path, name)
    if not isinstance(content, dict) or "category" not in content:
        raise facts.FactError(name, None, "a theme file gives its `category` and its `events`")
    built = derived(content["derived"], content) if "derived" in content else []
    by_id = {item.feature["properties"]["id"]: item for item in built}
    events = content.get("events") or facts.Sequence()
    for index, entry in enumerate(events):
        if not isinstance(entry, dict):
            raise facts.FactError(name, events.line_of(index), "an event is a mapping of its properties")
        if "amends" in entry:
            if entry["amends"] not in by_id:
                raise entry.error(f"{entry['amends']!r} is not an event of {content.get('derived', 'a derived file')}",
                                  "amends")
            amend(by_id[entry["amends"]], entry)
        else:
            built += event(entry, content["category"])
    if content.get("order") == CHRONOLOGICAL:
        built.sort(key=lambda item: (item.feature["properties"]["start"], item.feature["properties"]["id"]))
    elif "order" in content:
        raise content.error(f"order can only be {CHRONOLOGICAL!r}", "order")
    return built


def build_all(folder: Path = FACTS) -> list[Built]:
    return [item for path in sorted(folder.glob("*.yaml")) for item in theme(path)]


def canonical(feature: dict) -> dict:
    """The feature as written to events.geojson: plain values, properties in schema order."""
    return {"type": "Feature", "geometry": facts.plain(feature["geometry"]),
            "properties": in_schema_order(facts.plain(feature["properties"]), EventProperties)}


def path_of(field: str) -> list:
    """'properties.figures[0].low' -> ['properties', 'figures', 0, 'low']."""
    return [int(part) if part.isdigit() else part for part in re.findall(r"[^.\[\]]+", field or "")]


def fact_line(item: Built, steps: list) -> int | None:
    """The line of the fact a problem's field comes from; None for a value of a derived file."""
    if item.entry is None:
        return None
    if steps[:1] == ["geometry"]:
        return item.entry.line_of("geometry") if "geometry" in item.entry else None
    props = item.feature["properties"]
    if steps[:1] != ["properties"] or len(steps) < 2 or steps[1] not in props:
        return item.entry.line
    key, value = steps[1], props[steps[1]]
    deep = facts.line_of_path(value, steps[2:])
    plain_container = isinstance(value, (dict, list)) and not isinstance(value, (facts.Mapping, facts.Sequence))
    return deep or (item.entry.line_of(key) if key in item.entry and not plain_container else None)


def locate(problem: Problem, built: list[Built]) -> Problem:
    """The problem said at the file and line of the fact (or derived feature) it comes from."""
    if problem.index is None:
        return problem
    item = built[problem.index]
    line = fact_line(item, path_of(problem.field))
    where = f"{item.entry.file}:{line}" if line else f"{item.file}:{item.line}"
    field = (problem.field or "").removeprefix("properties").lstrip(".")
    return Problem(where, ": ".join(part for part in (problem.feature_id, field, problem.message) if part))


def build_and_check(folder: Path = FACTS) -> tuple[list[dict], Checked]:
    """The events built from the theme files of `folder`, as written to events.geojson, and the
    validator's verdict on them, each problem at the file and line to fix (a fact that cannot
    be built at all is the one problem)."""
    try:
        built = build_all(folder)
    except facts.FactError as error:
        return [], Checked([], [Problem(error.where, error.message)])
    features = [canonical(item.feature) for item in built]
    checked = check_document({"type": "FeatureCollection", "features": features}, shown(OUT))
    return features, Checked(checked.features, [locate(problem, built) for problem in checked.problems])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only say whether events.geojson is up to date")
    args = parser.parse_args(argv)
    features, checked = build_and_check()
    for problem in checked.problems:
        print(problem, file=sys.stderr)
    if checked.problems:
        print(f"{len(checked.problems)} problem(s); events.geojson not written", file=sys.stderr)
        return 1
    text = feature_collection_text(features)
    if args.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print("events.geojson is not what the facts build: run python scripts/build_events.py", file=sys.stderr)
            return 1
        print(f"events.geojson: up to date ({len(features)} events)")
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"events.geojson: {len(features)} events from facts/*.yaml")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Reading `events.geojson` and checking every feature, collecting problems instead of raising.

One bad feature never hides the others: each problem names the file, the feature (index and
id) and the field, and the features that pass are kept. Whatever the file holds, checking it
ends in problems, never in an exception, and its cost is bounded by LARGEST_FILE.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError
from shapely import get_coordinates
from shapely.geometry import shape
from shapely.validation import explain_validity

from .bibliography import citations
from .categories import CATEGORIES
from .plain import shortened
from .schema import EventFeature

LARGEST_FILE = 200 * 2**20  # bytes; about 170 times the atlas's own events
LONGEST_QUOTED = 60  # characters of a value repeated in a problem


@dataclass(frozen=True)
class Problem:
    file: str
    message: str
    index: int | None = None  # position of the feature in the file's "features" list
    feature_id: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = [self.file]
        if self.index is not None:
            where.append(f"feature {self.index}" + (f" (id {quoted(self.feature_id)})" if self.feature_id else ""))
        if self.field:
            where.append(self.field)
        return f"{': '.join(where)}: {self.message}"


@dataclass(frozen=True)
class Checked:
    features: list[EventFeature]
    problems: list[Problem]


def quoted(value: object) -> str:
    """A value from the file, cut short, for a problem's text."""
    return repr(shortened(value, LONGEST_QUOTED)) if isinstance(value, str) else shortened(repr(value), LONGEST_QUOTED)


class _Object(dict):
    """A JSON object that remembers the keys it was given more than once."""

    duplicated: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, object]]) -> _Object:
    found = _Object(pairs)
    if len(found) < len(pairs):
        seen: set[str] = set()
        found.duplicated = tuple(key for key, _ in pairs if key in seen or seen.add(key))
    return found


def check_file(path: str | Path) -> Checked:
    """Read and check a GeoJSON file of events; never raises for bad data."""
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
        if size > LARGEST_FILE:
            return Checked([], [Problem(name, f"is {size / 2**20:.0f} MB, more than the {LARGEST_FILE // 2**20} MB the atlas reads")])
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return Checked([], [Problem(name, f"cannot be read: {error}")])
    if not text.strip():
        return Checked([], [Problem(name, "is empty; expected a GeoJSON FeatureCollection")])
    try:
        document = json.loads(text, object_pairs_hook=_object)
    except json.JSONDecodeError as error:
        return Checked([], [Problem(name, f"is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}")])
    except RecursionError:
        return Checked([], [Problem(name, "nests arrays or objects too deeply to be GeoJSON")])
    except ValueError as error:  # Python refuses integers of more than 4,300 digits
        return Checked([], [Problem(name, f"is not usable JSON: {shortened(str(error), 120)}")])
    return check_document(document, name)


def check_document(document: object, name: str) -> Checked:
    """Check an already parsed GeoJSON document."""
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        found = document.get("type") if isinstance(document, dict) else type(document).__name__
        return Checked([], [Problem(name, f"must be a GeoJSON FeatureCollection, found {found!r}")])
    if getattr(document, "duplicated", ()):
        return Checked([], [Problem(name, f"has the key {quoted(document.duplicated[0])} more than once")])
    raw_features = document.get("features")
    if not isinstance(raw_features, list):
        return Checked([], [Problem(name, "has no 'features' list", field="features")])

    features: list[EventFeature] = []
    problems: list[Problem] = []
    index_of_id: dict[str, int] = {}
    for index, raw in enumerate(raw_features):
        feature, feature_problems = _check_feature(raw, index, name)
        feature_id = _raw_id(raw)
        if feature_id in index_of_id:
            feature_problems.append(
                Problem(name, f"duplicates the id of feature {index_of_id[feature_id]}", index, feature_id, "properties.id")
            )
        elif feature_id is not None:
            index_of_id[feature_id] = index
        if feature_problems:
            problems.extend(feature_problems)
        else:
            features.append(feature)
    problems.extend(_unresolved_related(features, index_of_id, name))
    return Checked(features, problems)


def _raw_id(raw: object) -> str | None:
    if isinstance(raw, dict) and isinstance(raw.get("properties"), dict):
        value = raw["properties"].get("id")
        return value if isinstance(value, str) else None
    return None


def _check_feature(raw: object, index: int, name: str) -> tuple[EventFeature | None, list[Problem]]:
    feature_id = _raw_id(raw)

    def problem(message: str, field: str | None = None) -> Problem:
        return Problem(name, message, index, feature_id, field)

    if not isinstance(raw, dict):
        return None, [problem(f"must be a JSON object, found {type(raw).__name__}")]
    if raw.get("geometry") is None:
        return None, [problem("is missing its geometry", "geometry")]
    duplicated = [problem(f"has the key {quoted(key)} more than once (the last would silently win)", field)
                  for field, key in _duplicated_keys(raw)]
    try:
        feature = EventFeature.model_validate(raw, strict=True)
    except ValidationError as error:
        found = dict.fromkeys((_field(e["loc"]), _message(e)) for e in error.errors(include_url=False))
        return None, duplicated + [problem(message, field) for field, message in found]  # a geometry's union repeats some
    return feature, duplicated + [problem(message, field) for field, message in _semantic_problems(feature)]


def _duplicated_keys(value: object, field: str = "") -> list[tuple[str, str]]:
    """(field, key) for every object within `value` that was given a key twice. Coordinates,
    which hold no objects, are not walked: they may be a million positions."""
    if isinstance(value, dict):
        found = [(field or "feature", key) for key in getattr(value, "duplicated", ())]
        for key, item in value.items():
            if key != "coordinates":
                found += _duplicated_keys(item, f"{field}.{key}" if field else key)
        return found
    if isinstance(value, list):
        return [pair for i, item in enumerate(value) for pair in _duplicated_keys(item, f"{field}[{i}]")]
    return []


def _field(loc: tuple) -> str:
    """'properties.figures[0].low' from pydantic's location tuple, without model names."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts[-1:] = [f"{parts[-1]}[{part}]"] if parts else [f"[{part}]"]
        elif part[:1].isupper() or "[" in part:  # geojson-pydantic's union tags: "Point", "function-after[...]"
            continue
        else:
            parts.append(part)
    return ".".join(parts)


def _message(error: dict) -> str:
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "missing":
        return "is required"
    if error["type"] == "extra_forbidden":
        return "is not a field of the schema (misspelt?)"
    if error["type"] in ("literal_error", "string_pattern_mismatch", "string_too_long"):
        return f"{message} (got {quoted(error['input'])})"
    return message


def _semantic_problems(feature: EventFeature) -> list[tuple[str, str]]:
    """Geometry and source rules for one feature that the schema alone does not express."""
    props = feature.properties
    found: list[tuple[str, str]] = []
    category = CATEGORIES[props.category]
    if feature.geometry.type not in category.geometry_types:
        found.append(
            ("geometry.type", f"{feature.geometry.type} does not fit category {props.category!r} "
             f"(expected {' or '.join(category.geometry_types)})")
        )
    if props.id in props.related:
        found.append(("properties.related", "names the event itself"))
    geometry = shape(feature.geometry.model_dump())
    coordinates = get_coordinates(geometry)
    if geometry.is_empty:
        found.append(("geometry.coordinates", "is empty: the event would have no place on the map"))
    elif len(coordinates) and not ((abs(coordinates[:, 0]) <= 180).all() and (abs(coordinates[:, 1]) <= 90).all()):
        found.append(("geometry.coordinates", "has a position outside longitude -180..180 / latitude -90..90"))
    elif not geometry.is_valid:
        found.append(("geometry", f"is not a valid geometry: {explain_validity(geometry)}"))
    known = citations()
    cited = [(f"properties.sources[{i}].key", s.key) for i, s in enumerate(props.sources)]
    cited += [
        (f"properties.figures[{i}].sources[{j}].key", s.key)
        for i, figure in enumerate(props.figures)
        for j, s in enumerate(figure.sources)
    ]
    found += [(field, f"{key!r} is not in the bibliography") for field, key in cited if key not in known]
    return found + _figure_sources_unlisted(props)


def _figure_sources_unlisted(props) -> list[tuple[str, str]]:
    """A work that backs a figure must also be among the event's sources, the list a reader
    takes for everything the event says."""
    listed = {source.key for source in props.sources}
    return [
        (f"properties.figures[{i}].sources[{j}].key", f"{source.key!r} backs this figure but is not among the event's sources")
        for i, figure in enumerate(props.figures)
        for j, source in enumerate(figure.sources)
        if source.key not in listed
    ]


def _unresolved_related(features: list[EventFeature], index_of_id: dict[str, int], name: str) -> list[Problem]:
    return [
        Problem(name, f"{other!r} is not the id of any event in the file",
                index_of_id[feature.properties.id], feature.properties.id, f"properties.related[{i}]")
        for feature in features
        for i, other in enumerate(feature.properties.related)
        if other not in index_of_id
    ]

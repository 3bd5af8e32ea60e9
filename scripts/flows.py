"""Deportation flows: the `flows` of a fact drawn as lines between the regions' anchor towns.

A flow is a gently curved line from the anchor town of a region of origin to the anchor town
of a region of destination (`facts/geography/regions.yaml`), one for every origin and every
destination. An operation with several flows is one MultiLineString, unless the share of each
destination is known (`shares`): then it is one event per destination, carrying its share as
its first figure, all with the group `<id without deportation->`, and `{dest}` in its description
and each translation replaced by the destination's label in that language.

The anchor towns are checked against GeoNames and the modern country polygons by
`tests/test_data_deportations.py`. They stand for a region, not for the place where a convoy
started or ended: location_precision says "region" or "approximate".
"""

from __future__ import annotations

import re
from functools import cache

from scripts import facts
from scripts.common import REPO

REGIONS = REPO / "facts" / "geography" / "regions.yaml"
DESTINATION = "{dest}"  # in the description of a split operation: the destination of each part


@cache
def regions() -> facts.Mapping:
    return facts.read(REGIONS, str(REGIONS.relative_to(REPO)))


def arc(start: tuple[float, float], end: tuple[float, float], steps: int = 16, bend: float = 0.08) -> list[list[float]]:
    """A gentle quadratic curve from start to end (lon, lat), bowed towards the north (or the east,
    for a flow due north or south) so that flows sharing an end fan out; the ends are exact."""
    (x0, y0), (x1, y1) = start, end
    dx, dy = x1 - x0, y1 - y0
    # the normal (-dy, dx) points to the left of the direction of travel; turn it poleward
    nx, ny = -dy, dx
    if ny < 0 or (ny == 0 and nx < 0):
        nx, ny = -nx, -ny
    cx, cy = (x0 + x1) / 2 + nx * bend, (y0 + y1) / 2 + ny * bend
    points = []
    for i in range(steps + 1):
        t = i / steps
        x = (1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t**2 * x1
        y = (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t**2 * y1
        points.append([round(x, 4), round(y, 4)])
    return points


def anchor(key: str) -> tuple[float, float]:
    town = regions()[key]["anchor"]
    return town["lon"], town["lat"]


def line(origin: str, destination: str) -> list[list[float]]:
    return arc(anchor(origin), anchor(destination))


def join(labels: list[str]) -> str:
    unique = list(dict.fromkeys(labels))
    return unique[0] if len(unique) == 1 else ", ".join(unique[:-1]) + " and " + unique[-1]


def labels(key: str) -> dict[str, str]:
    """A region's label by language: `label` is the English text, or the text in each language."""
    given = regions()[key]["label"]
    return dict(given) if isinstance(given, dict) else {"en": given}


def label(key: str, language: str = "en") -> str:
    texts = labels(key)
    if language not in texts:
        raise regions()[key].error(f"{key} has no label in {language!r} (`label: {{en: ..., {language}: ...}}`)", "label")
    return texts[language].removeprefix("the ")


def place(legs: list[tuple[str, str]]) -> dict:
    """'Origin → Destination', with the countries of the anchor towns."""
    origins, destinations = [leg[0] for leg in legs], [leg[1] for leg in legs]
    name = f"{join([label(key) for key in origins])} → {join([label(key) for key in destinations])}"
    countries = list(dict.fromkeys(regions()[key]["anchor"]["country"] for key in origins + destinations))
    return {"name": name[0].upper() + name[1:], "countries": countries}


def share_id(operation_id: str, destination: str) -> str:
    return f"{operation_id}-{'-'.join(re.findall(r'[a-z0-9]+', label(destination).lower()))}"


def legs(spec: facts.Mapping) -> list[tuple[str, str]]:
    """(origin, destination) of every flow: each origin to each destination, in order."""
    for end in ("from", "to"):
        if not isinstance(spec.get(end), list) or not spec[end]:
            raise spec.error(f"flows need `{end}`: a list of region keys", end)
        unknown = [key for key in spec[end] if key not in regions()]
        if unknown:
            raise spec.error(f"{unknown[0]!r} is not a region of {REGIONS.relative_to(REPO)}", end)
    return [(origin, destination) for origin in spec["from"] for destination in spec["to"]]


def parts(event_id: str, spec: facts.Mapping, shares: facts.Mapping | None) -> list[tuple[str, list[tuple[str, str]]]]:
    """(feature id, legs) of each feature an operation is drawn as."""
    flows = legs(spec)
    if shares is None:
        return [(event_id, flows)]
    if list(shares) != list(spec["to"]) or len(spec["from"]) != 1:
        raise shares.error("shares give one figure for each destination of `to`, in its order, from one origin")
    return [(share_id(event_id, destination), [(origin, destination)]) for origin, destination in flows]


def texts(properties: dict) -> dict[str, str]:
    """The description by language: the English and its translations."""
    translated = {language: text["description"] for language, text in properties.get("translations", {}).items()}
    return {"en": properties.get("description", "")} | translated


def to_destination(properties: dict, destination: str) -> dict:
    """The description and its translations with {dest} replaced by the destination's label in each
    language."""
    placed = {language: text.replace(DESTINATION, label(destination, language))
              for language, text in texts(properties).items()}
    translations = {language: {"description": text} for language, text in placed.items() if language != "en"}
    return {"description": placed["en"]} | ({"translations": translations} if translations else {})


def features(spec: facts.Mapping, properties: dict, shares: facts.Mapping | None) -> list[tuple[dict, dict]]:
    """(geometry, properties) of the feature(s) of an operation."""
    if any((DESTINATION in text) != (shares is not None) for text in texts(properties).values()):
        raise spec.error(f"a description and each of its translations have {DESTINATION} (the destination) exactly "
                         "when the operation is split by shares")
    if shares is not None and "group" in properties:
        raise shares.error("the parts of an operation split by destination are grouped by its id: give no group")
    out = []
    for feature_id, flows in parts(properties["id"], spec, shares):
        if len(flows) == 1:
            geometry = {"type": "LineString", "coordinates": line(*flows[0])}
        else:
            geometry = {"type": "MultiLineString", "coordinates": [line(*leg) for leg in flows]}
        props = {**properties, "place": place(flows)}
        if shares is not None:
            destination = flows[0][1]
            props |= {
                "id": feature_id,
                "name": f"{properties['name']}: to {label(destination)}",
                **to_destination(properties, destination),
                "figures": [shares[destination], *properties.get("figures", [])],
                "group": properties["id"].removeprefix("deportation-"),
            }
        out.append((geometry, props))
    return out

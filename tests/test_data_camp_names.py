"""The camps are found by the short names people know them by (Karlag, Карлаг, SLON, Solovki).

The short names are facts of `facts/reference/gulag_camps.yaml` (`short_names`, from the museum's
map database); scripts/derive_gulag_camps.py gives them, in Cyrillic and transliterated, to every
location of the camp. These tests search the built events, as the atlas's search box does.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from dashboard.search import build_index, search  # noqa: E402
from scripts.derive_gulag_camps import corrections, transliterate  # noqa: E402

# The names of the issue, Latin and Cyrillic, and the camps (groups) that bear them.
KNOWN = {
    ("Karlag", "Карлаг"): {"camp-195"},  # Karagandinsky ITL
    ("Sevvostlag", "Севвостлаг"): {"camp-7"},  # the Northeastern camps (Dalstroi)
    ("Dallag", "Дальлаг"): {"camp-2", "camp-137"},  # the Far Eastern ITL and the Dalny special camp
    ("Belbaltlag", "Белбалтлаг"): {"camp-9", "camp-54"},
    ("SLON", "СЛОН"): {"camp-12"},  # the Solovetsky camp
    ("Vorkutlag", "Воркутлаг"): {"camp-111"},
    ("Steplag", "Степлаг"): {"camp-287"},
    ("Ozerlag", "Озерлаг"): {"camp-103"},
    ("Minlag", "Минлаг"): {"camp-219"},
    ("Rechlag", "Речлаг"): {"camp-324"},
    ("Berlag", "Берлаг"): {"camp-60"},
    ("Dubravlag", "Дубравлаг"): {"camp-156"},
    ("Kraslag", "Краслаг"): {"camp-469"},
    ("Usollag", "Усольлаг"): {"camp-120"},
    ("Sevurallag", "Севураллаг"): {"camp-238"},
    ("Ukhtpechlag", "Ухтпечлаг"): {"camp-15"},
    ("Temlag", "Темлаг"): {"camp-73"},
    ("Siblag", "Сиблаг"): {"camp-242"},
    ("Norillag", "Норильлаг"): {"camp-251"},
    ("Pechorlag", "Печорлаг"): {"camp-8", "camp-229"},
    ("Intlag", "Интлаг"): {"camp-175"},
    ("ALZHIR", "АЛЖИР"): {"camp-457"},  # the Akmolinsk camp for wives of traitors to the motherland
}


@pytest.fixture(scope="module")
def index(real):
    return build_index(real)


def camps(real) -> dict[str, list]:
    """group -> the properties of each location of the camp."""
    by_group = defaultdict(list)
    for props in real.loc[real["category"] == "gulag", "properties"]:
        by_group[props.group].append(props)
    return by_group


@pytest.mark.parametrize("names, groups", KNOWN.items(), ids=[latin for latin, _ in KNOWN])
def test_a_short_name_finds_every_location_of_its_camps_and_no_other_camp(real, index, names, groups):
    locations = {props.id for group in groups for props in camps(real)[group]}
    for query in names + (names[0].lower(), names[1].upper()):
        found = search(real, query, limit=len(real), index=index)
        exact = found[found["match"] == "exact"]  # first in the list; may hold e.g. the Norilsk combine too
        assert set(exact.loc[exact["category"] == "gulag", "id"]) == locations, query
        assert locations <= set(found["id"].iloc[: len(exact)]), query


@pytest.mark.parametrize("query", ["Solovki", "Соловки", "SLON", "СЛОН", "Solovetsky", "Соловецкий"])
def test_the_solovetsky_camp_by_the_names_it_is_known_by(real, index, query):
    found = set(search(real, query, limit=len(real), index=index)["id"])
    solovki = {props.id for props in camps(real)["camp-12"]}
    assert len(solovki) > 1 and solovki <= found


def test_every_location_of_a_camp_has_the_camps_names(real):
    for group, locations in camps(real).items():
        names = {tuple((alt.name, alt.lang) for alt in props.alt_names) for props in locations}
        assert len(names) == 1, group


def test_each_short_name_is_given_in_cyrillic_and_latin_letters_with_the_camps_sources(real):
    by_group = camps(real)
    short_names = corrections()["short_names"]
    for camp_id, names in short_names.items():
        for name in names:
            assert re.fullmatch(r"[А-ЯЁа-яё]+(-[А-ЯЁа-яё]+)?", name), f"{camp_id}: {name!r} is not all Cyrillic letters"
        for props in by_group.get(f"camp-{camp_id}", []):  # a camp without a placeable location has none
            alt = {(a.name, a.lang) for a in props.alt_names}
            for name in names:
                assert (name, "ru") in alt, (props.id, name)
                latin = transliterate(name)  # left out where it is the English name (Donlag)
                assert (latin, "ru-Latn") in alt or latin.casefold() == props.name.casefold(), (props.id, latin)
            assert {"smirnov1998", "gulagmuseum-map"} <= {source.key for source in props.sources}, props.id
    unplaced = [key for key in short_names if f"camp-{key}" not in by_group]
    assert unplaced == [451], unplaced  # its only location is left out (unplaceable location 613)


def test_only_the_camps_given_a_short_name_have_one(real):
    with_short = {f"camp-{camp_id}" for camp_id in corrections()["short_names"]}
    for group, locations in camps(real).items():
        more_than_the_russian_name = len(locations[0].alt_names) > 1
        assert more_than_the_russian_name == (group in with_short), group

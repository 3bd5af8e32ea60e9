"""The one build step: `events.geojson` is exactly what the fact files (`facts/*.yaml`) and the
committed derived files build, and a mistake in a fact file is reported at its file and line.

Nothing here needs ../shared/reference, except the tests that derive the areas again, which
skip without it.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from data_files import EVENTS, FACTS

from scripts import facts
from scripts.build_events import build_and_check
from scripts.common import REFERENCE, feature_collection_text

needs_reference = pytest.mark.skipif(not (REFERENCE / "borders").exists(), reason="reference data not available")


@pytest.fixture
def facts_copy(tmp_path) -> Path:
    """A copy of the fact files (the themes) to break."""
    for path in FACTS.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def line_of(path: Path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_events_geojson_is_byte_for_byte_what_the_facts_build():
    """Run `python scripts/build_events.py` after editing a fact file."""
    features, checked = build_and_check()
    assert [str(problem) for problem in checked.problems] == []
    assert feature_collection_text(features) == EVENTS.read_text(encoding="utf-8")


def test_every_theme_has_one_fact_file_and_the_build_writes_all_of_them():
    categories = {facts.read(path)["category"] for path in FACTS.glob("*.yaml")}
    built = {feature["properties"]["category"] for feature in json.loads(EVENTS.read_text(encoding="utf-8"))["features"]}
    assert categories == built
    assert len(categories) == len(list(FACTS.glob("*.yaml")))


def test_a_wrong_value_is_reported_at_its_file_and_line(facts_copy):
    terror = facts_copy / "terror.yaml"
    terror.write_text(terror.read_text(encoding="utf-8").replace("low: 21857", 'low: "21857"', 1), encoding="utf-8")
    features, checked = build_and_check(facts_copy)
    line = line_of(terror, 'low: "21857"')
    assert [str(problem) for problem in checked.problems] == [
        f"{terror}:{line}: terror-katyn-decision-1940: figures[0].low: Input should be a valid integer"]


def test_an_unknown_region_of_a_flow_stops_the_build_at_its_line(facts_copy):
    deportations = facts_copy / "deportations.yaml"
    text = deportations.read_text(encoding="utf-8").replace("from: [far-east]", "from: [far-eats]", 1)
    deportations.write_text(text, encoding="utf-8")
    features, checked = build_and_check(facts_copy)
    assert features == []
    [problem] = checked.problems
    assert str(problem).startswith(f"{deportations}:{line_of(deportations, 'far-eats')}: ")
    assert "'far-eats' is not a region of facts/geography/regions.yaml" in str(problem)


def test_a_key_given_twice_is_an_error_not_the_last_one_silently(tmp_path):
    path = tmp_path / "twice.yaml"
    path.write_text("id: a\nname: First\nname: Second\n", encoding="utf-8")
    with pytest.raises(facts.FactError, match=r"twice.yaml:3: 'name' is given twice \(first on line 2\)"):
        facts.read(path)


def test_dates_country_codes_and_yes_stay_text(tmp_path):
    path = tmp_path / "types.yaml"
    path.write_text("start: 1941-06-14\ncountries: [NO, RU]\nname: yes\nflag: true\n", encoding="utf-8")
    assert facts.plain(facts.read(path)) == {"start": "1941-06-14", "countries": ["NO", "RU"], "name": "yes", "flag": True}


def test_translations_stand_beside_the_english_and_are_built_beside_it(facts_copy):
    politics = facts_copy / "politics.yaml"
    text = politics.read_text(encoding="utf-8")
    english = "      en: >-\n"
    assert english in text
    translation = "Переклад опису українською мовою."
    ukrainian = re.search(r"      uk: >-\n(?:        .*\n)+", text)  # the first event's, replaced
    politics.write_text(f"{text[:ukrainian.start()]}      uk: {translation}\n{text[ukrainian.end():]}", encoding="utf-8")
    features, checked = build_and_check(facts_copy)
    assert checked.problems == []
    built = {feature["properties"]["id"]: feature["properties"] for feature in features}
    committed = {feature["properties"]["id"]: feature["properties"]
                 for feature in json.loads(EVENTS.read_text(encoding="utf-8"))["features"]}
    [translated] = [key for key in built if built[key].get("translations") != committed[key].get("translations")]
    assert built[translated]["translations"]["uk"] == {"description": translation}
    assert built[translated]["description"] == committed[translated]["description"]
    politics.write_text(text.replace(english, "      xx: Texte.\n" + english, 1), encoding="utf-8")
    [problem] = build_and_check(facts_copy)[1].problems
    assert str(problem).startswith(f"{politics}:{line_of(politics, 'xx: Texte.')}: 'xx' is not one of the atlas's languages")


def test_an_amendment_is_reported_in_the_fact_file_and_a_derived_value_in_the_derived_file(tmp_path):
    camps = [feature for feature in json.loads(EVENTS.read_text(encoding="utf-8"))["features"]
             if feature["properties"]["category"] == "gulag"][:2]
    camps[1]["properties"]["date_precision"] = "decade"  # a bad value in the derived file
    derived = tmp_path / "camps.geojson"
    derived.write_text(feature_collection_text(camps), encoding="utf-8")
    theme = tmp_path / "gulag_camps.yaml"
    theme.write_text(f"category: gulag\nderived: {derived}\nevents:\n"
                     f"  - amends: {camps[0]['properties']['id']}\n    outcome: ''\n", encoding="utf-8")
    _, checked = build_and_check(tmp_path)
    problems = sorted(str(problem) for problem in checked.problems)
    assert len(problems) == 2
    assert problems[0].startswith(f"{derived}:3: {camps[1]['properties']['id']}: date_precision: ")
    assert problems[1].startswith(f"{theme}:5: {camps[0]['properties']['id']}: outcome: ")


@needs_reference
def test_the_committed_areas_are_what_their_script_draws():
    from scripts.derive_areas import OUT, features

    assert json.loads(OUT.read_text(encoding="utf-8"))["features"] == json.loads(json.dumps(features()))


@needs_reference
def test_the_committed_battles_are_what_their_script_derives():
    from scripts.derive_battles import OUT, build

    assert json.loads(OUT.read_text(encoding="utf-8"))["features"] == build()


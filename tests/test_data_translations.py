"""The Russian and Ukrainian translations of the hand-written descriptions (`ru:` and `uk:`
beside `en:` in the fact files), as built into `events.geojson`, and the regions' labels in
each language that replace `{dest}` in the translations of a deportation split by destination.

A translation says the same as the English: every number of the English is in it (written
with the language's thousands separator, a space, where the English has a comma), and it is
written in its own alphabet. The letters checked are those only one of the two languages
has (Russian ы э ъ ё, Ukrainian і ї є ґ): a correct text never has the other language's, even
in a name, which each language spells in its own letters.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter

import pytest
from data_files import FACTS, fact_events
from data_files import features as features_of

from dashboard.categories import CATEGORIES
from scripts import facts, flows
from scripts.build_events import build_and_check

# The fact files whose descriptions are translated, all of them.
TRANSLATED_THEMES = ("terror", "deportations", "famines", "terror_abroad")
LANGUAGES = ("ru", "uk")
ONLY_IN = {"ru": set("ыэъё"), "uk": set("іїєґ")}
OTHER = {"ru": "uk", "uk": "ru"}
THOUSANDS = re.compile(r"(?<=\d)[,\u00a0\u202f ](?=\d{3}(?!\d))")  # 478,479 and 478 479 alike


def translated_features() -> list[dict]:
    categories = [facts.read(FACTS / f"{theme}.yaml")["category"] for theme in TRANSLATED_THEMES]
    return features_of(*categories)


def numbers(text: str) -> Counter:
    return Counter(re.findall(r"\d+", THOUSANDS.sub("", text)))


def letters(text: str, pattern: str) -> int:
    return len(re.findall(pattern, text))


def test_the_themes_translated_have_events():
    assert len(translated_features()) >= 100


@pytest.mark.parametrize("feature", translated_features(), ids=lambda feature: feature["properties"]["id"])
def test_each_description_is_in_russian_and_ukrainian_with_every_number(feature):
    props = feature["properties"]
    assert set(props.get("translations", {})) == set(LANGUAGES)
    for language in LANGUAGES:
        text = props["translations"][language]["description"]
        assert numbers(text) == numbers(props["description"]), language
        assert letters(text, "[А-Яа-яЁёІіЇїЄєҐґ]") > 10 * letters(text, "[A-Za-z]"), language
        assert not ONLY_IN[OTHER[language]] & set(text.lower()), f"{language} has letters of {OTHER[language]}"
    assert props["translations"]["ru"]["description"] != props["translations"]["uk"]["description"]


def test_no_translation_keeps_the_destination_placeholder():
    for feature in features_of(*CATEGORIES):
        for language, text in feature["properties"].get("translations", {}).items():
            assert flows.DESTINATION not in text["description"], (feature["properties"]["id"], language)


def test_each_part_of_a_split_deportation_names_its_destination_in_each_language():
    parts = {feature_id: legs for operation in fact_events("deportations") if "shares" in operation
             for feature_id, legs in flows.parts(operation["id"], operation["geometry"]["flows"], operation["shares"])}
    built = {feature["properties"]["id"]: feature["properties"] for feature in features_of("deportation")}
    assert len(parts) >= 8
    for feature_id, [(_, destination)] in parts.items():
        for language in LANGUAGES:
            text = built[feature_id]["translations"][language]["description"]
            assert text.endswith(f"{flows.label(destination, language)}."), (feature_id, language)


def test_a_region_label_is_english_text_or_given_in_each_language():
    assert flows.label("omsk") == "Omsk region"
    assert flows.label("omsk", "ru") == "Омская область"
    assert flows.label("altai", "uk") == "Алтайський край"
    assert flows.label("crimea") == "Crimea"
    with pytest.raises(facts.FactError, match=r"regions\.yaml:\d+: crimea has no label in 'uk'"):
        flows.label("crimea", "uk")


def test_a_split_deportation_whose_translation_lacks_the_destination_is_reported(tmp_path):
    for path in FACTS.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    deportations = tmp_path / "deportations.yaml"
    text = deportations.read_text(encoding="utf-8")
    ukrainian = "місце призначення якої — {dest}."
    assert ukrainian in text
    deportations.write_text(text.replace(ukrainian, "місце призначення якої — Казахстан.", 1), encoding="utf-8")
    [problem] = build_and_check(tmp_path)[1].problems
    assert str(problem).startswith(f"{deportations}:")
    assert "a description and each of its translations have {dest}" in str(problem)

"""The Russian and Ukrainian translations of the hand-written descriptions (`ru:` and `uk:`
beside `en:` in the fact files), as built into `events.geojson`, and the regions' labels in
each language that replace `{dest}` in the translations of a deportation split by destination.

A translation says the same as the English: every number written in digits in the English is
in it (with the language's thousands separator, a space, where the English has a comma), and
it is written in its own alphabet. The letters checked are those only one of the two languages
has (Russian ы э ъ ё, Ukrainian і ї є ґ): a correct text never has the other language's, even
in a name, which each language spells in its own letters.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter

import pytest
from data_files import FACTS, fact_events, features

from dashboard.categories import CATEGORIES
from scripts import facts, flows
from scripts.build_events import build_and_check

THEMES = sorted(path.stem for path in FACTS.glob("*.yaml") if "events" in facts.read(path))
LANGUAGES = ("ru", "uk")
ONLY_IN = {"ru": "ыэъё", "uk": "іїєґ"}
OTHER = {"ru": "uk", "uk": "ru"}
# A group of three digits after a space or comma continues the number before it: "180,040"
# in English, "180 040" (often with a no-break space) in Russian and Ukrainian.
THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:[ ,\u00a0\u202f]\d{3})+(?!\d)")
LETTERS = re.compile(r"[^\W\d_]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def hand_written() -> set[str]:
    """The ids of the built events whose description is written in a fact file: an event, an
    amendment of a derived one, or each part of a deportation split by destination."""
    ids: set[str] = set()
    for theme in THEMES:
        for entry in fact_events(theme):
            if "description" not in entry:
                continue
            if "shares" in entry:
                ids |= {part for part, _ in flows.parts(entry["id"], entry["geometry"]["flows"], entry["shares"])}
            else:
                ids.add(entry.get("id") or entry["amends"])
    return ids


BUILT = {feature["properties"]["id"]: feature["properties"] for feature in features(*CATEGORIES)}
HAND_WRITTEN = sorted(hand_written())


def translation(event_id: str, language: str) -> str:
    return BUILT[event_id].get("translations", {}).get(language, {}).get("description", "")


def numbers(text: str) -> Counter:
    """The numbers written in digits in a text, each as often as it occurs."""
    joined = THOUSANDS.sub(lambda match: re.sub(r"\D", "", match.group()), text)
    return Counter(re.findall(r"\d+", joined))


def letters(text: str, alphabet: str) -> int:
    return sum(text.lower().count(letter) for letter in alphabet)


def test_every_theme_with_hand_written_descriptions_is_built():
    assert len(HAND_WRITTEN) >= 200
    assert set(HAND_WRITTEN) <= set(BUILT)


def test_numbers_are_compared_without_thousands_separators_and_a_changed_one_is_seen():
    english = "180,040 people were shot in 1937-1938, 3 of them on 5 August"
    russian = "180 040 человек расстреляли в 1937–1938 годах, 3 из них 5 августа"
    assert numbers(english) == numbers(russian)
    assert numbers(english) == numbers("180\u00a0040 осіб розстріляли в 1937–1938 роках, 3 з них 5 серпня")
    assert numbers(english) != numbers(russian.replace("180 040", "18 040"))
    assert numbers(english) != numbers(russian.replace(" 5 августа", ""))


@pytest.mark.parametrize("event_id", HAND_WRITTEN)
def test_a_description_has_a_russian_and_a_ukrainian_translation_with_every_number(event_id):
    assert set(BUILT[event_id].get("translations", {})) == set(LANGUAGES)
    assert translation(event_id, "ru") != translation(event_id, "uk")
    for language in LANGUAGES:
        assert numbers(translation(event_id, language)) == numbers(BUILT[event_id]["description"]), language


@pytest.mark.parametrize("event_id", HAND_WRITTEN)
def test_a_translation_is_written_in_cyrillic_and_in_its_own_alphabet(event_id):
    """Latin letters stay only in names such as CShapes or Ford Motor Company."""
    for language in LANGUAGES:
        text = translation(event_id, language)
        assert len(CYRILLIC.findall(text)) >= 0.8 * len(LETTERS.findall(text)), language
        assert letters(text, ONLY_IN[OTHER[language]]) == 0, f"{language} has letters of {OTHER[language]}"


def test_the_ukrainian_texts_are_written_with_the_ukrainian_letters():
    """Across all the texts, і, ї and є, which Russian lacks, are some 8 in 100 Cyrillic letters
    of the Ukrainian ones, and ы, э, ъ and ё some 2 in 100 of the Russian ones: Russian texts
    put under `uk` in numbers, or the two languages swapped, bring the shares down."""
    ukrainian = " ".join(translation(event_id, "uk") for event_id in HAND_WRITTEN)
    russian = " ".join(translation(event_id, "ru") for event_id in HAND_WRITTEN)
    assert letters(ukrainian, ONLY_IN["uk"]) >= 0.05 * len(CYRILLIC.findall(ukrainian))
    assert letters(russian, ONLY_IN["ru"]) >= 0.01 * len(CYRILLIC.findall(russian))


def test_no_translation_keeps_the_destination_placeholder():
    for feature_id, props in BUILT.items():
        for language, text in props.get("translations", {}).items():
            assert flows.DESTINATION not in text["description"], (feature_id, language)


def test_each_part_of_a_split_deportation_names_its_destination_in_each_language():
    parts = {feature_id: legs for operation in fact_events("deportations") if "shares" in operation
             for feature_id, legs in flows.parts(operation["id"], operation["geometry"]["flows"], operation["shares"])}
    assert len(parts) >= 8
    for feature_id, [(_, destination)] in parts.items():
        for language in LANGUAGES:
            assert translation(feature_id, language).endswith(f"{flows.label(destination, language)}."), (feature_id, language)


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

"""The Russian and Ukrainian descriptions of the battles, the Soviet bloc, the construction
projects, politics and resistance (`ru:` and `uk:` beside `en:` in `facts/<theme>.yaml`), as
built into `events.geojson`: every description written by hand in English has both, each
keeps every number of the English, and each is written in its own language."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from data_files import fact_events, features

THEMES = ("battles", "bloc_expansion", "construction", "politics", "resistance")
CATEGORIES = ("battle", "bloc_expansion", "construction", "politics", "resistance")
LANGUAGES = ("ru", "uk")
# A group of three digits after a space or comma continues the number before it: "180,040"
# in English, "180 040" (often with a no-break space) in Russian and Ukrainian.
THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:[ ,\u00a0\u202f]\d{3})+(?!\d)")
LETTERS = re.compile(r"[^\W\d_]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
ONLY_UKRAINIAN = "іїєґ"  # letters of Ukrainian that Russian does not have
ONLY_RUSSIAN = "ыэъё"  # letters of Russian that Ukrainian does not have


def hand_written() -> dict[str, str]:
    """The English descriptions written in the fact files, by event id (an entry that amends a
    derived battle gives its description too)."""
    return {entry.get("id") or entry["amends"]: entry["description"]["en"]
            for theme in THEMES for entry in fact_events(theme) if "description" in entry}


HAND_WRITTEN = hand_written()
BUILT = {feature["properties"]["id"]: feature["properties"] for feature in features(*CATEGORIES)}


def translation(event_id: str, language: str) -> str:
    return BUILT[event_id].get("translations", {}).get(language, {}).get("description", "")


def numbers(text: str) -> Counter:
    """The numbers written in digits in a text, each as often as it occurs."""
    joined = THOUSANDS.sub(lambda match: re.sub(r"\D", "", match.group()), text)
    return Counter(re.findall(r"\d+", joined))


def letters(text: str, alphabet: str) -> int:
    return sum(text.lower().count(letter) for letter in alphabet)


def test_each_theme_has_hand_written_descriptions_and_all_are_built():
    for theme in THEMES:
        assert any("description" in entry for entry in fact_events(theme)), theme
    assert set(HAND_WRITTEN) <= set(BUILT)


def test_numbers_are_compared_without_thousands_separators_and_a_changed_one_is_seen():
    english = "180,040 people were shot in 1937-1938, 3 of them on 5 August"
    russian = "180 040 человек расстреляли в 1937–1938 годах, 3 из них 5 августа"
    assert numbers(english) == numbers(russian)
    assert numbers(english) == numbers("180\u00a0040 осіб розстріляли в 1937–1938 роках, 3 з них 5 серпня")
    assert numbers(english) != numbers(russian.replace("180 040", "18 040"))
    assert numbers(english) != numbers(russian.replace(" 5 августа", ""))


@pytest.mark.parametrize("event_id", sorted(HAND_WRITTEN))
def test_a_hand_written_description_has_a_russian_and_a_ukrainian_translation(event_id):
    assert BUILT[event_id]["description"] == HAND_WRITTEN[event_id]
    assert set(BUILT[event_id].get("translations", {})) == set(LANGUAGES)
    assert translation(event_id, "ru") != translation(event_id, "uk")


@pytest.mark.parametrize("event_id", sorted(HAND_WRITTEN))
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_translation_keeps_every_number_of_the_english(event_id, language):
    assert numbers(translation(event_id, language)) == numbers(HAND_WRITTEN[event_id])


@pytest.mark.parametrize("event_id", sorted(HAND_WRITTEN))
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_translation_is_written_in_cyrillic(event_id, language):
    """Latin letters stay only in names such as CShapes or Ford Motor Company."""
    text = translation(event_id, language)
    assert len(CYRILLIC.findall(text)) >= 0.8 * len(LETTERS.findall(text))


@pytest.mark.parametrize("event_id", sorted(HAND_WRITTEN))
def test_the_russian_and_ukrainian_texts_use_only_their_own_alphabet(event_id):
    """A correct Russian text has no і, ї, є or ґ, a correct Ukrainian one no ы, э, ъ or ё; a
    Russian text put under `uk` has one of these in all but the shortest cases."""
    assert letters(translation(event_id, "ru"), ONLY_UKRAINIAN) == 0
    assert letters(translation(event_id, "uk"), ONLY_RUSSIAN) == 0


def test_the_ukrainian_texts_are_written_with_the_ukrainian_letters():
    """Across all the texts, і, ї and є, which Russian lacks, are some 8 in 100 Cyrillic letters
    of the Ukrainian ones, and ы, э, ъ and ё some 2 in 100 of the Russian ones: Russian texts
    put under `uk` in numbers, or the two languages swapped, bring the shares down."""
    ukrainian = " ".join(translation(event_id, "uk") for event_id in HAND_WRITTEN)
    russian = " ".join(translation(event_id, "ru") for event_id in HAND_WRITTEN)
    assert letters(ukrainian, ONLY_UKRAINIAN) >= 0.05 * len(CYRILLIC.findall(ukrainian))
    assert letters(russian, ONLY_RUSSIAN) >= 0.01 * len(CYRILLIC.findall(russian))

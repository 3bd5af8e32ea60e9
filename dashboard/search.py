"""Find events by name, in Latin or Cyrillic script: the English name, every other name, and
the place the event is at (`Vorkuta` finds the camps at Vorkuta, after the events named so).

Matching ignores case and diacritics (`Łódź` = `lodz`, `ё` = `е`) and punctuation
(`Nizhne-Indigirsky` = `nizhne indigirsky`). A Latin query also finds Cyrillic names, and a
Cyrillic query Latin names, through a simple romanisation (`romanise`) and a spelling
"skeleton" that makes the usual ways of writing Russian and Ukrainian in Latin letters
agree: `Visherskiy`, `Vishersky`, `Višerskij` and `Вишерский` all find the Vishersky camp.

Build the index once per dataset (`build_index`), then `search` is a scan of short strings
(a few milliseconds on 10,000 events). Pure functions; nothing here knows about Streamlit.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

# How well a name matches, best first. Whole words: `Stalingrad` in `Battle of Stalingrad`,
# which comes before `Stalingradsky ITL`, where it only starts a word.
EXACT, WHOLE_WORDS, PREFIX, WORD_PREFIX, SUBSTRING, ALL_WORDS = range(6)
MATCH_KINDS = ("exact", "whole words", "prefix", "word prefix", "substring", "all words")
# Skeleton (cross-script) matches need this many letters, or a short query would find almost anything.
MIN_SKELETON_LENGTH = 3

# Letters that Unicode does not decompose into a base letter and a mark.
_LATIN_EXTRA = str.maketrans({
    "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i", "ŀ": "l", "ħ": "h",
})
# Apostrophes and prime signs (soft/hard signs in romanisation, Ukrainian apostrophe) join words.
_JOINERS = dict.fromkeys(map(ord, "'’‘ʼʹʺ\u02bb`´\u0301"), None)

# Russian Cyrillic to Latin: BGN/PCGN without its diacritics and apostrophes.
_RUSSIAN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
    # Other Cyrillic alphabets of the region, so that their names romanise too.
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u", "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o",
    "ұ": "u", "ү": "u", "һ": "h", "ӏ": "", "ҳ": "h", "ҷ": "j", "ӣ": "i", "ӯ": "u",
}
# Ukrainian (and Belarusian) differ: г is h, и is y (the Ukrainian national system, 2010).
_UKRAINIAN = _RUSSIAN | {"г": "h", "и": "y", "е": "e", "є": "ye", "ї": "yi", "й": "y"}
_TABLES = {"uk": _UKRAINIAN, "be": _UKRAINIAN, "rue": _UKRAINIAN}
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

# The skeleton: spellings that romanisation systems (BGN/PCGN, ISO 9, Library of Congress,
# Polish, German) use for one Cyrillic letter become one. Longest first; one left-to-right pass.
_SKELETON_RULES = {
    "shch": "s", "szcz": "s", "sch": "s", "zh": "z", "kh": "h", "ts": "c", "tz": "c", "ch": "c", "cz": "c",
    "sh": "s", "sz": "s", "j": "i", "y": "i", "w": "v",
}
_SKELETON = re.compile("|".join(sorted(_SKELETON_RULES, key=len, reverse=True)))
_I_BEFORE_VOWEL = re.compile(r"i(?=[aeiou])")  # ya/ja/ia/â, ye/je/e, yu/ju/iu/û agree
_DOUBLED = re.compile(r"(.)\1+")
_NOT_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """Lower case, no diacritics, punctuation as single spaces; the script is kept.

    `Łódź` -> `lodz`, `ВИШЕРСКИЙ` -> `вишерскии`, `Ёлка` -> `елка`, `No 258` and `№ 258` -> `no 258`.
    """
    text = unicodedata.normalize("NFKD", text.translate(_JOINERS)).casefold()  # casefold after: № -> No -> no
    text = "".join(char for char in text if not unicodedata.combining(char)).translate(_LATIN_EXTRA)
    return _NOT_WORD.sub(" ", text).strip()


def romanise(text: str, lang: str | None = None) -> str:
    """Cyrillic letters to Latin (lower case), other characters kept: `Вишерский ИТЛ` ->
    `visherskiy itl`. `lang` "uk" or "be" uses the Ukrainian values of г and и."""
    table = _TABLES.get((lang or "").split("-")[0], _RUSSIAN)
    text = unicodedata.normalize("NFC", text.casefold())
    return "".join(table.get(char, char) for char in text)


def skeleton(text: str, lang: str | None = None) -> str:
    """The script- and spelling-blind key: `Вишерский`, `Visherskiy`, `Višerskij` -> `viserski`."""
    text = normalise(romanise(text, lang))
    text = _SKELETON.sub(lambda match: _SKELETON_RULES[match.group()], text)
    return _DOUBLED.sub(r"\1", _I_BEFORE_VOWEL.sub("", text))


def _name_keys(name: str, lang: str | None) -> set[str]:
    keys = {skeleton(name, lang)}
    if lang in _TABLES:  # Ukrainian names are often written the Russian way in Latin letters
        keys.add(skeleton(name))
    if "ё" in name.casefold():  # Semyonov as well as Semenov
        keys.add(skeleton(name.casefold().replace("ё", "йо"), lang))
    return keys


@dataclass(frozen=True)
class SearchIndex:
    """One entry a (name, key) pair. `labels` are the events frame's index labels."""

    labels: tuple
    frame_index: pd.Index  # the index of the frame it was built on
    names: tuple[str, ...]  # the name as written, to show what was matched
    is_place: tuple[bool, ...]  # the entry is the event's place, shown as "name (place)"
    is_alt: tuple[bool, ...]
    folded: tuple[str, ...]  # normalise(name)
    skeletons: tuple[str, ...]  # skeleton(name); a name may give more than one entry


def build_index(events: gpd.GeoDataFrame) -> SearchIndex:
    """Normalised keys of every event's names and place; build once per dataset."""
    labels, names, is_place, is_alt, folded, skeletons = [], [], [], [], [], []
    for label, name, props in zip(events.index, events["name"], events["properties"]):
        entries = [(name, None, False, False)] + [(alt.name, alt.lang, False, True) for alt in props.alt_names]
        entries.append((props.place.name, None, True, False))
        for text, lang, place, alt in entries:
            for key in sorted(_name_keys(text, lang)):
                labels.append(label)
                names.append(f"{name} ({text})" if place else text)
                is_place.append(place)
                is_alt.append(alt)
                folded.append(normalise(text))
                skeletons.append(key)
    return SearchIndex(tuple(labels), events.index.copy(), tuple(names), tuple(is_place), tuple(is_alt),
                       tuple(folded), tuple(skeletons))


def _kind(key: str, query: str, words: list[str]) -> int | None:
    """How `key` matches `query` (both normalised), or None."""
    if not query or not key:
        return None
    if key == query:
        return EXACT
    if f" {query} " in f" {key} ":
        return WHOLE_WORDS
    if key.startswith(query):
        return PREFIX
    spaced = " " + key
    if " " + query in spaced:
        return WORD_PREFIX
    if query in key:
        return SUBSTRING
    if len(words) > 1 and all(" " + word in spaced for word in words):
        return ALL_WORDS
    return None


def search(events: gpd.GeoDataFrame, query: str, limit: int = 20, index: SearchIndex | None = None) -> gpd.GeoDataFrame:
    """The events whose names or place match `query`, best first, at most `limit`.

    Order: names before places; then exact name, the query as whole words of the name, the
    name starting with the query, a word of the name starting with it, the query anywhere in
    the name, every word of the query starting a word of the name; within each, a match in the
    name's own script before a cross-script one (which must start at a word: inside a word the
    romanised skeletons match too loosely), the English name before another name, shorter names
    first. Two columns are added: `matched_name` (the name that matched, e.g. the Cyrillic one,
    or "name (place)") and `match` (one of MATCH_KINDS).

    `index` (from `build_index`) may cover more events than `events`, e.g. built once on all
    events and searched within the filtered ones; without it, it is built on the spot.
    """
    folded_query = normalise(query or "")
    if not folded_query or events.empty:
        return _with_match_columns(events.iloc[0:0], [], [])
    if index is None:
        index = build_index(events)
    skeleton_query = skeleton(query)
    searches = [(index.folded, folded_query, 0)]
    if len(skeleton_query.replace(" ", "")) >= MIN_SKELETON_LENGTH:
        searches.append((index.skeletons, skeleton_query, 1))
    wanted = None if events.index.equals(index.frame_index) else set(events.index)
    best: dict = {}  # label -> (rank, name)
    for keys, wanted_query, cross in searches:
        words = wanted_query.split()
        first_word = words[0]
        # Every kind of match contains the query's first word: a fast C-level scan first.
        for position in [i for i, key in enumerate(keys) if first_word in key]:
            kind = _kind(keys[position], wanted_query, words)
            label = index.labels[position]
            if kind is None or cross and kind == SUBSTRING or wanted is not None and label not in wanted:
                continue
            name = index.names[position]
            rank = (index.is_place[position], kind, cross, index.is_alt[position], len(name), name.casefold())
            if label not in best or rank < best[label][0]:
                best[label] = (rank, name)
    ordered = sorted(best, key=lambda label: best[label][0])[: max(limit, 0)]
    rows = events.take(events.index.get_indexer(ordered))
    return _with_match_columns(rows, [best[label][1] for label in ordered], [MATCH_KINDS[best[label][0][1]] for label in ordered])


def _with_match_columns(rows: gpd.GeoDataFrame, names: list[str], kinds: list[str]) -> gpd.GeoDataFrame:
    return rows.assign(matched_name=pd.Series(names, index=rows.index, dtype=object),
                       match=pd.Series(kinds, index=rows.index, dtype=object))

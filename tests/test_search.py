"""Finding an event by any of its names, whatever the script, case and accents of the query."""

import json
from pathlib import Path

import geopandas as gpd
import pytest

from dashboard.events import load
from dashboard.search import MATCH_KINDS, build_index, normalise, romanise, search, skeleton

from conftest import REPO, SAMPLE


@pytest.fixture
def named(sample_document, write_geojson):
    """Events made from the sample, with the names given: [(name, [(alt name, lang), ...]), ...]."""

    def make(names):
        template = sample_document["features"][3]  # a battle: a point with no alt names
        features = []
        for number, (name, alt_names) in enumerate(names):
            feature = json.loads(json.dumps(template))
            feature["properties"] |= {"id": f"event-{number}", "name": name,
                                      "alt_names": [{"name": alt, "lang": lang} for alt, lang in alt_names]}
            features.append(feature)
        return load(write_geojson({"type": "FeatureCollection", "features": features})).events

    return make


def ids(found) -> list[str]:
    return found["id"].tolist()


@pytest.mark.parametrize("one, other", [
    ("Dneprostroi", "DNEPROSTROI"),
    ("Łódź", "Lodz"),
    ("Коми", "коми"),
    ("Ёлкино", "елкино"),
    ("Kraków", "krakow"),
    ("Nizhne-Indigirsky", "nizhne indigirsky"),
    ("Kharkovsky PFL № 258", "kharkovsky pfl no 258"),
])
def test_normalise_ignores_case_diacritics_and_punctuation(one, other):
    assert normalise(one) == normalise(other)


@pytest.mark.parametrize("spelling", ["Вишерский", "Vishersky", "Visherskiy", "Višerskij", "Visherskii", "Wischerski"])
def test_romanisation_systems_share_one_skeleton(spelling):
    assert skeleton(spelling) == skeleton("Вишерский")


def test_romanise_follows_a_standard_table():
    assert romanise("Щучье Жёлтое Хабаровск Цхинвали") == "shchuche zheltoe khabarovsk tskhinvali"
    assert romanise("Харків", "uk") == "kharkiv"
    assert romanise("Гуляйполе", "uk") == "hulyaypole"


def test_english_name_any_case(sample):
    for query in ["Vishersky ITL", "vishersky itl", "VISHERSKY", "visher"]:
        found = search(sample, query)
        assert ids(found)[:1] == ["camp-vishersky"], query
        assert found["matched_name"].iloc[0] == "Vishersky ITL"


def test_cyrillic_alternative_name(sample):
    for query in ["Вишерский ИТЛ", "вишерский итл", "ВИШЕРСКИЙ", "Вишерскии"]:
        found = search(sample, query)
        assert ids(found) == ["camp-vishersky"], query
        assert found["matched_name"].iloc[0] == "Вишерский ИТЛ"


def test_latin_query_finds_cyrillic_name_and_back(named):
    events = named([("Camp A", [("Коми лагерь", "ru")]), ("Battle of Stalingrad", []), ("Camp B", [("Харків", "uk")])])
    assert ids(search(events, "komi")) == ["event-0"]
    assert ids(search(events, "Komi lager")) == ["event-0"]
    assert search(events, "komi")["matched_name"].tolist() == ["Коми лагерь"]
    assert ids(search(events, "Сталинград")) == ["event-1"]
    assert ids(search(events, "kharkiv")) == ["event-2"]


@pytest.mark.parametrize("query", ["Lodz", "łódź", "LÓDŹ", "lodz"])
def test_diacritics_either_side(named, query):
    events = named([("Battle of Łódź", []), ("Lodz ghetto", [])])
    assert set(ids(search(events, query))) == {"event-0", "event-1"}


def test_yo_and_ye_are_one_letter(named):
    events = named([("Village", [("Семёновка", "ru")]), ("Other village", [("Елкино", "ru")])])
    assert ids(search(events, "семеновка")) == ["event-0"]
    assert ids(search(events, "Ёлкино")) == ["event-1"]
    assert ids(search(events, "Semyonovka")) == ["event-0"]
    assert ids(search(events, "Semenovka")) == ["event-0"]


def test_best_matches_first(named):
    events = named([
        ("Camp on the Upper Kolyma", []),  # whole word
        ("Nikolaevsk camp", []),  # substring
        ("Kolyma", []),  # exact
        ("Kolymalag", []),  # prefix
        ("Camps in the region of the Kolyma", []),  # whole word, longer name
        ("Upper Kolymalag", []),  # word prefix
    ])
    found = search(events, "kolyma")
    assert ids(found) == ["event-2", "event-0", "event-4", "event-3", "event-5"]
    assert found["match"].tolist() == ["exact", "whole words", "whole words", "prefix", "word prefix"]
    found = search(events, "kol")
    assert ids(found) == ["event-2", "event-3", "event-5", "event-0", "event-4", "event-1"]
    assert found["match"].iloc[-1] == "substring"
    assert set(found["match"]) <= set(MATCH_KINDS)


def test_a_name_holding_the_query_as_a_word_comes_before_one_where_it_starts_a_word(named):
    events = named([("Stalingradsky ITL", []), ("Stalingradsky PFL No 0108", []), ("Battle of Stalingrad", [])])
    assert ids(search(events, "Stalingrad"))[0] == "event-2"


def test_cross_script_matches_start_at_a_word(named):
    events = named([("Bykivnia forest", []), ("Kyiv", [])])
    assert ids(search(events, "Київ")) == ["event-1"]  # not Bykivnia, whose skeleton holds that of Kyiv


def test_words_in_another_order(named):
    events = named([("Vishersky ITL", [])])
    found = search(events, "ITL Vishersky")
    assert ids(found) == ["event-0"]
    assert found["match"].tolist() == ["all words"]


def test_same_script_before_cross_script_and_name_before_alt_name(named):
    events = named([
        ("Magadan camp", []),
        ("Camp 7", [("Лагерь Магадан", "ru")]),
    ])
    assert ids(search(events, "magadan")) == ["event-0", "event-1"]
    assert ids(search(events, "магадан")) == ["event-1", "event-0"]


def test_no_match_empty_query_and_limit(sample, named):
    assert search(sample, "zzzz").empty
    assert search(sample, "").empty
    assert search(sample, "  -- ").empty
    assert list(search(sample, "").columns) == list(sample.columns) + ["matched_name", "match"]
    events = named([(f"Camp {number}", []) for number in range(30)])
    assert len(search(events, "camp")) == 20
    assert len(search(events, "camp", limit=5)) == 5


def test_short_query_does_not_match_by_spelling_skeleton(named):
    events = named([("Tsimlyansk dam", []), ("Camp C", [])])
    # "c" is the skeleton of "ts", but one or two letters are matched as written only
    assert ids(search(events, "c")) == ["event-1"]
    assert ids(search(events, "ts")) == ["event-0"]


def test_index_built_once_serves_a_filtered_frame(sample):
    index = build_index(sample)
    camps = sample[sample["category"] == "gulag"]
    assert ids(search(sample, "battle", index=index)) == ["battle-stalingrad"]
    assert search(camps, "battle", index=index).empty
    assert ids(search(camps, "вишерский", index=index)) == ["camp-vishersky"]


def test_returns_the_rows_of_the_frame(sample):
    found = search(sample, "stalingrad")
    assert isinstance(found, gpd.GeoDataFrame)
    row = found.iloc[0]
    assert row["id"] == "battle-stalingrad"
    assert row.geometry.equals(sample.set_index("id").loc["battle-stalingrad", "geometry"])
    assert row["properties"] is sample.set_index("id").loc["battle-stalingrad", "properties"]


def test_text_from_the_data_is_only_text(sample):
    assert ids(search(sample, "<img src")) == ["politics-xss"]


# The real data

def test_real_camp_by_its_russian_name(real):
    for query in ["вишерский итл", "Вишерский", "ВИШЕРСКИЙ ИТЛ"]:
        found = search(real, query)
        assert found["id"].iloc[0].startswith("camp-1-"), query  # the Vishersky camp's locations
        assert set(found["matched_name"]) == {"Вишерский ИТЛ"}


def test_real_camp_by_romanised_spellings(real):
    for query in ["Visherskiy ITL", "Višerskij", "visherskii itl"]:
        found = search(real, query)
        assert not found.empty and found["id"].iloc[0].startswith("camp-1-"), query


def test_real_construction_by_russian_and_romanised_name(real):
    assert search(real, "беломорканал")["id"].iloc[0] == "construction-white-sea-baltic-canal"
    assert search(real, "Belomorkanal")["id"].iloc[0] == "construction-white-sea-baltic-canal"
    assert search(real, "dneprostroi")["id"].iloc[0] == "construction-dneprostroi"


def test_real_battle_with_polish_name_without_diacritics(real):
    assert "battle-bialystok-minsk-1941" in ids(search(real, "bialystok"))


def test_real_events_are_found_by_each_of_their_names(real):
    index = build_index(real)
    for row in real.iloc[::4].itertuples():  # every fourth event, to keep the test quick
        for name in [row.name] + [alt.name for alt in row.properties.alt_names]:
            found = search(real, name.lower(), limit=len(real), index=index)
            exact = found[found["match"] == "exact"]
            assert row.id in set(exact["id"]), (row.id, name)



def test_an_event_is_found_by_its_place_after_the_events_named_so(named):
    events = named([("Camp 7", []), ("Vorkuta uprising", [])])
    camp = events.at[0, "properties"]
    events.at[0, "properties"] = camp.model_copy(update={"place": camp.place.model_copy(update={"name": "Vorkuta"})})
    found = search(events, "Воркута")
    assert ids(found) == ["event-1", "event-0"]
    assert found["matched_name"].iloc[1] == "Camp 7 (Vorkuta)"


def test_the_names_readers_know_find_the_real_events(real):
    index = build_index(real)
    assert "camp-111-0" in ids(search(real, "Vorkuta", index=index))  # Vorkutinsky ITL, at Vorkuta
    assert ids(search(real, "Stalingrad", index=index))[0] == "battle-stalingrad-1942"

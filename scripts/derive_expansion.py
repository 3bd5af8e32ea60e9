"""Derive `data/bloc_expansion.geojson` (category "bloc_expansion"): the territories the USSR
annexed 1939-1945, the states brought under Soviet control 1944-1949, and a few points (the
Cominform, the Berlin blockade, the break with Yugoslavia, Comecon).

Geometry: CShapes 2.0 (GPL >= 2, `cshapes2`) through `scripts/derive_borders.py`, and for the
Kuril Islands historical-basemaps (GPL-3.0, `ourednik`); Tuva is derive_borders' approximate outline. Where a feature cites only the border
data, its description says only what the borders record (which state held the area, from when),
with the date at the precision the text can vouch for. An annexed area is the neighbour's
territory before minus after (or before intersected with the USSR after). Simplified for the web.
The data in this file is therefore GPL, like the borders.

Run: python scripts/derive_expansion.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from shapely.geometry import mapping
from shapely.ops import unary_union

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts import derive_borders as b  # noqa: E402
from scripts.common import REPO, write_feature_collection  # noqa: E402

OUT = REPO / "data" / "bloc_expansion.geojson"
MAX_VERTICES = 300

CS = {"key": "cshapes2"}
HB = {"key": "ourednik"}


def ussr(day: str):
    return b.state(b.USSR, day)


def areas() -> dict[str, object]:
    """The polygons, by feature id."""
    romania_ceded = b.state(360, "1940-06-27").difference(b.state(360, "1940-06-28")).intersection(ussr("1940-06-28"))
    czechoslovakia_ceded = b.state(315, "1938-01-01").intersection(ussr("1945-12-31"))
    prussia_ceded = b.state(255, "1938-12-31").intersection(ussr("1945-12-31"))
    finland_ceded = b.state(b.FINLAND, "1938-12-31").difference(b.state(b.FINLAND, "1940-12-31")).difference(b.petsamo())
    lithuania_1940 = b.state(b.LITHUANIA, "1940-06-01").union(b.vilnius_region())
    return {
        "bloc-annexation-eastern-poland-1939": b.eastern_poland().difference(b.vilnius_region()),
        "bloc-annexation-karelia-salla-1940": finland_ceded,
        "bloc-annexation-lithuania-1940": lithuania_1940,
        "bloc-annexation-latvia-1940": b.state(367, "1940-06-01"),
        "bloc-annexation-estonia-1940": b.state(366, "1940-06-01"),
        "bloc-annexation-bessarabia-bukovina-1940": romania_ceded,
        "bloc-annexation-transcarpathia-1945": czechoslovakia_ceded,
        "bloc-annexation-koenigsberg-1945": prussia_ceded,
        "bloc-annexation-sakhalin-kurils-1945": unary_union([b.state(7351, "1945-08-01"), b.kurils()]),
        "bloc-annexation-tuva-1944": b.tuva(),
        "bloc-mongolia-1936": b.state(712, "1936-12-31"),
        "bloc-poland-1944": b.state(b.POLAND, "1945-12-31"),
        "bloc-bulgaria-1944": b.state(355, "1945-12-31"),
        "bloc-romania-1945": b.state(360, "1945-12-31"),
        "bloc-hungary-1945": b.state(310, "1947-12-31"),
        "bloc-albania-1944": b.state(339, "1945-12-31"),
        "bloc-czechoslovakia-1948": b.state(315, "1948-12-31"),
        "bloc-soviet-zone-germany-1945": b.state(265, "1946-12-31"),
        "bloc-east-germany-1949": b.state(265, "1949-12-31"),
        "bloc-north-korea-soviet-zone-1945": b.state(731, "1946-12-31"),
        "bloc-north-korea-1948": b.state(731, "1948-12-31"),
        "bloc-yugoslavia-1945": b.state(345, "1946-12-31"),
    }


def props(ident, name, subcategory, start, end, precision, place, countries, description, sources, **extra):
    out = {
        "id": ident, "name": name, "category": "bloc_expansion", "subcategory": subcategory,
        "start": start, "date_precision": precision,
        "place": {"name": place, "countries": countries},
        "location_precision": extra.pop("location_precision", "region"),
        "description": description, "sources": sources,
    }
    if end:
        out["end"] = end
    out.update(extra)
    return out


EVENTS = [
    props("bloc-annexation-eastern-poland-1939", "Soviet annexation of eastern Poland", "annexation",
          "1939-09-17", "1939-11-02", "day", "Western Ukraine and Western Belarus", ["UA", "BY"],
          "The Red Army invaded Poland from the east on 17 September 1939, as agreed with Germany. After staged "
          "assemblies the territory was incorporated into the Ukrainian and Belorussian SSRs on 1-2 November "
          "1939. Drawn with the post-1945 border; the 1939-1941 line lay further west and included Bialystok.",
          [{"key": "gross1988"}, {"key": "snyder2010"}, CS],
          alt_names=[{"name": "Западная Украина и Западная Белоруссия", "lang": "ru"}]),
    props("bloc-annexation-karelia-salla-1940", "Finnish territory ceded after the Winter War", "annexation",
          "1940-03-12", None, "day", "Karelian Isthmus, Ladoga Karelia and Salla", ["RU"],
          "By the Moscow peace treaty of 12 March 1940 that ended the Winter War, Finland ceded the Karelian "
          "Isthmus with Viipuri (Vyborg), the lands north of Lake Ladoga and part of Salla to the USSR; almost "
          "all of their Finnish inhabitants left.",
          [{"key": "trotter1991"}, {"key": "kotkin2017"}, CS]),
    props("bloc-annexation-lithuania-1940", "Soviet occupation and annexation of Lithuania", "annexation",
          "1940-06-15", "1940-08-03", "day", "Lithuania", ["LT"],
          "After an ultimatum the Red Army occupied Lithuania on 15 June 1940. A new parliament elected from a "
          "single list asked for admission to the USSR, which annexed the country on 3 August 1940. Drawn with "
          "the Vilnius region, which Lithuania had received in October 1939.",
          [{"key": "misiunas1993"}, CS]),
    props("bloc-annexation-latvia-1940", "Soviet occupation and annexation of Latvia", "annexation",
          "1940-06-17", "1940-08-05", "day", "Latvia", ["LV"],
          "Soviet troops occupied Latvia on 17 June 1940 after an ultimatum; elections with a single list "
          "followed in July, and the USSR annexed the country on 5 August 1940.",
          [{"key": "misiunas1993"}, CS]),
    props("bloc-annexation-estonia-1940", "Soviet occupation and annexation of Estonia", "annexation",
          "1940-06-17", "1940-08-06", "day", "Estonia", ["EE"],
          "Soviet troops occupied Estonia on 17 June 1940 after an ultimatum; elections with a single list "
          "followed in July, and the USSR annexed the country on 6 August 1940.",
          [{"key": "misiunas1993"}, CS]),
    props("bloc-annexation-bessarabia-bukovina-1940", "Soviet annexation of Bessarabia and northern Bukovina",
          "annexation", "1940-06-28", None, "day", "Moldova and Chernivtsi region", ["MD", "UA"],
          "Under a Soviet ultimatum Romania evacuated Bessarabia and northern Bukovina, which the Red Army "
          "entered on 28 June 1940. Most of Bessarabia became the Moldavian SSR; northern Bukovina and the "
          "south of Bessarabia went to the Ukrainian SSR.",
          [{"key": "kotkin2017"}, CS]),
    props("bloc-annexation-transcarpathia-1945", "Transcarpathia ceded by Czechoslovakia", "annexation",
          "1945", None, "year", "Zakarpattia Oblast", ["UA"],
          "The easternmost region of interwar Czechoslovakia (Subcarpathian Ruthenia) passed to the USSR in "
          "1945, as the CShapes borders record; today it is Ukraine's Zakarpattia Oblast. CShapes dates the "
          "change from 8 May 1945, the end of the war in Europe, not from a treaty.",
          [CS]),
    props("bloc-annexation-koenigsberg-1945", "Northern East Prussia (Königsberg) to the USSR", "annexation",
          "1945", None, "year", "Kaliningrad Oblast", ["RU"],
          "The northern part of German East Prussia, with the city of Königsberg (today Kaliningrad), passed to "
          "the USSR in 1945, as the CShapes borders record; today it is Russia's Kaliningrad Oblast. CShapes "
          "dates the change from 8 May 1945, the end of the war in Europe.",
          [CS], alt_names=[{"name": "Königsberg", "lang": "de"}, {"name": "Калининград", "lang": "ru"}]),
    props("bloc-annexation-sakhalin-kurils-1945", "Southern Sakhalin and the Kuril Islands", "annexation",
          "1945-08", "1945-09", "month", "Sakhalin Oblast", ["RU"],
          "Soviet forces fought Japan on southern Sakhalin (Karafuto) and in the Kuril Islands in 1945, and both "
          "passed from Japan to the USSR. Sakhalin from CShapes, which dates the change from 15 August 1945; "
          "the Kurils, missing there, from historical-basemaps.",
          [CS, HB, {"key": "whbd"}]),
    props("bloc-annexation-tuva-1944", "Soviet annexation of Tuva", "annexation",
          "1944-10-11", None, "day", "Tuva", ["RU"],
          "The Tuvan People's Republic, nominally independent since 1921 and recognised only by the USSR and "
          "Mongolia, was taken into the Soviet Union in October 1944 at the request of its own assembly and "
          "became the Tuvan Autonomous Oblast of the RSFSR. Its outline is approximate: the border with "
          "Mongolia is real, the northern edge along the Sayan mountains is sketched.",
          [{"key": "forsyth1992"}], location_precision="approximate"),
    props("bloc-mongolia-1936", "Mongolian People's Republic", "satellite state",
          "1936-03-12", None, "day", "Mongolia", ["MN"],
          "Formally independent, the Mongolian People's Republic was ruled by a communist party under Soviet "
          "tutelage. A Soviet-Mongolian mutual assistance protocol of 12 March 1936 brought Soviet troops, who "
          "fought the Japanese at Khalkhin Gol in 1939.",
          [{"key": "coox1985"}, CS]),
    props("bloc-poland-1944", "Communist takeover in Poland", "satellite state",
          "1944-07-22", "1947-01-19", "day", "Poland", ["PL"],
          "A Soviet-sponsored Polish Committee of National Liberation was proclaimed on 22 July 1944 as the Red "
          "Army crossed the Bug. Its successors, backed by the Soviet and Polish security police, crushed the "
          "opposition and won rigged elections on 19 January 1947.",
          [{"key": "applebaum2012"}, CS]),
    props("bloc-bulgaria-1944", "Communist takeover in Bulgaria", "satellite state",
          "1944-09-09", "1946-09-15", "day", "Bulgaria", ["BG"],
          "A coup of the communist-led Fatherland Front on 9 September 1944, as the Red Army entered the "
          "country, began the takeover. A referendum abolished the monarchy and Bulgaria was proclaimed a "
          "people's republic on 15 September 1946.",
          [{"key": "courtois1999"}, CS]),
    props("bloc-romania-1945", "Communist takeover in Romania", "satellite state",
          "1945-03-06", "1947-12-30", "day", "Romania", ["RO"],
          "Under Soviet pressure King Michael appointed a government led by Petru Groza on 6 March 1945. The "
          "opposition parties were suppressed, and the king was forced to abdicate on 30 December 1947, when a "
          "people's republic was proclaimed.",
          [{"key": "courtois1999"}, CS]),
    props("bloc-hungary-1945", "Communist takeover in Hungary", "satellite state",
          "1945-04", "1949-08-20", "month", "Hungary", ["HU"],
          "After the Red Army drove the last German troops out in April 1945, the Hungarian communists, though "
          "beaten in the elections of November 1945, took power step by step with Soviet support. A Soviet-style "
          "constitution of 20 August 1949 made Hungary a people's republic.",
          [{"key": "applebaum2012"}, CS]),
    props("bloc-albania-1944", "Communist Albania", "satellite state",
          "1944-11-29", "1946-01-11", "day", "Albania", ["AL"],
          "Enver Hoxha's communist partisans took power as the Germans withdrew at the end of November 1944; a "
          "people's republic was proclaimed on 11 January 1946. Albania followed Yugoslavia until 1948, then "
          "Moscow directly.",
          [{"key": "courtois1999"}, CS]),
    props("bloc-czechoslovakia-1948", "Communist coup in Czechoslovakia", "satellite state",
          "1948-02-20", "1948-02-25", "day", "Czech Republic and Slovakia", ["CZ", "SK"],
          "Non-communist ministers resigned on 20 February 1948 in protest against the communist hold on the "
          "police; under pressure from the streets and the party militia, President Beneš accepted a "
          "government led by Klement Gottwald on 25 February.",
          [{"key": "applebaum2012"}, {"key": "courtois1999"}, CS]),
    props("bloc-soviet-zone-germany-1945", "Soviet occupation zone of Germany", "occupation zone",
          "1945-06-05", "1949-10-06", "day", "Eastern Germany", ["DE"],
          "From June 1945 the Soviet Military Administration governed eastern Germany. It forced the merger of "
          "the Communist and Social Democratic parties into the Socialist Unity Party (1946), which took over "
          "the state that became the GDR. CShapes draws the zone with the whole of Berlin.",
          [{"key": "applebaum2012"}, CS]),
    props("bloc-east-germany-1949", "German Democratic Republic", "satellite state",
          "1949-10-07", None, "day", "Eastern Germany", ["DE"],
          "The German Democratic Republic was founded in the Soviet zone on 7 October 1949, months after the "
          "Federal Republic in the west; power lay with the Socialist Unity Party and Soviet troops remained.",
          [{"key": "applebaum2012"}, CS]),
    props("bloc-north-korea-soviet-zone-1945", "Soviet occupation zone of Korea", "occupation zone",
          "1945-08-15", "1948-09-08", "day", "North Korea", ["KP"],
          "When Japanese rule over Korea ended in August 1945, the north of the country came under Soviet and "
          "the south under US occupation. CShapes records the Soviet-occupied zone from 15 August 1945 to "
          "8 September 1948, drawn with the same border as North Korea today.",
          [CS]),
    props("bloc-north-korea-1948", "Democratic People's Republic of Korea", "satellite state",
          "1948-09-09", None, "day", "North Korea", ["KP"],
          "The Democratic People's Republic of Korea was established in the Soviet zone; CShapes records it as "
          "a state from 9 September 1948.",
          [CS]),
    props("bloc-yugoslavia-1945", "Communist Yugoslavia", "satellite state",
          "1945-11-29", "1948-06-28", "day", "Former Yugoslavia", ["SI", "HR", "BA", "RS", "ME", "MK", "XK"],
          "Tito's partisans, who had liberated most of the country themselves, proclaimed the Federal People's "
          "Republic of Yugoslavia on 29 November 1945. The closest ally of Moscow at first, it was expelled "
          "from the Cominform on 28 June 1948.",
          [{"key": "applebaum2012"}, CS]),
]

POINTS = [
    ([15.52, 50.83], props(
        "bloc-cominform-1947", "Founding of the Cominform", "institution",
        "1947-09-22", "1947-09-27", "day", "Szklarska Poręba", ["PL"],
        "At a secret meeting at Szklarska Poręba in Poland the Soviet party and eight European communist parties "
        "founded the Communist Information Bureau (Cominform), which bound them to the Soviet line; Zhdanov "
        "proclaimed a world split into two camps.",
        [{"key": "applebaum2012"}], location_precision="settlement")),
    ([20.45861, 44.81861], props(
        "bloc-yugoslavia-expelled-1948", "Tito-Stalin split: Yugoslavia expelled from the Cominform", "crisis",
        "1948-06-28", None, "day", "Belgrade", ["RS"],
        "A Cominform resolution of 28 June 1948 condemned the Yugoslav communist leadership and expelled it. "
        "Yugoslavia kept its independence; across the bloc, purges hunted 'Titoists'.",
        [{"key": "applebaum2012"}], location_precision="settlement", related=["bloc-yugoslavia-1945"])),
    ([37.6175, 55.752], props(
        "bloc-comecon-1949", "Founding of Comecon", "institution",
        "1949-01-25", None, "day", "Moscow", ["RU"],
        "The Soviet Union, Bulgaria, Czechoslovakia, Hungary, Poland and Romania announced on 25 January 1949, "
        "after a meeting in Moscow, the founding of the Council for Mutual Economic Assistance (Comecon), the "
        "bloc's answer to the Marshall Plan. Albania joined later in 1949 and East Germany in 1950.",
        [{"key": "judt2005"}], location_precision="settlement")),
    ([13.405, 52.52], props(
        "bloc-berlin-blockade-1948", "Berlin blockade", "crisis",
        "1948-06-24", "1949-05-12", "day", "Berlin", ["DE"],
        "The Soviet authorities cut road, rail and water access to the western sectors of Berlin after a currency "
        "reform in the western zones. The western allies supplied the city by air until the blockade was lifted "
        "on 12 May 1949.",
        [{"key": "applebaum2012"}], location_precision="settlement")),
]


def for_web(geometry):
    """Simplify until the polygon has at most MAX_VERTICES vertices."""
    import shapely

    tolerance = 0.005
    while True:
        simple = b.for_web(geometry, tolerance=tolerance, min_area=0.001, digits=3)
        if shapely.get_num_coordinates(simple) <= MAX_VERTICES or tolerance > 0.2:
            return simple
        tolerance *= 1.5


def build() -> list[dict]:
    shapes = areas()
    features = []
    for event in EVENTS:
        geometry = for_web(shapes[event["id"]])
        features.append({"type": "Feature", "geometry": mapping(geometry), "properties": event})
    for coordinates, event in POINTS:
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": coordinates},
                         "properties": event})
    features.sort(key=lambda f: (f["properties"]["start"], f["properties"]["id"]))
    return features


def main() -> None:
    features = build()
    write_feature_collection(OUT, features)
    print(f"wrote {len(features)} features to {OUT.relative_to(REPO)} ({OUT.stat().st_size / 1e3:.0f} kB)")


if __name__ == "__main__":
    main()

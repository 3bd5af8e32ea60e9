"""Write `data/deportations.geojson`: Soviet deportation operations 1930-1953 as flows.

Each operation is hand-entered below from the works of the bibliography (Polian 2004, Pohl
1999, Zemskov 2003, Bugai 1995, Viola 2007, Gross 1988, Misiunas and Taagepera 1993, Strods
and Kott 2002, Statiev 2010, Conquest 1970, Naimark 2010). Its geometry is drawn here: a gently
curved line from an anchor town inside the region of origin to an anchor town inside the region
of destination (REGIONS), one line per (origin, destination) leg. An operation with several
legs becomes one MultiLineString, unless the share of each destination is known: then it is
one feature per destination carrying its share as a figure, all with the operation's `group`.

The anchor towns are checked against GeoNames and the modern country polygons by
`tests/test_data_deportations.py`. They stand for a region, not for the place where a convoy
started or ended: location_precision says "region" or "approximate".

    python scripts/derive_deportation_flows.py
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.common import REPO, fig, source, write_feature_collection  # noqa: E402

OUT = REPO / "data" / "deportations.geojson"


@dataclass(frozen=True)
class Region:
    label: str  # how the region is named in place.name and the description
    town: str  # GeoNames name of the anchor town inside it
    country: str  # ISO code of today's country the anchor town is in
    lon: float
    lat: float


# Anchor towns: coordinates of the GeoNames place of that name (rounded), each standing for the
# region it is labelled with.
REGIONS: dict[str, Region] = {
    "ukraine": Region("Ukraine", "Kharkiv", "UA", 36.2527, 49.9808),
    "ukraine-border": Region("the Polish-border districts of Soviet Ukraine", "Shepetivka", "UA", 27.0637, 50.1855),
    "ukraine-east": Region("eastern Ukraine", "Kharkiv", "UA", 36.2527, 49.9808),
    "ukraine-southeast": Region("south-eastern Ukraine", "Zaporizhzhia", "UA", 35.1171, 47.8517),
    "western-ukraine": Region("western Ukraine", "Lviv", "UA", 24.0232, 49.8383),
    "western-belarus": Region("western Belarus", "Hrodna", "BY", 23.8258, 53.6884),
    "lithuania": Region("Lithuania", "Vilnius", "LT", 25.2798, 54.6892),
    "latvia": Region("Latvia", "Riga", "LV", 24.1059, 56.946),
    "estonia": Region("Estonia", "Tallinn", "EE", 24.7535, 59.437),
    "bessarabia-bukovina": Region("Bessarabia and northern Bukovina", "Chisinau", "MD", 28.8575, 47.0056),
    "moldavian-ssr": Region("the Moldavian SSR", "Chisinau", "MD", 28.8575, 47.0056),
    "crimea": Region("Crimea", "Simferopol", "UA", 34.1108, 44.9572),
    "north-caucasus": Region("the North Caucasus", "Rostov-on-Don", "RU", 39.7077, 47.22),
    "kuban": Region("the Kuban (Krasnodar region)", "Krasnodar", "RU", 38.976, 45.0448),
    "central-black-earth": Region("the Central Black Earth region", "Voronezh", "RU", 39.1843, 51.672),
    "middle-volga": Region("the Middle Volga", "Samara", "RU", 50.15, 53.2001),
    "volga-german-asrr": Region("the Volga German ASSR", "Engels", "RU", 46.1053, 51.4839),
    "leningrad": Region("the Leningrad region", "Vsevolozhsk", "RU", 30.6731, 60.0151),
    "kalmykia": Region("Kalmykia", "Elista", "RU", 44.2558, 46.3078),
    "karachay": Region("Karachay (Karachay-Cherkessia)", "Karachayevsk", "RU", 41.9142, 43.774),
    "chechnya": Region("Chechnya and Ingushetia", "Grozny", "RU", 45.689, 43.312),
    "balkaria": Region("Balkaria (Kabardino-Balkaria)", "Nalchik", "RU", 43.6189, 43.4981),
    "georgia": Region("Georgia", "Tbilisi", "GE", 44.8337, 41.6941),
    "azerbaijan": Region("Azerbaijan", "Ganja", "AZ", 46.3606, 40.6828),
    "meskheti": Region("Meskheti (southern Georgia)", "Akhaltsikhe", "GE", 42.9826, 41.639),
    "black-sea-coast": Region("the Black Sea coast of Georgia", "Sukhumi", "GE", 40.9893, 43.007),
    "far-east": Region("the Soviet Far East (Primorye)", "Vladivostok", "RU", 131.8735, 43.1056),
    "northern-krai": Region("the Northern Krai (Arkhangelsk region)", "Arkhangelsk", "RU", 40.5433, 64.5401),
    "komi": Region("the Komi ASSR", "Syktyvkar", "RU", 50.8099, 61.6764),
    "kirov": Region("the Kirov region", "Kirov", "RU", 49.6601, 58.5967),
    "mari": Region("the Mari ASSR", "Yoshkar-Ola", "RU", 47.8908, 56.6388),
    "urals": Region("the Urals (Sverdlovsk region)", "Yekaterinburg", "RU", 60.6122, 56.8519),
    "molotov": Region("the Molotov (Perm) region", "Perm", "RU", 56.2502, 58.0105),
    "bashkiria": Region("Bashkiria", "Ufa", "RU", 55.9678, 54.7431),
    "western-siberia": Region("Western Siberia", "Novosibirsk", "RU", 82.9346, 55.0415),
    "siberia": Region("Siberia", "Novosibirsk", "RU", 82.9346, 55.0415),
    "novosibirsk": Region("the Novosibirsk region", "Novosibirsk", "RU", 82.9346, 55.0415),
    "omsk": Region("the Omsk region", "Omsk", "RU", 73.3686, 54.9924),
    "tomsk": Region("the Tomsk region", "Tomsk", "RU", 84.9744, 56.4977),
    "altai": Region("the Altai Krai", "Barnaul", "RU", 83.7636, 53.3606),
    "krasnoyarsk": Region("the Krasnoyarsk Krai", "Krasnoyarsk", "RU", 92.8672, 56.0184),
    "irkutsk": Region("the Irkutsk region", "Irkutsk", "RU", 104.2964, 52.2978),
    "yakutia": Region("Yakutia", "Yakutsk", "RU", 129.7331, 62.0339),
    "kazakhstan": Region("Kazakhstan", "Karaganda", "KZ", 73.1021, 49.8019),
    "karaganda": Region("the Karaganda region of Kazakhstan", "Karaganda", "KZ", 73.1021, 49.8019),
    "northern-kazakhstan": Region("northern Kazakhstan", "Pavlodar", "KZ", 76.9688, 52.276),
    "southern-kazakhstan": Region("southern Kazakhstan", "Shymkent", "KZ", 69.6004, 42.3099),
    "kazakhstan-kyzylorda": Region("Kazakhstan", "Kyzylorda", "KZ", 65.5092, 44.8528),
    "uzbekistan": Region("Uzbekistan", "Tashkent", "UZ", 69.2163, 41.2647),
    "kyrgyzstan": Region("Kyrgyzstan", "Bishkek", "KG", 74.59, 42.87),
}


POHL = "https://jpohl.blogspot.com"  # J. Otto Pohl's posts, each citing the NKVD document it gives figures from
MESKHETI_COUNT = source("pohl-blog", url=POHL + "/2014/11/70-years-since-deportation-of.html")
PRIBOI_COUNT = [source("bugai2005", pages="p. 74"),
                source("pohl-blog", url=POHL + "/2013/03/sixty-four-years-since-operation-priboi.html")]
KRESY = "https://kresy-siberia.org/deportacje/?page_id="  # the exhibition's page on each deportation
GERMANS_1941 = source("pohl-blog", url=POHL + "/2011/08/more-on-70th-anniversary-of-deportation.html")
DECEMBER_1941 = "by region of origin in the NKVD's report of 25 December 1941 (O. L. Milova, 1995)"
KARACHAY_COUNT = source("pohl-blog", url=POHL + "/2008/06/special-settlers-in-kyrgyzstan.html")
INGRIA_COUNT = source("elci2020")


# One dict per operation. "legs": [(origin, destination)], or with shares
# [(origin, destination, share_figure)], in which case one feature per leg is written with
# id f"{id}-{slug of the destination's label}" and group = the operation's id without the
# "deportation-" prefix.
OPERATIONS: list[dict] = [
    {
        "id": "deportation-dekulakization-1930-1931",
        "name": "Dekulakization: exile of 'kulak' families to special settlements",
        "alt_names": [{"name": "Раскулачивание", "lang": "ru"}, {"name": "Кулацкая ссылка", "lang": "ru"}],
        "subcategory": "special settlement",
        "start": "1930", "end": "1931", "date_precision": "year",
        "legs": [(o, d) for o in ("ukraine", "north-caucasus", "central-black-earth", "middle-volga")
                 for d in ("northern-krai", "urals", "western-siberia", "kazakhstan")],
        "description": (
            "Following the Politburo resolution of 30 January 1930 on liquidating kulak farms, peasant "
            "families labelled 'kulaks' were driven from the grain regions of Ukraine, the North Caucasus, "
            "the Volga and the Central Black Earth region to 'special settlements' in the Northern Krai, the "
            "Urals, Siberia and Kazakhstan, in two great waves in 1930 and 1931. The lines join the main "
            "regions of origin and of exile, not individual convoys."
        ),
        "figures": [fig("deported", 1803392, sources=[source("zemskov2003")], year=None,
                        note="1930 and 1931 together: 381,026 families sent to special settlements, as counted by the OGPU")],
        "sources": [source("zemskov2003"), source("viola2007"), source("polian2004")],
        "location_precision": "approximate",
    },
    {
        "id": "deportation-border-zone-ukraine-1935",
        "name": "Removal of Poles and Germans from the Polish border zone of Soviet Ukraine",
        "subcategory": "border-zone clearance",
        "start": "1935-02-20", "end": "1935-03-10", "date_precision": "day",
        "legs": [("ukraine-border", "ukraine-east")],
        "description": (
            "Between 20 February and 10 March 1935 the NKVD cleared the districts of the Kyiv and Vinnytsia "
            "regions along the Polish border of families it considered unreliable, most of them Poles and "
            "Germans, and resettled them in eastern Ukraine, the first Soviet deportation aimed chiefly at "
            "national minorities."
        ),
        "figures": [fig("deported families", 8329, unit="families", year=1935,
                        sources=[source("zhezytskyi1997")],
                        note="5,475 families from the Kyiv region and 2,854 from the Vinnytsia region (their sum), "
                             "among them 2,866 Polish and 1,903 German families")],
        "sources": [source("polian2004"), source("zhezytskyi1997")],
        "location_precision": "approximate",
    },
    {
        "id": "deportation-poles-germans-kazakhstan-1936",
        "name": "Deportation of Poles and Germans from Ukraine to Kazakhstan",
        "subcategory": "ethnic deportation",
        "start": "1936", "date_precision": "year",
        "legs": [("ukraine-border", "karaganda")],
        "description": (
            "A Sovnarkom resolution of 28 April 1936 ordered 15,000 Polish and German households to be moved "
            "from Soviet Ukraine, chiefly its western border districts, to the Karaganda region of Kazakhstan, "
            "where the deportees were settled under NKVD control."
        ),
        "sources": [source("polian2004")],
        "location_precision": "approximate",
    },
    {
        "id": "deportation-koreans-1937",
        "name": "Deportation of the Soviet Koreans",
        "alt_names": [{"name": "Депортация корейцев", "lang": "ru"}],
        "subcategory": "ethnic deportation",
        "start": "1937-09", "end": "1937-10", "date_precision": "month",
        "legs": [
            ("far-east", "kazakhstan-kyzylorda",
             fig("deported", 95256, sources=[source("polian2004")], note="20,170 families sent to Kazakhstan")),
            ("far-east", "uzbekistan",
             fig("deported", 76525, sources=[source("polian2004")], note="16,272 families sent to Uzbekistan")),
        ],
        "description": (
            "Under a joint resolution of Sovnarkom and the Party Central Committee of 21 August 1937, the "
            "entire Korean population of the Soviet Far East, 171,781 people in all, was deported by train "
            "from Primorye to Kazakhstan and Uzbekistan in September and October 1937. This feature is the "
            "part of the operation that went to {dest}."
        ),
        "sources": [source("polian2004"), source("pohl1999")],
        "location_precision": "region",
    },
    {
        "id": "deportation-poland-1940-02",
        "name": "First deportation from eastern Poland: military settlers and foresters",
        "subcategory": "deportation from annexed territories",
        "group": "deportations-eastern-poland-1940-1941",
        "start": "1940-02-10", "date_precision": "day",
        "legs": [(o, d) for o in ("western-ukraine", "western-belarus") for d in ("northern-krai", "komi", "urals")],
        "figures": [fig("deported", 139068, 139794, year=1940,
                        sources=[source("kresy-siberia", url=KRESY + "30")],
                        note="139,794 loaded and sent by the NKVD's operational reports (89,062 from western Ukraine, "
                             "50,732 from western Belarus); 139,068 by the count of the NKVD convoy troops")],
        "description": (
            "On 10 February 1940, in deep winter, the NKVD deported Polish military settlers (osadnicy), "
            "forest guards and their families from the eastern Polish lands annexed by the USSR in 1939, now "
            "western Ukraine and western Belarus, to special settlements in the forests of the Russian North, "
            "the Urals and Siberia."
        ),
        "sources": [source("gross1988"), source("polian2004")],
        "location_precision": "approximate",
    },
    {
        "id": "deportation-poland-1940-04",
        "name": "Second deportation from eastern Poland: families of the arrested",
        "subcategory": "deportation from annexed territories",
        "group": "deportations-eastern-poland-1940-1941",
        "start": "1940-04-13", "date_precision": "day",
        "legs": [("western-ukraine", "northern-kazakhstan"), ("western-belarus", "northern-kazakhstan")],
        "description": (
            "On 13 April 1940 the families of Polish officers, policemen, officials and others already "
            "arrested or held in NKVD prisoner camps, mostly women, children and the elderly, were deported "
            "from western Ukraine and western Belarus to northern Kazakhstan."
        ),
        "figures": [fig("deported", 60667, 61092, year=1940, sources=[source("kresy-siberia", url=KRESY + "22")],
                        note="carried to Kazakhstan in 51 trains: 60,667, or 61,092 by other NKVD sources")],
        "sources": [source("gross1988"), source("polian2004")],
        "location_precision": "approximate",
    },
    {
        "id": "deportation-poland-1940-06",
        "name": "Third deportation from eastern Poland: refugees from the German zone",
        "subcategory": "deportation from annexed territories",
        "group": "deportations-eastern-poland-1940-1941",
        "start": "1940-06", "date_precision": "month",
        "legs": [(o, d) for o in ("western-ukraine", "western-belarus") for d in ("northern-krai", "western-siberia")],
        "description": (
            "In June 1940 refugees who had fled German-occupied Poland in 1939, many of them Jews, and who had "
            "refused Soviet passports or registered to go back, were deported from western Ukraine and "
            "western Belarus to special settlements in the Russian North and Siberia."
        ),
        "figures": [fig("deported", 76246, 80653, year=1940, sources=[source("kresy-siberia", url=KRESY + "23")],
                        note="76,246 carried in 57 trains by the count of the NKVD convoy troops; 80,653 in the "
                             "final count (57,774 from western Ukraine, 22,879 from western Belarus)")],
        "sources": [source("gross1988"), source("polian2004")],
        "location_precision": "approximate",
    },
    {
        "id": "deportation-poland-1941-05",
        "name": "Fourth deportation from the former eastern Poland",
        "subcategory": "deportation from annexed territories",
        "group": "deportations-eastern-poland-1940-1941",
        "start": "1941-05-22", "end": "1941-06-20", "date_precision": "day",
        "legs": [(o, d) for o in ("western-ukraine", "western-belarus") for d in ("kazakhstan", "western-siberia")],
        "description": (
            "The last wave before the German invasion took families of members of underground and "
            "nationalist organisations and other 'anti-Soviet elements' from western Ukraine (22 May 1941) "
            "and western Belarus (around 20 June 1941) to Kazakhstan and Siberia."
        ),
        "figures": [fig("deported", 34724, year=1941,
                        sources=[source("kresy-siberia", url=KRESY + "33&page=6")],
                        note="placed in exile by the NKVD's local counts: 12,371 from western Ukraine and 22,353 "
                             "from western Belarus (their sum; the count for western Belarus is disputed)")],
        "sources": [source("gross1988"), source("polian2004")],
        "related": ["deportation-june-1941-lithuania", "deportation-june-1941-latvia",
                    "deportation-june-1941-estonia", "deportation-june-1941-moldova"],
        "location_precision": "approximate",
    },
    {
        "id": "deportation-june-1941-lithuania",
        "name": "June deportation from Lithuania",
        "alt_names": [{"name": "Birželio trėmimai", "lang": "lt"}],
        "subcategory": "deportation from annexed territories",
        "group": "deportations-june-1941",
        "start": "1941-06-14", "end": "1941-06", "date_precision": "month",
        "legs": [("lithuania", "altai"), ("lithuania", "krasnoyarsk")],
        "description": (
            "From 14 June 1941 the NKVD deported 'anti-Soviet elements' and their families from Lithuania, "
            "annexed the year before. Most men were separated from their families and sent to camps such as "
            "Kraslag in the Krasnoyarsk Krai; women, children and the old were sent to special settlements, "
            "many of them in the Altai Krai."
        ),
        "figures": [fig("deported", 18000, year=1941, sources=[source("lnm-exile")],
                        note="about 18,000 arrested and put into freight wagons within a few days")],
        "sources": [source("misiunas1993"), source("polian2004")],
        "location_precision": "approximate",
    },
    {
        "id": "deportation-june-1941-latvia",
        "name": "June deportation from Latvia",
        "alt_names": [{"name": "Jūnija deportācija", "lang": "lv"}],
        "subcategory": "deportation from annexed territories",
        "group": "deportations-june-1941",
        "start": "1941-06-14", "date_precision": "day",
        "legs": [("latvia", "krasnoyarsk"), ("latvia", "novosibirsk"), ("latvia", "kirov")],
        "description": (
            "On 14 June 1941 the NKVD deported thousands of people from Latvia, annexed the year before. "
            "Families were sent to special settlements in the Krasnoyarsk Krai and the Novosibirsk region, "
            "while most of the men were separated and sent to camps, many to Vyatlag in the Kirov region."
        ),
        "figures": [fig("deported", 15443, year=1941, sources=[source("occupation-museum-lv")]),
                    fig("deaths", 40, unit="percent of the deportees", sources=[source("occupation-museum-lv")],
                        note="about 40 percent of those deported on 14 June 1941 died, several dozen of them on "
                             "the way; in the camps 65 percent died, 700 of them executed")],
        "sources": [source("misiunas1993"), source("polian2004")],
        "location_precision": "approximate",
    },
    {
        "id": "deportation-june-1941-estonia",
        "name": "June deportation from Estonia",
        "alt_names": [{"name": "Juuniküüditamine", "lang": "et"}],
        "subcategory": "deportation from annexed territories",
        "group": "deportations-june-1941",
        "start": "1941-06-14", "date_precision": "day",
        "legs": [("estonia", "kirov"), ("estonia", "novosibirsk"), ("estonia", "urals")],
        "description": (
            "On 14 June 1941 the NKVD deported thousands of people from Estonia, annexed the year before. "
            "Families were sent to the Kirov and Novosibirsk regions, and most of the men to camps, "
            "Sevurallag in the northern Urals among them, where many died within a year."
        ),
        "figures": [fig("deported", 9156, year=1941, sources=[source("eestiajalugu-1941")],
                        note="by the deportation report: 3,178 arrested, mostly men, and 5,978 deported "
                             "(their sum)")],
        "sources": [source("misiunas1993"), source("polian2004")],
        "location_precision": "approximate",
    },
    {
        "id": "deportation-june-1941-moldova",
        "name": "June deportation from Moldavia and northern Bukovina",
        "subcategory": "deportation from annexed territories",
        "group": "deportations-june-1941",
        "start": "1941-06-13", "date_precision": "day",
        "legs": [("bessarabia-bukovina", "kazakhstan"), ("bessarabia-bukovina", "western-siberia")],
        "description": (
            "In the night of 12 to 13 June 1941 the NKVD deported 'anti-Soviet elements' and their families "
            "from Bessarabia and northern Bukovina, annexed from Romania in 1940, to Kazakhstan and Siberia; "
            "most men were separated from their families and sent to camps."
        ),
        "figures": [fig("deported", 29839, year=1941, sources=[source("petrencu2021")],
                        note="by the NKGB's report to Stalin, Molotov and Beria of 14 June 1941 (Kobulov), "
                             "from the Moldavian SSR and the Chernivtsi and Izmail regions")],
        "sources": [source("polian2004")],
        "location_precision": "approximate",
    },
    {
        "id": "deportation-volga-germans-1941",
        "name": "Deportation of the Volga Germans",
        "alt_names": [{"name": "Депортация немцев Поволжья", "lang": "ru"}],
        "subcategory": "ethnic deportation",
        "group": "deportations-soviet-germans-1941",
        "start": "1941-09", "date_precision": "month",
        "legs": [("volga-german-asrr", d) for d in ("kazakhstan", "omsk", "novosibirsk", "altai", "krasnoyarsk")],
        "description": (
            "A decree of the Presidium of the Supreme Soviet of 28 August 1941 accused the Volga Germans of "
            "harbouring saboteurs and ordered their resettlement. In September 1941 the whole German "
            "population of the Volga German ASSR and of the Saratov and Stalingrad regions was deported to "
            "Kazakhstan and Siberia, and the republic was abolished."
        ),
        "figures": [fig("deported", 446480, year=1941, sources=[GERMANS_1941],
                        note="from the former Volga German ASSR, " + DECEMBER_1941 + "; 46,706 more were "
                             "deported from the Saratov region and 26,245 from the Stalingrad region")],
        "sources": [source("polian2004"), source("pohl1999"), source("conquest1970")],
        "location_precision": "region",
    },
    {
        "id": "deportation-germans-crimea-1941",
        "name": "Removal of the Crimean Germans",
        "subcategory": "ethnic deportation",
        "group": "deportations-soviet-germans-1941",
        "start": "1941-08", "date_precision": "month",
        "legs": [("crimea", "kazakhstan")],
        "description": (
            "In August 1941, as the Wehrmacht advanced, the Germans of Crimea were removed from the peninsula, "
            "first to the North Caucasus and then, with the Germans living there, on to Kazakhstan."
        ),
        "figures": [fig("deported", 63000, year=1941, sources=[GERMANS_1941],
                        note="about 60,000 sent first to the Ordzhonikidze Krai and about 3,000 to the Rostov "
                             "region from 15 August 1941 (their sum)")],
        "sources": [source("polian2004"), source("pohl1999")],
        "location_precision": "approximate",
    },
    {
        "id": "deportation-germans-north-caucasus-1941",
        "name": "Deportation of the Germans of the North Caucasus",
        "subcategory": "ethnic deportation",
        "group": "deportations-soviet-germans-1941",
        "start": "1941-09", "end": "1941-10", "date_precision": "month",
        "legs": [("kuban", "kazakhstan")],
        "description": (
            "In September and October 1941 the German settlers of the Krasnodar and Ordzhonikidze krais and "
            "of the Kabardino-Balkar and North Ossetian republics were deported to Kazakhstan."
        ),
        "figures": [fig("deported", 144421, year=1941, sources=[GERMANS_1941],
                        note="Ordzhonikidze Krai 98,903, Krasnodar Krai 37,300, Kabardino-Balkar ASSR 5,803 and "
                             "North Ossetian ASSR 2,415 (their sum), " + DECEMBER_1941 + "; the Ordzhonikidze "
                             "figure includes about 60,000 Germans brought there from Crimea in August")],
        "sources": [source("polian2004"), source("pohl1999")],
        "location_precision": "approximate",
    },
    {
        "id": "deportation-germans-ukraine-1941",
        "name": "Deportation of the Germans of eastern Ukraine",
        "subcategory": "ethnic deportation",
        "group": "deportations-soviet-germans-1941",
        "start": "1941-09", "end": "1941-10", "date_precision": "month",
        "legs": [("ukraine-southeast", "kazakhstan")],
        "description": (
            "In September and October 1941 the Germans of the parts of Ukraine not yet occupied, above all "
            "the Zaporizhzhia, Dnipropetrovsk, Stalino and Voroshilovgrad regions, were deported to "
            "Kazakhstan. Most Germans west of the Dnieper were overtaken by the German advance."
        ),
        "figures": [fig("deported", 80617, year=1941, sources=[GERMANS_1941],
                        note="Stalino region 35,477, Zaporizhzhia region 32,032, Voroshilovgrad region 9,858 "
                             "and the city of Dnipropetrovsk 3,250 (their sum), " + DECEMBER_1941)],
        "sources": [source("polian2004"), source("pohl1999")],
        "location_precision": "approximate",
    },
    {
        "id": "deportation-germans-transcaucasia-1941",
        "name": "Deportation of the Germans of Transcaucasia",
        "subcategory": "ethnic deportation",
        "group": "deportations-soviet-germans-1941",
        "start": "1941-10", "end": "1941-11", "date_precision": "month",
        "legs": [("georgia", "kazakhstan"), ("azerbaijan", "kazakhstan")],
        "description": (
            "In October and November 1941 the German communities of Georgia, Azerbaijan and Armenia, "
            "far from any front, were deported across the Caspian Sea to Kazakhstan."
        ),
        "figures": [fig("deported", 43476, year=1941, sources=[GERMANS_1941],
                        note="Azerbaijan 22,841, Georgia 20,423 and Armenia 212 (their sum), " + DECEMBER_1941)],
        "sources": [source("polian2004"), source("pohl1999")],
        "location_precision": "approximate",
    },
    {
        "id": "deportation-finns-leningrad-1942",
        "name": "Deportation of the Finns and Ingrians from the Leningrad region",
        "subcategory": "ethnic deportation",
        "start": "1942-03", "end": "1942-04", "date_precision": "month",
        "legs": [("leningrad", region, fig("deported", people, year=1942, sources=[INGRIA_COUNT],
                                           note=f"Finns settled in {REGIONS[region].label}, by Zemskov's figures"))
                 for region, people in (("krasnoyarsk", 17837), ("irkutsk", 8267), ("yakutia", 3694),
                                        ("omsk", 3602))],
        "description": (
            "In March and April 1942, on an order of the Leningrad Front's military council of 20 March, the "
            "Finnish (Ingrian) and remaining German population of the districts around besieged Leningrad was "
            "taken across the ice of Lake Ladoga and deported to Siberia, including the fishing settlements of "
            "the lower Lena in Yakutia: 44,737 Finns in all, by V. N. Zemskov's figures, the rest of them to the "
            "Vologda and Kirov regions (not drawn). This feature is the part that went to {dest}."
        ),
        "sources": [source("polian2004"), source("pohl1999"), INGRIA_COUNT],
        "location_precision": "approximate",
    },
    {
        "id": "deportation-karachays-1943",
        "name": "Deportation of the Karachays",
        "alt_names": [{"name": "Депортация карачаевцев", "lang": "ru"}],
        "subcategory": "ethnic deportation",
        "group": "deportations-punished-peoples-1943-1944",
        "start": "1943-11-02", "date_precision": "day",
        "legs": [
            ("karachay", "southern-kazakhstan",
             fig("deported", 45500, year=1943, sources=[source("bugai1992", pages="doc. 2, pp. 97-98"), KARACHAY_COUNT],
                 note="sent to Kazakhstan")),
            ("karachay", "kyrgyzstan",
             fig("deported", 22721, year=1943, sources=[KARACHAY_COUNT],
                 note="arrived in Kyrgyzstan by 22 November 1943 (Pobol' and Polian, doc. 3.82)")),
        ],
        "description": (
            "After a decree of 12 October 1943 abolished the Karachay Autonomous Region, NKVD troops deported "
            "the entire Karachay people, accused of collaboration with the German occupiers, from the North "
            "Caucasus to Kazakhstan and Kyrgyzstan on 2 November 1943: 68,938 people by the NKVD's count. "
            "This feature is the part of the operation that went to {dest}."
        ),
        "sources": [source("polian2004"), source("pohl1999"), source("conquest1970"), KARACHAY_COUNT],
        "location_precision": "region",
    },
    {
        "id": "deportation-kalmyks-1943",
        "name": "Deportation of the Kalmyks (Operation 'Ulusy')",
        "alt_names": [{"name": "Операция «Улусы»", "lang": "ru"}],
        "subcategory": "ethnic deportation",
        "group": "deportations-punished-peoples-1943-1944",
        "start": "1943-12-28", "end": "1943-12", "date_precision": "month",
        "legs": [("kalmykia", d) for d in ("omsk", "novosibirsk", "altai", "krasnoyarsk")],
        "description": (
            "Following a decree of 27 December 1943 that abolished the Kalmyk ASSR, the NKVD deported the "
            "Kalmyk people from 28 December 1943 in Operation 'Ulusy' to the Omsk and Novosibirsk "
            "regions and the Altai and Krasnoyarsk krais of Siberia."
        ),
        "figures": [fig("deported", 93139, year=1943,
                        sources=[source("pohl-blog", url=POHL + "/2014/01/report-by-beria-to-stalin-and-molotov.html")],
                        note="26,359 families loaded onto 46 trains, by Beria's report to Stalin and Molotov "
                             "of 3 January 1944; 750 people arrested at the start are not counted"),
                    fig("deaths in transit", 1250, year=1944,
                        sources=[source("pohl-blog", url=POHL + "/2005/12/operation-ulusy.html")],
                        note="more than 1,250 deaths on the way, recorded by the NKVD")],
        "sources": [source("polian2004"), source("pohl1999"), source("conquest1970")],
        "location_precision": "region",
    },
    {
        "id": "deportation-chechens-ingush-1944",
        "name": "Deportation of the Chechens and Ingush (Operation 'Chechevitsa')",
        "alt_names": [{"name": "Операция «Чечевица»", "lang": "ru"}, {"name": "Аардах", "lang": "ce"}],
        "subcategory": "ethnic deportation",
        "group": "deportations-punished-peoples-1943-1944",
        "start": "1944-02-23", "end": "1944-03", "date_precision": "month",
        "legs": [("chechnya", "kazakhstan"), ("chechnya", "kyrgyzstan")],
        "description": (
            "Under State Defence Committee decree No. 5073ss of 31 January 1944, NKVD and army units began on "
            "23 February 1944 to deport the whole Chechen and Ingush population of the Checheno-Ingush ASSR, "
            "which was then abolished, to Kazakhstan and Kyrgyzstan. Beria directed the operation in person "
            "from Grozny."
        ),
        "figures": [fig("deported", 478479, sources=[source("bugai1995")],
                        note="loaded onto trains by 1 March 1944, 91,250 of them Ingush (Beria's report to Stalin)")],
        "sources": [source("bugai1995"), source("polian2004"), source("pohl1999"), source("naimark2010"), source("conquest1970")],
        "location_precision": "region",
    },
    {
        "id": "deportation-balkars-1944",
        "name": "Deportation of the Balkars",
        "alt_names": [{"name": "Депортация балкарцев", "lang": "ru"}],
        "subcategory": "ethnic deportation",
        "group": "deportations-punished-peoples-1943-1944",
        "start": "1944-03-08", "end": "1944-03-09", "date_precision": "day",
        "legs": [("balkaria", "kazakhstan"), ("balkaria", "kyrgyzstan")],
        "description": (
            "On 8 and 9 March 1944 the NKVD deported the Balkars, the Turkic highlanders of the "
            "Kabardino-Balkar ASSR, to Kazakhstan and Kyrgyzstan; the republic was renamed the Kabardian ASSR."
        ),
        "figures": [fig("deported", 37713, year=1944,
                        sources=[source("bugai1992", pages="doc. 29, pp. 113-114"),
                                 source("pohl-blog", url=POHL + "/2009/03/65-years-since-deportation-of-balkars.html")],
                        note="loaded onto 14 trains on 8-9 March 1944, by the NKVD's count"),
                    fig("deaths", 7000, 8000,
                        sources=[source("pohl-blog", "low", url=POHL + "/2015/03/71-years-since-deportation-of-balkars.html"),
                                 source("pohl-blog", "high", url=POHL + "/2014/03/70-years-since-deportation-of-balkars.html")],
                        note="premature deaths in exile: over 7,000 in the first eight years, nearly 8,000 "
                             "(over 20 percent) in the first four, as Pohl gives them in two posts")],
        "sources": [source("polian2004"), source("pohl1999"), source("conquest1970")],
        "location_precision": "region",
    },
    {
        "id": "deportation-crimean-tatars-1944",
        "name": "Deportation of the Crimean Tatars (Sürgünlik)",
        "alt_names": [{"name": "Sürgünlik", "lang": "crh"}, {"name": "Депортация крымских татар", "lang": "ru"}],
        "subcategory": "ethnic deportation",
        "group": "deportations-punished-peoples-1943-1944",
        "start": "1944-05-18", "end": "1944-05-20", "date_precision": "day",
        "legs": [("crimea", "uzbekistan"), ("crimea", "mari"), ("crimea", "urals")],
        "description": (
            "Under State Defence Committee decree No. 5859ss of 11 May 1944, the NKVD deported the entire "
            "Crimean Tatar people from Crimea between 18 and 20 May 1944. Most were sent to Uzbekistan, the "
            "rest to the Mari ASSR, the Urals and other regions of Russia."
        ),
        "figures": [fig("deported", 180000, 200000, year=1944,
                        sources=[source("pohl-blog", url=POHL + "/2006/05/stalins-ethnic-cleansing-of-crimean.html")],
                        note="over 180,000 sent by train to Uzbekistan and 11,000 men mobilised for forced labour: "
                             "nearly 200,000 in all (rounded figures)"),
                    fig("deaths", 44887, year=1945, sources=[source("campana2008")],
                        note="special settlers from Crimea (the Crimean Tatars and the Greeks, Bulgarians and "
                             "Armenians deported after them) who died in exile in 1944-1945, 19.6 percent, by an "
                             "official document published by Bugai; deaths on the trains are not included")],
        "sources": [source("polian2004"), source("pohl1999"), source("conquest1970")],
        "location_precision": "region",
    },
    {
        "id": "deportation-crimean-greeks-bulgarians-armenians-1944",
        "name": "Deportation of the Crimean Greeks, Bulgarians and Armenians",
        "subcategory": "ethnic deportation",
        "group": "deportations-punished-peoples-1943-1944",
        "start": "1944-06", "date_precision": "month",
        "legs": [("crimea", "molotov"), ("crimea", "bashkiria"), ("crimea", "urals")],
        "description": (
            "Weeks after the Crimean Tatars, the Greeks, Bulgarians and Armenians of Crimea were deported in "
            "June 1944 on a State Defence Committee decree of 2 June 1944, to special settlements in the east, "
            "the Molotov and Sverdlovsk regions of the Urals and Bashkiria among them."
        ),
        "figures": [fig("deported", 37455, 38455, year=1944, sources=[source("den2014")],
                        note="37,455 in all, against 37,000 ordered by the State Defence Committee; the parts "
                             "given (16,006 Greeks, 12,628 Bulgarians, 9,821 Armenians) add up to 38,455")],
        "sources": [source("polian2004"), source("pohl1999")],
        "related": ["deportation-crimean-tatars-1944"],
        "location_precision": "approximate",
    },
    {
        "id": "deportation-meskhetian-turks-1944",
        "name": "Deportation of the Meskhetian Turks, Kurds and Hemshins",
        "subcategory": "ethnic deportation",
        "group": "deportations-punished-peoples-1943-1944",
        "start": "1944-11-15", "end": "1944-11-28", "date_precision": "day",
        "legs": [
            ("meskheti", "uzbekistan", fig("deported", 53163, year=1944, sources=[MESKHETI_COUNT],
                                           note="sent to Uzbekistan, by the NKVD's count of December 1944")),
            ("meskheti", "southern-kazakhstan", fig("deported", 28598, year=1944, sources=[MESKHETI_COUNT],
                                                    note="sent to Kazakhstan, by the NKVD's count of December 1944")),
            ("meskheti", "kyrgyzstan", fig("deported", 10546, year=1944, sources=[MESKHETI_COUNT],
                                           note="sent to Kyrgyzstan, by the NKVD's count of December 1944")),
        ],
        "description": (
            "On a State Defence Committee decree of 31 July 1944, the NKVD deported the Meskhetian Turks, "
            "together with Kurds and Hemshins, from the districts of southern Georgia bordering Turkey between "
            "15 and 28 November 1944, 92,307 people in all by its December count, to Uzbekistan, Kazakhstan "
            "and Kyrgyzstan. This feature is the part of the operation that went to {dest}."
        ),
        "sources": [source("polian2004"), source("pohl1999"), MESKHETI_COUNT],
        "location_precision": "region",
    },
    {
        "id": "deportation-zapad-1947",
        "name": "Operation 'Zapad': deportation from western Ukraine",
        "alt_names": [{"name": "Операция «Запад»", "lang": "ru"}],
        "subcategory": "deportation of insurgents' families",
        "start": "1947-10-21", "end": "1947-10", "date_precision": "month",
        "legs": [("western-ukraine", "kazakhstan"), ("western-ukraine", "siberia")],
        "description": (
            "Beginning on 21 October 1947 the MGB deported, in a few days, families of members and supporters "
            "of the Ukrainian nationalist underground (OUN and UPA) from the western regions of Ukraine to "
            "special settlements in Siberia and Kazakhstan, the largest post-war deportation from Ukraine."
        ),
        "figures": [fig("deported", 76192, 77791, year=1947,
                        sources=[source("zik2017", "low"), source("kohut-zapad", "high")],
                        note="76,192 in 26,682 families, the figure long quoted; 77,791 in 26,332 families by the "
                             "MGB documents in the SBU archive")],
        "sources": [source("statiev2010"), source("polian2004")],
        "location_precision": "approximate",
    },
    {
        "id": "deportation-vesna-1948",
        "name": "Operation 'Vesna': deportation from Lithuania",
        "alt_names": [{"name": "Операция «Весна»", "lang": "ru"}],
        "subcategory": "deportation of insurgents' families",
        "start": "1948-05-22", "end": "1948-05-23", "date_precision": "day",
        "legs": [("lithuania", "krasnoyarsk"), ("lithuania", "irkutsk")],
        "description": (
            "On 22 and 23 May 1948 Soviet security forces deported families of partisans, 'kulaks' and other "
            "'bandits and nationalists' from Lithuania to special settlements in eastern Siberia, above all "
            "in the Krasnoyarsk Krai and the Irkutsk region, where they worked in logging."
        ),
        "figures": [fig("deported", 40000, year=1948, sources=[source("komisija-vesna")],
                        note="approximately 40,000")],
        "sources": [source("statiev2010"), source("misiunas1993"), source("polian2004")],
        "location_precision": "approximate",
    },
    {
        "id": "deportation-priboi-1949-estonia",
        "name": "Operation 'Priboi': the March deportation from Estonia",
        "alt_names": [{"name": "Märtsiküüditamine", "lang": "et"}, {"name": "Операция «Прибой»", "lang": "ru"}],
        "subcategory": "deportation of insurgents' families and 'kulaks'",
        "group": "operation-priboi-1949",
        "start": "1949-03-25", "end": "1949-03-28", "date_precision": "day",
        "legs": [("estonia", "siberia")],
        "figures": [fig("deported", 20173, year=1949, sources=PRIBOI_COUNT,
                        note="7,488 families, by Interior Minister Kruglov's report to Stalin of 18 May 1949")],
        "description": (
            "In Operation 'Priboi', ordered by a USSR Council of Ministers decree of 29 January 1949, the MGB "
            "deported 'kulaks' and families of 'bandits and nationalists' from Estonia to special settlements "
            "in Siberia in the last week of March 1949, breaking resistance to collectivization."
        ),
        "sources": [source("strods2002"), source("misiunas1993"), source("statiev2010")],
        "location_precision": "approximate",
    },
    {
        "id": "deportation-priboi-1949-latvia",
        "name": "Operation 'Priboi': the March deportation from Latvia",
        "alt_names": [{"name": "Marta deportācija", "lang": "lv"}, {"name": "Операция «Прибой»", "lang": "ru"}],
        "subcategory": "deportation of insurgents' families and 'kulaks'",
        "group": "operation-priboi-1949",
        "start": "1949-03-25", "end": "1949-03-28", "date_precision": "day",
        "legs": [("latvia", "siberia")],
        "figures": [fig("deported", 42149, year=1949, sources=PRIBOI_COUNT,
                        note="13,624 families, by Interior Minister Kruglov's report to Stalin of 18 May 1949")],
        "description": (
            "In Operation 'Priboi', ordered by a USSR Council of Ministers decree of 29 January 1949, the MGB "
            "deported 'kulaks' and families of 'bandits and nationalists' from Latvia to special settlements "
            "in Siberia in the last week of March 1949; it was the largest of the three Baltic parts."
        ),
        "sources": [source("strods2002"), source("misiunas1993"), source("statiev2010")],
        "location_precision": "approximate",
    },
    {
        "id": "deportation-priboi-1949-lithuania",
        "name": "Operation 'Priboi': the March deportation from Lithuania",
        "alt_names": [{"name": "Операция «Прибой»", "lang": "ru"}],
        "subcategory": "deportation of insurgents' families and 'kulaks'",
        "group": "operation-priboi-1949",
        "start": "1949-03-25", "end": "1949-03-28", "date_precision": "day",
        "legs": [("lithuania", "siberia")],
        "figures": [fig("deported", 31917, year=1949, sources=PRIBOI_COUNT,
                        note="9,518 families, by Interior Minister Kruglov's report to Stalin of 18 May 1949")],
        "description": (
            "In Operation 'Priboi', ordered by a USSR Council of Ministers decree of 29 January 1949, the MGB "
            "deported 'kulaks' and families of partisans from Lithuania to special settlements in Siberia in "
            "the last week of March 1949."
        ),
        "sources": [source("strods2002"), source("misiunas1993"), source("statiev2010")],
        "location_precision": "approximate",
    },
    {
        "id": "deportation-yug-1949",
        "name": "Operation 'Yug': deportation from Moldavia",
        "alt_names": [{"name": "Операция «Юг»", "lang": "ru"}],
        "subcategory": "deportation of 'kulaks' and their families",
        "start": "1949-07", "date_precision": "month",
        "legs": [("moldavian-ssr", "siberia")],
        "description": (
            "In early July 1949 the MGB deported 'kulaks', former landowners and traders, members of "
            "'anti-Soviet' parties and sects and their families from the Moldavian SSR to special settlements "
            "in Siberia, clearing the way for collectivization."
        ),
        "figures": [fig("deported", 35144, 35796, year=1949, sources=[source("zdg2022")],
                        note="35,796 by the MGB report of June 1952; the deportation lists published by Moldova's "
                             "National Archives Agency name 35,144 people")],
        "sources": [source("polian2004")],
        "location_precision": "approximate",
    },
    {
        "id": "deportation-black-sea-greeks-1949",
        "name": "Deportation of Greeks, Turks and Dashnaks from the Black Sea coast and Transcaucasia",
        "subcategory": "ethnic deportation",
        "start": "1949-06", "date_precision": "month",
        "legs": [("black-sea-coast", "southern-kazakhstan")],
        "description": (
            "Under a USSR Council of Ministers decree of 29 May 1949, in June 1949 Greeks of Greek, Turkish or "
            "no citizenship, Turkish citizens and former members of the Armenian Dashnak party were deported "
            "from the Black Sea coast and the Transcaucasian republics to southern Kazakhstan."
        ),
        "figures": [fig("deported", 30000, year=1949, sources=[source("ekhokavkaza2019")],
                        note="almost 30,000 Pontic Greeks from Abkhazia alone, in the operation called 'Volna' "
                             "(Wave); the total of the operation is not established")],
        "sources": [source("polian2004"), source("pohl1999")],
        "location_precision": "approximate",
    },
    {
        "id": "deportation-sever-1951",
        "name": "Operation 'Sever': deportation of Jehovah's Witnesses",
        "alt_names": [{"name": "Операция «Север»", "lang": "ru"}],
        "subcategory": "religious deportation",
        "start": "1951-04", "date_precision": "month",
        "legs": [(o, d) for o in ("moldavian-ssr", "western-ukraine") for d in ("tomsk", "irkutsk", "krasnoyarsk")],
        "description": (
            "At the beginning of April 1951 the MGB deported Jehovah's Witnesses and their families from "
            "Moldavia, western Ukraine, Belarus and the Baltic republics to special settlements in Siberia, "
            "chiefly the Tomsk and Irkutsk regions and the Krasnoyarsk Krai."
        ),
        "figures": [fig("deported", 9793, year=1951, sources=[source("introvigne2021")],
                        note="Jehovah's Witnesses and their families, from Ukraine, Moldavia, Belarus and the "
                             "Baltic republics")],
        "sources": [source("polian2004")],
        "location_precision": "approximate",
    },
]


def arc(start: tuple[float, float], end: tuple[float, float], steps: int = 16, bend: float = 0.08) -> list[list[float]]:
    """A gentle quadratic curve from start to end (lon, lat), bowed towards the north (or the east,
    for a flow due north or south) so that flows sharing an end fan out; the ends are exact."""
    (x0, y0), (x1, y1) = start, end
    dx, dy = x1 - x0, y1 - y0
    # the normal (-dy, dx) points to the left of the direction of travel; turn it poleward
    nx, ny = -dy, dx
    if ny < 0 or (ny == 0 and nx < 0):
        nx, ny = -nx, -ny
    cx, cy = (x0 + x1) / 2 + nx * bend, (y0 + y1) / 2 + ny * bend
    points = []
    for i in range(steps + 1):
        t = i / steps
        x = (1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t**2 * x1
        y = (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t**2 * y1
        points.append([round(x, 4), round(y, 4)])
    return points


def line(origin: str, destination: str) -> list[list[float]]:
    a, b = REGIONS[origin], REGIONS[destination]
    return arc((a.lon, a.lat), (b.lon, b.lat))


def join(labels: list[str]) -> str:
    unique = list(dict.fromkeys(labels))
    return unique[0] if len(unique) == 1 else ", ".join(unique[:-1]) + " and " + unique[-1]


def strip_article(label: str) -> str:
    return label.removeprefix("the ")


def share_id(operation_id: str, destination: str) -> str:
    words = re.findall(r"[a-z0-9]+", strip_article(REGIONS[destination].label).lower())
    return f"{operation_id}-{'-'.join(words)}"


def place(legs: list[tuple]) -> dict:
    origins = [REGIONS[leg[0]] for leg in legs]
    destinations = [REGIONS[leg[1]] for leg in legs]
    name = f"{join([strip_article(r.label) for r in origins])} → {join([strip_article(r.label) for r in destinations])}"
    countries = list(dict.fromkeys([r.country for r in origins] + [r.country for r in destinations]))
    return {"name": name[0].upper() + name[1:], "countries": countries}


PROPERTY_ORDER = ("id", "name", "alt_names", "category", "subcategory", "start", "end", "date_precision", "place",
                  "location_precision", "description", "figures", "sources", "related", "group")


def properties(operation: dict, **overrides) -> dict:
    merged = {**operation, "category": "deportation", **overrides}
    return {key: merged[key] for key in PROPERTY_ORDER if merged.get(key) not in (None, [], "")}


def features() -> list[dict]:
    out = []
    for operation in OPERATIONS:
        legs = operation["legs"]
        if all(len(leg) == 3 for leg in legs):
            group = operation["id"].removeprefix("deportation-")
            for origin, destination, share in legs:
                region = REGIONS[destination]
                out.append({
                    "type": "Feature",
                    "geometry": {"type": "LineString", "coordinates": line(origin, destination)},
                    "properties": properties(
                        operation,
                        id=share_id(operation["id"], destination),
                        name=f"{operation['name']}: to {strip_article(region.label)}",
                        description=operation["description"].format(dest=strip_article(region.label)),
                        place=place([(origin, destination)]),
                        figures=[share, *operation.get("figures", [])],
                        group=group,
                    ),
                })
            continue
        if any(len(leg) != 2 for leg in legs):
            raise ValueError(f"{operation['id']}: mix of legs with and without shares")
        if len(legs) == 1:
            geometry = {"type": "LineString", "coordinates": line(*legs[0])}
        else:
            geometry = {"type": "MultiLineString", "coordinates": [line(o, d) for o, d in legs]}
        out.append({"type": "Feature", "geometry": geometry, "properties": properties(operation, place=place(legs))})
    return out


def legs_of(feature_id: str) -> list[tuple[str, str]]:
    """(origin, destination) region keys of each line of the feature with this id, in order."""
    for operation in OPERATIONS:
        legs = operation["legs"]
        if operation["id"] == feature_id:
            return [(leg[0], leg[1]) for leg in legs]
        for leg in legs:
            if len(leg) == 3 and share_id(operation["id"], leg[1]) == feature_id:
                return [(leg[0], leg[1])]
    raise KeyError(feature_id)


if __name__ == "__main__":
    written = features()
    write_feature_collection(OUT, written)
    print(f"{OUT.relative_to(REPO)}: {len(written)} deportation flows")

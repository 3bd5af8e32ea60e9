"""The Russian and Ukrainian translations of the hand-written descriptions (`ru:` and `uk:`
beside `en:` in the fact files), as built into `events.geojson`, and the regions' labels in
each language that replace `{dest}` in the translations of a deportation split by destination.
"""

from __future__ import annotations

import pytest

from scripts import facts, flows


def test_a_region_label_is_english_text_or_given_in_each_language():
    assert flows.label("omsk") == "Omsk region"
    assert flows.label("omsk", "ru") == "Омская область"
    assert flows.label("altai", "uk") == "Алтайський край"
    assert flows.label("crimea") == "Crimea"
    with pytest.raises(facts.FactError, match=r"regions\.yaml:\d+: crimea has no label in 'uk'"):
        flows.label("crimea", "uk")

"""The project's bibliography: every source key used in the data resolves to a full citation here."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files


@cache
def citations() -> dict[str, str]:
    """Map of source key to full citation text."""
    entries = json.loads(files("dashboard").joinpath("bibliography.json").read_text(encoding="utf-8"))
    return {entry["key"]: entry["citation"] for entry in entries}


def cite(key: str, pages: str | None = None) -> str:
    """The full citation for a key, followed by where in the work ("pp. 98-101") when given."""
    text = citations()[key]
    return f"{text} {pages}" if pages else text

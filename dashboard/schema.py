"""The shape of one event in `events.geojson`, as pydantic models.

Rules that need more than one field of one feature (ids unique across the file, sources
that resolve, geometry that fits its category) live in `validation.py`. Features are validated
strictly (`model_validate(..., strict=True)`): a number given as a string or a boolean is an
error, never converted. Texts and lists have length limits, so that a broken or hostile file
cannot put megabytes into a popup.
"""

from __future__ import annotations

from typing import Annotated, Literal

from geojson_pydantic import Feature
from geojson_pydantic.geometries import Geometry
from pydantic import (
    AfterValidator, BaseModel, ConfigDict, Field, HttpUrl, StringConstraints, field_validator, model_validator,
)

from . import dates
from .categories import CATEGORIES

EARLIEST_YEAR, LATEST_YEAR = 1900, 1991
LARGEST_COUNT = 10**9  # no figure of this history reaches a billion
LONGEST_TEXT, LONGEST_NOTE, LONGEST_DESCRIPTION, LONGEST_ID = 300, 1000, 700, 120  # characters
MOST_ITEMS = 50  # names, sources, related events... in one list
MOST_FIGURES = 200  # a camp has one a year for each measure
# Characters that are invisible or reorder what follows: C0 and C1 controls (line breaks
# included) and the bidirectional marks, embeddings, overrides and isolates.
_HIDDEN = {chr(code) for code in [*range(0x20), *range(0x7F, 0xA0), 0x061C, 0x200E, 0x200F,
                                  *range(0x202A, 0x202F), *range(0x2066, 0x206A)]}


def _shown_as_written(text: str) -> str:
    hidden = next((char for char in text if char in _HIDDEN), None)
    if hidden is not None:
        raise ValueError(f"contains the control or bidirectional character U+{ord(hidden):04X} at position {text.index(hidden)}")
    return text


def _text(longest: int, shortest: int = 1):
    return Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=shortest, max_length=longest),
        AfterValidator(_shown_as_written),
    ]


Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=LONGEST_ID)]
Text = _text(LONGEST_TEXT)
Description = _text(LONGEST_DESCRIPTION, shortest=20)
TRANSLATED_INTO = ("ru", "uk")
Note = _text(LONGEST_NOTE)
Count = Annotated[int, Field(ge=0, le=LARGEST_COUNT)]
PartialDate = Annotated[str, StringConstraints(pattern=dates.PARTIAL_DATE.pattern)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Citation(Strict):
    """A work of the project's bibliography, by key, with where in it to look.

    `quoting` names what a page that was read quotes for the thing cited (a document, or a work
    with its page), as that page names it: the page (`key`, `url`) is the source, the quoted
    document is never cited as if it had been consulted.
    """

    key: Text
    pages: Text | None = None
    url: HttpUrl | None = None
    quoting: Note | None = None

    @model_validator(mode="after")
    def _quoted_on_a_page_read(self) -> Citation:
        if self.quoting is not None and self.url is None:
            raise ValueError("quoting needs the url of the page that was read and quotes it")
        return self


class FigureSource(Citation):
    """A citation for a figure; `supports` says which end of a range the work gives."""

    supports: Literal["low", "high", "both"] = "both"


class Figure(Strict):
    """A number (people deported, deaths, prisoners...) as a range with its sources.

    A figure known exactly has low == high. A contested one is a range, and each end must be
    backed by at least one source; a range citing several works says which end each gives.
    """

    measure: Text  # what is counted: "deported", "deaths", "prisoners", "executed", ...
    low: Count
    high: Count
    unit: Text = "people"
    year: int | None = Field(default=None, ge=EARLIEST_YEAR, le=LATEST_YEAR)
    note: Note | None = None
    sources: list[FigureSource] = Field(min_length=1, max_length=MOST_ITEMS)

    @model_validator(mode="after")
    def _range_is_sourced(self) -> Figure:
        if self.low > self.high:
            raise ValueError(f"low ({self.low}) is greater than high ({self.high})")
        if self.low != self.high:
            if len(self.sources) > 1:  # one work alone gives both ends; several say which each gives
                unsaid = [source.key for source in self.sources if "supports" not in source.model_fields_set]
                if unsaid:
                    raise ValueError(f"the range {self.low}-{self.high} cites several works: say which end "
                                     f"{unsaid[0]!r} supports (low, high or both)")
            backed = {source.supports for source in self.sources}
            for end in ("low", "high"):
                if not backed & {end, "both"}:
                    raise ValueError(f"the {end} end of the range {self.low}-{self.high} has no source")
        return self


class AltName(Strict):
    """Another name: native script, historical or translated. `lang` is an ISO 639 code."""

    name: Text
    lang: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z]{2,8})?$")]


class Place(Strict):
    """Where it happened, by today's name, with the ISO 3166 codes of today's countries."""

    name: Text
    countries: list[Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]] = Field(min_length=1, max_length=MOST_ITEMS)


class Translation(Strict):
    """An event's text in another language, translated from the English one."""

    description: Description


class EventProperties(Strict):
    id: Slug
    name: Text
    alt_names: list[AltName] = Field(default=[], max_length=MOST_ITEMS)
    category: Literal[tuple(CATEGORIES)]  # type: ignore[valid-type]
    subcategory: Text | None = None  # e.g. a camp's type, a battle's war
    activity: list[Text] = Field(default=[], max_length=MOST_ITEMS)  # economic activity (logging, mining...) of a camp or site
    belligerents: list[Text] = Field(default=[], max_length=MOST_ITEMS)
    outcome: Text | None = None
    start: PartialDate
    end: PartialDate | None = None
    date_precision: Literal[dates.PRECISIONS]  # type: ignore[valid-type]
    place: Place
    location_precision: Literal["exact", "settlement", "region", "approximate"]
    description: Description
    translations: dict[Literal[TRANSLATED_INTO], Translation] = {}  # type: ignore[valid-type]
    figures: list[Figure] = Field(default=[], max_length=MOST_FIGURES)
    sources: list[Citation] = Field(min_length=1, max_length=MOST_ITEMS)
    related: list[Slug] = Field(default=[], max_length=MOST_ITEMS)  # ids of events this one is tied to (a canal and its camp)
    group: Slug | None = None  # features that are parts of one thing share it (a camp's sites)
    wikidata: Annotated[str, StringConstraints(pattern=r"^Q[1-9][0-9]*$")] | None = None
    wikipedia: HttpUrl | None = None

    @field_validator("start", "end")
    @classmethod
    def _real_date_in_period(cls, value: str | None) -> str | None:
        if value is not None:
            year = dates.first_day(value).year
            if not EARLIEST_YEAR <= year <= LATEST_YEAR:
                raise ValueError(f"{value} is outside {EARLIEST_YEAR}-{LATEST_YEAR}")
        return value

    @model_validator(mode="after")
    def _dates_are_consistent(self) -> EventProperties:
        if self.end is not None and dates.first_day(self.start) > dates.last_day(self.end):
            raise ValueError(f"start ({self.start}) is after end ({self.end})")
        written = {dates.granularity(self.start)} | ({dates.granularity(self.end)} if self.end else set())
        claimed = self.date_precision
        if claimed == "day" and written != {"day"} or claimed == "month" and "year" in written:
            raise ValueError(
                f"date_precision is {claimed!r} but the dates ({self.start}, {self.end}) are not written to the {claimed}"
            )
        return self

    @property
    def last_date(self) -> str:
        return self.end or self.start


class EventFeature(Feature[Geometry, EventProperties]):
    """A GeoJSON Feature whose properties are an event; geometry is required."""

    model_config = ConfigDict(extra="forbid")
    geometry: Geometry
    properties: EventProperties

"""The shape of one event in `events.geojson`, as pydantic models.

Rules that need more than one field of one feature (ids unique across the file, sources
that resolve, geometry that fits its category) live in `validation.py`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from geojson_pydantic import Feature
from geojson_pydantic.geometries import Geometry
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, StringConstraints, field_validator, model_validator

from . import dates
from .categories import CATEGORIES

EARLIEST_YEAR, LATEST_YEAR = 1900, 1991

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
PartialDate = Annotated[str, StringConstraints(pattern=dates.PARTIAL_DATE.pattern)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Citation(Strict):
    """A work of the project's bibliography, by key, with where in it to look."""

    key: Text
    pages: Text | None = None
    url: HttpUrl | None = None


class FigureSource(Citation):
    """A citation for a figure; `supports` says which end of a range the work gives."""

    supports: Literal["low", "high", "both"] = "both"


class Figure(Strict):
    """A number (people deported, deaths, prisoners...) as a range with its sources.

    A figure known exactly has low == high. A contested one is a range, and each end must be
    backed by at least one source.
    """

    measure: Text  # what is counted: "deported", "deaths", "prisoners", "executed", ...
    low: int = Field(ge=0)
    high: int = Field(ge=0)
    unit: Text = "people"
    year: int | None = Field(default=None, ge=EARLIEST_YEAR, le=LATEST_YEAR)
    note: Text | None = None
    sources: list[FigureSource] = Field(min_length=1)

    @model_validator(mode="after")
    def _range_is_sourced(self) -> Figure:
        if self.low > self.high:
            raise ValueError(f"low ({self.low}) is greater than high ({self.high})")
        if self.low != self.high:
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
    countries: list[Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]] = Field(min_length=1)


class EventProperties(Strict):
    id: Slug
    name: Text
    alt_names: list[AltName] = []
    category: Literal[tuple(CATEGORIES)]  # type: ignore[valid-type]
    subcategory: Text | None = None  # e.g. a camp's type, a battle's war
    activity: list[Text] = []  # economic activity (logging, mining, construction...) of a camp or site
    belligerents: list[Text] = []
    outcome: Text | None = None
    start: PartialDate
    end: PartialDate | None = None
    date_precision: Literal[dates.PRECISIONS]  # type: ignore[valid-type]
    place: Place
    location_precision: Literal["exact", "settlement", "region", "approximate"]
    description: Annotated[str, StringConstraints(strip_whitespace=True, min_length=20, max_length=700)]
    figures: list[Figure] = []
    sources: list[Citation] = Field(min_length=1)
    related: list[Slug] = []  # ids of other events this one is tied to (a canal and its camp)
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

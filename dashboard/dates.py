"""Partial ISO dates ("1937", "1937-08", "1937-08-21") and the span of days each stands for."""

from __future__ import annotations

import calendar
import datetime as dt
import re

PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
PRECISIONS = ("day", "month", "year", "approximate")


def _parts(text: str) -> tuple[int, int | None, int | None]:
    match = PARTIAL_DATE.match(text)
    if not match:
        raise ValueError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError as error:
        raise ValueError(f"{text!r} is not a real date ({error})") from None
    return year, month, day


def first_day(text: str) -> dt.date:
    """The earliest day a partial date can mean; ValueError if it is not a date."""
    year, month, day = _parts(text)
    return dt.date(year, month or 1, day or 1)


def last_day(text: str) -> dt.date:
    """The latest day a partial date can mean; ValueError if it is not a date."""
    year, month, day = _parts(text)
    if day:
        return dt.date(year, month, day)
    month = month or 12
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def granularity(text: str) -> str:
    """'day', 'month' or 'year': how much of the date is written down."""
    return ("year", "month", "day")[text.count("-")]


def format_date(text: str) -> str:
    """'1937-08-21' -> '21 Aug 1937', '1937-08' -> 'Aug 1937', '1937' -> '1937'."""
    year, month, day = _parts(text)
    if day:
        return f"{day} {calendar.month_abbr[month]} {year}"
    if month:
        return f"{calendar.month_abbr[month]} {year}"
    return str(year)


def format_span(start: str, end: str | None, precision: str) -> str:
    """A readable date or span, marked 'c.' when the dates are approximate."""
    label = format_date(start) if not end or end == start else f"{format_date(start)} – {format_date(end)}"
    return f"c. {label}" if precision == "approximate" else label

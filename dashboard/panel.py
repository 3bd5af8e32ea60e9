"""The detail panel beside the map: every fact of the selected event, its figures and citations.

Built as HTML from escaped text only: nothing from the data is ever interpreted as markup.
"""

from __future__ import annotations

from html import escape


def _list(title: str, items: list[str]) -> str:
    if not items:
        return ""
    rows = "".join(f"<li>{escape(item)}</li>" for item in items)
    return f"<p style='margin:0.6em 0 0.2em'><b>{escape(title)}</b></p><ul style='margin-top:0'>{rows}</ul>"


def panel_html(event_id: str, record: dict) -> str:
    """`record` is what `details.details` makes of the event."""
    lines = [record["kind"], record["when"], record["place"], *record["facts"]]
    paragraphs = "".join(f"<p style='margin:0.15em 0'>{escape(line)}</p>" for line in lines if line)
    alt = f"<p style='margin:0;color:#555'><i>{escape(' · '.join(record['alt_names']))}</i></p>" if record["alt_names"] else ""
    link = (
        f"<p><a href='{escape(record['wikipedia'])}' target='_blank' rel='noopener noreferrer'>Wikipedia</a></p>"
        if record["wikipedia"]
        else ""
    )
    return (
        f"<section aria-label='Selected event'><h4 style='margin:0'>{escape(record['name'])}</h4>{alt}{paragraphs}"
        f"<p style='margin:0.6em 0'>{escape(record['description'])}</p>"
        f"{_list('Figures', record['figures'])}{_list('Sources', record['sources'])}{link}"
        f"<p style='color:#666;font-size:0.85em'>Event id: <code>{escape(event_id)}</code></p></section>"
    )

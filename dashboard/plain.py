"""Text from a link or a data file, shown as written where Streamlit renders Markdown.

Streamlit's messages (`st.warning`, `st.error`, captions) render their text as Markdown, so a
value such as `![x](http://host/p.png)` would make the browser fetch an image from that host,
and a bare `http://host/` becomes a live link even with its punctuation escaped.
"""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = ("Cc", "Cf")  # control and format characters: line breaks, bidirectional overrides


def code_span(text: str) -> str:
    """`text` on one line as a Markdown code span, which CommonMark shows exactly as written
    (no link, image, emphasis or HTML, and none of Streamlit's `:red[...]` colours or `$...$`
    formulas). The fence is one backtick longer than any run of backticks in the text."""
    visible = "".join(" " if unicodedata.category(char) in _INVISIBLE else char for char in text)
    flat = " ".join(visible.split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", flat)), default=0) + 1)
    return f"{fence} {flat} {fence}"


def shortened(text: str, limit: int = 40) -> str:
    """`text` cut to `limit` characters, with an ellipsis where it was cut."""
    return text if len(text) <= limit else text[:limit] + "…"

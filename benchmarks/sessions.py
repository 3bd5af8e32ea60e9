"""Many readers at once, at the websocket level: each session speaks Streamlit's own protocol
(protobuf BackMsg / ForwardMsg over /_stcore/stream), as a browser tab does, without a browser.

A session opens the page (its first run), then moves the upper year of the slider step by
step; the time of a change is from the rerun request sent to the server's "script finished".
Only the server is measured: what the browser then does with the answer is not.
"""

from __future__ import annotations

import asyncio
import statistics
from concurrent.futures import ThreadPoolExecutor

from dashboard.warm import Session


def slider_id(elements: list, label: str = "Years") -> str:
    return next(e.slider.id for e in elements if e.WhichOneof("type") == "slider" and e.slider.label == label)


async def _reader(url: str, bounds: tuple[int, int], steps: int, first: list, changes: list, number: int) -> None:
    session = await Session.open(url, cookie=f"atlas_route=reader-{number}")
    try:
        seconds, elements = await session.rerun()
        first.append(seconds)
        years = slider_id(elements)
        low, high = bounds
        for step in range(1, steps + 1):
            seconds, _ = await session.rerun({years: [low, high - step]})
            changes.append(seconds)
    finally:
        await session.close()


async def _crowd(url: str, sessions: int, steps: int, bounds: tuple[int, int]) -> dict:
    first: list[float] = []
    changes: list[float] = []
    await asyncio.wait_for(
        asyncio.gather(*(_reader(url, bounds, steps, first, changes, number) for number in range(sessions))), timeout=600
    )
    return {
        "first page p50 s": statistics.median(first),
        "change p50 s": statistics.median(changes),
        "change p95 s": percentile(changes, 95),
    }


def percentile(values: list[float], percent: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[percent - 1]


def crowd(url: str, sessions: int = 20, steps: int = 8, bounds: tuple[int, int] = (1922, 1960)) -> dict:
    """`sessions` readers open the page together, then each moves the slider `steps` times.

    Run in a thread of its own: the caller may be inside another event loop (Playwright's)."""
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, _crowd(url, sessions, steps, bounds)).result()

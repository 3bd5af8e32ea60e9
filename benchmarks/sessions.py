"""Many readers at once, at the websocket level: each session speaks Streamlit's own protocol
(protobuf BackMsg / ForwardMsg over /_stcore/stream), as a browser tab does, without a browser.

A session opens the page (its first run), then moves the upper year of the slider step by
step; the time of a change is from the rerun request sent to the server's "script finished".
Only the server is measured: what the browser then does with the answer is not.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from concurrent.futures import ThreadPoolExecutor

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg


class Session:
    """One reader's tab, as the server sees it."""

    def __init__(self, socket):
        self.socket = socket
        self.slider_id: str | None = None

    @classmethod
    async def open(cls, url: str) -> tuple[Session, float]:
        """Connect and run the page once; return the session and the first run's seconds."""
        socket = await websockets.connect(
            url.replace("http", "ws", 1) + "/_stcore/stream", subprotocols=["streamlit"], max_size=None
        )
        session = cls(socket)
        return session, await session.rerun(None)

    async def rerun(self, years: tuple[int, int] | None) -> float:
        """Ask for a rerun with the slider at `years` (None: defaults); seconds to its end."""
        message = BackMsg()
        message.rerun_script.query_string = ""
        if years is not None:
            widget = message.rerun_script.widget_states.widgets.add()
            widget.id = self.slider_id
            widget.double_array_value.data.extend(years)
        began = time.perf_counter()
        await self.socket.send(message.SerializeToString())
        while True:
            reply = ForwardMsg()
            reply.ParseFromString(await self.socket.recv())
            kind = reply.WhichOneof("type")
            if kind == "delta" and reply.delta.WhichOneof("type") == "new_element":
                element = reply.delta.new_element
                if element.WhichOneof("type") == "slider" and element.slider.label == "Years":
                    self.slider_id = element.slider.id
            if kind == "script_finished":
                return time.perf_counter() - began

    async def close(self) -> None:
        await self.socket.close()


async def _reader(url: str, bounds: tuple[int, int], steps: int, first: list, changes: list) -> None:
    session, seconds = await Session.open(url)
    first.append(seconds)
    low, high = bounds
    try:
        for step in range(1, steps + 1):
            changes.append(await session.rerun((low, high - step)))
    finally:
        await session.close()


async def _crowd(url: str, sessions: int, steps: int, bounds: tuple[int, int]) -> dict:
    first: list[float] = []
    changes: list[float] = []
    await asyncio.wait_for(
        asyncio.gather(*(_reader(url, bounds, steps, first, changes) for _ in range(sessions))), timeout=600
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

"""Warm a server just started: run the page once, as a first reader would, so that the events
are loaded (read back from the disk cache when this file was checked before) before anyone
waits for them.

    python -m dashboard.warm [URL]      # default http://127.0.0.1:8501; waits for the server

The page is run over Streamlit's own websocket protocol (protobuf messages), as a browser
tab does, without a browser; the benchmarks use the same `Session` for many readers at once.
"""

from __future__ import annotations

import asyncio
import sys
import time
import urllib.request

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

STARTUP_SECONDS = 120


class Session:
    """One reader's tab, as the server sees it."""

    def __init__(self, socket):
        self.socket = socket

    @classmethod
    async def open(cls, url: str, cookie: str | None = None) -> Session:
        """Connect; `cookie`, sent with the request, lets a proxy keep the session on one server."""
        socket = await websockets.connect(
            url.replace("http", "ws", 1) + "/_stcore/stream", subprotocols=["streamlit"], max_size=None,
            additional_headers={"Cookie": cookie} if cookie else None,
        )
        return cls(socket)

    async def rerun(self, widgets: dict[str, list[float]] | None = None) -> tuple[float, list]:
        """Run the page with these widget values ({id: numbers}; none: the defaults); return the
        seconds from the request to the run's end, and the elements it drew."""
        message = BackMsg()
        message.rerun_script.query_string = ""
        for widget_id, values in (widgets or {}).items():
            widget = message.rerun_script.widget_states.widgets.add()
            widget.id = widget_id
            widget.double_array_value.data.extend(values)
        began = time.perf_counter()
        await self.socket.send(message.SerializeToString())
        elements = []
        while True:
            reply = ForwardMsg()
            reply.ParseFromString(await self.socket.recv())
            kind = reply.WhichOneof("type")
            if kind == "delta" and reply.delta.WhichOneof("type") == "new_element":
                elements.append(reply.delta.new_element)
            if kind == "script_finished":
                return time.perf_counter() - began, elements

    async def close(self) -> None:
        await self.socket.close()


def wait_for_server(url: str, seconds: float = STARTUP_SECONDS) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=2)
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


async def _warm(url: str) -> float:
    session = await Session.open(url)
    try:
        seconds, _ = await session.rerun()
        return seconds
    finally:
        await session.close()


def main() -> None:
    url = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8501").rstrip("/")
    wait_for_server(url)
    print(f"{url}: the page ran once in {asyncio.run(_warm(url)):.1f} s; the server is warm")


if __name__ == "__main__":
    main()

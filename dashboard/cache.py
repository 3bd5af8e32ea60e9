"""What the page derives from an events file (checked, prepared, indexed), kept on disk and
found by the file's content, so that a restarted server, or a second one beside it, does not
check an unchanged file again (100,000 events take about 50 s to check, 15 s to read back).

The key is the file's content and this package's code: a change to either derives afresh.
The cache is a folder of this user's (`ATLAS_CACHE`, by default ~/.cache/stalin-era-atlas);
only the most recently used entries are kept.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

FOLDER = Path(os.environ.get("ATLAS_CACHE", Path.home() / ".cache" / "stalin-era-atlas"))
KEPT = 3  # entries; one for 100,000 events is about 350 MB
PACKAGE = Path(__file__).parent

T = TypeVar("T")


def key(path: Path) -> str:
    """The hash of the file's content and of the code that derives from it."""
    digest = hashlib.sha256(path.read_bytes())
    for source in sorted(PACKAGE.glob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:32]


def derived(path: Path, derive: Callable[[Path], T]) -> T:
    """`derive(path)`, read back from the cache when this content was derived before."""
    entry = FOLDER / f"{key(path)}.pickle"
    try:
        value = pickle.loads(entry.read_bytes())
        entry.touch()  # recently used
        return value
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass  # not there, or written by other code: derive afresh
    value = derive(path)
    _store(entry, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return value


def _store(entry: Path, payload: bytes) -> None:
    """Write beside the entry and rename, so that another process never reads half of it."""
    FOLDER.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = entry.with_name(f".{entry.name}.{os.getpid()}.partial")
    partial.write_bytes(payload)
    os.replace(partial, entry)
    for old in sorted(FOLDER.glob("*.pickle"), key=_last_used, reverse=True)[KEPT:]:
        old.unlink(missing_ok=True)


def _last_used(entry: Path) -> float:
    try:
        return entry.stat().st_mtime
    except OSError:  # removed meanwhile by another process
        return 0.0

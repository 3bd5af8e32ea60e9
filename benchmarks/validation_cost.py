"""What checking a large events file costs: time and peak memory of `check_file` on a valid
file of about 50 MB and on a file whose one feature has a million positions.

    python benchmarks/validation_cost.py

Each file is checked in a fresh process, so that its peak memory is its own. Figures are
printed, never asserted.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import REPO, scaled_copy  # noqa: E402

COPIES_FOR_50_MB = 40
POSITIONS = 1_000_000


def million_position_region(folder: Path) -> Path:
    """The sample file with its famine region redrawn as a circle of a million positions."""
    document = json.loads((REPO / "tests" / "fixtures" / "sample_events.geojson").read_text(encoding="utf-8"))
    ring = [[60 + 5 * math.cos(2 * math.pi * i / POSITIONS), 50 + 3 * math.sin(2 * math.pi * i / POSITIONS)]
            for i in range(POSITIONS)]
    region = next(f for f in document["features"] if f["properties"]["category"] == "famine")
    region["geometry"] = {"type": "Polygon", "coordinates": [ring + [ring[0]]]}
    path = folder / "million-positions.geojson"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def check_in_own_process(path: Path) -> str:
    """Check `path` in a new Python; return its report line."""
    code = (
        "import resource, sys, time\n"
        "from dashboard.validation import check_file\n"
        "began = time.perf_counter()\n"
        "checked = check_file(sys.argv[1])\n"
        "seconds = time.perf_counter() - began\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "print(f'{len(checked.features)} valid, {len(checked.problems)} problems, {seconds:.1f} s, peak {peak:.0f} MB')\n"
    )
    return subprocess.run([sys.executable, "-c", code, str(path)], cwd=REPO, capture_output=True, text=True,
                          check=True).stdout.strip()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        for path in (scaled_copy(REPO / "events.geojson", COPIES_FOR_50_MB, folder), million_position_region(folder)):
            size = path.stat().st_size / 2**20
            print(f"{path.name} ({size:.0f} MB): {check_in_own_process(path)}")


if __name__ == "__main__":
    main()

"""Command line: `python -m dashboard validate [PATH]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .validation import Checked, check_file

MOST_LISTED = 100  # problems printed; the total is always given


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check an events file against the schema and the rules")
    validate.add_argument("path", nargs="?", default="events.geojson", help="an events file, or the folder facts/")
    args = parser.parse_args(argv)

    checked = fact_files(args.path) if Path(args.path).is_dir() else check_file(args.path)
    for problem in checked.problems[:MOST_LISTED]:
        print(problem, file=sys.stderr)
    if len(checked.problems) > MOST_LISTED:
        print(f"… {len(checked.problems) - MOST_LISTED} more problem(s) not listed", file=sys.stderr)
    if checked.problems:
        print(f"{args.path}: {len(checked.problems)} problem(s); {len(checked.features)} feature(s) passed", file=sys.stderr)
        return 1
    print(f"{args.path}: {len(checked.features)} events, all valid")
    return 0


def fact_files(folder: str) -> Checked:
    """The fact files of a clone (`facts/`), built and checked as `scripts/build_events.py` does,
    each problem at the file and line of the fact to fix."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from scripts.build_events import build_and_check

    return build_and_check(Path(folder).resolve())[1]


if __name__ == "__main__":
    sys.exit(main())

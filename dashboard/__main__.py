"""Command line: `python -m dashboard validate [PATH]`."""

from __future__ import annotations

import argparse
import sys

from .validation import check_file

MOST_LISTED = 100  # problems printed; the total is always given


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check an events file against the schema and the rules")
    validate.add_argument("path", nargs="?", default="events.geojson")
    args = parser.parse_args(argv)

    checked = check_file(args.path)
    for problem in checked.problems[:MOST_LISTED]:
        print(problem, file=sys.stderr)
    if len(checked.problems) > MOST_LISTED:
        print(f"… {len(checked.problems) - MOST_LISTED} more problem(s) not listed", file=sys.stderr)
    if checked.problems:
        print(f"{args.path}: {len(checked.problems)} problem(s); {len(checked.features)} feature(s) passed", file=sys.stderr)
        return 1
    print(f"{args.path}: {len(checked.features)} events, all valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Peer conformance cases (../shared/conformance): dates, money, numbers and percentages.

Usage: python -m benchmarks.conformance [--shared ../shared]

Each section module scores one family of cases and returns its table as text; this script only
locates the shared data and prints the sections in order.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmarks import conformance_dates, conformance_numbers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--shared", type=Path, default=Path("../shared"), help="the shared data folder")
    args = parser.parse_args(argv)
    folder = args.shared / "conformance"
    if not folder.is_dir():
        print(f"conformance: {folder} not found (pass --shared)", file=sys.stderr)
        return 2
    for section in (conformance_dates, conformance_numbers):
        print(section.report(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())

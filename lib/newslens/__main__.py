"""``python -m newslens clear-cache``: small maintenance commands."""

from __future__ import annotations

import argparse
import sys

from newslens import cache


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newslens")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("clear-cache", help="delete the annotation cache folder")
    commands.add_parser("cache-path", help="print where the annotation cache lives")
    args = parser.parse_args(argv)
    if args.command == "clear-cache":
        print(f"cleared {cache.clear()}")
    else:
        print(cache.cache_root())
    return 0


if __name__ == "__main__":
    sys.exit(main())

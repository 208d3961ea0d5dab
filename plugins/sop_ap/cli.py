"""`sop-ap`: check SOP data without building the site; write the JSON Schemas."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .catalog import build_catalog
from .loader import load_dir
from .problems import summary


def check(data_dir: Path, strict: bool) -> int:
    result = load_dir(data_dir)
    _, more = build_catalog(result)
    problems = sorted(result.problems + more, key=lambda p: p.sort_key)
    for problem in problems:
        print(problem)
    print(summary(problems, result.files))
    errors = any(p.severity == "error" for p in problems)
    return 1 if errors or (strict and problems) else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sop-ap", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="validate a data folder and report every problem")
    check_cmd.add_argument("data_dir", nargs="?", default="sop_data", type=Path)
    check_cmd.add_argument("--strict", action="store_true", help="warnings fail too")
    schema_cmd = commands.add_parser("schema", help="write the JSON Schemas for editors")
    schema_cmd.add_argument("out_dir", nargs="?", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.data_dir, args.strict)
    from .schema import SCHEMA_DIR, write_schemas

    for path in write_schemas(args.out_dir or SCHEMA_DIR):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

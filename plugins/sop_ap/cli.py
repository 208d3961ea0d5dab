"""`sop-ap`: check SOP data without building the site; write the JSON Schemas."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from .catalog import build_catalog
from .loader import load_dir, shown_path
from .problems import summary


def check(data_dir: Path, strict: bool | None) -> int:
    """Report every problem; exit 1 when the build would stop.

    Without --strict/--no-strict, warnings count as the build counts them: they stop it
    when the mkdocs.yml beside the data folder says `strict: true` (the shipped one does).
    """
    result = load_dir(data_dir)
    _, more = build_catalog(result)
    problems = sorted(result.problems + more, key=lambda p: p.sort_key)
    for problem in problems:
        print(problem)
    print(summary(problems, result.files))
    errors = any(p.severity == "error" for p in problems)
    warnings = any(p.severity == "warning" for p in problems)
    config = _mkdocs_yml(data_dir)
    if strict is None:
        strict = config is not None and _is_strict(config)
        if warnings and not errors:
            print(f"the warnings stop the build: {shown_path(config)} sets `strict: true`"
                  if strict and config else "the warnings do not stop a build that is not strict")
    return 1 if errors or (strict and warnings) else 0


def _mkdocs_yml(data_dir: Path) -> Path | None:
    for folder in (data_dir.resolve().parent, Path.cwd()):
        if (folder / "mkdocs.yml").is_file():
            return folder / "mkdocs.yml"
    return None


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose `!!python/name:` and `!ENV` tags only MkDocs resolves."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _is_strict(config: Path) -> bool:
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return False
    return isinstance(data, dict) and data.get("strict") is True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sop-ap", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="validate a data folder and report every problem")
    check_cmd.add_argument("data_dir", nargs="?", default="sop_data", type=Path)
    strictness = check_cmd.add_mutually_exclusive_group()
    strictness.add_argument("--strict", action="store_true", default=None,
                            help="warnings fail too (default: as mkdocs.yml's `strict`)")
    strictness.add_argument("--no-strict", dest="strict", action="store_false",
                            help="only errors fail")
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

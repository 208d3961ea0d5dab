"""Read one YAML file into plain data plus the source position of every value.

PyYAML's ordinary loaders keep the last of two equal keys, turn `065` into an
octal number and `2018-03-13` into a date. Authors' text must stay as written,
so this module composes the node tree itself: every scalar stays a string
(except an empty value or `~`/`null`, which is None), duplicate keys are
reported, and each value's position is recorded under its path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Position, Problem

PathKey = tuple[str | int, ...]
_NULL_TAG = "tag:yaml.org,2002:null"
# libyaml's parser is ~20x faster than the pure-Python one and gives the same marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MAX_DEPTH = 64


@dataclass
class Source:
    """A parsed file: its data and where each value (and each key) sits."""

    path: str
    data: Any = None
    values: dict[PathKey, Position] = field(default_factory=dict)
    keys: dict[PathKey, Position] = field(default_factory=dict)

    def position(self, loc: PathKey) -> Position:
        """The position of the value at `loc`, or of its nearest recorded parent."""
        while True:
            if loc in self.values:
                return self.values[loc]
            if not loc:
                return Position(1, 1)
            loc = loc[:-1]

    def key_position(self, loc: PathKey) -> Position:
        return self.keys.get(loc) or self.position(loc)


def _mark(node: yaml.Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    def __init__(self, source: Source, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems

    def build(self, node: yaml.Node, loc: PathKey, depth: int = 0) -> Any:
        self.source.values[loc] = _mark(node)
        if depth > _MAX_DEPTH:
            self._error(node, loc, "nesting is too deep")
            return None
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _NULL_TAG and not node.style:  # plain (libyaml: "", PyYAML: None)
                return None
            return str(node.value)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*loc, i), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc, depth)
        self._error(node, loc, "unsupported YAML node")
        return None

    def _mapping(self, node: yaml.MappingNode, loc: PathKey, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _NULL_TAG:
                self._error(key_node, loc, "a key must be plain text")
                continue
            key = str(key_node.value)
            if key == "<<":
                self._error(key_node, loc, "YAML merge keys ('<<') are not supported")
                continue
            if key in result:
                first = self.source.keys[(*loc, key)]
                self._error(
                    key_node,
                    (*loc, key),
                    f"duplicate key '{key}' (first written at line {first.line}); "
                    "YAML would silently keep only the last one",
                )
                continue
            self.source.keys[(*loc, key)] = _mark(key_node)
            result[key] = self.build(value_node, (*loc, key), depth + 1)
        return result

    def _error(self, node: yaml.Node, loc: PathKey, message: str) -> None:
        self.problems.append(Problem(self.source.path, _mark(node), dotted(loc), message))


def dotted(loc: PathKey) -> str:
    """`('prosedur', 0, 'langkah')` -> `prosedur[0].langkah` (raw indices)."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _decode(raw: bytes, path: str, problems: list[Problem]) -> str | None:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        problems.append(
            Problem(
                path,
                Position(line, column),
                "",
                f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x}); "
                "save it as UTF-8",
            )
        )
        return None


def _tab_at(text: str, pos: Position) -> bool:
    lines = text.splitlines()
    if not 0 < pos.line <= len(lines):
        return False
    return "\t" in lines[pos.line - 1][: pos.column]


def parse_text(text: str, path: str, problems: list[Problem]) -> Source | None:
    """Parse YAML text; on a syntax error append a problem and return None."""
    source = Source(path)
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = Position(mark.line + 1, mark.column + 1) if mark else Position(1, 1)
        detail = exc.problem or "invalid YAML"
        if exc.context:
            detail = f"{exc.context}, {detail}"
        if _tab_at(text, pos) or "'\\t'" in str(exc):
            detail += " (a tab: indent with spaces, never tabs)"
        elif "sequence entries are not allowed here" in detail:
            detail += " (to write a dash as a value, quote it: \"-\")"
        problems.append(Problem(path, pos, "", f"YAML syntax error: {detail}"))
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - defensive: reader errors
        problems.append(Problem(path, Position(1, 1), "", f"YAML error: {exc}"))
        return None
    if node is None:
        problems.append(Problem(path, Position(1, 1), "", "the file is empty"))
        return None
    source.data = _Builder(source, problems).build(node, ())
    return source


def parse_bytes(raw: bytes, display_path: str, problems: list[Problem]) -> Source | None:
    """Decode (UTF-8, BOM allowed) and parse; problems are appended, never raised."""
    text = _decode(raw, display_path, problems)
    if text is None:
        return None
    return parse_text(text, display_path, problems)


def read_source(file: Path, display_path: str, problems: list[Problem]) -> Source | None:
    """Read and parse one file; problems are appended, never raised."""
    try:
        raw = file.read_bytes()
    except OSError as exc:
        problems.append(Problem(display_path, Position(1, 1), "", f"cannot read file: {exc}"))
        return None
    return parse_bytes(raw, display_path, problems)

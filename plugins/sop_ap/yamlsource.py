"""Read one YAML file into plain data plus the source position of every value.

PyYAML's ordinary loaders keep the last of two equal keys, turn `065` into an
octal number and `2018-03-13` into a date. Authors' text must stay as written,
so this module composes the node tree itself: every scalar stays a string
(except an empty value or `~`/`null`, which is None), duplicate keys are
reported, and each value's position is recorded under its path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Position, Problem

PathKey = tuple[str | int, ...]
_NULL_TAG = "tag:yaml.org,2002:null"
_STR_TAG = "tag:yaml.org,2002:str"
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})  # YAML 1.1's implicit null
# libyaml's parser is ~20x faster than the pure-Python one and gives the same marks.
_BASE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TextLoader(_BASE_LOADER):  # type: ignore[misc]
    """Scalars only need to be told apart as null or text: skip PyYAML's resolver
    regexes (ints, floats, dates, booleans): about a tenth of the time of reading a file."""

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            return _NULL_TAG if implicit[0] and value in _NULLS else _STR_TAG
        return super().resolve(kind, value, implicit)  # type: ignore[no-any-return]


_LOADER = _TextLoader
_MAX_DEPTH = 64
MAX_TEXT = 5_000
"""Characters in one text value: a page of text. Longer values are pasted documents, and
Markdown's inline parser is quadratic in the number of escaped characters of one text."""
_SAFE_BOUND = 1000
"""libyaml's composer recurses in C: tens of thousands of nested levels overflow the C
stack and kill the process (SIGSEGV), which no `except` can catch. Its parser does not
recurse, so a document that could nest deeper than this is first measured event by event."""


@dataclass
class Source:
    """A parsed file: its data and where each value (and each key) sits."""

    path: str
    data: Any = None
    values: dict[PathKey, Position] = field(default_factory=dict)
    keys: dict[PathKey, Position] = field(default_factory=dict)
    long_texts: list[tuple[PathKey, bool]] = field(default_factory=list)
    """Values (False) and keys (True) longer than MAX_TEXT, found while reading."""

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


def _mark(node: yaml.Node | yaml.Event) -> Position:
    mark = node.start_mark
    return Position(mark.line + 1, mark.column + 1) if mark is not None else Position(1, 1)


class _Builder:
    def __init__(self, source: Source) -> None:
        self.source = source
        self.errors: list[tuple[Position, PathKey, str]] = []
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, loc: PathKey, depth: int = 0) -> Any:
        self.source.values[loc] = _mark(node)
        if depth > _MAX_DEPTH:
            self._error(node, loc, _TOO_DEEP)
            return None
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _NULL_TAG and not node.style:  # plain (libyaml: "", PyYAML: None)
                return None
            text = str(node.value)
            if len(text) > MAX_TEXT:
                self.source.long_texts.append((loc, False))
            return text
        if id(node) in self.seen:
            # An alias (*name) of a list or mapping: expanding them lets 8 lines grow
            # into millions of values ("billion laughs"). SOP files never need them.
            self._error(node, loc, "YAML aliases (*name) of lists or mappings are not supported")
            return None
        self.seen.add(id(node))
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
            if len(key) > MAX_TEXT:
                self.source.long_texts.append(((*loc, key), True))
            result[key] = self.build(value_node, (*loc, key), depth + 1)
        return result

    def _error(self, node: yaml.Node, loc: PathKey, message: str) -> None:
        self.errors.append((_mark(node), loc, message))


def display_path(data: Any, loc: PathKey) -> str:
    """`('prosedur', 1, 'langkah', 11, 'no')` -> `prosedur[B].langkah[12].no`.

    Procedures are named by their code, steps by their number, units by id,
    other list items by their 1-based position, as an author counts them.
    """
    out = ""
    node = data
    for part in loc:
        if isinstance(part, int):
            item = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            out += f"[{_item_name(item, part)}]"
            node = item
        else:
            out += f".{part}" if out else str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return out


def _item_name(item: Any, index: int) -> str:
    if isinstance(item, dict):
        for key in ("kode", "no", "id"):
            value = item.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()
    return str(index + 1)


_BOM = b"\xef\xbb\xbf"


def _decode(raw: bytes, path: str, problems: list[Problem]) -> str | None:
    if raw.startswith(_BOM):  # Notepad writes one; editors do not count it as a column
        raw = raw[len(_BOM) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        problems.append(
            Problem(
                path,
                Position(before.count(b"\n") + 1, column),
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


_UNCLOSED = ("while scanning a quoted scalar", "while parsing a flow")


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, path: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    pos = Position(mark.line + 1, mark.column + 1) if mark else Position(1, 1)
    detail = exc.problem or "invalid YAML"
    context = exc.context or ""
    if exc.context_mark is not None and context.startswith(_UNCLOSED):
        # Report where the quote or bracket was opened, not where the parser gave up.
        opened = exc.context_mark
        what = "quoted text" if "quoted" in context else "[ ] or { } list"
        return Problem(
            path,
            Position(opened.line + 1, opened.column + 1),
            "",
            f"YAML syntax error: this {what} is not closed (the parser stopped at line "
            f"{pos.line}, column {pos.column}: {detail})",
        )
    unclosed = _unclosed_quote_before(text, pos.line)
    if unclosed is not None:
        return Problem(
            path,
            unclosed,
            "",
            f"YAML syntax error: this quoted text is not closed on its line (the parser "
            f"stopped at line {pos.line}, column {pos.column}: {detail})",
        )
    if context:
        detail = f"{context}, {detail}"
    if _tab_at(text, pos) or "'\\t'" in str(exc):
        detail += " (a tab: indent with spaces, never tabs)"
    elif "entries are not allowed" in detail:
        detail += ' (to write a dash as a value, quote it: "-")'
    return Problem(path, pos, "", f"YAML syntax error: {detail}")


_QUOTED_VALUE = re.compile(r"""^(\s*(?:-\s+)?(?:[^\s#'"][^:#]*:\s+)?)(["'])""")


def _unclosed_quote_before(text: str, line: int) -> Position | None:
    """The opening quote of a value whose line has no closing quote, at or before `line`.

    Authors never mean a quoted value to run on over several lines; when YAML
    fails after such a value, the forgotten quote is the mistake to show.
    """
    lines = text.splitlines()
    for number in range(min(line, len(lines)), 0, -1):
        match = _QUOTED_VALUE.match(lines[number - 1])
        if not match:
            continue
        quote, rest = match.group(2), lines[number - 1][match.end() :]
        closed = rest.replace(quote * 2, "") if quote == "'" else rest.replace('\\"', "")
        if quote not in closed:
            return Position(number, match.end())
    return None


def _reader_problem(exc: yaml.reader.ReaderError, text: str, path: str) -> Problem:
    offset = max(exc.position, 0)
    if _LOADER is not yaml.SafeLoader:  # libyaml counts bytes of the UTF-8 text
        offset = len(text.encode("utf-8")[:offset].decode("utf-8", errors="replace"))
    offset = min(offset, len(text))
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    char = exc.character if isinstance(exc.character, str) else chr(exc.character)
    return Problem(
        path,
        Position(line, column),
        "",
        f"the file contains an invisible control character U+{ord(char):04X} that YAML does "
        "not allow (often pasted from a word processor): delete it",
    )


_TOO_DEEP = (f"nesting is too deep (more than {_MAX_DEPTH} levels of lists or mappings): "
             "an SOP file needs only a few; check the brackets and the indentation here")


def _nesting_bound(text: str) -> int:
    """An upper bound of how deep `text` can nest, cheap to compute.

    Each block level is indented further than its parent, except a list that is the
    value of a key (two levels per column at most); each flow level needs a bracket,
    plus at most one `key: value` pair inside it.
    """
    longest = max(map(len, text.split("\n")))
    return 2 * (longest + 2) + 2 * (text.count("[") + text.count("{"))


def _too_deep(text: str) -> Position | None:
    """Where the document nests deeper than `_MAX_DEPTH`, or None (most files: no scan)."""
    if _nesting_bound(text) <= _SAFE_BOUND:
        return None
    depth = 0
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > _MAX_DEPTH:
                return _mark(event)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


def parse_text(text: str, path: str, problems: list[Problem]) -> Source | None:
    """Parse YAML text; on a syntax error append a problem and return None."""
    source = Source(path)
    try:
        too_deep = _too_deep(text)
        if too_deep is not None:
            problems.append(Problem(path, too_deep, "", _TOO_DEEP))
            return None
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        problems.append(_syntax_problem(exc, text, path))
        return None
    except yaml.reader.ReaderError as exc:
        problems.append(_reader_problem(exc, text, path))
        return None
    except RecursionError:
        problems.append(Problem(path, Position(1, 1), "", "YAML nesting is too deep"))
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - defensive
        problems.append(Problem(path, Position(1, 1), "", f"YAML error: {exc}"))
        return None
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG):
        problems.append(Problem(path, Position(1, 1), "", "the file is empty"))
        return None
    builder = _Builder(source)
    source.data = builder.build(node, ())
    for position, loc, message in builder.errors:
        problems.append(Problem(path, position, display_path(source.data, loc), message))
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

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
            self._error(node, loc, "alias YAML (*nama) untuk daftar atau kumpulan kolom tidak "
                        "didukung: tulis isinya lengkap di sini")
            return None
        self.seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*loc, i), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc, depth)
        self._error(node, loc, "bentuk YAML ini tidak didukung")
        return None

    def _mapping(self, node: yaml.MappingNode, loc: PathKey, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _NULL_TAG:
                self._error(key_node, loc, "nama kolom harus berupa teks biasa")
                continue
            key = str(key_node.value)
            if key == "<<":
                self._error(key_node, loc, "kunci gabungan YAML ('<<') tidak didukung: tulis "
                            "kolomnya satu per satu")
                continue
            if key in result:
                first = self.source.keys[(*loc, key)]
                self._error(
                    key_node,
                    (*loc, key),
                    f"kolom '{key}' ditulis dua kali (pertama di baris {first.line}); YAML "
                    "diam-diam hanya memakai yang terakhir: hapus salah satunya",
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

    Procedures are named by their code, steps by their number, units by id, as
    the author wrote them; an item without one (a procedure without `kode`) and
    other list items by their 1-based position as `ke-N`, as an author counts
    them (`prosedur[ke-1]`, `keterkaitan[ke-2]`): a bare number in brackets is
    always a step number or a code the author wrote.
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
    return f"ke-{index + 1}"


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
                f"berkas ini bukan teks UTF-8 (bita 0x{raw[exc.start]:02x}); simpan ulang "
                "berkas ini dengan pengodean (encoding) UTF-8",
            )
        )
        return None


def _tab_at(text: str, pos: Position) -> bool:
    lines = text.splitlines()
    if not 0 < pos.line <= len(lines):
        return False
    return "\t" in lines[pos.line - 1][: pos.column]


_UNCLOSED = ("while scanning a quoted scalar", "while parsing a flow")

# What the YAML parser says (libyaml and PyYAML, in English), as authors read it.
_PARSER_WORDS = [
    ("mapping values are not allowed", "tanda ':' tidak boleh ada di sini (nilai yang memuat "
     "': ' harus diapit tanda petik, mis. \"Judul: isi\"; atau periksa indentasinya)"),
    ("block sequence entries are not allowed", "butir daftar '- ' tidak boleh ada di sini"),
    ("did not find expected key", "kolom berikutnya tidak ditemukan (periksa indentasi baris ini: "
     "kolom dalam satu kelompok harus sejajar)"),
    ("did not find expected '-' indicator", "butir daftar '- ' yang diharapkan tidak ditemukan "
     "(periksa indentasi baris ini: sejajarkan dengan kolom lain pada butir yang sama)"),
    ("expected <block end>", "indentasi baris ini tidak cocok dengan baris di atasnya"),
    ("found a tab character", "ada karakter tab"),
    ("found character '\\t'", "ada karakter tab"),
    ("found character that cannot start any token", "ada karakter yang tidak boleh mengawali "
     "nilai di sini (mis. @ atau `): apit nilainya dengan tanda petik"),
    ("found unexpected end of stream", "berkas berakhir sebelum tulisan ini selesai"),
    ("found unknown escape character", "ada garis miring terbalik (\\) yang tidak dikenal di "
     "dalam tanda petik ganda: pakai tanda petik tunggal ('...')"),
    ("did not find expected ',' or ']'", "tidak ditemukan ',' atau ']'"),
    ("did not find expected ',' or '}'", "tidak ditemukan ',' atau '}'"),
    ("could not find expected ':'", "tanda ':' setelah nama kolom tidak ditemukan"),
    ("found undefined alias", "alias (*nama) tidak dikenal"),
    ("found undefined tag handle", "tag (!nama) tidak dikenal"),
    ("expected a single document in the stream", "satu berkas hanya boleh berisi satu dokumen"),
    ("but found another document", "ada dokumen kedua (baris '---' di tengah berkas): hapus "
     "baris '---' itu atau pisahkan menjadi dua berkas"),
    ("did not find expected alphabetic or numeric character", "tidak ditemukan huruf atau "
     "angka yang diharapkan setelah '&' atau '*' (apit nilainya dengan tanda petik)"),
    ("did not find expected <document start>", "isi berkas tidak dikenali sebagai YAML"),
    ("did not find expected node content", "nilai yang diharapkan tidak ditemukan"),
]
_CONTEXT_WORDS = ("while scanning", "while parsing")


def _indonesian(detail: str, hint: bool = True) -> str:
    """The parser's English words in Indonesian (without the hint in brackets when not
    `hint`); an unknown phrase is kept, quoted, as the parser's own words."""
    for english, words in _PARSER_WORDS:
        if english in detail:
            return words if hint else words.split(" (")[0]
    return f"penulisan YAML tidak dapat dibaca (kata pembaca YAML: {detail})"


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, path: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    pos = Position(mark.line + 1, mark.column + 1) if mark else Position(1, 1)
    detail = exc.problem or "invalid YAML"
    context = exc.context or ""
    stopped = f"pembaca YAML berhenti di baris {pos.line}, kolom {pos.column}"
    if exc.context_mark is not None and context.startswith(_UNCLOSED):
        # Report where the quote or bracket was opened, not where the parser gave up.
        opened = exc.context_mark
        what = ("teks bertanda petik ini belum ditutup" if "quoted" in context else
                "daftar [ ] atau { } ini belum ditutup")
        return Problem(
            path,
            Position(opened.line + 1, opened.column + 1),
            "",
            f"kesalahan penulisan YAML: {what} ({stopped}: {_indonesian(detail, False)})",
        )
    unclosed = _unclosed_quote_before(text, pos.line)
    if unclosed is not None:
        return Problem(
            path,
            unclosed,
            "",
            f"kesalahan penulisan YAML: teks bertanda petik ini belum ditutup di barisnya "
            f"({stopped}: {_indonesian(detail, False)})",
        )
    words = _indonesian(detail)
    if context and not context.startswith(_CONTEXT_WORDS):
        words = f"{_indonesian(context)}; {words}"
    if _tab_at(text, pos) or "'\\t'" in str(exc):
        words = "ada karakter tab (indentasi harus memakai spasi, jangan tab)"
    elif "entries are not allowed" in detail:
        words += ' (untuk menulis tanda hubung sebagai nilai, apit dengan tanda petik: "-")'
    return Problem(path, pos, "", f"kesalahan penulisan YAML: {words}")


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
        f"berkas ini memuat karakter kendali tak terlihat U+{ord(char):04X} yang tidak "
        "diizinkan YAML (biasanya ikut tersalin dari pengolah kata): hapus karakter itu",
    )


_TOO_DEEP = (f"susunan bertingkat terlalu dalam (lebih dari {_MAX_DEPTH} tingkat daftar atau "
             "kumpulan kolom), padahal berkas SOP hanya memerlukan beberapa tingkat: periksa "
             "tanda kurung dan indentasi di sini")


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
        problems.append(Problem(path, Position(1, 1), "", _TOO_DEEP))
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - defensive
        problems.append(Problem(path, Position(1, 1), "", f"kesalahan YAML: {exc}"))
        return None
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG):
        problems.append(Problem(path, Position(1, 1), "", "berkas ini kosong: tulis isinya, atau "
                                "hapus berkasnya"))
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
        problems.append(Problem(display_path, Position(1, 1), "",
                                f"berkas tidak dapat dibaca: {exc}"))
        return None
    return parse_bytes(raw, display_path, problems)

"""Read a data folder into validated models, with every problem located.

Files are recognised by place: `unit.yml` at the top holds the units, `situs.yml` at
the top the site's identity, files under `keputusan/` are decrees, files in a folder
`<id>.revisi/` are earlier revisions of SOP `<id>` (`01.yml`, `02.yml`, …), every other
`.yml`/`.yaml` file is one SOP. Image files (`model.LOGO_SUFFIXES`) are logos: listed, not parsed.
All files are read and all problems are collected in one run.
"""

from __future__ import annotations

import difflib
import errno
import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from . import flow
from .model import (
    FILE_MODELS,
    LOGO_SUFFIXES,
    ButirTercetak,
    DaftarBertanda,
    Keputusan,
    Prosedur,
    Situs,
    Sop,
    UnitFile,
)
from .problems import Position, Problem, Severity
from .tanggal import parse_tanggal
from .waktu import parse_waktu
from .yamlsource import MAX_TEXT, PathKey, Source, display_path, parse_bytes

M = TypeVar("M", bound=BaseModel)

UNIT_FILE = "unit.yml"
SITE_FILE = "situs.yml"
DECREE_DIR = "keputusan"
REVISION_DIR_SUFFIX = ".revisi"
"""`<unit>/<id>.revisi/01.yml`: revision 01 of SOP `<id>`, as it was published."""
YAML_SUFFIXES = (".yml", ".yaml")


@dataclass(frozen=True)
class Loaded(Generic[M]):
    """A validated model and the source it came from (for positions)."""

    model: M
    source: Source

    @property
    def path(self) -> str:
        return self.source.path

    def at(
        self, loc: PathKey, field_name: str, message: str, severity: Severity = "error"
    ) -> Problem:
        """A problem at `loc` in this file (`loc` in raw data indices)."""
        return Problem(
            self.path,
            self.source.position(loc),
            field_name or display_path(self.source.data, loc),
            message,
            severity,
        )


@dataclass
class LoadResult:
    sops: list[Loaded[Sop]] = field(default_factory=list)
    units: list[Loaded[UnitFile]] = field(default_factory=list)
    keputusan: list[Loaded[Keputusan]] = field(default_factory=list)
    situs: list[Loaded[Situs]] = field(default_factory=list)
    """The site's identity (`situs.yml`; at most one file, `situs.yaml` being the other)."""
    images: dict[str, str] = field(default_factory=dict)
    """Image files (logos) by their path relative to the data folder (`logo.png`), with
    the path shown in messages."""
    revisions: list[Loaded[Sop]] = field(default_factory=list)
    """Earlier revisions of SOPs (files under `<id>.revisi/`)."""
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    invalid_ids: set[str] = field(default_factory=set)
    """Ids of SOP files that failed validation: others may still refer to them."""
    digests: dict[str, str] = field(default_factory=dict)
    """Content hash of each SOP file, by SOP id, and of each earlier revision, by its path
    (a key for caches of rendered pages)."""
    failed_kinds: set[str] = field(default_factory=set)
    """Kinds of file ('unit', 'keputusan', 'sop') of which some file has errors."""


@dataclass(frozen=True)
class FileResult:
    """What one file gives: a validated model (or None) and its problems.

    A pure function of (display path, kind, bytes): `mkdocs serve` keeps these
    across rebuilds and reparses only the files whose content changed.
    """

    kind: str
    loaded: Loaded[Any] | None
    problems: tuple[Problem, ...]
    invalid_id: str | None = None


FileCache = dict[tuple[str, str, str], FileResult]


def shown_path(file: Path) -> str:
    """A path as the author knows it: relative to the working folder when possible."""
    try:
        rel = os.path.relpath(file)
    except ValueError:  # pragma: no cover - another drive on Windows
        return str(file)
    return str(file) if rel.startswith("..") else rel


def kind_of(file: Path, data_dir: Path) -> str:
    rel = file.relative_to(data_dir)
    if rel.parts == (UNIT_FILE,) or rel.parts == ("unit.yaml",):
        return "unit"
    if rel.parts == (SITE_FILE,) or rel.parts == ("situs.yaml",):
        return "situs"
    if rel.parts[0] == DECREE_DIR:
        return "keputusan"
    if rel.parent.name.endswith(REVISION_DIR_SUFFIX):
        return "revisi"
    return "sop"


# Files that editors and operating systems leave behind: never data, so only noted.
_LEFTOVER_NAMES = frozenset({"thumbs.db", "desktop.ini", "ehthumbs.db", "icon\r"})
_LEFTOVER_SUFFIXES = ("~", ".bak", ".swp", ".swo", ".tmp", ".orig", ".rej")


def _leftover(name: str) -> bool:
    low = name.lower()
    return (low in _LEFTOVER_NAMES or low.endswith(_LEFTOVER_SUFFIXES)
            or low.startswith(("~$", ".~lock.", "#")))


@dataclass
class _Walk:
    """Every regular file of a data folder, and a problem for everything not read."""

    root: Path
    real_root: Path  # the folder with every link resolved, to tell inside from outside
    files: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def note(self, path: Path, message: str, severity: Severity = "error") -> None:
        self.problems.append(Problem(shown_path(path), Position(1, 1), "", message, severity))

    def run(self) -> None:
        pending = [self.root]
        while pending:
            folder = pending.pop()
            try:
                entries = sorted(os.scandir(folder), key=lambda e: e.name)
            except OSError as exc:
                self.note(folder, f"folder ini tidak dapat dibaca ({_reason(exc)}): berkas di "
                          "dalamnya tidak diperiksa; beri folder ini izin baca dan buka (read "
                          "dan execute)")
                continue
            for entry in entries:
                self.entry(Path(entry.path), entry.is_symlink(), pending)

    def entry(self, path: Path, link: bool, pending: list[Path]) -> None:
        if path.name.startswith(".") or _leftover(path.name):
            what = ("berkas atau folder tersembunyi" if path.name.startswith(".") else
                    "sisa penyunting atau sistem operasi")
            self.note(path, f"{what}: diabaikan", "note")
            return
        if link:
            self.link(path)
            return
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            self.note(path, f"tidak dapat dibaca ({_reason(exc)}): tidak diperiksa")
            return
        if stat.S_ISDIR(mode):
            pending.append(path)
        elif stat.S_ISREG(mode):
            self.files.append(path)
        else:
            self.note(path, "bukan berkas biasa (perangkat, pipa, atau soket): tidak dibaca")

    def link(self, path: Path) -> None:
        """A symbolic link is never read through: a target inside the data folder is read
        at its own place (once), one outside would make the site depend on other files."""
        target = Path(os.path.realpath(path))
        if not target.exists():
            self.note(path, f"tautan simbolik putus (tujuannya, {target}, tidak ada): tidak "
                      "dibaca; hapus tautan itu atau kembalikan berkasnya")
        elif not target.is_relative_to(self.real_root):
            self.note(path, f"tautan simbolik ke {target}, di luar folder data: tidak dibaca; "
                      "salin berkas atau folder itu ke dalam folder data")
        else:
            inside = target.relative_to(self.real_root).as_posix() or "."
            self.note(path, f"tautan simbolik ke {inside} di folder data ini, yang dibaca di "
                      "tempat aslinya: tidak dibaca dua kali", "note")


_REASONS = {errno.EACCES: "izin ditolak", errno.EPERM: "izin ditolak",
            errno.ENOENT: "tidak ada", errno.ELOOP: "tautan berputar",
            errno.ENAMETOOLONG: "nama terlalu panjang", errno.EIO: "kesalahan baca disk"}


def _reason(exc: OSError) -> str:
    """Why the system could not read something, in Indonesian where the cause is common."""
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    return (exc.strerror or str(exc)).lower()


def walk_data(data_dir: Path) -> tuple[list[Path], list[Problem]]:
    """The files of a data folder in a stable order, and a problem for each entry not read."""
    walk = _Walk(data_dir, Path(os.path.realpath(data_dir)))
    walk.run()
    return sorted(walk.files, key=lambda f: f.relative_to(data_dir).parts), walk.problems


def data_files(data_dir: Path) -> list[Path]:
    return walk_data(data_dir)[0]


def load_dir(data_dir: Path, cache: FileCache | None = None) -> LoadResult:
    """Load every file of a data folder. `cache` (kept by the caller) skips unchanged files."""
    result = LoadResult()
    if not data_dir.is_dir():
        result.problems.append(
            Problem(shown_path(data_dir), Position(1, 1), "", "folder data ini tidak ada: "
                    "periksa nama dan letaknya")
        )
        return result
    fresh: FileCache = {}
    files, problems = walk_data(data_dir)
    result.problems.extend(problems)
    for file in files:
        shown = shown_path(file)
        if file.suffix.lower() in LOGO_SUFFIXES:
            result.images[file.relative_to(data_dir).as_posix()] = shown
            continue
        if file.suffix.lower() not in YAML_SUFFIXES:
            result.problems.append(
                Problem(shown, Position(1, 1), "", "bukan berkas YAML (.yml): diabaikan",
                        "warning")
            )
            continue
        result.files += 1
        try:
            raw = file.read_bytes()
        except OSError as exc:
            result.problems.append(Problem(shown, Position(1, 1), "",
                                           f"berkas tidak dapat dibaca ({_reason(exc)})"))
            continue
        kind = kind_of(file, data_dir)
        key = (shown, kind, hashlib.sha256(raw).hexdigest())
        item = cache.get(key) if cache is not None else None
        if item is None:
            item = load_file(raw, shown, kind)
        fresh[key] = item
        _collect(item, key[2], result)
    if cache is not None:
        cache.clear()
        cache.update(fresh)
    return result


def _collect(item: FileResult, digest: str, result: LoadResult) -> None:
    result.problems.extend(item.problems)
    if item.loaded is None:
        result.failed_kinds.add(item.kind)
    if item.invalid_id is not None:
        result.invalid_ids.add(item.invalid_id)
    if item.loaded is None:
        return
    if item.kind == "sop":
        result.sops.append(item.loaded)
        result.digests.setdefault(item.loaded.model.id, digest)
    elif item.kind == "revisi":
        result.revisions.append(item.loaded)
        result.digests.setdefault(item.loaded.path, digest)
    elif item.kind == "unit":
        result.units.append(item.loaded)
    elif item.kind == "situs":
        result.situs.append(item.loaded)
    else:
        result.keputusan.append(item.loaded)


_ID_LINE = re.compile(rb"^id:[ \t]*[\"']?([a-z0-9]+(?:-[a-z0-9]+)*)[\"']?[ \t]*(?:#.*)?\r?$", re.M)


def _guess_id(raw: bytes) -> str | None:
    """The `id:` of a file YAML cannot read, so that others referring to it are not blamed."""
    match = _ID_LINE.search(raw)
    return match.group(1).decode("ascii") if match else None


_MODELS: dict[str, type[BaseModel]] = {**FILE_MODELS, "revisi": Sop}


def load_file(raw: bytes, shown: str, kind: str) -> FileResult:
    problems: list[Problem] = []
    source = parse_bytes(raw, shown, problems)
    if source is None:
        return FileResult(kind, None, tuple(problems), _guess_id(raw) if kind == "sop" else None)
    if not isinstance(source.data, dict):
        found = "daftar" if isinstance(source.data, list) else "satu nilai saja"
        problems.append(
            Problem(shown, source.position(()), "", f"berkas ini harus berisi {MAPPING}, "
                    f"tetapi berisi {found}")
        )
        return FileResult(kind, None, tuple(problems))
    overlong = _overlong(source)
    misplaced = _misplaced(source, kind)
    if overlong or misplaced:
        problems.extend(overlong + misplaced)
        invalid_id = source.data.get("id") if kind == "sop" else None
        return FileResult(kind, None, tuple(problems),
                          invalid_id if isinstance(invalid_id, str) else None)
    try:
        model = _MODELS[kind].model_validate(source.data)
    except ValidationError as exc:
        problems.extend(validation_problems(exc, source, FILE_MODELS[kind]))
        invalid_id = None
        if kind in ("sop", "revisi"):
            problems.extend(_check_valid_procedures(source))
            if kind == "sop" and isinstance(source.data.get("id"), str):
                invalid_id = source.data["id"]
        return FileResult(kind, None, tuple(problems), invalid_id)
    loaded: Loaded[Any] = Loaded(model, source)
    if isinstance(model, Sop):
        problems.extend(check_sop(loaded))
    elif isinstance(model, Keputusan):
        problems.extend(date_warnings(loaded, "tanggal_penetapan"))
    return FileResult(kind, loaded, tuple(problems))


def _overlong(source: Source) -> list[Problem]:
    problems = []
    for loc, is_key in source.long_texts:
        text = str(loc[-1]) if is_key else _value_at(source.data, loc)
        problems.append(Problem(
            source.path, source.key_position(loc) if is_key else source.position(loc),
            display_path(source.data, loc),
            f"teks ini {_angka(len(text))} karakter, lebih dari {_angka(MAX_TEXT)} karakter "
            "yang boleh dimuat satu nilai: tampaknya dokumen yang ditempel; persingkat atau "
            "pecah menjadi beberapa butir"))
    return problems


# The fields that only one kind of file has: a file that has them but sits elsewhere is
# in the wrong folder (reported once, instead of one error per field).
_MARKS = {
    "sop": frozenset({"prosedur", "disahkan_oleh", "tanggal_pembuatan", "keterkaitan"}),
    "keputusan": frozenset({"daftar_sop", "menimbang", "mengingat", "diktum"}),
}
_PLACES = {
    "sop": "berkas SOP boleh diletakkan di mana saja dalam folder data, kecuali di keputusan/",
    "keputusan": "berkas keputusan diletakkan di folder keputusan/",
    "unit": "daftar unit ditulis di unit.yml, di tingkat teratas folder data",
}


def _misplaced(source: Source, kind: str) -> list[Problem]:
    keys = set(source.data)
    looks = [k for k, marks in _MARKS.items() if len(keys & marks) >= 2]
    if set(keys) == {"unit"} and isinstance(source.data.get("unit"), list):
        looks = ["unit"]
    if len(looks) != 1 or looks[0] == ("sop" if kind == "revisi" else kind):
        return []  # an earlier revision (under <id>.revisi/) is an SOP file too
    what = looks[0]
    names = {"sop": "SOP", "keputusan": "keputusan", "unit": "daftar unit",
             "revisi": "revisi terdahulu sebuah SOP"}
    fields = ", ".join(sorted(keys & _MARKS.get(what, keys)))
    return [Problem(source.path, Position(1, 1), "",
                    f"berkas ini berisi {names[what]} (ada {fields}), tetapi berkas di tempat "
                    f"ini dibaca sebagai {names[kind]}: {_PLACES[what]}; pindahkan berkasnya")]


# ----------------------------------------------------------------- SOP checks


def check_sop(item: Loaded[Sop]) -> list[Problem]:
    sop = item.model
    problems: list[Problem] = []
    if sop.tanggal_efektif is not None and sop.tanggal_pengesahan is not None:
        problems.append(item.at(("tanggal_pengesahan",), "", "tulis salah satu saja, "
                                "tanggal_efektif atau tanggal_pengesahan (sesuai tulisan di "
                                "dokumen), jangan keduanya"))
    elif sop.tanggal_efektif is None and sop.tanggal_pengesahan is None:
        problems.append(item.at((), "tanggal_efektif", "kolom wajib 'tanggal_efektif' belum "
                                "ditulis (atau tulis tanggal_pengesahan bila dokumen menulis "
                                "Tanggal Pengesahan)"))
    problems.extend(_check_status(item))
    for name in ("tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif", "tanggal_pengesahan"):
        problems.extend(date_warnings(item, name))
    codes: dict[str, int] = {}
    for p, proc in enumerate(sop.prosedur):
        base: PathKey = ("prosedur", p)
        if len(sop.prosedur) > 1 and proc.kode is None:
            problems.append(
                item.at(base, "", f"{flow.procedure_name(proc, p)} belum diberi kode: kode "
                        "wajib ditulis bila SOP mempunyai lebih dari satu prosedur (mis. "
                        "kode: A)")
            )
        if proc.kode is not None:
            key = proc.kode.lower()
            if key in codes:
                problems.append(item.at((*base, "kode"), "", f"kode prosedur '{proc.kode}' "
                                        f"sudah dipakai prosedur ke-{codes[key] + 1}: beri "
                                        "kode lain"))
            codes[key] = p
        for loc, message in flow.check(proc):
            problems.append(item.at((*base, *loc), "", message))
        if proc.label_kelengkapan is not None and proc.kolom and proc.kolom.kelengkapan:
            problems.append(item.at((*base, "label_kelengkapan"), "", (
                "judul kolom kelengkapan ditulis dua kali (label_kelengkapan dan "
                "kolom.kelengkapan); tulis salah satu saja, mis. hanya kolom.kelengkapan")))
        problems.extend(_waktu_warnings(item, base, proc))
    return problems


def _check_status(item: Loaded[Sop]) -> list[Problem]:
    """`status: dicabut` goes with `dicabut: {tanggal, ...}`, and only with it; dates of
    revocation and evaluation must be readable days (the review cycle counts from them)."""
    sop = item.model
    problems: list[Problem] = []
    if sop.status == "dicabut" and sop.dicabut is None:
        problems.append(item.at(("status",), "", "SOP yang dicabut memerlukan `dicabut:` "
                                "dengan tanggal pencabutannya (dan diganti_oleh: id SOP "
                                "penggantinya, bila ada)"))
    if sop.dicabut is not None and sop.status != "dicabut":
        problems.append(item.at(("dicabut",), "", f"`dicabut` ditulis, tetapi status "
                                f"'{sop.status}': tulis `status: dicabut`, atau hapus "
                                "`dicabut`"))
    if sop.dicabut is not None and sop.dicabut.diganti_oleh == sop.id:
        problems.append(item.at(("dicabut", "diganti_oleh"), "", "SOP tidak dapat "
                                "menggantikan dirinya sendiri: tulis id SOP penggantinya"))
    dates: list[tuple[PathKey, str]] = []
    if sop.dicabut is not None:
        dates.append((("dicabut", "tanggal"), sop.dicabut.tanggal))
    dates += [(("evaluasi", i, "tanggal"), e.tanggal) for i, e in enumerate(sop.evaluasi or [])]
    for loc, text in dates:
        if parse_tanggal(text).tanggal is None:
            problems.append(item.at(loc, "", f"'{text}' bukan tanggal yang dapat dibaca: "
                                    "tulis tanggalnya, mis. 15-01-2025 atau 15 Januari 2025"))
    return problems


def date_warnings(item: Loaded[Any], name: str) -> list[Problem]:
    """A text written as a date that names no real day (31-02-2018, month 13)."""
    text = getattr(item.model, name)
    if text is None:
        return []
    parsed = parse_tanggal(text)
    if parsed.salah is None:
        return []
    return [item.at((name,), "", f"'{_short(text)}' bukan tanggal yang ada ({parsed.salah}): "
                    "tanggal ini akan diterbitkan apa adanya; betulkan sesuai tanggal pada "
                    "dokumen yang ditandatangani", "warning")]


def _check_valid_procedures(source: Source) -> list[Problem]:
    """Flow checks for the procedures that are valid on their own, when the SOP is not:
    an author then sees every problem in one run."""
    procs = source.data.get("prosedur")
    if not isinstance(procs, list):
        return []
    problems: list[Problem] = []
    for p, raw in enumerate(procs):
        try:
            proc = Prosedur.model_validate(raw)
        except ValidationError:
            # Reported as part of the SOP, except a lane missing from a step: the model
            # cannot require pelaksana, which a step with simbol does not write.
            issues = flow.missing_lanes(raw)
        else:
            issues = flow.check(proc)
        for loc, message in issues:
            loc = ("prosedur", p, *loc)
            problems.append(
                Problem(source.path, source.position(loc), display_path(source.data, loc), message)
            )
    return problems


def _waktu_warnings(item: Loaded[Sop], base: PathKey, proc: Prosedur) -> list[Problem]:
    out = []
    for i, step in enumerate(proc.langkah):
        if step.waktu is not None and parse_waktu(step.waktu).kategori == "tidak_dikenal":
            out.append(
                item.at(
                    (*base, "langkah", i, "waktu"),
                    "",
                    f"waktu '{_short(step.waktu)}' bukan lama waktu yang dapat dihitung; "
                    "waktu ini ditampilkan apa adanya, dan halaman SOP mencatat bahwa jumlah "
                    "waktu prosedur tidak memasukkannya",
                    "note",
                )
            )
    return out


# ------------------------------------------------------- pydantic -> problems

MAPPING = "kumpulan kolom (nama: nilai)"
"""What a mapping is called in messages: the fields of one thing, one `nama: nilai` a line."""

_TYPE_ERRORS = {
    "string_type": "teks",
    "list_type": "daftar",
    "dict_type": MAPPING,
    "model_type": MAPPING,
    "model_attributes_type": MAPPING,
    "int_type": "bilangan bulat",
    "int_parsing": "bilangan bulat",
    "int_from_float": "bilangan bulat",
    "bool_type": "true atau false",
    "bool_parsing": "true atau false",
    "literal_error": "",  # the allowed values, from the error (see _expected)
}


def _expected(err: ErrorDetails) -> str:
    if err["type"] == "literal_error":
        allowed = str(err.get("ctx", {}).get("expected", ""))
        # pydantic writes "'a', 'b' or 'c'"
        return "salah satu dari " + allowed.replace(" or ", " atau ") if " or " in allowed else (
            allowed)
    return _TYPE_ERRORS[err["type"]]


def _type_hint(expected: str, value: Any) -> str:
    """How to write the value in the form the field takes, for the usual slips."""
    if expected == "daftar" and isinstance(value, str):
        return (" (tulis daftar di dalam kurung siku, mis. [Staf, Kabag], atau satu butir per "
                "baris diawali '- ')")
    if expected.startswith(MAPPING) and isinstance(value, list):
        return " (hapus tanda '- ' di depan nama-nama kolomnya)"
    if "teks" in expected and isinstance(value, dict):
        return " (bila teksnya memuat ': ', apit seluruh teks dengan tanda petik)"
    if "teks" in expected and isinstance(value, list) and "daftar" not in expected:
        return " (kolom ini berisi satu teks saja: hapus kurung siku atau tanda '- ')"
    return ""


def _angka(number: int) -> str:
    """A number as Indonesian writes it: 5.000."""
    return f"{number:,}".replace(",", ".")


def _model_at(cls: type[BaseModel] | None, data: Any, loc: PathKey) -> type[BaseModel] | None:
    """The model that validates the mapping at `loc` (of a union, the one that knows most
    of the mapping's keys)."""
    node = data
    for part in loc:
        if cls is None:
            return None
        if isinstance(part, int):
            node = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            continue
        info = cls.model_fields.get(part)
        node = node.get(part) if isinstance(node, dict) else None
        if info is None:
            return None
        options = _model_args(info.annotation)
        keys = set(node) if isinstance(node, dict) else set()
        cls = max(options, key=lambda m: len(keys & set(m.model_fields)), default=None)
    return cls


def _unknown_field(source: Source, loc: PathKey, model: type[BaseModel] | None) -> str:
    name = str(loc[-1])
    message = f"kolom '{name}' tidak dikenal"
    parent = _model_at(model, source.data, loc[:-1])
    allowed = sorted(parent.model_fields) if parent is not None else sorted(FIELD_NAMES)
    if name in FIELD_NAMES and name not in allowed:
        return message + _where_it_belongs(source, loc, model)
    guess = difflib.get_close_matches(name, allowed, n=1, cutoff=0.75)
    if guess:
        message += f" (maksudnya '{guess[0]}'?)"
    return message


def _where_it_belongs(source: Source, loc: PathKey, model: type[BaseModel] | None) -> str:
    """For a field written at the wrong indentation: the mapping above that has it."""
    name, siblings = loc[-1], _value_at(source.data, loc[:-1])
    if isinstance(siblings, dict):
        keys = list(siblings)
        for key in reversed(keys[: keys.index(name)] if name in keys else keys):
            inner = _model_at(model, source.data, (*loc[:-1], key))
            if inner is not None and name in inner.model_fields:
                line = source.key_position((*loc[:-1], key)).line
                return (f" di sini: kolom ini milik '{key}' (baris {line}); beri indentasi "
                        f"sejauh kolom lain di dalam {key}")
    return (" di sini: kolom ini milik bagian lain berkas SOP, keputusan, atau unit; periksa "
            "indentasinya")


def _value_at(data: Any, loc: PathKey) -> Any:
    for part in loc:
        if isinstance(part, int) and isinstance(data, list) and 0 <= part < len(data):
            data = data[part]
        elif isinstance(part, str) and isinstance(data, dict):
            data = data.get(part)
        else:
            return None
    return data


def _all_fields() -> set[str]:
    names: set[str] = set()

    def visit(cls: type[BaseModel]) -> None:
        for name, info in cls.model_fields.items():
            names.add(name)
            for arg in _model_args(info.annotation):
                if arg.__name__ not in seen:
                    seen.add(arg.__name__)
                    visit(arg)

    seen: set[str] = set()
    for cls in FILE_MODELS.values():
        visit(cls)
    return names


def _model_args(annotation: Any) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    for arg in getattr(annotation, "__args__", ()) or ():
        found += _model_args(arg)
    for arg in getattr(annotation, "__metadata__", ()) or ():
        found += _model_args(arg)
    return found


FIELD_NAMES = _all_fields()


def real_loc(data: Any, loc: tuple[Any, ...]) -> PathKey:
    """Drop pydantic's union-branch tags, keeping the path that exists in the data."""
    out: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str):
            if part in node:
                out.append(part)
                node = node[part]
            elif part in FIELD_NAMES:  # a missing field
                out.append(part)
                node = None
            # else: a union-branch tag such as 'RujukanSop' or 'function-after[...]'
        elif isinstance(node, list) and isinstance(part, int):
            out.append(part)
            node = node[part] if 0 <= part < len(node) else None
    return tuple(out)


def _kind(value: Any) -> str:
    if value is None:
        return "kosong"
    if isinstance(value, dict):
        return "kumpulan kolom"
    if isinstance(value, list):
        return "daftar"
    return f"'{_short(str(value))}'"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


_OPTIONAL_FORMS = {cls.__name__: cls for cls in (ButirTercetak, DaftarBertanda)}
"""Mapping forms of a printed list (`{tanda, teks}`, `{tanda, butir}`) beside plain text."""


def _unmeant_form(err: ErrorDetails, data: Any) -> bool:
    """An error of a printed-list mapping form where the mapping written shares no field
    with it: the author did not mean that form (`- {nama: ATK}` in a list of texts is a
    mapping where text belongs, not a {tanda, teks} item missing both)."""
    loc = tuple(err["loc"])
    for i, part in enumerate(loc):
        form = _OPTIONAL_FORMS.get(part) if isinstance(part, str) else None
        if form is not None:
            value = _value_at(data, real_loc(data, loc[:i]))
            return isinstance(value, dict) and not set(value) & set(form.model_fields)
    return False


def validation_problems(
    exc: ValidationError, source: Source, model: type[BaseModel] | None = None
) -> list[Problem]:
    errors = [e for e in exc.errors(include_url=False) if not _unmeant_form(e, source.data)]
    located = [(real_loc(source.data, tuple(e["loc"])), e) for e in errors]
    # A union branch's type error is noise when another branch got deeper.
    deeper = {loc[:n] for loc, _ in located for n in range(len(loc))}
    groups: dict[PathKey, list[ErrorDetails]] = {}
    for loc, err in located:
        if err["type"] in _TYPE_ERRORS and loc in deeper:
            continue
        groups.setdefault(loc, []).append(err)
    problems = []
    for loc, errs in groups.items():
        problems.append(_problem(source, loc, errs, model))
    return problems


def _problem(
    source: Source, loc: PathKey, errs: list[ErrorDetails], model: type[BaseModel] | None
) -> Problem:
    # An empty list where a list was allowed: that branch of a union says what is wrong
    # (`lanjut: []`, `pelaksana: []`), not the text or number branches beside it.
    err = next((e for e in errs if e["type"] == "too_short"), errs[0])
    kind = err["type"]
    value = err.get("input")
    position = source.position(loc)
    if kind == "missing":
        parent = loc[:-1]
        position = source.position(parent)
        message = f"kolom wajib '{loc[-1]}' belum ditulis"
    elif kind == "extra_forbidden":
        position = source.key_position(loc)
        message = _unknown_field(source, loc, model)
    elif all(e["type"] in _TYPE_ERRORS for e in errs):
        expected = " atau ".join(dict.fromkeys(_expected(e) for e in errs))
        if value is None and "teks" in expected:
            message = f"kosong; tulis {expected} (tulis '-' bila memang tidak ada isinya)"
        elif value is None:
            message = f"kosong; tulis {expected}"
        else:
            verb = "harus" if expected.startswith("salah satu") else "harus berupa"
            message = f"{verb} {expected}, tetapi tertulis {_kind(value)}"
            message += _type_hint(expected, value)
    elif kind == "string_pattern_mismatch" and loc and loc[-1] == "kode":
        message = (f"'{_short(str(value))}' bukan kode yang sah: kode prosedur ditulis dengan "
                   "1 sampai 8 huruf atau angka saja (mis. 'A' atau 'B1')")
    elif kind == "string_pattern_mismatch":
        message = (f"'{_short(str(value))}' bukan id yang sah: id ditulis dengan huruf kecil, "
                   "angka, dan tanda hubung '-' saja (mis. 'penyusunan-iku')")
    elif kind == "string_too_long":
        count = err.get("ctx", {}).get("max_length", 0)
        message = f"terlalu panjang: paling banyak {count} karakter"
    elif kind == "too_short" and loc and loc[-1] == "cabang":
        message = "keputusan memerlukan paling sedikit dua jalur keluar (cabang)"
    elif kind == "too_short":
        count = err.get("ctx", {}).get("min_length", 1)
        message = f"memerlukan paling sedikit {count} butir"
        if value == [] or value == {}:
            message = f"daftar ini kosong: tulis paling sedikit {count} butir"
    elif kind in ("greater_than_equal", "greater_than"):
        message = (f"harus paling sedikit {err.get('ctx', {}).get('ge', 1)}, tetapi tertulis "
                   f"{_kind(value)}")
    elif kind == "value_error":
        # Our own validators (model.py) word their messages for authors.
        message = str(err["msg"]).removeprefix("Value error, ")
    else:
        message = f"nilai ini tidak dapat diterima (kata pemeriksa: {err['msg']})"
    return Problem(source.path, position, display_path(source.data, loc), message)


def read_situs(data_dir: Path) -> Situs | None:
    """The site's identity, read before the data is loaded (MkDocs' configuration needs the
    site name and logo first); None when there is no valid `situs.yml` (its problems are
    reported when the whole folder loads)."""
    for name in (SITE_FILE, "situs.yaml"):
        file = data_dir / name
        if not file.is_file():
            continue
        try:
            raw = file.read_bytes()
        except OSError:
            return None
        item = load_file(raw, shown_path(file), "situs")
        if item.loaded is None or any(p.severity == "error" for p in item.problems):
            return None
        model: Situs = item.loaded.model
        return model
    return None

"""`sop-ap`: check SOP data without building the site; write the JSON Schemas; start a
new site for an instansi (`sop-ap init DIR`).

Everything it prints is for authors and site operators, so it speaks Indonesian,
argparse's own words (usage, errors, -h) included."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Any, NoReturn

import yaml

from .catalog import build_catalog
from .escape import md_inline
from .loader import SITE_FILE, load_dir, shown_path
from .problems import Position, Problem, summary


def check(data_dir: Path, strict: bool | None) -> int:
    """Report every problem; exit 1 when the build would stop.

    Without --strict/--no-strict, warnings count as the build counts them: they stop it
    when the mkdocs.yml beside the data folder says `strict: true` (the shipped one does).
    """
    result = load_dir(data_dir)
    _, more = build_catalog(result)
    if not result.situs and "situs" not in result.failed_kinds and data_dir.is_dir():
        more.append(Problem(
            shown_path(data_dir / SITE_FILE), Position(1, 1), "",
            "berkas ini belum ada: nama situs diambil dari site_name di mkdocs.yml, tanpa "
            "instansi, kop, logo dan alamat; buat situs.yml (panduan penulisan: \"Identitas "
            "situs dan instansi\")", "note"))
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
            print(f"peringatan menghentikan pembangunan situs: {shown_path(config)} menulis "
                  "`strict: true`; perbaiki semua peringatan" if strict and config else
                  "peringatan tidak menghentikan pembangunan situs yang tidak ketat "
                  "(strict)")
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


_ARGPARSE_WORDS = [
    ("the following arguments are required", "argumen berikut wajib ditulis"),
    ("unrecognized arguments", "argumen tidak dikenal"),
    ("invalid choice", "pilihan tidak dikenal"),
    ("choose from", "pilih dari"),
    ("not allowed with argument", "tidak boleh dipakai bersama"),
    ("expected one argument", "memerlukan satu nilai"),
    ("ambiguous option", "pilihan ambigu"),
    ("could match", "dapat berarti"),
    ("argument ", "argumen "),
]


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: Any, groups: Any,
                  prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "cara pakai: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse in Indonesian: headings, -h, and its error messages."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(formatter_class=_Formatter, add_help=False, **kwargs)
        self._positionals.title = "argumen"
        self._optionals.title = "pilihan"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="tampilkan bantuan ini lalu keluar")

    def error(self, message: str) -> NoReturn:
        for english, words in _ARGPARSE_WORDS:
            message = message.replace(english, words)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: kesalahan: {message}\n")


INIT_DIR = Path(__file__).parent / "init"
"""The files of a new site (`sop-ap init`); `@NAME@` marks are filled in."""


def init(target: Path, nama_situs: str | None, instansi: str | None) -> int:
    """Create a ready project for a new instansi in `target` (new or empty)."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        print(f"{target}: folder ini sudah ada dan tidak kosong; sop-ap init hanya mengisi "
              "folder baru atau kosong: pilih folder lain", file=sys.stderr)
        return 1
    instansi = (instansi or "").strip() or "Instansi Contoh"
    nama_situs = (nama_situs or "").strip() or f"SOP AP {instansi}"
    bin_dir = Path(sys.executable).parent
    prefix = f"{bin_dir}/" if (bin_dir / "mkdocs").exists() else ""
    marks = {
        "@NAMA_SITUS@": json.dumps(nama_situs, ensure_ascii=False),
        "@INSTANSI@": json.dumps(instansi, ensure_ascii=False),
        "@KOP@": json.dumps(instansi.upper(), ensure_ascii=False),
        "@NAMA_SITUS_MD@": md_inline(nama_situs),
        "@INSTANSI_MD@": md_inline(instansi),
        "@BIN@": prefix,
    }
    target.mkdir(parents=True, exist_ok=True)
    for source in sorted(INIT_DIR.rglob("*")):
        if not source.is_file():
            continue
        rel = source.relative_to(INIT_DIR)
        dest = target / (".gitignore" if rel.as_posix() == "gitignore" else rel)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix in (".yml", ".md"):
            text = source.read_text(encoding="utf-8")
            for mark, value in marks.items():
                text = text.replace(mark, value)
            dest.write_text(text, encoding="utf-8")
        else:
            shutil.copyfile(source, dest)
    (target / "docs").mkdir(exist_ok=True)
    # MkDocs needs docs/ (hand-written pages go there); git keeps no empty folder.
    (target / "docs" / ".gitkeep").write_text("", encoding="utf-8")
    from .schema import write_schemas

    write_schemas(target / "schemas")
    print(f"Situs baru dibuat di {target}. Selanjutnya (lihat {target / 'README.md'}):")
    print(f"  1. ganti nilai bertanda CONTOH di {target / 'sop_data' / SITE_FILE}, "
          "unit.yml dan logo")
    print(f"  2. cd {target} && {prefix}mkdocs serve")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="sop-ap", description="Memeriksa data SOP tanpa membangun situs, "
                     "menulis skema JSON untuk penyunting teks, dan membuat situs baru.")
    commands = parser.add_subparsers(dest="command", required=True, title="perintah",
                                     metavar="{check,schema,init}", parser_class=_Parser)
    check_cmd = commands.add_parser(
        "check", help="periksa folder data dan laporkan semua masalah",
        description="Memeriksa semua berkas di folder data dan melaporkan setiap masalah "
        "(berkas:baris:kolom: letak: pesan). Keluar dengan kode 1 bila pembangunan situs "
        "akan berhenti.")
    check_cmd.add_argument("data_dir", nargs="?", default="sop_data", type=Path,
                           metavar="FOLDER_DATA", help="folder data SOP (bawaan: sop_data)")
    strictness = check_cmd.add_mutually_exclusive_group()
    strictness.add_argument("--strict", action="store_true", default=None,
                            help="peringatan juga dianggap gagal (bawaan: mengikuti `strict` "
                            "di mkdocs.yml)")
    strictness.add_argument("--no-strict", dest="strict", action="store_false",
                            help="hanya kesalahan yang dianggap gagal")
    schema_cmd = commands.add_parser(
        "schema", help="tulis skema JSON untuk penyunting teks",
        description="Menulis skema JSON (sop.json, unit.json, keputusan.json, situs.json) yang "
        "dipakai penyunting teks untuk memeriksa berkas saat mengetik.")
    schema_cmd.add_argument("out_dir", nargs="?", type=Path, default=None, metavar="FOLDER",
                            help="folder tujuan (bawaan: plugins/sop_ap/schemas)")
    init_cmd = commands.add_parser(
        "init", help="buat situs baru untuk sebuah instansi di folder DIR (baru atau kosong)",
        description="Membuat proyek situs baru yang siap dibangun untuk sebuah instansi: "
        "mkdocs.yml, sop_data/ berisi contoh yang ditandai CONTOH, dan README dengan dua "
        "perintahnya.")
    init_cmd.add_argument("dir", type=Path, metavar="DIR", help="folder baru atau kosong")
    init_cmd.add_argument("--nama-situs", help="nama situs (bawaan: SOP AP <instansi>)")
    init_cmd.add_argument("--instansi", help="nama instansi, mis. 'Pemerintah Kabupaten X'")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.data_dir, args.strict)
    if args.command == "init":
        return init(args.dir, args.nama_situs, args.instansi)
    from .schema import SCHEMA_DIR, write_schemas

    for path in write_schemas(args.out_dir or SCHEMA_DIR):
        print(f"ditulis: {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

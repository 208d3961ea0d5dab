"""Malformed data folders and the exact problems `sop-ap check` must report for each.

Each `Case` builds a small data folder and lists the problem lines that must be
printed, as `path:line:column: field: message` (path relative to the folder).
A folder is made from one of two valid starting points, then broken:

* `shipped`: `tests/malformed/base/`, a frozen copy of the repository's
  `sop_data/` (frozen so that editing the real data never moves a line here).
  Its files are `S` (the IKU SOP, 281 lines), `K` (the decree, 101 lines) and
  `U` (`unit.yml`, 29 lines), and `situs.yml`; the line numbers below are those of
  these files.
* `mini`: `MINI_UNIT`, `MINI_SITUS` and `MINI_SOP` below, small enough to count lines
  by eye.

Then `edits` replace one exact text (which must occur exactly once) or append
to a file, `files` add, replace (or, with None, delete) whole files, and
`bom_crlf` re-saves files the way Notepad does (UTF-8 BOM, CRLF line ends).

Every expected line/column was worked out from the input, by counting: a
value's position is where the value starts, an unknown key's is the key's, a
missing field's is the start of the mapping that lacks it (its first key).
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
BASE = HERE / "base"

S = "organisasi/penyusunan-iku.yml"
K = "keputusan/setda-2018-sop-ap.yml"
U = "unit.yml"
M = "organisasi/mini.yml"

S_TEXT = (BASE / S).read_text(encoding="utf-8")
K_TEXT = (BASE / K).read_text(encoding="utf-8")

TAB = "kesalahan penulisan YAML: ada karakter tab (indentasi harus memakai spasi, jangan tab)"
NOT_UTF8 = (
    "berkas ini bukan teks UTF-8 (bita 0x{:02x}); simpan ulang berkas ini dengan pengodean "
    "(encoding) UTF-8"
)
LOOP = "induk berputar: {} → "
UNITS = "(unit yang ada: kota-mojokerto, setda, organisasi)"
EMPTY = "berkas ini kosong: tulis isinya, atau hapus berkasnya"

MINI_UNIT = "unit:\n  - id: organisasi\n    nama: Bagian Organisasi\n"
MINI_SITUS = "nama_situs: SOP AP Uji\ninstansi: Instansi Uji\n"  # synthetic

MINI_SOP = (
    "id: mini\n"  # 1
    "unit: organisasi\n"  # 2
    "nomor: 001/SOP/2024\n"  # 3
    "nama: SOP Mini\n"  # 4
    "tanggal_pembuatan: 02-01-2024\n"  # 5
    'tanggal_revisi: "-"\n'  # 6
    "tanggal_efektif: 02-01-2024\n"  # 7
    "disahkan_oleh:\n"  # 8
    "  jabatan: Kepala Bagian Organisasi\n"  # 9
    "  nama: Budi Santoso\n"  # 10
    'dasar_hukum: "-"\n'  # 11
    'kualifikasi_pelaksana: "-"\n'  # 12
    'keterkaitan: "-"\n'  # 13
    'peralatan: "-"\n'  # 14
    'peringatan: "-"\n'  # 15
    'pencatatan: "-"\n'  # 16
    "prosedur:\n"  # 17
    "  - kode: A\n"  # 18: the procedure mapping starts at column 5
    "    pelaksana: [Staf, Kabag]\n"  # 19: the list at column 16
    "    langkah:\n"  # 20
    "      - no: 1\n"  # 21: '-' at column 7, a step starts at column 9, no's value at 13
    "        kegiatan: Menyusun konsep surat\n"  # 22: kegiatan's value at column 19
    "        pelaksana: Staf\n"  # 23: pelaksana's value at column 20
    "      - no: 2\n"  # 24
    "        kegiatan: Memeriksa konsep surat\n"  # 25
    "        pelaksana: Kabag\n"  # 26
    "      - no: 3\n"  # 27
    "        kegiatan: Mengirim surat\n"  # 28
    "        pelaksana: Staf\n"  # 29
)
MINI_STEPS = MINI_SOP[MINI_SOP.index("    langkah:\n") :]
STEP1_END = "        kegiatan: Menyusun konsep surat\n        pelaksana: Staf\n"
STEP2_END = "        pelaksana: Kabag\n"
STEP3_END = "        kegiatan: Mengirim surat\n        pelaksana: Staf\n"
MINI_DISAHKAN = "disahkan_oleh:\n  jabatan: Kepala Bagian Organisasi\n  nama: Budi Santoso\n"


def big_sop(step: int, offset: int, replacement: str) -> str:
    """An SOP with 3,000 steps (12,020 lines) where one line of one step is replaced.

    Lines 1-16 are MINI_SOP's, 17-20 open procedure A (lanes Staf, Kabag); step n
    takes the 4 lines from 21 + 4 * (n - 1): `no`, `kegiatan`, `pelaksana`, `waktu`.
    `offset` (0-3) picks the line of `step` to replace.
    """
    head = MINI_SOP[: MINI_SOP.index("prosedur:\n")].replace("id: mini\n", "id: sop-besar\n")
    lines = ["prosedur:", "  - kode: A", "    pelaksana: [Staf, Kabag]", "    langkah:"]
    for n in range(1, 3001):
        step_lines = [
            f"      - no: {n}",
            f"        kegiatan: Kegiatan nomor {n}",
            f"        pelaksana: {'Staf' if n % 2 else 'Kabag'}",
            "        waktu: 5 menit",
        ]
        if n == step:
            step_lines[offset] = replacement
        lines += step_lines
    return head + "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- model


@dataclass(frozen=True)
class Expect:
    """One problem line that must be printed.

    `column` None: any column. `field` None: any (or no) field. `exact` False:
    `message` is a fragment of the message. `{root}` in `message` stands for the
    folder prefix of paths (empty when checked from inside the data folder).
    """

    path: str
    line: int
    column: int | None
    field: str | None
    message: str
    exact: bool = True
    warning: bool = False

    def text(self, prefix: str = "") -> str:
        """The message, with `{root}` (a data path inside it) shown as the tool shows it."""
        return self.message.replace("{root}", prefix)

    def render(self, prefix: str = "") -> str:
        column = "?" if self.column is None else self.column
        where = f"{prefix}{self.path}:{self.line}:{column}:"
        field = "" if not self.field else f" {self.field}:"
        tag = " PERINGATAN:" if self.warning else ""
        dots = "" if self.exact else "…"
        return f"{where}{field}{tag} {dots}{self.text(prefix)}{dots}"

    def regex(self, prefix: str = "") -> re.Pattern[str]:
        column = r"\d+" if self.column is None else str(self.column)
        head = re.escape(f"{prefix}{self.path}:{self.line}:") + column + ":"
        if self.field is None:
            head += r"(?: .*)?"
        elif self.field:
            head += " " + re.escape(self.field) + ":"
        if self.warning:
            head += " PERINGATAN:"
        if self.exact:
            return re.compile(head + " " + re.escape(self.text(prefix)) + r"\Z")
        return re.compile(head + " .*" + re.escape(self.text(prefix)))

    def found_in(self, lines: list[str], prefix: str = "") -> bool:
        pattern = self.regex(prefix)
        return any(pattern.fullmatch(line) if self.exact else pattern.match(line) for line in lines)


@dataclass(frozen=True)
class Edit:
    """Replace `old` (which must occur exactly once) by `new`; `old` None appends `new`."""

    path: str
    old: str | None
    new: str | bytes


@dataclass(frozen=True)
class Case:
    name: str
    about: str
    expect: tuple[Expect, ...]
    base: str = "shipped"  # "shipped", "mini" or "empty"
    edits: tuple[Edit, ...] = ()
    files: dict[str, str | bytes | None] = field(default_factory=dict)
    bom_crlf: tuple[str, ...] = ()
    forbid: tuple[str, ...] = ()
    errors: int | None = None  # the exact error count, where it can be worked out
    max_seconds: float | None = None

    def build(self, dest: Path) -> Path:
        """Write the case's data folder at `dest` (created) and return it."""
        dest.mkdir(parents=True, exist_ok=True)
        if self.base == "shipped":
            shutil.copytree(BASE, dest, dirs_exist_ok=True)
        elif self.base == "mini":
            _write(dest / U, MINI_UNIT)
            _write(dest / "situs.yml", MINI_SITUS)
            _write(dest / M, MINI_SOP)
        elif self.base != "empty":
            raise ValueError(f"{self.name}: unknown base {self.base!r}")
        for rel, content in self.files.items():
            if content is None:
                (dest / rel).unlink()
            else:
                _write(dest / rel, content)
        for edit in self.edits:
            target = dest / edit.path
            data = target.read_bytes()
            new = edit.new.encode("utf-8") if isinstance(edit.new, str) else edit.new
            if edit.old is None:
                target.write_bytes(data + new)
                continue
            old = edit.old.encode("utf-8")
            if data.count(old) != 1:
                raise ValueError(
                    f"{self.name}: {edit.old!r} occurs {data.count(old)} times in {edit.path}"
                )
            target.write_bytes(data.replace(old, new))
        for rel in self.bom_crlf:
            target = dest / rel
            target.write_bytes(b"\xef\xbb\xbf" + target.read_bytes().replace(b"\n", b"\r\n"))
        return dest


def _write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)


def E(
    path: str,
    line: int,
    column: int | None,
    field: str | None,
    message: str,
    *,
    exact: bool = True,
    warning: bool = False,
) -> Expect:
    return Expect(path, line, column, field, message, exact, warning)


def after(path: str, anchor: str, text: str) -> Edit:
    """Insert `text` right after `anchor` (which must occur once)."""
    return Edit(path, anchor, anchor + text)


# --------------------------------------------------------------------------- cases

PENANDATANGAN = (
    "penandatangan:\n"
    "  jabatan: Plt. Sekretaris Daerah Kota Mojokerto\n"
    "  nama: Dr. Ir. GENTUR PRIHANTONO SANJOYO PUTRO, M.T.\n"
    "  pangkat: Pembina Utama Madya\n"
    '  # As printed under the decree. The SOP sheet prints "19590109 198712 1 002"\n'
    "  # for the same official; one of the two is a typing error in the source.\n"
    "  nip: 19590100 198712 1 002\n"
)
DISAHKAN = (
    "  jabatan: Plt. Sekretaris Daerah Kota Mojokerto\n"
    "  nama: Dr. Ir. GENTUR PRIHANTONO S.P., M.T.\n"
    "  pangkat: Pembina Utama Madya\n"
    "  nip: 19590109 198712 1 002\n"
)
KEPUTUSAN_A3 = (
    "        keputusan:\n"
    "          pertanyaan: Disetujui?\n"
    "          cabang:\n"
    "            Ya: 4\n"
    "            Tidak: 1\n"
)

CASES: list[Case] = [
    # ------------------------------------------------------------------ YAML syntax
    Case(
        "yaml-tab-indents-step-key",
        "S line 82 (step A.3 kelengkapan) indented with a tab",
        (E(S, 82, 1, "", TAB),),
        edits=(
            Edit(
                S,
                "        pelaksana: Kabag Organisasi\n        kelengkapan: Konsep surat\n",
                "        pelaksana: Kabag Organisasi\n\tkelengkapan: Konsep surat\n",
            ),
        ),
    ),
    Case(
        "yaml-tab-indents-disahkan-nama",
        "S line 27 (disahkan_oleh.nama) indented with a tab",
        (E(S, 27, 1, "", TAB),),
        edits=(Edit(S, "  nama: Dr. Ir. GENTUR", "\tnama: Dr. Ir. GENTUR"),),
    ),
    Case(
        "yaml-tab-indents-unit-item",
        "unit.yml line 9 (`- id: setda`) starts with a tab instead of two spaces",
        (E(U, 9, 1, "", TAB),),
        edits=(Edit(U, "  - id: setda\n", "\t- id: setda\n"),),
    ),
    Case(
        "yaml-indent-too-deep",
        "S line 28: `pangkat:` indented 3 spaces inside disahkan_oleh (2 expected): "
        "YAML reads it as the continuation of line 27's value, then meets ':' (col 11)",
        (E(S, 28, 11, "", "kesalahan penulisan YAML: tanda ':' tidak boleh ada di sini (nilai yang memuat ': ' harus diapit tanda petik, mis. \"Judul: isi\"; atau periksa indentasinya)"),),
        edits=(Edit(S, "  pangkat: Pembina Utama Madya\n", "   pangkat: Pembina Utama Madya\n"),),
    ),
    Case(
        "yaml-indent-too-shallow",
        "S line 28: `pangkat:` indented 1 space inside disahkan_oleh",
        (E(S, 28, 2, "", "kesalahan penulisan YAML: kolom berikutnya tidak ditemukan (periksa indentasi baris ini: kolom dalam satu kelompok harus sejajar)"),),
        edits=(Edit(S, "  pangkat: Pembina Utama Madya\n", " pangkat: Pembina Utama Madya\n"),),
    ),
    Case(
        "yaml-step-key-outdented",
        "S line 134: `kegiatan` of step A.10 at column 7, under the '-' instead of under `no`",
        (E(S, 134, 7, "", "kesalahan penulisan YAML: butir daftar '- ' yang diharapkan tidak ditemukan (periksa indentasi baris ini: sejajarkan dengan kolom lain pada butir yang sama)"),),
        edits=(
            Edit(
                S,
                "        kegiatan: Analisis Kinerja melakukan inventarisasi IKU OPD\n",
                "      kegiatan: Analisis Kinerja melakukan inventarisasi IKU OPD\n",
            ),
        ),
    ),
    Case(
        "yaml-colon-in-plain-value",
        "S line 61: `judul: Inventarisasi: IKU OPD` (a second ': ' at column 25)",
        (E(S, 61, 25, "", "kesalahan penulisan YAML: tanda ':' tidak boleh ada di sini (nilai yang memuat ': ' harus diapit tanda petik, mis. \"Judul: isi\"; atau periksa indentasinya)"),),
        edits=(
            Edit(S, "    judul: Inventarisasi IKU OPD\n", "    judul: Inventarisasi: IKU OPD\n"),
        ),
    ),
    Case(
        "yaml-dash-as-value",
        "S line 22: `tanggal_revisi: -` (an unquoted dash starts a list)",
        (
            E(S, 22, 17, "", "kesalahan penulisan YAML: butir daftar '- ' tidak boleh ada di sini (untuk menulis tanda hubung sebagai nilai, apit dengan tanda petik: \"-\")"),
        ),
        edits=(Edit(S, "tanggal_revisi: 01/13-03-2018\n", "tanggal_revisi: -\n"),),
    ),
    Case(
        "yaml-unclosed-double-quote",
        "S line 20: `nama: \"Penyusunan ...` never closed; the next '\"' is in a comment "
        "on line 25. The author must be sent to the opening quote (line 20, column 7)",
        (E(S, 20, 7, "", "kesalahan penulisan YAML: teks bertanda petik ini belum ditutup di barisnya (pembaca YAML berhenti di baris 25, kolom 31: kolom berikutnya tidak ditemukan)"),),
        edits=(
            Edit(
                S,
                "nama: Penyusunan Indikator Kinerja Utama (IKU) Pemerintah Kota\n",
                'nama: "Penyusunan Indikator Kinerja Utama (IKU) Pemerintah Kota\n',
            ),
        ),
    ),
    Case(
        "yaml-unclosed-single-quote-at-end",
        "K line 101 (last line): `- nama: 'Kompetisi SINOVIK` never closed (quote at col 11)",
        (E(K, 101, 11, "", "kesalahan penulisan YAML: teks bertanda petik ini belum ditutup (pembaca YAML berhenti di baris 102, kolom 1: berkas berakhir sebelum tulisan ini selesai)"),),
        edits=(Edit(K, "  - nama: Kompetisi SINOVIK\n", "  - nama: 'Kompetisi SINOVIK\n"),),
    ),
    Case(
        "yaml-unclosed-bracket",
        "S line 62: `pelaksana: [Analisis Kinerja, ...` without ']' ('[' at column 16)",
        (E(S, 62, 16, "", "kesalahan penulisan YAML: daftar [ ] atau { } ini belum ditutup (pembaca YAML berhenti di baris 63, kolom 12: tidak ditemukan ',' atau ']')"),),
        edits=(
            Edit(
                S,
                "Kasubbag Kinerja & RB, Kabag Organisasi]\n",
                "Kasubbag Kinerja & RB, Kabag Organisasi\n",
            ),
        ),
    ),
    Case(
        "yaml-unclosed-brace",
        "mini line 24: a flow mapping `keputusan: {pertanyaan: ..., cabang: {...}` whose "
        "outer '{' (column 20) is never closed",
        (E(M, 24, 20, "", "kesalahan penulisan YAML: daftar [ ] atau { } ini belum ditutup (pembaca YAML berhenti di baris 25, kolom 7: tidak ditemukan ',' atau '}')"),),
        base="mini",
        edits=(
            after(
                M,
                STEP1_END,
                "        keputusan: {pertanyaan: Lanjut?, cabang: {Ya: 2, Tidak: selesai}\n",
            ),
        ),
    ),
    Case(
        "yaml-two-documents",
        "mini + `---` on line 30 and a second document",
        (
            E(M, 30, 1, "",
              "kesalahan penulisan YAML: satu berkas hanya boleh berisi satu dokumen; ada dokumen kedua (baris '---' di tengah berkas): hapus baris '---' itu atau pisahkan menjadi dua berkas"),
        ),
        base="mini",
        edits=(Edit(M, None, "---\nid: kedua\n"),),
    ),
    Case(
        "yaml-control-character",
        "S line 66: a vertical tab (U+000B, Word's line break) after 'konsep surat' "
        "(10 spaces + 45 characters: column 56)",
        (E(S, 66, 56, "", "berkas ini memuat karakter kendali tak terlihat U+000B yang tidak diizinkan YAML (biasanya ikut tersalin dari pengolah kata): hapus karakter itu"),),
        edits=(
            Edit(S, "konsep surat permintaan penyusunan", "konsep surat\x0bpermintaan penyusunan"),
        ),
        forbid=("<unicode string>",),
    ),
    Case(
        "yaml-nesting-too-deep",
        "a file with 1,000 nested '[' on line 1",
        (E("organisasi/dalam.yml", 1, None, None, "susunan bertingkat terlalu dalam (lebih dari 64 tingkat daftar atau kumpulan kolom), padahal berkas SOP hanya memerlukan beberapa tingkat: periksa tanda kurung dan indentasi di sini"),),
        files={"organisasi/dalam.yml": "id: " + "[" * 1000 + "]" * 1000 + "\n"},
    ),
    # ------------------------------------------------------------------ encoding
    Case(
        "not-utf8-latin1",
        "S line 84: '... Kabag Caf' + latin-1 'é' (0xe9) at column 54",
        (E(S, 84, 54, "", NOT_UTF8.format(0xE9)),),
        edits=(
            Edit(
                S, "Konsep surat yang disetujui Kabag", b"Konsep surat yang disetujui Kabag Caf\xe9"
            ),
        ),
    ),
    Case(
        "not-utf8-cp1252-quotes-in-unit",
        "unit.yml line 21: `nama: Bagian “Organisasi”` saved as Windows-1252 (0x93, column 18)",
        (E(U, 21, 18, "", NOT_UTF8.format(0x93)),),
        edits=(Edit(U, "    nama: Bagian Organisasi\n", b"    nama: Bagian \x93Organisasi\x94\n"),),
    ),
    Case(
        "not-utf8-after-multibyte",
        "S line 84: UTF-8 curly quotes, then a latin-1 'é': the é is character 59 "
        "(value from column 17: 'Konsep surat ' 13, '“final” ' 8, 'yang disetujui Kabag ' 21)",
        (E(S, 84, 59, "", NOT_UTF8.format(0xE9)),),
        edits=(
            Edit(
                S,
                "Konsep surat yang disetujui Kabag",
                "Konsep surat “final” yang disetujui Kabag ".encode() + b"\xe9",
            ),
        ),
    ),
    Case(
        "not-utf8-with-bom-crlf",
        "S saved with BOM and CRLF, line 17: `nomor: 065/SOP/417.112/06 é` (latin-1 é, col 27)",
        (E(S, 17, 27, "", NOT_UTF8.format(0xE9)),),
        edits=(Edit(S, "nomor: 065/SOP/417.112/06\n", b"nomor: 065/SOP/417.112/06 \xe9\n"),),
        bom_crlf=(S,),
    ),
    # ------------------------------------------------------------------ empty files
    Case(
        "empty-sop-file",
        "an empty organisasi/kosong.yml",
        (E("organisasi/kosong.yml", 1, 1, "", EMPTY),),
        files={"organisasi/kosong.yml": ""},
        errors=1,
    ),
    Case(
        "comments-only-file",
        "organisasi/rencana.yml with two comment lines only",
        (E("organisasi/rencana.yml", 1, 1, "", EMPTY),),
        files={
            "organisasi/rencana.yml": "# SOP Penyusunan Perjanjian Kinerja\n# (belum ditulis)\n"
        },
        errors=1,
    ),
    Case(
        "blank-lines-decree-file",
        "keputusan/baru.yml with blank lines and spaces only",
        (E("keputusan/baru.yml", 1, 1, "", EMPTY),),
        files={"keputusan/baru.yml": "\n   \n\n"},
        errors=1,
    ),
    Case(
        "empty-unit-file",
        "unit.yml emptied",
        (E(U, 1, 1, "", EMPTY),),
        files={U: ""},
    ),
    Case(
        "document-marker-only",
        "organisasi/baru.yml: a comment and `---`, nothing else",
        (E("organisasi/baru.yml", 1, 1, "", EMPTY),),
        files={"organisasi/baru.yml": "# SOP baru\n---\n"},
    ),
    # ------------------------------------------------------------------ file shape
    Case(
        "sop-file-is-a-list",
        "organisasi/daftar.yml: a comment, then a list of steps at top level (line 2)",
        (E("organisasi/daftar.yml", 2, 1, "", "berkas ini harus berisi kumpulan kolom (nama: nilai), tetapi berisi daftar"),),
        files={"organisasi/daftar.yml": "# langkah saja\n- no: 1\n  kegiatan: Menyusun\n"},
        errors=1,
    ),
    Case(
        "sop-file-is-text",
        "organisasi/catatan.yml: one line of text",
        (
            E("organisasi/catatan.yml", 1, 1, "",
              "berkas ini harus berisi kumpulan kolom (nama: nilai), tetapi berisi satu nilai saja"),
        ),
        files={"organisasi/catatan.yml": "Penyusunan Perjanjian Kinerja\n"},
        errors=1,
    ),
    Case(
        "unit-file-is-a-list",
        "unit.yml without the `unit:` key: a comment, then a list (line 2)",
        (E(U, 2, 1, "", "berkas ini harus berisi kumpulan kolom (nama: nilai), tetapi berisi daftar"),),
        base="mini",
        files={U: "# Unit organisasi\n- id: organisasi\n  nama: Bagian Organisasi\n"},
    ),
    Case(
        "disahkan-oleh-is-a-list",
        "S lines 26-29: each field of disahkan_oleh written as a list item '- '",
        (E(S, 26, 3, "disahkan_oleh", "harus berupa kumpulan kolom (nama: nilai), tetapi tertulis daftar (hapus tanda '- ' di depan nama-nama kolomnya)"),),
        edits=(
            Edit(S, DISAHKAN, "".join("  - " + line[2:] + "\n" for line in DISAHKAN.splitlines())),
        ),
    ),
    Case(
        "step-is-a-list",
        "mini line 24: step 2 written as `- [2, Memeriksa konsep surat, Kabag]`",
        (E(M, 24, 9, "prosedur[A].langkah[ke-2]", "harus berupa kumpulan kolom (nama: nilai), tetapi tertulis daftar (hapus tanda '- ' di depan nama-nama kolomnya)"),),
        base="mini",
        edits=(
            Edit(
                M,
                "      - no: 2\n        kegiatan: Memeriksa konsep surat\n"
                "        pelaksana: Kabag\n",
                "      - [2, Memeriksa konsep surat, Kabag]\n",
            ),
        ),
        errors=1,
    ),
    Case(
        "step-split-into-list-items",
        "mini lines 24-26: a '-' before every field of step 2 makes three incomplete steps "
        "(the 2nd and 3rd have no `no`, so they are named by position: 3 and 4)",
        (
            E(M, 24, 9, "prosedur[A].langkah[2].kegiatan", "kolom wajib 'kegiatan' belum ditulis"),
            E(M, 24, 9, "prosedur[A].langkah[2].pelaksana",
              "kolom wajib 'pelaksana' belum ditulis"),
            E(M, 25, 9, "prosedur[A].langkah[ke-3].no", "kolom wajib 'no' belum ditulis"),
            E(M, 25, 9, "prosedur[A].langkah[ke-3].pelaksana",
              "kolom wajib 'pelaksana' belum ditulis"),
            E(M, 26, 9, "prosedur[A].langkah[ke-4].no", "kolom wajib 'no' belum ditulis"),
            E(M, 26, 9, "prosedur[A].langkah[ke-4].kegiatan", "kolom wajib 'kegiatan' belum ditulis"),
        ),
        base="mini",
        edits=(
            Edit(
                M,
                "      - no: 2\n        kegiatan: Memeriksa konsep surat\n"
                "        pelaksana: Kabag\n",
                "      - no: 2\n      - kegiatan: Memeriksa konsep surat\n"
                "      - pelaksana: Kabag\n",
            ),
        ),
        errors=6,
    ),
    Case(
        "prosedur-is-a-mapping",
        "mini line 18: the procedure written without its '- ' (prosedur becomes a mapping)",
        (E(M, 18, 3, "prosedur", "harus berupa daftar, tetapi tertulis kumpulan kolom"),),
        base="mini",
        edits=(
            Edit(
                M,
                "  - kode: A\n    pelaksana: [Staf, Kabag]\n    langkah:\n",
                "  kode: A\n  pelaksana: [Staf, Kabag]\n  langkah:\n",
            ),
        ),
        errors=1,
    ),
    Case(
        "text-is-a-mapping",
        "S line 22: tanggal_pembuatan written as a mapping `tanggal: 13-03-2018`",
        (E(S, 22, 3, "tanggal_pembuatan", "harus berupa teks, tetapi tertulis kumpulan kolom (bila teksnya memuat ': ', apit seluruh teks dengan tanda petik)"),),
        edits=(
            Edit(
                S, "tanggal_pembuatan: 13-03-2018\n", "tanggal_pembuatan:\n  tanggal: 13-03-2018\n"
            ),
        ),
    ),
    Case(
        "step-pelaksana-is-a-mapping",
        "mini line 26: `pelaksana: {nama: Kabag}`",
        (
            E(M, 26, 20, "prosedur[A].langkah[2].pelaksana",
              "harus berupa teks atau daftar, tetapi tertulis kumpulan kolom (bila teksnya memuat ': ', apit seluruh teks dengan tanda petik)"),
        ),
        base="mini",
        edits=(Edit(M, STEP2_END, "        pelaksana: {nama: Kabag}\n"),),
        forbid=("function-after",),
        errors=1,
    ),
    Case(
        "list-item-is-a-mapping",
        "S line 50: peralatan item `- {nama: ATK}`",
        (E(S, 50, 5, "peralatan[ke-1]", "harus berupa teks, tetapi tertulis kumpulan kolom (bila teksnya memuat ': ', apit seluruh teks dengan tanda petik)"),),
        edits=(Edit(S, "  - ATK\n", "  - {nama: ATK}\n"),),
    ),
    Case(
        "disahkan-oleh-is-text",
        "mini line 8: `disahkan_oleh: Kepala Bagian Organisasi`",
        (
            E(M, 8, 16, "disahkan_oleh",
              "harus berupa kumpulan kolom (nama: nilai), tetapi tertulis 'Kepala Bagian Organisasi'"),
        ),
        base="mini",
        edits=(Edit(M, MINI_DISAHKAN, "disahkan_oleh: Kepala Bagian Organisasi\n"),),
        errors=1,
    ),
    # ------------------------------------------------------------------ wrong types
    Case(
        "step-no-abc",
        "S line 172: step B.5 `no: abc`",
        (E(S, 172, 13, "prosedur[B].langkah[abc].no", "harus berupa bilangan bulat, tetapi tertulis 'abc'"),),
        edits=(
            Edit(
                S, "      - no: 5\n        kegiatan: Tim", "      - no: abc\n        kegiatan: Tim"
            ),
        ),
    ),
    Case(
        "step-no-zero",
        "mini line 24: `no: 0`",
        (E(M, 24, 13, "prosedur[A].langkah[0].no", "harus paling sedikit 1, tetapi tertulis '0'"),),
        base="mini",
        edits=(Edit(M, "      - no: 2\n", "      - no: 0\n"),),
        errors=1,
    ),
    Case(
        "step-mulai-maybe",
        "mini line 27: `mulai: maybe` (value at column 16)",
        (E(M, 27, 16, "prosedur[A].langkah[2].mulai", "harus berupa true atau false, tetapi tertulis 'maybe'"),),
        base="mini",
        edits=(after(M, STEP2_END, "        mulai: maybe\n"),),
        errors=1,
    ),
    Case(
        "sop-jumlah-waktu-tidak",
        "mini line 17: `jumlah_waktu: tidak` before prosedur (value at column 15)",
        (E(M, 17, 15, "jumlah_waktu", "harus berupa true atau false, tetapi tertulis 'tidak'"),),
        base="mini",
        edits=(Edit(M, "prosedur:\n", "jumlah_waktu: tidak\nprosedur:\n"),),
        errors=1,
    ),
    Case(
        "step-lanjut-not-a-number",
        "mini line 27: `lanjut: [x]` ('x' at column 18)",
        (
            E(M, 27, 18, "prosedur[A].langkah[2].lanjut[ke-1]",
              "harus berupa bilangan bulat atau 'selesai' atau kumpulan kolom (nama: nilai), tetapi tertulis 'x'"),
        ),
        base="mini",
        edits=(after(M, STEP2_END, "        lanjut: [x]\n"),),
        errors=1,
    ),
    Case(
        "procedure-lanes-are-text",
        "mini line 19: `pelaksana: Staf, Kabag` without brackets",
        (E(M, 19, 16, "prosedur[A].pelaksana", "harus berupa daftar, tetapi tertulis 'Staf, Kabag' (tulis daftar di dalam kurung siku, mis. [Staf, Kabag], atau satu butir per baris diawali '- ')"),),
        base="mini",
        edits=(Edit(M, "    pelaksana: [Staf, Kabag]\n", "    pelaksana: Staf, Kabag\n"),),
        errors=1,
    ),
    Case(
        "keputusan-is-text",
        "S line 86: step A.3 `keputusan: Disetujui?`",
        (
            E(S, 86, 20, "prosedur[A].langkah[3].keputusan",
              "harus berupa kumpulan kolom (nama: nilai), tetapi tertulis 'Disetujui?'"),
        ),
        edits=(Edit(S, KEPUTUSAN_A3, "        keputusan: Disetujui?\n"),),
    ),
    Case(
        "cabang-is-a-list",
        "S line 88: `cabang: [4, 1]`",
        (
            E(S, 88, 19, "prosedur[A].langkah[3].keputusan.cabang",
              "harus berupa kumpulan kolom (nama: nilai), tetapi tertulis daftar (hapus tanda '- ' di depan nama-nama kolomnya)"),
        ),
        edits=(
            Edit(
                S,
                "          cabang:\n            Ya: 4\n            Tidak: 1\n",
                "          cabang: [4, 1]\n",
            ),
        ),
    ),
    Case(
        "decree-penandatangan-is-text",
        "K line 76: `penandatangan: Plt. Sekretaris Daerah Kota Mojokerto`",
        (
            E(K, 76, 16, "penandatangan",
              "harus berupa kumpulan kolom (nama: nilai), tetapi tertulis 'Plt. Sekretaris Daerah Kota Mojokerto'"),
        ),
        edits=(Edit(K, PENANDATANGAN, "penandatangan: Plt. Sekretaris Daerah Kota Mojokerto\n"),),
    ),
    Case(
        "decree-elektronik-ya",
        "K line 83: `elektronik: ya` in penandatangan",
        (E(K, 83, 15, "penandatangan.elektronik",
           "harus berupa true atau false atau kumpulan kolom (nama: nilai), tetapi tertulis 'ya'"),),
        edits=(after(K, "  nip: 19590100 198712 1 002\n", "  elektronik: ya\n"),),
        errors=1,
    ),
    Case(
        "unit-induk-is-a-list",
        "unit.yml line 22: `induk: [setda]`",
        (E(U, 22, 12, "unit[organisasi].induk", "harus berupa teks, tetapi tertulis daftar (kolom ini berisi satu teks saja: hapus kurung siku atau tanda '- ')"),),
        edits=(Edit(U, "    induk: setda\n", "    induk: [setda]\n"),),
    ),
    # ------------------------------------------------------------------ misspelled keys
    Case(
        "misspelled-top-level-key",
        "S line 53: `peringtan:`",
        (
            E(S, 53, 1, "peringtan", "kolom 'peringtan' tidak dikenal (maksudnya 'peringatan'?)"),
            E(S, 15, 1, "peringatan", "kolom wajib 'peringatan' belum ditulis"),
        ),
        edits=(Edit(S, "peringatan: >-\n", "peringtan: >-\n"),),
    ),
    Case(
        "misspelled-disahkan-oleh-key",
        "S line 26: `jabatn:` in disahkan_oleh (whose first key is now on line 26)",
        (
            E(S, 26, 3, "disahkan_oleh.jabatn", "kolom 'jabatn' tidak dikenal (maksudnya 'jabatan'?)"),
            E(S, 26, 3, "disahkan_oleh.jabatan", "kolom wajib 'jabatan' belum ditulis"),
        ),
        edits=(Edit(S, "  jabatan: Plt.", "  jabatn: Plt."),),
    ),
    Case(
        "misspelled-procedure-key",
        "S line 62: `pelaksanaa:` in procedure A (which starts at 60:5)",
        (
            E(S, 62, 5, "prosedur[A].pelaksanaa",
              "kolom 'pelaksanaa' tidak dikenal (maksudnya 'pelaksana'?)"),
            E(S, 60, 5, "prosedur[A].pelaksana", "kolom wajib 'pelaksana' belum ditulis"),
        ),
        edits=(
            Edit(
                S,
                "    pelaksana: [Analisis Kinerja, Kasubbag Kinerja & RB, Kabag Organisasi]\n",
                "    pelaksanaa: [Analisis Kinerja, Kasubbag Kinerja & RB, Kabag Organisasi]\n",
            ),
        ),
    ),
    Case(
        "misspelled-step-key",
        "S line 153: `kegiatn:` in step B.2 (which starts at 152:9)",
        (
            E(S, 153, 9, "prosedur[B].langkah[2].kegiatn",
              "kolom 'kegiatn' tidak dikenal (maksudnya 'kegiatan'?)"),
            E(S, 152, 9, "prosedur[B].langkah[2].kegiatan", "kolom wajib 'kegiatan' belum ditulis"),
        ),
        edits=(
            Edit(
                S,
                "        kegiatan: Kabag Organisasi menyetujui rencana",
                "        kegiatn: Kabag Organisasi menyetujui rencana",
            ),
        ),
    ),
    Case(
        "misspelled-keputusan-key",
        "S line 87: `pertanyan:` in the keputusan of step A.3",
        (
            E(S, 87, 11, "prosedur[A].langkah[3].keputusan.pertanyan",
              "kolom 'pertanyan' tidak dikenal (maksudnya 'pertanyaan'?)"),
        ),
        edits=(Edit(S, "          pertanyaan: Disetujui?\n", "          pertanyan: Disetujui?\n"),),
    ),
    Case(
        "misspelled-keterkaitan-key",
        "S line 44: `- tek: SOP Penyusunan LAKIP` (a keterkaitan mapping without `teks`)",
        (
            E(S, 44, 5, "keterkaitan[ke-1].tek", "kolom 'tek' tidak dikenal (maksudnya 'teks'?)"),
            E(S, 44, 5, "keterkaitan[ke-1].teks", "kolom wajib 'teks' belum ditulis"),
        ),
        edits=(Edit(S, "  - teks: SOP Penyusunan LAKIP\n", "  - tek: SOP Penyusunan LAKIP\n"),),
        forbid=("function-after", "RujukanSop"),
    ),
    Case(
        "misspelled-unit-key",
        "unit.yml line 11: `indk:` in unit setda",
        (E(U, 11, 5, "unit[setda].indk", "kolom 'indk' tidak dikenal (maksudnya 'induk'?)"),),
        edits=(Edit(U, "    induk: kota-mojokerto\n", "    indk: kota-mojokerto\n"),),
    ),
    Case(
        "misspelled-decree-key",
        "K line 11: `pejabat_penetab:`",
        (
            E(K, 11, 1, "pejabat_penetab",
              "kolom 'pejabat_penetab' tidak dikenal (maksudnya 'pejabat_penetap'?)"),
            E(K, 4, 1, "pejabat_penetap", "kolom wajib 'pejabat_penetap' belum ditulis"),
        ),
        edits=(Edit(K, "pejabat_penetap: Sekretaris", "pejabat_penetab: Sekretaris"),),
    ),
    Case(
        "misspelled-diktum-key",
        "K line 60: `isii:` in diktum KEDUA (which starts at 59:5)",
        (
            E(K, 60, 5, "diktum[ke-2].isii", "kolom 'isii' tidak dikenal (maksudnya 'isi'?)"),
            E(K, 59, 5, "diktum[ke-2].isi", "kolom wajib 'isi' belum ditulis"),
        ),
        edits=(Edit(K, "  - nama: KEDUA\n    isi: >-\n", "  - nama: KEDUA\n    isii: >-\n"),),
    ),
    Case(
        "misspelled-daftar-sop-key",
        "K line 93: `sopp:` in entry 6 of daftar_sop",
        (E(K, 93, 5, "daftar_sop[ke-6].sopp", "kolom 'sopp' tidak dikenal (maksudnya 'sop'?)"),),
        edits=(Edit(K, "    sop: penyusunan-iku\n", "    sopp: penyusunan-iku\n"),),
    ),
    # ------------------------------------------------------------------ missing fields
    Case(
        "missing-top-level-field",
        "S line 20 (`nama:`) deleted; the SOP mapping starts at 15:1",
        (E(S, 15, 1, "nama", "kolom wajib 'nama' belum ditulis"),),
        edits=(Edit(S, "nama: Penyusunan Indikator Kinerja Utama (IKU) Pemerintah Kota\n", ""),),
    ),
    Case(
        "missing-step-field",
        "mini: step 2 without pelaksana (step starts at 24:9)",
        (E(M, 24, 9, "prosedur[A].langkah[2].pelaksana", "kolom wajib 'pelaksana' belum ditulis"),),
        base="mini",
        edits=(Edit(M, STEP2_END, ""),),
        errors=1,
    ),
    Case(
        "missing-procedure-field",
        "mini: procedure A without langkah (procedure starts at 18:5)",
        (E(M, 18, 5, "prosedur[A].langkah", "kolom wajib 'langkah' belum ditulis"),),
        base="mini",
        edits=(Edit(M, MINI_STEPS, ""),),
        errors=1,
    ),
    Case(
        "missing-unit-field",
        "unit.yml: the second unit without id (starts at 9:5 with nama; named by position)",
        (E(U, 9, 5, "unit[ke-2].id", "kolom wajib 'id' belum ditulis"),),
        edits=(
            Edit(
                U, "  - id: setda\n    nama: Sekretariat Daerah\n", "  - nama: Sekretariat Daerah\n"
            ),
        ),
    ),
    Case(
        "missing-decree-field",
        "K line 7 (`nomor:`) deleted; the decree starts at 4:1",
        (E(K, 4, 1, "nomor", "kolom wajib 'nomor' belum ditulis"),),
        edits=(Edit(K, "nomor: 188.45/ 391.1 /417.111/2018\n", ""),),
        errors=1,
    ),
    # ------------------------------------------------------------------ empty text
    Case(
        "empty-quoted-text",
        'S line 20: `nama: ""`',
        (E(S, 20, 7, "nama", "tidak boleh kosong: tulis isinya"),),
        edits=(
            Edit(
                S, "nama: Penyusunan Indikator Kinerja Utama (IKU) Pemerintah Kota\n", 'nama: ""\n'
            ),
        ),
    ),
    Case(
        "blank-quoted-text",
        'mini line 25: `kegiatan: "   "`',
        (E(M, 25, 19, "prosedur[A].langkah[2].kegiatan", "tidak boleh kosong: tulis isinya"),),
        base="mini",
        edits=(Edit(M, "        kegiatan: Memeriksa konsep surat\n", '        kegiatan: "   "\n'),),
        errors=1,
    ),
    Case(
        "empty-text-value",
        "mini line 4: `nama:` with nothing after it (the empty value sits after ':', col 6)",
        (E(M, 4, 6, "nama", "kosong; tulis teks (tulis '-' bila memang tidak ada isinya)"),),
        base="mini",
        edits=(Edit(M, "nama: SOP Mini\n", "nama:\n"),),
        errors=1,
    ),
    Case(
        "empty-step-number",
        "mini line 24: `no:` with nothing after it",
        (E(M, 24, 12, "prosedur[A].langkah[ke-2].no", "kosong; tulis bilangan bulat"),),
        base="mini",
        edits=(Edit(M, "      - no: 2\n", "      - no:\n"),),
        forbid=("tulis '-'",),
    ),
    Case(
        "empty-disahkan-oleh",
        "mini line 8: `disahkan_oleh:` with nothing under it",
        (E(M, 8, 15, "disahkan_oleh", "kosong; tulis kumpulan kolom (nama: nilai)"),),
        base="mini",
        edits=(Edit(M, MINI_DISAHKAN, "disahkan_oleh:\n"),),
        forbid=("tulis '-'",),
    ),
    # ------------------------------------------------------------------ bad ids
    Case(
        "sop-id-with-spaces",
        "S line 15: `id: Penyusunan IKU`",
        (E(S, 15, 5, "id", "'Penyusunan IKU' bukan id yang sah: id ditulis dengan huruf kecil, angka, dan tanda hubung '-' saja (mis. 'penyusunan-iku')"),),
        edits=(Edit(S, "id: penyusunan-iku\n", "id: Penyusunan IKU\n"),),
    ),
    Case(
        "sop-id-index",
        "M line 1: `id: index` (its page would be the sop/ folder's own page)",
        (
            E(M, 1, 5, "id",
              "'index' tidak dapat dipakai sebagai id: MkDocs menjadikan `sop/index.md` halaman folder itu sendiri (`/sop/`), bukan halaman bernama 'index'; pilih id lain"),
        ),
        base="mini",
        edits=(Edit(M, "id: mini\n", "id: index\n"),),
        errors=1,
    ),
    Case(
        "unit-id-index",
        "mini unit.yml + a unit `id: index` on line 4",
        (
            E(U, 4, 9, "unit[index].id",
              "'index' tidak dapat dipakai sebagai id: MkDocs menjadikan `unit/index.md` halaman folder itu sendiri (`/unit/`), bukan halaman bernama 'index'; pilih id lain"),
        ),
        base="mini",
        edits=(Edit(U, None, "  - id: index\n    nama: Bagian Umum\n"),),
        errors=1,
    ),
    Case(
        "procedure-code-with-dot",
        "S line 60: `kode: A.1`",
        (E(S, 60, 11, "prosedur[A.1].kode", "'A.1' bukan kode yang sah: kode prosedur ditulis dengan 1 sampai 8 huruf atau angka saja (mis. 'A' atau 'B1')"),),
        edits=(Edit(S, "  - kode: A\n", "  - kode: A.1\n"),),
    ),
    Case(
        "unit-id-with-underscore",
        "mini unit.yml + a unit `id: Bagian_Umum` on line 4",
        (
            E(U, 4, 9, "unit[Bagian_Umum].id",
              "'Bagian_Umum' bukan id yang sah: id ditulis dengan huruf kecil, angka, dan tanda hubung '-' saja (mis. 'penyusunan-iku')"),
        ),
        base="mini",
        edits=(Edit(U, None, "  - id: Bagian_Umum\n    nama: Bagian Umum\n"),),
    ),
    Case(
        "decree-sop-id-with-spaces",
        "K line 93: `sop: Penyusunan IKU`",
        (
            E(K, 93, 10, "daftar_sop[ke-6].sop",
              "'Penyusunan IKU' bukan id yang sah: id ditulis dengan huruf kecil, angka, dan tanda hubung '-' saja (mis. 'penyusunan-iku')"),
        ),
        edits=(Edit(K, "    sop: penyusunan-iku\n", "    sop: Penyusunan IKU\n"),),
        errors=1,
    ),
    # ------------------------------------------------------------------ flow
    Case(
        "lanjut-to-missing-step",
        "mini line 27: step 2 `lanjut: 99`",
        (E(M, 27, 17, "prosedur[A].langkah[2].lanjut", "langkah 99 tidak ada (langkah yang ada: 1, 2, 3)"),),
        base="mini",
        edits=(after(M, STEP2_END, "        lanjut: 99\n"),),
        errors=1,
    ),
    Case(
        "lanjut-list-to-missing-step",
        "mini line 27: step 2 `lanjut: [3, 42]` (42 at column 21)",
        (
            E(M, 27, 21, "prosedur[A].langkah[2].lanjut[ke-2]",
              "langkah 42 tidak ada (langkah yang ada: 1, 2, 3)"),
        ),
        base="mini",
        edits=(after(M, STEP2_END, "        lanjut: [3, 42]\n"),),
        errors=1,
    ),
    Case(
        "cabang-to-missing-step",
        "S line 90: `Tidak: 99` in the decision of step A.3",
        (
            E(S, 90, 20, "prosedur[A].langkah[3].keputusan.cabang.Tidak",
              "langkah 99 tidak ada (langkah yang ada: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)"),
        ),
        edits=(Edit(S, "            Tidak: 1\n", "            Tidak: 99\n"),),
        errors=1,
    ),
    Case(
        "decision-with-one-exit",
        "S line 90 deleted: the decision of step A.3 keeps only `Ya: 4` (cabang's value, "
        "line 89 column 13)",
        (
            E(S, 89, 13, "prosedur[A].langkah[3].keputusan.cabang",
              "keputusan memerlukan paling sedikit dua jalur keluar (cabang)"),
        ),
        edits=(Edit(S, "            Tidak: 1\n", ""),),
    ),
    Case(
        "unreachable-step",
        "mini: step 1 `lanjut: 3` (line 24) skips step 2 (now at line 25)",
        (E(M, 25, 9, "prosedur[A].langkah[2]", "kotak 'Kabag' di langkah 2 tidak terjangkau: tidak ada panah yang menujunya. Tambahkan panah ke sana dari langkah sebelumnya (lanjut, ke, atau cabang); hanya bila di kertas memang tergambar kapsul mulai kedua di sini, tulis mulai: true"),),
        base="mini",
        edits=(after(M, STEP1_END, "        lanjut: 3\n"),),
        errors=1,
    ),
    Case(
        "loop-without-exit",
        "mini: step 1 decides {Ya: 2, Tidak: selesai} (lines 24-26), step 3 `lanjut: 2`: "
        "steps 2 and 3 (from line 27) go round for ever",
        (
            E(M, 27, 9, "prosedur[A].langkah[2]",
              "langkah 2, 3 berputar tanpa henti: tidak satu pun menuju akhir prosedur (tambahkan cabang atau lanjut ke langkah sesudahnya atau ke selesai)"),
        ),
        base="mini",
        edits=(
            after(
                M,
                STEP1_END,
                "        keputusan:\n          pertanyaan: Perlu diperiksa?\n"
                "          cabang: {Ya: 2, Tidak: selesai}\n",
            ),
            after(M, STEP3_END, "        lanjut: 2\n"),
        ),
        errors=1,
    ),
    Case(
        "procedure-without-end",
        "mini: the last step `lanjut: 1`; langkah's list starts at 21:7",
        (
            E(M, 21, 7, "prosedur[A].langkah",
              "prosedur ini tidak mempunyai akhir: setiap langkah menuju langkah lain (tambahkan selesai: true di langkah tempat prosedur berakhir, atau cabang menuju selesai)"),
        ),
        base="mini",
        edits=(after(M, STEP3_END, "        lanjut: 1\n"),),
        errors=1,
    ),
    Case(
        "unknown-lane",
        "S line 174: step B.5 `pelaksana: Tm`",
        (
            E(S, 174, 20, "prosedur[B].langkah[5].pelaksana",
              "'Tm' bukan kolom pelaksana prosedur B (kolom pelaksana: Analisis Kinerja, Kasubbag Kinerja & RB, Kabag Organisasi, Tim); betulkan ejaannya, atau tambahkan ke daftar pelaksana prosedur"),
        ),
        edits=(Edit(S, "        pelaksana: Tim\n", "        pelaksana: Tm\n"),),
        errors=1,
    ),
    Case(
        "unknown-lane-in-joint-step",
        "mini line 26: `pelaksana: [Kabag, Kabag Umum]` ('Kabag Umum' at column 28)",
        (
            E(M, 26, 28, "prosedur[A].langkah[2].pelaksana[ke-2]",
              "'Kabag Umum' bukan kolom pelaksana prosedur A (kolom pelaksana: Staf, Kabag); betulkan ejaannya, atau tambahkan ke daftar pelaksana prosedur"),
        ),
        base="mini",
        edits=(Edit(M, STEP2_END, "        pelaksana: [Kabag, Kabag Umum]\n"),),
        errors=1,
    ),
    Case(
        "unknown-lane-in-keputusan",
        "S line 88: `pelaksana: Sekda` in the decision of step A.3",
        (
            E(S, 88, 22, "prosedur[A].langkah[3].keputusan.pelaksana",
              "'Sekda' bukan kolom pelaksana prosedur A (kolom pelaksana: Analisis Kinerja, Kasubbag Kinerja & RB, Kabag Organisasi); betulkan ejaannya, atau tambahkan ke daftar pelaksana prosedur"),
        ),
        edits=(after(S, "          pertanyaan: Disetujui?\n", "          pelaksana: Sekda\n"),),
        errors=1,
    ),
    Case(
        "lane-twice-in-step",
        "mini line 26: `pelaksana: [Staf, Staf]`",
        (E(M, 26, 27, "prosedur[A].langkah[2].pelaksana[ke-2]", "pelaksana 'Staf' ditulis dua kali dalam langkah ini: satu baris hanya memuat satu kotak untuk setiap kolom pelaksana (pecah menjadi dua langkah bila di kertas ada dua)"),),
        base="mini",
        edits=(Edit(M, STEP2_END, "        pelaksana: [Staf, Staf]\n"),),
        errors=1,
    ),
    Case(
        "empty-lane-list",
        "mini line 26: `pelaksana: []` (a step drawn nowhere; with a decision it crashed)",
        (E(M, 26, 20, "prosedur[A].langkah[2].pelaksana",
           "daftar ini kosong: tulis paling sedikit 1 butir"),),
        base="mini",
        edits=(Edit(M, STEP2_END, "        pelaksana: []\n"),),
        errors=1,
    ),
    Case(
        "empty-lanjut",
        "mini line 30: `lanjut: []` (was reported as a loop)",
        (E(M, 30, 17, "prosedur[A].langkah[3].lanjut",
           "daftar ini kosong: tulis paling sedikit 1 butir"),),
        base="mini",
        edits=(after(M, STEP3_END, "        lanjut: []\n"),),
        errors=1,
    ),
    Case(
        "joint-rows-in-other-lanes",
        "mini: step 1 `[Staf, Kabag]` followed by step 2 `[Kabag, Sekda]`",
        (
            E(M, 21, 9, "prosedur[A].langkah[1]",
              "langkah 1 mempunyai kotak di Staf, Kabag yang berlanjut ke langkah 2, yang kotaknya di Kabag, Sekda: sebutkan kotak mana menuju ke mana (di bawah simbol, ke: {langkah: 2, pelaksana: …} untuk setiap kotak), atau tulis rapat: true bila langkah 1 adalah rapat yang keluar melalui satu kotak"),
        ),
        base="mini",
        edits=(
            Edit(M, "    pelaksana: [Staf, Kabag]\n", "    pelaksana: [Staf, Kabag, Sekda]\n"),
            Edit(M, STEP1_END, "        kegiatan: Menyusun konsep surat\n"
                 "        pelaksana: [Staf, Kabag]\n"),
            Edit(M, STEP2_END, "        pelaksana: [Kabag, Sekda]\n"),
        ),
        errors=1,
    ),
    Case(
        "arrow-to-a-symbol-that-is-not-there",
        "mini line 30: `lanjut: {langkah: 1, pelaksana: Kabag}` (step 1 has only Staf)",
        (
            E(M, 30, 17, "prosedur[A].langkah[3].lanjut",
              "langkah 1 tidak mempunyai simbol 'Kabag' (simbolnya: Staf (proses))"),
        ),
        base="mini",
        edits=(after(M, STEP3_END, "        lanjut: {langkah: 1, pelaksana: Kabag}\n"),),
        errors=1,
    ),
    Case(
        "arrow-to-a-row-of-several-symbols",
        "mini: step 1 done by [Staf, Kabag]; line 30: step 3 `lanjut: {langkah: 1}` without "
        "saying which of step 1's two boxes",
        (
            E(M, 30, 17, "prosedur[A].langkah[3].lanjut",
              "langkah 1 mempunyai beberapa simbol (Staf (proses); Kabag (proses)): tambahkan "
              "pelaksana untuk menyebut yang mana"),
        ),
        base="mini",
        edits=(
            Edit(M, STEP1_END, "        kegiatan: Menyusun konsep surat\n"
                 "        pelaksana: [Staf, Kabag]\n"),
            after(M, STEP3_END, "        lanjut: {langkah: 1}\n"),
        ),
        errors=1,
    ),
    Case(
        "simbol-beside-pelaksana",
        "mini line 26: step 2 writes both `pelaksana` and `simbol`",
        (
            E(M, 26, 20, "prosedur[A].langkah[2].pelaksana",
              "langkah yang memakai simbol mengambil pelaksana dari simbolnya: hapus pelaksana di sini (tulis di dalam simbol)"),
        ),
        base="mini",
        edits=(after(M, STEP2_END, "        simbol:\n          - pelaksana: Kabag\n"),),
        errors=1,
    ),
    Case(
        "lane-with-a-no-break-space",
        "mini line 26: `pelaksana: Kabag\u00a0Umum` pasted with a no-break space",
        (
            E(M, 26, 20, "prosedur[A].langkah[2].pelaksana",
              "'Kabag<U+00A0>Umum' bukan kolom pelaksana prosedur A (kolom pelaksana: Staf, Kabag Umum); maksudnya 'Kabag Umum'? (berbeda spasi atau huruf besar/kecil)"),
        ),
        base="mini",
        edits=(
            Edit(M, "    pelaksana: [Staf, Kabag]\n", "    pelaksana: [Staf, Kabag Umum]\n"),
            Edit(M, STEP2_END, "        pelaksana: Kabag\u00a0Umum\n"),
        ),
        errors=1,
    ),
    Case(
        "decision-symbol-with-one-exit",
        "mini line 29: step 2's diamond written under simbol with one cabang",
        (
            E(M, 29, 21, "prosedur[A].langkah[2].simbol[ke-1].cabang",
              "keputusan memerlukan paling sedikit dua jalur keluar (cabang), mis. {Ya: 4, Tidak: 2}"),
        ),
        base="mini",
        edits=(Edit(M, STEP2_END, "        simbol:\n          - pelaksana: Kabag\n"
                    "            bentuk: keputusan\n            cabang: {Ya: 3}\n"),),
        errors=1,
    ),
    Case(
        "duplicate-lane",
        "S line 142: procedure B lists 'Analisis Kinerja' again as 5th lane (column 81)",
        (E(S, 142, 81, "prosedur[B].pelaksana[ke-5]", "kolom pelaksana 'Analisis Kinerja' ditulis dua kali: hapus salah satunya"),),
        edits=(Edit(S, "Kabag Organisasi, Tim]\n", "Kabag Organisasi, Tim, Analisis Kinerja]\n"),),
        errors=1,
    ),
    Case(
        "duplicate-step-number",
        "S line 97: step A.5 renumbered `no: 4` (like step A.4 on line 91): the second is "
        "the duplicate",
        (E(S, 97, 13, "prosedur[A].langkah[4].no", "nomor langkah 4 dipakai lebih dari sekali: beri nomor lain"),),
        edits=(
            Edit(
                S,
                "      - no: 5\n        kegiatan: Analisis Kinerja menerima surat",
                "      - no: 4\n        kegiatan: Analisis Kinerja menerima surat",
            ),
        ),
        errors=1,
    ),
    Case(
        "duplicate-procedure-code",
        "S line 140: the second procedure also `kode: A`",
        (E(S, 140, 11, "prosedur[A].kode", "kode prosedur 'A' sudah dipakai prosedur ke-1: beri kode lain"),),
        edits=(Edit(S, "  - kode: B\n", "  - kode: A\n"),),
        errors=1,
    ),
    Case(
        "missing-procedure-code",
        "S line 140: the second of two procedures without kode (starts at 140:5)",
        (E(S, 140, 5, "prosedur[ke-2]", "prosedur ke-2 belum diberi kode: kode wajib ditulis bila SOP mempunyai lebih dari satu prosedur (mis. kode: A)"),),
        edits=(Edit(S, "  - kode: B\n    judul:", "  - judul:"),),
        errors=1,
    ),
    Case(
        "selesai-and-lanjut",
        "mini lines 27-28: step 2 `selesai: true` and `lanjut: 3`",
        (
            E(M, 27, 18, "prosedur[A].langkah[2].selesai",
              "tulis salah satu saja, selesai atau lanjut, jangan keduanya"),
        ),
        base="mini",
        edits=(after(M, STEP2_END, "        selesai: true\n        lanjut: 3\n"),),
        errors=1,
    ),
    Case(
        "keputusan-and-lanjut",
        "S line 85: step A.3 has a keputusan and `lanjut: 4`",
        (
            E(S, 85, 17, "prosedur[A].langkah[3].lanjut",
              "langkah dengan keputusan keluar melalui keputusan.cabang: hapus lanjut"),
        ),
        edits=(
            after(S, "        output: Konsep surat yang disetujui Kabag\n", "        lanjut: 4\n"),
        ),
        errors=1,
    ),
    # ------------------------------------------------------------------ dates
    Case(
        "both-effective-dates",
        "S line 24: tanggal_pengesahan added under tanggal_efektif",
        (
            E(S, 24, None, "tanggal_pengesahan",
              "tulis salah satu saja, tanggal_efektif atau tanggal_pengesahan (sesuai tulisan di dokumen), jangan keduanya"),
        ),
        edits=(after(S, "tanggal_efektif: 13-03-2018\n", "tanggal_pengesahan: 13-03-2018\n"),),
    ),
    Case(
        "no-effective-date",
        "S line 23 (tanggal_efektif) deleted; the SOP mapping starts at 15:1",
        (E(S, 15, 1, "tanggal_efektif", "kolom wajib 'tanggal_efektif' belum ditulis (atau tulis tanggal_pengesahan bila dokumen menulis Tanggal Pengesahan)"),),
        edits=(Edit(S, "tanggal_efektif: 13-03-2018\n", ""),),
    ),
    # ------------------------------------------------------------------ waktu_mencakup
    Case(
        "waktu-mencakup-one",
        "mini line 25: `waktu_mencakup: 1` (value at column 25)",
        (E(M, 25, 25, "prosedur[A].langkah[1].waktu_mencakup", "harus paling sedikit 2, tetapi tertulis '1'"),),
        base="mini",
        edits=(after(M, STEP1_END, "        waktu: 1 hari\n        waktu_mencakup: 1\n"),),
        errors=1,
    ),
    Case(
        "waktu-mencakup-without-waktu",
        "mini line 24: `waktu_mencakup: 2` on a step without waktu",
        (E(M, 24, 25, "prosedur[A].langkah[1].waktu_mencakup", "waktu_mencakup memerlukan waktu: tulis waktu pada langkah ini"),),
        base="mini",
        edits=(after(M, STEP1_END, "        waktu_mencakup: 2\n"),),
        errors=1,
    ),
    Case(
        "waktu-mencakup-past-the-end",
        "mini line 28: step 2 of 3 `waktu_mencakup: 3`",
        (
            E(M, 28, 25, "prosedur[A].langkah[2].waktu_mencakup",
              "mencakup 3 langkah, padahal hanya tersisa 2 langkah (langkah ini dan sesudahnya)"),
        ),
        base="mini",
        edits=(after(M, STEP2_END, "        waktu: 2 hari\n        waktu_mencakup: 3\n"),),
        errors=1,
    ),
    Case(
        "waktu-in-covered-step",
        "S: step A.1 `waktu_mencakup: 2` (line 70) but step A.2 keeps `waktu: 5 menit` (78:16)",
        (
            E(S, 78, 16, "prosedur[A].langkah[2].waktu",
              "waktu langkah ini sudah tercakup dalam waktu_mencakup langkah sebelumnya: hapus waktu di sini"),
        ),
        edits=(after(S, "        waktu: 10 menit\n", "        waktu_mencakup: 2\n"),),
        errors=1,
    ),
    # ------------------------------------------------------------------ duplicate keys
    Case(
        "duplicate-key-top-level",
        "S line 58: a second `peringatan:`",
        (E(S, 58, 1, "peringatan", "kolom 'peringatan' ditulis dua kali (pertama di baris 53); YAML diam-diam hanya memakai yang terakhir: hapus salah satunya"),),
        edits=(after(S, "  - Dokumen Indikator Kinerja Utama (IKU)\n", "peringatan: lagi\n"),),
        errors=1,
    ),
    Case(
        "duplicate-key-in-mapping",
        "S line 30: a second `nama:` in disahkan_oleh",
        (E(S, 30, 3, "disahkan_oleh.nama", "kolom 'nama' ditulis dua kali (pertama di baris 27); YAML diam-diam hanya memakai yang terakhir: hapus salah satunya"),),
        edits=(after(S, "  nip: 19590109 198712 1 002\n", "  nama: Drs. Lain\n"),),
        errors=1,
    ),
    Case(
        "duplicate-key-in-step",
        "S line 84: a second `waktu:` in step A.3",
        (E(S, 84, 9, "prosedur[A].langkah[3].waktu", "kolom 'waktu' ditulis dua kali (pertama di baris 83); YAML diam-diam hanya memakai yang terakhir: hapus salah satunya"),),
        edits=(
            Edit(
                S,
                "        waktu: 30 menit\n        output: Konsep surat yang disetujui Kabag\n",
                "        waktu: 30 menit\n        waktu: 45 menit\n"
                "        output: Konsep surat yang disetujui Kabag\n",
            ),
        ),
    ),
    Case(
        "duplicate-key-in-list-item",
        "K line 94: a second `nama:` in entry 6 of daftar_sop",
        (E(K, 94, 5, "daftar_sop[ke-6].nama", "kolom 'nama' ditulis dua kali (pertama di baris 92); YAML diam-diam hanya memakai yang terakhir: hapus salah satunya"),),
        edits=(after(K, "    sop: penyusunan-iku\n", "    nama: Penyusunan IKU\n"),),
    ),
    Case(
        "duplicate-key-in-unit",
        "unit.yml line 11: a second `nama:` in unit setda",
        (E(U, 11, 5, "unit[setda].nama", "kolom 'nama' ditulis dua kali (pertama di baris 10); YAML diam-diam hanya memakai yang terakhir: hapus salah satunya"),),
        edits=(after(U, "    nama: Sekretariat Daerah\n", "    nama: Setda\n"),),
    ),
    Case(
        "merge-key",
        "mini line 2: `<<: {unit: organisasi}` instead of `unit: organisasi`",
        (
            E(M, 2, 1, "", "kunci gabungan YAML ('<<') tidak didukung: tulis kolomnya satu per satu"),
            E(M, 1, 1, "unit", "kolom wajib 'unit' belum ditulis"),
        ),
        base="mini",
        edits=(Edit(M, "unit: organisasi\n", "<<: {unit: organisasi}\n"),),
        errors=2,
    ),
    # ------------------------------------------------------------------ across files
    Case(
        "duplicate-sop-id",
        "umum/penyusunan-iku-lama.yml: a copy of S with the same id (read after S)",
        (
            E("umum/penyusunan-iku-lama.yml", 15, 5, "id",
              "id SOP 'penyusunan-iku' sudah dipakai oleh {root}organisasi/penyusunan-iku.yml: beri id lain"),
        ),
        files={"umum/penyusunan-iku-lama.yml": S_TEXT},
        errors=1,
    ),
    Case(
        "duplicate-unit-id",
        "unit.yml lines 30-32: a second unit `id: setda`",
        (E(U, 31, 9, "unit[setda].id", "id unit 'setda' sudah dipakai di {root}unit.yml: beri id lain"),),
        edits=(Edit(U, None, "\n  - id: setda\n    nama: Sekretariat Daerah (lama)\n"),),
        errors=1,
    ),
    Case(
        "unknown-unit",
        "S line 16: `unit: organisasii`",
        (E(S, 16, 7, "unit", "unit 'organisasii' tidak ada (unit yang ada: kota-mojokerto, setda, organisasi)"),),
        edits=(Edit(S, "unit: organisasi\n", "unit: organisasii\n"),),
        errors=1,
    ),
    Case(
        "no-unit-file",
        "mini without unit.yml",
        (
            E(M, 2, 7, "unit",
              "unit 'organisasi' tidak ada (belum ada unit satu pun: buat sop_data/unit.yml)"),
        ),
        base="mini",
        files={U: None},
        errors=1,
    ),
    Case(
        "unknown-induk",
        "unit.yml line 22: `induk: setdaa`",
        (E(U, 22, 12, "unit[organisasi].induk", "unit 'setdaa' tidak ada (unit yang ada: kota-mojokerto, setda, organisasi)"),),
        edits=(Edit(U, "    induk: setda\n", "    induk: setdaa\n"),),
        errors=1,
    ),
    Case(
        "induk-loop",
        "unit.yml line 8: kota-mojokerto gets `induk: organisasi` (a loop of three units; "
        "setda's induk moves to line 12, organisasi's to 23)",
        (
            E(U, 8, 12, "unit[kota-mojokerto].induk", LOOP.format("kota-mojokerto"), exact=False),
            E(U, 12, 12, "unit[setda].induk", LOOP.format("setda"), exact=False),
            E(U, 23, 12, "unit[organisasi].induk", LOOP.format("organisasi"), exact=False),
        ),
        edits=(after(U, "    nama: Pemerintah Kota Mojokerto\n", "    induk: organisasi\n"),),
        errors=3,
    ),
    Case(
        "induk-self",
        "unit.yml line 22: organisasi `induk: organisasi`",
        (E(U, 22, 12, "unit[organisasi].induk", LOOP.format("organisasi"), exact=False),),
        edits=(Edit(U, "    induk: setda\n", "    induk: organisasi\n"),),
        errors=1,
    ),
    Case(
        "induk-loop-with-child",
        "organisasi and kinerja are each other's induk; tata-laksana (line 10) is only "
        "their child and must not be called its own parent",
        (
            E(U, 4, 12, "unit[organisasi].induk", LOOP.format("organisasi"), exact=False),
            E(U, 7, 12, "unit[kinerja].induk", LOOP.format("kinerja"), exact=False),
        ),
        base="mini",
        files={
            U: (
                "unit:\n"
                "  - id: organisasi\n"
                "    nama: Bagian Organisasi\n"
                "    induk: kinerja\n"
                "  - id: kinerja\n"
                "    nama: Subbagian Kinerja\n"
                "    induk: organisasi\n"
                "  - id: tata-laksana\n"
                "    nama: Subbagian Tata Laksana\n"
                "    induk: organisasi\n"
            )
        },
        forbid=(LOOP.format("tata-laksana"),),
    ),
    Case(
        "decree-unknown-sop",
        "K line 93: `sop: penyusunan-ikuu`",
        (
            E(K, 93, 10, "daftar_sop[ke-6].sop",
              "id SOP 'penyusunan-ikuu' tidak ada (hapus `sop:` selama naskah lengkap SOP itu belum tersedia)"),
        ),
        edits=(Edit(K, "    sop: penyusunan-iku\n", "    sop: penyusunan-ikuu\n"),),
        errors=1,
    ),
    Case(
        "decree-unknown-unit",
        "K line 5: `unit: organisasii`",
        (E(K, 5, 7, "unit", "unit 'organisasii' tidak ada (unit yang ada: kota-mojokerto, setda, organisasi)"),),
        edits=(Edit(K, "unit: organisasi\n", "unit: organisasii\n"),),
        errors=1,
    ),
    Case(
        "duplicate-decree-id",
        "keputusan/setda-2019-sop-ap.yml: a copy of K with the same id (read after K)",
        (
            E("keputusan/setda-2019-sop-ap.yml", 4, 5, "id",
              "id keputusan 'setda-2018-sop-ap' sudah dipakai oleh {root}keputusan/setda-2018-sop-ap.yml: beri id lain"),
        ),
        files={"keputusan/setda-2019-sop-ap.yml": K_TEXT},
        errors=1,
    ),
    Case(
        "broken-sop-not-blamed-in-decree",
        "S line 235: `outptu:` in step B.13; the decree's `sop: penyusunan-iku` must not be "
        "called a missing SOP because of it",
        (
            E(S, 235, 9, "prosedur[B].langkah[13].outptu",
              "kolom 'outptu' tidak dikenal (maksudnya 'output'?)"),
        ),
        edits=(after(S, "        waktu: 1 minggu\n", "        outptu: x\n"),),
        forbid=("tidak ada",),
        errors=1,
    ),
    Case(
        "unreadable-sop-not-blamed-in-decree",
        "S line 82 indented with a tab (a syntax error); the decree's `sop: penyusunan-iku` "
        "must not be called a missing SOP because of it",
        (E(S, 82, 1, "", TAB),),
        edits=(
            Edit(
                S,
                "        pelaksana: Kabag Organisasi\n        kelengkapan: Konsep surat\n",
                "        pelaksana: Kabag Organisasi\n\tkelengkapan: Konsep surat\n",
            ),
        ),
        forbid=("tidak ada",),
        errors=1,
    ),
    Case(
        "broken-decree-not-blamed-in-keterkaitan",
        "K line 7 (`nomor:`) deleted; S's keterkaitan 'SOP Penyusunan LAKIP' names entry 8 "
        "of that decree by its title and must not be warned about",
        (E(K, 4, 1, "nomor", "kolom wajib 'nomor' belum ditulis"),),
        edits=(Edit(K, "nomor: 188.45/ 391.1 /417.111/2018\n", ""),),
        forbid=("tidak cocok dengan id atau judul SOP",),
        errors=1,
    ),
    Case(
        "broken-unit-file-not-blamed-in-sops",
        "unit.yml line 10: `nma:` in unit setda; the SOP and decree must not be told "
        "there are no units",
        (
            E(U, 10, 5, "unit[setda].nma", "kolom 'nma' tidak dikenal (maksudnya 'nama'?)"),
            E(U, 9, 5, "unit[setda].nama", "kolom wajib 'nama' belum ditulis"),
        ),
        edits=(Edit(U, "    nama: Sekretariat Daerah\n", "    nma: Sekretariat Daerah\n"),),
        forbid=("buat sop_data/unit.yml",),
        errors=2,
    ),
    # ------------------------------------------------------------------ size, BOM, CRLF
    Case(
        "large-file-unknown-lane",
        "a 3,000-step SOP; step 2718's pelaksana (line 21 + 4 * 2717 + 2 = 10891) is 'Kabag Umum'",
        (
            E("organisasi/besar.yml", 10891, 20, "prosedur[A].langkah[2718].pelaksana",
              "'Kabag Umum' bukan kolom pelaksana prosedur A (kolom pelaksana: Staf, Kabag); betulkan ejaannya, atau tambahkan ke daftar pelaksana prosedur"),
        ),
        base="mini",
        files={"organisasi/besar.yml": big_sop(2718, 2, "        pelaksana: Kabag Umum")},
        errors=1,
        max_seconds=20,
    ),
    Case(
        "large-file-bad-step-number",
        "a 3,000-step SOP; step 2999's `no: dua` (line 21 + 4 * 2998 = 12013)",
        (
            E("organisasi/besar.yml", 12013, 13, "prosedur[A].langkah[dua].no",
              "harus berupa bilangan bulat, tetapi tertulis 'dua'"),
        ),
        base="mini",
        files={"organisasi/besar.yml": big_sop(2999, 0, "      - no: dua")},
        errors=1,
        max_seconds=20,
    ),
    Case(
        "bom-crlf-unknown-field",
        "S saved with BOM and CRLF, `outptu:` in step B.13 on line 235",
        (
            E(S, 235, 9, "prosedur[B].langkah[13].outptu",
              "kolom 'outptu' tidak dikenal (maksudnya 'output'?)"),
        ),
        edits=(after(S, "        waktu: 1 minggu\n", "        outptu: x\n"),),
        bom_crlf=(S, K, U),
        errors=1,
    ),
    Case(
        "bom-crlf-tab",
        "S saved with BOM and CRLF, line 82 indented with a tab",
        (E(S, 82, 1, "", TAB),),
        edits=(
            Edit(
                S,
                "        pelaksana: Kabag Organisasi\n        kelengkapan: Konsep surat\n",
                "        pelaksana: Kabag Organisasi\n\tkelengkapan: Konsep surat\n",
            ),
        ),
        bom_crlf=(S,),
    ),
    Case(
        "bom-crlf-first-line",
        "unit.yml saved with BOM and CRLF, an unknown key on its line 1 (column 1: the "
        "BOM is not a character of the text)",
        (E(U, 1, 1, "units", "kolom 'units' tidak dikenal (maksudnya 'unit'?)"),),
        base="mini",
        files={U: "units: []\nunit:\n  - id: organisasi\n    nama: Bagian Organisasi\n"},
        bom_crlf=(U,),
    ),
    # ------------------------------------------------------------------ as printed
    Case(
        "tanda-empty",
        "mini line 11 becomes a dasar_hukum list whose item 2 writes `tanda: \"\"` (the "
        "value starts at line 13 column 12)",
        (E(M, 13, 12, "dasar_hukum[ke-2].tanda", "tanda tidak boleh kosong; tulis tanda persis "
           'seperti tercetak, mis. "2.", "a." atau "-", atau hapus tanda'),),
        base="mini",
        edits=(Edit(M, 'dasar_hukum: "-"\n', "dasar_hukum:\n  - UU Nomor 1 Tahun 2020\n"
                    '  - tanda: ""\n    teks: UU Nomor 2 Tahun 2020\n'),),
    ),
    Case(
        "tanda-numbering-word-on-one-item",
        "mini line 14 becomes a peralatan list whose item 1 writes "
        "`tanda: huruf` (only for {tanda, butir}); the value starts at line 15 column 12",
        (E(M, 15, 12, "peralatan[ke-1].tanda", "tanda 'huruf' hanya untuk daftar berbentuk "
           "{tanda, butir}; untuk satu butir tulis tanda persis seperti tercetak, mis. "
           'tanda: "2." atau tanda: "b."'),),
        base="mini",
        edits=(Edit(M, 'peralatan: "-"\n', "peralatan:\n  - tanda: huruf\n"
                    "    teks: Komputer\n"),),
    ),
    Case(
        "tanda-too-long",
        "mini: an output cell {tanda, butir} whose tanda is a sentence (line 25, column 18)",
        (E(M, 25, 18, "prosedur[A].langkah[1].output.tanda",
           "tanda 'Lihat catatan di bawah ini' terlalu panjang (paling banyak 12 karakter, "
           'satu baris): tanda hanya penomoran atau poin, mis. "2." atau "-"; teks butir '
           "ditulis di `teks`"),),
        base="mini",
        edits=(after(M, STEP1_END, "        output:\n          tanda: Lihat catatan di bawah "
                     "ini\n          butir: [Konsep surat]\n"),),
    ),
    Case(
        "label-kelengkapan-and-kolom-kelengkapan",
        "mini: procedure A writes both label_kelengkapan (line 20, value at column 24) and "
        "kolom.kelengkapan",
        (E(M, 20, 24, "prosedur[A].label_kelengkapan", "judul kolom kelengkapan ditulis dua "
           "kali (label_kelengkapan dan kolom.kelengkapan); tulis salah satu saja, mis. hanya "
           "kolom.kelengkapan"),),
        base="mini",
        edits=(after(M, "    pelaksana: [Staf, Kabag]\n", "    label_kelengkapan: Sumber Data\n"
                     "    kolom:\n      kelengkapan: Sumber Data\n"),),
    ),
]

# Status, revisions and the review cycle (tests/test_revisi.py has the rules between files).
CASES += [
    Case(
        "status-not-a-choice",
        "mini: status 'aktif', which is not one of the three",
        (E(M, 30, 9, "status", "harus salah satu dari 'draf', 'berlaku' atau 'dicabut', tetapi tertulis 'aktif'"),),
        base="mini",
        edits=(Edit(M, None, "status: aktif\n"),),
        errors=1,
    ),
    Case(
        "evaluation-outcome-not-a-choice",
        "mini: an evaluation whose hasil is 'baik'",
        (E(M, 32, 12, "evaluasi[ke-1].hasil", "harus salah satu dari 'berjalan dengan baik', 'kurang baik' atau 'tidak berjalan', tetapi tertulis 'baik'"),),
        base="mini",
        edits=(Edit(M, None, "evaluasi:\n  - tanggal: 10-01-2025\n    hasil: baik\n"),),
        errors=1,
    ),
    Case(
        "revoked-without-its-date",
        "mini: status dicabut without the dicabut block",
        (E(M, 30, 9, "status", "SOP yang dicabut memerlukan `dicabut:` dengan tanggal pencabutannya (dan diganti_oleh: id SOP penggantinya, bila ada)"),),
        base="mini",
        edits=(Edit(M, None, "status: dicabut\n"),),
        errors=1,
    ),
    Case(
        "revision-file-not-numbered",
        "mini: an earlier revision saved as mini.revisi/lama.yml",
        (E("organisasi/mini.revisi/lama.yml", 1, 1, "", "berkas revisi terdahulu dinamai dengan nomor revisinya, mis. mini.revisi/01.yml: ganti nama berkas ini"),),
        base="mini",
        files={"organisasi/mini.revisi/lama.yml": MINI_SOP},
        errors=1,
    ),
]

# ------------------------------------------------------------------ site identity (situs.yml)
ST = "situs.yml"
CASES += [
    Case(
        "situs-logo-file-missing",
        "mini: situs.yml names logo.png, which is not in the data folder",
        (E(ST, 3, 7, "logo", "berkas logo 'logo.png' tidak ada di folder data: simpan gambar "
           "logo di folder data dengan nama itu (jalur relatif terhadap folder data), atau "
           "perbaiki namanya"),),
        base="mini",
        edits=(Edit(ST, None, "logo: logo.png\n"),),
        errors=1,
    ),
    Case(
        "situs-logo-not-an-image",
        "mini: the logo is a .gif",
        (E(ST, 3, 7, "logo", "'logo.gif' bukan berkas gambar yang dapat dipakai sebagai logo: "
           "gunakan berkas .png, .jpg, .jpeg, .svg atau .webp"),),
        base="mini",
        edits=(Edit(ST, None, "logo: logo.gif\n"),),
        errors=1,
    ),
    Case(
        "unit-logo-outside-the-data-folder",
        "mini: a unit's logo written as ../logo.png",
        (E(U, 4, 11, "unit[organisasi].logo", "'../logo.png' bukan jalur berkas di dalam folder "
           "data: tulis jalur relatif terhadap folder data dengan garis miring biasa, mis. "
           "`logo.png` atau `logo/bagian.png`"),),
        base="mini",
        edits=(Edit(U, None, "    logo: ../logo.png\n"),),
        errors=1,
    ),
    Case(
        "situs-address-without-scheme",
        "mini: alamat_situs written without https://",
        (E(ST, 3, 15, "alamat_situs", "'sop.contoh.go.id' bukan alamat situs: tulis alamat "
           "lengkap yang diawali http:// atau https://, mis. `https://sop.contoh.go.id/`"),),
        base="mini",
        edits=(Edit(ST, None, "alamat_situs: sop.contoh.go.id\n"),),
        errors=1,
    ),
]

BY_NAME = {case.name: case for case in CASES}
assert len(BY_NAME) == len(CASES), "case names must be unique"

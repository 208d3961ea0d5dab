"""What changed between two revisions of an SOP, computed from the data.

Steps are matched by their kegiatan (the same text, in order; a rewritten text in
the same place when it is still similar; the same text elsewhere is a moved step),
so a step inserted in the middle shows as one step added and the following ones
renumbered, not as every step changed. Arrows are compared symbol to symbol
(`flow.Flow.named_arrows`), with the earlier revision's step numbers translated to
the later one's, so renumbering alone is not a flow change.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel

from . import flow
from .daftar import KOSONG, Nilai, daftar, teks_polos
from .kolom import BAWAAN, JudulKolom, judul, judul_kolom
from .model import Langkah, Prosedur, Sop, TandaTanganElektronik, as_list

Jenis = Literal["ditambah", "dihapus", "dipindah", "diubah", "bernomor-baru"]
SIMILAR = 0.6
"""Two kegiatan texts in the same place are one step rewritten when at least this
similar (difflib's ratio); below it, a step removed and another added."""


@dataclass(frozen=True)
class Ubah:
    """One value changed: `lama` None for an item added to a list, `baru` None for an
    item removed."""

    kolom: str
    lama: str | None
    baru: str | None


@dataclass(frozen=True)
class LangkahBerubah:
    jenis: Jenis
    lama: int | None  # the step's number in the earlier revision
    baru: int | None  # and in the later one
    kegiatan: str
    kolom: tuple[Ubah, ...] = ()


@dataclass(frozen=True)
class Panah:
    """An arrow as printed: from, to, label; `garis`: a plain line of a meeting."""

    dari: str
    ke: str
    label: str | None
    garis: bool

    def teks(self) -> str:
        arrow = "—" if self.garis else "→"
        return f"{self.dari} {arrow} {self.ke}" + (f" [{self.label}]" if self.label else "")


@dataclass
class PerubahanProsedur:
    kode: str | None
    judul: str  # as the later revision heads it (the earlier, for one removed)
    jenis: Literal["ditambah", "dihapus", "diubah"]
    lama: Prosedur | None
    baru: Prosedur | None
    kolom: list[Ubah] = field(default_factory=list)
    pelaksana_ditambah: list[str] = field(default_factory=list)
    pelaksana_dihapus: list[str] = field(default_factory=list)
    langkah: list[LangkahBerubah] = field(default_factory=list)
    panah_ditambah: list[Panah] = field(default_factory=list)
    panah_dihapus: list[Panah] = field(default_factory=list)

    @property
    def kosong(self) -> bool:
        return self.jenis == "diubah" and not (
            self.kolom or self.pelaksana_ditambah or self.pelaksana_dihapus or self.langkah
            or self.panah_ditambah or self.panah_dihapus)


@dataclass
class Perubahan:
    """Revision `dari` -> revision `ke`."""

    dari: int
    ke: int
    identitas: list[Ubah] = field(default_factory=list)
    prosedur: list[PerubahanProsedur] = field(default_factory=list)

    @property
    def kosong(self) -> bool:
        return not self.identitas and not self.prosedur


# ------------------------------------------------------------------ identity

_IDENTITY: list[tuple[str, str]] = [
    ("unit", "Unit"), ("nomor", "Nomor SOP"), ("nama", "Nama SOP"),
    ("tanggal_pembuatan", "Tanggal Pembuatan"), ("tanggal_berlaku", "Tanggal Efektif"),
    ("disahkan_oleh", "Disahkan oleh"),
]
_LISTS: list[tuple[str, str]] = [
    ("dasar_hukum", "Dasar Hukum"), ("kualifikasi_pelaksana", "Kualifikasi Pelaksana"),
    ("peralatan", "Peralatan/Perlengkapan"),
    ("peringatan", "Peringatan"), ("pencatatan", "Pencatatan dan Pendataan"),
]
"""The printed lists (`daftar`): items compared by text, and by marker where the
author wrote it."""


def _plain(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, str):
        return " ".join(value.split()) or "-"
    if isinstance(value, TandaTanganElektronik):
        return _plain(" ".join(x for x in (value.pernyataan, value.verifikasi) if x))
    if isinstance(value, BaseModel):
        # Nested models (the signer's statement) by their own text, not as a dict.
        fields = [getattr(value, name) for name in type(value).model_fields]
        parts = [_plain(v) if isinstance(v, BaseModel) else str(v)
                 for v in fields if v is not None and v is not False]
        return ", ".join(" ".join(p.split()) for p in parts)
    return str(value)


def _refs(value: object) -> list[str]:
    """Keterkaitan items as written (a document by its name)."""
    if isinstance(value, str):
        return [] if value.strip() in KOSONG else [_plain(value)]
    return [_plain(getattr(v, "teks", None) or getattr(v, "dokumen", v))
            for v in as_list(value)]  # type: ignore[arg-type]


def _list_changes(label: str, old: list[str], new: list[str]) -> list[Ubah]:
    gone = [Ubah(label, x, None) for x in old if x not in new]
    came = [Ubah(label, None, x) for x in new if x not in old]
    return gone + came


def _printed_changes(label: str, old: Nilai, new: Nilai) -> list[Ubah]:
    """Items added or removed (by text), then items kept whose marker changed other
    than by their position (`1.` → `2.` after an insertion is not a change; `2.` → `-`
    or numbers → letters is)."""
    a, b = daftar(old), daftar(new)
    texts_a = [" ".join(t.split()) for t in a.teks]
    texts_b = [" ".join(t.split()) for t in b.teks]
    out = _list_changes(label, texts_a, texts_b)
    styles = {" ".join(x.teks.split()): x for x in a.butir} if not a.kosong else {}
    for item in b.butir if not b.kosong else ():
        before = styles.get(" ".join(item.teks.split()))
        if before is not None and before.gaya != item.gaya and before.tanda != item.tanda:
            out.append(Ubah(f"{label} (tanda)", before.baris, item.baris))
    return out


def identity_changes(old: Sop, new: Sop) -> list[Ubah]:
    out: list[Ubah] = []
    for name, label in _IDENTITY:
        a, b = _plain(getattr(old, name)), _plain(getattr(new, name))
        if a != b:
            out.append(Ubah(label, a, b))
    for name, label in _LISTS:
        out += _printed_changes(label, getattr(old, name), getattr(new, name))
        if name == "kualifikasi_pelaksana":  # the order of the identity sheet
            out += _list_changes("Keterkaitan", _refs(old.keterkaitan),
                                 _refs(new.keterkaitan))
    return out


def _heading_changes(old: JudulKolom, new: JudulKolom) -> list[Ubah]:
    """The table's headings as printed (`Judul kolom Kelengkapan: «Kelengkapan» menjadi
    «Sumber Data»`), and whether column numbers are printed."""
    out: list[Ubah] = []
    for name, default in BAWAAN.items():
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            out.append(Ubah(f"Judul kolom {default}", a, b))
    if bool(old.nomor) != bool(new.nomor):
        out.append(Ubah("Nomor kolom", "dicetak" if old.nomor else "tidak dicetak",
                        "dicetak" if new.nomor else "tidak dicetak"))
    return out


# ------------------------------------------------------------------ steps


def _key(step: Langkah) -> str:
    return " ".join(step.kegiatan.split()).casefold()


def match_steps(old: list[Langkah], new: list[Langkah]) -> tuple[
        list[tuple[int, int]], list[tuple[int, int]]]:
    """Pairs (old index, new index) of the same step, in order, and pairs of steps
    moved (the same kegiatan elsewhere)."""
    a, b = [_key(s) for s in old], [_key(s) for s in new]
    pairs: list[tuple[int, int]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs += [(i1 + k, j1 + k) for k in range(i2 - i1)]
        elif tag == "replace":
            j = j1
            for i in range(i1, i2):
                for jj in range(j, j2):
                    if difflib.SequenceMatcher(None, a[i], b[jj]).ratio() >= SIMILAR:
                        pairs.append((i, jj))
                        j = jj + 1
                        break
    used_old = {i for i, _ in pairs}
    used_new = {j for _, j in pairs}
    moved: list[tuple[int, int]] = []
    for i, key in enumerate(a):
        if i in used_old:
            continue
        for j, other in enumerate(b):
            if j not in used_new and other == key:
                moved.append((i, j))
                used_new.add(j)
                break
    return sorted(pairs), moved


def _step_fields(kolom: JudulKolom, old: Langkah, new: Langkah) -> list[Ubah]:
    out: list[Ubah] = []
    values = [
        ("Kegiatan", old.kegiatan, new.kegiatan),
        ("Pelaksana", "; ".join(flow.step_lanes(old)), "; ".join(flow.step_lanes(new))),
        (kolom.kelengkapan, teks_polos(old.kelengkapan) or None,
         teks_polos(new.kelengkapan) or None),
        ("Waktu", old.waktu, new.waktu),
        (kolom.output, teks_polos(old.output) or None, teks_polos(new.output) or None),
        (kolom.keterangan, teks_polos(old.keterangan) or None,
         teks_polos(new.keterangan) or None),
    ]
    for label, a, b in values:
        if _plain(a) != _plain(b):
            out.append(Ubah(label, _plain(a), _plain(b)))
    return out


def _label(proc: Prosedur, no: int) -> str:
    return f"{proc.kode}.{no}" if proc.kode else str(no)


def procedure_changes(old: Prosedur, new: Prosedur, kolom_lama: JudulKolom | None = None,
                      kolom_baru: JudulKolom | None = None) -> PerubahanProsedur:
    """What changed in one procedure; `kolom_lama`/`kolom_baru`: the headings printed over
    each table (with the SOP's `kolom`; default: the procedure's own)."""
    kolom_lama = kolom_lama or judul(None, old.kolom, old.label_kelengkapan, len(old.pelaksana))
    kolom_baru = kolom_baru or judul(None, new.kolom, new.label_kelengkapan, len(new.pelaksana))
    result = PerubahanProsedur(new.kode, _heading(new), "diubah", old, new)
    if _plain(old.judul) != _plain(new.judul):
        result.kolom.append(Ubah("Judul", _plain(old.judul), _plain(new.judul)))
    result.kolom += _heading_changes(kolom_lama, kolom_baru)
    result.pelaksana_ditambah = [x for x in new.pelaksana if x not in old.pelaksana]
    result.pelaksana_dihapus = [x for x in old.pelaksana if x not in new.pelaksana]
    pairs, moved = match_steps(old.langkah, new.langkah)
    entries: list[tuple[int, int, LangkahBerubah]] = []  # sort: new position, old position
    for i, j in pairs + moved:
        a, b = old.langkah[i], new.langkah[j]
        changed = tuple(_step_fields(kolom_baru, a, b))
        if (i, j) in moved:
            jenis: Jenis = "dipindah"
        elif changed:
            jenis = "diubah"
        elif a.no != b.no:
            jenis = "bernomor-baru"
        else:
            continue
        entries.append((j, i, LangkahBerubah(jenis, a.no, b.no, b.kegiatan, changed)))
    matched_old = {i for i, _ in pairs + moved}
    matched_new = {j for _, j in pairs + moved}
    for j, b in enumerate(new.langkah):
        if j not in matched_new:
            entries.append((j, -1, LangkahBerubah("ditambah", None, b.no, b.kegiatan)))
    for i, a in enumerate(old.langkah):
        if i not in matched_old:
            # after the new step that follows the same place
            entries.append((_place(i, pairs), i, LangkahBerubah("dihapus", a.no, None,
                                                                a.kegiatan)))
    result.langkah = [e for _, _, e in sorted(entries, key=lambda x: (x[0], x[1]))]
    numbers = {old.langkah[i].no: new.langkah[j].no for i, j in pairs + moved}
    _arrow_changes(result, old, new, numbers)
    return result


def _place(i: int, pairs: list[tuple[int, int]]) -> int:
    """Where an old step removed sits among the new steps: before the new step matched
    to the next old step that was kept."""
    later = [j for ii, j in pairs if ii > i]
    return min(later) if later else 10**9


def _arrow_changes(result: PerubahanProsedur, old: Prosedur, new: Prosedur,
                   numbers: dict[int, int]) -> None:
    def name(symbol: str, proc: Prosedur, revised: bool) -> str:
        no_text, lane, shape = symbol.split(":", 2)
        no = int(no_text)
        if revised:
            if no not in numbers:
                return f"langkah lama {_label(proc, no)} (dihapus), {lane}" + _shape(shape)
            no = numbers[no]
        return f"langkah {_label(new if revised else proc, no)}, {lane}" + _shape(shape)

    before = {(name(a, old, True), name(b, old, True), label, line)
              for a, b, label, line in flow.build(old).named_arrows()}
    after = {(name(a, new, False), name(b, new, False), label, line)
             for a, b, label, line in flow.build(new).named_arrows()}
    result.panah_ditambah = [Panah(*x) for x in sorted(after - before, key=_arrow_key)]
    result.panah_dihapus = [Panah(*x) for x in sorted(before - after, key=_arrow_key)]


def _arrow_key(arrow: tuple[str, str, str | None, bool]) -> tuple[str, str, str, bool]:
    return (arrow[0], arrow[1], arrow[2] or "", arrow[3])


def _shape(shape: str) -> str:
    return {"keputusan": " (belah ketupat)", "akhir": " (selesai)"}.get(shape, "")


def _heading(proc: Prosedur) -> str:
    if proc.kode and proc.judul:
        return f"{proc.kode}. {proc.judul}"
    return proc.kode or proc.judul or "Uraian Prosedur"


def changes(old: Sop, new: Sop, dari: int, ke: int) -> Perubahan:
    """Everything that changed from revision `dari` (`old`) to revision `ke` (`new`)."""
    result = Perubahan(dari, ke, identity_changes(old, new))

    def key(proc: Prosedur, i: int) -> str:
        return proc.kode.casefold() if proc.kode else f"#{i}"

    olds = {key(p, i): p for i, p in enumerate(old.prosedur)}
    news = {key(p, i): p for i, p in enumerate(new.prosedur)}
    if len(old.prosedur) == len(new.prosedur) == 1:  # one procedure: the same, coded or not
        olds = {"#": old.prosedur[0]}
        news = {"#": new.prosedur[0]}
    for k, proc in news.items():
        if k in olds:
            found = procedure_changes(olds[k], proc, judul_kolom(old, olds[k]),
                                      judul_kolom(new, proc))
            if not found.kosong:
                result.prosedur.append(found)
        else:
            result.prosedur.append(PerubahanProsedur(proc.kode, _heading(proc), "ditambah",
                                                     None, proc))
    for k, proc in olds.items():
        if k not in news:
            result.prosedur.append(PerubahanProsedur(proc.kode, _heading(proc), "dihapus",
                                                     proc, None))
    return result


# ------------------------------------------------------------------ as text

_STEP_WORDS = {
    "ditambah": "ditambah", "dihapus": "dihapus", "dipindah": "dipindah",
    "diubah": "diubah", "bernomor-baru": "bernomor baru",
}


def step_line(proc_old: Prosedur | None, proc_new: Prosedur | None,
              entry: LangkahBerubah) -> str:
    """One step's change in words, e.g. `Langkah A.4 (dulu A.2) dipindah: …`."""
    if entry.baru is not None and proc_new is not None:
        where = f"Langkah {_label(proc_new, entry.baru)}"
        if entry.lama is not None and entry.lama != entry.baru and proc_old is not None:
            where += f" (dulu {_label(proc_old, entry.lama)})"
    else:
        assert proc_old is not None and entry.lama is not None
        where = f"Langkah lama {_label(proc_old, entry.lama)}"  # its number before
    return f"{where} {_STEP_WORDS[entry.jenis]}: {' '.join(entry.kegiatan.split())}"


def ubah_line(u: Ubah) -> str:
    if u.lama is None:
        return f"{u.kolom}: ditambah «{u.baru}»"
    if u.baru is None:
        return f"{u.kolom}: dihapus «{u.lama}»"
    return f"{u.kolom}: «{u.lama}» menjadi «{u.baru}»"


def as_text(p: Perubahan) -> str:
    """The summary as plain text (golden files pin it)."""
    lines = [f"Perubahan dari revisi {p.dari:02d} ke revisi {p.ke:02d}"]
    if p.identitas:
        lines.append("Identitas:")
        lines += [f"  {ubah_line(u)}" for u in p.identitas]
    for proc in p.prosedur:
        lines.append(f"Prosedur {proc.judul}: {proc.jenis}")
        lines += [f"  {ubah_line(u)}" for u in proc.kolom]
        if proc.pelaksana_ditambah:
            lines.append(f"  Pelaksana ditambah: {', '.join(proc.pelaksana_ditambah)}")
        if proc.pelaksana_dihapus:
            lines.append(f"  Pelaksana dihapus: {', '.join(proc.pelaksana_dihapus)}")
        for entry in proc.langkah:
            lines.append(f"  {step_line(proc.lama, proc.baru, entry)}")
            lines += [f"    {ubah_line(u)}" for u in entry.kolom]
        lines += [f"  Alur ditambah: {a.teks()}" for a in proc.panah_ditambah]
        lines += [f"  Alur dihapus: {a.teks()}" for a in proc.panah_dihapus]
    if p.kosong:
        lines.append("Tidak ada perubahan isi.")
    return "\n".join(lines) + "\n"

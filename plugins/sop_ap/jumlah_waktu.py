"""The "Jumlah waktu" row of a procedure table: its total time, computed from the Waktu
column along the procedure's flow (`flow.build`).

A *scenario* is one way through the flow: one start (alternative start capsules are
alternatives; the boxes of a joint first row start together) and one exit of every
decision it reaches (a diamond's labelled exits are alternatives). Unlabelled forks (a
box with several arrows out, a joint row) are done in parallel, so a scenario lasts as
long as its critical path. A loop (an arrow back to a symbol already on the way, found by
a depth-first walk from the starts) is taken zero extra times, and so are the steps done
only inside it; an alternative start that joins the flow above itself is no loop. Along
a path a row's time counts once, however many of its symbols the path passes (box, then
diamond; a meeting's boxes are one node), and one value that `waktu_mencakup` spreads
over several rows counts once for all of them.

The total prints the shortest scenario (every value at its lower end) "s.d." the
longest one (every value at its upper end). Units are kept apart where they cannot be
converted: bulan, minggu and hari (calendar) stay as written, jam and menit add up
(60 menit make 1 jam, jam never become hari), and hari kerja and hari efektif are each a
unit of their own. Only to choose the longer of two paths whose units differ are they
compared as calendar time (1 hari kerja = 1 hari = 24 jam, 1 minggu = 7 hari, 1 bulan =
30 hari); the note says so when such a choice was made. Above `MAKS_SKENARIO` scenarios
the total is not computed. Values that are not durations (unreadable, frequencies, rates)
are not counted and are listed in the note, with their steps.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from . import flow
from .anchors import step_label
from .model import Prosedur
from .waktu import Satuan, Waktu, format_angka, parse_waktu

MAKS_SKENARIO = 4096
"""Above this many scenarios the total is not computed (the note says so)."""

Lama = tuple[float, float, float, float, float, float]
"""A duration kept in units that are not converted into each other:
(bulan, minggu, hari, hari kerja, hari efektif, menit)."""

NOL: Lama = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
_HARI_KERJA, _HARI_EFEKTIF, _MENIT = 3, 4, 5
_NAMA = ("bulan", "minggu", "hari", "hari kerja", "hari efektif")

# Calendar minutes of each component: used only to choose the longer of two paths.
_MENIT_PER: Lama = (30 * 1440.0, 7 * 1440.0, 1440.0, 1440.0, 1440.0, 1.0)

# Where each unit goes, and the factor on the way.
_KE_KOMPONEN: dict[Satuan, tuple[int, float]] = {
    "detik": (_MENIT, 1 / 60),
    "menit": (_MENIT, 1.0),
    "jam": (_MENIT, 60.0),
    "hari": (2, 1.0),
    "minggu": (1, 1.0),
    "bulan": (0, 1.0),
    "tahun": (0, 12.0),
}

_MAKS_TEKS = 40  # a value quoted in the note longer than this is shortened with "…"


@dataclass(frozen=True)
class JumlahWaktu:
    """What the "Jumlah waktu" row prints: `teks` and its notes (the first one says how
    it was computed). `rendah`/`tinggi` are None when the total was not computed."""

    teks: str
    catatan: list[str]
    rendah: Lama | None
    tinggi: Lama | None
    skenario: int | None  # None: more than MAKS_SKENARIO


def _lama(w: Waktu, ujung: float) -> Lama:
    assert w.satuan is not None
    if w.satuan == "hari" and w.jenis_hari in ("kerja", "efektif"):
        posisi, faktor = (_HARI_KERJA if w.jenis_hari == "kerja" else _HARI_EFEKTIF), 1.0
    else:
        posisi, faktor = _KE_KOMPONEN[w.satuan]
    nilai = [0.0] * 6
    nilai[posisi] = ujung * faktor
    return (nilai[0], nilai[1], nilai[2], nilai[3], nilai[4], nilai[5])


def _tambah(a: Lama, b: Lama) -> Lama:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3], a[4] + b[4], a[5] + b[5])


def _kunci(a: Lama) -> float:
    return sum(x * m for x, m in zip(a, _MENIT_PER, strict=True))


@dataclass
class _Banding:
    """Chooses the longer (or shorter) of two durations; remembers whether a choice
    depended on comparing units that are not converted."""

    ditimbang: bool = False

    def pilih(self, a: Lama, b: Lama, terlama: bool) -> Lama:
        if a == b:
            return a
        if all(x <= y for x, y in zip(a, b, strict=True)):
            return b if terlama else a
        if all(x >= y for x, y in zip(a, b, strict=True)):
            return a if terlama else b
        self.ditimbang = True
        lebih_lama = _kunci(b) > _kunci(a)
        return b if lebih_lama == terlama else a


def teks_lama(a: Lama) -> str:
    """E.g. "2 minggu 3 hari 1 jam 30 menit"; kinds of day that are not converted are
    joined by "+": "3 hari + 5 hari kerja + 2 jam"; "" for nothing."""
    hari = " ".join(f"{format_angka(a[i])} {_NAMA[i]}" for i in range(3) if round(a[i], 2))
    menit = round(a[_MENIT], 6)
    jam = int(menit // 60)
    sisa = round(menit - jam * 60, 6)
    jam_menit = " ".join(x for x in (f"{jam} jam" if jam else "",
                                     f"{format_angka(sisa)} menit" if round(sisa, 2) else "")
                         if x)
    kerja = [f"{format_angka(a[i])} {_NAMA[i]}" for i in (_HARI_KERJA, _HARI_EFEKTIF)
             if round(a[i], 2)]
    bagian = [x for x in (hari, *kerja, jam_menit) if x]
    return (" + " if kerja else " ").join(bagian)


# ------------------------------------------------------------------ the flow as a DAG


@dataclass
class _Graf:
    """The flow without its loops, as the scenarios walk it. The boxes of a meeting
    (joined by plain lines) are one node: their first symbol."""

    alur: flow.Flow
    urutan: dict[int, int]  # node -> place in a topological order of the loop-free flow
    maju: dict[int, list[int]]  # what a node that is no decision goes on to (in parallel)
    keluar: dict[int, list[list[int]]]  # a decision's exits (alternatives), each its targets
    balik: list[tuple[int, int]]  # the arrows that close a loop: (source, target)
    awal: list[list[int]]  # alternative starts, each the nodes that start together
    kelompok: dict[int, int]  # row -> the row whose waktu it shares (waktu_mencakup)


def _graf(proc: Prosedur, alur: flow.Flow) -> _Graf:
    wakil = _wakil(alur)
    awal = [list(dict.fromkeys(wakil[s] for s in unit)) for unit in _awal(proc, alur)]
    # Every arrow between nodes, in the order the author wrote the exits.
    panah: dict[int, list[flow.Arrow]] = {}
    for a in alur.arrows:
        inside = a.source != a.target and wakil[a.source] == wakil[a.target]
        if not a.line and not inside:  # an arrow between two boxes of a meeting: no time
            panah.setdefault(wakil[a.source], []).append(a)
    balik, urutan = _putaran(alur, wakil, awal, panah)
    maju: dict[int, list[int]] = {}
    keluar_per_urutan: dict[int, dict[int, list[int]]] = {
        s.index: {} for s in alur.symbols if s.shape == "keputusan"}
    for source, arrows in panah.items():
        for a in arrows:
            target = wakil[a.target]
            if (source, target) in balik:
                if source in keluar_per_urutan:
                    keluar_per_urutan[source].setdefault(a.order, [])
            elif source in keluar_per_urutan:
                keluar_per_urutan[source].setdefault(a.order, []).append(target)
            elif target not in maju.setdefault(source, []):
                maju[source].append(target)
    # Only what leads to an end without going back: a branch that only returns through
    # a loop (e.g. "Perlu telaah" -> review -> back to the decision) is part of that loop.
    berakhir = {wakil[e] for e in alur.ends}
    for node in sorted(urutan, key=urutan.__getitem__, reverse=True):
        targets = maju.get(node, []) + [t for ts in keluar_per_urutan.get(node, {}).values()
                                        for t in ts]
        if any(t in berakhir for t in targets):
            berakhir.add(node)
    maju = {n: kept for n, ts in maju.items() if (kept := [t for t in ts if t in berakhir])}
    keluar = {d: [kept for _, ts in sorted(per.items())
                  if (kept := [t for t in ts if t in berakhir])]
              for d, per in keluar_per_urutan.items()}
    awal = [kept for unit in awal if (kept := [n for n in unit if n in berakhir])]
    kelompok: dict[int, int] = {}
    for i, step in enumerate(proc.langkah):
        if i not in kelompok:
            for j in range(i, min(i + (step.waktu_mencakup or 1), len(proc.langkah))):
                kelompok[j] = i
    return _Graf(alur, urutan, maju, keluar, sorted(balik, key=lambda a: (
        alur.symbols[a[0]].row, a[0], a[1])), awal, kelompok)


def _wakil(alur: flow.Flow) -> dict[int, int]:
    """Each symbol's node: a meeting's boxes, joined by plain lines, are one node (the
    flow enters through one box and may leave through another of the same row)."""
    wakil = {s.index: s.index for s in alur.symbols}

    def akar(s: int) -> int:
        while wakil[s] != s:
            s = wakil[s]
        return s

    for a in alur.arrows:
        if a.line:
            x, y = sorted((akar(a.source), akar(a.target)))
            wakil[y] = x
    return {s: akar(s) for s in wakil}


def _putaran(alur: flow.Flow, wakil: dict[int, int], awal: list[list[int]],
             panah: dict[int, list[flow.Arrow]]) -> tuple[set[tuple[int, int]], dict[int, int]]:
    """The arrows that close a loop (back to a node on the way that led to them), found by
    a depth-first walk from the starts in SOP order following the exits in the order
    written; and a topological order of the flow without them."""
    balik: set[tuple[int, int]] = set()
    selesai: list[int] = []
    keadaan: dict[int, int] = {}  # 1: on the current way, 2: done
    akar = [n for unit in awal for n in unit]
    akar += sorted({wakil[s.index] for s in alur.symbols}, key=lambda n: (alur.symbols[n].row, n))
    for mulai in akar:
        if mulai in keadaan:
            continue
        keadaan[mulai] = 1
        stack = [(mulai, iter(panah.get(mulai, [])))]
        while stack:
            node, sisa = stack[-1]
            a = next(sisa, None)
            if a is None:
                stack.pop()
                keadaan[node] = 2
                selesai.append(node)
                continue
            target = wakil[a.target]
            if keadaan.get(target) == 1:
                balik.add((node, target))
            elif target not in keadaan:
                keadaan[target] = 1
                stack.append((target, iter(panah.get(target, []))))
    return balik, {n: i for i, n in enumerate(reversed(selesai))}


def _awal(proc: Prosedur, alur: flow.Flow) -> list[list[int]]:
    """Alternative starts: each capsule marked `mulai` inside `simbol` is one; the other
    starts of a row (its entry boxes: a joint step) start together."""
    per_baris: dict[int, list[int]] = {}
    for s in sorted(alur.starts, key=lambda s: (alur.symbols[s].row, s)):
        per_baris.setdefault(alur.symbols[s].row, []).append(s)
    hasil: list[list[int]] = []
    for row, starts in sorted(per_baris.items()):
        tandai = [s for s in starts if _ditandai(alur, row, s, proc)]
        hasil += [[s] for s in tandai]
        bersama = [s for s in starts if s not in tandai]
        if bersama:
            hasil.append(bersama)
    return hasil


def _ditandai(alur: flow.Flow, row: int, symbol: int, proc: Prosedur) -> bool:
    """Whether a symbol of a `simbol` row is written with `mulai: true`."""
    simbol = proc.langkah[row].simbol
    k = alur.rows[row].index(symbol)
    return simbol is not None and k < len(simbol) and simbol[k].mulai


# ------------------------------------------------------------------ scenarios


@dataclass
class _Skenario:
    awal: list[int]
    lanjut: dict[int, list[int]]  # every reached symbol -> the targets it goes on to


def _jalan(g: _Graf, awal: list[int], pilihan: dict[int, int]
           ) -> tuple[dict[int, list[int]], int | None]:
    """What one start reaches with the decisions chosen so far, and the first decision
    reached whose exit is still to be chosen (None: the scenario is complete)."""
    lanjut: dict[int, list[int]] = {}
    tunda: int | None = None
    todo = list(awal)
    while todo:
        s = todo.pop()
        if s in lanjut:
            continue
        if s in g.keluar:
            exits = g.keluar[s]
            if s in pilihan:
                targets = exits[pilihan[s]]
            elif len(exits) == 1:
                targets = exits[0]
            elif not exits:
                targets = []  # no exit leads on without going back: the path stops here
            else:
                lanjut[s] = []
                if tunda is None or g.urutan[s] < g.urutan[tunda]:
                    tunda = s
                continue
        else:
            targets = g.maju.get(s, [])
        lanjut[s] = targets
        todo.extend(targets)
    return lanjut, tunda


def _skenario(g: _Graf, batas: int) -> Iterator[_Skenario]:
    """Every scenario, one start by one; stops after `batas` + 1 of them."""
    n = 0
    for awal in g.awal:
        stack: list[dict[int, int]] = [{}]
        while stack:
            pilihan = stack.pop()
            lanjut, tunda = _jalan(g, awal, pilihan)
            if tunda is None:
                n += 1
                yield _Skenario(awal, lanjut)
                if n > batas:
                    return
                continue
            stack += [{**pilihan, tunda: k} for k in reversed(range(len(g.keluar[tunda])))]


def _jalur_kritis(g: _Graf, sk: _Skenario, bobot: dict[int, Lama], banding: _Banding) -> Lama:
    """The longest path of a scenario: a row group's time counts once along a path."""
    symbols = g.alur.symbols

    def kelompok(s: int) -> int:
        return g.kelompok[symbols[s].row]

    sampai: dict[int, Lama] = {s: bobot.get(kelompok(s), NOL) for s in sk.awal}
    terlama: Lama | None = None
    for s in sorted(sk.lanjut, key=g.urutan.__getitem__):
        here = sampai[s]
        if not sk.lanjut[s]:  # where a path ends: every other symbol's time is less
            terlama = here if terlama is None else banding.pilih(terlama, here, terlama=True)
        for t in sk.lanjut[s]:
            nilai = here if kelompok(t) == kelompok(s) else _tambah(here, bobot.get(kelompok(t),
                                                                                    NOL))
            sampai[t] = nilai if t not in sampai else banding.pilih(sampai[t], nilai, True)
    assert terlama is not None  # a scenario is finite: some symbol has no target
    return terlama


# ------------------------------------------------------------------ the row


def _kutip(teks: str) -> str:
    teks = re.sub(r"\s+", " ", teks).strip()
    if len(teks) <= _MAKS_TEKS:
        return teks
    potong = teks[: _MAKS_TEKS - 1]
    return (potong.rsplit(" ", 1)[0] if " " in potong else potong) + "…"


def _daftar_langkah(proc: Prosedur, rows: list[int]) -> str:
    return "langkah " + ", ".join(step_label(proc, proc.langkah[r].no) for r in rows)


def _per_nilai(proc: Prosedur, nilai: list[tuple[int, Waktu]]) -> str:
    """`“sesuai kebutuhan” (langkah 4, 5), “secepatnya” (langkah 9)`."""
    kelompok: dict[str, list[int]] = {}
    for row, w in nilai:
        kelompok.setdefault(_kutip(w.teks), []).append(row)
    return ", ".join(f"“{t}” ({_daftar_langkah(proc, rows)})" for t, rows in kelompok.items())


@dataclass
class _Nilai:
    """The Waktu column of a procedure, one value per row group."""

    bobot_rendah: dict[int, Lama] = field(default_factory=dict)
    bobot_tinggi: dict[int, Lama] = field(default_factory=dict)
    durasi: list[tuple[int, Waktu]] = field(default_factory=list)
    lain: dict[str, list[tuple[int, Waktu]]] = field(default_factory=dict)


def _nilai(proc: Prosedur) -> _Nilai:
    hasil = _Nilai()
    for row, step in enumerate(proc.langkah):
        if step.waktu is None:
            continue
        w = parse_waktu(step.waktu)
        if w.kategori == "durasi" and w.min is not None and w.max is not None:
            hasil.bobot_rendah[row] = _lama(w, w.min)
            hasil.bobot_tinggi[row] = _lama(w, w.max)
            hasil.durasi.append((row, w))
        elif w.kategori != "kosong":
            kind = "tidak_dikenal" if w.kategori == "samar" else w.kategori
            hasil.lain.setdefault(kind, []).append((row, w))
    return hasil


def jumlah_waktu(proc: Prosedur, alur: flow.Flow | None = None,
                 maks_skenario: int = MAKS_SKENARIO) -> JumlahWaktu:
    """The Jumlah waktu of a procedure; `alur` is its `flow.build(proc)` when the caller
    already has it."""
    alur = alur if alur is not None else flow.build(proc)
    g = _graf(proc, alur)
    nilai = _nilai(proc)
    banding = _Banding()
    rendah: Lama | None = None
    tinggi: Lama | None = None
    jumlah = 0
    keputusan: set[int] = set()
    dijalani: set[int] = set()  # rows some scenario passes
    paralel = any(len(a) > 1 for a in g.awal)
    for sk in _skenario(g, maks_skenario):
        jumlah += 1
        if jumlah > maks_skenario:
            break
        keputusan |= {s for s in sk.lanjut if len(g.keluar.get(s, [])) > 1}
        dijalani |= {alur.symbols[s].row for s in sk.lanjut}
        paralel = paralel or any(len(t) > 1 for t in sk.lanjut.values())
        lo = _jalur_kritis(g, sk, nilai.bobot_rendah, banding)
        hi = _jalur_kritis(g, sk, nilai.bobot_tinggi, banding)
        rendah = lo if rendah is None else banding.pilih(rendah, lo, terlama=False)
        tinggi = hi if tinggi is None else banding.pilih(tinggi, hi, terlama=True)
    catatan = _catatan_nilai(proc, nilai)
    if jumlah > maks_skenario:
        sebab = (f"alur ini mempunyai lebih dari {maks_skenario} kemungkinan jalan (awal "
                 "alternatif dan jawaban keputusan)")
        return JumlahWaktu("tidak dihitung", [f"Tidak dihitung: {sebab}.", *catatan],
                           None, None, None)
    if rendah is None or tinggi is None:
        sebab = "tidak ada jalan dari awal ke akhir tanpa putaran balik"
        return JumlahWaktu("tidak dihitung", [f"Tidak dihitung: {sebab}.", *catatan],
                           None, None, 0)
    catatan = [_cara(proc, g, jumlah, keputusan, paralel), *_catatan_putaran(proc, g),
               *_catatan_dilewati(proc, g, nilai, dijalani), *catatan]
    if banding.ditimbang:
        catatan.append("Jalan terlama dan tercepat dipilih dengan 1 hari kerja = 1 hari = 24 "
                       "jam, 1 minggu = 7 hari, 1 bulan = 30 hari; jumlahnya tetap dalam satuan "
                       "asal.")
    if any(" + " in teks_lama(x) for x in (rendah, tinggi)):
        catatan.append("Hari kerja tidak dikonversi ke hari atau jam: dijumlahkan terpisah "
                       "(tanda +).")
    teks_rendah, teks_tinggi = teks_lama(rendah), teks_lama(tinggi)
    if not teks_rendah and not teks_tinggi:
        teks = "-"
    elif teks_rendah == teks_tinggi:
        teks = teks_tinggi
    elif not teks_rendah and nilai.lain:
        # The fastest way counts nothing, while some values were not counted: its "0"
        # would read as a fact. Only the upper end is known.
        teks = f"paling lama {teks_tinggi}"
        catatan.insert(1, "Jalan tercepat tidak memuat lama waktu yang dapat dihitung: "
                       "batas bawahnya tidak diketahui.")
    else:
        teks = f"{teks_rendah or '0'} s.d. {teks_tinggi or '0'}"
    return JumlahWaktu(teks, catatan, rendah, tinggi, jumlah)


def _catatan_dilewati(proc: Prosedur, g: _Graf, nilai: _Nilai, dijalani: set[int]
                      ) -> list[str]:
    """Rows with a duration that no scenario passes: done only when a loop is taken."""
    kelompok = {g.kelompok[r] for r in dijalani}
    rows = [row for row, _ in nilai.durasi if g.kelompok[row] not in kelompok]
    if not rows:
        return []
    return [f"Hanya dijalani bila berputar balik, tidak dihitung: {_daftar_langkah(proc, rows)}."]


def _cara(proc: Prosedur, g: _Graf, jumlah: int, keputusan: set[int], paralel: bool) -> str:
    """The first note: how the total was computed."""
    bagian = ["langkah berurutan dijumlahkan"]
    if paralel:
        bagian.append("langkah yang berjalan bersamaan dihitung jalur terlamanya")
    if jumlah > 1:
        sebab = []
        if len(g.awal) > 1:
            sebab.append(f"{len(g.awal)} awal alternatif")
        if keputusan:
            rows = sorted({g.alur.symbols[d].row for d in keputusan})
            sebab.append("keputusan di " + _daftar_langkah(proc, rows))
        bagian.append(f"{jumlah} kemungkinan jalan ({'; '.join(sebab)}): yang tercepat s.d. "
                      "yang terlama")
    return "Dihitung dari kolom Waktu, menurut alur: " + "; ".join(bagian) + "."


def _catatan_putaran(proc: Prosedur, g: _Graf) -> list[str]:
    if not g.balik:
        return []
    symbols = g.alur.symbols
    pasangan = list(dict.fromkeys(
        f"{step_label(proc, symbols[a].no)} → {step_label(proc, symbols[b].no)}"
        for a, b in g.balik))
    return [f"Putaran balik (langkah {', '.join(pasangan)}) tidak dihitung: setiap langkah "
            "dihitung satu kali."]


def _catatan_nilai(proc: Prosedur, nilai: _Nilai) -> list[str]:
    catatan: list[str] = []
    judul = {
        "tidak_dikenal": "Tidak terbaca, tidak dihitung",
        "frekuensi": "Frekuensi, bukan lama waktu, tidak dihitung",
        "laju": "Waktu per satuan, tidak dihitung",
    }
    for kind, teks in judul.items():
        if kind in nilai.lain:
            catatan.append(f"{teks}: {_per_nilai(proc, nilai.lain[kind])}.")
    perkiraan = [row for row, w in nilai.durasi if w.perkiraan]
    if perkiraan:
        catatan.append(f"Termasuk waktu perkiraan (±): {_daftar_langkah(proc, perkiraan)}.")
    batas = [row for row, w in nilai.durasi if w.batas_atas]
    if batas:
        catatan.append(f"Termasuk batas paling lama (maks.): {_daftar_langkah(proc, batas)}.")
    return catatan

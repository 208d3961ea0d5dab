"""The flow of one procedure, symbol by symbol as on the paper form.

A row (langkah) holds one or more symbols, each in one lane (pelaksana
column): a box (drawn as a capsule where the procedure starts or ends) or a
diamond (keputusan). Arrows go from symbol to symbol, as on paper.

The short form needs no flow information for a plain step: its box follows
the previous row's and the last row ends the procedure. How rows connect:

- Every symbol without its own exits continues to the next row (the last
  row's symbols end the procedure).
- An unlabelled arrow to a row number goes to that row's *entry* symbols
  (those not reached from an earlier symbol of the same row). When several
  symbols of one row go to the same row: if either side has one symbol,
  every source goes to every target (a fork or a join); if both rows have
  boxes in the same lanes, each box continues in its own lane; otherwise the
  author must say which box goes where (a check error), so that a joint row
  is never wired all-to-all by accident.
- A target written `{langkah: N, pelaksana: X}` is one symbol; `selesai`
  ends the flow (a decision's exit gets its own end capsule).
- `rapat: true` joins the boxes of a joint row by plain lines (a meeting):
  the flow enters and leaves through the first lane's box.
- `simbol:` writes a row's symbols one by one, each with its own text and
  exits, for everything the short form cannot say.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Literal

from .model import Langkah, Prosedur, Simbol, Tujuan, TujuanSimbol, as_list
from .yamlsource import PathKey

Issue = tuple[PathKey, str]
"""A problem inside a procedure: path relative to the procedure, and a message."""

Shape = Literal["proses", "keputusan", "akhir"]
"""`akhir`: the end capsule drawn for a decision exit that goes to `selesai`."""


@dataclass(frozen=True)
class Symbol:
    index: int  # position in Flow.symbols: SOP order
    row: int  # position of its row in the procedure
    no: int  # its row's step number
    lane: str
    shape: Shape
    text: str | None  # its own printed text; None: the kegiatan (a diamond: no text)
    batas: str | None = None  # the other lane of a diamond drawn on the lanes' border

    @property
    def name(self) -> str:
        """How tests and messages name the symbol: `3:Kabag:keputusan`."""
        return f"{self.no}:{self.lane}:{self.shape}"


@dataclass(frozen=True)
class Arrow:
    source: int
    target: int
    label: str | None = None
    line: bool = False  # a plain line without arrowhead (the boxes of a meeting)
    order: int = 0  # the exit's place in what the author wrote (cabang order)


@dataclass
class Flow:
    symbols: list[Symbol] = field(default_factory=list)
    arrows: list[Arrow] = field(default_factory=list)
    starts: set[int] = field(default_factory=set)
    ends: set[int] = field(default_factory=set)
    followers: set[int] = field(default_factory=set)  # a meeting's boxes but its first
    rows: list[list[int]] = field(default_factory=list)  # each row's symbols, in order
    issues: list[Issue] = field(default_factory=list)

    def in_row(self, row: int) -> list[Symbol]:
        return [self.symbols[i] for i in self.rows[row]]

    def outgoing(self, index: int) -> list[Arrow]:
        return [a for a in self.arrows if a.source == index]

    def terminal(self, symbol: Symbol) -> bool:
        """Drawn as a capsule: a box where the procedure starts or ends."""
        return symbol.shape == "akhir" or (
            symbol.shape == "proses" and (symbol.index in self.starts or symbol.index in self.ends)
        )

    def named_arrows(self) -> set[tuple[str, str, str | None, bool]]:
        """Every arrow as (from, to, label, plain line): what golden tests pin."""
        return {
            (self.symbols[a.source].name, self.symbols[a.target].name, a.label, a.line)
            for a in self.arrows
        }


# ------------------------------------------------------------------ building


@dataclass
class _Spec:
    """A symbol before its exits are resolved."""

    lane: str
    shape: Shape
    text: str | None
    loc: PathKey
    start: bool = False
    end: bool = False
    batas: str | None = None
    targets: list[tuple[Tujuan, str | None, PathKey]] = field(default_factory=list)
    explicit: bool = False  # has exits of its own (no default flow)
    member: bool = True  # a meeting's other boxes take no default flow
    lane_loc: PathKey = ()  # where its lane is written


def step_lanes(step: Langkah) -> list[str]:
    """The lanes that act in a row (every symbol's lane, in order, once each)."""
    if step.simbol is not None:
        lanes = [s.pelaksana for s in step.simbol]
    else:
        lanes = as_list(step.pelaksana) if step.pelaksana is not None else []
        if step.keputusan is not None and step.keputusan.pelaksana:
            lanes.append(step.keputusan.pelaksana)
    return list(dict.fromkeys(lanes))


def _row_specs(step: Langkah, i: int, lanes: list[str],
               issues: list[Issue]) -> tuple[list[_Spec], list[Arrow]]:
    """The symbols of one row, and the arrows inside it (as spec positions)."""
    here: PathKey = ("langkah", i)
    if step.simbol is not None:
        for name in ("pelaksana", "lanjut", "keputusan"):
            if getattr(step, name) is not None:
                issues.append(((*here, name), f"langkah yang memakai simbol mengambil {name} "
                               f"dari simbolnya: hapus {name} di sini (tulis di dalam simbol)"))
        for name in ("mulai", "selesai"):
            if getattr(step, name):
                issues.append(((*here, name), f"langkah yang memakai simbol menandai {name} "
                               f"pada simbolnya: hapus {name} di sini dan tulis `{name}: true` "
                               "di dalam simbol"))
        written = [_explicit_spec(s, (*here, "simbol", k), issues)
                   for k, s in enumerate(step.simbol)]
        return written, _meeting(written, lanes) if step.rapat else []
    if step.pelaksana is None:
        issues.append(((*here, "pelaksana"), MISSING_LANES))
        return [], []
    acting = as_list(step.pelaksana)
    specs: list[_Spec] = []
    decision = step.keputusan
    if decision is None or decision.setelah_proses:
        for j, lane in enumerate(acting):
            loc: PathKey = (*here, "pelaksana", j) if isinstance(step.pelaksana, list) else (
                *here, "pelaksana")
            first = j == 0 or not step.rapat  # a meeting leaves through its first box
            spec = _Spec(lane, "proses", None, loc, end=step.selesai and first, lane_loc=loc)
            if step.lanjut is not None and first:
                spec.targets = _targets(step.lanjut, (*here, "lanjut"))
                spec.explicit = True
            specs.append(spec)
    inner: list[Arrow] = []
    if decision is not None:
        boxes = len(specs)
        lane = decision.pelaksana or acting[0]
        lane_loc: PathKey = (*here, "keputusan", "pelaksana") if decision.pelaksana else (
            (*here, "pelaksana", 0) if isinstance(step.pelaksana, list) else (*here, "pelaksana"))
        spec = _Spec(lane, "keputusan", decision.pertanyaan, (*here, "keputusan"),
                     explicit=True, lane_loc=lane_loc)
        spec.targets = [(t, label, (*here, "keputusan", "cabang", label))
                        for label, t in decision.cabang.items()]
        specs.append(spec)
        inner += [Arrow(k, boxes) for k in range(boxes)]
        for box in specs[:boxes]:
            box.explicit = True  # a box reviewed, then decided: it leads to the diamond
    elif step.rapat:
        inner += _meeting(specs, lanes)
    if step.rapat:
        if len(acting) < 2:
            issues.append(((*here, "rapat"), "rapat menghubungkan kotak-kotak satu langkah yang "
                           "dikerjakan beberapa pelaksana: tulis dua pelaksana atau lebih, atau "
                           "hapus rapat"))
        if decision is not None:
            issues.append(((*here, "rapat"), "rapat yang berakhir dengan keputusan ditulis "
                           "dengan simbol (rapat: true, dan belah ketupat sebagai salah satu "
                           "simbolnya)"))
    return specs, inner


MISSING_LANES = "kolom wajib 'pelaksana' belum ditulis"


def missing_lanes(raw: object) -> list[Issue]:
    """Steps of a procedure as written (not validated) with neither pelaksana nor simbol."""
    steps = raw.get("langkah") if isinstance(raw, dict) else None
    if not isinstance(steps, list):
        return []
    return [(("langkah", i, "pelaksana"), MISSING_LANES) for i, step in enumerate(steps)
            if isinstance(step, dict) and "pelaksana" not in step and "simbol" not in step]


def _explicit_spec(sym: Simbol, loc: PathKey, issues: list[Issue]) -> _Spec:
    spec = _Spec(sym.pelaksana, sym.bentuk, sym.teks, loc, start=sym.mulai, end=sym.selesai,
                 batas=sym.batas, lane_loc=(*loc, "pelaksana"))
    if sym.bentuk == "keputusan":
        if sym.ke is not None:
            issues.append(((*loc, "ke"), "keputusan keluar melalui cabang: tulis jalur keluarnya "
                           "di bawah cabang beserta labelnya, mis. {Ya: 4, Tidak: 2}"))
        if sym.cabang is None or len(sym.cabang) < 2:
            issues.append(((*loc, "cabang") if sym.cabang is not None else loc,
                           "keputusan memerlukan paling sedikit dua jalur keluar (cabang), "
                           "mis. {Ya: 4, Tidak: 2}"))
        if sym.selesai or sym.mulai:
            flag = "selesai" if sym.selesai else "mulai"
            issues.append(((*loc, flag), f"belah ketupat tidak dapat menjadi kapsul {flag}: "
                           f"buat kotak atau kapsul {flag} tersendiri, atau hapus {flag}"))
        spec.targets = [(t, label, (*loc, "cabang", label))
                        for label, t in (sym.cabang or {}).items()]
        spec.explicit = True
    else:
        if sym.cabang is not None:
            issues.append(((*loc, "cabang"), "cabang (jalur keluar berlabel) hanya untuk "
                           "keputusan: tulis bentuk: keputusan, atau pakai ke untuk panah dari "
                           "kotak"))
        if sym.batas is not None:
            issues.append(((*loc, "batas"), "batas (digambar di perbatasan dua kolom "
                           "pelaksana) hanya untuk keputusan (bentuk: keputusan)"))
        if sym.selesai and sym.ke is not None:
            issues.append(((*loc, "ke"), "kapsul selesai tidak mempunyai panah keluar: hapus ke "
                           "atau selesai"))
        if sym.ke is not None:
            spec.targets = _targets(sym.ke, (*loc, "ke"))
            spec.explicit = True
    return spec


def _meeting(specs: list[_Spec], lanes: list[str]) -> list[Arrow]:
    """Plain lines joining a meeting's boxes, from column to column (left to right), as
    the paper draws them."""
    boxes = [k for k, s in enumerate(specs) if s.shape == "proses"]
    place = {lane: n for n, lane in enumerate(lanes)}
    boxes.sort(key=lambda k: place.get(specs[k].lane, len(place)))
    return [Arrow(a, b, line=True) for a, b in pairwise(boxes)]


def _targets(value: Tujuan | list[Tujuan], loc: PathKey) -> list[tuple[Tujuan, str | None,
                                                                       PathKey]]:
    if isinstance(value, list):
        return [(t, None, (*loc, j)) for j, t in enumerate(value)]
    return [(value, None, loc)]


def build(proc: Prosedur) -> Flow:
    """Every symbol and arrow of a procedure, with the problems found on the way."""
    result = Flow()
    issues = result.issues
    specs: list[_Spec] = []
    rows = result.rows
    for i, step in enumerate(proc.langkah):
        row_specs, inner = _row_specs(step, i, proc.pelaksana, issues)
        base = len(specs)
        rows.append(list(range(base, base + len(row_specs))))
        for a in inner:
            result.arrows.append(Arrow(base + a.source, base + a.target, a.label, a.line))
        if step.rapat:
            # The flow enters a meeting through its first box listed, and leaves through
            # it too, unless a box says `ke`.
            boxes = [k for k, sp in enumerate(row_specs) if sp.shape == "proses"]
            for k in boxes[1:]:
                row_specs[k].member = False
                result.followers.add(base + k)
            if boxes and any(sp.explicit for sp in row_specs):
                row_specs[boxes[0]].member = False
        specs += row_specs
    for row, members in enumerate(rows):
        for index in members:
            spec = specs[index]
            result.symbols.append(Symbol(index, row, proc.langkah[row].no, spec.lane,
                                         spec.shape, spec.text, spec.batas))
    _check_lanes(proc, specs, rows, issues)
    _resolve_exits(proc, result, specs, rows)
    for index, spec in enumerate(specs):
        if spec.end:
            result.ends.add(index)
    result.arrows.sort(key=lambda a: (a.source, a.order, a.target))
    first_entries = _entries(result, rows, 0) if rows else []
    result.starts = set(first_entries) | {i for i, s in enumerate(specs) if s.start}
    for i, step in enumerate(proc.langkah):
        if step.mulai and step.simbol is None:
            result.starts |= set(_entries(result, rows, i))
    return result


def _entries(result: Flow, rows: list[list[int]], row: int) -> list[int]:
    """A row's entry symbols: not reached by an arrow or line from an earlier symbol of
    the same row."""
    members = rows[row]
    inner = {a.target for a in result.arrows if not a.line and a.source in members
             and a.target in members and a.source < a.target}
    return [m for m in members if m not in inner and m not in result.followers]


def _resolve_exits(proc: Prosedur, result: Flow, specs: list[_Spec],
                   rows: list[list[int]]) -> None:
    """Arrows to one symbol and to selesai first, so that every row's entries are known
    before arrows to a row number are drawn to them."""
    numbers = {s.no: r for r, s in enumerate(proc.langkah)}
    listing = ", ".join(str(s.no) for s in proc.langkah)
    to_rows: list[tuple[int, int, str | None, PathKey, int]] = []
    for index, spec in enumerate(specs):
        symbol = result.symbols[index]
        if not spec.explicit:
            if spec.end or not spec.member:
                continue
            if symbol.row == len(rows) - 1:
                spec.end = True
            else:
                to_rows.append((index, symbol.row + 1, None, ("langkah", symbol.row), 0))
            continue
        for order, (target, label, loc) in enumerate(spec.targets):
            if target == "selesai":
                if spec.shape == "keputusan":
                    end = Symbol(len(result.symbols), symbol.row, symbol.no, symbol.lane,
                                 "akhir", None, None)
                    result.symbols.append(end)
                    rows[symbol.row].append(end.index)
                    result.ends.add(end.index)
                    result.arrows.append(Arrow(index, end.index, label, order=order))
                else:
                    spec.end = True
            elif isinstance(target, TujuanSimbol):
                found = _find(result, rows, numbers, target, loc, listing)
                if found is not None:
                    result.arrows.append(Arrow(index, found, label, order=order))
            elif int(target) not in numbers:
                result.issues.append((loc, _no_step(target, listing)))
            else:
                to_rows.append((index, numbers[int(target)], label, loc, order))
    groups: dict[tuple[int, int], list[tuple[int, PathKey]]] = {}
    for index, row, label, loc, order in to_rows:
        if label is not None:
            result.arrows += [Arrow(index, t, label, order=order)
                              for t in _entries(result, rows, row)]
        else:
            groups.setdefault((result.symbols[index].row, row), []).append((index, loc))
    for (source_row, target_row), sources in groups.items():
        _join(proc, result, rows, source_row, target_row, sources)


def _no_step(number: object, listing: str) -> str:
    return f"langkah {number} tidak ada (langkah yang ada: {listing})"


def procedure_name(proc: Prosedur, index: int) -> str:
    """How messages name a procedure: by its code, else by its place (`prosedur ke-2`)."""
    return f"prosedur {proc.kode}" if proc.kode else f"prosedur ke-{index + 1}"


def _find(result: Flow, rows: list[list[int]], numbers: dict[int, int], target: TujuanSimbol,
          loc: PathKey, listing: str) -> int | None:
    row = numbers.get(target.langkah)
    if row is None:
        result.issues.append(((*loc, "langkah"), _no_step(target.langkah, listing)))
        return None
    candidates = [result.symbols[m] for m in rows[row] if result.symbols[m].shape != "akhir"]
    if target.pelaksana is not None:
        candidates = [s for s in candidates if s.lane == target.pelaksana]
    if target.bentuk is not None:
        candidates = [s for s in candidates if s.shape == target.bentuk]
    if len(candidates) == 1 or (candidates and target.pelaksana is not None
                                and target.bentuk is None):
        # A lane's box and diamond in one row: an arrow into the lane enters the box.
        return candidates[0].index
    held = "; ".join(f"{s.lane} ({s.shape})" for s in (result.symbols[m] for m in rows[row])
                     if s.shape != "akhir")
    if not candidates:
        wanted = " ".join(x for x in (target.pelaksana, target.bentuk) if x)
        result.issues.append((loc, f"langkah {target.langkah} tidak mempunyai simbol "
                              f"'{wanted}' (simbolnya: {held})"))
    else:
        result.issues.append((loc, f"langkah {target.langkah} mempunyai beberapa simbol "
                              f"({held}): tambahkan pelaksana untuk menyebut yang mana"))
    return None


def _join(proc: Prosedur, result: Flow, rows: list[list[int]], source_row: int,
          target_row: int, sources: list[tuple[int, PathKey]]) -> None:
    """Unlabelled arrows from some symbols of one row to the entries of another."""
    targets = _entries(result, rows, target_row)
    from_ids = [s for s, _ in sources]
    if len(from_ids) == 1 or len(targets) == 1:
        result.arrows += [Arrow(s, t) for s in from_ids for t in targets]
        return
    lanes_from = [result.symbols[s].lane for s in from_ids]
    lanes_to = [result.symbols[t].lane for t in targets]
    if sorted(lanes_from) == sorted(lanes_to) and len(set(lanes_from)) == len(lanes_from):
        by_lane = {result.symbols[t].lane: t for t in targets}
        result.arrows += [Arrow(s, by_lane[result.symbols[s].lane]) for s in from_ids]
        return
    no_from, no_to = proc.langkah[source_row].no, proc.langkah[target_row].no
    result.issues.append((
        sources[0][1],
        f"langkah {no_from} mempunyai kotak di {', '.join(lanes_from)} yang berlanjut ke "
        f"langkah {no_to}, yang kotaknya di {', '.join(lanes_to)}: sebutkan kotak mana menuju "
        f"ke mana (di bawah simbol, ke: {{langkah: {no_to}, pelaksana: …}} untuk setiap kotak), "
        f"atau tulis rapat: true bila langkah {no_from} adalah rapat yang keluar melalui satu "
        "kotak",
    ))


def _check_lanes(proc: Prosedur, specs: list[_Spec], rows: list[list[int]],
                 issues: list[Issue]) -> None:
    known = list(proc.pelaksana)
    seen: set[str] = set()
    for j, lane in enumerate(known):
        if lane in seen:
            issues.append((("pelaksana", j), f"kolom pelaksana '{lane}' ditulis dua kali: "
                           "hapus salah satunya"))
        elif any(_fold(lane) == _fold(other) for other in seen):
            issues.append((("pelaksana", j), f"kolom pelaksana {_looks(lane)} ditulis dua kali "
                           "(dengan spasi atau huruf besar/kecil yang berbeda): hapus salah "
                           "satunya"))
        seen.add(lane)
    listing = ", ".join(known)
    where = f"prosedur {proc.kode}" if proc.kode else "prosedur ini"
    for members in rows:
        kinds: set[tuple[str, str]] = set()
        for m in members:
            spec = specs[m]
            named: list[tuple[str | None, PathKey]] = [(spec.lane, spec.lane_loc),
                                                       (spec.batas, (*spec.loc, "batas"))]
            for name, loc in named:
                if name is not None and name not in seen:
                    issues.append((loc, f"{_looks(name)} bukan kolom pelaksana {where} "
                                   f"(kolom pelaksana: {listing}){_near(name, known)}"))
            if (spec.lane, spec.shape) in kinds:
                what = "kotak" if spec.shape == "proses" else "belah ketupat"
                issues.append((spec.lane_loc, f"pelaksana '{spec.lane}' ditulis dua kali dalam "
                               f"langkah ini: satu baris hanya memuat satu {what} untuk setiap "
                               "kolom pelaksana (pecah menjadi dua langkah bila di kertas ada "
                               "dua)"))
            kinds.add((spec.lane, spec.shape))


def _looks(text: str) -> str:
    """A name quoted with its invisible characters made visible."""
    shown = "".join(f"<U+{ord(c):04X}>" if not c.isprintable() or (c.isspace() and c != " ")
                    else c for c in text)
    return f"'{shown}'"


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _near(lane: str, known: list[str]) -> str:
    for other in known:
        if _fold(other) == _fold(lane):
            return f"; maksudnya '{other}'? (berbeda spasi atau huruf besar/kecil)"
    return "; betulkan ejaannya, atau tambahkan ke daftar pelaksana prosedur"


# ------------------------------------------------------------------ checks


def check(proc: Prosedur) -> list[Issue]:
    """Every structural problem of one procedure (model validation already passed)."""
    result = build(proc)
    issues = list(result.issues)
    seen: set[int] = set()
    for i, step in enumerate(proc.langkah):
        if step.no in seen:
            issues.append((("langkah", i, "no"), f"nomor langkah {step.no} dipakai lebih dari "
                           "sekali: beri nomor lain"))
        seen.add(step.no)
    issues += _check_step_flags(proc)
    issues += _check_waktu_mencakup(proc)
    if not issues:
        issues += _check_reachability(proc, result)
    return issues


def _check_step_flags(proc: Prosedur) -> list[Issue]:
    issues: list[Issue] = []
    for i, step in enumerate(proc.langkah):
        if step.keputusan is not None and step.lanjut is not None:
            issues.append(
                (("langkah", i, "lanjut"), "langkah dengan keputusan keluar melalui "
                 "keputusan.cabang: hapus lanjut")
            )
        if step.keputusan is not None and step.selesai:
            issues.append(
                (("langkah", i, "selesai"), "langkah dengan keputusan berakhir melalui cabang "
                 "yang menuju 'selesai': hapus selesai")
            )
        if step.selesai and step.lanjut is not None:
            issues.append((("langkah", i, "selesai"), "tulis salah satu saja, selesai atau "
                           "lanjut, jangan keduanya"))
    return issues


def _check_waktu_mencakup(proc: Prosedur) -> list[Issue]:
    issues: list[Issue] = []
    covered: set[int] = set()
    for i, step in enumerate(proc.langkah):
        if i in covered and step.waktu is not None:
            issues.append(
                (("langkah", i, "waktu"), "waktu langkah ini sudah tercakup dalam "
                 "waktu_mencakup langkah sebelumnya: hapus waktu di sini")
            )
        if step.waktu_mencakup is None:
            continue
        if step.waktu is None:
            issues.append((("langkah", i, "waktu_mencakup"), "waktu_mencakup memerlukan waktu: "
                           "tulis waktu pada langkah ini"))
        last = i + step.waktu_mencakup - 1
        if last >= len(proc.langkah):
            issues.append(
                (("langkah", i, "waktu_mencakup"),
                 f"mencakup {step.waktu_mencakup} langkah, padahal hanya tersisa "
                 f"{len(proc.langkah) - i} langkah (langkah ini dan sesudahnya)")
            )
        covered.update(range(i + 1, min(last, len(proc.langkah) - 1) + 1))
    return issues


def _describe(symbol: Symbol) -> str:
    what = {"proses": "kotak", "keputusan": "belah ketupat", "akhir": "kapsul selesai"}[
        symbol.shape]
    return f"{what} '{symbol.lane}' di langkah {symbol.no}"


def _check_reachability(proc: Prosedur, result: Flow) -> list[Issue]:
    forward: dict[int, list[int]] = {}
    backward: dict[int, list[int]] = {}
    for a in result.arrows:
        forward.setdefault(a.source, []).append(a.target)
        backward.setdefault(a.target, []).append(a.source)
        if a.line:  # a meeting's plain lines join both ways
            forward.setdefault(a.target, []).append(a.source)
            backward.setdefault(a.source, []).append(a.target)
    issues: list[Issue] = []
    reached = _reach(result.starts, lambda n: forward.get(n, []))
    for symbol in result.symbols:
        if symbol.index not in reached:
            issues.append((("langkah", symbol.row),
                           f"{_describe(symbol)} tidak terjangkau: tidak ada panah yang "
                           "menujunya. Tambahkan panah ke sana dari langkah sebelumnya "
                           "(lanjut, ke, atau cabang); hanya bila di kertas memang tergambar "
                           "kapsul mulai kedua di sini, tulis mulai: true"))
    if not result.ends:
        issues.append((("langkah",), "prosedur ini tidak mempunyai akhir: setiap langkah "
                       "menuju langkah lain (tambahkan selesai: true di langkah tempat prosedur "
                       "berakhir, atau cabang menuju selesai)"))
        return issues
    finishing = _reach(result.ends, lambda n: backward.get(n, []))
    stuck = [s for s in result.symbols if s.index in reached and s.index not in finishing]
    if stuck:
        names = ", ".join(sorted({str(s.no) for s in stuck}, key=int))
        issues.append((("langkah", stuck[0].row),
                       f"langkah {names} berputar tanpa henti: tidak satu pun menuju akhir "
                       "prosedur (tambahkan cabang atau lanjut ke langkah sesudahnya atau ke "
                       "selesai)"))
    return issues


def _reach(seeds: Iterable[int], successors: Callable[[int], list[int]]) -> set[int]:
    seen: set[int] = set()
    todo = list(seeds)
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        todo.extend(successors(node))
    return seen


def has_loop(result: Flow) -> bool:
    """True when some arrow goes back to an earlier row, or to its own row's symbol
    that stands before it."""
    return any(
        not a.line and (result.symbols[a.target].row, a.target)
        <= (result.symbols[a.source].row, a.source)
        for a in result.arrows
    )

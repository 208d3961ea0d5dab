"""Catalog -> the site's generated pages (Markdown); the navigation is in navigation.py,
the `katalog.json` export in export.py.

Plain functions: no MkDocs here, so the same output can be produced by a
pre-build step. Views gather what a template needs (links, anchors, parsed
values) so that templates stay free of logic.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    TemplateSyntaxError,
)
from markupsafe import Markup

from . import anchors, flow, indexes, perubahan, tinjauan, urls
from .catalog import Catalog, DecreeEntry, Rujukan, normalise_title
from .daftar import Daftar, daftar
from .escape import html_text, md_inline, md_url, nav_title, slug
from .export import katalog_json
from .jumlah_waktu import JumlahWaktu, jumlah_waktu
from .kolom import JudulKolom, judul_kolom
from .model import (
    Evaluasi,
    Keputusan,
    Langkah,
    Pejabat,
    Prosedur,
    Situs,
    Sop,
    TandaTanganElektronik,
    Unit,
)
from .navigation import navigation
from .revisi import Revisi
from .status import StatusSop
from .swimlane import swimlane
from .tanggal import Tanggal, parse_tanggal
from .tinjauan import Siklus
from .urls import CATALOG_JSON, HOME, LAW_INDEX, REVIEW_INDEX, ROLE_INDEX, SiteUrls


def environment(override_dir: Path | None = None) -> Environment:
    loaders: list[Any] = []
    if override_dir is not None:
        loaders.append(FileSystemLoader(str(override_dir)))
    loaders.append(PackageLoader("sop_ap", "templates"))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_inline
    env.filters["md_url"] = md_url
    env.filters["text"] = html_text
    env.filters["json"] = lambda v: json.dumps(v, ensure_ascii=False)
    # Front-matter title: Material prints page.meta.title into <title> and the header
    # without escaping, so it gets escaped HTML, as a JSON (= YAML) string.
    env.filters["meta_title"] = lambda v: Markup(json.dumps(nav_title(str(v)), ensure_ascii=False))
    return env


def link(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A relative `.md` link that MkDocs validates and rewrites (both paths are plain
    docs paths like `sop/x.md`; `posixpath.relpath` did the same, ten times slower)."""
    here, there = from_page.split("/")[:-1], to_page.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    target = "/".join([".."] * (len(here) - common) + there[common:])
    return f"{target}#{anchor}" if anchor else target


# ------------------------------------------------------------------ SOP page


@dataclass
class SymbolView:
    """One symbol of a row as the table describes it, with its exits."""

    kind: str  # CSS modifier: proses | mulai | selesai | keputusan
    kind_label: str  # as printed: Kotak proses, Kapsul mulai, …
    lane: str
    text: str | None  # its own printed text, when not the kegiatan
    batas: str | None
    exits: list[tuple[str | None, str, str | None]]  # (label, target text, target anchor)


@dataclass
class StepView:
    langkah: Langkah
    anchor: str
    label: str
    waktu_rowspan: int  # 0: cell merged into an earlier row's waktu
    pelaksana: list[str]
    symbols: list[SymbolView]
    show_flow: bool  # the row's flow is more than one box continuing to the next row
    kelengkapan: Daftar
    output: Daftar
    keterangan: Daftar


@dataclass
class ProcedureView:
    prosedur: Prosedur
    anchor: str
    heading: str
    diagram: str
    steps: list[StepView]
    total: JumlahWaktu | None  # None: the Jumlah waktu row is switched off
    kolom: JudulKolom


@dataclass
class RefView:
    text: str
    href: str | None
    note: str | None
    title: str | None = None  # the title it resolved to, when the text says it otherwise
    dokumen: bool = False  # a document that is not an SOP
    keterangan: str | None = None  # the document's keterangan, as written


@dataclass
class StatusView:
    """What the page says about the SOP's status (banner, marks)."""

    status: StatusSop
    diganti_href: str | None = None
    diganti_nama: str | None = None
    tanggal: Tanggal | None = None


@dataclass
class HistoryRow:
    """One revision in the history table of an SOP page."""

    label: str  # `01`
    tanggal: str  # tanggal_revisi as written (or tanggal_pembuatan for revision 00)
    perubahan: Daftar  # in the author's words
    href: str  # its permanent page
    changes_href: str | None  # the computed summary on its page
    here: bool  # the page being shown


@dataclass
class ChangeView:
    """The computed summary of what changed since the previous revision."""

    anchor: str
    dari: str
    ke: str
    dari_href: str
    identitas: list[str]
    prosedur: list[tuple[str, str, list[str], list[tuple[str, str | None, list[str]]],
                         list[str], list[str]]]
    """(heading, jenis, lane/field lines, steps (line, href, field lines), arrows added,
    arrows removed)."""


@dataclass
class PengesahView:
    """The Disahkan oleh cell, and the electronic-signature statement as printed (in the
    cell and in the block at the end of the SOP); `pernyataan` None: not signed
    electronically."""

    pejabat: Pejabat
    pernyataan: str | None
    verifikasi: str | None
    tercetak: bool  # the statement is the paper's own words (a block at the end of the SOP)


ELEKTRONIK = "Ditandatangani secara elektronik"
"""What the page says for `elektronik: true` (no statement written)."""


def pengesah_view(pejabat: Pejabat) -> PengesahView:
    signed = pejabat.elektronik
    if isinstance(signed, TandaTanganElektronik):
        return PengesahView(pejabat, signed.pernyataan, signed.verifikasi, True)
    return PengesahView(pejabat, ELEKTRONIK if signed else None, None, False)


@dataclass
class SopView:
    sop: Sop
    page: str
    url: str
    units: list[Unit]
    address: Unit | None
    dates: dict[str, Tanggal]
    procedures: list[ProcedureView]
    keterkaitan: list[RefView]
    dirujuk_oleh: list[RefView]
    citation: str
    pengesah: PengesahView
    lists: dict[str, Daftar] = field(default_factory=dict)
    status: StatusView = field(default_factory=lambda: StatusView(StatusSop("berlaku")))
    revisi: str = "00"  # this revision's number
    revision_url: str = ""  # its permanent URL
    revision_href: str = ""  # its permanent page, relative to this page (for the step links)
    revision_citation: str = ""
    current: bool = True  # the revision in force (not an earlier one)
    on_revision_page: bool = False  # this is the revision's own page, not /sop/<id>/
    current_href: str = ""  # link to /sop/<id>/ from this page
    current_label: str = "00"
    history: list[HistoryRow] = field(default_factory=list)
    changes: ChangeView | None = None
    evaluasi: Evaluasi | None = None
    monitoring: Evaluasi | None = None
    title_id: str | None = None  # explicit id of the page title, when its text needs one
    kop: list[str] = field(default_factory=list)  # the kop cell's lines, as printed
    kop_tertulis: bool = False  # the lines are the unit's own `kop` (printed as written)
    logo: str | None = None  # the kop cell's logo, relative to this page
    logo_alt: str = ""


def _kop(catalog: Catalog, units: list[Unit], page: str,
         site: SiteUrls) -> tuple[list[str], str | None, str]:
    """The identity sheet's kop cell: the unit's own kop lines, else the chain of unit
    names; the logo of the unit (or a unit above it), else the site's."""
    lines = list(units[-1].kop) if units and units[-1].kop else [u.nama for u in units]
    owner = next((u for u in reversed(units) if u.logo), None)
    logo = owner.logo if owner else catalog.situs.logo
    if logo is None:
        return lines, None, ""
    name = owner.nama if owner else catalog.situs.instansi
    return lines, site.between(page, urls.logo_file(logo)), f"Logo {name}"


def _address(units: list[Unit]) -> Unit | None:
    return next((u for u in reversed(units) if u.alamat), None)


_KIND_LABELS = {
    "proses": "Kotak proses",
    "mulai": "Kapsul mulai",
    "selesai": "Kapsul selesai",
    "mulai-selesai": "Kapsul mulai dan selesai",
    "keputusan": "Belah ketupat",
}


def _symbol_view(sop: Sop, proc: Prosedur, result: flow.Flow, symbol: flow.Symbol,
                 names: dict[int, str]) -> SymbolView:
    exits: list[tuple[str | None, str, str | None]] = []
    for arrow in result.outgoing(symbol.index):
        target = result.symbols[arrow.target]
        if target.shape == "akhir":
            exits.append((arrow.label, "selesai", None))
            continue
        text = f"langkah {anchors.step_label(proc, target.no)}"
        if names.get(target.index):
            text += f" ({names[target.index]})"
        if arrow.line:
            text = f"garis ke {text}"
        exits.append((arrow.label, text, anchors.step_anchor(sop, proc, target.no)))
    kind: str = symbol.shape
    if symbol.shape == "proses":
        starts, ends = symbol.index in result.starts, symbol.index in result.ends
        kind = "-".join(k for k, on in (("mulai", starts), ("selesai", ends)) if on) or "proses"
        if ends:
            exits.append((None, "selesai", None))
    return SymbolView(kind, _KIND_LABELS[kind], symbol.lane, symbol.text, symbol.batas, exits)


def _target_names(result: flow.Flow) -> dict[int, str]:
    """How a target symbol is told apart from the others of its row (lane, and shape
    where its lane holds a box and a diamond); nothing where the row has one symbol."""
    names: dict[int, str] = {}
    for symbol in result.symbols:
        row = [s for s in result.in_row(symbol.row) if s.shape != "akhir"]
        if len(row) > 1:
            same_lane = sum(1 for s in row if s.lane == symbol.lane) > 1
            shape = {"proses": "kotak", "keputusan": "belah ketupat"}.get(symbol.shape, "")
            names[symbol.index] = f"{symbol.lane}, {shape}" if same_lane else symbol.lane
    return names


def _trivial(result: flow.Flow, row: int, last: int) -> bool:
    """One box that simply follows on to the next row (or ends the last one)."""
    own = result.in_row(row)
    if len(own) != 1 or own[0].shape != "proses" or own[0].text is not None:
        return False
    symbol = own[0]
    if (symbol.index in result.starts) != (row == 0):
        return False
    arrows = result.outgoing(symbol.index)
    if row == last:
        return not arrows and symbol.index in result.ends
    return symbol.index not in result.ends and bool(arrows) and all(
        result.symbols[a.target].row == row + 1 and not a.label for a in arrows)


def _procedure_view(sop: Sop, proc: Prosedur, site_total: bool = True) -> ProcedureView:
    steps: list[StepView] = []
    merged_until = -1
    result = flow.build(proc)
    names = _target_names(result)
    for i, step in enumerate(proc.langkah):
        span = step.waktu_mencakup or 1
        rowspan = 0 if i <= merged_until else span
        if span > 1:
            merged_until = i + span - 1
        symbols = [_symbol_view(sop, proc, result, s, names) for s in result.in_row(i)
                   if s.shape != "akhir"]
        steps.append(
            StepView(
                langkah=step,
                anchor=anchors.step_anchor(sop, proc, step.no),
                label=anchors.step_label(proc, step.no),
                waktu_rowspan=rowspan,
                pelaksana=flow.step_lanes(step),
                symbols=symbols,
                show_flow=not _trivial(result, i, len(proc.langkah) - 1),
                kelengkapan=daftar(step.kelengkapan),
                output=daftar(step.output),
                keterangan=daftar(step.keterangan),
            )
        )
    total = jumlah_waktu(proc, result) if site_total and sop.jumlah_waktu else None
    heading = " ".join(x for x in (f"{proc.kode}." if proc.kode else "", proc.judul or "") if x)
    title = f"Diagram alir {heading or sop.nama}"
    return ProcedureView(
        prosedur=proc,
        anchor=anchors.procedure_anchor(sop, proc),
        heading=heading or "Uraian Prosedur",
        diagram=swimlane(proc, title, result),
        steps=steps,
        total=total,
        kolom=judul_kolom(sop, proc),
    )


def _status_view(catalog: Catalog, sop: Sop, page: str, site: SiteUrls) -> StatusView:
    state = catalog.status_of(sop.id)
    view = StatusView(state)
    if state.tanggal:
        view.tanggal = parse_tanggal(state.tanggal)
    if state.diganti_oleh and state.diganti_oleh in catalog.sops:
        view.diganti_href = site.between(page, urls.sop_page(state.diganti_oleh))
        view.diganti_nama = catalog.sops[state.diganti_oleh].nama
    return view


def _history(catalog: Catalog, sop_id: str, page: str, shown: int,
             site: SiteUrls) -> list[HistoryRow]:
    rows = []
    history = catalog.history(sop_id)
    for i, rev in enumerate(history):
        date_text = rev.sop.tanggal_revisi if rev.nomor else rev.sop.tanggal_pembuatan
        if rev.nomor and parse_tanggal(date_text).revisi:
            date_text = date_text.split("/", 1)[1].strip()
        href = site.between(page, urls.sop_revision_page(sop_id, rev.nomor))
        rows.append(HistoryRow(
            rev.label, date_text,
            daftar(rev.sop.perubahan),
            href, f"{href}#{_changes_anchor(history[i - 1])}" if i else None,
            rev.nomor == shown))
    return rows


def _changes_anchor(previous: Revisi) -> str:
    return f"perubahan-dari-revisi-{previous.label}"


def _change_view(catalog: Catalog, sop_id: str, rev: Revisi, page: str,
                 site: SiteUrls) -> ChangeView | None:
    history = catalog.history(sop_id)
    index = next(i for i, r in enumerate(history) if r.nomor == rev.nomor)
    if index == 0:
        return None
    previous = history[index - 1]
    found = perubahan.changes(previous.sop, rev.sop, previous.nomor, rev.nomor)
    old_page = urls.sop_revision_page(sop_id, previous.nomor)
    procs: list[tuple[str, str, list[str], list[tuple[str, str | None, list[str]]],
                      list[str], list[str]]] = []
    for proc in found.prosedur:
        lines = [perubahan.ubah_line(u) for u in proc.kolom]
        if proc.jenis != "diubah":
            lines.insert(0, f"Prosedur {proc.jenis}.")
        if proc.pelaksana_ditambah:
            lines.append("Pelaksana ditambah: " + ", ".join(proc.pelaksana_ditambah))
        if proc.pelaksana_dihapus:
            lines.append("Pelaksana dihapus: " + ", ".join(proc.pelaksana_dihapus))
        steps: list[tuple[str, str | None, list[str]]] = []
        for entry in proc.langkah:
            if entry.baru is not None and proc.baru is not None:
                href = "#" + anchors.step_anchor(rev.sop, proc.baru, entry.baru)
            elif proc.lama is not None and entry.lama is not None:
                href = site.between(page, old_page, anchors.step_anchor(
                    previous.sop, proc.lama, entry.lama))
            else:  # pragma: no cover - every entry has a side
                href = None
            steps.append((perubahan.step_line(proc.lama, proc.baru, entry), href,
                          [perubahan.ubah_line(u) for u in entry.kolom]))
        procs.append((proc.judul, proc.jenis, lines, steps,
                      [a.teks() for a in proc.panah_ditambah],
                      [a.teks() for a in proc.panah_dihapus]))
    return ChangeView(
        _changes_anchor(previous), previous.label, rev.label, link(page, old_page),
        [perubahan.ubah_line(u) for u in found.identitas], procs)


def _ref_view(catalog: Catalog, page: str, ref: Rujukan, own_id: str) -> RefView:
    def other(title: str | None) -> str | None:
        same = title is None or normalise_title(title) == normalise_title(ref.teks)
        return None if same else title

    if ref.dokumen:
        return RefView(ref.teks, None, "dokumen", dokumen=True, keterangan=ref.keterangan)
    if ref.sop_id is not None:
        note = "SOP ini" if ref.sop_id == own_id else None
        title = other(catalog.sops[ref.sop_id].nama)
        return RefView(ref.teks, link(page, urls.sop_page(ref.sop_id)), note, title)
    if ref.entry is not None:
        entry = ref.entry
        href = link(page, urls.unit_page(entry.keputusan.unit),
                    anchors.decree_entry_anchor(entry.keputusan.id, entry.position))
        return RefView(ref.teks, href, "teks lengkap belum tersedia di situs ini",
                       other(entry.entry.nama))
    return RefView(ref.teks, None, "tidak tersedia di situs ini", other(ref.judul))


DAFTAR_SOP = ("dasar_hukum", "kualifikasi_pelaksana", "peralatan", "peringatan", "pencatatan")
"""The printed lists of the identity sheet."""


def sop_view(catalog: Catalog, sop: Sop, site: SiteUrls, rev: Revisi | None = None,
             on_revision_page: bool = False, site_total: bool = True) -> SopView:
    """The page of an SOP revision: the current one (`rev` None) at `/sop/<id>/`, or
    any revision at its permanent page (`on_revision_page`). `site_total` False: no
    procedure prints its Jumlah waktu row (the site's switch; an SOP has its own)."""
    current = catalog.sops[sop.id] is sop
    if rev is None:
        rev = catalog.history(sop.id)[-1]
    page = (urls.sop_revision_page(sop.id, rev.nomor) if on_revision_page
            else urls.sop_page(sop.id))
    units = catalog.unit_chain(sop.unit)
    full_url = site.of(urls.sop_page(sop.id))
    revision_url = site.sop_revision(sop.id, rev.nomor)
    unit_name = units[-1].nama if units else sop.unit
    nomor = f" Nomor {sop.nomor.strip()}" if sop.nomor.strip() else ""
    dates = {
        key: parse_tanggal(value)
        for key, value in (
            ("pembuatan", sop.tanggal_pembuatan),
            ("revisi", sop.tanggal_revisi),
            ("efektif", sop.tanggal_berlaku),
        )
    }
    cite = " ".join(f"SOP {unit_name}{nomor} tentang {sop.nama}".split())
    kop, logo, logo_alt = _kop(catalog, units, page, site)
    procedures = [_procedure_view(sop, p, site_total) for p in sop.prosedur]
    history = catalog.history(sop.id)
    promised = [*anchors.SOP_SECTIONS, *(p.anchor for p in procedures),
                *(s.anchor for p in procedures for s in p.steps),
                *(f"riwayat-revisi-{r.label}" for r in history),
                *(_changes_anchor(r) for r in history)]
    return SopView(
        sop=sop,
        page=page,
        url=full_url,
        units=units,
        address=_address(units),
        dates=dates,
        title_id=anchors.title_id(sop.nama, promised, anchors.SOP_TITLE),
        procedures=procedures,
        keterkaitan=[
            _ref_view(catalog, page, r, sop.id) for r in catalog.keterkaitan_of(sop)
        ],
        dirujuk_oleh=[
            RefView(catalog.sops[i].nama, link(page, urls.sop_page(i)), None)
            for i in catalog.dirujuk_oleh.get(sop.id, [])
        ],
        citation=f"{cite}, {full_url}",
        pengesah=pengesah_view(sop.disahkan_oleh),
        lists={name: daftar(getattr(sop, name)) for name in DAFTAR_SOP},
        status=_status_view(catalog, catalog.sops[sop.id], page, site),
        revisi=rev.label,
        revision_url=revision_url,
        revision_href=site.between(page, urls.sop_revision_page(sop.id, rev.nomor)),
        revision_citation=f"{cite}, revisi {rev.label}, {revision_url}",
        current=current,
        on_revision_page=on_revision_page,
        current_href=site.between(page, urls.sop_page(sop.id)),
        current_label=catalog.history(sop.id)[-1].label,
        history=_history(catalog, sop.id, page, rev.nomor, site),
        changes=_change_view(catalog, sop.id, rev, page, site),
        evaluasi=tinjauan.terakhir(sop, "evaluasi"),
        monitoring=tinjauan.terakhir(sop, "monitoring"),
        kop=kop,
        kop_tertulis=bool(units and units[-1].kop),
        logo=logo,
        logo_alt=logo_alt,
    )


# ------------------------------------------------------------------ other pages


@dataclass
class EntryView:
    entry: DecreeEntry
    anchor: str
    sop: Sop | None
    href: str | None
    efektif: str | None


def status_marks(catalog: Catalog) -> dict[str, str]:
    """How lists mark an SOP not in force: `dicabut sejak …, diganti …` or `DRAF`."""
    marks: dict[str, str] = {}
    for sop_id, state in catalog.status.items():
        if state.draf:
            marks[sop_id] = "DRAF, belum berlaku"
        elif state.dicabut:
            text = "dicabut"
            if state.tanggal:
                day = parse_tanggal(state.tanggal)
                text += f" sejak {day.panjang or day.teks}"
            if state.diganti_oleh in catalog.sops:
                text += f"; diganti oleh {catalog.sops[state.diganti_oleh].nama}"
            marks[sop_id] = text
    return marks


def unit_context(catalog: Catalog, unit: Unit) -> dict[str, Any]:
    page = urls.unit_page(unit.id)
    decrees: list[tuple[Keputusan, list[EntryView]]] = []
    listed: set[str] = set()
    for kep in catalog.decrees_of(unit.id):
        rows = []
        for position, item in enumerate(kep.daftar_sop, start=1):
            entry = DecreeEntry(kep, position, item)
            sop = catalog.sops.get(entry.sop_id or "")
            if sop is not None:
                listed.add(sop.id)
            rows.append(
                EntryView(
                    entry=entry,
                    anchor=anchors.decree_entry_anchor(kep.id, entry.position),
                    sop=sop,
                    href=link(page, urls.sop_page(sop.id)) if sop else None,
                    efektif=sop.tanggal_berlaku if sop else None,
                )
            )
        decrees.append((kep, rows))
    others = [s for s in catalog.sops_of(unit.id) if s.id not in listed]
    chain = catalog.unit_chain(unit.id)
    promised = [*anchors.UNIT_SECTIONS,
                *(a for kep, rows in decrees
                  for a in (f"daftar-{kep.id}", f"keputusan-{kep.id}", *(r.anchor for r in rows)))]
    return {
        "unit": unit,
        "title_id": anchors.title_id(unit.nama, promised, anchors.UNIT_TITLE),
        "chain": chain,
        "address": _address(chain),
        "parents": [(u, link(page, urls.unit_page(u.id))) for u in chain[:-1]],
        # Units with a decree list head their other SOPs "SOP lain unit ini".
        "others_heading": "SOP lain unit ini" if decrees else "SOP unit ini",
        "children": [(u, link(page, urls.unit_page(u.id))) for u in catalog.children(unit.id)],
        "decrees": decrees,
        "signatures": {kep.id: pengesah_view(kep.penandatangan) for kep, _ in decrees},
        "others": [(s, link(page, urls.sop_page(s.id))) for s in others],
        "marks": status_marks(catalog),
        "revoked_by": catalog.decree_revoked_by,
    }


def role_context(catalog: Catalog) -> dict[str, Any]:
    """Each role with, per SOP, the links to the steps where it acts."""
    rows = []
    used: set[str] = set()
    for role in indexes.roles(catalog):
        anchor = _unique(f"pelaksana-{slug(role.nama)}", used)
        per_sop: dict[str, tuple[Sop, str, list[tuple[str, str]]]] = {}
        for use in role.uses:
            sop_page = urls.sop_page(use.sop.id)
            if use.sop.id not in per_sop:
                per_sop[use.sop.id] = (use.sop, link(ROLE_INDEX, sop_page), [])
            per_sop[use.sop.id][2].append((
                anchors.step_label(use.prosedur, use.langkah.no),
                link(ROLE_INDEX, sop_page,
                     anchors.step_anchor(use.sop, use.prosedur, use.langkah.no)),
            ))
        rows.append((role, anchor, list(per_sop.values())))
    return {"roles": rows, "marks": status_marks(catalog)}


def law_context(catalog: Catalog) -> dict[str, Any]:
    rows = []
    used: set[str] = set()
    for reg in indexes.regulations(catalog):
        anchor = _unique(f"dasar-{slug(reg.key)[:60]}", used)
        sops = [(s, link(LAW_INDEX, urls.sop_page(s.id))) for s in reg.sops]
        rows.append((reg, anchor, sops))
    return {"regulations": rows, "marks": status_marks(catalog)}


def review_context(catalog: Catalog, siklus: Siklus) -> dict[str, Any]:
    """SOPs in force due for review (oldest first), and those whose last evaluation
    found they do not run well."""
    due = [t for s in catalog.sops.values() if catalog.status_of(s.id).status == "berlaku"
           if (t := tinjauan.due(s, siklus)) is not None]
    due.sort(key=lambda t: (t.sejak, t.sop.nama.lower()))
    weak = [(s, e, link(REVIEW_INDEX, urls.sop_page(s.id), "evaluasi"))
            for s in catalog.sops.values() if catalog.status_of(s.id).status == "berlaku"
            if (e := tinjauan.terakhir(s, "evaluasi")) and e.hasil != "berjalan dengan baik"]
    unreadable = [(s, link(REVIEW_INDEX, urls.sop_page(s.id)), tinjauan.counted_from(s)[0])
                  for s in catalog.sops.values() if catalog.status_of(s.id).status == "berlaku"
                  if tinjauan.counted_from(s)[1] is None]
    return {
        "unreadable": unreadable,
        "acuan": parse_tanggal(siklus.acuan.isoformat()),
        "batas": parse_tanggal(tinjauan.months_before(siklus.acuan,
                                                      siklus.masa_bulan).isoformat()),
        "masa": siklus.masa_bulan,
        "due": [(t, link(REVIEW_INDEX, urls.sop_page(t.sop.id)),
                 parse_tanggal(t.sejak.isoformat())) for t in due],
        "weak": weak,
    }


def _unique(anchor: str, used: set[str]) -> str:
    candidate, n = anchor, 2
    while candidate in used:
        candidate, n = f"{anchor}-{n}", n + 1
    used.add(candidate)
    return candidate


def home_context(catalog: Catalog) -> dict[str, Any]:
    def in_force(unit_id: str) -> int:
        return sum(1 for s in catalog.sops_of(unit_id) if catalog.status_of(s.id).status
                   == "berlaku")

    units = [
        (u, link(HOME, urls.unit_page(u.id)), in_force(u.id),
         len(catalog.decree_entries(u.id)), len(catalog.unit_chain(u.id)) - 1,
         len(catalog.sops_of(u.id)) - in_force(u.id))
        for u in _tree_order(catalog)
    ]
    states = [catalog.status_of(s).status for s in catalog.sops]
    return {
        "nama_situs": catalog.situs.nama_situs,
        # A site without situs.yml knows only its name (catalog.default_situs).
        "instansi": catalog.situs.instansi if catalog.situs_path else None,
        "units": units,
        "sop_count": states.count("berlaku"),
        "revoked_count": states.count("dicabut"),
        "draft_count": states.count("draf"),
        "review_index": link(HOME, REVIEW_INDEX),
        "role_index": link(HOME, ROLE_INDEX),
        "law_index": link(HOME, LAW_INDEX),
    }


@dataclass(frozen=True)
class IdentitasView:
    """The instansi at the foot of every page (the theme's partials/copyright.html)."""

    instansi: str
    kop: list[str]  # the kop lines, or the instansi's name
    alamat: list[str]  # the address block, one part per item, ready to print


def identitas_view(situs: Situs) -> IdentitasView:
    a = situs.alamat
    parts: list[str] = []
    if a is not None:
        city = " ".join(x for x in (a.kota, a.kode_pos) if x)
        parts = [x for x in (
            a.alamat,
            a.telepon and f"Telp. {a.telepon}",
            a.faksimile and f"Faks. {a.faksimile}",
            city,
            a.surel and f"Surel: {a.surel}",
            a.laman and f"Laman: {a.laman}",
        ) if x]
    return IdentitasView(situs.instansi, list(situs.kop or [situs.instansi]), parts)


def _tree_order(catalog: Catalog) -> list[Unit]:
    keep = {u.id for u in catalog.units_with_content()}
    out: list[Unit] = []

    def visit(parent: str | None) -> None:
        for child in catalog.children(parent):
            if child.id in keep:
                out.append(child)
                visit(child.id)

    visit(None)
    return out


# ------------------------------------------------------------------ the whole site


@dataclass(frozen=True)
class GeneratedPage:
    path: str  # inside docs, e.g. "sop/penyusunan-iku.md"
    content: str


def render_sop(env: Environment, catalog: Catalog, sop: Sop, site: SiteUrls,
               rev: Revisi | None = None, site_total: bool = True) -> str:
    """The current page of an SOP (`rev` None), or the permanent page of revision `rev`."""
    view = sop_view(catalog, rev.sop if rev else sop, site, rev, on_revision_page=rev is not None,
                    site_total=site_total)
    return env.get_template("sop.md.j2").render(v=view)


def _sop_page_list(catalog: Catalog, sop: Sop) -> list[tuple[str, Revisi | None]]:
    """The pages of one SOP: its current page and one per revision (the current
    revision's too: that is the address a memo cites)."""
    return [(urls.sop_page(sop.id), None)] + [
        (urls.sop_revision_page(sop.id, r.nomor), r) for r in catalog.history(sop.id)]


RenderCache = dict[str, str]
"""SOP page Markdown by `sop_render_key`: `mkdocs serve` re-renders only what changed."""


def sop_render_key(catalog: Catalog, sop: Sop, site: SiteUrls) -> str:
    """Everything an SOP page depends on, as text: its file, how its links resolve,
    who refers to it, its unit chain and the site's URLs."""
    refs = [
        (r.teks, r.sop_id, r.eksternal, r.judul, r.dokumen, r.keterangan,
         r.sop_id and catalog.sops[r.sop_id].nama,
         r.entry and (r.entry.keputusan.id, r.entry.keputusan.unit, r.entry.position,
                      r.entry.entry.nama))
        for r in catalog.keterkaitan.get(sop.id, [])
    ]
    backlinks = [(i, catalog.sops[i].nama) for i in catalog.dirujuk_oleh.get(sop.id, [])]
    chain = [repr(u) for u in catalog.unit_chain(sop.unit)]
    digest = catalog.digests.get(sop.id) or repr(sop)
    state = catalog.status_of(sop.id)
    replacement = state.diganti_oleh and catalog.sops.get(state.diganti_oleh)
    history = [(r.nomor, catalog.digests.get(r.path) or repr(r.sop))
               for r in catalog.revisions.get(sop.id, [])]
    status = (repr(state), replacement and replacement.nama)
    logo = (catalog.logo_of(sop.unit), catalog.situs.instansi)
    return repr((digest, refs, backlinks, chain, site, status, history, logo))


def _sop_pages(
    env: Environment, catalog: Catalog, site: SiteUrls, cache: RenderCache | None,
    site_total: bool = True,
) -> list[GeneratedPage]:
    if cache is None:
        return [GeneratedPage(path, render_sop(env, catalog, s, site, rev, site_total))
                for s in catalog.sops.values() for path, rev in _sop_page_list(catalog, s)]
    keys = {s.id: f"{sop_render_key(catalog, s, site)}\n{site_total}"
            for s in catalog.sops.values()}
    wanted = {f"{path}\n{keys[s.id]}" for s in catalog.sops.values()
              for path, _ in _sop_page_list(catalog, s)}
    for stale in set(cache) - wanted:
        del cache[stale]  # SOPs that changed or went away
    pages = []
    for sop in catalog.sops.values():
        for path, rev in _sop_page_list(catalog, sop):
            key = f"{path}\n{keys[sop.id]}"
            if key not in cache:
                cache[key] = render_sop(env, catalog, sop, site, rev, site_total)
            pages.append(GeneratedPage(path, cache[key]))
    return pages


class TemplateFailure(Exception):
    """A template (the built-in ones or an override) failed: the message names its file
    and line."""


def site_pages(
    catalog: Catalog,
    env: Environment,
    site_url: str | None,
    with_home: bool = True,
    cache: RenderCache | None = None,
    use_directory_urls: bool = True,
    siklus: Siklus | None = None,
    site_total: bool = True,
) -> list[GeneratedPage]:
    """Every generated page. `site_url` and `use_directory_urls` are MkDocs' settings:
    the URLs printed on pages and in katalog.json follow them; `siklus` sets the review
    page's reference day and period (the review page is made only with one: the plugin
    always passes it, with the build date unless the site pins one); `site_total` False
    switches off every procedure's Jumlah waktu row (the site's `jumlah_waktu`)."""
    try:
        return _site_pages(catalog, env, SiteUrls(site_url, use_directory_urls),
                           with_home, cache, siklus, site_total)
    except TemplateSyntaxError as exc:
        raise TemplateFailure(f"templat {exc.filename or exc.name}:{exc.lineno}: kesalahan "
                              f"penulisan templat: {exc.message}") from None
    except Exception as exc:
        where = _template_line(exc)
        if where is None:
            raise
        raise TemplateFailure(
            f"templat {where}: {type(exc).__name__}: {exc} (gagal saat menulis halaman situs; "
            "periksa baris itu pada templat)"
        ) from None


def _template_line(exc: BaseException) -> str | None:
    """`file:line` of the innermost template frame of a traceback (Jinja compiles each
    template to code whose file name is the template's)."""
    found = None
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = f"{filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return found


def _site_pages(
    catalog: Catalog,
    env: Environment,
    site: SiteUrls,
    with_home: bool,
    cache: RenderCache | None,
    siklus: Siklus | None,
    site_total: bool = True,
) -> list[GeneratedPage]:
    pages = _sop_pages(env, catalog, site, cache, site_total)
    pages += [
        GeneratedPage(urls.unit_page(u.id), env.get_template("unit.md.j2").render(
            **unit_context(catalog, u)))
        for u in catalog.units_with_content()
    ]
    pages.append(GeneratedPage(ROLE_INDEX, env.get_template("pelaksana.md.j2").render(
        **role_context(catalog))))
    pages.append(GeneratedPage(LAW_INDEX, env.get_template("dasar-hukum.md.j2").render(
        **law_context(catalog))))
    if siklus is not None:
        pages.append(GeneratedPage(REVIEW_INDEX, env.get_template(
            "perlu-ditinjau.md.j2").render(**review_context(catalog, siklus))))
    if with_home:
        pages.append(GeneratedPage(HOME, env.get_template("beranda.md.j2").render(
            **home_context(catalog))))
    pages.append(GeneratedPage(CATALOG_JSON, katalog_json(catalog, site)))
    return pages


def site_shape(catalog: Catalog) -> str:
    """What pages show of the whole set (navigation, unit tree, decree lists, roles):
    when it changes, every page must be built again, not only those whose text changed."""
    return repr((
        navigation(catalog, []),
        [(u.id, u.nama, u.induk) for u in catalog.units.values()],
        [(k.id, k.unit, [(e.nama, e.sop) for e in k.daftar_sop]) for k in catalog.keputusan],
        [role.nama for role in indexes.roles(catalog)],
        catalog.situs,  # the header, footer and identity sheets of every page
    ))


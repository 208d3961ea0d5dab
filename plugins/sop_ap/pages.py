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

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined
from markupsafe import Markup

from . import anchors, flow, indexes, urls
from .catalog import Catalog, DecreeEntry, Rujukan, normalise_title
from .escape import html_text, md_inline, nav_title, slug
from .export import katalog_json
from .model import Keputusan, Langkah, Prosedur, Sop, Unit, as_list
from .swimlane import swimlane
from .tanggal import Tanggal, parse_tanggal
from .urls import CATALOG_JSON, HOME, LAW_INDEX, ROLE_INDEX, SiteUrls
from .waktu import RingkasanWaktu, Waktu, parse_waktu, ringkas_waktu


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
    waktu: Waktu | None
    waktu_rowspan: int  # 0: cell merged into an earlier row's waktu
    pelaksana: list[str]
    symbols: list[SymbolView]
    show_flow: bool  # the row's flow is more than one box continuing to the next row


@dataclass
class ProcedureView:
    prosedur: Prosedur
    anchor: str
    heading: str
    diagram: str
    steps: list[StepView]
    total: RingkasanWaktu


@dataclass
class RefView:
    text: str
    href: str | None
    note: str | None
    title: str | None = None  # the title it resolved to, when the text says it otherwise


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
    lists: dict[str, list[str]] = field(default_factory=dict)


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


def _procedure_view(sop: Sop, proc: Prosedur) -> ProcedureView:
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
                waktu=parse_waktu(step.waktu) if step.waktu is not None else None,
                waktu_rowspan=rowspan,
                pelaksana=flow.step_lanes(step),
                symbols=symbols,
                show_flow=not _trivial(result, i, len(proc.langkah) - 1),
            )
        )
    caveats = []
    if flow.has_loop(result):
        caveats.append("ada langkah yang dapat berulang (kembali ke langkah sebelumnya); "
                       "waktu dihitung untuk satu kali jalan")
    if any(sum(1 for a in result.outgoing(s.index) if not a.label and not a.line) > 1
           for s in result.symbols) or len(result.starts) > 1:
        caveats.append("jalur paralel atau alternatif dijumlahkan seolah berurutan")
    if any(s.shape == "keputusan" for s in result.symbols):
        caveats.append("semua langkah dijumlahkan, termasuk yang dilewati oleh suatu keputusan")
    total = ringkas_waktu([s.waktu for s in steps if s.waktu is not None], caveats)
    heading = " ".join(x for x in (f"{proc.kode}." if proc.kode else "", proc.judul or "") if x)
    title = f"Diagram alir {heading or sop.nama}"
    return ProcedureView(
        prosedur=proc,
        anchor=anchors.procedure_anchor(sop, proc),
        heading=heading or "Uraian Prosedur",
        diagram=swimlane(proc, title, result),
        steps=steps,
        total=total,
    )


def _ref_view(catalog: Catalog, page: str, ref: Rujukan, own_id: str) -> RefView:
    def other(title: str | None) -> str | None:
        same = title is None or normalise_title(title) == normalise_title(ref.teks)
        return None if same else title

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


def sop_view(catalog: Catalog, sop: Sop, site: SiteUrls) -> SopView:
    page = urls.sop_page(sop.id)
    units = catalog.unit_chain(sop.unit)
    full_url = site.of(page)
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
    return SopView(
        sop=sop,
        page=page,
        url=full_url,
        units=units,
        address=_address(units),
        dates=dates,
        procedures=[_procedure_view(sop, p) for p in sop.prosedur],
        keterkaitan=[
            _ref_view(catalog, page, r, sop.id) for r in catalog.keterkaitan.get(sop.id, [])
        ],
        dirujuk_oleh=[
            RefView(catalog.sops[i].nama, link(page, urls.sop_page(i)), None)
            for i in catalog.dirujuk_oleh.get(sop.id, [])
        ],
        citation=" ".join(
            f"SOP {unit_name}{nomor} tentang {sop.nama}, {full_url}".split()
        ),
        lists={
            "dasar_hukum": as_list(sop.dasar_hukum),
            "kualifikasi_pelaksana": as_list(sop.kualifikasi_pelaksana),
            "peralatan": as_list(sop.peralatan),
            "peringatan": as_list(sop.peringatan),
            "pencatatan": as_list(sop.pencatatan),
        },
    )


# ------------------------------------------------------------------ other pages


@dataclass
class EntryView:
    entry: DecreeEntry
    anchor: str
    sop: Sop | None
    href: str | None
    efektif: str | None


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
    return {
        "unit": unit,
        "chain": chain,
        "address": _address(chain),
        "parents": [(u, link(page, urls.unit_page(u.id))) for u in chain[:-1]],
        "children": [(u, link(page, urls.unit_page(u.id))) for u in catalog.children(unit.id)],
        "decrees": decrees,
        "others": [(s, link(page, urls.sop_page(s.id))) for s in others],
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
    return {"roles": rows}


def law_context(catalog: Catalog) -> dict[str, Any]:
    rows = []
    used: set[str] = set()
    for reg in indexes.regulations(catalog):
        anchor = _unique(f"dasar-{slug(reg.key)[:60]}", used)
        sops = [(s, link(LAW_INDEX, urls.sop_page(s.id))) for s in reg.sops]
        rows.append((reg, anchor, sops))
    return {"regulations": rows}


def _unique(anchor: str, used: set[str]) -> str:
    candidate, n = anchor, 2
    while candidate in used:
        candidate, n = f"{anchor}-{n}", n + 1
    used.add(candidate)
    return candidate


def home_context(catalog: Catalog) -> dict[str, Any]:
    units = [
        (u, link(HOME, urls.unit_page(u.id)), len(catalog.sops_of(u.id)),
         len(catalog.decree_entries(u.id)), len(catalog.unit_chain(u.id)) - 1)
        for u in _tree_order(catalog)
    ]
    return {
        "units": units,
        "sop_count": len(catalog.sops),
        "role_index": link(HOME, ROLE_INDEX),
        "law_index": link(HOME, LAW_INDEX),
    }


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


def render_sop(env: Environment, catalog: Catalog, sop: Sop, site: SiteUrls) -> str:
    return env.get_template("sop.md.j2").render(v=sop_view(catalog, sop, site))


RenderCache = dict[str, str]
"""SOP page Markdown by `sop_render_key`: `mkdocs serve` re-renders only what changed."""


def sop_render_key(catalog: Catalog, sop: Sop, site: SiteUrls) -> str:
    """Everything an SOP page depends on, as text: its file, how its links resolve,
    who refers to it, its unit chain and the site's URLs."""
    refs = [
        (r.teks, r.sop_id, r.eksternal, r.judul, r.sop_id and catalog.sops[r.sop_id].nama,
         r.entry and (r.entry.keputusan.id, r.entry.keputusan.unit, r.entry.position,
                      r.entry.entry.nama))
        for r in catalog.keterkaitan.get(sop.id, [])
    ]
    backlinks = [(i, catalog.sops[i].nama) for i in catalog.dirujuk_oleh.get(sop.id, [])]
    chain = [repr(u) for u in catalog.unit_chain(sop.unit)]
    digest = catalog.digests.get(sop.id) or repr(sop)
    return repr((digest, refs, backlinks, chain, site))


def _sop_pages(
    env: Environment, catalog: Catalog, site: SiteUrls, cache: RenderCache | None
) -> list[GeneratedPage]:
    if cache is None:
        return [GeneratedPage(urls.sop_page(s.id), render_sop(env, catalog, s, site))
                for s in catalog.sops.values()]
    keys = {s.id: sop_render_key(catalog, s, site) for s in catalog.sops.values()}
    for stale in set(cache) - set(keys.values()):
        del cache[stale]  # SOPs that changed or went away
    pages = []
    for sop in catalog.sops.values():
        key = keys[sop.id]
        if key not in cache:
            cache[key] = render_sop(env, catalog, sop, site)
        pages.append(GeneratedPage(urls.sop_page(sop.id), cache[key]))
    return pages


def site_pages(
    catalog: Catalog,
    env: Environment,
    site_url: str | None,
    with_home: bool = True,
    cache: RenderCache | None = None,
    use_directory_urls: bool = True,
) -> list[GeneratedPage]:
    """Every generated page. `site_url` and `use_directory_urls` are MkDocs' settings:
    the URLs printed on pages and in katalog.json follow them."""
    site = SiteUrls(site_url, use_directory_urls)
    pages = _sop_pages(env, catalog, site, cache)
    pages += [
        GeneratedPage(urls.unit_page(u.id), env.get_template("unit.md.j2").render(
            **unit_context(catalog, u)))
        for u in catalog.units_with_content()
    ]
    pages.append(GeneratedPage(ROLE_INDEX, env.get_template("pelaksana.md.j2").render(
        **role_context(catalog))))
    pages.append(GeneratedPage(LAW_INDEX, env.get_template("dasar-hukum.md.j2").render(
        **law_context(catalog))))
    if with_home:
        pages.append(GeneratedPage(HOME, env.get_template("beranda.md.j2").render(
            **home_context(catalog))))
    pages.append(GeneratedPage(CATALOG_JSON, katalog_json(catalog, site)))
    return pages

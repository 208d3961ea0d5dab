"""Catalog -> the site's generated pages (Markdown) and its navigation.

Plain functions: no MkDocs here, so the same output can be produced by a
pre-build step. Views gather what a template needs (links, anchors, parsed
values) so that templates stay free of logic.
"""

from __future__ import annotations

import html
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

from . import anchors, flow, indexes
from .catalog import Catalog, DecreeEntry, Rujukan, normalise_title
from .escape import html_text, md_inline, md_url, slug
from .model import Keputusan, Langkah, Prosedur, Sop, Unit, as_list
from .swimlane import swimlane
from .tanggal import Tanggal, parse_tanggal
from .waktu import RingkasanWaktu, Waktu, parse_waktu, ringkas_waktu

HOME = "index.md"
ROLE_INDEX = "indeks/pelaksana.md"
LAW_INDEX = "indeks/dasar-hukum.md"
CATALOG_JSON = "katalog.json"


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
class StepView:
    langkah: Langkah
    anchor: str
    label: str
    waktu: Waktu | None
    waktu_rowspan: int  # 0: cell merged into an earlier row's waktu
    pelaksana: list[str]
    exits: list[tuple[str | None, str, str | None]]  # (label, target text, target anchor)


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
    title_id: str | None = None  # explicit id of the page title, when its text needs one


def _address(units: list[Unit]) -> Unit | None:
    return next((u for u in reversed(units) if u.alamat), None)


def _procedure_view(sop: Sop, proc: Prosedur) -> ProcedureView:
    steps: list[StepView] = []
    merged_until = -1
    graph = flow.exits(proc)
    numbers = {s.no: s for s in proc.langkah}
    for i, step in enumerate(proc.langkah):
        span = step.waktu_mencakup or 1
        rowspan = 0 if i <= merged_until else span
        if span > 1:
            merged_until = i + span - 1
        outs: list[tuple[str | None, str, str | None]] = []
        for out in graph[step.no]:
            if out.target is None:
                outs.append((out.label, "selesai", None))
            else:
                target = numbers[out.target]
                outs.append(
                    (out.label, anchors.step_label(proc, target.no),
                     anchors.step_anchor(sop, proc, target.no))
                )
        steps.append(
            StepView(
                langkah=step,
                anchor=anchors.step_anchor(sop, proc, step.no),
                label=anchors.step_label(proc, step.no),
                waktu=parse_waktu(step.waktu) if step.waktu is not None else None,
                waktu_rowspan=rowspan,
                pelaksana=flow.lanes_of(step),
                exits=outs,
            )
        )
    caveats = []
    if flow.has_loop(proc):
        caveats.append("ada langkah yang dapat berulang (kembali ke langkah sebelumnya); "
                       "waktu dihitung untuk satu kali jalan")
    if any(len(outs) > 1 and all(e.label is None for e in outs) for outs in graph.values()):
        caveats.append("jalur paralel dijumlahkan seolah berurutan")
    if any(s.keputusan for s in proc.langkah):
        caveats.append("semua langkah dijumlahkan, termasuk yang dilewati oleh suatu keputusan")
    total = ringkas_waktu([s.waktu for s in steps if s.waktu is not None], caveats)
    heading = " ".join(x for x in (f"{proc.kode}." if proc.kode else "", proc.judul or "") if x)
    title = f"Diagram alir {heading or sop.nama}"
    return ProcedureView(
        prosedur=proc,
        anchor=anchors.procedure_anchor(sop, proc),
        heading=heading or "Uraian Prosedur",
        diagram=swimlane(proc, title),
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
        return RefView(ref.teks, link(page, anchors.sop_page(ref.sop_id)), note, title)
    if ref.entry is not None:
        entry = ref.entry
        href = link(page, anchors.unit_page(entry.keputusan.unit),
                    anchors.decree_entry_anchor(entry.keputusan.id, entry.position))
        return RefView(ref.teks, href, "teks lengkap belum tersedia di situs ini",
                       other(entry.entry.nama))
    return RefView(ref.teks, None, "tidak tersedia di situs ini", other(ref.judul))


def sop_view(catalog: Catalog, sop: Sop, site_url: str | None) -> SopView:
    page = anchors.sop_page(sop.id)
    url = f"sop/{sop.id}/"
    units = catalog.unit_chain(sop.unit)
    full_url = (site_url.rstrip("/") + "/" + url) if site_url else "/" + url
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
    procedures = [_procedure_view(sop, p) for p in sop.prosedur]
    promised = [*anchors.SOP_SECTIONS, *(p.anchor for p in procedures),
                *(s.anchor for p in procedures for s in p.steps)]
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
            _ref_view(catalog, page, r, sop.id) for r in catalog.keterkaitan.get(sop.id, [])
        ],
        dirujuk_oleh=[
            RefView(catalog.sops[i].nama, link(page, anchors.sop_page(i)), None)
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
    page = anchors.unit_page(unit.id)
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
                    href=link(page, anchors.sop_page(sop.id)) if sop else None,
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
        "parents": [(u, link(page, anchors.unit_page(u.id))) for u in chain[:-1]],
        "children": [(u, link(page, anchors.unit_page(u.id))) for u in catalog.children(unit.id)],
        "decrees": decrees,
        "others": [(s, link(page, anchors.sop_page(s.id))) for s in others],
    }


def role_context(catalog: Catalog) -> dict[str, Any]:
    """Each role with, per SOP, the links to the steps where it acts."""
    rows = []
    used: set[str] = set()
    for role in indexes.roles(catalog):
        anchor = _unique(f"pelaksana-{slug(role.nama)}", used)
        per_sop: dict[str, tuple[Sop, str, list[tuple[str, str]]]] = {}
        for use in role.uses:
            sop_page = anchors.sop_page(use.sop.id)
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
        sops = [(s, link(LAW_INDEX, anchors.sop_page(s.id))) for s in reg.sops]
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
        (u, link(HOME, anchors.unit_page(u.id)), len(catalog.sops_of(u.id)),
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


def katalog_json(catalog: Catalog, site_url: str | None) -> str:
    base = site_url.rstrip("/") + "/" if site_url else "/"
    sops = []
    for sop in catalog.sops.values():
        url = f"{base}sop/{sop.id}/"
        efektif = sop.tanggal_berlaku
        sops.append(
            {
                "id": sop.id,
                "nomor": sop.nomor,
                "nama": sop.nama,
                "unit": {"id": sop.unit, "nama": catalog.units[sop.unit].nama},
                "tanggal_pembuatan": _date_json(sop.tanggal_pembuatan),
                "tanggal_revisi": _date_json(sop.tanggal_revisi),
                "tanggal_efektif": _date_json(efektif),
                "url": url,
                "prosedur": [
                    {
                        "kode": p.kode,
                        "judul": p.judul,
                        "url": f"{url}#{anchors.procedure_anchor(sop, p)}",
                        "langkah": [
                            {
                                "no": s.no,
                                "kegiatan": s.kegiatan,
                                "pelaksana": flow.lanes_of(s),
                                "url": f"{url}#{anchors.step_anchor(sop, p, s.no)}",
                            }
                            for s in p.langkah
                        ],
                    }
                    for p in sop.prosedur
                ],
            }
        )
    # Compact: json's fast C encoder is used only without `indent`.
    return json.dumps({"versi": 1, "sop": sops}, ensure_ascii=False, separators=(",", ":")) + "\n"


def _date_json(text: str) -> dict[str, str | None]:
    parsed = parse_tanggal(text)
    return {"teks": text, "iso": parsed.iso, "revisi": parsed.revisi}


# ------------------------------------------------------------------ the whole site


@dataclass(frozen=True)
class GeneratedPage:
    path: str  # inside docs, e.g. "sop/penyusunan-iku.md"
    content: str


def render_sop(env: Environment, catalog: Catalog, sop: Sop, site_url: str | None) -> str:
    return env.get_template("sop.md.j2").render(v=sop_view(catalog, sop, site_url))


RenderCache = dict[str, str]
"""SOP page Markdown by `sop_render_key`: `mkdocs serve` re-renders only what changed."""


def sop_render_key(catalog: Catalog, sop: Sop, site_url: str | None) -> str:
    """Everything an SOP page depends on, as text: its file, how its links resolve,
    who refers to it, its unit chain and the site URL."""
    refs = [
        (r.teks, r.sop_id, r.eksternal, r.judul, r.sop_id and catalog.sops[r.sop_id].nama,
         r.entry and (r.entry.keputusan.id, r.entry.keputusan.unit, r.entry.position,
                      r.entry.entry.nama))
        for r in catalog.keterkaitan.get(sop.id, [])
    ]
    backlinks = [(i, catalog.sops[i].nama) for i in catalog.dirujuk_oleh.get(sop.id, [])]
    chain = [repr(u) for u in catalog.unit_chain(sop.unit)]
    digest = catalog.digests.get(sop.id) or repr(sop)
    return repr((digest, refs, backlinks, chain, site_url))


def _sop_pages(
    env: Environment, catalog: Catalog, site_url: str | None, cache: RenderCache | None
) -> list[GeneratedPage]:
    if cache is None:
        return [GeneratedPage(anchors.sop_page(s.id), render_sop(env, catalog, s, site_url))
                for s in catalog.sops.values()]
    keys = {s.id: sop_render_key(catalog, s, site_url) for s in catalog.sops.values()}
    for stale in set(cache) - set(keys.values()):
        del cache[stale]  # SOPs that changed or went away
    pages = []
    for sop in catalog.sops.values():
        key = keys[sop.id]
        if key not in cache:
            cache[key] = render_sop(env, catalog, sop, site_url)
        pages.append(GeneratedPage(anchors.sop_page(sop.id), cache[key]))
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
) -> list[GeneratedPage]:
    try:
        return _site_pages(catalog, env, site_url, with_home, cache)
    except TemplateSyntaxError as exc:
        where = f"{exc.filename or exc.name}:{exc.lineno}"
        raise TemplateFailure(f"template {where}: syntax error: {exc.message}") from None
    except Exception as exc:
        where = _template_line(exc)
        if where is None:
            raise
        raise TemplateFailure(
            f"template {where}: {type(exc).__name__}: {exc} (while writing the site's pages)"
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
    site_url: str | None,
    with_home: bool,
    cache: RenderCache | None,
) -> list[GeneratedPage]:
    pages = _sop_pages(env, catalog, site_url, cache)
    pages += [
        GeneratedPage(anchors.unit_page(u.id), env.get_template("unit.md.j2").render(
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
    pages.append(GeneratedPage(CATALOG_JSON, katalog_json(catalog, site_url)))
    return pages


def site_shape(catalog: Catalog) -> str:
    """What pages show of the whole set (navigation, unit tree, decree lists, roles):
    when it changes, every page must be built again, not only those whose text changed."""
    return repr((
        navigation(catalog, []),
        [(u.id, u.nama, u.induk) for u in catalog.units.values()],
        [(k.id, k.unit, [(e.nama, e.sop) for e in k.daftar_sop]) for k in catalog.keputusan],
        [role.nama for role in indexes.roles(catalog)],
    ))


def nav_title(text: str) -> str:
    """A nav title: Material prints titles without escaping, so escape them here."""
    return html.escape(" ".join(text.split()), quote=True)


def navigation(catalog: Catalog, extra: list[Any]) -> list[Any]:
    """Sections per unit (nested as the organisation), then the indexes, then `extra`."""

    keep = {u.id for u in catalog.units_with_content()}

    def section(unit: Unit) -> dict[str, list[Any]]:
        items: list[Any] = [{"Ringkasan unit": anchors.unit_page(unit.id)}]
        items += [{nav_title(s.nama): anchors.sop_page(s.id)} for s in catalog.sops_of(unit.id)]
        items += [section(c) for c in catalog.children(unit.id) if c.id in keep]
        return {nav_title(unit.nama): items}

    roots = [section(u) for u in catalog.children(None) if u.id in keep]
    return [
        {"Beranda": HOME},
        *roots,
        {"Indeks": [{"Menurut pelaksana": ROLE_INDEX}, {"Menurut dasar hukum": LAW_INDEX}]},
        *extra,
    ]

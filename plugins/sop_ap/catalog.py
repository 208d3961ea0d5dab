"""The whole set of SOPs: ids, units, decrees, keterkaitan both ways.

Built from a `LoadResult`; checks everything that spans files (duplicate
ids, unknown units, decree entries, earlier revisions, revocations) and resolves
keterkaitan by id or title. Drafts are left out unless asked for (a preview).
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import revisi, status
from .daftar import KOSONG
from .loader import FileCache, Loaded, LoadResult, load_dir
from .model import (
    EntriDaftarSop,
    Keputusan,
    RujukanDokumen,
    RujukanSop,
    Situs,
    Sop,
    Unit,
    as_list,
)
from .problems import DataError, Position, Problem, Severity
from .revisi import Revisi
from .status import StatusSop
from .yamlsource import PathKey


@dataclass(frozen=True)
class DecreeEntry:
    """One SOP in a decree's list, with or without full text on the site."""

    keputusan: Keputusan
    position: int  # 1-based, as numbered in the decree
    entry: EntriDaftarSop

    @property
    def sop_id(self) -> str | None:
        return self.entry.sop


@dataclass(frozen=True)
class Rujukan:
    """A keterkaitan entry, resolved: to an SOP page, a decree entry, or nothing."""

    teks: str
    sop_id: str | None = None
    entry: DecreeEntry | None = None
    eksternal: bool = False
    judul: str | None = None  # the title the author gave to match (RujukanSop.judul)
    dokumen: bool = False  # a document that is not an SOP (RujukanDokumen): never resolved
    keterangan: str | None = None  # the document's keterangan, as written

    @property
    def resolved(self) -> bool:
        return self.sop_id is not None or self.entry is not None


@dataclass
class Catalog:
    units: dict[str, Unit] = field(default_factory=dict)
    sops: dict[str, Sop] = field(default_factory=dict)
    keputusan: list[Keputusan] = field(default_factory=list)
    source_paths: dict[str, str] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)  # SOP id -> content hash of its file
    keterkaitan: dict[str, list[Rujukan]] = field(default_factory=dict)
    dirujuk_oleh: dict[str, list[str]] = field(default_factory=dict)
    revisions: dict[str, list[Revisi]] = field(default_factory=dict)
    """Earlier revisions of each SOP, oldest first (the current one is in `sops`)."""
    status: dict[str, StatusSop] = field(default_factory=dict)
    decree_revoked_by: dict[str, Keputusan] = field(default_factory=dict)
    situs: Situs = field(default_factory=lambda: default_situs())
    """The site's identity: `situs.yml`, or one named after mkdocs.yml's site_name."""
    situs_path: str | None = None
    """The file `situs` was read from (None: there is no situs.yml)."""
    logos: dict[str, str] = field(default_factory=dict)
    """The logo files the site uses, by their path in the data folder (`logo.png`)."""

    def logo_of(self, unit_id: str) -> str | None:
        """The logo of an SOP of this unit: the nearest unit's up the chain, else the site's."""
        for unit in reversed(self.unit_chain(unit_id)):
            if unit.logo is not None:
                return unit.logo
        return self.situs.logo

    def keterkaitan_of(self, sop: Sop) -> list[Rujukan]:
        """The keterkaitan of an SOP or of one of its earlier revisions, resolved."""
        if self.sops.get(sop.id) is sop:
            return self.keterkaitan.get(sop.id, [])
        titles = _Titles(self)

        def quiet(at: PathKey, message: str, severity: Severity) -> None:
            """An earlier revision's problems were the author's then: not reported."""

        found = (_resolve(ref, sop.unit, titles, set(), False, quiet, ("keterkaitan",))
                 for ref in as_list(sop.keterkaitan))
        return [r for r in found if r is not None]

    def status_of(self, sop_id: str) -> StatusSop:
        return self.status.get(sop_id, status.BERLAKU)

    def history(self, sop_id: str) -> list[Revisi]:
        """Every revision of an SOP, oldest first, the current one last."""
        sop = self.sops[sop_id]
        current = Revisi(revisi.nomor_revisi(sop), sop, self.source_paths.get(sop_id, ""))
        return [*self.revisions.get(sop_id, []), current]

    def unit_chain(self, unit_id: str) -> list[Unit]:
        """The unit and its parents, instansi first."""
        chain: list[Unit] = []
        current: str | None = unit_id
        while current is not None and current in self.units and len(chain) < len(self.units):
            unit = self.units[current]
            chain.append(unit)
            current = unit.induk
        return list(reversed(chain))

    def children(self, unit_id: str | None) -> list[Unit]:
        return [u for u in self.units.values() if u.induk == unit_id]

    def decrees_of(self, unit_id: str) -> list[Keputusan]:
        return [k for k in self.keputusan if k.unit == unit_id]

    def decree_entries(self, unit_id: str | None = None) -> list[DecreeEntry]:
        return [
            DecreeEntry(k, i + 1, e)
            for k in self.keputusan
            if unit_id is None or k.unit == unit_id
            for i, e in enumerate(k.daftar_sop)
        ]

    def sops_of(self, unit_id: str) -> list[Sop]:
        """The unit's SOPs: decree order first, then the others by name."""
        ordered: dict[str, Sop] = {}
        for entry in self.decree_entries(unit_id):
            sop = self.sops.get(entry.sop_id or "")
            if sop is not None and sop.unit == unit_id:
                ordered.setdefault(sop.id, sop)
        rest = sorted(
            (s for s in self.sops.values() if s.unit == unit_id and s.id not in ordered),
            key=lambda s: (s.nama.lower(), s.id),
        )
        return [*ordered.values(), *rest]

    def units_with_content(self) -> list[Unit]:
        """Units that own SOPs or decrees, or have such units below them."""
        owners = {s.unit for s in self.sops.values()} | {k.unit for k in self.keputusan}
        keep: set[str] = set()
        for owner in owners:
            keep.update(u.id for u in self.unit_chain(owner))
        return [u for u in self.units.values() if u.id in keep]


# ------------------------------------------------------------------ building

DEFAULT_SITE_NAME = "SOP AP"


def default_situs(site_name: str | None = None) -> Situs:
    """The identity of a site without `situs.yml` (older projects, test data): the name
    from mkdocs.yml's site_name, nothing else."""
    name = (site_name or "").strip() or DEFAULT_SITE_NAME
    return Situs.model_validate({"nama_situs": name, "instansi": name})


def normalise_title(text: str) -> str:
    """Lowercase, no accents or punctuation, no leading 'SOP'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^sop\s+", "", text)


def build_catalog(result: LoadResult, drafts: bool = True,
                  site_name: str | None = None) -> tuple[Catalog, list[Problem]]:
    """The catalog of a loaded folder; without `drafts`, draft SOPs are left out (an SOP
    whose new revision is a draft then shows its latest published revision). `site_name`
    (mkdocs.yml's) names a site that has no `situs.yml`."""
    draft_ids = {s.model.id for s in result.sops if s.model.status == "draf"}
    if not drafts:
        result = _published(result)
    catalog = Catalog(digests=dict(result.digests))
    problems: list[Problem] = []
    _add_units(catalog, result, problems)
    _add_situs(catalog, result, problems, site_name)
    _add_sops(catalog, result, problems)
    _add_decrees(catalog, result, problems)
    _resolve_keterkaitan(catalog, result, problems)
    _add_revisions(catalog, result, problems)
    sources = {s.model.id: s for s in result.sops if catalog.sops.get(s.model.id) is s.model}
    # Drafts, shown or not (a draft whose published revision is shown is not one here).
    still_draft = {i for i in draft_ids if i not in catalog.sops
                   or catalog.sops[i].status == "draf"}
    catalog.status, catalog.decree_revoked_by, more = status.resolve(
        catalog.sops, sources, result.keputusan, still_draft)
    problems += more
    return catalog, problems


def _published(result: LoadResult) -> LoadResult:
    """`result` without draft SOPs: a draft's latest earlier revision becomes current;
    other files may still name a draft (it is treated as not on the site)."""
    drafts = {s.model.id for s in result.sops if s.model.status == "draf"}
    if not drafts:
        return result
    latest: dict[str, Loaded[Sop]] = {}
    for item in result.revisions:
        if item.model.id in drafts and item.model.status != "draf":
            best = latest.get(item.model.id)
            if best is None or revisi.nomor_revisi(item.model) > revisi.nomor_revisi(best.model):
                latest[item.model.id] = item
    promoted = set(map(id, latest.values()))
    digests = dict(result.digests)
    for sop_id, item in latest.items():
        digests[sop_id] = digests.get(item.path, "")
    return dataclasses.replace(
        result,
        sops=[s for s in result.sops if s.model.status != "draf"] + list(latest.values()),
        revisions=[r for r in result.revisions if id(r) not in promoted],
        invalid_ids=result.invalid_ids | (drafts - latest.keys()),
        digests=digests,
    )


def _add_revisions(catalog: Catalog, result: LoadResult, problems: list[Problem]) -> None:
    catalog.revisions, more = revisi.earlier(
        result.revisions, catalog.sops, catalog.source_paths, result.invalid_ids)
    problems += more


def _add_units(catalog: Catalog, result: LoadResult, problems: list[Problem]) -> None:
    where: dict[str, str] = {}
    for item in result.units:
        for i, unit in enumerate(item.model.unit):
            if unit.id in catalog.units:
                problems.append(item.at(("unit", i, "id"), "", f"id unit '{unit.id}' sudah "
                                        f"dipakai di {where[unit.id]}: beri id lain"))
                continue
            catalog.units[unit.id] = unit
            where[unit.id] = item.path
    for item in result.units:
        for i, unit in enumerate(item.model.unit):
            if catalog.units.get(unit.id) is not unit:
                continue
            if unit.induk is not None and unit.induk not in catalog.units:
                problems.append(item.at(("unit", i, "induk"), "", _unknown_unit(unit.induk,
                                                                               catalog)))
            elif cycle := _cycle_through(catalog, unit.id):
                problems.append(item.at(("unit", i, "induk"), "", "induk berputar: "
                                        + " → ".join([*cycle, cycle[0]])
                                        + "; betulkan induk salah satunya (unit teratas "
                                        "tidak ditulis induknya)"))


def _add_situs(catalog: Catalog, result: LoadResult, problems: list[Problem],
               site_name: str | None) -> None:
    """The site's identity, and the logo files it and the units name (each must be an
    image in the data folder; an image no one names is only noted)."""
    if result.situs:
        catalog.situs = result.situs[0].model
        catalog.situs_path = result.situs[0].path
        for extra in result.situs[1:]:
            problems.append(extra.at((), "", f"identitas situs sudah ditulis di "
                                     f"{result.situs[0].path}: hapus salah satu berkas"))
    else:
        catalog.situs = default_situs(site_name)
    named: list[tuple[Loaded[Any], PathKey, str]] = [
        (item, ("logo",), item.model.logo) for item in result.situs[:1] if item.model.logo]
    named += [(item, ("unit", i, "logo"), unit.logo) for item in result.units
              for i, unit in enumerate(item.model.unit) if unit.logo]
    for item, loc, logo in named:
        if logo in result.images:
            catalog.logos[logo] = result.images[logo]
            continue
        problems.append(item.at(loc, "", f"berkas logo '{logo}' tidak ada di folder data: "
                                "simpan gambar logo di folder data dengan nama itu (jalur "
                                "relatif terhadap folder data), atau perbaiki namanya"))
    for rel, shown in result.images.items():
        if rel not in catalog.logos:
            problems.append(Problem(shown, Position(1, 1), "", "gambar ini tidak dipakai "
                                    "sebagai logo (situs.yml atau unit.yml): tidak disalin ke "
                                    "situs", "note"))


def _cycle_through(catalog: Catalog, unit_id: str) -> list[str]:
    """The units of the induk loop that `unit_id` is part of (empty when it is on none)."""
    path: list[str] = []
    current: str | None = unit_id
    while current is not None and current in catalog.units and current not in path:
        path.append(current)
        current = catalog.units[current].induk
    if current != unit_id:
        return []
    return path


def _unknown_unit(unit_id: str, catalog: Catalog) -> str:
    if not catalog.units:
        return f"unit '{unit_id}' tidak ada (belum ada unit satu pun: buat sop_data/unit.yml)"
    return f"unit '{unit_id}' tidak ada (unit yang ada: {', '.join(catalog.units)})"


def _add_sops(catalog: Catalog, result: LoadResult, problems: list[Problem]) -> None:
    for item in result.sops:
        sop = item.model
        if sop.id in catalog.sops:
            problems.append(
                item.at(("id",), "id", f"id SOP '{sop.id}' sudah dipakai oleh "
                        f"{catalog.source_paths[sop.id]}: beri id lain")
            )
            continue
        if sop.unit not in catalog.units and "unit" not in result.failed_kinds:
            problems.append(item.at(("unit",), "unit", _unknown_unit(sop.unit, catalog)))
        catalog.sops[sop.id] = sop
        catalog.source_paths[sop.id] = item.path


def _add_decrees(catalog: Catalog, result: LoadResult, problems: list[Problem]) -> None:
    ids: dict[str, str] = {}
    for item in result.keputusan:
        kep = item.model
        if kep.id in ids:
            problems.append(item.at(("id",), "id", f"id keputusan '{kep.id}' sudah dipakai "
                                    f"oleh {ids[kep.id]}: beri id lain"))
            continue
        ids[kep.id] = item.path
        if kep.unit not in catalog.units and "unit" not in result.failed_kinds:
            problems.append(item.at(("unit",), "unit", _unknown_unit(kep.unit, catalog)))
        for i, entry in enumerate(kep.daftar_sop):
            known = catalog.sops.keys() | result.invalid_ids
            if entry.sop is not None and entry.sop not in known:
                problems.append(
                    item.at(("daftar_sop", i, "sop"), "", f"id SOP '{entry.sop}' tidak ada "
                            "(hapus `sop:` selama naskah lengkap SOP itu belum tersedia)")
                )
        catalog.keputusan.append(kep)
    _check_decree_anchors(catalog, result, problems)


def _check_decree_anchors(catalog: Catalog, result: LoadResult, problems: list[Problem]) -> None:
    """`#daftar-<id>` (a decree's list) must not equal `#daftar-<other id>-<n>` (entry n of
    another decree of the same unit page): both are anchors that memos cite."""
    by_unit: dict[str, list[Keputusan]] = {}
    for kep in catalog.keputusan:
        by_unit.setdefault(kep.unit, []).append(kep)
    kept = {id(k) for k in catalog.keputusan}
    for item in result.keputusan:
        kep = item.model
        if id(kep) not in kept:
            continue
        for other in by_unit.get(kep.unit, []):
            prefix = f"{other.id}-"
            rest = kep.id[len(prefix):]
            if kep.id.startswith(prefix) and rest.isdigit() and 1 <= int(rest) <= len(
                    other.daftar_sop):
                problems.append(item.at(("id",), "id", (
                    f"id keputusan '{kep.id}' memberi daftarnya jangkar #daftar-{kep.id}, yang "
                    f"juga jangkar butir {int(rest)} keputusan '{other.id}' di halaman unit "
                    "yang sama: pilih id yang tidak berakhir dengan -<angka>")))


Target = tuple[str, DecreeEntry | None]
"""Where a keterkaitan can point: an SOP id, or ("", a decree entry without full text)."""


@dataclass
class _Titles:
    """Every SOP page and decree entry by normalised title, to resolve keterkaitan."""

    catalog: Catalog
    by_title: dict[str, list[Target]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for sop in sorted(self.catalog.sops.values(), key=lambda s: s.id):
            self._add(sop.nama, (sop.id, None))
        for entry in self.catalog.decree_entries():
            if entry.sop_id in self.catalog.sops:
                self._add(entry.entry.nama, (entry.sop_id or "", None))
            elif entry.sop_id is None:
                self._add(entry.entry.nama, ("", entry))

    def _add(self, title: str, target: Target) -> None:
        found = self.by_title.setdefault(normalise_title(title), [])
        if target not in found:
            found.append(target)

    def unit_of(self, target: Target) -> str:
        sop_id, entry = target
        return entry.keputusan.unit if entry is not None else self.catalog.sops[sop_id].unit

    def closest(self, title: str, unit: str) -> list[Target]:
        """The SOPs with this title nearest to `unit`: the same unit, else the same
        instansi, else any; more than one means the title is ambiguous."""
        found = self.by_title.get(normalise_title(title), [])
        if len(found) <= 1:
            return found
        root = self._instansi(unit)

        def rank(target: Target) -> int:
            owner = self.unit_of(target)
            return 0 if owner == unit else 1 if self._instansi(owner) == root else 2

        best = min(rank(t) for t in found)
        return [t for t in found if rank(t) == best]

    def _instansi(self, unit: str) -> str:
        chain = self.catalog.unit_chain(unit)
        return chain[0].id if chain else unit

    def describe(self, target: Target) -> str:
        sop_id, entry = target
        if entry is not None:
            return (f"butir {entry.position} keputusan '{entry.keputusan.id}' (unit "
                    f"{entry.keputusan.unit}, tanpa naskah lengkap)")
        unit, path = self.catalog.sops[sop_id].unit, self.catalog.source_paths[sop_id]
        return f"'{sop_id}' (unit {unit}, {path})"


def _resolve_keterkaitan(catalog: Catalog, result: LoadResult, problems: list[Problem]) -> None:
    titles = _Titles(catalog)
    for item in result.sops:
        sop = item.model
        if catalog.sops.get(sop.id) is not sop:
            continue
        resolved: list[Rujukan] = []
        raw = as_list(sop.keterkaitan)

        def report(at: PathKey, message: str, severity: Severity,
                   item: Loaded[Sop] = item) -> None:
            problems.append(item.at(at, "", message, severity))

        for i, ref in enumerate(raw):
            loc: PathKey = ("keterkaitan", i) if isinstance(sop.keterkaitan, list) else (
                "keterkaitan",)
            rujukan = _resolve(ref, sop.unit, titles, result.invalid_ids,
                               "keputusan" in result.failed_kinds, report, loc)
            if rujukan is None:
                continue  # "-": no keterkaitan
            resolved.append(rujukan)
            if rujukan.sop_id is not None and rujukan.sop_id != sop.id:
                backlinks = catalog.dirujuk_oleh.setdefault(rujukan.sop_id, [])
                if sop.id not in backlinks:
                    backlinks.append(sop.id)
        catalog.keterkaitan[sop.id] = resolved


Report = Callable[[PathKey, str, Severity], None]


def _resolve(
    ref: str | RujukanSop | RujukanDokumen,
    unit: str,
    titles: _Titles,
    invalid_ids: set[str],
    decrees_failed: bool,
    report: Report,
    loc: PathKey,
) -> Rujukan | None:
    """One keterkaitan entry of an SOP of `unit`, resolved; problems go to `report`
    (not about SOP ids in `invalid_ids`, whose files have errors, nor about titles when
    a decree file has errors: the broken file may be what the entry names)."""
    catalog = titles.catalog
    wanted_id: str | None
    if isinstance(ref, str):
        if ref.strip() in KOSONG:
            return None
        text, wanted_id, wanted_title, judul = ref, ref.strip(), ref, None
    elif isinstance(ref, RujukanDokumen):
        return Rujukan(ref.dokumen, dokumen=True, keterangan=ref.keterangan)
    else:
        if ref.eksternal:
            return Rujukan(ref.teks, eksternal=True, judul=ref.judul)
        text, wanted_id, judul = ref.teks, ref.sop, ref.judul
        wanted_title = judul or text
        if wanted_id is not None and wanted_id not in catalog.sops:
            if wanted_id not in invalid_ids:  # else its file has errors: not blamed
                report((*loc, "sop"), _no_such_sop(wanted_id, catalog), "error")
            return Rujukan(text, judul=judul)
    if wanted_id and wanted_id in catalog.sops:
        return Rujukan(text, sop_id=wanted_id, judul=judul)
    found = titles.closest(wanted_title, unit)
    if len(found) == 1:
        sop_id, entry = found[0]
        return Rujukan(text, sop_id=sop_id or None, entry=entry, judul=judul)
    # A broken file elsewhere may be what this entry names: do not blame it.
    invalid = wanted_id in invalid_ids or decrees_failed
    if len(found) > 1:
        report(loc, f"keterkaitan '{_short(text)}' sama cocoknya dengan {len(found)} SOP: "
               + "; ".join(titles.describe(t) for t in found)
               + ". Keterkaitan ini ditampilkan sebagai teks; untuk menautkan salah satunya, "
               "tulis {teks: ..., sop: <id>}", "warning")
    elif not invalid:
        report(loc, f"keterkaitan '{_short(text)}' tidak cocok dengan id atau judul SOP mana "
               "pun; ditampilkan sebagai teks. Bila yang dirujuk dokumen yang bukan SOP (mis. "
               "Renstra), tulis {dokumen: ...}; bila SOP unit/instansi lain yang tidak dimuat "
               "di situs ini, tulis {teks: ..., eksternal: true}; bila SOP di data ini, betulkan "
               "judulnya atau tulis {teks: ..., sop: <id>}", "warning")
    return Rujukan(text, judul=judul)


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _no_such_sop(sop_id: str, catalog: Catalog) -> str:
    message = f"sop '{sop_id}' tidak menunjuk SOP mana pun"
    guess = difflib.get_close_matches(sop_id, sorted(catalog.sops), n=1, cutoff=0.6)
    if guess:
        message += f" (maksudnya '{guess[0]}'?)"
    return message + "; tulis id SOP yang ada di folder data ini, atau hapus `sop:`"


def load_catalog(
    data_dir: Path, cache: FileCache | None = None, drafts: bool = True,
    site_name: str | None = None,
) -> tuple[Catalog, list[Problem], int]:
    """Load, validate and link a data folder (drafts only if `drafts`). Raises DataError
    on any error, also in a draft left out."""
    result = load_dir(data_dir, cache)
    catalog, problems = build_catalog(result, drafts, site_name)
    everything = sorted(result.problems + problems, key=lambda p: p.sort_key)
    if any(p.severity == "error" for p in everything):
        raise DataError(everything)
    return catalog, everything, result.files


__all__ = ["Catalog", "DecreeEntry", "Loaded", "Rujukan", "build_catalog", "load_catalog"]

"""The whole set of SOPs: ids, units, decrees, keterkaitan both ways.

Built from a `LoadResult`; checks everything that spans files (duplicate
ids, unknown units, decree entries, earlier revisions, revocations) and resolves
keterkaitan by id or title. Drafts are left out unless asked for (a preview).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from . import revisi, status
from .loader import FileCache, Loaded, LoadResult, load_dir
from .model import EntriDaftarSop, Keputusan, RujukanSop, Sop, Unit, as_list
from .problems import DataError, Problem
from .revisi import Revisi
from .status import StatusSop


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

    def keterkaitan_of(self, sop: Sop) -> list[Rujukan]:
        """The keterkaitan of an SOP or of one of its earlier revisions, resolved."""
        if self.sops.get(sop.id) is sop:
            return self.keterkaitan.get(sop.id, [])
        by_title = {normalise_title(s.nama): s.id for s in self.sops.values()}
        entries = {normalise_title(e.entry.nama): e for e in self.decree_entries()}
        found = (_resolve(ref, self, by_title, entries) for ref in as_list(sop.keterkaitan))
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


def normalise_title(text: str) -> str:
    """Lowercase, no accents or punctuation, no leading 'SOP'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^sop\s+", "", text)


def build_catalog(result: LoadResult, drafts: bool = True) -> tuple[Catalog, list[Problem]]:
    """The catalog of a loaded folder; without `drafts`, draft SOPs are left out (an SOP
    whose new revision is a draft then shows its latest published revision)."""
    draft_ids = {s.model.id for s in result.sops if s.model.status == "draf"}
    if not drafts:
        result = _published(result)
    catalog = Catalog(digests=dict(result.digests))
    problems: list[Problem] = []
    _add_units(catalog, result, problems)
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
                problems.append(item.at(("unit", i, "id"), "", f"unit id '{unit.id}' is "
                                        f"already used in {where[unit.id]}"))
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
                problems.append(item.at(("unit", i, "induk"), "", "a loop in induk: "
                                        + " → ".join([*cycle, cycle[0]])))


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
    known = ", ".join(catalog.units) or "none: add sop_data/unit.yml"
    return f"unit '{unit_id}' does not exist (units: {known})"


def _add_sops(catalog: Catalog, result: LoadResult, problems: list[Problem]) -> None:
    for item in result.sops:
        sop = item.model
        if sop.id in catalog.sops:
            problems.append(
                item.at(("id",), "id", f"SOP id '{sop.id}' is already used by "
                        f"{catalog.source_paths[sop.id]}")
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
            problems.append(item.at(("id",), "id", f"decree id '{kep.id}' is already used by "
                                    f"{ids[kep.id]}"))
            continue
        ids[kep.id] = item.path
        if kep.unit not in catalog.units and "unit" not in result.failed_kinds:
            problems.append(item.at(("unit",), "unit", _unknown_unit(kep.unit, catalog)))
        for i, entry in enumerate(kep.daftar_sop):
            known = catalog.sops.keys() | result.invalid_ids
            if entry.sop is not None and entry.sop not in known:
                problems.append(
                    item.at(("daftar_sop", i, "sop"), "", f"SOP id '{entry.sop}' does not "
                            "exist (remove `sop:` while the full text is not available)")
                )
        catalog.keputusan.append(kep)


def _resolve_keterkaitan(catalog: Catalog, result: LoadResult, problems: list[Problem]) -> None:
    by_title: dict[str, str] = {normalise_title(s.nama): s.id for s in catalog.sops.values()}
    entries = {normalise_title(e.entry.nama): e for e in catalog.decree_entries()}
    for item in result.sops:
        sop = item.model
        if catalog.sops.get(sop.id) is not sop:
            continue
        resolved: list[Rujukan] = []
        raw = as_list(sop.keterkaitan)
        for i, ref in enumerate(raw):
            rujukan = _resolve(ref, catalog, by_title, entries)
            if rujukan is None:
                continue  # "-": no keterkaitan
            # A broken file elsewhere may be what this entry names: do not blame it.
            invalid = _mentions(ref, result.invalid_ids) or "keputusan" in result.failed_kinds
            if not rujukan.resolved and not rujukan.eksternal and not invalid:
                loc = ("keterkaitan", i) if isinstance(sop.keterkaitan, list) else ("keterkaitan",)
                problems.append(item.at(loc, "", f"keterkaitan '{rujukan.teks}' matches no SOP "
                                        "id or title; it is shown as text", "warning"))
            resolved.append(rujukan)
            if rujukan.sop_id is not None and rujukan.sop_id != sop.id:
                backlinks = catalog.dirujuk_oleh.setdefault(rujukan.sop_id, [])
                if sop.id not in backlinks:
                    backlinks.append(sop.id)
        catalog.keterkaitan[sop.id] = resolved


def _mentions(ref: str | RujukanSop, ids: set[str]) -> bool:
    """True when a keterkaitan names, by id, an SOP whose file has errors."""
    wanted = ref.strip() if isinstance(ref, str) else ref.sop
    return wanted in ids


def _resolve(
    ref: str | RujukanSop,
    catalog: Catalog,
    by_title: dict[str, str],
    entries: dict[str, DecreeEntry],
) -> Rujukan | None:
    wanted_id: str | None
    if isinstance(ref, str):
        if ref.strip() in {"-", "–", "—"}:
            return None
        text, wanted_id, wanted_title, judul = ref, ref.strip(), ref, None
    else:
        if ref.eksternal:
            return Rujukan(ref.teks, eksternal=True, judul=ref.judul)
        text, wanted_id, judul = ref.teks, ref.sop, ref.judul
        wanted_title = judul or text
    if wanted_id and wanted_id in catalog.sops:
        return Rujukan(text, sop_id=wanted_id, judul=judul)
    key = normalise_title(wanted_title)
    if key in by_title:
        return Rujukan(text, sop_id=by_title[key], judul=judul)
    if key in entries:
        entry = entries[key]
        return Rujukan(text, sop_id=entry.sop_id, entry=None if entry.sop_id else entry,
                       judul=judul)
    return Rujukan(text, judul=judul)


def load_catalog(
    data_dir: Path, cache: FileCache | None = None, drafts: bool = True
) -> tuple[Catalog, list[Problem], int]:
    """Load, validate and link a data folder (drafts only if `drafts`). Raises DataError
    on any error, also in a draft left out."""
    result = load_dir(data_dir, cache)
    catalog, problems = build_catalog(result, drafts)
    everything = sorted(result.problems + problems, key=lambda p: p.sort_key)
    if any(p.severity == "error" for p in everything):
        raise DataError(everything)
    return catalog, everything, result.files


__all__ = ["Catalog", "DecreeEntry", "Loaded", "Rujukan", "build_catalog", "load_catalog"]

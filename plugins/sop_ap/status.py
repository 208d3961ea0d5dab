"""The status of each SOP: draf, berlaku or dicabut, and what replaces a revoked one.

An SOP is revoked by its own file (`status: dicabut` with `dicabut: {tanggal,
diganti_oleh}`), or by a decree that revokes the decree which enacted it
(`mencabut: <decree id>`), unless the revoking decree enacts it again. A decree
that revokes an SOP by replacing its decree names the replacement by listing an SOP
of the same title.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .loader import Loaded
from .model import Keputusan, Sop, Status, as_list
from .problems import Problem
from .yamlsource import PathKey


@dataclass(frozen=True)
class StatusSop:
    """An SOP's status as the site shows it."""

    status: Status
    tanggal: str | None = None  # since when it is revoked, as written
    diganti_oleh: str | None = None  # id of the SOP that replaces it
    dasar: str | None = None  # what revoked it, in words
    keputusan: Keputusan | None = None  # the decree that revoked it, if one did

    @property
    def dicabut(self) -> bool:
        return self.status == "dicabut"

    @property
    def draf(self) -> bool:
        return self.status == "draf"


BERLAKU = StatusSop("berlaku")


def _title(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"^sop\s+", "", re.sub(r"[^a-z0-9]+", " ", text).strip())


def mencabut(kep: Keputusan) -> list[str]:
    """The decrees a decree revokes."""
    return [] if kep.mencabut is None else [str(x) for x in as_list(kep.mencabut)]


def resolve(
    sops: dict[str, Sop],
    source: dict[str, Loaded[Sop]],
    decrees: list[Loaded[Keputusan]],
    drafts: set[str],
) -> tuple[dict[str, StatusSop], dict[str, Keputusan], list[Problem]]:
    """Each SOP's status, each revoked decree with the decree that revoked it, and the
    problems: unknown or draft replacements, unknown revoked decrees."""
    problems: list[Problem] = []
    found: dict[str, StatusSop] = {}
    for sop_id, sop in sops.items():
        if sop.dicabut is not None and sop.status == "dicabut":
            replacement = sop.dicabut.diganti_oleh
            item = source[sop_id]
            loc = ("dicabut", "diganti_oleh")
            if replacement is not None and replacement in drafts:
                problems.append(item.at(loc, "", f"SOP '{replacement}' masih draf: SOP hanya "
                                        "dapat digantikan oleh SOP yang berlaku"))
            elif replacement is not None and replacement not in sops:
                problems.append(item.at(loc, "", f"id SOP '{replacement}' tidak ada (tulis id "
                                        "SOP yang menggantikan SOP ini)"))
            found[sop_id] = StatusSop("dicabut", sop.dicabut.tanggal, replacement,
                                      sop.dicabut.dasar)
        else:
            found[sop_id] = StatusSop(sop.status) if sop.status != "berlaku" else BERLAKU
    by_id = {d.model.id: d.model for d in decrees}
    revoked: dict[str, Keputusan] = {}
    for decree in decrees:
        kep = decree.model
        for i, old_id in enumerate(mencabut(kep)):
            where: PathKey = ("mencabut", i) if isinstance(kep.mencabut, list) else ("mencabut",)
            if old_id == kep.id:
                problems.append(decree.at(where, "", "keputusan tidak dapat mencabut dirinya "
                                          "sendiri: tulis id keputusan yang dicabut"))
                continue
            old = by_id.get(old_id)
            if old is None:
                problems.append(decree.at(where, "", f"id keputusan '{old_id}' tidak ada "
                                          f"(keputusan yang ada: "
                                          f"{', '.join(sorted(by_id)) or 'belum ada'})"))
                continue
            revoked[old_id] = kep
            _revoke_enacted(old, kep, sops, found)
    return found, revoked, problems


def _revoke_enacted(old: Keputusan, new: Keputusan, sops: dict[str, Sop],
                    found: dict[str, StatusSop]) -> None:
    """Mark the SOPs `old` enacted and `new` does not enact again."""
    again = {e.sop for e in new.daftar_sop if e.sop}
    by_title = {_title(e.nama): e.sop for e in new.daftar_sop if e.sop}
    for entry in old.daftar_sop:
        sop = sops.get(entry.sop or "")
        if sop is None or sop.id in again or found[sop.id].status != "berlaku":
            continue
        replacement = by_title.get(_title(sop.nama)) or by_title.get(_title(entry.nama))
        found[sop.id] = StatusSop(
            "dicabut", new.tanggal_penetapan, replacement if replacement in sops else None,
            f"{new.judul} Nomor {new.nomor}", new,
        )

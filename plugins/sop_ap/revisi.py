"""Revisions of an SOP: which revision a file is, and the rules between them.

The current revision of SOP `<id>` is its file `<id>.yml`; each earlier published
revision is kept, as it was published, in `<id>.revisi/NN.yml` beside it (NN: its
revision number, as `tanggal_revisi` writes it: `01/13-03-2018` is revision 01; an
SOP never revised, `tanggal_revisi: "-"`, is revision 00). The site needs no version
control history: a plain copy of the data folder holds every revision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from .loader import REVISION_DIR_SUFFIX, Loaded
from .model import Sop
from .problems import Problem
from .tanggal import parse_tanggal


@dataclass(frozen=True)
class Revisi:
    """One revision of an SOP, earlier or current."""

    nomor: int
    sop: Sop
    path: str  # the file it comes from, as shown to the author

    @property
    def label(self) -> str:
        return label(self.nomor)


def label(nomor: int) -> str:
    """How a revision number is written and addressed: `01`."""
    return f"{nomor:02d}"


def nomor_revisi(sop: Sop) -> int:
    """The revision number of an SOP file: from `tanggal_revisi` (`01/…`), else 00."""
    found = parse_tanggal(sop.tanggal_revisi).revisi
    return int(found) if found is not None else 0


_FILE_NUMBER = re.compile(r"^\d{1,3}$")


def earlier(
    loaded: list[Loaded[Sop]], current: dict[str, Sop], current_paths: dict[str, str],
    not_here: set[str],
) -> tuple[dict[str, list[Revisi]], list[Problem]]:
    """The earlier revisions of each current SOP, oldest first, with the problems of
    their files. `not_here`: SOP ids whose current file is broken (do not blame them)."""
    found: dict[str, dict[int, Revisi]] = {}
    problems: list[Problem] = []
    for item in loaded:
        path = PurePosixPath(item.path.replace("\\", "/"))
        owner = path.parent.name.removesuffix(REVISION_DIR_SUFFIX)
        sop = item.model
        if not _FILE_NUMBER.match(path.stem):
            problems.append(item.at((), "", f"berkas revisi terdahulu dinamai dengan nomor "
                                    f"revisinya, mis. {owner}.revisi/01.yml: ganti nama "
                                    "berkas ini"))
            continue
        number = int(path.stem)
        if sop.id != owner:
            problems.append(item.at(("id",), "id", f"berkas ini revisi terdahulu dari "
                                    f"'{owner}' (folder {path.parent.name}): tulis id: {owner}"))
            continue
        if owner not in current:
            if owner not in not_here:
                problems.append(item.at(("id",), "id", f"tidak ada SOP '{owner}' yang "
                                        f"berlaku sekarang: folder {path.parent.name} "
                                        f"diletakkan di samping berkas SOP {owner}.yml, yang "
                                        "harus ada"))
            continue
        written = nomor_revisi(sop)
        if written != number:
            problems.append(item.at(("tanggal_revisi",), "", f"nama berkas menyebut revisi "
                                    f"{label(number)}, tetapi tanggal_revisi menyebut revisi "
                                    f"{label(written)}: ganti nama berkas menjadi "
                                    f"{label(written)}.yml"))
            continue
        now = nomor_revisi(current[owner])
        if number >= now:
            problems.append(item.at(("tanggal_revisi",), "", f"revisi {label(number)} tidak "
                                    f"lebih awal daripada revisi yang berlaku, {label(now)} "
                                    f"({current_paths[owner]}): naikkan nomor revisi pada "
                                    "tanggal_revisi berkas yang berlaku"))
            continue
        if sop.status == "draf":
            problems.append(item.at(("status",), "", "revisi terdahulu sudah pernah "
                                    "diterbitkan: hapus `status: draf` dari salinannya"))
            continue
        same = found.setdefault(owner, {})
        if number in same:
            problems.append(item.at((), "", f"revisi {label(number)} dari '{owner}' juga "
                                    f"ada di {same[number].path}: hapus salah satunya"))
            continue
        same[number] = Revisi(number, sop, item.path)
    ordered = {k: [v[n] for n in sorted(v)] for k, v in found.items()}
    return ordered, problems

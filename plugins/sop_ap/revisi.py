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
            problems.append(item.at((), "", f"an earlier revision's file is named by its "
                                    f"revision number, e.g. {owner}.revisi/01.yml"))
            continue
        number = int(path.stem)
        if sop.id != owner:
            problems.append(item.at(("id",), "id", f"this is an earlier revision of "
                                    f"'{owner}' (folder {path.parent.name}): write id: {owner}"))
            continue
        if owner not in current:
            if owner not in not_here:
                problems.append(item.at(("id",), "id", f"no current SOP '{owner}': the "
                                        f"folder {path.parent.name} sits beside the SOP's "
                                        f"file {owner}.yml, which must exist"))
            continue
        written = nomor_revisi(sop)
        if written != number:
            problems.append(item.at(("tanggal_revisi",), "", f"the file is named revision "
                                    f"{label(number)} but tanggal_revisi says revision "
                                    f"{label(written)}: rename the file {label(written)}.yml"))
            continue
        now = nomor_revisi(current[owner])
        if number >= now:
            problems.append(item.at(("tanggal_revisi",), "", f"revision {label(number)} is "
                                    f"not earlier than the current revision {label(now)} "
                                    f"({current_paths[owner]}): raise the number in the "
                                    "current file's tanggal_revisi"))
            continue
        if sop.status == "draf":
            problems.append(item.at(("status",), "", "an earlier revision was published: "
                                    "remove `status: draf` from its copy"))
            continue
        same = found.setdefault(owner, {})
        if number in same:
            problems.append(item.at((), "", f"revision {label(number)} of '{owner}' is also "
                                    f"in {same[number].path}"))
            continue
        same[number] = Revisi(number, sop, item.path)
    ordered = {k: [v[n] for n in sorted(v)] for k, v in found.items()}
    return ordered, problems

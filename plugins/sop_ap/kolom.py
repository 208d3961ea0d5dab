"""The headings of a procedure table as printed, and the paper's column numbers.

`kolom` (SOP level) gives headings for every procedure; a procedure's own `kolom`
(and the older `label_kelengkapan`) overrides them heading by heading.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Kolom, Prosedur, Sop

BAWAAN = {
    "kegiatan": "Kegiatan",
    "pelaksana": "Pelaksana",
    "mutu_baku": "Mutu Baku",
    "kelengkapan": "Kelengkapan",
    "waktu": "Waktu",
    "output": "Output",
    "keterangan": "Keterangan",
}


@dataclass(frozen=True)
class JudulKolom:
    """The printed headings of one procedure's table, and its column numbers when the
    paper prints them (`nomor`: No, Kegiatan, Pelaksana, Kelengkapan, Waktu, Output,
    Keterangan, as printed under the headings; the Pelaksana column shows the range of
    its lane columns)."""

    kegiatan: str
    pelaksana: str
    mutu_baku: str
    kelengkapan: str
    waktu: str
    output: str
    keterangan: str
    nomor: tuple[str, ...] = ()


def _range(first: int, last: int) -> str:
    return f"({first})" if first == last else f"({first})–({last})"


def judul(shared: Kolom | None, own: Kolom | None = None,
          label_kelengkapan: str | None = None, lanes: int = 1) -> JudulKolom:
    """Headings from the SOP's `kolom` (`shared`), overridden by a procedure's `kolom`
    and `label_kelengkapan`, heading by heading; column numbers for `lanes` lanes."""
    values: dict[str, str] = {}
    for name, default in BAWAAN.items():
        value = getattr(own, name) if own is not None else None
        if value is None and name == "kelengkapan":
            value = label_kelengkapan
        if value is None and shared is not None:
            value = getattr(shared, name)
        values[name] = value or default
    nomor = own.nomor if own is not None and own.nomor is not None else None
    if nomor is None and shared is not None:
        nomor = shared.nomor
    numbers: tuple[str, ...] = ()
    if nomor:
        after = 3 + lanes  # No (1), Kegiatan (2), the lanes (3)…(2+lanes)
        numbers = ("(1)", "(2)", _range(3, 2 + lanes),
                   *(f"({after + i})" for i in range(4)))
    return JudulKolom(nomor=numbers, **values)


def judul_kolom(sop: Sop, proc: Prosedur) -> JudulKolom:
    """The headings (and column numbers) printed over a procedure's table."""
    return judul(sop.kolom, proc.kolom, proc.label_kelengkapan, len(proc.pelaksana))

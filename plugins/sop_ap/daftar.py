"""Printed lists: a `DaftarTercetak` value as the paper prints it, markers ready to print.

The one owner of how the four forms of a list (and of a mutu baku cell) turn into
items with their markers: pages, templates, `katalog.json`, revision diffs, the
dasar hukum index and search all read lists through `daftar()`.

1. a text: one paragraph, no marker (`|` keeps line breaks);
2. a list of texts: numbered 1., 2., 3. (as the site always printed lists);
3. a list whose items may be {tanda, teks}: such an item prints its own marker,
   plain texts keep their position number;
4. {tanda, butir}: `angka` (1., 2., …), `huruf` (a., b., …), `tanpa` (no marker,
   one line each), or any other marker printed before every item.

A single `-` (or dash) is "nothing".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .model import TANDA_KHUSUS, ButirTercetak, DaftarBertanda

KOSONG = frozenset({"-", "–", "—"})
"""A value that means "nothing written here"."""

Bentuk = Literal["kosong", "teks", "bernomor", "bertanda"]
"""`kosong`: `-`; `teks`: form 1; `bernomor`: plain 1., 2., … (form 2, or `angka`);
`bertanda`: markers as written (forms 3 and 4 otherwise)."""

Nilai = str | list[str | ButirTercetak] | DaftarBertanda
"""What the model holds for a printed list or cell."""


@dataclass(frozen=True)
class Butir:
    """One item as printed: its marker (`""` for none) and its text as written."""

    tanda: str
    teks: str
    gaya: str
    """How the marker was given, for comparing revisions: the literal marker when the
    author wrote it, else `angka`, `huruf` or `tanpa` (a number that follows from the
    position is not a change when an item is inserted before it)."""

    @property
    def baris(self) -> str:
        """The item as one line of text, marker first (search, diffs, plain text)."""
        text = " ".join(self.teks.split())
        return f"{self.tanda} {text}" if self.tanda else text


@dataclass(frozen=True)
class Daftar:
    bentuk: Bentuk
    butir: tuple[Butir, ...]

    @property
    def kosong(self) -> bool:
        return self.bentuk == "kosong"

    @property
    def teks(self) -> list[str]:
        """The texts of the items, without markers (nothing for `-`)."""
        return [] if self.kosong else [b.teks for b in self.butir]

    @property
    def baris(self) -> list[str]:
        """Every item as printed on one line, marker first (nothing for `-`)."""
        return [] if self.kosong else [b.baris for b in self.butir]


def huruf(position: int) -> str:
    """`a`, `b`, …, `z`, `aa`, `ab`, … for positions 1, 2, …"""
    out = ""
    while position > 0:
        position, rest = divmod(position - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def _auto(gaya: str, position: int) -> str:
    if gaya == "angka":
        return f"{position}."
    if gaya == "huruf":
        return f"{huruf(position)}."
    return ""


def daftar(value: Nilai | None) -> Daftar:
    """A printed list or cell, item by item with its marker (None: an empty cell)."""
    if value is None:
        return Daftar("teks", ())
    if isinstance(value, str):
        if value.strip() in KOSONG:
            return Daftar("kosong", (Butir("", value, "tanpa"),))
        return Daftar("teks", (Butir("", value, "tanpa"),))
    if isinstance(value, DaftarBertanda):
        gaya = value.tanda
        auto = gaya in TANDA_KHUSUS
        items = tuple(Butir(_auto(gaya, i) if auto else gaya, text, gaya)
                      for i, text in enumerate(value.butir, start=1))
        return Daftar("bernomor" if gaya == "angka" else "bertanda", items)
    if len(value) == 1 and isinstance(value[0], str) and value[0].strip() in KOSONG:
        return Daftar("kosong", (Butir("", value[0], "tanpa"),))
    found: list[Butir] = []
    for i, item in enumerate(value, start=1):
        if isinstance(item, str):
            found.append(Butir(f"{i}.", item, "angka"))
        elif item.tanda == "tanpa":
            found.append(Butir("", item.teks, "tanpa"))
        else:
            found.append(Butir(item.tanda, item.teks, item.tanda))
    plain = all(isinstance(item, str) for item in value)
    return Daftar("bernomor" if plain else "bertanda", tuple(found))


def teks_polos(value: Nilai | None) -> str:
    """The list or cell as one line of plain text, items separated by `; ` (markers
    included where the paper prints them): for diffs and plain-text outputs."""
    if value is None:
        return ""
    found = daftar(value)
    if found.bentuk == "teks" or found.kosong:
        return " ".join(found.butir[0].teks.split()) if found.butir else ""
    return "; ".join(found.baris)

"""Dates as Indonesian SOPs write them: `13-03-2018`, `2 Juni 2025`, `JUNI 2020`, `-`.

The text is always kept as written; `parse_tanggal` adds what it can read.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

BULAN = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "nopember": 11, "desember": 12,
    "des": 12,
}  # fmt: skip
NAMA_BULAN = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
    "Oktober", "November", "Desember",
]  # fmt: skip

_NUMERIC = re.compile(r"^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WORDS = re.compile(r"^(?:(\d{1,2})\s+)?([A-Za-z]+)\.?\s+(\d{4})$")
_REVISI = re.compile(r"^\s*(\d{1,3})\s*/\s*(.+)$")


@dataclass(frozen=True)
class Tanggal:
    teks: str
    tanggal: date | None = None  # the day, when the text names one
    tahun: int | None = None
    bulan: int | None = None  # set also for month-only dates such as `JUNI 2020`
    revisi: str | None = None  # `01` in `01/13-03-2018`
    salah: str | None = None  # why a text written as a date names no real day

    @property
    def iso(self) -> str | None:
        if self.tanggal:
            return self.tanggal.isoformat()
        if self.tahun and self.bulan:
            return f"{self.tahun:04d}-{self.bulan:02d}"
        return f"{self.tahun:04d}" if self.tahun else None

    @property
    def panjang(self) -> str | None:
        """The date written out in Indonesian, e.g. `13 Maret 2018`."""
        if self.tanggal:
            t = self.tanggal
            return f"{t.day} {NAMA_BULAN[t.month - 1]} {t.year}"
        if self.tahun and self.bulan:
            return f"{NAMA_BULAN[self.bulan - 1]} {self.tahun}"
        return None


def _make(teks: str, year: int, month: int, day: int | None, revisi: str | None) -> Tanggal:
    if not 1 <= month <= 12:
        return Tanggal(teks, revisi=revisi, salah=f"tidak ada bulan {month}")
    if year < 1:
        return Tanggal(teks, revisi=revisi, salah="tidak ada tahun 0")
    if day is None:
        return Tanggal(teks, None, year, month, revisi)
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return Tanggal(teks, revisi=revisi,
                       salah=f"{NAMA_BULAN[month - 1]} {year} hanya {days} hari")
    return Tanggal(teks, date(year, month, day), year, month, revisi)


def parse_tanggal(teks: str) -> Tanggal:
    text = " ".join(teks.split())
    revisi = None
    match = _REVISI.match(text)
    if match and not _NUMERIC.match(text):
        revisi, text = match.group(1), match.group(2).strip()
    if m := _NUMERIC.match(text):
        return _make(teks, int(m.group(3)), int(m.group(2)), int(m.group(1)), revisi)
    if m := _ISO.match(text):
        return _make(teks, int(m.group(1)), int(m.group(2)), int(m.group(3)), revisi)
    if (m := _WORDS.match(text)) and m.group(2).lower() in BULAN:
        day = int(m.group(1)) if m.group(1) else None
        return _make(teks, int(m.group(3)), BULAN[m.group(2).lower()], day, revisi)
    if re.fullmatch(r"\d{4}", text):
        return Tanggal(teks, tahun=int(text), revisi=revisi)
    return Tanggal(teks, revisi=revisi)

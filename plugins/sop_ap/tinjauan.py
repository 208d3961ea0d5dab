"""The review cycle: the latest monitoring and evaluation of each SOP, and which SOPs
are due for review (their last evaluation, or their effective date when never
evaluated, is older than the site's period on a reference date).

The reference date is the build date unless the site pins it (plugin option
`tanggal_acuan`), so a build can be reproduced and tested.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .model import Evaluasi, Sop
from .tanggal import parse_tanggal


@dataclass(frozen=True)
class Siklus:
    """The site's review settings."""

    acuan: date  # the day "now" means
    masa_bulan: int = 12  # an evaluation older than this many months is due


def terakhir(sop: Sop, jenis: str) -> Evaluasi | None:
    """The latest record of a kind (`evaluasi` or `monitoring`), by date."""
    found = [e for e in sop.evaluasi or [] if e.jenis == jenis]
    dated = [(parse_tanggal(e.tanggal).tanggal or date.min, i, e) for i, e in enumerate(found)]
    return max(dated, key=lambda x: (x[0], x[1]))[2] if dated else None


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the month's last day where it is shorter)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    for d in range(day.day, 0, -1):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


@dataclass(frozen=True)
class Tinjauan:
    """Why an SOP is due for review."""

    sop: Sop
    sejak: date  # the day its clock started: last evaluation, else effective date
    evaluasi: Evaluasi | None  # its last evaluation (None: never evaluated)


def counted_from(sop: Sop) -> tuple[str, date | None]:
    """The date the review clock starts from, as written and as read: the last
    evaluation, else the effective date (a revision restarts the clock)."""
    last = terakhir(sop, "evaluasi")
    text = last.tanggal if last else sop.tanggal_berlaku
    return text, parse_tanggal(text).tanggal


def due(sop: Sop, siklus: Siklus) -> Tinjauan | None:
    """The SOP's review, when it is due on the reference date (None when it is not, or
    when no date to count from can be read: see `counted_from`)."""
    last = terakhir(sop, "evaluasi")
    _, day = counted_from(sop)
    if day is None or day > months_before(siklus.acuan, siklus.masa_bulan):
        return None
    return Tinjauan(sop, day, last)

"""Stable anchors: they are cited in memos, so they never depend on wording.
(Page paths and URLs are in `urls.py`.)"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .model import Prosedur, Sop

SOP_SECTIONS = (
    "identitas", "identitas-instansi", "nomor-sop", "tanggal-pembuatan", "tanggal-revisi",
    "tanggal-efektif", "disahkan-oleh", "nama-sop", "unit-sop", "dasar-hukum",
    "kualifikasi-pelaksana", "keterkaitan", "peralatan-perlengkapan", "peringatan",
    "pencatatan-pendataan", "dirujuk-oleh", "cara-mengutip", "kutipan-sop",
    "status-sop", "status-revisi", "status-dicabut", "evaluasi", "riwayat-revisi",
    "kutipan-revisi", "contoh-tautan-revisi", "tanda-tangan-elektronik",
)  # fmt: skip
"""The fixed anchors of an SOP page (sop.md.j2 writes them; test_hardening checks both)."""
UNIT_SECTIONS = ("unit-bawahan", "sop-lain")
SOP_TITLE = "judul-sop"
UNIT_TITLE = "judul-unit"


def _code(sop: Sop, proc: Prosedur) -> str | None:
    return proc.kode.lower() if proc.kode else None


def procedure_anchor(sop: Sop, proc: Prosedur) -> str:
    code = _code(sop, proc)
    return f"prosedur-{code}" if code else "prosedur"


def step_anchor(sop: Sop, proc: Prosedur, no: int) -> str:
    code = _code(sop, proc)
    return f"langkah-{code}-{no}" if code else f"langkah-{no}"


def step_label(proc: Prosedur, no: int) -> str:
    """How a step is cited in text: `B.12`, or `12` without a procedure code."""
    return f"{proc.kode}.{no}" if proc.kode else str(no)


def decree_entry_anchor(keputusan_id: str, position: int) -> str:
    return f"daftar-{keputusan_id}-{position}"



def _loose(text: str) -> str:
    """Letters and digits only: equal for every slug that a heading's text can give."""
    text = unicodedata.normalize("NFKD", text).lower()
    return re.sub(r"[\W_]+", "", text)


def title_id(title: str, promised: Iterable[str], fallback: str) -> str | None:
    """An explicit id for a page title whose automatic id (Markdown's slug of its text)
    could equal an anchor the page promises ("Langkah A 2" and `#langkah-a-2`), else None
    (the automatic id is kept, so existing pages do not change)."""
    loose = _loose(title)
    return fallback if any(_loose(a) == loose for a in promised) else None

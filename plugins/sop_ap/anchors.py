"""Stable anchors: they are cited in memos, so they never depend on wording.
(Page paths and URLs are in `urls.py`.)"""

from __future__ import annotations

from .model import Prosedur, Sop


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


"""Problems found in the data: each names a file, a position and a field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "note"]
"""An error stops the build; a warning stops a strict build; a note never stops anything."""

SEVERITY_WORDS: dict[str, str] = {"error": "KESALAHAN", "warning": "PERINGATAN", "note": "CATATAN"}
"""How each severity tags a problem's line (an error's line carries no tag). In capitals, as
MkDocs prints its levels: `peringatan` is also a field of every SOP, and a line such as
`…:15:1: peringatan: kolom wajib 'peringatan' belum ditulis` names that field."""


@dataclass(frozen=True, order=True)
class Position:
    """1-based line and column in a source file."""

    line: int
    column: int


@dataclass(frozen=True)
class Problem:
    path: str
    position: Position
    field: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.position.line}:{self.position.column}"
        field = f" {self.field}:" if self.field else ""
        tag = "" if self.severity == "error" else f" {SEVERITY_WORDS[self.severity]}:"
        return f"{where}:{field}{tag} {self.message}"

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.position.line, self.position.column, self.message)


class DataError(Exception):
    """Raised when the data has errors; carries every problem found in one run."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = [p for p in problems if p.severity == "error"]
        super().__init__(
            f"{len(errors)} kesalahan dalam data SOP:\n" + "\n".join(str(p) for p in errors)
        )


def summary(problems: list[Problem], files: int) -> str:
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = sum(1 for p in problems if p.severity == "warning")
    notes = len(problems) - errors - warnings
    text = f"{files} berkas diperiksa: {errors} kesalahan, {warnings} peringatan"
    return text + (f", {notes} catatan" if notes else "")

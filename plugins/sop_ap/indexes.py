"""Cross-SOP indexes: who acts where (pelaksana), and which regulation grounds which SOP."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from . import flow
from .catalog import Catalog
from .daftar import KOSONG, daftar
from .model import Langkah, Prosedur, Sop


@dataclass(frozen=True)
class StepUse:
    sop: Sop
    prosedur: Prosedur
    langkah: Langkah


@dataclass
class Role:
    nama: str
    uses: list[StepUse] = field(default_factory=list)


def role_key(name: str) -> str:
    """One role however its spaces and capitals are written across SOPs (`Staf`,
    `staf`, `Kabag\u00a0Organisasi` pasted from Word): one entry in the index."""
    return " ".join(name.split()).casefold()


def roles(catalog: Catalog) -> list[Role]:
    """Every pelaksana (lane name) with every step where it acts, sorted by name; the
    name shown is the spelling used most often (the first one seen on a tie)."""
    found: dict[str, Role] = {}
    spellings: dict[str, Counter[str]] = {}
    for sop in catalog.sops.values():
        for proc in sop.prosedur:
            for step in proc.langkah:
                for name in flow.step_lanes(step):
                    key = role_key(name)
                    found.setdefault(key, Role(name)).uses.append(StepUse(sop, proc, step))
                    spellings.setdefault(key, Counter())[" ".join(name.split())] += 1
    for key, role in found.items():
        role.nama = spellings[key].most_common(1)[0][0]
    return sorted(found.values(), key=lambda r: r.nama.lower())


# ------------------------------------------------------------------ regulations

_JENIS = [
    (r"undang[\s-]*undang|\buu\b", "UU"),
    (r"peraturan\s+pemerintah|\bpp\b", "PP"),
    (r"peraturan\s+presiden|\bperpres\b", "Perpres"),
    (r"peraturan\s+menteri|\bpermen\w*", "Permen"),
    (r"peraturan\s+daerah|\bperda\b", "Perda"),
    (r"peraturan\s+(wali\s*kota|bupati|gubernur)|\bper(wali|bup|gub)\b", "Perkada"),
    (r"keputusan", "Keputusan"),
    (r"instruksi", "Instruksi"),
    (r"surat\s+edaran", "SE"),
]
_NOMOR = re.compile(
    r"(?:nomor|no\.?)\s*:?\s*([A-Za-z0-9./\-]+?)(?:\s+tahun\s+(\d{4})|[\s,;]|$)", re.IGNORECASE
)


def _jenis(low: str) -> str | None:
    """The kind of regulation the text names first: "Peraturan Pemerintah … tentang
    Pelaksanaan Undang-Undang …" is a PP, not a UU (the earliest match wins; on a tie, the
    first kind in `_JENIS`)."""
    found = [(m.start(), i, name) for i, (pattern, name) in enumerate(_JENIS)
             if (m := re.search(pattern, low))]
    return min(found)[2] if found else None


def regulation_key(text: str) -> str:
    """Equal for the same regulation written slightly differently."""
    low = " ".join(text.lower().split())
    jenis = _jenis(low)
    match = _NOMOR.search(low)
    if jenis and match:
        nomor = match.group(1).strip(".").upper()
        tahun = match.group(2) or ""
        if not tahun:
            year = re.search(r"(?:/|\s)(\d{4})\b", match.group(1))
            tahun = year.group(1) if year else ""
        return f"{jenis} {nomor} {tahun}".strip()
    return re.sub(r"[^a-z0-9]+", " ", low).strip()


@dataclass
class Regulation:
    key: str
    texts: list[str] = field(default_factory=list)  # every way it is written, first seen first
    sops: list[Sop] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.texts[0]


def regulations(catalog: Catalog) -> list[Regulation]:
    found: dict[str, Regulation] = {}
    for sop in catalog.sops.values():
        for text in daftar(sop.dasar_hukum).teks:  # the markers are not part of the name
            if text.strip() in KOSONG:
                continue
            reg = found.setdefault(regulation_key(text), Regulation(regulation_key(text)))
            if text not in reg.texts:
                reg.texts.append(text)
            if not reg.sops or reg.sops[-1].id != sop.id:  # SOPs come one at a time
                reg.sops.append(sop)
    return sorted(found.values(), key=lambda r: r.title.lower())

"""JSON Schemas for editors (VS Code YAML), derived from the models.

The committed files under `schemas/` are checked against this output by a
test, so the schema and the loader cannot drift apart.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .model import FILE_MODELS

SCHEMA_DIR = Path(__file__).parent / "schemas"
_TITLES = {
    "sop": "SOP AP: satu SOP",
    "unit": "SOP AP: daftar unit (unit.yml)",
    "keputusan": "SOP AP: keputusan penetapan SOP",
    "situs": "SOP AP: identitas situs dan instansi (situs.yml)",
}

DESCRIPTIONS = {
    "AlamatSitus": "Alamat instansi, dicetak di kaki setiap halaman.",
    "ButirTercetak": "Satu butir daftar dengan tanda yang tercetak di depannya di kertas "
    "(mis. `2.`, `a.`, `-`).",
    "DaftarBertanda": "Daftar yang semua butirnya memakai tanda yang sama "
    "(`angka`, `huruf`, `tanpa`, atau tanda seperti `-`).",
    "Diktum": "Satu diktum keputusan (PERTAMA, KEDUA, …) dan isinya.",
    "EntriDaftarSop": "Satu SOP yang ditetapkan keputusan, urut seperti di lampiran.",
    "Evaluasi": "Satu kali monitoring atau evaluasi pelaksanaan SOP.",
    "Keputusan": "Keputusan yang menetapkan kumpulan SOP sebuah unit.",
    "KeputusanLangkah": "Keputusan (belah ketupat) pada baris langkah, dengan dua jalur keluar "
    "berlabel atau lebih.",
    "Kolom": "Judul kolom tabel prosedur seperti tercetak (masing-masing boleh tidak ditulis: "
    "judul bawaan).",
    "Langkah": "Satu baris tabel prosedur.",
    "Pejabat": "Pejabat yang menandatangani (jabatan, nama, pangkat, NIP).",
    "Pencabutan": "Kapan SOP dicabut dan apa penggantinya.",
    "Prosedur": "Satu (sub-)prosedur: kolom pelaksananya dan langkah-langkahnya berurutan.",
    "RujukanDokumen": "Keterkaitan dengan dokumen yang bukan SOP (Renstra, Perjanjian "
    "Kinerja, …).",
    "RujukanSop": "Keterkaitan dengan SOP, ditulis sebagai kumpulan kolom: teks seperti "
    "tertulis dan SOP yang dirujuknya.",
    "Simbol": "Satu simbol dalam baris: kotak, kapsul atau belah ketupat di satu kolom "
    "pelaksana.",
    "Situs": "`sop_data/situs.yml`: identitas situs dan instansi.",
    "Sop": "Satu SOP: lembar identitas dan prosedurnya.",
    "TandaTanganElektronik": "Pernyataan tanda tangan elektronik seperti tercetak di kertas.",
    "TujuanSimbol": "Satu simbol sebagai tujuan panah: barisnya, dan kolom pelaksananya bila "
    "baris itu punya beberapa simbol (dan bentuknya, bila kolom itu punya kotak dan belah "
    "ketupat).",
    "Unit": "Satu unit organisasi: instansi, OPD, bagian.",
    "UnitFile": "`sop_data/unit.yml`: semua unit, induk boleh sebelum atau sesudah anaknya.",
}
"""What editors show for each model, in the authors' language (the models' docstrings,
which pydantic would use, are the developers' English)."""


def _describe(schema: dict[str, Any], model: type[BaseModel]) -> None:
    for name, part in [(model.__name__, schema), *schema.get("$defs", {}).items()]:
        if name not in DESCRIPTIONS:
            raise KeyError(f"schema.DESCRIPTIONS has no Indonesian description of {name}")
        part["description"] = DESCRIPTIONS[name]


def schema_for(kind: str) -> dict[str, Any]:
    model = FILE_MODELS[kind]
    schema = model.model_json_schema(mode="validation")
    _describe(schema, model)
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["title"] = _TITLES[kind]
    return schema


def schema_text(kind: str) -> str:
    return json.dumps(schema_for(kind), indent=2, ensure_ascii=False) + "\n"


def write_schemas(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in FILE_MODELS:
        path = out_dir / f"{kind}.json"
        path.write_text(schema_text(kind), encoding="utf-8")
        written.append(path)
    return written

"""JSON Schemas for editors (VS Code YAML), derived from the models.

The committed files under `schemas/` are checked against this output by a
test, so the schema and the loader cannot drift apart.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .model import FILE_MODELS

SCHEMA_DIR = Path(__file__).parent / "schemas"
_TITLES = {
    "sop": "SOP AP: satu SOP",
    "unit": "SOP AP: daftar unit (unit.yml)",
    "keputusan": "SOP AP: keputusan penetapan SOP",
    "situs": "SOP AP: identitas situs dan instansi (situs.yml)",
}


def schema_for(kind: str) -> dict[str, Any]:
    schema = FILE_MODELS[kind].model_json_schema(mode="validation")
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

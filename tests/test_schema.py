"""The JSON Schemas shipped for editors are exactly what the models produce."""

from __future__ import annotations

import json

import pytest
from sop_ap.model import FILE_MODELS
from sop_ap.schema import SCHEMA_DIR, schema_text


@pytest.mark.parametrize("kind", sorted(FILE_MODELS))
def test_committed_schema_matches_models(kind: str) -> None:
    committed = (SCHEMA_DIR / f"{kind}.json").read_text(encoding="utf-8")
    assert committed == schema_text(kind), "run `sop-ap schema` and commit the result"


def test_schema_forbids_unknown_keys_and_documents_fields() -> None:
    schema = json.loads(schema_text("sop"))
    assert schema["additionalProperties"] is False
    assert "peringatan" in schema["required"]
    assert schema["properties"]["id"]["description"].startswith("Pengenal tetap")
    step = schema["$defs"]["Langkah"]
    assert step["additionalProperties"] is False and "kegiatan" in step["required"]

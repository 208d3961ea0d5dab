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


def test_every_model_is_described_in_indonesian_not_by_its_docstring() -> None:
    """Editors show a model's description on hover: the authors read Indonesian, while the
    models' docstrings are the developers' English."""
    import inspect

    from sop_ap import model
    from sop_ap.schema import DESCRIPTIONS

    models = {name for name, cls in inspect.getmembers(model, inspect.isclass)
              if issubclass(cls, model._Model) and cls is not model._Model}
    assert set(DESCRIPTIONS) == models
    for kind in FILE_MODELS:
        schema = json.loads(schema_text(kind))
        parts = {FILE_MODELS[kind].__name__: schema, **schema.get("$defs", {})}
        for name, part in parts.items():
            assert part["description"] == DESCRIPTIONS[name]
            assert part["description"] != inspect.getdoc(getattr(model, name))

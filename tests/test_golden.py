"""Golden files: this YAML gives this Markdown (pages) and this Mermaid (swimlanes).

`panah/*.txt` pins the exact set of arrows (from symbol, to symbol, label) of every
procedure: the flow patterns of tests/golden/flow/ (synthetic) state the format's rules.
Regenerate after an intended change with `SOP_AP_UPDATE_GOLDEN=1 pytest tests/test_golden.py`
and review the diff: the golden files are the specification of the output.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sop_ap import flow
from sop_ap.catalog import load_catalog
from sop_ap.pages import environment, site_pages
from sop_ap.swimlane import swimlane

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"
CASES = {
    "seed": ROOT / "sop_data",
    "patterns": GOLDEN / "patterns" / "data",
    "flow": GOLDEN / "flow" / "data",  # one synthetic SOP per flow pattern
    "cetak": GOLDEN / "cetak" / "data",  # one synthetic SOP with every as-printed form
    # Synthetic: situs.yml with every field; the identity sheet's kop and logo per unit.
    "identitas": GOLDEN / "identitas" / "data",
}
SITE_URL = "http://sop.intranet.example/"


def outputs(data: Path) -> dict[str, str]:
    catalog, _, _ = load_catalog(data)
    result = {p.path: p.content for p in site_pages(catalog, environment(), SITE_URL)}
    for sop in catalog.sops.values():
        for proc in sop.prosedur:
            name = f"{sop.id}-{(proc.kode or 'prosedur').lower()}"
            result[f"swimlane/{name}.mmd"] = swimlane(proc, f"Diagram alir {proc.kode}. "
                                                      f"{proc.judul}")
            result[f"panah/{name}.txt"] = arrows_text(flow.build(proc))
    return result


def arrows_text(result: flow.Flow) -> str:
    """Every arrow, symbol to symbol, one per line: `from -> to [label]` (`---` for a
    plain line). The exact set the diagram must draw."""
    lines = sorted(f"{a} {'---' if line else '->'} {b}{f' [{label}]' if label else ''}"
                   for a, b, label, line in result.named_arrows())
    return "\n".join(lines) + "\n"


def params() -> list[tuple[str, str]]:
    return [(case, name) for case, data in CASES.items() for name in sorted(outputs(data))]


@pytest.mark.parametrize(("case", "name"), params())
def test_golden(case: str, name: str) -> None:
    actual = outputs(CASES[case])[name]
    expected_file = GOLDEN / case / "expected" / name
    if os.environ.get("SOP_AP_UPDATE_GOLDEN"):
        expected_file.parent.mkdir(parents=True, exist_ok=True)
        expected_file.write_text(actual, encoding="utf-8")
    assert expected_file.is_file(), f"missing golden file {expected_file}"
    assert actual == expected_file.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", sorted(CASES))
def test_no_stale_golden_files(case: str) -> None:
    expected = {
        str(p.relative_to(GOLDEN / case / "expected"))
        for p in (GOLDEN / case / "expected").rglob("*") if p.is_file()
    }
    assert expected == set(outputs(CASES[case]))

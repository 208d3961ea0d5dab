"""Swimlane generation: structure per pattern, escaping, determinism.

The full text for the seed's procedures and for every pattern is pinned by
golden files (tests/golden/*/expected/swimlane/); these tests state the rules.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sop_ap.catalog import load_catalog
from sop_ap.model import Prosedur
from sop_ap.swimlane import escape_label, escape_plain, swimlane

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def patterns() -> Prosedur:
    catalog, _, _ = load_catalog(ROOT / "tests/golden/patterns/data")
    return catalog.sops["pola-alur"].prosedur[0]


def lanes_of(text: str) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        if m := re.match(r'  subgraph L\d+\["(.*)"\]', line):
            current = m.group(1)
            result[current] = []
        elif m := re.match(r"    (n\d+\w*)[\[({]", line):
            assert current is not None
            result[current].append(m.group(1))
    return result


def test_lanes_in_order_with_one_box_per_lane_of_a_joint_step(patterns: Prosedur) -> None:
    text = swimlane(patterns, "t")
    lanes = lanes_of(text)
    assert list(lanes) == ["Pemohon", "Petugas Loket", "Kasubbag", "Kabag"]
    assert "n002p1" in lanes["Petugas Loket"] and "n002p2" in lanes["Kasubbag"]  # joint step 3


def test_shapes(patterns: Prosedur) -> None:
    text = swimlane(patterns, "t")
    assert 'n000p1(["1. Pemohon menyerahkan berkas"])' in text  # start: capsule
    assert 'n005p1(["6. Kabag memproses jalur khusus"])' in text  # selesai: capsule
    assert 'n009p1(["10. Kabag memantau berkala"])' in text  # extra start: capsule
    assert 'n001q{"2. Lengkap?"}' in text  # decision only: a diamond, no box
    assert "n001p1" not in text
    assert 'n003p1["4. Kasubbag menelaah' in text and 'n003q{"4. Kategori?"}' in text


def test_edges(patterns: Prosedur) -> None:
    edges = [line.strip() for line in swimlane(patterns, "t").splitlines() if "-->" in line]
    assert 'n001q -->|"Tidak lengkap"| n000p1' in edges  # loop back up
    assert 'n001q -->|"Lengkap"| n002p1' in edges and 'n001q -->|"Lengkap"| n002p2' in edges
    assert "n003p1 --> n003q" in edges  # process then decision, decision in another lane
    assert 'n003q -->|"Ditolak"| n003t3' in edges  # a branch to the end
    assert "n004p1 --> n006p1" in edges and "n004p1 --> n007p1" in edges  # parallel paths
    assert "n009p1 --> n008p1" in edges  # second start joins


def test_front_matter_and_accessibility(patterns: Prosedur) -> None:
    text = swimlane(patterns, "Diagram alir A. <Semua> & pola")
    assert text.startswith("---\nconfig:\n  swimlane:\n    ignoreCrossLaneEdges: false\n"
                           "  flowchart:\n    wrappingWidth: 200\n    nodeSpacing: 20\n"
                           "    rankSpacing: 40\n---\nswimlane-beta TB\n")
    assert "  accTitle: Diagram alir A. Semua dan pola\n" in text
    assert re.search(r"  accDescr: 10 langkah dalam 4 kolom pelaksana .*, 2 keputusan\.", text)


def test_deterministic(patterns: Prosedur) -> None:
    assert swimlane(patterns, "t") == swimlane(patterns, "t")


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ('Kata "kutip"', "Kata #quot;kutip#quot;"),
        ("a & b < c > d", "a #38; b #60; c #62; d"),
        ("#quot; tetap", "#35;quot; tetap"),
        ("%% komentar", "#37;#37; komentar"),
        ("a --> b | c", "a --#62; b #124; c"),
        ("`kode`", "#96;kode#96;"),
        ("baris\nbaru", "baris baru"),
        ("end subgraph click", "end subgraph click"),  # harmless inside a quoted label
    ],
)
def test_escape_label(text: str, escaped: str) -> None:
    assert escape_label(text) == escaped


def test_long_words_get_break_opportunities() -> None:
    escaped = escape_label("x" * 50)
    assert escaped.count("#8203;") == 2
    assert escaped.replace("#8203;", "") == "x" * 50


def test_escaped_labels_have_no_syntax_characters() -> None:
    hostile = '<script>"]]); end\n%% click n1 call alert(1) :::c {{7*7}} \\ |x| `y` #'
    label = escape_label(hostile)
    assert not set('"<>&`|%\\\n') & set(label.replace("#", ""))
    assert escape_plain(hostile).count("<") == 0

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
from sop_ap.swimlane import escape_label, escape_lane, escape_plain, swimlane

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
        elif m := re.match(r"    (a\d+\w*)[\[({@]", line):
            assert current is not None
            result[current].append(m.group(1))
    return result


def test_lanes_in_order_with_one_box_per_lane_of_a_joint_step(patterns: Prosedur) -> None:
    text = swimlane(patterns, "t")
    lanes = lanes_of(text)
    assert list(lanes) == ["Pemohon", "Petugas Loket", "Kasubbag", "Kabag"]
    assert "a002a" in lanes["Petugas Loket"] and "a002b" in lanes["Kasubbag"]  # joint step 3


def test_ids_sort_in_sop_order_and_before_mermaids_edge_label_nodes(patterns: Prosedur) -> None:
    ids = [i for lane in lanes_of(swimlane(patterns, "t")).values() for i in lane]
    assert sorted(ids) == sorted(ids, key=lambda i: (int(i[1:4]), i[4:]))
    # The swimlane layout's DFS starts from node ids sorted as text; the nodes it adds
    # for edge labels are named `edge-label-…` and must come after ours.
    assert all(i < "edge-label-" for i in ids)


def test_shapes(patterns: Prosedur) -> None:
    text = swimlane(patterns, "t")
    assert 'a000a(["1. Pemohon menyerahkan berkas"])' in text  # start: capsule
    assert 'a005a(["6. Kabag memproses jalur khusus"])' in text  # selesai: capsule
    assert 'a009a(["10. Kabag memantau berkala"])' in text  # extra start: capsule
    assert 'a001a{"2. Lengkap?"}' in text  # decision only: a diamond, no box
    assert "a001b" not in text
    assert 'a003a["4. Kasubbag menelaah' in text and 'a003b{"4. Kategori?"}' in text
    assert 'a003c(["Selesai"])' in text  # a decision's exit to the end


def test_edges(patterns: Prosedur) -> None:
    edges = [line.strip() for line in swimlane(patterns, "t").splitlines() if "-->" in line]
    assert 'a001a -->|"Tidak lengkap"| a000a' in edges  # loop back up
    assert 'a001a -->|"Lengkap"| a002a' in edges and 'a001a -->|"Lengkap"| a002b' in edges
    assert "a003a --> a003b" in edges  # process then decision, decision in another lane
    assert 'a003b -->|"Ditolak"| a003c' in edges  # a branch to the end
    assert "a004a --> a006a" in edges and "a004a --> a007a" in edges  # parallel paths
    assert "a009a --> a008a" in edges  # second start joins


def test_own_text_empty_diamond_meeting_lines_and_self_loop() -> None:
    p = Prosedur.model_validate({"pelaksana": ["A", "B"], "langkah": [
        {"no": 1, "kegiatan": "Bersama", "simbol": [
            {"pelaksana": "A", "teks": "Di loket"}, {"pelaksana": "B"}], "rapat": True},
        {"no": 2, "kegiatan": "Tunggu", "simbol": [
            {"pelaksana": "A", "bentuk": "keputusan", "cabang": {"Ya": 3, "Belum": 2}}]},
        {"no": 3, "kegiatan": "Akhir", "pelaksana": "B"},
    ]})
    text = swimlane(p, "t")
    assert 'a000a(["1. Di loket"])' in text and 'a000b["1. Bersama"]' in text
    # A meeting's boxes share a row (no edge between them); the page joins them.
    assert "%% sop-ap rapat: a000a a000b" in text and "a000a --- a000b" not in text
    assert 'a001a{" "}' in text  # a diamond with no text
    # An arrow back into its own symbol goes through a junction point in its lane.
    assert lanes_of(text)["A"] == ["a000a", "a001a", "a001au1"]
    assert '  a001a --- a001au1\n  a001au1 -->|"Belum"| a001a\n' in text
    assert "a001a --> a001a" not in text


def test_front_matter_and_accessibility(patterns: Prosedur) -> None:
    text = swimlane(patterns, "Diagram alir A. <Semua> & pola")
    assert text.startswith("---\nconfig:\n  swimlane:\n    ignoreCrossLaneEdges: false\n"
                           "  flowchart:\n    wrappingWidth: 200\n    nodeSpacing: 20\n"
                           "    rankSpacing: 40\n---\nswimlane-beta TB\n")
    assert "  accTitle: Diagram alir A. Semua dan pola\n" in text
    assert re.search(r"  accDescr: 10 langkah dalam 4 kolom pelaksana .*, 13 simbol, 15 panah, "
                     r"2 keputusan\.", text)


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


def test_a_lane_without_symbols_keeps_its_column() -> None:
    p = Prosedur.model_validate({"pelaksana": ["A", "Kosong", "B"], "langkah": [
        {"no": 1, "kegiatan": "Satu", "pelaksana": "A"},
        {"no": 2, "kegiatan": "Dua", "pelaksana": "B"}]})
    text = swimlane(p, "t")
    # Mermaid puts a lane with no node first: an invisible node, as wide as the lane's
    # title, keeps it between A and B.
    assert '  subgraph L2["Kosong"]\n    zkosong2["Kosong"]\n' in text
    assert "    style zkosong2 fill:none,stroke:none,color:transparent\n" in text


def test_lane_titles_are_not_read_as_markdown() -> None:
    # Measured in Chromium: a lane title `__proto__ _y_ *b*` was printed as a bold
    # "proto" and italics; node labels are printed as written.
    assert escape_lane("__proto__ _y_ *b* #95;") == (
        "#95;#95;proto#95;#95; #95;y#95; #42;b#42; #35;95;")

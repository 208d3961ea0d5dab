"""YAML with positions: duplicate keys, encodings, syntax errors."""

from __future__ import annotations

from pathlib import Path

from sop_ap.problems import Position, Problem
from sop_ap.yamlsource import parse_text, read_source


def parse(text: str) -> tuple[object, list[Problem]]:
    problems: list[Problem] = []
    source = parse_text(text, "f.yml", problems)
    return (source.data if source else None), problems


def test_positions_of_values_and_keys() -> None:
    problems: list[Problem] = []
    source = parse_text("a:\n  - x\n  - b: 1\n", "f.yml", problems)
    assert source is not None and problems == []
    assert source.data == {"a": ["x", {"b": "1"}]}
    assert source.position(("a", 1, "b")) == Position(3, 8)
    assert source.key_position(("a", 1, "b")) == Position(3, 5)
    assert source.position(("a", 5, "zz")) == Position(2, 3)  # nearest known parent


def test_duplicate_key_is_an_error_with_both_lines() -> None:
    data, problems = parse("nama: A\nid: x\nnama: B\n")
    assert [str(p) for p in problems] == [
        "f.yml:3:1: nama: kolom 'nama' ditulis dua kali (pertama di baris 1); YAML diam-diam "
        "hanya memakai yang terakhir: hapus salah satunya"
    ]
    assert data == {"nama": "A", "id": "x"}


def test_null_and_quoted_empty() -> None:
    data, problems = parse('a:\nb: ""\nc: ~\nd: null\ne: "null"\n')
    assert problems == []
    assert data == {"a": None, "b": "", "c": None, "d": None, "e": "null"}


def test_scalars_stay_text_as_written() -> None:
    text = ("n: 065\nd: 2018-03-13\nb: yes\nf: 1.50\nx: 0x1F\nt: 10:30\nN: NULL\nq: '~'\n"
            "s: !!str null\ni: !!int 7\nl: [~, Null, '']\n")
    data, problems = parse(text)
    assert problems == []
    assert data == {"n": "065", "d": "2018-03-13", "b": "yes", "f": "1.50", "x": "0x1F",
                    "t": "10:30", "N": None, "q": "~", "s": "null", "i": "7",
                    "l": [None, None, ""]}


def test_tab_indentation_is_explained() -> None:
    _, problems = parse("a:\n\t- b\n")
    assert len(problems) == 1
    assert problems[0].position == Position(2, 1)
    assert "jangan tab" in problems[0].message


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "f.yml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\r\nb: dua\r\n")
    problems: list[Problem] = []
    source = read_source(path, "f.yml", problems)
    assert problems == [] and source is not None
    assert source.data == {"a": "1", "b": "dua"}
    assert source.position(("b",)) == Position(2, 4)


def test_non_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "f.yml"
    path.write_bytes("a: 1\nnama: Caf\xe9\n".encode("latin-1"))
    problems: list[Problem] = []
    assert read_source(path, "f.yml", problems) is None
    assert [str(p) for p in problems] == [
        "f.yml:2:10: berkas ini bukan teks UTF-8 (bita 0xe9); simpan ulang berkas ini dengan "
        "pengodean (encoding) UTF-8"
    ]


def test_empty_file() -> None:
    _, problems = parse("# only a comment\n")
    assert [str(p) for p in problems] == ["f.yml:1:1: berkas ini kosong: tulis isinya, atau hapus berkasnya"]

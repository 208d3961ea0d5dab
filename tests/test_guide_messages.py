"""The authors' guide quotes `sop-ap check` exactly as it prints.

Every problem line and summary line in the guide's `text` blocks is reproduced here by
running `sop-ap check` on a copy of the shipped data with the guide's edit applied (the
edit each example describes); the worked example of "Memeriksa berkas sebelum
diterbitkan" must be the whole output. Each message pattern of the guide's table of
common messages must match a message of the malformed corpus (whose lines
tests/test_malformed.py checks against the tool).
"""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Callable
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from helpers import ROOT
from malformed.cases import CASES
from sop_ap.cli import main
from sop_ap.problems import SEVERITY_WORDS

GUIDE = ROOT / "docs" / "panduan-penulisan.md"
SOP = "sop_data/organisasi/penyusunan-iku.yml"
PRINTED = re.compile(r"\S+:\d+:\d+: .*|\d+ berkas diperiksa: .*|peringatan .*")

Edit = Callable[[str], str]


def _text_blocks() -> list[list[str]]:
    return [block.splitlines() for block in
            re.findall(r"^```text\n(.*?)^```", GUIDE.read_text(encoding="utf-8"), re.M | re.S)]


def _replace(old: str, new: str) -> Edit:
    def edit(text: str) -> str:
        assert text.count(old) == 1, f"the shipped SOP has changed: {old!r}"
        return text.replace(old, new)
    return edit


def _line(number: int, old: str, new: str) -> Edit:
    def edit(text: str) -> str:
        lines = text.split("\n")
        assert old in lines[number - 1], f"the shipped SOP has changed at line {number}"
        lines[number - 1] = lines[number - 1].replace(old, new)
        return "\n".join(lines)
    return edit


# What each example of the guide says was changed in the shipped data.
SCENARIOS: dict[str, tuple[Edit, ...]] = {
    "unchanged": (),
    "peringtan and Tim Penyusun (Memeriksa berkas)": (
        _replace("peringatan: >-", "peringtan: >-"),
        _line(174, "pelaksana: Tim", "pelaksana: Tim Penyusun"),
    ),
    "secepatnya (Waktu)": (_line(280, "waktu: 30 menit", "waktu: secepatnya"),),
    "Surat Masuk (Keterkaitan)": (
        _replace("  - teks: SOP Pengelolaan Surat Keluar\n    eksternal: true\n",
                 "  - SOP Pengelolaan Surat Masuk\n"),
    ),
}


def _check(folder: Path, edits: tuple[Edit, ...], strict: bool) -> list[str]:
    """`sop-ap check sop_data` in `folder`, on the shipped data with `edits` applied."""
    shutil.copytree(ROOT / "sop_data", folder / "sop_data")
    if strict:
        (folder / "mkdocs.yml").write_text("site_name: x\nstrict: true\n", encoding="utf-8")
    sop = folder / SOP
    text = sop.read_text(encoding="utf-8")
    for edit in edits:
        text = edit(text)
    sop.write_text(text, encoding="utf-8")
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as monkeypatch, redirect_stdout(out):
        monkeypatch.chdir(folder)
        main(["check", "sop_data"])
    return out.getvalue().splitlines()


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """What the check prints for each scenario, with and without a strict mkdocs.yml."""
    return {f"{name}, strict={strict}": _check(tmp_path_factory.mktemp("guide"), edits, strict)
            for name, edits in SCENARIOS.items() for strict in (False, True)}


def test_every_printed_line_the_guide_quotes_is_printed(printed: dict[str, list[str]]) -> None:
    every = {line for lines in printed.values() for line in lines}
    quoted = [line for block in _text_blocks() for line in block if PRINTED.fullmatch(line)]
    assert len(quoted) >= 6, "the guide's examples were not found"
    missing = [line for line in quoted if line not in every]
    assert not missing, "the guide quotes lines the tool does not print:\n" + "\n".join(missing)


def test_the_worked_example_is_the_whole_output(printed: dict[str, list[str]]) -> None:
    example = next(b for b in _text_blocks() if any("peringtan" in line for line in b))
    assert example == printed["peringtan and Tim Penyusun (Memeriksa berkas), strict=False"]


def test_the_strict_line_the_guide_quotes_is_printed(printed: dict[str, list[str]]) -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    strict_line = printed["Surat Masuk (Keterkaitan), strict=True"][-1]
    assert strict_line.startswith("peringatan menghentikan pembangunan situs")
    assert f"``{strict_line}``" in guide


def test_the_table_of_messages_matches_messages_the_tool_prints() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    section = guide[guide.index("Beberapa pesan yang sering muncul"):]
    section = section[: section.index("\n\n", section.index("| Pesan |"))]
    rows = re.findall(r"^\| `(.+?)` \|", section, re.M)
    assert len(rows) >= 15
    messages = [e.text() for case in CASES for e in case.expect]
    for pattern in rows:
        tag = re.fullmatch(r"\.\.\. (\w+): \.\.\.", pattern)
        if tag:  # a severity's tag, not a message
            assert tag[1] in SEVERITY_WORDS.values()
            continue
        regex = re.compile(".*?".join(re.escape(part) for part in pattern.split("...")))
        assert any(regex.search(m) for m in messages), f"no such message: {pattern}"


def test_the_joint_row_example_is_what_the_check_says() -> None:
    """Aturan alur langkah, rule 3: a joint row continuing to a joint row in other lanes."""
    from sop_ap import flow
    from sop_ap.model import Prosedur

    proc = Prosedur.model_validate({"pelaksana": ["Staf", "Kasubbag", "Kabag"], "langkah": [
        {"no": 1, "kegiatan": "k", "pelaksana": ["Staf", "Kasubbag"]},
        {"no": 2, "kegiatan": "k", "pelaksana": ["Kasubbag", "Kabag"]}]})
    (message,) = [m for _, m in flow.check(proc)]
    assert f"\n    {message}\n" in GUIDE.read_text(encoding="utf-8")

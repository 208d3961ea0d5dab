"""`sop-ap check` and the plugin on a corpus of malformed data folders.

The corpus is `tests/malformed/cases.py`: each case builds a data folder with one
thing broken and names the exact `path:line:column: field: message` lines an
author must see. Every case runs in-process through `sop-ap check` and through
the plugin's `on_files` (where a build loads the data); a sample of cases also
runs a real `mkdocs build` and the `sop-ap` console command in a child process.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
import traceback
from pathlib import Path

import pytest
from helpers import BASE, make_project, mkdocs_build
from malformed.cases import (
    BY_NAME,
    CASES,
    EMPTY,
    MINI_SOP,
    NOT_UTF8,
    S_TEXT,
    STEP2_END,
    TAB,
    UNITS,
    Case,
    E,
    Expect,
    K,
    S,
    U,
)
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from sop_ap.cli import main
from sop_ap.plugin import SopApPlugin

SUMMARY = re.compile(r"(\d+) berkas diperiksa: (\d+) kesalahan, (\d+) peringatan")
PROBLEM = re.compile(r"(?P<path>[^:\s][^:]*):(?P<line>\d+):(?P<column>\d+): \S.*")
SOP_AP = Path(sys.executable).with_name("sop-ap")


# One case of each kind also runs a real `mkdocs build`: YAML syntax, encoding, the
# model (several errors in one file), the flow, a cross-file rule, a cascade.
BUILD_SAMPLE = [
    "yaml-tab-indents-step-key",
    "not-utf8-latin1",
    "step-split-into-list-items",
    "unknown-lane",
    "duplicate-decree-id",
    "broken-unit-file-not-blamed-in-sops",
]


def check_in_process(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int | None, list[str], str]:
    """Run `sop-ap check .` inside `folder`; an exception becomes a traceback in the text."""
    monkeypatch.chdir(folder)
    crash = ""
    try:
        code: int | None = main(["check", "."])
    except (Exception, SystemExit):
        code = None
        crash = traceback.format_exc()
    captured = capsys.readouterr()
    text = captured.out + captured.err + crash
    return code, captured.out.splitlines(), text


def missing(expect: tuple[Expect, ...], lines: list[str], prefix: str = "") -> list[str]:
    return [e.render(prefix) for e in expect if not e.found_in(lines, prefix)]


# --------------------------------------------------------------------------- the corpus


@pytest.mark.parametrize("base", ["shipped", "mini"])
def test_starting_points_are_valid(
    base: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every case starts from a valid folder, so each problem comes from its one change."""
    folder = Case("valid", "", (), base=base).build(tmp_path / "data")
    code, lines, text = check_in_process(folder, monkeypatch, capsys)
    files = 4 if base == "shipped" else 3
    assert lines == [f"{files} berkas diperiksa: 0 kesalahan, 0 peringatan"], text
    assert code == 0


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_check_reports_the_problem(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert case.expect, "a case names the problems it must report"
    folder = case.build(tmp_path / "data")
    start = time.perf_counter()
    code, lines, text = check_in_process(folder, monkeypatch, capsys)
    elapsed = time.perf_counter() - start
    assert "Traceback" not in text, text
    absent = missing(case.expect, lines)
    assert not absent, "not reported:\n" + "\n".join(absent) + "\n--- output:\n" + text
    for fragment in case.forbid:
        assert fragment not in text, f"{fragment!r} must not be printed:\n{text}"
    assert code == 1, text
    summary = SUMMARY.fullmatch(lines[-1])
    assert summary, text
    for line in lines[:-1]:
        assert PROBLEM.fullmatch(line), f"not a `path:line:column: ...` line: {line!r}"
    errors = int(summary[2])
    assert errors >= len({e for e in case.expect if not e.warning}), text
    if case.errors is not None:
        assert errors == case.errors, text
    if case.max_seconds is not None:
        assert elapsed < case.max_seconds, f"took {elapsed:.1f} s"


def test_bom_and_crlf_alone_are_valid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Notepad saves UTF-8 with a BOM and CRLF line ends: that is valid input."""
    folder = Case("notepad", "", (), bom_crlf=(S, K, U)).build(tmp_path / "data")
    for rel in (S, K, U):
        raw = (folder / rel).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and b"\n\n" not in raw
    code, lines, text = check_in_process(folder, monkeypatch, capsys)
    assert lines == ["4 berkas diperiksa: 0 kesalahan, 0 peringatan"], text
    assert code == 0


def test_every_broken_file_is_reported_in_one_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Eleven files broken in eleven ways: one run names every one of them."""
    ketik = MINI_SOP.replace("id: mini\n", "id: umum-ketik\n").replace(
        'peringatan: "-"', 'peringtan: "-"'
    )
    alur = MINI_SOP.replace("id: mini\n", "id: umum-alur\n").replace(
        STEP2_END, STEP2_END + "        lanjut: 99\n"
    )
    case = Case(
        "eleven-broken-files",
        "",
        (
            E("organisasi/kosong.yml", 1, 1, "", EMPTY),
            E("organisasi/rencana.yml", 1, 1, "", EMPTY),
            E("organisasi/daftar.yml", 1, 1, "",
              "berkas ini harus berisi kumpulan kolom (nama: nilai), tetapi berisi daftar"),
            E("organisasi/tab.yml", 2, 1, "", TAB, exact=False),
            E("organisasi/latin1.yml", 1, 8, "", NOT_UTF8.format(0xE9)),
            E(
                "umum/ketik.yml",
                15,
                1,
                "peringtan",
                "kolom 'peringtan' tidak dikenal (maksudnya 'peringatan'?)",
            ),
            E(
                "umum/alur.yml",
                27,
                17,
                "prosedur[A].langkah[2].lanjut",
                "langkah 99 tidak ada (langkah yang ada: 1, 2, 3)",
            ),
            E(
                "umum/salinan.yml",
                15,
                5,
                "id",
                "id SOP 'penyusunan-iku' sudah dipakai oleh {root}organisasi/penyusunan-iku.yml: "
                "beri id lain",
            ),
            E("keputusan/kosong.yml", 1, 1, "", EMPTY),
            E(K, 5, 7, "unit", f"unit 'organisasii' tidak ada {UNITS}"),
            E(U, 22, 12, "unit[organisasi].induk", f"unit 'setdaa' tidak ada {UNITS}"),
        ),
        files={
            "organisasi/kosong.yml": "",
            "organisasi/rencana.yml": "# belum ditulis\n",
            "organisasi/daftar.yml": "- no: 1\n- no: 2\n",
            "organisasi/tab.yml": "id: tab\n\tunit: organisasi\n",
            "organisasi/latin1.yml": b"id: caf\xe9\n",
            "umum/ketik.yml": ketik,
            "umum/alur.yml": alur,
            "umum/salinan.yml": S_TEXT,
            "keputusan/kosong.yml": "\n",
        },
    )
    folder = case.build(tmp_path / "data")
    (folder / K).write_text(
        (folder / K).read_text().replace("unit: organisasi\n", "unit: organisasii\n")
    )
    (folder / U).write_text(
        (folder / U).read_text().replace("    induk: setda\n", "    induk: setdaa\n")
    )
    code, lines, text = check_in_process(folder, monkeypatch, capsys)
    assert "Traceback" not in text
    assert code == 1
    absent = missing(case.expect, lines)
    assert not absent, "not reported:\n" + "\n".join(absent) + "\n--- output:\n" + text
    reported = {m["path"] for line in lines if (m := PROBLEM.fullmatch(line))}
    assert reported == {e.path for e in case.expect}, text
    assert len(reported) >= 8
    summary = SUMMARY.fullmatch(lines[-1])
    assert summary and summary[1] == "13", text  # 4 shipped + 9 added files


# --------------------------------------------------------------------------- the plugin


@pytest.fixture(scope="module")
def mkdocs_config(tmp_path_factory: pytest.TempPathFactory) -> MkDocsConfig:
    """The shipped mkdocs.yml, loaded once; each case points a fresh plugin at its data."""
    project = make_project(tmp_path_factory.mktemp("plugin"), data=BASE, docs=False)
    return load_config(str(project / "mkdocs.yml"))


def plugin_build(config: MkDocsConfig, data: Path) -> str:
    """Load `data` the way a build does (the plugin's on_config and on_files, in-process)
    and return the build's error message ("" when the build goes on)."""
    plugin = SopApPlugin()
    errors, warnings = plugin.load_config({"data_dir": str(data)})
    assert errors == [] and warnings == []
    plugin.on_startup(command="build", dirty=False)
    plugin.on_config(config)
    try:
        plugin.on_files(Files([]), config=config)
    except PluginError as exc:
        return str(exc)
    return ""


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_plugin_stops_the_build_with_the_problem(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mkdocs_config: MkDocsConfig
) -> None:
    """Every malformed input also stops the build (in-process) with the same lines."""
    data = case.build(tmp_path / "sop_data")
    monkeypatch.chdir(tmp_path)
    message = plugin_build(mkdocs_config, data)
    assert message, "the build went on"
    lines = message.splitlines()
    assert re.fullmatch(r"\d+ kesalahan dalam data SOP:", lines[0]), message
    absent = missing(case.expect, lines, prefix="sop_data/")
    assert not absent, "not reported:\n" + "\n".join(absent) + "\n--- message:\n" + message


@pytest.mark.parametrize("name", BUILD_SAMPLE)
def test_mkdocs_build_fails_with_the_problem(name: str, tmp_path: Path) -> None:
    """A sample of the corpus through a real `mkdocs build`: exit 1, the same lines."""
    case = BY_NAME[name]
    data = case.build(tmp_path / "data")
    project = make_project(tmp_path, data=data, docs=False)
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output, output
    absent = missing(case.expect, result.stderr.splitlines(), prefix="sop_data/")
    assert not absent, "not reported:\n" + "\n".join(absent) + "\n--- stderr:\n" + output


# --------------------------------------------------------------------------- console command


@pytest.mark.parametrize(
    "name", ["yaml-tab-indents-step-key", "step-split-into-list-items", "duplicate-decree-id"]
)
def test_console_command_exits_1(name: str, tmp_path: Path) -> None:
    case = BY_NAME[name]
    data = case.build(tmp_path / "data")
    result = subprocess.run(
        [str(SOP_AP), "check", "data"], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output, output
    absent = missing(case.expect, result.stdout.splitlines(), prefix="data/")
    assert not absent, "not reported:\n" + "\n".join(absent) + "\n--- output:\n" + output
    assert SUMMARY.fullmatch(result.stdout.splitlines()[-1]), output
    assert data.is_dir()


def test_alias_bomb_is_rejected_quickly(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 8)]
    data = Case(
        "alias-bomb", "", (), base="mini", files={"organisasi/bom.yml": "\n".join(lines) + "\n"}
    ).build(tmp_path / "data")
    try:
        result = subprocess.run(
            [str(SOP_AP), "check", "data"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=10,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("still running after 10 s")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert data.is_dir()

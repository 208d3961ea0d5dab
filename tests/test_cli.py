"""`sop-ap check` and `sop-ap schema`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import BASE, ROOT, SEED_SOP
from sop_ap.cli import main


def test_check_shipped_data(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["check", "sop_data"]) == 0
    assert capsys.readouterr().out == "4 berkas diperiksa: 0 kesalahan, 0 peringatan\n"


def test_warnings_fail_only_with_strict(capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT / "tests/golden/patterns")
    assert main(["check", "data"]) == 0
    assert main(["check", "data", "--strict"]) == 1
    out = capsys.readouterr().out.splitlines()
    # The synthetic data has no situs.yml: check notes it (a note fails nothing).
    assert "data/situs.yml:1:1: CATATAN: berkas ini belum ada" in "\n".join(out)
    assert out[-1] == "3 berkas diperiksa: 0 kesalahan, 1 peringatan, 1 catatan"


def test_console_command_reports_errors(tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path / "sop_data")
    sop = tmp_path / "sop_data" / SEED_SOP
    sop.write_text(sop.read_text().replace("        waktu: 5 hari\n", "        waktu: [5 hari]\n", 1))
    result = subprocess.run([Path(sys.executable).parent / "sop-ap", "check"], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "prosedur[A].langkah[10].waktu: harus berupa teks, tetapi tertulis daftar" in result.stdout
    assert result.stdout.endswith("4 berkas diperiksa: 1 kesalahan, 0 peringatan\n")
    assert "Traceback" not in result.stderr


def test_schema_command(tmp_path: Path) -> None:
    assert main(["schema", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keputusan.json", "situs.json", "sop.json",
                                                           "unit.json"]


def test_help_and_usage_errors_are_in_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["check", "-h"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("cara pakai: sop-ap check [-h] [--strict | --no-strict] [FOLDER_DATA]")
    for words in ("argumen:", "pilihan:", "tampilkan bantuan ini lalu keluar",
                  "hanya kesalahan yang dianggap gagal"):
        assert words in out
    with pytest.raises(SystemExit) as done:
        main(["check", "--strict", "--no-strict"])
    assert done.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "sop-ap check: kesalahan: argumen --no-strict: tidak boleh dipakai bersama --strict")
    with pytest.raises(SystemExit):
        main(["periksa"])
    assert "pilihan tidak dikenal: 'periksa' (pilih dari 'check', 'schema', 'init')" in (
        capsys.readouterr().err)


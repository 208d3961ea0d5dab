"""The loader on the shipped seed data and on small broken inputs."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import BASE, ROOT, SEED_SOP
from sop_ap.loader import display_path, load_dir


@pytest.fixture(scope="module")
def seed():  # type: ignore[no-untyped-def]
    result = load_dir(ROOT / "sop_data")
    assert [p for p in result.problems if p.severity == "error"] == []
    return result


def test_seed_files(seed) -> None:  # type: ignore[no-untyped-def]
    assert seed.files == 4
    assert [s.model.id for s in seed.sops] == ["penyusunan-iku"]
    assert [u.id for u in seed.units[0].model.unit] == ["kota-mojokerto", "setda", "organisasi"]


def test_seed_sop_values(seed) -> None:  # type: ignore[no-untyped-def]
    sop = seed.sops[0].model
    assert sop.nomor == "065/SOP/417.112/06"
    assert sop.tanggal_revisi == "01/13-03-2018"
    assert sop.disahkan_oleh.nip == "19590109 198712 1 002"
    a, b = sop.prosedur
    assert (a.kode, len(a.langkah), len(a.pelaksana)) == ("A", 10, 3)
    assert (b.kode, len(b.langkah), len(b.pelaksana)) == ("B", 19, 4)
    step = b.langkah[11]
    assert step.no == 12
    assert step.waktu == "5 hari"
    assert step.pelaksana == "Analisis Kinerja"
    assert step.kelengkapan == "Draf IKU Pemerintah Kota"
    assert a.langkah[2].keputusan is not None
    assert a.langkah[2].keputusan.cabang == {"Ya": 4, "Tidak": 1}
    assert b.langkah[12].kelengkapan == "Perwali Dokumen IKU telah ditandatangani Walikota"


def test_seed_decree(seed) -> None:  # type: ignore[no-untyped-def]
    kep = seed.keputusan[0].model
    assert kep.nomor == "188.45/ 391.1 /417.111/2018"
    assert len(kep.daftar_sop) == 14
    assert kep.daftar_sop[5].sop == "penyusunan-iku"
    assert kep.daftar_sop[13].nama == "Kompetisi SINOVIK"
    assert [d.nama for d in kep.diktum] == ["PERTAMA", "KEDUA", "KETIGA", "KEEMPAT"]
    assert len(kep.menimbang) == 3 and len(kep.mengingat) == 9
    assert kep.penandatangan.nip == "19590100 198712 1 002"


def test_scalars_stay_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`065` is not an octal number and `2018-03-13` is not a date: text stays as written."""
    (tmp_path / "unit.yml").write_text("unit:\n  - id: u\n    nama: U\n    kode_pos: 061314\n")
    monkeypatch.chdir(tmp_path)
    result = load_dir(Path("."))
    assert result.problems == []
    assert result.units[0].model.unit[0].kode_pos == "061314"


def test_display_path_names_procedures_and_steps() -> None:
    data = {"prosedur": [{"kode": "A", "langkah": [{"no": "1"}]},
                         {"kode": "B", "langkah": [{"no": "11"}, {"no": "12"}]}],
            "dasar_hukum": ["x", "y"]}
    assert display_path(data, ("prosedur", 1, "langkah", 1, "pelaksana")) == \
        "prosedur[B].langkah[12].pelaksana"
    assert display_path(data, ("dasar_hukum", 1)) == "dasar_hukum[ke-2]"
    # A procedure without kode is named by its place, never as if `1` were its code.
    assert display_path({"prosedur": [{}]}, ("prosedur", 0)) == "prosedur[ke-1]"


def test_lane_error_matches_the_documented_format(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    shutil.copytree(BASE, tmp_path / "sop_data")
    path = tmp_path / "sop_data" / SEED_SOP
    lines = path.read_text().splitlines()
    # B.12's pelaksana line: replace it with a lane procedure B does not have.
    index = next(i for i, line in enumerate(lines) if "Analisis Kinerja menyediakan draf akhir" in
                 line) + 2
    assert lines[index].strip() == "pelaksana: Analisis Kinerja"
    lines[index] = "        pelaksana: Kabag Umum"
    path.write_text("\n".join(lines) + "\n")
    monkeypatch.chdir(tmp_path)
    result = load_dir(Path("sop_data"))
    assert [str(p) for p in result.problems] == [
        f"sop_data/{SEED_SOP}:{index + 1}:20: prosedur[B].langkah[12].pelaksana: "
        "'Kabag Umum' bukan kolom pelaksana prosedur B (kolom pelaksana: Analisis Kinerja, "
        "Kasubbag Kinerja & RB, Kabag Organisasi, Tim); betulkan ejaannya, atau tambahkan ke "
        "daftar pelaksana prosedur"
    ]


def test_non_yaml_files_are_reported_not_ignored(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "catatan.txt").write_text("x")
    monkeypatch.chdir(tmp_path)
    problems = load_dir(Path(".")).problems
    assert [str(p) for p in problems] == ["catatan.txt:1:1: PERINGATAN: bukan berkas YAML (.yml): diabaikan"]

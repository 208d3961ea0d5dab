"""The catalog: cross-file checks and keterkaitan both ways."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT
from sop_ap.catalog import build_catalog, load_catalog, normalise_title
from sop_ap.loader import load_dir
from sop_ap.problems import DataError

PATTERNS = ROOT / "tests/golden/patterns/data"


def test_seed_catalog() -> None:
    catalog, problems, files = load_catalog(ROOT / "sop_data")
    assert problems == [] and files == 4
    assert [u.nama for u in catalog.unit_chain("organisasi")] == [
        "Pemerintah Kota Mojokerto", "Sekretariat Daerah", "Bagian Organisasi"]
    lakip, surat = catalog.keterkaitan["penyusunan-iku"]
    assert lakip.teks == "SOP Penyusunan LAKIP" and lakip.sop_id is None
    assert lakip.entry is not None and lakip.entry.position == 8
    assert surat.eksternal and not surat.resolved
    assert len(catalog.decree_entries("organisasi")) == 14
    assert [s.id for s in catalog.sops_of("organisasi")] == ["penyusunan-iku"]


def test_keterkaitan_by_id_title_self_and_unresolved() -> None:
    catalog, problems, _ = load_catalog(PATTERNS)
    refs = catalog.keterkaitan["pola-alur"]
    assert [(r.teks, r.sop_id) for r in refs] == [
        ("pola-alur", "pola-alur"), ("Contoh Pola Alur", "pola-alur"), ("SOP yang Tidak Ada", None)]
    assert [str(p) for p in problems] == [
        f"{PATTERNS.relative_to(Path.cwd()) if PATTERNS.is_relative_to(Path.cwd()) else PATTERNS}"
        "/contoh/pola-alur.yml:21:5: keterkaitan[ke-3]: PERINGATAN: keterkaitan 'SOP yang "
        "Tidak Ada' tidak cocok dengan id atau judul SOP mana pun; ditampilkan sebagai teks. "
        "Bila yang dirujuk dokumen yang bukan SOP (mis. Renstra), tulis {dokumen: ...}; bila "
        "SOP unit/instansi lain yang tidak dimuat di situs ini, tulis {teks: ..., eksternal: "
        "true}; bila SOP di data ini, betulkan judulnya atau tulis {teks: ..., sop: <id>}"
    ]
    assert catalog.dirujuk_oleh == {}  # an SOP listing itself is no backlink


def test_backlinks(tmp_path: Path) -> None:
    import shutil

    data = tmp_path / "d"
    shutil.copytree(ROOT / "sop_data", data)
    text = (PATTERNS / "contoh/pola-alur.yml").read_text()
    text = text.replace("unit: bagian-umum", "unit: organisasi").replace(
        "  - SOP yang Tidak Ada\n", "  - SOP Penyusunan Indikator Kinerja Utama (IKU) Pemerintah Kota\n")
    (data / "organisasi" / "pola.yml").write_text(text)
    catalog, problems, _ = load_catalog(data)
    assert problems == []
    assert catalog.dirujuk_oleh == {"penyusunan-iku": ["pola-alur"]}


def test_cross_file_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    shutil.copytree(PATTERNS, tmp_path / "d")
    sop = (tmp_path / "d/contoh/pola-alur.yml").read_text()
    (tmp_path / "d/contoh/salinan.yml").write_text(sop.replace("unit: bagian-umum", "unit: tidak-ada"))
    kep = tmp_path / "d/keputusan/kep.yml"
    kep.write_text(kep.read_text().replace("    sop: pola-alur", "    sop: hilang"))
    monkeypatch.chdir(tmp_path)
    result = load_dir(Path("d"))
    _, problems = build_catalog(result)
    assert sorted(str(p) for p in problems if p.severity == "error") == [
        "d/contoh/salinan.yml:3:5: id: id SOP 'pola-alur' sudah dipakai oleh "
        "d/contoh/pola-alur.yml: beri id lain",
        "d/keputusan/kep.yml:21:10: daftar_sop[ke-1].sop: id SOP 'hilang' tidak ada (hapus "
        "`sop:` selama naskah lengkap SOP itu belum tersedia)",
    ]
    with pytest.raises(DataError):
        load_catalog(Path("d"))


def test_unknown_unit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    shutil.copytree(PATTERNS, tmp_path / "d")
    path = tmp_path / "d/contoh/pola-alur.yml"
    path.write_text(path.read_text().replace("unit: bagian-umum", "unit: bagian-lain"))
    monkeypatch.chdir(tmp_path)
    _, problems = build_catalog(load_dir(Path("d")))
    assert [str(p) for p in problems if p.severity == "error"] == [
        "d/contoh/pola-alur.yml:4:7: unit: unit 'bagian-lain' tidak ada "
        "(unit yang ada: pemda-contoh, bagian-umum)"
    ]


@pytest.mark.parametrize(
    ("a", "b"),
    [("SOP Penyusunan LAKIP", "penyusunan lakip"),
     ("Penyusunan  Indikator (IKU)", "penyusunan indikator iku"),
     ("Évaluasi", "evaluasi")],
)
def test_normalise_title(a: str, b: str) -> None:
    assert normalise_title(a) == b

"""A real `mkdocs build --strict` of the shipped data, asserted on the generated HTML."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import pytest
from helpers import BASE, SEED_SOP, line_of, make_project, mkdocs_build, primary_nav, read, text_of

SOP = "sop/penyusunan-iku/index.html"


def test_identity_values(shipped_site: Path) -> None:
    page = read(shipped_site, SOP)
    text = text_of(page)
    for value in [
        "Pemerintah Kota Mojokerto",
        "Sekretariat Daerah",
        "Bagian Organisasi",
        "Jl. Gajah Mada No. 145",
        "(0321) 321746-321750",
        "(0321) 397345",
        "065/SOP/417.112/06",
        "13-03-2018",
        "01/13-03-2018",
        "Plt. Sekretaris Daerah Kota Mojokerto",
        "Dr. Ir. GENTUR PRIHANTONO S.P., M.T.",
        "Pembina Utama Madya",
        "NIP. 19590109 198712 1 002",
        "Penyusunan Indikator Kinerja Utama (IKU) Pemerintah Kota",
        "PER/9/M.PAN/5/2007",
        "Memiliki pemahaman tentang RPJMD, RKPD",
        "ATK",
        "Printer",
        "Bila SOP ini tidak dilaksanakan, maka penyusunan IKU Pemerintah Kota akan "
        "mengalami keterlambatan dalam penyelesaian",
        "Dokumen Indikator Kinerja Utama (IKU)",
    ]:
        assert value in text, value
    for anchor in ["identitas-instansi", "nomor-sop", "tanggal-pembuatan", "tanggal-revisi",
                   "tanggal-efektif", "disahkan-oleh", "nama-sop", "dasar-hukum",
                   "kualifikasi-pelaksana", "keterkaitan", "peralatan-perlengkapan",
                   "peringatan", "pencatatan-pendataan", "cara-mengutip"]:
        assert f'id="{anchor}"' in page, anchor
    assert '<time datetime="2018-03-13">13-03-2018</time>' in page
    assert 'class="admonition warning"' in page


def test_all_steps_with_anchors(shipped_site: Path) -> None:
    page = read(shipped_site, SOP)
    for code, count in (("a", 10), ("b", 19)):
        assert f'id="prosedur-{code}"' in page
        for no in range(1, count + 1):
            assert f'<tr id="langkah-{code}-{no}">' in page
    assert not re.search(r'id="langkah-[ab]-(0|11|20)"', page.replace('langkah-b-11', ''))
    row = re.search(r'<tr id="langkah-b-12">(.*?)</tr>', page, re.S)
    assert row is not None
    cells = text_of(row.group(1))
    assert "Analisis Kinerja menyediakan draf akhir IKU Pemerintah Kota" in cells
    assert "5 hari" in cells and "Dokumen IKU telah ditandatangani Walikota" in cells


def test_jumlah_waktu_row_says_how_it_was_computed(shipped_site: Path) -> None:
    page = read(shipped_site, SOP)
    rows = [text_of(r) for r in re.findall(r"<tfoot>.*?</tfoot>", page, re.S)]
    assert len(rows) == 2
    how = "Dihitung dari kolom Waktu, menurut alur: langkah berurutan dijumlahkan."
    # Procedure A's "Tidak" goes back to step 1: taken zero extra times.
    assert "Jumlah waktu 8 hari 1 jam 30 menit" in rows[0] and how in rows[0]
    assert "Putaran balik (langkah A.3 → A.1) tidak dihitung" in rows[0]
    assert "Jumlah waktu 9 minggu 16 hari 2 jam" in rows[1] and how in rows[1]


def test_keterkaitan_and_backlinks(shipped_site: Path) -> None:
    page = read(shipped_site, SOP)
    link = re.search(r'<a href="([^"]+)">SOP Penyusunan LAKIP</a>', page)
    assert link is not None
    assert link.group(1) == "../../unit/organisasi/#daftar-setda-2018-sop-ap-8"
    unit = read(shipped_site, "unit/organisasi/index.html")
    assert 'id="daftar-setda-2018-sop-ap-8"' in unit
    assert "SOP Pengelolaan Surat Keluar" in text_of(page)
    assert "tidak tersedia di situs ini" in text_of(page)


def test_unit_page_lists_14_entries_and_the_decree(shipped_site: Path) -> None:
    unit = read(shipped_site, "unit/organisasi/index.html")
    anchors = re.findall(r'id="daftar-setda-2018-sop-ap-(\d+)"', unit)
    assert anchors == [str(n) for n in range(1, 15)]
    text = text_of(unit)
    assert "Kompetisi SINOVIK" in text
    assert "(teks lengkap belum tersedia)" in text
    assert re.search(r'<a href="../../sop/penyusunan-iku/">Penyusunan Indikator', unit)
    for value in [
        "188.45/ 391.1 /417.111/2018",
        "Bahwa dalam rangka mendukung pelaksanaan reformasi birokrasi",
        "Undang-Undang Nomor 12 Tahun 1950",
        "Peraturan Walikota Mojokerto Nomor 60 Tahun 2016",
        "KEEMPAT",
        "akan dilakukan perubahan sebagaimana mestinya.",
        "16 Maret 2018",
        "Dr. Ir. GENTUR PRIHANTONO SANJOYO PUTRO, M.T.",
        "NIP. 19590100 198712 1 002",
    ]:
        assert value in text, value


def test_indexes(shipped_site: Path) -> None:
    roles = read(shipped_site, "indeks/pelaksana/index.html")
    assert 'id="pelaksana-kasubbag-kinerja-rb"' in roles
    assert '../../sop/penyusunan-iku/#langkah-b-12' in roles
    assert ">B.12<" in roles
    laws = text_of(read(shipped_site, "indeks/dasar-hukum/index.html"))
    assert "Nomor 20 Tahun 2008" in laws and "PER/9/M.PAN/5/2007" in laws


def test_katalog_json(shipped_site: Path) -> None:
    data = json.loads(read(shipped_site, "katalog.json"))
    (sop,) = data["sop"]
    assert sop["id"] == "penyusunan-iku"
    assert sop["nomor"] == "065/SOP/417.112/06"
    assert sop["url"] == "http://127.0.0.1:8000/sop/penyusunan-iku/"
    assert sop["tanggal_efektif"] == {"teks": "13-03-2018", "iso": "2018-03-13", "revisi": None}
    assert sop["tanggal_revisi"]["revisi"] == "01"
    steps = [s for p in sop["prosedur"] for s in p["langkah"]]
    assert len(steps) == 29
    assert sop["prosedur"][1]["langkah"][11]["url"].endswith("/sop/penyusunan-iku/#langkah-b-12")


def test_search_index_excludes_diagram_source(shipped_site: Path) -> None:
    """Pagefind's records (gzip after a signature) hold the SOP text, not the Mermaid."""
    texts = []
    for path in (shipped_site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        texts.append(json.loads(data[data.index(b"{"):])["content"])
    text = " ".join(texts)
    assert "swimlane-beta" not in text and "ignoreCrossLaneEdges" not in text
    assert "065/SOP/417.112/06" in text


def test_offline_assets(shipped_site: Path) -> None:
    page = read(shipped_site, SOP)
    assert (shipped_site / "assets/javascripts/mermaid.min.js").is_file()
    assert "fonts.googleapis" not in page
    scripts = re.findall(r'<script[^>]+src="([^"]+)"', page)
    assert scripts and not [s for s in scripts if s.startswith(("http:", "https:", "//"))]


def test_nav_is_pruned_and_by_unit(shipped_site: Path) -> None:
    sop_nav = primary_nav(read(shipped_site, SOP))
    assert "Ringkasan unit" in sop_nav and "Bagian Organisasi" in sop_nav
    other = primary_nav(read(shipped_site, "indeks/pelaksana/index.html"))
    assert "Pemerintah Kota Mojokerto" in other
    assert "Penyusunan Indikator" not in other  # pruned: other sections collapsed


@pytest.mark.parametrize(
    ("target", "reported"),
    [("sop/tidak-ada.md", "sop/tidak-ada.md"),  # a page that does not exist
     ("sop/penyusunan-iku.md#langkah-b-99", "langkah-b-99")],  # an anchor that does not
)
def test_broken_link_or_anchor_fails_strict_build(tmp_path: Path, target: str,
                                                  reported: str) -> None:
    project = make_project(tmp_path)
    (project / "docs" / "rusak.md").write_text(f"# Rusak\n\n[x]({target})\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert reported in result.stderr


def test_bad_data_stops_build_with_loader_message(tmp_path: Path) -> None:
    project = make_project(tmp_path, data=BASE)
    sop = project / "sop_data" / SEED_SOP
    sop.write_text(sop.read_text().replace("peringatan: >-", "peringtan: >-"))
    line = line_of(sop, "peringtan: >-")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert f"sop_data/{SEED_SOP}:{line}:1: peringtan: kolom 'peringtan' tidak dikenal " \
        "(maksudnya 'peringatan'?)" in result.stderr
    assert "Traceback" not in result.stderr


def test_user_home_page_is_kept(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    (project / "docs" / "index.md").write_text("# Beranda kami\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "Beranda kami" in (tmp_path / "site" / "index.html").read_text()


def test_template_override(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    overrides = project / "overrides"
    overrides.mkdir()
    shutil.copy(Path(__file__).parent.parent / "plugins/sop_ap/templates/pelaksana.md.j2",
                overrides / "pelaksana.md.j2")
    text = (overrides / "pelaksana.md.j2").read_text()
    (overrides / "pelaksana.md.j2").write_text(text.replace("# Indeks menurut pelaksana",
                                                            "# Daftar jabatan"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "      data_dir: sop_data", "      data_dir: sop_data\n      templates_dir: overrides"))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "Daftar jabatan" in (tmp_path / "site/indeks/pelaksana/index.html").read_text()


def test_backlinks_dirujuk_oleh(tmp_path: Path) -> None:
    """An SOP whose keterkaitan names the seed SOP appears under its "Dirujuk oleh"."""
    project = make_project(tmp_path)
    pattern = Path(__file__).parent / "golden/patterns/data/contoh/pola-alur.yml"
    text = pattern.read_text(encoding="utf-8").replace("unit: bagian-umum", "unit: organisasi")
    text = text.replace("  - SOP yang Tidak Ada\n",
                        "  - SOP Penyusunan Indikator Kinerja Utama (IKU) Pemerintah Kota\n")
    (project / "sop_data/organisasi/pola-alur.yml").write_text(text, encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / SOP).read_text(encoding="utf-8")
    block = page.split('id="dirujuk-oleh"')[1].split("</div>")[0]
    assert '<a href="../pola-alur/">Contoh Pola Alur</a>' in block
    other = (tmp_path / "site/sop/pola-alur/index.html").read_text(encoding="utf-8")
    assert 'href="../penyusunan-iku/">SOP Penyusunan Indikator' in other

"""As written, as printed: the synthetic SOP of tests/golden/cetak built into a real site.

The golden files pin its Markdown; here the built page is read as a reader sees it:
markers are text (copy and search see "2. Peraturan …" as on paper), several items in
one cell, headings as printed with the paper's column numbers, the electronic-signature
statement in the cell and at the foot, keterkaitan to documents.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers import ROOT, make_project, mkdocs_build, read, serve, text_of

DATA = ROOT / "tests" / "golden" / "cetak" / "data"
PAGE = "sop/cetak-sesuai-kertas/index.html"
PERNYATAAN = ("Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat "
              "elektronik yang diterbitkan oleh Balai Sertifikasi Elektronik (BSrE), BSSN.")
VERIFIKASI = "Untuk memastikan keaslian dokumen, pindai kode QR pada dokumen asli."


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("cetak")
    result = mkdocs_build(make_project(tmp, DATA, docs=False), tmp / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return tmp / "site"


def _section(page: str, anchor: str) -> str:
    start = page.index(f'id="{anchor}"')
    return page[start:page.index('<div class="sop-sel', start + 1)]


def test_lists_print_the_papers_markers(site: Path) -> None:
    page = read(site, PAGE)
    assert text_of(_section(page, "dasar-hukum")).split("Dasar Hukum ", 1)[1] == (
        "1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik "
        "2. Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang "
        "Pelayanan Publik "
        "2. Peraturan Presiden Nomor 81 Tahun 2010 tentang Grand Design Reformasi Birokrasi "
        "3. Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan SOP AP")
    assert "<ol" not in _section(page, "dasar-hukum")  # numbers are text, not list counters
    assert text_of(_section(page, "kualifikasi-pelaksana")).endswith(
        "a. Memahami tata naskah dinas b. Mampu mengoperasikan komputer")
    assert text_of(_section(page, "peralatan-perlengkapan")).endswith(
        "Peralatan/Perlengkapan Komputer Printer")
    warning = _section(page, "peringatan")
    assert 'class="admonition warning"' in warning
    assert text_of(warning).endswith(
        "Peringatan - Bila SOP ini tidak dilaksanakan, surat terlambat diterima. "
        "- Bila data tidak lengkap, laporan tidak dapat disusun.")
    catatan = page[page.index('id="pencatatan-pendataan"'):page.index('id="prosedur"')]
    assert "Seluruh kegiatan dicatat dalam buku agenda<br/>\ndan disimpan" in catatan
    assert "1." not in text_of(catatan)  # one sentence, no number


def test_keterkaitan_documents_and_signature(site: Path) -> None:
    page = read(site, PAGE)
    refs = text_of(page[page.index('id="keterkaitan"'):page.index('id="peralatan-perlengkapan"')])
    assert "Rencana Strategis (Renstra) 2020-2024 (dokumen)" in refs
    assert "Perjanjian Kinerja (dokumen) — ditandatangani setiap awal tahun" in refs
    cell = text_of(page[page.index('<tr id="disahkan-oleh"'):page.index('<tr id="nama-sop"')])
    assert cell == f"Disahkan oleh Kepala Bagian Umum Contoh {PERNYATAAN} {VERIFIKASI} NAMA CONTOH"
    assert "NIP" not in cell  # no pangkat, no NIP: nothing printed for them
    foot = page[page.index('id="tanda-tangan-elektronik"'):]
    assert text_of(foot[:foot.index("</div>")]).endswith(f"{PERNYATAAN} {VERIFIKASI}")
    catalog = json.loads(read(site, "katalog.json"))
    (sop,) = catalog["sop"]
    assert [r["jenis"] for r in sop["keterkaitan"]] == ["dokumen", "dokumen", "eksternal"]
    assert sop["daftar"]["dasar_hukum"][2] == {
        "tanda": "2.",
        "teks": "Peraturan Presiden Nomor 81 Tahun 2010 tentang Grand Design Reformasi Birokrasi"}
    assert sop["prosedur"][0]["kolom"]["keterangan"] == "Ket"
    assert sop["prosedur"][0]["langkah"][1]["mutu_baku"]["output"] == [
        {"tanda": "-", "teks": "Lembar disposisi"},
        {"tanda": "-", "teks": "Surat masuk yang telah diperiksa"}]


def test_page_in_browser_reads_as_printed(browser: Any, site: Path) -> None:
    """In Chromium: the text a reader copies has the paper's markers; the headings
    and the column numbers stand over the columns they number."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(serve(site) + "sop/cetak-sesuai-kertas/")
        law = page.locator("#dasar-hukum .sop-daftar").inner_text()
        assert law.splitlines()[2] == (
            "2. Peraturan Presiden Nomor 81 Tahun 2010 tentang Grand Design Reformasi Birokrasi")
        assert page.locator("#peringatan .sop-daftar li").first.inner_text().startswith("- Bila")
        head = page.locator("table.sop-mutu-baku thead")
        assert [h.strip() for h in head.locator("th").all_inner_texts()] == [
            "No", "Uraian", "Pelaksana", "Mutu Baku", "Ket", "Sumber Data", "Waktu", "Output"]
        numbers = head.locator("tr.sop-nomor-kolom td")
        assert numbers.all_inner_texts() == [
            "(1)", "(2)", "(3)–(6)", "(7)", "(8)", "(9)", "(10)"]
        # Each number sits under its column: the same left edge as that column's cells.
        row = page.locator("#langkah-2 > td")
        for i in range(7):
            assert abs(numbers.nth(i).bounding_box()["x"] - row.nth(i).bounding_box()["x"]) < 1
        output = page.locator("#langkah-2 > td").nth(5).inner_text()
        assert output.splitlines() == ["- Lembar disposisi", "- Surat masuk yang telah diperiksa"]
        marker = page.locator("#langkah-2 .sop-tanda").first
        assert marker.is_visible()
        # The item's text starts on the marker's line, after it (hanging indent).
        text_box = page.locator("#langkah-2 .sop-butir").first.bounding_box()
        marker_box = marker.bounding_box()
        assert text_box["x"] > marker_box["x"] + marker_box["width"] - 1
        assert text_box["y"] < marker_box["y"] + marker_box["height"]  # the same line
        assert page.locator("#tanda-tangan-elektronik").is_visible()
    finally:
        page.close()


# --------------------------------------------------------------------------- the guide

GUIDE = ROOT / "docs" / "panduan-penulisan.md"
BASE_SOP = {
    "id": "contoh", "unit": "u", "nomor": "", "nama": "Contoh", "tanggal_pembuatan": "-",
    "tanggal_revisi": "-", "tanggal_efektif": "-",
    "disahkan_oleh": {"jabatan": "Kepala", "nama": "Nama"}, "dasar_hukum": "-",
    "kualifikasi_pelaksana": "-", "keterkaitan": "-", "peralatan": "-", "peringatan": "-",
    "pencatatan": "-",
    "prosedur": [{"pelaksana": ["Staf"], "langkah": [{"no": 1, "kegiatan": "Kegiatan",
                                                      "pelaksana": "Staf"}]}],
}
EXAMPLE_FIELDS = {"dasar_hukum", "peralatan", "peringatan", "pencatatan", "kolom",
                  "keterkaitan", "disahkan_oleh", "kelengkapan", "output", "keterangan"}


def _guide_examples() -> list[dict[str, Any]]:
    """The guide's YAML examples of the as-printed forms, each read as the tool reads it."""
    import re
    import textwrap

    from sop_ap.yamlsource import parse_text

    found = []
    for block in re.findall(r"```yaml\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S):
        problems: list[Any] = []
        source = parse_text(textwrap.dedent(block), "panduan", problems)
        if source is None and all("berkas ini kosong" in p.message for p in problems):
            continue  # a comment-only fragment
        assert not problems, (block, [str(p) for p in problems])
        data = source.data if source is not None else None
        if isinstance(data, dict) and set(data) <= EXAMPLE_FIELDS and (
                set(data) & {"kolom", "kelengkapan", "output"}
                or any(isinstance(v, dict | list) for v in data.values())):
            found.append(data)
    return found


def test_the_guides_as_printed_examples_validate_and_print_as_it_says() -> None:
    from sop_ap.daftar import daftar
    from sop_ap.model import Langkah, Sop

    examples = _guide_examples()
    keys = {key for example in examples for key in example}
    assert {"dasar_hukum", "peringatan", "kolom", "keterkaitan", "disahkan_oleh",
            "output", "keterangan"} <= keys
    for example in examples:
        if set(example) <= {"kelengkapan", "output", "keterangan"}:
            step = Langkah.model_validate({"no": 1, "kegiatan": "x", "pelaksana": "Staf",
                                           **example})
            assert step.output is None or daftar(step.output).butir
            continue
        sop = Sop.model_validate({**BASE_SOP, **example})
        if "dasar_hukum" in example:
            assert [b.tanda for b in daftar(sop.dasar_hukum).butir] == ["1.", "2.", "2.", "3."]
        if "peringatan" in example:
            assert {b.tanda for b in daftar(sop.peringatan).butir} == {"-"}

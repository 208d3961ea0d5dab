"""Scale: 2,000 SYNTHETIC SOPs in 40 units build strictly, and the largest diagrams render.

The data comes from bench/generate.py (labelled synthetic): three SOPs have a
60-step, 12-lane procedure, and one more SOP has a procedure whose Mermaid
source is over Mermaid's default maxTextSize (50,000 characters), which the
site raises where Mermaid is initialised. `SOP_AP_SCALE_N` lowers N for a
quick local run.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, PageWatch, make_project, mkdocs_build, serve

sys.path.insert(0, str(ROOT / "bench"))
from generate import HEADER, generate

N = int(os.environ.get("SOP_AP_SCALE_N", "2000"))
HUGE_STEPS = 240


def huge_sop() -> dict:
    """One procedure whose diagram source exceeds 50,000 characters."""
    lanes = [f"Pelaksana Sintetis {i + 1}" for i in range(12)]
    words = ("menyiapkan, memeriksa dan menyampaikan dokumen perencanaan beserta lampiran "
             "rekapitulasi kepada pimpinan unit kerja untuk mendapatkan persetujuan")
    steps = [{"no": no, "kegiatan": f"{lanes[no % 12]} {words} tahap {no}",
              "pelaksana": lanes[no % 12], "waktu": "10 menit", "output": "Dokumen"}
             for no in range(1, HUGE_STEPS + 1)]
    return {
        "id": "sop-raksasa", "unit": "unit-01", "nomor": "999/SOP/2025", "nama": "SOP Raksasa",
        "tanggal_pembuatan": "-", "tanggal_revisi": "-", "tanggal_efektif": "-",
        "disahkan_oleh": {"jabatan": "Kepala", "nama": "Pejabat Sintetis"},
        "dasar_hukum": "-", "kualifikasi_pelaksana": "-", "keterkaitan": "-", "peralatan": "-",
        "peringatan": "-", "pencatatan": "-",
        "prosedur": [{"kode": "A", "judul": "Prosedur panjang", "pelaksana": lanes,
                      "langkah": steps}],
    }


@pytest.fixture(scope="module")
def scale_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("scale")
    data = generate(tmp / "data", sops=N, units=40 if N >= 400 else 4, seed=7, big=3)
    (data / "unit-01" / "sop-raksasa.yml").write_text(
        HEADER + yaml.safe_dump(huge_sop(), allow_unicode=True, sort_keys=False),
        encoding="utf-8")
    project = make_project(tmp, data=data, docs=False)
    result = mkdocs_build(project, tmp / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return tmp / "site"


def test_all_pages_built(scale_site: Path) -> None:
    pages = list((scale_site / "sop").glob("*/index.html"))
    assert len(pages) == N + 1
    units = list((scale_site / "unit").glob("*/index.html"))
    assert len(units) == (40 if N >= 400 else 4) + 1


def test_huge_diagram_is_over_mermaids_default_limit(scale_site: Path) -> None:
    import html
    import re

    page = (scale_site / "sop/sop-raksasa/index.html").read_text(encoding="utf-8")
    (source,) = re.findall(r'<pre class="mermaid"><code>(.*?)</code></pre>', page, re.S)
    assert len(html.unescape(source)) > 50_000


@pytest.mark.browser
@pytest.mark.parametrize("sop_id", ["sop-00001", "sop-raksasa"])
def test_largest_diagrams_render(scale_site: Path, browser: object, sop_id: str) -> None:
    watch = PageWatch(browser, serve(scale_site))
    try:
        page = watch.open(f"sop/{sop_id}/")
        assert watch.wait_for_diagrams(timeout=120_000) >= 1
        svg_nodes = page.evaluate(
            "[...document.querySelectorAll('div.mermaid')].map(d => "
            "d.shadowRoot.querySelectorAll('g.node').length)")
        expected = HUGE_STEPS if sop_id == "sop-raksasa" else 60
        assert max(svg_nodes) >= expected
        text = page.evaluate("document.body.innerText")
        assert "Syntax error" not in text and "Maximum text size" not in text
        assert watch.errors == []
        assert watch.outside_requests() == []
    finally:
        watch.close()


UNITS = 40 if N >= 400 else 4
needs_folding = pytest.mark.skipif(UNITS <= 10, reason="the quick run has too few units to fold")


def primary_nav(html_text: str) -> str:
    start = html_text.index('md-nav--primary')
    return html_text[start:html_text.index('md-sidebar--secondary', start)]


@needs_folding
def test_sidebar_lists_only_the_pages_own_unit(scale_site: Path) -> None:
    import re

    for sop_id in ("sop-00001", "sop-00002", f"sop-{N:05d}"):
        page = (scale_site / f"sop/{sop_id}/index.html").read_text(encoding="utf-8")
        nav = primary_nav(page)
        assert len(re.findall(r"Dinas Sintetis \d+", nav)) == 2  # section title + label
        assert f"Unit lainnya ({UNITS - 1})" in nav
        assert 'href="../../unit/pemda-sintetis/#unit-bawahan"' in nav
    home = primary_nav((scale_site / "index.html").read_text(encoding="utf-8"))
    assert "Dinas Sintetis" not in home and f"Daftar unit ({UNITS})" in home


@needs_folding
@pytest.mark.browser
def test_sidebar_link_leads_to_every_unit(scale_site: Path, browser: object) -> None:
    watch = PageWatch(browser, serve(scale_site))
    try:
        page = watch.open("sop/sop-00001/")
        own = page.locator("#unit-sop td").inner_text().strip()
        page.locator(".md-nav--primary a", has_text=f"Unit lainnya ({UNITS - 1})").click()
        page.wait_for_url("**/unit/pemda-sintetis/#unit-bawahan")
        listed = page.locator("#unit-bawahan + ul > li > a")
        assert listed.count() == UNITS
        other = listed.filter(has_not_text=own).first
        name = other.inner_text()
        other.click()
        page.wait_for_load_state("load")
        assert page.locator("article h1").inner_text() == name
        assert watch.errors == [] and watch.outside_requests() == []
    finally:
        watch.close()

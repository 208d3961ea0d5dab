"""Revisions, status and the review cycle, on the synthetic fixture `tests/fixtures/revisi/`:
`layanan-surat` in three revisions (00, 01, and the current 02, which changes steps,
lanes and flow), `arsip-lama` revoked by a decree that revokes its decree and enacts
`arsip-baru` of the same title, `izin-lama` revoked by its own file and replaced by
`izin-baru` (whose last evaluation is overdue), and the draft `rancangan`.

Real strict builds: a normal one (directory URLs, review date pinned) and a draft
preview (`draf: true`, `.html` URLs). Expected values come from the YAML through
`load_catalog`; the change summaries are golden files
(`tests/fixtures/revisi-perubahan/`, regenerate with SOP_AP_UPDATE_GOLDEN=1).
"""

from __future__ import annotations

import itertools
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from helpers import (
    ARTIFACTS,
    ROOT,
    PageWatch,
    make_project,
    mkdocs_build,
    pagefind_pages,
    primary_nav,
    read,
    serve,
    text_of,
)
from playwright.sync_api import expect
from sop_ap import anchors, perubahan
from sop_ap.catalog import Catalog, build_catalog, load_catalog
from sop_ap.loader import load_dir

DATA = ROOT / "tests" / "fixtures" / "revisi"
GOLDEN = ROOT / "tests" / "fixtures" / "revisi-perubahan"
SITE_URL = "http://sop.intranet.example/"


def build(tmp: Path, extra: str = "", directory_urls: bool = True) -> Path:
    project = make_project(tmp, data=DATA, docs=False)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("site_url: http://127.0.0.1:8000/", f"site_url: {SITE_URL}")
    text = text.replace("use_directory_urls: true", f"use_directory_urls: {directory_urls}")
    text = text.replace("      data_dir: sop_data\n", "      data_dir: sop_data\n"
                        "      tanggal_acuan: '2025-06-01'\n" + extra)
    config.write_text(text, encoding="utf-8")
    result = mkdocs_build(project, tmp / "site")
    assert result.returncode == 0, result.stderr
    return tmp / "site"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("revisi"))


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("draf"), "      draf: true\n", directory_urls=False)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(DATA, drafts=False)[0]


def katalog(site: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    return {s["id"]: s for s in json.loads(read(site, "katalog.json"))["sop"]}


def file_of(site: Path, url: str) -> tuple[Path, str]:
    assert url.startswith(SITE_URL), url
    path, _, anchor = url[len(SITE_URL):].partition("#")
    return site / (path + "index.html" if path.endswith("/") or not path else path), anchor


# --------------------------------------------------------------------------- revisions


def test_every_revision_url_and_step_anchor_exists(site: Path, preview: Path,
                                                   catalog: Catalog) -> None:
    for built in (site, preview):
        listed = katalog(built)
        for sop_id in catalog.sops:
            history = catalog.history(sop_id)
            entries = listed[sop_id]["riwayat_revisi"]
            assert [e["nomor"] for e in entries] == [r.label for r in history]
            for rev, entry in zip(history, entries, strict=True):
                file, _ = file_of(built, entry["url"])
                page = file.read_text(encoding="utf-8")
                for proc in rev.sop.prosedur:
                    for step in proc.langkah:
                        anchor = anchors.step_anchor(rev.sop, proc, step.no)
                        row = re.search(rf'<tr id="{anchor}">(.*?)</tr>', page, re.S)
                        assert row, f"{entry['url']}#{anchor}"
                        assert " ".join(step.kegiatan.split()) in text_of(row[1])
    assert [r.label for r in catalog.history("layanan-surat")] == ["00", "01", "02"]
    assert (preview / "sop/layanan-surat/revisi-01.html").is_file()


def test_old_revision_keeps_its_text_says_so_and_links_to_current(site: Path) -> None:
    old = read(site, "sop/layanan-surat/revisi-01/index.html")
    row = re.search(r'<tr id="langkah-a-3">(.*?)</tr>', old, re.S)
    assert row and "Memberi nomor agenda surat" in text_of(row[1])
    banner = re.search(r'id="status-revisi"(.*?)</div>', old, re.S)
    assert banner and "Ini revisi 01, bukan revisi yang berlaku" in text_of(banner[1])
    assert '<a class="sop-ke-terkini" href="../">' in banner[1]
    current = read(site, "sop/layanan-surat/index.html")
    row = re.search(r'<tr id="langkah-a-3">(.*?)</tr>', current, re.S)
    assert row and "Mendisposisikan surat" in text_of(row[1])
    assert 'id="status-revisi"' not in current
    # The current revision's own page says it is the one in force.
    own = read(site, "sop/layanan-surat/revisi-02/index.html")
    assert "revisi yang berlaku saat ini" in text_of(own)


def test_history_lists_every_revision_with_the_authors_words(site: Path) -> None:
    page = read(site, "sop/layanan-surat/index.html")
    table = re.search(r'id="riwayat-revisi".*?<tbody>(.*?)</tbody>', page, re.S)
    assert table
    rows = re.findall(r'<tr[^>]*id="riwayat-revisi-(\d\d)"', table[1])
    assert rows == ["02", "01", "00"]
    text = text_of(table[1])
    assert "Kelengkapan surat diperiksa sebelum disposisi; disposisi oleh Kabag." in text
    assert "Dasar hukum ditambah; waktu pencatatan agenda menjadi 15 menit." in text
    assert "Terbitan pertama" in text and "01-07-2024" in text and "02-01-2020" in text
    for label in ("00", "01", "02"):
        assert f'href="revisi-{label}/">Revisi {label}</a>' in table[1]
    assert 'href="revisi-02/#perubahan-dari-revisi-01">Lihat perubahan' in table[1]


def test_old_revisions_are_not_in_nav_indexes_or_search(site: Path) -> None:
    home = read(site, "index.html")
    nav = primary_nav(read(site, "unit/uji/index.html"))
    assert "revisi-0" not in nav and "revisi-0" not in home
    for index in ("indeks/pelaksana/index.html", "indeks/dasar-hukum/index.html"):
        assert "revisi-0" not in read(site, index)
    search = pagefind_pages(site)
    assert not [url for url in search if "/revisi-0" in url]
    assert "/sop/layanan-surat/" in search


# --------------------------------------------------------------------------- what changed


def test_change_summaries_golden(catalog: Catalog) -> None:
    history = catalog.history("layanan-surat")
    for old, new in itertools.pairwise(history):
        actual = perubahan.as_text(perubahan.changes(old.sop, new.sop, old.nomor, new.nomor))
        expected = GOLDEN / f"layanan-surat-{old.label}-{new.label}.txt"
        if os.environ.get("SOP_AP_UPDATE_GOLDEN"):
            expected.parent.mkdir(parents=True, exist_ok=True)
            expected.write_text(actual, encoding="utf-8")
        assert actual == expected.read_text(encoding="utf-8")
    assert sorted(p.name for p in GOLDEN.iterdir()) == [
        "layanan-surat-00-01.txt", "layanan-surat-01-02.txt"]


def test_change_summary_shown_on_the_newer_revision_and_linkable(site: Path) -> None:
    expected = (GOLDEN / "layanan-surat-01-02.txt").read_text(encoding="utf-8").splitlines()
    for path in ("sop/layanan-surat/index.html", "sop/layanan-surat/revisi-02/index.html"):
        page = read(site, path)
        section = re.search(r'id="perubahan-dari-revisi-01".*?<div class="sop-perubahan"[^>]*>(.*?)'
                            r'</div>', page, re.S)
        assert section, path
        text = text_of(section[1])
        for line in expected[1:]:
            if not line.startswith(("Prosedur ", "Identitas:")):
                assert line.strip() in text, line
    page = read(site, "sop/layanan-surat/revisi-02/index.html")
    # A removed step links to where it was, an added one to where it is.
    assert '<a href="../revisi-01/#langkah-a-3">Langkah lama A.3 dihapus' in page
    assert '<a href="#langkah-a-2">Langkah A.2 ditambah' in page
    assert 'id="perubahan-dari-revisi-00"' in read(site, "sop/layanan-surat/revisi-01/index.html")
    assert 'id="perubahan-dari-revisi' not in read(site,
                                                   "sop/layanan-surat/revisi-00/index.html")


def test_step_matching_is_not_fooled_by_an_insertion(catalog: Catalog) -> None:
    """One step inserted at the top: one step added, the others only renumbered."""
    sop = catalog.sops["izin-baru"]
    proc = sop.prosedur[0]
    first = proc.langkah[0].model_copy(update={"no": 1, "kegiatan": "Membuka loket"})
    moved = [s.model_copy(update={"no": s.no + 1}) for s in proc.langkah]
    new = sop.model_copy(update={"prosedur": [proc.model_copy(update={
        "langkah": [first, *moved]})]})
    (found,) = perubahan.changes(sop, new, 0, 1).prosedur
    assert [(e.jenis, e.lama, e.baru) for e in found.langkah] == [
        ("ditambah", None, 1), ("bernomor-baru", 1, 2), ("bernomor-baru", 2, 3)]
    assert not found.pelaksana_ditambah and not found.pelaksana_dihapus


# --------------------------------------------------------------------------- status


def test_revoked_sop_banner_and_marks_everywhere(site: Path) -> None:
    page = read(site, "sop/izin-lama/index.html")
    banner = re.search(r'id="status-dicabut"(.*?)</div>', page, re.S)
    assert banner
    assert "SOP ini telah dicabut sejak 01-03-2024" in text_of(banner[1])
    assert '<a class="sop-pengganti" href="../izin-baru/">Pemberian Izin</a>' in banner[1]
    assert '<time datetime="2024-03-01">' in banner[1]
    by_decree = read(site, "sop/arsip-lama/index.html")
    banner = re.search(r'id="status-dicabut"(.*?)</div>', by_decree, re.S)
    assert banner and "dicabut sejak 5 Februari 2024" in text_of(banner[1])
    assert "Nomor 200/2024" in text_of(banner[1]) and 'href="../arsip-baru/"' in banner[1]
    assert 'id="status-dicabut"' not in read(site, "sop/izin-baru/index.html")
    # Every list that shows it marks it.
    unit = text_of(read(site, "unit/uji/index.html"))
    assert "Pemberian Izin Lama (dicabut sejak 1 Maret 2024; diganti oleh Pemberian Izin)" \
        in unit
    assert "Pengelolaan Arsip (dicabut sejak 5 Februari 2024; diganti oleh Pengelolaan " \
        "Arsip)" in unit
    assert "Keputusan Nomor 100/2020 telah dicabut oleh" in unit
    nav = text_of(primary_nav(read(site, "unit/uji/index.html")))
    assert "Pemberian Izin Lama (dicabut)" in nav and "Layanan Surat Masuk (dicabut)" not in nav
    for index in ("indeks/pelaksana/index.html", "indeks/dasar-hukum/index.html"):
        assert "(dicabut sejak 1 Maret 2024; diganti oleh Pemberian Izin)" in text_of(
            read(site, index))
    home = text_of(read(site, "index.html"))
    assert "3 SOP berlaku dengan teks lengkap dan 2 SOP yang telah dicabut" in home
    entry = pagefind_pages(site)["/sop/izin-lama/"]
    assert entry["meta"]["title"] == "Pemberian Izin Lama (dicabut)"
    listed = katalog(site)
    assert listed["izin-lama"]["status"] == {
        "status": "dicabut",
        "tanggal": {"teks": "01-03-2024", "iso": "2024-03-01", "revisi": None},
        "diganti_oleh": {"id": "izin-baru", "url": f"{SITE_URL}sop/izin-baru/"},
        "dasar": "Keputusan Sekretaris Daerah Nomor 200/2024"}
    assert listed["arsip-lama"]["status"]["diganti_oleh"]["id"] == "arsip-baru"
    assert listed["layanan-surat"]["status"] == {"status": "berlaku"}


def test_drafts_absent_from_a_normal_build_and_marked_in_a_preview(
        site: Path, preview: Path) -> None:
    assert not (site / "sop" / "rancangan").exists()
    assert "rancangan" not in katalog(site)
    assert "Rancangan Layanan Pengaduan" not in read(site, "unit/uji/index.html")
    assert not [url for url, record in pagefind_pages(site).items()
                if "Rancangan Layanan Pengaduan" in record["content"] or "rancangan" in url]
    page = read(preview, "sop/rancangan.html")
    assert '<span class="sop-tanda-draf">DRAF</span>' in page
    assert "DRAF: belum berlaku." in text_of(page)
    assert katalog(preview)["rancangan"]["status"] == {"status": "draf"}
    assert "DRAF: Rancangan Layanan Pengaduan" in text_of(primary_nav(page))
    css = read(preview, "assets/sop-ap/sop-ap.css")
    assert '@media print' in css and 'content: "DRAF - BELUM BERLAKU"' in css


def write_folder(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def problems_of(folder: Path, drafts: bool = True) -> list[str]:
    result = load_dir(folder)
    _, more = build_catalog(result, drafts)
    return sorted(str(p).replace(str(folder) + "/", "") for p in result.problems + more)


@pytest.mark.parametrize(("edit", "expected"), [
    (("uji/izin-lama.yml", "diganti_oleh: izin-baru", "diganti_oleh: izin-baruu"),
     "uji/izin-lama.yml:21:17: dicabut.diganti_oleh: id SOP 'izin-baruu' tidak ada (tulis "
     "id SOP yang menggantikan SOP ini)"),
    (("uji/izin-lama.yml", "diganti_oleh: izin-baru", "diganti_oleh: rancangan"),
     "uji/izin-lama.yml:21:17: dicabut.diganti_oleh: SOP 'rancangan' masih draf: SOP hanya "
     "dapat digantikan oleh SOP yang berlaku"),
    (("uji/izin-lama.yml", "status: dicabut\n", ""),
     "uji/izin-lama.yml:19:3: dicabut: `dicabut` ditulis, tetapi status 'berlaku': tulis "
     "`status: dicabut`, atau hapus `dicabut`"),
    (("keputusan/kep-2024.yml", "mencabut: kep-2020", "mencabut: kep-2019"),
     "keputusan/kep-2024.yml:22:11: mencabut: id keputusan 'kep-2019' tidak ada "
     "(keputusan yang ada: kep-2020, kep-2024)"),
    (("uji/layanan-surat.revisi/01.yml", "tanggal_revisi: 01/", "tanggal_revisi: 03/"),
     "uji/layanan-surat.revisi/01.yml:6:17: tanggal_revisi: nama berkas menyebut revisi 01, "
     "tetapi tanggal_revisi menyebut revisi 03: ganti nama berkas menjadi 03.yml"),
    (("uji/layanan-surat.yml", "tanggal_revisi: 02/", "tanggal_revisi: 01/"),
     "uji/layanan-surat.revisi/01.yml:6:17: tanggal_revisi: revisi 01 tidak lebih awal "
     "daripada revisi yang berlaku, 01 (uji/layanan-surat.yml): naikkan nomor revisi pada "
     "tanggal_revisi berkas yang berlaku"),
    (("uji/izin-baru.yml", "tanggal: 10-04-2024", "tanggal: April"),
     "uji/izin-baru.yml:19:14: evaluasi[ke-1].tanggal: 'April' bukan tanggal yang dapat "
     "dibaca: tulis tanggalnya, mis. 15-01-2025 atau 15 Januari 2025"),
])
def test_bad_status_and_revision_data_is_reported(
        tmp_path: Path, edit: tuple[str, str, str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    name, old, new = edit
    text = (folder / name).read_text(encoding="utf-8")
    assert text.count(old) == 1
    (folder / name).write_text(text.replace(old, new), encoding="utf-8")
    monkeypatch.chdir(folder)
    assert problems_of(Path(".")) == [expected]


def test_a_draft_revision_keeps_the_published_one_in_force(tmp_path: Path) -> None:
    import shutil
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    current = folder / "uji" / "layanan-surat.yml"
    current.write_text(current.read_text(encoding="utf-8") + "status: draf\n", encoding="utf-8")
    published, _, _ = load_catalog(folder, drafts=False)
    assert published.sops["layanan-surat"].tanggal_revisi == "01/15-06-2021"
    assert [r.label for r in published.history("layanan-surat")] == ["00", "01"]
    preview, _, _ = load_catalog(folder, drafts=True)
    assert preview.status_of("layanan-surat").draf
    assert [r.label for r in preview.history("layanan-surat")] == ["00", "01", "02"]


# --------------------------------------------------------------------------- review cycle


def test_latest_evaluation_on_the_page_and_the_review_page(site: Path) -> None:
    page = read(site, "sop/layanan-surat/index.html")
    box = re.search(r'id="evaluasi"(.*?)</div>', page, re.S)
    assert box
    assert "Evaluasi terakhir: 10-03-2025, berjalan dengan baik" in text_of(box[1])
    assert "Monitoring terakhir: 01-09-2025, berjalan dengan baik . Tidak ada hambatan." \
        in text_of(box[1])
    review = read(site, "indeks/perlu-ditinjau/index.html")
    late = re.search(r'id="terlambat".*?<tbody>(.*?)</tbody>', review, re.S)
    assert late
    rows = [text_of(r) for r in re.findall(r"<tr>(.*?)</tr>", late[1], re.S)]
    assert rows == [
        "Pengelolaan Arsip 002/SOP/2024 5 Februari 2024 belum pernah dievaluasi (sejak "
        "tanggal efektif)",
        "Pemberian Izin 003/SOP/2024 10 April 2024 kurang baik",
    ]
    assert "sebelum 1 Juni 2024" in text_of(review)
    assert "Perlu ditinjau" in text_of(primary_nav(review))


def test_links_in_banners_history_and_changes_lead_to_pages_and_anchors(
        site: Path, preview: Path) -> None:
    """These parts are raw HTML, which MkDocs does not check or rewrite: follow every
    link, under both `use_directory_urls` settings."""
    followed = 0
    for built in (site, preview):
        for file in (built / "sop").rglob("*.html"):
            page = file.read_text(encoding="utf-8")
            parts = re.findall(r'<div class="sop-(?:status|riwayat|perubahan)[^"]*"(.*?)</div>',
                               page, re.S)
            for href in re.findall(r'href="([^"]+)"', "".join(parts)):
                path, _, anchor = href.partition("#")
                target = (file.parent / path).resolve() if path else file
                if target.is_dir():
                    target = target / "index.html"
                assert target.is_file(), f"{file}: {href}"
                if anchor:
                    assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), href
                followed += 1
    assert followed > 40


# --------------------------------------------------------------------------- in the browser

MEMO = """<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Memo</title>
<link rel="icon" href="data:,"></head>
<body><p>Sesuai SOP Nomor 001/SOP/2021 <a id="kutipan" href="{href}">langkah A.3</a>.</p>
</body></html>"""


def test_memo_link_to_an_old_revision_lands_on_the_old_step(site: Path, browser: Any) -> None:
    """A memo cites revision 01, step A.3 (a step revision 02 removed): the link opens
    that step's old text, the page says it is not the revision in force, and one click
    reaches the current revision. Screenshots of the page and of a revoked SOP's page
    go to tests/artifacts/ (1280 px wide)."""
    (site / "memo.html").write_text(MEMO.format(
        href="sop/layanan-surat/revisi-01/#langkah-a-3"), encoding="utf-8")
    w = PageWatch(browser, serve(site))
    try:
        page = w.open("memo.html")
        page.click("#kutipan")
        page.wait_for_load_state("load")
        assert page.url == w.base_url + "sop/layanan-surat/revisi-01/#langkah-a-3"
        row = page.locator("#langkah-a-3")
        expect(row).to_be_visible()
        expect(row).to_contain_text("Memberi nomor agenda surat")
        expect(row).to_contain_text("Sekretaris")
        banner = page.locator("#status-revisi")
        expect(banner).to_be_visible()
        expect(banner).to_contain_text("Ini revisi 01, bukan revisi yang berlaku")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(ARTIFACTS / "revisi-lama.png"), full_page=False)
        page.locator("#status-revisi a.sop-ke-terkini").click()
        page.wait_for_load_state("load")
        assert page.url == w.base_url + "sop/layanan-surat/"
        expect(page.locator("#status-revisi")).to_have_count(0)
        expect(page.locator("#langkah-a-3")).to_contain_text("Mendisposisikan surat")
        expect(page.locator("#riwayat-revisi-02")).to_contain_text("(berlaku)")
        page.locator("#perubahan-dari-revisi-01").scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / "revisi-perubahan.png"), full_page=False)
        page = w.open("sop/izin-lama/")
        banner = page.locator("#status-dicabut")
        expect(banner).to_be_visible()
        expect(banner).to_contain_text("SOP ini telah dicabut sejak 01-03-2024")
        page.screenshot(path=str(ARTIFACTS / "dicabut.png"), full_page=False)
        page.locator("#status-dicabut a.sop-pengganti").click()
        page.wait_for_load_state("load")
        assert page.url == w.base_url + "sop/izin-baru/"
        assert not w.errors and not w.outside_requests()
    finally:
        w.close()


def test_a_draft_is_marked_on_screen_and_in_print(preview: Path, browser: Any) -> None:
    w = PageWatch(browser, serve(preview))
    try:
        page = w.open("sop/rancangan.html")
        expect(page.locator("h1 .sop-tanda-draf")).to_have_text("DRAF")
        expect(page.locator("#status-sop")).to_be_visible()
        page.emulate_media(media="print")
        mark = page.evaluate("getComputedStyle(document.querySelector('article.md-typeset'),"
                             " '::before').content")
        assert mark == '"DRAF - BELUM BERLAKU"'
        expect(page.locator("#status-sop")).to_be_visible()
        page = w.open("sop/layanan-surat.html")
        assert page.evaluate("getComputedStyle(document.querySelector('article.md-typeset'),"
                             " '::before').content") != '"DRAF - BELUM BERLAKU"'
        assert not w.errors and not w.outside_requests()
    finally:
        w.close()

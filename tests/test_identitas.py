"""The site's identity (situs.yml, unit kop and logo) and `sop-ap init`.

A new site is made the documented way (`sop-ap init DIR`, then situs.yml edited as the
README says), built strictly, and every built page must carry the new instansi's name,
kop and logo, and nothing of the shipped instansi (Mojokerto)."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml
from helpers import ROOT, PageWatch, make_project, mkdocs_build, pagefind_pages, serve
from mkdocs.exceptions import PluginError
from sop_ap import plugin
from sop_ap.cli import INIT_DIR, main
from sop_ap.loader import load_file

SOP_AP = Path(sys.executable).with_name("sop-ap")
NAMA_SITUS = "SOP AP Kabupaten Rekaan"
INSTANSI = "Pemerintah Kabupaten Rekaan"
# Written into situs.yml by the test, as the new site's README asks (synthetic values).
KOP = ["PEMERINTAH KABUPATEN REKAAN", "SEKRETARIAT DAERAH"]
GUIDE = ROOT / "docs" / "panduan-penulisan.md"


@pytest.fixture(scope="module")
def new_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`sop-ap init` in a temporary folder, situs.yml's kop edited, built strictly."""
    tmp = tmp_path_factory.mktemp("init")
    project = tmp / "situs-baru"
    result = subprocess.run([SOP_AP, "init", str(project), "--nama-situs", NAMA_SITUS,
                             "--instansi", INSTANSI], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    situs = project / "sop_data" / "situs.yml"
    text = situs.read_text(encoding="utf-8")
    assert '  - "PEMERINTAH KABUPATEN REKAAN"\n' in text
    situs.write_text(text.replace('  - "PEMERINTAH KABUPATEN REKAAN"\n',
                                  "".join(f"  - {line}\n" for line in KOP)), encoding="utf-8")
    build = mkdocs_build(project, project / "site")
    assert build.returncode == 0, build.stderr
    return project / "site"


def _resolve(site: Path, page: Path, src: str) -> Path:
    """The file a URL written in `page` points to ("/x" from the root of the site)."""
    page_url = "/" + page.relative_to(site).as_posix()
    path = unquote(urlsplit(urljoin(page_url, src)).path).lstrip("/")
    return site / path


def test_init_site_names_the_new_instansi_on_every_page(new_site: Path) -> None:
    pages = sorted(new_site.rglob("*.html"))
    assert len(pages) >= 8  # home, 404, 2 units, the SOP and its revision, 3 indexes
    for page in pages:
        text = page.read_text(encoding="utf-8")
        where = page.relative_to(new_site)
        header = text[text.index('class="md-header__topic"'):]
        assert NAMA_SITUS in header[:400], where
        assert NAMA_SITUS in re.search(r"<title>(.*?)</title>", text, re.S)[1] \
            or where.name == "404.html", where  # type: ignore[index]
        # (mermaid2 rewrites pages with diagrams: attributes may come in another order)
        opening = re.search(r'<section[^>]*class="sop-ap-identitas"[^>]*>', text)
        assert opening and f'aria-label="{INSTANSI}"' in opening[0], where
        footer = text[opening.start():]
        footer = footer[:footer.index("</section>")]
        assert [html.unescape(x) for x in re.findall(
            r'<p class="sop-ap-identitas-kop">(.*?)</p>', footer)] == KOP, where
        assert "Jl. Contoh No. 1" in footer, where
        logos = re.findall(r'<img[^>]*src="([^"]*logo\.svg)"', text)
        assert logos, f"{where}: no logo"
        for src in logos:
            assert _resolve(new_site, page, src).is_file(), f"{where}: {src}"
        icon = re.search(r'<link[^>]*rel="icon"[^>]*>|<link rel="icon"[^>]*>', text)
        assert icon and "logo.svg" in icon[0], where
        href = re.search(r'href="([^"]*)"', icon[0])
        assert href and _resolve(new_site, page, href[1]).is_file(), where


def test_init_site_identity_sheet_prints_the_unit_kop_and_logo(new_site: Path) -> None:
    sheet = (new_site / "sop" / "contoh-sop" / "index.html").read_text(encoding="utf-8")
    cell = sheet[sheet.index('class="sop-kop"'):]
    cell = cell[:cell.index("</td>")]
    # unit.yml's example unit has its own kop (the instansi in capitals, the bagian).
    assert re.findall(r'<strong class="sop-kop-unit sop-kop-tertulis">(.*?)</strong>', cell) \
        == ["PEMERINTAH KABUPATEN REKAAN", "BAGIAN ORGANISASI"]
    src = re.search(r'<img[^>]*class="sop-kop-logo"[^>]*>', cell)
    assert src, cell
    assert 'alt="Logo Pemerintah Kabupaten Rekaan"' in src[0]
    url = re.search(r'src="([^"]*)"', src[0])
    assert url and _resolve(new_site, new_site / "sop/contoh-sop/index.html", url[1]).is_file()


def test_init_site_has_nothing_of_the_shipped_instansi(new_site: Path) -> None:
    # The whole project: the built site, and the data, README and schemas behind it.
    for path in new_site.parent.rglob("*"):
        if path.is_file():
            assert b"mojokerto" not in path.read_bytes().lower(), path
    # Pagefind's index is compressed: read its records too.
    records = pagefind_pages(new_site)
    assert records
    for url, record in records.items():
        assert "mojokerto" not in repr(record).lower(), url


def test_init_project_files(new_site: Path) -> None:
    project = new_site.parent
    readme = (project / "README.md").read_text(encoding="utf-8")
    assert readme.startswith(f"# {NAMA_SITUS}\n")
    bin_dir = Path(sys.executable).parent
    assert f"    {bin_dir}/mkdocs serve\n" in readme
    assert f"    {bin_dir}/sop-ap check sop_data\n" in readme
    example = (project / "sop_data" / "bagian-organisasi" / "contoh-sop.yml").read_text()
    assert example.startswith("# yaml-language-server: $schema=../../schemas/sop.json\n# CONTOH")
    assert 'nama: "CONTOH: ' in example
    assert (project / "schemas" / "situs.json").is_file()
    assert (project / ".gitignore").is_file() and (project / "docs").is_dir()
    check = subprocess.run([SOP_AP, "check", "sop_data"], cwd=project, capture_output=True,
                           text=True)
    assert check.returncode == 0 and check.stdout.endswith(
        "3 berkas diperiksa: 0 kesalahan, 0 peringatan\n"), check.stdout


def test_init_files_follow_the_repository() -> None:
    """The new project pins the same Mermaid and has the same MkDocs set-up as this one
    (only comments may differ), so `npm ci` there gives what sop-ap expects."""
    for name in ("package.json", "package-lock.json"):
        assert (INIT_DIR / name).read_bytes() == (ROOT / name).read_bytes(), name

    class AnyTag(yaml.SafeLoader):
        pass

    AnyTag.add_multi_constructor("", lambda loader, suffix, node: None)
    ours, theirs = (yaml.load((d / "mkdocs.yml").read_text(), Loader=AnyTag)
                    for d in (ROOT, INIT_DIR))
    assert ours == theirs


def test_init_refuses_a_folder_with_files(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "catatan.txt").write_text("milik orang lain")
    assert main(["init", str(tmp_path)]) == 1
    assert "sudah ada dan tidak kosong" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catatan.txt"]


def test_mermaid_is_found_in_the_site_then_in_sop_ap(tmp_path: Path) -> None:
    own = tmp_path / plugin.MERMAID
    assert plugin.mermaid_script(tmp_path, None) == plugin.INSTALLED_FROM / plugin.MERMAID
    own.parent.mkdir(parents=True)
    own.write_text("// mermaid")
    assert plugin.mermaid_script(tmp_path, None) == own
    with pytest.raises(PluginError, match=r"Mermaid tidak ditemukan .*jalankan `npm ci`"):
        plugin.mermaid_script(tmp_path, "lain/mermaid.min.js")


def test_guide_identity_examples_are_valid() -> None:
    """The guide's situs.yml and unit kop/logo examples (section "Identitas situs dan
    instansi": the block that starts with situs.yml's schema line, and the one that
    starts with `# sop_data/unit.yml`) validate."""
    text = GUIDE.read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n((?:# yaml-language-server: \$schema=\.\./plugins/sop_ap/"
                        r"schemas/|# sop_data/)(situs|unit)\.(?:json|yml)\n.*?)```", text, re.S)
    assert sorted(kind for _, kind in blocks) == ["situs", "unit"]
    for block, kind in blocks:
        item = load_file(block.encode(), f"{kind}.yml", kind)
        assert item.loaded is not None and not item.problems, item.problems


# ------------------------------------------------------------------ synthetic identity data


@pytest.fixture(scope="module")
def identity_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/golden/identitas/data (synthetic) built strictly."""
    tmp = tmp_path_factory.mktemp("identitas")
    project = make_project(tmp, ROOT / "tests" / "golden" / "identitas" / "data", docs=False)
    result = mkdocs_build(project, tmp / "site")
    assert result.returncode == 0, result.stderr
    return tmp / "site"


def test_unit_logo_and_kop_on_the_built_identity_sheet(identity_site: Path) -> None:
    expected = {
        "kop-unit": ("logo/bagian-umum.png", ["BADAN UJI SINTETIS", "Provinsi Rekaan",
                                              "BAGIAN UMUM"]),
        "logo-induk": ("logo/bagian-umum.png", ["Badan Uji Sintetis", "Bagian Umum",
                                                "Subbagian Tata Usaha"]),
        "logo-situs": ("logo-situs.svg", ["Badan Uji Sintetis", "Bagian Lain"]),
    }
    for sop_id, (logo, lines) in expected.items():
        for page in (identity_site / "sop" / sop_id / "index.html",
                     identity_site / "sop" / sop_id / "revisi-00" / "index.html"):
            text = page.read_text(encoding="utf-8")
            cell = text[text.index('class="sop-kop"'):]
            cell = cell[:cell.index("</td>")]
            assert re.findall(r'<strong class="sop-kop-unit[^"]*">(.*?)</strong>', cell) \
                == lines, page
            src = re.search(r'<img[^>]*class="sop-kop-logo"[^>]*src="([^"]*)"', cell) or \
                re.search(r'<img[^>]*src="([^"]*)"[^>]*class="sop-kop-logo"', cell)
            assert src and src[1].endswith(logo), page
            target = _resolve(identity_site, page, src[1])
            assert target.read_bytes() == (
                ROOT / "tests/golden/identitas/data" / logo).read_bytes(), page
    # alamat_situs replaces mkdocs.yml's site_url in citations and katalog.json.
    katalog = (identity_site / "katalog.json").read_text(encoding="utf-8")
    assert '"url":"https://sop.contoh.invalid/sop/kop-unit/"' in katalog
    # The footer's address block, every part.
    home = (identity_site / "index.html").read_text(encoding="utf-8")
    assert ("<span>Jl. Rekaan No. 7</span> · <span>Telp. (0000) 111222</span> · "
            "<span>Faks. (0000) 111223</span> · <span>Kota Rekaan 00007</span> · "
            "<span>Surel: uji@contoh.invalid</span> · <span>Laman: contoh.invalid</span>"
            ) in home
    # nama_situs and deskripsi come from the data: escaped wherever Material prints them.
    assert '<meta name="description" content="Situs uji &#34;identitas&#34; (data rekaan)">' \
        in home
    for page in identity_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<Rekaan>" not in text, page
        assert "SOP AP Badan Uji &amp; Sintetis &lt;Rekaan&gt;</title>" in text, page


# ------------------------------------------------------------------ in the browser


def test_header_logo_footer_and_favicon_in_the_browser(browser: Any, new_site: Path) -> None:
    watch = PageWatch(browser, serve(new_site))
    try:
        for path in ("", "sop/contoh-sop/", "unit/bagian-organisasi/"):
            page = watch.open(path)
            logo = page.locator(".md-header .md-logo img")
            assert logo.is_visible(), path
            assert page.evaluate(
                "document.querySelector('.md-header .md-logo img').naturalWidth") > 0, path
            footer = page.locator(".sop-ap-identitas")
            footer.scroll_into_view_if_needed()
            assert footer.is_visible(), path
            assert [x for x in footer.inner_text().split("\n") if x][:2] == KOP, path
            assert page.evaluate(
                "document.querySelector('link[rel=icon]').href").endswith("logo.svg"), path
        sheet = watch.open("sop/contoh-sop/").locator(".sop-kop-logo")
        assert sheet.is_visible()
        assert watch.page.evaluate(
            "document.querySelector('.sop-kop-logo').naturalWidth") > 0
        assert not watch.errors, watch.errors
        assert not watch.outside_requests(), watch.outside_requests()
    finally:
        watch.close()

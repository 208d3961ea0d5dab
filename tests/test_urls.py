"""Every URL the site promises leads to a page that exists, and every promised anchor is
on that page, under both `use_directory_urls` settings (real strict builds): the
katalog.json URLs (SOP, procedure, step), the citation, the step-link example, and
every link of every page's sidebar (with units folded, so the "other units" links are
there too). Reserved ids are in the malformed corpus (`sop-id-index`, `unit-id-index`)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from helpers import BASE, make_project, mkdocs_build, primary_nav
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url
from sop_ap import urls

SITE_URL = "https://intranet.example.go.id/sop-ap/"  # under a sub-path, as intranets are


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize(
    "page", ["sop/penyusunan-iku.md", "unit/setda.md", "index.md", "indeks/pelaksana.md",
             "a/index.md", "a/README.md", "katalog.json", "sop/dua kata.md"])
def test_page_url_is_mkdocs_own(page: str, directory_urls: bool) -> None:
    mkdocs_file = File(page, src_dir=None, dest_dir="/site", use_directory_urls=directory_urls)
    assert urls.page_url(page, directory_urls) == mkdocs_file.url


PAGES = ["index.md", "sop/a.md", "sop/a/revisi-01.md", "sop/b/revisi-00.md", "unit/x.md",
         "indeks/pelaksana.md"]


@pytest.mark.parametrize("directory_urls", [True, False])
def test_relative_url_is_mkdocs_own(directory_urls: bool) -> None:
    """Links written in raw HTML (banners, revision history) are what MkDocs would make."""
    def url(page: str) -> str:
        return File(page, src_dir=None, dest_dir="/site", use_directory_urls=directory_urls).url

    for here in PAGES:
        for there in PAGES:
            expected = get_relative_url(url(there), url(here))
            assert urls.relative_url(here, there, directory_urls) == expected, (here, there)


@pytest.fixture(scope="module", params=[True, False], ids=["directory-urls", "html-urls"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The frozen shipped data under `SITE_URL`, every unit list folded (limit 0)."""
    tmp = tmp_path_factory.mktemp("urls")
    project = make_project(tmp, data=BASE, docs=False)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("site_url: http://127.0.0.1:8000/", f"site_url: {SITE_URL}")
    text = text.replace("use_directory_urls: true", f"use_directory_urls: {request.param}")
    text = text.replace("      data_dir: sop_data\n", "      data_dir: sop_data\n"
                        "      nav_unit_limit: 0\n")
    assert SITE_URL in text and f"use_directory_urls: {request.param}" in text
    config.write_text(text, encoding="utf-8")
    result = mkdocs_build(project, tmp / "site")
    assert result.returncode == 0, result.stderr
    return tmp / "site"


def target(site: Path, url: str) -> tuple[Path, str]:
    """The file a URL of the site is served from, and its anchor."""
    assert url.startswith(SITE_URL), url
    parts = urlsplit(url)
    path = unquote(parts.path)[len(urlsplit(SITE_URL).path):]
    file = site / (path + "index.html" if path == "" or path.endswith("/") else path)
    return file, parts.fragment


def assert_leads_somewhere(site: Path, url: str) -> None:
    file, anchor = target(site, url)
    assert file.is_file(), f"{url}: no {file.relative_to(site)}"
    if anchor:
        assert f'id="{anchor}"' in file.read_text(encoding="utf-8"), f"{url}: no #{anchor}"


def test_katalog_urls_lead_to_their_pages_and_anchors(built: Path) -> None:
    katalog = json.loads((built / "katalog.json").read_text(encoding="utf-8"))
    promised = [sop["url"] for sop in katalog["sop"]]
    promised += [p["url"] for sop in katalog["sop"] for p in sop["prosedur"]]
    promised += [s["url"] for sop in katalog["sop"] for p in sop["prosedur"]
                 for s in p["langkah"]]
    promised += [r["url"] for sop in katalog["sop"] for r in sop["riwayat_revisi"]]
    assert len(promised) > 30
    for url in promised:
        assert_leads_somewhere(built, url)


def test_citation_and_step_link_example(built: Path) -> None:
    katalog = json.loads((built / "katalog.json").read_text(encoding="utf-8"))
    for sop in katalog["sop"]:
        file, _ = target(built, sop["url"])
        page = file.read_text(encoding="utf-8")
        (citation,) = re.findall(r'id="kutipan-sop"><code>(.*?)</code>', page, re.S)
        assert html.unescape(citation).endswith(", " + sop["url"])
        example = re.search(r"revisi berlaku, mis\.\s*<code>(.*?)</code>", page, re.S)
        assert example, "the step-link example is missing"
        step = sop["prosedur"][0]["langkah"][0]["url"]
        assert html.unescape(example[1]) == step
        assert_leads_somewhere(built, step)
        # The revision-specific citation and step link: the text a memo means, forever.
        (cited,) = re.findall(r'id="kutipan-revisi"><code>(.*?)</code>', page, re.S)
        assert html.unescape(cited).endswith(f", revisi {sop['revisi']['nomor']}, "
                                             + sop["revisi"]["url"])
        (fixed,) = re.findall(r'id="contoh-tautan-revisi">(.*?)</code>', page, re.S)
        assert html.unescape(fixed) == sop["revisi"]["url"] + "#" + step.split("#")[1]
        assert_leads_somewhere(built, html.unescape(fixed))


def test_every_sidebar_link_leads_to_a_page(built: Path) -> None:
    pages = [p for p in built.rglob("*.html") if p.name != "404.html"]
    folded = 0
    for file in pages:
        rel = file.relative_to(built).as_posix()
        url = SITE_URL + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        nav = primary_nav(file.read_text(encoding="utf-8"))
        folded += "Unit lainnya" in nav or "Daftar unit" in nav
        for href in re.findall(r'<a href="([^"]+)"', nav):
            assert_leads_somewhere(built, urljoin(url, html.unescape(href)))
    assert folded >= 5  # the "other units" links were among those followed

"""Every page path and URL of the site, in one place.

Generated pages have a path inside docs (`sop/<id>.md`); MkDocs gives each page a
URL from its path, which depends on `use_directory_urls`. Links between pages are
written as docs paths (MkDocs checks and rewrites them, see `pages.link`); URLs
printed as text (the citation, the step-link example, `katalog.json`) come from
`SiteUrls`, which applies MkDocs' rule (`mkdocs.structure.files.File.url`) without
importing MkDocs. Anchors inside a page are in `anchors.py`.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import quote

HOME = "index.md"
ROLE_INDEX = "indeks/pelaksana.md"
LAW_INDEX = "indeks/dasar-hukum.md"
REVIEW_INDEX = "indeks/perlu-ditinjau.md"
CATALOG_JSON = "katalog.json"

SOP_DIR = "sop"
UNIT_DIR = "unit"
LOGO_DIR = "assets/sop-ap/logo"

RESERVED_IDS = {
    "index": "MkDocs menjadikan `{folder}/index.md` halaman folder itu sendiri "
    "(`/{folder}/`), bukan halaman bernama 'index'",
}
"""Ids an SOP or a unit cannot take, with the reason. Pages are built as
`sop/<id>.md` and `unit/<id>.md`, so only names MkDocs treats specially inside a
folder can collide; the site's own files (`404.html`, `search/`, `assets/`,
`katalog.json`, `indeks/`) sit at the root, beside these folders, never in them."""


def reserved_id_problem(value: str, folder: str) -> str | None:
    """The message for an SOP or unit id that cannot be used (None when it can)."""
    reason = RESERVED_IDS.get(value)
    if reason is None:
        return None
    return (f"'{value}' tidak dapat dipakai sebagai id: {reason.format(folder=folder)}; "
            "pilih id lain")


def sop_page(sop_id: str) -> str:
    """Path of an SOP's page inside docs."""
    return f"{SOP_DIR}/{sop_id}.md"


def sop_revision_page(sop_id: str, nomor: int) -> str:
    """Path of one revision of an SOP (`sop/<id>/revisi-01.md`): its permanent page,
    beside the current one (`sop/<id>.md`), so `/sop/<id>/revisi-01/` (or
    `/sop/<id>/revisi-01.html`)."""
    return f"{SOP_DIR}/{sop_id}/revisi-{nomor:02d}.md"


def unit_page(unit_id: str) -> str:
    """Path of a unit's page inside docs."""
    return f"{UNIT_DIR}/{unit_id}.md"


def logo_file(logo: str) -> str:
    """Where a logo of the data folder (`logo.png`, `logo/bps.png`) is copied in the site."""
    return f"{LOGO_DIR}/{logo}"


def page_url(page: str, use_directory_urls: bool = True) -> str:
    """The URL MkDocs gives the Markdown page at docs path `page`, relative to the site
    root: `sop/x.md` -> `sop/x/` (or `sop/x.html`), `a/index.md` -> `a/` (or
    `a/index.html`), `index.md` -> `./` (or `index.html`). Other files keep their path."""
    if not page.endswith(".md"):
        return quote(page)
    parent, _, name = page[: -len(".md")].rpartition("/")
    if name == "README":
        name = "index"
    prefix = f"{parent}/" if parent else ""
    if not use_directory_urls:
        return quote(f"{prefix}{name}.html")
    if name == "index":
        return quote(prefix or "./")
    return quote(f"{prefix}{name}/")


def relative_url(from_page: str, to_page: str, use_directory_urls: bool = True,
                 anchor: str | None = None) -> str:
    """The link from one page to another as the built site needs it, for raw HTML that
    MkDocs does not rewrite (Markdown links are written as `.md` paths instead)."""
    here = page_url(from_page, use_directory_urls)
    there = page_url(to_page, use_directory_urls)
    rel = posixpath.relpath("." if there == "./" else there, posixpath.dirname(here) or ".")
    if there.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return f"{rel}#{anchor}" if anchor else rel


@dataclass(frozen=True)
class SiteUrls:
    """Public URLs of pages, as readers copy them: absolute under `site_url` when the
    site has one, else from the root of the host (`/sop/x/`)."""

    site_url: str | None = None
    use_directory_urls: bool = True

    @property
    def base(self) -> str:
        return self.site_url.rstrip("/") + "/" if self.site_url else "/"

    def of(self, page: str, anchor: str | None = None) -> str:
        url = page_url(page, self.use_directory_urls)
        url = self.base + ("" if url == "./" else url)
        return f"{url}#{anchor}" if anchor else url

    def sop(self, sop_id: str, anchor: str | None = None) -> str:
        return self.of(sop_page(sop_id), anchor)

    def between(self, from_page: str, to_page: str, anchor: str | None = None) -> str:
        """A relative link for raw HTML (see `relative_url`)."""
        return relative_url(from_page, to_page, self.use_directory_urls, anchor)

    def sop_revision(self, sop_id: str, nomor: int, anchor: str | None = None) -> str:
        return self.of(sop_revision_page(sop_id, nomor), anchor)

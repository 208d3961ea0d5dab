"""The `sop-ap` MkDocs plugin: a thin adapter from the core to MkDocs.

on_config: locate the data, take the site's identity from situs.yml (name, description,
           address, logo and favicon), install the Mermaid script and the page assets.
on_files:  load + validate the data (stop the build on errors), add the
           generated pages, the logos and the navigation.
on_env:    the instansi's kop and address for the footer of every page (theme/).
on_nav / on_page_context: each page's sidebar folds long lists of units
           (`sidebar.py`), so pages do not grow with the number of units; indexed
           pages get their search weight and metadata (`search.py`).
on_post_build: index the built site with Pagefind (`search.py`), after every build
           and every `mkdocs serve` rebuild.

Under `mkdocs serve` the instance lives across rebuilds (on_startup), so it
keeps parsed files and rendered pages keyed by content, and writes generated
pages to files whose modification time changes only when their content does:
`mkdocs serve --dirty` then re-renders only the pages an edit touched. A data
error during serve does not stop the server: the last good data stays
served, the errors are printed and shown as a banner on every page.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, cast

from jinja2 import Environment
from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory
from mkdocs.utils.templates import TemplateContext

from . import search, urls
from .catalog import Catalog, default_situs, load_catalog
from .loader import FileCache, read_situs, shown_path
from .model import Situs
from .navigation import navigation
from .pages import (
    GeneratedPage,
    IdentitasView,
    RenderCache,
    TemplateFailure,
    environment,
    identitas_view,
    site_pages,
    site_shape,
)
from .problems import DataError, Problem
from .sidebar import Sidebar
from .tanggal import parse_tanggal
from .tinjauan import Siklus
from .urls import HOME, SOP_DIR

log = get_plugin_logger(__name__)

ASSETS = Path(__file__).parent / "assets"
CSS = "assets/sop-ap/sop-ap.css"
JS = "assets/sop-ap/sop-ap.js"
STATUS = "assets/sop-ap/status.json"
STATUS_JS = "assets/sop-ap/status.js"
SEARCH_JS = "assets/sop-ap/search.js"


class SopApConfig(base.Config):
    data_dir = c.Type(str, default="sop_data")
    """Folder of the SOP data, relative to mkdocs.yml."""
    templates_dir = c.Optional(c.Type(str))
    """Folder with templates overriding the built-in ones (same file names)."""
    mermaid_source = c.Optional(c.Type(str))
    """The pinned Mermaid, relative to mkdocs.yml. Default: the site's own
    `node_modules/mermaid/dist/mermaid.min.js` (`npm ci` beside mkdocs.yml), else the one
    installed with sop-ap (its checkout's node_modules, see `mermaid_script`)."""
    mermaid_target = c.Type(str, default="assets/javascripts/mermaid.min.js")
    """Where Mermaid is copied inside docs_dir (use the same path as mermaid2's `javascript`)."""
    cache_dir = c.Type(str, default=".cache/sop-ap")
    """Generated pages are written here (relative to mkdocs.yml) for `serve --dirty`."""
    draf = c.Type(bool, default=False)
    """Build draft SOPs too (a preview, marked DRAF). Also on when the environment
    variable SOP_AP_DRAF is 1 (e.g. `SOP_AP_DRAF=1 mkdocs serve`)."""
    masa_tinjau_bulan = c.Type(int, default=12)
    """An SOP whose last evaluation is older than this many months is due for review."""
    tanggal_acuan = c.Optional(c.Type((str, date)))
    """The day the review cycle counts to (`2025-06-01`); default: the build date.
    Pin it for reproducible builds."""
    search = c.Type(bool, default=True)
    """Index the site with Pagefind after each build and show its search box in the header
    (in place of Material's `search` plugin, which should then be left out)."""
    search_roots = c.Type(bool, default=True)
    """Add the roots that Snowball's stemmer cannot restore ("kirim" for "pengiriman") as
    hidden text after their words, so that the root finds them (see search.py)."""
    nav_unit_limit = c.Type(int, default=10)
    """Sibling units the sidebar lists; beyond it, only the page's own unit and a link
    to the full list (keeps every page's size independent of the number of units)."""


class SopApPlugin(BasePlugin[SopApConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.file_cache: FileCache = {}
        self.render_cache: RenderCache = {}
        self.templates_signature = ""
        self.last_good: Catalog | None = None
        self.serve_errors: list[Problem] = []
        self.unit_pages: set[str] = set()
        self.home_generated = True
        self.sidebar: Sidebar | None = None
        self.shape: str | None = None
        self.search_pages: dict[str, search.PageSearch] = {}
        self.roots_seconds = 0.0
        self.identitas: IdentitasView | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this instance (and its caches) across serve rebuilds.
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        self.data_dir = (root / self.config.data_dir).resolve()
        self.pages_dir = (root / self.config.cache_dir / "pages").resolve()
        self.templates_dir = (
            (root / self.config.templates_dir).resolve() if self.config.templates_dir else None
        )
        self.drafts = self.config.draf or os.environ.get("SOP_AP_DRAF") == "1"
        acuan: str | date | None = self.config.tanggal_acuan  # type: ignore[assignment]
        self.siklus = Siklus(_reference_day(acuan),
                             self.config.masa_tinjau_bulan)
        config.watch.append(str(self.data_dir))
        if self.templates_dir and not self.templates_dir.is_dir():
            raise PluginError(
                f"sop-ap: templates_dir '{self.config.templates_dir}' tidak ada "
                f"({self.templates_dir}): buat folder itu berisi templat yang hendak diganti, "
                "atau hapus pilihan ini dari mkdocs.yml"
            )
        if self.templates_dir:
            config.watch.append(str(self.templates_dir))
        situs = read_situs(self.data_dir)
        if situs is not None:
            apply_situs(config, situs, serving=self.command == "serve",
                        logo_exists=bool(situs.logo and (self.data_dir / situs.logo).is_file()))
        install_mermaid(
            mermaid_script(root, self.config.mermaid_source),
            Path(config.docs_dir) / self.config.mermaid_target,
        )
        config.extra_css.append(CSS)
        config.extra_javascript.append(JS)
        # sop-ap's templates (footer with the instansi, search box, indexed-page marks)
        # override Material's; a site's own custom_dir still overrides both.
        theme = config.theme
        theme.dirs.insert(1 if theme.custom_dir else 0, str(search.THEME_DIR))
        if self.config.search:
            config.extra_javascript.append(SEARCH_JS)
        if self.command == "serve":
            config.extra_javascript.append(STATUS_JS)
        features = (config.theme.get("features") or []) if config.theme else []
        if "navigation.instant" in features:
            # Pages reached by instant navigation run no new <script> tags: load Mermaid
            # on every page instead of only where mermaid2 adds it.
            config.extra_javascript.append(self.config.mermaid_target)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        with _no_cyclic_gc():
            return self._add_pages(files, config)

    def _add_pages(self, files: Files, config: MkDocsConfig) -> Files:
        catalog = self._load(config.site_name)
        # A site without situs.yml has no instansi to name in the footer.
        self.identitas = identitas_view(catalog.situs) if catalog.situs_path else None
        documents = [f.src_uri for f in files.documentation_pages()]
        self._check_templates()
        env = environment(self.templates_dir)
        try:
            pages = site_pages(catalog, env, config.site_url, with_home=HOME not in documents,
                               cache=self.render_cache,
                               use_directory_urls=config.use_directory_urls,
                               siklus=self.siklus,
                               site_total=catalog.situs.jumlah_waktu)
        except TemplateFailure as exc:
            raise PluginError(f"sop-ap: {exc}") from None
        for page in pages:
            if files.get_file_from_path(page.path) is not None:
                raise PluginError(
                    f"sop-ap: docs/{page.path} akan tertimpa halaman yang dibuat dari data "
                    "SOP: ganti nama berkas itu"
                )
            # A revision's permanent page is reached from its SOP's page, not the nav.
            inclusion = (InclusionLevel.NOT_IN_NAV if page.path.count("/") > 1
                         and page.path.startswith(f"{SOP_DIR}/") else InclusionLevel.UNDEFINED)
            files.append(File.generated(config, page.path, abs_src_path=self._write(page),
                                        inclusion=inclusion))
        if self.command == "serve":
            self._rebuild_all_on_new_shape(catalog, config)
            _remove_stale(self.pages_dir, {p.path for p in pages})
        assets = [(CSS, "sop-ap.css"), (JS, "sop-ap.js"), (STATUS_JS, "status.js"),
                  (SEARCH_JS, "search.js")]
        for uri, name in assets:
            files.append(File.generated(config, uri, abs_src_path=str(ASSETS / name)))
        for logo in catalog.logos:
            files.append(File.generated(config, urls.logo_file(logo),
                                        abs_src_path=str(self.data_dir / logo)))
        if self.command == "serve":
            status = {"errors": [str(p) for p in self.serve_errors]}
            files.append(File.generated(config, STATUS, content=json.dumps(status)))
        self.unit_pages = {urls.unit_page(u.id) for u in catalog.units_with_content()}
        self.home_generated = HOME not in documents
        if self.config.search:
            self.search_pages = search.page_search(
                catalog, [p.path for p in pages], documents, HOME)
        if config.nav is None:
            extra: list[Any] = [d for d in documents if d != HOME]
            config.nav = navigation(catalog, extra)
        if self.command != "serve":
            self._forget()
        return files

    def _rebuild_all_on_new_shape(self, catalog: Catalog, config: MkDocsConfig) -> None:
        """`serve --dirty` rebuilds only pages whose source changed. When SOPs, titles,
        units or lanes change, every page's navigation and links change: empty the
        served folder so that every page is built again and a removed SOP's URL is gone."""
        shape = site_shape(catalog)
        if self.shape is not None and shape != self.shape:
            clean_directory(config.site_dir)
            # Material's search keeps the previous index under `serve --dirty` and
            # replaces only the first rebuilt page's entries: start it afresh too.
            for plugin in config.plugins.values():
                if hasattr(plugin, "search_index_prev"):
                    plugin.search_index_prev = None
        self.shape = shape

    def _forget(self) -> None:
        """A one-shot build needs no data once its pages exist. Kept alive, the parsed
        files (a million small objects at 2,000 SOPs) make every later garbage
        collection walk them (measured at N = 500: 10.4 s of collections, 7.6 s without)."""
        self.file_cache.clear()
        self.render_cache.clear()
        self.last_good = None

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig,
                 builder: Callable[..., Any]) -> LiveReloadServer:
        """Say, in Indonesian, where the site is served and what the server does."""
        print(serve_banner(server.url, shown_path(self.data_dir)), file=sys.stderr, flush=True)
        return server

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        # For the theme's partials/copyright.html: the instansi at the foot of every page.
        env.globals["sop_ap_identitas"] = self.identitas
        return env

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.sidebar = Sidebar(nav, self.unit_pages, self.config.nav_unit_limit,
                               home_lists_units=self.home_generated)
        return nav

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        if self.sidebar is not None:
            context["nav"] = self.sidebar.for_page(page)
        # For the theme's main.html (what Pagefind indexes on this page).
        cast(dict[str, Any], context)["sop_ap_search"] = self.search_pages.get(page.file.src_uri)
        return context

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if self.config.search_roots and page.file.src_uri in self.search_pages:
            start = time.perf_counter()
            html = search.add_roots(html)
            self.roots_seconds += time.perf_counter() - start
        return html

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.search:
            return
        try:
            run = search.build_index(Path(config.site_dir))
        except search.SearchError as exc:
            raise PluginError(str(exc)) from None
        log.info(f"Pagefind mengindeks {run.pages} halaman dalam {run.seconds:.2f} detik "
                 f"(kata dasar tersembunyi: {self.roots_seconds:.2f} detik)")
        self.roots_seconds = 0.0

    def _load(self, site_name: str) -> Catalog:
        try:
            catalog, problems, _ = load_catalog(self.data_dir, self.file_cache, self.drafts,
                                                site_name)
        except DataError as exc:
            if self.command != "serve":
                raise PluginError(str(exc)) from None
            # Keep serving the last good data (none yet: a site without SOPs) and wait for
            # the fix; say loudly what is wrong (not through the mkdocs logger: under
            # `strict` that would abort the rebuild).
            self.serve_errors = [p for p in exc.problems if p.severity == "error"]
            kept = ("situs tetap menampilkan data valid terakhir sampai kesalahan diperbaiki"
                    if self.last_good is not None else
                    "belum ada data yang valid: situs ditampilkan tanpa SOP sampai kesalahan "
                    "diperbaiki")
            print(f"\nsop-ap: {exc}\nsop-ap: {kept}.\n", file=sys.stderr, flush=True)
            return self.last_good if self.last_good is not None else Catalog(
                situs=default_situs(site_name))
        self.serve_errors = []
        for problem in problems:
            if problem.severity == "note":
                log.info(str(problem))
            else:
                log.warning(str(problem))
        self.last_good = catalog
        return catalog

    def _check_templates(self) -> None:
        """Forget rendered pages when an override template changes."""
        signature = ""
        if self.templates_dir and self.templates_dir.is_dir():
            stamps = sorted((p.name, p.stat().st_mtime_ns) for p in self.templates_dir.iterdir())
            signature = repr(stamps)
        if signature != self.templates_signature:
            self.render_cache.clear()
            self.templates_signature = signature

    def _write(self, page: GeneratedPage) -> str:
        """Write a generated page only when its content changed (keeps mtimes for --dirty)."""
        target = self.pages_dir / page.path
        data = page.content.encode("utf-8")
        if not (target.is_file() and _same(target, data)):
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        return str(target)


def serve_banner(url: str, data_dir: str) -> str:
    """What `mkdocs serve` prints before MkDocs' own (English) lines."""
    return (f"\nsop-ap: situs dapat dibuka di {url}\n"
            f"sop-ap: setiap perubahan berkas di {data_dir} langsung dibangun ulang; "
            "kesalahan data tampil di sini dan di setiap halaman. Hentikan dengan Ctrl+C.\n")


def _reference_day(text: str | date | None) -> date:
    if text is None:
        return date.today()
    if isinstance(text, date):  # YAML reads 2025-06-01 as a date
        return text
    day = parse_tanggal(text).tanggal
    if day is None:
        raise PluginError(f"sop-ap: tanggal_acuan '{text}' bukan tanggal: tulis mis. "
                          "2025-06-01")
    return day


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Loading and rendering allocate millions of objects and leave no reference
    cycles behind: pause the cyclic collector, which otherwise keeps walking
    everything alive (measured at N = 500: 7.6 s of collections in the build, 6.7 s
    with the pause, as much as MkDocs alone on the same pages)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _remove_stale(folder: Path, keep: set[str]) -> None:
    """Delete generated pages of SOPs and units that no longer exist."""
    if not folder.is_dir():
        return
    for path in folder.rglob("*"):
        if path.is_file() and path.relative_to(folder).as_posix() not in keep:
            path.unlink()


def _same(path: Path, data: bytes) -> bool:
    if path.stat().st_size != len(data):
        return False
    return path.read_bytes() == data


def apply_situs(config: MkDocsConfig, situs: Situs, serving: bool, logo_exists: bool) -> None:
    """The site's identity from situs.yml in MkDocs' configuration: name, description,
    published address (not under `mkdocs serve`, which serves at its own address), and the
    logo as Material's header logo and favicon (copied into the site by on_files; a missing
    file is an error of the data, reported when it loads)."""
    # Material prints site_name and site_description into the page without escaping
    # (trusting mkdocs.yml); from the data they come as escaped HTML (Markup: `| e` in
    # Material's templates leaves it as it is).
    config.site_name = escape(situs.nama_situs)
    if situs.deskripsi:
        config.site_description = escape(situs.deskripsi)
    if situs.alamat_situs and not serving:
        config.site_url = situs.alamat_situs.rstrip("/") + "/"
    if situs.logo and logo_exists:
        config.theme["logo"] = urls.logo_file(situs.logo)
        config.theme["favicon"] = urls.logo_file(situs.logo)


MERMAID = "node_modules/mermaid/dist/mermaid.min.js"
INSTALLED_FROM = Path(__file__).resolve().parent.parent.parent
"""The checkout sop-ap is installed from (`pip install -e .`, as `python3 dev.py` does);
its `npm ci` put the pinned Mermaid in its node_modules."""


def mermaid_script(root: Path, configured: str | None) -> Path:
    """The pinned Mermaid: `mermaid_source` when set, else the site's own node_modules
    (`npm ci` beside mkdocs.yml), else the one installed with sop-ap."""
    candidates = ([root / configured] if configured
                  else [root / MERMAID, INSTALLED_FROM / MERMAID])
    for path in candidates:
        if path.is_file():
            return path
    looked = " atau ".join(str(p) for p in candidates)
    raise PluginError(
        f"sop-ap: Mermaid tidak ditemukan (dicari di {looked}): jalankan `npm ci` di folder "
        "yang memuat mkdocs.yml (package.json ada di sana), atau tulis `mermaid_source:` "
        "pada plugin sop-ap di mkdocs.yml dengan letak mermaid.min.js"
    )


def install_mermaid(source: Path, target: Path) -> None:
    """Copy the pinned Mermaid into docs_dir (for mermaid2), with raised size limits."""
    content = source.read_bytes() + b"".join(
        (ASSETS / name).read_bytes() for name in ("mermaid-limits.js", "swimlane-tidy.js"))
    if target.is_file() and target.read_bytes() == content:
        return  # unchanged: do not touch docs_dir, or `mkdocs serve` would loop
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)

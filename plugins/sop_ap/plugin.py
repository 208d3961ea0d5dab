"""The `sop-ap` MkDocs plugin: a thin adapter from the core to MkDocs.

on_config: locate the data, install the Mermaid script and the page assets.
on_files:  load + validate the data (stop the build on errors), add the
           generated pages and the navigation.
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
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from . import anchors, search
from .catalog import Catalog, load_catalog
from .loader import FileCache
from .pages import HOME, GeneratedPage, RenderCache, environment, navigation, site_pages
from .problems import DataError, Problem
from .sidebar import Sidebar

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
    mermaid_source = c.Type(str, default="node_modules/mermaid/dist/mermaid.min.js")
    """The pinned Mermaid from npm (`npm ci`), relative to mkdocs.yml."""
    mermaid_target = c.Type(str, default="assets/javascripts/mermaid.min.js")
    """Where Mermaid is copied inside docs_dir (use the same path as mermaid2's `javascript`)."""
    cache_dir = c.Type(str, default=".cache/sop-ap")
    """Generated pages are written here (relative to mkdocs.yml) for `serve --dirty`."""
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
        self.search_pages: dict[str, search.PageSearch] = {}
        self.roots_seconds = 0.0

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
        config.watch.append(str(self.data_dir))
        if self.templates_dir:
            config.watch.append(str(self.templates_dir))
        install_mermaid(
            root / self.config.mermaid_source, Path(config.docs_dir) / self.config.mermaid_target
        )
        config.extra_css.append(CSS)
        config.extra_javascript.append(JS)  # type: ignore[arg-type]
        if self.config.search:
            # sop-ap's templates (search box, indexed-page marks) override Material's;
            # a site's own custom_dir still overrides both.
            theme = config.theme
            theme.dirs.insert(1 if theme.custom_dir else 0, str(search.THEME_DIR))
            config.extra_javascript.append(SEARCH_JS)  # type: ignore[arg-type]
        if self.command == "serve":
            config.extra_javascript.append(STATUS_JS)  # type: ignore[arg-type]
        features = (config.theme.get("features") or []) if config.theme else []
        if "navigation.instant" in features:
            # Pages reached by instant navigation run no new <script> tags: load Mermaid
            # on every page instead of only where mermaid2 adds it.
            config.extra_javascript.append(self.config.mermaid_target)  # type: ignore[arg-type]
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        with _no_cyclic_gc():
            return self._add_pages(files, config)

    def _add_pages(self, files: Files, config: MkDocsConfig) -> Files:
        catalog = self._load()
        documents = [f.src_uri for f in files.documentation_pages()]
        self._check_templates()
        env = environment(self.templates_dir)
        pages = site_pages(catalog, env, config.site_url, with_home=HOME not in documents,
                           cache=self.render_cache)
        for page in pages:
            if files.get_file_from_path(page.path) is not None:
                raise PluginError(
                    f"docs/{page.path} would be replaced by a generated page: rename it"
                )
            files.append(File.generated(config, page.path, abs_src_path=self._write(page)))
        assets = [(CSS, "sop-ap.css"), (JS, "sop-ap.js"), (STATUS_JS, "status.js"),
                  (SEARCH_JS, "search.js")]
        for uri, name in assets:
            files.append(File.generated(config, uri, abs_src_path=str(ASSETS / name)))
        if self.command == "serve":
            status = {"errors": [str(p) for p in self.serve_errors]}
            files.append(File.generated(config, STATUS, content=json.dumps(status)))
        self.unit_pages = {anchors.unit_page(u.id) for u in catalog.units_with_content()}
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

    def _forget(self) -> None:
        """A one-shot build needs no data once its pages exist. Kept alive, the parsed
        files (a million small objects at 2,000 SOPs) make every later garbage
        collection walk them (measured at N = 500: 10.4 s of collections, 7.6 s without)."""
        self.file_cache.clear()
        self.render_cache.clear()
        self.last_good = None

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.sidebar = Sidebar(nav, self.unit_pages, self.config.nav_unit_limit,
                               home_lists_units=self.home_generated)
        return nav

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        if self.sidebar is not None:
            context["nav"] = self.sidebar.for_page(page)
        context["sop_ap_search"] = self.search_pages.get(page.file.src_uri)
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
        log.info(f"Pagefind indexed {run.pages} pages in {run.seconds:.2f} s "
                 f"(hidden roots: {self.roots_seconds:.2f} s)")
        self.roots_seconds = 0.0

    def _load(self) -> Catalog:
        try:
            catalog, problems, _ = load_catalog(self.data_dir, self.file_cache)
        except DataError as exc:
            if self.command != "serve" or self.last_good is None:
                raise PluginError(str(exc)) from None
            # Keep serving the last good data; say loudly what is wrong (not through the
            # mkdocs logger: under `strict` that would abort the rebuild).
            self.serve_errors = [p for p in exc.problems if p.severity == "error"]
            print(f"\nsop-ap: {exc}\nsop-ap: still serving the last valid data.\n",
                  file=sys.stderr, flush=True)
            return self.last_good
        self.serve_errors = []
        for problem in problems:
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


def _same(path: Path, data: bytes) -> bool:
    if path.stat().st_size != len(data):
        return False
    return path.read_bytes() == data


def install_mermaid(source: Path, target: Path) -> None:
    """Copy the pinned Mermaid into docs_dir (for mermaid2), with raised size limits."""
    if not source.is_file():
        raise PluginError(
            f"Mermaid not found at {source}: run `npm ci` (README's commands do it)"
        )
    content = source.read_bytes() + (ASSETS / "mermaid-limits.js").read_bytes()
    if target.is_file() and target.read_bytes() == content:
        return  # unchanged: do not touch docs_dir, or `mkdocs serve` would loop
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)

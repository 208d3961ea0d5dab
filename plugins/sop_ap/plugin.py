"""The `sop-ap` MkDocs plugin: a thin adapter from the core to MkDocs.

on_config: locate the data, install the Mermaid script and the page assets.
on_files:  load + validate the data (stop the build on errors), add the
           generated pages and the navigation.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from .catalog import load_catalog
from .pages import HOME, environment, navigation, site_pages
from .problems import DataError

log = get_plugin_logger(__name__)

ASSETS = Path(__file__).parent / "assets"
CSS = "assets/sop-ap/sop-ap.css"
JS = "assets/sop-ap/sop-ap.js"


class SopApConfig(base.Config):
    data_dir = c.Type(str, default="sop_data")
    """Folder of the SOP data, relative to mkdocs.yml."""
    templates_dir = c.Optional(c.Type(str))
    """Folder with templates overriding the built-in ones (same file names)."""
    mermaid_source = c.Type(str, default="node_modules/mermaid/dist/mermaid.min.js")
    """The pinned Mermaid from npm (`npm ci`), relative to mkdocs.yml."""
    mermaid_target = c.Type(str, default="assets/javascripts/mermaid.min.js")
    """Where Mermaid is copied inside docs_dir (use the same path as mermaid2's `javascript`)."""


class SopApPlugin(BasePlugin[SopApConfig]):
    supports_multiple_instances = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this instance alive across `mkdocs serve` rebuilds.
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        self.data_dir = (root / self.config.data_dir).resolve()
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
        features = (config.theme.get("features") or []) if config.theme else []
        if "navigation.instant" in features:
            # Pages reached by instant navigation run no new <script> tags: load Mermaid
            # on every page instead of only where mermaid2 adds it.
            config.extra_javascript.append(self.config.mermaid_target)  # type: ignore[arg-type]
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        try:
            catalog, problems, _ = load_catalog(self.data_dir)
        except DataError as exc:
            raise PluginError(str(exc)) from None
        for problem in problems:
            log.warning(str(problem))
        documents = [f.src_uri for f in files.documentation_pages()]
        has_home = HOME in documents
        env = environment(self.templates_dir)
        for page in site_pages(catalog, env, config.site_url, with_home=not has_home):
            existing = files.get_file_from_path(page.path)
            if existing is not None:
                raise PluginError(
                    f"docs/{page.path} would be replaced by a generated page: rename it"
                )
            files.append(File.generated(config, page.path, content=page.content))
        for uri, name in ((CSS, "sop-ap.css"), (JS, "sop-ap.js")):
            files.append(File.generated(config, uri, abs_src_path=str(ASSETS / name)))
        if config.nav is None:
            extra: list[Any] = [d for d in documents if d != HOME]
            config.nav = navigation(catalog, extra)
        return files


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

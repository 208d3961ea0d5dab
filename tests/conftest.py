"""Shared fixtures: a site built once per session, served on localhost, and a browser."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("SOP_AP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = ROOT / "tests" / "artifacts"


def mkdocs_build(project: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run a real `mkdocs build --strict` of `project` (a folder with mkdocs.yml)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir), *extra],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def make_project(tmp: Path, data: Path | None = None, docs: bool = True) -> Path:
    """A copy of the repository's site set-up in `tmp`, with `data` as sop_data."""
    project = tmp / "project"
    project.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(data or ROOT / "sop_data", project / "sop_data")
    if docs:
        shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("assets"))
    else:
        (project / "docs").mkdir()
    nm = project / "node_modules"
    nm.mkdir()
    (nm / "mermaid").symlink_to(ROOT / "node_modules" / "mermaid")
    return project


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped data built once, strictly, into a temporary folder."""
    tmp = tmp_path_factory.mktemp("shipped")
    project = make_project(tmp)
    result = mkdocs_build(project, tmp / "site")
    assert result.returncode == 0, result.stderr
    return tmp / "site"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@functools.cache
def _server_for(directory: str) -> str:
    handler = functools.partial(_QuietHandler, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def serve(directory: Path) -> str:
    """Serve a built site on localhost (for the session); returns its base URL."""
    return _server_for(str(directory))


@pytest.fixture(scope="session")
def shipped_url(shipped_site: Path) -> str:
    return serve(shipped_site)


def browser_available() -> bool:
    return Path(CHROMIUM).exists()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not browser_available():
        message = (
            f"Chromium not found at {CHROMIUM}: browser tests cannot run "
            "(install Debian's chromium package)"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


OPEN_SHADOW_ROOTS = """
(() => {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    return attach.call(this, Object.assign({}, init, { mode: "open" }));
  };
})();
"""


class PageWatch:
    """A browser page that records every request and every error."""

    def __init__(self, browser: object, base_url: str, width: int = 1280) -> None:
        context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
        context.add_init_script(OPEN_SHADOW_ROOTS)
        self.context = context
        self.base_url = base_url
        self.page = context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on(
            "console", lambda m: self.errors.append(m.text) if m.type == "error" else None
        )

    def open(self, path: str) -> object:
        self.page.goto(self.base_url + path)
        self.page.wait_for_load_state("load")
        return self.page

    def wait_for_diagrams(self, timeout: float = 20000) -> int:
        """Wait until every diagram on the page is drawn (or failed); returns their count."""
        self.page.wait_for_function(
            """() => {
              const pending = document.querySelectorAll('pre.mermaid').length;
              const drawn = [...document.querySelectorAll('div.mermaid')]
                 .filter(d => d.shadowRoot && d.shadowRoot.querySelector('svg')).length;
              return pending === 0 && drawn > 0;
            }""",
            timeout=timeout,
        )
        return self.page.evaluate("document.querySelectorAll('div.mermaid').length")

    def outside_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(self.base_url) and
                not u.startswith("data:") and not u.startswith("blob:")]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watch(browser: object, shipped_url: str) -> Iterator[PageWatch]:
    w = PageWatch(browser, shipped_url)
    yield w
    w.close()

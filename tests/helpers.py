"""Helpers shared by the tests (fixtures are in conftest.py): paths, real builds, a local
server, a recording browser page, and reading generated HTML."""

from __future__ import annotations

import functools
import gzip
import html
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
# A frozen copy of the shipped data: tests that edit data or cite line numbers use it,
# so that rewriting the live seed (sop_data/) never moves a line under them.
BASE = ROOT / "tests" / "malformed" / "base"
SEED_SOP = "organisasi/penyusunan-iku.yml"
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


# --------------------------------------------------------------------------- real builds


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


def line_of(path: Path, text: str) -> int:
    """The 1-based number of the only line of `path` that contains `text`."""
    found = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if text in line]
    assert len(found) == 1, f"{text!r} is on lines {found} of {path}"
    return found[0]


# --------------------------------------------------------------------------- generated HTML


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def text_of(page: str) -> str:
    """The visible text of an HTML page (or fragment), whitespace collapsed."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    body = re.sub(r"<[^>]+>", " ", body)
    return " ".join(html.unescape(body).split())


def primary_nav(page: str) -> str:
    """The HTML of the page's primary (left) sidebar."""
    start = page.index("md-nav--primary")
    return page[start:page.index("md-sidebar--secondary", start)]


# --------------------------------------------------------------------------- serving, browser


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


def browser_available() -> bool:
    return Path(CHROMIUM).exists()


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

    def __init__(self, browser: Any, base_url: str, width: int = 1280) -> None:
        context = browser.new_context(viewport={"width": width, "height": 900})
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

    def open(self, path: str) -> Any:
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
        return int(self.page.evaluate("document.querySelectorAll('div.mermaid').length"))

    def outside_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(self.base_url) and
                not u.startswith("data:") and not u.startswith("blob:")]

    def close(self) -> None:
        self.context.close()


def pagefind_pages(site: Path) -> dict[str, dict[str, Any]]:
    """Pagefind's record of every indexed page (gzip, after a signature), by URL."""
    pages = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        record = json.loads(data[data.index(b"{"):])
        pages[record["url"]] = record
    return pages

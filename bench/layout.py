"""How often a drawn swimlane misleads, on generated flows (SYNTHETIC data).

Generates procedures with the flow patterns of real SOPs (the property test's
strategy: joint rows lane by lane, rows of symbols with their own text, loops,
several starts and ends; random and hostile text), draws each in headless Chromium
with the pinned Mermaid, once as Mermaid draws it and once tidied as the site shows it
(assets/swimlane-tidy.js), and counts the diagrams where each check of
tests/diagram_checks.py finds a fault.

    .venv/bin/python bench/layout.py --n 80
"""

from __future__ import annotations

import argparse
import collections
import functools
import http.server
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from diagram_checks import CHECKS, EXTRACT_JS  # noqa: E402
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from sop_ap import flow  # noqa: E402
from sop_ap.model import Prosedur  # noqa: E402
from sop_ap.swimlane import swimlane  # noqa: E402
from test_flow_diagrams import drawn_arrows, expected_arrows  # noqa: E402
from test_property import procedure  # noqa: E402

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
ASSETS = ROOT / "plugins" / "sop_ap" / "assets"
PAGE = """<!doctype html><html><head><meta charset="utf-8">
<script src="mermaid.min.js"></script></head><body><div id="out"></div><script>
mermaid.initialize({startOnLoad: false});
window.draw = async (src) => {
  const {svg} = await mermaid.render("d" + Math.floor(Math.random() * 1e9), src);
  document.getElementById("out").innerHTML = svg;
};
</script></body></html>"""


def generated(count: int) -> list[Prosedur]:
    found: list[dict[str, Any]] = []

    @settings(max_examples=count, deadline=None, derandomize=True, database=None,
              phases=[Phase.generate], suppress_health_check=list(HealthCheck))
    @given(p=procedure("A"))
    def collect(p: dict[str, Any]) -> None:
        found.append(p)

    collect()
    procs = [Prosedur.model_validate(p) for p in found]
    return [p for p in procs if not flow.check(p)]


def serve(folder: Path) -> str:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def measure(procs: list[Prosedur], tidy: bool, chromium: str) -> collections.Counter[str]:
    mermaid = ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
    faults: collections.Counter[str] = collections.Counter()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        script = mermaid.read_bytes() + (ASSETS / "mermaid-limits.js").read_bytes()
        if tidy:
            script += (ASSETS / "swimlane-tidy.js").read_bytes()
        (folder / "mermaid.min.js").write_bytes(script)
        (folder / "index.html").write_text(PAGE, encoding="utf-8")
        url = serve(folder)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(url + "index.html")
            for proc in procs:
                try:
                    page.evaluate("s => draw(s)", swimlane(proc, "x"))
                except Exception:  # a diagram Mermaid cannot draw
                    faults["rendered"] += 1
                    faults["any"] += 1
                    continue
                geom = page.evaluate(EXTRACT_JS, page.query_selector("#out svg"))[0]
                names = [n for n, check in CHECKS.items() if check(geom)]
                if drawn_arrows(geom, proc) != expected_arrows(proc):
                    names.append("arrows")
                faults.update(names)
                faults["any"] += bool(names)
            browser.close()
    return faults


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=80, help="procedures to generate")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    procs = generated(args.n)
    rows = {"Mermaid as drawn": measure(procs, False, args.chromium),
            "tidied (as the site shows it)": measure(procs, True, args.chromium)}
    names = ["any", "arrows", *CHECKS]
    print(f"{len(procs)} generated procedures (SYNTHETIC); diagrams with a fault:\n")
    print("| check | " + " | ".join(rows) + " |")
    print("|---|" + "---|" * len(rows))
    for name in names:
        print(f"| {name} | " + " | ".join(str(r[name]) for r in rows.values()) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

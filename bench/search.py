"""Search benchmark: sop-ap's Pagefind search against Material's lunr search (the baseline,
measured in the same run), on SYNTHETIC data, in headless Chromium; and the query table
(tests/search_queries.yml) through lunr, for the score before Pagefind.

For N synthetic SOPs it builds the site twice: as shipped (Pagefind) and with Material's
`search` plugin in its place (the configuration before Pagefind: trimmer only, separator
`[\\s\\-/]+`). It measures:
- index build time: Pagefind's run plus the hidden roots (from the build log), as a
  share of the build; lunr builds its index in the browser (see "ready");
- bytes on disk of the index (pagefind/ or search/);
- bytes fetched for the first query on a loaded SOP page (index, worker, scripts of the
  search; the page itself not counted);
- time from typing the first query on a loaded page to the first result drawn (median of
  RUNS fresh pages);
- the renderer's memory (RSS of the page's renderer process, workers included) after 15
  queries.
Then it writes the section "Search" of bench/RESULTS.md (run.py keeps it).

    .venv/bin/python bench/search.py --n 2000           # about 15 minutes on 2 cores
    .venv/bin/python bench/search.py --n 100 --out /tmp/r.md
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate
from run import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ENV,
    ROOT,
    SEARCH_START,
    dir_size,
    project_dir,
    shipped_config,
    verdict,
    write_config,
)

RUNS = 5
# The first query: words that most synthetic SOPs contain (the worst case: ~1,500 of
# 2,000 pages match), and the number of one SOP (one page matches).
FIRST = ["memverifikasi dokumen", "{nomor}"]
QUERIES = ["memverifikasi dokumen", "penyusunan", "persetujuan", "Kasubbag Umum",
           "laporan kinerja", "rancangan keputusan", "notulen rapat", "berkas permohonan",
           "Verifikator", "Undang-Undang Nomor 20", "arsip digital", "menandatangani",
           "rekapitulasi data", "formulir isian", "nota dinas"]
LUNR = {"search": {"pipeline": ["trimmer"], "separator": r"[\s\-/]+"}}


@dataclass
class Engine:
    name: str
    build_s: float = 0.0
    index_s: float | None = None  # None: built in the browser
    disk_kb: float = 0.0
    fetched_kb: list[float] = field(default_factory=list)
    first_ms: list[float] = field(default_factory=list)  # broad first query
    number_ms: list[float] = field(default_factory=list)  # an SOP number as first query
    ready_ms: list[float] = field(default_factory=list)
    memory_mb: float = 0.0
    loaded_mb: float = 0.0  # before any query
    table: tuple[int, int, int] = (0, 0, 0)  # page first, page and anchor first, rows


def lunr_config(config: dict) -> dict:
    config = json.loads(json.dumps(config))
    plugins = []
    for p in config["plugins"]:
        if isinstance(p, dict) and "sop-ap" in p:
            p = {"sop-ap": {**p["sop-ap"], "search": False}}
        plugins.append(p)
    config["plugins"] = [LUNR, *plugins]
    config["theme"]["features"] = [*config["theme"]["features"], "search.highlight"]
    return config


def build(project: Path, site: Path) -> tuple[float, float | None]:
    """`mkdocs build`: wall time and Pagefind's share (index + roots) from the log."""
    shutil.rmtree(site, ignore_errors=True)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(site)],
                            cwd=project, env=ENV, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{result.stderr[-3000:]}")
    match = re.search(r"Pagefind indexed \d+ pages in ([\d.]+) s \(hidden roots: ([\d.]+) s\)",
                      result.stderr)
    return wall, (float(match.group(1)) + float(match.group(2))) if match else None


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve(site: Path) -> str:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


# Types a query the way a user does (value, input and keyup events: Material listens to
# keyup, sop-ap to input) and resolves with the ms until the first result is drawn.
TYPE = """async (query) => {
  const box = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  box.focus();
  const start = performance.now();
  const drawn = new Promise(resolve => {
    const seen = () => list.querySelector(".md-search-result__item");
    if (seen()) list.textContent = "";
    const observer = new MutationObserver(() => {
      if (seen()) { observer.disconnect(); resolve(performance.now() - start); }
    });
    observer.observe(list, {childList: true, subtree: true});
  });
  box.value = query;
  box.dispatchEvent(new Event("input", {bubbles: true}));
  box.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true, key: "End"}));
  const none = new Promise(resolve => setTimeout(() => resolve(-1), 30000));
  return await Promise.race([drawn, none]);  // -1: no result drawn within 30 s
}"""


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def renderer_mb() -> float:
    """Private memory (Private_Clean + Private_Dirty, as Chrome's "memory footprint"; not the
    shared browser binary) of this process's Chromium renderers: one page open, its
    renderer, workers included."""
    total = 0
    for pid in descendants(os.getpid()):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            if b"--type=renderer" not in cmdline:
                continue
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        total += sum(int(m) for m in re.findall(r"Private_(?:Clean|Dirty):\s+(\d+) kB", rollup))
    return total / 1024


def measure_browser(engine: Engine, base: str, page_path: str, nomor: str) -> None:
    from playwright.sync_api import sync_playwright

    search_parts = ("/pagefind/", "/search/", "/workers/search", "/assets/sop-ap/search.js")
    with sync_playwright() as p:
        for run in range(2 * RUNS):
            query = FIRST[run % 2].format(nomor=nomor)
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            sizes: dict[str, int] = {}
            outside: list[str] = []

            def finished(request: object, sizes: dict[str, int] = sizes) -> None:
                url = request.url  # type: ignore[attr-defined]
                if any(part in url for part in search_parts):
                    body = request.sizes()["responseBodySize"]  # type: ignore[attr-defined]
                    sizes[url] = sizes.get(url, 0) + body

            context.on("requestfinished", finished)
            context.on("request", lambda r, o=outside: o.append(r.url)
                       if not r.url.startswith((base, "data:", "blob:")) else None)
            page = context.new_page()
            start = time.perf_counter()
            page.goto(base + page_path)
            page.wait_for_load_state("load")
            engine.ready_ms.append((time.perf_counter() - start) * 1000)
            page.wait_for_timeout(1000)  # a user reads before typing; idle work is done
            if run == 0:
                engine.loaded_mb = renderer_mb()
            ms = page.evaluate(TYPE, query)
            ms = 30000.0 if ms < 0 else ms  # nothing within 30 s: counted as 30 s
            (engine.first_ms if run % 2 == 0 else engine.number_ms).append(ms)
            page.wait_for_timeout(300)  # the last chunks of the answer
            if run % 2 == 0:
                engine.fetched_kb.append(sum(sizes.values()) / 1e3)
            print(f"   {engine.name} run {run + 1} {query!r}: first results {ms:.0f} ms, "
                  f"{sum(sizes.values()) / 1e3:.0f} KB", flush=True)
            if run == 0:
                for other in QUERIES[1:]:
                    page.evaluate(TYPE, other)
                page.wait_for_timeout(1000)
                engine.memory_mb = renderer_mb()
            if outside:
                raise SystemExit(f"requests outside the host: {outside}")
            browser.close()


def table_rows(data: Path | None) -> list[tuple[str, str, str | None]]:
    sys.path.insert(0, str(ROOT / "tests"))
    from test_search import shipped_rows, synthetic_rows

    rows = shipped_rows() if data is None else synthetic_rows(data)
    return [(r.query, r.page, r.anchor) for r in rows]


def run_table(base: str, rows: list[tuple[str, str, str | None]]) -> tuple[int, int, int]:
    """The query table through the site's search box: (page first, page and anchor first)."""
    from playwright.sync_api import sync_playwright

    page_first = both = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(base)
        for query, want, anchor in rows:
            page.evaluate(TYPE, query)
            page.wait_for_timeout(150)
            hrefs = page.evaluate("[...document.querySelectorAll("
                                  "'li.md-search-result__item > a')].map(a => a.href)")
            first = urlsplit(hrefs[0]) if hrefs else None
            if first is not None and first.path == "/" + want:
                page_first += 1
                both += anchor is None or first.fragment == anchor
        browser.close()
    return page_first, both, len(rows)


def report(n: int, engines: list[Engine], command: str, tables: dict[str, dict]) -> str:
    pf, lunr = engines
    first = statistics.median(pf.first_ms)
    fetched = statistics.median(pf.fetched_kb)
    share = (pf.index_s or 0) / pf.build_s
    lines = [SEARCH_START, "## Search: Pagefind against Material's lunr", "",
             f"`{command}` — SYNTHETIC data, N = {n}, one run; browser figures are medians of "
             f"{RUNS} fresh pages (headless Chromium, localhost, no compression).", "",
             "| | Pagefind (shipped) | Material lunr (baseline) |", "|---|---:|---:|",
             f"| build (s) | {pf.build_s:.1f} | {lunr.build_s:.1f} |",
             f"| index build (s) | {pf.index_s or 0:.2f} ({share:.1%} of the build) | "
             "in the browser, at each page load |",
             f"| index on disk (KB) | {pf.disk_kb:.0f} | {lunr.disk_kb:.0f} |",
             f"| fetched for the first query (KB) | {fetched:.0f} | "
             f"{statistics.median(lunr.fetched_kb):.0f} |",
             f"| page load (ms) | {statistics.median(pf.ready_ms):.0f} | "
             f"{statistics.median(lunr.ready_ms):.0f} |",
             f"| first query typed on the loaded page -> results (ms): `{FIRST[0]}` | "
             f"{first:.0f} | {statistics.median(lunr.first_ms):.0f} |",
             f"| the same, an SOP number as first query | "
             f"{statistics.median(pf.number_ms):.0f} | {statistics.median(lunr.number_ms):.0f} |",
             f"| renderer memory, page loaded (MB) | {pf.loaded_mb:.0f} | "
             f"{lunr.loaded_mb:.0f} |",
             f"| renderer memory after 15 queries (MB) | {pf.memory_mb:.0f} | "
             f"{lunr.memory_mb:.0f} |", ""]
    if tables:
        lines += ["Query table (tests/search_queries.yml), first result: right page / right page "
                  "and anchor:", "", "| site | Pagefind | lunr |", "|---|---:|---:|"]
        for site, t in tables.items():
            cells = [f"{p}/{r} / {b}/{r}" for p, b, r in (t["pagefind"], t["lunr"])]
            lines.append(f"| {site} | {cells[0]} | {cells[1]} |")
        lines.append("")
    lines += ["| search budget | measured | verdict |", "|---|---|---|",
              f"| first results <= 300 ms (N = {n}, `{FIRST[0]}`) | {first:.0f} ms | "
              f"{verdict(first <= 300)} |",
              f"| <= 500 KB fetched for the first query | {fetched:.0f} KB | "
              f"{verdict(fetched <= 500)} |",
              f"| page memory <= 150 MB after 15 queries | {pf.memory_mb:.0f} MB | "
              f"{verdict(pf.memory_mb <= 150)} |",
              f"| indexing <= 10% of the build | {share:.1%} | {verdict(share <= 0.10)} |"]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--no-table", action="store_true", help="skip the query table")
    parser.add_argument("--reuse", nargs="*", default=[], metavar="ENGINE",
                        help="reuse the built sites (and build figures) of an earlier run "
                             "for these engines (pagefind, lunr)")
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / "out-search")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    command = "python bench/search.py " + " ".join(sys.argv[1:])
    data = generate(args.work / f"data-{args.n}", sops=args.n,
                    units=max(1, min(40, args.n // 50)), seed=args.n)
    config = shipped_config()
    engines = [Engine("pagefind"), Engine("lunr")]
    sites = {}
    for engine, cfg in zip(engines, (config, lunr_config(config)), strict=True):
        project = project_dir(args.work / f"{engine.name}-{args.n}", data)
        write_config(project, cfg)
        site = args.work / f"site-{engine.name}-{args.n}"
        figures = args.work / f"build-{engine.name}-{args.n}.json"
        if engine.name in args.reuse and figures.is_file() and site.is_dir():
            engine.build_s, engine.index_s = json.loads(figures.read_text())
        else:
            engine.build_s, engine.index_s = build(project, site)
            figures.write_text(json.dumps([engine.build_s, engine.index_s]))
        engine.disk_kb = dir_size(site / ("pagefind" if engine.name == "pagefind"
                                          else "search")) / 1e3
        sites[engine.name] = site
        print(f"== {engine.name}: build {engine.build_s:.1f} s, index {engine.index_s} s, "
              f"{engine.disk_kb:.0f} KB", flush=True)
    sop_page = f"sop/sop-{args.n // 2:05d}/"
    nomor = yaml.safe_load(next(data.glob(f"*/sop-{args.n // 3:05d}.yml")).read_text())["nomor"]
    for engine in engines:
        measure_browser(engine, serve(sites[engine.name]), sop_page, nomor)
    tables: dict[str, dict] = {}
    if not args.no_table:
        tables = query_tables(args.work, config)
    text = report(args.n, engines, command.strip(), tables)
    old = args.out.read_text(encoding="utf-8") if args.out.is_file() else ""
    start = old.find(SEARCH_START)
    kept = old[:start] if start != -1 else old
    args.out.write_text(kept.rstrip("\n") + "\n\n" + text if kept.strip() else text,
                        encoding="utf-8")
    print(text)


def query_tables(work: Path, config: dict) -> dict[str, dict]:
    """The query table through both engines, on the shipped data and on the synthetic set
    of tests/test_search.py."""
    sys.path.insert(0, str(ROOT / "tests"))
    from test_search import SYNTHETIC_SEED, SYNTHETIC_SOPS, SYNTHETIC_UNITS

    synthetic = generate(work / "data-table", sops=SYNTHETIC_SOPS, units=SYNTHETIC_UNITS,
                         seed=SYNTHETIC_SEED)
    tables: dict[str, dict] = {}
    for label, data, docs in (("shipped", ROOT / "sop_data", True),
                              (f"synthetic ({SYNTHETIC_SOPS} SOPs)", synthetic, False)):
        rows = table_rows(None if docs else synthetic)
        tables[label] = {}
        for name, cfg in (("pagefind", config), ("lunr", lunr_config(config))):
            project = project_dir(work / f"table-{name}-{docs}", data)
            if docs:
                shutil.rmtree(project / "docs")
                shutil.copytree(ROOT / "docs", project / "docs",
                                ignore=shutil.ignore_patterns("assets"))
            write_config(project, cfg)
            site = work / f"site-table-{name}-{docs}"
            build(project, site)
            tables[label][name] = run_table(serve(site), rows)
            print(f"== table {label} {name}: {tables[label][name]}", flush=True)
    return tables


if __name__ == "__main__":
    main()

"""Benchmark: the sop-ap plugin against the plain-Markdown limit, on SYNTHETIC data.

For each N it builds (in alternating pairs, so machine drift cancels):
- the site with the `sop-ap` plugin (the shipped mkdocs.yml);
- the baseline: the exact Markdown pages the plugin generated, written to a
  docs folder and built by plain MkDocs with the same theme, extensions, nav
  and Mermaid mechanism (mkdocs-mermaid2-plugin), without the plugin;
and measures the cost of mkdocs-mermaid2-plugin (the same site drawn by
Material's native Mermaid fence instead), page and index sizes, the
edit-to-reload time under `mkdocs serve --dirty`, and the time to draw the
seed's 19-step swimlane in headless Chromium. Its scale check builds N = 2,000
SOPs in 40 units (three with a 60-step, 12-lane procedure, one with a diagram
over Mermaid's default size limit) with `--strict`, and stops with an error
(exit status 1) if that build fails or misses a page. Writes a Markdown report.

    .venv/bin/python bench/run.py                      # N = 100, 500, 2000 -> bench/RESULTS.md
    .venv/bin/python bench/run.py --sizes 20 --pairs 1 --serve-n 20 --scale-n 20 --out /tmp/r.md
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
CHROMIUM = os.environ.get("SOP_AP_CHROMIUM", "/usr/bin/chromium")  # as tests/conftest.py
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


@dataclass
class Run:
    wall: float
    cpu: float
    rss_mb: float


@dataclass
class SizeResult:
    n: int
    plugin: list[Run] = field(default_factory=list)
    baseline: list[Run] = field(default_factory=list)
    native: Run | None = None  # plugin, Material's native Mermaid instead of mermaid2
    mermaid2: Run | None = None  # plugin with mermaid2, measured next to `native`
    site_mb: float = 0.0
    page_max_kb: float = 0.0
    page_median_kb: float = 0.0
    page_no_diagram_max_kb: float = 0.0
    page_no_diagram_median_kb: float = 0.0
    baseline_no_diagram_max_kb: float = 0.0  # the baseline shows Material's unfolded nav
    baseline_no_diagram_median_kb: float = 0.0
    index_kb: float = 0.0
    index_gz_kb: float = 0.0

    @property
    def ratio(self) -> float:
        return statistics.median(p.wall / b.wall for p, b in zip(self.plugin, self.baseline,
                                                                  strict=True))


def build(project: Path, site: Path, strict: bool = False) -> Run:
    """One `mkdocs build` in a child process: wall time, CPU time and peak RSS.
    A failed build stops the benchmark (SystemExit: exit status 1, with its errors)."""
    shutil.rmtree(site, ignore_errors=True)
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-q", *(["--strict"] if strict else []),
         "-d", str(site)],
        cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    stderr = process.stderr.read().decode() if process.stderr else ""
    if status != 0:
        raise SystemExit(f"build failed in {project}:\n{stderr[-3000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def project_dir(path: Path, data: Path | None) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    (path / "docs").mkdir(parents=True)
    (path / "node_modules").mkdir()
    (path / "node_modules" / "mermaid").symlink_to(ROOT / "node_modules" / "mermaid")
    if data is not None:
        (path / "sop_data").symlink_to(data)
    return path


def shipped_config() -> dict:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("!!python/name:mermaid2.fence_mermaid_custom", "FENCE_MERMAID2")
    return yaml.safe_load(text)


def write_config(path: Path, config: dict) -> None:
    text = yaml.safe_dump(config, sort_keys=False, allow_unicode=True)
    text = text.replace("FENCE_MERMAID2", "!!python/name:mermaid2.fence_mermaid_custom")
    text = text.replace("FENCE_NATIVE", "!!python/name:pymdownx.superfences.fence_code_format")
    (path / "mkdocs.yml").write_text(text, encoding="utf-8")


def native_config(config: dict) -> dict:
    """The same site with Material's native Mermaid fence and no mermaid2."""
    config = json.loads(json.dumps(config))
    config["plugins"] = [p for p in config["plugins"]
                         if not (isinstance(p, dict) and "mermaid2" in p)]
    for ext in config["markdown_extensions"]:
        if isinstance(ext, dict) and "pymdownx.superfences" in ext:
            ext["pymdownx.superfences"]["custom_fences"][0]["format"] = "FENCE_NATIVE"
    config["extra_javascript"] = ["assets/javascripts/mermaid.min.js"]
    return config


def baseline_config(config: dict, nav: list) -> dict:
    """Plain MkDocs: no sop-ap, the nav it would set, the assets it would add, and
    Material's own search (sop-ap's Pagefind index replaces it)."""
    config = json.loads(json.dumps(config))
    config["plugins"] = ["search"] + [p for p in config["plugins"]
                                      if not (isinstance(p, dict) and "sop-ap" in p)]
    config["nav"] = nav
    config["extra_css"] = ["assets/sop-ap/sop-ap.css"]
    config["extra_javascript"] = ["assets/sop-ap/sop-ap.js"]
    return config


def page_sizes(site: Path) -> tuple[list[int], list[int]]:
    whole, without = [], []
    for page in (site / "sop").glob("*/index.html"):
        html = page.read_bytes()
        whole.append(len(html))
        without.append(len(re.sub(rb'<pre class="mermaid"><code>.*?</code></pre>', b"", html,
                                  flags=re.S)))
    return whole, without


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def measure_size(n: int, work: Path, pairs: int, mermaid_cost: bool) -> SizeResult:
    print(f"== N = {n}", flush=True)
    data = generate(work / f"data-{n}", sops=n, units=max(1, min(40, n // 50)), seed=n)
    config = shipped_config()
    plugin = project_dir(work / f"plugin-{n}", data)
    write_config(plugin, config)
    first = build(plugin, work / f"site-plugin-{n}")  # also writes the generated pages
    print(f"   first plugin build {first.wall:.1f} s", flush=True)

    from sop_ap.catalog import load_catalog
    from sop_ap.navigation import navigation

    catalog, _, _ = load_catalog(data)
    base = project_dir(work / f"baseline-{n}", None)
    shutil.copytree(plugin / ".cache/sop-ap/pages", base / "docs", dirs_exist_ok=True)
    assets = base / "docs" / "assets"
    (assets / "sop-ap").mkdir(parents=True, exist_ok=True)
    for name in ("sop-ap.css", "sop-ap.js"):
        shutil.copy(ROOT / "plugins/sop_ap/assets" / name, assets / "sop-ap" / name)
    (assets / "javascripts").mkdir(exist_ok=True)
    shutil.copy(plugin / "docs/assets/javascripts/mermaid.min.js", assets / "javascripts")
    write_config(base, baseline_config(config, navigation(catalog, [])))

    result = SizeResult(n)
    for i in range(pairs):
        result.plugin.append(build(plugin, work / f"site-plugin-{n}"))
        result.baseline.append(build(base, work / f"site-baseline-{n}"))
        print(f"   pair {i + 1}: plugin {result.plugin[-1].wall:.1f} s, baseline "
              f"{result.baseline[-1].wall:.1f} s", flush=True)
    site = work / f"site-plugin-{n}"
    whole, without = page_sizes(site)
    result.site_mb = dir_size(site) / 1e6
    result.page_max_kb, result.page_median_kb = max(whole) / 1e3, statistics.median(whole) / 1e3
    result.page_no_diagram_max_kb = max(without) / 1e3
    result.page_no_diagram_median_kb = statistics.median(without) / 1e3
    _, base_without = page_sizes(work / f"site-baseline-{n}")
    result.baseline_no_diagram_max_kb = max(base_without) / 1e3
    result.baseline_no_diagram_median_kb = statistics.median(base_without) / 1e3
    index = [f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file()]
    result.index_kb = sum(index) / 1e3
    result.index_gz_kb = max(index) / 1e3  # Pagefind's files are compressed already
    if mermaid_cost:
        native = project_dir(work / f"native-{n}", data)
        write_config(native, native_config(config))
        result.native = build(native, work / f"site-native-{n}")
        result.mermaid2 = build(plugin, work / f"site-plugin-{n}")
        print(f"   mermaid2 {result.mermaid2.wall:.1f} s, native {result.native.wall:.1f} s",
              flush=True)
    return result


@dataclass
class ScaleResult:
    n: int
    units: int
    run: Run


def scale_check(n: int, work: Path) -> ScaleResult:
    """The strict build of N SYNTHETIC SOPs (three with a 60-step, 12-lane procedure,
    plus one whose diagram is over Mermaid's default maxTextSize): it must succeed and
    build every SOP and unit page, or the benchmark stops (SystemExit, exit status 1)."""
    print(f"== scale check, N = {n}", flush=True)
    units = max(1, min(40, n // 50))
    data = generate(work / f"scale-data-{n}", sops=n, units=units, seed=7, big=3, huge=True)
    project = project_dir(work / f"scale-{n}", data)
    write_config(project, shipped_config())
    site = work / f"site-scale-{n}"
    run = build(project, site, strict=True)
    sops = len(list((site / "sop").glob("*/index.html")))
    unit_pages = len(list((site / "unit").glob("*/index.html")))
    if (sops, unit_pages) != (n + 1, units + 1):  # + the huge SOP; + the root unit
        raise SystemExit(f"scale check: the strict build of N = {n} made {sops} SOP pages "
                         f"(expected {n + 1}) and {unit_pages} unit pages "
                         f"(expected {units + 1}) in {site}")
    print(f"   strict build {run.wall:.1f} s", flush=True)
    return ScaleResult(n, units, run)


# ------------------------------------------------------------------ serve


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def until(check, timeout: float) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if check():
            return time.perf_counter() - start
        time.sleep(0.02)
    raise SystemExit("timed out")


def measure_serve(n: int, work: Path, edits: int = 3) -> list[float]:
    print(f"== serve, N = {n}", flush=True)
    data = work / f"serve-data-{n}"
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(work / f"data-{n}", data)
    project = project_dir(work / f"serve-{n}", data)
    write_config(project, shipped_config())
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    log = (work / f"serve-{n}.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "-a",
         f"127.0.0.1:{port}"], cwd=project, env=ENV, stdout=log, stderr=subprocess.STDOUT)
    times = []
    try:
        first = sorted(data.rglob("sop-*.yml"))[0]
        page = f"{url}sop/{first.stem}/"
        until(lambda: "Pengelolaan" in fetch(page), 900)
        time.sleep(2)
        original = first.read_text(encoding="utf-8")
        for i in range(edits):
            marker = f"SUNTINGAN-{i}"
            first.write_text(original.replace("peringatan: ", f"peringatan: {marker} ", 1),
                             encoding="utf-8")
            times.append(until(lambda m=marker: m in fetch(page), 120))
            print(f"   edit {i + 1}: {times[-1]:.2f} s", flush=True)
            time.sleep(1.5)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return times


# ------------------------------------------------------------------ browser


def measure_draw(work: Path) -> dict[str, float]:
    """Draw time of the seed's procedure B (19 steps, 4 lanes) in headless Chromium."""
    from playwright.sync_api import sync_playwright

    project = project_dir(work / "seed", ROOT / "sop_data")
    write_config(project, shipped_config())
    site = work / "site-seed"
    build(project, site)
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/sop/penyusunan-iku/"
    source = re.findall(r'<pre class="mermaid"><code>(.*?)</code></pre>',
                        (site / "sop/penyusunan-iku/index.html").read_text(), re.S)[1]
    import html

    source = html.unescape(source)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url)
        page.wait_for_function("document.querySelectorAll('pre.mermaid').length === 0 && "
                               "document.querySelectorAll('div.mermaid').length === 2",
                               timeout=30000)
        to_drawn = page.evaluate("performance.now()")
        renders = page.evaluate(
            """async (src) => {
                 const times = [];
                 for (let i = 0; i < 7; i++) {
                   const t = performance.now();
                   await mermaid.render('bench' + i, src);
                   times.push(performance.now() - t);
                 }
                 return times;
               }""", source)
        browser.close()
    server.shutdown()
    return {"render_ms": statistics.median(renders[1:]), "first_render_ms": renders[0],
            "navigation_to_drawn_ms": to_drawn}


# ------------------------------------------------------------------ profile


def profile(n: int, work: Path) -> list[tuple[str, float]]:
    """Where a plugin build's time goes (cProfile cumulative times, in-process)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    project = work / f"plugin-{n}"
    cwd = os.getcwd()
    os.chdir(project)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    try:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(work / "site-profile"))
        profiler = cProfile.Profile()
        profiler.enable()
        mkdocs_build(config)
        profiler.disable()
    finally:
        os.chdir(cwd)
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]

    def cumulative(file_part: str, name: str) -> float:
        return sum(v[3] for (f, _, fn), v in stats.items() if file_part in f and fn == name)

    total = cumulative("mkdocs/commands/build.py", "build")
    parts = [
        ("sop-ap: read + validate YAML (loader)", cumulative("sop_ap/loader.py", "load_dir")),
        ("sop-ap: catalog", cumulative("sop_ap/catalog.py", "build_catalog")),
        ("sop-ap: render Markdown pages", cumulative("sop_ap/pages.py", "site_pages")),
        ("MkDocs: Markdown -> HTML", cumulative("markdown/core.py", "convert")),
        ("MkDocs/Material: page templates (rest of building pages)",
         cumulative("mkdocs/commands/build.py", "_build_page")
         - cumulative("mermaid2/plugin.py", "on_post_page")),
        ("mermaid2: on_post_page (BeautifulSoup)", cumulative("mermaid2/plugin.py",
                                                              "on_post_page")),
        ("sop-ap: hidden roots for search (PySastrawi)",
         cumulative("sop_ap/search.py", "add_roots")),
        ("sop-ap: Pagefind index (search.py)", cumulative("sop_ap/search.py", "build_index")),
    ]
    return [("whole build (profiled)", total), *parts]


# ------------------------------------------------------------------ report


def versions() -> str:
    names = ["mkdocs", "mkdocs-material", "mkdocs-mermaid2-plugin", "pymdown-extensions"]
    parts = [f"{n} {metadata.version(n)}" for n in names]
    mermaid = json.loads((ROOT / "node_modules/mermaid/package.json").read_text())["version"]
    return ", ".join([f"Python {platform.python_version()}", *parts, f"Mermaid {mermaid}"])


def machine() -> str:
    cpu = ""
    info = Path("/proc/cpuinfo")
    if info.exists():
        match = re.search(r"model name\s*:\s*(.+)", info.read_text())
        cpu = match.group(1) if match else ""
    return f"{os.cpu_count()} cores {cpu}, {platform.system()} {platform.release()}"


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def report(results: list[SizeResult], serve: list[float], serve_n: int,
           draw: dict[str, float] | None, prof: list[tuple[str, float]], prof_n: int,
           command: str, scale: ScaleResult | None = None) -> str:
    largest = results[-1]
    smallest = results[0]
    lines = [
        "# Benchmark results",
        "",
        f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        f"- Machine: {machine()}",
        f"- Versions: {versions()}",
        f"- Command: `{command}`",
        "- Data: SYNTHETIC, from `bench/generate.py` (seed = N): 1-3 procedures of 5-25 steps, "
        "3-6 lanes, decisions, joint steps, 3-6 dasar hukum, keterkaitan.",
        "- Baseline: the Markdown pages the plugin generated, built by plain MkDocs with the "
        "same mkdocs.yml (theme, extensions, mermaid2, nav) minus the plugin. Builds alternate "
        "plugin/baseline; the ratio is the median of the per-pair ratios. Without the plugin "
        "the baseline's sidebar is Material's own (pruned, long unit lists not folded).",
        "",
        "## Builds",
        "",
        "| N | plugin wall (s) | baseline wall (s) | plugin / baseline | plugin CPU (s) | "
        "peak RSS (MB) | site (MB) |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r.n} | {statistics.median(p.wall for p in r.plugin):.1f} | "
            f"{statistics.median(b.wall for b in r.baseline):.1f} | {r.ratio:.3f} | "
            f"{statistics.median(p.cpu for p in r.plugin):.1f} | "
            f"{max(p.rss_mb for p in r.plugin):.0f} | {r.site_mb:.1f} |"
        )
    lines += ["", "## Page and index sizes", "",
              "| N | SOP page max (KB) | median (KB) | without diagram source: max (KB) | "
              "median (KB) | baseline without diagram: max / median (KB) | "
              "search index pagefind/ (KB) | its largest file (KB) |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        lines.append(
            f"| {r.n} | {r.page_max_kb:.1f} | {r.page_median_kb:.1f} | "
            f"{r.page_no_diagram_max_kb:.1f} | {r.page_no_diagram_median_kb:.1f} | "
            f"{r.baseline_no_diagram_max_kb:.1f} / {r.baseline_no_diagram_median_kb:.1f} | "
            f"{r.index_kb:.0f} | {r.index_gz_kb:.0f} |"
        )
    lines += ["", "## mkdocs-mermaid2-plugin", "",
              "The same plugin site, once with mermaid2 (shipped) and once with Material's "
              "native fence (`pymdownx.superfences.fence_code_format` + the script in "
              "`extra_javascript`), built one after the other.", "",
              "| N | with mermaid2 (s) | native fence (s) | mermaid2 share of the build |",
              "|---:|---:|---:|---:|"]
    for r in results:
        if r.mermaid2 and r.native:
            share = 1 - r.native.wall / r.mermaid2.wall
            lines.append(f"| {r.n} | {r.mermaid2.wall:.1f} | {r.native.wall:.1f} | "
                         f"{share:.0%} |")
    if serve:
        lines += ["", "## Edit to reload under `mkdocs serve --dirty`", "",
                  f"N = {serve_n}: time from saving "
                  "one changed SOP file to the changed page being served: "
                  + ", ".join(f"{t:.2f} s" for t in serve)
                  + f" (median {statistics.median(serve):.2f} s)."]
    if draw:
        lines += ["", "## Swimlane drawing in headless Chromium", "",
                  f"Seed procedure B (19 steps, 4 lanes): `mermaid.render` median "
                  f"{draw['render_ms']:.0f} ms (first call {draw['first_render_ms']:.0f} ms); "
                  f"navigation start to both diagrams drawn: "
                  f"{draw['navigation_to_drawn_ms']:.0f} ms."]
    if scale:
        lines += ["", "## Scale check", "",
                  f"`mkdocs build --strict` of N = {scale.n} SOPs in {scale.units} units "
                  "(three with a 60-step, 12-lane procedure) plus one SOP whose diagram is "
                  f"over Mermaid's default size limit: every page built, in {scale.run.wall:.1f} s "
                  f"(peak RSS {scale.run.rss_mb:.0f} MB)."]
    if prof:
        total = prof[0][1]
        lines += ["", f"## Where the time goes (cProfile, one plugin build, N = {prof_n})", "",
                  "| part | cumulative (s) | share |", "|---|---:|---:|"]
        for name, seconds in prof:
            lines.append(f"| {name} | {seconds:.1f} | {seconds / total:.0%} |")
    ratio_ok = largest.ratio <= 1.15
    growth = largest.page_no_diagram_median_kb / max(smallest.page_no_diagram_median_kb, 1e-9)
    lines += ["", "## Budgets", "",
              "| budget | measured | verdict |", "|---|---|---|",
              f"| build time <= 1.15 x baseline (N = {largest.n}) | {largest.ratio:.3f} | "
              f"{verdict(ratio_ok)} |",
              f"| SOP page HTML without diagram <= 60 KB (N = {largest.n}) | max "
              f"{largest.page_no_diagram_max_kb:.1f} KB | "
              f"{verdict(largest.page_no_diagram_max_kb <= 60)} |",
              f"| page size not growing with N (median N = {smallest.n} vs {largest.n}) | "
              f"x{growth:.2f} | {verdict(growth <= 1.1)} |",
              f"| peak RSS <= 1 GB (N = {largest.n}) | "
              f"{max(p.rss_mb for p in largest.plugin):.0f} MB | "
              f"{verdict(max(p.rss_mb for p in largest.plugin) <= 1024)} |"]
    if serve:
        lines.append(f"| edit-to-reload <= 3 s | median {statistics.median(serve):.2f} s | "
                     f"{verdict(statistics.median(serve) <= 3)} |")
    if draw:
        lines.append(f"| 19-step swimlane drawn <= 300 ms | {draw['render_ms']:.0f} ms | "
                     f"{verdict(draw['render_ms'] <= 300)} |")
    return "\n".join(lines) + "\n"


def search_section(out: Path) -> str:
    """The search benchmark's section (bench/search.py), kept when this report is rewritten."""
    old = out.read_text(encoding="utf-8") if out.is_file() else ""
    start = old.find(SEARCH_START)
    return "\n" + old[start:] if start != -1 else ""


SEARCH_START = "<!-- bench/search.py -->"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 2000])
    parser.add_argument("--pairs", type=int, default=2)
    parser.add_argument("--serve-n", type=int, default=500)
    parser.add_argument("--profile-n", type=int, default=500)
    parser.add_argument("--scale-n", type=int, default=2000,
                        help="N of the strict scale check (0: skip it)")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    command = "python bench/run.py " + " ".join(sys.argv[1:])
    scale = scale_check(args.scale_n, args.work) if args.scale_n else None
    results = [measure_size(n, args.work, args.pairs, mermaid_cost=True) for n in args.sizes]
    serve = measure_serve(args.serve_n, args.work) if args.serve_n in args.sizes else []
    draw = None if args.no_browser else measure_draw(args.work)
    prof: list[tuple[str, float]] = []
    if args.profile_n in args.sizes:
        print(f"== profile, N = {args.profile_n}", flush=True)
        prof = profile(args.profile_n, args.work)
    text = report(results, serve, args.serve_n, draw, prof, args.profile_n, command.strip(),
                  scale)
    text += search_section(args.out)
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()

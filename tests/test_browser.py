"""Headless-Chromium tests: the shipped site as a reader sees it, and a hostile data set.

The shipped data is built once (`shipped_site`) and served on localhost; every
test opens pages in a fresh context of one shared browser (`watch`). Expected
values come from the YAML (`load_catalog`), not from this file. The hostile
data set (`tests/fixtures/hostile/`, synthetic) is built once per module and
every one of its pages is visited once; the tests then assert on what was seen.
"""

from __future__ import annotations

import json
import re
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from helpers import ARTIFACTS, ROOT, PageWatch, make_project, mkdocs_build, serve
from playwright.sync_api import expect
from sop_ap import flow, swimlane
from sop_ap.catalog import Catalog, load_catalog
from sop_ap.model import Prosedur, Sop, as_list

pytestmark = pytest.mark.browser

SOP_ID = "penyusunan-iku"
SOP_PATH = f"sop/{SOP_ID}/"
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
ZWSP = "\u200b"  # Mermaid labels get zero-width spaces inside very long words

# Added to every page before it loads: records script errors (a diagram that fails
# to parse raises one and stays a <pre>) and the moment all diagrams are drawn.
PROBE = """
(() => {
  window.__sopErrors = [];
  addEventListener("error", e => window.__sopErrors.push(String(e.message)));
  addEventListener("unhandledrejection", e =>
    window.__sopErrors.push(String((e.reason && e.reason.message) || e.reason)));
  window.__sopDrawnAt = null;
  const started = performance.now();
  (function poll() {
    const divs = [...document.querySelectorAll("div.mermaid")];
    if (document.readyState !== "loading" && !document.querySelector("pre.mermaid") &&
        divs.length && divs.every(d => d.shadowRoot && d.shadowRoot.querySelector("svg"))) {
      window.__sopDrawnAt = performance.now();
      return;
    }
    if (performance.now() - started < 60000) requestAnimationFrame(poll);
  })();
})();
"""

ALL_DRAWN = """(expected) => {
  if ((window.__sopErrors || []).length) return true;
  const divs = [...document.querySelectorAll("div.mermaid")];
  const drawn = divs.filter(d => d.shadowRoot && d.shadowRoot.querySelector("svg")).length;
  return !document.querySelector("pre.mermaid") && drawn === divs.length &&
    drawn === expected;
}"""

# Everything a diagram shows, read from its (forced-open) shadow root.
DIAGRAMS = """() => [...document.querySelectorAll("div.mermaid")].map(div => {
  const root = div.shadowRoot;
  const svg = root && root.querySelector("svg");
  if (!svg) return {svg: false};
  const text = e => e.textContent.replaceAll("\\u200b", "").replace(/\\s+/g, " ").trim();
  return {
    svg: true,
    error: /syntax error|parse error|lexical error/i.test(root.textContent) ||
      !!root.querySelector(".error-icon, .error-text"),
    lanes: [...svg.querySelectorAll(".swimlane-label")]
      .map(l => ({text: text(l), x: l.getBoundingClientRect().x}))
      .sort((a, b) => a.x - b.x).map(l => l.text),
    nodes: [...svg.querySelectorAll("g.node[id]")].map(g => ({id: g.id, text: text(g)})),
    edges: [...svg.querySelectorAll("g.edgeLabel[id]")].map(g => ({id: g.id, text: text(g)})),
  };
})"""

# For every table in the content: how many grid columns each row fills
# (rowspan/colspan counted), and how many cells each body row has.
TABLE_SHAPES = """() => [...document.querySelectorAll("article table")].map(table => {
  const occupied = [];
  [...table.rows].forEach((row, r) => {
    occupied[r] = occupied[r] || [];
    let c = 0;
    for (const cell of row.cells) {
      while (occupied[r][c]) c++;
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        occupied[r + dr] = occupied[r + dr] || [];
        for (let dc = 0; dc < cell.colSpan; dc++) occupied[r + dr][c + dc] = true;
      }
      c += cell.colSpan;
    }
  });
  return {
    cls: table.className,
    widths: [...table.rows].map((_, r) => occupied[r].filter(Boolean).length),
    body: [...table.tBodies].flatMap(b => [...b.rows])
      .map(r => ({id: r.id, cells: r.cells.length})),
  };
})"""

# Markup that only data could have put into the content or a diagram: elements
# that run code, event-handler attributes, javascript: URLs.
INJECTED = """(whole) => {
  const roots = whole ? [document] : [document.querySelector("article")];
  document.querySelectorAll("div.mermaid").forEach(d => d.shadowRoot && roots.push(d.shadowRoot));
  const found = [];
  for (const root of roots) {
    for (const el of root.querySelectorAll("*")) {
      const tag = el.tagName.toLowerCase();
      if (["script", "iframe", "object", "embed"].includes(tag) &&
          (el.textContent.includes("__pwned") || !whole)) found.push(el.outerHTML.slice(0, 120));
      if (tag === "img" && el.getAttribute("src") === "x") found.push(el.outerHTML.slice(0, 120));
      for (const a of el.attributes) {
        if (/^on/i.test(a.name) || /^\\s*javascript:/i.test(a.value)) {
          found.push(el.outerHTML.slice(0, 120));
        }
      }
    }
  }
  return found;
}"""


def squash(text: str) -> str:
    return " ".join(text.replace(ZWSP, "").split())


def wait_drawn(watch: PageWatch, expected: int, timeout: float = 30000) -> None:
    """Wait until `expected` diagrams are drawn; fail at once on a script error."""
    watch.page.wait_for_function(ALL_DRAWN, arg=expected, timeout=timeout)
    errors = watch.page.evaluate("window.__sopErrors")
    assert not errors, f"script errors while drawing diagrams: {errors}"


def open_sop(watch: PageWatch, sop: Sop, path: str = SOP_PATH) -> Any:
    page = watch.open(path)
    wait_drawn(watch, len(sop.prosedur))
    return page


def site_url() -> str:
    match = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(), re.M)
    assert match, "mkdocs.yml has no site_url"
    return match.group(1)


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


def short_id(svg_id: str) -> str | None:
    """`__mermaid_0-flowchart-a002a-9` -> `a002a`."""
    match = re.search(r"-flowchart-(a\d+[a-z]\w*)-\d+$", svg_id)
    return match.group(1) if match else None


def check_diagram(info: dict[str, Any], proc: Prosedur) -> None:
    """The drawn diagram shows the procedure's lanes and every symbol with its own text,
    literally, and every branch label."""
    where = proc.kode or proc.judul
    assert info["svg"], f"procedure {where}: no SVG"
    assert not info["error"], f"procedure {where}: Mermaid error"
    assert info["lanes"] == [squash(x) for x in proc.pelaksana], f"{where}: lane headers"
    result = flow.build(proc)
    width = max(3, len(str(len(proc.langkah))))
    expected = {swimlane.node_id(result, s, width): squash(swimlane.node_label(proc, s))
                for s in result.symbols}
    shown = {sid: node["text"] for node in info["nodes"]
             if (sid := short_id(node["id"])) and sid in expected}
    assert shown == expected, f"procedure {where}"
    labels = {a.label for a in result.arrows if a.label}
    assert {e["text"] for e in info["edges"]} == {squash(x) for x in labels}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    cat, _, _ = load_catalog(ROOT / "sop_data")
    return cat


@pytest.fixture(scope="module")
def sop(catalog: Catalog) -> Sop:
    return catalog.sops[SOP_ID]


@pytest.fixture
def w(watch: PageWatch) -> PageWatch:
    """The shared `watch`, with the error/timing probe added to every page."""
    watch.page.add_init_script(PROBE)
    return watch


# ------------------------------------------------------------------ shipped site


def test_sop_page_shows_every_element(w: PageWatch, catalog: Catalog, sop: Sop) -> None:
    page = w.open(SOP_PATH)

    def text(selector: str) -> str:
        return squash(page.locator(selector).first.text_content() or "")

    assert sop.nomor == "065/SOP/417.112/06"
    assert text("#nomor-sop") == sop.nomor
    assert text("#tanggal-pembuatan td") == sop.tanggal_pembuatan
    assert text("#tanggal-revisi td").startswith(sop.tanggal_revisi)
    assert text("#tanggal-efektif td") == sop.tanggal_efektif
    signer = sop.disahkan_oleh
    assert text(".sop-pengesah-jabatan") == signer.jabatan
    assert text(".sop-pengesah-nama") == signer.nama
    assert text(".sop-pengesah-pangkat") == signer.pangkat
    assert text(".sop-pengesah-nip") == f"NIP. {signer.nip}"
    assert text("#nama-sop td") == sop.nama
    assert text("h1") == sop.nama
    kop = text(".sop-kop")
    chain = catalog.unit_chain(sop.unit)
    assert [u.id for u in chain] == ["kota-mojokerto", "setda", "organisasi"]
    for unit in chain:
        assert unit.nama in kop
    address = next(u for u in reversed(chain) if u.alamat)
    for value in (address.alamat, address.telepon, address.faksimile, address.kota,
                  address.kode_pos):
        assert value and value in kop, value
    assert text("#unit-sop td") == chain[-1].nama

    elements = {
        "dasar-hukum": as_list(sop.dasar_hukum),
        "kualifikasi-pelaksana": as_list(sop.kualifikasi_pelaksana),
        "keterkaitan": [r if isinstance(r, str) else r.teks for r in as_list(sop.keterkaitan)],
        "peralatan-perlengkapan": as_list(sop.peralatan),
        "peringatan": as_list(sop.peringatan),
        "pencatatan-pendataan": as_list(sop.pencatatan),
    }
    for anchor, items in elements.items():
        box = page.locator(f"#{anchor}")
        assert box.is_visible(), anchor
        shown = squash(box.inner_text())
        for item in items:
            assert squash(item) in shown, (anchor, item)

    tables = page.locator("table.sop-mutu-baku")
    assert tables.count() == len(sop.prosedur) == 2
    counts = [tables.nth(i).locator("tbody tr").count() for i in range(2)]
    assert counts == [len(p.langkah) for p in sop.prosedur] == [10, 19]
    for table, proc in zip([tables.nth(0), tables.nth(1)], sop.prosedur, strict=True):
        ids = table.locator("tbody tr").evaluate_all("rows => rows.map(r => r.id)")
        assert ids == [f"langkah-{proc.kode.lower()}-{s.no}" for s in proc.langkah]

    # Material's copy button renames the block's id (`__code_kutipan-sop`): match its end.
    citation = text('pre.sop-kutipan[id$="kutipan-sop"]')
    assert citation.endswith(f"{site_url()}{SOP_PATH}")
    assert sop.nomor in citation and sop.nama in citation
    assert page.locator('pre.sop-kutipan[id$="kutipan-sop"]').is_visible()
    # Beside it, the citation of this revision (what a memo means), at its permanent page.
    cited = text('pre.sop-kutipan[id$="kutipan-revisi"]')
    assert cited.endswith(f", revisi 01, {site_url()}{SOP_PATH}revisi-01/")
    assert page.locator('pre.sop-kutipan[id$="kutipan-revisi"]').is_visible()

    # The six elements as on paper: two columns, three rows, at 1280 px.
    assert page.viewport_size["width"] == 1280
    boxes = [page.locator(f"#{a}").bounding_box() for a in elements]
    first, second = boxes[0], boxes[1]
    assert abs(first["y"] - second["y"]) < 1 and second["x"] > first["x"] + first["width"] / 2
    for left, right in zip(boxes[0::2], boxes[1::2], strict=True):
        assert abs(left["y"] - right["y"]) < 1 and right["x"] > left["x"]
    assert len({round(b["x"]) for b in boxes}) == 2
    assert len({round(b["y"]) for b in boxes}) == 3
    assert not w.errors


def test_diagrams_draw_lanes_boxes_and_labels(w: PageWatch, sop: Sop) -> None:
    page = open_sop(w, sop)
    diagrams = page.evaluate(DIAGRAMS)
    assert len(diagrams) == len(sop.prosedur) == 2
    for info, proc in zip(diagrams, sop.prosedur, strict=True):
        check_diagram(info, proc)
    # Each box is labelled with its step number: every step is in the diagram.
    for info, proc in zip(diagrams, sop.prosedur, strict=True):
        shown = {int(m.group(1)) for n in info["nodes"]
                 if (m := re.match(r"(\d+)\. ", n["text"]))}
        assert shown == {s.no for s in proc.langkah}, proc.kode
    # A.3 "Disetujui?": exits labelled Ya (to A.4) and Tidak (back to A.1).
    proc_a = sop.prosedur[0]
    step = next(s for s in proc_a.langkah if s.no == 3)
    assert step.keputusan is not None and set(step.keputusan.cabang) == {"Ya", "Tidak"}
    nodes = {short_id(n["id"]): n["text"] for n in diagrams[0]["nodes"]}
    (diamond,) = [i for i, t in nodes.items() if i and t == "3. Disetujui?"]
    exits = {}
    for edge in diagrams[0]["edges"]:
        match = re.match(rf"edge-label-{diamond}-(a\d+\w*?)-", edge["id"])
        if match:
            exits[edge["text"]] = int(nodes[match.group(1)].split(".")[0])
    assert exits == dict(step.keputusan.cabang) == {"Ya": 4, "Tidak": 1}
    assert not page.locator("text=Syntax error").count()
    assert not w.errors


def test_follow_links(w: PageWatch, catalog: Catalog, sop: Sop) -> None:
    page = w.open(SOP_PATH)
    page.locator("#keterkaitan a", has_text="SOP Penyusunan LAKIP").click()
    page.wait_for_url("**/unit/organisasi/#daftar-setda-2018-sop-ap-8")
    row = page.locator("tr:has(#daftar-setda-2018-sop-ap-8)")
    expect(row).to_have_count(1)
    (decree,) = catalog.decrees_of("organisasi")
    assert squash(decree.daftar_sop[7].nama) in squash(row.inner_text())
    expect(row).to_be_in_viewport()

    page = w.open("indeks/pelaksana/")
    page.get_by_role("link", name="B.12", exact=True).click()
    page.wait_for_url(f"**/{SOP_PATH}#langkah-b-12")
    wait_drawn(w, len(sop.prosedur))  # drawing the diagrams must not move the row away
    target = page.locator("#langkah-b-12")
    expect(target).to_be_in_viewport()
    header = page.locator("header.md-header").bounding_box()
    assert target.bounding_box()["y"] >= header["y"] + header["height"] - 1, "under the header"
    assert page.evaluate("document.querySelector(':target').id") == "langkah-b-12"

    # The "#" of a step copies the step's address at this revision and stays on the page.
    w.context.grant_permissions(["clipboard-read", "clipboard-write"],
                                origin=w.base_url.rstrip("/"))
    page.evaluate("window.__samePage = true")
    link = page.locator("#langkah-a-3 a.sop-tautan-langkah")
    link.click()
    expect(link).to_have_class(re.compile(r"\bsop-tersalin\b"))
    expected = f"{w.base_url}{SOP_PATH}#langkah-a-3"
    assert page.url == expected
    assert page.evaluate("window.__samePage") is True
    assert page.evaluate("document.querySelector(':target').id") == "langkah-a-3"
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{w.base_url}{SOP_PATH}revisi-01/#langkah-a-3"
    page.goto(copied)
    expect(page.locator("#langkah-a-3")).to_contain_text(
        squash(sop.prosedur[0].langkah[2].kegiatan).split()[0])
    assert not w.errors


@pytest.mark.parametrize(
    "query",
    [
        "065/SOP/417.112/06",
        "417.112",
        "IKU",
        "Kasubbag",
    ],
)
def test_search_finds_the_sop_first(w: PageWatch, query: str) -> None:
    page = w.open("")
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    box.fill(query)
    results = page.locator("li.md-search-result__item > a")
    results.first.wait_for(timeout=20000)  # the first search loads Pagefind and its index
    hrefs = results.evaluate_all("links => links.map(a => a.href)")
    assert urlsplit(hrefs[0]).path == f"/{SOP_PATH}", f"{query!r}: results {hrefs}"
    assert not w.errors and not w.outside_requests()


def test_every_page_offline_without_errors(w: PageWatch, shipped_site: Path) -> None:
    """Walk the site from the home page along its links: every page loads, no request
    leaves the host, no console error, every in-site link and anchor resolves."""
    statuses: dict[str, int] = {}
    w.page.on("response", lambda r: statuses.__setitem__(r.url, r.status))
    base = w.base_url
    todo, seen = [""], set()
    anchors: list[tuple[str, str, str]] = []  # (from page, to page, fragment)
    ids: dict[str, set[str]] = {}
    while todo:
        path = todo.pop(0)
        if path in seen:
            continue
        seen.add(path)
        page = w.open(path)
        if page.locator("pre.mermaid, div.mermaid").count():
            wait_drawn(w, page.locator("pre.mermaid, div.mermaid").count())
        ids[path] = set(page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)"))
        for href in page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.href)"):
            parts = urlsplit(href)
            if not href.startswith(base) or parts.scheme not in ("http", "https"):
                continue
            target = parts.path[len(urlsplit(base).path):]
            if not (target == "" or target.endswith(("/", ".html"))):
                continue
            if parts.fragment:
                anchors.append((path, target, parts.fragment))
            if target not in seen:
                todo.append(target)
    # Search (Pagefind's script, worker and index) is part of the site, too.
    page = w.open("")
    page.keyboard.press("/")
    page.locator("input.md-search__input").fill("IKU")
    page.locator("input.md-search__input").press("End")
    page.locator("li.md-search-result__item").first.wait_for(timeout=20000)

    on_disk = {str(p.parent.relative_to(shipped_site)) for p in shipped_site.rglob("index.html")}
    on_disk = {"" if p == "." else p + "/" for p in on_disk}
    assert on_disk <= seen, f"pages not linked from anywhere: {on_disk - seen}"
    assert {"", "unit/organisasi/", "indeks/pelaksana/", "indeks/dasar-hukum/", SOP_PATH,
            "panduan-penulisan/"} <= seen
    broken = [f"{src} -> {dst}#{frag}" for src, dst, frag in anchors if frag not in ids[dst]]
    assert not broken, f"links to missing anchors: {broken}"
    failed = {u: s for u, s in statuses.items() if s >= 400}
    assert not failed, failed
    assert not w.outside_requests(), w.outside_requests()
    assert not w.errors, w.errors
    assert urljoin(base, "pagefind/pagefind-entry.json") in [u.split("?")[0] for u in statuses]


def test_diagram_screenshots_and_timing(w: PageWatch, sop: Sop) -> None:
    page = w.open(SOP_PATH)
    wait_drawn(w, len(sop.prosedur))
    timing = page.evaluate("""() => {
      const nav = performance.getEntriesByType("navigation")[0];
      return {domStart: nav.domContentLoadedEventStart, dom: nav.domContentLoadedEventEnd,
              load: nav.loadEventStart,
              drawn: window.__sopDrawnAt};
    }""")
    assert timing["drawn"] is not None
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    boxes = page.locator(".sop-diagram")
    assert boxes.count() == 2
    for i, name in enumerate(["prosedur-a", "prosedur-b"]):
        path = ARTIFACTS / f"{name}.png"
        # The sticky header would cover part of a tall element screenshot: hide it.
        boxes.nth(i).screenshot(path=str(path), animations="disabled",
                                style=".md-header { visibility: hidden !important; }")
        width, height = png_size(path)
        assert path.stat().st_size > 20_000, f"{path} is too small"
        assert width >= 800 and height >= 800, (path, width, height)
    (ARTIFACTS / "timings.json").write_text(json.dumps({
        "page": SOP_PATH,
        "viewport": page.viewport_size,
        "note": "ms since navigation start; negative 'after load': drawn before the load event",
        "dom_content_loaded_start_ms": round(timing["domStart"], 1),
        "dom_content_loaded_end_ms": round(timing["dom"], 1),
        "load_event_ms": round(timing["load"], 1),
        "diagrams_drawn_ms": round(timing["drawn"], 1),
        "diagrams_drawn_after_load_ms": round(timing["drawn"] - timing["load"], 1),
    }, indent=1) + "\n")
    assert not w.errors


def test_enlarge_button_toggles_full_screen(w: PageWatch, sop: Sop) -> None:
    page = open_sop(w, sop)
    box = page.locator(".sop-diagram").first
    button = box.locator("button.sop-perbesar")
    expect(button).to_have_text("Perbesar")
    normal = box.bounding_box()
    button.click()
    expect(box).to_have_class(re.compile(r"\bsop-penuh\b"))
    expect(button).to_have_text("Tutup")
    full = box.bounding_box()
    assert (full["x"], full["y"], full["width"], full["height"]) == (0, 0, 1280, 900)
    # Above the sticky header, and the diagram is still there.
    assert page.evaluate("!!document.elementFromPoint(640, 20).closest('.sop-diagram')")
    expect(box.locator("div.mermaid")).to_be_visible()
    button.click()
    expect(box).not_to_have_class(re.compile(r"\bsop-penuh\b"))
    expect(button).to_have_text("Perbesar")
    assert box.bounding_box()["width"] == normal["width"]
    button.click()
    expect(box).to_have_class(re.compile(r"\bsop-penuh\b"))
    page.keyboard.press("Escape")
    expect(box).not_to_have_class(re.compile(r"\bsop-penuh\b"))
    expect(button).to_have_text("Perbesar")
    assert not w.errors


# ------------------------------------------------------------------ hostile data set


@pytest.mark.browser
def test_print_gives_a_clean_document(w: PageWatch) -> None:
    """Printing hides navigation and search, repeats table headers, keeps rows whole."""
    page = w.open("sop/penyusunan-iku/")
    w.wait_for_diagrams()
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => ['.md-header', '.md-sidebar--primary', '.md-search', '.md-footer',
                  '.sop-perbesar', '.sop-tautan-langkah']
             .map(sel => [...document.querySelectorAll(sel)]
                  .every(el => getComputedStyle(el).display === 'none'))"""
    )
    assert all(hidden)
    style = page.evaluate(
        """() => {
             const table = document.querySelector('.sop-mutu-baku');
             return [getComputedStyle(table.tHead).display,
                     getComputedStyle(table.tBodies[0].rows[0]).breakInside];
           }"""
    )
    assert style == ["table-header-group", "avoid"]
    pdf = page.pdf(format="A4", landscape=True)
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000
    (ARTIFACTS / "sop-penyusunan-iku.pdf").write_bytes(pdf)


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    # docs=False: the authors' guide links to the shipped SOP page (see test_hostile_build.py).
    tmp = tmp_path_factory.mktemp("hostile")
    project = make_project(tmp, data=HOSTILE, docs=False)
    return mkdocs_build(project, tmp / "site"), tmp / "site"


@pytest.fixture(scope="module")
def hostile_catalog() -> Catalog:
    cat, problems, _ = load_catalog(HOSTILE)
    assert not problems, problems
    return cat


@pytest.fixture(scope="module")
def hostile_visits(
    browser: object, hostile_build: tuple[Any, Path], hostile_catalog: Catalog
) -> Iterator[dict[str, dict[str, Any]]]:
    """Every page of the hostile site, opened once, with what was seen on it."""
    result, site = hostile_build
    if result.returncode != 0:
        pytest.fail(f"hostile data set does not build:\n{result.stderr}")
    watch = PageWatch(browser, serve(site))
    watch.page.add_init_script(PROBE)
    page_errors: list[str] = []
    watch.page.on("pageerror", lambda e: page_errors.append(str(e)))
    pages = sorted(str(p.parent.relative_to(site)) for p in site.rglob("index.html"))
    visits: dict[str, dict[str, Any]] = {}
    for rel in pages:
        path = "" if rel == "." else rel + "/"
        before_errors, before_requests = len(page_errors), len(watch.requests)
        response = watch.page.goto(watch.base_url + path)
        watch.page.wait_for_load_state("load")
        sop_id = path.split("/")[1] if path.startswith("sop/") else None
        expected = len(hostile_catalog.sops[sop_id].prosedur) if sop_id else 0
        if expected:
            wait_drawn(watch, expected)
        page = watch.page
        visits[path] = {
            "status": response.status if response else None,
            "sop": sop_id,
            "pwned": page.evaluate("typeof window.__pwned === 'undefined' ? null : "
                                   "String(window.__pwned)"),
            "page_errors": page_errors[before_errors:],
            "requests": watch.requests[before_requests:],
            "diagrams": page.evaluate(DIAGRAMS),
            "injected_content": page.evaluate(INJECTED, False),
            "injected_anywhere": page.evaluate(INJECTED, True),
            "body": page.evaluate("document.body.innerText"),
            "tables": page.evaluate(TABLE_SHAPES),
            "cells": page.evaluate("""() => Object.fromEntries(
                [...document.querySelectorAll("article [id]")].map(e => [e.id, e.innerText]))"""),
            "ids": page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)"),
            "links": page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.href)"),
            "base": watch.base_url,
        }
    yield visits
    watch.close()


def test_hostile_pages_load_and_diagrams_render(
    hostile_visits: dict[str, dict[str, Any]], hostile_catalog: Catalog
) -> None:
    assert {"", "unit/instansi-uji/", "unit/bagian-uji/", "indeks/pelaksana/",
            "indeks/dasar-hukum/", "sop/hostile-satu/", "sop/hostile-dua/"} <= set(hostile_visits)
    for path, visit in hostile_visits.items():
        assert visit["status"] == 200, path
        assert not visit["page_errors"], (path, visit["page_errors"])
        if visit["sop"]:
            sop = hostile_catalog.sops[visit["sop"]]
            assert len(visit["diagrams"]) == len(sop.prosedur), path
            for info, proc in zip(visit["diagrams"], sop.prosedur, strict=True):
                check_diagram(info, proc)
        else:
            assert not visit["diagrams"], path


def test_hostile_links_resolve(hostile_visits: dict[str, dict[str, Any]]) -> None:
    """Every in-site link of the hostile site leads to a page and, with a fragment, to an
    element of that page (anchors are derived from hostile names for the indexes)."""
    broken = []
    checked = 0
    for path, visit in hostile_visits.items():
        base = visit["base"]
        for href in visit["links"]:
            if not href.startswith(base):
                continue
            parts = urlsplit(href)
            target = parts.path[len(urlsplit(base).path):]
            if not (target == "" or target.endswith("/")):
                continue
            checked += 1
            ids = hostile_visits[target]["ids"] if target in hostile_visits else None
            if ids is None or (parts.fragment and parts.fragment not in ids):
                broken.append(f"{path} -> {href}")
    assert checked > 50 and not broken, broken


def test_hostile_text_is_shown_literally(
    hostile_visits: dict[str, dict[str, Any]], hostile_catalog: Catalog
) -> None:
    script = "<script>window.__pwned=1</script>"
    one = hostile_visits["sop/hostile-satu/"]
    cells = one["cells"]
    satu = hostile_catalog.sops["hostile-satu"]
    step_a1 = satu.prosedur[0].langkah[0]
    assert step_a1.kegiatan == script
    assert script in cells["langkah-a-1"]
    assert script in one["body"]
    row = [c.strip() for c in cells["langkah-a-1"].split("\t")]
    assert row[1] == script and row[3] == "{{ 7*7 }}" and "49" not in row
    assert '<img src=x onerror="window.__pwned=1">' in row
    assert "[klik](javascript:window.__pwned=1)" in row
    assert squash(cells["nomor-sop"]) == satu.nomor
    assert squash(cells["nama-sop"]).endswith(squash(satu.nama))
    for anchor, values in {
        "dasar-hukum": as_list(satu.dasar_hukum),
        "kualifikasi-pelaksana": as_list(satu.kualifikasi_pelaksana),
        "keterkaitan": [r.teks for r in satu.keterkaitan if not isinstance(r, str)],
        "peralatan-perlengkapan": as_list(satu.peralatan),
        "peringatan": as_list(satu.peringatan),
        "pencatatan-pendataan": as_list(satu.pencatatan),
    }.items():
        for value in values:
            assert squash(value) in squash(cells[anchor]), (anchor, value)
    # Every step's own texts, in its row, as written.
    for proc in satu.prosedur:
        assert squash(f"{proc.kode}. {proc.judul}") in squash(one["body"])
        for step in proc.langkah:
            shown = squash(cells[f"langkah-{proc.kode.lower()}-{step.no}"])
            for value in (step.kegiatan, step.kelengkapan, step.waktu, step.output,
                          step.keterangan, *flow.step_lanes(step)):
                if value:
                    assert squash(value) in shown, (step.no, value)
            if step.keputusan:
                assert squash(step.keputusan.pertanyaan or "") in shown
                for label in step.keputusan.cabang:
                    assert squash(label) in shown
    body = squash(one["body"])
    for value in ("{{ 7*7 }}", "{% if %}", "*bold*", "_x_", "[x](y)", "`kode`", "# heading",
                  "| pipe", "#quot; &amp;", "--> %% end", "click n000p1 call alert(1)",
                  ":::cls", "Kepala Dinas — Bagian Umum", "ß", "中文", "ñ",
                  "<svg onload=window.__pwned=1>",
                  "PertanggungjawabanPenyelenggaraanPemerintahanDaerah" * 2):
        assert value in body, value
    assert squash(satu.prosedur[0].label_kelengkapan) in body

    dua = hostile_visits["sop/hostile-dua/"]
    assert squash(dua["cells"]["nomor-sop"]) == "-"  # blank nomor
    assert squash(dua["cells"]["peralatan-perlengkapan"]).endswith('" "')
    assert squash(dua["cells"]["kualifikasi-pelaksana"]).endswith("-")

    unit = hostile_visits["unit/bagian-uji/"]
    bagian = hostile_catalog.units["bagian-uji"]
    for value in (bagian.nama, bagian.alamat, bagian.keterangan,
                  hostile_catalog.units["instansi-uji"].nama):
        assert squash(value) in squash(unit["body"]), value
    (decree,) = hostile_catalog.keputusan
    unit_body = squash(unit["body"])
    for value in (decree.nomor, *decree.menimbang, *decree.mengingat, decree.menetapkan,
                  *(d.isi for d in decree.diktum), decree.tanggal_penetapan,
                  *(e.nama for e in decree.daftar_sop)):
        assert squash(value) in unit_body, value
    assert squash(decree.judul.upper()) in unit_body
    roles = squash(hostile_visits["indeks/pelaksana/"]["body"])
    for proc in satu.prosedur:
        for lane in proc.pelaksana:
            assert squash(lane) in roles, lane
    laws = squash(hostile_visits["indeks/dasar-hukum/"]["body"])
    for law in as_list(satu.dasar_hukum):
        assert squash(law) in laws, law


def test_hostile_tables_keep_their_columns(
    hostile_visits: dict[str, dict[str, Any]], hostile_catalog: Catalog
) -> None:
    seen = 0
    for path, visit in hostile_visits.items():
        for table in visit["tables"]:
            assert len(set(table["widths"])) == 1, (path, table["cls"], table["widths"])
            if table["cls"] != "sop-mutu-baku":
                continue
            seen += 1
            assert table["widths"][0] == 7, path
        if visit["sop"]:
            sop = hostile_catalog.sops[visit["sop"]]
            merged: set[str] = set()
            for proc in sop.prosedur:
                code = f"{proc.kode.lower()}-" if proc.kode else ""
                for i, step in enumerate(proc.langkah):
                    for k in range(1, step.waktu_mencakup or 1):
                        merged.add(f"langkah-{code}{proc.langkah[i + k].no}")
            rows = [r for t in visit["tables"] if t["cls"] == "sop-mutu-baku" for r in t["body"]]
            assert len(rows) == sum(len(p.langkah) for p in sop.prosedur)
            for row in rows:
                assert row["cells"] == (6 if row["id"] in merged else 7), (path, row)
            assert merged, "the data set should merge some waktu cells"
    assert seen == 2 * 3  # three procedures, on each SOP's page and its revision's page
    unit_tables = hostile_visits["unit/bagian-uji/"]["tables"]
    assert any(t["widths"][0] == 4 for t in unit_tables)  # the decree's list of SOPs


def test_hostile_content_and_diagrams_carry_no_markup(
    hostile_visits: dict[str, dict[str, Any]],
) -> None:
    """In the page content and in every diagram, data never becomes an element or an
    attribute that runs code."""
    for path, visit in hostile_visits.items():
        assert not visit["injected_content"], (path, visit["injected_content"])




def test_hostile_no_script_runs(hostile_visits: dict[str, dict[str, Any]]) -> None:
    for path, visit in hostile_visits.items():
        assert visit["pwned"] is None, f"{path}: window.__pwned = {visit['pwned']}"
        assert not visit["injected_anywhere"], (path, visit["injected_anywhere"])
        assert not [u for u in visit["requests"] if urlsplit(u).path.endswith("/x")], path


@pytest.mark.browser
def test_accessible_titles_and_descriptions(w: PageWatch, sop: Sop) -> None:
    page = w.open("sop/penyusunan-iku/")
    w.wait_for_diagrams()
    found = page.evaluate(
        """() => [...document.querySelectorAll('div.mermaid')].map(d => {
             const svg = d.shadowRoot.querySelector('svg');
             return [svg.querySelector('title')?.textContent,
                     svg.querySelector('desc')?.textContent,
                     svg.getAttribute('aria-labelledby') !== null];
           })"""
    )
    assert [f[0] for f in found] == [f"Diagram alir {p.kode}. {p.judul}" for p in sop.prosedur]
    for (_, desc, labelled), proc in zip(found, sop.prosedur, strict=True):
        assert desc.startswith(f"{len(proc.langkah)} langkah dalam {len(proc.pelaksana)} kolom")
        assert labelled


@pytest.mark.browser
def test_diagrams_render_after_instant_navigation(browser: Any,
                                                  tmp_path_factory: pytest.TempPathFactory
                                                  ) -> None:
    tmp = tmp_path_factory.mktemp("instant")
    project = make_project(tmp)
    (tmp / "site").mkdir()
    url = serve(tmp / "site")  # Material navigates instantly only within site_url
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "    - navigation.sections\n", "    - navigation.sections\n    - navigation.instant\n"
    ).replace("site_url: http://127.0.0.1:8000/", f"site_url: {url}"))
    result = mkdocs_build(project, tmp / "site")
    assert result.returncode == 0, result.stderr
    watch = PageWatch(browser, url)
    try:
        page = watch.open("unit/organisasi/")
        page.evaluate("window.__samePage = true")
        page.locator("article a[href$='sop/penyusunan-iku/']").first.click()
        page.wait_for_url("**/sop/penyusunan-iku/")
        assert watch.wait_for_diagrams() == 2
        assert page.evaluate("window.__samePage") is True  # no full page load happened
        assert watch.errors == [] and watch.outside_requests() == []
    finally:
        watch.close()

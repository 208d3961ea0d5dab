"""Scale features on the smallest SYNTHETIC data set that exercises them.

The data comes from bench/generate.py (labelled synthetic): one unit more than
the sidebar's `nav_unit_limit` (so the unit list folds), one SOP with a 60-step,
12-lane procedure, and one SOP whose Mermaid source is over Mermaid's default
maxTextSize (50,000 characters), which the site raises where Mermaid is
initialised. The 2,000-SOP strict build is in the benchmark (`bench/run.py`,
its scale check), not here.
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import ROOT, PageWatch, make_project, mkdocs_build, primary_nav, serve

sys.path.insert(0, str(ROOT / "bench"))
from generate import HUGE_ID, HUGE_STEPS, generate

NAV_UNIT_LIMIT = 10  # the plugin's default, which the shipped mkdocs.yml keeps
UNITS = NAV_UNIT_LIMIT + 1
SOPS = UNITS  # one per unit, the first with a 60-step, 12-lane procedure
BIG = "sop-00001"


@pytest.fixture(scope="module")
def scale_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("scale")
    data = generate(tmp / "data", sops=SOPS, units=UNITS, seed=7, big=1, huge=True)
    project = make_project(tmp, data=data, docs=False)
    assert "nav_unit_limit" not in (project / "mkdocs.yml").read_text(encoding="utf-8")
    result = mkdocs_build(project, tmp / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return tmp / "site"


def test_all_pages_built(scale_site: Path) -> None:
    assert len(list((scale_site / "sop").glob("*/index.html"))) == SOPS + 1
    assert len(list((scale_site / "unit").glob("*/index.html"))) == UNITS + 1


def test_huge_diagram_is_over_mermaids_default_limit(scale_site: Path) -> None:
    page = (scale_site / f"sop/{HUGE_ID}/index.html").read_text(encoding="utf-8")
    (source,) = re.findall(r'<pre class="mermaid"><code>(.*?)</code></pre>', page, re.S)
    assert len(html.unescape(source)) > 50_000


def test_big_procedure_has_60_steps_in_12_lanes(scale_site: Path) -> None:
    data = yaml.safe_load((scale_site.parent / "data/unit-01" / f"{BIG}.yml").read_text())
    (procedure,) = data["prosedur"]
    assert (len(procedure["langkah"]), len(procedure["pelaksana"])) == (60, 12)
    page = (scale_site / f"sop/{BIG}/index.html").read_text(encoding="utf-8")
    assert len(set(re.findall(r'id="langkah-a-(\d+)"', page))) == 60


@pytest.fixture
def scale_watch(scale_site: Path, browser: Any) -> Iterator[PageWatch]:
    watch = PageWatch(browser, serve(scale_site))
    yield watch
    watch.close()


@pytest.mark.parametrize("sop_id", [BIG, HUGE_ID])
def test_largest_diagrams_render(scale_watch: PageWatch, sop_id: str) -> None:
    page = scale_watch.open(f"sop/{sop_id}/")
    assert scale_watch.wait_for_diagrams(timeout=120_000) >= 1
    svg_nodes = page.evaluate(
        "[...document.querySelectorAll('div.mermaid')].map(d => "
        "d.shadowRoot.querySelectorAll('g.node').length)")
    assert max(svg_nodes) >= (HUGE_STEPS if sop_id == HUGE_ID else 60)
    text = page.evaluate("document.body.innerText")
    assert "Syntax error" not in text and "Maximum text size" not in text
    assert scale_watch.errors == []
    assert scale_watch.outside_requests() == []


def test_sidebar_lists_only_the_pages_own_unit(scale_site: Path) -> None:
    for sop_id in (BIG, "sop-00002", f"sop-{SOPS:05d}", HUGE_ID):
        nav = primary_nav((scale_site / f"sop/{sop_id}/index.html").read_text(encoding="utf-8"))
        assert len(re.findall(r"Dinas Sintetis \d+", nav)) == 2  # section title + label
        assert f"Unit lainnya ({UNITS - 1})" in nav
        assert 'href="../../unit/pemda-sintetis/#unit-bawahan"' in nav
    home = primary_nav((scale_site / "index.html").read_text(encoding="utf-8"))
    assert "Dinas Sintetis" not in home and f"Daftar unit ({UNITS})" in home


def test_sidebar_link_leads_to_every_unit(scale_watch: PageWatch) -> None:
    page = scale_watch.open(f"sop/{BIG}/")
    own = page.locator("#unit-sop td").inner_text().strip()
    page.locator(".md-nav--primary a", has_text=f"Unit lainnya ({UNITS - 1})").click()
    page.wait_for_url("**/unit/pemda-sintetis/#unit-bawahan")
    listed = page.locator("#unit-bawahan + ul > li > a")
    assert listed.count() == UNITS
    other = listed.filter(has_not_text=own).first
    name = other.inner_text()
    other.click()
    page.wait_for_load_state("load")
    assert page.locator("article h1").inner_text() == name
    assert scale_watch.errors == [] and scale_watch.outside_requests() == []

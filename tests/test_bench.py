"""bench/run.py keeps working, cheaply: its report, its scale check and its failure path.

Budgets are judged by the full benchmark (bench/RESULTS.md), never by these tests."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from helpers import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import run as bench


def test_report_has_every_table_and_budget() -> None:
    def size(n: int, plugin: float, baseline: float, median_kb: float) -> bench.SizeResult:
        result = bench.SizeResult(n, plugin=[bench.Run(plugin, plugin, 300.0)],
                                  baseline=[bench.Run(baseline, baseline, 200.0)])
        result.mermaid2, result.native = bench.Run(plugin, 1, 1), bench.Run(baseline, 1, 1)
        result.page_no_diagram_max_kb, result.page_no_diagram_median_kb = 50.0, median_kb
        return result

    results = [size(20, 2.0, 1.0, 30.0), size(2000, 110.0, 100.0, 31.0)]
    scale = bench.ScaleResult(2000, 40, bench.Run(123.4, 100.0, 900.0))
    text = bench.report(results, [1.0, 2.0, 4.0], 2000,
                        {"render_ms": 250.0, "first_render_ms": 400.0,
                         "navigation_to_drawn_ms": 900.0},
                        [("whole build (profiled)", 10.0), ("sop-ap: catalog", 1.0)], 2000,
                        "python bench/run.py", scale)
    for heading in ("## Builds", "## Page and index sizes", "## mkdocs-mermaid2-plugin",
                    "## Edit to reload under `mkdocs serve --dirty`", "## Where the time goes",
                    "## Swimlane drawing in headless Chromium", "## Scale check", "## Budgets"):
        assert heading in text
    assert "SYNTHETIC" in text and "every page built, in 123.4 s" in text
    assert "| 2000 | 110.0 | 100.0 | 1.100 |" in text
    verdicts = re.findall(r"\| (met|NOT met) \|$", text, re.M)
    # build ratio 1.1 met, page 50 KB met, growth 31/30 met, RSS 300 MB met,
    # serve median 2 s met, draw 250 ms met
    assert verdicts == ["met"] * 6
    slow = bench.report([size(20, 2.0, 1.0, 30.0), size(2000, 130.0, 100.0, 40.0)], [],
                        2000, None, [], 2000, "x")
    assert re.findall(r"\| (met|NOT met) \|$", slow, re.M) == ["NOT met", "met", "NOT met",
                                                                "met"]


def test_scale_check_builds_strictly(tmp_path: Path) -> None:
    result = bench.scale_check(5, tmp_path)
    assert (result.n, result.units) == (5, 1) and result.run.wall > 0
    assert (tmp_path / "site-scale-5/sop/sop-raksasa/index.html").is_file()


def test_a_failed_build_stops_the_benchmark(tmp_path: Path) -> None:
    data = tmp_path / "data"
    bench.generate(data, sops=2, units=1)
    sop = data / "unit-01" / "sop-00001.yml"
    sop.write_text(sop.read_text(encoding="utf-8").replace("peringatan:", "peringtan:"),
                   encoding="utf-8")
    project = bench.project_dir(tmp_path / "project", data)
    bench.write_config(project, bench.shipped_config())
    with pytest.raises(SystemExit) as stop:
        bench.build(project, tmp_path / "site", strict=True)
    assert "build failed" in str(stop.value)
    assert "kolom 'peringtan' tidak dikenal" in str(stop.value)

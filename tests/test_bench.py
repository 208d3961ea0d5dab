"""bench/run.py keeps working: one tiny run (N = 20, SYNTHETIC data) writes every table.

Budgets are judged by the full benchmark (bench/RESULTS.md), never by this test."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_a_tiny_benchmark_run_reports_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    result = subprocess.run(
        [sys.executable, "bench/run.py", "--sizes", "20", "--pairs", "1", "--serve-n", "20",
         "--profile-n", "20", "--no-browser", "--work", str(tmp_path / "work"),
         "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    for heading in ("## Builds", "## Page and index sizes", "## mkdocs-mermaid2-plugin",
                    "## Edit to reload under `mkdocs serve --dirty`", "## Where the time goes",
                    "## Budgets"):
        assert heading in text
    assert "SYNTHETIC" in text
    (build_row,) = [line for line in text.splitlines() if line.startswith("| 20 |")][:1]
    plugin_s, baseline_s, ratio = (float(x) for x in build_row.split("|")[2:5])
    assert plugin_s > 0 and baseline_s > 0 and ratio > 0
    verdicts = re.findall(r"\| (met|NOT met) \|$", text, re.M)
    assert len(verdicts) == 5  # every budget but the browser one (--no-browser)

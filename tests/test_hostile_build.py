"""The hostile data set (tests/fixtures/hostile, synthetic): it is what it claims to be,
it passes `sop-ap check` cleanly, and a strict build keeps it out of the page markup.
The browser side (scripts, diagrams, literal text) is in test_browser.py."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import ROOT, make_project, mkdocs_build
from sop_ap.catalog import load_catalog
from sop_ap.cli import main as sop_ap_main

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"

# Keys whose values are not text: ids, numbers, flags, flow targets.
NOT_TEXT = {"id", "unit", "induk", "sop", "kode", "no", "waktu_mencakup", "mulai", "selesai",
            "lanjut", "setelah_proses", "elektronik", "eksternal"}
HOSTILE_TEXT = re.compile(
    r"<script>|<img |<svg |javascript:|\||\*|_x_|#|`|\[x\]\(y\)|\"|\[\]|\{\}|\(\)|-->|%%"
    r"|\bend\b|subgraph|click |:::|&amp;|\{\{|\{%|\S{120}|^\s*(- |1\. )"
    r"|[\u2014\u2013\u00b1\u00df\u00f1]|中文"  # em/en dash, plus-minus, sharp s, n tilde
)


def text_fields(data: Any, path: str = "") -> list[tuple[str, str]]:
    """Every text value (and every cabang label) with its path."""
    if isinstance(data, dict):
        out = []
        for key, value in data.items():
            if path.endswith("cabang"):
                out.append((f"{path}.{key}", str(key)))
            elif key not in NOT_TEXT or isinstance(value, list | dict):
                out += text_fields(value, f"{path}.{key}")
        return out
    if isinstance(data, list):
        return [f for i, item in enumerate(data) for f in text_fields(item, f"{path}[{i}]")]
    return [(path, data)] if isinstance(data, str) else []


def test_every_text_field_is_hostile_and_labelled_synthetic() -> None:
    files = sorted(HOSTILE.rglob("*.yml"))
    assert [f.relative_to(HOSTILE).as_posix() for f in files] == [
        "keputusan/kep-uji.yml", "uji/hostile-dua.yml", "uji/hostile-satu.yml", "unit.yml"]
    for file in files:
        text = file.read_text(encoding="utf-8")
        assert text.startswith("# SYNTHETIC"), file
        fields = text_fields(yaml.safe_load(text))
        assert len(fields) > 10, file
        tame = [(p, v) for p, v in fields
                if not (v.strip() in {"-", ""} or HOSTILE_TEXT.search(v))]
        assert not tame, f"{file.name}: fields without hostile text: {tame}"


def test_hostile_data_checks_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert sop_ap_main(["check", "--strict", str(HOSTILE)]) == 0
    assert "0 kesalahan, 0 peringatan" in capsys.readouterr().out
    catalog, problems, files = load_catalog(HOSTILE)
    assert (problems, files) == ([], 4)
    assert sorted(catalog.sops) == ["hostile-dua", "hostile-satu"]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile-html")
    result = mkdocs_build(make_project(tmp, data=HOSTILE, docs=False), tmp / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    return tmp / "site"


def test_hostile_build_succeeds(hostile_site: Path) -> None:
    pages = {p.parent.relative_to(hostile_site).as_posix()
             for p in hostile_site.rglob("index.html")}
    assert {".", "sop/hostile-satu", "sop/hostile-dua", "unit/bagian-uji", "unit/instansi-uji",
            "indeks/pelaksana", "indeks/dasar-hukum"} <= pages


def main_content(html: str) -> str:
    return html.split('<article class="md-content__inner md-typeset">', 1)[1].split(
        "</article>", 1)[0]


def test_hostile_text_never_becomes_markup_in_the_content(hostile_site: Path) -> None:
    for page in hostile_site.rglob("index.html"):
        content = main_content(page.read_text(encoding="utf-8"))
        for raw in ("<script>window", "<img src=x", "<svg onload", 'href="javascript:',
                    "<h1>heading", "<em>bold</em>", "<code>kode</code>"):
            assert raw not in content, (page, raw)
        text = html.unescape(re.sub(r"<[^>]+>", " ", content))
        assert "{{ 7*7 }}" in text and "49" not in text, page


def test_hostile_names_are_escaped_in_navigation(hostile_site: Path) -> None:
    for page in hostile_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for raw in ("<script>window.__pwned", "<img src=x onerror", "<svg onload"):
            assert raw not in html, (page.relative_to(hostile_site).as_posix(), raw)


def test_hostile_build_with_the_shipped_guide(tmp_path: Path) -> None:
    result = mkdocs_build(make_project(tmp_path, data=HOSTILE), tmp_path / "site")
    assert result.returncode == 0, result.stderr

"""Any input ends in a located message, never in a traceback or a dead process.

Hypothesis feeds the loader (in-process) arbitrary bytes, arbitrary YAML
documents, and the shipped SOP with one value replaced by an arbitrary one;
`sop-ap check`'s code path must return 0 or 1, every error must name its file
and a line, and data that passes must render. Subprocess checks cover what no
`except` can catch: 30,000 nested levels once killed the process (SIGSEGV).
"""

from __future__ import annotations

import copy
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, make_project, mkdocs_build
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sop_ap.catalog import build_catalog
from sop_ap.loader import load_dir
from sop_ap.pages import environment, site_pages

SOP_REL = "organisasi/penyusunan-iku.yml"
SHIPPED_SOP = yaml.safe_load((ROOT / "sop_data" / SOP_REL).read_text(encoding="utf-8"))
FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**30), 10**30), st.floats(allow_nan=False),
    st.text(max_size=30),
    st.sampled_from(["-", "selesai", "1 hari", "13-03-2018", "31-02-2018", "A", "0", "~",
                     "organisasi", "penyusunan-iku", "setda-2018-sop-ap", "Kabag Organisasi"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=12), inner, max_size=4)),
    max_leaves=12,
)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("fuzz") / "sop_data"
    shutil.copytree(ROOT / "sop_data", target)
    return target


def check_folder(data_dir: Path) -> None:
    """What `sop-ap check` and the build do, in-process: load, link, and render when clean."""
    result = load_dir(data_dir)
    catalog, more = build_catalog(result)
    problems = result.problems + more
    for problem in problems:
        assert problem.path and problem.position.line >= 1 and problem.position.column >= 1
        assert problem.message.strip()
        assert str(problem).startswith(f"{problem.path}:{problem.position.line}:")
    if not any(p.severity == "error" for p in problems):
        site_pages(catalog, environment(), "http://intranet/")


def write_and_check(data_dir: Path, rel: str, raw: bytes) -> None:
    target = data_dir / rel
    original = target.read_bytes() if target.exists() else None
    target.write_bytes(raw)
    try:
        check_folder(data_dir)
    finally:
        if original is None:
            target.unlink()
        else:
            target.write_bytes(original)


PLACES = st.sampled_from([SOP_REL, "unit.yml", "keputusan/setda-2018-sop-ap.yml", "baru.yml"])


@FUZZ
@given(raw=st.binary(max_size=300), rel=PLACES)
def test_arbitrary_bytes(data_dir: Path, raw: bytes, rel: str) -> None:
    write_and_check(data_dir, rel, raw)


@FUZZ
@given(doc=VALUES, rel=PLACES)
def test_arbitrary_yaml_documents(data_dir: Path, doc: Any, rel: str) -> None:
    write_and_check(data_dir, rel, yaml.safe_dump(doc, allow_unicode=True).encode("utf-8"))


@FUZZ
@given(text=st.text(alphabet=st.sampled_from(list("[]{}-:?,'\"&*!|>#\n a1\t")), max_size=200),
       rel=PLACES)
def test_arbitrary_yaml_punctuation(data_dir: Path, text: str, rel: str) -> None:
    write_and_check(data_dir, rel, text.encode("utf-8"))


def _replace(data: Any, path: list[int], value: Any) -> Any:
    """`data` with the node reached by `path` (each step picks a child) replaced."""
    if not path or not isinstance(data, dict | list) or not data:
        return value
    keys = list(data) if isinstance(data, dict) else list(range(len(data)))
    key = keys[path[0] % len(keys)]
    data[key] = _replace(data[key], path[1:], value)
    return data


@FUZZ
@given(path=st.lists(st.integers(0, 40), max_size=7), value=VALUES,
       drop=st.booleans())
def test_shipped_sop_with_one_value_replaced(data_dir: Path, path: list[int], value: Any,
                                             drop: bool) -> None:
    doc = _replace(copy.deepcopy(SHIPPED_SOP), path, value)
    if drop and isinstance(doc, dict) and path:
        doc.pop(list(doc)[path[0] % len(doc)], None)
    write_and_check(data_dir, SOP_REL, yaml.safe_dump(doc, allow_unicode=True).encode("utf-8"))


# --------------------------------------------------------------- the process survives

DEEP = "id: dalam\nnama: " + "[" * 30_000 + "]" * 30_000 + "\n"
DEEP_INDENTED = "nama:\n" + "".join(" " * i + "- x:\n" for i in range(0, 6_000, 2))


@pytest.mark.parametrize("text", [DEEP, DEEP_INDENTED, "- " * 30_000 + "x\n"],
                         ids=["brackets", "indentation", "dashes"])
def test_check_survives_deep_nesting(tmp_path: Path, text: str) -> None:
    data = tmp_path / "sop_data"
    shutil.copytree(ROOT / "sop_data", data)
    (data / "organisasi" / "dalam.yml").write_text(text, encoding="utf-8")
    result = subprocess.run([Path(sys.executable).parent / "sop-ap", "check", str(data)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    assert "dalam.yml:" in result.stdout and "susunan bertingkat terlalu dalam" in result.stdout
    assert "Traceback" not in result.stderr


def test_build_survives_deep_nesting(tmp_path: Path) -> None:
    project = make_project(tmp_path, docs=False)
    (project / "sop_data" / "organisasi" / "dalam.yml").write_text(DEEP, encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1, result.stderr[-2000:]
    assert "dalam.yml:2:" in result.stderr and "susunan bertingkat terlalu dalam" in result.stderr
    assert "Traceback" not in result.stderr

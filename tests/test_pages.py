"""pages.py helpers not covered by the golden files."""

from __future__ import annotations

import itertools
import posixpath

from sop_ap.pages import link

PATHS = ["index.md", "pelaksana.md", "dasar-hukum.md", "sop/a.md", "sop/b.md", "unit/x.md",
         "a/b/c.md", "a/d.md", "a/b/e.md", "x/y/z/w.md", "sop.md", "sop/sop.md"]


def test_link_is_the_relative_path_between_docs_pages() -> None:
    for source, target in itertools.product(PATHS, PATHS):
        expected = posixpath.relpath(target, posixpath.dirname(source) or ".")
        assert link(source, target) == expected, (source, target)


def test_link_with_anchor() -> None:
    assert link("unit/setda.md", "sop/penyusunan-iku.md", "langkah-b-12") == (
        "../sop/penyusunan-iku.md#langkah-b-12")

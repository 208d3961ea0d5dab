"""sidebar.py: long lists of units fold to the page's own unit plus a link to the list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation, Section, get_navigation
from mkdocs.structure.pages import Page
from sop_ap.sidebar import Sidebar


def unit(unit_id: str, sops: int, children: list[Any] = ()) -> dict[str, list[Any]]:
    items: list[Any] = [{"Ringkasan unit": f"unit/{unit_id}.md"}]
    items += [{f"SOP {unit_id} {i}": f"sop/{unit_id}-{i}.md"} for i in range(sops)]
    return {f"Unit {unit_id}": items + list(children)}


def build_nav(tmp_path: Path, roots: list[Any]) -> tuple[Navigation, set[str]]:
    spec = [{"Beranda": "index.md"}, *roots, {"Indeks": [{"Menurut pelaksana": "pelaksana.md"}]}]
    paths: list[str] = []

    def collect(items: list[Any]) -> None:
        for item in items:
            (value,) = item.values()
            if isinstance(value, list):
                collect(value)
            else:
                paths.append(value)

    collect(spec)
    config = MkDocsConfig()
    config.load_dict({"site_name": "uji", "docs_dir": str(tmp_path), "nav": spec})
    errors, _ = config.validate()
    assert not errors
    files = Files([File(path, str(tmp_path), str(tmp_path / "site"), True) for path in paths])
    nav = get_navigation(files, config)
    return nav, {p for p in paths if p.startswith("unit/")}


def page(nav: Navigation, src: str) -> Page:
    (found,) = [p for p in nav.pages if p.file.src_uri == src]
    return found


def titles(items: list[Any]) -> list[str]:
    return [item.title for item in items]


def section(items: list[Any], title: str) -> Section:
    (found,) = [item for item in items if item.title == title]
    assert found.is_section
    return found


def pemda(units: int, sops: int = 2) -> dict[str, list[Any]]:
    return unit("pemda", 1, [unit(f"u{i:02d}", sops) for i in range(1, units + 1)])


def test_few_units_leave_the_navigation_as_it_is(tmp_path: Path) -> None:
    nav, units = build_nav(tmp_path, [pemda(3)])
    sidebar = Sidebar(nav, units, limit=3, home_lists_units=True)
    shown = sidebar.for_page(page(nav, "sop/u02-1.md"))
    assert shown.items is nav.items


def test_many_units_keep_the_pages_own_unit_and_link_to_the_rest(tmp_path: Path) -> None:
    nav, units = build_nav(tmp_path, [pemda(12)])
    sidebar = Sidebar(nav, units, limit=10, home_lists_units=True)
    current = page(nav, "sop/u07-1.md")
    root = section(sidebar.for_page(current).items, "Unit pemda")
    assert titles(root.children) == ["Ringkasan unit", "SOP pemda 0", "Unit u07",
                                     "Unit lainnya (11)"]
    link = root.children[-1]
    assert isinstance(link, Link) and link.url == "unit/pemda/#unit-bawahan"
    original = section(section(nav.items, "Unit pemda").children, "Unit u07")
    assert section(root.children, "Unit u07") is original  # its SOPs are all listed


def test_outside_any_unit_the_list_becomes_one_link(tmp_path: Path) -> None:
    nav, units = build_nav(tmp_path, [pemda(12)])
    sidebar = Sidebar(nav, units, limit=10, home_lists_units=True)
    for src in ("index.md", "unit/pemda.md", "sop/pemda-0.md", "pelaksana.md"):
        root = section(sidebar.for_page(page(nav, src)).items, "Unit pemda")
        assert titles(root.children) == ["Ringkasan unit", "SOP pemda 0", "Daftar unit (12)"]


def test_folded_sections_are_active_with_the_real_ones(tmp_path: Path) -> None:
    nav, units = build_nav(tmp_path, [pemda(12)])
    sidebar = Sidebar(nav, units, limit=10, home_lists_units=True)
    current = page(nav, "sop/u03-0.md")
    root = section(sidebar.for_page(current).items, "Unit pemda")
    assert root is not section(nav.items, "Unit pemda") and not root.active
    current.active = True  # what MkDocs does while it builds the page
    assert root.active
    current.active = False
    assert not root.active


def test_each_level_folds_on_its_own(tmp_path: Path) -> None:
    subunits = [unit(f"b{i}", 1) for i in range(4)]
    deep = unit("pemda", 0, [unit("setda", 1, subunits), *[unit(f"d{i}", 1) for i in range(5)]])
    nav, units = build_nav(tmp_path, [deep])
    sidebar = Sidebar(nav, units, limit=3, home_lists_units=True)
    root = section(sidebar.for_page(page(nav, "sop/b2-0.md")).items, "Unit pemda")
    assert titles(root.children) == ["Ringkasan unit", "Unit setda", "Unit lainnya (5)"]
    setda = section(root.children, "Unit setda")
    assert titles(setda.children) == ["Ringkasan unit", "SOP setda 0", "Unit b2",
                                      "Unit lainnya (3)"]
    assert setda.children[-1].url == "unit/setda/#unit-bawahan"


def test_many_root_units_link_to_the_home_pages_list(tmp_path: Path) -> None:
    nav, units = build_nav(tmp_path, [unit(f"r{i}", 1) for i in range(4)])
    sidebar = Sidebar(nav, units, limit=2, home_lists_units=True)
    shown = sidebar.for_page(page(nav, "sop/r1-0.md"))
    assert titles(shown.items) == ["Beranda", "Unit r1", "Unit lainnya (3)", "Indeks"]
    assert shown.items[2].url == "./#unit"
    assert shown.homepage is nav.homepage and shown.pages is nav.pages


def test_root_units_stay_when_the_home_page_has_no_unit_list(tmp_path: Path) -> None:
    nav, units = build_nav(tmp_path, [unit(f"r{i}", 1) for i in range(4)])
    sidebar = Sidebar(nav, units, limit=2, home_lists_units=False)
    shown = sidebar.for_page(page(nav, "sop/r1-0.md"))
    assert titles(shown.items) == titles(nav.items)


def test_pages_in_the_same_unit_share_one_navigation(tmp_path: Path) -> None:
    nav, units = build_nav(tmp_path, [pemda(12)])
    sidebar = Sidebar(nav, units, limit=10, home_lists_units=True)
    first = sidebar.for_page(page(nav, "sop/u05-0.md"))
    assert sidebar.for_page(page(nav, "sop/u05-1.md")) is first
    assert sidebar.for_page(page(nav, "sop/u06-1.md")) is not first


@pytest.mark.parametrize("units", [11, 40, 200])
def test_the_sidebar_does_not_grow_with_the_number_of_units(tmp_path: Path, units: int) -> None:
    nav, sources = build_nav(tmp_path, [pemda(units)])
    sidebar = Sidebar(nav, sources, limit=10, home_lists_units=True)
    root = section(sidebar.for_page(page(nav, "sop/u11-0.md")).items, "Unit pemda")
    assert len(root.children) == 4

"""The navigation each page shows, with long lists of units folded.

Material renders, on every page, each sibling of each section on the way to that
page (`navigation.prune` drops only the children of the collapsed ones). A province
with 40 units under its Pemda would put 40 unit entries in the sidebar of every page,
so every page grows with the catalog. Here a list holding more than `limit` unit
sections keeps only the unit on the page's own path, followed by one link to the
page that lists all of them (the parent unit's "Unit di bawahnya", or the home page's
"Menurut unit"). Everything else in the navigation is left as it is.

Unit sections are recognised by their first child: the unit's own page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

UNITS_ANCHOR = "unit-bawahan"
"""Anchor of the sub-unit list on a unit page (templates/unit.md.j2)."""
HOME_UNITS_ANCHOR = "unit"
"""Anchor of the unit list on the home page (templates/beranda.md.j2)."""


class _FoldedSection(Section):
    """A section of the site's navigation shown with fewer children.

    MkDocs marks the sections of the page being built active by setting `active` on
    the page's real parents; a folded copy reads it from the section it copies."""

    def __init__(self, original: Section, children: list[Any]) -> None:
        self._original = original
        super().__init__(original.title, children)

    @property
    def active(self) -> bool:
        return self._original.active

    @active.setter
    def active(self, value: bool) -> None:
        """Set on the real section only (MkDocs does it)."""


def _first_page(item: Any) -> Page | None:
    while item is not None and item.is_section:
        item = item.children[0] if item.children else None
    return item if item is not None and item.is_page else None


class Sidebar:
    """Builds, per page, the navigation its sidebar shows; pages that sit in the same
    sections share one."""

    def __init__(
        self,
        nav: Navigation,
        unit_pages: set[str],
        limit: int,
        home_lists_units: bool,
    ) -> None:
        """`unit_pages`: source paths of the unit pages (e.g. `unit/setda.md`);
        `home_lists_units`: the home page is the generated one with the unit list."""
        self.nav = nav
        self.limit = limit
        self.home_lists_units = home_lists_units
        self._units: dict[int, Page] = {}
        self._index(nav.items, unit_pages)
        self._cache: dict[tuple[int, ...], Navigation] = {}

    def _index(self, items: Sequence[Any], unit_pages: set[str]) -> None:
        for item in items:
            if item.is_section:
                first = _first_page(item)
                if first is not None and first.file.src_uri in unit_pages:
                    self._units[id(item)] = first
                self._index(item.children, unit_pages)

    def for_page(self, page: Page) -> Navigation:
        key = tuple(id(section) for section in page.ancestors)
        if key not in self._cache:
            self._cache[key] = Navigation(self._fold(self.nav.items, set(key), None),
                                          self.nav.pages)
        return self._cache[key]

    def _fold(self, items: list[Any], path: set[int], owner: Page | None) -> list[Any]:
        units = [item for item in items if id(item) in self._units]
        shown = items
        if len(units) > self.limit and (owner is not None or self.home_lists_units):
            kept = [u for u in units if id(u) in path]
            shown = [item for item in items if id(item) not in self._units or id(item) in path]
            at = shown.index(kept[-1]) + 1 if kept else items.index(units[0])
            shown.insert(at, self._all_units_link(owner, len(units), len(kept)))
        folded = [self._section(item, path) if item.is_section else item for item in shown]
        if shown is items and all(f is i for f, i in zip(folded, items, strict=True)):
            return items  # nothing folded here or below: share the original list
        return folded

    def _section(self, section: Section, path: set[int]) -> Section:
        children = self._fold(section.children, path, self._units.get(id(section)))
        return section if children is section.children else _FoldedSection(section, children)

    def _all_units_link(self, owner: Page | None, total: int, kept: int) -> Link:
        if owner is not None:
            url = f"{owner.url}#{UNITS_ANCHOR}"
        else:
            home = self.nav.homepage.url if self.nav.homepage else ""
            url = f"{home or './'}#{HOME_UNITS_ANCHOR}"  # a bare `#unit` would stay on the page
        title = f"Unit lainnya ({total - kept})" if kept else f"Daftar unit ({total})"
        return Link(title, url)


"""The navigation spec MkDocs gets (`config.nav`): a section per unit, nested as the
organisation, with its summary page and its SOPs; then the indexes. How each page's
sidebar shows it (long unit lists folded) is `sidebar.py`."""

from __future__ import annotations

from typing import Any

from . import urls
from .catalog import Catalog
from .escape import nav_title
from .model import Unit
from .urls import HOME, LAW_INDEX, REVIEW_INDEX, ROLE_INDEX


def sop_title(catalog: Catalog, sop_id: str) -> str:
    """An SOP's name in lists, marked when it is not in force."""
    state = catalog.status_of(sop_id)
    name = catalog.sops[sop_id].nama
    if state.draf:
        return f"DRAF: {name}"
    return f"{name} (dicabut)" if state.dicabut else name


def navigation(catalog: Catalog, extra: list[Any]) -> list[Any]:
    """Sections per unit (nested as the organisation), then the indexes, then `extra`."""

    keep = {u.id for u in catalog.units_with_content()}

    def section(unit: Unit) -> dict[str, list[Any]]:
        items: list[Any] = [{"Ringkasan unit": urls.unit_page(unit.id)}]
        items += [{nav_title(sop_title(catalog, s.id)): urls.sop_page(s.id)}
                  for s in catalog.sops_of(unit.id)]
        items += [section(c) for c in catalog.children(unit.id) if c.id in keep]
        return {nav_title(unit.nama): items}

    roots = [section(u) for u in catalog.children(None) if u.id in keep]
    return [
        {"Beranda": HOME},
        *roots,
        {"Indeks": [{"Menurut pelaksana": ROLE_INDEX}, {"Menurut dasar hukum": LAW_INDEX},
                    {"Perlu ditinjau": REVIEW_INDEX}]},
        *extra,
    ]

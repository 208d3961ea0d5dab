"""Indexes by pelaksana and by dasar hukum."""

from __future__ import annotations

import pytest
from helpers import ROOT
from sop_ap.catalog import load_catalog
from sop_ap.indexes import regulation_key, regulations, roles


def test_roles_of_the_seed() -> None:
    catalog, _, _ = load_catalog(ROOT / "sop_data")
    found = {r.nama: [f"{u.prosedur.kode}.{u.langkah.no}" for u in r.uses] for r in roles(catalog)}
    assert list(found) == ["Analisis Kinerja", "Kabag Organisasi", "Kasubbag Kinerja & RB", "Tim"]
    assert found["Tim"] == ["B.5"]
    assert found["Kabag Organisasi"] == ["A.3", "B.2", "B.7", "B.11", "B.15"]
    assert "B.12" in found["Analisis Kinerja"]
    assert sum(len(v) for v in found.values()) == 29


def test_decision_lane_counts_as_acting() -> None:
    catalog, _, _ = load_catalog(ROOT / "tests/golden/patterns/data")
    kabag = next(r for r in roles(catalog) if r.nama == "Kabag")
    assert [u.langkah.no for u in kabag.uses] == [4, 6, 10]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik", "UU Nomor 25 Tahun 2009"),
        ("Peraturan Menteri Pendayagunaan Aparatur Negara Nomor: PER/9/M.PAN/5/2007 tentang X",
         "Permenpan Nomor PER/9/M.PAN/5/2007"),
        ("Peraturan Menteri Negara PAN dan RB Nomor 20 Tahun 2008", "Permenpan RB No. 20 Tahun 2008"),
    ],
)
def test_same_regulation_written_differently(a: str, b: str) -> None:
    assert regulation_key(a) == regulation_key(b)


def test_different_regulations_stay_apart() -> None:
    assert regulation_key("UU Nomor 25 Tahun 2009") != regulation_key("UU Nomor 25 Tahun 2019")
    assert regulation_key("UU Nomor 25 Tahun 2009") != regulation_key("PP Nomor 25 Tahun 2009")


def test_grouping_in_patterns() -> None:
    catalog, _, _ = load_catalog(ROOT / "tests/golden/patterns/data")
    (group,) = regulations(catalog)
    assert group.texts == ["Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
                           "UU Nomor 25 Tahun 2009"]

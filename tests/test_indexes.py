"""Indexes by pelaksana and by dasar hukum."""

from __future__ import annotations

import shutil
from pathlib import Path

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


def test_one_role_however_its_spaces_and_capitals_are_written(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests/golden/patterns/data", data)
    sop = data / "contoh" / "pola-alur.yml"
    text = sop.read_text(encoding="utf-8")
    second = text.replace("id: pola-alur", "id: pola-dua").replace("Petugas Loket",
                                                                   "petugas\u00a0loket")
    (data / "contoh" / "pola-dua.yml").write_text(second, encoding="utf-8")
    catalog, _, _ = load_catalog(data)
    found = [r for r in roles(catalog) if r.nama.casefold() == "petugas loket"]
    assert len(found) == 1  # one entry, the spelling used most often (a tie: the first)
    assert found[0].nama == "Petugas Loket"
    assert {u.sop.id for u in found[0].uses} == {"pola-alur", "pola-dua"}


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


def test_the_kind_is_the_one_named_first() -> None:
    """A PP that implements a UU names the UU in its title: it is still the PP."""
    pp = ("Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang "
          "Nomor 25 Tahun 2009 tentang Pelayanan Publik")
    assert regulation_key(pp) == regulation_key("PP Nomor 96 Tahun 2012") == "PP 96 2012"
    assert regulation_key(pp) != regulation_key("UU Nomor 96 Tahun 2012")
    assert regulation_key("Undang-Undang Nomor 5 Tahun 2014 tentang Peraturan Pemerintah X") \
        == "UU 5 2014"

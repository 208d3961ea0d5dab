"""Issue 12 ("hard to break, round two"): each defect a hostile author found, as a test.

Files dropped silently (7), check and build disagreeing (9), over-long values (11),
confusing messages (14), impossible dates (5), keterkaitan by title (1), anchors (4),
templates and site_url (10).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, make_project, mkdocs_build
from sop_ap import loader
from sop_ap.catalog import build_catalog
from sop_ap.cli import main as sop_ap
from sop_ap.loader import load_dir

SOP = "organisasi/penyusunan-iku.yml"
MAX = getattr(loader, "MAX_TEXT", 5_000)


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped data; the working folder is its parent (paths as `sop_data/…`)."""
    shutil.copytree(ROOT / "sop_data", tmp_path / "sop_data")
    monkeypatch.chdir(tmp_path)
    return Path("sop_data")


def messages(data: Path) -> list[str]:
    result = load_dir(data)
    _, more = build_catalog(result)
    return sorted(str(p) for p in result.problems + more)


def second_sop(data: Path, sop_id: str, nama: str, folder: str = "organisasi",
               unit: str = "organisasi", extra: str = "") -> Path:
    text = (data / SOP).read_text(encoding="utf-8")
    text = text.replace("id: penyusunan-iku", f"id: {sop_id}", 1)
    text = text.replace("unit: organisasi", f"unit: {unit}", 1)
    text = text.replace("nama: Penyusunan Indikator Kinerja Utama (IKU) Pemerintah Kota",
                        f"nama: {nama}", 1)
    target = data / folder / f"{sop_id}.yml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text + extra, encoding="utf-8")
    return target


# ------------------------------------------------------------ 7: nothing skipped silently


def test_symlink_inside_the_data_folder_is_read_once_at_its_own_place(data: Path) -> None:
    second_sop(data, "lain", "SOP Lain", folder="simpanan")
    (data / "tautan").symlink_to(Path("simpanan"), target_is_directory=True)
    (data / "a-tautan.yml").symlink_to(Path("simpanan/lain.yml"))
    result = load_dir(data)
    assert sorted(s.path for s in result.sops) == [
        "sop_data/organisasi/penyusunan-iku.yml", "sop_data/simpanan/lain.yml"]
    assert messages(data) == [
        "sop_data/a-tautan.yml:1:1: CATATAN: tautan simbolik ke simpanan/lain.yml di folder "
        "data ini, yang dibaca di tempat aslinya: tidak dibaca dua kali",
        "sop_data/tautan:1:1: CATATAN: tautan simbolik ke simpanan di folder data ini, yang "
        "dibaca di tempat aslinya: tidak dibaca dua kali",
    ]


def test_data_folder_given_through_a_link_is_read(data: Path, tmp_path: Path) -> None:
    (tmp_path / "jalan-pintas").symlink_to(tmp_path / "sop_data", target_is_directory=True)
    result = load_dir(Path("jalan-pintas"))
    assert [s.path for s in result.sops] == ["jalan-pintas/organisasi/penyusunan-iku.yml"]
    assert result.problems == []


def test_symlinks_outside_and_broken_are_errors(data: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "x.yml").write_text("id: x\n")
    (data / "luar").symlink_to(outside, target_is_directory=True)
    (data / "luar.yml").symlink_to(outside / "x.yml")
    (data / "putus.yml").symlink_to(tmp_path / "missing.yml")
    assert messages(data) == [
        f"sop_data/luar.yml:1:1: tautan simbolik ke {outside.resolve()}/x.yml, di luar folder "
        "data: tidak dibaca; salin berkas atau folder itu ke dalam folder data",
        f"sop_data/luar:1:1: tautan simbolik ke {outside.resolve()}, di luar folder data: "
        "tidak dibaca; salin berkas atau folder itu ke dalam folder data",
        f"sop_data/putus.yml:1:1: tautan simbolik putus (tujuannya, {tmp_path}/missing.yml, "
        "tidak ada): tidak dibaca; hapus tautan itu atau kembalikan berkasnya",
    ]
    assert sop_ap(["check", "sop_data"]) == 1


def as_unprivileged(command: list[str | Path]) -> list[str | Path]:
    """Root reads any folder: drop the capabilities that let it, so permissions count."""
    if os.geteuid() != 0:
        return command
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    caps = "-dac_override,-dac_read_search"
    return ["setpriv", f"--bounding-set={caps}", f"--inh-caps={caps}", *command]


def test_unreadable_folders_are_messages_not_tracebacks(data: Path) -> None:
    """A folder without execute permission once raised PermissionError out of `is_file`;
    one without read permission was skipped with exit 0."""
    for name, mode in (("terkunci", 0o000), ("tanpa-x", 0o600)):
        folder = data / name
        folder.mkdir()
        second_sop(data, f"sop-{name}", f"SOP {name}", folder=name)
        folder.chmod(mode)
    try:
        result = subprocess.run(
            as_unprivileged([Path(sys.executable).parent / "sop-ap", "check", "sop_data"]),
            capture_output=True, text=True)
    finally:
        (data / "terkunci").chmod(0o755)
        (data / "tanpa-x").chmod(0o755)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1
    assert ("sop_data/terkunci:1:1: folder ini tidak dapat dibaca (izin ditolak): berkas di "
            "dalamnya tidak diperiksa; beri folder ini izin baca dan buka (read dan execute)"
            ) in result.stdout
    assert "sop_data/tanpa-x/sop-tanpa-x.yml:1:1: tidak dapat dibaca (izin ditolak)" in (
        result.stdout)


def test_fifo_is_reported_not_read(data: Path) -> None:
    os.mkfifo(data / "pipa.yml")
    assert ("sop_data/pipa.yml:1:1: bukan berkas biasa (perangkat, pipa, atau soket): "
            "tidak dibaca"
            in messages(data))


# -------------------------------------------- 9: check and the strict build agree


def test_leftovers_and_unparsed_waktu_are_notes_that_stop_nothing(
        data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("penyusunan-iku.yml~", "Thumbs.db", "desktop.ini", "~$catatan.docx"):
        (data / "organisasi" / name).write_text("x")
    sop = data / SOP
    sop.write_text(sop.read_text(encoding="utf-8").replace(
        "waktu: 10 menit", "waktu: 1 hari setelah diterima", 1), encoding="utf-8")
    shutil.copy(ROOT / "mkdocs.yml", "mkdocs.yml")  # strict: true, as shipped
    assert sop_ap(["check", "sop_data"]) == 0
    out = capsys.readouterr().out
    assert ("sop_data/organisasi/Thumbs.db:1:1: CATATAN: sisa penyunting atau sistem operasi: "
            "diabaikan") in out
    assert "CATATAN: waktu '1 hari setelah diterima' bukan lama waktu yang dapat dihitung" in out
    assert out.endswith("0 kesalahan, 0 peringatan, 5 catatan\n")


def test_check_says_when_warnings_stop_the_build(
        data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (data / "catatan.docx").write_text("x")
    assert sop_ap(["check", "sop_data"]) == 0  # no mkdocs.yml here: not strict
    assert ("peringatan tidak menghentikan pembangunan situs yang tidak ketat (strict)"
            in capsys.readouterr().out)
    shutil.copy(ROOT / "mkdocs.yml", "mkdocs.yml")
    assert sop_ap(["check", "sop_data"]) == 1
    assert ("peringatan menghentikan pembangunan situs: mkdocs.yml menulis `strict: true`; "
            "perbaiki semua peringatan") in (
        capsys.readouterr().out)
    assert sop_ap(["check", "--no-strict", "sop_data"]) == 0


def test_strict_build_passes_with_notes_and_fails_with_warnings(tmp_path: Path) -> None:
    project = make_project(tmp_path, docs=False)
    data = project / "sop_data"
    (data / "organisasi" / "penyusunan-iku.yml~").write_text("x")
    (data / "Thumbs.db").write_text("x")
    sop = data / SOP
    sop.write_text(sop.read_text(encoding="utf-8").replace(
        "waktu: 10 menit", "waktu: 1 hari setelah diterima", 1), encoding="utf-8")
    check = subprocess.run([Path(sys.executable).parent / "sop-ap", "check", "sop_data"],
                           cwd=project, capture_output=True, text=True)
    build = mkdocs_build(project, tmp_path / "site")
    assert (check.returncode, build.returncode) == (0, 0), build.stderr[-3000:]
    (data / "catatan.docx").write_text("x")
    check = subprocess.run([Path(sys.executable).parent / "sop-ap", "check", "sop_data"],
                           cwd=project, capture_output=True, text=True)
    build = mkdocs_build(project, tmp_path / "site2")
    assert (check.returncode, build.returncode) == (1, 1)
    assert "catatan.docx:1:1: PERINGATAN: bukan berkas YAML" in build.stderr


# ------------------------------------------------------------ 11: over-long values


def test_a_pasted_document_is_an_error_at_its_line(data: Path) -> None:
    sop = data / SOP
    long = "Peraturan [a](b) " * (MAX // 10)
    sop.write_text(sop.read_text(encoding="utf-8").replace(
        "dasar_hukum:\n", f"dasar_hukum:\n  - '{long}'\n", 1), encoding="utf-8")
    found = [m for m in messages(data) if "karakter" in m]
    count = f"{len(long):,}".replace(",", ".")
    assert found == [f"sop_data/{SOP}:31:5: dasar_hukum[ke-1]: teks ini {count} karakter, "
                     "lebih dari 5.000 karakter yang boleh dimuat satu nilai: tampaknya "
                     "dokumen yang ditempel; persingkat atau pecah menjadi beberapa butir"]


# ------------------------------------------------------------ 14: messages


def test_sop_under_keputusan_is_one_error(data: Path) -> None:
    shutil.move(str(data / SOP), str(data / "keputusan" / "penyusunan-iku.yml"))
    found = [m for m in messages(data) if "keputusan/penyusunan-iku.yml" in m]
    assert found == [
        "sop_data/keputusan/penyusunan-iku.yml:1:1: berkas ini berisi SOP (ada disahkan_oleh, "
        "keterkaitan, prosedur, tanggal_pembuatan), tetapi berkas di tempat ini dibaca sebagai "
        "keputusan: berkas SOP boleh diletakkan di mana saja dalam folder data, kecuali di "
        "keputusan/; pindahkan berkasnya"]


def test_decree_outside_keputusan_is_one_error(data: Path) -> None:
    shutil.move(str(data / "keputusan/setda-2018-sop-ap.yml"), str(data / "kep.yml"))
    found = [m for m in messages(data) if "kep.yml" in m]
    assert len(found) == 1 and "berkas ini berisi keputusan" in found[0]
    assert "berkas keputusan diletakkan di folder keputusan/" in found[0]


# ------------------------------------------------------------ 1: keterkaitan by title

UNITS_EXTRA = """
  - id: umum
    nama: Bagian Umum
    induk: setda
  - id: kota-lain
    nama: Pemerintah Kota Lain
  - id: lain-organisasi
    nama: Bagian Organisasi Kota Lain
    induk: kota-lain
"""

CITING = """
keterkaitan:
  - SOP Pengelolaan Arsip
"""


def citing_sop(data: Path, unit: str) -> None:
    text = (data / SOP).read_text(encoding="utf-8")
    start = text.index("keterkaitan:")
    end = text.index("peralatan:")
    (data / SOP).write_text(text[:start] + CITING.lstrip() + text[end:]
                            .replace("unit: organisasi", f"unit: {unit}"), encoding="utf-8")
    if unit != "organisasi":
        text = (data / SOP).read_text(encoding="utf-8")
        (data / SOP).write_text(text.replace("unit: organisasi", f"unit: {unit}", 1),
                                encoding="utf-8")


@pytest.mark.parametrize("order", ["a-b", "b-a"])
def test_title_prefers_the_same_unit_whatever_the_file_order(data: Path, order: str) -> None:
    with (data / "unit.yml").open("a", encoding="utf-8") as f:
        f.write(UNITS_EXTRA)
    names = ("a-arsip", "b-arsip") if order == "a-b" else ("b-arsip", "a-arsip")
    second_sop(data, names[0], "Pengelolaan Arsip", unit="organisasi")
    second_sop(data, names[1], "Pengelolaan Arsip", unit="umum", folder="umum")
    citing_sop(data, "organisasi")
    result = load_dir(data)
    catalog, problems = build_catalog(result)
    assert [r.sop_id for r in catalog.keterkaitan["penyusunan-iku"]] == [names[0]]
    assert problems == []


def test_title_prefers_the_same_instansi_then_warns_when_ambiguous(data: Path) -> None:
    with (data / "unit.yml").open("a", encoding="utf-8") as f:
        f.write(UNITS_EXTRA)
    second_sop(data, "arsip-umum", "Pengelolaan Arsip", unit="umum", folder="umum")
    second_sop(data, "arsip-lain", "SOP Pengelolaan Arsip", unit="lain-organisasi",
               folder="lain")
    citing_sop(data, "organisasi")
    catalog, problems = build_catalog(load_dir(data))
    assert [r.sop_id for r in catalog.keterkaitan["penyusunan-iku"]] == ["arsip-umum"]
    assert problems == []
    # a second one in the same instansi: ambiguous, listed, shown as text
    second_sop(data, "arsip-setda", "Pengelolaan  ARSIP", unit="setda", folder="setda")
    catalog, problems = build_catalog(load_dir(data))
    assert [r.sop_id for r in catalog.keterkaitan["penyusunan-iku"]] == [None]
    assert [str(p) for p in problems] == [
        f"sop_data/{SOP}:43:5: keterkaitan[ke-1]: PERINGATAN: keterkaitan 'SOP Pengelolaan "
        "Arsip' sama cocoknya dengan 2 SOP: 'arsip-setda' (unit setda, "
        "sop_data/setda/arsip-setda.yml); 'arsip-umum' (unit umum, sop_data/umum/arsip-umum.yml)."
        " Keterkaitan ini ditampilkan sebagai teks; untuk menautkan salah satunya, tulis "
        "{teks: ..., sop: <id>}"]


def test_sop_that_names_no_sop_is_an_error(data: Path) -> None:
    sop = data / SOP
    sop.write_text(sop.read_text(encoding="utf-8").replace(
        "  - teks: SOP Penyusunan LAKIP\n", "  - teks: SOP Penyusunan LAKIP\n"
        "    sop: penyusunan-ikuu\n", 1), encoding="utf-8")
    assert [m for m in messages(data) if "tidak menunjuk SOP" in m] == [
        f"sop_data/{SOP}:45:10: keterkaitan[ke-1].sop: sop 'penyusunan-ikuu' tidak menunjuk SOP "
        "mana pun (maksudnya 'penyusunan-iku'?); tulis id SOP yang ada di folder data ini, "
        "atau hapus `sop:`"]


# ------------------------------------------------------------ 5: impossible dates


@pytest.mark.parametrize(("text", "why"), [
    ("31-02-2018", "Februari 2018 hanya 28 hari"),
    ("13-13-2018", "tidak ada bulan 13"),
    ("01/30-02-2020", "Februari 2020 hanya 29 hari"),
    ("31 Juni 2025", "Juni 2025 hanya 30 hari"),
    ("2018-04-31", "April 2018 hanya 30 hari"),
])
def test_impossible_dates_are_warnings(data: Path, text: str, why: str) -> None:
    sop = data / SOP
    sop.write_text(sop.read_text(encoding="utf-8").replace(
        "tanggal_efektif: 13-03-2018", f"tanggal_efektif: {text}", 1), encoding="utf-8")
    assert messages(data) == [
        f"sop_data/{SOP}:23:18: tanggal_efektif: PERINGATAN: '{text}' bukan tanggal yang ada "
        f"({why}): tanggal ini akan diterbitkan apa adanya; betulkan sesuai tanggal pada "
        "dokumen yang ditandatangani"]


def test_impossible_decree_date_is_a_warning(data: Path) -> None:
    kep = data / "keputusan/setda-2018-sop-ap.yml"
    text = kep.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("tanggal_penetapan:"))
    kep.write_text(text.replace(line, "tanggal_penetapan: 30 Februari 2018"), encoding="utf-8")
    found = messages(data)
    assert len(found) == 1 and "tanggal_penetapan: PERINGATAN: '30 Februari 2018' bukan " \
        "tanggal yang ada (Februari 2018 hanya 28 hari)" in found[0]


# ------------------------------------------------------------ 14: field messages


def test_outdented_field_names_where_it_belongs(data: Path) -> None:
    sop = data / SOP
    sop.write_text(sop.read_text(encoding="utf-8").replace(
        "  nip: 19590109 198712 1 002\n", "nip: 19590109 198712 1 002\n"), encoding="utf-8")
    assert messages(data) == [
        f"sop_data/{SOP}:29:1: nip: kolom 'nip' tidak dikenal di sini: kolom ini milik "
        "'disahkan_oleh' (baris 24); beri indentasi sejauh kolom lain di dalam disahkan_oleh"]


def test_field_of_another_part_is_not_suggested_as_itself(data: Path) -> None:
    sop = data / SOP
    sop.write_text(sop.read_text(encoding="utf-8").replace(
        "pencatatan:\n", "daftar_sop: x\npencatatan:\n", 1), encoding="utf-8")
    found = [m for m in messages(data) if "daftar_sop" in m]
    assert found == [f"sop_data/{SOP}:56:1: daftar_sop: kolom 'daftar_sop' tidak dikenal di "
                     "sini: kolom ini milik bagian lain berkas SOP, keputusan, atau unit; "
                     "periksa indentasinya"]


def test_suggestions_come_from_the_fields_of_that_place(data: Path) -> None:
    sop = data / SOP
    # 'judull' is near 'judul' (a field of keterkaitan entries and of procedures)
    sop.write_text(sop.read_text(encoding="utf-8").replace(
        "    eksternal: true", "    eksternal: true\n    judull: x", 1), encoding="utf-8")
    assert [m for m in messages(data) if "judull" in m] == [
        f"sop_data/{SOP}:49:5: keterkaitan[ke-2].judull: kolom 'judull' tidak dikenal "
        "(maksudnya 'judul'?)"]


def test_choice_field_lists_its_allowed_values() -> None:
    from typing import Literal

    from pydantic import BaseModel, ValidationError
    from sop_ap.loader import validation_problems
    from sop_ap.yamlsource import parse_text

    class Pilihan(BaseModel):
        bentuk: Literal["proses", "keputusan", "penghubung"]

    source = parse_text("bentuk: kotak\n", "x.yml", [])
    assert source is not None
    with pytest.raises(ValidationError) as exc:
        Pilihan.model_validate(source.data)
    assert [str(p) for p in validation_problems(exc.value, source, Pilihan)] == [
        "x.yml:1:9: bentuk: harus salah satu dari 'proses', 'keputusan' atau 'penghubung', "
        "tetapi tertulis 'kotak'"]


# ------------------------------------------------------------ 4: promised anchors are unique


def _ids(html_text: str) -> list[str]:
    import re

    return re.findall(r'\sid="([^"]+)"', html_text)


def test_titles_never_take_a_promised_anchor(tmp_path: Path) -> None:
    project = make_project(tmp_path, docs=False)
    data = project / "sop_data"
    second_sop(data, "tiru-langkah", "Langkah A-2")
    second_sop(data, "tiru-bagian", "Keterkaitan")
    second_sop(data, "tiru-kutipan", "Kutipan SOP")
    unit = data / "unit.yml"
    unit.write_text(unit.read_text(encoding="utf-8").replace(
        "nama: Bagian Organisasi", "nama: Daftar setda-2018-sop-ap 3"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    site = tmp_path / "site"
    pages = {
        "sop/tiru-langkah/index.html": ("langkah-a-2", "<tr"),
        "sop/tiru-bagian/index.html": ("keterkaitan", "<div"),
        "sop/tiru-kutipan/index.html": ("kutipan-sop", "<pre"),
        "unit/organisasi/index.html": ("daftar-setda-2018-sop-ap-3", "<span"),
    }
    for page, (anchor, element) in pages.items():
        text = (site / page).read_text(encoding="utf-8")
        ids = _ids(text)
        assert len(ids) == len(set(ids)), (page, sorted(i for i in ids if ids.count(i) > 1))
        # the promised anchor is the element the memo means, not the page title
        start = text.index(f' id="{anchor}"')
        assert text.rindex("<", 0, start) == text.rindex(element, 0, start), page
    for page in ("sop/penyusunan-iku/index.html", "unit/setda/index.html"):
        ids = _ids((site / page).read_text(encoding="utf-8"))
        assert len(ids) == len(set(ids)), page


def test_every_fixed_anchor_of_the_sop_page_is_known() -> None:
    """anchors.SOP_SECTIONS lists what sop.md.j2 writes: a title is checked against it."""
    import re

    from sop_ap.anchors import SOP_SECTIONS

    template = (ROOT / "plugins/sop_ap/templates/sop.md.j2").read_text(encoding="utf-8")
    written = set(re.findall(r'id="([a-z-]+)"', template)) | set(
        re.findall(r"\{ #([a-z-]+)[ }]", template))
    assert written == set(SOP_SECTIONS)


def test_decree_id_that_repeats_an_entry_anchor_is_an_error(data: Path) -> None:
    kep = data / "keputusan/setda-2018-sop-ap.yml"
    text = kep.read_text(encoding="utf-8")
    (data / "keputusan/kedua.yml").write_text(
        text.replace("id: setda-2018-sop-ap", "id: setda-2018-sop-ap-3", 1).replace(
            "    sop: penyusunan-iku\n", ""), encoding="utf-8")
    assert [m for m in messages(data) if "jangkar" in m] == [
        "sop_data/keputusan/kedua.yml:4:5: id: id keputusan 'setda-2018-sop-ap-3' memberi "
        "daftarnya jangkar #daftar-setda-2018-sop-ap-3, yang juga jangkar butir 3 keputusan "
        "'setda-2018-sop-ap' di halaman unit yang sama: pilih id yang tidak berakhir dengan "
        "-<angka>"]


# ------------------------------------------------------------ 10: templates and site_url


def set_plugin_option(project: Path, option: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("      data_dir: sop_data\n",
                                   f"      data_dir: sop_data\n      {option}\n", 1),
                      encoding="utf-8")


def test_missing_templates_dir_stops_the_build_with_a_message(tmp_path: Path) -> None:
    project = make_project(tmp_path, docs=False)
    set_plugin_option(project, "templates_dir: overrides/sop_ap")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "templates_dir 'overrides/sop_ap' tidak ada" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("template", "expected"), [
    ("{% for x in %}\n", "sop.md.j2:1: kesalahan penulisan templat: "),
    ("# {{ v.sop.nama }}\n\n{{ v.nothing }}\n", "sop.md.j2:3: UndefinedError: "),
    ("{{ v.sop.nama + 1 }}\n", "sop.md.j2:1: TypeError: "),
    ('{% include "hilang.j2" %}\n', "sop.md.j2:1: TemplateNotFound: hilang.j2"),
], ids=["syntax", "undefined", "type", "include"])
def test_template_errors_name_the_file_and_line(tmp_path: Path, template: str,
                                                expected: str) -> None:
    from sop_ap.catalog import load_catalog
    from sop_ap.pages import TemplateFailure, environment, site_pages

    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "sop.md.j2").write_text(template, encoding="utf-8")
    catalog, _, _ = load_catalog(ROOT / "sop_data")
    with pytest.raises(TemplateFailure) as exc:
        site_pages(catalog, environment(overrides), None)
    assert f"templat {overrides}/{expected}" in str(exc.value)


def test_template_error_in_a_build_is_a_message(tmp_path: Path) -> None:
    project = make_project(tmp_path, docs=False)
    set_plugin_option(project, "templates_dir: overrides")
    (project / "overrides").mkdir()
    (project / "overrides" / "unit.md.j2").write_text("{{ unit.nama | nofilter }}\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "unit.md.j2:1: kesalahan penulisan templat: No filter named 'nofilter'." in (
        result.stderr)
    assert "Traceback" not in result.stderr


def test_site_url_with_markdown_characters_keeps_the_step_link_example(tmp_path: Path) -> None:
    import html as html_module
    import re

    project = make_project(tmp_path, docs=False)
    config = project / "mkdocs.yml"
    url = "http://intranet/sop_*ap*/[x]/"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "site_url: http://127.0.0.1:8000/", f"site_url: '{url}'"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-2000:]
    page = (tmp_path / "site/sop/penyusunan-iku/index.html").read_text(encoding="utf-8")
    example = re.search(r"revisi berlaku, mis\.\s*<code>(.*?)</code>", page, re.S)
    assert example is not None
    assert html_module.unescape(example.group(1)) == f"{url}sop/penyusunan-iku/#langkah-a-1"
    revision = re.search(r'<code[^>]*id="contoh-tautan-revisi"[^>]*>(.*?)</code>', page, re.S)
    assert revision is not None
    assert html_module.unescape(revision.group(1)) == (
        f"{url}sop/penyusunan-iku/revisi-01/#langkah-a-1")


def test_data_folder_given_through_a_link_keeps_its_name_in_messages(
        data: Path, tmp_path: Path) -> None:
    (tmp_path / "jalan-pintas").symlink_to(tmp_path / "sop_data", target_is_directory=True)
    (data / "catatan.txt").write_text("x")
    (data / "ke-unit.yml").symlink_to(Path("unit.yml"))
    assert sorted(str(p) for p in load_dir(Path("jalan-pintas")).problems) == [
        "jalan-pintas/catatan.txt:1:1: PERINGATAN: bukan berkas YAML (.yml): diabaikan",
        "jalan-pintas/ke-unit.yml:1:1: CATATAN: tautan simbolik ke unit.yml di folder data ini, "
        "yang dibaca di tempat aslinya: tidak dibaca dua kali"]

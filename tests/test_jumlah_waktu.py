"""The Jumlah waktu row: totals computed from the Waktu column along the flow.

Every procedure here is synthetic. Expected totals are worked out by hand in the comments.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from helpers import ROOT, make_project, mkdocs_build
from sop_ap import flow, yamlsource
from sop_ap.catalog import load_catalog
from sop_ap.jumlah_waktu import MAKS_SKENARIO, JumlahWaktu, jumlah_waktu
from sop_ap.model import Prosedur
from sop_ap.pages import environment, render_sop, site_pages, sop_view
from sop_ap.urls import SiteUrls

CARA = "Dihitung dari kolom Waktu, menurut alur: langkah berurutan dijumlahkan"


def proc(*steps: dict[str, Any], lanes: list[str] | None = None) -> Prosedur:
    """A valid procedure (checked): steps numbered 1, 2, … done by A unless they say."""
    base = {"kegiatan": "k", "pelaksana": "A"}
    result = Prosedur.model_validate(
        {"kode": "X", "pelaksana": lanes or ["A", "B"],
         "langkah": [({"kegiatan": "k"} if "simbol" in s else base) | {"no": i} | s
                     for i, s in enumerate(steps, 1)]})
    assert flow.check(result) == []
    return result


def urut(*waktu: str) -> JumlahWaktu:
    """The total of steps done one after the other."""
    return jumlah_waktu(proc(*({"waktu": w} for w in waktu)))


# ------------------------------------------------------------------ units


def test_hari_kerja_tetap_hari_kerja() -> None:
    # 1..20 + 3 + 10 = 14..33 hari kerja (the example lost "kerja").
    j = urut("1 – 20 Hari Kerja", "3 hari kerja", "10 Hari Kerja")
    assert j.teks == "14 hari kerja s.d. 33 hari kerja"
    assert j.catatan == [f"{CARA}."]


def test_hari_kerja_tidak_dikonversi_ke_hari_atau_jam() -> None:
    j = urut("2 hari kerja", "1 hari", "30 menit", "3 hk")
    assert j.teks == "1 hari + 5 hari kerja + 30 menit"
    assert j.catatan[-1] == ("Hari kerja tidak dikonversi ke hari atau jam: dijumlahkan "
                             "terpisah (tanda +).")
    assert urut("1 hari efektif", "1 hari kerja").teks == "1 hari kerja + 1 hari efektif"


def test_kali_24_jam_adalah_hari() -> None:
    # "1 x 24 Jam" was 24 jam; it is one (calendar) day.
    assert urut("1 x 24 Jam", "2 jam").teks == "1 hari 2 jam"
    assert urut("2 x 24 jam", "1 hari").teks == "3 hari"


def test_menit_menjadi_jam_tetapi_jam_tidak_menjadi_hari() -> None:
    # min: 1 hari; 30 + 30 + 45 = 105 menit. max: 2 hari; 180 + 30 + 45 = 255 menit.
    assert urut("1-2 hari", "30 menit - 3 jam", "0,5 jam", "45 menit").teks == (
        "1 hari 1 jam 45 menit s.d. 2 hari 4 jam 15 menit")
    assert urut("20 jam", "10 jam", "6 hari", "3 hari").teks == "9 hari 30 jam"
    assert urut("1 tahun", "90 detik", "0,5 hari").teks == "12 bulan 0,5 hari 1,5 menit"
    assert urut("0-5 menit").teks == "0 s.d. 5 menit"


def test_seed_prosedur_b_sama_seperti_dulu() -> None:
    # hari 1+1+3+3+5+2+1 = 16; minggu 2+2+2+2+1 = 9; menit 15+30+30+5+5+5+30 = 120.
    j = urut("1 hari", "15 menit", "1 hari", "2 minggu", "2 minggu", "2 minggu", "30 menit",
             "3 hari", "3 hari", "2 minggu", "30 menit", "5 hari", "1 minggu", "5 menit",
             "5 menit", "2 hari", "5 menit", "1 hari", "30 menit")
    assert j.teks == "9 minggu 16 hari 2 jam"
    assert j.catatan == [f"{CARA}."]
    assert j.skenario == 1


def test_kosong() -> None:
    assert urut("-", "", "\u2014").teks == "-"
    assert jumlah_waktu(proc({}, {})).teks == "-"


def test_nilai_yang_tidak_dihitung_disebut_dengan_langkahnya() -> None:
    j = urut("1 hari", "sesuai kebutuhan", "triwulanan", "2 menit/berkas", "Sesuai kebutuhan ",
             "± 2 jam", "maks. 3 hari", "secepatnya", "-")
    assert j.teks == "4 hari 2 jam"
    assert j.catatan[1:] == [
        "Tidak terbaca, tidak dihitung: “sesuai kebutuhan” (langkah X.2), “Sesuai kebutuhan” "
        "(langkah X.5), “secepatnya” (langkah X.8).",
        "Frekuensi, bukan lama waktu, tidak dihitung: “triwulanan” (langkah X.3).",
        "Waktu per satuan, tidak dihitung: “2 menit/berkas” (langkah X.4).",
        "Termasuk waktu perkiraan (±): langkah X.6.",
        "Termasuk batas paling lama (maks.): langkah X.7.",
    ]


def test_nilai_panjang_dipendekkan() -> None:
    j = urut("menunggu jadwal rapat pimpinan yang biasanya diadakan setiap awal bulan")
    assert j.catatan[1] == ("Tidak terbaca, tidak dihitung: “menunggu jadwal rapat pimpinan "
                            "yang…” (langkah X.1).")


# ------------------------------------------------------------------ along the flow


def test_awal_alternatif_tidak_dijumlahkan() -> None:
    # Start 1 (1 hari) or start 2 (3 hari), then 3 (1 jam): not 4 hari 1 jam.
    j = jumlah_waktu(proc({"waktu": "1 hari", "lanjut": 3},
                          {"waktu": "3 hari", "mulai": True},
                          {"waktu": "1 jam"}))
    assert j.teks == "1 hari 1 jam s.d. 3 hari 1 jam"
    assert j.skenario == 2
    assert j.catatan == [f"{CARA}; 2 kemungkinan jalan (2 awal alternatif): yang tercepat "
                         "s.d. yang terlama."]


def test_jalan_tercepat_tanpa_lama_waktu_terhitung_bukan_nol() -> None:
    # Start 1 is done "triwulanan" (a frequency, not counted) and ends; start 2 takes
    # 2 hari: the fastest way counts nothing, so "0 s.d. 2 hari" would state a fact the
    # column does not give.
    j = jumlah_waktu(proc({"waktu": "triwulanan", "selesai": True},
                          {"waktu": "2 hari", "mulai": True}))
    assert j.teks == "paling lama 2 hari"
    assert j.catatan[1] == ("Jalan tercepat tidak memuat lama waktu yang dapat dihitung: "
                            "batas bawahnya tidak diketahui.")
    assert any("triwulanan" in c for c in j.catatan)
    # A zero the column does give stays a zero.
    assert urut("0-5 menit").teks == "0 s.d. 5 menit"


def test_kapsul_mulai_alternatif_dalam_satu_baris() -> None:
    # The guide's "Mulai alternatif": two start capsules in row 1, a joint row 2. Each
    # way passes rows 1, 2 and 3 once: 10 menit + 1 hari + 1 jam.
    p = proc(
        {"simbol": [{"pelaksana": "A", "teks": "Loket", "mulai": True},
                    {"pelaksana": "B", "teks": "Daring", "mulai": True}],
         "waktu": "10 menit"},
        {"pelaksana": ["A", "B"], "waktu": "1 hari"},
        {"pelaksana": "A", "waktu": "1 jam"},
    )
    j = jumlah_waktu(p)
    assert (j.teks, j.skenario) == ("1 hari 1 jam 10 menit", 2)


def test_langkah_bersama_pertama_mulai_bersamaan() -> None:
    # A joint first row is one start (both lanes at once), counted once.
    j = jumlah_waktu(proc({"pelaksana": ["A", "B"], "waktu": "2 hari"}, {"waktu": "1 jam"}))
    assert (j.teks, j.skenario) == ("2 hari 1 jam", 1)
    assert j.catatan == [f"{CARA}; langkah yang berjalan bersamaan dihitung jalur terlamanya."]


def test_jawaban_keputusan_tidak_dijumlahkan() -> None:
    # 10 menit, 5 menit, then either 2 hari (Ya) or 1 hari (Tidak) or nothing (Batal).
    j = jumlah_waktu(proc(
        {"waktu": "10 menit"},
        {"waktu": "5 menit",
         "keputusan": {"cabang": {"Ya": 3, "Tidak": 4, "Batal": "selesai"}}},
        {"waktu": "2 hari", "selesai": True},
        {"waktu": "1 hari"},
    ))
    assert j.teks == "15 menit s.d. 2 hari 15 menit"
    assert j.skenario == 3
    assert j.catatan == [f"{CARA}; 3 kemungkinan jalan (keputusan di langkah X.2): yang "
                         "tercepat s.d. yang terlama."]


def test_cabang_paralel_dihitung_jalur_kritisnya() -> None:
    # 1 jam, then 2 (3 hari) and 3 (1 hari) in parallel, then 4 (1 jam): 3 hari 2 jam.
    j = jumlah_waktu(proc({"waktu": "1 jam", "lanjut": [2, 3]},
                          {"waktu": "3 hari", "lanjut": 4},
                          {"waktu": "1 hari"},
                          {"waktu": "1 jam"}))
    assert (j.teks, j.skenario) == ("3 hari 2 jam", 1)
    assert "langkah yang berjalan bersamaan dihitung jalur terlamanya" in j.catatan[0]
    # Ranges: each end follows its own critical path (1..4 hari vs 2..3 hari).
    j = jumlah_waktu(proc({"lanjut": [2, 3]}, {"waktu": "1-4 hari", "lanjut": 4},
                          {"waktu": "2-3 hari"}, {}))
    assert j.teks == "2 hari s.d. 4 hari"


def test_cabang_paralel_dengan_satuan_berbeda() -> None:
    # 2 hari kerja against 30 jam: chosen as calendar time (2 x 24 jam > 30 jam); the
    # note says so, and the total keeps the unit as written.
    j = jumlah_waktu(proc({"lanjut": [2, 3]}, {"waktu": "2 hari kerja", "selesai": True},
                          {"waktu": "30 jam"}))
    assert j.teks == "2 hari kerja"
    assert j.catatan[1].startswith("Jalan terlama dan tercepat dipilih dengan 1 hari kerja = "
                                   "1 hari = 24 jam")


def test_langkah_bersama_dihitung_sekali() -> None:
    # A joint row and a meeting are one row each: their time counts once.
    j = jumlah_waktu(proc({"waktu": "1 jam"}, {"pelaksana": ["A", "B"], "waktu": "2 jam"},
                          {"pelaksana": ["A", "B"], "rapat": True, "waktu": "3 jam"},
                          {"waktu": "4 jam"}))
    assert j.teks == "10 jam"


def test_rapat_keluar_melalui_kotak_lain() -> None:
    # Enters the meeting through A, leaves through B (plain lines join the boxes).
    p = proc({"waktu": "1 jam"},
             {"rapat": True, "waktu": "2 jam",
              "simbol": [{"pelaksana": "A"}, {"pelaksana": "B", "ke": 3}]},
             {"pelaksana": "B", "waktu": "3 jam"})
    assert jumlah_waktu(p).teks == "6 jam"


def test_putaran_balik_tidak_dihitung() -> None:
    # The seed's shape: a "Tidak" that goes back to step 1 is not counted.
    j = jumlah_waktu(proc({"waktu": "10 menit"},
                          {"waktu": "5 menit", "keputusan": {"cabang": {"Ya": 3, "Tidak": 1}}},
                          {"waktu": "1 jam"}))
    assert (j.teks, j.skenario) == ("1 jam 15 menit", 1)
    assert j.catatan == [f"{CARA}.", "Putaran balik (langkah X.2 → X.1) tidak dihitung: "
                         "setiap langkah dihitung satu kali."]


def test_langkah_yang_hanya_dijalani_dalam_putaran() -> None:
    # The guide's "Putaran balik": 3 decides Ya -> 6, Perlu telaah -> 4 -> 5 -> back to 3,
    # Tolak -> 1; 6 waits for itself (Belum). Steps 4 and 5 are done only when going
    # round: no scenario counts them. Ways: Ya only (Tolak and Perlu telaah go back).
    j = jumlah_waktu(proc(
        {"waktu": "5 menit"},
        {"waktu": "10 menit",
         "keputusan": {"setelah_proses": True, "cabang": {"Ya": 3, "Perbaiki": 2}}},
        {"waktu": "1 hari",
         "keputusan": {"cabang": {"Ya": 6, "Perlu telaah": 4, "Tolak": 1}}},
        {"waktu": "2 hari"},
        {"waktu": "3 hari", "lanjut": 3},
        {"waktu": "1 jam", "keputusan": {"cabang": {"Ya": 7, "Belum": 6}}},
        {"waktu": "5 menit"},
    ))
    assert (j.teks, j.skenario) == ("1 hari 1 jam 20 menit", 1)
    assert j.catatan[1:] == [
        "Putaran balik (langkah X.2 → X.2, X.3 → X.1, X.5 → X.3, X.6 → X.6) tidak dihitung: "
        "setiap langkah dihitung satu kali.",
        "Hanya dijalani bila berputar balik, tidak dihitung: langkah X.4, X.5.",
    ]


def test_awal_lain_yang_menuju_langkah_sebelumnya_bukan_putaran() -> None:
    # Step 4 starts too and goes on to step 3, drawn above it: no loop, another way in.
    j = jumlah_waktu(proc({"waktu": "1 hari"}, {"waktu": "1 hari"},
                          {"waktu": "1 jam", "selesai": True},
                          {"waktu": "triwulanan", "mulai": True, "lanjut": 3}))
    assert (j.teks, j.skenario) == ("1 jam s.d. 2 hari 1 jam", 2)
    assert not any("Putaran" in c for c in j.catatan)


def test_waktu_mencakup_dihitung_sekali() -> None:
    # One value for steps 1-3, whichever of them a way passes.
    j = jumlah_waktu(proc({"waktu": "2 hari", "waktu_mencakup": 3,
                           "keputusan": {"setelah_proses": True,
                                         "cabang": {"Ya": 3, "Tidak": 2}}},
                          {}, {}, {"waktu": "1 jam"}))
    assert (j.teks, j.skenario) == ("2 hari 1 jam", 2)
    # Parallel branches inside one spanned value: still once.
    j = jumlah_waktu(proc({"waktu": "1 hari", "waktu_mencakup": 3, "lanjut": [2, 3]},
                          {"lanjut": 4}, {}, {"waktu": "1 jam"}))
    assert j.teks == "1 hari 1 jam"


def test_batas_jumlah_skenario() -> None:
    def rantai(n: int) -> Prosedur:
        # n decisions in a row, each: Ya through a 1 hari step, or Tidak past it.
        steps: list[dict[str, Any]] = []
        for k in range(n):
            steps += [{"waktu": "1 jam",
                       "keputusan": {"cabang": {"Ya": 2 * k + 2, "Tidak": 2 * k + 3}}},
                      {"waktu": "1 hari"}]
        return proc(*steps, {"waktu": "5 menit"})

    assert MAKS_SKENARIO == 4096
    j = jumlah_waktu(rantai(12))  # 2 ** 12 = 4096 ways: computed
    assert (j.teks, j.skenario) == ("12 jam 5 menit s.d. 12 hari 12 jam 5 menit", 4096)
    j = jumlah_waktu(rantai(13))
    assert (j.teks, j.skenario, j.rendah, j.tinggi) == ("tidak dihitung", None, None, None)
    assert j.catatan == ["Tidak dihitung: alur ini mempunyai lebih dari 4096 kemungkinan jalan "
                         "(awal alternatif dan jawaban keputusan)."]
    assert jumlah_waktu(rantai(3), maks_skenario=7).teks == "tidak dihitung"
    assert jumlah_waktu(rantai(3), maks_skenario=8).skenario == 8


def test_memakai_alur_yang_sudah_dibangun() -> None:
    p = proc({"waktu": "1 jam", "lanjut": [2, 3]}, {"waktu": "3 jam", "selesai": True},
             {"waktu": "2 jam"})
    assert jumlah_waktu(p, flow.build(p)) == jumlah_waktu(p)


# ------------------------------------------------------------------ on the page


@pytest.fixture(scope="module")
def seed() -> Any:
    return load_catalog(ROOT / "sop_data")[0]


def _tfoot(page: str) -> list[str]:
    return re.findall(r"<tfoot>.*?</tfoot>", page, re.S)


def test_baris_jumlah_waktu_di_halaman(seed: Any) -> None:
    sop = seed.sops["penyusunan-iku"]
    page = render_sop(environment(), seed, sop, SiteUrls("http://x.example/", True))
    rows = _tfoot(page)
    assert len(rows) == 2
    assert "8 hari 1 jam 30 menit<ul" in rows[0]
    assert "<li>Putaran balik (langkah A.3 → A.1) tidak dihitung" in rows[0]
    assert "9 minggu 16 hari 2 jam<ul" in rows[1]
    assert all(f"<li>{CARA}" in r for r in rows)


def test_dimatikan_per_sop_atau_per_situs(seed: Any) -> None:
    env, site = environment(), SiteUrls("http://x.example/", True)
    sop = seed.sops["penyusunan-iku"]
    off = sop.model_copy(update={"jumlah_waktu": False})
    assert [p.total for p in sop_view(seed, off, site).procedures] == [None, None]
    assert _tfoot(env.get_template("sop.md.j2").render(v=sop_view(seed, off, site))) == []
    assert all(p.total for p in sop_view(seed, sop, site).procedures)
    assert [p.total for p in sop_view(seed, sop, site, site_total=False).procedures] == [
        None, None]
    pages = site_pages(seed, env, "http://x.example/", site_total=False)
    sop_pages = [p for p in pages if p.path.startswith("sop/")]
    assert sop_pages and not any("Jumlah waktu" in p.content for p in sop_pages)
    # The render cache tells the two settings apart.
    cache: dict[str, str] = {}
    on = site_pages(seed, env, "http://x.example/", cache=cache)
    assert any("Jumlah waktu" in p.content for p in on)
    again = site_pages(seed, env, "http://x.example/", cache=cache, site_total=False)
    assert not any("Jumlah waktu" in p.content for p in again)


def test_catatan_di_halaman_di_escape(seed: Any) -> None:
    sop = seed.sops["penyusunan-iku"]
    first = sop.prosedur[0]
    steps = [first.langkah[0].model_copy(update={"waktu": "<b>sesuai</b> & jadwal"}),
             *first.langkah[1:]]
    changed = sop.model_copy(update={"prosedur": [
        first.model_copy(update={"langkah": steps}), *sop.prosedur[1:]]})
    page = environment().get_template("sop.md.j2").render(
        v=sop_view(seed, changed, SiteUrls("http://x.example/", True)))
    assert "“&lt;b&gt;sesuai&lt;/b&gt; &amp; jadwal” (langkah A.1)" in _tfoot(page)[0]


def test_contoh_di_panduan() -> None:
    """The guide's example gives exactly the row the guide prints under it."""
    guide = (ROOT / "docs" / "panduan-penulisan.md").read_text(encoding="utf-8")
    section = guide[guide.index("\n### Waktu\n") + 1:]
    section = section[:section.index("\n### ")]
    example = re.search(r"```yaml\n(prosedur:.*?)```\n\nBaris jumlah waktunya:\n\n```text\n"
                        r"(.*?)```", section, re.S)
    assert example is not None
    source = yamlsource.parse_text(example[1], "panduan.yml", [])
    assert source is not None
    p = Prosedur.model_validate(source.data["prosedur"][0])
    assert flow.check(p) == []
    j = jumlah_waktu(p)
    assert example[2] == "\n".join([f"Jumlah waktu: {j.teks}", *(f"- {c}" for c in j.catatan)]
                                   ) + "\n"


def test_panah_di_dalam_rapat_bukan_putaran() -> None:
    # A meeting written with simbol whose second box points back to the first: one
    # row, one time, and no loop.
    p = proc({"waktu": "1 jam"},
             {"rapat": True, "waktu": "2 jam",
              "simbol": [{"pelaksana": "A", "ke": 3},
                         {"pelaksana": "B", "ke": {"langkah": 2, "pelaksana": "A"}}]},
             {"waktu": "3 jam"})
    j = jumlah_waktu(p)
    assert (j.teks, j.catatan) == ("6 jam", [f"{CARA}."])


def test_situs_mematikan_jumlah_waktu_di_build(tmp_path: Any) -> None:
    """`jumlah_waktu: false` in situs.yml reaches the real build: no SOP page has the row."""
    project = make_project(tmp_path, docs=False)
    situs = project / "sop_data" / "situs.yml"
    situs.write_text(situs.read_text(encoding="utf-8") + "jumlah_waktu: false\n",
                     encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    page = (site / "sop" / "penyusunan-iku" / "index.html").read_text(encoding="utf-8")
    assert "Mutu Baku" in page and "sop-jumlah-waktu" not in page

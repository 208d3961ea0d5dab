"""Tests for sop_ap.waktu: parsing the free-text "Waktu" column and procedure totals."""

from typing import Any

import pytest
from sop_ap.waktu import RingkasanWaktu, Waktu, parse_waktu, ringkas_waktu


def harap(
    kategori: str,
    lo: float | None = None,
    hi: float | None = None,
    satuan: str | None = None,
    jenis: str | None = None,
    per: str | None = None,
    frek: str | None = None,
    kira: bool = False,
    maks: bool = False,
) -> dict[str, Any]:
    """Expected Waktu fields; unspecified fields must have their default value."""
    return {
        "kategori": kategori,
        "min": lo,
        "max": hi,
        "satuan": satuan,
        "jenis_hari": jenis,
        "per": per,
        "frekuensi": frek,
        "perkiraan": kira,
        "batas_atas": maks,
    }


def durasi(
    lo: float, hi: float, satuan: str, jenis: str | None = None, **kw: Any
) -> dict[str, Any]:
    """Expected kategori "durasi"."""
    return harap("durasi", lo, hi, satuan, jenis, **kw)


KASUS: list[tuple[str, dict[str, Any]]] = [
    # most common simple forms
    ("1 hari kerja", durasi(1, 1, "hari", "kerja")),
    ("3 hari", durasi(3, 3, "hari")),
    ("2 minggu", durasi(2, 2, "minggu")),
    ("1 bulan", durasi(1, 1, "bulan")),
    ("10 menit", durasi(10, 10, "menit")),
    ("1 jam", durasi(1, 1, "jam")),
    ("30 detik", durasi(30, 30, "detik")),
    ("1 tahun", durasi(1, 1, "tahun")),
    # case and whitespace tolerance
    ("10 Menit", durasi(10, 10, "menit")),
    ("10menit", durasi(10, 10, "menit")),
    ("1 Hari Kerja", durasi(1, 1, "hari", "kerja")),
    ("  2   HARI  ", durasi(2, 2, "hari")),
    ("3 hari.", durasi(3, 3, "hari")),
    # unit synonyms
    ("5 mnt", durasi(5, 5, "menit")),
    ("2 hr", durasi(2, 2, "hari")),
    ("3 hk", durasi(3, 3, "hari", "kerja")),
    ("3 HK", durasi(3, 3, "hari", "kerja")),
    ("2 thn", durasi(2, 2, "tahun")),
    ("2 bln", durasi(2, 2, "bulan")),
    ("1 mgg", durasi(1, 1, "minggu")),
    ("45 dtk", durasi(45, 45, "detik")),
    # kinds of day
    ("2 hari efektif", durasi(2, 2, "hari", "efektif")),
    ("3 hari kalender", durasi(3, 3, "hari", "kalender")),
    ("1 hari kerja efektif", durasi(1, 1, "hari", "kerja")),
    # decimals, fractions, number words
    ("0,5 jam", durasi(0.5, 0.5, "jam")),
    ("1.5 jam", durasi(1.5, 1.5, "jam")),
    ("½ hari", durasi(0.5, 0.5, "hari")),
    ("1½ jam", durasi(1.5, 1.5, "jam")),
    ("1/2 hari", durasi(0.5, 0.5, "hari")),
    ("setengah jam", durasi(0.5, 0.5, "jam")),
    ("satu setengah jam", durasi(1.5, 1.5, "jam")),
    ("3 (tiga) hari kerja", durasi(3, 3, "hari", "kerja")),
    ("dua puluh menit", durasi(20, 20, "menit")),
    ("tiga (3) hari", durasi(3, 3, "hari")),
    ("1 ¼ jam", durasi(1.25, 1.25, "jam")),
    # compound values are expressed in the smaller unit
    ("1 jam 30 menit", durasi(90, 90, "menit")),
    # ranges
    ("5-10 menit", durasi(5, 10, "menit")),
    ("5 - 10 menit", durasi(5, 10, "menit")),
    ("1 \u2013 20 hari kerja", durasi(1, 20, "hari", "kerja")),
    ("1 \u2014 2 jam", durasi(1, 2, "jam")),
    ("2 s.d 3 bulan", durasi(2, 3, "bulan")),
    ("2 s.d. 3 bulan", durasi(2, 3, "bulan")),
    ("2 s/d 3 hari", durasi(2, 3, "hari")),
    ("2 sd 3 hari", durasi(2, 3, "hari")),
    ("2 sampai 3 hari", durasi(2, 3, "hari")),
    ("2 sampai dengan 3 hari", durasi(2, 3, "hari")),
    ("1 hingga 2 minggu", durasi(1, 2, "minggu")),
    ("0,5-1 jam", durasi(0.5, 1, "jam")),
    ("2 hari - 3 hari kerja", durasi(2, 3, "hari", "kerja")),
    # mixed-unit ranges use the smaller unit (hari when weeks meet months)
    ("30 menit - 3 jam", durasi(30, 180, "menit")),
    ("5 menit s.d 1 jam", durasi(5, 60, "menit")),
    ("1 hari - 2 minggu", durasi(1, 14, "hari")),
    ("2 minggu - 1 bulan", durasi(14, 30, "hari")),
    ("6 bulan - 1 tahun", durasi(6, 12, "bulan")),
    # multiplication
    ("1 x 24 jam", durasi(24, 24, "jam")),
    ("1x24 jam", durasi(24, 24, "jam")),
    ("2 \u00d7 24 jam", durasi(48, 48, "jam")),
    # approximate / upper bound prefixes
    ("± 2 jam", durasi(2, 2, "jam", kira=True)),
    ("±15 menit", durasi(15, 15, "menit", kira=True)),
    ("kurang lebih 3 hari", durasi(3, 3, "hari", kira=True)),
    ("Kurang Lebih 1-2 minggu", durasi(1, 2, "minggu", kira=True)),
    ("maks. 5 menit", durasi(5, 5, "menit", maks=True)),
    ("maksimal 3 hari kerja", durasi(3, 3, "hari", "kerja", maks=True)),
    ("paling lama 14 hari", durasi(14, 14, "hari", maks=True)),
    # rates
    ("2 menit/berkas", harap("laju", 2, 2, "menit", per="berkas")),
    ("2 menit / berkas", harap("laju", 2, 2, "menit", per="berkas")),
    ("5 menit per berkas", harap("laju", 5, 5, "menit", per="berkas")),
    ("5 Menit Per Berkas", harap("laju", 5, 5, "menit", per="berkas")),
    ("10 menit setiap dokumen", harap("laju", 10, 10, "menit", per="dokumen")),
    ("2 menit/1 berkas", harap("laju", 2, 2, "menit", per="berkas")),
    ("5-10 menit per pemohon", harap("laju", 5, 10, "menit", per="pemohon")),
    ("± 3 menit/berkas", harap("laju", 3, 3, "menit", per="berkas", kira=True)),
    # frequencies
    ("triwulanan", harap("frekuensi", frek="triwulanan")),
    ("semesteran", harap("frekuensi", frek="semesteran")),
    ("bulanan", harap("frekuensi", frek="bulanan")),
    ("tahunan", harap("frekuensi", frek="tahunan")),
    ("mingguan", harap("frekuensi", frek="mingguan")),
    ("harian", harap("frekuensi", frek="harian")),
    ("Triwulanan", harap("frekuensi", frek="triwulanan")),
    ("setiap bulan", harap("frekuensi", frek="bulanan")),
    ("tiap tahun", harap("frekuensi", frek="tahunan")),
    ("per hari", harap("frekuensi", frek="harian")),
    ("setiap 3 bulan", harap("frekuensi", frek="triwulanan")),
    ("setiap 6 bulan", harap("frekuensi", frek="semesteran")),
    ("setiap triwulan", harap("frekuensi", frek="triwulanan")),
    ("setiap 2 minggu", harap("frekuensi", frek="setiap 2 minggu")),
    ("1 kali setahun", harap("frekuensi", frek="tahunan")),
    ("1x sebulan", harap("frekuensi", frek="bulanan")),
    ("sekali seminggu", harap("frekuensi", frek="mingguan")),
    ("2 kali setahun", harap("frekuensi", frek="semesteran")),
    ("4 kali dalam setahun", harap("frekuensi", frek="triwulanan")),
    ("2 kali sebulan", harap("frekuensi", frek="2 kali sebulan")),
    ("setahun sekali", harap("frekuensi", frek="tahunan")),
    ("3 bulan sekali", harap("frekuensi", frek="triwulanan")),
    # vague values
    ("sesuai kebutuhan", harap("samar")),
    ("Sesuai Jadwal", harap("samar")),
    ("tentatif", harap("samar")),
    ("menyesuaikan", harap("samar")),
    ("insidental", harap("samar")),
    ("insidentil", harap("samar")),
    ("tergantung jumlah berkas", harap("samar")),
    ("setiap saat", harap("samar")),
    # empty
    ("-", harap("kosong")),
    ("\u2013", harap("kosong")),
    ("\u2014", harap("kosong")),
    ("", harap("kosong")),
    ("   ", harap("kosong")),
    (" - ", harap("kosong")),
    # unknown
    ("abc", harap("tidak_dikenal")),
    ("5", harap("tidak_dikenal")),
    ("±", harap("tidak_dikenal")),
    ("1-2-3 hari", harap("tidak_dikenal")),
    ("1 hari kerja setelah berkas lengkap", harap("tidak_dikenal")),
    ("5 menit -", harap("tidak_dikenal")),
    ("0 kali setahun", harap("tidak_dikenal")),
    ("1,5 kali setahun", harap("tidak_dikenal")),
    ("¼5 detik", harap("tidak_dikenal")),
    ("5 menit/dalam", harap("tidak_dikenal")),
]


@pytest.mark.parametrize(("teks", "harapan"), KASUS, ids=[k[0] or "<kosong>" for k in KASUS])
def test_parse_waktu(teks: str, harapan: dict[str, Any]) -> None:
    w = parse_waktu(teks)
    hasil = {k: getattr(w, k) for k in harapan}
    for kunci in ("min", "max"):
        if harapan[kunci] is not None:
            harapan = {**harapan, kunci: pytest.approx(harapan[kunci])}
    assert hasil == harapan
    assert w.teks == teks
    assert w.terurai == (harapan["kategori"] in ("durasi", "laju"))


@pytest.mark.parametrize(
    "teks",
    [
        "  1 Hari  Kerja ",
        "5\u201310 menit",
        "±  2 jam",
        "-",
        "",
        "sesuai kebutuhan ",
        "??",
        "½ jam",
    ],
)
def test_teks_mentah_dipertahankan(teks: str) -> None:
    w = parse_waktu(teks)
    assert w.teks == teks
    assert str(w) == teks


def test_waktu_immutable() -> None:
    w = parse_waktu("3 hari")
    with pytest.raises(AttributeError):
        w.min = 4  # type: ignore[misc]


@pytest.mark.parametrize(
    ("teks", "menit"),
    [
        ("30 detik", (0.5, 0.5)),
        ("10 menit", (10, 10)),
        ("2 jam", (120, 120)),
        ("1 x 24 jam", (1440, 1440)),
        ("1 hari", (1440, 1440)),
        ("1-2 hari kerja", (1440, 2880)),
        ("1 minggu", (10080, 10080)),
        ("1 bulan", (43200, 43200)),
        ("1 tahun", (525600, 525600)),
        ("30 menit - 3 jam", (30, 180)),
        ("2 menit/berkas", None),
        ("triwulanan", None),
        ("sesuai kebutuhan", None),
        ("-", None),
        ("abc", None),
    ],
)
def test_dalam_menit(teks: str, menit: tuple[float, float] | None) -> None:
    hasil = parse_waktu(teks).dalam_menit()
    if menit is None:
        assert hasil is None
    else:
        assert hasil == pytest.approx(menit)


def test_dalam_menit_kategori_bukan_durasi() -> None:
    assert Waktu("x", "laju", 2, 2, "menit", per="berkas").dalam_menit() is None
    assert Waktu("x", "durasi", 1, 2, "jam").dalam_menit() == (60, 120)


def test_parse_tidak_pernah_gagal() -> None:
    for teks in ["((", "s.d", "1 s.d", "per", "/", "x 24 jam", "1 x", "½", "0,,5 jam", "\t\n"]:
        assert isinstance(parse_waktu(teks), Waktu)


def _bucket(bulan: float = 0, minggu: float = 0, hari: float = 0, jam: float = 0, menit: float = 0):
    return {"bulan": bulan, "minggu": minggu, "hari": hari, "jam": jam, "menit": menit}


def _ringkas(daftar: list[str], catatan: list[str] | None = None) -> RingkasanWaktu:
    return ringkas_waktu([parse_waktu(t) for t in daftar], catatan)


def test_ringkas_prosedur_b_sop_contoh() -> None:
    # Seed SOP, procedure B.  Worked out by hand:
    #   hari:   1 + 1 + 3 + 3 + 5 + 2 + 1           = 16 hari
    #   minggu: 2 + 2 + 2 + 2 + 1                   = 9 minggu
    #   menit:  15 + 30 + 30 + 5 + 5 + 5 + 30 = 120 = 2 jam
    waktu = [
        "1 hari", "15 menit", "1 hari", "2 minggu", "2 minggu", "2 minggu", "30 menit",
        "3 hari", "3 hari", "2 minggu", "30 menit", "5 hari", "1 minggu", "5 menit",
        "5 menit", "2 hari", "5 menit", "1 hari", "30 menit",
    ]  # fmt: skip
    r = _ringkas(waktu)
    assert r.min == _bucket(minggu=9, hari=16, jam=2)
    assert r.max == r.min
    assert list(r.min) == ["bulan", "minggu", "hari", "jam", "menit"]
    assert r.catatan == []
    assert r.teks() == "9 minggu 16 hari 2 jam"


def test_ringkas_contoh_dokumentasi() -> None:
    # min: 2 + 4 = 6 hari; 25 + 60 = 85 menit = 1 jam 25 menit
    # max: 3 + 5 = 8 hari; 60 + 60 = 120 menit = 2 jam
    r = _ringkas(["2-3 hari", "4-5 hari", "25 menit - 1 jam", "1 jam"])
    assert r.min == _bucket(hari=6, jam=1, menit=25)
    assert r.max == _bucket(hari=8, jam=2)
    assert r.teks() == "6 hari 1 jam 25 menit s.d. 8 hari 2 jam"


def test_ringkas_rentang_campur_satuan() -> None:
    # "8 hari - 2 jam" is a mixed-unit range, expressed in jam: 2..192 jam.
    r = _ringkas(["2 hari", "8 hari - 2 jam"])
    assert r.min == _bucket(hari=2, jam=2)
    assert r.max == _bucket(hari=2, jam=192)


def test_ringkas_rentang_dan_carry_menit() -> None:
    r = _ringkas(["1-2 hari", "30 menit - 3 jam", "0,5 jam", "45 menit"])
    # min: 1 hari; 30 + 30 + 45 = 105 menit = 1 jam 45 menit
    # max: 2 hari; 180 + 30 + 45 = 255 menit = 4 jam 15 menit
    assert r.min == _bucket(hari=1, jam=1, menit=45)
    assert r.max == _bucket(hari=2, jam=4, menit=15)
    assert r.teks() == "1 hari 1 jam 45 menit s.d. 2 hari 4 jam 15 menit"
    assert r.catatan == []


def test_ringkas_tidak_mengubah_jam_ke_hari() -> None:
    r = _ringkas(["20 jam", "10 jam", "6 hari", "3 hari"])
    assert r.min == _bucket(hari=9, jam=30)
    assert r.teks() == "9 hari 30 jam"


def test_ringkas_detik_tahun_dan_desimal() -> None:
    r = _ringkas(["1 tahun", "90 detik", "0,5 hari"])
    assert r.min == _bucket(bulan=12, hari=0.5, menit=1.5)
    assert r.teks() == "12 bulan 0,5 hari 1,5 menit"


def test_ringkas_dengan_catatan() -> None:
    daftar = [
        "1 hari kerja", "2 hari", "45 menit", "30 menit", "sesuai kebutuhan", "tentatif",
        "triwulanan", "2 menit/berkas", "-", "", "1 x 24 jam",
    ]  # fmt: skip
    r = _ringkas(daftar, ["langkah 3-5 dapat diulang"])
    assert r.min == _bucket(hari=3, jam=25, menit=15)
    assert r.max == r.min
    assert r.teks() == "3 hari 25 jam 15 menit"
    assert r.catatan == [
        "mencampur hari kerja dan hari kalender",
        "3 langkah tanpa waktu terukur (sesuai kebutuhan, tentatif, triwulanan)",
        "1 langkah dengan waktu per satuan (mis. per berkas)",
        "langkah 3-5 dapat diulang",
    ]


def test_ringkas_catatan_banyak_contoh_dan_tidak_dikenal() -> None:
    r = _ringkas(["sesuai jadwal", "tentatif", "insidental", "menyesuaikan", "???", "1 jam"])
    assert r.catatan == ["5 langkah tanpa waktu terukur (sesuai jadwal, tentatif, insidental, …)"]
    assert r.teks() == "1 jam"


def test_ringkas_banyak_langkah_tidak_dikenal() -> None:
    r = _ringkas([f"x{i}" for i in range(5000)])
    assert r.catatan == ["5000 langkah tanpa waktu terukur (x0, x1, x2, …)"]
    assert r.teks() == "-"


def test_ringkas_perkiraan_dan_batas_atas() -> None:
    r = _ringkas(["± 2 hari", "maksimal 3 hari", "kurang lebih 10 menit"])
    assert r.min == _bucket(hari=5, menit=10)
    assert r.catatan == [
        "2 langkah dengan waktu perkiraan (±)",
        "1 langkah dengan batas waktu maksimal",
    ]


@pytest.mark.parametrize(
    ("daftar", "campur"),
    [
        (["1 hari kerja", "2 hari kerja"], False),
        (["1 hari kerja", "2 hari efektif"], False),
        (["1 hari kerja", "2 minggu"], False),
        (["1 hari kerja", "3 hari kalender"], True),
        (["2 hari efektif", "3 hari"], True),
        (["3 hk", "1-2 hari"], True),
    ],
)
def test_ringkas_campur_hari(daftar: list[str], campur: bool) -> None:
    r = _ringkas(daftar)
    assert ("mencampur hari kerja dan hari kalender" in r.catatan) == campur


def test_ringkas_kosong() -> None:
    assert _ringkas([]).teks() == "-"
    r = _ringkas(["-", "", "\u2014"])
    assert r.teks() == "-"
    assert r.catatan == []
    assert r.min == _bucket()
    assert _ringkas(["sesuai kebutuhan"]).teks() == "-"


def test_ringkas_min_nol() -> None:
    r = _ringkas(["0-5 menit"])
    assert r.teks() == "0 s.d. 5 menit"

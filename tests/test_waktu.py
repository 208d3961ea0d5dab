"""Tests for sop_ap.waktu: parsing the free-text "Waktu" column (procedure totals:
tests/test_jumlah_waktu.py)."""

from typing import Any

import pytest
from sop_ap.waktu import Waktu, parse_waktu


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
    # multiplication; "N x 24 jam" is the paper's way of writing N (calendar) days
    ("1 x 24 jam", durasi(1, 1, "hari")),
    ("1x24 jam", durasi(1, 1, "hari")),
    ("1 X 24 Jam", durasi(1, 1, "hari")),
    ("2 \u00d7 24 jam", durasi(2, 2, "hari")),
    ("1 x 24 jam - 3 x 24 jam", durasi(1, 3, "hari")),
    ("3 x 8 jam", durasi(24, 24, "jam")),
    # a working day is never converted into another unit
    ("1 – 20 Hari Kerja", durasi(1, 20, "hari", "kerja")),
    ("1 hari kerja 4 jam", harap("tidak_dikenal")),
    ("2 hari kerja - 1 minggu", harap("tidak_dikenal")),
    ("1 jam - 1 hari kerja", harap("tidak_dikenal")),
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

"""Parse the free-text "Waktu" (duration) column of SOP AP steps.

Civil servants write durations in many ways ("1 hari kerja", "5-10 menit", "2 s.d 3 bulan",
"1 x 24 jam", "2 menit/berkas", "triwulanan", "sesuai kebutuhan", "-" ...).  `parse_waktu`
turns such a text into a `Waktu` value that always keeps the raw text.  The total of a
procedure ("Jumlah waktu") is computed along its flow by `jumlah_waktu`.

Conventions:

* Ranges whose ends use different units ("30 menit - 3 jam") and compound values
  ("1 jam 30 menit") are expressed in the smaller unit (30..180 menit, 90 menit).  When the
  larger unit is not a whole multiple of the smaller one (minggu vs bulan/tahun) both ends are
  expressed in hari.  For these unit conversions 1 minggu = 7 hari, 1 bulan = 30 hari,
  1 tahun = 12 bulan = 365 hari.
* "N x 24 jam" is N hari (calendar days): the paper's way of writing whole days.
* A working or effective day ("hari kerja", "hk", "hari efektif") is never converted into
  another unit: a value that would need it ("1 hari kerja 4 jam", "2 hari kerja - 1 minggu")
  is "tidak_dikenal".
* `Waktu.dalam_menit` uses calendar time: 1 hari = 24 jam, 1 minggu = 7 hari,
  1 bulan = 30 hari, 1 tahun = 365 hari (a working day is *not* modelled).
* Parsing never raises: unknown texts get kategori "tidak_dikenal".
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache, reduce
from typing import Literal

Satuan = Literal["detik", "menit", "jam", "hari", "minggu", "bulan", "tahun"]
JenisHari = Literal["kerja", "kalender", "efektif"]
Kategori = Literal["durasi", "laju", "frekuensi", "samar", "kosong", "tidak_dikenal"]

_URUTAN: tuple[Satuan, ...] = ("detik", "menit", "jam", "hari", "minggu", "bulan", "tahun")

# Length of each unit in seconds (calendar time).
_DETIK: dict[Satuan, int] = {
    "detik": 1,
    "menit": 60,
    "jam": 3_600,
    "hari": 86_400,
    "minggu": 7 * 86_400,
    "bulan": 30 * 86_400,
    "tahun": 365 * 86_400,
}

_SINONIM_SATUAN: dict[str, Satuan] = {
    "detik": "detik",
    "dtk": "detik",
    "det": "detik",
    "menit": "menit",
    "mnit": "menit",
    "mnt": "menit",
    "min": "menit",
    "jam": "jam",
    "jm": "jam",
    "hari": "hari",
    "hri": "hari",
    "hr": "hari",
    "hk": "hari",  # hari kerja
    "minggu": "minggu",
    "mgg": "minggu",
    "mg": "minggu",
    "pekan": "minggu",
    "bulan": "bulan",
    "bln": "bulan",
    "bl": "bulan",
    "tahun": "tahun",
    "thn": "tahun",
    "th": "tahun",
}


def _alternatif(kata: Iterable[str]) -> str:
    """Regex alternation of words, longest first so that e.g. "minggu" wins over "min"."""
    return "|".join(sorted(kata, key=len, reverse=True))


MAKS_PANJANG = 100
"""Longer texts are not durations ("1 hari kerja setelah berkas diterima lengkap" has 45
characters): they are not parsed, which also keeps parsing linear in the text's length
(range and rate separators are tried one by one, each splitting the text)."""

_NUM = r"\d+(?:[.,]\d+)?"
_UNIT = _alternatif(_SINONIM_SATUAN)
_QUAL = r"kerja(?:\s*efektif)?|efektif|kalender"

_BAGIAN_RE = re.compile(
    rf"\s*(?P<n>{_NUM})\s*(?P<u>{_UNIT})(?![a-z])(?:\s*(?P<q>{_QUAL})(?![a-z]))?"
)
_KALI_RE = re.compile(
    rf"(?P<a>{_NUM})\s*x\s*(?P<b>{_NUM})\s*(?P<u>{_UNIT})(?![a-z])(?:\s*(?P<q>{_QUAL})(?![a-z]))?"
)
_SEP_RENTANG_RE = re.compile(
    r"\s*(?:-|~|(?<![a-z])s\s*[./]\s*d(?![a-z])\.?|(?<![a-z])sd(?![a-z])\.?"
    r"|(?<![a-z])(?:sampai(?:\s+dengan|\s+dgn)?|hingga)(?![a-z]))\s*"
)
_SEP_LAJU_RE = re.compile(
    r"\s*(?:/|(?<![a-z])(?:untuk\s+setiap|untuk\s+tiap|setiap|tiap|per)(?![a-z])-?)\s*"
)
_ITEM_LAJU_RE = re.compile(r"(?:1\s*)?(?P<item>[a-z][a-z\s\-]*)")
# Words that cannot start a rate item ("5 menit/dalam ..." is not a rate).
_BUKAN_ITEM_RE = re.compile(
    r"(?:dalam|sampai|hingga|kali|sekali|x|se?tiap|per|belas|puluh|kerja|efektif|kalender"
    r"|maks\w*|max\w*)(?![a-z])"
)

_KOSONG_RE = re.compile(r"[\s\-\u2010-\u2015\u2212]*")

_PERKIRAAN_RE = re.compile(
    r"(?:±|\+\s*/?\s*-|kurang\s*-?\s*lebih|lebih\s*-?\s*kurang|kira\s*-?\s*kira"
    r"|sekitar(?![a-z])|≈|~)\s*"
)
_BATAS_RE = re.compile(
    r"(?:maks(?:imal|imum)?(?![a-z])\.?|max(?:imal|imum)?(?![a-z])\.?"
    r"|paling\s+(?:lama|lambat)(?![a-z])|selambat\s*-?\s*lambatnya|tidak\s+lebih\s+dari"
    r"|≤|<=?)\s*"
)

_SAMAR_RE = re.compile(
    r"(?:sesuai|menyesuaikan|disesuaikan|tergantung|bergantung|bervariasi|variatif"
    r"|kondisional|situasional|insidental|insidentil|insidentiil|tentatif|fleksibel|relatif"
    r"|sewaktu\s*-?\s*waktu|setiap\s+saat|kapan\s*(?:saja|pun)|segera|berkala|periodik|rutin"
    r"|beberapa|menunggu|tidak\s+(?:tentu|menentu|terbatas|ditentukan)|belum\s+ditentukan"
    r"|(?:bila|jika|apabila|saat|ketika)\s+(?:diperlukan|dibutuhkan))(?![a-z])"
)

# --- frequencies --------------------------------------------------------------------------

_PERIODE: dict[str, str] = {
    "hari": "hari",
    "hr": "hari",
    "minggu": "minggu",
    "mgg": "minggu",
    "pekan": "minggu",
    "bulan": "bulan",
    "bln": "bulan",
    "triwulan": "triwulan",
    "caturwulan": "caturwulan",
    "semester": "semester",
    "tahun": "tahun",
    "thn": "tahun",
}
_PER = _alternatif(_PERIODE)
_NAMA_FREKUENSI = ("harian", "mingguan", "bulanan", "triwulanan", "caturwulanan", "semesteran")
_BULAN_PER_PERIODE: dict[str, int] = {
    "bulan": 1,
    "triwulan": 3,
    "caturwulan": 4,
    "semester": 6,
    "tahun": 12,
}
_NAMA_PER_BULAN: dict[int, str] = {
    1: "bulanan",
    3: "triwulanan",
    4: "caturwulanan",
    6: "semesteran",
    12: "tahunan",
}
_SE_PERIODE: dict[str, str] = {
    "hari": "sehari",
    "minggu": "seminggu",
    "bulan": "sebulan",
    "tahun": "setahun",
}

_FREK_KATA_RE = re.compile(
    rf"(?:(?:setiap|tiap|per)\s+)?(?P<nama>{_alternatif((*_NAMA_FREKUENSI, 'tahunan'))})"
)
_FREK_SETIAP_RE = re.compile(
    rf"(?:setiap|tiap|per)\s*(?:(?P<n>{_NUM})\s*)?(?P<p>{_PER})(?![a-z])"
    rf"(?:\s*(?:{_QUAL}))?(?:\s+sekali)?"
)
_FREK_KALI_RE = re.compile(
    rf"(?:(?P<k>{_NUM})\s*(?:kali|x)|sekali)\s*(?:dalam\s+)?"
    rf"(?:se(?P<p1>{_PER})|(?:per|setiap|tiap|dalam)\s*(?:(?P<n>{_NUM})\s*)?(?P<p2>{_PER}))"
    r"(?![a-z])"
)
_FREK_SEKALI_RE = re.compile(
    rf"(?:se(?P<p1>{_PER})|(?P<n>{_NUM})\s*(?P<p2>{_PER}))(?![a-z])"
    rf"\s*(?:sekali|(?P<k>{_NUM})\s*(?:kali|x))"
)

# --- number words and fractions -------------------------------------------------------------

_ANGKA_KATA: dict[str, int] = {
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
}
_KATA = _alternatif(_ANGKA_KATA)
_BILANGAN_RE = re.compile(
    rf"(?<![a-z\d])(?:(?P<puluh>{_KATA})\s+puluh(?:\s+(?P<sisa>{_KATA}))?|sepuluh|sebelas"
    rf"|(?P<belas>{_KATA})\s+belas|(?P<satuan>{_KATA}))(?![a-z\d])"
)
_PECAHAN: dict[str, float] = {"½": 0.5, "¼": 0.25, "¾": 0.75}
_PECAHAN_ASCII: dict[str, str] = {"12": "½", "14": "¼", "34": "¾"}
_PECAHAN_RE = re.compile(r"(?<![\d.,])(?:(?P<n>\d+)\s*)?(?P<f>[½¼¾])(?![\d.,])")
_PECAHAN_ASCII_RE = re.compile(r"(?<![\d.,/])(?P<a>1\s*/\s*[24]|3\s*/\s*4)(?![\d.,/])")
_KURUNG_ANGKA_RE = re.compile(rf"(?<![\d.,])(?P<n>{_NUM})\s*\(\s*{_NUM}\s*\)")

_TRANS = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00d7": "x",  # multiplication sign
        "\u00a0": " ",
    }
)


@dataclass(frozen=True)
class Waktu:
    """A parsed "Waktu" cell.  `teks` is always the raw text exactly as written.

    min/max/satuan are set for "durasi" and "laju" only; perkiraan ("±", "kurang lebih") and
    batas_atas ("maks.", "maksimal", "paling lama"; min == max) likewise.
    """

    teks: str  # raw text exactly as written
    kategori: Kategori
    min: float | None = None  # lower bound, in `satuan`
    max: float | None = None  # upper bound, in `satuan`
    satuan: Satuan | None = None
    jenis_hari: JenisHari | None = None  # None for a plain "hari"
    per: str | None = None  # rate item, e.g. "berkas" for "2 menit/berkas"
    frekuensi: str | None = None  # e.g. "triwulanan", "2 kali sebulan", "setiap 2 minggu"
    perkiraan: bool = False
    batas_atas: bool = False

    @property
    def terurai(self) -> bool:
        """True when min, max and satuan are known (kategori durasi or laju)."""
        return self.min is not None and self.max is not None and self.satuan is not None

    def dalam_menit(self) -> tuple[float, float] | None:
        """(min, max) in calendar minutes for kategori "durasi", else None.

        1 jam = 60 menit, 1 hari = 24 jam, 1 minggu = 7 hari, 1 bulan = 30 hari,
        1 tahun = 365 hari, 1 detik = 1/60 menit.  Working days are treated as calendar days.
        """
        if self.kategori != "durasi" or self.satuan is None:
            return None
        if self.min is None or self.max is None:
            return None
        faktor = _DETIK[self.satuan] / 60
        return (self.min * faktor, self.max * faktor)

    def __str__(self) -> str:
        return self.teks


@dataclass(frozen=True)
class _Suku:
    """One end of a range: a value with an (optional) unit."""

    nilai: float
    satuan: Satuan | None
    jenis: JenisHari | None


def _angka(teks: str) -> float:
    return float(teks.replace(",", "."))


def _rasio(besar: Satuan, kecil: Satuan) -> float | None:
    """How many `kecil` fit in one `besar`, or None when it is not a whole number."""
    if besar == "tahun" and kecil == "bulan":
        return 12.0
    if _DETIK[besar] % _DETIK[kecil]:
        return None
    return float(_DETIK[besar] // _DETIK[kecil])


def _satuan_bersama(a: Satuan, b: Satuan) -> Satuan:
    """The unit both `a` and `b` are expressed in when they appear in one value."""
    kecil, besar = sorted((a, b), key=_URUTAN.index)
    if _rasio(besar, kecil) is None:
        return "hari"
    return kecil


def _konversi(nilai: float, dari: Satuan, ke: Satuan) -> float:
    rasio = _rasio(dari, ke)
    return nilai * (rasio if rasio is not None else _DETIK[dari] / _DETIK[ke])


def _jenis_hari(token: str, kualifikasi: str | None) -> JenisHari | None:
    if _SINONIM_SATUAN[token] != "hari":
        return None
    if token == "hk":
        return "kerja"
    if kualifikasi is None:
        return None
    if kualifikasi.startswith("kerja"):
        return "kerja"
    return "efektif" if kualifikasi == "efektif" else "kalender"


def _ganti_bilangan(m: re.Match[str]) -> str:
    if m["puluh"]:
        return str(_ANGKA_KATA[m["puluh"]] * 10 + (_ANGKA_KATA[m["sisa"]] if m["sisa"] else 0))
    if m["belas"]:
        return str(10 + _ANGKA_KATA[m["belas"]])
    if m["satuan"]:
        return str(_ANGKA_KATA[m["satuan"]])
    return "10" if m.group(0) == "sepuluh" else "11"


def _ganti_pecahan(m: re.Match[str]) -> str:
    nilai = (int(m["n"]) if m["n"] else 0) + _PECAHAN[m["f"]]
    return f"{nilai:g}"


def _normalisasi(teks: str) -> str:
    """Lower-case, unify dashes/spaces, turn number words and fractions into digits."""
    t = re.sub(r"\s+", " ", teks.lower().translate(_TRANS)).strip()
    t = t.rstrip(".,;:").strip()
    t = re.sub(r"(?<![a-z])setengah(?![a-z])", "½", t)
    t = _BILANGAN_RE.sub(_ganti_bilangan, t)
    t = _PECAHAN_ASCII_RE.sub(lambda m: _PECAHAN_ASCII[re.sub(r"\D", "", m["a"])], t)
    t = _PECAHAN_RE.sub(_ganti_pecahan, t)
    return _KURUNG_ANGKA_RE.sub(lambda m: m["n"], t)


def _kupas_awalan(teks: str) -> tuple[str, bool, bool]:
    """Strip "±"/"kurang lebih" and "maks."/"maksimal" prefixes, returning their flags."""
    perkiraan = batas_atas = False
    while True:
        if m := _PERKIRAAN_RE.match(teks):
            perkiraan = True
        elif m := _BATAS_RE.match(teks):
            batas_atas = True
        else:
            return teks.strip(), perkiraan, batas_atas
        teks = teks[m.end() :]


def _parse_suku(teks: str) -> _Suku | None:
    """A single quantity: "3", "3 hari kerja", "1 jam 30 menit" or "1 x 24 jam"."""
    teks = teks.strip()
    if re.fullmatch(_NUM, teks):
        return _Suku(_angka(teks), None, None)
    if m := _KALI_RE.fullmatch(teks):
        satuan = _SINONIM_SATUAN[m["u"]]
        if satuan == "jam" and _angka(m["b"]) == 24:
            # "1 x 24 jam": the paper's way of writing one (calendar) day.
            return _Suku(_angka(m["a"]), "hari", None)
        return _Suku(_angka(m["a"]) * _angka(m["b"]), satuan, _jenis_hari(m["u"], m["q"]))
    bagian: list[tuple[float, Satuan]] = []
    jenis: JenisHari | None = None
    pos = 0
    while pos < len(teks):
        m = _BAGIAN_RE.match(teks, pos)
        if m is None:
            return None
        bagian.append((_angka(m["n"]), _SINONIM_SATUAN[m["u"]]))
        jenis = jenis or _jenis_hari(m["u"], m["q"])
        pos = m.end()
    if not bagian:
        return None
    if jenis is not None and any(s != "hari" for _, s in bagian):
        return None  # "1 hari kerja 4 jam": a working day is not 24 jam
    satuan = reduce(_satuan_bersama, (s for _, s in bagian))
    return _Suku(sum(_konversi(n, s, satuan) for n, s in bagian), satuan, jenis)


def _gabung_rentang(a: _Suku, b: _Suku) -> tuple[float, float, Satuan, JenisHari | None] | None:
    satuan_a = a.satuan or b.satuan
    satuan_b = b.satuan or a.satuan
    if satuan_a is None or satuan_b is None:
        return None
    if (a.jenis or b.jenis) and (satuan_a != "hari" or satuan_b != "hari"):
        return None  # "2 hari kerja - 1 minggu": a week is not 7 working days
    satuan = _satuan_bersama(satuan_a, satuan_b)
    rendah = _konversi(a.nilai, satuan_a, satuan)
    tinggi = _konversi(b.nilai, satuan_b, satuan)
    rendah, tinggi = min(rendah, tinggi), max(rendah, tinggi)
    return rendah, tinggi, satuan, a.jenis or b.jenis


def _parse_durasi(teks: str) -> tuple[float, float, Satuan, JenisHari | None] | None:
    """A single duration or a range of durations, as (min, max, satuan, jenis_hari)."""
    suku = _parse_suku(teks)
    if suku is not None:
        if suku.satuan is None:
            return None
        return suku.nilai, suku.nilai, suku.satuan, suku.jenis
    for sep in _SEP_RENTANG_RE.finditer(teks):
        a = _parse_suku(teks[: sep.start()])
        b = _parse_suku(teks[sep.end() :])
        if a is not None and b is not None:
            hasil = _gabung_rentang(a, b)
            if hasil is not None:
                return hasil
    return None


def _parse_laju(teks: str) -> tuple[tuple[float, float, Satuan, JenisHari | None], str] | None:
    """A duration per item ("2 menit/berkas", "5 menit per berkas")."""
    for sep in _SEP_LAJU_RE.finditer(teks):
        item = _ITEM_LAJU_RE.fullmatch(teks[sep.end() :])
        if item is None or _BUKAN_ITEM_RE.match(item["item"]):
            continue
        durasi = _parse_durasi(teks[: sep.start()])
        if durasi is not None:
            return durasi, re.sub(r"\s+", " ", item["item"]).strip(" -")
    return None


def _bulat(nilai: float) -> int | None:
    return int(nilai) if nilai == int(nilai) else None


def _nama_periode(n: float, periode: str) -> str:
    """Normalized name of "every n periode", e.g. (3, "bulan") -> "triwulanan"."""
    if periode in _BULAN_PER_PERIODE:
        bulan = _bulat(n * _BULAN_PER_PERIODE[periode])
        if bulan in _NAMA_PER_BULAN:
            return _NAMA_PER_BULAN[bulan]
        if bulan is not None and periode != "tahun":
            return f"setiap {bulan} bulan"
    elif n == 1:
        return "harian" if periode == "hari" else "mingguan"
    elif periode == "hari" and n == 7:
        return "mingguan"
    return f"setiap {format_angka(n)} {periode}"


def _nama_kali(k: float, n: float, periode: str) -> str:
    """Normalized name of "k times every n periode", e.g. (4, 1, "tahun") -> "triwulanan"."""
    if k == 1:
        return _nama_periode(n, periode)
    if periode in _BULAN_PER_PERIODE:
        bulan = n * _BULAN_PER_PERIODE[periode]
        if _bulat(bulan / k) is not None:
            return _nama_periode(bulan / k, "bulan")
    if n == 1:
        return f"{format_angka(k)} kali {_SE_PERIODE.get(periode, 'per ' + periode)}"
    return f"{format_angka(k)} kali setiap {format_angka(n)} {periode}"


def _parse_frekuensi(teks: str) -> str | None:
    if m := _FREK_KATA_RE.fullmatch(teks):
        return m["nama"]
    if m := _FREK_SETIAP_RE.fullmatch(teks):
        n = _angka(m["n"]) if m["n"] else 1
        return _nama_periode(n, _PERIODE[m["p"]]) if n > 0 else None
    for pola in (_FREK_KALI_RE, _FREK_SEKALI_RE):
        if m := pola.fullmatch(teks):
            k = _angka(m["k"]) if m["k"] else 1
            n = _angka(m["n"]) if m["n"] else 1
            if _bulat(k) is None or k < 1 or n <= 0:
                return None
            return _nama_kali(k, n, _PERIODE[m["p1"] or m["p2"]])
    return None


@lru_cache(maxsize=8192)  # real data repeats a few dozen values; Waktu is immutable
def parse_waktu(teks: str) -> Waktu:
    """Parse a free-text "Waktu" cell.  Never raises; unknown forms are "tidak_dikenal"."""
    if not isinstance(teks, str):  # defensive: YAML may hand over None or numbers
        teks = "" if teks is None else str(teks)
    if _KOSONG_RE.fullmatch(teks):
        return Waktu(teks, "kosong")
    if len(teks) > MAKS_PANJANG:
        return Waktu(teks, "tidak_dikenal")
    isi, perkiraan, batas_atas = _kupas_awalan(_normalisasi(teks))
    if frekuensi := _parse_frekuensi(isi):
        return Waktu(teks, "frekuensi", frekuensi=frekuensi)
    if _SAMAR_RE.match(isi):
        return Waktu(teks, "samar")
    if durasi := _parse_durasi(isi):
        rendah, tinggi, satuan, jenis = durasi
        return Waktu(
            teks,
            "durasi",
            rendah,
            tinggi,
            satuan,
            jenis,
            perkiraan=perkiraan,
            batas_atas=batas_atas,
        )
    if laju := _parse_laju(isi):
        (rendah, tinggi, satuan, jenis), item = laju
        return Waktu(
            teks,
            "laju",
            rendah,
            tinggi,
            satuan,
            jenis,
            per=item,
            perkiraan=perkiraan,
            batas_atas=batas_atas,
        )
    return Waktu(teks, "tidak_dikenal")


def format_angka(nilai: float) -> str:
    """Indonesian number: no ".0", comma as decimal separator, at most 2 decimals."""
    bulat = round(nilai, 2)
    if bulat == int(bulat):
        return str(int(bulat))
    return f"{bulat:.2f}".rstrip("0").replace(".", ",")

"""The SOP AP data format: what a Bagian Organisasi writes, as typed models.

Field names follow the SOP AP vocabulary (Permenpan RB 35/2012). The models
validate the shape of each file; relations between steps and between files
are checked by `flow` and `catalog`. The JSON Schema that editors use is
derived from these models (`schema.py`), so the two cannot drift apart.
Descriptions are in Indonesian: editors show them to the authors.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
)

from .urls import SOP_DIR, UNIT_DIR, reserved_id_problem


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("tidak boleh kosong: tulis isinya")
    return value


Teks = Annotated[str, AfterValidator(_not_blank)]
"""Text that must contain something other than spaces (`-` is allowed)."""

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80),
    Field(description="Huruf kecil, angka dan tanda hubung, mis. `penyusunan-iku`."),
]


def _page_id(folder: str) -> Callable[[str], str]:
    """A check that an id can name a page in `folder` (see urls.RESERVED_IDS)."""

    def check(value: str) -> str:
        problem = reserved_id_problem(value, folder)
        if problem:
            raise ValueError(problem)
        return value

    return check


SopId = Annotated[Slug, AfterValidator(_page_id(SOP_DIR))]
"""An SOP's id: its page is `sop/<id>.md`."""
UnitId = Annotated[Slug, AfterValidator(_page_id(UNIT_DIR))]
"""A unit's id: its page is `unit/<id>.md`."""

Kode = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9]{1,8}$"),
    Field(description="Kode sub-prosedur, mis. `A` atau `B`."),
]
Selesai = Literal["selesai"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


# --------------------------------------------------------------------------- printed lists

TANDA_KHUSUS = ("angka", "huruf", "tanpa")
"""Values of `tanda` in a {tanda, butir} list that name a numbering, not a literal marker."""
TANDA_MAKS = 12


def _tanda_satu_baris(value: str) -> str:
    if not value.strip():
        raise ValueError("tanda tidak boleh kosong; tulis tanda persis seperti tercetak, "
                         'mis. "2.", "a." atau "-", atau hapus tanda')
    if "\n" in value.strip() or len(value.strip()) > TANDA_MAKS:
        raise ValueError(f"tanda '{value.strip()[:30]}' terlalu panjang (paling banyak "
                         f"{TANDA_MAKS} karakter, satu baris): tanda hanya penomoran atau "
                         "poin, mis. \"2.\" atau \"-\"; teks butir ditulis di `teks`")
    return value.strip()


def _tanda_butir(value: str) -> str:
    if value in ("angka", "huruf"):
        raise ValueError(f"tanda '{value}' hanya untuk daftar berbentuk {{tanda, butir}}; "
                         "untuk satu butir tulis tanda persis seperti tercetak, mis. "
                         'tanda: "2." atau tanda: "b."')
    return value


Tanda = Annotated[str, AfterValidator(_tanda_satu_baris)]


class ButirTercetak(_Model):
    """One list item with the marker the paper prints before it."""

    tanda: Annotated[Tanda, AfterValidator(_tanda_butir)] = Field(
        description='Tanda butir persis seperti tercetak, mis. `"2."`, `"b."`, `"-"`; '
        "`tanpa`: butir tanpa tanda. Tanda `-` ditulis dengan tanda petik: `\"-\"`."
    )
    teks: Teks = Field(description="Isi butir seperti tertulis.")


class DaftarBertanda(_Model):
    """A list whose items all carry the same kind of marker."""

    tanda: Tanda = Field(
        description="`angka` (1., 2., …), `huruf` (a., b., …), `tanpa` (tanpa tanda, satu "
        'baris per butir), atau tanda yang tercetak di depan setiap butir, mis. `"-"`.'
    )
    butir: Annotated[list[Teks], Field(min_length=1)] = Field(
        description="Butir-butir daftar, urut seperti tercetak."
    )


DaftarTercetak = Annotated[
    Teks | list[Teks | ButirTercetak] | DaftarBertanda,
    Field(
        description="Satu teks (dicetak apa adanya, tanpa nomor; `|` menjaga baris baru), "
        "daftar teks (bernomor 1., 2., …), daftar yang butirnya boleh {tanda, teks} (tanda "
        "persis seperti tercetak), atau {tanda, butir} (tanda sama untuk setiap butir: "
        "`angka`, `huruf`, `tanpa` atau tanda tercetak seperti `-`). Tulis `-` bila kosong."
    ),
]
"""A list as the paper prints it: see `daftar.daftar` for how each form prints."""
SelTercetak = Annotated[
    str | list[Teks | ButirTercetak] | DaftarBertanda,
    Field(
        description="Isi sel: satu teks, atau beberapa butir dalam satu sel (daftar teks "
        "bernomor, butir {tanda, teks}, atau {tanda, butir})."
    ),
]
"""A mutu baku cell: a text (as today, may be blank) or several printed items."""


_Item = TypeVar("_Item")


def as_list(value: str | list[_Item]) -> list[str | _Item]:
    """A field written as one text or as a list of items: always a list."""
    return [value] if isinstance(value, str) else list(value)


# --------------------------------------------------------------------------- logo

LOGO_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg", ".webp")
"""Image files a logo may be (browsers show them all as `<img>` and as a favicon)."""


def _logo_path(value: str) -> str:
    """A logo is an image file inside the data folder, written as a path relative to it."""
    parts = value.split("/")
    if (value.startswith("/") or "\\" in value or ":" in value
            or any(part in ("", ".", "..") for part in parts)):
        raise ValueError(
            f"'{value}' bukan jalur berkas di dalam folder data: tulis jalur relatif terhadap "
            "folder data dengan garis miring biasa, mis. `logo.png` atau `logo/bagian.png`"
        )
    if not value.lower().endswith(LOGO_SUFFIXES):
        raise ValueError(
            f"'{value}' bukan berkas gambar yang dapat dipakai sebagai logo: gunakan berkas "
            ".png, .jpg, .jpeg, .svg atau .webp"
        )
    return value


BerkasLogo = Annotated[
    str,
    AfterValidator(_logo_path),
    Field(
        description="Berkas gambar logo (.png, .jpg, .jpeg, .svg atau .webp) di dalam folder "
        "data, ditulis relatif terhadap folder itu, mis. `logo.png`. Disalin ke situs."
    ),
]
Kop = Annotated[
    list[Teks],
    Field(
        min_length=1,
        description="Baris-baris kop persis seperti tercetak, satu butir per baris, mis. "
        "`[BADAN PUSAT STATISTIK, PROVINSI BENGKULU]`.",
    ),
]


# --------------------------------------------------------------------------- site


class AlamatSitus(_Model):
    """The instansi's address block, printed in the footer of every page."""

    alamat: Teks | None = Field(None, description="Alamat jalan, mis. `Jl. Gajah Mada No. 145`.")
    telepon: Teks | None = Field(None, description="Nomor telepon seperti tertulis.")
    faksimile: Teks | None = Field(None, description="Nomor faksimile seperti tertulis.")
    surel: Teks | None = Field(None, description="Alamat surel (e-mail) instansi.")
    laman: Teks | None = Field(None, description="Alamat laman (situs web) instansi.")
    kota: Teks | None = Field(None, description="Kota.")
    kode_pos: Teks | None = Field(None, description="Kode pos, ditulis dengan tanda petik.")


def _web_address(value: str) -> str:
    if not value.startswith(("http://", "https://")) or len(value.split("//", 1)[1]) == 0:
        raise ValueError(
            f"'{value}' bukan alamat situs: tulis alamat lengkap yang diawali http:// atau "
            "https://, mis. `https://sop.contoh.go.id/`"
        )
    return value


class Situs(_Model):
    """`sop_data/situs.yml`: the site's and the instansi's identity."""

    nama_situs: Teks = Field(
        description="Nama situs: di kepala setiap halaman, judul tab peramban, beranda. "
        "Menggantikan `site_name` di mkdocs.yml."
    )
    instansi: Teks = Field(
        description="Nama instansi, mis. `Pemerintah Kabupaten Contoh` (beranda, kaki halaman)."
    )
    deskripsi: Teks | None = Field(
        None, description="Deskripsi singkat situs (meta description halaman)."
    )
    kop: Kop | None = Field(
        None,
        description="Baris-baris kop instansi seperti tercetak, satu butir per baris; "
        "dicetak di kaki setiap halaman (tanpa `kop`: nama `instansi`).",
    )
    logo: BerkasLogo | None = Field(
        None,
        description="Logo instansi: berkas gambar di dalam folder data (mis. `logo.png`); "
        "dipakai di kepala halaman, sebagai favicon, dan di lembar identitas setiap SOP.",
    )
    alamat: AlamatSitus | None = Field(
        None, description="Alamat instansi, dicetak di kaki setiap halaman."
    )
    alamat_situs: Annotated[Teks, AfterValidator(_web_address)] | None = Field(
        None,
        description="Alamat situs setelah diterbitkan, mis. `https://sop.contoh.go.id/`; "
        "menggantikan `site_url` di mkdocs.yml (dipakai dalam kutipan dan katalog.json).",
    )
    jumlah_waktu: bool = Field(
        True,
        description="`false`: baris \"Jumlah waktu\" di bawah tabel setiap prosedur tidak "
        "dicetak. Bawaan: `true`.",
    )


# --------------------------------------------------------------------------- units


class Unit(_Model):
    """A unit of organisation: the instansi, an OPD, a bagian."""

    id: UnitId
    nama: Teks = Field(description="Nama unit, mis. `Bagian Organisasi`.")
    induk: Slug | None = Field(None, description="`id` unit induk; kosong untuk instansi.")
    alamat: Teks | None = Field(None, description="Alamat jalan.")
    telepon: Teks | None = None
    faksimile: Teks | None = None
    kota: Teks | None = None
    kode_pos: Teks | None = None
    keterangan: Teks | None = None
    kop: Kop | None = Field(
        None,
        description="Baris-baris kop lembar identitas SOP unit ini, persis seperti tercetak, "
        "mis. `[BADAN PUSAT STATISTIK, PROVINSI BENGKULU, BAGIAN UMUM]`. Tanpa `kop`: "
        "nama unit dan unit induknya.",
    )
    logo: BerkasLogo | None = Field(
        None,
        description="Logo pada lembar identitas SOP unit ini dan unit di bawahnya, bila "
        "berbeda dari logo situs: berkas gambar di dalam folder data, mis. `logo/bps.png`.",
    )


class UnitFile(_Model):
    """`sop_data/unit.yml`: every unit, parents before or after children."""

    unit: list[Unit] = Field(min_length=1)


# --------------------------------------------------------------------------- decree


class TandaTanganElektronik(_Model):
    """The electronic-signature statement as the paper prints it."""

    pernyataan: Teks = Field(
        description="Pernyataan tanda tangan elektronik persis seperti tercetak, mis. "
        "`Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat "
        "elektronik yang diterbitkan oleh Balai Sertifikasi Elektronik (BSrE), BSSN.`"
    )
    verifikasi: Teks | None = Field(
        None, description="Petunjuk memeriksa keaslian dokumen (mis. pindai kode QR), "
        "persis seperti tercetak."
    )


class Pejabat(_Model):
    """The official who signs (jabatan, nama, pangkat, NIP)."""

    jabatan: Teks
    nama: Teks
    pangkat: Teks | None = None
    nip: Teks | None = Field(
        None, description="NIP persis seperti tertulis, mis. `19590109 198712 1 002`."
    )
    elektronik: bool | TandaTanganElektronik = Field(
        False,
        description="`true` bila ditandatangani secara elektronik, atau {pernyataan, "
        "verifikasi}: pernyataan tanda tangan elektronik persis seperti tercetak (di sel "
        "Disahkan oleh dan di akhir SOP).",
    )


class Diktum(_Model):
    nama: Teks = Field(description="`PERTAMA`, `KEDUA`, …")
    isi: Teks


class EntriDaftarSop(_Model):
    """One SOP enacted by the decree, in decree order."""

    nama: Teks = Field(description="Nama SOP persis seperti dalam lampiran keputusan.")
    sop: Slug | None = Field(
        None, description="`id` berkas SOP bila teks lengkapnya ada; kosongkan bila belum ada."
    )


class Keputusan(_Model):
    """A decree (keputusan) that enacts the SOP set of a unit."""

    id: Slug
    unit: Slug = Field(description="`id` unit yang SOP-nya ditetapkan.")
    judul: Teks = Field(description="mis. `Keputusan Sekretaris Daerah Kabupaten Contoh`.")
    nomor: Teks = Field(description="Nomor keputusan persis seperti tertulis.")
    tentang: Teks
    pejabat_penetap: Teks = Field(description="Jabatan yang menetapkan, di atas `Menimbang`.")
    menimbang: list[Teks] = Field(min_length=1)
    mengingat: list[Teks] = Field(min_length=1)
    menetapkan: Teks
    diktum: list[Diktum] = Field(min_length=1)
    ditetapkan_di: Teks
    tanggal_penetapan: Teks
    penandatangan: Pejabat
    judul_lampiran: Teks | None = None
    daftar_sop: list[EntriDaftarSop] = Field(min_length=1)
    mencabut: Slug | list[Slug] | None = Field(
        None,
        description="`id` keputusan terdahulu yang dicabut oleh keputusan ini; SOP yang "
        "ditetapkannya (dan tidak ditetapkan lagi di sini) ditandai dicabut.",
    )


# --------------------------------------------------------------------------- SOP


class TujuanSimbol(_Model):
    """One symbol of a row as an arrow's target: the row, and the lane where the row
    holds several symbols (and the shape, where that lane holds a box and a diamond)."""

    langkah: int = Field(ge=1, description="Nomor langkah (baris) tujuan.")
    pelaksana: Teks | None = Field(
        None, description="Kolom pelaksana simbol tujuan, bila baris itu punya beberapa simbol."
    )
    bentuk: Literal["proses", "keputusan"] | None = Field(
        None,
        description="`proses` atau `keputusan`, bila kolom itu punya kotak dan belah ketupat "
        "pada baris yang sama.",
    )


Tujuan = Annotated[
    int | Selesai | TujuanSimbol,
    Field(
        description="Nomor langkah tujuan, `selesai`, atau {langkah, pelaksana} untuk satu "
        "simbol dari baris yang punya beberapa simbol."
    ),
]
DaftarTujuan = Annotated[
    Tujuan | Annotated[list[Tujuan], Field(min_length=1)],
    Field(description="Satu tujuan, atau daftar tujuan (panah ke beberapa simbol)."),
]


class KeputusanLangkah(_Model):
    """A decision (diamond) in a step's row, with two or more labelled exits."""

    pertanyaan: Teks | None = Field(
        None,
        description="Teks singkat di dalam belah ketupat, mis. `Setuju?`. Kosongkan bila "
        "belah ketupat di kertas tidak bertulisan.",
    )
    pelaksana: Teks | None = Field(
        None, description="Kolom pelaksana belah ketupat; bawaan: pelaksana pertama langkah."
    )
    setelah_proses: bool = Field(
        False,
        description="`true`: baris ini menggambar kotak proses lalu belah ketupat (periksa, "
        "lalu putuskan). `false`: hanya belah ketupat.",
    )
    cabang: dict[Teks, Tujuan] = Field(
        min_length=2,
        description="Label jalur keluar -> tujuan (nomor langkah, `selesai`, atau "
        "{langkah, pelaksana}), mis. `{Ya: 4, Tidak: 2}`. Minimal dua."
    )


class Simbol(_Model):
    """One symbol drawn in a row: a box, a capsule or a diamond in one lane."""

    pelaksana: Teks = Field(description="Kolom pelaksana tempat simbol digambar.")
    bentuk: Literal["proses", "keputusan"] = Field(
        "proses",
        description="`proses` (kotak; kapsul bila titik mulai atau selesai) atau `keputusan` "
        "(belah ketupat).",
    )
    teks: Teks | None = Field(
        None,
        description="Teks yang tercetak di dalam simbol, bila berbeda dari kegiatan (mis. "
        "kanal pada kapsul mulai). Bawaan: kegiatan; belah ketupat tanpa teks bila kosong.",
    )
    mulai: bool = Field(False, description="`true`: kapsul titik mulai.")
    selesai: bool = Field(False, description="`true`: kapsul selesai (tanpa panah keluar).")
    ke: DaftarTujuan | None = Field(
        None,
        description="Panah keluar dari kotak ini. Bawaan: ke baris berikutnya.",
    )
    cabang: dict[Teks, Tujuan] | None = Field(
        None, description="Untuk `keputusan`: label jalur keluar -> tujuan. Minimal dua."
    )
    batas: Teks | None = Field(
        None,
        description="Di kertas belah ketupat digambar di batas kolom ini dan kolom `batas`; "
        "diagram web menggambarnya di kolom `pelaksana`.",
    )


class Langkah(_Model):
    """One row of the procedure table."""

    no: int = Field(ge=1, description="Nomor langkah, unik dalam prosedur.")
    kegiatan: Teks
    pelaksana: Teks | Annotated[list[Teks], Field(min_length=1)] | None = Field(
        None,
        description="Satu pelaksana, atau daftar untuk langkah yang dikerjakan bersama. "
        "Tidak ditulis bila baris memakai `simbol`.",
    )
    kelengkapan: SelTercetak | None = Field(
        None, description="Mutu baku: kelengkapan (atau sumber data); satu teks atau beberapa "
        "butir.")
    waktu: str | None = Field(None, description="Mutu baku: waktu, mis. `1 hari kerja`.")
    waktu_mencakup: int | None = Field(
        None,
        ge=2,
        description="Bila satu nilai waktu berlaku untuk beberapa langkah berurutan: jumlah "
        "langkah (termasuk ini). Langkah berikutnya tidak menulis `waktu`.",
    )
    output: SelTercetak | None = Field(
        None, description="Mutu baku: output; satu teks atau beberapa butir.")
    keterangan: SelTercetak | None = Field(
        None, description="Kolom keterangan; satu teks atau beberapa butir.")
    mulai: bool = Field(
        False, description="`true`: titik mulai tambahan (langkah pertama selalu mulai)."
    )
    selesai: bool = Field(False, description="`true`: prosedur berakhir setelah langkah ini.")
    lanjut: DaftarTujuan | None = Field(
        None,
        description="Langkah berikutnya bila bukan langkah di bawahnya; daftar untuk beberapa "
        "panah keluar.",
    )
    keputusan: KeputusanLangkah | None = None
    rapat: bool = Field(
        False,
        description="`true`: langkah bersama yang kotaknya dihubungkan garis tanpa panah "
        "(rapat); alur masuk dan keluar melalui kotak pelaksana pertama.",
    )
    simbol: Annotated[list[Simbol], Field(min_length=1)] | None = Field(
        None,
        description="Simbol-simbol baris ini satu per satu, dengan panahnya masing-masing "
        "(menggantikan pelaksana, lanjut, selesai, mulai dan keputusan baris).",
    )
    halaman_baru: Teks | None = Field(
        None,
        description="Di kertas baris ini mulai di halaman baru: teks penghubung antarhalaman "
        "(segi lima), mis. `A`. Diagram web tetap satu alur.",
    )


class Kolom(_Model):
    """The headings of the procedure table as printed (each optional: default heading)."""

    kegiatan: Teks | None = Field(
        None, description="Judul kolom kegiatan, mis. `Uraian` atau `Aktivitas`. Bawaan: "
        "`Kegiatan`.")
    pelaksana: Teks | None = Field(None, description="Bawaan: `Pelaksana`.")
    mutu_baku: Teks | None = Field(None, description="Bawaan: `Mutu Baku`.")
    kelengkapan: Teks | None = Field(
        None, description="Judul kolom masukan mutu baku, mis. `Sumber Data`. Bawaan: "
        "`Kelengkapan`.")
    waktu: Teks | None = Field(None, description="Bawaan: `Waktu`.")
    output: Teks | None = Field(None, description="Bawaan: `Output`.")
    keterangan: Teks | None = Field(
        None, description="Judul kolom keterangan, mis. `Ket`. Bawaan: `Keterangan`.")
    nomor: bool | None = Field(
        None, description="`true`: cetak nomor kolom (1) … (n) di bawah judul kolom, seperti "
        "di kertas (setiap kolom pelaksana dihitung satu kolom). Bawaan: `false`.")


class Prosedur(_Model):
    """A (sub-)procedure: its lanes and its ordered steps."""

    kode: Kode | None = Field(None, description="Wajib bila SOP punya lebih dari satu prosedur.")
    judul: Teks | None = Field(None, description="mis. `Inventarisasi IKU OPD`.")
    pelaksana: list[Teks] = Field(min_length=1, description="Kolom pelaksana, urut kiri ke kanan.")
    label_kelengkapan: Teks | None = Field(
        None, description="Sama dengan `kolom.kelengkapan` (bentuk lama): judul kolom masukan "
        "mutu baku, mis. `Sumber Data`. Jangan tulis keduanya."
    )
    kolom: Kolom | None = Field(
        None, description="Judul kolom tabel prosedur ini, bila berbeda dari `kolom` SOP."
    )
    langkah: list[Langkah] = Field(min_length=1)


class RujukanSop(_Model):
    """A keterkaitan written as a mapping: the text as written plus how to resolve it."""

    teks: Teks = Field(description="Teks seperti tertulis di SOP, mis. `SOP Penyusunan LAKIP`.")
    sop: Slug | None = Field(None, description="`id` SOP yang dirujuk.")
    judul: Teks | None = Field(
        None, description="Judul SOP yang dirujuk (dicocokkan dengan SOP dan daftar keputusan)."
    )
    eksternal: bool = Field(
        False,
        description="`true`: SOP unit/instansi lain yang tidak dimuat di situs ini "
        "(ditampilkan sebagai teks, tanpa peringatan).",
    )


class RujukanDokumen(_Model):
    """A keterkaitan to a document that is not an SOP (Renstra, Perjanjian Kinerja, …)."""

    dokumen: Teks = Field(
        description="Nama dokumen seperti tertulis, mis. `Rencana Strategis (Renstra) "
        "2020-2024`. Ditampilkan sebagai dokumen, tidak dicari di antara SOP."
    )
    keterangan: Teks | None = Field(None, description="Keterangan tambahan seperti tertulis.")


Status = Literal["draf", "berlaku", "dicabut"]
HasilEvaluasi = Literal["berjalan dengan baik", "kurang baik", "tidak berjalan"]


class Pencabutan(_Model):
    """When an SOP was revoked and what replaces it."""

    tanggal: Teks = Field(description="Tanggal pencabutan, mis. `2 Januari 2025`.")
    diganti_oleh: Slug | None = Field(None, description="`id` SOP pengganti, bila ada.")
    dasar: Teks | None = Field(
        None, description="Dasar pencabutan, mis. nomor keputusan yang mencabutnya."
    )


class Evaluasi(_Model):
    """One monitoring or evaluation of how the SOP runs."""

    tanggal: Teks = Field(description="Tanggal monitoring/evaluasi, mis. `15-01-2025`.")
    jenis: Literal["monitoring", "evaluasi"] = Field(
        "evaluasi", description="`monitoring` (tiap 6 bulan) atau `evaluasi` (paling lambat "
        "tiap tahun). Bawaan: `evaluasi`."
    )
    hasil: HasilEvaluasi = Field(
        description="`berjalan dengan baik`, `kurang baik` atau `tidak berjalan`."
    )
    catatan: Teks | None = Field(None, description="Catatan atau tindak lanjut.")


class Sop(_Model):
    """One SOP: the identity sheet and its procedures."""

    id: SopId = Field(description="Pengenal tetap; menjadi alamat halaman `/sop/<id>/`.")
    unit: Slug = Field(description="`id` unit pemilik SOP (lihat `unit.yml`).")
    nomor: str = Field(description="Nomor SOP persis seperti tertulis; boleh kosong.")
    nama: Teks = Field(description="Nama SOP.")
    tanggal_pembuatan: Teks
    tanggal_revisi: Teks = Field(description="mis. `01/13-03-2018` (revisi ke/tanggal) atau `-`.")
    tanggal_efektif: Teks | None = None
    tanggal_pengesahan: Teks | None = Field(
        None, description="Gunakan bila dokumen menulis Tanggal Pengesahan, bukan Tanggal Efektif."
    )
    disahkan_oleh: Pejabat
    dasar_hukum: DaftarTercetak
    kualifikasi_pelaksana: DaftarTercetak
    keterkaitan: Teks | list[Teks | RujukanSop | RujukanDokumen] = Field(
        description="SOP terkait: teks (judul atau `id`), {teks, sop/judul}, atau "
        "{dokumen} untuk dokumen yang bukan SOP. `-` bila tidak ada."
    )
    peralatan: DaftarTercetak
    peringatan: DaftarTercetak
    pencatatan: DaftarTercetak
    kolom: Kolom | None = Field(
        None, description="Judul kolom tabel prosedur seperti tercetak (Uraian, Sumber Data, "
        "Ket, …) dan nomor kolom; berlaku untuk setiap prosedur."
    )
    prosedur: list[Prosedur] = Field(min_length=1)
    status: Status = Field(
        "berlaku",
        description="`draf` (hanya dibangun bila situs meminta pratinjau draf), `berlaku` "
        "(bawaan) atau `dicabut` (tulis juga `dicabut`).",
    )
    dicabut: Pencabutan | None = Field(
        None, description="Untuk `status: dicabut`: tanggal dan SOP penggantinya."
    )
    perubahan: DaftarTercetak | None = Field(
        None, description="Apa yang diubah pada revisi ini, dengan kata-kata penyusun."
    )
    evaluasi: list[Evaluasi] | None = Field(
        None, description="Hasil monitoring dan evaluasi pelaksanaan SOP, urut waktu."
    )
    jumlah_waktu: bool = Field(
        True,
        description="`false`: baris \"Jumlah waktu\" (dihitung situs dari kolom Waktu) "
        "tidak dicetak di bawah tabel prosedur SOP ini. Bawaan: `true`.",
    )

    @property
    def tanggal_berlaku(self) -> str:
        """Tanggal Efektif, or Tanggal Pengesahan where the SOP writes that instead."""
        return self.tanggal_efektif or self.tanggal_pengesahan or ""


FILE_MODELS: dict[str, type[_Model]] = {
    "sop": Sop, "unit": UnitFile, "keputusan": Keputusan, "situs": Situs}
"""Each kind of file and its model (one JSON Schema each). An earlier revision of an
SOP (`<id>.revisi/NN.yml`) is an SOP file too (kind `revisi`, model `Sop`)."""

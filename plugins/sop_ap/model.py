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
        raise ValueError("must not be empty")
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
TeksAtauDaftar = Annotated[
    Teks | list[Teks],
    Field(description="Satu teks, atau daftar teks (satu butir per baris). Tulis `-` bila kosong."),
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


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


class Pejabat(_Model):
    """The official who signs (jabatan, nama, pangkat, NIP)."""

    jabatan: Teks
    nama: Teks
    pangkat: Teks | None = None
    nip: Teks | None = Field(
        None, description="NIP persis seperti tertulis, mis. `19590109 198712 1 002`."
    )
    elektronik: bool = Field(False, description="`true` bila ditandatangani secara elektronik.")


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
    kelengkapan: str | None = Field(None, description="Mutu baku: kelengkapan (atau sumber data).")
    waktu: str | None = Field(None, description="Mutu baku: waktu, mis. `1 hari kerja`.")
    waktu_mencakup: int | None = Field(
        None,
        ge=2,
        description="Bila satu nilai waktu berlaku untuk beberapa langkah berurutan: jumlah "
        "langkah (termasuk ini). Langkah berikutnya tidak menulis `waktu`.",
    )
    output: str | None = Field(None, description="Mutu baku: output.")
    keterangan: str | None = Field(None, description="Kolom keterangan.")
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


class Prosedur(_Model):
    """A (sub-)procedure: its lanes and its ordered steps."""

    kode: Kode | None = Field(None, description="Wajib bila SOP punya lebih dari satu prosedur.")
    judul: Teks | None = Field(None, description="mis. `Inventarisasi IKU OPD`.")
    pelaksana: list[Teks] = Field(min_length=1, description="Kolom pelaksana, urut kiri ke kanan.")
    label_kelengkapan: Teks = Field(
        "Kelengkapan", description="Judul kolom masukan mutu baku, mis. `Sumber Data`."
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
    dasar_hukum: TeksAtauDaftar
    kualifikasi_pelaksana: TeksAtauDaftar
    keterkaitan: Teks | list[Teks | RujukanSop] = Field(
        description="SOP terkait: teks (judul atau `id`) atau {teks, sop/judul}. "
        "`-` bila tidak ada."
    )
    peralatan: TeksAtauDaftar = Field(description="Peralatan/perlengkapan.")
    peringatan: TeksAtauDaftar
    pencatatan: TeksAtauDaftar = Field(description="Pencatatan dan pendataan.")
    prosedur: list[Prosedur] = Field(min_length=1)
    status: Status = Field(
        "berlaku",
        description="`draf` (hanya dibangun bila situs meminta pratinjau draf), `berlaku` "
        "(bawaan) atau `dicabut` (tulis juga `dicabut`).",
    )
    dicabut: Pencabutan | None = Field(
        None, description="Untuk `status: dicabut`: tanggal dan SOP penggantinya."
    )
    perubahan: TeksAtauDaftar | None = Field(
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

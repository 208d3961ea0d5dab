"""`katalog.json`: the catalog as data for other systems (SOP identity, dates parsed,
and the public URL of every SOP, procedure and step, as `urls.SiteUrls` makes them)."""

from __future__ import annotations

import json

from . import anchors, flow
from .catalog import Catalog, Rujukan
from .daftar import Daftar, Nilai, daftar
from .kolom import judul_kolom
from .model import Prosedur, Sop
from .tanggal import parse_tanggal
from .urls import SiteUrls

DAFTAR = ("dasar_hukum", "kualifikasi_pelaksana", "peralatan", "peringatan", "pencatatan")


def katalog_json(catalog: Catalog, site: SiteUrls) -> str:
    sops = []
    for sop in catalog.sops.values():
        url = site.sop(sop.id)
        history = catalog.history(sop.id)
        efektif = sop.tanggal_berlaku
        sops.append(
            {
                "id": sop.id,
                "nomor": sop.nomor,
                "nama": sop.nama,
                "unit": {"id": sop.unit, "nama": catalog.units[sop.unit].nama},
                "tanggal_pembuatan": _date_json(sop.tanggal_pembuatan),
                "tanggal_revisi": _date_json(sop.tanggal_revisi),
                "tanggal_efektif": _date_json(efektif),
                "url": url,
                "status": _status_json(catalog, sop.id, site),
                "revisi": {"nomor": history[-1].label, "url": site.sop_revision(sop.id,
                                                                             history[-1].nomor)},
                "riwayat_revisi": [
                    {
                        "nomor": r.label,
                        "tanggal_revisi": _date_json(r.sop.tanggal_revisi),
                        "perubahan": daftar(r.sop.perubahan).teks,
                        "perubahan_tercetak": _butir(daftar(r.sop.perubahan)),
                        "url": site.sop_revision(sop.id, r.nomor),
                        "berlaku": r is history[-1],
                    }
                    for r in history
                ],
                "daftar": {name: _butir(daftar(getattr(sop, name))) for name in DAFTAR},
                "keterkaitan": [_rujukan_json(r, site) for r in catalog.keterkaitan_of(sop)],
                "prosedur": [
                    {
                        "kode": p.kode,
                        "judul": p.judul,
                        "kolom": _kolom_json(sop, p),
                        "url": f"{url}#{anchors.procedure_anchor(sop, p)}",
                        "langkah": [
                            {
                                "no": s.no,
                                "kegiatan": s.kegiatan,
                                "pelaksana": flow.step_lanes(s),
                                "mutu_baku": _mutu_baku_json(s.kelengkapan, s.waktu, s.output,
                                                             s.keterangan),
                                "url": f"{url}#{anchors.step_anchor(sop, p, s.no)}",
                            }
                            for s in p.langkah
                        ],
                    }
                    for p in sop.prosedur
                ],
            }
        )
    # Compact: json's fast C encoder is used only without `indent`.
    return json.dumps({"versi": 1, "sop": sops}, ensure_ascii=False, separators=(",", ":")) + "\n"


def _butir(found: Daftar) -> list[dict[str, str]]:
    """A printed list: each item with the marker the page prints (`""`: none)."""
    return [{"tanda": b.tanda, "teks": b.teks} for b in found.butir] if not found.kosong else []


def _mutu_baku_json(kelengkapan: Nilai | None, waktu: str | None, output: Nilai | None,
                    keterangan: Nilai | None) -> dict[str, object]:
    """A step's mutu baku cells under their field names (the headings are the
    procedure's `kolom`); a cell with several items is a list."""
    def cell(value: Nilai | None) -> object:
        found = daftar(value)
        if found.bentuk in ("teks", "kosong"):
            return found.butir[0].teks if found.butir else None
        return _butir(found)

    return {"kelengkapan": cell(kelengkapan), "waktu": waktu, "output": cell(output),
            "keterangan": cell(keterangan)}


def _kolom_json(sop: Sop, proc: Prosedur) -> dict[str, object]:
    k = judul_kolom(sop, proc)
    return {"kegiatan": k.kegiatan, "pelaksana": k.pelaksana, "mutu_baku": k.mutu_baku,
            "kelengkapan": k.kelengkapan, "waktu": k.waktu, "output": k.output,
            "keterangan": k.keterangan, "nomor": list(k.nomor)}


def _rujukan_json(ref: Rujukan, site: SiteUrls) -> dict[str, object]:
    """A keterkaitan: a document, an SOP on this site, an entry of a decree (no full
    text yet), another agency's SOP, or a text that matched nothing."""
    if ref.dokumen:
        return {"jenis": "dokumen", "teks": ref.teks, "keterangan": ref.keterangan}
    if ref.sop_id is not None:
        return {"jenis": "sop", "teks": ref.teks, "id": ref.sop_id, "url": site.sop(ref.sop_id)}
    if ref.entry is not None:
        return {"jenis": "daftar_keputusan", "teks": ref.teks,
                "keputusan": ref.entry.keputusan.id, "urutan": ref.entry.position}
    return {"jenis": "eksternal" if ref.eksternal else "teks", "teks": ref.teks}


def _date_json(text: str) -> dict[str, str | None]:
    parsed = parse_tanggal(text)
    return {"teks": text, "iso": parsed.iso, "revisi": parsed.revisi}


def _status_json(catalog: Catalog, sop_id: str, site: SiteUrls) -> dict[str, object]:
    state = catalog.status_of(sop_id)
    out: dict[str, object] = {"status": state.status}
    if state.dicabut:
        out["tanggal"] = _date_json(state.tanggal) if state.tanggal else None
        out["diganti_oleh"] = (
            {"id": state.diganti_oleh, "url": site.sop(state.diganti_oleh)}
            if state.diganti_oleh else None)
        out["dasar"] = state.dasar
    return out

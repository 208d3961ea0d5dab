"""`katalog.json`: the catalog as data for other systems (SOP identity, dates parsed,
and the public URL of every SOP, procedure and step, as `urls.SiteUrls` makes them)."""

from __future__ import annotations

import json

from . import anchors, flow
from .catalog import Catalog
from .model import as_list
from .tanggal import parse_tanggal
from .urls import SiteUrls


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
                        "perubahan": [] if r.sop.perubahan is None else as_list(r.sop.perubahan),
                        "url": site.sop_revision(sop.id, r.nomor),
                        "berlaku": r is history[-1],
                    }
                    for r in history
                ],
                "prosedur": [
                    {
                        "kode": p.kode,
                        "judul": p.judul,
                        "url": f"{url}#{anchors.procedure_anchor(sop, p)}",
                        "langkah": [
                            {
                                "no": s.no,
                                "kegiatan": s.kegiatan,
                                "pelaksana": flow.step_lanes(s),
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

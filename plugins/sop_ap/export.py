"""`katalog.json`: the catalog as data for other systems (SOP identity, dates parsed,
and the public URL of every SOP, procedure and step, as `urls.SiteUrls` makes them)."""

from __future__ import annotations

import json

from . import anchors, flow
from .catalog import Catalog
from .tanggal import parse_tanggal
from .urls import SiteUrls


def katalog_json(catalog: Catalog, site: SiteUrls) -> str:
    sops = []
    for sop in catalog.sops.values():
        url = site.sop(sop.id)
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

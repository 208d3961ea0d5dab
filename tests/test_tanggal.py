"""Dates as written, parsed where possible."""

from __future__ import annotations

import pytest
from sop_ap.tanggal import parse_tanggal


@pytest.mark.parametrize(
    ("text", "iso", "revisi", "panjang"),
    [
        ("13-03-2018", "2018-03-13", None, "13 Maret 2018"),
        ("01/13-03-2018", "2018-03-13", "01", "13 Maret 2018"),
        ("2 Juni 2025", "2025-06-02", None, "2 Juni 2025"),
        ("JUNI 2020", "2020-06", None, "Juni 2020"),
        ("16 Maret 2018", "2018-03-16", None, "16 Maret 2018"),
        ("2018-03-13", "2018-03-13", None, "13 Maret 2018"),
        ("13/03/2018", "2018-03-13", None, "13 Maret 2018"),
        ("2017", "2017", None, None),
        ("-", None, None, None),
        ("31-02-2020", None, None, None),
        ("kapan saja", None, None, None),
    ],
)
def test_parse(text: str, iso: str | None, revisi: str | None, panjang: str | None) -> None:
    parsed = parse_tanggal(text)
    assert parsed.teks == text
    assert (parsed.iso, parsed.revisi, parsed.panjang) == (iso, revisi, panjang)

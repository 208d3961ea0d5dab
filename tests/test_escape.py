"""Escaping for Markdown and HTML contexts."""

from __future__ import annotations

import markdown
import pytest
from sop_ap.escape import html_text, md_inline, slug


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list", "tables", "md_in_html"])


@pytest.mark.parametrize(
    "text",
    [
        "*tebal* _miring_ `kode`",
        "[tautan](javascript:alert(1))",
        "<script>alert(1)</script>",
        "# bukan judul",
        "- bukan daftar",
        "1. bukan daftar bernomor",
        "a | b | c",
        "{ #id .kelas }",
        "Kinerja & RB",
        "{{ 7*7 }} {% if x %}",
        "\\* garis miring terbalik",
    ],
)
def test_md_inline_shows_text_literally(text: str) -> None:
    html = render(f"- {md_inline(text)}")
    assert "<script" not in html and "<em>" not in html and "<strong>" not in html
    assert "<code>" not in html and "<a " not in html and "<h1" not in html
    import html as htmllib

    inner = html.removeprefix("<ul>\n<li>").removesuffix("</li>\n</ul>")
    assert htmllib.unescape(inner) == text


def test_md_inline_keeps_table_columns() -> None:
    html = render(f"| a | b |\n|---|---|\n| {md_inline('x | y')} | z |")
    assert html.count("<td>") == 2


def test_html_text_escapes_and_keeps_lines() -> None:
    assert str(html_text("a <b>\nc & d")) == "a &lt;b&gt;<br>\nc &amp; d"


def test_slug() -> None:
    assert slug("Kasubbag Kinerja & RB") == "kasubbag-kinerja-rb"
    assert slug("Kepala Dinas — Bagian Umum") == "kepala-dinas-bagian-umum"
    assert slug("中文") == "x"

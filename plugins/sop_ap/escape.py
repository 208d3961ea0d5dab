"""Escaping text from the data for Markdown and HTML.

HTML parts of a page are escaped by Jinja's autoescape. Text that goes into
Markdown (headings, list items, link texts) is written with HTML character
references for every character Markdown or its extensions could read as
syntax, so it shows literally whatever it contains.
"""

from __future__ import annotations

import html
import re
import unicodedata

from markupsafe import Markup, escape

_MD_SPECIAL = str.maketrans({
    ch: f"&#{ord(ch)};" for ch in "\\`*_{}[]()<>#+!|~^=:$\"'&"
})
_URL_SPECIAL = str.maketrans({
    ch: f"&#{ord(ch)};" for ch in "\\`*_{}[]()<>!|~^=$\"'&"
})
_BREAKS = re.compile("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")  # where str.splitlines breaks
_LEADING = re.compile(r"^(\s*)(-|\d(?=\d*[.)]))")


def md_inline(text: object) -> Markup:
    """One line of literal text for a Markdown inline context."""
    if isinstance(text, Markup):
        return text
    line = " ".join(str(text).split())
    out = line.translate(_MD_SPECIAL)
    # A leading "-", "1." or "1)" would start a list: escape its first character.
    out = _LEADING.sub(lambda m: m.group(1) + f"&#{ord(m.group(2))};", out)
    return Markup(out)


def md_url(text: object) -> Markup:
    """An address for inline Markdown (inside `<code>`): every character that Markdown
    could read as syntax becomes a character reference; `:`, `/`, `#`, `.` stay as written."""
    return Markup(str(text).translate(_URL_SPECIAL))


def html_text(text: object) -> Markup:
    """Text for an HTML context, keeping line breaks the author wrote."""
    text = str(text)
    if not _BREAKS.search(text):
        return escape(text)
    return Markup("<br>\n").join(escape(part) for part in text.splitlines())


def slug(text: str) -> str:
    """An ASCII anchor from a name (for index entries only, never for SOP URLs)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


def nav_title(text: str) -> str:
    """A nav or page title: Material prints titles without escaping, so escape them here."""
    return html.escape(" ".join(text.split()), quote=True)

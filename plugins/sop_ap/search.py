"""Site search with Pagefind: what is indexed, with which weight, and the indexing run.

Pages are marked through sop-ap's theme override (`theme/main.html`): an indexed page
carries `data-pagefind-body` (with its weight) and its metadata (`data-pagefind-meta`:
jenis, nomor, unit). Pages without it (the home page, 404) are not indexed. The SOP number
is repeated as hidden text with the highest weight, so a number or a fragment of it finds
its SOP first. Mermaid source is excluded by selector (`EXCLUDE`); navigation lies outside
the body.

After every build (also each `mkdocs serve` rebuild) `build_index` runs the Pagefind
binary from the pinned `pagefind[bin]` wheel over the built site. It writes `pagefind/`
into the site: an index split into chunks that the browser fetches on demand, plus
Pagefind's JS API, which `assets/sop-ap-search.js` drives.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import urls
from .catalog import Catalog

THEME_DIR = Path(__file__).parent / "theme"
OUTPUT = "pagefind"
LANGUAGE = "id"  # Snowball's Indonesian stemmer: "memverifikasi" finds "verifikasi"
# A page weight multiplies its words' weights (headings: h1 7 ... h6 2, text 1). The guide
# talks about SOPs in general: at 0.5 it still came before the step that "menyimpan berkas"
# names; at 0.1 it comes after the SOPs.
GUIDE_WEIGHT = 0.1
NUMBER_WEIGHT = 10.0  # Pagefind's maximum; headings are 7 (h1) to 1
# Not indexed inside an indexed page: the Mermaid source of the diagrams, the "#" of a
# step row, the citation block (a copy of the identity), permalinks.
# Index pages are found by their headings (a role, a regulation), not by the SOP lists
# under them: at 2,000 SOPs those lists are a million words on one page, every query
# matched them, and Pagefind's result data for that page took seconds to compute.
EXCLUDE = (".sop-diagram", ".mermaid", "[data-search-exclude]", ".sop-tautan-langkah",
           ".sop-kutipan", ".headerlink", ".sop-perbesar", "[data-sop-ap-indeks] ul")


class SearchError(Exception):
    """Indexing failed; the message says why and what to do."""


@dataclass(frozen=True)
class PageSearch:
    """How one page enters the index (read by `theme/main.html`)."""

    weight: float = 1.0
    meta: tuple[tuple[str, str], ...] = ()
    boosted: str = ""  # text indexed with NUMBER_WEIGHT (hidden on the page)
    index_page: bool = False  # only its headings and paragraphs are indexed (EXCLUDE)


@dataclass(frozen=True)
class IndexRun:
    pages: int
    seconds: float


def page_search(catalog: Catalog, generated: list[str], hand_written: list[str],
                home: str) -> dict[str, PageSearch]:
    """Indexed pages by source path: SOPs, units and indexes (all generated pages but the
    home page), and the hand-written pages (the guide) with a lower weight."""
    pages: dict[str, PageSearch] = {}
    for sop in catalog.sops.values():
        unit = catalog.units.get(sop.unit)
        nomor = " ".join(sop.nomor.split())
        meta = [("jenis", "SOP")]
        if nomor and nomor != "-":
            meta.append(("nomor", nomor))
        meta.append(("unit", unit.nama if unit else sop.unit))
        pages[urls.sop_page(sop.id)] = PageSearch(meta=tuple(meta), boosted=number_text(nomor))
    for unit in catalog.units_with_content():
        pages[urls.unit_page(unit.id)] = PageSearch(meta=(("jenis", "Unit"),))
    for path in generated:
        # Under sop/, only the current page of each SOP (above): an earlier revision's
        # page is kept for citations, not offered by search.
        if (path.endswith(".md") and path != home and path not in pages
                and not path.startswith(f"{urls.SOP_DIR}/")):
            pages[path] = PageSearch(meta=(("jenis", "Indeks"),), index_page=True)
    for path in hand_written:
        if path != home:
            pages[path] = PageSearch(weight=GUIDE_WEIGHT, meta=(("jenis", "Panduan"),))
    return pages


# Snowball's Indonesian stemmer removes meN-/peN- but cannot restore the first consonant
# they swallowed: "pengiriman" and "mengirimkan" become "irim", so "kirim" finds neither.
# (It restores s after meny-/peny- and p after mem-/pem- itself.) A dictionary-based
# stemmer (PySastrawi) knows the root; where it restores a swallowed k or t, an empty span
# right after the word carries the root in an attribute that Pagefind indexes: the match
# keeps its place (its step row), and the page's text is unchanged. Only these words: a
# root added to every word would let "tuju" (from "menyetujui") find "tujuan".
_PREFIXES = {"k": ("meng", "peng"), "t": ("men", "pen")}
# The word, and what follows it up to the next space ("mengirimkan," keeps its comma).
_WORD = re.compile(r"(?<![\w-])([mp]e[mn]g?y?[a-z]{3,})(?![\w-])(\S*)", re.IGNORECASE)
_TAGS = re.compile(r"(<(?:pre|code|script|style|h[1-6])\b.*?</(?:pre|code|script|style|h[1-6])>"
                   r"|<[^>]*>)", re.IGNORECASE | re.DOTALL)
_CANDIDATE = re.compile(r"[mp]e[mn]", re.IGNORECASE)


def swallowed_root(word: str, stem: Callable[[str], str]) -> str | None:
    """The root of `word` when its prefix swallowed the root's first letter, else None."""
    lower = word.lower()
    root = stem(lower)
    if len(root) < 3 or root == lower:
        return None
    for prefix in _PREFIXES.get(root[0], ()):
        if lower.startswith(prefix + root[1:]):
            return root
    return None


@functools.cache
def _sastrawi() -> Callable[[str], str]:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory  # type: ignore[import-untyped]

    return functools.cache(StemmerFactory().create_stemmer().stem)


def add_roots(html: str) -> str:
    """`html` with the swallowed-consonant roots added after their words (not inside pre,
    code, script, style or headings, nor inside tags)."""
    stem = _sastrawi()
    parts = _TAGS.split(html)  # odd items: tags and skipped elements, whole
    for i in range(0, len(parts), 2):
        if _CANDIDATE.search(parts[i]):
            parts[i] = _WORD.sub(lambda m: _with_root(m.group(1), m.group(2), stem), parts[i])
    return "".join(parts)


def _with_root(word: str, tail: str, stem: Callable[[str], str]) -> str:
    """The word and its tail, then the root's span: at the next space, so that text read
    with tags as spaces keeps its punctuation."""
    root = swallowed_root(word, stem)
    if not root:
        return word + tail
    return f'{word}{tail}<span data-pagefind-index-attrs="data-akar" data-akar="{root}"></span>'


def number_text(nomor: str) -> str:
    """The SOP number as indexed text: whole, and its parts ("065 SOP 417.112 06"), so
    both the number and a fragment of it match a word of the highest weight."""
    if not nomor or nomor == "-":
        return ""
    parts = [p for p in re.split(r"[\s/\\-]+", nomor) if p]
    return " ".join([nomor, *parts])


def executable() -> Path:
    try:
        import pagefind_bin  # type: ignore[import-untyped]

        return Path(pagefind_bin.get_executable())
    except (ImportError, FileNotFoundError) as exc:
        raise SearchError(
            f"sop-ap: Pagefind tidak ditemukan ({exc}): pasang dependensi yang terkunci "
            "(`pip install -r requirements.lock`, yang dijalankan oleh `python3 dev.py`)"
        ) from None


def build_index(site_dir: Path) -> IndexRun:
    """Index the built site into `site_dir/pagefind/` (replacing an older index)."""
    output = site_dir / OUTPUT
    if output.exists():
        shutil.rmtree(output)
    command = [str(executable()), "--site", str(site_dir), "--output-subdir", OUTPUT,
               "--force-language", LANGUAGE]
    for selector in EXCLUDE:
        command += ["--exclude-selectors", selector]
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SearchError(
            f"sop-ap: Pagefind gagal mengindeks {site_dir} (kode keluar {result.returncode}):\n"
            f"{(result.stderr or result.stdout).strip()[-2000:]}"
        )
    match = re.search(r"Indexed (\d+) pages?", result.stdout)
    pages = int(match.group(1)) if match else 0
    if pages == 0:
        raise SearchError(
            f"sop-ap: Pagefind tidak mengindeks satu halaman pun di {site_dir}: templat tema "
            "yang menandai halaman (data-pagefind-body) tidak terpasang; apakah "
            "`theme.custom_dir` mengganti main.html?"
        )
    return IndexRun(pages, seconds)

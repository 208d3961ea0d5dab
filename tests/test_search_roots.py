"""Hidden roots for the words whose first consonant Snowball's stemmer loses (search.py)."""

from __future__ import annotations

from sop_ap.search import add_roots, number_text, swallowed_root


def sastrawi(word: str) -> str:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer().stem(word)


def test_only_a_swallowed_consonant_gets_its_root() -> None:
    assert swallowed_root("pengiriman", sastrawi) == "kirim"
    assert swallowed_root("Mengirimkan", sastrawi) == "kirim"
    assert swallowed_root("menulis", sastrawi) == "tulis"
    # Snowball finds these itself, or the root would match unrelated words ("tujuan").
    assert swallowed_root("memakai", sastrawi) is None
    assert swallowed_root("Pemerintah", sastrawi) is None
    assert swallowed_root("menyusun", sastrawi) is None
    assert swallowed_root("menyetujui", sastrawi) is None
    assert swallowed_root("verifikasi", sastrawi) is None


def test_roots_go_after_their_words_in_text_only() -> None:
    html = ('<td>melakukan pengiriman, surat</td><pre class="mermaid"><code>pengiriman'
            '</code></pre><h2 id="pengiriman">Pengiriman</h2><a href="/pengiriman/">'
            'mengirimkan</a>')
    root = '<span data-pagefind-index-attrs="data-akar" data-akar="kirim"></span>'
    assert add_roots(html) == (
        f'<td>melakukan pengiriman,{root} surat</td>'
        '<pre class="mermaid"><code>pengiriman</code></pre><h2 id="pengiriman">Pengiriman'
        f'</h2><a href="/pengiriman/">mengirimkan{root}</a>'
    )


def test_number_text_has_the_number_and_its_parts() -> None:
    assert number_text("065/SOP/417.112/06") == "065/SOP/417.112/06 065 SOP 417.112 06"
    assert number_text("-") == ""

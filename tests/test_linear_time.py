"""Every regular expression applied to author text runs in linear time.

Each parser gets a short and a 20 times longer adversarial input; the long one
must take at most LIMIT times as long (linear: about 20; quadratic: about 400).
Best of several runs, so that a busy machine does not fail the test.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import Any

import pytest
from sop_ap import yamlsource
from sop_ap.catalog import normalise_title
from sop_ap.escape import html_text, md_inline, slug
from sop_ap.indexes import regulation_key
from sop_ap.loader import _guess_id
from sop_ap.pages import nav_title
from sop_ap.tanggal import parse_tanggal
from sop_ap.waktu import _normalisasi, parse_waktu

SHORT = 1_000
FACTOR = 20
LIMIT = 80  # ratio of times; quadratic growth would give about FACTOR ** 2 = 400


def _best(func: Callable[[Any], object], value: Any, runs: int = 5) -> float:
    """Best time of `runs`, with the cyclic GC paused: its full collections grow with
    everything alive (libyaml's nodes here), which is not what this test measures."""
    best = float("inf")
    gc.disable()
    try:
        for _ in range(runs):
            start = time.perf_counter()
            func(value)
            best = min(best, time.perf_counter() - start)
    finally:
        gc.enable()
    return best


def _yaml_error(text: str) -> object:
    return yamlsource.parse_text(text, "x.yml", [])


def _waktu(text: str) -> object:
    parse_waktu.cache_clear()
    return parse_waktu(text)


# (name, function, text made from a unit repeated n times)
CASES: list[tuple[str, Callable[[str], object], Callable[[int], str]]] = [
    ("waktu digits", _waktu, lambda n: "1" * n),
    ("waktu digits normalised", _normalisasi, lambda n: "1" * n),
    ("waktu digits then bracket", _normalisasi, lambda n: "1" * n + " ("),
    ("waktu ranges", _normalisasi, lambda n: "1-" * (n // 2)),
    ("waktu rates", _normalisasi, lambda n: "1 menit/" * (n // 8)),
    ("waktu fractions", _normalisasi, lambda n: "1/" * (n // 2) + "½"),
    ("waktu number words", _normalisasi, lambda n: "dua puluh " * (n // 10)),
    ("waktu prefixes", _waktu, lambda n: "± " * (n // 2)),
    ("waktu range separators", _waktu, lambda n: "1-" * (n // 2)),
    ("waktu sum before separators", _waktu, lambda n: "1 menit " * (n // 16) + "- " * (n // 4)),
    ("waktu rate separators", _waktu, lambda n: "1 menit/" * (n // 8)),
    ("tanggal revisi", parse_tanggal, lambda n: "1/" * (n // 2)),
    ("tanggal words", parse_tanggal, lambda n: "a" * n + " 2018x"),
    ("tanggal spaces", parse_tanggal, lambda n: "1" + " " * n + "x"),
    ("dasar hukum nomor", regulation_key, lambda n: "perda nomor " + "no" * (n // 2)),
    ("dasar hukum repeated nomor", regulation_key, lambda n: "perda " + "nomor " * (n // 6)),
    ("dasar hukum kinds", regulation_key, lambda n: "peraturan " * (n // 10) + "x"),
    ("dasar hukum year", regulation_key, lambda n: "uu no " + "1/" * (n // 2)),
    ("title", normalise_title, lambda n: "sop " * (n // 4)),
    ("title accents", normalise_title, lambda n: "é-" * (n // 2)),
    ("markdown escape", md_inline, lambda n: " 1" * (n // 2) + "."),
    ("markdown leading digits", md_inline, lambda n: "1" * n),
    ("html text", html_text, lambda n: "a\n" * (n // 2)),
    ("slug", slug, lambda n: "a-" * (n // 2)),
    ("nav title", nav_title, lambda n: "<a " * (n // 3)),
    ("id guess", lambda t: _guess_id(t.encode()), lambda n: "id: " + "a-" * (n // 2) + "!"),
    ("unclosed quote", _yaml_error, lambda n: "a: 'x\n" + "b: c: d\n" * (n // 8) + "- ]"),
    ("quoted value scan", yamlsource._unclosed_quote_before,
     lambda n: "\n".join(["a:a:" * 10] * (n // 40))),
]


def _run(func: Callable[..., object], text: str) -> object:
    if func is yamlsource._unclosed_quote_before:
        return func(text, text.count("\n") + 1)
    return func(text)


@pytest.mark.parametrize(("name", "func", "make"), CASES, ids=[c[0] for c in CASES])
def test_linear(name: str, func: Callable[[str], object], make: Callable[[int], str]) -> None:
    short, long = make(SHORT), make(SHORT * FACTOR)
    _run(func, short)  # warm caches (compiled patterns)
    ratio = _best(lambda t: _run(func, t), long) / max(_best(lambda t: _run(func, t), short),
                                                      1e-6)
    assert ratio < LIMIT, f"{name}: {FACTOR}x longer input took {ratio:.0f}x as long"

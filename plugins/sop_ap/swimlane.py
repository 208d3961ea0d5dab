"""A procedure as a Mermaid `swimlane-beta` diagram that reads like the SOP AP form.

One lane per pelaksana (in the procedure's order), one row per step in SOP
order, the official symbols: capsules for the first and last activities,
rectangles for processes, diamonds with labelled exits for decisions. All
text from the data is escaped with Mermaid entities, so the source contains
no `<`, `>`, `&`, `"` or backtick and can be embedded in HTML as is.
"""

from __future__ import annotations

import re

from . import flow
from .model import Prosedur

FRONT_MATTER = """---
config:
  swimlane:
    ignoreCrossLaneEdges: false
  flowchart:
    wrappingWidth: 200
    nodeSpacing: 20
    rankSpacing: 40
---"""

_ENTITY = {
    "#": "#35;",
    '"': "#quot;",
    "&": "#38;",
    "<": "#60;",
    ">": "#62;",
    "`": "#96;",
    "%": "#37;",
    "|": "#124;",
    "\\": "#92;",
}
_ENTITY_TABLE = str.maketrans(_ENTITY)
_LONG_WORD = re.compile(r"\S{25,}")
_ZWSP = "#8203;"


def escape_label(text: str) -> str:
    """Text for a quoted Mermaid label: entities for specials, no line breaks."""
    text = " ".join(text.split())
    escaped = text.translate(_ENTITY_TABLE)
    # Mermaid wraps on spaces only: give very long words break opportunities.
    return _LONG_WORD.sub(lambda m: _break_word(m.group(0)), escaped)


_LANE_TABLE = str.maketrans({"_": "#95;", "*": "#42;"})


def escape_lane(text: str) -> str:
    """A lane title: Mermaid's swimlane reads `*` and `_` in it as Markdown emphasis
    (`__proto__` printed as a bold "proto"), so they become entities too."""
    return escape_label(text).translate(_LANE_TABLE)


def _break_word(word: str) -> str:
    parts = re.findall(r"#\d+;|#quot;|.", word)
    out, run = [], 0
    for part in parts:
        out.append(part)
        run += 1
        if run >= 20:
            out.append(_ZWSP)
            run = 0
    return "".join(out)


def escape_plain(text: str) -> str:
    """Text for accTitle/accDescr lines: one line, no characters Mermaid reads as syntax."""
    text = " ".join(text.replace("&", " dan ").split())
    return " ".join(re.sub(r"[<>\"`{}#%|\\;]", " ", text).split()) or "-"


def node_id(result: flow.Flow, symbol: flow.Symbol, width: int) -> str:
    """Ids sort in SOP order (row, then the symbol's place in the row): Mermaid's swimlane
    layout breaks cycles by a DFS that starts from the nodes sorted as text, so loops are
    drawn as arrows going back up. They start with `a`: the layout adds a node for each
    edge label, `edge-label-…`, and a DFS started there first reversed the wrong arrows
    (a start capsule drawn below the steps that loop back to it)."""
    place = [s.index for s in result.in_row(symbol.row)].index(symbol.index)
    return f"a{symbol.row:0{width}d}{chr(ord('a') + place) if place < 26 else f'z{place}'}"


EMPTY_LANE = "zkosong"
"""Id prefix of the invisible point that keeps a lane with no symbol in its column."""

SELF_LOOP = "u"
"""Suffix of the junction point that carries an arrow back into its own symbol: Mermaid's
swimlane layout fails on an edge from a node to itself (a page error, no diagram)."""


def node_label(proc: Prosedur, symbol: flow.Symbol) -> str:
    """What a symbol prints: its own text or the kegiatan, after the step number."""
    if symbol.shape == "akhir":
        return "Selesai"
    if symbol.shape == "keputusan":
        return f"{symbol.no}. {symbol.text}" if symbol.text else ""
    text = symbol.text or proc.langkah[symbol.row].kegiatan
    return f"{symbol.no}. {text}"


def _render_node(result: flow.Flow, symbol: flow.Symbol, ident: str, label: str) -> str:
    quoted = f'"{escape_label(label)}"' if label else '" "'
    if symbol.shape == "keputusan":
        return f"{ident}{{{quoted}}}"
    if result.terminal(symbol):
        return f"{ident}([{quoted}])"
    return f"{ident}[{quoted}]"


def swimlane(proc: Prosedur, title: str, result: flow.Flow | None = None) -> str:
    """Mermaid source for one procedure. Deterministic: same data, same text."""
    result = flow.build(proc) if result is None else result
    width = max(3, len(str(len(proc.langkah))))
    ids = {s.index: node_id(result, s, width) for s in result.symbols}
    lines = [FRONT_MATTER, "swimlane-beta TB"]
    lines.append(f"  accTitle: {escape_plain(title)}")
    lines.append(f"  accDescr: {escape_plain(_description(proc, result))}")
    ordered = sorted(result.symbols, key=lambda s: ids[s.index])
    junctions: dict[int, str] = {}  # arrow position -> junction id (u1, u2 per symbol)
    for k, arrow in enumerate(result.arrows, 1):
        if arrow.source == arrow.target:
            count = sum(1 for j in junctions.values() if j.startswith(ids[arrow.source]))
            junctions[k] = f"{ids[arrow.source]}{SELF_LOOP}{count + 1}"
    for index, lane in enumerate(proc.pelaksana):
        lines.append(f'  subgraph L{index + 1}["{escape_lane(lane)}"]')
        for symbol in ordered:
            if symbol.lane != lane:
                continue
            label = node_label(proc, symbol)
            lines.append(f"    {_render_node(result, symbol, ids[symbol.index], label)}")
            lines += [f"    {j}@{{ shape: f-circ }}" for k, j in junctions.items()
                      if result.arrows[k - 1].source == symbol.index]
        if not any(symbol.lane == lane for symbol in ordered):
            # Mermaid puts a lane without nodes first: an invisible point keeps its place.
            # Its label (the lane's name, not shown) keeps the column as wide as its title.
            lines.append(f'    {EMPTY_LANE}{index + 1}["{escape_label(lane)}"]')
            lines.append(f"    style {EMPTY_LANE}{index + 1} fill:none,stroke:none,"
                         "color:transparent")
        lines.append("  end")
    for k, arrow in enumerate(result.arrows, 1):
        source, target = ids[arrow.source], ids[arrow.target]
        if k in junctions:
            label = f'|"{escape_label(arrow.label)}"|' if arrow.label else ""
            lines.append(f"  {source} --- {junctions[k]}")
            lines.append(f"  {junctions[k]} -->{label} {target}")
        elif arrow.line:
            continue  # a meeting: see _meetings
        elif arrow.label:
            lines.append(f'  {source} -->|"{escape_label(arrow.label)}"| {target}')
        else:
            lines.append(f"  {source} --> {target}")
    lines += _meetings(result, ids)
    return "\n".join(lines) + "\n"


MEETING = "%% sop-ap rapat:"
"""A meeting's boxes, for the page's swimlane-tidy.js, which joins them with plain lines
after Mermaid draws them. A plain-line edge would put each box in a row of its own (the
layout gives every edge a row), so the boxes get their entry's predecessors through
invisible links instead: they share its row, as on paper."""


def _meetings(result: flow.Flow, ids: dict[int, str]) -> list[str]:
    out: list[str] = []
    groups: dict[int, list[int]] = {}  # first box -> the meeting's boxes in column order
    for arrow in result.arrows:
        if arrow.line:
            chain = next((g for g in groups.values() if arrow.source in g), None)
            if chain is None:
                groups[arrow.source] = chain = [arrow.source]
            chain.append(arrow.target)
    for boxes in groups.values():
        entry = next(b for b in boxes if b not in result.followers)
        preds = [a.source for a in result.arrows
                 if a.target == entry and not a.line and a.source != entry]
        out += [f"  {ids[p]} ~~~ {ids[b]}" for b in boxes if b != entry for p in preds]
        out.append(f"  {MEETING} {' '.join(ids[b] for b in boxes)}")
    return out


def _description(proc: Prosedur, result: flow.Flow) -> str:
    decisions = sum(1 for s in result.symbols if s.shape == "keputusan")
    text = (
        f"{len(proc.langkah)} langkah dalam {len(proc.pelaksana)} kolom pelaksana "
        f"({', '.join(proc.pelaksana)}), {len(result.symbols)} simbol, "
        f"{sum(1 for a in result.arrows if not a.line)} panah"
    )
    if decisions:
        text += f", {decisions} keputusan"
    return text + ". Uraian lengkap ada pada tabel di bawah diagram."

"""A procedure as a Mermaid `swimlane-beta` diagram that reads like the SOP AP form.

One lane per pelaksana (in the procedure's order), one row per step in SOP
order, the official symbols: capsules for the first and last activities,
rectangles for processes, diamonds with labelled exits for decisions. All
text from the data is escaped with Mermaid entities, so the source contains
no `<`, `>`, `&`, `"` or backtick and can be embedded in HTML as is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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


@dataclass(frozen=True)
class _Node:
    id: str
    lane: int
    label: str
    shape: str  # "proses" | "terminator" | "keputusan"

    def render(self) -> str:
        label = f'"{self.label}"'
        if self.shape == "keputusan":
            return f"{self.id}{{{label}}}"
        if self.shape == "terminator":
            return f"{self.id}([{label}])"
        return f"{self.id}[{label}]"


def _node_id(proc: Prosedur, position: int, suffix: str) -> str:
    """Ids sort in SOP order (`position`: the step's place in the procedure): Mermaid
    breaks cycles by a DFS over ids sorted as text, so this keeps loops drawn as arrows
    going back up."""
    width = max(3, len(str(len(proc.langkah))))
    return f"n{position:0{width}d}{suffix}"


def _boxes(proc: Prosedur, position: int, terminal: bool) -> list[_Node]:
    step = proc.langkah[position]
    lanes = proc.pelaksana
    decision_only = step.keputusan is not None and not step.keputusan.setelah_proses
    nodes: list[_Node] = []
    if not decision_only:
        shape = "terminator" if terminal and step.keputusan is None else "proses"
        own = flow.lanes_of(step)
        for k, lane in enumerate(own):
            node_id = _node_id(proc, position, f"p{k + 1}")
            label = escape_label(f"{step.no}. {step.kegiatan}")
            nodes.append(_Node(node_id, lanes.index(lane), label, shape))
    if step.keputusan is not None:
        lane = flow.decision_lane(step) or flow.lanes_of(step)[0]
        label = escape_label(f"{step.no}. {step.keputusan.pertanyaan}")
        nodes.append(_Node(_node_id(proc, position, "q"), lanes.index(lane), label, "keputusan"))
    return nodes


def swimlane(proc: Prosedur, title: str) -> str:
    """Mermaid source for one procedure. Deterministic: same data, same text."""
    graph = flow.exits(proc)
    starts = set(flow.starts(proc))
    ends = set(flow.ends(proc, graph))
    boxes = {s.no: _boxes(proc, i, s.no in starts or s.no in ends)
             for i, s in enumerate(proc.langkah)}
    nodes: list[_Node] = [n for s in proc.langkah for n in boxes[s.no]]
    edges: list[str] = []
    for position, step in enumerate(proc.langkah):
        own = boxes[step.no]
        decision = [n for n in own if n.shape == "keputusan"]
        process = [n for n in own if n.shape != "keputusan"]
        if decision and process:
            edges += [f"{p.id} --> {decision[0].id}" for p in process]
        sources = decision or process
        for k, out in enumerate(graph[step.no]):
            if out.target is None:
                if not decision:
                    continue  # the step's own capsule is the end
                end_id = _node_id(proc, position, f"t{k + 1}")
                end = _Node(end_id, decision[0].lane, "Selesai", "terminator")
                nodes.append(end)
                targets = [end]
            else:
                targets = _entries(boxes[out.target])
            arrow = f'-->|"{escape_label(out.label)}"|' if out.label else "-->"
            edges += [f"{s.id} {arrow} {t.id}" for s in sources for t in targets]
    lines = [FRONT_MATTER, "swimlane-beta TB"]
    lines.append(f"  accTitle: {escape_plain(title)}")
    lines.append(f"  accDescr: {escape_plain(_description(proc))}")
    for index, lane in enumerate(proc.pelaksana):
        lines.append(f'  subgraph L{index + 1}["{escape_label(lane)}"]')
        lines += [f"    {n.render()}" for n in nodes if n.lane == index]
        lines.append("  end")
    lines += [f"  {edge}" for edge in edges]
    return "\n".join(lines) + "\n"


def _entries(nodes: list[_Node]) -> list[_Node]:
    process = [n for n in nodes if n.shape != "keputusan"]
    return process or nodes


def _description(proc: Prosedur) -> str:
    decisions = sum(1 for s in proc.langkah if s.keputusan is not None)
    text = (
        f"{len(proc.langkah)} langkah dalam {len(proc.pelaksana)} kolom pelaksana "
        f"({', '.join(proc.pelaksana)})"
    )
    if decisions:
        text += f", {decisions} keputusan"
    return text + ". Uraian lengkap ada pada tabel di bawah diagram."

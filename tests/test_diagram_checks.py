"""The diagram geometry checks: each on hand-made geometry, the extractor in a browser.

The unit tests build a small clean diagram (two lanes; a rectangle, a diamond and a
capsule; an arrow, a labelled arrow and a plain line), check that every check passes
on it, then break one thing at a time. The browser test draws a few swimlane sources
with the pinned Mermaid on a local page and asserts what the extractor finds.
"""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ARTIFACTS, ROOT
from diagram_checks import (
    CHECKS,
    EXTRACT_JS,
    Diagram,
    arrowheads_on_target,
    arrows,
    check_all,
    labels_clear,
    labels_on_edges,
    paths_clear_of_nodes,
    paths_inside_frame,
    paths_without_backtrack,
    rendered,
    text_inside_shapes,
)
from sop_ap.swimlane import FRONT_MATTER


def box(x: float, y: float, w: float, h: float) -> dict[str, float]:
    return {"x": x, "y": y, "w": w, "h": h}


def corners(b: dict[str, float]) -> list[list[float]]:
    return [[b["x"], b["y"]], [b["x"] + b["w"], b["y"]],
            [b["x"] + b["w"], b["y"] + b["h"]], [b["x"], b["y"] + b["h"]]]


def clean() -> Diagram:
    """Lanes at x 0-200 and 200-400; a rect `a`, a diamond `d` centred at (300, 170) with
    half-diagonal 50, a capsule `c` (radius 20, flat part x 60-140, y 300-340)."""
    return {
        "svg": True, "error": None, "id": "d1", "role": "swimlane", "scale": 1.0,
        "lanes": [{"id": "L1", "name": "Left", "body": box(0, 30, 200, 400), "title": None},
                  {"id": "L2", "name": "Right", "body": box(200, 30, 200, 400), "title": None}],
        "nodes": [
            {"id": "a", "kind": "rect", "bbox": box(50, 50, 100, 40),
             "outline": corners(box(50, 50, 100, 40)), "text": "A",
             "lines": [box(60, 60, 80, 19)]},
            {"id": "d", "kind": "diamond", "bbox": box(250, 120, 100, 100),
             "outline": [[300, 120], [350, 170], [300, 220], [250, 170]], "text": "D?",
             "lines": [box(275, 160, 50, 19)]},
            {"id": "c", "kind": "capsule", "bbox": box(40, 300, 120, 40), "outline": [],
             "text": "C", "lines": [box(55, 311, 90, 18)]},
        ],
        "edges": [
            {"id": "L_a_d_0", "from": "a", "to": "d", "label": None, "kind": "arrow",
             "arrow": True, "points": [[150, 70], [300, 70], [300, 120]],
             "path": [[150, 70], [300, 70], [300, 116]], "tip": [300, 120]},
            {"id": "L_d_c_0", "from": "d", "to": "c", "label": "Ya", "kind": "arrow",
             "arrow": True, "points": [[300, 220], [300, 260], [100, 260], [100, 300]],
             "path": [[300, 220], [300, 260], [100, 260], [100, 296]], "tip": [100, 300]},
            {"id": "L_a_c_0", "from": "a", "to": "c", "label": None, "kind": "line",
             "arrow": False, "points": [[60, 90], [60, 300]], "path": [[60, 90], [60, 300]],
             "tip": None},
        ],
        "edge_labels": [{"edge": "L_d_c_0", "text": "Ya", "bbox": box(190, 250, 20, 20)}],
    }


def node(g: Diagram, ident: str) -> Diagram:
    return next(n for n in g["nodes"] if n["id"] == ident)


def edge(g: Diagram, ident: str) -> Diagram:
    return next(e for e in g["edges"] if e["id"] == ident)


def test_every_check_passes_on_the_clean_diagram() -> None:
    g = clean()
    assert {name: check(g) for name, check in CHECKS.items()} == {name: [] for name in CHECKS}
    assert check_all(g) == []


def test_rendered() -> None:
    assert rendered({"svg": False, "error": "no svg drawn"}) == ["no svg drawn (no svg drawn)"]
    assert rendered({**clean(), "error": "Syntax error in text"}) == [
        "Mermaid drew an error: Syntax error in text"]
    assert rendered({**clean(), "nodes": []}) == ["the svg has no nodes"]
    assert check_all({"svg": False}) == ["rendered: no svg drawn (missing)"]


def test_arrows_are_the_edges_as_data() -> None:
    assert arrows(clean()) == {("a", "d", None, "arrow"), ("d", "c", "Ya", "arrow"),
                               ("a", "c", None, "line")}


def test_paths_inside_frame() -> None:
    g = clean()
    edge(g, "L_a_d_0")["path"].insert(1, [-20, 70])  # left of every lane
    edge(g, "L_d_c_0")["points"].insert(3, [100, 360])  # below the capsule, the lowest node
    assert paths_inside_frame(g) == [
        "edge a -> d: 1 point(s) outside the lanes, e.g. (-20.0, 70.0)",
        'edge d -> c "Ya": goes 20.0 px below the lowest node (y=340.0) at (100.0, 360.0)',
    ]
    edge(g, "L_a_d_0")["kind"] = "invisible"  # a `~~~` link is not drawn: not checked
    assert len(paths_inside_frame(g)) == 1
    g = clean()
    edge(g, "L_a_d_0")["path"][0] = [150, 341.5]  # within the tolerance
    assert paths_inside_frame(g) == []


def test_labels_clear() -> None:
    g = clean()
    g["edge_labels"].append({"edge": "L_a_d_0", "text": "Over", "bbox": box(195, 255, 20, 20)})
    g["edge_labels"].append({"edge": "L_a_d_0", "text": "Box", "bbox": box(140, 80, 20, 20)})
    assert labels_clear(g) == ['label "Ya" overlaps label "Over"', 'label "Box" overlaps node a']


def test_labels_clear_uses_the_shapes_not_their_boxes() -> None:
    g = clean()
    g["edge_labels"] = [  # in the corners of the diamond's and capsule's boxes, off the shapes
        {"edge": "L_a_d_0", "text": "corner", "bbox": box(252, 122, 10, 10)},
        {"edge": "L_d_c_0", "text": "cap", "bbox": box(40, 300, 4, 4)},
    ]
    assert labels_clear(g) == []
    g["edge_labels"][0]["bbox"] = box(270, 140, 10, 10)  # corner (280, 150) is inside
    g["edge_labels"][1]["bbox"] = box(40, 300, 10, 10)  # corner (50, 310) is inside the cap
    assert labels_clear(g) == ['label "corner" overlaps node d', 'label "cap" overlaps node c']


def test_arrowheads_on_target() -> None:
    g = clean()
    edge(g, "L_a_d_0")["tip"] = [300, 110]  # stops 10 px short
    edge(g, "L_d_c_0")["tip"] = [100, 320]  # reaches into the capsule
    assert arrowheads_on_target(g) == [
        "edge a -> d: tip (300.0, 110.0) is 10.0 px away from the outline of diamond d",
        'edge d -> c "Ya": tip (100.0, 320.0) is 20.0 px inside the outline of capsule c',
    ]


def test_arrowheads_on_target_at_the_box_corner_of_a_round_or_slanted_shape() -> None:
    g = clean()
    edge(g, "L_a_d_0")["tip"] = [250, 120]  # the diamond's box corner, off its polygon
    edge(g, "L_d_c_0")["tip"] = [160, 335]  # the capsule's box, beside its round end
    problems = arrowheads_on_target(g)
    assert [p.split(" is ")[0] for p in problems] == [
        "edge a -> d: tip (250.0, 120.0)", 'edge d -> c "Ya": tip (160.0, 335.0)']
    edge(g, "L_d_c_0")["tip"] = [160, 320]  # the end of the capsule's long axis: on it
    edge(g, "L_a_d_0")["tip"] = [275, 146]  # on the diamond's upper-left side, 1 px off
    assert arrowheads_on_target(g) == []
    edge(g, "L_a_c_0")["tip"] = [0, 0]  # a plain line has no arrowhead to check
    assert arrowheads_on_target(g) == []


def test_text_inside_shapes() -> None:
    g = clean()
    node(g, "d")["lines"] = [box(255, 160, 90, 19)]  # corner (255, 160): 3.5 px outside
    node(g, "c")["lines"] = [box(42, 304, 110, 19)]  # top-left corner in the round end
    problems = text_inside_shapes(g)
    assert [p.split(" is ")[0] for p in problems] == [
        "diamond d: text line 1 corner (255.0, 160.0)", "capsule c: text line 1 corner (42.0, 304.0)"]
    node(g, "d")["lines"] = [box(262, 161, 76, 18)]  # (|dx| + |dy|) = 38 + 9 < 50: inside
    node(g, "c")["lines"] = [box(45, 310, 110, 20)]  # corner (45, 310) 1.0 px outside r=20
    assert text_inside_shapes(g) == []


def test_labels_on_edges() -> None:
    g = clean()
    g["edge_labels"][0]["bbox"] = box(220, 200, 20, 20)  # 40 px above the segment at y=260
    assert labels_on_edges(g) == ['label "Ya" is 40.0 px away from its edge d -> c "Ya"']
    g["edge_labels"][0]["edge"] = "L_x_y_0"
    assert labels_on_edges(g) == ['label "Ya" belongs to no edge']


def test_paths_without_backtrack() -> None:
    g = clean()
    edge(g, "L_a_c_0")["points"] = [[60, 90], [60, 280], [60, 200], [60, 300]]
    assert paths_without_backtrack(g) == [
        "edge a -> c: turns back at (60.0, 280.0) (retraces 80.0 px)",
        "edge a -> c: turns back at (60.0, 200.0) (retraces 80.0 px)"]
    edge(g, "L_a_c_0")["points"] = [[60, 90], [60, 200], [60, 200.5], [80, 200], [80, 300]]
    assert paths_without_backtrack(g) == []  # a sub-pixel step and a right-angle turn


def test_paths_clear_of_nodes() -> None:
    g = clean()
    edge(g, "L_a_c_0")["path"] = [[60, 90], [60, 200], [100, 200], [100, 320]]  # through c
    assert paths_clear_of_nodes(g) == []  # c is the line's own end
    edge(g, "L_a_d_0")["path"] = [[150, 70], [100, 70], [100, 300], [300, 300], [300, 120]]
    assert paths_clear_of_nodes(g) == []  # along c's flat top: touching is not crossing
    edge(g, "L_a_d_0")["path"] = [[150, 70], [100, 70], [100, 360], [300, 360], [300, 120]]
    assert paths_clear_of_nodes(g) == ["edge a -> d: crosses node c at (100.0, 304.0)"]


def test_check_all_names_the_check() -> None:
    g = clean()
    node(g, "d")["lines"] = [box(250, 160, 100, 19)]
    assert [p.split(":")[0] for p in check_all(g)] == ["text_inside_shapes"]


# --- the extractor in a browser ------------------------------------------------------

MERMAID = ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"

# Each source goes into its own container; all but the first inside an open shadow root of a
# div.mermaid, as Material for MkDocs draws them (with the shadow roots forced open).
PAGE = """<!doctype html><html><head><meta charset="utf-8">
<script src="mermaid.min.js"></script></head><body><main></main><script>
mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});
window.drawAll = async (sources) => {
  const out = [];
  for (const [i, src] of sources.entries()) {
    const host = document.createElement('div');
    host.id = 'host' + i;
    document.querySelector('main').append(host);
    let root = host;
    if (i > 0) { host.className = 'mermaid'; root = host.attachShadow({mode: 'open'}); }
    try {
      const {svg} = await mermaid.render('g' + i, src);
      root.innerHTML = svg;
      out.push(null);
    } catch (e) {
      out.push(String(e && e.message || e));
    }
  }
  return out;
};
</script></body></html>
"""

HEADER = FRONT_MATTER + "\nswimlane-beta TB\n"  # as the site's diagrams start

LABELLED = HEADER + """  subgraph A["Lane A"]
    a["Start step"]
    c{"Ok?"}
  end
  subgraph B["Lane B"]
    b(["Capsule step"])
  end
  a --- b
  b --> c
  c -->|"Yes"| a
"""

# p and q share a rank; s (rightmost lane) goes to r (leftmost lane), one rank down.
CROSS = HEADER + """  subgraph L1["Left"]
    p["P one"]
    r["R three"]
  end
  subgraph L2["Middle"]
    q["Q two"]
  end
  subgraph L3["Right"]
    s["S right"]
  end
  p --> q
  q --> s
  s e1@--> r
  p ~~~ r
  linkStyle 0 stroke:none
"""

SELF_LOOP = HEADER + """  subgraph A["Lane A"]
    a["Start"]
    b["Next"]
  end
  a --> b
  b --> b
"""

BROKEN = HEADER + """  subgraph A["Lane A"]
    a["Start"
  end
"""


@pytest.fixture(scope="module")
def page_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("diagram_checks")
    (folder / "index.html").write_text(PAGE, encoding="utf-8")
    shutil.copy(MERMAID, folder / "mermaid.min.js")
    return folder


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def page_url(page_dir: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(page_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/index.html"
    server.shutdown()
    server.server_close()


def by_id(items: list[Diagram]) -> dict[str, Diagram]:
    return {item["id"]: item for item in items}


@pytest.mark.browser
def test_extractor_reads_drawn_swimlanes(browser: Any, page_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(page_url)
        errors = page.evaluate("s => drawAll(s)", [LABELLED, CROSS, SELF_LOOP, BROKEN])
        geoms = page.evaluate(EXTRACT_JS)
        one = page.evaluate(EXTRACT_JS, page.query_selector("#host0 svg"))
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        for i in range(2):
            page.locator(f"#host{i} svg").screenshot(path=ARTIFACTS / f"diagram_checks_{i}.png")
        (ARTIFACTS / "diagram_checks.json").write_text(json.dumps(geoms, indent=1))
    finally:
        context.close()

    # Mermaid 11.17.2's swimlane-beta cannot draw a self-loop: render throws
    # (insertEdge: "Cannot read properties of undefined (reading 'filter')").
    assert errors[:2] == [None, None]
    assert errors[2] is not None and "filter" in errors[2]
    assert errors[3] is not None and "Parse error" in errors[3]
    # One per container (the document's svg, then the div.mermaid shadow roots: the two
    # failed ones hold no svg), then the error drawing Mermaid leaves in the document
    # for a source it cannot parse.
    assert [g["svg"] for g in geoms] == [True, True, False, False, True]
    assert rendered(geoms[2]) == rendered(geoms[3]) == ["no svg drawn (no svg drawn)"]
    assert rendered(geoms[4]) == ["Mermaid drew an error: Syntax error in text "
                                  "mermaid version 11.17.2"]
    assert one == geoms[:1]

    labelled, cross = geoms[0], geoms[1]
    assert [lane["name"] for lane in sorted(labelled["lanes"], key=lambda la: la["body"]["x"])] == [
        "Lane A", "Lane B"]
    assert {n["id"]: n["kind"] for n in labelled["nodes"]} == {
        "a": "rect", "b": "capsule", "c": "diamond"}
    assert arrows(labelled) == {("a", "b", None, "line"), ("b", "c", None, "arrow"),
                                ("c", "a", "Yes", "arrow")}
    edges = by_id(labelled["edges"])
    assert edges["L_a_b_0"]["tip"] is None and edges["L_a_b_0"]["arrow"] is False
    assert [(lbl["edge"], lbl["text"]) for lbl in labelled["edge_labels"]] == [("L_c_a_0", "Yes")]
    for n in labelled["nodes"]:
        assert len(n["lines"]) == 1, n
        line, bbox = n["lines"][0], n["bbox"]
        assert 10 < line["h"] < 30 and line["w"] < bbox["w"], n  # a glyph line, not the box
    for e in labelled["edges"]:
        if e["tip"]:  # the computed tip is where Mermaid aimed: its last routing point
            assert abs(e["tip"][0] - e["points"][-1][0]) < 1, e
            assert abs(e["tip"][1] - e["points"][-1][1]) < 1, e

    assert {n["id"] for n in cross["nodes"]} == {"p", "q", "r", "s"}
    assert arrows(cross) == {("p", "q", None, "invisible"), ("q", "s", None, "arrow"),
                             ("s", "r", None, "arrow"), ("p", "r", None, "invisible")}
    assert by_id(cross["edges"])["e1"]["ends_from"] == "geometry"  # an edge with its own id
    lanes = sorted(cross["lanes"], key=lambda la: la["body"]["x"])
    s_to_r = by_id(cross["edges"])["e1"]
    x0, x1 = s_to_r["points"][0][0], s_to_r["points"][-1][0]
    assert lanes[2]["body"]["x"] < x0 and x1 < lanes[0]["body"]["x"] + lanes[0]["body"]["w"]

    # What the checks say on these two drawings (see the module's report).
    assert check_all(labelled) == []
    assert check_all(cross) == []

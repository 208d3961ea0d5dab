"""Flow between steps: defaults, explicit exits, and the structural checks."""

from __future__ import annotations

from typing import Any

from sop_ap import flow
from sop_ap.model import Prosedur


def proc(*steps: dict[str, Any], lanes: list[str] | None = None) -> Prosedur:
    base = {"kegiatan": "k", "pelaksana": "A"}
    return Prosedur.model_validate(
        {"kode": "X", "pelaksana": lanes or ["A", "B"], "langkah": [base | s for s in steps]}
    )


def messages(p: Prosedur) -> list[str]:
    return [f"{'.'.join(map(str, loc))}: {msg}" for loc, msg in flow.check(p)]


def test_plain_steps_follow_each_other_and_the_last_ends() -> None:
    p = proc({"no": 1}, {"no": 2}, {"no": 3})
    assert flow.exits(p) == {1: [flow.Exit(2)], 2: [flow.Exit(3)], 3: [flow.Exit(None)]}
    assert flow.starts(p) == [1] and flow.ends(p) == [3]
    assert messages(p) == []
    assert not flow.has_loop(p)


def test_decision_loop_parallel_and_extra_start() -> None:
    p = proc(
        {"no": 1},
        {"no": 2, "keputusan": {"pertanyaan": "OK?", "cabang": {"Ya": 3, "Tidak": 1}}},
        {"no": 3, "lanjut": [4, 5]},
        {"no": 4, "lanjut": 6},
        {"no": 5},
        {"no": 6, "selesai": True},
        {"no": 7, "mulai": True, "lanjut": 6},
    )
    assert flow.exits(p)[2] == [flow.Exit(3, "Ya"), flow.Exit(1, "Tidak")]
    assert flow.exits(p)[3] == [flow.Exit(4), flow.Exit(5)]
    assert flow.starts(p) == [1, 7] and flow.ends(p) == [6]
    assert flow.has_loop(p)
    assert messages(p) == []


def test_unknown_lanes_and_targets() -> None:
    p = proc(
        {"no": 1, "pelaksana": ["A", "C"]},
        {"no": 2, "lanjut": 9},
        {"no": 3, "keputusan": {"pertanyaan": "?", "pelaksana": "D", "cabang": {"a": 1, "b": 8}}},
    )
    assert messages(p) == [
        "langkah.0.pelaksana.1: 'C' is not a lane of procedure X (lanes: A, B)",
        "langkah.2.keputusan.pelaksana: 'D' is not a lane of procedure X (lanes: A, B)",
        "langkah.1.lanjut: step 9 does not exist (steps: 1, 2, 3)",
        "langkah.2.keputusan.cabang.b: step 8 does not exist (steps: 1, 2, 3)",
    ]


def test_unreachable_step() -> None:
    p = proc({"no": 1, "lanjut": 3}, {"no": 2}, {"no": 3})
    assert messages(p) == [
        "langkah.1: step 2 is unreachable: no step leads to it (add `lanjut`, a keputusan "
        "cabang, or `mulai: true`)"
    ]


def test_no_end_and_endless_loop() -> None:
    no_end = proc({"no": 1}, {"no": 2, "lanjut": 1})
    assert messages(no_end) == ["langkah: the procedure has no end: every step leads to another"]
    stuck = proc(
        {"no": 1, "keputusan": {"pertanyaan": "?", "cabang": {"a": 2, "b": 4}}},
        {"no": 2},
        {"no": 3, "lanjut": 2},
        {"no": 4},
    )
    assert messages(stuck) == ["langkah.1: steps 2, 3 loop forever: none of them leads to an end"]


def test_duplicates_and_conflicting_flags() -> None:
    p = proc(
        {"no": 1, "selesai": True, "lanjut": 2},
        {"no": 1},
        lanes=["A", "A"],
    )
    assert messages(p) == [
        "pelaksana.1: lane 'A' is listed twice",
        "langkah.1.no: step number 1 is used more than once",
        "langkah.0.selesai: write either selesai or lanjut, not both",
        "langkah.0.lanjut: step 2 does not exist (steps: 1, 1)",
    ]


def test_waktu_mencakup() -> None:
    ok = proc({"no": 1, "waktu": "1 hari", "waktu_mencakup": 2}, {"no": 2}, {"no": 3})
    assert messages(ok) == []
    bad = proc({"no": 1, "waktu": "1 hari", "waktu_mencakup": 3}, {"no": 2, "waktu": "1 jam"})
    assert messages(bad) == [
        "langkah.0.waktu_mencakup: covers 3 steps but only 2 remain",
        "langkah.1.waktu: this step's time is already given by waktu_mencakup of an earlier "
        "step; remove waktu here",
    ]

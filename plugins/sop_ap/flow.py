"""The flow between the steps of one procedure: exits, starts, ends, checks.

A plain step needs no flow information: it follows the previous one, and the
last step ends the procedure. `lanjut`, `selesai`, `mulai` and `keputusan`
express everything else (jumps, loops, parallel paths, several starts/ends).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .model import Langkah, Prosedur
from .yamlsource import PathKey

Issue = tuple[PathKey, str]
"""A problem inside a procedure: path relative to the procedure, and a message."""


@dataclass(frozen=True)
class Exit:
    """An arrow out of a step: to step `target`, or to the end when target is None."""

    target: int | None
    label: str | None = None


def _target(value: int | str) -> int | None:
    return None if value == "selesai" else int(value)


def step_exits(proc: Prosedur, index: int) -> list[Exit]:
    step = proc.langkah[index]
    if step.keputusan is not None:
        return [Exit(_target(t), label) for label, t in step.keputusan.cabang.items()]
    if step.lanjut is not None:
        targets = step.lanjut if isinstance(step.lanjut, list) else [step.lanjut]
        return [Exit(_target(t)) for t in targets]
    if step.selesai or index == len(proc.langkah) - 1:
        return [Exit(None)]
    return [Exit(proc.langkah[index + 1].no)]


def exits(proc: Prosedur) -> dict[int, list[Exit]]:
    return {step.no: step_exits(proc, i) for i, step in enumerate(proc.langkah)}


def starts(proc: Prosedur) -> list[int]:
    return [s.no for i, s in enumerate(proc.langkah) if i == 0 or s.mulai]


def ends(proc: Prosedur, graph: dict[int, list[Exit]] | None = None) -> list[int]:
    """Steps with an exit out of the procedure (`graph`: `exits(proc)`, if already known)."""
    graph = exits(proc) if graph is None else graph
    return [no for no, outs in graph.items() if any(e.target is None for e in outs)]


def has_loop(proc: Prosedur) -> bool:
    """True when some exit goes back to an earlier (or the same) step."""
    order = {s.no: i for i, s in enumerate(proc.langkah)}
    return any(
        e.target is not None and e.target in order and order[e.target] <= order[no]
        for no, outs in exits(proc).items()
        for e in outs
    )


def lanes_of(step: Langkah) -> list[str]:
    return step.daftar_pelaksana


def decision_lane(step: Langkah) -> str | None:
    if step.keputusan is None:
        return None
    return step.keputusan.pelaksana or lanes_of(step)[0]


def check(proc: Prosedur) -> list[Issue]:
    """Every structural problem of one procedure (model validation already passed)."""
    issues: list[Issue] = []
    issues += _check_lanes(proc)
    numbers = Counter(s.no for s in proc.langkah)
    seen: set[int] = set()
    for i, step in enumerate(proc.langkah):
        if step.no in seen:
            issues.append((("langkah", i, "no"), f"step number {step.no} is used more than once"))
        seen.add(step.no)
    issues += _check_step_flags(proc)
    issues += _check_waktu_mencakup(proc)
    target_issues = _check_targets(proc)
    issues += target_issues
    if not target_issues and not any(numbers[n] > 1 for n in numbers):
        issues += _check_reachability(proc)
    return issues


def _check_lanes(proc: Prosedur) -> list[Issue]:
    issues: list[Issue] = []
    seen: set[str] = set()
    for j, lane in enumerate(proc.pelaksana):
        if lane in seen:
            issues.append((("pelaksana", j), f"lane '{lane}' is listed twice"))
        seen.add(lane)
    listing = ", ".join(proc.pelaksana)
    where = f"procedure {proc.kode}" if proc.kode else "this procedure"
    for i, step in enumerate(proc.langkah):
        lanes = lanes_of(step)
        for j, lane in enumerate(lanes):
            if lane not in seen:
                loc: PathKey = ("langkah", i, "pelaksana")
                if isinstance(step.pelaksana, list):
                    loc = (*loc, j)
                issues.append((loc, f"'{lane}' is not a lane of {where} (lanes: {listing})"))
        if len(set(lanes)) != len(lanes):
            issues.append((("langkah", i, "pelaksana"), "a lane is listed twice in this step"))
        if step.keputusan and step.keputusan.pelaksana and step.keputusan.pelaksana not in seen:
            issues.append(
                (
                    ("langkah", i, "keputusan", "pelaksana"),
                    f"'{step.keputusan.pelaksana}' is not a lane of {where} "
                    f"(lanes: {listing})",
                )
            )
    return issues


def _check_step_flags(proc: Prosedur) -> list[Issue]:
    issues: list[Issue] = []
    for i, step in enumerate(proc.langkah):
        if step.keputusan is not None and step.lanjut is not None:
            issues.append(
                (("langkah", i, "lanjut"), "a step with a keputusan takes its exits from "
                 "keputusan.cabang; remove lanjut")
            )
        if step.keputusan is not None and step.selesai:
            issues.append(
                (("langkah", i, "selesai"), "a step with a keputusan ends through a cabang "
                 "that goes to 'selesai'; remove selesai")
            )
        if step.selesai and step.lanjut is not None:
            issues.append((("langkah", i, "selesai"), "write either selesai or lanjut, not both"))
    return issues


def _check_waktu_mencakup(proc: Prosedur) -> list[Issue]:
    issues: list[Issue] = []
    covered: set[int] = set()
    for i, step in enumerate(proc.langkah):
        if i in covered and step.waktu is not None:
            issues.append(
                (("langkah", i, "waktu"), "this step's time is already given by waktu_mencakup "
                 "of an earlier step; remove waktu here")
            )
        if step.waktu_mencakup is None:
            continue
        if step.waktu is None:
            issues.append((("langkah", i, "waktu_mencakup"), "waktu_mencakup needs a waktu"))
        last = i + step.waktu_mencakup - 1
        if last >= len(proc.langkah):
            issues.append(
                (("langkah", i, "waktu_mencakup"),
                 f"covers {step.waktu_mencakup} steps but only {len(proc.langkah) - i} remain")
            )
        covered.update(range(i + 1, min(last, len(proc.langkah) - 1) + 1))
    return issues


def _check_targets(proc: Prosedur) -> list[Issue]:
    issues: list[Issue] = []
    known = {s.no for s in proc.langkah}
    listing = ", ".join(str(s.no) for s in proc.langkah)
    for i, step in enumerate(proc.langkah):
        if step.keputusan is not None:
            for label, target in step.keputusan.cabang.items():
                if target != "selesai" and int(target) not in known:
                    issues.append(
                        (("langkah", i, "keputusan", "cabang", label),
                         f"step {target} does not exist (steps: {listing})")
                    )
        elif step.lanjut is not None:
            targets = step.lanjut if isinstance(step.lanjut, list) else [step.lanjut]
            for j, target in enumerate(targets):
                if target != "selesai" and int(target) not in known:
                    loc: PathKey = ("langkah", i, "lanjut")
                    if isinstance(step.lanjut, list):
                        loc = (*loc, j)
                    issues.append((loc, f"step {target} does not exist (steps: {listing})"))
    return issues


def _check_reachability(proc: Prosedur) -> list[Issue]:
    graph = exits(proc)
    index = {s.no: i for i, s in enumerate(proc.langkah)}
    reached = _reach(starts(proc), lambda n: [e.target for e in graph[n] if e.target is not None])
    issues: list[Issue] = []
    for step in proc.langkah:
        if step.no not in reached:
            issues.append(
                (("langkah", index[step.no]),
                 f"step {step.no} is unreachable: no step leads to it (add `lanjut`, a "
                 "keputusan cabang, or `mulai: true`)")
            )
    end_steps = ends(proc, graph)
    if not end_steps:
        issues.append((("langkah",), "the procedure has no end: every step leads to another"))
        return issues
    backwards: dict[int, list[int]] = {}
    for no, outs in graph.items():
        for e in outs:
            if e.target is not None:
                backwards.setdefault(e.target, []).append(no)
    finishing = _reach(end_steps, lambda n: backwards.get(n, []))
    stuck = [s.no for s in proc.langkah if s.no in reached and s.no not in finishing]
    if stuck:
        first = stuck[0]
        issues.append(
            (("langkah", index[first]),
             f"steps {', '.join(map(str, stuck))} loop forever: none of them leads to an end")
        )
    return issues


def _reach(seeds: list[int], successors) -> set[int]:  # type: ignore[no-untyped-def]
    seen: set[int] = set()
    todo = list(seeds)
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        todo.extend(successors(node))
    return seen

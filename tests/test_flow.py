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


def arrows(p: Prosedur) -> set[tuple[str, str, str | None, bool]]:
    return flow.build(p).named_arrows()


def test_plain_steps_follow_each_other_and_the_last_ends() -> None:
    p = proc({"no": 1}, {"no": 2}, {"no": 3})
    result = flow.build(p)
    assert arrows(p) == {("1:A:proses", "2:A:proses", None, False),
                         ("2:A:proses", "3:A:proses", None, False)}
    assert result.starts == {0} and result.ends == {2}
    assert [result.terminal(s) for s in result.symbols] == [True, False, True]
    assert messages(p) == []
    assert not flow.has_loop(result)


def test_decision_loop_fork_and_extra_start() -> None:
    p = proc(
        {"no": 1},
        {"no": 2, "keputusan": {"pertanyaan": "OK?", "cabang": {"Ya": 3, "Tidak": 1}}},
        {"no": 3, "lanjut": [4, 5]},
        {"no": 4, "lanjut": 6},
        {"no": 5},
        {"no": 6, "selesai": True},
        {"no": 7, "mulai": True, "lanjut": 6},
    )
    assert arrows(p) == {
        ("1:A:proses", "2:A:keputusan", None, False),
        ("2:A:keputusan", "3:A:proses", "Ya", False),
        ("2:A:keputusan", "1:A:proses", "Tidak", False),
        ("3:A:proses", "4:A:proses", None, False),
        ("3:A:proses", "5:A:proses", None, False),
        ("4:A:proses", "6:A:proses", None, False),
        ("5:A:proses", "6:A:proses", None, False),
        ("7:A:proses", "6:A:proses", None, False),
    }
    result = flow.build(p)
    assert {result.symbols[i].no for i in result.starts} == {1, 7}
    assert {result.symbols[i].no for i in result.ends} == {6}
    assert flow.has_loop(result)
    assert messages(p) == []


def test_joint_row_continues_lane_by_lane_and_converges() -> None:
    p = proc({"no": 1, "pelaksana": ["A", "B"]}, {"no": 2, "pelaksana": ["B", "A"]},
             {"no": 3, "pelaksana": "A"})
    assert arrows(p) == {
        ("1:A:proses", "2:A:proses", None, False), ("1:B:proses", "2:B:proses", None, False),
        ("2:A:proses", "3:A:proses", None, False), ("2:B:proses", "3:A:proses", None, False),
    }
    assert messages(p) == []


def test_joint_rows_in_other_lanes_are_never_wired_all_to_all() -> None:
    p = proc({"no": 1, "pelaksana": ["A", "B"]}, {"no": 2, "pelaksana": ["A", "C"]},
             lanes=["A", "B", "C"])
    assert messages(p) == [
        "langkah.0: langkah 1 mempunyai kotak di A, B yang berlanjut ke langkah 2, yang kotaknya di A, C: sebutkan kotak mana menuju ke mana (di bawah simbol, ke: {langkah: 2, pelaksana: …} untuk setiap kotak), atau tulis rapat: true bila langkah 1 adalah rapat yang keluar melalui satu kotak",
    ]
    assert not any(a[0] == "1:A:proses" and a[1] == "2:C:proses" for a in arrows(p))


def test_meeting_joins_boxes_by_lines_and_leaves_through_one() -> None:
    short = proc({"no": 1}, {"no": 2, "pelaksana": ["A", "B", "C"], "rapat": True}, {"no": 3},
                 lanes=["A", "B", "C"])
    assert arrows(short) == {
        ("1:A:proses", "2:A:proses", None, False), ("2:A:proses", "2:B:proses", None, True),
        ("2:B:proses", "2:C:proses", None, True), ("2:A:proses", "3:A:proses", None, False),
    }
    assert messages(short) == []
    explicit = proc(
        {"no": 1},
        {"no": 2, "pelaksana": None, "rapat": True,
         "simbol": [{"pelaksana": "A"}, {"pelaksana": "B", "ke": 3}]},
        {"no": 3, "pelaksana": "B"},
    )
    assert arrows(explicit) == {
        ("1:A:proses", "2:A:proses", None, False), ("2:A:proses", "2:B:proses", None, True),
        ("2:B:proses", "3:B:proses", None, False),
    }
    assert messages(explicit) == []


def test_symbols_with_own_text_targets_and_self_loop() -> None:
    p = proc(
        {"no": 1, "pelaksana": None, "simbol": [
            {"pelaksana": "A", "teks": "Loket", "mulai": True},
            {"pelaksana": "B", "teks": "Daring", "mulai": True}]},
        {"no": 2, "pelaksana": None, "simbol": [
            {"pelaksana": "A", "ke": {"langkah": 2, "pelaksana": "B"}},
            {"pelaksana": "B", "bentuk": "keputusan",
             "cabang": {"Ya": 3, "Tunggu": {"langkah": 2, "pelaksana": "B"}}}]},
        {"no": 3, "pelaksana": None, "simbol": [
            {"pelaksana": "B", "bentuk": "keputusan",
             "cabang": {"Ya": "selesai", "Tidak": {"langkah": 2, "pelaksana": "A"}}}]},
    )
    assert messages(p) == []
    result = flow.build(p)
    assert [s.text for s in result.symbols[:2]] == ["Loket", "Daring"]
    assert arrows(p) == {
        ("1:A:proses", "2:A:proses", None, False),
        ("1:B:proses", "2:A:proses", None, False),
        ("2:A:proses", "2:B:keputusan", None, False),
        ("2:B:keputusan", "2:B:keputusan", "Tunggu", False),
        ("2:B:keputusan", "3:B:keputusan", "Ya", False),
        ("3:B:keputusan", "3:B:akhir", "Ya", False),
        ("3:B:keputusan", "2:A:proses", "Tidak", False),
    }


def test_unknown_lanes_and_targets() -> None:
    p = proc(
        {"no": 1, "pelaksana": ["A", "C"]},
        {"no": 2, "lanjut": 9},
        {"no": 3, "keputusan": {"pertanyaan": "?", "pelaksana": "D", "cabang": {"a": 1, "b": 8}}},
        {"no": 4, "lanjut": {"langkah": 1, "pelaksana": "B"}},
    )
    assert messages(p) == [
        "langkah.0.pelaksana.1: 'C' bukan kolom pelaksana prosedur X (kolom pelaksana: A, B); betulkan ejaannya, atau tambahkan ke daftar pelaksana prosedur",
        "langkah.2.keputusan.pelaksana: 'D' bukan kolom pelaksana prosedur X (kolom pelaksana: A, B); betulkan ejaannya, atau tambahkan ke daftar pelaksana prosedur",
        "langkah.1.lanjut: langkah 9 tidak ada (langkah yang ada: 1, 2, 3, 4)",
        "langkah.2.keputusan.cabang.b: langkah 8 tidak ada (langkah yang ada: 1, 2, 3, 4)",
        "langkah.3.lanjut: langkah 1 tidak mempunyai simbol 'B' (simbolnya: A (proses); C (proses))",
    ]


def test_look_alike_lanes_are_shown_with_their_invisible_characters() -> None:
    p = proc({"no": 1, "pelaksana": "Kabag\u00a0Organisasi"}, {"no": 2, "pelaksana": "kabag"},
             lanes=["Kabag Organisasi", "Kabag"])
    assert messages(p) == [
        "langkah.0.pelaksana: 'Kabag<U+00A0>Organisasi' bukan kolom pelaksana prosedur X (kolom pelaksana: Kabag Organisasi, Kabag); maksudnya 'Kabag Organisasi'? (berbeda spasi atau huruf besar/kecil)",
        "langkah.1.pelaksana: 'kabag' bukan kolom pelaksana prosedur X (kolom pelaksana: Kabag Organisasi, Kabag); maksudnya 'Kabag'? (berbeda spasi atau huruf besar/kecil)",
    ]


def test_decisions_need_two_exits_and_rows_one_symbol_per_lane_and_shape() -> None:
    p = proc(
        {"no": 1, "pelaksana": None, "simbol": [
            {"pelaksana": "A", "bentuk": "keputusan", "cabang": {"Ya": 2}},
            {"pelaksana": "B"}, {"pelaksana": "B"}]},
        {"no": 2},
    )
    assert messages(p) == [
        "langkah.0.simbol.0.cabang: keputusan memerlukan paling sedikit dua jalur keluar (cabang), mis. {Ya: 4, Tidak: 2}",
        "langkah.0.simbol.2.pelaksana: pelaksana 'B' ditulis dua kali dalam langkah ini: satu baris hanya memuat satu kotak untuk setiap kolom pelaksana (pecah menjadi dua langkah bila di kertas ada dua)",
    ]


def test_unreachable_step() -> None:
    p = proc({"no": 1, "lanjut": 3}, {"no": 2}, {"no": 3})
    assert messages(p) == [
        "langkah.1: kotak 'A' di langkah 2 tidak terjangkau: tidak ada panah yang menujunya. Tambahkan panah ke sana dari langkah sebelumnya (lanjut, ke, atau cabang); hanya bila di kertas memang tergambar kapsul mulai kedua di sini, tulis mulai: true",
    ]


def test_no_end_and_endless_loop() -> None:
    no_end = proc({"no": 1}, {"no": 2, "lanjut": 1})
    assert messages(no_end) == [
        "langkah: prosedur ini tidak mempunyai akhir: setiap langkah menuju langkah lain (tambahkan selesai: true di langkah tempat prosedur berakhir, atau cabang menuju selesai)",
    ]
    stuck = proc(
        {"no": 1, "keputusan": {"pertanyaan": "?", "cabang": {"a": 2, "b": 4}}},
        {"no": 2},
        {"no": 3, "lanjut": 2},
        {"no": 4},
    )
    assert messages(stuck) == [
        "langkah.1: langkah 2, 3 berputar tanpa henti: tidak satu pun menuju akhir prosedur (tambahkan cabang atau lanjut ke langkah sesudahnya atau ke selesai)",
    ]


def test_duplicates_and_conflicting_flags() -> None:
    p = proc(
        {"no": 1, "selesai": True, "lanjut": 2},
        {"no": 1},
        lanes=["A", "A"],
    )
    assert messages(p) == [
        "pelaksana.1: kolom pelaksana 'A' ditulis dua kali: hapus salah satunya",
        "langkah.0.lanjut: langkah 2 tidak ada (langkah yang ada: 1, 1)",
        "langkah.1.no: nomor langkah 1 dipakai lebih dari sekali: beri nomor lain",
        "langkah.0.selesai: tulis salah satu saja, selesai atau lanjut, jangan keduanya",
    ]


def test_simbol_replaces_the_row_level_flow_fields() -> None:
    p = proc({"no": 1, "lanjut": 2, "mulai": True, "simbol": [{"pelaksana": "A"}]}, {"no": 2})
    assert messages(p) == [
        "langkah.0.pelaksana: langkah yang memakai simbol mengambil pelaksana dari simbolnya: hapus pelaksana di sini (tulis di dalam simbol)",
        "langkah.0.lanjut: langkah yang memakai simbol mengambil lanjut dari simbolnya: hapus lanjut di sini (tulis di dalam simbol)",
        "langkah.0.mulai: langkah yang memakai simbol menandai mulai pada simbolnya: hapus mulai di sini dan tulis `mulai: true` di dalam simbol",
    ]


def test_waktu_mencakup() -> None:
    ok = proc({"no": 1, "waktu": "1 hari", "waktu_mencakup": 2}, {"no": 2}, {"no": 3})
    assert messages(ok) == []
    bad = proc({"no": 1, "waktu": "1 hari", "waktu_mencakup": 3}, {"no": 2, "waktu": "1 jam"})
    assert messages(bad) == [
        "langkah.0.waktu_mencakup: mencakup 3 langkah, padahal hanya tersisa 2 langkah (langkah ini dan sesudahnya)",
        "langkah.1.waktu: waktu langkah ini sudah tercakup dalam waktu_mencakup langkah sebelumnya: hapus waktu di sini",
    ]

"""`mkdocs serve` survives bad edits: errors are shown, the last good site stays, a fix recovers."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers import BASE, SEED_SOP, PageWatch, line_of, make_project

pytestmark = pytest.mark.browser  # the banner is checked in the browser

SOP = f"sop_data/{SEED_SOP}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, TimeoutError, ConnectionError):
        return None


def wait_for(check: Callable[[], bool], what: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


class Server:
    def __init__(self, project: Path, log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = log
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict",
             "-a", f"127.0.0.1:{self.port}"],
            cwd=project,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )

    def page(self, path: str) -> str | None:
        return fetch(self.url + path)

    def errors(self) -> list[str] | None:
        text = self.page("assets/sop-ap/status.json")
        return None if text is None else json.loads(text)["errors"]

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:  # pragma: no cover
            self.process.kill()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[Server, Path]]:
    project = make_project(tmp_path, data=BASE)
    running = Server(project, tmp_path / "serve.log")
    try:
        wait_for(lambda: running.page("sop/penyusunan-iku/") is not None, "the first build")
        yield running, project
    finally:
        running.stop()


def test_edit_break_and_fix_without_restart(server: tuple[Server, Path], browser: object) -> None:
    running, project = server
    sop = project / SOP
    good = sop.read_text(encoding="utf-8")
    assert running.errors() == []
    # The server says where the site is, in Indonesian (before MkDocs' own lines).
    assert f"sop-ap: situs dapat dibuka di {running.url}\n" in running.output()

    # An edit shows up (a dirty rebuild re-renders the page).
    edited = good.replace("keterlambatan dalam penyelesaian", "keterlambatan SUNTINGAN-SATU")
    sop.write_text(edited, encoding="utf-8")
    wait_for(lambda: "SUNTINGAN-SATU" in (running.page("sop/penyusunan-iku/") or ""), "the edit")

    # A broken edit: the server keeps the last good page and reports the error.
    sop.write_text(edited.replace("peringatan: >-", "peringtan: >-"), encoding="utf-8")
    wait_for(lambda: bool(running.errors()), "the error in status.json")
    message = (f"{SOP}:{line_of(sop, 'peringtan: >-')}:1: peringtan: kolom 'peringtan' "
               "tidak dikenal (maksudnya 'peringatan'?)")
    assert message in running.errors()
    assert message in running.output()
    assert "Traceback" not in running.output()
    assert "SUNTINGAN-SATU" in (running.page("sop/penyusunan-iku/") or "")

    # ... and shows it on the page, as text.
    watch = PageWatch(browser, running.url)
    try:
        page = watch.open("sop/penyusunan-iku/")
        banner = page.locator("#sop-ap-galat")
        banner.wait_for(timeout=10000)
        assert message in banner.inner_text()
    finally:
        watch.close()

    # The fix recovers, without restarting the server.
    sop.write_text(good.replace("keterlambatan dalam penyelesaian", "keterlambatan SUNTINGAN-DUA"),
                   encoding="utf-8")
    wait_for(lambda: running.errors() == [], "the errors to clear")
    wait_for(lambda: "SUNTINGAN-DUA" in (running.page("sop/penyusunan-iku/") or ""), "the fix")
    assert running.process.poll() is None


def _second_sop(project: Path, sop_id: str, nama: str) -> Path:
    text = (project / SOP).read_text(encoding="utf-8")
    text = text.replace("id: penyusunan-iku", f"id: {sop_id}", 1).replace(
        "nama: Penyusunan Indikator Kinerja Utama (IKU) Pemerintah Kota", f"nama: {nama}", 1)
    target = project / "sop_data" / "organisasi" / f"{sop_id}.yml"
    target.write_text(text, encoding="utf-8")
    return target


def _everywhere(running: Server, text: str) -> list[str]:
    """The served pages that contain `text` (a URL: the files keep their names,
    `sop-kedua.yml`, which katalog.json need not show). Search is Pagefind's index,
    rebuilt after every build (test_search.py::test_an_edit_under_serve_is_found_after_reload)."""
    pages = ["", "sop/penyusunan-iku/", "unit/organisasi/", "indeks/pelaksana/",
             "indeks/dasar-hukum/", "panduan-penulisan/", "katalog.json"]
    return [p for p in pages if text in (running.page(p) or "")]


def test_removed_or_renamed_sop_disappears_from_every_page(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    second = _second_sop(project, "sop-kedua", "Pengelolaan Arsip KEDUA-LAMA")
    running = Server(project, tmp_path / "serve.log")
    try:
        wait_for(lambda: running.page("sop/sop-kedua/") is not None, "the first build")
        assert set(_everywhere(running, "sop-kedua/")) >= {
            "sop/penyusunan-iku/", "unit/organisasi/", "katalog.json"}

        # The id changes: the old URL is gone and no page links to it any more.
        second.write_text(second.read_text(encoding="utf-8").replace(
            "id: sop-kedua", "id: sop-ketiga", 1), encoding="utf-8")
        wait_for(lambda: running.page("sop/sop-ketiga/") is not None, "the renamed page")
        wait_for(lambda: running.page("sop/sop-kedua/") is None, "the old URL to 404")
        wait_for(lambda: _everywhere(running, "sop-kedua/") == [], "the old id to vanish")
        assert "sop-ketiga" in (running.page("sop/penyusunan-iku/") or "")  # its navigation

        # The file is deleted: its page, its title and its links are gone everywhere.
        second.unlink()
        wait_for(lambda: running.page("sop/sop-ketiga/") is None, "the deleted page to 404")
        wait_for(lambda: _everywhere(running, "KEDUA-LAMA") == [], "the title to vanish")
        assert _everywhere(running, "sop-ketiga/") == []
        assert running.page("sop/penyusunan-iku/") is not None
        assert "Traceback" not in running.output()
    finally:
        running.stop()


def test_serve_started_on_broken_data_shows_the_errors_and_waits(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    sop = project / SOP
    good = sop.read_text(encoding="utf-8")
    sop.write_text(good.replace("peringatan: >-", "peringtan: >-"), encoding="utf-8")
    running = Server(project, tmp_path / "serve.log")
    try:
        wait_for(lambda: bool(running.errors()), "the errors in status.json")
        message = ("sop_data/organisasi/penyusunan-iku.yml:53:1: peringtan: kolom 'peringtan' "
                   "tidak dikenal (maksudnya 'peringatan'?)")
        assert message in (running.errors() or [])
        assert message in running.output()
        assert "belum ada data yang valid" in running.output()
        assert running.page("sop/penyusunan-iku/") is None
        assert running.process.poll() is None  # still running, waiting for the fix

        sop.write_text(good, encoding="utf-8")
        wait_for(lambda: running.errors() == [], "the errors to clear")
        wait_for(lambda: running.page("sop/penyusunan-iku/") is not None, "the SOP page")
        assert "Penyusunan Indikator" in (running.page("panduan-penulisan/") or "")
        assert "Traceback" not in running.output()
    finally:
        running.stop()


@pytest.mark.parametrize(("old", "new", "full"), [
    ("keterlambatan dalam penyelesaian", "keterlambatan SUNTINGAN", False),
    ("        waktu: 10 menit\n", "        waktu: 2 hari\n", False),
    ("nama: Penyusunan Indikator Kinerja Utama (IKU) Pemerintah Kota", "nama: Judul Baru",
     True),
    ("id: penyusunan-iku", "id: iku-baru", True),
    ("pelaksana: [Analisis Kinerja,", "pelaksana: [Analis Kinerja,", True),
])
def test_only_changes_of_the_whole_set_rebuild_every_page(tmp_path: Path, old: str, new: str,
                                                         full: bool) -> None:
    """Content edits keep `serve --dirty`'s fast path; ids, titles, units, lanes do not."""
    import shutil

    from conftest import ROOT
    from sop_ap.catalog import build_catalog
    from sop_ap.loader import load_dir
    from sop_ap.pages import site_shape

    data = tmp_path / "sop_data"
    shutil.copytree(ROOT / "sop_data", data)
    before = site_shape(build_catalog(load_dir(data))[0])
    sop = data / "organisasi/penyusunan-iku.yml"
    text = sop.read_text(encoding="utf-8")
    assert old in text
    edited = text.replace(old, new, 1)
    if "Analis Kinerja" in new:
        edited = edited.replace("pelaksana: Analisis Kinerja", "pelaksana: Analis Kinerja")
    sop.write_text(edited, encoding="utf-8")
    if "iku-baru" in new:
        decree = data / "keputusan/setda-2018-sop-ap.yml"
        decree.write_text(decree.read_text(encoding="utf-8").replace(
            "sop: penyusunan-iku", "sop: iku-baru"), encoding="utf-8")
    catalog, problems = build_catalog(load_dir(data))
    assert not [p for p in problems if p.severity == "error"]
    assert (site_shape(catalog) != before) is full

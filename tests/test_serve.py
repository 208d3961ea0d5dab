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

    # An edit shows up (a dirty rebuild re-renders the page).
    edited = good.replace("keterlambatan dalam penyelesaian", "keterlambatan SUNTINGAN-SATU")
    sop.write_text(edited, encoding="utf-8")
    wait_for(lambda: "SUNTINGAN-SATU" in (running.page("sop/penyusunan-iku/") or ""), "the edit")

    # A broken edit: the server keeps the last good page and reports the error.
    sop.write_text(edited.replace("peringatan: >-", "peringtan: >-"), encoding="utf-8")
    wait_for(lambda: bool(running.errors()), "the error in status.json")
    message = (f"{SOP}:{line_of(sop, 'peringtan: >-')}:1: peringtan: unknown field "
               "'peringtan' (did you mean 'peringatan'?)")
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

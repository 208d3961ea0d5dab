"""Shared fixtures: a site built once per session, served on localhost, and a browser.

Helpers that are not fixtures live in helpers.py (import them from there)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Re-exported for test modules that still import them from here (test_property.py).
from helpers import (  # noqa: F401
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    PageWatch,
    browser_available,
    make_project,
    mkdocs_build,
    serve,
)


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped data built once, strictly, into a temporary folder."""
    tmp = tmp_path_factory.mktemp("shipped")
    project = make_project(tmp)
    result = mkdocs_build(project, tmp / "site")
    assert result.returncode == 0, result.stderr
    return tmp / "site"


@pytest.fixture(scope="session")
def shipped_url(shipped_site: Path) -> str:
    return serve(shipped_site)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not browser_available():
        message = (
            f"Chromium not found at {CHROMIUM}: browser tests cannot run "
            "(install Debian's chromium package)"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def watch(browser: Any, shipped_url: str) -> Iterator[PageWatch]:
    w = PageWatch(browser, shipped_url)
    yield w
    w.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that uses the browser is marked `browser` (so `-m "not browser"` skips it)."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()) or "watch" in getattr(
            item, "fixturenames", ()
        ):
            item.add_marker(pytest.mark.browser)

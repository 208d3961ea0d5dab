#!/usr/bin/env python3
"""Set up and run the project: `python3 dev.py serve` or `python3 dev.py test`.

Each command does its own set-up, idempotently: a virtualenv in .venv from the
hash-pinned requirements.lock, the project installed in it, Mermaid from the
npm lock file, and (for tests) Debian's chromium when it is missing.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"
STAMP = VENV / ".sop-ap-setup"
CHROMIUM = Path("/usr/bin/chromium")


def run(*cmd: str | Path, **kwargs: object) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT, **kwargs)  # type: ignore[call-overload]


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def apt_install(*packages: str) -> bool:
    if not is_root() or shutil.which("apt-get") is None:
        return False
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run("apt-get", "update", "-q", env=env)
    run("apt-get", "install", "-y", "-q", "--no-install-recommends", *packages, env=env)
    return True


def fingerprint() -> str:
    digest = hashlib.sha256()
    for name in ("requirements.lock", "pyproject.toml", "package.json", "package-lock.json"):
        digest.update((ROOT / name).read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def setup() -> None:
    if sys.version_info < (3, 11, 5):
        sys.exit(f"diperlukan Python 3.11.5 atau yang lebih baru (yang terpasang: "
                 f"{sys.version.split()[0]})")
    wanted = fingerprint()
    mermaid = ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
    if STAMP.is_file() and STAMP.read_text() == wanted and mermaid.is_file():
        return
    if not PYTHON.exists():
        run(sys.executable, "-m", "venv", VENV)
    run(PYTHON, "-m", "pip", "install", "-q", "--upgrade", "pip")
    run(PYTHON, "-m", "pip", "install", "-q", "--require-hashes", "-r", "requirements.lock")
    run(PYTHON, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "-e", ".")
    if shutil.which("npm") is None and not apt_install("nodejs", "npm"):
        sys.exit("npm diperlukan untuk memasang Mermaid (Debian: apt-get install nodejs npm)")
    run("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
    STAMP.write_text(wanted)


def ensure_chromium() -> None:
    if CHROMIUM.exists():
        return
    if apt_install("chromium"):
        return
    banner = "!" * 78
    print(
        f"\n{banner}\n!! Chromium is not installed and cannot be installed here (needs root and\n"
        f"!! apt-get). The BROWSER TESTS WILL BE SKIPPED. Install Debian's `chromium`\n"
        f"!! package to run them. Under CI (CI=true) they fail instead.\n{banner}\n",
        flush=True,
    )


def serve(args: list[str]) -> int:
    setup()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # --dirty: after the first build, an edit re-renders only the pages it changed.
    # --no-strict: a dirty build always warns that navigation may be stale.
    cmd = [str(BIN / "mkdocs"), "serve", "--dirty", "--no-strict", "-a", "127.0.0.1:8000", *args]
    print("+", " ".join(cmd), flush=True)
    return subprocess.call(cmd, cwd=ROOT, env=env)


def test(args: list[str]) -> int:
    """Lint (ruff), type-check (mypy --strict on plugins/) and run pytest; print the
    slowest tests. Fails when any of the three fails."""
    setup()
    ensure_chromium()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    checks = {
        "ruff": [str(BIN / "ruff"), "check", "."],
        "mypy": [str(BIN / "mypy")],  # files and --strict: [tool.mypy] in pyproject.toml
    }
    failed = []
    for name, check in checks.items():
        print("+", " ".join(check), flush=True)
        if subprocess.call(check, cwd=ROOT, env=env):
            failed.append(name)
    cmd = [str(BIN / "pytest"), "-n", "2", "-p", "no:cacheprovider", "--durations=15", *args]
    print("+", " ".join(cmd), flush=True)
    code = subprocess.call(cmd, cwd=ROOT, env=env)
    for name in failed:
        print(f"{name} found problems (see above)", flush=True)
    return code or (1 if failed else 0)


USAGE = """cara pakai: python3 dev.py PERINTAH

  serve   bangun situs dari sop_data/ dan buka di http://127.0.0.1:8000 (setiap perubahan
          data langsung dibangun ulang; hentikan dengan Ctrl+C)
  test    jalankan ruff, mypy --strict, lalu seluruh pengujian
  setup   siapkan .venv dan Mermaid saja

Setiap perintah menyiapkan sendiri apa yang diperlukannya (.venv dari requirements.lock,
Mermaid dari package-lock.json)."""


def main() -> int:
    commands = {"serve": serve, "test": test, "setup": lambda _: setup() or 0}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(USAGE)
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())

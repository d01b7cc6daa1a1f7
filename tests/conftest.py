"""Shared fixtures: the real content, the mini fixture, and helpers to make broken copies of it."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
STYLES = ROOT / "styles"
MINI = ROOT / "tests" / "fixtures" / "mini"


def run_booklet(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the CLI the way a user does, in a fresh process."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "booklet", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=300)


def copy_tree(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A writable copy of the mini content tree."""
    return copy_tree(MINI, tmp_path / "content")

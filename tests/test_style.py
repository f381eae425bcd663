"""The code follows the project's lint rules (ruff, line length 100), so CI keeps them."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_is_clean():
    ruff = shutil.which("ruff")
    if ruff is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("ruff is a test extra and must be installed under CI=true")
        pytest.skip("ruff is not installed")
    proc = subprocess.run(
        [ruff, "check", "--output-format", "concise", "briefgen", "tests", "benchmarks", "scripts"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr

"""The HTML report is publishable in BIP: axe-core's WCAG 2.1 A and AA rules in headless
Chromium find no violation, and the page reflows at 320 px (no horizontal scrolling, no
figure spilling out of its cell) — in Polish and English, for the year's report and the
multi-year evaluation, on the seed and on the fuller example (every status, sub-yearly
periods, missing data).

The browser is Debian's ``/usr/bin/chromium``, driven by ``playwright-core`` (which brings no
browser of its own) with ``axe-core`` injected from its npm package; both are installed in
``tests/a11y/node_modules`` (git-ignored) by ``npm install`` there. Locally the test skips,
saying what is missing; with ``WSP_REQUIRE_BROWSER=1`` (``.ci/run`` sets it) anything missing
is a failure, never a silent pass.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, SHIPPED_PROGRAM, Wsp
from tests.test_report_golden import EXAMPLE, example_store, seed_store

A11Y = REPO / "tests" / "a11y"
CHROMIUM = "/usr/bin/chromium"
REQUIRE = "WSP_REQUIRE_BROWSER"


def _tools() -> tuple[str, str]:
    """Chromium and node, or a skip (a failure under WSP_REQUIRE_BROWSER) naming what is
    missing."""
    chromium = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    node = shutil.which("node")
    missing = []
    if chromium is None:
        missing.append("Chromium (/usr/bin/chromium: apt-get install chromium)")
    if node is None:
        missing.append("node (apt-get install nodejs npm)")
    for package in ("axe-core", "playwright-core"):
        if not (A11Y / "node_modules" / package / "package.json").exists():
            missing.append(f"the npm package {package} (cd tests/a11y && npm install)")
    if missing:
        reason = "cannot run axe-core: missing " + "; ".join(missing)
        if os.environ.get(REQUIRE) == "1":
            pytest.fail(reason + f" ({REQUIRE}=1)")
        pytest.skip(reason)
    assert chromium is not None and node is not None
    return chromium, node


def _reports(tmp_path: Path) -> list[Path]:
    seed = seed_store(tmp_path / "seed.db")
    example = example_store(tmp_path / "example.db")
    made = []
    for lang in ("pl", "en"):
        for name, program, store, args in [
            ("seed-year", SHIPPED_PROGRAM, seed, ["--year", "2024"]),
            ("seed-years", SHIPPED_PROGRAM, seed, ["--years", "2021-2025"]),
            ("example-year", EXAMPLE, example, ["--year", "2024", "--as-of", "2025-06-10"]),
            ("example-years", EXAMPLE, example, ["--years", "2024-2026", "--as-of", "2025-06-10"]),
        ]:
            out = tmp_path / f"{name}-{lang}.html"
            result = Wsp(program, store, lang)("report", *args, "-o", str(out))
            assert result.exit_code == 0, result.stderr
            made.append(out)
    return made


def _run_axe(chromium: str, node: str, files: list[Path], tmp_path: Path) -> dict[str, Any]:
    profile = tmp_path / "chromium-profile"  # a fresh user data directory
    done = subprocess.run(
        [node, str(A11Y / "run-axe.cjs"), chromium, str(profile), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=A11Y,
    )
    assert done.returncode == 0, done.stderr
    found: dict[str, Any] = json.loads(done.stdout)
    return found


def test_html_report_passes_axe_and_reflows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chromium, node = _tools()
    monkeypatch.setenv("WSP_REPORT_DATE", "2025-05-20")
    files = _reports(tmp_path)
    results = _run_axe(chromium, node, files, tmp_path)
    assert sorted(results) == sorted(map(str, files))
    problems = []
    for file, found in sorted(results.items()):
        name = Path(file).name
        for v in found["violations"]:
            targets = ", ".join(" ".join(n["target"]) for n in v["nodes"][:5])
            problems.append(f"{name}: {v['id']} ({v['impact']}): {v['help']} — {targets}")
        if found["scrollWidth"] > found["viewport"]:
            problems.append(
                f"{name}: scrolls sideways at 320 px (width {found['scrollWidth']} > "
                f"{found['viewport']})"
            )
        problems += [
            f"{name}: spills out of its cell at 320 px: {c!r}" for c in found["overflowing"]
        ]
    assert not problems, "\n".join(problems)
    assert all(found["rules"] >= 10 for found in results.values())  # axe ran its rules


def test_missing_tools_fail_in_ci_and_skip_locally(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the npm packages the browser test never passes silently: with
    WSP_REQUIRE_BROWSER=1 it fails naming what is missing, else it skips saying so."""
    import tests.test_report_a11y as here

    monkeypatch.setattr(here, "A11Y", tmp_path)  # no node_modules here
    monkeypatch.setenv(REQUIRE, "1")
    with pytest.raises(pytest.fail.Exception, match="npm package axe-core"):
        _tools()
    monkeypatch.delenv(REQUIRE)
    with pytest.raises(pytest.skip.Exception, match="cd tests/a11y && npm install"):
        _tools()

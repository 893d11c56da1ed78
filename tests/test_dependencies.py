"""What `pip install .` brings: every report format works after the README's install command."""

from __future__ import annotations

import re
import tomllib

from tests.conftest import REPO


def _project() -> dict[str, object]:
    with (REPO / "pyproject.toml").open("rb") as fh:
        project: dict[str, object] = tomllib.load(fh)["project"]
    return project


def _names(requirements: object) -> set[str]:
    assert isinstance(requirements, list)
    return {re.split(r"[<>=!~\[; ]", r, maxsplit=1)[0].lower() for r in requirements}


def test_openpyxl_is_an_ordinary_dependency() -> None:
    """`wsp report --format xlsx` must work after `pip install .` (it was an extra)."""
    assert "openpyxl" in _names(_project()["dependencies"])


def test_the_readme_names_only_extras_that_exist() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    extras = _project().get("optional-dependencies", {})
    assert isinstance(extras, dict)
    named = set(re.findall(r"\.\[([a-z0-9_,-]+)\]", readme))
    for group in named:
        for extra in group.split(","):
            assert extra in extras, f"README installs the extra {extra!r}, which is gone"
    assert "xlsx extra" not in readme

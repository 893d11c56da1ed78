"""Shared test set-up: every test runs with a clean environment and its own data directory."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHIPPED_PROGRAM = REPO / "data" / "program.yaml"


@pytest.fixture(autouse=True)
def _isolated_env(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """No WSP_* variables leak in, the user data dir is a temporary one, English by default
    (WSP_LANG=en: under the C locale wsp would speak the programme's language)."""
    for var in ("WSP_PROGRAM", "WSP_STORE", "WSP_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("WSP_LANG", "en")  # else the shipped (Polish) programme's language
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-data")))
    monkeypatch.setenv("WSP_CACHE_DIR", str(tmp_path_factory.mktemp("wsp-cache")))
    monkeypatch.setenv("NO_COLOR", "1")
    from wspolpraca_cli.i18n import set_language

    set_language("en")


@pytest.fixture
def shipped_program() -> Path:
    return SHIPPED_PROGRAM

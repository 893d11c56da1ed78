"""The architecture STYLE.md asks for, checked: a pure core, and every message in the catalogues."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from tests.conftest import REPO

SRC = REPO / "src" / "wspolpraca_cli"
# Every module outside cli/ and render/, those of packages (loader/, i18n/) too.
CORE = sorted(
    ".".join(p.relative_to(SRC).with_suffix("").parts).removesuffix(".__init__")
    for p in SRC.rglob("*.py")
    if p.relative_to(SRC).parts[0] not in ("cli", "render", "__init__.py", "__main__.py")
)


@pytest.mark.parametrize("module", CORE)
def test_core_modules_import_no_cli_or_presentation_library(module: str) -> None:
    code = (
        f"import sys, wspolpraca_cli.{module}\n"
        "bad = sorted(m for m in ('typer', 'rich', 'tabulate', 'click', 'openpyxl')"
        " if m in sys.modules)\n"
        "print(','.join(bad))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", f"{module} imports {done.stdout.strip()}"


def _calls_of_t(tree: ast.AST) -> list[str]:
    keys = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("t", "plural")
            and node.args
        ):
            arg = node.args[0] if node.func.id == "t" else node.args[-1]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                keys.append(arg.value)
    return keys


def test_every_literal_message_key_is_in_the_catalogues() -> None:
    from wspolpraca_cli.i18n import catalog

    known = catalog()
    missing = []
    for path in sorted(SRC.rglob("*.py")):
        for key in _calls_of_t(ast.parse(path.read_text(encoding="utf-8"))):
            if key not in known:
                missing.append(f"{path.relative_to(SRC)}: {key}")
    assert not missing, missing

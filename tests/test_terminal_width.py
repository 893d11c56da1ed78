"""The history tables fit any terminal of 60 columns or more: free text and headers wrap, the
least important columns are left out, the period and the status always shown in full."""

from __future__ import annotations

import io
import os
import re
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import TEST_PROGRAM, MakeWsp, Wsp
from wspolpraca_cli.entries import Entry, summarise

WIDTHS = [60, 80, 120]
LONG_NOTE = (
    "warsztaty w Toruniu i Bydgoszczy dla organizacji pozarządowych z całego województwa, "
    "z udziałem radnych i pracowników urzędu marszałkowskiego"
)


def console(width: int) -> tuple[object, io.StringIO]:
    from rich.console import Console

    buffer = io.StringIO()
    return Console(file=buffer, width=width, color_system=None, force_terminal=False), buffer


def fits(text: str, width: int) -> list[str]:
    lines = text.splitlines()
    too_long = [line for line in lines if len(line.rstrip()) > width]
    assert not too_long, too_long
    return lines


def shows_in_full(lines: list[str], words: list[str]) -> None:
    missing = [w for w in words if not any(w in line for line in lines)]
    assert not missing, missing


def entry(n: int, indicator: str, period: str, value: float) -> Entry:
    return Entry(
        uid=f"{n:032x}",
        indicator_id=indicator,
        period=period,
        value=value,
        note=LONG_NOTE,
        recorded_at="2024-05-01T10:00:00Z",
    )


@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize("width", WIDTHS)
def test_show_fits_the_terminal(tmp_path: Path, width: int, lang: str) -> None:
    from wspolpraca_cli.i18n import set_language
    from wspolpraca_cli.loader import load_program
    from wspolpraca_cli.progress import evaluate
    from wspolpraca_cli.render.programme import ShowDocument
    from wspolpraca_cli.render.status import period_label, status_word
    from wspolpraca_cli.render.terminal import show_rich

    set_language(lang)
    path = tmp_path / "program.yaml"
    path.write_text(TEST_PROGRAM, encoding="utf-8")
    program = load_program(path)
    day = date(2024, 11, 10)
    entries = [
        entry(1, "kw", "2024-Q1", 1_250_000.5),
        entry(2, "kw", "2024-Q2", 20_000),
        entry(3, "1.1", "2021", 1),
        entry(4, "1.1", "2023", 0),
    ]
    progress = evaluate(program, summarise(entries, day), day)
    for ind_id in ("kw", "1.1"):
        ip = progress.indicator(ind_id)
        assert ip is not None
        out, buffer = console(width)
        show_rich(ShowDocument(program, ip.indicator, ip, day), out)
        lines = fits(buffer.getvalue(), width)
        shows_in_full(lines, [period_label(r.period) for r in ip.periods])
        shows_in_full(lines, [status_word(r.status) for r in ip.periods])
        assert "…" not in buffer.getvalue()
    set_language("en")


def fill(wsp: Wsp) -> None:
    first = wsp.record(
        "kw", "1250000,5", "--period", "2024-Q1", "--note", LONG_NOTE, "--source", "uchwała"
    )
    wsp("correct", first, "1250000,75", "--reason", "grosze dopisane po sprawdzeniu przelewów")
    wsp.record("1.1", "1", "--date", "2024-04-02", "--tag", "organizator=wspólnie", "--by", "Anna")
    wsp.record("pct", "35%", "--year", "2023", "--note", LONG_NOTE)


@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize("width", WIDTHS)
def test_history_fits_the_terminal(wsp: Wsp, width: int, lang: str) -> None:
    from wspolpraca_cli.i18n import set_language
    from wspolpraca_cli.render.history import HistoryDocument, render_table_terminal
    from wspolpraca_cli.services.entries import history
    from wspolpraca_cli.store import open_store

    fill(wsp)
    set_language(lang)
    from wspolpraca_cli.loader import load_program
    from wspolpraca_cli.services.base import Workspace

    program = load_program(wsp.program)
    ws = Workspace(program, str(wsp.store), lambda _readonly: open_store(wsp.store, readonly=True))
    found = history(ws)
    out, buffer = console(width)
    render_table_terminal(HistoryDocument(program, str(wsp.store), found), out)
    lines = fits(buffer.getvalue(), width)
    assert len(lines) >= 2 + len(found.chains)
    from wspolpraca_cli.i18n import t

    states = [t("history.state.effective")]
    shows_in_full(lines, ["2024-Q1", "2024", "2023", *states])
    superseded = [t("history.state.superseded", uid=u[:8]) for u in found.superseded_by.values()]
    shows_in_full(lines, superseded)
    if width >= 120:
        assert any(LONG_NOTE[:15] in line for line in lines), "\n".join(lines)
    set_language("en")


def test_piped_history_keeps_each_entry_on_one_line(wsp: Wsp) -> None:
    fill(wsp)
    lines = wsp("history").stdout.splitlines()
    assert len(lines) == 2 + 4
    assert any(LONG_NOTE in line for line in lines)


def test_the_essential_columns_stay_when_nothing_else_fits() -> None:
    from wspolpraca_cli.render.table_fit import Column, fit

    columns = [
        Column("period", "Period", ["2024-Q1"]),
        Column("note", "Note", ["a long note " * 10], wrap=True, drop=2),
        Column("extra", "Extra", ["x" * 30], drop=1),
        Column("empty", "Empty column", [""], drop=3),
        Column("status", "Status", ["in progress"]),
    ]
    table = fit(columns, 40)
    assert [c.key for c in table.columns] == ["period", "note", "status"]
    assert all(len(line) <= 40 for line in table.lines())
    narrow = fit(columns, 10)  # cannot fit: the essential columns stay, nothing is cut
    assert [c.key for c in narrow.columns] == ["period", "status"]
    assert "in progress" in narrow.lines()[2]
    assert fit(columns, None).widths == tuple(c.natural for c in columns if c.natural)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal")
@pytest.mark.parametrize("width", [60, 80])
def test_wsp_history_in_a_real_terminal_fits(make_wsp: MakeWsp, width: int) -> None:
    import pty
    import subprocess

    wsp = make_wsp()
    fill(wsp)
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": str(width), "WSP_LANG": "pl"}
    env.pop("NO_COLOR", None)
    args = ["-p", str(wsp.program), "--store", str(wsp.store)]
    with subprocess.Popen(
        [sys.executable, "-m", "wspolpraca_cli", *args, "history"],
        stdout=follower,
        stderr=subprocess.PIPE,
        env=env,
    ) as proc:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed
                break
            if not chunk:
                break
            chunks.append(chunk)
        proc.wait(timeout=60)
    os.close(leader)
    text = b"".join(chunks).decode("utf-8").replace("\r\n", "\n")
    assert proc.returncode == 0
    lines = fits(text, width)
    shows_in_full(lines, ["2024-Q1", "wliczany", "zastąpiony przez"])


@pytest.mark.parametrize("programme", ["shipped", "monthly"])
@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize("width", WIDTHS)
def test_status_fits_the_terminal_and_cuts_nothing(
    tmp_path: Path, width: int, lang: str, programme: str
) -> None:
    """At 60 columns the Rich table used to cut statuses ("oczekuje na da…"); a run of
    empty months ("2021-01…2023-12 (36)") then made the lines too long."""
    from tests.conftest import SHIPPED_PROGRAM
    from wspolpraca_cli.i18n import set_language
    from wspolpraca_cli.loader import load_program
    from wspolpraca_cli.progress import evaluate
    from wspolpraca_cli.render.status import build_view, line_period, lines, status_text
    from wspolpraca_cli.render.terminal import render_rich

    set_language(lang)
    if programme == "shipped":
        program, day, entries = load_program(SHIPPED_PROGRAM), date(2025, 3, 1), []
    else:
        path = tmp_path / "program.yaml"
        path.write_text(TEST_PROGRAM, encoding="utf-8")
        program, day = load_program(path), date(2024, 6, 1)
        entries = [entry(1, "avg", "2024-03", -5), entry(2, "kw", "2024-Q1", 1_250_000.5)]
    view = build_view(evaluate(program, summarise(entries, day), day), program_file="p", store="s")
    out, buffer = console(width)
    render_rich(view, out)
    shown = fits(buffer.getvalue(), width)
    results = [line for line in lines(view, collapse=True) if line.kind == "result"]
    assert results
    periods = {p for line in results for p in line_period(line).split(" (")}
    shows_in_full(shown, sorted(periods))
    statuses = {status_text(line.result) for line in results if line.result}
    # a status and its periods achieved ("in progress · 0/60") may go on two lines, whole
    shows_in_full(shown, sorted({p for text in statuses for p in text.split(" · ")}))
    cut = [line for line in shown if re.search(r"…(?!\d)", line)]  # "2021…2023" is a run
    assert not cut, cut
    set_language("en")

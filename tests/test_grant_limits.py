"""The act's limits applied to the grants register (issue 14): the pure rules of
``grants/rules.py`` against a direct computation, and ``wsp check`` applying them."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import MakeWsp, Wsp
from wspolpraca_cli.grants import limits
from wspolpraca_cli.grants.model import GrantRow, Mode
from wspolpraca_cli.grants.rules import check_year, organisation_key


def grant(
    n: int,
    granted: float | None,
    *,
    organisation: str = "Stowarzyszenie A",
    krs: str = "",
    days: int | None = 30,
    year: int = 2024,
    mode: Mode = Mode.SMALL_GRANT,
    title: str = "",
) -> GrantRow:
    start = date(year, 3, 1)
    end = start + timedelta(days=days - 1) if days is not None else None
    return GrantRow(
        uid=f"{n:04d}" + "ab" * 14,
        year=year,
        mode=mode,
        area="16",
        organisation=organisation,
        krs=krs,
        title=title or f"Zadanie {n}",
        granted=granted,
        start=start if days is not None else None,
        end=end,
    )


def kinds(rows: list[GrantRow], granted: float = 0.0, planned: float | None = None) -> list[str]:
    return [f.limit.key for f in check_year(2024, rows, granted, planned).findings]


# -- each rule, at its edge ----------------------------------------------------------------------
def test_a_grant_of_exactly_10000_is_within_the_limit() -> None:
    assert kinds([grant(1, 10_000.0)]) == []
    [found] = check_year(2024, [grant(1, 10_000.01)], 0, None).findings
    assert found.limit is limits.SMALL_GRANT_AMOUNT
    assert (found.value, found.bound, found.year) == (10_000.01, 10_000.0, 2024)
    assert [r.title for r in found.rows] == ["Zadanie 1"]


def test_a_task_of_90_days_is_within_the_limit() -> None:
    assert kinds([grant(1, 5000.0, days=90)]) == []
    [found] = check_year(2024, [grant(1, 5000.0, days=91)], 0, None).findings
    assert found.limit is limits.SMALL_GRANT_DAYS
    assert (found.value, found.bound) == (91, 90)


def test_a_task_without_dates_has_no_length() -> None:
    assert kinds([grant(1, 5000.0, days=None)]) == []


def test_an_organisation_above_20000_by_krs_then_by_name_in_any_case() -> None:
    rows = [
        grant(1, 8000.0, organisation="Fundacja B", krs="0000123456"),
        grant(2, 8000.0, organisation="FUNDACJA B (oddział)", krs="0000123456"),
        grant(3, 4000.01, organisation="fundacja b", krs="0000123456"),
        grant(4, 9000.0, organisation="Klub  Sportowy"),
        grant(5, 9000.0, organisation="klub sportowy"),
        grant(6, 2000.5, organisation="KLUB SPORTOWY"),
    ]
    found = check_year(2024, rows, 0, None).findings
    assert [f.limit.key for f in found] == ["small_grant_per_organisation"] * 2
    by_krs, by_name = found
    assert (by_krs.organisation, by_krs.krs, by_krs.value) == (
        "Fundacja B",
        "0000123456",
        20_000.01,
    )
    assert [r.uid[:4] for r in by_krs.rows] == ["0001", "0002", "0003"]
    assert (by_name.organisation, by_name.krs, by_name.value) == ("Klub  Sportowy", "", 20_000.5)
    assert by_name.bound == 20_000.0


def test_rows_naming_no_organisation_are_not_one_organisation() -> None:
    rows = [
        grant(1, 9000.0, organisation=""),
        grant(2, 9000.0, organisation=" "),
        grant(3, 9000.0, organisation=""),
    ]
    assert kinds(rows) == []


def test_exactly_20000_for_an_organisation_is_within_the_limit() -> None:
    rows = [grant(1, 10_000.0), grant(2, 10_000.0, organisation="stowarzyszenie a")]
    assert kinds(rows) == []


def test_art_19a_share_of_planned_funds() -> None:
    rows = [grant(1, 5000.0, organisation=f"O{n}") for n in range(4)]  # 20 000
    assert kinds(rows, 20_000.0, planned=100_000.0) == []
    [found] = check_year(2024, rows, 20_000.0, 99_999.0).findings
    assert found.limit is limits.SMALL_GRANT_SHARE
    assert (found.value, found.planned) == (20_000.0, 99_999.0)
    assert found.bound == 19_999.8
    assert len(found.rows) == 4


def test_no_planned_funds_no_share_nor_planned_findings() -> None:
    rows = [grant(1, 5000.0)]
    result = check_year(2024, rows, 1_000_000.0, None)
    assert result.findings == ()
    assert (result.balance.planned, result.balance.granted, result.balance.share) == (
        None,
        1_000_000.0,
        None,
    )


def test_funds_granted_above_planned() -> None:
    assert kinds([], 500_000.0, planned=500_000.0) == []
    [found] = check_year(2024, [], 500_000.01, 500_000.0).findings
    assert found.limit is limits.PLANNED_FUNDS
    assert (found.value, found.bound, found.rows) == (500_000.01, 500_000.0, ())


def test_balance_gives_granted_against_planned() -> None:
    balance = check_year(2024, [grant(1, 2500.0)], 250_000.0, 500_000.0).balance
    assert (balance.granted, balance.small_grants, balance.share) == (250_000.0, 2500.0, 0.5)


def test_rows_not_granted_other_years_and_modes_are_left_out() -> None:
    rows = [
        grant(1, None, days=200),
        grant(2, 0.0, days=200),
        grant(3, 50_000.0, year=2025),
        grant(4, 50_000.0, mode=Mode.COMPETITION, days=365),
    ]
    assert kinds(rows) == []


def test_findings_in_the_order_of_the_limits() -> None:
    rows = [grant(1, 15_000.0, days=120), grant(2, 9000.0)]
    found = kinds(rows, granted=30_000.0, planned=20_000.0)
    assert found == [
        "small_grant_amount",
        "small_grant_days",
        "small_grant_per_organisation",
        "small_grant_share",
        "planned_funds",
    ]
    assert [lim.key for lim in limits.LIMITS] == found


# -- against a direct computation ------------------------------------------------------------------
_ORGS = [("Fundacja A", ""), ("fundacja a", ""), ("FUNDACJA  A", ""), ("Klub", "0000000001")]
_ORGS += [("Inny klub", "0000000001"), ("Koło", "0000000002"), ("Koło", ""), ("", "")]


@st.composite
def registers(draw: st.DrawFn) -> tuple[list[GrantRow], float | None]:
    count = draw(st.integers(0, 12))
    rows = []
    for n in range(count):
        organisation, krs = draw(st.sampled_from(_ORGS))
        grosz = draw(st.one_of(st.none(), st.integers(0, 1_500_000)))
        rows.append(
            grant(
                n,
                None if grosz is None else grosz / 100,
                organisation=organisation,
                krs=krs,
                days=draw(st.one_of(st.none(), st.integers(1, 150))),
                mode=draw(st.sampled_from([Mode.SMALL_GRANT, Mode.SMALL_GRANT, Mode.OTHER])),
            )
        )
    planned = draw(st.one_of(st.none(), st.integers(0, 20_000_000).map(lambda g: g / 100)))
    return rows, planned


def _dec(amount: float | None) -> Decimal:
    return Decimal(0) if amount is None else Decimal(f"{amount:.2f}")


@given(registers(), st.integers(0, 30_000_000))
def test_rules_match_a_direct_computation(
    register: tuple[list[GrantRow], float | None], granted_grosze: int
) -> None:
    rows, planned = register
    granted = granted_grosze / 100
    result = check_year(2024, rows, granted, planned)
    small = [r for r in rows if r.mode is Mode.SMALL_GRANT and _dec(r.granted) > 0]

    expected: list[tuple[str, tuple[str, ...]]] = []
    expected += [("small_grant_amount", (r.uid,)) for r in small if _dec(r.granted) > 10_000]
    expected += [("small_grant_days", (r.uid,)) for r in small if (r.days or 0) > 90]
    groups: dict[str, list[GrantRow]] = {}
    for r in small:
        name = " ".join(r.organisation.lower().split())
        key = r.krs or (f"name:{name}" if name else f"row:{r.uid}")
        groups.setdefault(key, []).append(r)
    expected += [
        ("small_grant_per_organisation", tuple(r.uid for r in group))
        for group in groups.values()
        if sum(_dec(r.granted) for r in group) > 20_000
    ]
    total = sum((_dec(r.granted) for r in small), Decimal(0))
    if planned is not None and total > _dec(planned) * Decimal("0.2"):
        expected.append(("small_grant_share", tuple(r.uid for r in small)))
    if planned is not None and _dec(granted) > _dec(planned):
        expected.append(("planned_funds", ()))

    assert [(f.limit.key, tuple(r.uid for r in f.rows)) for f in result.findings] == expected
    assert Decimal(f"{result.balance.small_grants:.2f}") == total
    for f in result.findings:
        assert f.value > f.bound


@given(st.sampled_from(_ORGS), st.sampled_from(_ORGS))
def test_organisation_key_is_krs_else_the_name_in_any_case(
    one: tuple[str, str], other: tuple[str, str]
) -> None:
    a = grant(1, 1.0, organisation=one[0], krs=one[1])
    b = grant(2, 1.0, organisation=other[0], krs=other[1])
    same = (
        one[1] == other[1]
        if one[1] or other[1]
        else bool(one[0]) and one[0].lower().split() == other[0].lower().split()
    )
    assert (organisation_key(a) == organisation_key(b)) is same


# -- wsp check applying them ---------------------------------------------------------------------
PROGRAMME = """\
format: 2
program:
  title: Program współpracy
  issuer: Gmina Testowo
  first_year: 2024
  last_year: 2025
  planned_funds: {2024: 100 000, 2025: 200 000}
goals:
  main: {id: g, name: Cel główny}
  specific: [{id: a, name: Cel a}]
areas:
  - id: "1"
    name: Obszar
    actions:
      - lp: "1"
        name: Konkursy
        goals: [a]
        indicators:
          - {id: "1.1", name: Liczba konkursów, unit: liczba, target: 1/rok, frequency: Raz w roku}
"""
"""A programme whose only indicator is awaiting (never a shortfall) as of 2025-01-10."""

AS_OF = ("--as-of", "2025-01-10")


def fill(wsp: Wsp, rows: list[GrantRow]) -> None:
    """Rows into ``wsp``'s store, as ``wsp grants import`` puts them (one import)."""
    from wspolpraca_cli.store import open_store

    with open_store(wsp.store) as store, store.importing_grants() as session:
        session.add(rows)


def within_limits() -> list[GrantRow]:
    return [
        grant(1, 9000.0, organisation="Fundacja A", title="Festyn"),
        grant(2, 6000.0, organisation="Klub B", title="Turniej"),
        grant(3, 60_000.0, organisation="Stowarzyszenie C", mode=Mode.COMPETITION, days=200),
        grant(4, None, organisation="Koło D", mode=Mode.COMPETITION),
    ]


@pytest.fixture
def register(make_wsp: MakeWsp, backend: str) -> Wsp:
    """The programme and a store of each backend (the register read through its SQL)."""
    return make_wsp(PROGRAMME)


def test_check_a_register_within_every_limit_exits_0(register: Wsp) -> None:
    fill(register, within_limits())
    run = register("check", "--year", "2024", *AS_OF)
    assert run.exit_code == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    at = lines.index("The act's limits in the grants register:")
    assert lines[at + 1] == "  The grants register is within every limit of the act."
    assert lines[at + 2] == "Funds granted against planned:"
    assert lines[at + 3] == (
        "  2024: 75,000 zł granted of 100,000 zł planned (75%); under art. 19a 15,000 zł"
    )
    assert lines[-1] == "Result: nothing missed or overdue (exit code 0)."


def test_check_a_grant_above_10000(register: Wsp) -> None:
    fill(register, [grant(1, 12_500.5, organisation="Fundacja A", title="Festyn")])
    run = register("check", "--year", "2024", *AS_OF)
    assert run.exit_code == 1
    out = run.stdout
    assert (
        "  2024 · art. 19a ust. 1 pkt 1 — an art. 19a grant above 10,000 zł: 12,500.50 zł\n" in out
    )
    assert "      Fundacja A — Festyn (0001abab): 12,500.50 zł, 30 days\n" in out
    assert out.splitlines()[-1] == (
        "Result: 1 finding outside the act's limits in the grants register (exit code 1)."
    )


def test_check_a_task_longer_than_90_days(register: Wsp) -> None:
    fill(register, [grant(1, 5000.0, organisation="Klub B", title="Liga", days=120)])
    run = register("check", "--year", "2024", *AS_OF)
    assert run.exit_code == 1
    assert "  2024 · art. 19a ust. 1 pkt 2 — an art. 19a task longer than 90 days: 120 days\n" in (
        run.stdout
    )
    assert "      Klub B — Liga (0001abab): 5,000 zł, 120 days\n" in run.stdout


def test_check_an_organisation_above_20000(register: Wsp) -> None:
    rows = [
        grant(1, 9000.0, organisation="Fundacja A", krs="0000012345", title="Festyn"),
        grant(2, 9000.0, organisation="FUNDACJA A", krs="0000012345", title="Piknik"),
        grant(3, 3000.0, organisation="Fundacja A.", krs="0000012345", title="Rajd"),
    ]
    fill(register, rows)
    run = register("check", "--year", "2024", *AS_OF)
    assert run.exit_code == 1
    assert (
        "  2024 · art. 19a ust. 2 — Fundacja A (KRS 0000012345) received 21,000 zł of art. 19a "
        "grants in 2024, above 20,000 zł\n"
    ) in run.stdout
    for title in ("Festyn", "Piknik", "Rajd"):
        assert f" — {title} (" in run.stdout


def test_check_art_19a_grants_above_20_percent_of_planned(register: Wsp) -> None:
    rows = [grant(n, 7000.0, organisation=f"Organizacja {n}") for n in range(1, 4)]
    fill(register, rows)  # 21 000 zł of 100 000 zł planned
    run = register("check", "--year", "2024", *AS_OF)
    assert run.exit_code == 1
    assert (
        "  2024 · art. 19a ust. 1a — art. 19a grants of 21,000 zł, above 20% of the funds "
        "planned (100,000 zł), that is 20,000 zł\n"
    ) in run.stdout


def test_check_funds_granted_above_planned(register: Wsp) -> None:
    fill(register, [grant(1, 100_000.01, mode=Mode.COMPETITION, title="Konkurs")])
    run = register("check", "--year", "2024", *AS_OF)
    assert run.exit_code == 1
    assert (
        "  2024 · art. 5a ust. 4 pkt 8 — 100,000.01 zł granted, more than the funds planned, "
        "100,000 zł\n"
    ) in run.stdout
    assert "  2024: 100,000.01 zł granted of 100,000 zł planned (100%)" in run.stdout


def test_check_year_only_that_year_else_every_year_up_to_the_as_of_date(register: Wsp) -> None:
    fill(register, [grant(1, 15_000.0, year=2025, title="Za dużo")])
    assert register("check", "--year", "2024", *AS_OF).exit_code == 0
    run = register("check", "--year", "2025", "--as-of", "2025-03-01")
    assert run.exit_code == 1 and "2025 · art. 19a ust. 1 pkt 1" in run.stdout
    assert register("check", "--as-of", "2024-12-01").exit_code == 0  # 2025 has not begun
    run = register("check", "--as-of", "2025-03-01")
    assert run.exit_code == 1 and "2025 · art. 19a ust. 1 pkt 1" in run.stdout
    assert "  2024: 0 zł granted of 100,000 zł planned (0%)" in run.stdout


def test_check_shortfalls_and_findings_together(register: Wsp) -> None:
    fill(register, [grant(1, 15_000.0)])
    run = register("check", "--as-of", "2025-07-01")  # 1.1 in 2024 is overdue by then
    assert run.exit_code == 1
    assert run.stdout.splitlines()[-1] == (
        "Result: 1 period missed or overdue; 1 finding outside the act's limits in the grants "
        "register (exit code 1)."
    )


def test_check_quiet_prints_findings(register: Wsp) -> None:
    register.record("1.1", "1", "--year", "2024")  # nothing to do for the indicators
    fill(register, within_limits())
    assert register("check", "--quiet", "--year", "2024", *AS_OF).stdout == ""
    fill(register, [grant(9, 15_000.0)])
    run = register("check", "--quiet", "--year", "2024", *AS_OF)
    assert run.exit_code == 1 and "art. 19a ust. 1 pkt 1" in run.stdout


def test_check_json(register: Wsp) -> None:
    fill(register, [grant(1, 12_000.0, organisation="Fundacja A", title="Festyn", days=100)])
    run = register("check", "--year", "2024", "--format", "json", *AS_OF)
    assert run.exit_code == 1
    doc = json.loads(run.stdout)
    assert (doc["ok"], doc["exit_code"], doc["shortfalls"]) == (False, 1, 0)
    amount, days = doc["limits"]["findings"]
    assert amount == {
        "rule": "small_grant_amount",
        "basis": "art. 19a ust. 1 pkt 1",
        "limit": 10000.0,
        "year": 2024,
        "value": 12000.0,
        "bound": 10000.0,
        "planned": None,
        "organisation": None,
        "krs": None,
        "rows": [
            {
                "uid": "0001" + "ab" * 14,
                "organisation": "Fundacja A",
                "title": "Festyn",
                "granted": 12000.0,
                "days": 100,
            }
        ],
    }
    assert (days["rule"], days["value"], days["bound"]) == ("small_grant_days", 100, 90)
    assert doc["limits"]["years"] == [
        {
            "year": 2024,
            "planned": 100000.0,
            "granted": 12000.0,
            "small_grants": 12000.0,
            "granted_share": 0.12,
        }
    ]


def test_check_json_within_limits_is_ok(register: Wsp) -> None:
    fill(register, within_limits())
    doc = json.loads(register("check", "--year", "2024", "--format", "json", *AS_OF).stdout)
    assert (doc["ok"], doc["exit_code"], doc["limits"]["findings"]) == (True, 0, [])


def test_check_polish(register: Wsp) -> None:
    fill(register, [grant(1, 12_000.0, organisation="Fundacja A", title="Festyn")])
    run = register("check", "--year", "2024", *AS_OF, lang="pl")
    assert run.exit_code == 1
    assert "Limity ustawy w rejestrze dotacji:" in run.stdout
    assert (
        "  2024 · art. 19a ust. 1 pkt 1 — dotacja w trybie art. 19a powyżej 10\u00a0000 zł: "
        "12\u00a0000 zł\n"
    ) in run.stdout
    assert "      Fundacja A — Festyn (0001abab): 12\u00a0000 zł, 30 dni\n" in run.stdout
    assert run.stdout.splitlines()[-1] == (
        "Wynik: 1 przekroczenie limitów ustawy w rejestrze dotacji (kod wyjścia 1)."
    )


def test_check_a_store_without_grants_checks_as_before(wsp: Wsp) -> None:
    wsp.record("1.1", "1", "--year", "2024")
    run = wsp("check", "--year", "2024", "--as-of", "2025-01-10")
    assert "grants register" not in run.stdout
    assert "Funds granted" not in run.stdout
    doc = json.loads(wsp("check", "--year", "2024", "--format", "json").stdout)
    assert doc["limits"] == {"findings": [], "years": []}


@pytest.mark.sqlite_only  # builds a version-4 file, read where it cannot be migrated
def test_check_a_store_of_schema_4_as_before(
    make_wsp: MakeWsp, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3
    from typing import Any

    from wspolpraca_cli.store import sqlite_open
    from wspolpraca_cli.store.sqlite_schema import APPLICATION_ID, MIGRATIONS

    wsp = make_wsp()
    assert isinstance(wsp.store, Path)
    conn = sqlite3.connect(wsp.store, isolation_level=None)
    for version in (1, 2, 3, 4):
        for statement in MIGRATIONS[version]:
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 4")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.close()
    empty = make_wsp(store="empty.db")("check", "--year", "2024", "--as-of", "2025-01-10")
    real = sqlite3.connect

    def connect(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if str(database) != ":memory:" and "immutable=1" not in str(database):
            raise sqlite3.OperationalError("attempt to write a readonly database")
        return real(database, *args, **kwargs)

    monkeypatch.setattr(sqlite_open.sqlite3, "connect", connect)  # a read-only folder
    monkeypatch.setattr(sqlite_open, "side_files_writable", lambda path: False)
    run = wsp("check", "--year", "2024", "--as-of", "2025-01-10")
    assert "grants register" not in run.stdout
    assert (run.exit_code, run.stdout) == (empty.exit_code, empty.stdout)
    planned = wsp.using(make_wsp(PROGRAMME, store="other.db").program)
    run = planned("check", "--year", "2024", *AS_OF)
    assert run.exit_code == 0, run.stderr
    assert "  2024: 0 zł granted of 100,000 zł planned (0%); under art. 19a 0 zł" in run.stdout
    monkeypatch.undo()
    with sqlite3.connect(wsp.store) as conn:  # read, never migrated
        assert conn.execute("PRAGMA user_version").fetchone() == (4,)

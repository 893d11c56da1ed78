"""The act's limits applied to the grants register (issue 14): the pure rules of
``grants/rules.py`` against a direct computation, and ``wsp check`` applying them."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

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
_ORGS += [("Inny klub", "0000000001"), ("Koło", "0000000002"), ("Koło", "")]


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
        key = r.krs or "name:" + " ".join(r.organisation.lower().split())
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
        else one[0].lower().split() == other[0].lower().split()
    )
    assert (organisation_key(a) == organisation_key(b)) is same

"""The rules an entry must follow against the programme: its period, its breakdown tags, and
whether its value is plausible. Shared by ``wsp record`` and ``wsp import``.

Pure functions: they return values or raise :class:`~wspolpraca_cli.errors.InputError`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from wspolpraca_cli.errors import InputError
from wspolpraca_cli.i18n import get_language, t
from wspolpraca_cli.model import Indicator, Program
from wspolpraca_cli.periods import (
    FREQUENCY_NAMES_EN,
    FREQUENCY_NAMES_PL,
    Period,
    PeriodKind,
    for_frequency,
    in_years,
    kind_of,
    matches_frequency,
    parse_period,
    period_of,
    periods_of,
)

PLAUSIBLE_FACTOR = 10.0
"""A value more than this many times the indicator's largest other period asks for --yes."""


def frequency_name(ind: Indicator) -> str:
    names = FREQUENCY_NAMES_PL if get_language() == "pl" else FREQUENCY_NAMES_EN
    return names[ind.frequency]


def period_example(program: Program, ind: Indicator) -> str:
    """A period code of the right form for ``ind``, for hints (``2024``, ``2024-Q3``, …)."""
    periods = periods_of(ind.frequency, program.first_year, program.last_year)
    # The last period of the programme's own years (not 2026-W01, which holds 31 December 2025).
    inside = [p for p in periods if p.year <= program.last_year]
    return str(inside[-1]) if inside else str(program.last_year)


def _form_hint(program: Program, ind: Indicator, in_file: bool = False) -> str:
    """How to write a period for ``ind``; on the command line also ``--date`` (a file has a
    date column instead)."""
    return t(
        "period.form_hint_file" if in_file else "period.form_hint",
        frequency=frequency_name(ind),
        example=period_example(program, ind),
        first=program.first_year,
        last=program.last_year,
    )


def check_in_programme(
    program: Program, ind: Indicator, period: Period, *, in_file: bool = False
) -> Period:
    inside = in_years(period, program.first_year, program.last_year)
    if period.kind is PeriodKind.PROGRAMME:
        inside = (period.year, period.end_year) == (program.first_year, program.last_year)
    if not inside:
        raise InputError(
            t(
                "period.outside",
                period=period,
                id=ind.id,
                first=program.first_year,
                last=program.last_year,
            ),
            hint=_form_hint(program, ind, in_file),
        )
    return period


def check_period(program: Program, ind: Indicator, text: str, *, in_file: bool = False) -> Period:
    """The period ``text`` for ``ind``: of the indicator's frequency, inside the programme.
    ``in_file``: the period comes from an imported file (hints do not mention ``--date``).
    The hint is built only for an error: an import checks every row."""
    try:
        period = parse_period(text)
    except ValueError:
        hint = _form_hint(program, ind, in_file)
        raise InputError(t("period.invalid", period=text), hint=hint) from None
    period = for_frequency(period, ind.frequency, program.first_year, program.last_year)
    if not matches_frequency(period, ind.frequency):
        raise InputError(
            t("period.wrong_form", period=text, id=ind.id, frequency=frequency_name(ind)),
            hint=_form_hint(program, ind, in_file),
        )
    return check_in_programme(program, ind, period, in_file=in_file)


def year_period(program: Program, ind: Indicator, year: int) -> Period:
    """The period meant by ``--year``: only for yearly indicators."""
    if kind_of(ind.frequency) is not PeriodKind.YEAR:
        raise InputError(
            t("period.year_not_yearly", id=ind.id, frequency=frequency_name(ind)),
            hint=_form_hint(program, ind),
        )
    return check_in_programme(program, ind, Period(year, PeriodKind.YEAR))


def date_period(program: Program, ind: Indicator, day: date) -> Period:
    return check_in_programme(
        program, ind, period_of(day, ind.frequency, program.first_year, program.last_year)
    )


def current_period(program: Program, ind: Indicator, today: date) -> Period | None:
    """The period containing ``today``, when it lies inside the programme."""
    if not program.first_year <= today.year <= program.last_year:
        return None
    return period_of(today, ind.frequency, program.first_year, program.last_year)


def parse_tags(ind: Indicator, raw: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """``key=value`` items checked against the indicator's breakdowns (code or label, any
    case); returns ``(breakdown key, value code)`` pairs."""
    tags: list[tuple[str, str]] = []
    for item in raw:
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise InputError(t("tag.form", tag=item), hint=t("tag.form.hint"))
        tags.append(check_tag(ind, key, value))
    keys = [k for k, _ in tags]
    for key in keys:
        if keys.count(key) > 1:
            raise InputError(t("tag.repeated", key=key))
    return tuple(tags)


def check_tag(ind: Indicator, key: str, value: str) -> tuple[str, str]:
    if not ind.breakdowns:
        raise InputError(t("tag.none_declared", id=ind.id, key=key.strip()))
    breakdown = ind.breakdown(key)
    if breakdown is None:
        raise InputError(
            t("tag.unknown_key", id=ind.id, key=key.strip()),
            hint=t("tag.known_keys", keys=", ".join(b.key for b in ind.breakdowns)),
        )
    code = breakdown.resolve(value)
    if code is None:
        raise InputError(
            t("tag.unknown_value", key=breakdown.key, value=value.strip()),
            hint=t("tag.known_values", values=", ".join(c for c, _ in breakdown.values)),
        )
    return breakdown.key, code


def implausible(ind: Indicator, value: float, period: str, actuals: dict[str, float]) -> list[str]:
    """Why ``value`` for ``period`` looks wrong (empty when it looks fine).

    ``actuals`` maps each period of the indicator to its aggregated actual; the value is
    compared with the largest actual of the other periods, and with the programme's bounds.
    """
    reasons: list[str] = []
    if ind.lower_bound is not None and value < ind.lower_bound:
        reasons.append(
            t("plausible.below", value=_num(ind, value), bound=_num(ind, ind.lower_bound))
        )
    if ind.upper_bound is not None and value > ind.upper_bound:
        reasons.append(
            t("plausible.above", value=_num(ind, value), bound=_num(ind, ind.upper_bound))
        )
    others = [v for p, v in actuals.items() if p != period]
    if others:
        largest = max(others)
        if largest > 0 and value > PLAUSIBLE_FACTOR * largest:
            reasons.append(
                t(
                    "plausible.jump",
                    value=_num(ind, value),
                    factor=int(PLAUSIBLE_FACTOR),
                    largest=_num(ind, largest),
                )
            )
    return reasons


def _num(ind: Indicator, value: float) -> str:
    """A value in messages: the indicator's unit, the current language's number format."""
    from wspolpraca_cli.numfmt import format_recorded

    return format_recorded(value, ind.unit, get_language())

"""What ``wsp check`` finds, as text for a person (or a cron mail) and as JSON for a script.

The periods checked and their problems come from :func:`wspolpraca_cli.services.check`, and so
do the act's limits applied to the grants register (their own section, after the problems);
the exit code is decided by the caller from
:attr:`~wspolpraca_cli.services.CheckResult.shortfalls` and
:attr:`~wspolpraca_cli.services.CheckResult.findings`.
"""

from __future__ import annotations

from datetime import date

from wspolpraca_cli.grants.rules import Finding, FindingRow
from wspolpraca_cli.i18n import get_language, plural, t
from wspolpraca_cli.model import Indicator
from wspolpraca_cli.numfmt import (
    DASH,
    format_amount,
    format_date,
    format_number,
    format_percent,
    format_target,
    format_value,
)
from wspolpraca_cli.progress import (
    Orphan,
    PeriodResult,
    Status,
    summary_counts,
)
from wspolpraca_cli.records import record
from wspolpraca_cli.render.status import (
    entries_text,
    period_label,
    status_word,
)
from wspolpraca_cli.safe_text import one_line, shown
from wspolpraca_cli.services.progress import CheckResult

JSON_SCHEMA = 1
PROBLEM_ORDER: tuple[Status, ...] = (Status.OVERDUE, Status.MISSED, Status.AWAITING)


def _one_line(text: str) -> str:
    """The name on one line, never shortened (a cron mail must say which indicator), its
    control characters shown escaped."""
    return one_line(text)


def todo(r: PeriodResult, ind: Indicator, lang: str) -> str:
    """What to do about a problem, in one line."""
    period = period_label(r.period)
    name = _one_line(ind.name)
    computed = ind.computed is not None  # filled in by the grants register, not by entries
    if r.status is Status.MISSED:
        return t(
            "check.todo.missed_computed" if computed else "check.todo.missed",
            id=one_line(ind.id),
            name=name,
            period=period,
            actual=format_value(r.actual, ind, lang),
            target=format_target(r.target, ind, lang),
            percent=format_percent(r.achievement, lang),
        )
    key = "check.todo.record_late" if r.status is Status.OVERDUE else "check.todo.record"
    if computed:
        key = "check.todo.import_late" if r.status is Status.OVERDUE else "check.todo.import"
    return t(
        key, period=period, id=one_line(ind.id), name=name, deadline=format_date(r.deadline, lang)
    )


def orphan_text(o: Orphan) -> str:
    return t(
        f"check.orphan.{o.reason.value}",
        entries=entries_text(o.count),
        id=one_line(o.indicator_id),
        period=one_line(o.period),
    )


@record
class CheckDocument:
    """What ``wsp check`` prints."""

    result: CheckResult
    program_file: str
    store: str
    quiet: bool = False


def render_document(doc: CheckDocument) -> str:
    """The text of ``wsp check`` (nothing at all with ``quiet`` when all is well)."""
    text = render_text(doc.result, quiet=doc.quiet)
    return text + "\n" if text else ""


def render_text(result: CheckResult, *, quiet: bool = False, today: date | None = None) -> str:
    """Problems first, one line each (status word, then what to do), orphans, then a summary.
    ``quiet``: nothing at all when there is nothing to do. The periods checked run "to
    today" when the as-of date is ``today`` (default: the real today), else to that date."""
    lang = get_language()
    program = result.progress.program
    lines: list[tuple[str, str]] = []
    for r in result.problems:
        ind = program.indicator(r.indicator_id)
        if ind is not None:
            lines.append((status_word(r.status), todo(r, ind, lang)))
    lines += [(t("check.orphan.word"), orphan_text(o)) for o in result.orphans]
    explained = explained_lines(result)
    findings = result.findings
    if quiet and not lines and not findings:
        return ""
    day = format_date(result.progress.as_of, lang)
    start = date(program.first_year, 1, 1)
    if result.year is None and result.progress.as_of < start:
        scope = t("check.header.not_started", date=day, start=format_date(start, lang))
    elif result.year is None:
        as_today = result.progress.as_of == (today or date.today())
        key = "check.header.scope_all" if as_today else "check.header.scope_until"
        scope = t(key, date=day, first=program.first_year)
    else:
        scope = t("check.header.scope_year", date=day, year=result.year)
    out = [t("check.header", title=one_line(program.title)), scope, ""]
    width = max((len(word) for word, _ in lines), default=0)
    out += [f"{word.ljust(width)}  {text}" for word, text in lines]
    if not lines and not explained and not findings:
        out.append(t("check.all_good"))
    if explained:
        out += ["", t("check.explained.header")]
        width = max(len(word) for word, _ in explained)
        out += [f"{word.ljust(width)}  {text}" for word, text in explained]
    if result.limits:
        out += ["", *limits_lines(result, lang)]
    items = [
        t("status.summary.item", word=status_word(s), count=n)
        for s, n in summary_counts(result.rows)
    ]
    out += ["", t("check.summary", items=" · ".join(items) or t("status.summary.none"))]
    if findings:
        found = plural(len(findings), "noun.limit_findings")
        if result.shortfalls:
            periods = plural(result.shortfalls, "noun.shortfall_periods")
            out.append(t("check.result.shortfall_limits", periods=periods, findings=found))
        else:
            out.append(t("check.result.limits", findings=found))
    elif result.shortfalls:
        periods = plural(result.shortfalls, "noun.shortfall_periods")
        out.append(t("check.result.shortfall", periods=periods))
    else:
        out.append(t("check.result.ok"))
    if result.explained_shortfalls:
        out.append(t("check.result.explained", count=result.explained_shortfalls))
    return shown("\n".join(out))


def finding_text(f: Finding, lang: str) -> str:
    """What a finding says, in one line: the year, the provision, the limit and the amounts."""
    from wspolpraca_cli.grants.limits import SMALL_GRANT_DAYS, SMALL_GRANT_SHARE

    def zl(value: float | None) -> str:
        return f"{format_amount(value, lang)} zł"

    if f.limit is SMALL_GRANT_DAYS:
        value, bound = format_number(f.value, lang), format_number(f.bound, lang)
    else:
        value, bound = zl(f.value), zl(f.bound)
    organisation = one_line(f.organisation) or DASH
    if f.krs:
        organisation += f" (KRS {one_line(f.krs)})"
    text = t(
        f"check.limit.{f.limit.key}",
        value=value,
        bound=bound,
        organisation=organisation,
        year=f.year,
        planned=zl(f.planned),
        share=format_percent(SMALL_GRANT_SHARE.value, lang),
    )
    return t("check.limits.line", year=f.year, basis=f.limit.basis, text=text)


def finding_row_text(row: FindingRow, lang: str) -> str:
    """A row a finding names: the organisation, the task's title, its uid, the grant."""
    from wspolpraca_cli.services.base import SHORT

    values = {
        "organisation": one_line(row.organisation) or DASH,
        "title": one_line(row.title) or DASH,
        "uid": row.uid[:SHORT],
        "granted": f"{format_amount(row.granted, lang)} zł",
    }
    if row.days is not None:
        return t("check.limits.row_days", days=format_number(row.days, lang), **values)
    return t("check.limits.row", **values)


def limits_lines(result: CheckResult, lang: str) -> list[str]:
    """The act's limits in the register: each finding and the rows it names, then the funds
    granted against planned, per year checked."""
    out = [t("check.limits.header")]
    for f in result.findings:
        out.append(f"  {finding_text(f, lang)}")
        out += [f"      {finding_row_text(r, lang)}" for r in f.rows]
    if not result.findings:
        out.append(f"  {t('check.limits.none')}")
    out.append(t("check.funds.header"))
    for year in result.limits:
        b = year.balance
        values = {
            "year": b.year,
            "granted": f"{format_amount(b.granted, lang)} zł",
            "small": f"{format_amount(b.small_grants, lang)} zł",
        }
        if b.planned is None:
            out.append(f"  {t('check.funds.line_unplanned', **values)}")
            continue
        share = format_percent(b.share, lang) if b.share is not None else DASH
        planned = f"{format_amount(b.planned, lang)} zł"
        out.append(f"  {t('check.funds.line', planned=planned, share=share, **values)}")
    return out


def explained_lines(result: CheckResult) -> list[tuple[str, str]]:
    """The problems with an explanation in force: status word, then the explanation (who
    gave it, when)."""
    from wspolpraca_cli.audit import shown_time

    found = []
    for r in result.explained:
        e = r.explanation
        if e is None:
            continue
        text = t(
            "check.explained.line",
            id=one_line(r.indicator_id),
            period=period_label(r.period),
            text=one_line(e.text),
            by=one_line(e.recorded_by),
            at=shown_time(e.recorded_at),
        )
        found.append((status_word(r.status), text))
    return found

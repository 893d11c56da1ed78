"""Period arithmetic: frequencies, periods (two-year spans, years, halves, quarters, months,
ISO weeks, the whole programme), their bounds, and the reporting deadline.

Pure functions and frozen values; nothing here reads files or the clock.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from enum import StrEnum
from functools import cached_property

from wspolpraca_cli.i18n import t
from wspolpraca_cli.records import record


class Frequency(StrEnum):
    """How often an indicator is measured."""

    YEARLY = "yearly"
    HALF_YEARLY = "half_yearly"
    QUARTERLY = "quarterly"
    MONTHLY = "monthly"
    WEEKLY = "weekly"
    BIENNIAL = "biennial"
    ONCE = "once"
    END = "end"

    @property
    def per_year(self) -> int:
        """Periods per calendar year (52 a week, though a year may have 53; 0 for once, the
        end of the programme and every two years)."""
        return _PER_YEAR[self]


_PER_YEAR = {
    Frequency.YEARLY: 1,
    Frequency.HALF_YEARLY: 2,
    Frequency.QUARTERLY: 4,
    Frequency.MONTHLY: 12,
    Frequency.WEEKLY: 52,
    Frequency.BIENNIAL: 0,
    Frequency.ONCE: 0,
    Frequency.END: 0,
}

# Words a programme document uses for a frequency (compared after normalise_words()).
FREQUENCY_WORDS: dict[str, Frequency] = {
    # Polish
    "raz w roku": Frequency.YEARLY,
    "corocznie": Frequency.YEARLY,
    "rocznie": Frequency.YEARLY,
    "co roku": Frequency.YEARLY,
    "raz na rok": Frequency.YEARLY,
    "raz na pół roku": Frequency.HALF_YEARLY,
    "raz w półroczu": Frequency.HALF_YEARLY,
    "półrocznie": Frequency.HALF_YEARLY,
    "co pół roku": Frequency.HALF_YEARLY,
    "dwa razy w roku": Frequency.HALF_YEARLY,
    "raz na kwartał": Frequency.QUARTERLY,
    "raz w kwartale": Frequency.QUARTERLY,
    "kwartalnie": Frequency.QUARTERLY,
    "co kwartał": Frequency.QUARTERLY,
    "raz w miesiącu": Frequency.MONTHLY,
    "raz na miesiąc": Frequency.MONTHLY,
    "miesięcznie": Frequency.MONTHLY,
    "co miesiąc": Frequency.MONTHLY,
    "raz w tygodniu": Frequency.WEEKLY,
    "raz na tydzień": Frequency.WEEKLY,
    "co tydzień": Frequency.WEEKLY,
    "tygodniowo": Frequency.WEEKLY,
    "cotygodniowo": Frequency.WEEKLY,
    "raz na dwa lata": Frequency.BIENNIAL,
    "co dwa lata": Frequency.BIENNIAL,
    "raz na 2 lata": Frequency.BIENNIAL,
    "co 2 lata": Frequency.BIENNIAL,
    "jednorazowo": Frequency.ONCE,
    "jednokrotnie": Frequency.ONCE,
    "na koniec programu": Frequency.END,
    "po zakończeniu programu": Frequency.END,
    "na zakończenie programu": Frequency.END,
    # English
    "yearly": Frequency.YEARLY,
    "annually": Frequency.YEARLY,
    "once a year": Frequency.YEARLY,
    "half_yearly": Frequency.HALF_YEARLY,
    "half-yearly": Frequency.HALF_YEARLY,
    "semi-annually": Frequency.HALF_YEARLY,
    "twice a year": Frequency.HALF_YEARLY,
    "quarterly": Frequency.QUARTERLY,
    "once a quarter": Frequency.QUARTERLY,
    "monthly": Frequency.MONTHLY,
    "once a month": Frequency.MONTHLY,
    "weekly": Frequency.WEEKLY,
    "once a week": Frequency.WEEKLY,
    "biennial": Frequency.BIENNIAL,
    "biennially": Frequency.BIENNIAL,
    "every two years": Frequency.BIENNIAL,
    "every 2 years": Frequency.BIENNIAL,
    "once": Frequency.ONCE,
    "end": Frequency.END,
    "at the end of the programme": Frequency.END,
    "end of programme": Frequency.END,
}

FREQUENCY_NAMES_PL = {
    Frequency.YEARLY: "raz w roku",
    Frequency.HALF_YEARLY: "raz na pół roku",
    Frequency.QUARTERLY: "raz na kwartał",
    Frequency.MONTHLY: "raz w miesiącu",
    Frequency.WEEKLY: "raz w tygodniu",
    Frequency.BIENNIAL: "raz na dwa lata",
    Frequency.ONCE: "jednorazowo",
    Frequency.END: "na koniec programu",
}
FREQUENCY_NAMES_EN = {
    Frequency.YEARLY: "yearly",
    Frequency.HALF_YEARLY: "half-yearly",
    Frequency.QUARTERLY: "quarterly",
    Frequency.MONTHLY: "monthly",
    Frequency.WEEKLY: "weekly",
    Frequency.BIENNIAL: "every two years",
    Frequency.ONCE: "once",
    Frequency.END: "at the end of the programme",
}


def normalise_words(text: str) -> str:
    """Lower-case, collapse whitespace, drop a trailing full stop."""
    return " ".join(text.lower().replace("\u00a0", " ").split()).rstrip(".")


_FOLD = str.maketrans("ąćęłńóśźż", "acelnoszz")


def fold(text: str) -> str:
    """Polish letters without diacritics (``półrocznie`` → ``polrocznie``), for lenient matching."""
    return text.translate(_FOLD)


def parse_frequency(text: str) -> Frequency:
    """Read a frequency in Polish (with or without diacritics) or English; raise ValueError."""
    key = normalise_words(text)
    found = FREQUENCY_WORDS.get(key)
    if found is None:
        folded = fold(key)
        found = next((f for word, f in FREQUENCY_WORDS.items() if fold(word) == folded), None)
    if found is None:
        raise ValueError(t("prog.unknown_frequency", text=text))
    return found


FREQUENCY_CUTOFF = 0.8
"""How alike a frequency phrase must be to be suggested: more than other words, since
phrases such as ``raz na dwa lata`` and ``raz na kwartał`` share most of their letters."""

_NUMBER_WORDS = frozenset(
    fold(w)
    for w in (
        "raz", "jeden", "jedna", "jednorazowo", "dwa", "dwie", "dwu", "trzy", "cztery", "pięć",
        "sześć", "siedem", "osiem", "dziewięć", "dziesięć", "pół", "once", "twice", "one",
        "two", "three", "four", "five", "half",
    )
)  # fmt: skip


def _numbers_in(words: str) -> set[str]:
    """The number words and numerals of a folded phrase (``raz na dwa lata``: raz, dwa)."""
    return {w for w in words.split() if w in _NUMBER_WORDS or w.isdigit()}


def closest_frequency_word(text: str) -> str | None:
    """The accepted frequency word closest to ``text``, for a did-you-mean — only one close
    in meaning: spelt alike, and naming no number the typed words do not (``raz na trzy
    lata`` is not ``raz na kwartał``)."""
    from wspolpraca_cli.suggest import close_matches

    def norm(word: str) -> str:
        return fold(normalise_words(word))

    typed = _numbers_in(norm(text))
    known = [w for w in FREQUENCY_WORDS if typed <= _numbers_in(norm(w))]
    close = close_matches(text, known, n=1, key=norm, cutoff=FREQUENCY_CUTOFF)
    return close[0] if close else None


class PeriodKind(StrEnum):
    YEAR = "Y"
    HALF = "H"
    QUARTER = "Q"
    MONTH = "M"
    WEEK = "W"
    BIENNIUM = "B"
    PROGRAMME = "P"


_KIND_OF_FREQUENCY = {
    Frequency.YEARLY: PeriodKind.YEAR,
    Frequency.HALF_YEARLY: PeriodKind.HALF,
    Frequency.QUARTERLY: PeriodKind.QUARTER,
    Frequency.MONTHLY: PeriodKind.MONTH,
    Frequency.WEEKLY: PeriodKind.WEEK,
    Frequency.BIENNIAL: PeriodKind.BIENNIUM,
    Frequency.ONCE: PeriodKind.PROGRAMME,
    Frequency.END: PeriodKind.PROGRAMME,
}


def kind_of(frequency: Frequency) -> PeriodKind:
    return _KIND_OF_FREQUENCY[frequency]


@record(order=True)
class Period:
    """A reporting period.

    ``year`` is the calendar year (the first year for a programme-wide period or a
    biennium; the ISO year for a week), ``index`` the half (1–2), quarter (1–4), month
    (1–12) or ISO week (1–53), or the last year for a programme-wide period or a biennium
    (``2023-2024``: two years counted from the programme's first; the last may be one year
    when the programme's years are odd in number); 0 for a plain year.
    """

    year: int
    kind: PeriodKind
    index: int = 0

    def __str__(self) -> str:
        return self.code

    @cached_property
    def code(self) -> str:
        """The period's code (``2024``, ``2024-Q3``, ``2024-W05``, ``2021-2025``), made once
        per period: the engine shares its periods between indicators, which renderers name
        again and again."""
        if self.kind is PeriodKind.YEAR:
            return f"{self.year}"
        if self.kind is PeriodKind.HALF:
            return f"{self.year}-H{self.index}"
        if self.kind is PeriodKind.QUARTER:
            return f"{self.year}-Q{self.index}"
        if self.kind is PeriodKind.MONTH:
            return f"{self.year}-{self.index:02d}"
        if self.kind is PeriodKind.WEEK:
            return f"{self.year}-W{self.index:02d}"
        return f"{self.year}-{self.index}"

    @cached_property
    def start(self) -> date:
        """The first day of the period (computed once per period: the engine asks often)."""
        if self.kind is PeriodKind.HALF:
            return date(self.year, 6 * (self.index - 1) + 1, 1)
        if self.kind is PeriodKind.QUARTER:
            return date(self.year, 3 * (self.index - 1) + 1, 1)
        if self.kind is PeriodKind.MONTH:
            return date(self.year, self.index, 1)
        if self.kind is PeriodKind.WEEK:
            return date.fromisocalendar(self.year, self.index, 1)
        return date(self.year, 1, 1)

    @cached_property
    def end(self) -> date:
        """The last day of the period (inclusive)."""
        if self.kind is PeriodKind.YEAR:
            return date(self.year, 12, 31)
        if self.kind in _SPANS:
            return date(self.index, 12, 31)
        if self.kind is PeriodKind.WEEK:
            return self.start + timedelta(days=6)
        months = {PeriodKind.HALF: 6, PeriodKind.QUARTER: 3, PeriodKind.MONTH: 1}[self.kind]
        first_month = self.start.month + months
        year = self.year + (first_month - 1) // 12
        month = (first_month - 1) % 12 + 1
        return date(year, month, 1) - timedelta(days=1)

    @property
    def end_year(self) -> int:
        return self.index if self.kind in _SPANS else self.year

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def years(self) -> range:
        return range(self.year, self.end_year + 1)


_SPANS = frozenset({PeriodKind.PROGRAMME, PeriodKind.BIENNIUM})
"""Periods of whole years, from ``year`` to ``index``."""

_PERIOD_RE = re.compile(  # ASCII digits only: \d would also take ٢٠٢٤ and ２０２４
    r"^(?P<year>\d{4})(?:-(?:(?P<h>[Hh][12])|(?P<q>[Qq][1-4])|(?P<w>[Ww]\d{1,2})|(?P<m>\d{1,2})"
    r"|(?P<last>\d{4})))?$",
    re.ASCII,
)


def weeks_in(year: int) -> int:
    """ISO weeks in ``year`` (52 or 53: the week of 28 December is its last)."""
    return date(year, 12, 28).isocalendar().week


def parse_period(text: str) -> Period:
    """Parse ``2024``, ``2024-H1``, ``2024-Q3``, ``2024-03``, ``2024-W05`` (an ISO week) or
    ``2021-2025`` (a span of years: the programme's, or a biennium — see
    :func:`for_frequency`)."""
    match = _PERIOD_RE.match(text.strip())
    if not match:
        raise ValueError(t("prog.period.invalid", text=text))
    year = int(match["year"])
    if match["h"]:
        return Period(year, PeriodKind.HALF, int(match["h"][1]))
    if match["q"]:
        return Period(year, PeriodKind.QUARTER, int(match["q"][1]))
    if match["w"]:
        week = int(match["w"][1:])
        if not 1 <= week <= weeks_in(year):
            raise ValueError(t("prog.period.bad_week", text=text, weeks=weeks_in(year)))
        return Period(year, PeriodKind.WEEK, week)
    if match["m"]:
        month = int(match["m"])
        if not 1 <= month <= 12:
            raise ValueError(t("prog.period.bad_month", text=text))
        return Period(year, PeriodKind.MONTH, month)
    if match["last"]:
        last = int(match["last"])
        if last < year:
            raise ValueError(t("prog.period.reversed", text=text))
        return Period(year, PeriodKind.PROGRAMME, last)
    return Period(year, PeriodKind.YEAR)


def period_of(day: date, frequency: Frequency, first_year: int, last_year: int) -> Period:
    """The period of ``frequency`` that contains ``day``."""
    kind = kind_of(frequency)
    if kind is PeriodKind.YEAR:
        return Period(day.year, kind)
    if kind is PeriodKind.HALF:
        return Period(day.year, kind, 1 if day.month <= 6 else 2)
    if kind is PeriodKind.QUARTER:
        return Period(day.year, kind, (day.month - 1) // 3 + 1)
    if kind is PeriodKind.MONTH:
        return Period(day.year, kind, day.month)
    if kind is PeriodKind.WEEK:
        iso = day.isocalendar()
        return Period(iso.year, kind, iso.week)
    if kind is PeriodKind.BIENNIUM:
        return biennium_of(day.year, first_year, last_year)
    return Period(first_year, kind, last_year)


def biennium_of(year: int, first_year: int, last_year: int) -> Period:
    """The biennium holding ``year``: two years counted from the programme's first
    (``2021-2022``, ``2023-2024``, …), the last cut at the programme's end (``2025-2025``)."""
    start = first_year + 2 * ((year - first_year) // 2)
    return Period(start, PeriodKind.BIENNIUM, max(start, min(start + 1, last_year)))


def for_frequency(period: Period, frequency: Frequency, first_year: int, last_year: int) -> Period:
    """``period`` as a period of ``frequency``: a span of years (``2023-2024``, read as the
    programme's kind) that is one of a biennial indicator's bienniums becomes that
    biennium; any other period is returned as it is."""
    spans = frequency is Frequency.BIENNIAL and period.kind is PeriodKind.PROGRAMME
    if spans and first_year <= period.year <= last_year:
        biennium = biennium_of(period.year, first_year, last_year)
        if (biennium.year, biennium.index) == (period.year, period.index):
            return biennium
    return period


def in_years(period: Period, first_year: int, last_year: int) -> bool:
    """Whether ``period`` lies in the years ``first_year``..``last_year``: a week when one of
    its days does (the ISO week of 1 January 2023 is 2022-W52, and it holds a programme day);
    any other period wholly."""
    if period.kind is PeriodKind.WEEK:
        return period.start.year <= last_year and period.end.year >= first_year
    return first_year <= period.year and period.end_year <= last_year


def periods_of(frequency: Frequency, first_year: int, last_year: int) -> list[Period]:
    """Every period of ``frequency`` in the years ``first_year``..``last_year``, in order:
    for weeks, every ISO week holding a day of those years, so that each day has its week."""
    kind = kind_of(frequency)
    if kind is PeriodKind.PROGRAMME:
        return [Period(first_year, kind, last_year)]
    years = range(first_year, last_year + 1)
    if kind is PeriodKind.YEAR:
        return [Period(y, kind) for y in years]
    if kind is PeriodKind.WEEK:
        first = period_of(date(first_year, 1, 1), frequency, first_year, last_year)
        last = period_of(date(last_year, 12, 31), frequency, first_year, last_year)
        weeks = []
        monday = first.start
        while monday <= last.start:
            iso = monday.isocalendar()
            weeks.append(Period(iso.year, kind, iso.week))
            monday += timedelta(days=7)
        return weeks
    if kind is PeriodKind.BIENNIUM:
        return [biennium_of(y, first_year, last_year) for y in years[::2]]
    per_year = frequency.per_year
    return [Period(y, kind, i) for y in years for i in range(1, per_year + 1)]


def matches_frequency(period: Period, frequency: Frequency) -> bool:
    return period.kind is kind_of(frequency)


@record
class Deadline:
    """The reporting deadline: a month and day of the year after the period ends."""

    month: int = 5
    day: int = 31

    def for_period(self, period: Period) -> date:
        return date(period.end_year + 1, self.month, self.day)


MONTHS_PL_GENITIVE = (
    "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca",
    "lipca", "sierpnia", "września", "października", "listopada", "grudnia",
)  # fmt: skip
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def parse_deadline(text: str) -> Deadline:
    """Read ``05-31``, ``31.05``, ``31 maja`` or ``31 May`` as a day of the following year."""
    raw = normalise_words(text)
    month = day = 0
    if m := re.fullmatch(r"(\d{1,2})-(\d{1,2})", raw):
        month, day = int(m[1]), int(m[2])
    elif m := re.fullmatch(r"(\d{1,2})\.(\d{1,2})", raw):
        day, month = int(m[1]), int(m[2])
    elif m := re.fullmatch(r"(\d{1,2}) (\w+)", raw):
        day = int(m[1])
        name = m[2]
        for i, (pl, en) in enumerate(zip(MONTHS_PL_GENITIVE, MONTHS_EN, strict=True), 1):
            if name in (pl, en.lower(), en.lower()[:3]):
                month = i
    if not (1 <= month <= 12):
        raise ValueError(t("prog.deadline.invalid", text=text))
    try:
        date(2023, month, day)  # a common year: 29 February is not a day of every year
    except ValueError:
        raise ValueError(t("prog.deadline.no_such_day", text=text)) from None
    return Deadline(month, day)

"""What a draft holds: the document's lines as read, and the programme found in them.

Readers (:mod:`.read`) turn a file into :class:`Source` — lines of text and, from a DOCX, real
tables — each with where it sits in the file. The parser (:mod:`.parse`) finds in it a
:class:`Draft`: metadata, goals, areas with their actions and indicators, footnotes, and every
:class:`Check` — a place it could not read or place, kept with its original text.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Where:
    """Where a piece of text sits in the source file, for messages: a line of a text file, a
    page of a PDF, a paragraph or a table row of a DOCX."""

    line: int = 0
    page: int = 0
    paragraph: int = 0
    table: int = 0
    row: int = 0

    def text(self) -> str:
        from wspolpraca_cli.i18n import t

        if self.table:
            return t("draft.where.table_row", table=self.table, row=self.row)
        if self.paragraph:
            return t("draft.where.paragraph", paragraph=self.paragraph)
        if self.page:
            return t("draft.where.page_line", page=self.page, line=self.line)
        return t("draft.where.line", line=self.line)


@dataclass(frozen=True)
class Line:
    """One line of the document's text."""

    text: str
    where: Where
    page_break: bool = False
    """The line is the first of a new page (a form feed before it)."""


@dataclass(frozen=True)
class Table:
    """A real table (DOCX): its rows of cell texts, as the document has them."""

    rows: tuple[tuple[str, ...], ...]
    number: int
    """The table's number in the document (1, 2, …)."""


@dataclass(frozen=True)
class Source:
    """A document as read: its lines and tables in reading order."""

    file: str
    items: tuple[Line | Table, ...]
    footnotes: tuple[str, ...] = ()
    """Footnotes that are sources whatever refers to them (a DOCX table's)."""


@dataclass
class Check:
    """Something the draft could not read or place: what (``message``), the document's own
    words (``original``) and where they were."""

    message: str
    original: str = ""
    where: Where | None = None


@dataclass
class Indicator:
    name: str
    target: str | None = None
    """The target in the document's words (None: none found)."""
    frequency: str | None = None
    """The frequency in the document's words (None: none found)."""
    baseline: str | None = None
    """The baseline in the document's words (a table's ``Wartość bazowa``)."""
    unit: str = ""
    """The unit wsp will read it in (``liczba``, ``%``, ``zł``, ``tak/nie``, ``wartość``)."""
    unit_guessed: bool = False
    checks: list[Check] = field(default_factory=list)
    where: Where | None = None


@dataclass
class Action:
    lp: str
    name: str
    indicators: list[Indicator] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    where: Where | None = None


@dataclass
class Area:
    id: str
    name: str
    actions: list[Action] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    named: bool = True
    """False when the document gives the area no heading (its name is a placeholder)."""


@dataclass
class Goal:
    id: str
    name: str
    where: Where | None = None


@dataclass
class MainGoal(Goal):
    specific: list[Goal] = field(default_factory=list)


@dataclass
class Found:
    """A metadata value found in the text, with the words it was read from."""

    value: str
    original: str
    where: Where | None = None


@dataclass
class Draft:
    """The programme found in a document."""

    file: str
    title: Found | None = None
    issuer: Found | None = None
    years: tuple[int, int] | None = None
    years_text: Found | None = None
    main_goals: list[MainGoal] = field(default_factory=list)
    areas: list[Area] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    """What could not be placed anywhere more precise (written at the end of the file)."""

    @property
    def specific_goals(self) -> list[Goal]:
        return [g for main in self.main_goals for g in main.specific]

    @property
    def usable(self) -> bool:
        return bool(self.main_goals or self.specific_goals or any(a.actions for a in self.areas))

    def target_years(self) -> list[int]:
        from wspolpraca_cli.draft.notation import target_years

        return [
            year
            for area in self.areas
            for action in area.actions
            for ind in action.indicators
            if ind.target is not None
            for year in target_years(ind.target)
        ]

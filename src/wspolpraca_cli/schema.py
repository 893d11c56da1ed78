"""The programme file format, validated by Pydantic (``extra="forbid"`` everywhere).

Field validators turn the document's words (``Raz w roku``, ``1/rok``, ``liczba``) into
wsp's values; :func:`to_program` turns a validated file into :class:`model.Program`.
Cross-references (goal ids, duplicate ids, years) are checked by the loader's rules
(:mod:`wspolpraca_cli.loader.rules`), which know where each value sits in the file.

The goal tree of format 2: ``goals.main`` is one main goal (a mapping, as in format 1) or a
list of them, each with its document code as ``id``; a main goal's specific goals are nested
under it (``specific:``; ``goals.specific`` stays for the only main goal); ``indicators:`` may
stand on a main goal (impact) and on a specific goal (result), each with an explicit ``id``;
an indicator's ``serves: [..]`` names further goals it serves (shown under each, counted
once).
"""

from __future__ import annotations

import contextlib
from contextvars import ContextVar
from typing import Annotated, Any, NamedTuple

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from wspolpraca_cli import model
from wspolpraca_cli.i18n import t
from wspolpraca_cli.periods import (
    FREQUENCY_WORDS,
    Deadline,
    closest_frequency_word,
    normalise_words,
    parse_deadline,
)
from wspolpraca_cli.periods import parse_frequency as _parse_frequency
from wspolpraca_cli.targets import (
    MAGNITUDES,
    Target,
    TargetError,
    accepted_notations,
    parse_target,
)
from wspolpraca_cli.units import UnitError, UnitSpec, format1_unit, infer_unit

FORMAT_VERSION = 2
"""The newest format of the programme file this wsp reads (and ``wsp init`` writes)."""
FORMATS = (1, 2)
"""Every format this wsp reads: format 2 is a superset of format 1."""

_FILE_FORMAT: ContextVar[int] = ContextVar("wsp_file_format", default=FORMAT_VERSION)
"""The format of the file being validated, set by :class:`ProgramFile` for its fields."""


def file_format() -> int:
    """The format of the programme file being validated (1 for a file without ``format:``;
    the newest when its ``format`` cannot be read, which is reported on its own)."""
    return _FILE_FORMAT.get()


def requires_format_2(message: str, hint: str = "") -> None:
    """Refuse a format-2 structure in a format-1 file: call it from a field validator with
    the message (what is refused, translated); the error is located at the field, and its
    hint (after ``hint``, if any) says to write ``format: 2``. Nothing happens in a
    format-2 file."""
    if file_format() < 2:
        raise format_2_error(message, hint)


def format_2_error(message: str, hint: str = "") -> PydanticCustomError:
    """The error :func:`requires_format_2` raises (for a validator that knows the file is
    format 1)."""
    advice = t("prog.format2_required.hint")
    return _error("wsp_format_2", message, f"{hint}; {advice}" if hint else advice)


def _error(kind: str, message: str, hint: str = "") -> PydanticCustomError:
    """A validation error whose text is already translated.

    The message goes in through the ``{message}`` template, so braces in user values are
    shown as written; the loader reads ``hint`` from the context. ``message`` is the last
    key: Pydantic fills the template key by key, so braces in it are never filled in.
    """
    context: dict[str, Any] = {"hint": hint} if hint else {}
    context["message"] = message
    return PydanticCustomError(kind, "{message}", context)


def _format_2_only(key: str) -> Any:
    """A ``before`` validator refusing a format-2 key in a format-1 file (where it is given
    at all: an empty list is let through)."""

    def check(value: Any) -> Any:
        if value not in (None, [], {}):
            requires_format_2(t(f"prog.format2.{key}"))
        return value

    return BeforeValidator(check)


def _no_bool(value: Any) -> Any:
    """Text fields: refuse YAML booleans, and numbers whose text YAML would change."""
    if isinstance(value, bool):
        raise _error(
            "yaml_boolean",
            t("prog.yaml_boolean_value", value=str(value).lower()),
            t("prog.yaml_boolean_value.hint"),
        )
    source = getattr(value, "yaml_source", None)
    if isinstance(value, int | float) and source is not None and source.strip() != str(value):
        # e.g. an id 1.10 read as 1.1, or L.p. 010 read as the octal number 8
        raise _error(
            "yaml_number",
            t("prog.yaml_number", source=source, value=value),
            t("prog.yaml_number.hint", source=source),
        )
    return value


MAX_DEADLINE_DAYS = 3660
"""The most days ``deadline_days`` may give (ten years: more is a typo, and no date is
computed past the calendar's end)."""


def _whole_days(value: Any) -> Any:
    """``deadline_days``: a whole number of days from 0 (YAML's int, not a boolean, a
    fraction or text)."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_DEADLINE_DAYS:
        return value
    source = getattr(value, "yaml_source", None)
    shown = source.strip() if isinstance(source, str) else str(value)
    if isinstance(value, bool):
        shown = str(value).lower()
    raise _error(
        "wsp_deadline_days",
        t("prog.deadline_days", value=shown, most=MAX_DEADLINE_DAYS),
        t("prog.deadline_days.hint"),
    )


DeadlineDays = Annotated[int, BeforeValidator(_whole_days)]


def _planned_year(value: Any) -> Any:
    """A key of ``planned_funds``: a year, written as YAML's whole number (or its digits as
    text); whether the programme has that year is a loader rule."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        return int(value.strip())
    from wspolpraca_cli.targets import shown_value

    shown = str(value).lower() if isinstance(value, bool) else shown_value(value)
    raise _error(
        "wsp_planned_year",
        t("prog.planned_funds.year", value=shown),
        t("prog.planned_funds.year.hint"),
    )


def _planned_amount(value: Any) -> Any:
    """A value of ``planned_funds``: an amount in zł of zero or more, as people write it
    (``500 000``, ``500000,00``, ``1 250 000 zł``, ``1,25 mln zł``), read as a measured
    amount is (:func:`wspolpraca_cli.values.parse_value`); a YAML number by the text the
    file gives (so that ``12.500`` is refused as ambiguous, not read as 12,5)."""
    from wspolpraca_cli.errors import InputError
    from wspolpraca_cli.numbers import format_plain
    from wspolpraca_cli.targets import shown_value
    from wspolpraca_cli.values import accepted_forms, parse_value

    if isinstance(value, int | float) and not isinstance(value, bool):
        source = getattr(value, "yaml_source", None)
        text = source.strip() if isinstance(source, str) and source else format_plain(value)
    elif isinstance(value, str):
        text = value
    else:
        shown = str(value).lower() if isinstance(value, bool) else shown_value(value)
        raise _error(
            "wsp_planned_amount",
            t("prog.planned_funds.amount", value=shown),
            accepted_forms(model.Unit.AMOUNT),
        )
    try:
        return parse_value(text, model.Unit.AMOUNT)
    except InputError as exc:
        plain = exc.message == t("value.invalid", value=text)
        hint = exc.hint if plain else f"{exc.message.rstrip('.')}; {exc.hint}"
        raise _error(
            "wsp_planned_amount", t("prog.planned_funds.amount", value=shown_value(text)), hint
        ) from None


PlannedYear = Annotated[int, BeforeValidator(_planned_year)]
PlannedAmount = Annotated[float, BeforeValidator(_planned_amount)]
Text = Annotated[str, BeforeValidator(_no_bool), Field(min_length=1)]
OptionalText = Annotated[str, BeforeValidator(_no_bool)]


class _Base(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        coerce_numbers_to_str=True,
        str_strip_whitespace=True,
        frozen=True,
        allow_inf_nan=False,
    )


class ProgramMeta(_Base):
    title: Text
    issuer: Text
    first_year: int = Field(ge=1990, le=2200)
    last_year: int = Field(ge=1990, le=2200)
    reporting_deadline: Deadline = Deadline()
    deadline_days: DeadlineDays = 30
    language: OptionalText = "pl"
    adopted_by: OptionalText = ""
    planned_funds: Annotated[dict[PlannedYear, PlannedAmount], _format_2_only("planned_funds")] = {}
    """The funds planned for the programme's grants, per year, in zł (art. 5a ust. 4 pkt 8;
    format 2)."""

    @field_validator("reporting_deadline", mode="before")
    @classmethod
    def _deadline(cls, value: Any) -> Deadline:
        if isinstance(value, Deadline):
            return value
        if not isinstance(value, str):
            raise _error("wsp_deadline", t("prog.deadline_not_text"))
        try:
            return parse_deadline(value)
        except ValueError as exc:
            raise _error("wsp_deadline", str(exc)) from None

    @field_validator("language")
    @classmethod
    def _language(cls, value: str) -> str:
        if value not in ("pl", "en"):
            raise _error("wsp_language", t("prog.language"))
        return value

    @field_validator("last_year")
    @classmethod
    def _order(cls, value: int, info: Any) -> int:
        first = info.data.get("first_year")
        if first is not None and value < first:
            raise _error("wsp_years", t("prog.years_order", last=value, first=first))
        return value


class BaselineModel(_Base):
    value: float
    year: int | None = None


class BoundsModel(_Base):
    min: float | None = None
    max: float | None = None


class WrittenTarget(NamedTuple):
    """A target as parsed, and as the file writes it (``1/rok``; a canonical notation for a
    number, a mapping or no target)."""

    target: Target
    text: str


def _written_target(value: Any) -> WrittenTarget:
    """The one place a target is parsed (an indicator's, its amendments' and a breakdown
    value's)."""
    try:
        target = parse_target(value)
    except TargetError as exc:
        raise _error("wsp_target", str(exc), accepted_notations()) from None
    return WrittenTarget(target, value if isinstance(value, str) else str(target))


def _breakdown_form(value: Any) -> Any:
    """A breakdown as format 1 writes it — a list of values, or a mapping of codes to labels
    — as the full form ``{values: …, targets: …}`` (which is recognised by its ``values``
    list or mapping)."""
    if isinstance(value, dict) and isinstance(value.get("values"), list | dict):
        return value
    return {"values": value}


class BreakdownModel(_Base):
    """A breakdown: its values (codes, or codes with labels) and, optionally, a target of a
    value's own (``targets: {wspólnie: 1/rok}``)."""

    values: list[Text] | dict[str, Text]
    targets: dict[str, Annotated[WrittenTarget, PlainValidator(_written_target)]] = {}


BreakdownSpec = Annotated[BreakdownModel, BeforeValidator(_breakdown_form)]


class AmendmentModel(_Base):
    """A change of an indicator's target by resolution, from a year on (issue 12):
    ``{from: 2023, target: 2/rok, resolution: "Uchwała nr …"}``."""

    model_config = ConfigDict(populate_by_name=True)
    from_year: int = Field(alias="from", strict=True)
    target: WrittenTarget
    resolution: OptionalText = ""

    @field_validator("target", mode="plain")
    @classmethod
    def _target(cls, value: Any) -> WrittenTarget:
        return _written_target(value)


# -- computed indicators (issue 14): values from the grants register -------------------------
def _choice(value: Any, choices: tuple[str, ...], what: str) -> str:
    """One of ``choices`` (any case), else an error naming ``what`` with a did-you-mean."""
    from wspolpraca_cli.suggest import close_matches
    from wspolpraca_cli.targets import shown_value

    value = _no_bool(value)
    text = " ".join(value.split()).casefold() if isinstance(value, str) else None
    if text in choices:
        return text
    hint = t("prog.computed.choices", choices=", ".join(choices))
    close = close_matches(text or "", list(choices), n=1) if text else []
    if close:
        hint = t("prog.did_you_mean", option=close[0]) + " " + hint
    raise _error("wsp_computed", t(f"prog.computed.{what}", value=shown_value(value)), hint)


COUNTED = ("grants", "offers")
"""What ``count:`` counts: the grants (rows with an amount granted above zero), or every
offer (every row of the register)."""


def _counted(value: Any) -> str:
    return _choice(value, COUNTED, "count")


def _summed(value: Any) -> str:
    from wspolpraca_cli.grants.model import AMOUNT_COLUMNS

    return _choice(value, AMOUNT_COLUMNS, "sum")


def _distinct(value: Any) -> str:
    from wspolpraca_cli.grants.model import DISTINCT_COLUMNS

    return _choice(value, DISTINCT_COLUMNS, "distinct")


def _grouped(value: Any) -> str:
    from wspolpraca_cli.grants.model import GROUP_COLUMNS

    return _choice(value, GROUP_COLUMNS, "by")


def _listed_values(value: Any) -> Any:
    """``where`` takes one value or a list of them."""
    return value if isinstance(value, list) else [value]


def _filter_text(value: Any) -> str:
    """A value of ``where`` compared with the register's text (a department, an
    organisation, a KRS number)."""
    from wspolpraca_cli.targets import shown_value

    value = _no_bool(value)
    if isinstance(value, int | float | str) and str(value).strip():
        return " ".join(str(value).split())
    raise _error("wsp_computed", t("prog.computed.where_value", value=shown_value(value)))


def _filter_krs(value: Any) -> str:
    """A KRS number as the register stores it: ten digits, zero-padded (``123456``,
    ``0000123456`` and ``KRS 0000123456`` are the same)."""
    import re

    from wspolpraca_cli.targets import shown_value

    source = getattr(value, "yaml_source", None)
    if isinstance(value, int) and not isinstance(value, bool) and isinstance(source, str):
        value = source.strip()  # 0000123456 as written, not as YAML reads it
    text = str(value) if isinstance(value, int | str) and not isinstance(value, bool) else ""
    found = re.fullmatch(r"(?:krs\s*:?\s*)?([0-9][0-9 ]*)", text.strip(), re.I | re.A)
    digits = found[1].replace(" ", "") if found else ""
    if not digits or len(digits) > 10:
        message = t("prog.computed.krs", value=shown_value(value))
        raise _error("wsp_computed", message, t("prog.computed.krs.hint"))
    return digits.zfill(10)


def _filter_mode(value: Any) -> str:
    from wspolpraca_cli.grants.model import Mode, mode_aliases, parse_mode
    from wspolpraca_cli.suggest import close_matches
    from wspolpraca_cli.targets import shown_value

    value = _no_bool(value)
    found = parse_mode(str(value)) if isinstance(value, str | int) else None
    if found is not None:
        return found.value
    hint = t("prog.computed.modes", modes=", ".join(m.value for m in Mode))
    close = close_matches(str(value), list(mode_aliases()), n=1)
    if close:
        hint = t("prog.did_you_mean", option=close[0]) + " " + hint
    raise _error("wsp_computed", t("prog.computed.mode", value=shown_value(value)), hint)


def _filter_area(value: Any) -> str:
    from wspolpraca_cli.grants.areas import AREAS, parse_area
    from wspolpraca_cli.suggest import close_matches
    from wspolpraca_cli.targets import shown_value

    value = _no_bool(value)
    found = parse_area(str(value)) if isinstance(value, str | int) else None
    if found is not None:
        return found
    hint = t("prog.computed.areas", first=next(iter(AREAS)), last=list(AREAS)[-1])
    close = close_matches(str(value).strip().lower(), list(AREAS), n=1)
    if close:
        hint = t("prog.did_you_mean", option=close[0]) + " " + hint
    raise _error("wsp_computed", t("prog.computed.area", value=shown_value(value)), hint)


def _filter_year(value: Any) -> str:
    from wspolpraca_cli.targets import shown_value

    if isinstance(value, int) and not isinstance(value, bool) and 1990 <= value <= 2200:
        return str(value)
    raise _error("wsp_computed", t("prog.computed.year", value=shown_value(value)))


YearFilter = Annotated[
    list[Annotated[str, BeforeValidator(_filter_year)]],
    BeforeValidator(_listed_values),
    Field(min_length=1),
]
"""A ``where`` column's values: one or a list (not empty), each read as its column's."""
ModeFilter = Annotated[
    list[Annotated[str, BeforeValidator(_filter_mode)]],
    BeforeValidator(_listed_values),
    Field(min_length=1),
]
AreaFilter = Annotated[
    list[Annotated[str, BeforeValidator(_filter_area)]],
    BeforeValidator(_listed_values),
    Field(min_length=1),
]
KrsFilter = Annotated[
    list[Annotated[str, BeforeValidator(_filter_krs)]],
    BeforeValidator(_listed_values),
    Field(min_length=1),
]
TextFilter = Annotated[
    list[Annotated[str, BeforeValidator(_filter_text)]],
    BeforeValidator(_listed_values),
    Field(min_length=1),
]


class WhereModel(_Base):
    """``where:`` of a computed indicator: the register's rows it counts, by the value (or
    one of the values) of each column named (columns of
    :data:`~wspolpraca_cli.grants.model.FILTER_COLUMNS`), stored values: ``19a``, ``1a``."""

    year: YearFilter | None = None
    mode: ModeFilter | None = None
    area: AreaFilter | None = None
    department: TextFilter | None = None
    organisation: TextFilter | None = None
    krs: KrsFilter | None = None

    def pairs(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(column, accepted values) pairs, in the columns' order (each value once)."""
        from wspolpraca_cli.grants.model import FILTER_COLUMNS

        found = ((c, getattr(self, c)) for c in FILTER_COLUMNS)
        return tuple((c, tuple(dict.fromkeys(v))) for c, v in found if v is not None)


class ComputedModel(_Base):
    """``computed:``: what an indicator computes from the grants register, exactly one of
    ``count: grants|offers``, ``sum: <amount column>``, ``distinct: <column>``; optionally
    ``where:`` (which rows) and ``by:`` (a breakdown by area, mode or department)."""

    count: Annotated[str, BeforeValidator(_counted)] | None = None
    sum: Annotated[str, BeforeValidator(_summed)] | None = None
    distinct: Annotated[str, BeforeValidator(_distinct)] | None = None
    where: WhereModel = WhereModel()
    by: Annotated[str, BeforeValidator(_grouped)] | None = None

    @model_validator(mode="after")
    def _one_measure(self) -> ComputedModel:
        given = [k for k in ("count", "sum", "distinct") if getattr(self, k) is not None]
        if len(given) != 1:
            message = (
                t("prog.computed.no_measure")
                if not given
                else t("prog.computed.measures", keys=", ".join(given))
            )
            raise _error("wsp_computed", message, t("prog.computed.measure.hint"))
        return self

    def query(self, key: str) -> Any:
        """The :class:`~wspolpraca_cli.grants.model.GrantQuery` of the indicator ``key``."""
        from wspolpraca_cli.grants.model import GrantQuery, Measure

        if self.count is not None:
            measure, column = Measure.COUNT, None
        elif self.sum is not None:
            measure, column = Measure.SUM, self.sum
        else:
            measure, column = Measure.DISTINCT, self.distinct
        return GrantQuery(
            key=key,
            measure=measure,
            column=column,
            where=self.where.pairs(),
            by=self.by,
            granted_only=self.count == "grants",
        )


class IndicatorModel(_Base):
    id: Text | None = None
    name: Text
    unit: UnitSpec = Field(default=None, validate_default=True)
    unit_kind: model.Unit | None = None
    unit_label: OptionalText = ""
    target: WrittenTarget = Field(default=None, validate_default=True)
    frequency: Text
    aggregation: model.Aggregation | None = None
    baseline: BaselineModel | None = None
    breakdowns: dict[str, BreakdownSpec] = {}
    bounds: BoundsModel | None = None
    department: OptionalText = ""
    notes: OptionalText = ""
    deadline_days: DeadlineDays | None = None
    serves: Annotated[list[Text], _format_2_only("serves")] = []
    """Goals the indicator serves besides where it stands (format 2)."""
    amendments: list[AmendmentModel] = []
    computed: Annotated[ComputedModel | None, _format_2_only("computed")] = None
    """What the indicator computes from the grants register (format 2)."""

    @field_validator("unit", mode="plain")
    @classmethod
    def _unit(cls, value: Any) -> UnitSpec:
        """Format 1: a word of ``model.UNIT_WORDS``; format 2: the unit as written, of the
        kind inferred from it (``unit_kind`` may give it, see :func:`to_program`)."""
        if value is None:
            return UnitSpec(model.Unit.COUNT)
        value = _no_bool(value)
        if not isinstance(value, str) or not value.strip():
            from wspolpraca_cli.targets import shown_value

            if isinstance(value, str):
                raise _error("wsp_unit", t("prog.expected_non_empty_text"))
            raise _error("wsp_unit", t("prog.expected_text", value=shown_value(value)))
        if file_format() < 2:
            found = format1_unit(value)
            if found is None:
                raise format_2_error(
                    t("prog.unknown_unit", unit=value.strip()),
                    t("prog.unknown_unit.hint", units=", ".join(model.UNIT_WORDS)),
                )
            return UnitSpec(found)
        try:
            return infer_unit(value)
        except UnitError:
            raise _error(
                "wsp_unit",
                t("prog.unit_magnitude", unit=value.strip()),
                t("prog.unit_magnitude.hint"),
            ) from None

    @field_validator("unit_kind", mode="before")
    @classmethod
    def _unit_kind(cls, value: Any) -> Any:
        from wspolpraca_cli.units import KIND_WORDS, normalise_unit

        value = _no_bool(value)
        requires_format_2(t("prog.unit_kind_format2"))
        found = KIND_WORDS.get(normalise_unit(value)) if isinstance(value, str) else None
        if found is None:
            from wspolpraca_cli.suggest import close_matches
            from wspolpraca_cli.targets import shown_value
            from wspolpraca_cli.units import KIND_NAMES

            kinds = ", ".join(KIND_NAMES.values())
            hint = t("prog.unknown_unit_kind.hint", kinds=kinds)
            close = close_matches(str(value), list(KIND_NAMES.values()), n=1)
            if close:
                hint = t("prog.did_you_mean", option=close[0]) + " " + hint
            message = t("prog.unknown_unit_kind", kind=shown_value(value))
            raise _error("wsp_unit_kind", message, hint)
        return found

    @field_validator("aggregation", mode="before")
    @classmethod
    def _aggregation(cls, value: Any) -> Any:
        if isinstance(value, str):
            found = model.AGGREGATION_WORDS.get(normalise_words(value))
            if found is None:
                raise _error(
                    "wsp_aggregation",
                    t("prog.unknown_aggregation", value=value),
                    t("prog.unknown_aggregation.hint"),
                )
            return found
        return value

    @field_validator("frequency")
    @classmethod
    def _frequency(cls, value: str) -> str:
        try:
            _parse_frequency(value)
        except ValueError:
            words = ", ".join(sorted({f.value for f in FREQUENCY_WORDS.values()}))
            hint = t("prog.unknown_frequency.hint", words=words)
            close = closest_frequency_word(value)
            if close:
                hint = t("prog.frequency_did_you_mean", option=close) + " " + hint
            raise _error("wsp_frequency", t("prog.unknown_frequency", text=value), hint) from None
        return value

    @field_validator("target", mode="plain")
    @classmethod
    def _target(cls, value: Any, info: ValidationInfo) -> WrittenTarget:
        """The one place a target is parsed; the programme is built from what it returns.
        A format-2 unit as written may follow the figure (``3–6 tys. km``)."""
        try:
            return _written_target(value)
        except PydanticCustomError:
            unit = info.data.get("unit")
            bare = _without_unit(value, unit.text if isinstance(unit, UnitSpec) else "")
            if bare is None:
                raise
            with contextlib.suppress(TargetError):
                return WrittenTarget(parse_target(bare), value)
            raise


def _without_unit(value: Any, unit: str) -> str | None:
    """A target's text without the unit written after its figure (None without one)."""
    if not unit or not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if len(text) > len(unit) and text.casefold().endswith(unit.casefold()):
        return text[: -len(unit)].rstrip() or None
    return None


class GoalModel(_Base):
    """A specific goal; ``indicators`` (its result indicators) only in format 2."""

    id: Text
    name: Text
    indicators: Annotated[list[IndicatorModel], _format_2_only("goal_indicators")] = []


class MainGoalModel(_Base):
    """A main goal; its ``indicators`` (impact indicators) and its ``specific`` goals nested
    under it only in format 2."""

    id: Text
    name: Text
    indicators: Annotated[list[IndicatorModel], _format_2_only("goal_indicators")] = []
    specific: Annotated[list[GoalModel], _format_2_only("nested_specific")] = []


def _one_or_many(value: Any) -> Any:
    """``goals.main``: one main goal (a mapping, format 1) or a list of them (format 2)."""
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        requires_format_2(t("prog.format2.main_goals"))
        return value
    from wspolpraca_cli.targets import shown_value

    raise _error("wsp_main_goal", t("prog.main_goal_shape", value=shown_value(value)))


class GoalsModel(_Base):
    main: Annotated[list[MainGoalModel], BeforeValidator(_one_or_many), Field(min_length=1)]
    specific: list[GoalModel] = []
    """The specific goals of the only main goal (with several, each main goal lists its
    own under ``specific``)."""

    def specific_of(self, n: int) -> list[GoalModel]:
        """The specific goals of the ``n``-th main goal: nested under it, and for the first
        main goal those of ``goals.specific`` too."""
        found = list(self.main[n].specific)
        return found + list(self.specific) if n == 0 else found


class ActionModel(_Base):
    lp: Text
    name: Text
    goals: list[Text] = []
    indicators: list[IndicatorModel] = Field(min_length=1)
    notes: OptionalText = ""


class AreaModel(_Base):
    id: Text
    name: Text
    goals: list[Text] = []
    actions: list[ActionModel] = []


class ProgramFile(_Base):
    format: int = 1
    program: ProgramMeta
    goals: GoalsModel
    areas: list[AreaModel] = []
    sources: list[Text] = []

    @model_validator(mode="wrap")
    @classmethod
    def _in_its_format(cls, data: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        """Validate the file's keys knowing its format (:func:`file_format`)."""
        version = data.get("format", 1) if isinstance(data, dict) else 1
        if isinstance(version, str) and version.strip().isdigit():
            version = int(version)  # as Pydantic reads it
        known = isinstance(version, int) and not isinstance(version, bool) and version in FORMATS
        token = _FILE_FORMAT.set(version if known else FORMAT_VERSION)
        try:
            return handler(data)
        finally:
            _FILE_FORMAT.reset(token)

    @field_validator("format")
    @classmethod
    def _format(cls, value: int) -> int:
        if value not in FORMATS:
            raise _error(
                "wsp_format",
                t("prog.format_version", value=value, supported=FORMAT_VERSION),
                t("prog.format_version.hint"),
            )
        return value


def indicator_ids(action_id: str, indicators: list[IndicatorModel]) -> list[str]:
    """Each indicator's id: explicit, else the action's id (``1.1``) for an action's only
    indicator. (Several indicators of one action must have explicit ids — the loader says so —
    so that removing one never renumbers another; ``1.1.2`` is only a placeholder here.)"""
    if len(indicators) == 1:
        return [indicators[0].id or action_id]
    return [ind.id or f"{action_id}.{n}" for n, ind in enumerate(indicators, 1)]


def _breakdown(key: str, spec: BreakdownModel, scale: int = 1) -> model.Breakdown:
    """A breakdown; ``scale``, what one unit of its indicator is worth (a value's target
    written with a magnitude word comes in the unit, as the indicator's does)."""
    raw = spec.values
    values = tuple((v, v) for v in raw) if isinstance(raw, list) else tuple(raw.items())
    breakdown = model.Breakdown(key=key, label=key, values=values)
    if not spec.targets:
        return breakdown
    targets = tuple(
        (breakdown.resolve(name) or name, written.target.in_unit(scale), written.text)
        for name, written in spec.targets.items()
    )
    return model.Breakdown(key=key, label=key, values=values, targets=targets)


def _indicator(
    ind: IndicatorModel, ind_id: str, action_id: str, area_id: str, goal_id: str = ""
) -> model.Indicator:
    from wspolpraca_cli.units import shown_after_values

    unit = ind.unit if ind.unit_kind is None else ind.unit._replace(kind=ind.unit_kind)
    computed = ind.computed
    if computed is not None and computed.sum is not None and "unit" not in ind.model_fields_set:
        unit = infer_unit("zł")  # a sum of amounts is in zł unless the file says otherwise
    aggregation = ind.aggregation or model.DEFAULT_AGGREGATION[unit.kind]
    bounds = ind.bounds or BoundsModel()
    target = ind.target.target
    if unit.magnitude:  # a target written with a magnitude word, in the unit (8,5 mln → 8500)
        target = target.in_unit(MAGNITUDES[unit.magnitude])
    if ind.baseline is not None:  # a change target comes to a level from the baseline
        target = target.resolved(ind.baseline.value)
    amendments = tuple(
        model.Amendment(
            a.from_year,
            a.target.target.resolved(ind.baseline.value) if ind.baseline else a.target.target,
            a.target.text,
            a.resolution,
        )
        for a in ind.amendments
    )
    return model.Indicator(
        id=ind_id,
        name=ind.name,
        unit=unit.kind,
        unit_text=unit.text,
        unit_shown=shown_after_values(unit),
        unit_magnitude=unit.magnitude,
        unit_label=ind.unit_label,
        target=target,
        target_text=ind.target.text,
        frequency=_parse_frequency(ind.frequency),
        frequency_text=ind.frequency,
        aggregation=aggregation,
        action_id=action_id,
        area_id=area_id,
        baseline=model.Baseline(ind.baseline.value, ind.baseline.year) if ind.baseline else None,
        breakdowns=_computed_breakdown(computed)
        or tuple(
            _breakdown(k, v, MAGNITUDES.get(unit.magnitude, 1)) for k, v in ind.breakdowns.items()
        ),
        lower_bound=bounds.min,
        upper_bound=bounds.max,
        department=ind.department,
        notes=ind.notes,
        deadline_days=ind.deadline_days,
        goal_id=goal_id,
        serves=tuple(ind.serves),
        amendments=amendments,
        computed=None if computed is None else computed.query(ind_id),
    )


def _computed_breakdown(computed: ComputedModel | None) -> tuple[model.Breakdown, ...]:
    """A computed indicator's breakdown ``by`` a column: named by the column, listing no
    values (each group the register holds is shown as it is stored: ``1a``, ``19a``)."""
    if computed is None or computed.by is None:
        return ()
    return (model.Breakdown(key=computed.by, label=computed.by, values=()),)


def goal_indicator_id(ind: IndicatorModel) -> str:
    """A goal's indicator has an explicit id (the loader says so when it has none); the
    empty id here is only a placeholder."""
    return ind.id or ""


def _goal(goal: GoalModel | MainGoalModel, main: str = "") -> model.Goal:
    inds = tuple(
        _indicator(ind, goal_indicator_id(ind), "", "", goal.id) for ind in goal.indicators
    )
    return model.Goal(goal.id, goal.name, main, inds)


def to_program(doc: ProgramFile, source_file: str = "") -> model.Program:
    """Build the programme from a validated file."""
    areas = []
    for area in doc.areas:
        actions = []
        for act in area.actions:
            action_id = f"{area.id}.{act.lp}"
            ids = indicator_ids(action_id, act.indicators)
            inds = tuple(
                _indicator(ind, ind_id, action_id, area.id)
                for ind, ind_id in zip(act.indicators, ids, strict=True)
            )
            actions.append(
                model.Action(
                    id=action_id,
                    lp=act.lp,
                    name=act.name,
                    area_id=area.id,
                    goals=tuple(act.goals or area.goals),
                    indicators=inds,
                    notes=act.notes,
                )
            )
        areas.append(model.Area(area.id, area.name, tuple(actions), tuple(area.goals)))
    meta = doc.program
    return model.Program(
        title=meta.title,
        issuer=meta.issuer,
        first_year=meta.first_year,
        last_year=meta.last_year,
        main_goals=tuple(_goal(m) for m in doc.goals.main),
        specific_goals=tuple(
            _goal(g, m.id) for n, m in enumerate(doc.goals.main) for g in doc.goals.specific_of(n)
        ),
        areas=tuple(areas),
        deadline=meta.reporting_deadline,
        language=meta.language,
        adopted_by=meta.adopted_by,
        sources=tuple(doc.sources),
        source_file=source_file,
        deadline_days=meta.deadline_days,
        planned_funds=tuple(sorted(meta.planned_funds.items())),
    )

"""Load a programme file: YAML → located data → Pydantic → :class:`model.Program`.

Every problem is collected as a :class:`Diagnostic` with ``file:line:column``, the YAML
path (``areas[0].actions[0].indicators[0].target``) and a hint; nothing is raised for bad
data until :func:`load_program` is asked for a programme. YAML is composed into nodes
(libyaml's C parser when present) and turned into Python values here, so that duplicate
keys, alias bombs and unsafe tags are caught, and every value keeps its position.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from wspolpraca_cli.errors import Diagnostic, FileSystemError, ProgramInvalid
from wspolpraca_cli.model import Program

MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_NODES = 1_000_000
MAX_DEPTH = 64

PathKey = tuple[str | int, ...]

try:  # libyaml's parser is several times faster; fall back to the pure-Python one.
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

_SAFE = yaml.SafeLoader.yaml_constructors


@dataclass
class LoadResult:
    program: Program | None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.program is not None and not self.diagnostics


class _Located:
    """Python values built from YAML nodes, with the position of every value and key."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.values: dict[PathKey, tuple[int, int]] = {}
        self.keys: dict[PathKey, tuple[int, int]] = {}
        self.errors: list[Diagnostic] = []
        self.nodes = 0
        self._active: set[int] = set()
        self._scalar_loader = yaml.SafeLoader("")

    def error(self, mark: Any, message: str, path: PathKey = (), hint: str = "") -> None:
        self.errors.append(
            Diagnostic(self.file, mark.line + 1, mark.column + 1, message, format_path(path), hint)
        )

    def build(self, node: yaml.Node, path: PathKey, depth: int = 0) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _TooBig(node)
        if depth > MAX_DEPTH:
            raise _TooDeep(node)
        mark = node.start_mark
        self.values.setdefault(path, (mark.line + 1, mark.column + 1))
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, path)
        if id(node) in self._active:
            raise _Recursive(node)
        self._active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                self._check_tag(node, "tag:yaml.org,2002:seq", path)
                return [
                    self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)
                ]
            assert isinstance(node, yaml.MappingNode)
            self._check_tag(node, "tag:yaml.org,2002:map", path)
            result: dict[Any, Any] = {}
            first_seen: dict[Any, int] = {}
            for key_node, value_node in self._pairs(node, path):
                key = self.build(key_node, (*path, "<key>"), depth + 1)
                if isinstance(key, list | dict):
                    self.error(key_node.start_mark, "a key must be a plain value", path)
                    continue
                if isinstance(key, bool):
                    word = key_node.value
                    self.error(
                        key_node.start_mark,
                        f"the key {word} was read as the YAML boolean {str(key).lower()}",
                        path,
                        f"quote it: '{word}':",
                    )
                    continue
                kpath = (*path, _path_part(key))
                if key in first_seen:
                    self.error(
                        key_node.start_mark,
                        f"duplicate key {key!r} (first given on line {first_seen[key]})",
                        kpath,
                        "each key may appear once in a mapping; PyYAML would keep only the last",
                    )
                    continue
                first_seen[key] = key_node.start_mark.line + 1
                self.keys[kpath] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                result[key] = self.build(value_node, kpath, depth + 1)
            return result
        finally:
            self._active.discard(id(node))

    def _pairs(self, node: yaml.MappingNode, path: PathKey) -> list[tuple[Any, Any]]:
        pairs = []
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.error(
                    key_node.start_mark,
                    "merge keys ('<<') are not supported",
                    path,
                    "write the keys out, or use an alias (*name) for a whole value",
                )
                continue
            pairs.append((key_node, value_node))
        return pairs

    def _check_tag(self, node: yaml.Node, expected: str, path: PathKey) -> None:
        if node.tag != expected:
            self.error(node.start_mark, f"unsupported YAML tag {node.tag!r}", path)

    def _scalar(self, node: yaml.ScalarNode, path: PathKey) -> Any:
        constructor = _SAFE.get(node.tag)
        if constructor is None or node.tag.endswith(("binary", "set", "omap", "pairs")):
            self.error(
                node.start_mark,
                f"unsupported YAML tag {node.tag!r}",
                path,
                "only plain YAML values are allowed (no !!python or custom tags)",
            )
            return None
        try:
            return constructor(self._scalar_loader, node)
        except (ValueError, yaml.YAMLError) as exc:
            self.error(node.start_mark, f"cannot read the value: {exc}", path)
            return None


class _TooBig(Exception):
    def __init__(self, node: yaml.Node) -> None:
        self.node = node


class _TooDeep(_TooBig):
    pass


class _Recursive(_TooBig):
    pass


def _expanded_size(node: yaml.Node, memo: dict[int, int], active: set[int], depth: int = 0) -> int:
    """How many values the document has once aliases are expanded (memoised per node)."""
    key = id(node)
    if key in memo:
        return memo[key]
    if isinstance(node, yaml.ScalarNode):
        return 1
    if key in active:
        raise _Recursive(node)
    if depth > MAX_DEPTH:
        raise _TooDeep(node)
    active.add(key)
    total = 1
    children = (
        node.value
        if isinstance(node, yaml.SequenceNode)
        else [n for pair in node.value for n in pair]
    )
    for child in children:
        total += _expanded_size(child, memo, active, depth + 1)
        if total > MAX_NODES:
            break
    active.discard(key)
    memo[key] = total
    return total


def _path_part(key: Any) -> str | int:
    return key if isinstance(key, str | int) and not isinstance(key, bool) else str(key)


def format_path(path: PathKey) -> str:
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text


def read_text(path: Path) -> str:
    """Read a programme file as UTF-8, with a size limit; raise on what cannot be read."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise FileSystemError(f"cannot read {path}: {exc.strerror}") from None
    if size > MAX_FILE_BYTES:
        raise ProgramInvalid(
            [
                Diagnostic(
                    str(path),
                    1,
                    1,
                    f"file is too large ({size} bytes); the limit is "
                    f"{MAX_FILE_BYTES // (1024 * 1024)} MiB",
                )
            ]
        )
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise ProgramInvalid(
            [Diagnostic(str(path), 1, 1, "this is a folder, not a file")]
        ) from None
    except OSError as exc:
        raise FileSystemError(f"cannot read {path}: {exc.strerror}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise ProgramInvalid(
            [
                Diagnostic(
                    str(path),
                    line,
                    column,
                    f"the file is not UTF-8 (byte 0x{data[exc.start]:02x})",
                    hint="save the file as UTF-8 (in most editors: Save as… → Encoding: UTF-8)",
                )
            ]
        ) from None


def compose(text: str, file: str) -> tuple[Any, _Located]:
    """Parse YAML text into Python values with positions; syntax errors become diagnostics."""
    located = _Located(file)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or "invalid YAML"
        if exc.context:
            problem = f"{problem} ({exc.context})"
        located.errors.append(
            Diagnostic(
                file,
                line,
                column,
                f"YAML syntax error: {problem}",
                hint="check the indentation and quoting around this position",
            )
        )
        return None, located
    except yaml.YAMLError as exc:
        located.errors.append(Diagnostic(file, 1, 1, f"YAML error: {exc}"))
        return None, located
    if node is None:
        located.errors.append(
            Diagnostic(file, 1, 1, "the file is empty", hint="start from `wsp init`")
        )
        return None, located
    try:
        if _expanded_size(node, {}, set()) > MAX_NODES:
            raise _TooBig(node)
        data = located.build(node, ())
    except _Recursive as exc:
        located.error(exc.node.start_mark, "an alias refers to itself (recursive YAML)")
        return None, located
    except _TooDeep as exc:
        located.error(exc.node.start_mark, f"nesting deeper than {MAX_DEPTH} levels")
        return None, located
    except _TooBig as exc:
        located.error(
            exc.node.start_mark,
            f"the document expands to more than {MAX_NODES} values (alias bomb?)",
            hint="aliases (*name) may not multiply the document beyond the size limit",
        )
        return None, located
    if not isinstance(data, dict):
        located.errors.append(
            Diagnostic(
                file,
                1,
                1,
                "a programme file must be a mapping of keys to values",
                hint="start from `wsp init`",
            )
        )
        return None, located
    return data, located


def load(path: str | Path, display_name: str | None = None) -> LoadResult:
    """Load and validate a programme file; collect every problem, raise only for I/O."""
    path = Path(path)
    file = display_name or str(path)
    text = read_text(path)
    return load_text(text, file)


def load_text(text: str, file: str = "<string>") -> LoadResult:
    from pydantic import ValidationError

    from wspolpraca_cli import schema

    data, located = compose(text, file)
    if data is None or located.errors:
        return LoadResult(None, located.errors)
    try:
        doc = schema.ProgramFile.model_validate(data)
    except ValidationError as exc:
        diags = [_from_pydantic(err, located, data) for err in exc.errors(include_url=False)]
        return LoadResult(None, _sorted(diags))
    program = schema.to_program(doc, file)
    diags = _cross_check(doc, program, located)
    if diags:
        return LoadResult(None, _sorted(diags))
    return LoadResult(program)


def load_program(path: str | Path, display_name: str | None = None) -> Program:
    result = load(path, display_name)
    if result.program is None or result.diagnostics:
        raise ProgramInvalid(result.diagnostics)
    return result.program


def _sorted(diags: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(diags, key=lambda d: (d.line, d.column))


def _fields_of(data: Any, path: PathKey) -> list[str]:
    from wspolpraca_cli import schema

    model: Any = schema.ProgramFile
    for part in path:
        if isinstance(part, int):
            continue
        field_info = model.model_fields.get(part)
        if field_info is None:
            return []
        annotation = field_info.annotation
        model = _model_in(annotation)
        if model is None:
            return []
    return list(model.model_fields)


def _model_in(annotation: Any) -> Any:
    from typing import get_args

    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _clean_loc(loc: tuple[Any, ...], located: _Located) -> PathKey:
    """Drop the type names Pydantic adds for unions (``str``, ``list[str]``...)."""
    path: list[str | int] = []
    for part in loc:
        candidate = (*path, part)
        if candidate in located.values or candidate in located.keys:
            path.append(part)
        elif isinstance(part, str) and part.isdigit() and (*path, int(part)) in located.values:
            path.append(int(part))
    # A missing key has no position of its own: keep its name for the message.
    if loc and (not path or path[-1] != loc[-1]) and isinstance(loc[-1], str | int):
        tail = loc[-1]
        if tail not in ("str", "int", "float", "bool") and "[" not in str(tail):
            path.append(tail)
    return tuple(path)


def _position(path: PathKey, located: _Located, prefer_key: bool = False) -> tuple[int, int]:
    if prefer_key and path in located.keys:
        return located.keys[path]
    probe = path
    while probe:
        if probe in located.values:
            return located.values[probe]
        probe = probe[:-1]
    return located.values.get((), (1, 1))


def _from_pydantic(err: Any, located: _Located, data: Any) -> Diagnostic:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    path = _clean_loc(tuple(err["loc"]), located)
    hint = str(ctx.get("hint", ""))
    if kind == "extra_forbidden":
        key = path[-1] if path else "?"
        line, column = _position(path, located, prefer_key=True)
        accepted = _fields_of(data, path[:-1])
        close = difflib.get_close_matches(str(key), accepted, n=1, cutoff=0.6)
        if isinstance(key, str) and key in ("True", "False"):
            message = f"unknown key {key.lower()} (an unquoted yes/no/on/off is a YAML boolean)"
            hint = "quote the key, e.g. 'no':"
        else:
            message = f"unknown key {key!r}"
            hint = f"did you mean {close[0]!r}? " if close else ""
            hint += "accepted keys: " + ", ".join(accepted) if accepted else ""
        return Diagnostic(located.file, line, column, message, format_path(path), hint.strip())
    if kind == "missing":
        key = path[-1] if path else "?"
        line, column = _position(path[:-1], located)
        return Diagnostic(
            located.file,
            line,
            column,
            f"missing required key {key!r}",
            format_path(path),
            hint,
        )
    line, column = _position(path, located)
    message = str(err["msg"])
    if kind.startswith("wsp_") or kind == "yaml_boolean":
        pass
    elif message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    else:
        message = _humanise(kind, message, err.get("input"))
    return Diagnostic(located.file, line, column, message, format_path(path), hint)


def _humanise(kind: str, message: str, value: Any) -> str:
    shown = repr(value) if not isinstance(value, dict | list) else type(value).__name__
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, got {shown}"
    if kind in ("float_type", "float_parsing"):
        return f"expected a number, got {shown}"
    if kind in ("string_type",):
        return f"expected text, got {shown}"
    if kind in ("list_type",):
        return f"expected a list (lines starting with '- '), got {shown}"
    if kind in ("dict_type", "model_type", "model_attributes_type", "dataclass_type"):
        return f"expected a mapping (key: value lines), got {shown}"
    if kind == "enum":
        return f"{message[0].lower()}{message[1:]}, got {shown}"
    if kind == "too_short":
        return "expected non-empty text" if isinstance(value, str) else "expected at least one item"
    if kind == "invalid_key":
        return f"a key must be text, got {shown}"
    if kind == "string_too_short":
        return "expected non-empty text"
    return f"{message[0].lower()}{message[1:]}" if message else kind


def _cross_check(doc: Any, program: Program, located: _Located) -> list[Diagnostic]:
    """Ids unique, references resolved, years inside the programme."""
    diags: list[Diagnostic] = []

    def add(path: PathKey, message: str, hint: str = "", key: bool = False) -> None:
        line, column = _position(path, located, prefer_key=key)
        diags.append(Diagnostic(located.file, line, column, message, format_path(path), hint))

    goal_ids = [doc.goals.main.id, *(g.id for g in doc.goals.specific)]
    seen: dict[str, str] = {}
    for n, gid in enumerate(goal_ids):
        path: PathKey = ("goals", "main", "id") if n == 0 else ("goals", "specific", n - 1, "id")
        if gid in seen:
            add(path, f"duplicate goal id {gid!r}", "every goal needs its own id")
        seen[gid] = "goal"
    specific = [g.id for g in doc.goals.specific]
    first, last = program.first_year, program.last_year
    area_ids: set[str] = set()
    indicator_seen: set[str] = set()
    from wspolpraca_cli.schema import indicator_ids
    from wspolpraca_cli.targets import TargetKind

    for a_n, area in enumerate(doc.areas):
        a_path: PathKey = ("areas", a_n)
        if area.id in area_ids:
            add((*a_path, "id"), f"duplicate area id {area.id!r}")
        area_ids.add(area.id)
        for g_n, gid in enumerate(area.goals):
            if gid not in specific:
                _unresolved(add, (*a_path, "goals", g_n), gid, specific)
        lps: set[str] = set()
        for c_n, act in enumerate(area.actions):
            c_path: PathKey = (*a_path, "actions", c_n)
            if act.lp in lps:
                add((*c_path, "lp"), f"duplicate L.p. {act.lp!r} in area {area.id!r}")
            lps.add(act.lp)
            for g_n, gid in enumerate(act.goals):
                if gid not in specific:
                    _unresolved(add, (*c_path, "goals", g_n), gid, specific)
            ids = indicator_ids(f"{area.id}.{act.lp}", act.indicators)
            for i_n, (ind, ind_id) in enumerate(zip(act.indicators, ids, strict=True)):
                i_path: PathKey = (*c_path, "indicators", i_n)
                if ind_id in indicator_seen:
                    add(
                        (*i_path, "id") if ind.id else i_path,
                        f"duplicate indicator id {ind_id!r}",
                        "give the indicator an explicit, unique id",
                    )
                indicator_seen.add(ind_id)
                built = program.indicator(ind_id)
                if built is None:
                    continue
                target = built.target
                years = [y for y, _ in target.by_year]
                if target.year is not None:
                    years.append(target.year)
                for year in years:
                    if not first <= year <= last:
                        add(
                            (*i_path, "target"),
                            f"target year {year} is outside the programme's years {first}–{last}",
                        )
                if target.kind is TargetKind.BY_YEAR:
                    missing = [y for y in range(first, last + 1) if y not in years]
                    if missing and built.frequency.per_year:
                        add(
                            (*i_path, "target"),
                            "the target by year has no value for " + ", ".join(map(str, missing)),
                            "give a value for every year of the programme, 0 if none is due",
                        )
                if (
                    target.per is not None
                    and built.frequency.per_year
                    and target.per.per_year > built.frequency.per_year
                ):
                    add(
                        (*i_path, "target"),
                        f"a target per {target.per.value} needs measurements at least that often",
                        f"the frequency {built.frequency_text!r} is too rare for {target}",
                    )
                if target.percent and built.unit.value not in ("percent", "number"):
                    add(
                        (*i_path, "target"),
                        f"the target is a percentage but the unit is {built.unit.value!r}",
                        "set unit: percent",
                    )
                if target.kind is TargetKind.MILESTONE and built.unit.value != "yesno":
                    add(
                        (*i_path, "unit"),
                        "a yes/no milestone ('tak') needs unit: yesno",
                        "set unit: tak/nie",
                    )
                if ind.baseline and ind.baseline.year is not None and ind.baseline.year > last:
                    add(
                        (*i_path, "baseline", "year"),
                        f"baseline year {ind.baseline.year} is after the programme ends",
                    )
                if (
                    ind.bounds
                    and ind.bounds.min is not None
                    and ind.bounds.max is not None
                    and ind.bounds.min > ind.bounds.max
                ):
                    add((*i_path, "bounds"), "bounds.min is greater than bounds.max")
    return diags


def _unresolved(add: Any, path: PathKey, gid: str, known: list[str]) -> None:
    close = difflib.get_close_matches(gid, known, n=1, cutoff=0.5)
    hint = f"did you mean {close[0]!r}? " if close else ""
    hint += "specific goals: " + ", ".join(known) if known else "no specific goals are defined"
    add(path, f"unknown specific goal {gid!r}", hint)

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
from wspolpraca_cli.i18n import t
from wspolpraca_cli.model import Program
from wspolpraca_cli.numbers import format_plain

MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_NODES = 1_000_000
MAX_DEPTH = 64

PathKey = tuple[str | int, ...]

try:  # libyaml's parser is several times faster; fall back to the pure-Python one.
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

_SAFE = yaml.SafeLoader.yaml_constructors
_STR = "tag:yaml.org,2002:str"


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
        # Marks, turned into (line, column) only for the few paths an error points at.
        self.values: dict[PathKey, Any] = {}
        self.keys: dict[PathKey, Any] = {}
        self.errors: list[Diagnostic] = []
        self.bool_words: dict[PathKey, str] = {}
        """How each unquoted boolean was written (``no``, ``on``), for hints."""
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
        self.values.setdefault(path, mark)
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
                    self.error(key_node.start_mark, t("prog.key_not_plain"), path)
                    continue
                if isinstance(key, bool):
                    word = key_node.value
                    self.error(
                        key_node.start_mark,
                        t("prog.key_boolean", word=word, value=str(key).lower()),
                        path,
                        t("prog.key_boolean.hint", word=word),
                    )
                    continue
                kpath = (*path, _path_part(key))
                if key in first_seen:
                    self.error(
                        key_node.start_mark,
                        t("prog.duplicate_key", key=key, line=first_seen[key]),
                        kpath,
                        t("prog.duplicate_key.hint"),
                    )
                    continue
                first_seen[key] = key_node.start_mark.line + 1
                self.keys[kpath] = key_node.start_mark
                result[key] = self.build(value_node, kpath, depth + 1)
            return result
        finally:
            self._active.discard(id(node))

    def _pairs(self, node: yaml.MappingNode, path: PathKey) -> list[tuple[Any, Any]]:
        pairs = []
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.error(key_node.start_mark, t("prog.merge_key"), path, t("prog.merge_key.hint"))
                continue
            pairs.append((key_node, value_node))
        return pairs

    def _check_tag(self, node: yaml.Node, expected: str, path: PathKey) -> None:
        if node.tag != expected:
            self.error(node.start_mark, t("prog.unsupported_tag", tag=node.tag), path)

    def _scalar(self, node: yaml.ScalarNode, path: PathKey) -> Any:
        if node.tag == _STR:  # most scalars: the node holds the text already
            return node.value
        constructor = _SAFE.get(node.tag)
        if constructor is None or node.tag.endswith(("binary", "set", "omap", "pairs")):
            self.error(
                node.start_mark,
                t("prog.unsupported_tag", tag=node.tag),
                path,
                t("prog.unsupported_tag.hint"),
            )
            return None
        try:
            value = constructor(self._scalar_loader, node)
        except (ValueError, yaml.YAMLError) as exc:
            self.error(node.start_mark, t("prog.bad_scalar", error=exc), path)
            return None
        if isinstance(value, bool):
            self.bool_words[path] = node.value
        elif isinstance(value, int):
            value = YamlInt(value)
            value.yaml_source = node.value
        elif isinstance(value, float):
            value = YamlFloat(value)
            value.yaml_source = node.value
        return value


class YamlInt(int):
    """An integer that remembers how the file wrote it (``010`` is read as 8)."""

    yaml_source: str = ""


class YamlFloat(float):
    """A float that remembers how the file wrote it (``1.10`` is read as 1.1)."""

    yaml_source: str = ""


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
        raise FileSystemError(t("prog.cannot_read", path=path, reason=exc.strerror)) from None
    if size > MAX_FILE_BYTES:
        raise ProgramInvalid(
            [
                Diagnostic(
                    str(path),
                    1,
                    1,
                    t("prog.too_large", size=size, limit=MAX_FILE_BYTES // (1024 * 1024)),
                )
            ]
        )
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise ProgramInvalid([Diagnostic(str(path), 1, 1, t("prog.is_folder"))]) from None
    except OSError as exc:
        raise FileSystemError(t("prog.cannot_read", path=path, reason=exc.strerror)) from None
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
                    t("prog.not_utf8", byte=f"{data[exc.start]:02x}"),
                    hint=t("prog.not_utf8.hint"),
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
        problem = _yaml_phrase(exc.problem) if exc.problem else t("prog.yaml_invalid")
        if exc.context:
            problem = f"{problem} ({_yaml_phrase(exc.context)})"
        located.errors.append(
            Diagnostic(
                file,
                line,
                column,
                t("prog.yaml_syntax", problem=problem),
                hint=t("prog.yaml_syntax.hint"),
            )
        )
        return None, located
    except yaml.YAMLError as exc:
        located.errors.append(Diagnostic(file, 1, 1, t("prog.yaml_error", error=exc)))
        return None, located
    if node is None:
        located.errors.append(
            Diagnostic(file, 1, 1, t("prog.empty"), hint=t("prog.start_from_init"))
        )
        return None, located
    try:
        # Only aliases can make a document bigger than its text; without an anchor (&) there
        # is none to expand, and the walk below is skipped.
        if "&" in text and _expanded_size(node, {}, set()) > MAX_NODES:
            raise _TooBig(node)
        data = located.build(node, ())
    except _Recursive as exc:
        located.error(exc.node.start_mark, t("prog.recursive_alias"))
        return None, located
    except _TooDeep as exc:
        located.error(exc.node.start_mark, t("prog.too_deep", depth=MAX_DEPTH))
        return None, located
    except _TooBig as exc:
        located.error(
            exc.node.start_mark,
            t("prog.alias_bomb", limit=MAX_NODES),
            hint=t("prog.alias_bomb.hint"),
        )
        return None, located
    if not isinstance(data, dict):
        located.errors.append(
            Diagnostic(
                file,
                1,
                1,
                t("prog.not_mapping"),
                hint=t("prog.start_from_init"),
            )
        )
        return None, located
    return data, located


# The parser's own words (libyaml or PyYAML, English) and their catalogue keys. A phrase
# not listed here is shown as the parser wrote it.
_YAML_PHRASES: dict[str, tuple[str, dict[str, str]]] = {
    "did not find expected ',' or ']'": ("prog.yaml.no_separator", {"bracket": "]"}),
    "did not find expected ',' or '}'": ("prog.yaml.no_separator", {"bracket": "}"}),
    "found character that cannot start any token": ("prog.yaml.bad_token_start", {}),
    "mapping values are not allowed in this context": ("prog.yaml.mapping_values", {}),
    "mapping values are not allowed here": ("prog.yaml.mapping_values", {}),
    "mapping keys are not allowed in this context": ("prog.yaml.mapping_keys", {}),
    "mapping keys are not allowed here": ("prog.yaml.mapping_keys", {}),
    "block sequence entries are not allowed in this context": (
        "prog.yaml.sequence_entries",
        {},
    ),
    "block sequence entries are not allowed here": ("prog.yaml.sequence_entries", {}),
    "did not find expected key": ("prog.yaml.expected_key", {}),
    "did not find expected '-' indicator": ("prog.yaml.expected_dash", {}),
    "could not find expected ':'": ("prog.yaml.expected_colon", {}),
    "did not find expected node content": ("prog.yaml.expected_content", {}),
    "did not find expected alphabetic or numeric character": ("prog.yaml.expected_alnum", {}),
    "did not find expected comment or line break": ("prog.yaml.expected_line_break", {}),
    "found unexpected end of stream": ("prog.yaml.end_of_stream", {}),
    "found unknown escape character": ("prog.yaml.unknown_escape", {}),
    "found undefined alias": ("prog.yaml.undefined_alias", {}),
    "found a tab character that violates indentation": ("prog.yaml.tab_indentation", {}),
    "found a tab character where an indentation space is expected": (
        "prog.yaml.tab_for_space",
        {},
    ),
    "but found another document": ("prog.yaml.another_document", {}),
    "expected a single document in the stream": ("prog.yaml.single_document", {}),
    "while parsing a flow sequence": ("prog.yaml.in_flow_sequence", {}),
    "while parsing a flow mapping": ("prog.yaml.in_flow_mapping", {}),
    "while scanning for the next token": ("prog.yaml.in_next_token", {}),
    "while parsing a block mapping": ("prog.yaml.in_block_mapping", {}),
    "while parsing a block collection": ("prog.yaml.in_block_collection", {}),
    "while scanning a quoted scalar": ("prog.yaml.in_scanning_quoted", {}),
    "while parsing a quoted scalar": ("prog.yaml.in_parsing_quoted", {}),
    "while scanning a simple key": ("prog.yaml.in_simple_key", {}),
    "while scanning an anchor": ("prog.yaml.in_anchor", {}),
    "while scanning an alias": ("prog.yaml.in_alias", {}),
    "while scanning a block scalar": ("prog.yaml.in_block_scalar", {}),
    "while scanning a plain scalar": ("prog.yaml.in_plain_scalar", {}),
    "while parsing a block node": ("prog.yaml.in_block_node", {}),
    "while parsing a flow node": ("prog.yaml.in_flow_node", {}),
    "while scanning a tag": ("prog.yaml.in_tag", {}),
}


def _yaml_phrase(text: str) -> str:
    """A YAML parser's problem or context in the current language, when it is a known one."""
    found = _YAML_PHRASES.get(text)
    return t(found[0], **found[1]) if found else text


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
    if data is None:
        return LoadResult(None, located.errors)
    # Problems found while reading the YAML (a duplicate key, an unquoted `no:` key, a tag)
    # leave usable data behind: validate it too, so that every error comes out at once.
    early = located.errors
    try:
        doc = schema.ProgramFile.model_validate(data)
    except ValidationError as exc:
        diags = [_from_pydantic(err, located, data) for err in exc.errors(include_url=False)]
        # References can be checked on the raw data too, so they are not held back until
        # the other errors are fixed.
        diags += _not_covered(_raw_references(data, located), diags)
        return LoadResult(None, _sorted(early + _not_covered(diags, early)))
    program = schema.to_program(doc, file)
    diags = early + _not_covered(_cross_check(doc, program, located), early)
    if diags:
        return LoadResult(None, _sorted(diags))
    return LoadResult(program)


def _not_covered(diags: list[Diagnostic], early: list[Diagnostic]) -> list[Diagnostic]:
    """``diags`` without those about a value that an earlier problem already explains."""
    covered = {d.path for d in early if d.path}

    def explained(path: str) -> bool:
        return any(path == c or path.startswith((c + ".", c + "[")) for c in covered)

    return [d for d in diags if not explained(d.path)]


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
        return _line_column(located.keys[path])
    probe = path
    while probe:
        if probe in located.values:
            return _line_column(located.values[probe])
        probe = probe[:-1]
    root = located.values.get(())
    return _line_column(root) if root is not None else (1, 1)


def _line_column(mark: Any) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def _from_pydantic(err: Any, located: _Located, data: Any) -> Diagnostic:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    path = _clean_loc(tuple(err["loc"]), located)
    hint = str(ctx.get("hint", ""))
    if kind == "yaml_boolean" and path in located.bool_words:
        hint = t("prog.yaml_boolean_word.hint", word=located.bool_words[path])
    if kind == "extra_forbidden":
        key = path[-1] if path else "?"
        line, column = _position(path, located, prefer_key=True)
        accepted = _fields_of(data, path[:-1])
        close = difflib.get_close_matches(str(key), accepted, n=1, cutoff=0.6)
        if isinstance(key, str) and key in ("True", "False"):
            message = t("prog.unknown_key_boolean", key=key.lower())
            hint = t("prog.unknown_key_boolean.hint")
        else:
            message = t("prog.unknown_key", key=key)
            hint = t("prog.did_you_mean", option=close[0]) + " " if close else ""
            hint += t("prog.accepted_keys", keys=", ".join(accepted)) if accepted else ""
        return Diagnostic(located.file, line, column, message, format_path(path), hint.strip())
    if kind == "missing":
        key = path[-1] if path else "?"
        line, column = _position(path[:-1], located)
        return Diagnostic(
            located.file,
            line,
            column,
            t("prog.missing_key", key=key),
            format_path(path),
            hint,
        )
    line, column = _position(path, located)
    message = str(err["msg"])
    if kind.startswith(("wsp_", "yaml_")):
        pass
    elif message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    else:
        message = _humanise(kind, message, err.get("input"), ctx)
    return Diagnostic(located.file, line, column, message, format_path(path), hint)


_TYPE_MESSAGES = {
    "int_type": "prog.expected_int",
    "int_parsing": "prog.expected_int",
    "int_from_float": "prog.expected_int",
    "float_type": "prog.expected_number",
    "float_parsing": "prog.expected_number",
    "string_type": "prog.expected_text",
    "list_type": "prog.expected_list",
    "dict_type": "prog.expected_mapping",
    "model_type": "prog.expected_mapping",
    "model_attributes_type": "prog.expected_mapping",
    "dataclass_type": "prog.expected_mapping",
    "invalid_key": "prog.key_not_text",
}
_LIMIT_MESSAGES = {
    "greater_than_equal": ("prog.at_least", "ge"),
    "less_than_equal": ("prog.at_most", "le"),
    "greater_than": ("prog.greater_than", "gt"),
    "less_than": ("prog.less_than", "lt"),
}


def _humanise(kind: str, message: str, value: Any, ctx: dict[str, Any]) -> str:
    """Pydantic's own error in wsp's words (and language); unknown kinds keep Pydantic's."""
    from wspolpraca_cli.targets import type_word

    shown = repr(value) if not isinstance(value, dict | list) else type_word(value)
    if kind in _TYPE_MESSAGES:
        return t(_TYPE_MESSAGES[kind], value=shown)
    if kind == "enum" and "expected" in ctx:
        expected = str(ctx["expected"]).replace(" or ", t("prog.or"))
        return t("prog.expected_one_of", expected=expected, value=shown)
    if kind == "too_short":
        return t(
            "prog.expected_non_empty_text" if isinstance(value, str) else "prog.expected_an_item"
        )
    if kind == "string_too_short":
        return t("prog.expected_non_empty_text")
    if kind in _LIMIT_MESSAGES and _LIMIT_MESSAGES[kind][1] in ctx:
        key, bound = _LIMIT_MESSAGES[kind]
        return t(key, limit=ctx[bound])
    if kind == "finite_number":
        return t("prog.finite_number")
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
            add(path, t("prog.duplicate_goal", id=gid), t("prog.duplicate_goal.hint"))
        seen[gid] = "goal"
    specific = [g.id for g in doc.goals.specific]
    first, last = program.first_year, program.last_year
    area_ids: dict[str, int] = {}
    indicator_seen: dict[str, int] = {}

    def remember(seen: dict[str, int], key: str, path: PathKey) -> None:
        seen.setdefault(key, _position(path, located)[0])

    def again(seen: dict[str, int], key: str) -> str:
        return t("prog.first_on_line", line=seen[key])

    from wspolpraca_cli.schema import indicator_ids
    from wspolpraca_cli.targets import TargetKind

    for a_n, area in enumerate(doc.areas):
        a_path: PathKey = ("areas", a_n)
        if area.id in area_ids:
            add(
                (*a_path, "id"),
                t("prog.duplicate_area", id=area.id) + again(area_ids, area.id),
                t("prog.duplicate_area.hint"),
            )
        remember(area_ids, area.id, (*a_path, "id"))
        for g_n, gid in enumerate(area.goals):
            if gid not in specific:
                _unresolved(add, (*a_path, "goals", g_n), gid, specific)
        lps: dict[str, int] = {}
        for c_n, act in enumerate(area.actions):
            c_path: PathKey = (*a_path, "actions", c_n)
            if act.lp in lps:
                add(
                    (*c_path, "lp"),
                    t("prog.duplicate_lp", lp=act.lp, area=area.id) + again(lps, act.lp),
                )
            remember(lps, act.lp, (*c_path, "lp"))
            for g_n, gid in enumerate(act.goals):
                if gid not in specific:
                    _unresolved(add, (*c_path, "goals", g_n), gid, specific)
            ids = indicator_ids(f"{area.id}.{act.lp}", act.indicators)
            for i_n, (ind, ind_id) in enumerate(zip(act.indicators, ids, strict=True)):
                i_path: PathKey = (*c_path, "indicators", i_n)
                if len(act.indicators) > 1 and not ind.id:
                    add(
                        i_path,
                        t("prog.indicator_id_required", action=f"{area.id}.{act.lp}"),
                        t("prog.indicator_id_required.hint", id=f"{area.id}.{act.lp}.{i_n + 1}"),
                    )
                    continue
                id_path = (*i_path, "id") if ind.id else i_path
                if ind_id in indicator_seen:
                    add(
                        id_path,
                        t("prog.duplicate_indicator", id=ind_id) + again(indicator_seen, ind_id),
                        t("prog.duplicate_indicator.hint"),
                    )
                remember(indicator_seen, ind_id, id_path)
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
                            t("prog.target_year_outside", year=year, first=first, last=last),
                        )
                if target.kind is TargetKind.BY_YEAR:
                    missing = [y for y in range(first, last + 1) if y not in years]
                    if missing and built.frequency.per_year:
                        add(
                            (*i_path, "target"),
                            t("prog.by_year_missing", years=", ".join(map(str, missing))),
                            t("prog.by_year_missing.hint"),
                        )
                if (
                    target.per is not None
                    and built.frequency.per_year
                    and target.per.per_year > built.frequency.per_year
                ):
                    add(
                        (*i_path, "target"),
                        t("prog.per_too_often", per=t(f"prog.per.{target.per.value}")),
                        t(
                            "prog.per_too_often.hint",
                            frequency=built.frequency_text,
                            target=target,
                        ),
                    )
                values = [v for _, v in target.by_year]
                if target.value is not None:
                    values.append(target.value)
                unit = built.unit.value
                negative = [v for v in values if v < 0]
                if negative and unit != "number":
                    add(
                        (*i_path, "target"),
                        t("prog.target_negative", value=format_plain(negative[0]), unit=unit),
                    )
                fractions = [v for v in values if v != int(v)]
                if fractions and unit == "count":
                    add(
                        (*i_path, "target"),
                        t("prog.target_not_whole", value=format_plain(fractions[0])),
                        t("prog.target_not_whole.hint"),
                    )
                if target.percent and built.unit.value not in ("percent", "number"):
                    add(
                        (*i_path, "target"),
                        t("prog.percent_unit", unit=built.unit.value),
                        t("prog.percent_unit.hint"),
                    )
                if target.kind is TargetKind.MILESTONE and built.unit.value != "yesno":
                    add(
                        (*i_path, "unit"),
                        t("prog.milestone_unit"),
                        t("prog.milestone_unit.hint"),
                    )
                if ind.baseline and ind.baseline.year is not None and ind.baseline.year > last:
                    add(
                        (*i_path, "baseline", "year"),
                        t("prog.baseline_after_end", year=ind.baseline.year),
                    )
                if (
                    ind.bounds
                    and ind.bounds.min is not None
                    and ind.bounds.max is not None
                    and ind.bounds.min > ind.bounds.max
                ):
                    add((*i_path, "bounds"), t("prog.bounds_order"))
    return diags


def _raw_references(data: Any, located: _Located) -> list[Diagnostic]:
    """Goal references that resolve to no specific goal, read from data that did not pass
    validation (anything of an unexpected shape is left to the validation errors)."""
    diags: list[Diagnostic] = []

    def add(path: PathKey, message: str, hint: str = "") -> None:
        line, column = _position(path, located)
        diags.append(Diagnostic(located.file, line, column, message, format_path(path), hint))

    goals = data.get("goals") if isinstance(data, dict) else None
    specific = goals.get("specific") if isinstance(goals, dict) else None
    if not isinstance(specific, list):
        return []
    known = [str(g["id"]) for g in specific if isinstance(g, dict) and "id" in g]

    def refs(owner: Any, path: PathKey) -> None:
        listed = owner.get("goals") if isinstance(owner, dict) else None
        if isinstance(listed, list):
            for n, gid in enumerate(listed):
                if (
                    isinstance(gid, str | int)
                    and not isinstance(gid, bool)
                    and str(gid) not in known
                ):
                    _unresolved(add, (*path, "goals", n), str(gid), known)

    areas = data.get("areas")
    for a_n, area in enumerate(areas if isinstance(areas, list) else []):
        refs(area, ("areas", a_n))
        actions = area.get("actions") if isinstance(area, dict) else None
        for c_n, action in enumerate(actions if isinstance(actions, list) else []):
            refs(action, ("areas", a_n, "actions", c_n))
    return diags


def _unresolved(add: Any, path: PathKey, gid: str, known: list[str]) -> None:
    close = difflib.get_close_matches(gid, known, n=1, cutoff=0.5)
    hint = t("prog.did_you_mean", option=close[0]) + " " if close else ""
    hint += t("prog.specific_goals", ids=", ".join(known)) if known else t("prog.no_specific_goals")
    add(path, t("prog.unknown_goal", id=gid), hint)

"""YAML text → Python values, with the position of every value and key.

The text is composed into nodes (libyaml's C parser when present) and turned into Python
values here, so that duplicate keys, alias bombs and unsafe tags are caught, and every value
keeps its YAML mark, turned into a line and column only for the paths an error points at.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from wspolpraca_cli.errors import Diagnostic, FileSystemError, ProgramInvalid
from wspolpraca_cli.i18n import t
from wspolpraca_cli.loader.phrases import yaml_phrase

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


class Located:
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

    def position(self, path: PathKey, prefer_key: bool = False) -> tuple[int, int]:
        """The line and column of ``path``'s value (or key), else of its nearest parent."""
        if prefer_key and path in self.keys:
            return _line_column(self.keys[path])
        probe = path
        while probe:
            if probe in self.values:
                return _line_column(self.values[probe])
            probe = probe[:-1]
        root = self.values.get(())
        return _line_column(root) if root is not None else (1, 1)

    def diagnostic(self, path: PathKey, message: str, hint: str = "") -> Diagnostic:
        """A problem with the value at ``path``, located where that value stands."""
        line, column = self.position(path)
        return Diagnostic(self.file, line, column, message, format_path(path), hint)

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


_INDICATORS = ":-?,[]{}"


def _node_bound(text: str) -> int:
    """An upper bound of the YAML nodes in ``text``, counted without parsing it: every node
    is a scalar (each one ends at an indicator below or at a line break), an empty value or
    a collection (each one stands at an indicator). Comments and quoted text only raise it."""
    indicators = sum(text.count(c) for c in _INDICATORS)
    return 3 * indicators + text.count("\n") + 1


def _beyond_node_limit(text: str, limit: int) -> Any | None:
    """The mark of the first node beyond ``limit`` nodes (aliases not counted), else None.

    Counted on libyaml's event stream, which holds one event at a time: composing a document
    of millions of nodes first would take a gigabyte before any limit could be applied. A
    syntax error ends the count; :func:`compose` then reports it.
    """
    loader = _Loader(text)
    nodes = 0
    kinds = (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, kinds):
                nodes += 1
                if nodes > limit:
                    return event.start_mark
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    return None


def _line_column(mark: Any) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


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


def read_text(path: Path, limit: int = MAX_FILE_BYTES) -> str:
    """Read a programme file as UTF-8, at most ``limit`` bytes; raise on what cannot be read.

    What it is and how big it is are looked at before anything is read: a folder, a pipe or
    a device (``/dev/zero`` never ends) is refused unread, and a larger file is refused after
    at most ``limit + 1`` bytes.
    """
    from wspolpraca_cli.fsutil import FileTooLarge, NotRegularFile, read_regular

    try:
        data = read_regular(path, limit)
    except FileNotFoundError:
        raise
    except NotRegularFile as exc:
        if exc.kind == "folder":
            message = t("prog.is_folder")
        else:
            message = t("prog.not_regular", kind=t(f"file.kind.{exc.kind}"))
        raise ProgramInvalid([Diagnostic(str(path), 1, 1, message)]) from None
    except FileTooLarge as exc:
        raise ProgramInvalid(
            [
                Diagnostic(
                    str(path),
                    1,
                    1,
                    t("prog.too_large", size=exc.size, limit=limit // (1024 * 1024)),
                )
            ]
        ) from None
    except IsADirectoryError:  # a folder that cannot be opened (Windows)
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


def compose(text: str, file: str) -> tuple[Any, Located]:
    """Parse YAML text into Python values with positions; syntax errors become diagnostics."""
    located = Located(file)
    if _node_bound(text) > MAX_NODES:  # a big file: count its nodes before composing them
        beyond = _beyond_node_limit(text, MAX_NODES)
        if beyond is not None:
            located.error(
                beyond,
                t("prog.too_many_nodes", limit=MAX_NODES),
                hint=t("prog.too_many_nodes.hint", limit=MAX_NODES),
            )
            return None, located
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = yaml_phrase(exc.problem) if exc.problem else t("prog.yaml_invalid")
        if exc.context:
            problem = f"{problem} ({yaml_phrase(exc.context)})"
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

"""Pydantic's validation errors as located diagnostics, in wsp's words and language.

Pydantic's ``loc`` tuples are mapped to YAML paths (dropping the type names it adds for
unions) and then to the positions the composed document recorded.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from wspolpraca_cli.errors import Diagnostic
from wspolpraca_cli.i18n import t
from wspolpraca_cli.loader.compose import Located, PathKey, format_path, path_part
from wspolpraca_cli.suggest import close_matches


def from_pydantic(err: Any, located: Located, data: Any) -> Diagnostic:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    loc = tuple(err["loc"])
    # A key that is not text: Pydantic names it by its repr ("None", "datetime.date(…)"),
    # followed by "[key]" inside a dict; the composed document by path_part.
    in_dict = len(loc) >= 2 and loc[-1] == "[key]"
    if kind == "invalid_key" or (in_dict and kind == "string_type"):
        kind = "invalid_key"
        loc = (*loc[: -2 if in_dict else -1], path_part(err.get("input")))
    path = _clean_loc(loc, located)
    hint = str(ctx.get("hint", ""))
    if isinstance(err.get("input"), date) and kind in ("string_type", "invalid_key"):
        from wspolpraca_cli.targets import iso_text

        hint = t("prog.date_as_text.hint", text=iso_text(err["input"]))
    if kind == "yaml_boolean" and path in located.bool_words:
        hint = t("prog.yaml_boolean_word.hint", word=located.bool_words[path])
    if kind == "extra_forbidden":
        key = path[-1] if path else "?"
        line, column = located.position(path, prefer_key=True)
        accepted = _fields_of(data, path[:-1])
        close = close_matches(str(key), accepted, n=1)
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
        line, column = located.position(path[:-1])
        return Diagnostic(
            located.file,
            line,
            column,
            t("prog.missing_key", key=key),
            format_path(path),
            hint,
        )
    line, column = located.position(path, prefer_key=kind == "invalid_key")
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
    from wspolpraca_cli.targets import shown_value

    shown = shown_value(value)
    if kind == "invalid_key" and value is None:
        return t("prog.key_empty")
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


def _fields_of(data: Any, path: PathKey) -> list[str]:
    from typing import get_origin

    from wspolpraca_cli import schema

    model: Any = schema.ProgramFile
    keyed = False  # the part is a key of a mapping of models (a breakdown's name)
    for part in path:
        if isinstance(part, int) or keyed:
            keyed = False
            continue
        field_info = model.model_fields.get(part)
        if field_info is None:
            return []
        annotation = field_info.annotation
        keyed = get_origin(annotation) is dict
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


def _clean_loc(loc: tuple[Any, ...], located: Located) -> PathKey:
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

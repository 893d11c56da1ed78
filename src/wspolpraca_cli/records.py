"""Frozen value classes that are cheap to build at import time: :func:`record`.

``@dataclass(frozen=True)`` compiles the source of half a dozen methods for every class it
decorates — about a millisecond a class, and ``wsp status`` imports two dozen of them before it
does anything. ``@record`` gives the value classes of wsp the same behaviour for a fraction of
that: it compiles one ``__init__`` per class (positional or keyword arguments, defaults, and
``field(default_factory=...)``) when the first instance is made (an unpickled programme
makes none), and shares ready-made ``__eq__``, ``__hash__``, ``__repr__``,
ordering and the frozen ``__setattr__``/``__delattr__`` between all classes, each reading the
fields with one :func:`operator.attrgetter`. Instances are as small and as quick to create as a
dataclass's (a little quicker).

What a decorated class is:

- its fields are its annotations, in order (``ClassVar`` ones excepted); a default is a plain
  class value or ``field(default=...)``/``field(default_factory=...)``;
- equal to another instance of exactly its class with equal fields, hashed by its fields,
  ordered by them with ``order=True``; ``repr`` is ``Name(field=value, ...)``;
- immutable: assigning or deleting an attribute raises :class:`dataclasses.FrozenInstanceError`
  (``functools.cached_property`` still works, it writes the instance dictionary);
- ``slots=True`` gives it ``__slots__`` (it is then rebuilt, like a dataclass with slots);
- to :mod:`dataclasses` it still looks like a frozen dataclass: ``dataclasses.replace``,
  ``fields``, ``asdict`` and ``is_dataclass`` work, from fields made on first use only.

:func:`replace` is the copy with some fields changed. Type checkers see ``record`` as a
dataclass transform (PEP 681).
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, dataclass_transform, overload

if TYPE_CHECKING:
    from dataclasses import FrozenInstanceError

__all__ = ["FrozenInstanceError", "field", "record", "replace"]

_T = TypeVar("_T")


class _Missing:
    """No default was given (its own class, so that ``None`` can be a default)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class Field:
    """What :func:`field` puts in a class body: a default, or a factory of defaults."""

    __slots__ = ("default", "default_factory")

    def __init__(self, default: Any, default_factory: Callable[[], Any] | Any) -> None:
        self.default = default
        self.default_factory = default_factory


if TYPE_CHECKING:

    @overload
    def field(*, default: _T) -> _T: ...
    @overload
    def field(*, default_factory: Callable[[], _T]) -> _T: ...


def field(*, default: Any = MISSING, default_factory: Any = MISSING) -> Any:
    """A field's default (``field(default=())``), or a callable that makes a fresh one for
    every instance (``field(default_factory=Deadline)``)."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("a field takes a default or a default_factory, not both")
    return Field(default, default_factory)


# -- the methods every record shares ------------------------------------------------------------
def _frozen_setattr(self: object, name: str, value: object) -> None:
    from dataclasses import FrozenInstanceError

    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: object, name: str) -> None:
    from dataclasses import FrozenInstanceError

    raise FrozenInstanceError(f"cannot delete field {name!r}")


def __getattr__(name: str) -> Any:
    """``FrozenInstanceError`` (:mod:`dataclasses`' own), imported when first asked for:
    importing :mod:`dataclasses` costs every run of wsp almost a millisecond."""
    if name == "FrozenInstanceError":
        from dataclasses import FrozenInstanceError

        return FrozenInstanceError
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _repr(self: Any) -> str:
    cls = type(self)
    pairs = zip(cls.__record_fields__, cls.__record_values__(self), strict=True)
    return f"{cls.__qualname__}({', '.join(f'{n}={v!r}' for n, v in pairs)})"


# -- equality, hash and order: compiled on a class's first comparison ---------------------------
_COMPARISONS = {"__eq__": "==", "__lt__": "<", "__le__": "<=", "__gt__": ">", "__ge__": ">="}
_ORDERING = ("__lt__", "__le__", "__gt__", "__ge__")


def _compile_comparisons(cls: Any) -> None:
    """Put the compiled ``__eq__``, ``__hash__`` (and, ordered, ``__lt__`` …) of ``cls`` in
    place of its stand-ins: each compares or hashes the tuple of the fields, like a
    dataclass's (most classes are never compared, so most never pay for compiling them)."""
    names: tuple[str, ...] = cls.__record_fields__
    mine = "(" + "".join(f"self.{n}," for n in names) + ")"
    theirs = "(" + "".join(f"other.{n}," for n in names) + ")"
    source = [f"def __hash__(self):\n  return hash({mine})\n"]
    for method, op in _COMPARISONS.items():
        if cls.__dict__.get(method) is _STAND_INS[method]:
            source.append(
                f"def {method}(self, other):\n"
                f"  if other.__class__ is self.__class__:\n"
                f"    return {mine} {op} {theirs}\n"
                f"  return NotImplemented\n"
            )
    namespace: dict[str, Any] = {}
    exec(compile("".join(source), f"<record {cls.__qualname__}>", "exec"), namespace)
    for method in ("__hash__", *_COMPARISONS):
        if method in namespace:
            function = namespace[method]
            function.__qualname__ = f"{cls.__qualname__}.{method}"
            type.__setattr__(cls, method, function)


def _stand_in(method: str) -> Callable[..., Any]:
    """A method that compiles its class's comparisons (see above), then does what it stands
    for."""

    def stand_in(self: Any, *args: Any) -> Any:
        cls = next(c for c in type(self).__mro__ if "__record_fields__" in c.__dict__)
        _compile_comparisons(cls)
        return getattr(cls, method)(self, *args)

    stand_in.__name__ = method
    return stand_in


_STAND_INS = {method: _stand_in(method) for method in ("__hash__", *_COMPARISONS)}


def _getstate(self: Any) -> tuple[Any, ...]:
    return tuple(self.__record_values__(self))


def _setstate(self: Any, state: tuple[Any, ...]) -> None:
    for name, value in zip(type(self).__record_fields__, state, strict=True):
        object.__setattr__(self, name, value)


class _DataclassFields:
    """``__dataclass_fields__``, made on first use from a throw-away frozen dataclass of the
    same fields, so that :mod:`dataclasses`' functions (and tools that use them) work on a
    record while its import pays nothing for them."""

    def __get__(self, instance: object, owner: Any) -> dict[str, Any]:
        import dataclasses

        namespace: dict[str, Any] = {"__annotations__": {}, "__module__": owner.__module__}
        for name, default in owner.__record_defaults__.items():
            namespace["__annotations__"][name] = owner.__annotations__[name]
            if isinstance(default, Field):
                if default.default_factory is not MISSING:
                    namespace[name] = dataclasses.field(default_factory=default.default_factory)
                else:
                    namespace[name] = default.default
            elif default is not MISSING:
                namespace[name] = default
        shadow: Any = dataclasses.dataclass(frozen=True)(type(owner.__name__, (), namespace))
        fields: dict[str, Any] = shadow.__dataclass_fields__
        type.__setattr__(owner, "__dataclass_fields__", fields)
        return fields


_DATACLASS_FIELDS = _DataclassFields()


# -- building a record ------------------------------------------------------------------------
def _is_classvar(annotation: object) -> bool:
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return text.startswith(("ClassVar", "typing.ClassVar"))


def _check_order(cls: type, defaults: dict[str, Any]) -> None:
    """A field without a default may not follow one with (as in a dataclass): refused when
    the class is made, although its ``__init__`` is compiled only when first called."""
    defaulted = False
    for name, default in defaults.items():
        plain = default.default if isinstance(default, Field) else default
        if isinstance(default, Field) and default.default_factory is not MISSING:
            defaulted = True
        elif plain is MISSING:
            if defaulted:
                raise TypeError(
                    f"{cls.__name__}: field {name!r} without a default follows one with"
                )
        else:
            defaulted = True


def _lazy_init(owner: list[type], defaults: dict[str, Any]) -> Callable[..., None]:
    """A stand-in ``__init__`` that compiles the class's own (see :func:`_init`) when the
    first instance is made, puts it in its place and calls it: ``wsp status`` makes no
    instance of most of its records (an unpickled programme calls no ``__init__``), so most
    never pay for compiling one. ``owner`` holds the class once it is built."""

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        cls = owner[0]
        if cls.__dict__.get("__init__") is __init__:
            type.__setattr__(cls, "__init__", _init(cls, defaults))
        cls.__init__(self, *args, **kwargs)  # type: ignore[misc]

    return __init__


def _init(cls: type, defaults: dict[str, Any]) -> Callable[..., None]:
    """The ``__init__`` of ``cls``: one small function compiled for its fields, each set by
    ``object.__setattr__`` (the frozen ``__setattr__`` is not for ``__init__``). Not through
    ``self.__dict__``: that would give every instance a dictionary of its own instead of
    Python's compact attribute values (4 MiB more for a report at 1,000,000 entries)."""
    params: list[str] = []
    body: list[str] = []
    namespace: dict[str, Any] = {"_set": object.__setattr__, "_MISSING": MISSING}
    for name, default in defaults.items():
        if isinstance(default, Field):
            if default.default_factory is not MISSING:
                namespace[f"_factory_{name}"] = default.default_factory
                params.append(f"{name}=_MISSING")
                body.append(f"  if {name} is _MISSING: {name} = _factory_{name}()")
                continue
            default = default.default
        if default is MISSING:
            params.append(name)
        else:
            namespace[f"_default_{name}"] = default
            params.append(f"{name}=_default_{name}")
    body += [f"  _set(self, {name!r}, {name})" for name in defaults]
    source = f"def __init__(self, {', '.join(params)}):\n" + ("\n".join(body) or "  pass") + "\n"
    exec(compile(source, f"<record {cls.__qualname__}>", "exec"), namespace)
    init: Callable[..., None] = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _values_of(names: tuple[str, ...]) -> Callable[[object], tuple[Any, ...]]:
    """A function that gives an instance's field values as one tuple."""
    if len(names) >= 2:
        return operator.attrgetter(*names)
    if names:
        single = operator.attrgetter(names[0])
        return lambda obj: (single(obj),)
    return lambda obj: ()


def _build(cls: type[_T], order: bool, slots: bool) -> type[_T]:
    own = cls.__dict__
    for base in cls.__mro__[1:-1]:
        if "__record_fields__" in base.__dict__:
            raise TypeError(f"{cls.__name__}: a record cannot derive from another record")
    defaults: dict[str, Any] = {}
    for name, annotation in own.get("__annotations__", {}).items():
        if not _is_classvar(annotation):
            defaults[name] = own.get(name, MISSING)
    _check_order(cls, defaults)
    names = tuple(defaults)
    values = _values_of(names)
    owner: list[type] = [cls]
    methods: dict[str, Any] = {
        "__init__": _lazy_init(owner, defaults),
        "__repr__": _repr,
        "__setattr__": _frozen_setattr,
        "__delattr__": _frozen_delattr,
        "__match_args__": names,
        "__record_fields__": names,
        "__record_defaults__": defaults,
        "__record_values__": staticmethod(values),
        "__dataclass_fields__": _DATACLASS_FIELDS,
        "__eq__": _STAND_INS["__eq__"],
        "__hash__": _STAND_INS["__hash__"],
    }
    if order:
        methods.update((method, _STAND_INS[method]) for method in _ORDERING)
    if slots:
        namespace = {k: v for k, v in own.items() if k not in names}
        namespace.pop("__dict__", None)
        namespace.pop("__weakref__", None)
        namespace.update(methods, __slots__=names, __getstate__=_getstate, __setstate__=_setstate)
        metaclass: Any = type(cls)
        built: type[_T] = metaclass(cls.__name__, cls.__bases__, namespace)
        built.__qualname__ = cls.__qualname__
        owner[0] = built
        return built
    for key, value in methods.items():
        setattr(cls, key, value)
    for name, default in defaults.items():
        if isinstance(default, Field):
            if default.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, default.default)
    return cls


if TYPE_CHECKING:

    @overload
    def record(cls: type[_T], /) -> type[_T]: ...
    @overload
    def record(*, order: bool = False, slots: bool = False) -> Callable[[type[_T]], type[_T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(field, Field))
def record(
    cls: type[_T] | None = None, /, *, order: bool = False, slots: bool = False
) -> type[_T] | Callable[[type[_T]], type[_T]]:
    """Make the annotated class ``cls`` a frozen value class (see the module's text):
    ``@record``, ``@record(order=True)``, ``@record(slots=True)``."""
    if cls is None:
        return lambda c: _build(c, order, slots)
    return _build(cls, order, slots)


def replace(obj: _T, /, **changes: Any) -> _T:
    """A copy of the record ``obj`` with ``changes`` (field name → new value) applied."""
    cls: Any = type(obj)
    names: tuple[str, ...] | None = getattr(cls, "__record_fields__", None)
    if names is None:  # a plain dataclass
        import dataclasses

        return dataclasses.replace(obj, **changes)  # type: ignore[type-var]
    for name in changes:
        if name not in names:
            raise TypeError(f"{cls.__name__} has no field {name!r}")
    values = dict(zip(names, cls.__record_values__(obj), strict=True))
    values.update(changes)
    copy: _T = cls(**values)
    return copy

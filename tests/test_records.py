"""records.record: frozen value classes that behave like frozen dataclasses, built cheaply."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from functools import cached_property

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wspolpraca_cli.records import FrozenInstanceError, field, record, replace


@record
class Point:
    x: int
    y: int = 0
    tags: tuple[str, ...] = field(default=())


@record(order=True)
class Version:
    major: int
    minor: int = 0


@record(slots=True)
class Stats:
    count: int = 0
    total: float = 0.0


@record
class Holder:
    name: str
    parts: list[int] = field(default_factory=list)

    @cached_property
    def size(self) -> int:
        return len(self.parts)


@dataclasses.dataclass(frozen=True, order=True)
class ReferenceVersion:
    major: int
    minor: int = 0


ints = st.integers(-5, 5)
versions = st.builds(Version, ints, ints)


def test_arguments_positional_keyword_and_defaults() -> None:
    assert Point(1) == Point(x=1) == Point(1, 0, ())
    assert (Point(1, 2).y, Point(1, tags=("a",)).tags) == (2, ("a",))
    assert Point(1).tags == () and Point.y == 0  # the default stays a class value, as dataclass's
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1, z=3)  # type: ignore[call-arg]


def test_default_factory_makes_a_fresh_value_for_each_instance() -> None:
    a, b = Holder("a"), Holder("b")
    assert a.parts == [] and a.parts is not b.parts
    assert Holder("c", [1, 2]).size == 2  # cached_property still works on a frozen record
    assert "parts" not in Holder.__dict__


@given(x=ints, y=ints, x2=ints, y2=ints)
def test_equality_and_hash_follow_the_fields(x: int, y: int, x2: int, y2: int) -> None:
    a, b = Point(x, y), Point(x2, y2)
    assert (a == b) is ((x, y) == (x2, y2))
    assert (a != b) is ((x, y) != (x2, y2))
    if a == b:
        assert hash(a) == hash(b)
    assert a == Point(x, y) and hash(a) == hash(Point(x, y))
    assert a != (x, y, ())  # another class is never equal
    assert Version(x, y) != ReferenceVersion(x, y)


@given(a=versions, b=versions)
def test_order_is_the_order_of_the_field_tuples_as_a_dataclass(a: Version, b: Version) -> None:
    ra, rb = ReferenceVersion(a.major, a.minor), ReferenceVersion(b.major, b.minor)
    assert (a < b, a <= b, a > b, a >= b) == (ra < rb, ra <= rb, ra > rb, ra >= rb)
    assert sorted([b, a]) == sorted([a, b])


def test_unordered_records_refuse_ordering() -> None:
    with pytest.raises(TypeError):
        _ = Point(1) < Point(2)  # type: ignore[operator]


def test_frozen() -> None:
    p, s = Point(1), Stats(1, 2.0)
    with pytest.raises(FrozenInstanceError):
        p.x = 2  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del p.x
    with pytest.raises(AttributeError):
        s.count = 2  # type: ignore[misc]
    assert (p.x, s.count) == (1, 1)


def test_repr_names_the_fields() -> None:
    assert repr(Point(1, 2, ("a",))) == "Point(x=1, y=2, tags=('a',))"
    assert repr(Stats()) == "Stats(count=0, total=0.0)"
    assert repr(Version(1)) == repr(ReferenceVersion(1)).replace("ReferenceVersion", "Version")


@given(x=ints, y=ints, new=ints)
def test_replace_changes_only_the_named_fields(x: int, y: int, new: int) -> None:
    p = Point(x, y, ("t",))
    assert replace(p, y=new) == Point(x, new, ("t",))
    assert replace(p) == p
    assert dataclasses.replace(p, x=new) == Point(new, y, ("t",))
    assert replace(ReferenceVersion(x), minor=new) == ReferenceVersion(x, new)
    with pytest.raises(TypeError, match="no field 'z'"):
        replace(p, z=1)


def test_dataclasses_functions_see_a_dataclass() -> None:
    assert dataclasses.is_dataclass(Point) and dataclasses.is_dataclass(Stats(1))
    assert [f.name for f in dataclasses.fields(Point)] == ["x", "y", "tags"]
    assert dataclasses.asdict(Point(1, 2)) == {"x": 1, "y": 2, "tags": ()}
    assert dataclasses.astuple(Stats(3, 1.5)) == (3, 1.5)
    assert dataclasses.replace(Holder("a"), name="b").parts == []


def test_slots() -> None:
    s = Stats(2, 3.0)
    assert Stats.__slots__ == ("count", "total") and not hasattr(s, "__dict__")
    assert Stats.__qualname__ == "Stats" and Stats(2, 3.0) == s


@pytest.mark.parametrize("value", [Point(1, 2, ("a",)), Stats(2, 3.0), Version(1, 2)])
def test_pickle_and_copy_give_equal_values(value: object) -> None:
    assert pickle.loads(pickle.dumps(value)) == value
    assert copy.copy(value) == value and copy.deepcopy(value) == value


def test_match_args() -> None:
    match Version(3, 1):
        case Version(major, minor):
            assert (major, minor) == (3, 1)
        case _:
            pytest.fail("no match")


def test_a_field_without_default_after_one_with_is_refused() -> None:
    with pytest.raises(TypeError, match="'b' without a default"):

        @record
        class Bad:
            a: int = 0
            b: int  # type: ignore[misc]

    with pytest.raises(ValueError, match="not both"):
        field(default=1, default_factory=int)


def test_hash_before_any_comparison() -> None:
    @record(order=True)
    class Fresh:
        a: int
        b: str = ""

    assert len({Fresh(1, "x"), Fresh(1, "x"), Fresh(2)}) == 2  # hash compiles the comparisons
    assert Fresh(1) < Fresh(2) and Fresh.__eq__.__qualname__.endswith("Fresh.__eq__")


def test_a_record_compiles_its_init_when_first_made() -> None:
    @record
    class Lazy:
        a: int
        b: str = "x"

    stand_in = Lazy.__dict__["__init__"]
    first = Lazy(1)
    compiled = Lazy.__dict__["__init__"]
    assert compiled is not stand_in
    assert (first, Lazy(2, b="y"), Lazy(a=3)) == (Lazy(1, "x"), Lazy(2, "y"), Lazy(3, "x"))
    assert Lazy.__dict__["__init__"] is compiled
    with pytest.raises(TypeError):
        Lazy()


def test_a_slotted_record_compiles_its_own_init() -> None:
    @record(slots=True)
    class Slotted:
        a: int
        b: tuple[int, ...] = field(default_factory=tuple)

    assert Slotted(1) == Slotted(1, ())
    assert "__init__" in Slotted.__dict__ and Slotted(2).b == ()
    with pytest.raises(FrozenInstanceError):
        Slotted(1).a = 2  # type: ignore[misc]


def test_a_field_without_default_after_one_with_is_refused_at_once() -> None:
    with pytest.raises(TypeError, match="without a default follows one with"):

        @record
        class Wrong:
            a: int = 1
            b: int  # type: ignore[misc]

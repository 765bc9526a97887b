"""The hook spec table: for every hook, how answers combine and what an answer must be.

Read once from ``hookspecs.py`` (the docstrings, the ``chain_spec`` marks and the return
annotations), so adding a hook there is all it takes: the resolution plan, the facade's checks, the
docs and the introspection commands are driven by this table.
"""

from __future__ import annotations

import collections.abc
import typing
from types import NoneType, UnionType
from typing import Any

import attrs

from .. import model
from . import context, hookspecs
from .markers import Combine, Merge


@attrs.frozen
class HookSpec:
    """One hook: its name, how the chain's answers combine, the answer's type and its arguments."""

    name: str
    combine: Combine
    answer: type  # the class of the answer, or of each item when ``sequence``
    sequence: bool
    merge: Merge | None
    arguments: tuple[str, ...]
    function: Any

    def accepts(self, value: Any) -> bool:
        if not self.sequence:
            return isinstance(value, self.answer)
        return isinstance(value, (list, tuple)) and all(isinstance(item, self.answer) for item in value)

    def expected(self) -> str:
        return f"a sequence of {self.answer.__name__}" if self.sequence else self.answer.__name__


def _answer_type(function: Any) -> tuple[type, bool]:
    """``Trigger | None`` → (Trigger, False); ``Sequence[MethodOption] | None`` → (MethodOption, True)."""
    names = {**vars(collections.abc), **vars(model), **vars(context)}
    hint = typing.get_type_hints(function, globalns=names)["return"]
    if isinstance(hint, UnionType) or typing.get_origin(hint) is typing.Union:
        hint = next(h for h in typing.get_args(hint) if h is not NoneType)
    if typing.get_origin(hint) in (collections.abc.Sequence, tuple, list):
        return typing.get_args(hint)[0], True
    return hint, False


def _spec(name: str, function: Any) -> HookSpec:
    answer, sequence = _answer_type(function)
    return HookSpec(
        name=name,
        combine=function.zhengming_combine,
        answer=answer,
        sequence=sequence,
        merge=function.zhengming_merge,
        arguments=tuple(function.__code__.co_varnames[: function.__code__.co_argcount]),
        function=function,
    )


SPECS: dict[str, HookSpec] = {
    name: _spec(name, fn) for name, fn in vars(hookspecs).items() if name.startswith("zhengming_") and callable(fn)
}
CHAIN_HOOKS: tuple[str, ...] = tuple(name for name, spec in SPECS.items() if spec.combine is not Combine.OWN)

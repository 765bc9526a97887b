"""pluggy markers. Plugin authors import ``hookimpl`` (re-exported as ``zhengming.hookimpl``)."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any

import pluggy

PROJECT = "zhengming"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)

Merge = Callable[[tuple[Any, ...], tuple[Any, ...]], tuple[Any, ...]]


class Combine(StrEnum):
    """How the answers of a jurisdiction chain (core → province → city → county) combine."""

    MOST_SPECIFIC = "most_specific"  # the most specific plugin that answers (not None) wins
    MERGE = "merge"  # every plugin's answers are merged level by level with the spec's merge function
    OWN = "own"  # each plugin answers for itself only (metadata)


def chain_spec(combine: Combine, *, merge: Merge | None = None):
    """Declare a hook spec together with how answers combine along the chain.

    zhengming resolves chain hooks itself, level by level (``zhengming.plugin.plan``); pluggy only
    checks each implementation's arguments against the spec. A ``MERGE`` hook names the function
    that merges a level's answer into what the levels above it answered: ``merge(inherited, own)``.
    """
    if (combine is Combine.MERGE) != (merge is not None):
        raise ValueError("a merge hook declares its merge function, and only a merge hook does")

    def mark(function):
        function.zhengming_combine = combine
        function.zhengming_merge = merge
        return hookspec(function)

    return mark

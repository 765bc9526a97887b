"""pluggy markers. Plugin authors import ``hookimpl`` (re-exported as ``zhengming.hookimpl``)."""

from enum import StrEnum

import pluggy

PROJECT = "zhengming"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


class Combine(StrEnum):
    """How the answers of a jurisdiction chain (core → province → city → county) combine."""

    MOST_SPECIFIC = "most_specific"  # the most specific plugin that answers (not None) wins
    MERGE = "merge"  # every plugin's answers are collected and merged
    OWN = "own"  # each plugin answers for itself only (metadata)


def chain_spec(combine: Combine):
    """Declare a hook spec together with how answers combine along the chain.

    ``MOST_SPECIFIC`` hooks are ``firstresult``: plugins are registered general-first, pluggy
    calls the last registered first, so the most specific non-None answer wins.
    """

    def mark(function):
        function.zhengming_combine = combine
        return hookspec(firstresult=combine is Combine.MOST_SPECIFIC)(function)

    return mark

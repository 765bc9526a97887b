"""Build throwaway jurisdiction plugins (real modules, real entry points) for tests."""

from __future__ import annotations

import itertools
import textwrap
from importlib.metadata import EntryPoint
from pathlib import Path

HEADER = """
from datetime import date
import attrs
from zhengming import *

@hookimpl
def zhengming_jurisdiction():
    return Jurisdiction(
        id={id!r}, parent={parent!r}, names=Text({id!r}, {id!r}), level=JurisdictionLevel.COUNTY,
        documents=(SourceDocument(title="测试办法", issuer="测试", in_force_from=date({since})),),
    )
"""
_counter = itertools.count()


class PluginFactory:
    """``make(id, body)`` writes a module implementing ``body`` and returns its entry point."""

    def __init__(self, folder: Path):
        self.folder = folder

    def make(
        self,
        jid: str,
        body: str = "",
        *,
        parent: str = "core",
        since: str = "2020, 1, 1",
        name: str | None = None,
        header: bool = True,
    ) -> EntryPoint:
        module = f"zm_test_plugin_{next(_counter)}"
        source = (HEADER.format(id=jid, parent=parent, since=since) if header else "") + textwrap.dedent(body)
        (self.folder / f"{module}.py").write_text(source, encoding="utf-8")
        return EntryPoint(name=name or jid, value=module, group="zhengming.jurisdictions")

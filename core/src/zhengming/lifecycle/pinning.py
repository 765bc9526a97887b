"""What decided a case: the chain, each plugin's distribution and version, and a fingerprint of the rules.

The fingerprint is SHA-256 over the chain and, for each plugin in it, its distribution, version and
the bytes of its package's Python sources. For ``core`` that is every module a decision depends on
(:data:`CORE_DECISION_SOURCES`): the baseline rules, the engine, the rule toolkit (list matching, reason
texts, dates), the plugin machinery that resolves hooks along the chain, the model (defaults and
derived facts) and the labels that reasons are written with. An editable install changed without a new
version number still changes the fingerprint.
"""

from __future__ import annotations

import hashlib
import sys
from functools import cache
from pathlib import Path

import attrs

from ..model import CORE_ID
from ..plugin.registry import JurisdictionRegistry


@attrs.frozen
class Pin:
    chain: tuple[str, ...]
    versions: dict[str, str]
    fingerprint: str


def pin(registry: JurisdictionRegistry, chain: tuple[str, ...]) -> Pin:
    """The pin of the rules ``chain`` consults in ``registry`` (computed once per chain)."""
    return _pin(registry, tuple(chain))


@cache
def _pin(registry: JurisdictionRegistry, chain: tuple[str, ...]) -> Pin:
    digest = hashlib.sha256()
    versions = {}
    for jid in chain:
        record = registry.records[jid]
        versions[jid] = f"{record.distribution or '?'} {record.version or '?'}"
        digest.update(f"{jid}\0{versions[jid]}\0".encode())
        digest.update(_source_digest(_source_roots(jid, record.plugin)))
    return Pin(chain, versions, digest.hexdigest())


# Modules and packages of ``zhengming`` whose code decides a decision's content (not how it is stored
# or shown): a change to any of them changes the core's fingerprint.
CORE_DECISION_SOURCES = ("baseline", "engine", "rules", "plugin", "model", "labels")


def _source_roots(jid: str, plugin: object) -> tuple[Path, ...]:
    if jid == CORE_ID:
        package = Path(__file__).resolve().parent.parent
        return tuple(
            package / name if (package / name).is_dir() else package / f"{name}.py" for name in CORE_DECISION_SOURCES
        )
    module = sys.modules.get(getattr(plugin, "__name__", "")) or sys.modules.get(type(plugin).__module__)
    path = getattr(module, "__file__", None)
    if not path:
        return ()
    # a module inside a package: the whole package (helpers and data modules decide too)
    return (Path(path).parent if getattr(module, "__package__", "") else Path(path),)


@cache
def _source_digest(roots: tuple[Path, ...]) -> bytes:
    digest = hashlib.sha256()
    for root in roots:
        files = sorted(root.rglob("*.py")) if root.is_dir() else [root]
        for file in files:
            digest.update(str(file.relative_to(root.parent)).encode() + b"\0" + file.read_bytes())
    return digest.digest()

"""Jurisdiction registry: discovers plugins, checks them, and resolves chains as of a date.

Discovery reads the entry-point group ``zhengming.jurisdictions``. One broken plugin never takes the
others down: every load problem (failed import, hook with no spec, unmarked hook, bad metadata,
duplicate id, missing parent, cycle) is recorded with the plugin's name, the healthy plugins stay
usable, and ``strict=True`` turns any problem into a :class:`RegistryError`.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from importlib import metadata
from typing import Any

import attrs

from ..errors import RegistryError, UnknownJurisdiction
from ..model import CORE_ID, Jurisdiction, ListItem
from .context import EvaluationContext
from .hooks import ChainHooks
from .plan import ResolutionPlan, new_plugin_manager
from .specs import SPECS

ENTRY_POINT_GROUP = "zhengming.jurisdictions"


@attrs.frozen
class PluginRecord:
    """A healthy jurisdiction plugin."""

    info: Jurisdiction
    plugin: object
    distribution: str | None
    version: str | None


@attrs.frozen
class LoadProblem:
    """A plugin that could not be used, and why."""

    name: str  # the entry point's name (the jurisdiction id it claims)
    source: str  # distribution and entry point value, so the vendor knows what to fix
    error: str

    def __str__(self) -> str:
        return f"{self.name} ({self.source}): {self.error}"


@attrs.frozen
class Resolution:
    """The chain consulted for a jurisdiction on a date, and the plugins left out because their
    rules were not yet in force."""

    jurisdiction: str
    chain: tuple[str, ...]
    not_in_force: tuple[Jurisdiction, ...]


class JurisdictionRegistry:
    """Healthy plugins by id, the load problems, and one :class:`ResolutionPlan` per chain (cached)."""

    def __init__(self, records: dict[str, PluginRecord], problems: Sequence[LoadProblem]):
        self.records = records
        self.problems = tuple(problems)
        self._plans: dict[tuple[str, ...], ResolutionPlan] = {}
        self._items: dict[tuple[str, ...], dict[str, ListItem]] = {}

    def ids(self) -> list[str]:
        return sorted(self.records)

    def children(self, parent: str) -> list[str]:
        return sorted(i for i, r in self.records.items() if r.info.parent == parent and i != parent)

    def problem_for(self, jurisdiction: str) -> LoadProblem | None:
        return next((p for p in self.problems if p.name == jurisdiction), None)

    def lineage(self, jurisdiction: str) -> tuple[str, ...]:
        """All ids from core to ``jurisdiction``, most general first."""
        if jurisdiction not in self.records:
            problem = self.problem_for(jurisdiction)
            raise UnknownJurisdiction(jurisdiction, self.ids(), problem.error if problem else None)
        ids = [jurisdiction]
        while (parent := self.records[ids[-1]].info.parent) is not None:
            ids.append(parent)
        return tuple(reversed(ids))

    def require_installed(self, jurisdiction: str | None) -> None:
        """Refuse a jurisdiction that is not installed (:class:`UnknownJurisdiction`, the installed ones
        listed) where one is named: a typo would make a user who never sees a case, or a report of zeros."""
        if jurisdiction is not None:
            self.lineage(jurisdiction)

    def resolve(self, jurisdiction: str, as_of: date) -> Resolution:
        """The chain for ``jurisdiction`` on ``as_of``: plugins not yet in force fall back to their parent."""
        chain, skipped = [], []
        for jid in self.lineage(jurisdiction):
            info = self.records[jid].info
            (chain if jid == CORE_ID or info.in_force(as_of) else skipped).append(jid)
        return Resolution(jurisdiction, tuple(chain), tuple(self.records[j].info for j in skipped))

    def local_schemas(self, jurisdiction: str) -> list[tuple[str, Mapping[str, Any] | None]]:
        """``(id, published local-facts schema)`` for every plugin of ``jurisdiction``'s lineage (v1.1 ``local``)."""
        return [(jid, self.records[jid].info.local_facts) for jid in self.lineage(jurisdiction)]

    def plan(self, chain: tuple[str, ...]) -> ResolutionPlan:
        """The (cached) resolution plan of ``chain``."""
        plan = self._plans.get(chain)
        if plan is None:
            plan = self._plans[chain] = ResolutionPlan([(j, self.records[j].plugin) for j in chain])
        return plan

    def hooks(self, chain: tuple[str, ...], record: list | None = None) -> ChainHooks:
        """A typed hook facade over ``chain``'s cached plan, for one evaluation."""
        return ChainHooks(self.plan(chain), record)

    def list_items(self, chain: tuple[str, ...]) -> dict[str, ListItem]:
        """The chain's list items by id; a more specific plugin's item replaces its parent's."""
        items = self._items.get(chain)
        if items is None:
            items = self._items[chain] = {i.id: i for j in chain for i in self.records[j].info.list_items}
        return items

    def context(self, resolution: Resolution, as_of: date) -> EvaluationContext:
        return EvaluationContext(
            jurisdiction=resolution.jurisdiction,
            as_of=as_of,
            chain=resolution.chain,
            list_items=self.list_items(resolution.chain),
        )


# --- loading ---------------------------------------------------------------------------------


def load_registry(
    *, strict: bool = False, entry_points: Iterable[metadata.EntryPoint] | None = None
) -> JurisdictionRegistry:
    """Discover, check and index the installed jurisdiction plugins (core included).

    :param strict: raise :class:`RegistryError` when any plugin has a problem.
    :param entry_points: the entry points to load instead of the installed ones (tests).
    """
    from .. import baseline

    core = PluginRecord(baseline.JURISDICTION, baseline, "zhengming", _version("zhengming"))
    candidates: dict[str, list[PluginRecord]] = {CORE_ID: [core]}
    problems: list[LoadProblem] = []
    for ep in _unique(metadata.entry_points(group=ENTRY_POINT_GROUP) if entry_points is None else entry_points):
        record = _load_one(ep, problems)
        if record is not None:
            candidates.setdefault(record.info.id, []).append(record)
    records = _without_duplicates(candidates, problems)
    _drop_orphans(records, problems)
    if strict and problems:
        raise RegistryError(problems)
    return JurisdictionRegistry(records, problems)


def _version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def _unique(entry_points: Iterable[metadata.EntryPoint]) -> list[metadata.EntryPoint]:
    """The same distribution can be found twice on sys.path (pytest #5804): keep it once."""
    seen, unique = set(), []
    for ep in entry_points:
        key = (ep.dist.name if ep.dist else None, ep.name, ep.value)
        if key not in seen:
            seen.add(key)
            unique.append(ep)
    return unique


def _source(ep: metadata.EntryPoint) -> str:
    dist = f"{ep.dist.name} {ep.dist.version}" if ep.dist else "unknown distribution"
    return f"{dist}, entry point {ep.name} = {ep.value}"


def _load_one(ep: metadata.EntryPoint, problems: list[LoadProblem]) -> PluginRecord | None:
    def problem(error: str) -> None:
        problems.append(LoadProblem(ep.name, _source(ep), error))

    try:
        plugin = ep.load()
    except Exception as exc:  # a vendor's import error must not take the host down
        return problem(f"import failed: {type(exc).__name__}: {exc}")
    try:
        _check_hooks(plugin)
        info = _metadata_of(plugin)
    except Exception as exc:
        return problem(str(exc) or type(exc).__name__)
    if info.id != ep.name:
        return problem(f"metadata id {info.id!r} does not match the entry point name {ep.name!r}")
    if info.id == CORE_ID or info.parent is None:
        return problem("only the core may be the root of the chain; set parent (e.g. 'core')")
    return PluginRecord(info, plugin, ep.dist.name if ep.dist else None, ep.dist.version if ep.dist else None)


# Options that would let a plugin step out of the chain's order, and why each is refused.
FORBIDDEN_OPTIONS = {
    "tryfirst": "the chain decides the order: a child's answer always replaces its parent's",
    "trylast": "the chain decides the order: a child's answer always replaces its parent's",
    "hookwrapper": "old-style hookwrapper is not supported; use @hookimpl(wrapper=True)",
}


def _check_hooks(plugin: object) -> None:
    """Reject hooks the specs do not declare, hooks lacking the marker, options that break the chain's
    order, a hook implemented twice, wrappers that cannot yield, and bad signatures."""
    pm = new_plugin_manager()
    implemented: dict[str, str] = {}
    for name in dir(plugin):
        options = pm.parse_hookimpl_opts(plugin, name)
        if options is not None:
            spec = options.get("specname") or name
            if spec not in SPECS:
                raise ValueError(f"no hook spec named {spec} (known: {', '.join(SPECS)})")
            for option, why in FORBIDDEN_OPTIONS.items():
                if options.get(option):
                    raise ValueError(f"{name} uses {option}=True, which jurisdiction plugins may not: {why}")
            if spec in implemented:
                raise ValueError(f"{spec} is implemented twice ({implemented[spec]} and {name}); keep one")
            implemented[spec] = name
            if options.get("wrapper") and not inspect.isgeneratorfunction(getattr(plugin, name)):
                raise ValueError(f"{name} is marked wrapper=True but never yields the inherited answer")
        elif name.startswith("zhengming_") and callable(getattr(plugin, name)):
            raise ValueError(f"{name} is not marked with @hookimpl, so it would be silently ignored")
    pm.register(plugin)  # checks each implementation's arguments against its spec


def _metadata_of(plugin: object) -> Jurisdiction:
    function = getattr(plugin, "zhengming_jurisdiction", None)
    if function is None:
        raise ValueError("does not implement zhengming_jurisdiction (its metadata)")
    info = function()
    if not isinstance(info, Jurisdiction):
        raise TypeError(f"zhengming_jurisdiction returned {type(info).__name__}, expected zhengming.Jurisdiction")
    return info


def _without_duplicates(
    candidates: dict[str, list[PluginRecord]], problems: list[LoadProblem]
) -> dict[str, PluginRecord]:
    """Two plugins claiming one id: neither is used, and the error names both."""
    records = {}
    for jid, claims in candidates.items():
        if len(claims) == 1:
            records[jid] = claims[0]
            continue
        names = " and ".join(f"{c.distribution} {c.version}" for c in claims)
        problems.append(LoadProblem(jid, names, f"duplicate jurisdiction id {jid!r} claimed by {names}"))
    return records


def _drop_orphans(records: dict[str, PluginRecord], problems: list[LoadProblem]) -> None:
    """Remove plugins whose parent is missing, broken, or part of a cycle (to a fixed point)."""
    while True:
        bad = {}
        for jid, record in records.items():
            if jid == CORE_ID:
                continue
            error = _lineage_error(jid, records)
            if error:
                bad[jid] = (record, error)
        if not bad:
            return
        for jid, (record, error) in bad.items():
            del records[jid]
            problems.append(LoadProblem(jid, f"{record.distribution} {record.version}", error))


def _lineage_error(jid: str, records: dict[str, PluginRecord]) -> str | None:
    seen = [jid]
    parent = records[jid].info.parent
    error = None
    while parent != CORE_ID:
        if parent in seen:
            error = "parent cycle: " + " → ".join([*seen, parent])
            break
        if parent not in records:
            error = f"parent {parent!r} is not installed or failed to load"
            break
        seen.append(parent)
        parent = records[parent].info.parent
    if error and len(seen) > 1 and "cycle" not in error:  # the broken link is further up the chain
        return f"parent {seen[1]!r} cannot be used: {error}"
    return error

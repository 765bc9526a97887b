"""What a jurisdiction is and which plugin of its chain answers each hook (for ``jurisdictions show``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from .clock import office_today
from .model import to_document
from .plugin.hooks import CHAIN_HOOKS, combine_mode
from .plugin.markers import Combine
from .plugin.registry import JurisdictionRegistry


def installed(registry: JurisdictionRegistry, lang: str) -> dict[str, Any]:
    """The installed jurisdictions and the plugins that failed to load, as data (``jurisdictions --json``
    and ``GET /api/jurisdictions``)."""
    rows = [
        {
            "id": j,
            "parent": r.info.parent,
            "name": r.info.names.render(lang),
            "level": r.info.level.value,
            "distribution": r.distribution,
            "version": r.version,
            "effective_from": r.info.effective_from.isoformat() if r.info.effective_from else None,
        }
        for j, r in sorted(registry.records.items())
    ]
    problems = [{"name": p.name, "source": p.source, "error": p.error} for p in registry.problems]
    return {"jurisdictions": rows, "problems": problems}


def hook_answers(registry: JurisdictionRegistry, jurisdiction: str) -> list[dict[str, Any]]:
    """For each chain hook: how it combines, who answers (most specific first), and which wrappers adjust
    that answer — for a most-specific hook only those at or below the answering level, since a wrapper
    never touches a more specific level's answer."""
    plan = registry.plan(registry.lineage(jurisdiction))
    rows = []
    for hook in CHAIN_HOOKS:
        impls = plan.implementations(hook)
        answering = [i.plugin for i in impls if not i.wrapper]
        mode = combine_mode(hook)
        floor = plan.chain.index(answering[0]) if answering and mode is Combine.MOST_SPECIFIC else 0
        rows.append(
            {
                "hook": hook,
                "combine": mode.value,
                "answered_by": answering[:1] if mode is Combine.MOST_SPECIFIC else answering,
                "falls_back_to": answering[1:] if mode is Combine.MOST_SPECIFIC else [],
                "adjusted_by": [i.plugin for i in impls if i.wrapper and plan.chain.index(i.plugin) >= floor],
            }
        )
    return rows


def documents(info: Any, as_of: date) -> list[dict[str, Any]]:
    """Each document (every version), and its status on ``as_of``: ``in_force``, ``superseded`` or ``not_yet``."""
    current = set(info.documents_in_force(as_of))
    rows = []
    for doc in info.documents:
        status = "in_force" if doc in current else ("not_yet" if doc.in_force_from > as_of else "superseded")
        rows.append({**to_document(doc), "status": status})
    return rows


def describe(registry: JurisdictionRegistry, jurisdiction: str, as_of: date | None = None) -> dict[str, Any]:
    """Metadata, documents (with the version in force on ``as_of``, default today), list items (own and
    inherited), figures, local facts and hook answers of a jurisdiction."""
    as_of = as_of or office_today()
    lineage = registry.lineage(jurisdiction)
    record = registry.records[jurisdiction]
    info = record.info
    items = []
    for owner in lineage:
        for item in registry.records[owner].info.list_items:
            items.append({**to_document(item), "kind": item.kind.value, "defined_by": owner})
    return {
        "id": info.id,
        "parent": info.parent,
        "names": {"zh": info.names.zh, "en": info.names.en},
        "level": info.level.value,
        "distribution": record.distribution,
        "version": record.version,
        "effective_from": info.effective_from.isoformat() if info.effective_from else None,
        "chain": list(lineage),
        "as_of": as_of.isoformat(),
        "documents": documents(info, as_of),
        "list_items": items,
        "figures": [
            {**to_document(f, "zh"), "description": {"zh": f.description.zh, "en": f.description.en}}
            for f in info.figures
        ],
        "local_facts": {jid: schema for jid, schema in registry.local_schemas(jurisdiction) if schema is not None},
        "hooks": hook_answers(registry, jurisdiction),
    }

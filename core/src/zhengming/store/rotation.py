"""Rotating the key: every sealed identity re-sealed under a new key in one transaction, resumably.

1. The new key is written next to the key file as ``<key>.next`` (the current key listed in it as
   retired, so audit events it keyed still verify); a run that finds ``<key>.next`` already there
   resumes with it instead of making another.
2. One transaction: each identity (and each case's sealed party names) opened with the current key and sealed with the new one (one
   ``reseal`` audit event per case), the database's key binding moved to the new fingerprint, and a
   ``rotate_key`` event, keyed with the new key.
3. ``<key>.next`` replaces the key file.

Interrupted before 2 commits: nothing changed, run again. Between 2 and 3: the database already names
the new key, and a run again only finishes step 3.
"""

from __future__ import annotations

from pathlib import Path

import attrs
from sqlalchemy import or_, select

from ..i18n import Message
from . import audit
from .crypto import Keyring, SealingKeyError, _parse, key_path, write_keyring
from .database import Store
from .models import CaseRecord, KeyBinding


@attrs.frozen
class Rotation:
    old: str  # fingerprints
    new: str
    resealed: int
    resumed: bool  # the database had been re-sealed already by an interrupted run


def pending_path(path: Path) -> Path:
    return path.with_name(path.name + ".next")


def rotate(store: Store, *, actor: str) -> Rotation:
    """Rotate the key of the file in use (``ZHENGMING_KEY`` cannot be rotated: it is not a file)."""
    path = key_path()
    if path is None:
        raise SealingKeyError(
            Message("the key comes from ZHENGMING_KEY: rotation writes a key file, use ZHENGMING_KEY_FILE")
        )
    old = store.keyring
    pending = pending_path(path)
    if pending.exists():
        new = _parse(pending.read_text(encoding="ascii"), str(pending))
    else:
        new = attrs.evolve(Keyring.generate(), retired=(old.current, *old.retired), source=str(path))
        write_keyring(pending, new)
    with store.transaction() as session:
        binding = session.get(KeyBinding, audit.BINDING_ID)
        resumed = binding is not None and binding.fingerprint == new.fingerprint
        count = 0 if resumed else _reseal(session, old, new, actor)
    if resumed:
        store.keyring = attrs.evolve(new, source=str(path))
    pending.replace(path)
    return Rotation(old.fingerprint, new.fingerprint, count, resumed)


def _reseal(session, old: Keyring, new: Keyring, actor: str) -> int:
    audit.ensure_binding(session)  # the database is bound to the old key
    opener, sealer = old.sealer(), new.sealer()
    sealed = or_(CaseRecord.reporter_sealed.is_not(None), CaseRecord.parties_sealed.is_not(None))
    cases = list(session.scalars(select(CaseRecord).where(sealed)))
    for case in cases:
        if case.reporter_sealed is not None:
            case.reporter_sealed = sealer.seal(opener.open(case.reporter_sealed, case.case_id), case.case_id)
        if case.parties_sealed is not None:  # the names of parties who reported
            case.parties_sealed = sealer.seal(opener.open(case.parties_sealed, case.case_id), case.case_id)
    session.flush()
    audit.rebind(session, old, new)
    audit.append_many(
        session,
        [
            {
                "at": audit.now_text(),
                "actor": actor,
                "action": "reseal",
                "case_id": c.case_id,
                "before": None,
                "after": {"key": new.fingerprint},
                "rows": [c],
            }
            for c in cases
        ]
        + [
            {
                "at": audit.now_text(),
                "actor": actor,
                "action": "rotate_key",
                "case_id": None,
                "before": {"key": old.fingerprint},
                "after": {"key": new.fingerprint, "resealed": len(cases)},
            }
        ],
    )
    return len(cases)

"""The authenticated principal: a registered user (through their token), or the local administrator."""

from __future__ import annotations

import getpass

import attrs

LOCAL_ADMIN_PREFIX = "local-admin:"
ADMIN = "admin"
CUSTODIAN = "custodian"
GRANTS = (ADMIN, CUSTODIAN)  # system duties a user may hold besides the roles of approval steps


@attrs.frozen
class Principal:
    """Who acts. ``name`` is what the audit log records."""

    name: str
    scopes: frozenset[str]
    grants: frozenset[str] = frozenset()
    local: bool = False  # the administrator's explicit local mode (no user account)

    @property
    def is_admin(self) -> bool:
        return self.local or ADMIN in self.grants

    def allows(self, scope: str) -> bool:
        return scope in self.scopes


def local_admin(os_user: str | None = None) -> Principal:
    """The administrator at this machine, recorded as ``local-admin:<login>``: may administer users,
    tokens and keys, never act on cases in anyone's name."""
    login = os_user or getpass.getuser()
    return Principal(LOCAL_ADMIN_PREFIX + login, frozenset({ADMIN}), frozenset({ADMIN}), local=True)

"""Refusals of the security layer: not authenticated, or not allowed. Each carries a ``code`` for an
application layer (HTTP 401/403) and a bilingual message; no CLI flag is named here."""

from __future__ import annotations

from ..i18n import Message, Renderable
from ..lifecycle.errors import EXIT_REFUSED, LifecycleError

EXIT_UNAUTHENTICATED = 7


class NotAuthenticated(LifecycleError):
    code = "unauthenticated"
    exit_code = EXIT_UNAUTHENTICATED

    def __init__(self, message: Renderable | None = None):
        super().__init__(message or Message("not authenticated: the token is unknown, expired or revoked"))


class Forbidden(LifecycleError):
    code = "forbidden"
    exit_code = EXIT_REFUSED

    def __init__(self, reason: Renderable):
        self.reason = reason
        super().__init__(Message("not allowed: {reason}", reason=reason))

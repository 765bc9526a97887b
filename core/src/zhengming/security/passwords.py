"""Password hashes: argon2id (argon2-cffi's defaults, RFC 9106 low-memory profile), as PHC strings."""

from __future__ import annotations

from functools import cache


@cache
def _hasher():
    from argon2 import PasswordHasher

    return PasswordHasher()  # argon2id


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    """Whether ``password`` matches ``stored`` (``False`` for no stored hash); never raises on a mismatch."""
    from argon2.exceptions import InvalidHashError, VerificationError

    if not stored:
        return False
    try:
        return _hasher().verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return _hasher().check_needs_rehash(stored)

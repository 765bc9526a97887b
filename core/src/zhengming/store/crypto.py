"""The key kept outside the database: sealing reporter identities (AES-256-GCM) and keying the audit chain.

The key comes from ``ZHENGMING_KEY`` (base64), else the file named by ``ZHENGMING_KEY_FILE``, else a
per-user file (``$XDG_CONFIG_HOME/zhengming/key``). Only that per-user default is ever created on first
use (mode 0600, and :attr:`Keyring.created` says so, so the caller can tell the user once and advise a
backup); a ``ZHENGMING_KEY_FILE`` naming a file that does not exist is an error, never a fresh key.

A key file holds the current key on its first line and, after a rotation, the retired keys on lines
``retired <base64>``: they are kept only to verify the audit events they keyed, never to seal.
The key itself seals identities; the audit chain's HMAC key and the key's *fingerprint* (recorded in
the database, shown by ``zhengming key fingerprint``; it reveals nothing about the key) are derived
from it with HMAC-SHA256 and a purpose label.

The case id is bound into each ciphertext as associated data, so a sealed identity cannot be moved to
another case. Nothing here logs or formats key material or the plaintext.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path
from typing import Any

import attrs

from ..i18n import Message, Renderable

KEY_ENV = "ZHENGMING_KEY"
KEY_FILE_ENV = "ZHENGMING_KEY_FILE"
FORMAT = b"\x01"  # AES-256-GCM, 12-byte nonce, JSON plaintext
NONCE_BYTES = 12
RETIRED = "retired"


class SealingKeyError(Exception):
    """The key is missing, unreadable or wrong (never includes key material): ``message`` is shown to
    people in their language."""

    def __init__(self, message: Renderable):
        self.message = message
        super().__init__(message.en)


def default_key_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "zhengming" / "key"


def key_path() -> Path | None:
    """The key file in use (``None`` when the key comes from ``ZHENGMING_KEY``)."""
    if os.environ.get(KEY_ENV):
        return None
    return Path(os.environ.get(KEY_FILE_ENV) or default_key_path())


def key_source() -> str:
    """Where the key is taken from, for messages (never the key)."""
    path = key_path()
    return KEY_ENV if path is None else str(path)


@functools.lru_cache(maxsize=64)
def _derive(key: bytes, purpose: bytes) -> bytes:
    return hmac.new(key, b"zhengming:" + purpose, hashlib.sha256).digest()


@functools.lru_cache(maxsize=64)
def fingerprint(key: bytes) -> str:
    """A short public name of a key: 16 hex digits in groups of four (``3f2a-…``)."""
    digest = _derive(key, b"fingerprint").hex()[:16]
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


@attrs.frozen
class Keyring:
    """The current key and the retired ones, with what is derived from them."""

    current: bytes
    retired: tuple[bytes, ...] = ()
    source: str = "memory"
    created: bool = False  # the key file was created just now

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.current)

    @property
    def key_id(self) -> str:
        """What an audit event records of the key that chained it."""
        return self.fingerprint

    def audit_key(self, key_id: str | None = None) -> bytes | None:
        """The audit-chain key of ``key_id`` (default: the current key); ``None`` when not held."""
        for key in (self.current, *self.retired):
            if key_id is None or fingerprint(key) == key_id:
                return _derive(key, b"audit-chain")
        return None

    def sealer(self) -> Sealer:
        return Sealer(self.current)

    @classmethod
    def generate(cls) -> Keyring:
        return cls(secrets.token_bytes(32))


def load_keyring(*, create: bool = True) -> Keyring:
    """The keyring from the environment or the key file (see the module docstring).

    :raises SealingKeyError: ``ZHENGMING_KEY_FILE`` names no file, or a key is malformed.
    """
    if os.environ.get(KEY_ENV):
        return _parse(os.environ[KEY_ENV], KEY_ENV)
    explicit = os.environ.get(KEY_FILE_ENV)
    path = Path(explicit) if explicit else default_key_path()
    created = False
    if not path.exists():
        if explicit:
            raise SealingKeyError(
                Message(
                    "{variable} names {path}, which does not exist: check the path "
                    "(a fresh key is created only at the default location, never for a mistyped name)",
                    variable=KEY_FILE_ENV,
                    path=str(path),
                )
            )
        if not create:
            raise SealingKeyError(Message("no key file at {path}", path=str(path)))
        created = create_key_file(path)
    keyring = _parse(path.read_text(encoding="ascii"), str(path))
    return attrs.evolve(keyring, created=created)


def load_key(*, create: bool = True) -> bytes:
    """The current 32-byte key (see :func:`load_keyring`)."""
    return load_keyring(create=create).current


def create_key_file(path: Path, key: bytes | None = None) -> bool:
    """Write a new key file (mode 0600); ``False`` when one appeared there first (theirs is used)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(_encode(key or secrets.token_bytes(32)) + "\n")
    return True


def write_keyring(path: Path, keyring: Keyring) -> None:
    """Write ``keyring`` to ``path`` atomically (a temporary file renamed over it), mode 0600."""
    temporary = path.with_name(path.name + ".writing")
    temporary.unlink(missing_ok=True)
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(_encode(keyring.current) + "\n")
        for key in keyring.retired:
            out.write(f"{RETIRED} {_encode(key)}\n")
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, path)


def _encode(key: bytes) -> str:
    return base64.urlsafe_b64encode(key).decode()


def _parse(text: str, source: str) -> Keyring:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        raise SealingKeyError(Message("{source} holds no key", source=source))
    current = _decode(lines[0], source)
    retired = []
    for line in lines[1:]:
        word, _, value = line.partition(" ")
        if word != RETIRED:
            raise SealingKeyError(
                Message("{source}: lines after the first must read 'retired <base64 key>'", source=source)
            )
        retired.append(_decode(value.strip(), source))
    return Keyring(current, tuple(retired), source)


def _decode(text: str, source: str) -> bytes:
    try:
        key = base64.urlsafe_b64decode(text.encode())
    except ValueError:
        raise SealingKeyError(Message("the key in {source} is not base64", source=source)) from None
    if len(key) != 32:
        raise SealingKeyError(
            Message("the key in {source} must be 32 bytes (base64 of 32 random bytes)", source=source)
        )
    return key


class Sealer:
    """Seals and opens reporter identities with one key."""

    def __init__(self, key: bytes):
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self._aead = AESGCM(key)

    def seal(self, identity: dict[str, Any], case_id: str) -> bytes:
        nonce = secrets.token_bytes(NONCE_BYTES)
        plaintext = json.dumps(identity, ensure_ascii=False, sort_keys=True).encode()
        return FORMAT + nonce + self._aead.encrypt(nonce, plaintext, _aad(case_id))

    def open(self, sealed: bytes, case_id: str) -> dict[str, Any]:
        from cryptography.exceptions import InvalidTag

        if sealed[:1] != FORMAT:
            raise SealingKeyError(Message("unknown sealed format"))
        nonce, body = sealed[1 : 1 + NONCE_BYTES], sealed[1 + NONCE_BYTES :]
        try:
            return json.loads(self._aead.decrypt(nonce, body, _aad(case_id)))
        except InvalidTag:
            raise SealingKeyError(
                Message("the reporter identity cannot be opened with this key (or belongs to another case)")
            ) from None


def _aad(case_id: str) -> bytes:
    return b"zhengming-reporter:" + case_id.encode()

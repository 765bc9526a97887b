"""Sealing the reporter's identity with AES-256-GCM under a key kept outside the database.

The key comes from ``ZHENGMING_KEY`` (base64), else the file named by ``ZHENGMING_KEY_FILE``, else a
per-user file (``$XDG_CONFIG_HOME/zhengming/key``) created on first use with mode 0600. The case id is
bound into each ciphertext as associated data, so a sealed identity cannot be moved to another case.
Nothing here logs or formats the plaintext.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from pathlib import Path
from typing import Any

KEY_ENV = "ZHENGMING_KEY"
KEY_FILE_ENV = "ZHENGMING_KEY_FILE"
FORMAT = b"\x01"  # AES-256-GCM, 12-byte nonce, JSON plaintext
NONCE_BYTES = 12


class SealingKeyError(Exception):
    """The sealing key is missing, unreadable or wrong (never includes key material)."""


def default_key_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "zhengming" / "key"


def key_source() -> str:
    """Where the key is taken from, for messages (never the key)."""
    if os.environ.get(KEY_ENV):
        return KEY_ENV
    return str(Path(os.environ.get(KEY_FILE_ENV) or default_key_path()))


def load_key(*, create: bool = True) -> bytes:
    """The 32-byte key; creates the per-user key file when there is none and ``create`` is true."""
    if os.environ.get(KEY_ENV):
        return _decode(os.environ[KEY_ENV], KEY_ENV)
    path = Path(os.environ.get(KEY_FILE_ENV) or default_key_path())
    if not path.exists():
        if not create:
            raise SealingKeyError(f"no key file at {path}")
        _create_key_file(path)
    return _decode(path.read_text(encoding="ascii").strip(), str(path))


def _create_key_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process created it first: use theirs
        return
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(base64.urlsafe_b64encode(secrets.token_bytes(32)).decode() + "\n")


def _decode(text: str, source: str) -> bytes:
    try:
        key = base64.urlsafe_b64decode(text.encode())
    except ValueError:
        raise SealingKeyError(f"the key in {source} is not base64") from None
    if len(key) != 32:
        raise SealingKeyError(f"the key in {source} must be 32 bytes (base64 of 32 random bytes)")
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
            raise SealingKeyError("unknown sealed format")
        nonce, body = sealed[1 : 1 + NONCE_BYTES], sealed[1 + NONCE_BYTES :]
        try:
            return json.loads(self._aead.decrypt(nonce, body, _aad(case_id)))
        except InvalidTag:
            raise SealingKeyError(
                "the reporter identity cannot be opened with this key (or belongs to another case)"
            ) from None


def _aad(case_id: str) -> bytes:
    return b"zhengming-reporter:" + case_id.encode()

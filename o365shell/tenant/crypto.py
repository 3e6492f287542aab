"""Small cryptographic helpers built only on ``hashlib``, ``hmac`` and ``secrets``.

* salted password hashes (PBKDF2-HMAC-SHA256) stored as one self-describing string
  ``pbkdf2_sha256$<iterations>$<salt b64>$<digest b64>``;
* an authenticated encryption (encrypt-then-MAC: HMAC-SHA256 keystream XOR, HMAC-SHA256
  tag over nonce, associated data and ciphertext) used to keep TOTP secrets encrypted
  at rest in snapshots.

Nothing here is meant to protect production data; it keeps lab secrets out of clear text.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

__all__ = [
    "PASSWORD_ITERATIONS",
    "APP_PASSWORD_ITERATIONS",
    "hash_password",
    "verify_password",
    "is_password_hash",
    "seal",
    "unseal",
    "key_id",
    "UnsealError",
]

#: PBKDF2 rounds for account passwords (low: this is a lab, sign-ins must stay fast).
PASSWORD_ITERATIONS = 20_000
#: App passwords are 16 random letters (~75 bits), so stretching them buys nothing.
APP_PASSWORD_ITERATIONS = 1_000

_SCHEME = "pbkdf2_sha256"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def hash_password(password: str, iterations: int = PASSWORD_ITERATIONS, salt: bytes | None = None) -> str:
    """Return a salted PBKDF2-HMAC-SHA256 hash string of ``password``."""
    salt = secrets.token_bytes(16) if salt is None else salt
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    return f"{_SCHEME}${iterations}${_b64(salt)}${_b64(digest)}"


def is_password_hash(text: object) -> bool:
    """True when ``text`` is a well-formed hash string produced by :func:`hash_password`."""
    if not isinstance(text, str):
        return False
    parts = text.split("$")
    if len(parts) != 4 or parts[0] != _SCHEME or not parts[1].isdigit():
        return False
    try:
        return len(_unb64(parts[2])) >= 8 and len(_unb64(parts[3])) == 32 and int(parts[1]) > 0
    except ValueError:
        return False


def verify_password(password: str, stored: str) -> bool:
    """Check ``password`` against a hash string (constant-time comparison); False for non-strings."""
    if not isinstance(password, str) or not isinstance(stored, str):
        return False
    try:
        scheme, iterations, salt, digest = stored.split("$")
        if scheme != _SCHEME:
            return False
        expected = _unb64(digest)
        actual = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), _unb64(salt), int(iterations))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


class UnsealError(Exception):
    """Raised by :func:`unseal` when the key is wrong or the data was altered."""


_SEAL_PREFIX = "v1:"
_NONCE = 16
_TAG = 32


def _subkeys(key: bytes) -> tuple[bytes, bytes]:
    enc = hmac.new(key, b"o365shell seal encryption key", hashlib.sha256).digest()
    mac = hmac.new(key, b"o365shell seal authentication key", hashlib.sha256).digest()
    return enc, mac


def _keystream(enc_key: bytes, nonce: bytes, length: int) -> bytes:
    out = bytearray()
    counter = 0
    while len(out) < length:
        out += hmac.new(enc_key, nonce + counter.to_bytes(8, "big"), hashlib.sha256).digest()
        counter += 1
    return bytes(out[:length])


def seal(key: bytes, plaintext: str, associated: str = "") -> str:
    """Encrypt and authenticate ``plaintext`` under ``key``; ``associated`` is bound in the tag.

    Returns ``"v1:" + base64(nonce || ciphertext || tag)``.
    """
    enc_key, mac_key = _subkeys(key)
    nonce = secrets.token_bytes(_NONCE)
    data = plaintext.encode("utf-8")
    cipher = bytes(a ^ b for a, b in zip(data, _keystream(enc_key, nonce, len(data)), strict=True))
    tag = hmac.new(mac_key, associated.encode("utf-8") + b"\x00" + nonce + cipher, hashlib.sha256).digest()
    return _SEAL_PREFIX + _b64(nonce + cipher + tag)


def unseal(key: bytes, sealed: str, associated: str = "") -> str:
    """Reverse :func:`seal`; raises :class:`UnsealError` on a wrong key or tampered data."""
    if not isinstance(sealed, str) or not sealed.startswith(_SEAL_PREFIX):
        raise UnsealError("not a sealed value")
    try:
        raw = _unb64(sealed[len(_SEAL_PREFIX):])
    except ValueError as exc:
        raise UnsealError("sealed value is not base64") from exc
    if len(raw) < _NONCE + _TAG:
        raise UnsealError("sealed value is too short")
    nonce, cipher, tag = raw[:_NONCE], raw[_NONCE:-_TAG], raw[-_TAG:]
    enc_key, mac_key = _subkeys(key)
    expected = hmac.new(mac_key, associated.encode("utf-8") + b"\x00" + nonce + cipher, hashlib.sha256).digest()
    if not hmac.compare_digest(tag, expected):
        raise UnsealError("authentication tag mismatch (wrong key or altered data)")
    data = bytes(a ^ b for a, b in zip(cipher, _keystream(enc_key, nonce, len(cipher)), strict=True))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:  # pragma: no cover - tag already verified
        raise UnsealError("sealed value is not text") from exc


def key_id(key: bytes) -> str:
    """A short public fingerprint of ``key`` (lets a loader say 'written with another key')."""
    return hmac.new(key, b"o365shell key id", hashlib.sha256).hexdigest()[:16]

"""Tenant snapshots (Save-LabTenant / Restore-LabTenant / -Tenant FILE.json).

File format: JSON ``{"format": "o365shell-tenant", "version": 1, "saved_at": ...,
"key_id": ..., "tenant": {...}}``.

* :func:`save` writes atomically: temp file in the same directory, write, flush,
  ``os.fsync``, ``os.replace``, then fsync of the directory.  If anything fails the
  existing file is untouched and the temp file removed.
* :func:`load` builds a brand-new Tenant; a corrupt, truncated, foreign or newer-version
  file raises :class:`SnapshotError` naming the file and the problem, and nothing else
  is affected (the caller swaps tenants only on success).
* No secret is written in clear: passwords and app passwords are salted hashes; TOTP
  secrets (and pending one-time codes) are sealed with :func:`crypto.seal` under a key
  kept in a key file: ``$O365SHELL_KEY_FILE``, else ``<user data dir>/o365shell/snapshot.key``
  (created with mode 0600 on first save).  When the key is missing or different at load,
  the authenticator methods are kept but marked "must be re-registered", and
  ``tenant.load_warnings`` says so.
"""

from __future__ import annotations

import json
import os
import secrets
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .codec import SnapshotFormatError, decode_tenant, encode_tenant
from .crypto import UnsealError, key_id, seal, unseal
from .errors import SnapshotError, TenantError
from .model import Tenant

__all__ = ["FORMAT", "VERSION", "KEY_ENV", "key_file_path", "save", "load", "load_with_warnings"]

FORMAT = "o365shell-tenant"
VERSION = 1
KEY_ENV = "O365SHELL_KEY_FILE"
_COMPACT_ABOVE = 1000


def key_file_path() -> Path:
    """Where the snapshot key lives: ``$O365SHELL_KEY_FILE`` or the user data dir's ``o365shell/snapshot.key``."""
    env = os.environ.get(KEY_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("o365shell", appauthor=False)) / "snapshot.key"


def _read_key(path: Path) -> bytes | None:
    try:
        text = path.read_text(encoding="ascii").strip()
        key = bytes.fromhex(text)
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    return key if len(key) >= 32 else None


def _key_for_save() -> bytes:
    path = key_file_path()
    key = _read_key(path)
    if key is not None:
        return key
    if path.exists():
        raise SnapshotError(path, "the snapshot key file exists but is not a valid key; move it away to create a new one.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # created concurrently
        key = _read_key(path)
        if key is None:
            raise SnapshotError(path, "the snapshot key file is not a valid key.") from None
        return key
    except OSError as exc:
        raise SnapshotError(path, f"cannot create the snapshot key file ({exc.strerror or exc}).") from exc
    key = secrets.token_bytes(32)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key.hex() + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    return key


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def save(tenant: Tenant, path: str | os.PathLike[str]) -> Path:
    """Write ``tenant`` to ``path`` atomically; returns the path.  SnapshotError on failure."""
    target = Path(path)
    key = _key_for_save()
    try:
        document = {
            "format": FORMAT,
            "version": VERSION,
            "saved_at": datetime.now(timezone.utc).isoformat(),
            "key_id": key_id(key),
            "tenant": encode_tenant(tenant, lambda text, aad: seal(key, text, aad)),
        }
        compact = len(tenant) > _COMPACT_ABOVE
        text = json.dumps(document, ensure_ascii=False, indent=None if compact else 1,
                          separators=(",", ":") if compact else None)
    except (TypeError, ValueError) as exc:  # pragma: no cover - a bug in encode_tenant
        raise SnapshotError(target, f"the tenant could not be serialized ({exc}).") from exc
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise SnapshotError(target, f"the folder '{directory}' does not exist.")
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
        tmp_name = None
        _fsync_dir(directory)
    except OSError as exc:
        raise SnapshotError(target, f"it could not be written ({exc.strerror or exc}); the previous file is unchanged.") from exc
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
    return target


def _parse(path: Path, raw: bytes) -> dict[str, Any]:
    if not raw.strip():
        raise SnapshotError(path, "the file is empty.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SnapshotError(path, "it is not UTF-8 text, so it is not a tenant snapshot.") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        end = len(text.rstrip())
        if exc.pos >= end - 1 or exc.msg.startswith("Unterminated string"):
            raise SnapshotError(
                path, f"the file is truncated: the JSON ends unexpectedly (line {exc.lineno}, column {exc.colno})."
            ) from None
        raise SnapshotError(path, f"it is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}).") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        marker = document.get("format") if isinstance(document, dict) else None
        found = f"its format marker is {marker!r}" if marker is not None else "it has no format marker"
        raise SnapshotError(path, f"it is not an o365shell tenant snapshot ({found}; expected {FORMAT!r}).")
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise SnapshotError(path, f"its version field is {version!r}, not a snapshot version number.")
    if version > VERSION:
        raise SnapshotError(
            path, f"it was written by a newer o365shell (snapshot version {version}; this version reads up to {VERSION})."
        )
    return document


def load_with_warnings(path: str | os.PathLike[str]) -> tuple[Tenant, list[str]]:
    """Read a snapshot into a new Tenant; returns it with the list of warnings."""
    source = Path(path)
    try:
        raw = source.read_bytes()
    except FileNotFoundError:
        raise SnapshotError(source, "the file does not exist.") from None
    except OSError as exc:
        raise SnapshotError(source, f"it cannot be read ({exc.strerror or exc}).") from exc
    document = _parse(source, raw)
    key_path = key_file_path()
    key = _read_key(key_path)
    stored_id = document.get("key_id")
    key_matches = key is not None and stored_id == key_id(key)

    def _unseal(sealed: str, aad: str) -> str | None:
        if key is None:
            return None
        try:
            return unseal(key, sealed, aad)
        except UnsealError:
            return None

    try:
        tenant, lost = decode_tenant(document.get("tenant"), _unseal)
    except SnapshotFormatError as exc:
        raise SnapshotError(source, f"it is not a valid o365shell tenant snapshot: {exc}.") from None
    except TenantError as exc:
        raise SnapshotError(source, f"it holds an invalid value: {exc.message}") from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise SnapshotError(source, f"it has unexpected content ({type(exc).__name__}: {exc}).") from None
    warnings: list[str] = []
    if lost:
        if key is None:
            why = f"the snapshot key file '{key_path}' is missing or unreadable"
        elif not key_matches:
            why = f"the snapshot was written with a different key than '{key_path}'"
        else:
            why = "their encrypted secrets could not be verified"
        warnings.append(
            f"The authenticator app secret of {len(lost)} user(s) could not be decrypted because {why}; "
            f"they must register the authenticator app again: {', '.join(lost)}."
        )
    tenant.load_warnings = warnings
    return tenant, warnings


def load(path: str | os.PathLike[str]) -> Tenant:
    """Read a snapshot into a new Tenant (warnings in ``tenant.load_warnings``); SnapshotError when refused."""
    tenant, _warnings = load_with_warnings(path)
    return tenant

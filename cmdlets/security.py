"""Microsoft.PowerShell.Security: Get-Credential, ConvertTo-SecureString, ConvertFrom-SecureString.

An "encrypted standard string" (ConvertFrom-SecureString without -AsPlainText) is sealed with a
per-user key kept next to the tenant snapshot key (``securestring.key`` in the user data dir, or
beside ``$O365SHELL_KEY_FILE``), so it never holds the secret in clear and only the same user can
turn it back into a SecureString. With -Key / -SecureKey the given 128/192/256-bit key is used.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import os
import secrets
from pathlib import Path

from o365shell.engine.cmdlet import Cmdlet, Parameter, Switch, cmdlet
from o365shell.engine.conversion import to_string
from o365shell.engine.errors import (
    ErrorCategory,
    PSArgumentException,
    PSInvalidOperationException,
    _exc,
)
from o365shell.engine.netlib.exceptions import SystemException
from o365shell.engine.valuetypes import PSCredential, SecureString
from o365shell.engine.valuetypes import SecureString as _SecureString

SECURITY = "Microsoft.PowerShell.Security"

CryptographicException = _exc("CryptographicException", "System.Security.Cryptography.CryptographicException",
                              SystemException)

_DPAPI_HEADER = "01000000d08c9ddf0115d1118c7a00c04fc297eb"   # how a Windows DPAPI blob starts
_KEYED_HEADER = "76492d1116743f0423413b16050a5345"          # pwsh's marker for -Key / -SecureKey output
_PURPOSE = "o365shell SecureString"
_NONINTERACTIVE = "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available."


# ============================================================================= keys

def user_key_path() -> Path:
    """Where the per-user SecureString key lives (beside the tenant snapshot key)."""
    from o365shell.tenant.store import key_file_path
    return key_file_path().with_name("securestring.key")


def _read_key(path: Path) -> bytes | None:
    try:
        key = bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    return key if len(key) >= 32 else None


def user_key(create: bool = True) -> bytes | None:
    """The per-user key (created once, mode 0600)."""
    path = user_key_path()
    key = _read_key(path)
    if key is not None or not create:
        return key
    if path.exists():
        raise OSError(f"the SecureString key file '{path}' is not a valid key; move it away to create a new one")
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        existing = _read_key(path)
        if existing is None:
            raise
        return existing
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(key.hex() + "\n")
    return key


def _given_key(cmd: Cmdlet) -> bytes | None:
    """The -Key / -SecureKey bytes (validated to 16, 24 or 32 bytes), or None."""
    raw: bytes | None = None
    if getattr(cmd, "Key", None) is not None:
        try:
            raw = bytes(int(b) & 0xFF for b in cmd.Key)  # type: ignore[attr-defined]
        except (TypeError, ValueError):
            raw = None
    elif getattr(cmd, "SecureKey", None) is not None:
        raw = cmd.SecureKey.reveal().encode("utf-16-le")  # type: ignore[attr-defined]
    if raw is None:
        return None
    if len(raw) not in (16, 24, 32):
        raise cmd.error("The specified key is not valid. Valid key length settings are either 128 bits, 192 bits, "
                        "or 256 bits.", "ImportSecureString", ErrorCategory.InvalidArgument, None,
                        PSArgumentException)
    return hashlib.sha256(b"o365shell key:" + raw).digest()


def protect(text: str, key: bytes | None) -> str:
    """SecureString text -> encrypted standard string."""
    from o365shell.tenant.crypto import seal
    if key is None:
        k = user_key()
        assert k is not None
        sealed = seal(k, text, _PURPOSE)
        return _DPAPI_HEADER + base64.b64decode(sealed[3:]).hex()
    sealed = seal(key, text, _PURPOSE + " keyed")
    return _KEYED_HEADER + base64.b64encode(("2|" + sealed[3:]).encode("ascii")).decode("ascii")


def unprotect(blob: str, key: bytes | None) -> str:
    """Encrypted standard string -> text (ValueError: malformed; KeyError: wrong key/altered)."""
    from o365shell.tenant.crypto import UnsealError, unseal
    blob = blob.strip()
    if key is None:
        if not blob.lower().startswith(_DPAPI_HEADER):
            raise ValueError("not a protected string")
        try:
            raw = bytes.fromhex(blob[len(_DPAPI_HEADER):])
        except ValueError:
            raise ValueError("not hex") from None
        k = user_key(create=False)
        if k is None:
            raise KeyError("no key")
        try:
            return unseal(k, "v1:" + base64.b64encode(raw).decode("ascii"), _PURPOSE)
        except UnsealError:
            raise KeyError("wrong key") from None
    if not blob.startswith(_KEYED_HEADER):
        raise ValueError("not keyed")
    try:
        inner = base64.b64decode(blob[len(_KEYED_HEADER):], validate=True).decode("ascii")
    except (binascii.Error, UnicodeDecodeError):
        raise ValueError("not base64") from None
    if not inner.startswith("2|"):
        raise ValueError("bad version")
    try:
        return unseal(key, "v1:" + inner[2:], _PURPOSE + " keyed")
    except UnsealError:
        raise KeyError("wrong key") from None


# ============================================================================= ConvertTo-SecureString

@cmdlet("ConvertTo-SecureString", module=SECURITY, default_set="Secure")
class ConvertToSecureString(Cmdlet):
    """Converts plain text or encrypted strings to secure strings.

    With -AsPlainText, makes a SecureString from ordinary text (-Force is accepted for
    compatibility). Otherwise the input must be an encrypted standard string produced by
    ConvertFrom-SecureString (with the same -Key, if one was used)."""

    String = Parameter(str, mandatory=True, position=0, from_pipeline=True,
                       help="The string to convert (plain text with -AsPlainText, else an encrypted standard string).")
    SecureKey = Parameter(SecureString, position=1, set="Secure",
                          help="The key (as a SecureString) that encrypted the string.")
    AsPlainText = Parameter(Switch, mandatory=True, set="PlainText",
                            help="The input is plain text (not encrypted).")
    Force = Parameter(Switch, set="PlainText", help="Accepted for compatibility (not required in PowerShell 7).")
    Key = Parameter("System.Byte[]", set="Open", help="The 128, 192 or 256-bit key that encrypted the string.")
    examples = [("$pw = ConvertTo-SecureString 'Pass@word1' -AsPlainText -Force", "A SecureString from text."),
                ("$secure = Get-Content pw.txt | ConvertTo-SecureString",
                 "Reads back a password saved with ConvertFrom-SecureString.")]

    def process(self) -> None:
        text = self.String
        if text is None:
            return
        if self.AsPlainText:
            s = SecureString(text)
            s.MakeReadOnly()
            self.write(s)
            return
        key = _given_key(self)
        try:
            plain = unprotect(text, key)
        except ValueError:
            raise self.error("Input string was not in a correct format.", "ImportSecureString",
                             ErrorCategory.InvalidArgument, None, CryptographicException) from None
        except KeyError:
            raise self.error("Key not valid for use in specified state.", "ImportSecureString",
                             ErrorCategory.InvalidArgument, None, CryptographicException) from None
        s = SecureString(plain)
        s.MakeReadOnly()
        self.write(s)


# ============================================================================= ConvertFrom-SecureString

@cmdlet("ConvertFrom-SecureString", module=SECURITY, default_set="Secure")
class ConvertFromSecureString(Cmdlet):
    """Converts a secure string to an encrypted standard string.

    The result can be saved in a file and turned back into a SecureString with
    ConvertTo-SecureString by the same user (or by anyone with the -Key). -AsPlainText returns the
    secret itself."""

    SecureString = Parameter(_SecureString, mandatory=True, position=0, from_pipeline=True,
                             help="The SecureString to convert.")
    SecureKey = Parameter(_SecureString, position=1, set="Secure", help="A key (as a SecureString) to encrypt with.")
    Key = Parameter("System.Byte[]", set="Open", help="A 128, 192 or 256-bit key to encrypt with.")
    AsPlainText = Parameter(Switch, set="AsPlainText", help="Return the plain text of the SecureString.")
    examples = [("$pw | ConvertFrom-SecureString | Set-Content pw.txt", "Saves an encrypted password."),
                ("ConvertFrom-SecureString $pw -AsPlainText", "Shows the secret text.")]

    def process(self) -> None:
        s = self.SecureString
        if not isinstance(s, _SecureString):
            return
        text = s.reveal()
        if self.AsPlainText:
            self.write(text)
            return
        key = _given_key(self)
        try:
            self.write(protect(text, key))
        except OSError as e:
            raise self.error(f"Cannot protect the string: {e}", "ExportSecureString", ErrorCategory.WriteError, None,
                             CryptographicException) from None


# ============================================================================= Get-Credential

@cmdlet("Get-Credential", module=SECURITY, default_set="CredentialSet")
class GetCredential(Cmdlet):
    """Gets a credential object based on a user name and password.

    Prompts for a user name and password and returns a PSCredential. Given a PSCredential, returns
    it unchanged. Under -NonInteractive there is nobody to ask, so it fails; scripts can build a
    credential with New-Object PSCredential or Get-LabCredential instead."""

    Credential = Parameter(object, position=0, set="CredentialSet", type_label="System.Management.Automation.PSCredential",
                           help="A credential to return, or a user name to prompt for.")
    UserName = Parameter(str, position=0, set="MessageSet", help="The user name to put in the prompt.")
    Message = Parameter(str, set="MessageSet", help="The message shown in the prompt.")
    Title = Parameter(str, set="MessageSet", help="The title of the prompt.")
    examples = [("$cred = Get-Credential -UserName admin@contoso.onmicrosoft.com -Message 'Tenant admin'",
                 "Asks for the admin's password."),
                ("Connect-MsolService -Credential (Get-Credential)", "Prompts, then signs in.")]

    def process(self) -> None:
        if isinstance(self.Credential, PSCredential):
            self.write(self.Credential)
            return
        caption = self.Title or "PowerShell credential request"
        message = self.Message or "Enter your credentials."
        user = self.UserName
        transform = self.Credential is not None    # [Credential()]: a user name is turned into a prompt for it
        if transform:
            user = to_string(self.Credential)
        try:
            cred = self.ctx.host.prompt_credential(caption, message, user)
        except EOFError:
            if transform:
                from o365shell.engine.parameters import binding_error
                raise binding_error(f"Cannot process argument transformation on parameter 'Credential'. "
                                    f"{_NONINTERACTIVE}", "ParameterArgumentTransformationError", "Get-Credential",
                                    ErrorCategory.InvalidData) from None
            raise self.error(_NONINTERACTIVE, "System.Management.Automation.PSInvalidOperationException",
                             ErrorCategory.InvalidOperation, None, PSInvalidOperationException) from None
        if cred is None:
            return
        if not isinstance(cred, PSCredential):
            name, pw = cred if isinstance(cred, tuple) else (user or "", cred)
            cred = PSCredential(to_string(name), pw if isinstance(pw, SecureString) else SecureString(to_string(pw)))
        self.write(cred)


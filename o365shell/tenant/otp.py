"""One-time codes: TOTP (pyotp), phone codes, replay protection and MFA lockout.

Rules (SPEC §6): 30-second steps, 6 digits, ±1 step tolerance; a time-step accepted
once is refused afterwards (we keep the highest accepted step per user, so older steps
are refused too); 5 wrong codes in a row lock the user out of MFA for 15 minutes of
lab time; a successful code resets the counter.  Phone codes (texts and calls) are
random 6-digit codes valid for 10 minutes and usable once.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import pyotp

from .constants import MethodType
from .users import MfaRuntime, PendingCode, User

__all__ = [
    "TOTP_INTERVAL",
    "TOTP_DIGITS",
    "TOTP_WINDOW",
    "LOCKOUT_THRESHOLD",
    "LOCKOUT_DURATION",
    "PHONE_CODE_LIFETIME",
    "LabTOTP",
    "make_totp",
    "totp_code",
    "time_step",
    "match_totp",
    "new_secret",
    "new_phone_code",
    "is_locked_out",
    "record_failure",
    "record_success",
    "OtpCheck",
    "check_second_factor",
    "verify_totp",
    "pending_code",
]

TOTP_INTERVAL = 30
TOTP_DIGITS = 6
TOTP_WINDOW = 1
LOCKOUT_THRESHOLD = 5
LOCKOUT_DURATION = timedelta(minutes=15)
PHONE_CODE_LIFETIME = timedelta(minutes=10)


class LabTOTP(pyotp.TOTP):
    """pyotp's TOTP accepting 80-bit secrets (16 base32 characters, e.g. ``JBSWY3DPEHPK3PXP``),
    the size authenticator apps commonly use; recent pyotp versions require 112 bits by default."""

    min_secret_length_bits = 80


def make_totp(secret: str) -> pyotp.TOTP:
    """A TOTP generator for ``secret`` (30 s, 6 digits, SHA-1)."""
    return LabTOTP(secret, digits=TOTP_DIGITS, interval=TOTP_INTERVAL)


def time_step(at: datetime) -> int:
    """The TOTP time-step number of an instant."""
    return int(at.timestamp()) // TOTP_INTERVAL


def totp_code(secret: str, at: datetime) -> str:
    """The 6-digit TOTP code of ``secret`` at instant ``at`` (Get-LabTotpCode)."""
    return make_totp(secret).at(at)


def match_totp(secret: str, code: str, at: datetime, window: int = TOTP_WINDOW) -> int | None:
    """The time-step (within ±``window`` of ``at``) whose code equals ``code``, else None."""
    code = str(code).strip().replace(" ", "")
    if len(code) != TOTP_DIGITS or not code.isdigit():
        return None
    totp = make_totp(secret)
    step = time_step(at)
    for offset in range(-window, window + 1):
        candidate = step + offset
        if hmac.compare_digest(totp.at(candidate * TOTP_INTERVAL), code):
            return candidate
    return None


def new_secret() -> str:
    """A fresh random base32 TOTP secret (32 characters, 160 bits)."""
    return pyotp.random_base32()


def new_phone_code() -> str:
    """A random 6-digit code for a text or call."""
    return f"{secrets.randbelow(1_000_000):06d}"


def is_locked_out(user: User, now: datetime) -> bool:
    """True while the user is locked out of MFA; an expired lockout is cleared here."""
    rt = user.mfa_runtime
    if rt is None or rt.locked_until is None:
        return False
    if now < rt.locked_until:
        return True
    rt.locked_until = None
    rt.failed_attempts = 0
    return False


def record_failure(user: User, now: datetime) -> bool:
    """Count a wrong code; returns True when this failure locked the user out."""
    rt = user.runtime()
    rt.failed_attempts += 1
    if rt.failed_attempts >= LOCKOUT_THRESHOLD:
        rt.locked_until = now + LOCKOUT_DURATION
        return True
    return False


def record_success(rt: MfaRuntime) -> None:
    """Reset the wrong-code counter after a successful code."""
    rt.failed_attempts = 0
    rt.locked_until = None


@dataclass(frozen=True, slots=True)
class OtpCheck:
    """Outcome of :func:`check_second_factor`: ``ok`` and a sentence saying why."""

    ok: bool
    detail: str


def check_second_factor(user: User, code: str, now: datetime, allow_totp: bool, allow_phone: bool) -> OtpCheck:
    """Verify a sign-in code: a pending phone code first, then the authenticator TOTP.

    Consumes what it accepts (the phone code, or the TOTP step for replay protection).
    Does not count failures: the caller decides (see :func:`record_failure`).
    """
    rt = user.runtime()
    code = str(code).strip().replace(" ", "")
    pending = rt.pending_signin_code
    if allow_phone and pending is not None:
        if now > pending.expires:
            rt.pending_signin_code = None
        elif hmac.compare_digest(pending.code, code):
            rt.pending_signin_code = None
            return OtpCheck(True, f"the code sent to {pending.phone_number} was entered")
    if allow_totp and rt.totp_secret is not None:
        step = match_totp(rt.totp_secret, code, now)
        if step is not None:
            if rt.last_totp_step is not None and step <= rt.last_totp_step:
                return OtpCheck(False, "that authenticator code was already used; wait for the next code")
            rt.last_totp_step = step
            return OtpCheck(True, "the authenticator app code was entered")
    if pending is not None and now > pending.expires:
        return OtpCheck(False, "the code sent to the phone has expired")
    return OtpCheck(False, "the verification code is wrong")


def verify_totp(user: User, code: str, at: datetime) -> bool:
    """Check ``code`` against the user's authenticator app (±1 step; a step accepted once is consumed).

    The only way to use a stored TOTP secret: the secret itself is never returned.
    Does not count failures towards the lockout (sign-ins do, see ``signin``).
    """
    if not user.has_authenticator_secret:
        return False
    return check_second_factor(user, code, at, allow_totp=True, allow_phone=False).ok


def pending_code(code: str, phone: str, now: datetime, method_type: MethodType) -> PendingCode:
    """Build a PendingCode that expires after :data:`PHONE_CODE_LIFETIME`."""
    return PendingCode(code, phone, now + PHONE_CODE_LIFETIME, method_type)

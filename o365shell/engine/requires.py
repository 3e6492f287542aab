"""``#Requires`` statements of a script file, checked as pwsh 7.4 checks them before a script runs.

To the parser a ``#Requires`` line is a comment; this module reads those lines and says whether
the script may run in o365shell:

* ``-Modules``: names (``MSOnline``), lists (``A, B``) or hashtables
  (``@{ModuleName="MSOnline"; ModuleVersion="1.0"}``). The simulated modules are available:
  MSOnline, ExchangeOnlineManagement, Microsoft.Graph*, Microsoft.PowerShell.*, PowerShellGet and
  o365shell's own O365Shell.* modules. Any other module is missing, with pwsh's message
  ``The script 'x.ps1' cannot be run because the following modules that are specified by the
  "#requires" statements of the script are missing: X.``
* ``-Version N``: fails when N is above 7.4 (the PowerShell version o365shell implements).
* ``-PSEdition Desktop``: fails (this is PowerShell Core); ``Core`` is fine.
* ``-RunAsAdministrator``, ``-Assembly``, ``-ShellId``, ``-PSSnapin``: accepted (nothing to check
  in a simulation).

:func:`check_requirements` is what the engine calls before running a file (``run_file``, ``& x.ps1``,
``. x.ps1``); :func:`requirement_error` returns the message, or None when the script may run.
"""
from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass

#: Module name patterns o365shell provides (case-insensitive wildcards).
AVAILABLE_MODULES = ("MSOnline", "ExchangeOnlineManagement", "Microsoft.Graph", "Microsoft.Graph.*",
                     "Microsoft.PowerShell.*", "PowerShellGet", "PackageManagement", "O365Shell.*")
PS_VERSION = (7, 4)
_LINE = re.compile(r"^[ \t]*#requires\b(.*)$", re.IGNORECASE | re.MULTILINE)
_PARAMETERS = ("modules", "version", "pseditions", "psedition", "runasadministrator", "assembly", "shellid",
               "pssnapin")


@dataclass
class Requirement:
    """One parameter of a ``#Requires`` line: its (lower-case) name, raw value and line number."""

    name: str
    value: str
    line: int


class RequiresFormatError(ValueError):
    """A ``#Requires`` line pwsh would refuse to parse."""


def _split_top(text: str) -> list[str]:
    """Split on commas that are not inside @{...}, (...) or quotes."""
    parts, depth, quote, cur = [], 0, "", []
    for ch in text:
        if quote:
            cur.append(ch)
            if ch == quote:
                quote = ""
            continue
        if ch in "'\"":
            quote = ch
        elif ch in "{(":
            depth += 1
        elif ch in "})":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append("".join(cur).strip())
            cur = []
            continue
        cur.append(ch)
    if "".join(cur).strip():
        parts.append("".join(cur).strip())
    return parts


def _arguments(rest: str, line: int) -> list[Requirement]:
    """``-Name value -Other value`` of one line, values kept raw (they may hold @{...})."""
    out: list[Requirement] = []
    i, n = 0, len(rest)
    while i < n:
        while i < n and rest[i].isspace():
            i += 1
        if i >= n:
            break
        m = re.match(r"-([A-Za-z]+)", rest[i:])
        if not m:
            raise RequiresFormatError(f"unexpected text '{rest[i:].strip()}'")
        name = m.group(1).lower()
        i += m.end()
        start, depth, quote = i, 0, ""
        while i < n:
            ch = rest[i]
            if quote:
                quote = "" if ch == quote else quote
            elif ch in "'\"":
                quote = ch
            elif ch in "{(":
                depth += 1
            elif ch in "})":
                depth -= 1
            elif ch == "-" and depth == 0 and (i == start or rest[i - 1].isspace()) and \
                    re.match(r"-[A-Za-z]", rest[i:i + 2]):
                break
            i += 1
        matches = [p for p in _PARAMETERS if p.startswith(name)]
        if not matches:
            raise RequiresFormatError(f"unknown parameter '-{m.group(1)}'")
        out.append(Requirement(matches[0], rest[start:i].strip(), line))
    return out


def parse_requires(text: str) -> list[Requirement]:
    """Every parameter of every ``#Requires`` line of ``text`` (RequiresFormatError if malformed)."""
    reqs: list[Requirement] = []
    for m in _LINE.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        rest = m.group(1)
        if rest and not rest[0].isspace():
            continue   # '#requiresX' is an ordinary comment
        reqs.extend(_arguments(rest, line))
    return reqs


def _unquote(s: str) -> str:
    s = s.strip()
    if len(s) >= 2 and s[0] == s[-1] and s[0] in "'\"":
        return s[1:-1]
    return s


def module_names(value: str) -> list[str]:
    """Module names of a ``-Modules`` value (plain names or @{ModuleName=...} hashtables)."""
    names = []
    for item in _split_top(value):
        if item.startswith("@{"):
            m = re.search(r"ModuleName\s*=\s*('[^']*'|\"[^\"]*\"|[^;}\s]+)", item, re.IGNORECASE)
            if m:
                names.append(_unquote(m.group(1)))
        elif item:
            names.append(_unquote(item))
    return names


def module_available(name: str) -> bool:
    """Is ``name`` one of the modules o365shell simulates or ships?"""
    low = name.lower()
    return any(fnmatch.fnmatchcase(low, pat.lower()) for pat in AVAILABLE_MODULES)


def _version(value: str) -> tuple[int, ...] | None:
    m = re.match(r"^\s*(\d+)(?:\.(\d+))?", _unquote(value))
    if not m:
        return None
    return (int(m.group(1)), int(m.group(2) or 0))


def requirement_error(text: str, path: str) -> str | None:
    """pwsh's message when the script at ``path`` (text ``text``) cannot run; None when it can."""
    name = os.path.basename(path)
    try:
        reqs = parse_requires(text)
    except RequiresFormatError as e:
        return (f"The script '{name}' cannot be run because it contains a #requires statement that is not in the "
                f"correct format ({e}).")
    missing: list[str] = []
    for r in reqs:
        if r.name == "modules":
            missing += [m for m in module_names(r.value) if not module_available(m) and m not in missing]
        elif r.name == "version":
            want = _version(r.value)
            if want is not None and want > PS_VERSION:
                return (f"The script '{name}' cannot be run because it contained a \"#requires\" statement for "
                        f"PowerShell {want[0]}.{want[1]}. The version of PowerShell that is required by the script "
                        f"does not match the currently running version of PowerShell 7.4.6.")
        elif r.name in ("psedition", "pseditions"):
            editions = [_unquote(e) for e in _split_top(r.value)]
            if editions and not any(e.lower() == "core" for e in editions):
                return (f"The script '{name}' cannot be run because it contained a \"#requires\" statement for "
                        f"PowerShell editions '{', '.join(editions)}'. The edition of PowerShell that is required "
                        f"by the script does not match the currently running PowerShell Core.")
    if missing:
        return (f"The script '{name}' cannot be run because the following modules that are specified by the "
                f"\"#requires\" statements of the script are missing: {', '.join(missing)}.")
    return None


def check_requirements(text: str, path: str) -> None:
    """Raise pwsh's ScriptRequiresException when the script cannot run here (called before it runs)."""
    message = requirement_error(text, path)
    if message is None:
        return
    from .errors import ErrorCategory, ScriptRequiresException, runtime_error
    e = runtime_error(message, "ScriptRequiresMissingModules" if "modules" in message else "ScriptRequiresUnmatchedPSVersion",
                      ErrorCategory.ResourceUnavailable, os.path.basename(path), ScriptRequiresException)
    e.command_name = os.path.basename(path)
    raise e


def check_file(path: str) -> str | None:
    """:func:`requirement_error` for a file on disk (None if it cannot be read: the run reports that)."""
    from .runtime import read_script
    try:
        text = read_script(path)
    except OSError:
        return None
    return requirement_error(text, path)

"""Tab completion from the same declarations binding uses.

* command position: cmdlet, function and alias names (prefix, or a wildcard pattern such as
  ``*-Msol*``), or file paths when the word looks like one;
* ``-Par``: the command's parameter names, limited to the parameter sets still possible
  given the parameters already typed, with the type as the menu's description;
* a parameter's value (named, ``-Name:value``, or positional): ValidateSet values, enum
  names, ``$true``/``$false``, UPNs of the tenant for -UserPrincipalName/-UserId/-Identity
  (a sorted index, bisected), command names for Get-Help/Get-Command, else file paths;
* ``$va``: variables; ``$u.Str``: properties and methods of the variable's current value
  (member chains and ``[i]`` indexes are followed, nothing is invoked).

:func:`complete` is the pure part (text in, candidates out); :class:`ShellCompleter`
wraps it for prompt_toolkit.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document

from .context import CompletionContext, analyze
from .members import complete_members, complete_variables, member_names
from .upnindex import UpnIndex

__all__ = ["Candidate", "CompletionResult", "ShellCompleter", "complete", "MAX_CANDIDATES", "member_names"]

MAX_CANDIDATES = 1000
"""More matches than this are not listed (PSReadLine asks 'Display all N possibilities?')."""

_UPN_PARAMS = {"userprincipalname", "userid", "upn", "userprincipalnames"}
_USER_NOUNS = ("user", "mailbox", "mfa", "lab", "authenticationmethod", "authenticationrequirement", "casmailbox")
_COMMAND_PARAMS = {("get-help", "name"), ("get-command", "name"), ("get-alias", "definition")}
_PATH_PARAMS = {"path", "filepath", "literalpath", "destination", "lab", "tenant"}
_ACTIONS = ("SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend", "Break")
_SPECIAL = set(" \t'\"`$@{}();,|&#<>")
"""Characters that make a bare argument mean something else (``@`` only at the start)."""
@dataclass
class Candidate:
    """One completion: the text inserted, what the menu shows, and a short description."""

    text: str
    display: str = ""
    meta: str = ""


@dataclass
class CompletionResult:
    """Candidates replacing ``text[start:]``; ``total`` counts matches beyond the listed ones."""

    start: int
    candidates: list[Candidate] = field(default_factory=list)
    total: int = 0


# ----------------------------------------------------------------------------- helpers

def _wildcard(pattern: str) -> Callable[[str], bool]:
    rx = re.compile("".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern) + r"\Z",
                    re.IGNORECASE | re.DOTALL)
    return lambda s: rx.match(s) is not None


def _matcher(word: str) -> Callable[[str], bool]:
    if "*" in word or "?" in word:
        return _wildcard(word if word.endswith("*") else word + "*")
    low = word.lower()
    return lambda s: s.lower().startswith(low)


def _quote(value: str, quote: str | None) -> str:
    if quote:
        q = "'" if quote in "'\u2018\u2019" else '"'
        return q + (value.replace("'", "''") if q == "'" else value.replace("`", "``").replace('"', '`"')) + q
    if value[:1] in "@-" or any(c in _SPECIAL and c != "@" for c in value):
        return "'" + value.replace("'", "''") + "'"
    return value


def _short_type(p: Any) -> str:
    if p.is_switch:
        return "[switch]"
    name = p.type_name or "System.Object"
    short = name.rsplit(".", 1)[-1] if "[" not in name.rsplit(".", 1)[-1] or name.endswith("[]") else name
    return f"[{short}]"


# ----------------------------------------------------------------------------- commands

def _resolve_metadata(session: Any, name: str) -> tuple[str, Any] | None:
    """(display name, CommandMetadata) of the command ``name`` means (alias, function, cmdlet)."""
    lname = name.lower()
    for _ in range(8):
        target = session.find_alias(lname)
        if target is None or target.lower() == lname:
            break
        lname = target.lower()
        name = target
    f = session.find_function(lname)
    if f is not None:
        try:
            return f.name, f.metadata()
        except Exception:
            return None
    cls = session.commands.get(lname)
    if cls is None:
        return None
    try:
        return cls.name, cls.metadata
    except Exception:
        return None


def command_names(session: Any) -> list[tuple[str, str]]:
    """(name, description) of every command available now: cmdlets, functions, aliases."""
    out: dict[str, tuple[str, str]] = {}
    for lname, cls in session.commands.items():
        try:
            ok = cls.is_available(session)
        except Exception:
            ok = False
        if ok:
            out.setdefault(lname, (cls.name, "Cmdlet"))
    s = session.scope
    aliases: dict[str, str] = {}
    while s is not None:
        for k, f in (s.functions or {}).items():
            out[k] = (getattr(f, "name", k), "Function")
        for k, t in (s.aliases or {}).items():
            aliases.setdefault(k, t)
        s = s.parent
    for k, t in session.aliases.items():
        aliases.setdefault(k, t)
    for k, t in aliases.items():
        if k not in out:
            out[k] = (k, f"Alias -> {t}")
    return sorted(out.values(), key=lambda x: x[0].lower())


def _complete_commands(session: Any, word: str) -> list[Candidate]:
    match = _matcher(word)
    return [Candidate(n, n, meta) for n, meta in command_names(session) if match(n)]


# ----------------------------------------------------------------------------- parameters

def _bound_specs(meta: Any, elements: list[str]) -> tuple[list[Any], int]:
    """Parameters already named in ``elements`` and how many positional arguments were given."""
    bound: list[Any] = []
    positional = 0
    expect_value = False
    for e in elements:
        if e.startswith("-") and len(e) > 1 and not e[1].isdigit() and not e.startswith("--"):
            name = e[1:].split(":", 1)[0]
            spec = _find_param(meta, name)
            if spec is not None:
                bound.append(spec)
                expect_value = not spec.is_switch and ":" not in e
            else:
                expect_value = False
            continue
        if expect_value:
            expect_value = False
            continue
        positional += 1
    return bound, positional


def _find_param(meta: Any, name: str) -> Any:
    low = name.lower()
    spec = meta.by_name.get(low)
    if spec is not None:
        return spec
    hits = [p for p in meta.params if p.name.lower().startswith(low)]
    return hits[0] if len(hits) == 1 else None


def _possible_sets(meta: Any, bound: list[Any]) -> set[str] | None:
    """Parameter sets still possible (None: any)."""
    from o365shell.engine.binding import ALL_SETS
    possible: set[str] | None = None
    for spec in bound:
        sets = set(spec.sets)
        if ALL_SETS in sets:
            continue
        possible = sets if possible is None else possible & sets
    return possible


def _in_sets(spec: Any, possible: set[str] | None) -> bool:
    from o365shell.engine.binding import ALL_SETS
    if possible is None or ALL_SETS in spec.sets:
        return True
    return bool(possible & set(spec.sets))


def _complete_parameters(meta: Any, word: str, elements: list[str]) -> list[Candidate]:
    bound, _ = _bound_specs(meta, elements)
    possible = _possible_sets(meta, bound)
    match = _matcher(word[1:])
    bound_ids = {id(b) for b in bound}
    out = []
    for p in meta.params:
        if id(p) in bound_ids or getattr(p, "dont_show", False) or not _in_sets(p, possible):
            continue
        if match(p.name):
            out.append(Candidate("-" + p.name, "-" + p.name, _short_type(p)))
    return out


# ----------------------------------------------------------------------------- values

def _value_spec(meta: Any, ctx: CompletionContext) -> Any:
    """The parameter the word is a value of (named or positional)."""
    els = ctx.elements
    if els:
        last = els[-1]
        if last.startswith("-") and len(last) > 1 and not last[1].isdigit() and ":" not in last:
            spec = _find_param(meta, last[1:])
            if spec is not None and not spec.is_switch:
                return spec
    bound, positional = _bound_specs(meta, els)
    possible = _possible_sets(meta, bound)
    bound_ids = {id(b) for b in bound}
    order = list(getattr(meta, "set_names", []) or [])
    for p in meta.params:
        if id(p) in bound_ids or not _in_sets(p, possible):
            continue
        for sname, si in p.sets.items():
            if si.position == positional and (possible is None or sname in possible or sname not in order):
                return p
    return None


def _enum_names(t: Any) -> list[str]:
    if t is None:
        return []
    element = getattr(t, "element", None)
    if element is not None:
        t = element
    if getattr(t, "is_enum", False) and t.pyclass is not None:
        try:
            return [m.name for m in t.pyclass]
        except TypeError:
            return []
    return []


class _Values:
    """Value completion for one parameter."""

    def __init__(self, completer: "ShellCompleter", session: Any) -> None:
        self.c = completer
        self.session = session

    def for_spec(self, command: str, spec: Any, text: str) -> tuple[list[Candidate], int] | None:
        custom = getattr(spec, "completer", None)
        if callable(custom):
            try:
                values = [str(v) for v in custom(self.session, text)]
            except Exception:
                values = []
            match = _matcher(text)
            return [Candidate(v, v) for v in values if match(v)], 0
        for v in spec.validators:
            values = getattr(v, "values", None)
            if values:
                match = _matcher(text)
                return [Candidate(str(x), str(x)) for x in values if match(str(x))], 0
        names = _enum_names(spec.type)
        if names:
            match = _matcher(text)
            return [Candidate(n, n) for n in names if match(n)], 0
        tname = (spec.type_name or "").lower()
        if tname.endswith("actionpreference"):
            match = _matcher(text)
            return [Candidate(n, n) for n in _ACTIONS if match(n)], 0
        if tname in ("system.boolean", "system.management.automation.switchparameter"):
            return [Candidate(v, v) for v in ("$true", "$false") if v.startswith("$" + text.lstrip("$").lower())
                    or not text], 0
        pname = spec.name.lower()
        noun = command.split("-", 1)[-1].lower()
        if pname in _UPN_PARAMS or (pname == "identity" and any(n in noun for n in _USER_NOUNS)):
            return self.c.upn_candidates(self.session, text)
        if (command.lower(), pname) in _COMMAND_PARAMS:
            return _complete_commands(self.session, text), 0
        return None


# ----------------------------------------------------------------------------- paths

def complete_paths(location: str, text: str, quote: str | None, containers_only: bool = False) -> list[Candidate]:
    """Files and directories matching ``text`` (relative to ``location``)."""
    raw = text.replace("\\", "/")
    expanded = os.path.expanduser(raw) if raw.startswith("~") else raw
    d, _, base = expanded.rpartition("/")
    shown_dir = raw.rpartition("/")[0]
    if "/" in raw:
        real_dir = (d or "/") if os.path.isabs(expanded) else os.path.join(location, d)
        prefix = shown_dir + "/"
    else:
        real_dir = location
        prefix = "./"
    try:
        entries = sorted(os.scandir(real_dir), key=lambda e: e.name.lower())
    except OSError:
        return []
    match = _matcher(base)
    out = []
    for e in entries:
        if not match(e.name) or (e.name.startswith(".") and not base.startswith(".")):
            continue
        try:
            is_dir = e.is_dir()
        except OSError:
            is_dir = False
        if containers_only and not is_dir:
            continue
        value = prefix + e.name + ("/" if is_dir else "")
        out.append(Candidate(_quote(value, quote), e.name + ("/" if is_dir else ""),
                             "Directory" if is_dir else "File"))
    return out


def _looks_like_path(word: str) -> bool:
    return word.startswith((".", "/", "~")) or "/" in word or "\\" in word


# ----------------------------------------------------------------------------- entry point

def complete(completer: "ShellCompleter", session: Any, text: str) -> CompletionResult:
    """Candidates for the word at the end of ``text`` (the text before the cursor)."""
    ctx = analyze(text)
    result = CompletionResult(ctx.start)
    if ctx.in_comment:
        return result
    word = ctx.word
    location = getattr(session, "location", os.getcwd())
    if not ctx.quote and word[:1] in "$@" and len(word) >= 1:
        members = complete_members(session, word, _matcher)
        if members is not None:
            result.candidates = members
        elif re.match(r"^[$@][\w:?^]*$", word):
            result.candidates = complete_variables(session, word, completer.var_case, _matcher)
        return _finish(result)
    if ctx.command_position:
        if ctx.quote or _looks_like_path(word):
            result.candidates = complete_paths(location, ctx.text, ctx.quote)
        elif word:
            result.candidates = _complete_commands(session, word)
        return _finish(result)
    command = ctx.command or ""
    resolved = _resolve_metadata(session, command) if command else None
    if resolved is not None and not ctx.quote and word.startswith("-") and not word[1:2].isdigit():
        name, meta = resolved
        if ":" in word:
            pname, _, value = word[1:].partition(":")
            spec = _find_param(meta, pname)
            if spec is None:
                return result
            if spec.is_switch:
                result.candidates = [Candidate(f"-{pname}:{v}", v) for v in ("$true", "$false")
                                     if v[1:].startswith(value.lstrip("$").lower())]
                return _finish(result)
            values = _Values(completer, session).for_spec(name, spec, value)
            if values is not None:
                result.start = ctx.start + len(pname) + 2
                result.candidates, result.total = values
                result.candidates = [Candidate(_quote(c.text, None) if c.text[:1] != "$" else c.text, c.display,
                                               c.meta) for c in result.candidates]
            return _finish(result)
        result.candidates = _complete_parameters(meta, word, ctx.elements)
        return _finish(result)
    if resolved is not None:
        name, meta = resolved
        spec = _value_spec(meta, ctx)
        if spec is not None:
            values = _Values(completer, session).for_spec(name, spec, ctx.text)
            if values is not None:
                cands, total = values
                result.candidates = [Candidate(_quote(c.text, ctx.quote) if c.text[:1] != "$" else c.text,
                                               c.display, c.meta) for c in cands]
                result.total = total
                return _finish(result)
            if spec.name.lower() not in _PATH_PARAMS and not _looks_like_path(word) and \
                    (spec.type_name or "").lower() not in ("system.string", "system.string[]", "system.object"):
                return result
    result.candidates = complete_paths(location, ctx.text, ctx.quote)
    return _finish(result)


def _finish(result: CompletionResult) -> CompletionResult:
    result.total = max(result.total, len(result.candidates))
    if len(result.candidates) > MAX_CANDIDATES:
        del result.candidates[MAX_CANDIDATES:]
    return result


class ShellCompleter(Completer):
    """prompt_toolkit completer over a (possibly still loading) session."""

    def __init__(self, get_session: Callable[[], Any]) -> None:
        self.get_session = get_session
        self.upns = UpnIndex()
        self.var_case: dict[str, str] = {}
        self.last: CompletionResult | None = None
        self.tenant_ready: Callable[[], Any] | None = None   # waits for a tenant being built elsewhere

    def note_line(self, line: str) -> None:
        """Remember how variables were spelled in an accepted line (the engine keeps names lower-case)."""
        for m in re.finditer(r"[$@](?:[A-Za-z_]\w*:)?([A-Za-z_]\w*)", line):
            name = m.group(1)
            self.var_case.setdefault(name.lower(), name)

    def upn_candidates(self, session: Any, text: str) -> tuple[list[Candidate], int]:
        if self.tenant_ready is not None:
            self.tenant_ready()
        try:
            from o365shell.cmdlets.tenantsvc import get_tenant
            tenant = get_tenant(session)
            self.upns.refresh(tenant)
        except Exception:
            return [], 0
        names, total = self.upns.matches(text, MAX_CANDIDATES)
        return [Candidate(n, n) for n in names], total

    def complete_text(self, text: str) -> CompletionResult:
        session = self.get_session()
        if session is None:
            return CompletionResult(len(text))
        try:
            result = complete(self, session, text)
        except Exception:
            result = CompletionResult(len(text))
        self.last = result
        return result

    def get_completions(self, document: Document, complete_event: CompleteEvent) -> Iterable[Completion]:
        text = document.text_before_cursor
        result = self.complete_text(text)
        return list(_to_completions(text, result))


def _to_completions(text: str, result: CompletionResult) -> Iterator[Completion]:
    back = result.start - len(text)
    for c in result.candidates:
        yield Completion(c.text, start_position=back, display=c.display or c.text, display_meta=c.meta or None)

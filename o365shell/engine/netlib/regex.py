""".NET regular expressions on top of Python's ``re``.

``translate`` rewrites .NET syntax to Python syntax; ``compile`` caches the
compiled pattern together with the .NET group numbering (unnamed groups first,
then named groups, as .NET numbers them), which ``replace``, ``split`` and
``group_dict`` use so that ``$1``, ``$Matches`` and split captures follow .NET.

Supported beyond plain ``re``: ``(?<name>)``/``(?'name')``, ``\\k<name>``,
``\\z``/``\\Z``, ``\\p{Cat}``/``\\P{Cat}`` (general categories, BMP),
``\\e``/``\\cX``, mid-pattern inline options ``(?i)``/``(?-i)``, the ``n``
(explicit capture) and ``x`` options, literal ``{`` that is not a quantifier.
Not supported (ArgumentException): balancing groups, character-class
subtraction, ``\\G``, Unicode block names, ``(?(expression)...)`` conditionals.
"""
from __future__ import annotations

import enum
import functools
import re
import unicodedata
import weakref
from typing import Any, Callable, Iterable, Union

from .exceptions import ArgumentException

__all__ = ["translate", "compile", "replace", "split", "group_dict", "group_names",
           "net_groups", "escape", "unescape", "RegexOptions", "match_groups"]


class RegexOptions(enum.IntFlag):
    """System.Text.RegularExpressions.RegexOptions."""

    __ps_typename__ = "System.Text.RegularExpressions.RegexOptions"
    None_ = 0
    IgnoreCase = 1
    Multiline = 2
    ExplicitCapture = 4
    Compiled = 8
    Singleline = 16
    IgnorePatternWhitespace = 32
    RightToLeft = 64
    ECMAScript = 256
    CultureInvariant = 512
    NonBacktracking = 1024


_REF = "\x00R"   # placeholder prefix for back references resolved after numbering
_COND = "\x00C"  # placeholder prefix for (?(group)...) conditions


class _Info:
    """.NET view of a translated pattern's groups."""

    __slots__ = ("groups", "by_number", "by_name")

    def __init__(self, groups: list[tuple[int | str, int]]) -> None:
        #: (.NET key, Python group index) in .NET order: numbers ascending, then names
        self.groups = groups
        self.by_number: dict[int, int] = {}
        self.by_name: dict[str, int] = {}
        number = 0
        for key, idx in groups:
            number += 1
            if isinstance(key, int):
                self.by_number[key] = idx
            else:
                self.by_name[key] = idx
                self.by_number[number] = idx


def _error(pattern: str, offset: int, reason: str) -> ArgumentException:
    return ArgumentException(f"Invalid pattern '{pattern}' at offset {offset}. {reason}")


# ----------------------------------------------------------------------------- \p{..}

_CATEGORIES = {"L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No",
               "P", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So",
               "Z", "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Cs", "Co", "Cn"}


@functools.lru_cache(maxsize=None)
def _category_ranges(cat: str) -> str:
    """Class body (no brackets) matching the BMP code points of a general category."""
    out: list[str] = []
    start = -1
    exact = len(cat) == 2
    for cp in range(0x10000):
        c = unicodedata.category(chr(cp))
        hit = (c == cat) if exact else (c[0] == cat)
        if hit:
            if start < 0:
                start = cp
        elif start >= 0:
            out.append(_range(start, cp - 1))
            start = -1
    if start >= 0:
        out.append(_range(start, 0xFFFF))
    return "".join(out)


def _range(a: int, b: int) -> str:
    return f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}"


# ----------------------------------------------------------------------------- translate

class _Translator:
    def __init__(self, pattern: str, ignore_ws: bool, explicit: bool) -> None:
        self.p = pattern
        self.i = 0
        self.out: list[str] = []
        self.captures: list[tuple[int | str | None, int]] = []  # (name/None/num, py index)
        self.py_count = 0
        # group stack entries: [x_mode, n_mode, pending_closers]
        self.stack: list[list[Any]] = []
        self.x = ignore_ws
        self.n = explicit
        self.pending = 0          # inline-option groups opened at this level
        self.can_quantify = False
        self.last_was_quant = False
        self.lazy_done = False

    def fail(self, offset: int, reason: str) -> ArgumentException:
        return _error(self.p, offset, reason)

    def emit(self, s: str, atom: bool = True) -> None:
        self.out.append(s)
        self.can_quantify = atom
        self.last_was_quant = False

    def run(self) -> tuple[str, list[tuple[int | str, int]]]:
        p = self.p
        n = len(p)
        while self.i < n:
            ch = p[self.i]
            if self.x and ch in " \t\r\n\f\v":
                self.i += 1
                continue
            if self.x and ch == "#":
                while self.i < n and p[self.i] != "\n":
                    self.i += 1
                continue
            if ch == "\\":
                self.escape()
            elif ch == "[":
                self.char_class()
            elif ch == "(":
                self.open_group()
            elif ch == ")":
                self.close_group()
            elif ch in "*+?":
                self.quantifier(ch, 1)
            elif ch == "{":
                m = re.compile(r"\{\d+(,\d*)?\}").match(p, self.i)
                if m:
                    self.quantifier(m.group(0), len(m.group(0)))
                else:
                    self.emit("\\{")
                    self.i += 1
            elif ch == "|":
                self.emit("|", atom=False)
                self.i += 1
            elif ch in "^$":
                self.emit(ch, atom=False)
                self.i += 1
            elif ch == "}":
                self.emit("\\}")
                self.i += 1
            else:
                self.emit(ch)
                self.i += 1
        if self.stack:
            raise self.fail(n, "Not enough )'s.")
        self.out.append(")" * self.pending)
        return self.finish()

    def quantifier(self, q: str, length: int) -> None:
        if self.last_was_quant:
            if q == "?" and not self.lazy_done:
                self.out.append("?")
                self.i += 1
                self.lazy_done = True
                return
            raise self.fail(self.i + 1, f"Nested quantifier '{q[0]}'.")
        if not self.can_quantify:
            raise self.fail(self.i + 1, f"Quantifier '{q[0]}' following nothing.")
        self.out.append(q)
        self.i += length
        self.last_was_quant = True
        self.lazy_done = False

    # -- escapes -------------------------------------------------------------------
    def escape(self) -> None:
        p = self.p
        i = self.i
        if i + 1 >= len(p):
            raise self.fail(len(p), "Illegal \\ at end of pattern.")
        c = p[i + 1]
        if c == "k" and i + 2 < len(p) and p[i + 2] in "<'{":
            close = {"<": ">", "'": "'", "{": "}"}[p[i + 2]]
            end = p.find(close, i + 3)
            if end < 0:
                raise self.fail(i + 2, "Malformed \\k<...> named back reference.")
            name = p[i + 3:end]
            self.emit(_REF + name + "\x00")
            self.i = end + 1
            return
        if c.isdigit() and c != "0":
            j = i + 1
            while j < len(p) and p[j].isdigit():
                j += 1
            self.emit(_REF + p[i + 1:j] + "\x00")
            self.i = j
            return
        if c in "pP":
            body = self.category(i)
            self.emit(("[" if c == "p" else "[^") + body + "]")
            return
        simple = self.simple_escape(i)
        if simple is not None:
            atom = c not in "bBAzZG"
            self.emit(simple, atom=atom)
            return
        raise self.fail(i + 2, f"Unrecognized escape sequence \\{c}.")

    def category(self, i: int) -> str:
        p = self.p
        if i + 2 >= len(p) or p[i + 2] != "{":
            raise self.fail(i + 2, "Incomplete \\p{X} character escape.")
        end = p.find("}", i + 3)
        if end < 0:
            raise self.fail(len(p), "Incomplete \\p{X} character escape.")
        name = p[i + 3:end]
        if name not in _CATEGORIES:
            raise self.fail(end + 1, f"Unknown property '{name}'.")
        self.i = end + 1
        return _category_ranges(name)

    def simple_escape(self, i: int) -> str | None:
        """Python text for a one-element escape at ``i`` (advances); None if unknown."""
        p = self.p
        c = p[i + 1]
        if c in "dDwWsSbBAtnrfva":
            self.i = i + 2
            return "\\" + c
        if c == "z":
            self.i = i + 2
            return "\\Z"
        if c == "Z":
            self.i = i + 2
            return "(?=\\n?\\Z)"
        if c == "G":
            raise self.fail(i + 2, "\\G (contiguous match anchor) is not supported.")
        if c == "e":
            self.i = i + 2
            return "\\x1b"
        if c == "c":
            if i + 2 >= len(p) or not p[i + 2].isalpha():
                raise self.fail(i + 2, "Missing control character.")
            self.i = i + 3
            return "\\x%02x" % (ord(p[i + 2].upper()) ^ 64)
        if c == "x":
            m = re.compile(r"[0-9a-fA-F]{2}").match(p, i + 2)
            if not m:
                raise self.fail(i + 2, "Insufficient hexadecimal digits.")
            self.i = i + 4
            return "\\x" + m.group(0)
        if c == "u":
            m = re.compile(r"[0-9a-fA-F]{4}").match(p, i + 2)
            if not m:
                raise self.fail(i + 2, "Insufficient hexadecimal digits.")
            self.i = i + 6
            return "\\u" + m.group(0)
        if c == "0":
            m = re.compile(r"[0-7]{0,2}").match(p, i + 2)
            digits = m.group(0) if m else ""
            self.i = i + 2 + len(digits)
            return "\\x%02x" % int("0" + digits, 8)
        if not c.isalnum() and c != "_":
            self.i = i + 2
            return "\\" + c if c not in " #\t\n" else re.escape(c)
        return None

    # -- character classes ------------------------------------------------------------
    def char_class(self) -> None:
        p = self.p
        n = len(p)
        i = self.i + 1
        parts = ["["]
        if i < n and p[i] == "^":
            parts.append("^")
            i += 1
        first = True
        while True:
            if i >= n:
                raise self.fail(n, "Unterminated [] set.")
            c = p[i]
            if c == "]" and not first:
                i += 1
                break
            first = False
            if c == "\\":
                if i + 1 >= n:
                    raise self.fail(n, "Illegal \\ at end of pattern.")
                d = p[i + 1]
                if d in "pP":
                    if d == "P":
                        raise self.fail(i + 2, "\\P{..} inside a character class is not "
                                               "supported.")
                    self.i = i
                    parts.append(self.category(i))
                    i = self.i
                    continue
                if d == "b":
                    parts.append("\\x08")
                    i += 2
                    continue
                self.i = i
                simple = self.simple_escape(i)
                if simple is None or d in "ABZzG":
                    raise self.fail(i + 2, f"Unrecognized escape sequence \\{d}.")
                parts.append(simple)
                i = self.i
                continue
            if c == "-" and i + 1 < n and p[i + 1] == "[":
                raise self.fail(i + 2, "Character class subtraction is not supported.")
            if c in "[&~|":
                parts.append("\\" + c)
            elif c == "]":
                parts.append("\\]")
            else:
                parts.append(c)
            i += 1
        parts.append("]")
        self.i = i
        self.emit("".join(parts))

    # -- groups -------------------------------------------------------------------------
    def push(self, text: str) -> None:
        self.stack.append([self.x, self.n, self.pending])
        self.pending = 0
        self.out.append(text)
        self.can_quantify = False
        self.last_was_quant = False

    def capture(self, key: int | str | None) -> None:
        self.py_count += 1
        self.captures.append((key, self.py_count))

    def open_group(self) -> None:
        p = self.p
        n = len(p)
        i = self.i
        if i + 1 < n and p[i + 1] == "?":
            rest = p[i + 2:]
            if rest.startswith("#"):
                end = p.find(")", i)
                if end < 0:
                    raise self.fail(n, "Unterminated (?#...) comment.")
                self.i = end + 1
                return
            for tok in (":", "=", "!", "<=", "<!", ">"):
                if rest.startswith(tok):
                    self.push("(?" + tok)
                    self.i = i + 2 + len(tok)
                    return
            if rest[:1] in ("<", "'"):
                close = ">" if rest[0] == "<" else "'"
                end = p.find(close, i + 3)
                if end < 0:
                    raise self.fail(i + 3, "Invalid group name: Group names must begin with "
                                           "a word character.")
                name = p[i + 3:end]
                if "-" in name:
                    raise self.fail(end, "Balancing groups are not supported.")
                if not name or not re.fullmatch(r"\w+", name) or name[0].isdigit() and \
                        not name.isdigit():
                    raise self.fail(i + 3, "Invalid group name: Group names must begin with "
                                           "a word character.")
                if name.isdigit():
                    self.capture(int(name))
                    self.push("(")
                else:
                    self.capture(name)
                    self.push(f"(?P<{name}>")
                self.i = end + 1
                return
            if rest.startswith("("):
                end = p.find(")", i + 3)
                if end < 0:
                    raise self.fail(n, "Not enough )'s.")
                cond = p[i + 3:end]
                if not re.fullmatch(r"\w+", cond):
                    raise self.fail(i + 3, "Expression conditionals are not supported.")
                self.push("(?(" + _COND + cond + "\x00)")
                self.i = end + 1
                return
            m = re.compile(r"([imnsx]*)(?:-([imnsx]*))?([:)])").match(p, i + 2)
            if not m or (not m.group(1) and m.group(2) is None):
                raise self.fail(i + 3, "Unrecognized grouping construct.")
            on, off, term = m.group(1), m.group(2) or "", m.group(3)
            keep_on = "".join(c for c in on if c in "ims")
            keep_off = "".join(c for c in off if c in "ims")
            flags = keep_on + ("-" + keep_off if keep_off else "")
            if term == ":":
                self.push(f"(?{flags}:" if flags else "(?:")
                self._apply_xn(on, off)
            else:
                # options from here to the end of the enclosing group
                self._apply_xn(on, off)
                if flags:
                    self.out.append(f"(?{flags}:")
                    self.pending += 1
                self.can_quantify = False
            self.i = m.end()
            return
        # plain group
        if self.n:
            self.push("(?:")
        else:
            self.capture(None)
            self.push("(")
        self.i = i + 1

    def _apply_xn(self, on: str, off: str) -> None:
        if "x" in on:
            self.x = True
        if "x" in off:
            self.x = False
        if "n" in on:
            self.n = True
        if "n" in off:
            self.n = False

    def close_group(self) -> None:
        if not self.stack:
            raise self.fail(self.i + 1, "Too many )'s.")
        self.out.append(")" * self.pending + ")")
        self.x, self.n, self.pending = self.stack.pop()
        self.i += 1
        self.can_quantify = True
        self.last_was_quant = False

    # -- numbering -------------------------------------------------------------------
    def finish(self) -> tuple[str, list[tuple[int | str, int]]]:
        numbered: dict[int, int] = {}
        named: list[tuple[str, int]] = []
        next_num = 1
        explicit = {k for k, _ in self.captures if isinstance(k, int)}
        for key, idx in self.captures:
            if key is None:
                while next_num in explicit:
                    next_num += 1
                numbered[next_num] = idx
                next_num += 1
            elif isinstance(key, int):
                numbered.setdefault(key, idx)
            elif all(name != key for name, _ in named):
                named.append((key, idx))
        groups: list[tuple[int | str, int]] = sorted(numbered.items())
        groups.extend(named)
        info = _Info(groups)
        text = "".join(self.out)

        def resolve(m: re.Match[str]) -> str:
            kind, ref = m.group(1), m.group(2)
            if ref.isdigit():
                idx = info.by_number.get(int(ref))
                if idx is None:
                    raise _error(self.p, len(self.p),
                                 f"Reference to undefined group number {ref}.")
            else:
                idx = info.by_name.get(ref)
                if idx is None:
                    raise _error(self.p, len(self.p),
                                 f"Reference to undefined group name '{ref}'.")
            return str(idx) if kind == "C" else f"(?:\\{idx})"

        text = re.sub("\x00([RC])([^\x00]*)\x00", resolve, text)
        return text, groups


def _translate(pattern: str, ignore_ws: bool = False,
               explicit: bool = False) -> tuple[str, list[tuple[int | str, int]]]:
    return _Translator(pattern, ignore_ws, explicit).run()


def translate(pattern: str) -> str:
    """.NET regex pattern -> equivalent Python ``re`` pattern (ArgumentException if not)."""
    return _translate(pattern)[0]


# ----------------------------------------------------------------------------- compile

_OPTION_NAMES = {m.name.lower(): m for m in RegexOptions if m.name}
_OPTION_NAMES["none"] = RegexOptions.None_
_INFO: "weakref.WeakKeyDictionary[re.Pattern[str], _Info]" = weakref.WeakKeyDictionary()


def _options_value(options: Any) -> int:
    if options is None:
        return 0
    if isinstance(options, int):
        return int(options)
    if isinstance(options, str):
        options = options.split(",")
    total = 0
    for o in options:
        if isinstance(o, int):
            total |= int(o)
            continue
        name = str(o).strip().lower()
        if not name:
            continue
        if name not in _OPTION_NAMES:
            raise ArgumentException(f"Invalid RegexOptions value '{o}'.")
        total |= int(_OPTION_NAMES[name])
    return total


@functools.lru_cache(maxsize=1024)
def _compile_cached(pattern: str, opts: int) -> re.Pattern[str]:
    py, groups = _translate(pattern, bool(opts & RegexOptions.IgnorePatternWhitespace),
                            bool(opts & RegexOptions.ExplicitCapture))
    flags = 0
    if opts & RegexOptions.IgnoreCase:
        flags |= re.IGNORECASE
    if opts & RegexOptions.Multiline:
        flags |= re.MULTILINE
    if opts & RegexOptions.Singleline:
        flags |= re.DOTALL
    try:
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compiled = re.compile(py, flags)
    except re.error as e:
        pos = e.pos if e.pos is not None else len(pattern)
        raise _error(pattern, min(pos + 1, len(pattern)), e.msg[:1].upper() + e.msg[1:] + ".") \
            from None
    _INFO[compiled] = _Info(groups)
    return compiled


def compile(pattern: str, ignore_case: bool = True, options: Any = ()) -> re.Pattern[str]:
    """Compile a .NET pattern (cached).  PowerShell's -match is case-insensitive by default.

    ``options`` is a RegexOptions value, or names ("Multiline", "Singleline",
    "IgnorePatternWhitespace", "ExplicitCapture", "IgnoreCase", ...) as a list or a
    comma-separated string.  Raises ArgumentException("Invalid pattern '...' at offset
    N. <reason>") for a bad pattern.
    """
    opts = _options_value(options)
    if ignore_case:
        opts |= RegexOptions.IgnoreCase
    return _compile_cached(pattern, opts)


def _info(compiled: re.Pattern[str]) -> _Info:
    info = _INFO.get(compiled)
    if info is None:
        names = {idx: name for name, idx in compiled.groupindex.items()}
        unnamed = [(i, i) for i in range(1, compiled.groups + 1) if i not in names]
        groups: list[tuple[int | str, int]] = [(k, idx) for k, (_, idx) in
                                               enumerate(unnamed, start=1)]
        groups.extend((names[i], i) for i in sorted(names))
        info = _Info(groups)
        _INFO[compiled] = info
    return info


def net_groups(compiled: re.Pattern[str]) -> list[tuple[int | str, int]]:
    """[(.NET group number or name, Python group index)] in .NET order (group 0 excluded)."""
    return list(_info(compiled).groups)


def group_names(compiled: re.Pattern[str]) -> list[str]:
    """.NET ``Regex.GetGroupNames()``: "0", numbered groups, then names."""
    return ["0"] + [str(k) for k, _ in _info(compiled).groups]


def match_groups(compiled: re.Pattern[str], match: re.Match[str]) -> list[tuple[int | str,
                                                                               str | None]]:
    """All .NET groups of a match in order: [(0, whole), (1, text or None), ..., (name, ...)]."""
    result: list[tuple[int | str, str | None]] = [(0, match.group(0))]
    for key, idx in _info(compiled).groups:
        result.append((key, match.group(idx)))
    return result


def group_dict(match: re.Match[str]) -> dict[int | str, str]:
    """PowerShell's $Matches for a match: 0 -> whole match, then successful groups in .NET
    order (numbers as int keys, names as str keys); unmatched groups are absent."""
    result: dict[int | str, str] = {0: match.group(0)}
    for key, idx in _info(match.re).groups:
        v = match.group(idx)
        if v is not None:
            result[key] = v
    return result


# ----------------------------------------------------------------------------- replace

_Part = Union[str, int]   # literal text, or a code: >=0 python group index, negatives special
_LEFT, _RIGHT, _LAST, _WHOLE = -1, -2, -3, -4


@functools.lru_cache(maxsize=512)
def _parse_replacement(compiled: re.Pattern[str], replacement: str) -> tuple[_Part, ...]:
    info = _info(compiled)
    parts: list[_Part] = []
    lit: list[str] = []
    i = 0
    n = len(replacement)

    def flush() -> None:
        if lit:
            parts.append("".join(lit))
            lit.clear()

    while i < n:
        c = replacement[i]
        if c != "$" or i + 1 >= n:
            lit.append(c)
            i += 1
            continue
        d = replacement[i + 1]
        if d.isdigit():
            j = i + 1
            while j < n and replacement[j].isdigit():
                j += 1
            num = int(replacement[i + 1:j])
            idx = 0 if num == 0 else info.by_number.get(num)
            if idx is not None:
                flush()
                parts.append(idx)
                i = j
                continue
        elif d == "{":
            end = replacement.find("}", i + 2)
            if end > 0:
                name = replacement[i + 2:end]
                idx = None
                if name.isdigit():
                    num = int(name)
                    idx = 0 if num == 0 else info.by_number.get(num)
                elif re.fullmatch(r"\w+", name):
                    idx = info.by_name.get(name)
                if idx is not None:
                    flush()
                    parts.append(idx)
                    i = end + 1
                    continue
        elif d == "$":
            lit.append("$")
            i += 2
            continue
        elif d in "&`'+_":
            flush()
            parts.append({"&": 0, "`": _LEFT, "'": _RIGHT, "+": _LAST, "_": _WHOLE}[d])
            i += 2
            continue
        lit.append("$")
        i += 1
    flush()
    return tuple(parts)


def _substitute(parts: tuple[_Part, ...], m: re.Match[str], text: str, last: int) -> str:
    out: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        elif part >= 0:
            out.append(m.group(part) or "")
        elif part == _LEFT:
            out.append(text[:m.start()])
        elif part == _RIGHT:
            out.append(text[m.end():])
        elif part == _LAST:
            out.append((m.group(last) or "") if last else m.group(0))
        else:
            out.append(text)
    return "".join(out)


def replace(compiled: re.Pattern[str], text: str,
            replacement: str | Callable[[re.Match[str]], Any], count: int = -1) -> str:
    """``Regex.Replace`` with .NET substitutions ($1, ${name}, $$, $&, $0, $`, $', $+, $_).

    A ``$`` not followed by an existing group is literal.  ``replacement`` may also be a
    callable (MatchEvaluator) taking the ``re.Match`` and returning the text.  ``count``
    limits the number of replacements (-1: all).
    """
    if count == 0:
        return text
    evaluator = None if isinstance(replacement, str) else replacement
    parts = _parse_replacement(compiled, replacement) if evaluator is None else ()
    groups = _info(compiled).groups
    last = groups[-1][1] if groups else 0
    out: list[str] = []
    pos = 0
    done = 0
    for m in compiled.finditer(text):
        out.append(text[pos:m.start()])
        if evaluator is not None:
            r = evaluator(m)
            out.append("" if r is None else str(r))
        else:
            out.append(_substitute(parts, m, text, last))
        pos = m.end()
        done += 1
        if 0 < count <= done:
            break
    if not done:
        return text
    out.append(text[pos:])
    return "".join(out)


def split(compiled: re.Pattern[str], text: str, max_count: int = 0) -> list[str]:
    """``Regex.Split``: captured groups (in .NET order) are included; ``max_count`` > 0
    limits the number of parts (the last part holds the rest)."""
    if max_count == 1:
        return [text]
    groups = _info(compiled).groups
    result: list[str] = []
    pos = 0
    splits = 0
    for m in compiled.finditer(text):
        result.append(text[pos:m.start()])
        for _, idx in groups:
            v = m.group(idx)
            if v is not None:
                result.append(v)
        pos = m.end()
        splits += 1
        if max_count > 0 and splits >= max_count - 1:
            break
    result.append(text[pos:])
    return result


# ----------------------------------------------------------------------------- escape

_ESCAPE = {"\\": "\\\\", "*": "\\*", "+": "\\+", "?": "\\?", "|": "\\|", "{": "\\{",
           "[": "\\[", "(": "\\(", ")": "\\)", "^": "\\^", "$": "\\$", ".": "\\.",
           "#": "\\#", " ": "\\ ", "\t": "\\t", "\n": "\\n", "\r": "\\r", "\f": "\\f",
           "\v": "\\v"}


def escape(s: str) -> str:
    """``Regex.Escape``: escapes \\ * + ? | { [ ( ) ^ $ . # and white space."""
    return "".join(_ESCAPE.get(c, c) for c in s)


_UNESCAPE = re.compile(r"\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|(.))", re.S)
_UNESC_SIMPLE = {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "e": "\x1b",
                 "b": "\b"}


def unescape(s: str) -> str:
    """``Regex.Unescape``."""
    def repl(m: re.Match[str]) -> str:
        if m.group(1):
            return chr(int(m.group(1), 16))
        if m.group(2):
            return chr(int(m.group(2), 16))
        c = m.group(3)
        return _UNESC_SIMPLE.get(c, c)
    return _UNESCAPE.sub(repl, s)


def iter_options(options: Iterable[Any]) -> int:
    """Combine option names/values into a RegexOptions integer."""
    return _options_value(list(options))

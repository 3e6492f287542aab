"""Internal: the .NET -> Python regex pattern translator (see ``regex``)."""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

from .exceptions import ArgumentException

_REF = "\x00R"   # placeholder prefix for back references resolved after numbering
_COND = "\x00C"  # placeholder prefix for (?(group)...) conditions


class _Info:
    """.NET view of a translated pattern's groups."""

    __slots__ = ("by_name", "by_number", "groups")

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


@functools.cache
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

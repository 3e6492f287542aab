"""What is being completed: the word at the cursor and the command it belongs to.

A forgiving scan of the text before the cursor (which is usually not valid PowerShell
yet): strings, comments, brackets, statement separators and pipes are tracked so that the
current command's name and its earlier arguments are known. The parser is not used here
because it rejects unfinished input.
"""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["CompletionContext", "analyze", "KEYWORDS"]

KEYWORDS = {"if", "elseif", "else", "foreach", "for", "while", "do", "until", "switch", "function", "filter",
            "return", "throw", "try", "catch", "finally", "trap", "break", "continue", "param", "begin",
            "process", "end", "exit", "in", "class", "enum", "data", "dynamicparam", "using", "workflow"}
_WORD_END = set(" \t\r\n|;(){},=")


@dataclass
class CompletionContext:
    """The word being completed and where it stands."""

    word: str = ""                      # the word as typed (an open quote included)
    start: int = 0                      # offset of ``word`` in the text
    quote: str | None = None            # the quote that opened ``word``, if it is an unfinished string
    command_position: bool = True       # nothing before the word in its command
    command: str | None = None          # the current command's name (argument position)
    elements: list[str] = field(default_factory=list)  # the command's earlier elements (after the name)
    in_comment: bool = False

    @property
    def text(self) -> str:
        """The word without its opening quote."""
        return self.word[1:] if self.quote else self.word


class _Frame:
    __slots__ = ("elements", "after_comma")

    def __init__(self) -> None:
        self.elements: list[str] = []
        self.after_comma = False


def _skip_quoted(text: str, i: int) -> int:
    """End of the string starting at ``i`` (index after the closing quote), or -1 if open."""
    q = text[i]
    single = q in "'\u2018\u2019\u201a\u201b"
    n = len(text)
    j = i + 1
    while j < n:
        c = text[j]
        if not single and c == "`":
            j += 2
            continue
        if (single and c in "'\u2018\u2019\u201a\u201b") or (not single and c in '"\u201c\u201d\u201e'):
            if j + 1 < n and text[j + 1] == c:
                j += 2
                continue
            return j + 1
        j += 1
    return -1


def _skip_brackets(text: str, i: int) -> int:
    """End of a ``[...]`` starting at ``i`` (nesting allowed), or len(text) if open."""
    depth = 0
    n = len(text)
    j = i
    while j < n:
        c = text[j]
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                return j + 1
        elif c in "'\"":
            k = _skip_quoted(text, j)
            if k < 0:
                return n
            j = k
            continue
        j += 1
    return n


def analyze(text: str) -> CompletionContext:
    """The completion context at the end of ``text`` (the text before the cursor)."""
    frames = [_Frame()]
    i, n = 0, len(text)
    word_start = -1

    def end_word(at: int) -> None:
        nonlocal word_start
        if word_start >= 0:
            f = frames[-1]
            w = text[word_start:at]
            if f.after_comma and f.elements:
                f.elements.pop()
            f.after_comma = False
            f.elements.append(w)
            word_start = -1

    while i < n:
        c = text[i]
        if c == "`" and i + 1 < n and text[i + 1] in "\r\n":
            end_word(i)
            i += 2
            continue
        if c in " \t":
            end_word(i)
            i += 1
            continue
        if c in "\r\n;|" or (c == "&" and i + 1 < n and text[i + 1] == "&"):
            end_word(i)
            frames[-1] = _Frame()
            i += 2 if text[i:i + 2] in ("&&", "||") else 1
            continue
        if c == "#" and word_start < 0:
            j = text.find("\n", i)
            if j < 0:
                return CompletionContext(word="", start=n, in_comment=True)
            i = j
            continue
        if c == "<" and text[i:i + 2] == "<#":
            j = text.find("#>", i + 2)
            if j < 0:
                return CompletionContext(word="", start=n, in_comment=True)
            i = j + 2
            continue
        if c in "'\"\u2018\u2019\u201c\u201d" and word_start < 0:
            j = _skip_quoted(text, i)
            if j < 0:
                ctx = _finish(frames, text, i)
                ctx.quote = c
                return ctx
            word_start = i
            i = j
            continue
        if c == "@" and i + 1 < n and text[i + 1] in "'\"" and text[i + 2:i + 3] in ("\n", "\r", ""):
            j = text.find("\n" + text[i + 1] + "@", i + 2)
            if j < 0:
                return CompletionContext(word="", start=n, in_comment=True)
            i = j + 3
            continue
        if c in "({" or (c in "$@" and i + 1 < n and text[i + 1] in "({" and word_start < 0):
            if word_start >= 0 and c == "{":
                i += 1
                continue
            end_word(i)
            frames.append(_Frame())
            i += 1 if c in "({" else 2
            continue
        if c in ")}":
            end_word(i)
            if len(frames) > 1:
                frames.pop()
                f = frames[-1]
                if f.after_comma and f.elements:
                    f.elements.pop()
                f.after_comma = False
                f.elements.append("(...)" if c == ")" else "{...}")
            i += 1
            continue
        if c == ",":
            end_word(i)
            frames[-1].after_comma = True
            i += 1
            continue
        if c == "=":
            end_word(i)
            frames[-1] = _Frame()
            i += 1
            continue
        if c == "[":
            if word_start < 0:
                word_start = i
            i = _skip_brackets(text, i)
            continue
        if word_start < 0:
            word_start = i
        i += 1
    if word_start >= 0:
        return _finish(frames, text, word_start)
    return _finish(frames, text, n)


def _finish(frames: list[_Frame], text: str, start: int) -> CompletionContext:
    f = frames[-1]
    elements = list(f.elements)
    if f.after_comma and elements:
        elements.pop()
    word = text[start:]
    ctx = CompletionContext(word=word, start=start)
    # call operators: `& cmd`, `. cmd`
    while elements and elements[0] in ("&", "."):
        elements.pop(0)
    if not elements:
        ctx.command_position = True
        return ctx
    head = elements[0]
    ctx.command_position = False
    if head.lower() in KEYWORDS or head[:1] in "$@([{'\"0123456789" or head.startswith("-"):
        if head.lower() in ("else", "try", "finally", "begin", "process", "end", "do") and len(elements) == 1:
            ctx.command_position = True
        return ctx
    ctx.command = head
    ctx.elements = elements[1:]
    return ctx

"""ConciseView: how pwsh 7 shows an ErrorRecord, and the WARNING/VERBOSE/DEBUG prefixes.

Follows pwsh's error view script (``Get-ConciseViewPositionMessage``):

* reason: ``Exception`` for a ``throw``, else the command name, the category's
  activity, the category (``ParserError``, ``InvalidArgument``...; not NotSpecified)
  or the exception's type name;
* with a position in a script file, on a line after the first, or for a parse error,
  a detail block follows the header ``<reason>: <path>:<line>``::

      Line |
         3 |  Write-Error 'soft failure'
           |  ~~~~~~~~~~~~~~~~~~~~~~~~~~
           | soft failure

  (line number right-aligned in 4 columns, ``~`` under the extent clipped to the line,
  the message on the last line, word-wrapped at the width with ``     | `` prefixes);
* otherwise ``<reason>: <message>``.
"""
from __future__ import annotations

from typing import Any

__all__ = ["render_error", "render_warning", "render_verbose", "render_debug", "error_reason",
           "ERROR", "ERROR_ACCENT", "WARNING", "VERBOSE", "DEBUG", "RESET"]

ERROR = "\x1b[31;1m"
ERROR_ACCENT = "\x1b[36;1m"
WARNING = "\x1b[33;1m"
VERBOSE = "\x1b[33;1m"
DEBUG = "\x1b[33;1m"
RESET = "\x1b[0m"


def _record(err: Any) -> Any:
    from ..engine.errors import ErrorRecord, record_of
    if isinstance(err, ErrorRecord):
        return err
    if isinstance(err, BaseException):
        return record_of(err)
    inner = getattr(err, "ErrorRecord", None)
    return inner if inner is not None else err


def _category_name(rec: Any) -> str:
    c = getattr(rec, "category", None)
    if c is None:
        return ""
    if int(c) == 0:
        return ""
    return getattr(c, "name", str(c))


def _is_parser_error(rec: Any) -> bool:
    return _category_name(rec) == "ParserError"


def error_reason(rec: Any) -> str:
    """The word before the colon: Exception / command / activity / category / exception type."""
    exc = getattr(rec, "exception", None)
    if getattr(rec, "from_throw", False):
        return "Exception"
    cmd = getattr(rec, "command_name", None)
    if cmd:
        return str(cmd)
    activity = getattr(rec, "activity", None)
    if activity:
        return str(activity)
    cat = _category_name(rec)
    if cat:
        return cat
    if exc is not None:
        return type(exc).__name__
    return "Error"


def _message(rec: Any) -> str:
    m = getattr(rec, "message", None)
    if isinstance(m, str):
        return m
    details = getattr(rec, "details", None)
    if details is not None and getattr(details, "Message", None):
        return details.Message
    exc = getattr(rec, "exception", None)
    if exc is not None:
        return getattr(exc, "Message", None) or str(exc)
    return str(rec)


def _truncated(s: str, length: int) -> str:
    """pwsh's Get-TruncatedString: cut to ``length`` then back to the last whitespace."""
    if len(s) <= length:
        return s
    cut = s[:length]
    for i in range(len(cut) - 1, -1, -1):
        if cut[i].isspace():
            return cut[:i]
    return cut


def _wrap_message(message: str, prefix: str, width: int) -> list[str]:
    """Split ``message`` (which starts with ``prefix``) into lines the way the view script does."""
    message = message.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    if width <= 0 or len(message) <= width:
        return [message]
    out = []
    sub = _truncated(message, width)
    out.append(sub)
    rest = message[len(sub):].strip()
    while len(rest) + len(prefix) > width:
        subm = prefix + rest
        sub = _truncated(subm, width)
        if len(sub) - len(prefix) > 0:
            out.append(sub)
            rest = rest[len(sub) - len(prefix):].strip()
        else:
            break
    out.append(prefix + rest.strip())
    return out


def render_error(record: Any, color: bool = False, width: int = 120) -> str:
    """The ConciseView text of an ErrorRecord (or exception); no trailing newline."""
    rec = _record(record)
    err_c = ERROR if color else ""
    acc_c = ERROR_ACCENT if color else ""
    reset = RESET if color else ""
    reason = error_reason(rec)
    message = _message(rec)
    pos = getattr(rec, "position", None)
    parser = _is_parser_error(rec)
    path = None
    line_no = 0
    if pos is not None:
        src = getattr(pos, "source", None)
        path = getattr(src, "path", None)
        try:
            line_no = pos.line
        except Exception:
            line_no = 0
    detail = pos is not None and (parser or bool(path) or line_no > 1) and not (path or "").endswith(".psm1")
    if not detail:
        if path or parser:
            lines = _wrap_message(message, "", width)
            message = "\n".join(lines)
        return f"{err_c}{reason}: {message}{reset}"
    assert pos is not None
    line_text = pos.line_text
    col = pos.column
    span = max(1, min(pos.end - pos.start, len(line_text) - col + 1))
    n = str(line_no)
    header_ws = " " * (len(n) - 4) if len(n) > 4 else ""
    line_ws = " " * (4 - len(n)) if len(n) < 4 else ""
    first = f"{reset}{path}:{line_no}" if path else ""
    out = [f"{err_c}{reason}: {first}"]
    out.append(f"{acc_c}{header_ws}Line |")
    shown = " " + line_text
    if color and span < len(shown) - 1:
        start = col  # offset of the span in `shown` (leading space + col-1)
        shown = shown[:start] + acc_c + shown[start:start + span] + reset + shown[start + span:]
    out.append(f"{acc_c}{line_ws}{n} | {reset}{shown}")
    prefix_plain = f"{header_ws}     | "
    prefix = f"{acc_c}{prefix_plain}{err_c}"
    out.append(f"{prefix}{' ' * col}{'~' * span}")
    wrapped = _wrap_message(prefix_plain + message, prefix_plain, width)
    for i, w in enumerate(wrapped):
        body = w[len(prefix_plain):] if w.startswith(prefix_plain) else w
        out.append(f"{prefix}{body}")
    out[-1] += reset
    return "\n".join(out)


def _prefixed(kind: str, text: str, color: bool, code: str) -> str:
    s = f"{kind}: {text}"
    return f"{code}{s}{RESET}" if color else s


def render_warning(text: str, color: bool = False) -> str:
    """``WARNING: text``."""
    return _prefixed("WARNING", text, color, WARNING)


def render_verbose(text: str, color: bool = False) -> str:
    """``VERBOSE: text``."""
    return _prefixed("VERBOSE", text, color, VERBOSE)


def render_debug(text: str, color: bool = False) -> str:
    """``DEBUG: text``."""
    return _prefixed("DEBUG", text, color, DEBUG)

"""Command history for the REPL: PSReadLine's history file and its sensitive-line rule.

* The file is ``platformdirs.user_data_dir("o365shell")/history.txt`` (``$O365SHELL_HISTORY``
  overrides it), in PSReadLine's format: one command per line, a multi-line command with
  a backtick before each inner newline. It is appended after every command
  (``HistorySaveStyle=SaveIncrementally``) and at most the last 4096 distinct commands
  are recalled (``MaximumHistoryCount``, ``HistoryNoDuplicates``).
* A line that looks like it carries a secret is kept in memory (Up, Ctrl+R and the
  inline suggestion still see it during this session) but never written to the file:
  PSReadLine's ``password|asplaintext|token|apikey|secret`` regex, confirmed against the
  syntax tree as PSReadLine's default AddToHistoryHandler does (see :func:`is_sensitive`).
* :func:`record` puts each run line in ``session.history`` for Get-History.
"""
from __future__ import annotations

import os
import re
from typing import Any, Iterable, Iterator

from prompt_toolkit.history import History

__all__ = ["PSReadLineHistory", "history_path", "is_sensitive", "record", "MAXIMUM_HISTORY_COUNT"]

MAXIMUM_HISTORY_COUNT = 4096
SENSITIVE = re.compile("password|asplaintext|token|apikey|secret", re.IGNORECASE)
SECRET_MANAGEMENT = {"get-secret", "get-secretinfo", "get-secretvault", "register-secretvault", "remove-secret",
                     "set-secretinfo", "set-secretvaultdefault", "test-secretvault", "unlock-secretvault",
                     "unregister-secretvault"}


def history_path() -> str:
    """Where the history file lives (``$O365SHELL_HISTORY`` or the user data directory)."""
    override = os.environ.get("O365SHELL_HISTORY")
    if override:
        return override
    import platformdirs
    return os.path.join(platformdirs.user_data_dir("o365shell"), "history.txt")


# ----------------------------------------------------------------------------- sensitive lines

def _children(node: Any) -> Iterator[Any]:
    from o365shell.language.ast import Node
    seen: set[str] = set()
    for klass in type(node).__mro__:
        for slot in getattr(klass, "__slots__", ()):
            if slot in seen or slot in ("start", "end", "compiled"):
                continue
            seen.add(slot)
            yield from _nodes_in(getattr(node, slot, None), Node)


def _nodes_in(value: Any, node_type: type) -> Iterator[Any]:
    if isinstance(value, node_type):
        yield value
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _nodes_in(v, node_type)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _nodes_in(v, node_type)


def _path_to(root: Any, start: int, end: int) -> list[Any]:
    """The chain of nodes from ``root`` down to the innermost one covering ``start..end``."""
    path = [root]
    node = root
    while True:
        inner = None
        for child in _children(node):
            if child.start <= start and child.end >= end:
                inner = child
        if inner is None:
            return path
        path.append(inner)
        node = inner


def _is_command_pipeline(stmt: Any) -> bool:
    """PowerShell's ``rhs is PipelineAst``: the right side invokes a command (or pipes)."""
    from o365shell.language import ast as A
    if isinstance(stmt, A.Pipeline):
        return len(stmt.elements) > 1 or any(isinstance(e, A.Command) for e in stmt.elements)
    return False


def _argument_of(command: Any, param: Any) -> Any:
    from o365shell.language import ast as A
    if param.argument is not None:
        return param.argument
    elems = command.elements
    for i, e in enumerate(elems):
        if e is param:
            if i + 1 < len(elems) and not isinstance(elems[i + 1], A.CommandParameter):
                return elems[i + 1]
            return None
    return None


def is_sensitive(line: str) -> bool:
    """Should ``line`` stay out of the history file? (PSReadLine's default AddToHistoryHandler.)

    A line not matching the sensitive-word regex is saved. For a match the syntax tree
    decides, one match at a time: a variable with such a name is sensitive only when
    assigned something other than a command (``$token = 'abc'``, not ``$token = Get-Secret``);
    a parameter (``-Password``) only with a literal argument (not ``$var`` or ``(Get-X)``),
    ``-AsPlainText`` always; any other word or string always (except SecretManagement
    command names). A line with a parse error that matches is kept out too.
    """
    m = SENSITIVE.search(line)
    if m is None:
        return False
    from o365shell.language import ast as A
    from o365shell.language.parser import parse
    try:
        root = parse(line)
    except Exception:
        return True
    while m is not None:
        start, end = m.span()
        path = _path_to(root, start, end)
        inner = path[-1]
        parent = path[-2] if len(path) > 1 else None
        if isinstance(inner, A.Variable):
            assigned = None
            for i in range(len(path) - 1, 0, -1):
                if isinstance(path[i - 1], A.Assignment):
                    assigned = (path[i - 1], path[i])
                    break
            if assigned is not None and assigned[0].target is assigned[1] and \
                    not _is_command_pipeline(assigned[0].value):
                return True
            m = SENSITIVE.search(line, end)
        elif isinstance(inner, A.StringConstant):
            if isinstance(parent, A.Command) and parent.name is inner and \
                    str(inner.value).lower() in SECRET_MANAGEMENT:
                m = SENSITIVE.search(line, parent.end)
            else:
                return True
        elif isinstance(inner, A.CommandParameter):
            if inner.name.lower() == "asplaintext":
                return True
            arg = _argument_of(parent, inner) if isinstance(parent, A.Command) else inner.argument
            if arg is None:
                m = SENSITIVE.search(line, end)
            elif isinstance(arg, A.Variable):
                m = SENSITIVE.search(line, max(end, arg.end))
            elif isinstance(arg, A.Paren) and isinstance(arg.pipeline, A.Pipeline) and arg.pipeline.elements and \
                    isinstance(arg.pipeline.elements[0], A.Command):
                m = SENSITIVE.search(line, end)
            else:
                return True
        else:
            return True
    return False


# ----------------------------------------------------------------------------- the file

def _decode(lines: Iterable[str]) -> list[str]:
    """PSReadLine file lines -> commands (a trailing backtick continues onto the next line)."""
    out: list[str] = []
    pending: list[str] = []
    for raw in lines:
        line = raw.rstrip("\r\n")
        if line.endswith("`"):
            pending.append(line[:-1])
            continue
        if pending:
            pending.append(line)
            out.append("\n".join(pending))
            pending = []
        elif line.strip():
            out.append(line)
    if pending:
        out.append("\n".join(pending))
    return out


def _encode(command: str) -> str:
    return command.replace("\r\n", "\n").replace("\n", "`\n") + "\n"


class PSReadLineHistory(History):
    """prompt_toolkit history backed by a PSReadLine-format file, with no duplicates recalled
    and sensitive lines kept in memory only."""

    def __init__(self, path: str | None = None, maximum: int = MAXIMUM_HISTORY_COUNT) -> None:
        super().__init__()
        self.path = path or history_path()
        self.maximum = maximum
        self.memory_only: set[str] = set()
        self.write_error: str | None = None

    def load_history_strings(self) -> Iterable[str]:
        try:
            with open(self.path, encoding="utf-8", errors="replace") as f:
                commands = _decode(f)
        except OSError:
            return []
        newest_first: list[str] = []
        seen: set[str] = set()
        for c in reversed(commands):
            if c in seen:
                continue
            seen.add(c)
            newest_first.append(c)
            if len(newest_first) >= self.maximum:
                break
        return newest_first

    def append_string(self, string: str) -> None:
        if not string.strip():
            return
        strings = self._loaded_strings
        if strings and strings[0] == string:
            return
        try:
            strings.remove(string)
        except ValueError:
            pass
        strings.insert(0, string)
        del strings[self.maximum:]
        self.store_string(string)

    def store_string(self, string: str) -> None:
        try:
            sensitive = is_sensitive(string)
        except Exception:
            sensitive = True
        if sensitive:
            self.memory_only.add(string)
            return
        try:
            d = os.path.dirname(self.path)
            if d:
                os.makedirs(d, exist_ok=True)
            with open(self.path, "a", encoding="utf-8") as f:
                f.write(_encode(string))
        except OSError as e:
            self.write_error = f"Error reading or writing history file '{self.path}': {e.strerror or e}"


def record(session: Any, command_line: str, status: str, start: Any, end: Any) -> None:
    """Add one run line to ``session.history`` (what Get-History lists)."""
    try:
        from o365shell.cmdlets.history import add_history
    except Exception:
        add_history = None
    if add_history is not None:
        try:
            add_history(session, command_line, status, start, end)
            return
        except Exception:
            pass
    session.history.append({"Id": len(session.history) + 1, "CommandLine": command_line,
                            "ExecutionStatus": status, "StartExecutionTime": start, "EndExecutionTime": end})

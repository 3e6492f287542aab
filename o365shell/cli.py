"""The command line (SPEC §1): parse argv as pwsh does, pick a host, run, set the exit code."""
from __future__ import annotations

import os
import sys
from typing import Any

USAGE = """Usage: o365shell [-File] <script.ps1> [args...]
       o365shell -Command <text> | -Command -
       o365shell [-Lab <file>] [-Tenant <snapshot.json>] [-TenantSize <n>]
       o365shell --version | --help

Options (case-insensitive, any unique prefix, as pwsh):
  -File <path> [args]   run a script; args bind to its param() block
  -Command <text>, -c   run the text; '-' reads it from standard input
  -NoProfile            accepted (o365shell has no profile)
  -NonInteractive       prompts (Read-Host, Get-Credential, missing mandatory
                        parameters) become errors instead of waiting
  -NoLogo               start the interactive shell without the banner
  -Tenant <file>        load the tenant from a snapshot (Save-LabTenant)
  -TenantSize <n>       add n synthetic users to the built-in Contoso tenant
  -Lab <file>           run a training lab (with -NonInteractive: as a test)
  --version             print the version
Without -File or -Command the interactive shell starts on the built-in tenant."""

_SWITCHES = ("noprofile", "noninteractive", "nologo", "noexit", "help", "version")
_VALUED = ("file", "command", "tenant", "tenantsize", "lab", "executionpolicy", "outputformat", "inputformat",
           "workingdirectory", "encodedcommand", "windowstyle", "configurationname")
_ALIASES = {"c": "command", "f": "file", "v": "version", "h": "help", "?": "help", "ec": "encodedcommand",
            "ex": "executionpolicy", "wd": "workingdirectory", "nop": "noprofile", "noni": "noninteractive",
            "nol": "nologo"}


class CliError(Exception):
    """A bad command line."""


def parse_args(argv: list[str]) -> dict[str, Any]:
    opts: dict[str, Any] = {"args": []}
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("--version",):
            opts["version"] = True
            i += 1
            continue
        if a in ("--help", "-?", "/?"):
            opts["help"] = True
            i += 1
            continue
        if a.startswith("-") and len(a) > 1 and not a.startswith("--"):
            key = a[1:].lower()
            name = _ALIASES.get(key)
            if name is None and key in _SWITCHES + _VALUED:
                name = key  # an exact name wins over longer ones it prefixes (-Tenant / -TenantSize)
            if name is None:
                cands = [n for n in _SWITCHES + _VALUED if n.startswith(key)]
                if len(cands) == 1:
                    name = cands[0]
                elif not cands:
                    raise CliError(f"The argument '{a}' is not recognized as the name of a script file. Check the "
                                   "spelling of the name, or if a path was included, verify that the path is "
                                   "correct and try again.")
                else:
                    raise CliError(f"Parameter '{a}' is ambiguous. Possible matches: " +
                                   ", ".join("-" + c for c in cands))
            if name in _SWITCHES:
                opts[name] = True
                i += 1
                continue
            if i + 1 >= len(argv):
                raise CliError(f"Missing an argument for parameter '-{name.capitalize()}'.")
            if name == "file":
                opts["file"] = argv[i + 1]
                opts["args"] = argv[i + 2:]
                return opts
            if name == "command":
                rest = argv[i + 1:]
                opts["command"] = rest[0] if len(rest) == 1 else " ".join(rest)
                return opts
            opts[name] = argv[i + 1]
            i += 2
            continue
        if "file" not in opts and "command" not in opts:
            opts["file"] = a
            opts["args"] = argv[i + 1:]
            return opts
        i += 1
    return opts


def make_session(opts: dict[str, Any], host: Any) -> Any:
    """A session with every cmdlet loaded and the tenant options recorded (the tenant is built lazily)."""
    from o365shell.engine.session import Session
    from o365shell import cmdlets
    session = Session(host, interactive=not opts.get("noninteractive") and getattr(host, "interactive", False))
    session.services["tenant_options"] = {"path": opts.get("tenant"), "size": int(opts.get("tenantsize") or 0)}
    session.formatter = _redirect_text
    cmdlets.load(session)
    return session


def _redirect_text(objs: list) -> str:
    """What '>' writes to a file: the objects laid out as Out-File does (120 columns)."""
    from o365shell.format.outdefault import format_objects
    return format_objects(objs, 120)


def _render_error(record: Any) -> str:
    try:
        from o365shell.format.concise import render_error
    except ImportError:
        return f"{record.command_name or 'Error'}: {record.message}"
    return render_error(record)


class LazyOutDefault:
    """Out-Default for a host, importing the formatter only when something is actually written."""

    __slots__ = ("host", "_od")

    def __init__(self, host: Any) -> None:
        self.host = host
        self._od: Any = None

    def write(self, obj: Any) -> None:
        od = self._od
        if od is None:
            if obj is None or type(obj).__name__ == "AutomationNullType":
                return
            from o365shell.format.outdefault import OutDefault
            host = self.host
            od = self._od = OutDefault(lambda line: host.write_line(line), width=host.width)
        od.write(obj)

    def close(self) -> None:
        if self._od is not None:
            self._od.close()


def _out_default(host: Any) -> Any:
    return LazyOutDefault(host)


def run_noninteractive(opts: dict[str, Any]) -> int:
    from o365shell.engine.host import StdioHost
    from o365shell.engine.runtime import run_file, run_text
    host = StdioHost(_render_error, can_prompt=not opts.get("noninteractive"))
    session = make_session(opts, host)
    out = _out_default(host)
    try:
        if opts.get("file"):
            res = run_file(session, opts["file"], out.write, _script_args(opts["args"]))
        else:
            text = opts.get("command")
            if text == "-" or text is None:
                text = sys.stdin.read()
            res = run_text(session, text, out.write)
            if not res.exited and not res.failed and not session.last_status:
                res.exit_code = 1
    finally:
        out.close()
        sys.stdout.flush()
    return res.exit_code


def _script_args(args: list[str]) -> list:
    """Script arguments from the command line: ``-Name value`` pairs, switches, positionals."""
    from o365shell.engine.binding import Arg
    from o365shell.language.lexical import bare_number
    out: list = []
    for a in args:
        if len(a) > 1 and a[0] == "-" and (a[1].isalpha() or a[1] == "_"):
            if ":" in a:
                name, _, val = a[1:].partition(":")
                out.append(Arg(name, _cli_value(val), True, a))
            else:
                out.append(Arg(a[1:], None, False, a))
        else:
            out.append(Arg(None, _cli_value(a)))
    _ = bare_number
    return out


def _cli_value(text: str) -> Any:
    from o365shell.language.lexical import bare_number
    low = text.lower()
    if low == "$true":
        return True
    if low == "$false":
        return False
    if low == "$null":
        return None
    n = bare_number(text)
    if n is not None:
        from o365shell.engine.compile_expr import constant_value
        from o365shell.language.ast import Constant
        return constant_value(Constant(0, 0, n[0], text, n[1]))
    return text


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        opts = parse_args(argv)
    except CliError as e:
        sys.stderr.write(str(e) + "\n")
        return 64
    if opts.get("help"):
        print(USAGE)
        return 0
    if opts.get("version"):
        from o365shell import __version__
        print(f"o365shell {__version__} (PowerShell 7.4 language, simulated Microsoft 365 tenant)")
        return 0
    if opts.get("workingdirectory"):
        os.chdir(opts["workingdirectory"])
    try:
        if opts.get("lab"):
            from o365shell.lab.runner import run_lab
            return run_lab(opts)
        if opts.get("file") or opts.get("command") is not None:
            return run_noninteractive(opts)
        if sys.stdin.isatty() and not opts.get("noninteractive"):
            from o365shell.repl.app import run_repl
            return run_repl(opts)
        opts["command"] = "-"
        return run_noninteractive(opts)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # stdout's reader is gone; point stdout at nothing so the final flush cannot fail again
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 0


if __name__ == "__main__":
    sys.exit(main())

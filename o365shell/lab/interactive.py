"""The learner's side of ``o365shell -Lab FILE``: each step is shown, the learner types any
PowerShell at a real prompt (run in the lab's session, printed as the shell prints it), the
step's check runs after every command, a hint follows a try that did not complete the step,
and the lab moves on when the check passes. A summary table ends the lab.

Lab commands at the prompt: ``:hint`` (next hint), ``:solution`` (the documented commands),
``:step`` (show the step again), ``:skip`` (go on without passing), ``:quit`` (or ``exit`` /
Ctrl+D: stop, with the summary), ``:help``.

Input is read with prompt_toolkit (PowerShell highlighting, history) on a terminal and with
plain ``input()`` otherwise (piped input). An unfinished line (open brace, string, trailing
pipe or backtick) continues on a ``>> `` line, as in pwsh.
"""
from __future__ import annotations

import os
import sys
import textwrap
from typing import Any, Callable

from .labhost import LabHost
from .labsession import LabSession
from .model import Lab, Step
from .report import BOLD, CYAN, GREEN, RED, YELLOW, StepOutcome, paint, result_table, use_color

LAB_COMMANDS = {
    ":hint": "show the next hint for this step",
    ":solution": "show the documented command(s) for this step",
    ":step": "show this step's instructions again",
    ":skip": "go on to the next step without passing this one",
    ":quit": "leave the lab (exit and Ctrl+D do too)",
    ":help": "list these lab commands",
}


def _repl_features(get_session: Callable[[], Any] | None) -> dict[str, Any]:
    """Lexer, style and completer for the prompt: the REPL's when available, else a plain lexer."""
    try:
        from ..repl.completer import ShellCompleter
        from ..repl.lexer import make_lexer, make_style
        feats: dict[str, Any] = {"lexer": make_lexer(), "style": make_style(), "include_default_pygments_style": False}
        if get_session is not None:
            feats["completer"] = ShellCompleter(get_session)
            feats["complete_while_typing"] = False
        return feats
    except Exception:  # the REPL is optional here
        from prompt_toolkit.lexers import PygmentsLexer
        from pygments.lexers.shell import PowerShellLexer
        return {"lexer": PygmentsLexer(PowerShellLexer)}


def needs_more(text: str) -> bool:
    """Would pwsh show a '>>' line: an open block or string, a trailing pipe, backtick or operator?"""
    from ..language.diagnose import is_incomplete
    from ..language.errors import PSParseError
    from ..language.parser import parse
    if is_incomplete(text):
        return True
    try:
        parse(text)
    except PSParseError as e:
        return bool(e.incomplete)
    except RecursionError:
        return False
    return False


class LineReader:
    """Reads one (possibly multi-line) command: prompt_toolkit on a terminal, input() otherwise.

    On a terminal it borrows the REPL's lexer, colours and Tab completion (cmdlets, parameters,
    UPNs of the tenant...) when ``o365shell.repl`` provides them, and plain PowerShell highlighting
    otherwise."""

    def __init__(self, get_session: Callable[[], Any] | None = None) -> None:
        self._session: Any = None
        if sys.stdin.isatty() and sys.stdout.isatty():
            try:
                from prompt_toolkit import PromptSession
                from prompt_toolkit.history import InMemoryHistory
                self._session = PromptSession(history=InMemoryHistory(), enable_history_search=True,
                                              **_repl_features(get_session))
            except Exception:  # no usable terminal for prompt_toolkit: fall back to input()
                self._session = None

    def _line(self, prompt: str) -> str:
        if self._session is not None:
            return self._session.prompt(prompt)
        sys.stdout.write(prompt)
        sys.stdout.flush()
        line = sys.stdin.readline()
        if not line:
            raise EOFError
        if not sys.stdin.isatty():
            sys.stdout.write(line if line.endswith("\n") else line + "\n")  # echo piped input like a terminal
        return line.rstrip("\r\n")

    def read(self, prompt: str) -> str:
        """A complete command; EOFError at end of input, KeyboardInterrupt for Ctrl+C."""
        text = self._line(prompt)
        while text.strip() and needs_more(text):
            more = self._line(">> ")
            if not more.strip():
                break
            text += "\n" + more
        return text


class InteractiveLab:
    """One learner walking through one lab."""

    def __init__(self, lab: Lab, ls: LabSession, reader: LineReader, color: bool) -> None:
        self.lab = lab
        self.ls = ls
        self.reader = reader
        self.color = color
        self.outcomes = [StepOutcome(s) for s in lab.steps]
        self.quit = False

    # ------------------------------------------------------------------ output
    def say(self, text: str = "", code: str = "") -> None:
        sys.stdout.write((paint(text, code, self.color) if code else text) + "\n")
        sys.stdout.flush()

    def _wrap(self, text: str, indent: str = "") -> str:
        width = min(100, (self.ls.host.width or 100) - 2)
        paras = text.strip().split("\n\n")
        out = []
        for p in paras:
            lines = p.splitlines()
            if any(ln.startswith((" ", "-", "*", "|")) or ln.lstrip().startswith(("- ", "* ")) for ln in lines):
                out.append("\n".join(indent + ln for ln in lines))   # lists and code keep their layout
            else:
                out.append(textwrap.fill(" ".join(lines), width, initial_indent=indent, subsequent_indent=indent))
        return "\n\n".join(out)

    def intro(self) -> None:
        self.say("=" * 72, CYAN)
        self.say(f"Lab: {self.lab.title}", BOLD)
        self.say("=" * 72, CYAN)
        if self.lab.description:
            self.say(self._wrap(self.lab.description))
            self.say()
        self.say(f"{len(self.lab.steps)} steps. Type PowerShell at the prompt; the lab checks the tenant after "
                 "each command.")
        self.say("Lab commands: " + "  ".join(LAB_COMMANDS) + f"   (working folder: {self.ls.workdir})")

    def show_step(self, step: Step) -> None:
        self.say()
        self.say(f"--- Step {step.number} of {len(self.lab.steps)}: {step.title} ---", CYAN)
        self.say(self._wrap(step.do))

    def prompt(self, step: Step) -> str:
        return f"[{step.number}/{len(self.lab.steps)}] PS {self.ls.session.location}> "

    # ------------------------------------------------------------------ one step
    def next_hint(self, o: StepOutcome) -> str | None:
        hints = o.step.hints
        if not hints:
            return None
        hint = hints[min(o.hints, len(hints) - 1)]
        o.hints = min(o.hints + 1, len(hints))
        return hint

    def give_hint(self, o: StepOutcome, lead: str = "Hint") -> None:
        hint = self.next_hint(o)
        if hint is None:
            self.say(f"{lead}: type :solution to see the documented command.", YELLOW)
            return
        self.say(self._wrap(f"{lead}: {hint}"), YELLOW)
        if o.hints >= len(o.step.hints):
            self.say("(:solution shows the documented command.)", YELLOW)

    def lab_command(self, o: StepOutcome, cmd: str) -> bool:
        """Handle a ':' command; True when the step is over (skipped)."""
        if cmd == ":hint":
            self.give_hint(o)
        elif cmd == ":solution":
            o.hints = max(o.hints, len(o.step.hints))
            self.say("The documented command(s):", YELLOW)
            self.say("\n".join("    " + ln for ln in o.step.commands.text.rstrip().splitlines()))
        elif cmd == ":step":
            self.show_step(o.step)
        elif cmd == ":skip":
            o.status = "skipped"
            self.say(f"Step {o.step.number} skipped.", YELLOW)
            return True
        elif cmd in (":quit", ":exit", ":q"):
            self.quit = True
            return True
        else:
            self.say("Lab commands:")
            for name, what in LAB_COMMANDS.items():
                self.say(f"  {name:<10} {what}")
        return False

    def passed(self, o: StepOutcome, already: bool = False) -> None:
        o.status = "passed"
        msg = f"Step {o.step.number} is already done." if already else f"Correct: step {o.step.number} passed."
        self.say(msg, GREEN)
        if o.step.explain:
            self.say(self._wrap(o.step.explain))

    def run_step(self, o: StepOutcome) -> None:
        step = o.step
        if step.setup:
            run = self.ls.run_silent(step.setup)
            if run.errors:
                self.say(f"(This step's preparation reported: {run.errors[0].splitlines()[-1]})", RED)
        self.show_step(step)
        if step.check is not None and not step.expect_output and self.ls.run_check(step.check, step.check_as).passed:
            self.passed(o, already=True)
            return
        while True:
            try:
                text = self.reader.read(self.prompt(step))
            except KeyboardInterrupt:
                self.say("^C")
                continue
            except EOFError:
                self.say()
                self.quit = True
                return
            cmd = text.strip()
            if not cmd:
                continue
            if cmd.lower() in LAB_COMMANDS or cmd.lower() in (":exit", ":q"):
                if self.lab_command(o, cmd.lower()):
                    return
                continue
            if cmd.lower() == "exit":
                self.quit = True
                return
            self._add_history(text)
            run = self.ls.run(text)
            if run.interrupted:
                self.say("^C")
            if run.exited:
                self.quit = True
                return
            o.tries += 1
            verdict = self.ls.check(step, run.text, text)
            if verdict.passed:
                self.passed(o)
                return
            self.say("Not done yet" + (f" ({verdict.reason})." if step.expect_output and
                                       verdict.reason.startswith("the output") else "."), RED)
            self.give_hint(o)

    def _add_history(self, text: str) -> None:
        try:
            from ..cmdlets.history import add_history
            add_history(self.ls.session, text)
        except Exception:  # history is a convenience: never stop the lab for it
            pass

    # ------------------------------------------------------------------ the whole lab
    def run(self) -> int:
        self.intro()
        for o in self.outcomes:
            if self.quit:
                break
            self.run_step(o)
        self.summary()
        return 0 if all(o.passed for o in self.outcomes) else 1

    def summary(self) -> None:
        self.say()
        self.say(f"Lab summary: {self.lab.title}", BOLD)
        self.say(result_table(self.lab, self.outcomes, color=self.color, learner=True))
        if all(o.passed for o in self.outcomes):
            self.say("Lab complete.", GREEN)
        if any(os.scandir(self.ls.workdir)):
            self.say(f"Files you created are in {self.ls.workdir}")


def run_interactive(lab: Lab, opts: dict[str, Any]) -> int:
    """Walk a learner through ``lab`` on this terminal; 0 when every step was passed."""
    from .runner import start_session
    host = LabHost(terminal=True, color=use_color(sys.stderr), interactive=True)
    ls = start_session(lab, opts, host, sys.stderr)
    if ls is None:
        return 1
    keep = True
    try:
        il = InteractiveLab(lab, ls, LineReader(lambda: ls.session), use_color())
        code = il.run()
        keep = any(os.scandir(ls.workdir))
        return code
    finally:
        ls.close(keep_workdir=keep)

"""The line editor's keys, fed through prompt_toolkit's pipe input (what the user types ->
what the shell reads), with the real session behind it."""
from __future__ import annotations

import io
import threading

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from o365shell.repl.app import Repl
from o365shell.repl.host import TerminalHost
from o365shell.repl.prompt import render_prompt

UP = "\x1b[A"


@pytest.fixture
def editor(tmp_path, monkeypatch):
    """(repl, send): ``send(keys)`` types ``keys`` and returns what ``read()`` got."""
    monkeypatch.setenv("O365SHELL_HISTORY", str(tmp_path / "history.txt"))
    with create_pipe_input() as inp:
        with create_app_session(input=inp, output=DummyOutput()):
            host = TerminalHost(out=io.StringIO(), err=io.StringIO(), color=False)
            repl = Repl({"nologo": True}, host)
            repl.loader.wait()

            def send(keys: str, then: tuple | None = None) -> str:
                """Type ``keys``; ``then=(predicate, more)`` types ``more`` once ``predicate()`` holds
                after a redraw (for what prompt_toolkit computes in the background)."""
                if then is not None:
                    predicate, more = then
                    pending = [more]

                    def on_render(app) -> None:
                        if pending and predicate():
                            inp.send_text(pending.pop())
                    repl.ps.app.after_render += on_render
                inp.send_text(keys)
                app = repl.ps.app

                def give_up() -> None:
                    if app.is_running and app.loop is not None:
                        app.loop.call_soon_threadsafe(
                            lambda: app.exit(exception=TimeoutError(f"no input accepted after {keys!r}")))
                watchdog = threading.Timer(30, give_up)
                watchdog.start()
                try:
                    return repl.read()
                finally:
                    watchdog.cancel()
                    if then is not None:
                        repl.ps.app.after_render -= on_render
            yield repl, send


def test_enter_runs_a_complete_line(editor):
    _, send = editor
    assert send("Get-Date\r") == "Get-Date"


@pytest.mark.parametrize("first", ["foreach ($i in 1..2) {", "Get-MsolUser |", "'open string", "@'", "(1 +",
                                   "Get-MsolUser `", "$x ="])
def test_enter_continues_unfinished_input(editor, first):
    _, send = editor
    closing = {"{": "}", "|": "Measure-Object", "'open string": "end'", "@'": "'@", "(1 +": "2)", "`": "-All",
               "=": "3"}
    end = next(v for k, v in closing.items() if first.endswith(k))
    assert send(first + "\r" + end + "\r") == first + "\n" + end


def test_alt_enter_adds_a_line(editor):
    _, send = editor
    assert send("1\x1b\r2\r") == "1\n2"


def test_tab_inserts_a_single_candidate(editor):
    _, send = editor
    assert send("Set-MsolUser -StrongAuthenticationR\t\r") == "Set-MsolUser -StrongAuthenticationRequirements"
    assert send("Get-MsolUser -UserPrincipalName Meg\t\r") == "Get-MsolUser -UserPrincipalName MeganB@contoso.com"


def test_tab_fixes_the_case(editor):
    _, send = editor
    assert send("get-msoluserro\t\r") == "Get-MsolUserRole"


def test_tab_opens_the_menu_and_tab_again_walks_it(editor):
    repl, send = editor
    # first Tab: the common prefix and the menu; second Tab: the first item; Enter takes it, Enter runs
    assert send("Get-MsolRo\t\t\r\r") == "Get-MsolRole"
    assert send("Get-MsolRo\t\t\t\r\r") == "Get-MsolRoleMember"


def test_ctrl_space_menu_complete(editor):
    _, send = editor
    assert send("Get-MsolRo\x00\r\r") == "Get-MsolRole"


def test_ctrl_c_abandons_the_line(editor):
    _, send = editor
    with pytest.raises(KeyboardInterrupt):
        send("Get-MsolUser -All\x03")


def test_ctrl_d_on_an_empty_line_leaves(editor):
    _, send = editor
    with pytest.raises(EOFError):
        send("\x04")
    assert send("ab\x01\x04\r") == "b"   # not empty: deletes the character under the cursor


def test_up_arrow_searches_history_by_prefix(editor):
    _, send = editor
    send("Get-MsolUser -All\r")
    send("Get-Date\r")
    send("Set-MsolUser -UserPrincipalName a\r")
    assert send(UP + "\r") == "Set-MsolUser -UserPrincipalName a"
    assert send("Get-M" + UP + "\r") == "Get-MsolUser -All"


def test_ctrl_r_searches_history_and_enter_runs(editor):
    _, send = editor
    send("Get-MsolUser -All\r")
    send("Get-Date\r")
    assert send("\x12Msol\r") == "Get-MsolUser -All"


def test_history_file_keeps_secrets_out(editor, tmp_path):
    repl, send = editor
    send("Get-MsolRole\r")
    send("ConvertTo-SecureString 'Pass@word1' -AsPlainText -Force\r")
    assert send(UP + "\r") == "ConvertTo-SecureString 'Pass@word1' -AsPlainText -Force"   # in memory
    assert (tmp_path / "history.txt").read_text() == "Get-MsolRole\n"


def test_inline_suggestion_is_accepted_with_right_arrow(editor):
    repl, send = editor
    send("Get-MsolAccountSku | Format-List\r")
    suggested = (lambda: repl.ps.default_buffer.suggestion is not None, "\x1b[C\r")
    assert send("Get-MsolA", then=suggested) == "Get-MsolAccountSku | Format-List"


def test_f2_turns_the_suggestion_off(editor):
    repl, send = editor
    send("Get-MsolAccountSku | Format-List\r")
    typed = (lambda: repl.ps.default_buffer.text == "Get-MsolA", "\x1b[C\r")
    assert send("\x1bOQGet-MsolA", then=typed) == "Get-MsolA"
    assert repl.state.suggestions is False


def test_alt_h_shows_parameter_help(editor):
    repl, send = editor
    seen = []
    repl.ps.app.after_render += lambda app: seen.append(repl.ps.bottom_toolbar and repl.ps.bottom_toolbar())
    send("Get-MfaUser -State\x1bh\r")
    texts = [t[0][1] for t in seen if t]
    assert any(t.startswith("-State <String>") and "Enforced" in t for t in texts)


def test_parse_error_turns_the_prompt_red(editor):
    repl, _ = editor
    assert repl.input_has_error("Get-X )")
    assert repl.input_has_error("foreach ($x in 1..2) {")     # unfinished input is a parse error too (PSReadLine)
    assert not repl.input_has_error("Get-X")
    assert render_prompt("PS /home/admin> ", "", lambda: True) == [("class:prompt", "PS /home/admin"),
                                                                  ("class:prompt.error", "> ")]
    assert render_prompt("PS /> ", "[a: MSOnline] ", lambda: False) == [
        ("class:prompt.connections", "[a: MSOnline] "), ("class:prompt", "PS /"), ("class:prompt", "> ")]


def test_prompt_shows_location_and_connections(editor):
    repl, send = editor
    session = repl.loader.wait()
    repl.execute("Connect-MsolService -Credential (Get-LabCredential -UserPrincipalName "
                 "admin@contoso.onmicrosoft.com)")
    send("1\r")
    assert repl.prompt_str == f"PS {session.location}> "
    assert repl.label == "[admin@contoso.onmicrosoft.com: MSOnline] "


def test_user_prompt_function(editor):
    repl, send = editor
    repl.execute("function prompt { 'LAB> ' }")
    send("1\r")
    assert repl.prompt_str == "LAB> "


def test_execute_records_history_and_exit(editor):
    repl, _ = editor
    session = repl.loader.wait()
    assert repl.execute("$a = 1") is None
    assert repl.execute("Get-Foo") is None
    assert [(h.CommandLine, h.ExecutionStatus) for h in session.history][-2:] == [("$a = 1", "Completed"),
                                                                                  ("Get-Foo", "Completed")]
    assert repl.execute("throw 'x'") is None
    assert session.history[-1].ExecutionStatus == "Failed"
    assert repl.execute("exit 7") == 7


def test_output_goes_through_out_default_at_the_terminal_width(editor):
    repl, _ = editor
    repl.execute("[pscustomobject]@{ Name = 'a'; Value = 1 }")
    out = repl.host.stdout.getvalue()
    assert "Name Value" in out and "---- -----" in out


def test_a_formatting_bug_is_reported_and_the_shell_stays(editor, monkeypatch):
    repl, _ = editor
    from o365shell.format import outdefault

    def broken(self):
        raise ValueError("boom")
    monkeypatch.setattr(outdefault.OutDefault, "close", broken)
    assert repl.execute("'x'") is None
    assert "o365shell internal error (ValueError: boom)" in repl.host.stderr.getvalue()
    monkeypatch.undo()
    repl.execute("'still here'")
    assert "still here" in repl.host.stdout.getvalue()


def test_a_session_that_cannot_start_ends_the_shell_with_a_message(tmp_path, monkeypatch):
    monkeypatch.setenv("O365SHELL_HISTORY", str(tmp_path / "history.txt"))
    import o365shell.cli as cli

    def broken(opts, host):
        raise OSError("tenant file unreadable")
    monkeypatch.setattr(cli, "make_session", broken)
    with create_pipe_input() as inp:
        with create_app_session(input=inp, output=DummyOutput()):
            err = io.StringIO()
            repl = Repl({"nologo": True}, TerminalHost(out=io.StringIO(), err=err, color=False))
            inp.send_text("Get-Date\r")
            assert repl.run() == 1
    assert "could not start its session" in err.getvalue() and "tenant file unreadable" in err.getvalue()

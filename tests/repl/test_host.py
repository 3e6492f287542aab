"""The terminal host: colours, the progress bar, prompts, and Out-GridView without a terminal."""
from __future__ import annotations

import io

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from o365shell.embed import Shell
from o365shell.engine.valuetypes import PSCredential, SecureString
from o365shell.repl.host import ProgressBar, TerminalHost


class Record:
    def __init__(self, activity="Updating users", status="User 3", pct=50, rid=0, kind="Processing", secs=-1):
        self.ActivityId = rid
        self.Activity = activity
        self.StatusDescription = status
        self.PercentComplete = pct
        self.SecondsRemaining = secs
        self.RecordType = kind


def host(color=True) -> TerminalHost:
    return TerminalHost(out=io.StringIO(), err=io.StringIO(), color=color)


def error_record():
    sh = Shell()
    sh.run("Get-Foo")
    return sh.session.error_list[0]


def test_errors_in_concise_view_red_or_plain():
    rec = error_record()
    h = host()
    h.write_error(rec)
    assert h.stderr.getvalue().startswith("\x1b[31;1mGet-Foo: The term 'Get-Foo' is not recognized")
    plain = host(color=False)
    plain.write_error(rec)
    assert plain.stderr.getvalue().startswith("Get-Foo: The term")


def test_warning_verbose_debug_prefixes():
    h = host(color=False)
    h.write_warning("w")
    h.write_verbose("v")
    h.write_debug("d")
    assert h.stderr.getvalue() == "WARNING: w\nVERBOSE: v\nDEBUG: d\n"
    c = host()
    c.write_warning("w")
    assert c.stderr.getvalue() == "\x1b[33;1mWARNING: w\x1b[0m\n"


def test_write_host_colours():
    h = host()
    h.write_host("ok", fg="Green")
    h.write_host("bad", fg="White", bg="DarkRed", newline=False)
    h.flush()
    assert h.stdout.getvalue() == "\x1b[92mok\x1b[0m\n\x1b[97m\x1b[41mbad\x1b[0m"
    p = host(color=False)
    p.write_host("ok", fg="Green")
    p.flush()
    assert p.stdout.getvalue() == "ok\n"


def test_no_color_environment(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert TerminalHost(out=io.StringIO(), err=io.StringIO()).color is False


def test_progress_bar_line():
    bar = ProgressBar(io.StringIO(), lambda: 60, color=False)
    line = bar.line(Record(pct=50))
    assert line.startswith("Updating users [User 3 50%") and line.endswith("]") and len(line) == 59
    colored = ProgressBar(io.StringIO(), lambda: 60, color=True).line(Record(pct=50))
    assert colored.startswith("\x1b[33;1mUpdating users [\x1b[7mUser 3 50%")
    assert bar.line(Record(pct=-1, secs=65)).endswith("] 00:01:05")


def test_progress_bar_is_removed_before_output_and_on_completion():
    h = host(color=False)
    h.write_progress(Record())
    assert h.progress.visible
    h.write_line("row")
    assert not h.progress.visible
    h.write_progress(Record())
    h.write_progress(Record(kind="Completed"))
    assert not h.progress.visible and h.progress.records == {}
    h.flush()
    out = h.stdout.getvalue()
    assert "\rUpdating users [User 3 50%" in out and "\r\x1b[K" in out and "row\n" in out


def test_out_gridview_needs_a_terminal():
    with pytest.raises(EOFError):
        host().out_grid_view([1, 2], "t", "Multiple")


@pytest.fixture
def typed():
    with create_pipe_input() as inp:
        with create_app_session(input=inp, output=DummyOutput()):
            yield inp


def test_read_line_plain_and_secure(typed):
    h = host()
    typed.send_text("Adele\r")
    assert h.read_line("Name: ") == "Adele"
    typed.send_text("hunter2\r")
    secret = h.read_line("Password: ", secure=True)
    assert isinstance(secret, SecureString) and secret.reveal() == "hunter2"


def test_prompt_credential(typed):
    h = host(color=False)
    typed.send_text("admin@contoso.onmicrosoft.com\rPass@word1\r")
    cred = h.prompt_credential("PowerShell credential request", "Enter your credentials.", None)
    assert isinstance(cred, PSCredential) and cred.UserName == "admin@contoso.onmicrosoft.com"
    assert cred.Password.reveal() == "Pass@word1"
    h.flush()
    assert h.stdout.getvalue() == "PowerShell credential request\nEnter your credentials.\n"


@pytest.mark.parametrize("answer,expected", [("\r", True), ("y\r", True), ("A\r", True), ("n\r", False),
                                             ("L\r", False), ("?\rN\r", False), ("maybe\ry\r", True)])
def test_confirm(typed, answer, expected):
    h = host(color=False)
    typed.send_text(answer)
    assert h.confirm("Confirm", "Are you sure you want to perform this action?\nPerforming the operation "
                                "\"Remove-MsolUser\" on target \"x\".") is expected
    h.flush()
    out = h.stdout.getvalue()
    assert out.startswith("\nConfirm\nAre you sure you want to perform this action?\n")
    if answer.startswith("?"):
        assert "Y - Continue with only the next step of the operation." in out

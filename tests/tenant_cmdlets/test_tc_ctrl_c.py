"""Ctrl+C at a Connect-* sign-in prompt stops the pipeline as in pwsh: no error record is printed,
catch blocks do not see it, finally blocks run, and the REPL records the command as Stopped."""
from __future__ import annotations

import io

import pytest
from tc_support import PromptHost, T


class CtrlCHost(PromptHost):
    """A host where the user presses Ctrl+C at the credential prompt."""

    def prompt_credential(self, caption: str, message: str, user: str | None) -> object:
        self.prompts.append((caption, message, user))
        raise KeyboardInterrupt


def _interrupt() -> str:
    raise KeyboardInterrupt


@pytest.mark.parametrize("connect", ["Connect-MsolService", "Connect-ExchangeOnline -ShowBanner:$false",
                                     "Connect-MgGraph -Scopes User.Read.All"])
def test_ctrl_c_at_the_credential_prompt_stops_the_pipeline(connect):
    host = CtrlCHost()
    t = T(host=host)
    with pytest.raises(KeyboardInterrupt):
        t.run(f"try {{ {connect}; 'after' }} catch {{ 'caught' }} finally {{ 'finally ran' }}")
    assert host.prompts, "the sign-in prompt was shown"
    assert host.stdout.getvalue() == "finally ran\n"
    assert host.stderr.getvalue() == ""
    assert t.ok("$Error.Count") == "0\n"
    assert t.ok("Get-MgContext") == ""


def test_ctrl_c_at_the_verification_code_prompt():
    # Alex is MFA-enforced: after the password the module asks for the code; Ctrl+C there
    host = PromptHost(credentials=[("AlexW@contoso.com", "Pass@word1")], lines=[_interrupt])
    t = T(host=host)
    with pytest.raises(KeyboardInterrupt):
        t.run("Connect-MsolService")
    assert host.stderr.getvalue() == ""
    assert "You must call the Connect-MsolService cmdlet" in t.err("Get-MsolDomain")


def test_the_repl_shows_no_error_and_records_the_command_as_stopped(tmp_path, monkeypatch):
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from o365shell.repl.app import Repl
    from o365shell.repl.host import TerminalHost
    monkeypatch.setenv("O365SHELL_HISTORY", str(tmp_path / "history.txt"))
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        host = TerminalHost(out=io.StringIO(), err=io.StringIO(), color=False)
        repl = Repl({"nologo": True}, host)
        session = repl.loader.wait()

        def ctrl_c(*_a: object, **_k: object) -> object:
            raise KeyboardInterrupt
        monkeypatch.setattr(host, "prompt_credential", ctrl_c)
        assert repl.execute("Connect-MsolService") is None
        assert host.stderr.getvalue() == ""
        assert session.history[-1].ExecutionStatus == "Stopped"
        repl.execute("'still here'")
        assert "still here" in host.stdout.getvalue()

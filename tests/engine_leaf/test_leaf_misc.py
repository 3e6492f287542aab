"""dotnetstatics / dotnet_misc: Environment, Console, Thread, Stopwatch, Random, ServicePointManager."""
from __future__ import annotations

import os

import pytest

from o365shell.engine import dotnetstatics as DS
from o365shell.engine.dotnet_misc import Console, Random
from o365shell.engine.dotnetstatics import Environment, ServicePointManager, Stopwatch, Thread
from o365shell.engine.enums import ConsoleColor, SecurityProtocolType
from o365shell.engine.netlib.exceptions import ArgumentOutOfRangeException, NotSupportedException
from o365shell.engine.pscollections import Hashtable


def test_random_matches_dotnet_seeded_sequence() -> None:
    assert Random(0).Next() == 1559595546      # .NET: new Random(0).Next()
    a, b = Random(42), Random(42)
    seq_a = [a.Next(100) for _ in range(20)]
    assert seq_a == [b.Next(100) for _ in range(20)]
    assert all(0 <= x < 100 for x in seq_a)
    r = Random(7)
    for _ in range(200):
        assert 5 <= r.Next(5, 10) < 10
        assert 0.0 <= r.NextDouble() < 1.0
    assert Random(1).NextDouble() == Random(1).NextDouble()
    assert Random(-5).Next() == Random(5).Next()
    with pytest.raises(ArgumentOutOfRangeException):
        Random(1).Next(5, 1)
    buf = [0] * 8
    Random(3).NextBytes(buf)
    assert all(0 <= x < 256 for x in buf)


def test_stopwatch_with_fake_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [1_000_000_000]
    monkeypatch.setattr(DS, "TIMESTAMP_HOOK", lambda: now[0])
    sw = Stopwatch.StartNew()
    assert sw.IsRunning
    now[0] += 1_500_000_000
    assert sw.ElapsedMilliseconds == 1500
    assert sw.Elapsed.TotalSeconds == 1.5
    assert sw.ElapsedTicks == 1_500_000_000
    sw.Stop()
    now[0] += 10_000_000_000
    assert not sw.IsRunning and sw.ElapsedMilliseconds == 1500
    sw.Start()
    now[0] += 500_000_000
    assert sw.ElapsedMilliseconds == 2000
    sw.Restart()
    assert sw.ElapsedMilliseconds == 0 and sw.IsRunning
    sw.Reset()
    assert not sw.IsRunning and sw.ElapsedMilliseconds == 0
    assert Stopwatch.Frequency == 1_000_000_000


def test_stopwatch_real_clock() -> None:
    sw = Stopwatch()
    assert not sw.IsRunning and sw.ElapsedMilliseconds == 0
    sw.Start()
    Thread.Sleep(5)
    sw.Stop()
    assert sw.ElapsedTicks > 0


def test_thread_sleep_uses_hook(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[float] = []
    monkeypatch.setattr(DS, "SLEEP_HOOK", calls.append)
    Thread.Sleep(250)
    from o365shell.engine.netlib.timespan import TimeSpan
    Thread.Sleep(TimeSpan(0, 0, 2))
    assert calls == [0.25, 2.0]
    with pytest.raises(ArgumentOutOfRangeException):
        Thread.Sleep(-5)


def test_environment_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("O365_LEAF_TEST", raising=False)
    assert Environment.GetEnvironmentVariable("O365_LEAF_TEST") is None
    Environment.SetEnvironmentVariable("O365_LEAF_TEST", "v1")
    assert os.environ["O365_LEAF_TEST"] == "v1"
    assert Environment.GetEnvironmentVariable("O365_LEAF_TEST") == "v1"
    assert Environment.GetEnvironmentVariable("O365_LEAF_TEST", "User") is None
    env = Environment.GetEnvironmentVariables()
    assert isinstance(env, Hashtable) and env["O365_LEAF_TEST"] == "v1"
    assert Environment.ExpandEnvironmentVariables("x%O365_LEAF_TEST%y%NOPE_X%") == "xv1y%NOPE_X%"
    Environment.SetEnvironmentVariable("O365_LEAF_TEST", "")
    assert "O365_LEAF_TEST" not in os.environ


def test_environment_facts() -> None:
    assert Environment.NewLine == "\n"
    assert Environment.MachineName() and "." not in Environment.MachineName()
    assert Environment.UserName()
    assert Environment.ProcessorCount() >= 1
    os_version = Environment.OSVersion()
    assert os_version.Platform.name == "Unix" and os_version.VersionString.startswith("Unix ")
    assert -2 ** 31 <= Environment.TickCount() < 2 ** 31
    assert Environment.CurrentDirectory() == os.getcwd()
    assert Environment.GetFolderPath("UserProfile") == os.path.expanduser("~")
    assert Environment.GetFolderPath(40) == os.path.expanduser("~")
    assert Environment.GetFolderPath("System") == ""
    with pytest.raises(NotSupportedException):
        Environment.Exit(0)


def test_console_writes(capsys: pytest.CaptureFixture[str]) -> None:
    Console.WriteLine("hello")
    Console.Write("a")
    Console.Write("b")
    Console.WriteLine()
    Console.WriteLine("{0}-{1}", "x", 5)
    Console.WriteLine(None)
    Console.Error.WriteLine("err")
    out, err = capsys.readouterr()
    assert out == "hello\nab\nx-5\n\n"
    assert err == "err\n"


def test_console_properties() -> None:
    assert isinstance(Console.WindowWidth(), int) and Console.BufferWidth() > 0
    assert Console.ForegroundColor() in list(ConsoleColor)
    Console.ForegroundColor.set("Red")
    assert Console.ForegroundColor() == ConsoleColor.Red
    Console.ForegroundColor.set(ConsoleColor.Gray)
    Console.Beep()
    Console.Clear()


def test_service_point_manager() -> None:
    spm = ServicePointManager.SecurityProtocol
    spm.set(SecurityProtocolType.Tls12)
    assert spm() == SecurityProtocolType.Tls12
    spm.set("Tls12, Tls13")
    assert int(spm()) == 3072 | 12288
    spm.set(SecurityProtocolType.SystemDefault)


def test_console_readline(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    monkeypatch.setattr("sys.stdin", io.StringIO("first\n"))
    assert Console.ReadLine() == "first"
    assert Console.ReadLine() is None


def test_current_thread() -> None:
    t = Thread.CurrentThread()
    assert t.ManagedThreadId == 1 and t.CurrentCulture.Name == "en-US"
    assert Thread.CurrentThread() is t

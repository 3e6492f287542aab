"""System.Console and System.Random (registered by ``dotnetstatics.register_statics``).

Console writes go straight to ``sys.stdout`` (looked up at call time, so redirection and
capture work); colours and window sizes are readable, and assignable without effect.
Random reproduces .NET's seeded generator, so ``[Random]::new(42)`` gives pwsh's numbers.
"""
from __future__ import annotations

import os
import shutil
import sys
from typing import Any, Callable

from .dotnetstatics import SettableStaticProperty, _enum_arg, _s, _setting
from .enums import ConsoleColor
from .netlib import numbers as N
from .netlib.exceptions import ArgumentNullException, ArgumentOutOfRangeException, InvalidOperationException
from .types import StaticProperty

__all__ = ["Console", "Random", "shared_random"]


# ----------------------------------------------------------------------------- Console

def _out() -> Any:
    return sys.stdout


def _console_text(args: tuple[Any, ...]) -> str:
    if not args:
        return ""
    if len(args) == 1:
        return "" if args[0] is None else _s(args[0])
    if isinstance(args[0], str):
        from .netlib.composite import format_composite
        from .conversion import to_string
        rest = list(args[1]) if len(args) == 2 and isinstance(args[1], list) else list(args[1:])
        return format_composite(args[0], rest, to_string)
    return "".join(_s(a) for a in args)


class _TextWriter:
    """System.IO.TextWriter over a Python stream looked up at call time ([Console]::Out / ::Error)."""

    __ps_typename__ = "System.IO.TextWriter"

    def __init__(self, stream: Callable[[], Any]) -> None:
        self._stream = stream

    def Write(self, *args: Any) -> None:
        s = self._stream()
        s.write(_console_text(args))
        s.flush()

    def WriteLine(self, *args: Any) -> None:
        s = self._stream()
        s.write(_console_text(args) + "\n")
        s.flush()

    def Flush(self) -> None:
        self._stream().flush()

    @property
    def NewLine(self) -> str:
        return "\n"

    def ToString(self) -> str:
        return "System.IO.TextWriter"


def _read_line() -> str | None:
    """[Console]::ReadLine(): a line from standard input, $null at end of input."""
    try:
        return input()
    except EOFError:
        return None


def _clear() -> None:
    if sys.stdout.isatty():
        sys.stdout.write("\x1b[H\x1b[2J\x1b[3J")
        sys.stdout.flush()


def _tty(stream: Callable[[], Any]) -> bool:
    try:
        return bool(stream().isatty())
    except (AttributeError, ValueError):
        return False


def _read_key(intercept: Any = False) -> Any:
    if not _tty(lambda: sys.stdin):
        raise InvalidOperationException("Cannot read keys when either application does not have a console or when "
                                        "console input has been redirected. Try Console.Read.")
    import termios
    import tty
    fd = sys.stdin.fileno()
    old = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)
        ch = sys.stdin.read(1)
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, old)
    from .objects import PSCustomObject
    return PSCustomObject([("KeyChar", N.Char(ch)), ("Key", ch.upper()), ("Modifiers", 0)],
                          ["System.ConsoleKeyInfo"])


def _size(axis: int) -> SettableStaticProperty:
    """Terminal width (0) or height (1), read on each access; assignments are ignored."""
    return SettableStaticProperty(lambda: shutil.get_terminal_size()[axis], lambda v: None)


def _write_line(*args: Any) -> None:
    out = _out()
    out.write(_console_text(args) + "\n")
    out.flush()


def _write(*args: Any) -> None:
    out = _out()
    out.write(_console_text(args))
    out.flush()


def _color(v: Any) -> Any:
    return _enum_arg(ConsoleColor, v, "value")


class Console:
    """System.Console: direct writes to standard output, line input, terminal size and colours."""

    __ps_typename__ = "System.Console"

    WriteLine = staticmethod(_write_line)
    Write = staticmethod(_write)
    ReadLine = staticmethod(_read_line)
    ReadKey = staticmethod(_read_key)
    Beep = staticmethod(lambda *args: None)
    Clear = staticmethod(_clear)
    ResetColor = staticmethod(lambda: None)
    SetCursorPosition = staticmethod(lambda left, top: None)
    Out = _TextWriter(lambda: sys.stdout)
    Error = _TextWriter(lambda: sys.stderr)
    WindowWidth = _size(0)
    BufferWidth = _size(0)
    WindowHeight = _size(1)
    BufferHeight = _size(1)
    LargestWindowWidth = _size(0)
    LargestWindowHeight = _size(1)
    ForegroundColor = _setting(ConsoleColor.Gray, _color)
    BackgroundColor = _setting(ConsoleColor.Black, _color)
    Title = _setting("")
    CursorVisible = _setting(True, bool)
    TreatControlCAsInput = _setting(False, bool)
    CursorLeft = _setting(0, int)
    CursorTop = _setting(0, int)
    KeyAvailable = False
    IsOutputRedirected = StaticProperty(lambda: not _tty(lambda: sys.stdout))
    IsInputRedirected = StaticProperty(lambda: not _tty(lambda: sys.stdin))
    IsErrorRedirected = StaticProperty(lambda: not _tty(lambda: sys.stderr))
    OutputEncoding = _setting(None)
    InputEncoding = _setting(None)


def _init_console_encodings() -> None:
    from .dotnet_text import UTF8Encoding
    Console.OutputEncoding.set(UTF8Encoding(False))
    Console.InputEncoding.set(UTF8Encoding(False))


_init_console_encodings()


# ----------------------------------------------------------------------------- Random

_MBIG = 2 ** 31 - 1


class Random:
    """System.Random: .NET's seeded algorithm (netlib.randomgen), so ``[Random]::new(42)`` yields pwsh's sequence."""

    __ps_typename__ = "System.Random"
    __slots__ = ("_prng",)

    def __init__(self, seed: Any = None) -> None:
        from .netlib.randomgen import SeededRandom
        if seed is None:
            seed = int.from_bytes(os.urandom(4), "little") & 0x7FFFFFFF
        self._prng = SeededRandom(((int(seed) + 2 ** 31) % 2 ** 32) - 2 ** 31)

    def _internal(self) -> int:
        return self._prng.sample()

    def _sample(self) -> float:
        return self._internal() * (1.0 / _MBIG)

    def _large_sample(self) -> float:
        r = self._internal()
        if self._internal() % 2 == 0:
            r = -r
        return (r + (_MBIG - 1.0)) / (2.0 * _MBIG - 1.0)

    def Next(self, a: Any = None, b: Any = None) -> int:
        if a is None:
            return self._internal()
        if b is None:
            mx = int(a)
            if mx < 0:
                raise ArgumentOutOfRangeException("'maxValue' must be greater than or equal to zero. "
                                                  "(Parameter 'maxValue')")
            return int(self._sample() * mx)
        lo, hi = int(a), int(b)
        if lo > hi:
            raise ArgumentOutOfRangeException("'minValue' cannot be greater than maxValue. (Parameter 'minValue')")
        rng = hi - lo
        if rng <= _MBIG:
            return int(self._sample() * rng) + lo
        return int(self._large_sample() * rng) + lo

    def NextInt64(self, a: Any = None, b: Any = None) -> int:
        if a is None:
            return N.Int64(int(self._large_sample() * (2 ** 63 - 1)))
        lo, hi = (0, int(a)) if b is None else (int(a), int(b))
        if lo > hi:
            raise ArgumentOutOfRangeException("'minValue' cannot be greater than maxValue. (Parameter 'minValue')")
        return N.Int64(lo + int(self._large_sample() * (hi - lo)))

    def NextDouble(self) -> float:
        return self._sample()

    def NextSingle(self) -> float:
        return N.Single(self._sample())

    def NextBytes(self, buffer: Any) -> None:
        if buffer is None:
            raise ArgumentNullException("Value cannot be null. (Parameter 'buffer')")
        for i in range(len(buffer)):
            buffer[i] = N.Byte(self._internal() % 256)

    def Shuffle(self, values: Any) -> None:
        n = len(values)
        for i in range(n - 1):
            j = self.Next(i, n)
            if j != i:
                values[i], values[j] = values[j], values[i]

    def ToString(self) -> str:
        return "System.Random"


_SHARED: list[Random] = []


def shared_random() -> Random:
    """[Random]::Shared."""
    if not _SHARED:
        _SHARED.append(Random())
    return _SHARED[0]

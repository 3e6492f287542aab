""".NET exception types as Python exceptions.

Each class carries its .NET full name in ``__ps_typename__`` and mirrors the .NET
members scripts read (``Message``, ``InnerException``). ``catch [System.IO.IOException]``
matches by walking ``__mro__``, so the Python class hierarchy mirrors the .NET one.
"""
from __future__ import annotations

from typing import Any


class DotNetException(Exception):
    """System.Exception."""

    __ps_typename__ = "System.Exception"
    default_message = "Exception of type 'System.Exception' was thrown."

    def __init__(self, message: str | None = None, inner: BaseException | None = None) -> None:
        if message is None:
            message = self.default_message
        super().__init__(message)
        self._message = message
        self._inner = inner
        self.Data: dict[Any, Any] = {}
        self.HResult = -2146233088
        self.Source: str | None = None
        self.HelpLink: str | None = None

    @property
    def Message(self) -> str:
        return self._message

    @property
    def InnerException(self) -> BaseException | None:
        return self._inner

    @property
    def StackTrace(self) -> str | None:
        return None

    def GetBaseException(self) -> BaseException:
        e: BaseException = self
        while isinstance(e, DotNetException) and e.InnerException is not None:
            e = e.InnerException
        return e

    def ToString(self) -> str:
        return f"{self.__ps_typename__}: {self.Message}"

    def __str__(self) -> str:
        return self._message


def _define(name: str, full: str, base: type, default: str | None = None) -> type:
    ns: dict[str, Any] = {"__ps_typename__": full, "__doc__": full + "."}
    if default is not None:
        ns["default_message"] = default
    return type(name, (base,), ns)


SystemException = _define("SystemException", "System.SystemException", DotNetException,
                          "System error.")
ArgumentException = _define("ArgumentException", "System.ArgumentException", SystemException,
                            "Value does not fall within the expected range.")
ArgumentNullException = _define("ArgumentNullException", "System.ArgumentNullException",
                                ArgumentException, "Value cannot be null.")
ArgumentOutOfRangeException = _define("ArgumentOutOfRangeException",
                                      "System.ArgumentOutOfRangeException", ArgumentException,
                                      "Specified argument was out of the range of valid values.")
FormatException = _define("FormatException", "System.FormatException", SystemException,
                          "One of the identified items was in an invalid format.")
InvalidOperationException = _define("InvalidOperationException",
                                    "System.InvalidOperationException", SystemException,
                                    "Operation is not valid due to the current state of the object.")
InvalidCastException = _define("InvalidCastException", "System.InvalidCastException",
                               SystemException, "Specified cast is not valid.")
NotSupportedException = _define("NotSupportedException", "System.NotSupportedException",
                                SystemException, "Specified method is not supported.")
NotImplementedException = _define("NotImplementedException", "System.NotImplementedException",
                                  SystemException, "The method or operation is not implemented.")
IndexOutOfRangeException = _define("IndexOutOfRangeException", "System.IndexOutOfRangeException",
                                   SystemException,
                                   "Index was outside the bounds of the array.")
ArithmeticException = _define("ArithmeticException", "System.ArithmeticException",
                              SystemException, "Overflow or underflow in the arithmetic operation.")
DivideByZeroException = _define("DivideByZeroException", "System.DivideByZeroException",
                                ArithmeticException, "Attempted to divide by zero.")
OverflowException = _define("OverflowException", "System.OverflowException", ArithmeticException,
                            "Arithmetic operation resulted in an overflow.")
NullReferenceException = _define("NullReferenceException", "System.NullReferenceException",
                                 SystemException, "Object reference not set to an instance of an object.")
KeyNotFoundException = _define("KeyNotFoundException",
                               "System.Collections.Generic.KeyNotFoundException", SystemException,
                               "The given key was not present in the dictionary.")
UnauthorizedAccessException = _define("UnauthorizedAccessException",
                                      "System.UnauthorizedAccessException", SystemException,
                                      "Attempted to perform an unauthorized operation.")
TimeoutException = _define("TimeoutException", "System.TimeoutException", SystemException,
                           "The operation has timed out.")
IOException = _define("IOException", "System.IO.IOException", SystemException, "I/O error occurred.")
FileNotFoundException = _define("FileNotFoundException", "System.IO.FileNotFoundException",
                                IOException, "Unable to find the specified file.")
DirectoryNotFoundException = _define("DirectoryNotFoundException",
                                     "System.IO.DirectoryNotFoundException", IOException,
                                     "Attempted to access a path that is not on the disk.")
OperationCanceledException = _define("OperationCanceledException",
                                     "System.OperationCanceledException", SystemException,
                                     "The operation was canceled.")
ApplicationException = _define("ApplicationException", "System.ApplicationException",
                               DotNetException, "Error in the application.")
PlatformNotSupportedException = _define("PlatformNotSupportedException",
                                        "System.PlatformNotSupportedException",
                                        NotSupportedException,
                                        "Operation is not supported on this platform.")
JsonException = _define("JsonException", "System.Text.Json.JsonException", DotNetException,
                        "The JSON value could not be converted.")

#: .NET exception types by full name and short name, for type literals like
#: [System.ArgumentException] and for New-Object.
BY_NAME: dict[str, type] = {}


def register(cls: type) -> type:
    """Make an exception class findable by its .NET full and short names."""
    full = cls.__ps_typename__  # type: ignore[attr-defined]
    BY_NAME[full.lower()] = cls
    short = full.rsplit(".", 1)[-1].lower()
    BY_NAME.setdefault(short, cls)
    return cls


for _cls in list(globals().values()):
    if isinstance(_cls, type) and issubclass(_cls, DotNetException):
        register(_cls)

#: PowerShell's System.Management.Automation.WildcardPatternException (a RuntimeException
#: in PowerShell; derived from DotNetException here -- the engine may rebase it).
WildcardPatternException = register(_define(
    "WildcardPatternException", "System.Management.Automation.WildcardPatternException",
    DotNetException, "The specified wildcard character pattern is not valid."))

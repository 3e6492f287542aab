"""The Validate* parameter attributes (ValidateSet, ValidateRange, ValidatePattern, ...), each
raising pwsh's ParameterArgumentValidationError text when an argument fails.
"""
from __future__ import annotations

from typing import Any

from .conversion import to_bool, to_string
from .errors import RuntimeException
from .objects import enumerate_values, is_enumerable
from .parameters import ParamSpec, binding_error

class Validator:
    """Base of the Validate* attributes."""

    rejects_null = False

    def fail(self, p: ParamSpec, text: str, command_name: str) -> RuntimeException:
        return binding_error(f"Cannot validate argument on parameter '{p.name}'. {text}",
                             "ParameterArgumentValidationError", command_name)

    def validate(self, p: ParamSpec, value: Any, command_name: str) -> None:
        raise NotImplementedError


def _items(value: Any) -> list:
    return list(enumerate_values(value)) if is_enumerable(value) else [value]


class ValidateSet(Validator):
    """[ValidateSet('a','b')]: case-insensitive membership."""

    def __init__(self, values: list[str], ignore_case: bool = True) -> None:
        self.values = [to_string(v) for v in values]
        self.ignore_case = ignore_case

    def validate(self, p: ParamSpec, value: Any, command_name: str) -> None:
        if value is None:
            return
        allowed = {v.lower() for v in self.values} if self.ignore_case else set(self.values)
        for v in _items(value):
            s = to_string(v)
            if (s.lower() if self.ignore_case else s) not in allowed:
                raise self.fail(p, f"The argument \"{s}\" does not belong to the set \"{','.join(self.values)}\" "
                                   "specified by the ValidateSet attribute. Supply an argument that is in the set "
                                   "and then try the command again.", command_name)


class ValidateRange(Validator):
    """[ValidateRange(min, max)]."""

    def __init__(self, lo: Any, hi: Any) -> None:
        self.lo, self.hi = lo, hi

    def validate(self, p: ParamSpec, value: Any, command_name: str) -> None:
        from .comparison import compare as _compare
        for v in _items(value):
            if v is None:
                continue
            if _compare(v, self.lo, True) < 0:
                raise self.fail(p, f"The {to_string(v)} argument is less than the minimum allowed range of "
                                   f"{to_string(self.lo)}. Supply an argument that is greater than or equal to "
                                   f"{to_string(self.lo)} and then try the command again.", command_name)
            if _compare(v, self.hi, True) > 0:
                raise self.fail(p, f"The {to_string(v)} argument is greater than the maximum allowed range of "
                                   f"{to_string(self.hi)}. Supply an argument that is less than or equal to "
                                   f"{to_string(self.hi)} and then try the command again.", command_name)


class ValidatePattern(Validator):
    """[ValidatePattern('regex')]."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern

    def validate(self, p: ParamSpec, value: Any, command_name: str) -> None:
        from .netlib.regex import compile as rx
        r = rx(self.pattern, ignore_case=True)
        for v in _items(value):
            s = to_string(v)
            if not r.search(s):
                raise self.fail(p, f"The argument \"{s}\" does not match the \"{self.pattern}\" pattern. Supply an "
                                   f"argument that matches \"{self.pattern}\" and try the command again.",
                                command_name)


class ValidateLength(Validator):
    """[ValidateLength(min, max)]."""

    def __init__(self, lo: int, hi: int) -> None:
        self.lo, self.hi = int(lo), int(hi)

    def validate(self, p: ParamSpec, value: Any, command_name: str) -> None:
        for v in _items(value):
            s = to_string(v)
            if len(s) < self.lo:
                raise self.fail(p, f"The character length of the {len(s)} argument is too short. Specify an "
                                   f"argument with a length that is greater than or equal to \"{self.lo}\", and "
                                   "then try the command again.", command_name)
            if len(s) > self.hi:
                raise self.fail(p, f"The character length of the {len(s)} argument is too long. Shorten the "
                                   f"character length of the argument so it is fewer than or equal to \"{self.hi}\" "
                                   "characters, and then try the command again.", command_name)


class ValidateCount(Validator):
    """[ValidateCount(min, max)]."""

    def __init__(self, lo: int, hi: int) -> None:
        self.lo, self.hi = int(lo), int(hi)

    def validate(self, p: ParamSpec, value: Any, command_name: str) -> None:
        n = len(_items(value))
        if n < self.lo:
            raise self.fail(p, f"The number of provided arguments ({n}) is fewer than the minimum number of allowed "
                               f"arguments ({self.lo}). Provide more than {self.lo} arguments, and then try the "
                               "command again.", command_name)
        if n > self.hi:
            raise self.fail(p, f"The number of provided arguments, ({n}), exceeds the maximum number of allowed "
                               f"arguments ({self.hi}). Provide fewer than {self.hi} arguments, and then try the "
                               "command again.", command_name)


class ValidateNotNull(Validator):
    """[ValidateNotNull()]."""

    rejects_null = True

    def validate(self, p: ParamSpec, value: Any, command_name: str) -> None:
        if value is None:
            raise self.fail(p, "The argument is null. Provide a valid value for the argument, and then try running "
                               "the command again.", command_name)


class ValidateNotNullOrEmpty(Validator):
    """[ValidateNotNullOrEmpty()]."""

    rejects_null = True

    def validate(self, p: ParamSpec, value: Any, command_name: str) -> None:
        if value is None or value == "" or (is_enumerable(value) and not _items(value)):
            raise self.fail(p, "The argument is null or empty. Provide an argument that is not null or empty, "
                               "and then try the command again.", command_name)


class ValidateNotNullOrWhiteSpace(Validator):
    """[ValidateNotNullOrWhiteSpace()]."""

    rejects_null = True

    def validate(self, p: ParamSpec, value: Any, command_name: str) -> None:
        if value is None or (isinstance(value, str) and not value.strip()):
            raise self.fail(p, "The argument is null or white space. Provide an argument that is not null or white "
                               "space, and then try the command again.", command_name)


class ValidateScript(Validator):
    """[ValidateScript({ ... })]: the script must return true for each value ($_)."""

    def __init__(self, script: Any, message: str | None = None) -> None:
        self.script = script
        self.message = message

    def validate(self, p: ParamSpec, value: Any, command_name: str) -> None:
        for v in _items(value):
            ok = to_bool(self.script.invoke_as_filter(v, as_value=True))
            if not ok:
                if self.message:
                    raise self.fail(p, self.message.replace("{0}", to_string(v)), command_name)
                raise self.fail(p, f"The \"{self.script.ToString().strip()}\" validation script for the argument "
                                   f"with value \"{to_string(v)}\" did not return a result of True. Determine why "
                                   "the validation script failed, and then try the command again.", command_name)

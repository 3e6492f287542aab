"""Random numbers as Get-Random draws them, so that ``-SetSeed`` repeats pwsh's sequences.

``SeededRandom`` is .NET's ``new Random(seed)`` (the subtractive generator .NET keeps for seeded
instances); ``PwshRandom`` is Get-Random's generator on top of it: every number is built from
``NextBytes`` -- four bytes make an Int32 sample -- and without a seed the bytes come from the
operating system's cryptographic source instead."""
from __future__ import annotations

import os

INT_MAX = 2**31 - 1
_MSEED = 161803398


def _i32(x: int) -> int:
    """Wrap to a signed 32-bit integer, as unchecked C# arithmetic does."""
    return ((x + 2**31) % 2**32) - 2**31


class SeededRandom:
    """System.Random created with a seed: Knuth's subtractive generator over 55 integers."""

    __slots__ = ("_inext", "_inextp", "_seeds")

    def __init__(self, seed: int) -> None:
        seeds = [0] * 56
        subtraction = INT_MAX if seed == -2**31 else abs(seed)
        mj = _i32(_MSEED - subtraction)
        seeds[55] = mj
        mk = 1
        ii = 0
        for _ in range(1, 55):
            ii += 21
            if ii >= 55:
                ii -= 55
            seeds[ii] = mk
            mk = _i32(mj - mk)
            if mk < 0:
                mk = _i32(mk + INT_MAX)
            mj = seeds[ii]
        for _ in range(1, 5):
            for i in range(1, 56):
                n = i + 30
                if n >= 55:
                    n -= 55
                v = _i32(seeds[i] - seeds[1 + n])
                seeds[i] = _i32(v + INT_MAX) if v < 0 else v
        self._seeds = seeds
        self._inext = 0
        self._inextp = 21

    def sample(self) -> int:
        """The next raw sample, 0 <= n < Int32.MaxValue."""
        a = self._inext + 1
        if a >= 56:
            a = 1
        b = self._inextp + 1
        if b >= 56:
            b = 1
        seeds = self._seeds
        r = _i32(seeds[a] - seeds[b])
        if r == INT_MAX:
            r -= 1
        if r < 0:
            r = _i32(r + INT_MAX)
        seeds[a] = r
        self._inext, self._inextp = a, b
        return r

    def next_bytes(self, count: int) -> bytes:
        return bytes(self.sample() & 0xFF for _ in range(count))


class PwshRandom:
    """Get-Random's PolymorphicRandomNumberGenerator: cryptographic bytes, or a seeded System.Random."""

    __slots__ = ("_seeded",)

    def __init__(self, seed: int | None = None) -> None:
        self._seeded = SeededRandom(seed) if seed is not None else None

    def next_bytes(self, count: int) -> bytes:
        return self._seeded.next_bytes(count) if self._seeded is not None else os.urandom(count)

    def _int_sample(self) -> int:
        return int.from_bytes(self.next_bytes(4), "little", signed=True)

    def next(self) -> int:
        """A non-negative Int32 below Int32.MaxValue."""
        n = self._int_sample()
        while n == INT_MAX:
            n = self._int_sample()
        return n + INT_MAX if n < 0 else n

    def next_double(self) -> float:
        return self.next() * (1.0 / INT_MAX)

    def next_range(self, lo: int, hi: int) -> int:
        """lo <= n < hi for Int32 bounds."""
        span = hi - lo
        if span <= INT_MAX:
            return int(self.next_double() * span) + lo
        n = self._int_sample()
        while n == INT_MAX:
            n = self._int_sample()
        large = (n + INT_MAX) * (1.0 / (2 * INT_MAX))
        return int(large * span) + lo

    def next_int64(self, lo: int, hi: int) -> int:
        """Get-Random's Int64 draw: Next for small spans, masked random bits otherwise."""
        span = hi - lo
        if span <= INT_MAX:
            return lo + self.next_range(0, span)
        mask = (1 << span.bit_length()) - 1
        while True:
            r = int.from_bytes(self.next_bytes(8), "little") & mask
            if r < span:
                return int(float(lo) + float(r))

    def next_double_between(self, lo: float, hi: float) -> float:
        """Get-Random's Double draw (it retries when rounding lands on the upper bound)."""
        diff = hi - lo
        if diff == float("inf"):
            while True:
                r = self.next_double()
                value = lo + (r * hi) - (r * lo)
                if value < hi:
                    return value
        while True:
            r = self.next_double()
            value = lo + r * diff
            diff *= r
            if value < hi:
                return value

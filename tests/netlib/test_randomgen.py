"""Get-Random's generator: .NET's seeded System.Random sequence and pwsh's draws built on its bytes."""
from __future__ import annotations

from o365shell.engine.netlib.randomgen import INT_MAX, PwshRandom, SeededRandom


def test_seeded_random_gives_dotnet_sequences():
    # new Random(0).Next() and new Random(42).Next() in .NET
    assert SeededRandom(0).sample() == 1559595546
    assert SeededRandom(42).sample() == 1434747710


def test_extreme_seeds_do_not_overflow():
    for seed in (-2**31, 2**31 - 1, -1, 161803398, 161803399):
        r = SeededRandom(seed)
        assert all(0 <= r.sample() < INT_MAX for _ in range(200))


def test_bytes_are_the_low_byte_of_each_sample():
    a, b = SeededRandom(9), SeededRandom(9)
    assert a.next_bytes(4) == bytes(b.sample() & 0xFF for _ in range(4))


def test_draws_stay_in_range_and_repeat_with_the_seed():
    r1, r2 = PwshRandom(5), PwshRandom(5)
    xs = [r1.next_range(-3, 4) for _ in range(500)]
    assert xs == [r2.next_range(-3, 4) for _ in range(500)]
    assert set(xs) == set(range(-3, 4))
    big = [r1.next_int64(0, 10**12) for _ in range(200)]
    assert all(0 <= v < 10**12 for v in big) and max(big) > 2**31
    assert all(1.0 <= r1.next_double_between(1.0, 2.0) < 2.0 for _ in range(200))
    assert 0 <= PwshRandom().next() < INT_MAX

"""Language-engine benchmark (issue 2): prints, in one run,

1. parse throughput (lines/s) on a large real-style script;
2. per-object pipeline cost of
   1..200000 | Where-Object { $_ % 3 -eq 0 } | ForEach-Object { $_ * 2 } | Measure-Object -Sum
   as a ratio against the same work done by a plain Python generator pipeline;
3. `o365shell -NoProfile -Command '$null'` start-up as a ratio against `python3 -c "import pyparsing"`.

Usage: python scripts/bench/bench_engine.py [--runs N]
Figures only; nothing is asserted (speed is not a test).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PIPELINE = "1..200000 | Where-Object { $_ % 3 -eq 0 } | ForEach-Object { $_ * 2 } | Measure-Object -Sum"


def big_script(copies: int = 20) -> str:
    text = open(os.path.join(HERE, "sample_script.ps1"), encoding="utf-8").read()
    return "\n".join("function Invoke-Copy%d {\n%s\n}" % (i, text) for i in range(copies))


def bench_parse() -> tuple[int, float]:
    from o365shell.language import parser
    parser._get_grammar()
    text = big_script()
    lines = text.count("\n") + 1
    best = float("inf")
    for _ in range(3):
        parser._parse_cached.cache_clear()
        t = time.perf_counter()
        parser.parse(text)
        best = min(best, time.perf_counter() - t)
    return lines, best


def bench_pipeline(runs: int) -> tuple[float, float, object]:
    from o365shell.embed import Shell
    sh = Shell()
    sh.invoke("1 | Measure-Object -Sum")

    def ps() -> object:
        return sh.invoke(PIPELINE)[0].Sum

    def py() -> int:
        return sum(x * 2 for x in (i for i in range(1, 200001) if i % 3 == 0))

    t_ps, t_py = [], []
    result = None
    for _ in range(runs):
        t = time.perf_counter()
        result = ps()
        t_ps.append(time.perf_counter() - t)
        t = time.perf_counter()
        expected = py()
        t_py.append(time.perf_counter() - t)
    assert int(result) == expected, (result, expected)  # same work, same answer
    return min(t_ps), min(t_py), result


def wall(cmd: list[str], runs: int) -> float:
    """Median wall time of a command, as on a user's machine: Python may cache bytecode (a
    PYTHONDONTWRITEBYTECODE in this environment would make every run recompile every module),
    and one warm-up run writes that cache first."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    lines, secs = bench_parse()
    print(f"parse: {lines} lines in {secs:.3f} s = {lines / secs:,.0f} lines/s")
    t_ps, t_py, total = bench_pipeline(max(3, args.runs // 2))
    print(f"pipeline: o365shell {t_ps:.3f} s, plain Python {t_py:.4f} s, ratio {t_ps / t_py:.1f} "
          f"(Sum = {total}; {t_ps / 200000 * 1e6:.2f} us per input object)")
    script = os.path.join(os.path.dirname(sys.executable), "o365shell")
    exe = [script] if os.path.exists(script) else [sys.executable, "-m", "o365shell"]
    start = wall(exe + ["-NoProfile", "-Command", "$null"], args.runs)
    base = wall([sys.executable, "-c", "import pyparsing"], args.runs)
    print(f"startup: o365shell -Command '$null' {start:.3f} s, python3 -c 'import pyparsing' {base:.3f} s, "
          f"ratio {start / base:.2f}")


if __name__ == "__main__":
    main()

"""Formatting benchmark (issue 3): Format-Table of 20,000 objects with 4 properties, as a ratio
against tabulate alone formatting the same rows (strings already made) in the same run.

    python scripts/bench/bench_format.py [--rows N] [--runs N]

Two o365shell figures are printed: the whole command as a user runs it
(``$rows | Format-Table | Out-String``, objects built beforehand, so only formatting is timed)
and the formatter's Python API on the same objects (no pipeline). Figures only; nothing is
asserted (speed is not a test).
"""
from __future__ import annotations

import argparse
import time


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=20000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    n = args.rows

    from tabulate import tabulate

    from o365shell.embed import Shell
    sh = Shell()
    sh.invoke(f"$global:rows = foreach ($i in 1..{n}) {{ [pscustomobject]@{{ Id = $i; "
              "Name = \"user$i\"; Dept = ('Sales', 'IT', 'HR')[$i % 3]; Enabled = ($i % 2 -eq 0) } }")
    rows = sh.invoke("$global:rows")
    assert len(rows) == n

    def ps_command() -> str:
        return sh.invoke("$global:rows | Format-Table | Out-String")[0]

    def ps_api() -> str:
        from o365shell.format.outdefault import format_objects
        return format_objects(rows, 120)

    def plain() -> str:
        from o365shell.engine.objects import get_member
        data = [[str(get_member(o, "Id")), get_member(o, "Name"), get_member(o, "Dept"),
                 str(get_member(o, "Enabled"))] for o in rows]
        return tabulate(data, headers=["Id", "Name", "Dept", "Enabled"], tablefmt="plain",
                        colalign=("right", "left", "left", "left"), disable_numparse=True)

    def best(fn) -> tuple[float, str]:
        t_best, out = float("inf"), ""
        for _ in range(args.runs):
            t = time.perf_counter()
            out = fn()
            t_best = min(t_best, time.perf_counter() - t)
        return t_best, out

    t_tab, text_tab = best(plain)
    t_cmd, text_cmd = best(ps_command)
    t_api, text_api = best(ps_api)
    lines = text_cmd.strip("\n").count("\n") + 1
    assert lines >= n + 2, lines  # header, rule and one line per object
    print(f"Format-Table of {n:,} objects x 4 properties ({lines:,} lines):")
    print(f"  tabulate alone          {t_tab:.3f} s")
    print(f"  o365shell formatter API {t_api:.3f} s  ratio {t_api / t_tab:.2f}")
    print(f"  $rows | Format-Table | Out-String  {t_cmd:.3f} s  ratio {t_cmd / t_tab:.2f}")
    _ = text_tab, text_api


if __name__ == "__main__":
    main()

"""REPL benchmark (issue 6): drives the real interactive shell on a pseudo-terminal and prints

1. start-up: time from spawning ``o365shell -NoLogo`` to its first prompt on the screen
   (target: at most 0.6 s on this machine), next to a bare prompt_toolkit ``prompt()`` started
   the same way (the floor any prompt_toolkit shell pays), and the time until a first command's
   output appears when it is typed at once (the session finishes loading behind the prompt);
2. keystroke-to-redraw latency of Tab on a 100,000-user tenant (``-TenantSize 100000``; target:
   at most 50 ms): from sending Tab to the completed text arriving on the terminal, for a
   unique UPN, a UPN prefix with ten matches (the menu) and a cmdlet name; plus the in-process
   cost of computing the same completions.

Usage: python scripts/bench/bench_repl.py [--runs N] [--size N]
Figures only; nothing is asserted (speed is not a test).
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time

import pexpect

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_ESC = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][A-Za-z0-9]|\x1b[=>78]")


class Pty:
    """A child on a 24x100 pseudo-terminal that answers cursor-position requests."""

    def __init__(self, args: list[str], env: dict | None = None) -> None:
        e = dict(os.environ, TERM="xterm", PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
        e.pop("PROMPT_TOOLKIT_NO_CPR", None)
        e.update(env or {})
        self.t0 = time.perf_counter()
        self.child = pexpect.spawn(sys.executable, args, env=e, cwd=ROOT, dimensions=(24, 100), encoding="utf-8",
                                   codec_errors="replace")
        self.child.delaybeforesend = None   # pexpect sleeps 50 ms before each send by default
        self.raw = ""
        self.mark = 0

    def pump(self, timeout: float) -> None:
        try:
            data = self.child.read_nonblocking(65536, timeout=timeout)
        except pexpect.TIMEOUT:
            return
        self.raw += data
        for _ in range(data.count("\x1b[6n")):
            self.child.send("\x1b[1;1R")

    def wait_for(self, pattern: str, timeout: float = 60.0) -> float:
        """Seconds until ``pattern`` (regex, escapes stripped) shows up after the mark."""
        rx = re.compile(pattern)
        deadline = time.perf_counter() + timeout
        while True:
            if rx.search(_ESC.sub("", self.raw[self.mark:])):
                return time.perf_counter()
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"{pattern!r} did not appear; got {_ESC.sub('', self.raw[-400:])!r}")
            self.pump(min(left, 0.2))

    def send(self, text: str) -> float:
        self.mark = len(self.raw)
        t = time.perf_counter()
        self.child.send(text)
        return t

    def settle(self) -> None:
        """Read whatever is pending (until 0.3 s pass without output)."""
        while True:
            n = len(self.raw)
            self.pump(0.3)
            if len(self.raw) == n:
                return

    def close(self) -> None:
        self.child.terminate(force=True)


def startup(runs: int) -> tuple[list[float], list[float], list[float]]:
    shell, bare, first_output = [], [], []
    bare_code = "from prompt_toolkit import prompt; prompt('PS /> ')"
    for _ in range(runs):
        p = Pty(["-c", bare_code])
        bare.append(p.wait_for(r"PS />") - p.t0)
        p.close()
        p = Pty(["-m", "o365shell", "-NoLogo"])
        shell.append(p.wait_for(r"PS /\S*>") - p.t0)
        p.send("6 * 7\r")
        first_output.append(p.wait_for(r"\n42\r?\n") - p.t0)
        p.close()
    return shell, bare, first_output


def tab_latency(size: int, runs: int) -> dict[str, list[float]]:
    p = Pty(["-m", "o365shell", "-NoLogo", "-TenantSize", str(size)])
    p.wait_for(r"PS /\S*>")
    p.send("(Get-LabCredential -UserPrincipalName admin@contoso.onmicrosoft.com).UserName\r")
    p.wait_for(r"admin@contoso\.onmicrosoft\.com\s*\r?\n.*PS ", timeout=300)
    p.settle()
    cases = {
        "unique UPN (user09999)": ("Get-MsolUser -UserPrincipalName user09999", r"@contoso\.com"),
        "UPN prefix, 10 matches (menu)": ("Get-MsolUser -UserPrincipalName user0999", r"user09995@contoso\.com"),
        "UPN prefix, 10,000 matches (1,000 listed)": ("Get-MsolUser -UserPrincipalName user0", r"user00002@contoso"),
        "cmdlet name (Get-Msol, menu)": ("Get-Msol", r"Get-MsolUserRole"),
    }
    out: dict[str, list[float]] = {k: [] for k in cases}
    for _ in range(runs):
        for label, (typed, expect) in cases.items():
            p.send(typed)
            p.wait_for(re.escape(typed))
            p.settle()
            t = p.send("\t")
            out[label].append(p.wait_for(expect) - t)
            p.settle()
            p.send("\x03")
            p.wait_for(r"PS /\S*>")
            p.settle()
    p.close()
    return out


def in_process(size: int, runs: int) -> dict[str, float]:
    from o365shell.embed import Shell
    from o365shell.repl.completer import ShellCompleter
    sh = Shell(tenant_size=size)
    c = ShellCompleter(lambda: sh.session)
    t = time.perf_counter()
    c.complete_text("Get-MsolUser -UserPrincipalName user0")
    build = time.perf_counter() - t
    res = {"first UPN completion (builds the tenant and the index)": build}
    for label, text in (("UPN prefix user0999", "Get-MsolUser -UserPrincipalName user0999"),
                        ("UPN prefix user0 (10,000 matches, 1,000 listed)", "Get-MsolUser -UserPrincipalName user0"),
                        ("parameter -Str", "Set-MsolUser -Str"), ("cmdlet Get-Msol", "Get-Msol")):
        times = []
        for _ in range(runs * 5):
            t = time.perf_counter()
            c.complete_text(text)
            times.append(time.perf_counter() - t)
        res[label] = statistics.median(times)
    return res


def ms(v: float) -> str:
    return f"{v * 1000:7.1f} ms"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--size", type=int, default=100000)
    a = ap.parse_args()
    print(f"o365shell REPL benchmark ({a.runs} runs; medians, with min-max)")
    shell, bare, first = startup(a.runs)
    print("\n1. start-up (target: first prompt <= 600 ms)")
    print(f"   o365shell -NoLogo, spawn -> first prompt      {ms(statistics.median(shell))}"
          f"   ({ms(min(shell)).strip()} - {ms(max(shell)).strip()})")
    print(f"   bare prompt_toolkit prompt(), same harness    {ms(statistics.median(bare))}"
          f"   ratio {statistics.median(shell) / statistics.median(bare):.2f}x")
    print(f"   spawn -> output of a command typed at once    {ms(statistics.median(first))}"
          "   (the session loads behind the prompt)")
    print(f"\n2. Tab on a {a.size:,}-user tenant, keystroke -> completed text on the terminal (target <= 50 ms)")
    lat = tab_latency(a.size, a.runs)
    for label, v in lat.items():
        print(f"   {label:<42} {ms(statistics.median(v))}   ({ms(min(v)).strip()} - {ms(max(v)).strip()})")
    print("\n   computing the completions in-process (no terminal):")
    for label, v in in_process(a.size, a.runs).items():
        print(f"   {label:<52} {ms(v)}")


if __name__ == "__main__":
    main()

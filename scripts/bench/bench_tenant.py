"""Benchmark the tenant cmdlets on a large tenant (default 100,000 synthetic users).

Each figure is printed with plain Python doing the same work over the model in the same
run, and their ratio (no assertions; targets from issue 4: at most 2 KB of memory per user,
the query at most 15x plain Python):

* seed: ``build_tenant(N)`` vs building the same N User records into a list;
* memory per user: the tenant's allocations (tracemalloc) divided by N, vs the plain records;
* query: ``Get-MsolUser -All | Where-Object { $_.StrongAuthenticationRequirements.State -eq
  'Enforced' } | Measure-Object`` vs a Python loop building the same requirement per user;
* bulk: ``Invoke-MfaBulkUpdate`` of an N-row CSV vs parsing the CSV and setting each state.

Run: ``python scripts/bench/bench_tenant.py [N]``.
"""
from __future__ import annotations

import csv
import gc
import io
import os
import sys
import tempfile
import time
import tracemalloc

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)

from o365shell.embed import Shell
from o365shell.tenant import seed
from o365shell.tenant.directory import object_id_for
from o365shell.tenant.users import User

QUERY = "Get-MsolUser -All | Where-Object { $_.StrongAuthenticationRequirements.State -eq 'Enforced' } | Measure-Object"


def timed(fn, *args):
    gc.collect()
    t0 = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - t0, result


def plain_records(n: int, tenant) -> list:
    """The same users as plain records in a list (no indexes, no tenant)."""
    pw = seed._seed_hash()
    out = []
    for i in range(1, n + 1):
        upn = seed.synthetic_upn(i)
        out.append(User(upn, object_id_for(tenant, upn), f"User {i}", pw, department="Sales", city="Redmond",
                        country="United States", usage_location="US", licenses=("contoso:ENTERPRISEPACK",)))
    return out


def allocated(fn, *args):
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    obj = fn(*args)
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return after - before, obj


def ratio(a: float, b: float) -> str:
    return f"{a / b:6.1f}x" if b else "   n/a"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    empty = seed.build_tenant(0)
    print(f"o365shell tenant benchmark, {n:,} synthetic users (Python {sys.version.split()[0]})")

    t_seed, tenant = timed(seed.build_tenant, n)
    t_plain, records = timed(plain_records, n, empty)
    print(f"seed          {t_seed:8.2f} s   plain records {t_plain:8.2f} s   ratio {ratio(t_seed, t_plain)}")
    del tenant, records

    mem_tenant, tenant = allocated(seed.build_tenant, n)
    mem_plain, records = allocated(plain_records, n, empty)
    per_user = mem_tenant / n
    print(f"memory/user   {per_user:8.0f} B   plain records {mem_plain / n:8.0f} B   ratio "
          f"{ratio(mem_tenant, mem_plain)}   (target <= 2048 B: {'met' if per_user <= 2048 else 'NOT met'})")
    del records

    sh = Shell()
    from o365shell.cmdlets.tenantsvc import set_tenant
    set_tenant(sh.session, tenant)
    sh.run("Connect-MsolService -Credential (Get-LabCredential admin@contoso.onmicrosoft.com)")
    t_query, r = timed(sh.run, QUERY)
    count = next((line.split(":")[1].strip() for line in r.stdout.splitlines() if line.startswith("Count")), "?")

    def plain_query() -> int:
        hits = 0
        for u in tenant.iter_users():
            reqs = [{"RelyingParty": "*", "State": str(u.mfa_state)}] if u.mfa_state != "Disabled" else []
            if any(q["State"] == "Enforced" for q in reqs):
                hits += 1
        return hits

    t_pq, hits = timed(plain_query)
    print(f"query         {t_query:8.2f} s   plain Python  {t_pq:8.2f} s   ratio {ratio(t_query, t_pq)}   "
          f"(target <= 15x; {count} vs {hits} Enforced)")

    states = ("Enabled", "Enforced", "Disabled")
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["Username", "MFA Status"])
    for i in range(1, n + 1):
        w.writerow([seed.synthetic_upn(i), states[i % 3]])
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "bulk.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write(buf.getvalue())
        t_bulk, r = timed(sh.run, f"$r = Invoke-MfaBulkUpdate -Path '{path}'; ($r | Where-Object Status -eq Updated)"
                                  ".Count")
        updated = r.stdout.strip()

        def plain_bulk() -> int:
            done = 0
            with open(path, encoding="utf-8") as f:
                for row in csv.DictReader(f):
                    u = tenant.find_user(row["Username"])
                    if u is not None and str(u.mfa_state) != row["MFA Status"]:
                        u.mfa_state = row["MFA Status"]
                        done += 1
            return done

        for i in range(1, n + 1):   # put the states back so plain Python does the same changes
            tenant.get_user(seed.synthetic_upn(i)).mfa_state = "Disabled"
        t_pb, done = timed(plain_bulk)
    print(f"bulk update   {t_bulk:8.2f} s   plain Python  {t_pb:8.2f} s   ratio {ratio(t_bulk, t_pb)}   "
          f"({updated} rows updated through the cmdlet, {done} by plain Python)")


if __name__ == "__main__":
    main()

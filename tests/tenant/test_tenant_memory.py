"""Memory: a 100,000-user tenant costs at most 2 KB per user (a memory, not a timing, assertion)."""

from __future__ import annotations

import gc
import tracemalloc

from o365shell.tenant import build_tenant, sign_in
from o365shell.tenant.seed import synthetic_upn

USERS = 100_000


def test_memory_per_user_for_a_100000_user_tenant() -> None:
    build_tenant(10)  # warm up: imports, the shared seed password hash
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        tenant = build_tenant(USERS)
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    per_user = (after - before) / len(tenant)
    print(f"\n{per_user:.0f} bytes per user for {len(tenant)} users")
    assert len(tenant) == USERS + 9
    assert per_user <= 2048, per_user
    # the big tenant is a working tenant: indexed lookups and sign-ins
    last = tenant.get_user(synthetic_upn(USERS).upper())
    assert last.user_principal_name == "user100000@contoso.com"
    assert tenant.get_user("user00001@contoso.com").display_name
    assert tenant.user_by_object_id(last.object_id) is last
    assert sign_in(tenant, synthetic_upn(3), "Pass@word1").Result == "Success"

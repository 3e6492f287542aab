"""Snapshots: full round trip, atomic save, clear refusals, secrets never in clear, key handling."""

from __future__ import annotations

import json
import os
import stat
from datetime import timedelta
from pathlib import Path

import pytest
from tenant_testlib import (
    ADELE,
    ADMIN,
    ALEX,
    ALEX_SECRET,
    MEGAN,
    PASSWORD,
    PATTI,
    code_at,
    step,
)

from o365shell.tenant import (
    SnapshotError,
    Tenant,
    build_tenant,
    codec,
    directory,
    exchange,
    mfa,
    provisioning,
    sign_in,
    store,
)
from o365shell.tenant.views import msol_user_view


def fingerprint(tenant: Tenant) -> str:
    """Everything in the tenant as canonical JSON (secrets replaced by a fixed marker)."""
    data = codec.encode_tenant(tenant, lambda text, aad: "<sealed>")
    return json.dumps(data, sort_keys=True, default=str)


def busy_tenant(tenant: Tenant) -> dict[str, str]:
    """Change a bit of everything; returns the clear-text secrets created on the way."""
    secrets: dict[str, str] = {}
    mfa.set_mfa_service_settings(tenant, ADMIN, allow_app_passwords=True, trusted_ips=["203.0.113.0/24"],
                                 remember_mfa_on_trusted_devices=True, remember_mfa_days=30,
                                 verification_options=["TextMessage", "MobileAppCode", "Call to phone"])
    secrets["new_user"] = directory.create_user(
        tenant, ADMIN, "NewHire@contoso.com", "New Hire", password="Hire!Pass2025",
        licenses=["contoso:ENTERPRISEPACK"], properties={"UsageLocation": "US", "Department": "Sales"}).password
    secrets["reset"] = directory.reset_password(tenant, ADMIN, MEGAN, "Reset!Pass77")
    reg = provisioning.register_authenticator_app(tenant, ADELE, PASSWORD)
    provisioning.confirm_authenticator_app(tenant, ADELE, code_at(tenant, reg.Secret))
    secrets["adele_totp"] = reg.Secret
    pending = provisioning.register_authenticator_app(tenant, MEGAN, "Reset!Pass77")
    secrets["megan_pending_totp"] = pending.Secret
    secrets["app"] = provisioning.create_app_password(tenant, ALEX, PASSWORD, "Phone").Password
    step(tenant)
    sign_in(tenant, ALEX, PASSWORD, otp=code_at(tenant, ALEX_SECRET), remember_device=True, device_id="dev-1")
    sign_in(tenant, "PattiF@contoso.com", PASSWORD)  # texts a code, leaves a pending sign-in code
    exchange.set_organization_config(tenant, PATTI, {"OAuth2ClientProfileEnabled": False,
                                                     "ActivityBasedAuthenticationTimeoutInterval": "01:30:00",
                                                     "EwsBlockList": ["BadApp/*"]})
    exchange.set_cas_mailbox(tenant, PATTI, ALEX, {"PopEnabled": False, "SmtpClientAuthenticationDisabled": True})
    exchange.new_authentication_policy(tenant, PATTI, "Allow IMAP", {"AllowBasicAuthImap": True})
    directory.add_role_member(tenant, ADMIN, "Global Reader", ALEX)
    directory.delete_user(tenant, ADMIN, "JoniS@contoso.com")
    mfa.set_mfa_state(tenant, ADMIN, "NewHire@contoso.com", "Enabled")
    tenant.clock.advance(timedelta(minutes=3))
    return secrets


def test_round_trip_keeps_everything(tenant: Tenant, tmp_path: Path) -> None:
    secrets = busy_tenant(tenant)
    path = store.save(tenant, tmp_path / "contoso.json")
    loaded = store.load(path)
    assert loaded is not tenant and loaded.load_warnings == []
    assert fingerprint(loaded) == fingerprint(tenant)
    assert [msol_user_view(loaded, u) for u in loaded.iter_users()] == [msol_user_view(tenant, u) for u in tenant.iter_users()]
    assert loaded.now() == tenant.now() and loaded.clock.is_frozen
    assert loaded.find_deleted_user("JoniS@contoso.com").is_deleted
    assert loaded.org_config.as_dict() == tenant.org_config.as_dict()
    assert loaded.cas_settings(loaded.get_user(ALEX)) == tenant.cas_settings(tenant.get_user(ALEX))
    assert loaded.auth_policies["allow imap"].switches["AllowBasicAuthImap"] is True
    assert [r.Identity for r in loaded.audit] == [r.Identity for r in tenant.audit]
    assert list(loaded.signins) == list(tenant.signins)
    assert loaded.consumed_units("contoso:ENTERPRISEPACK") == tenant.consumed_units("contoso:ENTERPRISEPACK")
    # secrets still work after the round trip
    step(loaded)
    assert sign_in(loaded, ADELE, PASSWORD, otp=code_at(loaded, secrets["adele_totp"])).Result == "Success"
    assert sign_in(loaded, ALEX, secrets["app"], client="Imap").MfaSatisfiedBy == "AppPassword"
    assert sign_in(loaded, ALEX, PASSWORD, device_id="dev-1").MfaSatisfiedBy == "RememberedDevice"
    assert sign_in(loaded, "NewHire@contoso.com", secrets["new_user"], client="Pop").Result == "Success"
    text = loaded.phone_messages("+1 4255550101")[-1].Code
    assert sign_in(loaded, PATTI, PASSWORD, otp=text).Result == "Success"
    provisioning.confirm_authenticator_app(loaded, MEGAN, code_at(loaded, secrets["megan_pending_totp"]))


def test_china_tenant_round_trip(tmp_path: Path) -> None:
    china = build_tenant(cloud="AzureChinaCloud")
    loaded = store.load(store.save(china, tmp_path / "cn.json"))
    assert str(loaded.cloud) == "AzureChinaCloud" and loaded.initial_domain == "contoso.partner.onmschina.cn"
    assert fingerprint(loaded) == fingerprint(china)


def test_large_tenant_round_trip_is_compact(tmp_path: Path) -> None:
    big = build_tenant(1500)
    path = store.save(big, tmp_path / "big.json")
    assert b"\n " not in path.read_bytes()[:2000]
    loaded = store.load(path)
    assert len(loaded) == 1509 and fingerprint(loaded) == fingerprint(big)


def test_no_secret_in_clear_in_the_file(tenant: Tenant, tmp_path: Path) -> None:
    secrets = busy_tenant(tenant)
    raw = store.save(tenant, tmp_path / "s.json").read_bytes()
    for needle in [PASSWORD, ALEX_SECRET, *secrets.values()]:
        assert needle.encode() not in raw, needle
    data = json.loads(raw)
    assert data["format"] == "o365shell-tenant" and data["version"] == 1
    alex = next(u for u in data["tenant"]["users"] if u["user_principal_name"] == ALEX)
    assert alex["mfa_runtime"]["totp_secret_sealed"].startswith("v1:")
    assert alex["password_hash"].startswith("pbkdf2_sha256$")


def test_save_is_atomic_and_leaves_no_temp_file(tenant: Tenant, tmp_path: Path) -> None:
    target = tmp_path / "t.json"
    store.save(tenant, target)
    store.save(tenant, target)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "keys") == ["t.json"]


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_failed_write_keeps_the_existing_file(tenant: Tenant, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              failing: str) -> None:
    target = tmp_path / "t.json"
    store.save(tenant, target)
    before = target.read_bytes()
    directory.update_user(tenant, ADMIN, MEGAN, {"City": "Changed"})

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store.os, failing, boom)
    with pytest.raises(SnapshotError) as err:
        store.save(tenant, target)
    monkeypatch.undo()
    assert "No space left on device" in str(err.value) and str(target) in str(err.value)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "keys") == ["t.json"]


def test_save_into_a_missing_folder_is_refused(tenant: Tenant, tmp_path: Path) -> None:
    with pytest.raises(SnapshotError, match="does not exist"):
        store.save(tenant, tmp_path / "nope" / "t.json")


def _refused(path: Path, tenant: Tenant) -> SnapshotError:
    before = fingerprint(tenant)
    with pytest.raises(SnapshotError) as err:
        store.load(path)
    assert str(path) in str(err.value) and err.value.path == str(path)
    assert fingerprint(tenant) == before  # the caller's tenant is untouched
    return err.value


def test_corrupt_file_is_refused(tenant: Tenant, tmp_path: Path) -> None:
    path = store.save(tenant, tmp_path / "c.json")
    raw = path.read_text()
    path.write_text(raw.replace('"users"', '"users" oops', 1))
    assert "not valid JSON" in _refused(path, tenant).problem


def test_truncated_file_is_refused(tenant: Tenant, tmp_path: Path) -> None:
    path = store.save(tenant, tmp_path / "t.json")
    raw = path.read_bytes()
    for cut in (len(raw) // 2, len(raw) - 5, 40):
        path.write_bytes(raw[:cut])
        assert "truncated" in _refused(path, tenant).problem, cut


@pytest.mark.parametrize(("content", "phrase"), [
    ('{"format": "something-else", "version": 1}', "format marker is 'something-else'"),
    ('[1, 2, 3]', "no format marker"),
    ('{"users": []}', "no format marker"),
    ('{"format": "o365shell-tenant", "version": "1"}', "version field"),
    ('{"format": "o365shell-tenant", "version": 1}', "tenant must be a JSON object"),
    ('{"format": "o365shell-tenant", "version": 1, "tenant": {"display_name": "X"}}', "tenant.initial_domain is missing"),
])
def test_foreign_files_are_refused(tenant: Tenant, tmp_path: Path, content: str, phrase: str) -> None:
    path = tmp_path / "f.json"
    path.write_text(content)
    assert phrase in _refused(path, tenant).problem


def test_wrong_types_inside_a_real_snapshot_are_refused(tenant: Tenant, tmp_path: Path) -> None:
    path = store.save(tenant, tmp_path / "w.json")
    data = json.loads(path.read_text())
    data["tenant"]["users"][2]["mfa_state"] = "Sometimes"
    path.write_text(json.dumps(data))
    assert "tenant.users[2].mfa_state" in _refused(path, tenant).problem
    data["tenant"]["users"][2]["mfa_state"] = "Enforced"
    data["tenant"]["users"][1]["block_credential"] = "yes"
    path.write_text(json.dumps(data))
    assert "tenant.users[1].block_credential must be true or false" in _refused(path, tenant).problem
    data["tenant"]["users"][1]["block_credential"] = False
    data["tenant"]["users"][1]["password_hash"] = "Pass@word1"
    path.write_text(json.dumps(data))
    assert "not a salted password hash" in _refused(path, tenant).problem
    data["tenant"]["users"][1]["password_hash"] = data["tenant"]["users"][0]["password_hash"]
    data["tenant"]["org_config"]["values"]["OAuth2ClientProfileEnabled"] = "maybe"
    path.write_text(json.dumps(data))
    assert "OAuth2ClientProfileEnabled" in _refused(path, tenant).problem


def test_newer_version_is_refused(tenant: Tenant, tmp_path: Path) -> None:
    path = store.save(tenant, tmp_path / "n.json")
    data = json.loads(path.read_text())
    data["version"] = 2
    path.write_text(json.dumps(data))
    assert "newer o365shell (snapshot version 2" in _refused(path, tenant).problem


@pytest.mark.parametrize(("content", "phrase"), [(b"", "empty"), (b"\xff\xfe\x00garbage", "not UTF-8")])
def test_empty_and_binary_files_are_refused(tenant: Tenant, tmp_path: Path, content: bytes, phrase: str) -> None:
    path = tmp_path / "b.json"
    path.write_bytes(content)
    assert phrase in _refused(path, tenant).problem


def test_missing_file_is_refused(tenant: Tenant, tmp_path: Path) -> None:
    assert "does not exist" in _refused(tmp_path / "absent.json", tenant).problem


def test_key_file_created_private_on_first_save(tenant: Tenant, tmp_path: Path, key_file: Path) -> None:
    assert not key_file.exists()
    store.save(tenant, tmp_path / "k.json")
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert len(bytes.fromhex(key_file.read_text().strip())) == 32
    key = key_file.read_text()
    store.save(tenant, tmp_path / "k2.json")
    assert key_file.read_text() == key


@pytest.mark.parametrize("problem", ["missing", "other key"])
def test_without_the_right_key_authenticators_must_be_reregistered(tenant: Tenant, tmp_path: Path, key_file: Path,
                                                                   problem: str) -> None:
    path = store.save(tenant, tmp_path / "k.json")
    if problem == "missing":
        key_file.unlink()
    else:
        key_file.write_text(os.urandom(32).hex())
    loaded, warnings = store.load_with_warnings(path)
    assert len(warnings) == 1 and "register the authenticator app again" in warnings[0] and ALEX in warnings[0]
    assert loaded.load_warnings == warnings
    alex = loaded.get_user(ALEX)
    assert alex.method_types() == ("PhoneAppOTP",) and alex.authenticator_reregistration_required
    result = sign_in(loaded, ALEX, PASSWORD, otp=code_at(loaded, ALEX_SECRET))
    assert result.Result == "MfaRegistrationRequired" and "registered again" in result.Reason
    reg = provisioning.register_authenticator_app(loaded, ALEX, PASSWORD)
    provisioning.confirm_authenticator_app(loaded, ALEX, code_at(loaded, reg.Secret))
    assert not loaded.get_user(ALEX).authenticator_reregistration_required
    step(loaded)
    assert sign_in(loaded, ALEX, PASSWORD, otp=code_at(loaded, reg.Secret)).Result == "Success"


def test_clock_state_round_trips_in_real_mode(tmp_path: Path) -> None:
    t = build_tenant()
    t.clock.advance(timedelta(days=2))
    loaded = store.load(store.save(t, tmp_path / "r.json"))
    assert not loaded.clock.is_frozen and loaded.clock.offset == timedelta(days=2)

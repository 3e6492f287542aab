"""The documented Contoso seed (SPEC §4) and deterministic synthetic users.

``build_tenant(size=0, cloud="AzureCloud")`` returns a fresh tenant with:

* domains ``contoso.onmicrosoft.com`` (initial) and ``contoso.com`` (default);
* SKUs ``contoso:ENTERPRISEPACK`` (Office 365 E3, includes Exchange) and ``contoso:EMS``
  (EMS E3), each with 25 + ``size`` active units;
* the nine seeded users of :data:`SEED_USERS` (password ``Pass@word1``) with their roles,
  MFA states and methods (AlexW: PhoneAppOTP with secret ``JBSWY3DPEHPK3PXP``, Enforced;
  PattiF: OneWaySMS ``+1 4255550101``, Enabled; IsaiahL blocked; JoniS unlicensed);
* ``size`` synthetic users ``user00001@contoso.com``... spread over departments, MFA
  states (mostly Disabled, 10% Enabled, 5% Enforced with phone methods) and licenses.

ObjectIds are uuid5 of the lower-cased UPN (:func:`directory.object_id_for`), so every
build is identical.  All seeded and synthetic users share one salted hash of the seed
password, computed once per process (fast seeding).

21Vianet variant (``cloud="AzureChinaCloud"``): the initial domain is
``contoso.partner.onmschina.cn`` (as real 21Vianet tenants), so the seeded Global
Administrator is ``admin@contoso.partner.onmschina.cn``; ``contoso.com`` stays the default
domain, every other seeded user is unchanged, users' UsageLocation is CN and the company
address is in Shanghai.  Use :func:`admin_upn` rather than hard-coding the admin UPN.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache

from .constants import Cloud, MethodType, MfaState
from .crypto import hash_password, verify_password
from .directory import object_id_for
from .errors import ValidationError
from .model import Tenant
from .org import AccountSku, Domain
from .roles import (
    AUTHENTICATION_ADMINISTRATOR,
    EXCHANGE_ADMINISTRATOR,
    GLOBAL_ADMINISTRATOR,
    USER_ADMINISTRATOR,
    Role,
)
from .users import PhoneAppDetail, StrongAuthMethod, StrongAuthUserDetails, User

__all__ = [
    "SEED_PASSWORD",
    "SEED_CREATED",
    "ALEX_TOTP_SECRET",
    "PATTI_PHONE",
    "SeedUser",
    "SEED_USERS",
    "build_tenant",
    "admin_upn",
    "lab_credential",
    "synthetic_upn",
]

SEED_PASSWORD = "Pass@word1"
SEED_CREATED = datetime(2023, 9, 1, 8, 0, 0, tzinfo=timezone.utc)
ALEX_TOTP_SECRET = "JBSWY3DPEHPK3PXP"
PATTI_PHONE = "+1 4255550101"
E3 = "contoso:ENTERPRISEPACK"
EMS = "contoso:EMS"
DEFAULT_DOMAIN = "contoso.com"
INITIAL_DOMAINS = {Cloud.AZURE_CLOUD: "contoso.onmicrosoft.com", Cloud.AZURE_CHINA_CLOUD: "contoso.partner.onmschina.cn"}


@dataclass(frozen=True, slots=True)
class SeedUser:
    """One row of the seed table (``upn`` of the admin uses ``{initial}`` for the initial domain)."""

    upn: str
    display_name: str
    first_name: str
    last_name: str
    department: str
    title: str
    city: str
    office: str
    phone: str
    roles: tuple[Role, ...]
    mfa_state: MfaState
    licenses: tuple[str, ...]
    blocked: bool = False


SEED_USERS: tuple[SeedUser, ...] = (
    SeedUser("admin@{initial}", "MOD Administrator", "MOD", "Administrator", "IT", "Global Administrator",
             "Redmond", "18/2111", "+1 425 555 0100", (GLOBAL_ADMINISTRATOR,), MfaState.DISABLED, (E3, EMS)),
    SeedUser("AdeleV@contoso.com", "Adele Vance", "Adele", "Vance", "Retail", "Retail Manager",
             "Tulsa", "18/2111", "+1 918 555 0101", (), MfaState.ENABLED, (E3,)),
    SeedUser("AlexW@contoso.com", "Alex Wilber", "Alex", "Wilber", "Marketing", "Marketing Assistant",
             "San Diego", "131/1104", "+1 858 555 0109", (), MfaState.ENFORCED, (E3,)),
    SeedUser("MeganB@contoso.com", "Megan Bowen", "Megan", "Bowen", "Marketing", "Marketing Manager",
             "Pittsburgh", "12/1110", "+1 412 555 0109", (), MfaState.DISABLED, (E3,)),
    SeedUser("LeeG@contoso.com", "Lee Gu", "Lee", "Gu", "IT", "IT Support Lead",
             "Birmingham", "23/3101", "+1 205 555 0108", (USER_ADMINISTRATOR,), MfaState.DISABLED, (E3, EMS)),
    SeedUser("PattiF@contoso.com", "Patti Fernandez", "Patti", "Fernandez", "IT", "Messaging Administrator",
             "Louisville", "15/1102", "+1 502 555 0102", (EXCHANGE_ADMINISTRATOR,), MfaState.ENABLED, (E3, EMS)),
    SeedUser("DiegoS@contoso.com", "Diego Siciliani", "Diego", "Siciliani", "IT", "Identity Administrator",
             "Birmingham", "14/1108", "+1 205 555 0107", (AUTHENTICATION_ADMINISTRATOR,), MfaState.DISABLED, (E3, EMS)),
    SeedUser("IsaiahL@contoso.com", "Isaiah Langer", "Isaiah", "Langer", "Sales", "Sales Representative",
             "Tulsa", "20/1101", "+1 918 555 0104", (), MfaState.DISABLED, (E3,), blocked=True),
    SeedUser("JoniS@contoso.com", "Joni Sherman", "Joni", "Sherman", "Legal", "Paralegal",
             "Charlotte", "20/1109", "+1 980 555 0101", (), MfaState.DISABLED, ()),
)

_FIRST = (
    "Aaron", "Abigail", "Adrian", "Aisha", "Alan", "Alicia", "Amir", "Ana", "Ben", "Bianca", "Carlos", "Chloe",
    "Daniel", "Dana", "Elena", "Emeka", "Fatima", "Felix", "Grace", "Hannah", "Hiro", "Ines", "Ivan", "Jade",
    "Jonas", "Kara", "Kenji", "Laura", "Liam", "Maya", "Mohammed", "Nina", "Omar", "Priya", "Quinn", "Rosa",
    "Samir", "Sofia", "Tom", "Uma", "Victor", "Wei", "Yara", "Zoe",
)
_LAST = (
    "Abbott", "Baker", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Jensen", "Kowalski",
    "Lopez", "Mensah", "Nguyen", "Okafor", "Patel", "Quinn", "Rossi", "Schmidt", "Tanaka", "Usman", "Varga",
    "Williams", "Xu", "Young", "Zimmerman",
)
_DEPARTMENTS: dict[str, tuple[str, ...]] = {
    "Sales": ("Sales Representative", "Account Manager", "Sales Manager"),
    "Marketing": ("Marketing Specialist", "Content Writer", "Marketing Manager"),
    "Finance": ("Accountant", "Financial Analyst", "Controller"),
    "Human Resources": ("HR Generalist", "Recruiter", "HR Manager"),
    "IT": ("Support Technician", "Systems Engineer", "IT Manager"),
    "Engineering": ("Software Engineer", "QA Engineer", "Engineering Manager"),
    "Operations": ("Operations Analyst", "Logistics Coordinator", "Operations Manager"),
    "Legal": ("Paralegal", "Counsel", "Compliance Officer"),
    "Research": ("Researcher", "Lab Technician", "Research Lead"),
    "Customer Service": ("Service Agent", "Team Lead", "Service Manager"),
    "Retail": ("Store Associate", "Store Manager", "Merchandiser"),
    "Manufacturing": ("Machine Operator", "Quality Inspector", "Plant Manager"),
}
_CITIES = ("Redmond", "Seattle", "Tulsa", "Pittsburgh", "Birmingham", "Charlotte", "Louisville", "San Diego",
           "Austin", "Denver", "Chicago", "Boston")
_CHINA_CITIES = ("Shanghai", "Beijing", "Shenzhen", "Guangzhou", "Hangzhou", "Chengdu")

_SMS_DEFAULT = (StrongAuthMethod(MethodType.ONE_WAY_SMS, True),)
_VOICE_DEFAULT = (StrongAuthMethod(MethodType.TWO_WAY_VOICE_MOBILE, True),)
_APP_OTP_DEFAULT = (StrongAuthMethod(MethodType.PHONE_APP_OTP, True),)


@lru_cache(maxsize=1)
def _seed_hash() -> str:
    """One salted hash of the seed password, shared by every seeded and synthetic user."""
    return hash_password(SEED_PASSWORD)


def synthetic_upn(index: int) -> str:
    """The UPN of synthetic user number ``index`` (1-based): ``user00001@contoso.com``.

    Five digits at least, more past 99999 (``user100000@contoso.com``), so a user's name
    does not depend on the tenant size.
    """
    return f"user{index:05d}@{DEFAULT_DOMAIN}"


def admin_upn(tenant: Tenant) -> str:
    """The seeded Global Administrator's UPN (depends on the initial domain / cloud)."""
    return f"admin@{tenant.initial_domain}"


def _company(tenant: Tenant, cloud: Cloud) -> None:
    c = tenant.company
    if cloud == Cloud.AZURE_CHINA_CLOUD:
        c.street, c.city, c.state, c.postal_code = "1000 Lujiazui Ring Road", "Shanghai", "Shanghai", "200120"
        c.country, c.country_letter_code, c.telephone_number = "China", "CN", "+86 21 5555 0100"
        c.authorized_service_instances = ("exchange/CHNPR01-001-01", "SharePoint/CN001", "MicrosoftOffice/ChinaCloud")
    else:
        c.street, c.city, c.state, c.postal_code = "One Microsoft Way", "Redmond", "WA", "98052"
        c.country, c.country_letter_code, c.telephone_number = "United States", "US", "+1 425 555 0100"
        c.authorized_service_instances = ("exchange/namprd01-001-01", "SharePoint/NA001", "MicrosoftOffice/NA001",
                                          "YammerEnterprise/NA001", "MicrosoftCommunicationsOnline/NOAM-0M-01")
    c.preferred_language = "en"
    c.technical_notification_emails = (f"admin@{tenant.initial_domain}",)
    c.marketing_notification_emails = ()


def build_tenant(size: int = 0, cloud: str = "AzureCloud") -> Tenant:
    """A fresh Contoso tenant with the documented seed plus ``size`` synthetic users."""
    if isinstance(size, bool) or not isinstance(size, int) or size < 0:
        raise ValidationError("The tenant size must be zero or a positive whole number.", "Size", size)
    kind = Cloud.parse(cloud, "Cloud")
    initial = INITIAL_DOMAINS[kind]
    tenant = Tenant("Contoso", initial, kind)
    tenant.domains[initial.lower()].is_default = False
    tenant._add_domain(Domain(DEFAULT_DOMAIN, is_default=True))  # noqa: SLF001
    tenant.org_config.when_created = tenant.org_config.when_changed = SEED_CREATED
    tenant.cs_oauth.when_changed = SEED_CREATED
    audit_config = tenant.audit_config   # auditing on since the tenant was created (the Microsoft 365 default)
    audit_config.first_opt_in_date = audit_config.when_created = audit_config.when_changed = SEED_CREATED
    _company(tenant, kind)
    tenant._add_sku(AccountSku(E3, "6fd2c87f-b296-42f0-b197-1e91e994b900", "ENTERPRISEPACK", 25 + size,  # noqa: SLF001
                               includes_exchange=True,
                               service_plans=("EXCHANGE_S_ENTERPRISE", "SHAREPOINTENTERPRISE", "MCOSTANDARD",
                                              "OFFICESUBSCRIPTION", "TEAMS1")))
    tenant._add_sku(AccountSku(EMS, "efccb6f7-5641-4e0e-bd10-b4976e1bf68e", "EMS", 25 + size,  # noqa: SLF001
                               service_plans=("AAD_PREMIUM", "INTUNE_A", "RMS_S_PREMIUM", "MFA_PREMIUM")))
    usage = "CN" if kind == Cloud.AZURE_CHINA_CLOUD else "US"
    password_hash = _seed_hash()
    for row in SEED_USERS:
        upn = row.upn.format(initial=initial)
        user = User(
            user_principal_name=upn,
            object_id=object_id_for(tenant, upn),
            display_name=row.display_name,
            password_hash=password_hash,
            first_name=row.first_name,
            last_name=row.last_name,
            department=row.department,
            title=row.title,
            office=row.office,
            city=row.city,
            country="China" if usage == "CN" else "United States",
            phone_number=row.phone,
            usage_location=usage,
            preferred_language="en-US",
            licenses=row.licenses,
            block_credential=row.blocked,
            when_created=SEED_CREATED,
            last_password_change=SEED_CREATED,
            sts_refresh_tokens_valid_from=SEED_CREATED,
            mfa_state=row.mfa_state,
        )
        tenant._add_user(user)  # noqa: SLF001
        for role in row.roles:
            tenant._add_role_member(role, user)  # noqa: SLF001
    _seed_methods(tenant)
    _add_synthetic(tenant, size, kind, password_hash)
    return tenant


def _seed_methods(tenant: Tenant) -> None:
    proofup = int(SEED_CREATED.timestamp())
    alex = tenant.get_user("AlexW@contoso.com")
    alex.methods = _APP_OTP_DEFAULT
    alex.phone_app_details = (PhoneAppDetail("8c2f0a4e-6b1d-4f0b-9a51-0d6c1c2a7e01", "Alex's iPhone"),)
    alex.runtime().totp_secret = ALEX_TOTP_SECRET
    alex.proofup_time = proofup
    alex.user_details = StrongAuthUserDetails(email="AlexW@contoso.com")
    patti = tenant.get_user("PattiF@contoso.com")
    patti.methods = _SMS_DEFAULT
    patti.user_details = StrongAuthUserDetails(phone_number=PATTI_PHONE, email="PattiF@contoso.com")
    patti.proofup_time = proofup


def _add_synthetic(tenant: Tenant, size: int, cloud: Cloud, password_hash: str) -> None:
    if size <= 0:
        return
    departments = tuple(_DEPARTMENTS.items())
    cities = _CHINA_CITIES if cloud == Cloud.AZURE_CHINA_CLOUD else _CITIES
    country = "China" if cloud == Cloud.AZURE_CHINA_CLOUD else "United States"
    usage = "CN" if cloud == Cloud.AZURE_CHINA_CLOUD else "US"
    license_sets = {0: (E3,), 1: (E3, EMS), 2: ()}
    names: dict[tuple[int, int], str] = {}
    add = tenant._add_user  # noqa: SLF001
    n_first, n_last, n_dept, n_city = len(_FIRST), len(_LAST), len(departments), len(cities)
    for i in range(1, size + 1):
        upn = synthetic_upn(i)
        fi, li = i % n_first, (i // n_first) % n_last
        display = names.get((fi, li))
        if display is None:
            display = names[(fi, li)] = f"{_FIRST[fi]} {_LAST[li]}"
        dept, titles = departments[i % n_dept]
        licenses = license_sets[2 if i % 10 == 0 else (1 if i % 4 == 0 else 0)]
        bucket = i % 20
        state = MfaState.DISABLED
        methods: tuple[StrongAuthMethod, ...] = ()
        details = None
        if bucket == 0:
            state, methods = MfaState.ENFORCED, _SMS_DEFAULT
        elif bucket == 5:
            state, methods = MfaState.ENABLED, _VOICE_DEFAULT
        elif bucket == 10:
            state = MfaState.ENABLED
        if methods:
            details = StrongAuthUserDetails(phone_number=f"+1 555{i % 10_000_000:07d}")
        add(User(
            user_principal_name=upn,
            object_id=object_id_for(tenant, upn),
            display_name=display,
            password_hash=password_hash,
            first_name=_FIRST[fi],
            last_name=_LAST[li],
            department=dept,
            title=titles[i % 3],
            city=cities[i % n_city],
            country=country,
            usage_location=usage,
            licenses=licenses,
            block_credential=i % 97 == 0,
            when_created=SEED_CREATED,
            last_password_change=SEED_CREATED,
            mfa_state=state,
            methods=methods,
            user_details=details,
            proofup_time=1693555200 if methods else None,
        ))


def lab_credential(tenant: Tenant, upn: str) -> tuple[str, str]:
    """Get-LabCredential: (UPN, password) of a seeded user whose password is still the seed one.

    ValidationError when the password was changed (the lab no longer knows it).
    """
    user = tenant.get_user(upn)
    if user.password_hash is not _seed_hash() and not verify_password(SEED_PASSWORD, user.password_hash):
        raise ValidationError(
            f"The password of {user.user_principal_name} is no longer the seed password; the lab does not know it.",
            "UserPrincipalName", upn,
        )
    return user.user_principal_name, SEED_PASSWORD

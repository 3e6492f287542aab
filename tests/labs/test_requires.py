"""#Requires statements checked as pwsh 7.4 does (o365shell.lab.requires)."""
from __future__ import annotations

import pytest

from o365shell.engine.requires import module_names, parse_requires, requirement_error

MISSING = ("The script 's.ps1' cannot be run because the following modules that are specified by the "
           "\"#requires\" statements of the script are missing: {}.")


@pytest.mark.parametrize("text", [
    "#Requires -Modules MSOnline\n'x'",
    "#requires -Version 3.0 -Modules MSOnline",
    "#REQUIRES -Modules ExchangeOnlineManagement, Microsoft.Graph.Authentication",
    "#Requires -Version 5.1\n#Requires -Modules @{ModuleName=\"MSOnline\"; ModuleVersion=\"1.0\"}",
    "#Requires -Modules Microsoft.Graph.Identity.SignIns,Microsoft.Graph.Beta.Identity.SignIns",
    "#Requires -Modules Microsoft.PowerShell.Utility",
    "#Requires -RunAsAdministrator",
    "#Requires -PSEdition Core",
    "#Requires -Version 7.4",
    "# Requires -Modules Nothing  (not a #requires statement)",
    "'no requirements at all'",
])
def test_scripts_that_may_run(text: str) -> None:
    assert requirement_error(text, "/scripts/s.ps1") is None


@pytest.mark.parametrize("text,missing", [
    ("#Requires -Modules ActiveDirectory\n'x'", "ActiveDirectory"),
    ("#Requires -Modules Foo.Bar, MSOnline", "Foo.Bar"),
    ("#Requires -Modules AzureAD\n#Requires -Modules Az.Accounts, AzureAD", "AzureAD, Az.Accounts"),
    ("#Requires -Modules @{ ModuleName = 'RealmJoin.RunbookHelper'; ModuleVersion = '0.8.3' }",
     "RealmJoin.RunbookHelper"),
])
def test_missing_modules(text: str, missing: str) -> None:
    assert requirement_error(text, "/scripts/s.ps1") == MISSING.format(missing)


def test_version_and_edition() -> None:
    assert "for PowerShell 8.0" in requirement_error("#Requires -Version 8", "s.ps1")
    assert "PowerShell editions 'Desktop'" in requirement_error("#Requires -PSEdition Desktop", "s.ps1")


def test_malformed_statement() -> None:
    err = requirement_error("#Requires -Bogus 1", "s.ps1")
    assert err.startswith("The script 's.ps1' cannot be run because it contains a #requires statement that is not "
                          "in the correct format")


def test_parsing_details() -> None:
    reqs = parse_requires("'a'\n#requires -Version 3.0 -Modules MSOnline,@{ModuleName='X'}\n")
    assert [(r.name, r.value, r.line) for r in reqs] == [("version", "3.0", 2),
                                                         ("modules", "MSOnline,@{ModuleName='X'}", 2)]
    assert module_names("'A', \"B\",@{ModuleName=\"C\";ModuleVersion='1.0'}") == ["A", "B", "C"]

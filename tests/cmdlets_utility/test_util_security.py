"""ConvertTo-SecureString, ConvertFrom-SecureString and Get-Credential."""
from __future__ import annotations

from util_support import err, lines, out, ps, sh  # noqa: F401  (fixtures)


def test_plain_text_to_secure_string(ps):
    r = ps("$s = ConvertTo-SecureString 'Pass@word1' -AsPlainText -Force\n$s.GetType().FullName\n$s.Length\n\"$s\"\n"
           "(ConvertTo-SecureString 'x' -AsPlainText).Length")
    assert out(r) == ["System.Security.SecureString", "10", "System.Security.SecureString", "1"]


def test_encrypted_standard_string_round_trip_without_the_secret_in_clear(ps, tmp_path):
    r = ps("$s = ConvertTo-SecureString 'Pass@word1' -AsPlainText -Force\n$e = $s | ConvertFrom-SecureString\n$e\n"
           "$back = $e | ConvertTo-SecureString\nConvertFrom-SecureString $back -AsPlainText")
    enc, plain = out(r)
    assert plain == "Pass@word1"
    assert "Pass" not in enc and enc.startswith("01000000d08c9ddf")
    assert all(c in "0123456789abcdef" for c in enc)
    key = tmp_path / "keys" / "securestring.key"
    assert key.exists() and oct(key.stat().st_mode & 0o777) == "0o600"


def test_encrypted_string_survives_a_new_session_of_the_same_user(ps, tmp_path):
    from o365shell.embed import Shell
    enc = out(ps("ConvertTo-SecureString 'abc' -AsPlainText | ConvertFrom-SecureString"))[0]
    r = Shell().run(f"ConvertTo-SecureString '{enc}' | ConvertFrom-SecureString -AsPlainText")
    assert lines(r.stdout) == ["abc"]


def test_key_based_encryption(ps):
    r = ps("$s = ConvertTo-SecureString 'Pass@word1' -AsPlainText\n$k = 1..32\n$e = ConvertFrom-SecureString $s -Key $k\n"
           "$e.StartsWith('76492d1116743f0423413b16050a5345')\n"
           "ConvertTo-SecureString $e -Key $k | ConvertFrom-SecureString -AsPlainText\n"
           "ConvertTo-SecureString $e -Key (2..33)")
    assert lines(r.stdout) == ["True", "Pass@word1"]
    assert "Key not valid for use in specified state." in err(r)


def test_bad_key_length(ps):
    r = ps("ConvertFrom-SecureString (ConvertTo-SecureString 'x' -AsPlainText) -Key (1..5)")
    assert "Valid key length settings are either 128 bits, 192 bits, or 256 bits." in err(r)


def test_not_an_encrypted_string(ps):
    assert "Input string was not in a correct format." in err(ps("ConvertTo-SecureString 'garbage'"))


def test_missing_string(ps):
    assert "missing mandatory parameters: String" in err(ps("ConvertTo-SecureString"))


def test_credential_from_secure_string(ps):
    r = ps("$pw = ConvertTo-SecureString 'Pass@word1' -AsPlainText -Force\n"
           "$c = New-Object System.Management.Automation.PSCredential ('admin@contoso.com', $pw)\n"
           "(Get-Credential -Credential $c).UserName\n$c.GetNetworkCredential().Password")
    assert out(r) == ["admin@contoso.com", "Pass@word1"]


def test_get_credential_non_interactive(ps):
    r = ps("$c = Get-Credential -UserName admin@contoso.com -Message 'Sign in'\n'after'")
    assert lines(r.stdout) == ["after"]
    assert "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available." in err(r)


def test_get_credential_prompts_the_host(sh):
    from o365shell.engine.valuetypes import PSCredential, SecureString
    seen = []

    def prompt(caption, message, user):
        seen.append((caption, message, user))
        return PSCredential(user or "someone", SecureString("pw"))
    sh.host.prompt_credential = prompt
    r = sh.run("$c = Get-Credential admin@contoso.com\n$c.UserName\n$c.GetNetworkCredential().Password\n"
               "(Get-Credential -Message 'Tenant admin' -Title 'Lab').UserName")
    assert lines(r.stdout) == ["admin@contoso.com", "pw", "someone"]
    assert seen == [("PowerShell credential request", "Enter your credentials.", "admin@contoso.com"),
                    ("Lab", "Tenant admin", None)]

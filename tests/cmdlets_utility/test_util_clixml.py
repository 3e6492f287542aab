"""Export-Clixml / Import-Clixml: round trips, secrets never in clear, and broken files."""
from __future__ import annotations

from util_support import lines, ps, sh  # noqa: F401  (fixtures)


def test_round_trip_of_a_custom_object(ps, tmp_path):
    f = tmp_path / "o.xml"
    r = ps(f"[pscustomobject]@{{ Name = 'Adele'; Count = 3; Tags = @('a','b') }} | Export-Clixml '{f}'\n"
           f"$o = Import-Clixml '{f}'; $o.Name; $o.Count + 1; $o.Tags -join '+'; $o.pstypenames[0]")
    assert (lines(r.stdout), r.stderr) == (["Adele", "4", "a+b", "Deserialized.System.Management.Automation.PSCustomObject"], "")


def test_credential_password_is_not_stored_in_clear(ps, tmp_path):
    f = tmp_path / "c.xml"
    r = ps("$c = [pscredential]::new('a@contoso.com', (ConvertTo-SecureString 'Pass@word1' -AsPlainText -Force))\n"
           f"$c | Export-Clixml '{f}'; (Import-Clixml '{f}').GetNetworkCredential().Password")
    assert lines(r.stdout) == ["Pass@word1"]
    assert "Pass@word1" not in f.read_text()


def test_corrupt_files_give_the_xml_error(ps, tmp_path):
    (tmp_path / "bad.xml").write_text("garbage\n")
    (tmp_path / "cut.xml").write_text("<Objs><Obj")
    r = ps(f"Import-Clixml '{tmp_path / 'bad.xml'}'; 'next'; Import-Clixml '{tmp_path / 'cut.xml'}'")
    assert r.stdout == "next\n"
    first, second = r.stderr.splitlines()
    assert first == "Import-Clixml: Data at the root level is invalid. Line 1, position 1."
    assert second.startswith("Import-Clixml: Unexpected end of file has occurred. Line 1, position ")

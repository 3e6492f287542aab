import uuid

import pytest

from o365shell.engine.netlib import guid as guid_mod
from o365shell.engine.netlib.exceptions import (
    ArgumentException,
    ArgumentOutOfRangeException,
    FormatException,
)
from o365shell.engine.netlib.guid import Guid
from o365shell.engine.netlib.version import Version


def test_version_parts():
    v = Version("1.2.3")
    assert (v.Major, v.Minor, v.Build, v.Revision) == (1, 2, 3, -1)
    assert Version(1, 2).Build == -1 and Version().ToString() == "0.0"
    v4 = Version(1, 2, 3, 0x00050006)
    assert v4.MajorRevision == 5 and v4.MinorRevision == 6
    assert str(Version("10.0.19041.1")) == "10.0.19041.1"


def test_version_compare():
    assert Version("1.2") < Version("1.2.0") < Version("1.2.1") < Version("1.10")
    assert Version("2.0") == Version(2, 0) and Version("2.0") != Version("2.0.0")
    assert Version("1.2").CompareTo(Version("1.3")) == -1
    assert Version("1.2").CompareTo(None) == 1
    assert len({Version("1.2"), Version(1, 2)}) == 1
    assert sorted([Version("1.10"), Version("1.9")])[0] == Version("1.9")


def test_version_tostring_fields():
    v = Version("1.2.3")
    assert v.ToString(2) == "1.2" and v.ToString(0) == "" and v.ToString(3) == "1.2.3"
    with pytest.raises(ArgumentException) as e:
        v.ToString(4)
    assert e.value.Message == "Argument must be between 0 and 3. (Parameter 'fieldCount')"


@pytest.mark.parametrize("bad,exc", [("1", ArgumentException), ("1.2.3.4.5", ArgumentException),
                                     ("1.a", FormatException), ("1.-2", ArgumentOutOfRangeException)])
def test_version_errors(bad, exc):
    with pytest.raises(exc):
        Version(bad)


G = "6f9619ff-8b86-d011-b42d-00cf4fc964ff"


def test_guid_formats():
    g = Guid(G)
    assert g.ToString() == G and str(g) == G
    assert g.ToString("N") == G.replace("-", "")
    assert g.ToString("B") == "{" + G + "}"
    assert g.ToString("P") == "(" + G + ")"
    assert g.ToString("X") == ("{0x6f9619ff,0x8b86,0xd011,{0xb4,0x2d,0x00,0xcf,0x4f,0xc9,0x64,"
                               "0xff}}")
    with pytest.raises(FormatException):
        g.ToString("Z")


@pytest.mark.parametrize("text", [G, G.upper(), G.replace("-", ""), "{" + G + "}", "(" + G + ")",
                                  "{0x6f9619ff,0x8b86,0xd011,{0xb4,0x2d,0x00,0xcf,0x4f,0xc9,0x64,"
                                  "0xff}}", "  " + G + " "])
def test_guid_parse(text):
    assert Guid.Parse(text) == Guid(G)


def test_guid_misc():
    assert Guid.Empty.ToString() == "00000000-0000-0000-0000-000000000000"
    assert Guid() == Guid.Empty
    with pytest.raises(FormatException):
        Guid.Parse("not-a-guid")
    with pytest.raises(FormatException):
        Guid.ParseExact(G, "N")
    assert Guid.ParseExact(G.replace("-", ""), "N") == Guid(G)
    g = Guid(G)
    assert Guid(g.ToByteArray()) == g
    assert g.ToByteArray()[:4] == [0xff, 0x19, 0x96, 0x6f]
    assert len({Guid(G), Guid(G.upper())}) == 1
    a, b = Guid.NewGuid(), Guid.NewGuid()
    assert a != b and len(a.ToString()) == 36
    guid_mod.set_guid_factory(lambda: uuid.UUID(int=1))
    try:
        assert Guid.NewGuid().ToString("N") == "0" * 31 + "1"
    finally:
        guid_mod.set_guid_factory(None)

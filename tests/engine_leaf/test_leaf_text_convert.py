"""dotnet_text / dotnet_convert: Encoding, Convert, BitConverter."""
from __future__ import annotations

from decimal import Decimal

import pytest

from o365shell.engine.dotnet_convert import BitConverter, Convert
from o365shell.engine.dotnet_text import ENCODING_STATICS as ENC
from o365shell.engine.dotnet_text import UTF8Encoding, get_encoding
from o365shell.engine.netlib.exceptions import FormatException, InvalidCastException, OverflowException


def test_base64_roundtrip() -> None:
    data = ENC["UTF8"].GetBytes("Pass@word1 ✓")
    text = Convert.ToBase64String(data)
    assert text == "UGFzc0B3b3JkMSDinJM="
    back = Convert.FromBase64String(text)
    assert list(back) == list(data)
    assert ENC["UTF8"].GetString(back) == "Pass@word1 ✓"
    assert Convert.FromBase64String(" SGk=\r\n") == [72, 105]
    assert Convert.ToBase64String([1, 2, 3, 4], 1, 2) == "AgM="
    with pytest.raises(FormatException) as e:
        Convert.FromBase64String("abc")
    assert e.value.Message.startswith("The input is not a valid Base-64 string")


def test_to_int32_rounding_and_errors() -> None:
    assert Convert.ToInt32(2.5) == 2
    assert Convert.ToInt32(3.5) == 4
    assert Convert.ToInt32(-2.5) == -2
    assert Convert.ToInt32(Decimal("4.5")) == 4
    assert Convert.ToInt32(" 42 ") == 42
    assert Convert.ToInt32(True) == 1 and Convert.ToInt32(None) == 0
    with pytest.raises(FormatException) as e:
        Convert.ToInt32("12.5")
    assert e.value.Message == "The input string '12.5' was not in a correct format."
    with pytest.raises(OverflowException) as o:
        Convert.ToInt32(3e9)
    assert o.value.Message == "Value was either too large or too small for an Int32."
    assert Convert.ToInt64(3e9) == 3_000_000_000
    with pytest.raises(OverflowException):
        Convert.ToByte(256)


def test_bases() -> None:
    assert Convert.ToInt32("ff", 16) == 255
    assert Convert.ToInt32("0x1F", 16) == 31
    assert Convert.ToInt32("FFFFFFFF", 16) == -1
    assert Convert.ToInt32("101", 2) == 5
    assert Convert.ToString(255, 16) == "ff"
    assert Convert.ToString(5, 2) == "101"
    assert Convert.ToString(-1, 16) == "ffffffff"
    assert Convert.ToByte("ff", 16) == 255
    with pytest.raises(FormatException):
        Convert.ToInt32("xyz", 16)


def test_other_conversions() -> None:
    assert Convert.ToDouble("1,234.5") == 1234.5
    assert Convert.ToDouble(3) == 3.0
    assert Convert.ToDecimal("1.10") == Decimal("1.10")
    assert Convert.ToBoolean(" TRUE ") is True and Convert.ToBoolean("false") is False
    assert Convert.ToBoolean(0) is False and Convert.ToBoolean(2.5) is True
    with pytest.raises(FormatException) as e:
        Convert.ToBoolean("yes")
    assert e.value.Message == "String 'yes' was not recognized as a valid Boolean."
    assert Convert.ToString(None) == "" and Convert.ToString(True) == "True" and Convert.ToString(1.5) == "1.5"
    assert Convert.ToChar(65) == "A"
    with pytest.raises(FormatException):
        Convert.ToChar("AB")
    with pytest.raises(InvalidCastException):
        Convert.ToBoolean(Convert.ToChar(65))
    assert Convert.ToHexString([1, 171, 255]) == "01ABFF"
    assert Convert.FromHexString("01abff") == [1, 171, 255]
    assert Convert.ToDateTime("2024-01-15").Year == 2024


def test_encodings() -> None:
    utf8 = ENC["UTF8"]
    assert utf8.GetBytes("é") == [195, 169]
    assert utf8.WebName == "utf-8" and utf8.EncodingName == "Unicode (UTF-8)" and utf8.CodePage == 65001
    assert utf8.GetPreamble() == [239, 187, 191]
    assert UTF8Encoding(False).GetPreamble() == []
    assert ENC["Default"].GetPreamble() == []
    assert ENC["Unicode"].GetBytes("A") == [65, 0]
    assert ENC["Unicode"].WebName == "utf-16"
    assert ENC["BigEndianUnicode"].GetBytes("A") == [0, 65]
    assert ENC["UTF32"].GetBytes("A") == [65, 0, 0, 0]
    assert ENC["ASCII"].GetBytes("aé") == [97, 63]
    assert ENC["ASCII"].GetString([72, 200]) == "H?"
    assert ENC["ASCII"].WebName == "us-ascii"
    assert ENC["Latin1"].GetBytes("é") == [233]
    assert utf8.GetString([104, 105, 33], 0, 2) == "hi"
    assert utf8.GetByteCount("€") == 3
    assert get_encoding("utf-16").CodePage == 1200 and get_encoding(20127).WebName == "us-ascii"


def test_bitconverter() -> None:
    assert BitConverter.GetBytes(258) == [2, 1, 0, 0]
    assert BitConverter.ToString(BitConverter.GetBytes(258)) == "02-01-00-00"
    assert BitConverter.ToString([1, 2, 171], 1) == "02-AB"
    assert BitConverter.ToInt32([2, 1, 0, 0], 0) == 258
    assert BitConverter.GetBytes(True) == [1]
    assert BitConverter.ToDouble(BitConverter.GetBytes(1.5), 0) == 1.5
    assert BitConverter.IsLittleEndian is True

"""dotnet_io: System.IO.Path / File / Directory on Linux."""
from __future__ import annotations

import os
from pathlib import Path as P

import pytest

from o365shell.engine.dotnet_io import Directory, DirectoryInfo, File, Path
from o365shell.engine.dotnet_text import UnicodeEncoding, UTF8Encoding
from o365shell.engine.netlib.exceptions import (ArgumentException, ArgumentNullException,
                                                DirectoryNotFoundException, FileNotFoundException, IOException,
                                                UnauthorizedAccessException)


def test_path_combine_join() -> None:
    assert Path.Combine("a", "b") == "a/b"
    assert Path.Combine("a/", "b", "c.txt") == "a/b/c.txt"
    assert Path.Combine("a", "/etc", "x") == "/etc/x"
    assert Path.Combine("a", "", "b") == "a/b"
    assert Path.Combine(["x", "y"]) == "x/y"
    assert Path.Join("a", "/b") == "a/b"
    assert Path.Join("a", "b", "c") == "a/b/c"
    with pytest.raises(ArgumentNullException):
        Path.Combine("a", None)


def test_path_parts() -> None:
    assert Path.GetFileName("/x/y/report.csv") == "report.csv"
    assert Path.GetFileName("/x/y/") == ""
    assert Path.GetFileName(None) is None
    assert Path.GetFileNameWithoutExtension("/x/archive.tar.gz") == "archive.tar"
    assert Path.GetExtension("archive.tar.gz") == ".gz"
    assert Path.GetExtension("noext") == ""
    assert Path.GetExtension("dot.") == ""
    assert Path.GetDirectoryName("/x/y/report.csv") == "/x/y"
    assert Path.GetDirectoryName("/x") == "/"
    assert Path.GetDirectoryName("report.csv") == ""
    assert Path.GetDirectoryName("/") is None
    assert Path.ChangeExtension("a/b.txt", ".md") == "a/b.md"
    assert Path.ChangeExtension("a/b.txt", "md") == "a/b.md"
    assert Path.ChangeExtension("a/b.txt", None) == "a/b"
    assert Path.HasExtension("a.b") and not Path.HasExtension("a")
    assert Path.IsPathRooted("/a") and not Path.IsPathRooted("a/b")
    assert Path.GetFileName(r"C:\x\y.txt") == r"C:\x\y.txt"   # backslash is not a separator on Linux


def test_path_constants_and_full_path(tmp_path: P, monkeypatch: pytest.MonkeyPatch) -> None:
    assert Path.DirectorySeparatorChar == "/" and Path.PathSeparator == ":"
    assert Path.AltDirectorySeparatorChar == "/"
    assert "/" in Path.GetInvalidFileNameChars() and "\x00" in Path.GetInvalidFileNameChars()
    monkeypatch.chdir(tmp_path)
    assert Path.GetFullPath("a/../b/./c") == str(tmp_path / "b" / "c")
    assert Path.GetFullPath("/x/y/../z/") == "/x/z/"
    assert Path.GetTempPath().endswith("/")
    with pytest.raises(ArgumentException):
        Path.GetFullPath("")


def test_temp_and_random_names() -> None:
    name = Path.GetTempFileName()
    try:
        assert os.path.isfile(name) and name.endswith(".tmp") and os.path.getsize(name) == 0
    finally:
        os.remove(name)
    r = Path.GetRandomFileName()
    assert len(r) == 12 and r[8] == "."


def test_file_text_roundtrip(tmp_path: P) -> None:
    f = str(tmp_path / "a.txt")
    assert not File.Exists(f)
    File.WriteAllText(f, "héllo\nworld")
    assert File.Exists(f)
    assert (tmp_path / "a.txt").read_bytes() == "héllo\nworld".encode()
    assert File.ReadAllText(f) == "héllo\nworld"
    File.AppendAllText(f, "\r\nmore\n")
    assert File.ReadAllLines(f) == ["héllo", "world", "more"]
    File.WriteAllLines(f, ["x", "y"])
    assert (tmp_path / "a.txt").read_text() == "x\ny\n"
    File.AppendAllLines(f, ["z"])
    assert File.ReadAllLines(f) == ["x", "y", "z"]
    assert not File.Exists(str(tmp_path)) and not File.Exists(None) and not File.Exists("")


def test_file_encodings_and_bom(tmp_path: P) -> None:
    f = str(tmp_path / "bom.txt")
    File.WriteAllText(f, "A", UTF8Encoding(True))
    assert (tmp_path / "bom.txt").read_bytes() == b"\xef\xbb\xbfA"
    assert File.ReadAllText(f) == "A"
    File.WriteAllText(f, "A", UTF8Encoding(False))
    assert (tmp_path / "bom.txt").read_bytes() == b"A"
    File.WriteAllText(f, "A", UnicodeEncoding())
    assert (tmp_path / "bom.txt").read_bytes() == b"\xff\xfeA\x00"
    assert File.ReadAllText(f) == "A"


def test_file_bytes(tmp_path: P) -> None:
    f = str(tmp_path / "b.bin")
    File.WriteAllBytes(f, [0, 1, 255])
    data = File.ReadAllBytes(f)
    assert data == [0, 1, 255]
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\x01\xff"


def test_file_errors(tmp_path: P) -> None:
    missing = str(tmp_path / "nope.txt")
    with pytest.raises(FileNotFoundException) as e:
        File.ReadAllText(missing)
    assert e.value.Message == f"Could not find file '{missing}'."
    with pytest.raises(DirectoryNotFoundException) as d:
        File.ReadAllText(str(tmp_path / "nodir" / "x.txt"))
    assert d.value.Message == f"Could not find a part of the path '{tmp_path / 'nodir' / 'x.txt'}'."
    with pytest.raises(DirectoryNotFoundException):
        File.WriteAllText(str(tmp_path / "nodir" / "x.txt"), "x")
    with pytest.raises(UnauthorizedAccessException) as u:
        File.ReadAllText(str(tmp_path))
    assert u.value.Message == f"Access to the path '{tmp_path}' is denied."
    File.Delete(missing)  # no error for a missing file, as in .NET


def test_file_copy_move_delete(tmp_path: P) -> None:
    src, dst = str(tmp_path / "s.txt"), str(tmp_path / "d.txt")
    File.WriteAllText(src, "data")
    File.Copy(src, dst)
    assert File.ReadAllText(dst) == "data"
    with pytest.raises(IOException) as e:
        File.Copy(src, dst)
    assert e.value.Message == f"The file '{dst}' already exists."
    File.Copy(src, dst, True)
    moved = str(tmp_path / "m.txt")
    File.Move(src, moved)
    assert not File.Exists(src) and File.Exists(moved)
    File.Delete(moved)
    assert not File.Exists(moved)
    with pytest.raises(FileNotFoundException):
        File.Copy(src, dst, True)


def test_file_times(tmp_path: P) -> None:
    f = str(tmp_path / "t.txt")
    File.WriteAllText(f, "x")
    t = File.GetLastWriteTimeUtc(f)
    assert t.Year >= 2020


def test_directory(tmp_path: P) -> None:
    base = str(tmp_path / "d1" / "d2")
    info = Directory.CreateDirectory(base)
    assert isinstance(info, DirectoryInfo) and info.FullName == base and info.Name == "d2" and info.Exists
    assert Directory.Exists(base) and not Directory.Exists(str(tmp_path / "zz"))
    File.WriteAllText(os.path.join(base, "a.txt"), "")
    File.WriteAllText(os.path.join(base, "b.csv"), "")
    File.WriteAllText(str(tmp_path / "d1" / "top.txt"), "")
    root = str(tmp_path / "d1")
    assert Directory.GetFiles(base) == [f"{base}/a.txt", f"{base}/b.csv"]
    assert Directory.GetFiles(base, "*.txt") == [f"{base}/a.txt"]
    assert Directory.GetFiles(base, "?.csv") == [f"{base}/b.csv"]
    assert Directory.GetFiles(root, "*.txt", "AllDirectories") == [f"{root}/d2/a.txt", f"{root}/top.txt"]
    assert Directory.GetDirectories(root) == [base]
    with pytest.raises(IOException) as e:
        Directory.Delete(root)
    assert e.value.Message == f"Directory not empty : '{root}'"
    Directory.Delete(root, True)
    assert not Directory.Exists(root)
    with pytest.raises(DirectoryNotFoundException) as d:
        Directory.GetFiles(root)
    assert d.value.Message == f"Could not find a part of the path '{root}'."
    assert Directory.GetCurrentDirectory() == os.getcwd()

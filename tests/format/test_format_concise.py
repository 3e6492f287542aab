"""ConciseView rendering of error records, and the WARNING/VERBOSE/DEBUG lines."""
from o365shell.engine.errors import (ErrorCategory, ErrorDetails, ErrorRecord, Position, RuntimeException,
                                     WriteErrorException)
from o365shell.format.concise import (render_debug, render_error, render_verbose, render_warning)
from o365shell.language.ast import Source

SCRIPT = "'a'\n'b'\nWrite-Error 'soft failure'\n"


def _pos(text, needle, path=None, length=None):
    src = Source(text, path)
    start = text.index(needle)
    end = start + (length if length is not None else len(needle))
    return Position(src, start, end)


def test_write_error_in_script_file_has_detail_block():
    rec = ErrorRecord(WriteErrorException("soft failure"), "WriteErrorException", ErrorCategory.NotSpecified,
                      None, _pos(SCRIPT, "Write-Error 'soft failure'", "/tmp/x/case.ps1"), "Write-Error")
    assert render_error(rec) == (
        "Write-Error: /tmp/x/case.ps1:3\n"
        "Line |\n"
        "   3 |  Write-Error 'soft failure'\n"
        "     |  ~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
        "     | soft failure")


def test_no_position_is_one_line():
    rec = ErrorRecord(WriteErrorException("boom"), "x", 0, command_name="Write-Error")
    assert render_error(rec) == "Write-Error: boom"


def test_throw_prefix_is_exception():
    rec = ErrorRecord(RuntimeException("boom"), "boom", 0)
    rec.from_throw = True
    assert render_error(rec) == "Exception: boom"


def test_single_line_console_input_has_no_detail():
    rec = ErrorRecord(RuntimeException("boom"), "x", ErrorCategory.InvalidOperation, None,
                      _pos("Get-Foo -x", "Get-Foo"), "Get-Foo")
    assert render_error(rec) == "Get-Foo: boom"


def test_second_line_of_console_input_has_detail_without_path():
    text = "$a = 1\nGet-Foo"
    rec = ErrorRecord(RuntimeException("boom"), "x", 0, None, _pos(text, "Get-Foo"), "Get-Foo")
    assert render_error(rec) == "Get-Foo: \nLine |\n   2 |  Get-Foo\n     |  ~~~~~~~\n     | boom"


def test_category_and_exception_type_as_reason():
    rec = ErrorRecord(RuntimeException('Cannot convert value "abc" to type "System.Int32".'), "x",
                      ErrorCategory.InvalidArgument)
    assert render_error(rec).startswith("InvalidArgument: Cannot convert")
    rec = ErrorRecord(RuntimeException("Attempted to divide by zero."), "x", ErrorCategory.NotSpecified)
    assert render_error(rec) == "RuntimeException: Attempted to divide by zero."


def test_parser_error_layout():
    text = "Get-Mailbox -Identity )"
    rec = ErrorRecord(RuntimeException("Unexpected token ')' in expression or statement."), "UnexpectedToken",
                      ErrorCategory.ParserError, None, _pos(text, ")"))
    assert render_error(rec) == (
        "ParserError: \n"
        "Line |\n"
        "   1 |  Get-Mailbox -Identity )\n"
        "     |                        ~\n"
        "     | Unexpected token ')' in expression or statement.")


def test_parser_error_in_file_names_the_file():
    text = "if ($x {\n}\n"
    rec = ErrorRecord(RuntimeException("Missing closing ')' after expression in 'if' statement."), "x",
                      ErrorCategory.ParserError, None, _pos(text, "{", "/tmp/p.ps1"))
    out = render_error(rec).split("\n")
    assert out[0] == "ParserError: /tmp/p.ps1:1"
    assert out[3] == "     |         ~"


def test_span_clipped_to_the_line():
    text = "x\nGet-Thing -A 1 |\n  Select-Object B\n"
    rec = ErrorRecord(RuntimeException("bad"), "x", 0, None, _pos(text, "Get-Thing", "/s.ps1",
                                                                 length=len("Get-Thing -A 1 |\n  Select")),
                      "Get-Thing")
    assert render_error(rec).split("\n")[3] == "     |  " + "~" * len("Get-Thing -A 1 |")


def test_long_message_wraps_with_gutter():
    msg = ("The operation couldn't be performed because object 'nobody@contoso.com' couldn't be found on "
           "'EXO'.")
    rec = ErrorRecord(RuntimeException(msg), "x", ErrorCategory.ObjectNotFound, None,
                      _pos(SCRIPT, "Write-Error", "/t.ps1"), "Get-Mailbox")
    lines = render_error(rec, width=60).split("\n")
    assert lines[4:] == ["     | The operation couldn't be performed because object",
                         "     | 'nobody@contoso.com' couldn't be found on 'EXO'."]
    assert all(len(line) <= 60 for line in lines)


def test_error_details_message_wins():
    rec = ErrorRecord(RuntimeException("inner"), "x", 0, command_name="Get-X",
                      details=ErrorDetails("details text"))
    assert render_error(rec) == "Get-X: details text"


def test_line_number_over_four_digits():
    text = "\n" * 12344 + "Get-Foo\n"
    rec = ErrorRecord(RuntimeException("boom"), "x", 0, None, _pos(text, "Get-Foo", "/big.ps1"), "Get-Foo")
    lines = render_error(rec).split("\n")
    assert lines[1] == " Line |"
    assert lines[2] == "12345 |  Get-Foo"
    assert lines[4] == "      | boom"


def test_exception_object_is_accepted():
    e = RuntimeException("direct")
    assert render_error(e).endswith(": direct")


def test_colour():
    rec = ErrorRecord(WriteErrorException("soft failure"), "x", 0, None,
                      _pos(SCRIPT, "Write-Error 'soft failure'", "/tmp/x/case.ps1"), "Write-Error")
    out = render_error(rec, color=True)
    assert out.startswith("\x1b[31;1mWrite-Error: \x1b[0m/tmp/x/case.ps1:3")
    assert "\x1b[36;1mLine |" in out
    assert out.endswith("soft failure\x1b[0m")
    assert render_error(ErrorRecord(RuntimeException("b"), "x", 0, command_name="C"), color=True) == \
        "\x1b[31;1mC: b\x1b[0m"


def test_stream_prefixes():
    assert render_warning("careful") == "WARNING: careful"
    assert render_verbose("v") == "VERBOSE: v"
    assert render_debug("d") == "DEBUG: d"
    assert render_warning("careful", color=True) == "\x1b[33;1mWARNING: careful\x1b[0m"

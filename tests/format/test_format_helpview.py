"""Get-Help layouts and syntax lines."""
import pytest

from o365shell.format.helpview import (ExampleHelp, HelpInfo, ParameterHelp, render_help, render_parameter_help,
                                       syntax_line, syntax_lines)


def _info():
    ps = [ParameterHelp("Identity", "String", "Specifies the mailbox to retrieve.", required=True, position=0,
                        pipeline_input="True (ByValue)"),
          ParameterHelp("ResultSize", "Unlimited", "The maximum number of results."),
          ParameterHelp("Archive", "SwitchParameter", "Archive mailboxes only.", aliases=["a"])]
    return HelpInfo("Get-Mailbox", "Retrieves mailboxes.", syntax_lines("Get-Mailbox", [ps]),
                    "Use Get-Mailbox to view mailbox objects.", ps,
                    [ExampleHelp("Get-Mailbox -Identity ann", "Gets ann's mailbox.")], ["System.String"],
                    ["Mailbox"], "Simulated.", ["Set-Mailbox"])


def test_syntax_forms_and_order():
    params = [ParameterHelp("Force", switch=True), ParameterHelp("Path", required=True),
              ParameterHelp("Name", position=1), ParameterHelp("Id", "Int32", required=True, position=0),
              ParameterHelp("Filter")]
    assert syntax_line("Get-Thing", params) == (
        "Get-Thing [-Id] <Int32> [[-Name] <String>] -Path <String> [-Force] [-Filter <String>] "
        "[<CommonParameters>]")


def test_syntax_lines_one_per_set():
    sets = {"ByName": [ParameterHelp("Name", required=True, position=0)],
            "ById": [ParameterHelp("Id", "Guid", required=True)]}
    assert syntax_lines("Get-X", sets) == ["Get-X [-Name] <String> [<CommonParameters>]",
                                           "Get-X -Id <Guid> [<CommonParameters>]"]


def test_default_view():
    assert render_help(_info()) == "\n".join([
        "",
        "NAME",
        "    Get-Mailbox",
        "",
        "SYNOPSIS",
        "    Retrieves mailboxes.",
        "",
        "",
        "SYNTAX",
        "    Get-Mailbox [-Identity] <String> [-ResultSize <Unlimited>] [-Archive] [<CommonParameters>]",
        "",
        "",
        "DESCRIPTION",
        "    Use Get-Mailbox to view mailbox objects.",
        "",
        "",
        "RELATED LINKS",
        "    Set-Mailbox",
        "",
        "REMARKS",
        '    To see the examples, type: "get-help Get-Mailbox -examples".',
        '    For more information, type: "get-help Get-Mailbox -detailed".',
        '    For technical information, type: "get-help Get-Mailbox -full".',
        "", ""])


def test_detailed_view_has_parameters_and_examples_without_attributes():
    text = render_help(_info(), "detailed")
    assert "PARAMETERS\n    -Identity <String>\n        Specifies the mailbox to retrieve.\n\n    -ResultSize" in text
    assert "Required?" not in text
    assert "    -Archive\n" in text
    assert "    <CommonParameters>\n        This cmdlet supports the common parameters: Verbose, Debug," in text
    assert "    -------------------------- EXAMPLE 1 --------------------------\n\n    PS > Get-Mailbox" in text
    assert "For more information, type" not in text and "To see the examples" in text


def test_full_view_has_attribute_blocks_inputs_outputs_notes():
    text = render_help(_info(), "full")
    assert ("        Required?                    true\n"
            "        Position?                    0\n"
            "        Default value\n"
            "        Accept pipeline input?       True (ByValue)\n"
            "        Aliases\n"
            "        Accept wildcard characters?  false\n") in text
    assert "        Position?                    Named\n" in text
    assert "        Aliases                      a\n" in text
    assert "INPUTS\n    System.String\n" in text
    assert "OUTPUTS\n    Mailbox\n" in text
    assert "NOTES\n    Simulated.\n" in text
    assert "REMARKS" not in text


def test_examples_view():
    text = render_help(_info(), "examples")
    assert text.startswith("\nNAME\n    Get-Mailbox\n\nSYNOPSIS\n    Retrieves mailboxes.\n\n")
    assert "SYNTAX" not in text and "PS > Get-Mailbox -Identity ann\n\n    Gets ann's mailbox." in text


def test_parameter_view_with_wildcards():
    text = render_parameter_help(_info(), ["Res*"])
    assert text.startswith("\n    -ResultSize <Unlimited>\n        The maximum number of results.\n\n")
    with pytest.raises(KeyError):
        render_parameter_help(_info(), ["Nope"])
